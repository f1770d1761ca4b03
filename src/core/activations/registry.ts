/**
 * The catalogue: every entry by id, and the two lookups every API function starts with (find the
 * entry, resolve its parameters). Errors name the id or the parameter at fault.
 */
import type { ActivationInfo, FactSource, Params } from '../types';
import { PYTORCH_CONVENTION, type Def, type Resolved, type ScalarDef, type VectorDef } from './def';
import { hardtanh, linear, threshold } from './clipping';
import { celu, elu, exponential, selu } from './expFamily';
import { resolveWith } from './params';
import { relu, relu6, reluSquared } from './reluFamily';
import { hardshrink, softshrink, tanhshrink } from './shrinkage';
import { logsigmoid, sigmoid, softsign, sparseSigmoid, tanh } from './sigmoidFamily';
import { gelu, quickGelu } from './gelu';
import { geglu, reglu, swiglu } from './gatedUnits';
import { hardsigmoid } from './hardsigmoid';
import { leakyRelu, prelu, rrelu } from './leakyFamily';
import { hardswish, lisht, mish, silu } from './smoothGated';
import { glu, logSoftmax, softmax, softmin, sparsemax } from './softmaxFamily';
import { softplus, sparsePlus, squareplus } from './softplusFamily';
import { tellingPoints } from './telling';

/** Catalogue order: the order pickers list them in. */
const DEFS: readonly Def[] = [
  relu,
  leakyRelu,
  prelu,
  rrelu,
  relu6,
  reluSquared,
  elu,
  celu,
  selu,
  gelu,
  quickGelu,
  silu,
  mish,
  hardswish,
  lisht,
  sigmoid,
  tanh,
  hardsigmoid,
  logsigmoid,
  softsign,
  sparseSigmoid,
  softplus,
  squareplus,
  sparsePlus,
  hardtanh,
  threshold,
  softshrink,
  hardshrink,
  tanhshrink,
  linear,
  exponential,
  softmax,
  logSoftmax,
  softmin,
  glu,
  swiglu,
  geglu,
  reglu,
  sparsemax,
];

const BY_ID = new Map<string, Def>(DEFS.map((d) => [d.info.id, d]));

/** The public, frozen view of an entry; built once. */
function publicInfo(def: Def): ActivationInfo {
  const notes = def.info.notes.map((n) => (typeof n === 'string' ? n : n.text));
  const noteSources = def.info.notes.map((n): FactSource | undefined =>
    typeof n === 'string' ? undefined : n.source,
  );
  const info: ActivationInfo = {
    ...def.info,
    kind: def.kind,
    notes,
    noteSources,
    ...(def.kind === 'scalar' ? scalarHelpers(def) : {}),
  };
  return Object.freeze(info);
}

/** The computed helpers of a scalar entry: telling points and whose derivative values its kinks show. */
function scalarHelpers(def: ScalarDef): Pick<ActivationInfo, 'tellingPoints' | 'kinkConvention'> {
  const convention = def.convention?.bind(def) ?? (() => PYTORCH_CONVENTION);
  return {
    tellingPoints: (params?: Params) => tellingPoints(def, resolveFor(def, params)),
    kinkConvention: (params?: Params) => convention(resolveFor(def, params)),
  };
}

const INFOS: readonly ActivationInfo[] = DEFS.map(publicInfo);
const INFO_BY_ID = new Map(INFOS.map((i) => [i.id, i]));

/** The entry for an id; an Error naming the id if there is none. */
export function defOf(id: string): Def {
  if (typeof id !== 'string') {
    throw new Error(`Activation id must be a string, got ${String(id)}`);
  }
  const def = BY_ID.get(id);
  if (!def) {
    throw new Error(`Unknown activation '${id}'`);
  }
  return def;
}

/** The entry for an id that must be a scalar function. */
export function scalarDefOf(id: string, api: string): ScalarDef {
  const def = defOf(id);
  if (def.kind !== 'scalar') {
    throw new Error(`${id} is a vector function: use evaluateVector, not ${api}`);
  }
  return def;
}

/** The entry for an id that must be a vector function. */
export function vectorDefOf(id: string): VectorDef {
  const def = defOf(id);
  if (def.kind !== 'vector') {
    throw new Error(
      `${id} is a scalar function: use evaluate or evaluateArray, not evaluateVector`,
    );
  }
  return def;
}

/** Defaults filled, every value and cross-parameter rule checked. */
export function resolveFor(def: Def, params?: Params): Resolved {
  if (params !== undefined && (params === null || typeof params !== 'object')) {
    throw new Error(`${def.info.id}: parameters must be an object, got ${String(params)}`);
  }
  const p = resolveWith(def.info.id, def.info.params, params);
  def.check?.(p);
  return p;
}

/** Every catalogue entry, in catalogue order. */
export function allInfos(): ActivationInfo[] {
  return [...INFOS];
}

/** The public entry for an id. */
export function infoOf(id: string): ActivationInfo {
  defOf(id);
  return INFO_BY_ID.get(id) as ActivationInfo;
}
