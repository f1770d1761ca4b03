/**
 * Exact moments on a fixed grid of variances q ∈ {0} ∪ [1e−8, 1e6] (log-spaced): where the fixed points
 * of the variance map and the edge of chaos are bracketed before they are refined exactly, and what
 * the phase diagram interpolates. One table per activation and parameters, cached.
 */
import type { Params } from '../types';
import { GaussianMoments, type Moments } from './gaussian';

const Q_MIN_EXP = -8;
const Q_MAX_EXP = 6;
const PER_DECADE = 10;
const CACHE_SIZE = 8;

/** Moments at the grid's q values (index 0 is q = 0). */
export class MomentTable {
  readonly qs: Float64Array;
  readonly meanSquare: Float64Array;
  readonly meanSquaredSlope: Float64Array;
  readonly dMeanSquare: Float64Array;
  readonly moments: GaussianMoments;

  constructor(id: string, params: Params) {
    this.moments = new GaussianMoments(id, params);
    const n = (Q_MAX_EXP - Q_MIN_EXP) * PER_DECADE + 2;
    this.qs = new Float64Array(n);
    this.meanSquare = new Float64Array(n);
    this.meanSquaredSlope = new Float64Array(n);
    this.dMeanSquare = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const q = i === 0 ? 0 : Math.pow(10, Q_MIN_EXP + (i - 1) / PER_DECADE);
      const m: Moments = this.moments.at(q);
      this.qs[i] = q;
      this.meanSquare[i] = m.meanSquare;
      this.meanSquaredSlope[i] = m.meanSquaredSlope;
      this.dMeanSquare[i] = m.dMeanSquare;
    }
  }

  get size(): number {
    return this.qs.length;
  }

  /** E[φ′²] at q by linear interpolation between grid nodes (for the phase diagram's colours). */
  slopeAt(q: number): number {
    return interpolate(this.qs, this.meanSquaredSlope, q);
  }
}

/** Linear interpolation in sorted xs; clamps at the ends. */
export function interpolate(xs: Float64Array, ys: Float64Array, x: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  if (x <= xs[lo]) {
    return ys[lo];
  }
  if (x >= xs[hi]) {
    return ys[hi];
  }
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] <= x) {
      lo = mid;
    } else {
      hi = mid;
    }
  }
  const t = (x - xs[lo]) / (xs[hi] - xs[lo]);
  return ys[lo] + t * (ys[hi] - ys[lo]);
}

const cache = new Map<string, MomentTable>();

/** The table for an activation and its parameters, built once and kept for the last few asked. */
export function momentTable(id: string, params: Params): MomentTable {
  const key = `${id}\u0000${JSON.stringify(Object.entries(params).sort())}`;
  let t = cache.get(key);
  if (t) {
    cache.delete(key);
  } else {
    t = new MomentTable(id, params);
    if (cache.size >= CACHE_SIZE) {
      cache.delete(cache.keys().next().value as string);
    }
  }
  cache.set(key, t);
  return t;
}
