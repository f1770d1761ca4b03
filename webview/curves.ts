import { evaluateArray, kinksOf } from '../src/core/activations';
import type { SeriesState } from '../src/protocol';

/** Points per curve: enough for a smooth line at any panel width, small enough to redraw in a frame. */
export const POINTS = 2000;

/** One series evaluated over the plotted range. */
export interface SeriesCurves {
  series: SeriesState;
  xs: Float64Array;
  y: Float64Array;
  dy: Float64Array;
  d2y: Float64Array;
  kinks: number[];
}

export { autoRange } from '../src/plotRange';

/**
 * Evaluates series over a range into buffers it keeps between calls, so a slider drag allocates nothing.
 * A series the core rejects is left out and its error returned with it.
 */
export class CurveCache {
  private buffers: { xs: Float64Array; y: Float64Array; dy: Float64Array; d2y: Float64Array }[] =
    [];

  compute(
    series: readonly SeriesState[],
    range: readonly [number, number],
    points = POINTS,
  ): { curves: SeriesCurves[]; errors: { id: string; message: string }[] } {
    const curves: SeriesCurves[] = [];
    const errors: { id: string; message: string }[] = [];
    series.forEach((s, i) => {
      let b = this.buffers[i];
      if (!b || b.xs.length !== points) {
        b = {
          xs: new Float64Array(points),
          y: new Float64Array(points),
          dy: new Float64Array(points),
          d2y: new Float64Array(points),
        };
        this.buffers[i] = b;
      }
      const [lo, hi] = range;
      const step = (hi - lo) / (points - 1);
      for (let k = 0; k < points; k++) {
        b.xs[k] = lo + k * step;
      }
      try {
        evaluateArray(s.id, b.xs, s.params, b);
        const kinks = kinksOf(s.id, s.params).filter((x) => x >= lo && x <= hi);
        curves.push({ series: s, ...b, kinks });
      } catch (e) {
        errors.push({ id: s.id, message: e instanceof Error ? e.message : String(e) });
      }
    });
    return { curves, errors };
  }
}
