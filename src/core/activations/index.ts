/**
 * The activation core's API (re-exported by src/core/index.ts): catalogue lookups, evaluation of
 * scalar and vector functions, formulas, kinks and Gaussian statistics. Every function validates its
 * input and throws an Error that names the id or parameter at fault; none of them hangs.
 */
import type {
  ActivationInfo,
  ArrayEvaluation,
  DepthOptions,
  DepthResult,
  Evaluation,
  GaussianStats,
  Params,
  VectorEvaluation,
} from '../types';
import type { FormulaPair, Point } from './def';
import { evaluateInto } from './arrays';
import { allInfos, defOf, infoOf, resolveFor, scalarDefOf, vectorDefOf } from './registry';
import { depthGain, statsOf } from './stats';
import { checkVector } from './vectorMath';

export { validateParams, PLOTTABLE_PARAM_LIMIT } from './validate';

/** Every activation in the catalogue (scalar and vector), in picker order. */
export function listActivations(): ActivationInfo[] {
  return allInfos();
}

/** The catalogue entry for an id; throws an Error naming the id if it is unknown. */
export function getActivation(id: string): ActivationInfo {
  return infoOf(id);
}

/** Parameters with defaults filled in and validated; throws an Error naming a bad parameter. */
export function resolveParams(id: string, params?: Params): Record<string, number | string> {
  return { ...resolveFor(defOf(id), params) };
}

/** f(x), f'(x) and f''(x) of a scalar activation, with PyTorch's one-sided derivatives at kinks. */
export function evaluate(id: string, x: number, params?: Params): Evaluation {
  const def = scalarDefOf(id, 'evaluate');
  const p = resolveFor(def, params);
  if (typeof x !== 'number') {
    throw new Error(`${id}: x must be a number, got ${String(x)}`);
  }
  if (Number.isNaN(x)) {
    return { y: NaN, dy: NaN, d2y: NaN };
  }
  const o: Point = { y: 0, dy: 0, d2y: 0 };
  def.bind(p)(x, o);
  return { y: o.y, dy: o.dy, d2y: o.d2y };
}

/**
 * f, f', f'' at every point of xs. Writes into the arrays in `out` (same length as xs) and allocates
 * only the missing ones; no allocation per point.
 */
export function evaluateArray(
  id: string,
  xs: Float64Array,
  params?: Params,
  out?: { y?: Float64Array; dy?: Float64Array; d2y?: Float64Array },
): ArrayEvaluation {
  const def = scalarDefOf(id, 'evaluateArray');
  return evaluateInto(def, resolveFor(def, params), xs, out);
}

/** A vector activation's output and full Jacobian (rows: outputs, columns: inputs). `dim` is ignored. */
export function evaluateVector(
  id: string,
  z: readonly number[],
  params?: Params,
): VectorEvaluation {
  const def = vectorDefOf(id);
  const p = resolveFor(def, params);
  checkVector(id, z);
  return def.apply(z, p);
}

/**
 * f and f' as TeX and Unicode right-hand sides (no "f(x) ="), with parameter symbols rather than
 * values. The variant follows choice parameters (GELU exact/tanh, hardsigmoid's slope); the finite set
 * of variants is listed by `ActivationInfo.formulaVariants` (or the defaults when it is absent).
 */
export function formulasOf(id: string, params?: Params): FormulaPair {
  const def = defOf(id);
  return def.formulas(resolveFor(def, params));
}

/** x positions where f is not smooth (f, f' or f'' jumps) for these parameters; [] for vector ids. */
export function kinksOf(id: string, params?: Params): number[] {
  const def = defOf(id);
  const p = resolveFor(def, params);
  if (def.kind === 'vector') {
    return [];
  }
  return [...new Set(def.kinks(p))].filter(Number.isFinite).sort((a, b) => a - b);
}

/** E[f], Var[f], E[f'], E[f'²] and the dead fraction P(f' = 0) for x ~ N(mu, sigma²). */
export function gaussianStats(
  id: string,
  mu: number,
  sigma: number,
  params?: Params,
): GaussianStats {
  const def = scalarDefOf(id, 'gaussianStats');
  return statsOf(def, resolveFor(def, params), mu, sigma);
}

/**
 * Mean-field gradient gain through depth: chi = gain²·E[f'(x)²] with x ~ N(mu + bias, sigma²), and
 * cumulative[k] = chi^(k+1), the factor a gradient picks up over k + 1 layers.
 */
export function gradientThroughDepth(
  id: string,
  options: DepthOptions,
  params?: Params,
): DepthResult {
  const def = scalarDefOf(id, 'gradientThroughDepth');
  return depthGain(def, resolveFor(def, params), options);
}
