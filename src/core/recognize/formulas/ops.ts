/**
 * The array libraries hand-written activations are built from, and what each of their functions computes:
 * `np.exp` and `torch.exp` are both `exp`, `tf.clip_by_value` and `x.clamp` are both `clip`. A formula is
 * matched on these canonical operations, so one pattern covers every library.
 */
import type { Framework } from '../../types';
import type { Lang } from '../tokenizer';

/** Canonical operations the formula patterns are written in. */
export type Op =
  | 'exp'
  | 'expm1'
  | 'log'
  | 'log1p'
  | 'logaddexp'
  | 'logsumexp'
  | 'tanh'
  | 'erf'
  | 'abs'
  | 'mul'
  | 'add'
  | 'sub'
  | 'div'
  | 'sqrt'
  | 'pow'
  | 'square'
  | 'sigmoid'
  | 'relu'
  | 'relu6'
  | 'softplus'
  | 'hardsigmoid'
  | 'maximum'
  | 'minimum'
  | 'clip'
  | 'where'
  | 'sum'
  | 'amax'
  | 'zeros'
  | 'tidy';

type Members = Readonly<Record<string, Op>>;

/**
 * Arithmetic as functions (`torch.mul(x, y)`, `tf.math.multiply`, TF.js `tfc.mul`): read as the operator, so
 * `tf.mul(x, tf.sigmoid(x))` is the same formula as `x * tf.sigmoid(x)`.
 */
const ARITHMETIC: Members = {
  multiply: 'mul',
  add: 'add',
  subtract: 'sub',
  divide: 'div',
};

/** Elementwise math every array library spells the same way. */
const MATH: Members = {
  exp: 'exp',
  expm1: 'expm1',
  log: 'log',
  log1p: 'log1p',
  tanh: 'tanh',
  sqrt: 'sqrt',
};

const NUMPY: Members = {
  ...MATH,
  ...ARITHMETIC,
  true_divide: 'div',
  abs: 'abs',
  absolute: 'abs',
  logaddexp: 'logaddexp',
  power: 'pow',
  square: 'square',
  maximum: 'maximum',
  minimum: 'minimum',
  where: 'where',
  clip: 'clip',
  sum: 'sum',
  max: 'amax',
  amax: 'amax',
  zeros_like: 'zeros',
};

const TORCH: Members = {
  ...MATH,
  ...ARITHMETIC,
  mul: 'mul',
  sub: 'sub',
  div: 'div',
  true_divide: 'div',
  abs: 'abs',
  logaddexp: 'logaddexp',
  logsumexp: 'logsumexp',
  erf: 'erf',
  pow: 'pow',
  square: 'square',
  sigmoid: 'sigmoid',
  relu: 'relu',
  maximum: 'maximum',
  minimum: 'minimum',
  where: 'where',
  clamp: 'clip',
  clip: 'clip',
  clamp_min: 'clip',
  sum: 'sum',
  amax: 'amax',
  zeros_like: 'zeros',
};

const TORCH_NN: Members = {
  sigmoid: 'sigmoid',
  tanh: 'tanh',
  relu: 'relu',
  relu6: 'relu6',
  softplus: 'softplus',
  hardsigmoid: 'hardsigmoid',
};

const TF: Members = {
  ...MATH,
  ...ARITHMETIC,
  truediv: 'div',
  abs: 'abs',
  erf: 'erf',
  pow: 'pow',
  square: 'square',
  sigmoid: 'sigmoid',
  maximum: 'maximum',
  minimum: 'minimum',
  where: 'where',
  clip_by_value: 'clip',
  reduce_sum: 'sum',
  reduce_max: 'amax',
  reduce_logsumexp: 'logsumexp',
  zeros_like: 'zeros',
};

const KERAS_OPS: Members = {
  ...NUMPY,
  erf: 'erf',
  sigmoid: 'sigmoid',
  relu: 'relu',
  relu6: 'relu6',
  softplus: 'softplus',
  hard_sigmoid: 'hardsigmoid',
};

/**
 * The maximum and minimum of plain numbers: JavaScript's `Math.max(0, x)`, Python's built-in `max(0.0, x)`,
 * as from-scratch networks write ReLU. Both take any number of values (and Python's one iterable), and
 * index code clamps with them (`Math.max(0, i - 1)`): terms.ts reads them only with two values, as the
 * function's input against another (see PLAIN_EXTREMA there).
 */
const EXTREMA: Members = { max: 'maximum', min: 'minimum' };

/** A library module: its framework and the functions formulas use from it. */
interface Module {
  readonly fw: Framework;
  readonly members: Members;
}

/** Modules by full dotted path (as imports.ts/resolve.ts normalize them). */
export const MODULES: Readonly<Record<string, Module>> = {
  numpy: { fw: 'numpy', members: NUMPY },
  'scipy.special': {
    fw: 'numpy',
    members: { expit: 'sigmoid', erf: 'erf', logsumexp: 'logsumexp' },
  },
  'jax.numpy': { fw: 'jax', members: NUMPY },
  'jax.nn': {
    fw: 'jax',
    members: { sigmoid: 'sigmoid', relu: 'relu', relu6: 'relu6', softplus: 'softplus' },
  },
  'jax.scipy.special': {
    fw: 'jax',
    members: { expit: 'sigmoid', erf: 'erf', logsumexp: 'logsumexp' },
  },
  torch: { fw: 'pytorch', members: TORCH },
  'torch.nn.functional': { fw: 'pytorch', members: TORCH_NN },
  'torch.special': { fw: 'pytorch', members: { expit: 'sigmoid', erf: 'erf', expm1: 'expm1' } },
  tensorflow: { fw: 'tensorflow', members: TF },
  'tensorflow.math': { fw: 'tensorflow', members: TF },
  'tensorflow.nn': {
    fw: 'tensorflow',
    members: { sigmoid: 'sigmoid', relu: 'relu', relu6: 'relu6', softplus: 'softplus' },
  },
  // Keras 3's backend-neutral ops (`keras.ops.relu6(x + 3.0) / 6.0` in a layer's `call`).
  'keras.ops': { fw: 'keras', members: KERAS_OPS },
  'keras.src.ops': { fw: 'keras', members: KERAS_OPS },
  // burn's activation functions, the ones hand-written formulas are built from (`relu(x)` squared).
  'burn.tensor.activation': {
    fw: 'burn',
    members: { relu: 'relu', sigmoid: 'sigmoid', tanh: 'tanh', softplus: 'softplus' },
  },
  math: { fw: 'other', members: { ...MATH, erf: 'erf', pow: 'pow' } },
  Math: { fw: 'other', members: { ...MATH, pow: 'pow', abs: 'abs', ...EXTREMA } },
  // Python's built-in functions, called unqualified (`max(0.0, x)`).
  builtins: { fw: 'other', members: EXTREMA },
  // Julia: Base's functions are called unqualified (`exp.(x)`), so are NNlib's. `max(0, n)` is left out:
  // Julia code clamps scalar indices with it far more often than it writes a ReLU.
  Base: {
    fw: 'other',
    members: {
      ...MATH,
      erf: 'erf',
      clamp: 'clip',
      sum: 'sum',
      maximum: 'amax',
    },
  },
  NNlib: {
    fw: 'flux',
    members: {
      σ: 'sigmoid',
      sigmoid: 'sigmoid',
      relu: 'relu',
      relu6: 'relu6',
      softplus: 'softplus',
    },
  },
  tfjs: {
    fw: 'tfjs',
    members: {
      ...MATH,
      erf: 'erf',
      abs: 'abs',
      mul: 'mul',
      add: 'add',
      sub: 'sub',
      div: 'div',
      sigmoid: 'sigmoid',
      relu: 'relu',
      relu6: 'relu6',
      softplus: 'softplus',
      pow: 'pow',
      square: 'square',
      maximum: 'maximum',
      minimum: 'minimum',
      where: 'where',
      clipByValue: 'clip',
      tidy: 'tidy',
      sum: 'sum',
      max: 'amax',
      zerosLike: 'zeros',
    },
  },
};

/**
 * How many values an elementwise operation reads. Arguments past them give none: NumPy's ufuncs and `clip`
 * take `out` next (`np.power(x, 3, out)`, `np.clip(a, lo, hi, out)`), TensorFlow's ops `name`
 * (`tf.multiply(x, y, "swish")`), and a JavaScript function ignores arguments past its own.
 */
export const INPUTS: Readonly<Partial<Record<Op, number>>> = {
  exp: 1,
  expm1: 1,
  log: 1,
  log1p: 1,
  tanh: 1,
  erf: 1,
  abs: 1,
  sqrt: 1,
  square: 1,
  sigmoid: 1,
  relu: 1,
  relu6: 1,
  softplus: 1,
  mul: 2,
  add: 2,
  sub: 2,
  div: 2,
  pow: 2,
  maximum: 2,
  minimum: 2,
  logaddexp: 2,
  clip: 3,
  where: 3,
};

/** Frameworks whose functions take a valueless argument by position after the values (see INPUTS). */
export const TRAILING_POSITIONAL: ReadonlySet<Framework> = new Set(['numpy', 'tensorflow']);

/**
 * The keyword argument that gives no value, by framework: where NumPy and PyTorch write the result (`out=`),
 * what TensorFlow names the op in its graph (`name=`).
 */
export const VALUELESS_KEYWORD: Readonly<Partial<Record<Framework, string>>> = {
  numpy: 'out',
  pytorch: 'out',
  tensorflow: 'name',
};

/**
 * Named constants of those modules (`np.pi`, `math.pi`, `Math.PI`, `np.inf`), and JavaScript's √2 and
 * 1/√2, which exact-GELU code divides or multiplies by (`tf.erf(x.div(Math.SQRT2))`).
 */
export const CONSTANTS: Readonly<Record<string, number>> = {
  pi: Math.PI,
  PI: Math.PI,
  e: Math.E,
  E: Math.E,
  inf: Infinity,
  Infinity: Infinity,
  SQRT2: Math.SQRT2,
  SQRT1_2: Math.SQRT1_2,
};

/**
 * Tensor methods (`x.exp()`, `x.clamp(min=0)`, `e.sum(axis=-1)`): the receiver is the first argument.
 * Only `clamp` names its library; the others take the document's array library.
 */
export const METHOD_OPS: Readonly<Record<string, Op>> = {
  exp: 'exp',
  expm1: 'expm1',
  log: 'log',
  log1p: 'log1p',
  tanh: 'tanh',
  sigmoid: 'sigmoid',
  relu: 'relu',
  pow: 'pow',
  square: 'square',
  clamp: 'clip',
  clamp_min: 'clip',
  clip: 'clip',
  sum: 'sum',
  amax: 'amax',
  max: 'amax',
  logsumexp: 'logsumexp',
  abs: 'abs',
  // Arithmetic methods (PyTorch, TF.js): `x.mul(x.sigmoid())`, `x.add(3)`, `.div(6)`.
  mul: 'mul',
  add: 'add',
  sub: 'sub',
  div: 'div',
  // In-place variants compute the same values (`x.add_(3.0).clamp_(0.0, 6.0).div_(6.0)`).
  mul_: 'mul',
  add_: 'add',
  sub_: 'sub',
  div_: 'div',
  clamp_: 'clip',
  clamp_min_: 'clip',
  sigmoid_: 'sigmoid',
  relu_: 'relu',
  tanh_: 'tanh',
  exp_: 'exp',
};

/** Methods that only convert a tensor's type (`(x > 0).float()`, `.astype(x.dtype)`): the value is kept. */
export const CONVERSIONS = new Set([
  'float',
  'double',
  'half',
  'astype',
  'to',
  'type_as',
  'type',
  // A copy of the same values (Rust's `r.clone() * r`, PyTorch's `x.clone()`, `x.detach()`).
  'clone',
  'detach',
  'contiguous',
]);

/**
 * Methods NumPy and JAX arrays do not have (`x.sigmoid()`, `x.exp()`, `x.clamp(…)`, `x.mul(…)`): in Python
 * they are PyTorch's. `sum`, `max` and `clip` say nothing: every array library has them.
 */
const TORCH_ONLY_METHODS = new Set(
  Object.keys(METHOD_OPS).filter((m) => !['sum', 'max', 'clip'].includes(m)),
);

/** The framework a tensor method belongs to, in a language, when its name says so. */
export function methodFramework(name: string, lang: Lang): Framework | undefined {
  switch (lang) {
    case 'python':
      return TORCH_ONLY_METHODS.has(name) ? 'pytorch' : undefined;
    case 'js':
      return 'tfjs';
    case 'cpp':
      return 'libtorch';
    default:
      return undefined;
  }
}

/**
 * Layer classes whose instance, built and applied at once (`layers.ReLU(6.0)(x + 3.0)`, `nn.Sigmoid()(x)`),
 * computes an elementwise operation of its input. Keras' ReLU takes `max_value` first (terms.ts reads it).
 */
const TORCH_LAYERS: Members = {
  ReLU: 'relu',
  ReLU6: 'relu6',
  Sigmoid: 'sigmoid',
  Tanh: 'tanh',
  Hardsigmoid: 'hardsigmoid',
};
const KERAS_LAYERS: Members = { ReLU: 'relu' };

/** Layer modules by full dotted path. */
export const LAYER_MODULES: Readonly<Record<string, Module>> = {
  'torch.nn': { fw: 'pytorch', members: TORCH_LAYERS },
  'keras.layers': { fw: 'keras', members: KERAS_LAYERS },
  'keras.src.layers': { fw: 'keras', members: KERAS_LAYERS },
  'tensorflow.keras.layers': { fw: 'keras', members: KERAS_LAYERS },
  'tf_keras.layers': { fw: 'keras', members: KERAS_LAYERS },
};

/** Every name a formula's operation can be spelled with: a statement without one holds no formula. */
export const OP_NAMES: ReadonlySet<string> = new Set([
  ...Object.values(MODULES).flatMap((m) => Object.keys(m.members)),
  ...Object.values(LAYER_MODULES).flatMap((m) => Object.keys(m.members)),
  ...Object.keys(METHOD_OPS),
]);
