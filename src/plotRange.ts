/**
 * The x-range a plot of some activations starts on, from the catalogue: used by the host for the panel's
 * first frame (src/plot/firstFrameCurves.ts) and by the panel's chart (webview/plotView.ts), so both draw
 * the same range.
 */
import { getActivation } from './core/activations';

/** The range that shows every series' interesting part: the union of the catalogue's plot ranges. */
export function autoRange(series: readonly { id: string }[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series) {
    try {
      const [a, b] = getActivation(s.id).plotRange;
      lo = Math.min(lo, a);
      hi = Math.max(hi, b);
    } catch {
      // An unknown id is reported where it is evaluated; it does not decide the range.
    }
  }
  return Number.isFinite(lo) && Number.isFinite(hi) && lo < hi ? [lo, hi] : [-5, 5];
}
