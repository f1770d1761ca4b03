/**
 * The plot view's first curves, sampled in the extension host and embedded in the panel's HTML
 * (`InitialData.firstFrame`): the webview's first script draws them without the core (webview/firstFrame.ts),
 * so it stays a few kilobytes and its first frame computes nothing. The range and the evaluation are the
 * ones the panel's chart then uses (plotRange.autoRange, the core's evaluateArray).
 */
import { evaluateArray } from '../core';
import { safeRange } from '../plotLimits';
import { autoRange } from '../plotRange';
import type { FirstFrameCurves, SeriesSpec } from '../protocol';

/** Samples per curve: smooth at any panel width (the chart replaces it within a few frames). */
export const FIRST_FRAME_POINTS = 400;
/** Significant digits sent: far below a pixel on any chart, and a third of the JSON of full doubles. */
const DIGITS = 6;

/** A sample as JSON carries it: rounded, null where not finite. */
function sample(v: number): number | null {
  return Number.isFinite(v) ? Number(v.toPrecision(DIGITS)) : null;
}

/**
 * f and f′ of `series` over the range the chart will start on; a series the core rejects is left out
 * (the panel reports it when it loads). Undefined when none can be drawn.
 */
export function firstFrameCurves(series: readonly SeriesSpec[]): FirstFrameCurves | undefined {
  const range = safeRange(autoRange(series));
  const [lo, hi] = range;
  const xs = new Float64Array(FIRST_FRAME_POINTS);
  for (let k = 0; k < FIRST_FRAME_POINTS; k++) {
    xs[k] = lo + (k * (hi - lo)) / (FIRST_FRAME_POINTS - 1);
  }
  const curves: FirstFrameCurves['curves'] = [];
  for (const s of series) {
    try {
      const { y, dy } = evaluateArray(s.id, xs, s.params);
      curves.push({ y: Array.from(y, sample), dy: Array.from(dy, sample) });
    } catch {
      // Left out here; the panel's own evaluation says why.
    }
  }
  return curves.length > 0 ? { range, curves } : undefined;
}
