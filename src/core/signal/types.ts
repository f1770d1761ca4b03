/**
 * Types of the mean-field signal propagation API (Poole et al. 2016; Schoenholz et al. 2017) for
 * h^l = W^l φ(h^{l−1}) + b^l with W_ij ~ N(0, σ_w²/N), b_i ~ N(0, σ_b²).
 */
import type { FixedPointKind } from './fixedPoints';

export type { FixedPointKind };

export interface SignalOptions {
  /** Weight variance σ_w² (times fan-in): 0 … 1000. */
  readonly sigmaW2: number;
  /** Bias variance σ_b²: 0 … 1000. */
  readonly sigmaB2: number;
  /** Variance of the first pre-activations q^0: 0 … 1e6. */
  readonly q0: number;
  /** Number of layers (0 … 10000): the result has depth + 1 entries per layer quantity. */
  readonly depth: number;
}

export interface SignalResult {
  /** q[l], the pre-activation variance at layer l; q[0] = q0. ∞ once it overflows. */
  readonly q: number[];
  /** χ^l = σ_w² E[φ′(√q^l z)²], the factor a squared gradient norm picks up through layer l. */
  readonly chi: number[];
  /** E[φ(√q^l z)], the mean output per layer (not zero-centred when ≠ 0). */
  readonly meanOutput: number[];
  /** P(φ′(√q^l z) = 0), the dead fraction per layer. */
  readonly deadFraction: number[];
  /** One attractor, several (which one is reached depends on q0), none (q → ∞), or every q. */
  readonly fixedPoint: FixedPointKind;
  /** Every attracting fixed point found in q ∈ [0, 1e6], ascending. */
  readonly stableFixedPoints: number[];
  /** The fixed point when it is the only attractor (q0 when every q is one). */
  readonly qStar?: number;
  /** χ at qStar: < 1 ordered, > 1 chaotic, = 1 the edge of chaos. */
  readonly chiStar?: number;
  /** Correlation depth scale −1/ln χ* (ordered phase; ∞ on the edge). */
  readonly xiC?: number;
  /** Variance depth scale −1/ln(σ_w² ∂E[φ²]/∂q at q*). */
  readonly xiQ?: number;
  /**
   * The first layer whose variance overflowed double precision (eˣ), if any: from there on q and χ
   * are ∞, the mean output ∞ and the dead fraction 0.
   */
  readonly overflowLayer?: number;
}

export interface SimulationOptions extends SignalOptions {
  /** Units per layer: 1 … 1024. */
  readonly width: number;
  /** Independent inputs pushed through the same weights: 1 … 1024. */
  readonly batch: number;
  /** Seed of the weights, biases, inputs and readout (an unsigned 32-bit integer). */
  readonly seed: number;
  /** False skips the backward pass (gradientNorm stays 0): half the work when only q is wanted. */
  readonly gradients?: boolean;
}

/** Per layer l = 0 … depth of one finite random network. */
export interface SimulationResult {
  /** Mean of h² over units and inputs. */
  readonly meanSquare: Float64Array;
  /** Fraction of units (over inputs) with φ′(h) = 0. */
  readonly deadFraction: Float64Array;
  /** Mean of φ(h) over units and inputs. */
  readonly meanOutput: Float64Array;
  /** ‖∂y/∂h^l‖² of a random linear readout y = v·φ(h^depth), averaged over inputs. */
  readonly gradientNorm: Float64Array;
}
