/**
 * Statistics of an activation under Gaussian inputs and the mean-field gradient gain through depth.
 * ReLU uses its closed forms; every other function the panelled quadrature (see quadrature.ts).
 */
import type { DepthOptions, DepthResult, GaussianStats } from '../types';
import type { Point, Resolved, ScalarDef } from './def';
import { gaussianRule } from './quadrature';
import { normalCdf, normalPdf } from './special';

const MAX_DEPTH = 10000;

function checkNumber(id: string, name: string, v: unknown, minExclusive?: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new Error(`${id}: ${name} must be a finite number, got ${String(v)}`);
  }
  if (minExclusive !== undefined && v < minExclusive) {
    throw new Error(`${id}: ${name} must be ≥ ${minExclusive}, got ${v}`);
  }
  return v;
}

/** E[·] by quadrature for any scalar activation (exported so tests can check it on ReLU's closed form). */
export function quadratureStats(
  def: ScalarDef,
  p: Resolved,
  mu: number,
  sigma: number,
): GaussianStats {
  const f = def.bind(p);
  const o: Point = { y: 0, dy: 0, d2y: 0 };
  const { xs, ws } = gaussianRule(mu, sigma, [...def.kinks(p), ...(def.switches?.(p) ?? [])]);
  const ys = new Float64Array(xs.length);
  let mean = 0;
  let meanSlope = 0;
  let meanSquaredSlope = 0;
  let dead = 0;
  for (let i = 0; i < xs.length; i++) {
    const w = ws[i];
    f(xs[i], o);
    ys[i] = o.y;
    if (w === 0) {
      continue;
    }
    mean += w * o.y;
    meanSlope += w * o.dy;
    meanSquaredSlope += w * o.dy * o.dy;
    if (o.dy === 0) {
      dead += w;
    }
  }
  // Second pass around the mean: E[f²] − E[f]² would cancel when |E[f]| ≫ sd. When f overflowed to ±∞
  // somewhere the mean is infinite and so is the spread (∞ − ∞ would say NaN).
  let variance = Number.isFinite(mean) ? 0 : Infinity;
  for (let i = 0; i < xs.length && variance !== Infinity; i++) {
    if (ws[i] !== 0) {
      const d = ys[i] - mean;
      variance += ws[i] * d * d;
    }
  }
  return { mean, variance, meanSlope, meanSquaredSlope, deadFraction: Math.min(dead, 1) };
}

/** ReLU's closed forms, with a = μ/σ: E[f] = μΦ(a) + σφ(a), E[f'] = E[f'²] = Φ(a). */
function reluStats(mu: number, sigma: number): GaussianStats {
  const a = mu / sigma;
  const cdf = normalCdf(a);
  const pdf = normalPdf(a);
  const mean = mu * cdf + sigma * pdf;
  const second = (mu * mu + sigma * sigma) * cdf + mu * sigma * pdf;
  return {
    mean,
    variance: Math.max(second - mean * mean, 0),
    meanSlope: cdf,
    meanSquaredSlope: cdf,
    deadFraction: normalCdf(-a),
  };
}

/** Gaussian statistics; sigma = 0 gives the values at mu itself. */
export function statsOf(def: ScalarDef, p: Resolved, mu: number, sigma: number): GaussianStats {
  const id = def.info.id;
  checkNumber(id, 'mu', mu);
  checkNumber(id, 'sigma', sigma, 0);
  if (sigma === 0) {
    const o: Point = { y: 0, dy: 0, d2y: 0 };
    def.bind(p)(mu, o);
    const dead = o.dy === 0 ? 1 : 0;
    return {
      mean: o.y,
      variance: 0,
      meanSlope: o.dy,
      meanSquaredSlope: o.dy * o.dy,
      deadFraction: dead,
    };
  }
  const plainRelu =
    id === 'relu' && p.negative_slope === 0 && p.max_value === Infinity && p.threshold === 0;
  return plainRelu ? reluStats(mu, sigma) : quadratureStats(def, p, mu, sigma);
}

/** chi = g²·E[f'(x)²] per layer and chi^(k+1) after k + 1 layers (mean-field, independent layers). */
export function depthGain(def: ScalarDef, p: Resolved, o: DepthOptions): DepthResult {
  const id = def.info.id;
  if (o === null || typeof o !== 'object') {
    throw new Error(`${id}: gradientThroughDepth needs { mu, sigma, gain, depth }`);
  }
  const gain = checkNumber(id, 'gain', o.gain);
  const bias = o.bias === undefined ? 0 : checkNumber(id, 'bias', o.bias);
  const depth = checkNumber(id, 'depth', o.depth, 0);
  if (!Number.isInteger(depth) || depth > MAX_DEPTH) {
    throw new Error(`${id}: depth must be a whole number from 0 to ${MAX_DEPTH}, got ${depth}`);
  }
  const s = statsOf(def, p, checkNumber(id, 'mu', o.mu) + bias, o.sigma);
  const chi = gain * gain * s.meanSquaredSlope;
  const cumulative = Array.from({ length: depth }, (_, k) => Math.pow(chi, k + 1));
  return { chi, cumulative, deadFraction: s.deadFraction, meanOutput: s.mean };
}
