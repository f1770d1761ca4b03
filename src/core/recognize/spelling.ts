/**
 * The shape of the spelling tables: how one framework spells one activation, which arguments carry which
 * core parameter, and that spelling's own defaults (defaults differ per spelling even inside one framework:
 * Keras' LeakyReLU layer uses 0.3, keras.activations.leaky_relu 0.2).
 */
import { listActivations } from '../activations';
import type { Framework } from '../types';

/** A parameter value as recognition reports it. */
export type Value = number | string | boolean;

/** How one framework spells one activation (a function, constructor, method or string). */
export interface Spelling {
  readonly id: string;
  readonly framework: Framework;
  /** True when the first positional argument is the input (functions); false for constructors, methods. */
  readonly input: boolean;
  /** Core names of the positional parameters after the input; '' skips an argument we do not report. */
  readonly pos: readonly string[];
  /** Keywords whose name differs from the core name (code name → core name; '' = ignored). */
  readonly kw: Readonly<Record<string, string>>;
  /** Effective parameters when the code gives none: this spelling's defaults, by core name. */
  readonly defaults: Readonly<Record<string, Value>>;
}

/** Spellings of one module/namespace, by member name. */
export type Namespace = Readonly<Record<string, Spelling>>;

type Opts = {
  pos?: readonly string[];
  kw?: Readonly<Record<string, string>>;
};

/** A function whose first argument is the input tensor: `F.leaky_relu(x, 0.2)`. */
export function fn(
  id: string,
  framework: Framework,
  defaults: Readonly<Record<string, Value>> = {},
  opts: Opts = {},
): Spelling {
  return { id, framework, input: true, pos: opts.pos ?? [], kw: opts.kw ?? {}, defaults };
}

/** A constructor, method or reference whose arguments are all parameters: `nn.LeakyReLU(0.2)`. */
export function ctor(
  id: string,
  framework: Framework,
  defaults: Readonly<Record<string, Value>> = {},
  opts: Opts = {},
): Spelling {
  return { id, framework, input: false, pos: opts.pos ?? [], kw: opts.kw ?? {}, defaults };
}

/** Every activation id with the parameters it takes, shared by tables to keep defaults in one place. */
export const PT_DEFAULTS: Readonly<Record<string, Readonly<Record<string, Value>>>> = {
  leaky_relu: { negative_slope: 0.01 },
  prelu: { weight: 0.25 },
  rrelu: { lower: 1 / 8, upper: 1 / 3 },
  elu: { alpha: 1 },
  celu: { alpha: 1 },
  gelu: { approximate: 'none' },
  silu: { beta: 1 },
  hardsigmoid: { slope: 1 / 6 },
  hardtanh: { min_val: -1, max_val: 1 },
  threshold: { threshold: 0, value: 0 },
  softplus: { beta: 1, threshold: 20 },
  softshrink: { lambd: 0.5 },
  hardshrink: { lambd: 0.5 },
  squareplus: { b: 4 },
  glu: { dim: -1 },
};

/**
 * Parameters only PyTorch (and LibTorch, which mirrors it) has: softplus' linear switch above `threshold`
 * is PyTorch's numerical shortcut, and jax.nn.softplus or tf.math.softplus have no such switch. A table
 * whose spelling takes one (burn 0.22's `with_threshold`) names it among its keywords.
 */
const PYTORCH_ONLY: Readonly<Record<string, readonly string[]>> = { softplus: ['threshold'] };

/** The defaults of `id` as `framework` sets them (PyTorch's, less what only PyTorch has), overridden by `over`. */
export function dflt(
  id: string,
  over: Readonly<Record<string, Value>> = {},
  framework: Framework = 'pytorch',
): Record<string, Value> {
  const out: Record<string, Value> = { ...(PT_DEFAULTS[id] ?? {}) };
  if (framework !== 'pytorch' && framework !== 'libtorch') {
    for (const name of PYTORCH_ONLY[id] ?? []) {
      delete out[name];
    }
  }
  return { ...out, ...over };
}

/** `fn` with the shared defaults. */
export function f(id: string, framework: Framework, opts: Opts = {}, over = {}): Spelling {
  return fn(id, framework, dflt(id, over, framework), opts);
}

/** `ctor` with the shared defaults. */
export function c(id: string, framework: Framework, opts: Opts = {}, over = {}): Spelling {
  return ctor(id, framework, dflt(id, over, framework), opts);
}

/** Builds a namespace where every member is made by `make` from a short [name, id] list. */
export function names(
  pairs: readonly (readonly [string, string])[],
  make: (id: string) => Spelling,
): Record<string, Spelling> {
  const out: Record<string, Spelling> = {};
  for (const [name, id] of pairs) {
    out[name] = make(id);
  }
  return out;
}

let known: ReadonlySet<string> | undefined;

/**
 * Whether the catalogue has an activation. Ids the catalogue gains later (quick_gelu, relu_squared,
 * swiglu) are spelled only once it has them, so nothing reports an id the hover cannot explain.
 */
export function inCatalogue(id: string): boolean {
  known ??= new Set(listActivations().map((a) => a.id));
  return known.has(id);
}
