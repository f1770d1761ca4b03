/**
 * Fixed points of the variance map q ↦ σ_w²·E[φ(√q z)²] + σ_b²: bracketed on the moment table's grid,
 * then refined by bisection on exact moments (or, for the phase diagram, by linear interpolation).
 * The map is increasing in q for the catalogue's functions, so from q0 the iteration climbs to the first
 * root above q0 when the map lifts q0, or falls to the first root below it.
 */
import type { MomentTable } from './table';

/** How many fixed points the map has: one attractor, several, none (q grows without bound), every q. */
export type FixedPointKind = 'one' | 'several' | 'none' | 'every';

export interface FixedPoints {
  readonly kind: FixedPointKind;
  /** Attracting fixed points, ascending. */
  readonly stable: number[];
  /** Every root, ascending, with its stability. */
  readonly roots: { q: number; stable: boolean }[];
  /** True when q above the grid still grows: an attractor at infinity. */
  readonly diverges: boolean;
}

/** Map lift d(q) = σ_w² V(q) + σ_b² − q below this (relative) counts as zero: rounding, not signal. */
const ZERO = 1e-12;
const BISECTIONS = 60;

function signOf(d: number, scale: number): number {
  return Math.abs(d) <= ZERO * scale ? 0 : Math.sign(d);
}

/**
 * The roots of d(q) = σ_w²·V(q) + σ_b² − q. `exact` refines each bracket by bisection on exact
 * moments; otherwise the root is interpolated linearly between grid nodes.
 */
export function fixedPointsOf(
  t: MomentTable,
  sigmaW2: number,
  sigmaB2: number,
  exact: boolean,
): FixedPoints {
  const n = t.size;
  const lift = (i: number) => sigmaW2 * t.meanSquare[i] + sigmaB2 - t.qs[i];
  const signs = new Int8Array(n);
  const values = new Float64Array(n);
  let allZero = true;
  for (let i = 0; i < n; i++) {
    const d = lift(i);
    values[i] = d;
    signs[i] = Number.isNaN(d) ? 1 : signOf(d, t.qs[i] + sigmaB2 + sigmaW2 * t.meanSquare[i]);
    allZero &&= signs[i] === 0;
  }
  if (allZero) {
    return { kind: 'every', stable: [], roots: [], diverges: false };
  }
  const roots: { q: number; stable: boolean }[] = [];
  let prev = -1;
  for (let i = 0; i < n; i++) {
    if (signs[i] === 0) {
      continue;
    }
    if (prev === -1 && i > 0) {
      // Zero lift from q = 0 up to here: q = 0 (or that stretch) is a fixed point.
      roots.push({ q: 0, stable: signs[i] < 0 });
    } else if (prev !== -1 && signs[prev] !== signs[i]) {
      const q = exact
        ? bisect(t, sigmaW2, sigmaB2, t.qs[prev], t.qs[i], signs[prev])
        : t.qs[prev] + (values[prev] / (values[prev] - values[i])) * (t.qs[i] - t.qs[prev]);
      roots.push({ q, stable: signs[prev] > 0 });
    }
    prev = i;
  }
  const diverges = signs[prev] > 0;
  const stable = roots.filter((r) => r.stable).map((r) => r.q);
  const attractors = stable.length + (diverges ? 1 : 0);
  const kind: FixedPointKind =
    attractors > 1 ? 'several' : stable.length === 1 ? 'one' : diverges ? 'none' : 'every';
  return { kind, stable, roots, diverges };
}

function bisect(
  t: MomentTable,
  sigmaW2: number,
  sigmaB2: number,
  lo: number,
  hi: number,
  signLo: number,
): number {
  for (let k = 0; k < BISECTIONS && hi - lo > 1e-15 * hi; k++) {
    const mid = lo > 0 && hi / lo > 4 ? Math.sqrt(lo * hi) : (lo + hi) / 2;
    const d = sigmaW2 * t.moments.at(mid).meanSquare + sigmaB2 - mid;
    if (Math.sign(d) === signLo) {
      lo = mid;
    } else {
      hi = mid;
    }
  }
  return (lo + hi) / 2;
}

/**
 * The fixed point the iteration reaches from q0, given the lift at q0: the first root above q0 when the
 * map raises q0, the first below when it lowers it; undefined when q grows past the grid.
 */
export function reachedFrom(fp: FixedPoints, q0: number, liftAtQ0: number): number | undefined {
  if (fp.kind === 'every' || liftAtQ0 === 0) {
    return q0;
  }
  if (liftAtQ0 > 0) {
    return fp.roots.find((r) => r.q >= q0)?.q;
  }
  const below = fp.roots.filter((r) => r.q <= q0);
  return below.length > 0 ? below[below.length - 1].q : 0;
}
