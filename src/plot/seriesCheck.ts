/**
 * What the Plot/Compare commands can draw of the series they were given: scalar activations go on the
 * chart, vector ones (softmax, glu…) to the Softmax view, and the rest are named in one message. Pure.
 */
import { getActivation, validateParams } from '../core';
import type { SeriesSpec } from '../protocol';

export interface SeriesCheck {
  /** Curves for the chart. */
  readonly scalar: SeriesSpec[];
  /** Vector activations: they map a vector to a vector and have no curve f(x). */
  readonly vector: SeriesSpec[];
  /** One message naming every series that was left out and why; undefined when none was. */
  readonly problem: string | undefined;
}

/** Series named in full in the message; the rest are counted. */
const NAMED = 3;

/**
 * Text for a notification: VS Code renders `[text](target)` in messages as a link, so brackets never
 * reach it from ids or values the command was given; and it stays short.
 */
function plain(text: string): string {
  return text.replace(/[[\]]/g, '').slice(0, 200);
}

/** Sorts the series by kind, checking each id and its parameters against the catalogue. */
export function checkSeries(series: readonly SeriesSpec[]): SeriesCheck {
  const scalar: SeriesSpec[] = [];
  const vector: SeriesSpec[] = [];
  const bad: string[] = [];
  for (const s of series) {
    // The core's one validation, shared with the hover and the API: unknown ids, bad and unplottable values.
    const invalid = validateParams(s.id, s.params);
    if (invalid === undefined) {
      (getActivation(s.id).kind === 'scalar' ? scalar : vector).push(s);
    } else {
      bad.push(plain(invalid));
    }
  }
  let problem: string | undefined;
  if (bad.length === 1) {
    problem = `Activation Lens: cannot plot ${bad[0]}`;
  } else if (bad.length > 1) {
    const more = bad.length > NAMED ? `; and ${bad.length - NAMED} more` : '';
    problem = `Activation Lens: cannot plot ${bad.length} series: ${bad.slice(0, NAMED).join('; ')}${more}`;
  }
  return { scalar, vector, problem };
}

/** Why vector activations asked to be overlaid (Compare) are not on the chart. */
export function notOverlaidNotice(vector: readonly SeriesSpec[]): string {
  const names = [...new Set(vector.map((s) => getActivation(s.id).name))];
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0];
  const verb = names.length > 1 ? 'map' : 'maps';
  return (
    `${list} ${verb} a whole vector of logits to a vector (every output depends on every input), so ` +
    `there is no curve f(x) to overlay on the chart: ${names[0]} is shown here instead.`
  );
}
