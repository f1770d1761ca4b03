import type { PanelState, PlotSettings, RenderedSeries, WebviewMessage } from '../src/protocol';
import type { Theme } from './theme';

/** What every view shares: the state, settings and theme (mutated in place), and the way out to the host. */
export interface Page {
  state: PanelState;
  settings: PlotSettings;
  theme: Theme;
  post(message: WebviewMessage): void;
  /** Persists `state` (getState/setState). */
  save(): void;
}

/** How a view says what it drew, so the host (and tests, benchmarks) can wait on it. */
export type Report = (
  series: RenderedSeries[],
  range: [number, number],
  drawMs: number,
  colours: string[],
) => void;

/** One tab of the panel. */
export interface View {
  readonly root: HTMLElement;
  /** Recompute and draw (the view just became visible or its inputs changed). */
  redraw(): void;
  /** Theme or settings changed: rebuild what depends on them, then redraw. */
  refresh(): void;
}
