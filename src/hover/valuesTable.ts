/**
 * The hover's values section: f and f' at the call's numeric argument, or at a few telling points
 * (kinks, where f' peaks, a handful around 0), with what autograd returns at a kink.
 */
import type { ActivationFacts } from './activationFacts';
import { formatNumber } from '../core/numberFormat';
import { escapeMarkdown } from './hoverText';

/** A point of the table and why it is there. */
export interface ValuePoint {
  readonly x: number;
  readonly y: number;
  readonly dy: number;
  /** 'kink' points also carry which one-sided slope autograd returns there. */
  readonly reason: 'argument' | 'kink' | 'peak' | 'sample';
  readonly side?: KinkSide;
}

/** Which one-sided derivative the evaluated f'(k) equals at a kink. */
export type KinkSide = 'left' | 'right' | 'both' | 'neither';

/** Used only if the catalogue gives no telling points for a scalar function. */
const FALLBACK_POINTS = [-2, -1, 0, 1, 2];

/**
 * The points to show: the call's argument alone, or the catalogue's telling points for these parameters
 * (kinks, 0, where f' peaks, one on each side), each labelled with why it is there.
 */
export function valuePoints(facts: ActivationFacts, peak: number | undefined): ValuePoint[] {
  const arg = facts.call.arg;
  if (arg !== undefined && Number.isFinite(arg)) {
    return evaluatePoints(facts, [arg], () => (facts.kinks.includes(arg) ? 'kink' : 'argument'));
  }
  const xs =
    facts.info.tellingPoints?.(facts.params) ??
    [...new Set([...FALLBACK_POINTS, ...facts.kinks])].sort((a, b) => a - b);
  // The one point nearest the f' peak of the plot's samples is labelled as the peak.
  const nearest =
    peak === undefined
      ? undefined
      : xs.reduce((a, b) => (Math.abs(b - peak) < Math.abs(a - peak) ? b : a), xs[0]);
  const isPeak = (x: number): boolean =>
    x === nearest && Math.abs(x - peak!) <= PEAK_TOLERANCE * Math.max(1, Math.abs(peak!));
  return evaluatePoints(facts, xs, (x) =>
    facts.kinks.includes(x) ? 'kink' : isPeak(x) ? 'peak' : 'sample',
  );
}

/** Telling points are rounded to 3 decimals and the plot grid is coarser still: "near" is this close. */
const PEAK_TOLERANCE = 0.1;

/**
 * f and f' at every point, plus just left and right of each kink, in one vectorised core call (the core
 * validates parameters once per call, so one call instead of three per point keeps the hover fast).
 */
function evaluatePoints(
  facts: ActivationFacts,
  xs: readonly number[],
  reasonOf: (x: number) => ValuePoint['reason'],
): ValuePoint[] {
  const reasons = xs.map(reasonOf);
  const grid: number[] = [...xs];
  xs.forEach((x, i) => {
    if (reasons[i] === 'kink') {
      const h = 1e-7 * Math.max(1, Math.abs(x));
      grid.push(x - h, x + h);
    }
  });
  const e = facts.sample(Float64Array.from(grid));
  let side = xs.length;
  return xs.map((x, i) => {
    const reason = reasons[i];
    if (reason !== 'kink') {
      return { x, y: e.y[i], dy: e.dy[i], reason };
    }
    const [left, right] = [e.dy[side], e.dy[side + 1]];
    side += 2;
    return { x, y: e.y[i], dy: e.dy[i], reason, side: kinkSide(e.dy[i], left, right) };
  });
}

/** Which one-sided slope f'(k) equals, given f' just left and right of k. */
export function kinkSide(dyAtK: number, left: number, right: number): KinkSide {
  const tol = 1e-5 * Math.max(1, Math.abs(left), Math.abs(right));
  const isLeft = Math.abs(dyAtK - left) <= tol;
  const isRight = Math.abs(dyAtK - right) <= tol;
  if (isLeft && isRight) {
    return 'both';
  }
  return isLeft ? 'left' : isRight ? 'right' : 'neither';
}

/** Where f' has a strict interior maximum on the plot's samples (a plateau is no peak); else undefined. */
export function derivativePeak(xs: ArrayLike<number>, dy: ArrayLike<number>): number | undefined {
  let best = -1;
  for (let i = 1; i < xs.length - 1; i++) {
    if (Number.isFinite(dy[i]) && (best < 0 || dy[i] > dy[best])) {
      best = i;
    }
  }
  return best >= 1 && dy[best] > dy[best - 1] && dy[best] > dy[best + 1] ? xs[best] : undefined;
}

/**
 * The values section as Markdown: one line for an argument, else a table with one column per point (three
 * rows stay short in a hover), then a line on the kinks and the f′ peak among them. The slope at a kink is
 * the core's, which follows PyTorch's autograd; where another framework differs, the differences section
 * says so.
 */
export function valuesMarkdown(
  facts: ActivationFacts,
  points: ValuePoint[],
  digits: number,
): string {
  const fmt = (v: number): string => formatNumber(v, digits);
  if (points.length === 1 && facts.call.arg !== undefined) {
    const p = points[0];
    const note = p.reason === 'kink' ? ` — a kink: ${sideText(p.side, facts)}` : '';
    return `At x = ${fmt(p.x)}: f(x) = **${fmt(p.y)}**, f′(x) = **${fmt(p.dy)}**${note}`;
  }
  // An HTML table: Markdown tables in a hover have no cell padding, and no-break spaces break their syntax.
  const pad = '&nbsp;&nbsp;&nbsp;';
  const row = (label: string, values: string[]): string =>
    `<tr><th align="left">${label}</th>${values.map((v) => `<td align="right">${pad}${v}</td>`).join('')}</tr>`;
  const table = [
    '<table>',
    row(
      'x',
      points.map((p) => fmt(p.x)),
    ),
    row(
      'f(x)',
      points.map((p) => fmt(p.y)),
    ),
    row(
      'f′(x)',
      points.map((p) => fmt(p.dy)),
    ),
    '</table>',
  ];
  const notes = points
    .map((p) =>
      p.reason === 'kink'
        ? `Kink at x = ${fmt(p.x)}: ${sideText(p.side, facts)}.`
        : p.reason === 'peak'
          ? `f′ peaks near x = ${fmt(p.x)}.`
          : '',
    )
    .filter(Boolean);
  return notes.length > 0 ? `${table.join('')}\n\n${notes.join(' ')}` : table.join('');
}

/**
 * Which one-sided slope f′ takes at a kink. The core follows PyTorch's autograd unless the catalogue names
 * another owner (tf.clip_by_value for the 0.2 hard sigmoid, JAX for sparse_sigmoid); code of another
 * framework is told whose convention it is (its own, where it differs, is in the differences section).
 */
function sideText(side: KinkSide | undefined, facts: ActivationFacts): string {
  if (side === 'both') {
    return 'f′ is continuous there';
  }
  const owner = facts.info.kinkConvention?.(facts.params).owner ?? "PyTorch's";
  const torch =
    owner === "PyTorch's" &&
    (facts.call.framework === 'pytorch' || facts.call.framework === 'libtorch');
  const which =
    side === 'left'
      ? 'the left-hand slope'
      : side === 'right'
        ? 'the right-hand slope'
        : 'neither one-sided slope';
  return torch
    ? `PyTorch's autograd returns ${which}`
    : `the value shown is ${which}, ${escapeMarkdown(owner)} convention`;
}
