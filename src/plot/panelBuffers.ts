/**
 * The plot panel's buffers, bounded whatever the webview or the commands do: the recent webview errors
 * (a ring) and the messages held for a hidden panel (collapsed to the state they lead to). Pure.
 */
import type { HostMessage, SeriesSpec } from '../protocol';

/** The last `capacity` items pushed, oldest first; older ones are dropped and counted. */
export class RecentRing<T> {
  private items: T[] = [];
  /** How many items were pushed out to keep the ring at its capacity. */
  dropped = 0;

  constructor(readonly capacity: number) {}

  push(item: T): void {
    this.items.push(item);
    if (this.items.length > this.capacity) {
      this.items.shift();
      this.dropped++;
    }
  }

  clear(): void {
    this.items = [];
  }

  toArray(): T[] {
    return [...this.items];
  }
}

/** Most series a queued setSeries keeps (the protocol's own limit per message). */
const MAX_QUEUED_SERIES = 32;
/** Test echoes are kept in order, but only this many. */
const MAX_QUEUED_ECHOES = 16;

/**
 * The queue after `message`, holding at most one message of each kind that sets state: the latest
 * settings, one setSeries equivalent to every series message so far (a replace drops what came before
 * it, adds are appended, at most 32 series kept, the latest), the latest showVector; test echoes in order
 * up to a few. Replayed in that order, it leaves the webview where the whole sequence would have.
 */
export function collapseQueue(queue: readonly HostMessage[], message: HostMessage): HostMessage[] {
  let settings: HostMessage | undefined;
  let series: Extract<HostMessage, { type: 'setSeries' }> | undefined;
  let vector: HostMessage | undefined;
  const echoes: HostMessage[] = [];
  for (const m of [...queue, message]) {
    switch (m.type) {
      case 'settings':
        settings = m;
        break;
      case 'setSeries':
        series =
          m.mode === 'replace' || !series
            ? m
            : {
                type: 'setSeries',
                mode: series.mode,
                series: lastSeries([...series.series, ...m.series]),
              };
        // A later chart replaces an earlier vector view: the webview shows the plot after setSeries.
        vector = undefined;
        break;
      case 'showVector':
      case 'showDepth':
        // The latest request to show a view other than the chart wins.
        vector = m;
        break;
      case 'echo':
        echoes.push(m);
        break;
      default: {
        const never: never = m;
        return never;
      }
    }
  }
  return [settings, series, vector, ...echoes.slice(-MAX_QUEUED_ECHOES)].filter(
    (m): m is HostMessage => m !== undefined,
  );
}

function lastSeries(series: SeriesSpec[]): SeriesSpec[] {
  return series.slice(-MAX_QUEUED_SERIES);
}
