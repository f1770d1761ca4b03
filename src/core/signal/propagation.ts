/**
 * Mean-field signal propagation through a deep random network: the variance map, the gradient factor
 * χ per layer, the fixed point with its depth scales, and the edge of chaos χ* = 1.
 */
import type { Params } from '../types';
import { checkObject, checkRange, checkScalarId, checkWhole } from './checks';
import { fixedPointsOf } from './fixedPoints';
import { momentTable } from './table';
import type { SignalOptions, SignalResult } from './types';

export const MAX_VARIANCE = 1000;
const MAX_Q0 = 1e6;
const MAX_DEPTH = 10000;

/** Checked σ_w², σ_b² (shared with the simulation). */
export function checkVariances(id: string, o: SignalOptions): void {
  checkRange(id, 'sigmaW2', o.sigmaW2, 0, MAX_VARIANCE);
  checkRange(id, 'sigmaB2', o.sigmaB2, 0, MAX_VARIANCE);
  checkRange(id, 'q0', o.q0, 0, MAX_Q0);
}

/**
 * q^l and χ^l for l = 0 … depth from q^0 = q0, the fixed point q* and χ* when the map has exactly one
 * attractor, and the depth scales ξ_c = −1/ln χ*, ξ_q = −1/ln(σ_w² ∂E[φ²]/∂q). Throws on bad input.
 */
export function signalPropagation(id: string, params: Params, o: SignalOptions): SignalResult {
  checkScalarId(id, 'signalPropagation');
  checkObject(id, 'signalPropagation', o);
  checkVariances(id, o);
  const depth = checkWhole(id, 'depth', o.depth, 0, MAX_DEPTH);
  const { sigmaW2, sigmaB2 } = o;
  const table = momentTable(id, params);
  const q: number[] = [];
  const chi: number[] = [];
  const meanOutput: number[] = [];
  const deadFraction: number[] = [];
  let overflowLayer: number | undefined;
  let ql = o.q0;
  for (let l = 0; l <= depth; l++) {
    q.push(ql);
    const m = Number.isFinite(ql) ? table.moments.at(ql) : undefined;
    if (!m || m.overflow) {
      // E[φ²] (and so q^{l+1}) overflows double precision: said by overflowLayer, never a NaN.
      overflowLayer ??= m ? l + 1 : l;
      chi.push(Infinity);
      meanOutput.push(m ? m.mean : Infinity);
      deadFraction.push(m ? m.deadFraction : 0);
      ql = Infinity;
      continue;
    }
    chi.push(sigmaW2 * m.meanSquaredSlope);
    meanOutput.push(m.mean);
    deadFraction.push(m.deadFraction);
    ql = sigmaW2 * m.meanSquare + sigmaB2;
  }
  const fp = fixedPointsOf(table, sigmaW2, sigmaB2, true);
  const base: SignalResult = {
    q,
    chi,
    meanOutput,
    deadFraction,
    fixedPoint: fp.kind,
    stableFixedPoints: fp.stable,
    ...(overflowLayer === undefined ? {} : { overflowLayer }),
  };
  const qStar = fp.kind === 'one' ? fp.stable[0] : fp.kind === 'every' ? o.q0 : undefined;
  if (qStar === undefined) {
    return base;
  }
  const m = table.moments.at(qStar);
  const chiStar = sigmaW2 * m.meanSquaredSlope;
  const slope = sigmaW2 * m.dMeanSquare;
  return {
    ...base,
    qStar,
    chiStar,
    ...depthScale('xiC', chiStar),
    ...depthScale('xiQ', slope),
  };
}

/** −1/ln r for a contraction 0 ≤ r < 1 (0 layers at r = 0), ∞ at r = 1, absent otherwise. */
function depthScale(name: 'xiC' | 'xiQ', r: number): Partial<Record<'xiC' | 'xiQ', number>> {
  if (!(r >= 0) || r > 1 + 1e-12) {
    return {};
  }
  return { [name]: r === 0 ? 0 : r >= 1 - 1e-12 ? Infinity : -1 / Math.log(r) };
}

/** Variance lift ZERO tolerance for edge roots (relative). */
const EDGE_ZERO = 1e-12;
const EDGE_SAME = 1e-7;

/**
 * The critical σ_w² for this σ_b²: the weight variance at which the variance map's attracting fixed
 * point has χ* = 1 (the edge of chaos). On the edge, q* solves q − E[φ²]/E[φ′²] = σ_b² and σ_w² =
 * 1/E[φ′²]; every such root that is an attractor is a candidate. Undefined when there is none (ReLU with
 * σ_b² > 0: the variance explodes before χ* reaches 1) or several (SiLU, GELU for some σ_b²).
 */
export function criticalSigmaW2(id: string, params: Params, sigmaB2: number): number | undefined {
  checkScalarId(id, 'criticalSigmaW2');
  checkRange(id, 'sigmaB2', sigmaB2, 0, MAX_VARIANCE);
  const found = edgeCandidates(id, params, sigmaB2);
  return found.length === 1 ? found[0] : undefined;
}

/** Every distinct critical σ_w² for this σ_b² (see criticalSigmaW2), ascending. */
export function edgeCandidates(id: string, params: Params, sigmaB2: number): number[] {
  const t = momentTable(id, params);
  const out: number[] = [];
  const gap = (q: number) => {
    const m = t.moments.at(q);
    return q - m.meanSquare / m.meanSquaredSlope - sigmaB2;
  };
  const consider = (q: number) => {
    const m = t.moments.at(q);
    const w2 = 1 / m.meanSquaredSlope;
    // Only the map's one attractor sits on the edge: the slope there must not exceed 1, and no other
    // attractor (GELU at σ_b² = 0, σ_w² = 4 also lets q run off to ∞) may compete with it.
    if (
      Number.isFinite(w2) &&
      w2 <= MAX_VARIANCE &&
      w2 * m.dMeanSquare <= 1 + 1e-9 &&
      ['one', 'every'].includes(fixedPointsOf(t, w2, sigmaB2, false).kind)
    ) {
      if (!out.some((v) => Math.abs(v - w2) <= EDGE_SAME * v)) {
        out.push(w2);
      }
    }
  };
  if (sigmaB2 === 0 && t.meanSquare[0] === 0 && t.meanSquaredSlope[0] > 0) {
    // q* = 0 with φ(0) = 0: the edge is where σ_w²·E[φ′²] → 1 as q → 0⁺.
    consider(0);
  }
  let prevSign = 0;
  let prevQ = 0;
  let anyNonZero = false;
  for (let i = 1; i < t.size; i++) {
    const q = t.qs[i];
    const c = t.meanSquaredSlope[i];
    if (!(c > 0) || !Number.isFinite(t.meanSquare[i])) {
      prevSign = 0;
      continue;
    }
    const g = q - t.meanSquare[i] / c - sigmaB2;
    // Near-zero g is rounding (or a root at q = 0 approached as q³): it neither starts nor ends a bracket.
    if (Math.abs(g) <= EDGE_ZERO * (q + sigmaB2)) {
      continue;
    }
    anyNonZero = true;
    const s = Math.sign(g);
    if (prevSign !== 0 && s !== prevSign) {
      let lo = prevQ;
      let hi = q;
      for (let k = 0; k < 60 && hi - lo > 1e-15 * hi; k++) {
        const mid = Math.sqrt(lo * hi);
        if (Math.sign(gap(mid)) === prevSign) {
          lo = mid;
        } else {
          hi = mid;
        }
      }
      consider(Math.sqrt(lo * hi));
    }
    prevSign = s;
    prevQ = q;
  }
  if (!anyNonZero) {
    // q − E[φ²]/E[φ′²] ≡ σ_b² (positively homogeneous φ with σ_b² = 0): every q sits on the edge.
    consider(1);
  }
  return out.sort((a, b) => a - b);
}
