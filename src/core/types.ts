/**
 * The activation core's public types. Everything the hover, the chart and the tests read from the core is
 * described here; the names are part of the core's stable API (see src/core/index.ts).
 */

/** A parameter value as code writes it: a number (alpha, beta, …) or a choice ('tanh' for GELU). */
export type ParamValue = number | string;

/** Parameters by their core name (PyTorch's functional names: negative_slope, alpha, lambd, …). */
export type Params = Readonly<Record<string, ParamValue>>;

/** The ecosystem a recognized call belongs to. */
export type Framework =
  | 'pytorch'
  | 'libtorch'
  | 'keras'
  | 'tensorflow'
  | 'tfjs'
  | 'jax'
  | 'flax'
  | 'flux'
  | 'numpy'
  | 'candle'
  | 'burn'
  | 'other';

/** A formula in two spellings: TeX for typesetting, plain Unicode for alt text and plain contexts. */
export interface Formula {
  readonly tex: string;
  readonly unicode: string;
}

/** One parameter of an activation, with PyTorch's default and the defaults where frameworks differ. */
export interface ParamSpec {
  readonly name: string;
  /** TeX symbol used in the formulas, e.g. `\alpha`. */
  readonly symbol: string;
  /** The same symbol in Unicode, e.g. `α`. */
  readonly unicode: string;
  /** The canonical default (PyTorch's where PyTorch has the function). */
  readonly default: ParamValue;
  /** Defaults that differ from `default`, per framework. */
  readonly frameworkDefaults?: Readonly<Partial<Record<Framework, ParamValue>>>;
  /** Numbers: valid range (inclusive unless `exclusive`); choices: the allowed strings. */
  readonly min?: number;
  readonly max?: number;
  readonly exclusiveMin?: boolean;
  readonly nonZero?: boolean;
  readonly choices?: readonly string[];
  /** One line on what the parameter does. */
  readonly description: string;
}

export interface Properties {
  /** Output range in Unicode, for the default parameters, e.g. `[0, ∞)`. */
  readonly range: string;
  readonly monotonic: boolean;
  readonly zeroCentred: boolean;
  /** True when f is infinitely differentiable everywhere. */
  readonly smooth: boolean;
  /** f' → 0 as x → −∞ / +∞. */
  readonly saturates: { readonly left: boolean; readonly right: boolean };
  readonly bounded: { readonly below: boolean; readonly above: boolean };
  /** f(x) = x · g(x) with g a gate in [0, 1] (SiLU, GELU, Mish). */
  readonly selfGated: boolean;
  /**
   * Scalar functions: the largest k with f in Cᵏ at the default parameters (−1 when f itself jumps,
   * Infinity when smooth). Hardswish is 0 (f′ jumps at ±3), ELU 1 (f″ jumps at 0).
   */
  readonly continuousDerivatives?: number;
}

/** Where a fact can be checked: a framework's docs page, or its source file at a release tag. */
export interface FactSource {
  /** What the page is, e.g. "PyTorch v2.5.0 aten/src/ATen/native/cpu/Activation.cpp". */
  readonly label: string;
  readonly url: string;
}

/** Whose one-sided derivative the core returns at the kinks, for given parameters. */
export interface KinkConvention {
  /** Possessive owner for prose: "PyTorch's", "JAX's", "tf.clip_by_value's". */
  readonly owner: string;
  readonly source: FactSource;
}

/** A difference between frameworks for one function, shown only to code of the frameworks it names. */
export interface FrameworkDifference {
  readonly frameworks: readonly Framework[];
  readonly text: string;
  /** A parameter whose presence in the code makes the difference moot (`dim` for implicit softmax axes). */
  readonly unlessGiven?: string;
  /** A parameter the difference is about: shown only when the code gives it (Keras relu's `max_value`). */
  readonly onlyIfGiven?: string;
  /** Where the difference can be checked (our own constant: the hover links it). */
  readonly source: FactSource;
}

/** Catalogue entry for one activation. */
export interface ActivationInfo {
  readonly id: string;
  readonly name: string;
  readonly kind: 'scalar' | 'vector';
  /** Family for grouping in pickers: 'ReLU family', 'Sigmoid family', 'Smooth gated', 'Shrinkage', 'Softmax family', … */
  readonly family: string;
  /** One line for pickers and hover titles. */
  readonly summary: string;
  readonly params: readonly ParamSpec[];
  readonly properties: Properties;
  /** Two or three short notes a student of the lecture material would want. */
  readonly notes: readonly string[];
  /** The source of each note that states a framework's convention or a non-obvious fact, by note index. */
  readonly noteSources?: readonly (FactSource | undefined)[];
  /** Whose derivative convention the values at kinks follow, with its source. Scalar ids only. */
  readonly kinkConvention?: (params?: Params) => KinkConvention;
  /** torch.nn.init.calculate_gain for this function, where PyTorch defines one (a function of the params). */
  readonly gain?: (params: Params) => number;
  /** Documentation pages per framework. */
  readonly docs: Readonly<Partial<Record<Framework, string>>>;
  /** Ids worth comparing against (the hover's Compare link). */
  readonly related: readonly string[];
  readonly differences: readonly FrameworkDifference[];
  /** A plot range that shows the interesting part of the function, for the default parameters. */
  readonly plotRange: readonly [number, number];
  /**
   * A few telling x positions for a values table, for these parameters: kinks, 0, where f' peaks, a
   * point on each side. Sorted, at most eight. Scalar functions only.
   */
  readonly tellingPoints?: (params?: Params) => number[];
  /**
   * Parameter sets that together reach every distinct `formulasOf()` variant (choice values, hardsigmoid's
   * two slopes, relu's Keras extras): typeset each at build time and every runtime formula is covered.
   */
  readonly formulaVariants?: readonly Params[];
}

/** f, f' and f'' at one point. */
export interface Evaluation {
  readonly y: number;
  readonly dy: number;
  readonly d2y: number;
}

export interface ArrayEvaluation {
  y: Float64Array;
  dy: Float64Array;
  d2y: Float64Array;
}

export interface VectorEvaluation {
  readonly y: number[];
  readonly jacobian: number[][];
}

/** Moments of f(x) and f'(x) for x ~ N(μ, σ²). */
export interface GaussianStats {
  readonly mean: number;
  readonly variance: number;
  readonly meanSlope: number;
  readonly meanSquaredSlope: number;
  /** Fraction of inputs where f'(x) = 0 exactly (dead units). */
  readonly deadFraction: number;
}

/** Inputs of gradientThroughDepth: pre-activations x ~ N(mu + bias, sigma²), weights scaled by gain. */
export interface DepthOptions {
  readonly mu: number;
  readonly sigma: number;
  /** Weight scale g (PyTorch's init gain). */
  readonly gain: number;
  /** Added to every pre-activation: shifts the mean to mu + bias. */
  readonly bias?: number;
  /** Number of layers (0 … 10000). */
  readonly depth: number;
}

/** chi = gain²·E[f'(x)²] per layer; cumulative[k] = chi^(k+1); dead fraction and E[f] at that input. */
export interface DepthResult {
  readonly chi: number;
  readonly cumulative: number[];
  readonly deadFraction: number;
  readonly meanOutput: number;
}

/** A call or layer configuration recognized in source code. */
export interface RecognizedCall {
  readonly id: string;
  /** Effective parameters: literals from the code, else the framework's defaults, by core names. */
  readonly params: Record<string, number | string | boolean>;
  readonly framework: Framework;
  /** Offsets of the recognized name in the text. */
  readonly start: number;
  readonly end: number;
  /** A numeric literal argument of the activation itself (`relu(-2.0)`). */
  readonly arg?: number;
  /** Parameters the code gives as expressions: reported by name, their default is used. */
  readonly nonLiteral?: string[];
  /**
   * For a function or layer the code defines itself and that is recognized by what its body computes: the
   * 1-based line of the definition, the body's expression as written (one line, at most 120 characters:
   * file text, so untrusted) and the module it was read from when another file (`.act`), else absent.
   */
  readonly definedAt?: { readonly line: number; readonly source: string; readonly module?: string };
  /**
   * For framework `keras`: true when the code is written against tf.keras 2 (it imports Keras through
   * TensorFlow or tf_keras and not Keras 3 itself), whose docs and conventions differ from Keras 3's.
   */
  readonly tfKeras?: true;
}

/**
 * What `recognizeAt` may know beyond the text: the source of imported modules and, in a notebook, the code
 * of the cells above. The host answers synchronously (it reads files ahead of time).
 */
export interface RecognizeContext {
  /** The source text of a module by its specifier as written (`.act`, `timm.layers`, `./act`, `crate::act`). */
  readonly readImport?: (specifier: string) => string | undefined;
  /** Code that runs before this text: a notebook's earlier code cells, joined by newlines. */
  readonly preamble?: string;
}
