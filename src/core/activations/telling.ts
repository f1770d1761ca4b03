/**
 * Telling points for a values table: where the function bends (kinks), 0, where the slope peaks and
 * where a non-monotonic function dips. Found by a grid scan over the plot range; never more than eight.
 */
import type { Point, Resolved, ScalarDef } from './def';

const GRID = 400;

/** Rounds to 3 decimals so the table shows 1.414 rather than 1.4142135623730951 (huge x stay as they are). */
function tidy(x: number): number {
  return Math.abs(x) < 1e12 ? Math.round(x * 1000) / 1000 : x;
}

/** x positions worth tabulating for these parameters, sorted, at most eight. */
export function tellingPoints(def: ScalarDef, p: Resolved): number[] {
  const kinks = def.kinks(p).filter(Number.isFinite);
  const [lo0, hi0] = def.info.plotRange;
  const lo = Math.min(lo0, ...kinks.map((k) => k - 1));
  const hi = Math.max(hi0, ...kinks.map((k) => k + 1));
  const f = def.bind(p);
  const o: Point = { y: 0, dy: 0, d2y: 0 };
  let maxSlope = -Infinity;
  let maxSlopeAt = NaN;
  let minY = Infinity;
  let minYAt = NaN;
  // hi/GRID − lo/GRID, not (hi − lo)/GRID: kinks near ±1.8e308 would overflow the difference.
  const step = hi / GRID - lo / GRID;
  for (let i = 0; i <= GRID; i++) {
    const x = lo + step * i;
    f(x, o);
    if (o.dy > maxSlope + 1e-12) {
      maxSlope = o.dy;
      maxSlopeAt = x;
    }
    if (o.y < minY - 1e-12) {
      minY = o.y;
      minYAt = x;
    }
  }
  const picks = [...kinks, 0, tidy(lo0 / 2), tidy(hi0 / 2)];
  // Interior extrema only: at the edge of the range they just mean "keeps growing".
  const interior = (x: number) => x > lo + 1e-9 && x < hi - 1e-9;
  f(lo, o);
  const slopeLo = o.dy;
  f(hi, o);
  const slopeHi = o.dy;
  if (interior(maxSlopeAt) && maxSlope > Math.max(slopeLo, slopeHi) + 1e-6) {
    picks.push(tidy(maxSlopeAt));
  }
  if (!def.info.properties.monotonic && interior(minYAt)) {
    picks.push(tidy(minYAt));
  }
  const unique = [...new Set(picks.map((x) => (Object.is(x, -0) ? 0 : x)))].sort((a, b) => a - b);
  return unique.slice(0, 8);
}
