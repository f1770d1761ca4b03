/**
 * Expectations over z ~ N(0, 1) of the activation at x = √q·z: E[φ²], E[φ′²], E[φ] and the slope of
 * the variance map. Composite Gauss–Legendre in z with panels every 0.5 in z (the density's scale),
 * every 0.5 in x for |x| ≤ 20 (the function's scale) and at every kink, so no node ever sits on a kink
 * and piecewise functions are integrated piece by piece. The nodes of a kink-free, small-q rule are
 * the same for every q; only the breaks in x move with q.
 */
import { evaluateArray, kinksOf } from '../activations';
import { gaussLegendre } from '../activations/quadrature';
import type { Params } from '../types';

const ORDER = 12;
/** φ(12) ≈ 2e−32: beyond it the density adds nothing at double precision for polynomial growth. */
const Z_RANGE = 12;
/** Growing integrands (eˣ, whose square peaks at z = 2√q) need the right end moved out. */
const Z_MAX_SHIFT = 40;

const GL = gaussLegendre(ORDER);
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
/** Far below any kink spacing, far above underflow: x = ±TINY stands for 0⁻ and 0⁺. */
const TINY = 1e-200;

/** The moments the mean-field recursions need at one q. */
export interface Moments {
  /** E[φ(√q z)²]: the variance map is q ↦ σ_w²·meanSquare + σ_b². */
  readonly meanSquare: number;
  /** E[φ′(√q z)²]: χ = σ_w²·meanSquaredSlope. */
  readonly meanSquaredSlope: number;
  /** E[φ(√q z)]: the mean output ("not zero-centred"). */
  readonly mean: number;
  /** d/dq E[φ(√q z)²] = E[φ φ′ z]/√q (Gaussian integration by parts), for ξ_q and stability. */
  readonly dMeanSquare: number;
  /** P(φ′ = 0): dead units. */
  readonly deadFraction: number;
  /** True when φ(√q z)² overflows double precision (eˣ at large q): the other fields are then ±∞. */
  readonly overflow: boolean;
}

/** One activation with its parameters bound: its kinks and a buffer-reusing evaluator. */
export class GaussianMoments {
  private readonly kinks: number[];

  constructor(
    private readonly id: string,
    private readonly params: Params,
  ) {
    this.kinks = kinksOf(id, params);
  }

  /** The moments at variance q ≥ 0; q = 0 gives the limits q → 0⁺. */
  at(q: number): Moments {
    if (!(q >= 0) || !Number.isFinite(q)) {
      throw new Error(`${this.id}: the variance q must be finite and ≥ 0, got ${q}`);
    }
    if (q === 0) {
      return this.atZero();
    }
    const s = Math.sqrt(q);
    const { zs, ws } = this.rule(s);
    const xs = new Float64Array(zs.length);
    for (let i = 0; i < zs.length; i++) {
      xs[i] = s * zs[i];
    }
    const { y, dy } = evaluateArray(this.id, xs, this.params);
    let m2 = 0;
    let d2 = 0;
    let m1 = 0;
    let cross = 0;
    let dead = 0;
    for (let i = 0; i < zs.length; i++) {
      const w = ws[i];
      const f = y[i];
      const g = dy[i];
      // Weight first: eˣ squared overflows at x ≈ 355 where the weighted term is still tiny.
      const wf = w * f;
      m1 += wf;
      m2 += wf * f;
      d2 += w * g * g;
      cross += wf * g * zs[i];
      if (g === 0) {
        dead += w;
      }
    }
    if (!Number.isFinite(m2) || !Number.isFinite(d2) || !Number.isFinite(cross)) {
      // ∞ − ∞ in the sums: report the overflow instead of a NaN.
      return {
        meanSquare: Infinity,
        meanSquaredSlope: Infinity,
        mean: m1 > 0 ? Infinity : m1 < 0 ? -Infinity : 0,
        dMeanSquare: Infinity,
        deadFraction: Math.min(dead, 1),
        overflow: true,
      };
    }
    return {
      meanSquare: m2,
      meanSquaredSlope: d2,
      mean: m1,
      dMeanSquare: cross / s,
      deadFraction: Math.min(dead, 1),
      overflow: false,
    };
  }

  /**
   * The limits q → 0⁺: E[φ²] → φ(0)², while the slope averages the one-sided slopes at 0 (half the
   * mass on each side of a kink at 0: SELU's χ there is σ_w²·λ²(1 + α²)/2, not σ_w²·φ′(0)²).
   */
  private atZero(): Moments {
    const { y, dy, d2y } = evaluateArray(this.id, Float64Array.of(-TINY, 0, TINY), this.params);
    const slope2 = (dy[0] * dy[0] + dy[2] * dy[2]) / 2;
    // d/dq E[φ(√q z)²] at 0⁺ is E[φ′²] + φ(0)·E[φ″] (Taylor expansion in √q z on each side).
    return {
      meanSquare: y[1] * y[1],
      meanSquaredSlope: slope2,
      mean: y[1],
      dMeanSquare: slope2 + (y[1] * (d2y[0] + d2y[2])) / 2,
      deadFraction: ((dy[0] === 0 ? 1 : 0) + (dy[2] === 0 ? 1 : 0)) / 2,
      overflow: false,
    };
  }

  /** Nodes in z and their probability weights for x = s·z, with panel breaks at kinks. */
  private rule(s: number): { zs: Float64Array; ws: Float64Array } {
    const lo = -Z_RANGE;
    const hi = Z_RANGE + Math.min(2 * s, Z_MAX_SHIFT);
    const cuts: number[] = [];
    for (let z = lo; z < hi; z += 0.5) {
      cuts.push(z);
    }
    cuts.push(hi);
    for (let x = -20; x <= 20; x += 0.5) {
      cuts.push(x / s);
    }
    for (const k of this.kinks) {
      cuts.push(k / s);
    }
    const sorted = cuts.filter((z) => z >= lo && z <= hi).sort((a, b) => a - b);
    const edges = sorted.filter((z, i) => i === 0 || z - sorted[i - 1] > 1e-12);
    const n = (edges.length - 1) * ORDER;
    const zs = new Float64Array(n);
    const ws = new Float64Array(n);
    let j = 0;
    for (let e = 0; e + 1 < edges.length; e++) {
      const half = (edges[e + 1] - edges[e]) / 2;
      const mid = (edges[e + 1] + edges[e]) / 2;
      for (let k = 0; k < ORDER; k++) {
        const z = mid + half * GL.nodes[k];
        zs[j] = z;
        ws[j] = half * GL.weights[k] * INV_SQRT_2PI * Math.exp(-0.5 * z * z);
        j++;
      }
    }
    return { zs, ws };
  }
}
