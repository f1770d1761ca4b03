/**
 * The hover's small plot: f solid and f' dashed over a range, axes through 0, kinks marked. Pure string
 * building from values the core computed, so it runs the same in the desktop host, the web host and tests.
 */
import { beyondPlot, clipForPlot, yBounds } from '../plotLimits';
import { escapeXml } from './svgDataUri';
import type { ThemeColours } from './themeColours';

/** Samples of f and f' on a grid, and the kinks (where f' jumps) inside the grid's range. */
export interface PlotSamples {
  readonly xs: ArrayLike<number>;
  readonly y: ArrayLike<number>;
  readonly dy: ArrayLike<number>;
  readonly kinks: readonly { readonly x: number; readonly y: number }[];
}

const WIDTH = 240;
const HEIGHT = 130;
const PAD = 8;
/** Said on the plot when some value is beyond what it can draw (clipped at the edge or left out). */
export const CLIPPED_NOTE = '|y| > 1e300 clipped';
/** One side of a kink is sampled this close to it, so f' jumps there and nowhere else. */
const KINK_EPS = 1e-9;

/**
 * The x grid for a plot: `n` even steps over `range`, plus a point just either side of each kink so the
 * one-sided values are drawn and the line is broken exactly at the jump.
 */
export function plotGrid(
  range: readonly [number, number],
  kinks: readonly number[],
  n = 121,
): Float64Array {
  const [lo, hi] = range;
  const xs: number[] = [];
  for (let i = 0; i < n; i++) {
    xs.push(lo + ((hi - lo) * i) / (n - 1));
  }
  for (const k of kinks) {
    if (k > lo && k < hi) {
      const span = Math.max(Math.abs(k), 1) * KINK_EPS;
      xs.push(k - span, k + span);
    }
  }
  return Float64Array.from(xs).sort();
}

/** An SVG document of the plot, coloured with `colours`; `label` becomes its accessible title. */
export function plotSvg(samples: PlotSamples, colours: ThemeColours, label: string): string {
  const { xs, y, dy, kinks } = samples;
  const n = xs.length;
  if (n < 2) {
    return emptySvg(label);
  }
  const xLo = xs[0];
  const xHi = xs[n - 1];
  if (!(xHi > xLo) || !Number.isFinite(xHi - xLo)) {
    return emptySvg(label);
  }
  // Bounds from clipped values: y near the largest double (LeakyReLU(1e308)) would overflow yHi − yLo.
  const [yLo, yHi] = yBounds([y, dy], 0.06, true);
  const clipped = [y, dy].some((series) => Array.prototype.some.call(series, beyondPlot));
  const px = (x: number): number => PAD + ((x - xLo) / (xHi - xLo)) * (WIDTH - 2 * PAD);
  const py = (v: number): number => HEIGHT - PAD - ((v - yLo) / (yHi - yLo)) * (HEIGHT - 2 * PAD);
  const kinkXs = kinks.map((k) => k.x);
  const jump = (yHi - yLo) * 0.02;

  const parts: string[] = [];
  // Axes through 0 where 0 is in view, else along the edge nearest to it.
  const axisY = py(Math.min(yHi, Math.max(yLo, 0)));
  const axisX = px(Math.min(xHi, Math.max(xLo, 0)));
  parts.push(
    `<path d="M${PAD} ${r(axisY)}H${WIDTH - PAD}M${r(axisX)} ${PAD}V${HEIGHT - PAD}" ` +
      `stroke="${colours.axis}" stroke-width="1" fill="none"/>`,
  );
  for (const k of kinkXs) {
    parts.push(
      `<path d="M${r(px(k))} ${PAD}V${HEIGHT - PAD}" stroke="${colours.kink}" stroke-width="0.8" ` +
        `stroke-dasharray="1 3" fill="none"/>`,
    );
  }
  parts.push(polylines(xs, dy, kinkXs, jump, px, py, colours.df, 'stroke-dasharray="5 3"'));
  parts.push(polylines(xs, y, kinkXs, jump, px, py, colours.f, ''));
  for (const k of kinks) {
    if (Number.isFinite(clipForPlot(k.y))) {
      parts.push(
        `<circle cx="${r(px(k.x))}" cy="${r(py(clipForPlot(k.y)))}" r="3" fill="none" stroke="${colours.kink}" ` +
          `stroke-width="1.5"/>`,
      );
    }
  }
  parts.push(
    `<text x="${WIDTH - PAD}" y="${HEIGHT - 1}" font-size="9" text-anchor="end" fill="${colours.axis}" ` +
      `font-family="sans-serif">x ∈ [${escapeXml(num(xLo))}, ${escapeXml(num(xHi))}]</text>`,
  );
  if (clipped) {
    parts.push(
      `<text x="${PAD + 2}" y="${PAD + 8}" font-size="9" fill="${colours.kink}" ` +
        `font-family="sans-serif">${CLIPPED_NOTE}</text>`,
    );
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" ` +
    `viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img"><title>${escapeXml(clipped ? `${label} (${CLIPPED_NOTE})` : label)}</title>${parts.join('')}</svg>`
  );
}

/** One `<path>` per continuous piece: a piece ends at a non-finite value or at a jump across a kink. */
function polylines(
  xs: ArrayLike<number>,
  values: ArrayLike<number>,
  kinkXs: readonly number[],
  jump: number,
  px: (x: number) => number,
  py: (v: number) => number,
  colour: string,
  extra: string,
): string {
  let d = '';
  let open = false;
  for (let i = 0; i < xs.length; i++) {
    const v = clipForPlot(values[i]);
    if (!Number.isFinite(v)) {
      open = false;
      continue;
    }
    const broken =
      open &&
      Math.abs(v - clipForPlot(values[i - 1])) > jump &&
      kinkXs.some((k) => k >= xs[i - 1] && k <= xs[i]);
    d += `${open && !broken ? 'L' : 'M'}${r(px(xs[i]))} ${r(py(v))}`;
    open = true;
  }
  return `<path d="${d}" stroke="${colour}" stroke-width="1.8" fill="none" ${extra}/>`;
}

function emptySvg(label: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}"><title>${escapeXml(label)}</title></svg>`;
}

/** A coordinate to 0.1 px (toFixed is several times slower and this runs per point). */
function r(v: number): number {
  return Math.round(v * 10) / 10;
}

function num(v: number): string {
  return Number(v.toPrecision(3)).toString();
}
