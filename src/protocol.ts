/**
 * The one protocol between the extension host and the Plot Activation webview, both directions. The checks
 * run on everything received are in protocolValidation.ts. Pure TypeScript: imported by the host, the
 * webview bundle and Node unit tests alike.
 */

/** The webview panel's type, also the serializer's key (`onWebviewPanel:activationLens.plot`). */
export const PLOT_VIEW_TYPE = 'activationLens.plot';

export type ParamMap = Record<string, number | string>;

/** One activation to plot, the shape the hover's Plot/Compare links and the tests pass. */
export interface SeriesSpec {
  id: string;
  params: ParamMap;
  /** For a vector activation (softmax, glu…): the logits to open its view with (2–16 finite numbers). */
  logits?: number[];
}

export type Curve = 'f' | 'df' | 'd2f';
export const CURVES: readonly Curve[] = ['f', 'df', 'd2f'];

export type ViewName = 'plot' | 'softmax' | 'depth';
export const VIEWS: readonly ViewName[] = ['plot', 'softmax', 'depth'];

/**
 * The Plot/Compare command's argument (the hover's links, the pitfall's Explain, tests): what to plot and,
 * when the caller knows it, the view to open on (`softmax` for the softmax family, `depth` for the
 * Signal-through-depth link). Without `view` the series' kinds decide, as before.
 */
export interface PlotRequest {
  series: SeriesSpec[];
  view?: ViewName;
}

/** One plotted activation as the webview keeps it. */
export interface SeriesState extends SeriesSpec {
  show: Record<Curve, boolean>;
}

/** Everything the panel needs to come back after a reload (webview getState and the serializer). */
export interface PanelState {
  view: ViewName;
  series: SeriesState[];
  /** The plotted x-range; `null` means "fit the series' own plot ranges". */
  range: [number, number] | null;
  /** |f'| below this is shaded; `null` follows the setting. */
  threshold: number | null;
  shade: boolean;
  table: boolean;
  softmax: { id: string; logits: number[]; temperature: number };
  /** The Signal-through-depth view (mean-field theory beside simulated networks). */
  signal: SignalState;
  /** Settings of the former gradient-through-depth view, kept so older saved states still load. */
  depth: {
    ids: string[];
    layers: number;
    mu: number;
    sigma: number;
    bias: number;
    gain: number | null;
  };
}

/** The Signal-through-depth view: one activation, the init (σ_w², σ_b²), input variance, depth, width. */
export interface SignalState {
  id: string;
  params: ParamMap;
  sigmaW2: number;
  sigmaB2: number;
  q0: number;
  layers: number;
  width: number;
  /** The init preset that set σ_w², σ_b² (see webview/depthPresets.ts); null once they are moved by hand. */
  preset: string | null;
}

/** The settings the webview uses (validated by the host's ConfigWatcher). */
export interface PlotSettings {
  lowGradientThreshold: number;
  significantDigits: number;
}

/** What a panel opened with nothing asked for plots: ReLU and its derivative. */
export const DEFAULT_SERIES: readonly SeriesSpec[] = [{ id: 'relu', params: {} }];

/**
 * f and f′ of each series the core could evaluate, at `points` evenly spaced x over `range` (both ends
 * included); null where a value is not finite (JSON has no NaN or ∞), which the first frame leaves as a
 * gap as the chart does.
 */
export interface FirstFrameCurves {
  range: [number, number];
  curves: { y: (number | null)[]; dy: (number | null)[] }[];
}

/**
 * What a new webview needs to draw its first frame, embedded in its HTML (`data-init` on `#app`) so the
 * first paint does not wait for a message round trip. `series: null` means "nothing asked for".
 */
export interface InitialData {
  settings: PlotSettings;
  series: SeriesSpec[] | null;
  /**
   * The plot view's first curves, sampled by the host (src/plot/firstFrameCurves.ts), so that the
   * webview's first script draws them without the core: it stays small, and the first paint waits for
   * no evaluation. Absent when the panel opens on another view.
   */
  firstFrame?: FirstFrameCurves;
  /**
   * The view a new panel opens on (the webview checks it is one of VIEWS): a panel opened for the Softmax
   * or depth view paints that view first, not a ReLU chart it then hides. Absent means the plot view.
   */
  view?: ViewName;
}

/** Host → webview. */
export type HostMessage =
  | { type: 'setSeries'; mode: 'replace' | 'add'; series: SeriesSpec[] }
  | { type: 'settings'; settings: PlotSettings }
  /** Open the Signal-through-depth view on this activation (the hover's "Signal through depth" link). */
  | { type: 'showDepth'; series: SeriesSpec }
  /** Test hook: the webview posts `message` back unchanged, so tests exercise the real channel. */
  | { type: 'echo'; message: unknown }
  /**
   * Opens a vector activation in the Softmax view (it has no curve f(x) to plot); `logits` null keeps the
   * view's own; `notice` says why it was not overlaid on the chart, when it was asked to be.
   */
  | { type: 'showVector'; id: string; logits: number[] | null; notice: string };

/** What the webview reports after drawing, so tests and benchmarks can wait on it. */
export interface RenderedSeries {
  id: string;
  params: ParamMap;
  curves: Curve[];
  points: number;
}

/** Webview → host. */
export type WebviewMessage =
  | { type: 'ready' }
  | {
      type: 'rendered';
      seq: number;
      view: ViewName;
      series: RenderedSeries[];
      range: [number, number];
      /** Milliseconds the webview spent computing and drawing this frame. */
      drawMs: number;
      /** Colours the chart used per series (tests check theme changes). */
      colours: string[];
    }
  | { type: 'error'; message: string; stack?: string }
  | { type: 'export'; format: 'png' | 'csv'; data: string }
  | { type: 'copy'; text: string };
