/**
 * What a plot can draw. A double holds values up to ~1.8e308, but a plot subtracts them (spans, margins,
 * tick steps): y near the largest double makes `max − min` overflow to ∞ and chart.js count ticks
 * forever, the hover's SVG get NaN coordinates. Every plot (hover SVG, chart, tables' axes) goes through
 * these bounds. Pure: used by the extension host and the webview alike.
 */

/** Largest |value| drawn; beyond it a value is clipped to the edge and the plot says so. */
export const PLOT_LIMIT = 1e300;

/** v clipped into ±PLOT_LIMIT; NaN and ±∞ (no value to draw) stay as they are, the plot leaves a gap. */
export function clipForPlot(v: number): number {
  return v > PLOT_LIMIT && v !== Infinity
    ? PLOT_LIMIT
    : v < -PLOT_LIMIT && v !== -Infinity
      ? -PLOT_LIMIT
      : v;
}

/** Whether v cannot be drawn where it is: beyond ±PLOT_LIMIT (clipped) or infinite (left out). */
export function beyondPlot(v: number): boolean {
  return Math.abs(v) > PLOT_LIMIT;
}

/**
 * An x-range that can be sampled and drawn: finite ends within ±PLOT_LIMIT, `lo < hi`, and wide enough
 * for distinct samples (a range 1e-300 wide at 1e300 would collapse to one point). Anything unusable
 * becomes `fallback`.
 */
export function safeRange(
  range: readonly [number, number],
  fallback: readonly [number, number] = [-5, 5],
): [number, number] {
  let [lo, hi] = range;
  if (Number.isNaN(lo) || Number.isNaN(hi)) {
    return [fallback[0], fallback[1]];
  }
  lo = Math.max(-PLOT_LIMIT, Math.min(PLOT_LIMIT, lo));
  hi = Math.max(-PLOT_LIMIT, Math.min(PLOT_LIMIT, hi));
  if (lo > hi) {
    [lo, hi] = [hi, lo];
  }
  const minWidth = Math.max(1, Math.abs(lo), Math.abs(hi)) * 1e-9;
  if (hi - lo < minWidth) {
    const mid = lo / 2 + hi / 2;
    lo = Math.max(-PLOT_LIMIT, Math.min(PLOT_LIMIT - minWidth, mid - minWidth / 2));
    hi = lo + minWidth;
  }
  return [lo, hi];
}

/**
 * y-axis bounds covering every drawable value of `series` (clipped, non-finite left out), with a margin
 * of `pad` of the span on each side. Always finite with `lo < hi`; [-1, 1] when nothing is drawable.
 */
export function yBounds(
  series: readonly ArrayLike<number>[],
  pad = 0.06,
  includeZero = false,
): [number, number] {
  let lo = includeZero ? 0 : Infinity;
  let hi = includeZero ? 0 : -Infinity;
  for (const values of series) {
    for (let i = 0; i < values.length; i++) {
      const v = clipForPlot(values[i]);
      if (Number.isFinite(v)) {
        lo = v < lo ? v : lo;
        hi = v > hi ? v : hi;
      }
    }
  }
  if (!(lo <= hi)) {
    return [-1, 1];
  }
  // Both ends are within ±1e300, so the span (≤ 2e300) and the margins cannot overflow.
  const flat = Math.max(1, Math.abs(lo), Math.abs(hi)) * 1e-12;
  if (hi - lo < flat) {
    const half = Math.max(1, Math.abs(lo) * 0.1);
    lo -= half;
    hi += half;
  }
  const margin = (hi - lo) * pad;
  return [lo - margin, hi + margin];
}

/**
 * `[lo, hi]` widened to multiples of a round step (1, 2 or 5 × 10ⁿ, about `ticks` steps across), so an
 * axis with explicit bounds still starts and ends on readable numbers. Stays finite for bounds from
 * yBounds (|·| ≤ ~1.1e300).
 */
export function niceBounds(bounds: readonly [number, number], ticks = 8): [number, number] {
  const [lo, hi] = bounds;
  const raw = (hi - lo) / ticks;
  if (!(raw > 0) || !Number.isFinite(raw)) {
    return [lo, hi];
  }
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? raw;
  const a = Math.floor(lo / step) * step;
  const b = Math.ceil(hi / step) * step;
  return Number.isFinite(a) && Number.isFinite(b) && a < b ? [a, b] : [lo, hi];
}
