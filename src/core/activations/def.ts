/**
 * The internal shape of a catalogue entry: the metadata the API hands out plus the numerics behind it.
 * Only the registry and the API module read these; the rest of the extension sees `ActivationInfo`.
 */
import type {
  ActivationInfo,
  FactSource,
  Formula,
  KinkConvention,
  VectorEvaluation,
} from '../types';
import { SOURCE } from './sources';

/** Unless an entry says otherwise, the values at its kinks are PyTorch autograd's one-sided ones. */
export const PYTORCH_CONVENTION: KinkConvention = {
  owner: "PyTorch's",
  source: SOURCE.torchActivationCpu,
};

/** Parameters after defaults are filled and values validated. */
export type Resolved = Readonly<Record<string, number | string>>;

/** Scratch for one point: a def writes f, f' and f'' here (no allocation per point). */
export interface Point {
  y: number;
  dy: number;
  d2y: number;
}

/** f, f', f'' at x for parameters bound in advance. */
export type PointFn = (x: number, out: Point) => void;

/** A tight loop over many points for parameters bound in advance (the hot path of evaluateArray). */
export type Kernel = (
  xs: Float64Array,
  y: Float64Array,
  dy: Float64Array,
  d2y: Float64Array,
) => void;

/** A note that states a convention or a non-obvious fact, with where to check it. */
export interface SourcedNote {
  readonly text: string;
  readonly source: FactSource;
}

/** Metadata of an entry; `kind`, the note sources and the computed helpers are added by the registry. */
export type InfoData = Omit<
  ActivationInfo,
  'kind' | 'tellingPoints' | 'formulaVariants' | 'notes' | 'noteSources' | 'kinkConvention'
> & {
  /** Plain notes, or notes with their source. */
  readonly notes: readonly (string | SourcedNote)[];
  /** Parameter sets that together reach every formula variant (choices, hardsigmoid slopes). */
  readonly formulaVariants?: ActivationInfo['formulaVariants'];
};

export interface FormulaPair {
  readonly f: Formula;
  readonly df: Formula;
}

interface DefBase {
  readonly info: InfoData;
  /** TeX and Unicode of f and f' for these parameters, from a finite set (no numbers spliced in). */
  formulas(p: Resolved): FormulaPair;
  /** Checks that involve more than one parameter (min_val < max_val); throws an Error naming them. */
  check?(p: Resolved): void;
}

export interface ScalarDef extends DefBase {
  readonly kind: 'scalar';
  bind(p: Resolved): PointFn;
  /**
   * A specialised loop for functions whose generic per-point call would dominate the cost. It must give
   * exactly what `bind` gives, and NaN for NaN inputs.
   */
  kernel?(p: Resolved): Kernel | undefined;
  /** Points where f is not smooth (f or f' or f'' jumps), for these parameters. */
  kinks(p: Resolved): number[];
  /** Whose one-sided derivatives `bind` returns at the kinks, when not PyTorch's. */
  convention?(p: Resolved): KinkConvention;
  /**
   * Points where the computation switches formula though the math does not (softplus' threshold):
   * not kinks to show, but quadrature panels must break there.
   */
  switches?(p: Resolved): number[];
}

export interface VectorDef extends DefBase {
  readonly kind: 'vector';
  apply(z: readonly number[], p: Resolved): VectorEvaluation;
}

export type Def = ScalarDef | VectorDef;

/** Shorthand for a formula. */
export function fm(tex: string, unicode: string): Formula {
  return { tex, unicode };
}

/** A numeric parameter already validated by resolveParams. */
export function num(p: Resolved, name: string): number {
  return p[name] as number;
}

/** One piece of a piecewise formula: value and condition, in TeX and in Unicode. */
export type Piece = readonly [tex: string, texCond: string, unicode: string, unicodeCond: string];

/** A piecewise formula: `\begin{cases}` in TeX, "a if c; b if d" in Unicode. */
export function cases(...pieces: Piece[]): import('../types').Formula {
  const tex = pieces.map(([t, c]) => `${t} & ${c}`).join(' \\\\ ');
  const unicode = pieces.map(([, , u, c]) => `${u} if ${c}`).join('; ');
  return { tex: `\\begin{cases} ${tex} \\end{cases}`, unicode };
}
