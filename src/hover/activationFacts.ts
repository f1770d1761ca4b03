/**
 * Everything the hover shows about one recognized call, gathered from the activation core in one place:
 * the rest of the hover formats these facts and never calls the core itself.
 */
import {
  evaluateArray,
  evaluateVector,
  formulasOf,
  getActivation,
  kinksOf,
  type ActivationInfo,
  type ArrayEvaluation,
  type Formula,
  type Params,
  type ParamValue,
  type RecognizedCall,
  validateParams,
} from '../core';

/** The core's view of one call: catalogue entry, effective parameters and evaluators bound to them. */
export interface ActivationFacts {
  readonly info: ActivationInfo;
  readonly call: RecognizedCall;
  /** The call's effective parameters restricted to the activation's own (booleans like inplace dropped). */
  readonly params: Params;
  readonly formulas: { readonly f: Formula; readonly df: Formula };
  /** Points where f' jumps (or f does), for these parameters. */
  readonly kinks: readonly number[];
  /**
   * Why these parameters cannot be plotted (a magnitude beyond the plottable range), from the core's
   * validateParams: the same message the panel and API callers get. Undefined when they can.
   */
  readonly problem?: string;
  /** f, f', f'' on a grid. */
  sample(xs: Float64Array): ArrayEvaluation;
  /** For vector activations: the output on an input vector. */
  vector(xs: number[]): number[] | undefined;
}

/** Gathers the facts for a call, or undefined when the core does not know the id. Never throws. */
export function factsFor(call: RecognizedCall): ActivationFacts | undefined {
  try {
    const info = getActivation(call.id);
    if (!info) {
      return undefined;
    }
    const params = ownParams(info, call.params);
    const formulas = formulasOf(info.id, params);
    const kinks = info.kind === 'scalar' ? [...kinksOf(info.id, params)].sort((a, b) => a - b) : [];
    const problem = validateParams(info.id, params);
    return {
      info,
      call,
      params,
      formulas,
      kinks,
      ...(problem === undefined ? {} : { problem }),
      sample: (xs) => evaluateArray(info.id, xs, params),
      vector: (xs) => (info.kind === 'vector' ? evaluateVector(info.id, xs, params).y : undefined),
    };
  } catch {
    return undefined;
  }
}

/** The activation's parameters, from the call where it gave a usable value, else the catalogue default. */
function ownParams(
  info: ActivationInfo,
  given: Readonly<Record<string, number | string | boolean>>,
): Params {
  const out: Record<string, ParamValue> = {};
  for (const p of info.params) {
    const v = given[p.name];
    out[p.name] = typeof v === 'number' || typeof v === 'string' ? v : p.default;
  }
  return out;
}
