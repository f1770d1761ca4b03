/**
 * The host's checks on everything the webview sends, on command arguments and on restored state: malformed
 * input is rejected (or, for state, repaired to defaults) and never throws. Pure TypeScript.
 */
import {
  CURVES,
  VIEWS,
  type ParamMap,
  type SeriesSpec,
  type Curve,
  type ViewName,
  type SeriesState,
  type PanelState,
  type InitialData,
  type FirstFrameCurves,
  type PlotRequest,
  type RenderedSeries,
  type WebviewMessage,
  type SignalState,
} from './protocol';

const MAX_SERIES = 32;
const MAX_TEXT = 8_000_000;

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

function isShortString(v: unknown, max = 200): v is string {
  return typeof v === 'string' && v.length <= max;
}

/** Parameters as plain data: names to finite numbers or short strings; anything else is rejected. */
export function parseParams(v: unknown): ParamMap | undefined {
  if (v === undefined) {
    return {};
  }
  if (!isObj(v)) {
    return undefined;
  }
  const out: ParamMap = {};
  for (const [k, val] of Object.entries(v)) {
    if (!isShortString(k, 64)) {
      return undefined;
    }
    if (isFiniteNumber(val) || isShortString(val, 64)) {
      out[k] = val;
    } else if (typeof val === 'boolean') {
      // The recognizer reports flags such as inplace=True; they do not change the curve.
      continue;
    } else {
      return undefined;
    }
  }
  return out;
}

/** A `{ id, params }` (with `logits` when given) or `undefined` when the value is not one. */
export function parseSeriesSpec(v: unknown): SeriesSpec | undefined {
  if (!isObj(v) || !isShortString(v.id, 64) || v.id.length === 0) {
    return undefined;
  }
  const params = parseParams(v.params);
  if (!params) {
    return undefined;
  }
  if (v.logits === undefined) {
    return { id: v.id, params };
  }
  const logits = parseLogits(v.logits);
  return logits ? { id: v.id, params, logits } : undefined;
}

/** Logits for the Softmax view: 2–16 finite numbers, else undefined. */
export function parseLogits(v: unknown): number[] | undefined {
  return Array.isArray(v) && v.length >= 2 && v.length <= 16 && v.every(isFiniteNumber)
    ? [...v]
    : undefined;
}

/**
 * The Plot/Compare command argument `{ series: [{ id, params }] }`; `undefined` when it is malformed. The
 * ids are not checked against the catalogue here (the protocol stays independent of the core).
 */
export function parsePlotArgs(v: unknown): SeriesSpec[] | undefined {
  if (!isObj(v) || !Array.isArray(v.series) || v.series.length > MAX_SERIES) {
    return undefined;
  }
  const out: SeriesSpec[] = [];
  for (const s of v.series) {
    const spec = parseSeriesSpec(s);
    if (!spec) {
      return undefined;
    }
    out.push(spec);
  }
  return out;
}

/** A view name, or undefined when `v` is not one of VIEWS. */
export function parseViewName(v: unknown): ViewName | undefined {
  return VIEWS.includes(v as ViewName) ? (v as ViewName) : undefined;
}

/**
 * The Plot/Compare command argument with its optional `view`: undefined when the series are malformed or
 * `view` is present but not one of VIEWS (a link naming an unknown view is refused, not guessed at).
 */
export function parsePlotRequest(v: unknown): PlotRequest | undefined {
  const series = parsePlotArgs(v);
  if (!series || !isObj(v)) {
    return undefined;
  }
  if (v.view === undefined) {
    return { series };
  }
  const view = parseViewName(v.view);
  return view ? { series, view } : undefined;
}

function parseRange(v: unknown): [number, number] | undefined {
  return Array.isArray(v) &&
    v.length === 2 &&
    isFiniteNumber(v[0]) &&
    isFiniteNumber(v[1]) &&
    v[0] < v[1]
    ? [v[0], v[1]]
    : undefined;
}

function parseRenderedSeries(v: unknown): RenderedSeries | undefined {
  const spec = parseSeriesSpec(v);
  if (!spec || !isObj(v) || !Array.isArray(v.curves) || !Number.isInteger(v.points)) {
    return undefined;
  }
  const curves = v.curves.filter((c): c is Curve => CURVES.includes(c as Curve));
  return curves.length === v.curves.length
    ? { ...spec, curves, points: v.points as number }
    : undefined;
}

/**
 * Validates a message from the webview. Returns the typed message, or a reason it was dropped: the host
 * logs the reason and carries on.
 */
export function validateWebviewMessage(
  v: unknown,
): { ok: true; message: WebviewMessage } | { ok: false; reason: string } {
  const fail = (reason: string) => ({ ok: false as const, reason });
  if (!isObj(v) || typeof v.type !== 'string') {
    return fail('not an object with a string "type"');
  }
  switch (v.type) {
    case 'ready':
      return { ok: true, message: { type: 'ready' } };
    case 'rendered': {
      const range = parseRange(v.range);
      if (
        !Number.isInteger(v.seq) ||
        !VIEWS.includes(v.view as ViewName) ||
        !range ||
        !isFiniteNumber(v.drawMs) ||
        !Array.isArray(v.series) ||
        v.series.length > MAX_SERIES ||
        !Array.isArray(v.colours) ||
        !v.colours.every((c) => isShortString(c, 64))
      ) {
        return fail('malformed "rendered"');
      }
      const series = v.series.map(parseRenderedSeries);
      if (series.some((s) => s === undefined)) {
        return fail('malformed series in "rendered"');
      }
      return {
        ok: true,
        message: {
          type: 'rendered',
          seq: v.seq as number,
          view: v.view as ViewName,
          series: series as RenderedSeries[],
          range,
          drawMs: v.drawMs,
          colours: v.colours as string[],
        },
      };
    }
    case 'error':
      return isShortString(v.message, 10_000) &&
        (v.stack === undefined || isShortString(v.stack, 20_000))
        ? { ok: true, message: { type: 'error', message: v.message, stack: v.stack } }
        : fail('malformed "error"');
    case 'export':
      return (v.format === 'png' || v.format === 'csv') && isShortString(v.data, MAX_TEXT)
        ? { ok: true, message: { type: 'export', format: v.format, data: v.data } }
        : fail('malformed "export"');
    case 'copy':
      return isShortString(v.text, 100_000)
        ? { ok: true, message: { type: 'copy', text: v.text } }
        : fail('malformed "copy"');
    default:
      return fail(`unknown type ${JSON.stringify(String(v.type).slice(0, 40))}`);
  }
}

/** The embedded initial data, made safe (defaults for anything malformed). Never throws. */
/** Most samples per curve the first frame accepts (the host sends FIRST_FRAME_POINTS). */
const FIRST_FRAME_MAX_POINTS = 4096;

/** A value of a first-frame curve: a finite number or null (a gap). */
function isSample(v: unknown): v is number | null {
  return v === null || isFiniteNumber(v);
}

/**
 * The first frame's curves, or undefined when anything is off (the panel then draws without them): a
 * finite increasing range, and per curve two arrays of the same length of at least 2 samples.
 */
export function parseFirstFrame(v: unknown): FirstFrameCurves | undefined {
  if (!isObj(v) || !Array.isArray(v.curves) || v.curves.length > MAX_SERIES) {
    return undefined;
  }
  const range = parseRange(v.range);
  if (!range) {
    return undefined;
  }
  const curves: FirstFrameCurves['curves'] = [];
  for (const c of v.curves) {
    if (
      !isObj(c) ||
      !Array.isArray(c.y) ||
      !Array.isArray(c.dy) ||
      c.y.length !== c.dy.length ||
      c.y.length < 2 ||
      c.y.length > FIRST_FRAME_MAX_POINTS ||
      !c.y.every(isSample) ||
      !c.dy.every(isSample)
    ) {
      return undefined;
    }
    curves.push({ y: c.y as (number | null)[], dy: c.dy as (number | null)[] });
  }
  return { range, curves };
}

export function parseInitialData(v: unknown): InitialData {
  const o = isObj(v) ? v : {};
  const st = isObj(o.settings) ? o.settings : {};
  const view = parseViewName(o.view);
  const firstFrame = parseFirstFrame(o.firstFrame);
  return {
    settings: {
      lowGradientThreshold: num(st.lowGradientThreshold, 0.05, 0, 1),
      significantDigits: Math.round(num(st.significantDigits, 4, 2, 12)),
    },
    series: o.series === null ? null : (parsePlotArgs({ series: o.series }) ?? null),
    ...(view ? { view } : {}),
    ...(firstFrame ? { firstFrame } : {}),
  };
}

/** The state a fresh panel starts from. */
export function defaultState(): PanelState {
  return {
    view: 'plot',
    series: [],
    range: null,
    threshold: null,
    shade: true,
    table: false,
    softmax: { id: 'softmax', logits: [2, 1, 0.1, -1], temperature: 1 },
    depth: { ids: ['sigmoid', 'tanh', 'relu'], layers: 20, mu: 0, sigma: 1, bias: 0, gain: null },
    signal: {
      id: 'tanh',
      params: {},
      sigmaW2: 1 / 3,
      sigmaB2: 1 / (3 * 256),
      q0: 1,
      layers: 30,
      width: 256,
      preset: 'torch-linear',
    },
  };
}

/** Widths the depth view simulates. */
export const SIGNAL_WIDTHS: readonly number[] = [64, 128, 256, 512];

/** The Signal-through-depth state made safe (defaults for anything malformed). */
function sanitizeSignal(v: unknown, d: SignalState): SignalState {
  const o = isObj(v) ? v : {};
  const spec = parseSeriesSpec({ id: o.id, params: o.params });
  return {
    id: spec?.id ?? d.id,
    params: spec?.params ?? d.params,
    sigmaW2: num(o.sigmaW2, d.sigmaW2, 0, 1000),
    sigmaB2: num(o.sigmaB2, d.sigmaB2, 0, 1000),
    q0: num(o.q0, d.q0, 0, 1e6),
    layers: Math.round(num(o.layers, d.layers, 1, 100)),
    width: SIGNAL_WIDTHS.includes(o.width as number) ? (o.width as number) : d.width,
    preset:
      o.preset === null || (isShortString(o.preset, 32) && o.preset !== '')
        ? (o.preset as string | null)
        : d.preset,
  };
}

function num(v: unknown, fallback: number, min: number, max: number): number {
  return isFiniteNumber(v) ? Math.min(max, Math.max(min, v)) : fallback;
}

function parseSeriesState(v: unknown): SeriesState | undefined {
  const spec = parseSeriesSpec(v);
  if (!spec || !isObj(v)) {
    return undefined;
  }
  const show = isObj(v.show) ? v.show : {};
  return { ...spec, show: { f: show.f !== false, df: show.df !== false, d2f: show.d2f === true } };
}

/**
 * Restored state (from getState or the serializer) made safe: every field valid, unknown ones dropped,
 * whatever was stored. Never throws.
 */
export function sanitizeState(v: unknown): PanelState {
  const d = defaultState();
  if (!isObj(v)) {
    return d;
  }
  const series = Array.isArray(v.series)
    ? v.series
        .slice(0, MAX_SERIES)
        .map(parseSeriesState)
        .filter((s): s is SeriesState => s !== undefined)
    : [];
  const sm = isObj(v.softmax) ? v.softmax : {};
  const dp = isObj(v.depth) ? v.depth : {};
  const logits = Array.isArray(sm.logits) ? sm.logits.filter(isFiniteNumber).slice(0, 16) : [];
  const ids = Array.isArray(dp.ids) ? dp.ids.filter((s) => isShortString(s, 64)).slice(0, 8) : [];
  return {
    view: VIEWS.includes(v.view as ViewName) ? (v.view as ViewName) : d.view,
    series,
    range: parseRange(v.range) ?? null,
    threshold: isFiniteNumber(v.threshold) ? num(v.threshold, 0.05, 0, 1) : null,
    shade: v.shade !== false,
    table: v.table === true,
    softmax: {
      id: isShortString(sm.id, 64) ? sm.id : d.softmax.id,
      logits: logits.length >= 2 ? logits : d.softmax.logits,
      temperature: num(sm.temperature, 1, 0.05, 20),
    },
    signal: sanitizeSignal(v.signal, d.signal),
    depth: {
      ids: ids.length > 0 ? (ids as string[]) : d.depth.ids,
      layers: Math.round(num(dp.layers, d.depth.layers, 1, 200)),
      mu: num(dp.mu, 0, -10, 10),
      sigma: num(dp.sigma, 1, 0.01, 10),
      bias: num(dp.bias, 0, -10, 10),
      gain: isFiniteNumber(dp.gain) ? num(dp.gain, 1, 0.01, 10) : null,
    },
  };
}
