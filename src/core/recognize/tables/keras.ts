/**
 * Keras 3 (`keras.*`), tf.keras 2 (`tensorflow.keras.*`, `tf_keras.*`) and TensorFlow (`tf.nn`, `tf.math`)
 * spellings, plus the activation strings Keras layers accept. The two Keras generations differ in
 * hard_sigmoid (1/6 vs 0.2 slope) and LeakyReLU's keyword (negative_slope vs alpha).
 */
import { c, f, names, type Namespace, type Spelling } from '../spelling';

const K = 'keras';
const TF = 'tensorflow';
const AXIS = { pos: ['dim'], kw: { axis: 'dim' } };

/** String names (`activation="relu"`) → spelling, for Keras 3 or tf.keras 2. */
function strings(k2: boolean): Record<string, Spelling> {
  const pairs: [string, string][] = [
    ['relu', 'relu'],
    ['relu6', 'relu6'],
    ['elu', 'elu'],
    ['selu', 'selu'],
    ['gelu', 'gelu'],
    ['sigmoid', 'sigmoid'],
    ['tanh', 'tanh'],
    ['swish', 'silu'],
    ['silu', 'silu'],
    ['softplus', 'softplus'],
    ['softsign', 'softsign'],
    ['mish', 'mish'],
    ['exponential', 'exponential'],
    ['linear', 'linear'],
  ];
  const k3only: [string, string][] = [
    ['leaky_relu', 'leaky_relu'],
    ['celu', 'celu'],
    ['glu', 'glu'],
    ['hard_silu', 'hardswish'],
    ['hard_swish', 'hardswish'],
    ['log_sigmoid', 'logsigmoid'],
    ['log_softmax', 'log_softmax'],
    ['hard_tanh', 'hardtanh'],
    ['hard_shrink', 'hardshrink'],
    ['soft_shrink', 'softshrink'],
    ['tanh_shrink', 'tanhshrink'],
    ['sparse_plus', 'sparse_plus'],
    ['sparse_sigmoid', 'sparse_sigmoid'],
    ['squareplus', 'squareplus'],
    ['sparsemax', 'sparsemax'],
  ];
  const out = names(k2 ? pairs : [...pairs, ...k3only], (id) => c(id, K));
  out.hard_sigmoid = c('hardsigmoid', K, {}, k2 ? { slope: 0.2 } : {});
  out.softmax = c('softmax', K, {}, { dim: -1 });
  // tf.keras 2 also resolves 'leaky_relu' and 'log_softmax': its activations module binds them to
  // tf.nn.leaky_relu (slope 0.2) and tf.nn.log_softmax.
  out.leaky_relu = c('leaky_relu', K, {}, { negative_slope: 0.2 });
  out.log_softmax = c('log_softmax', K, {}, { dim: -1 });
  if (!k2) {
    out.sparsemax = c('sparsemax', K, {}, { dim: -1 });
  }
  return out;
}

/** keras.activations.* (functions of x with keyword parameters). */
function activations(k2: boolean): Namespace {
  const plain = names(
    Object.entries(strings(k2)).map(([name, s]) => [name, s.id] as const),
    (id) => f(id, K),
  );
  return {
    ...plain,
    relu: f(
      'relu',
      K,
      { pos: ['negative_slope', 'max_value', 'threshold'], kw: { alpha: 'negative_slope' } },
      { negative_slope: 0, threshold: 0 },
    ),
    leaky_relu: f('leaky_relu', K, { pos: ['negative_slope'] }, { negative_slope: 0.2 }),
    elu: f('elu', K, { pos: ['alpha'] }),
    celu: f('celu', K, { pos: ['alpha'] }),
    gelu: f('gelu', K, { pos: ['approximate'] }),
    hard_sigmoid: f('hardsigmoid', K, {}, k2 ? { slope: 0.2 } : {}),
    softmax: f('softmax', K, AXIS, { dim: -1 }),
    log_softmax: f('log_softmax', K, AXIS, { dim: -1 }),
    glu: f('glu', K, AXIS),
    sparsemax: f('sparsemax', K, AXIS, { dim: -1 }),
    hard_shrink: f('hardshrink', K, { pos: ['lambd'], kw: { threshold: 'lambd' } }),
    soft_shrink: f('softshrink', K, { pos: ['lambd'], kw: { threshold: 'lambd' } }),
    squareplus: f('squareplus', K, { pos: ['b'] }),
    threshold: f('threshold', K, { pos: ['threshold', 'value'], kw: { default_value: 'value' } }),
  };
}

/** keras.layers.* activation layers (constructors). */
function layers(k2: boolean): Namespace {
  return {
    ReLU: c(
      'relu',
      K,
      { pos: ['max_value', 'negative_slope', 'threshold'] },
      { negative_slope: 0, threshold: 0 },
    ),
    LeakyReLU: c(
      'leaky_relu',
      K,
      { pos: ['negative_slope'], kw: { alpha: 'negative_slope' } },
      { negative_slope: 0.3 },
    ),
    PReLU: c('prelu', K, {}, { weight: 0 }),
    ELU: c('elu', K, { pos: ['alpha'] }),
    Softmax: c('softmax', K, AXIS, { dim: -1 }),
    ...(k2
      ? { ThresholdedReLU: c('threshold', K, { kw: { theta: 'threshold' } }, { threshold: 1 }) }
      : {}),
  };
}

/** keras.ops (Keras 3): note ops.gelu defaults to the tanh approximation. */
function ops(): Namespace {
  const a = activations(false);
  return { ...a, gelu: f('gelu', K, { pos: ['approximate'] }, { approximate: 'tanh' }) };
}

const tfnn: Namespace = {
  relu: f('relu', TF),
  relu6: f('relu6', TF),
  leaky_relu: f(
    'leaky_relu',
    TF,
    { pos: ['negative_slope'], kw: { alpha: 'negative_slope', features: '', name: '' } },
    { negative_slope: 0.2 },
  ),
  elu: f('elu', TF),
  selu: f('selu', TF),
  gelu: f('gelu', TF, { pos: ['approximate'], kw: { features: '', name: '' } }),
  sigmoid: f('sigmoid', TF),
  tanh: f('tanh', TF),
  silu: f('silu', TF, { pos: ['beta'], kw: { features: '', name: '' } }),
  swish: f('silu', TF, { pos: ['beta'], kw: { features: '', name: '' } }),
  softplus: f('softplus', TF),
  softsign: f('softsign', TF),
  softmax: f('softmax', TF, { pos: ['dim'], kw: { axis: 'dim', logits: '' } }, { dim: -1 }),
  log_softmax: f('log_softmax', TF, { pos: ['dim'], kw: { axis: 'dim', logits: '' } }, { dim: -1 }),
};

const tfmath: Namespace = {
  sigmoid: tfnn.sigmoid,
  tanh: tfnn.tanh,
  softplus: tfnn.softplus,
  softsign: tfnn.softsign,
  log_sigmoid: f('logsigmoid', TF),
};

/**
 * tf.keras 2's backend functions (`from tensorflow.keras import backend as K`; `K.relu(x, alpha=0.0,
 * max_value=None, threshold=0.0)`, `K.softmax(x, axis=-1)`, `K.hard_sigmoid` with slope 0.2). Keras 3's
 * backend module has no activations.
 */
function backend(): Namespace {
  const a = activations(true);
  const pick = [
    'relu',
    'elu',
    'softmax',
    'softplus',
    'softsign',
    'sigmoid',
    'hard_sigmoid',
    'tanh',
  ];
  return Object.fromEntries(pick.map((name) => [name, a[name]]));
}

const K3_ACT = activations(false);
const K2_ACT = activations(true);

/** Namespaces by full module path. */
export const KERAS_TF: Readonly<Record<string, Namespace>> = {
  'keras.activations': K3_ACT,
  'keras.layers': layers(false),
  'keras.ops': ops(),
  'keras.ops.nn': ops(),
  'tensorflow.keras.activations': K2_ACT,
  'tensorflow.keras.layers': layers(true),
  'tf_keras.activations': K2_ACT,
  'tf_keras.layers': layers(true),
  'tensorflow.keras.backend': backend(),
  'tf_keras.backend': backend(),
  // Keras 3's own sources and code that imports from them (`from keras.src import activations`).
  'keras.src.activations': K3_ACT,
  'keras.src.activations.activations': K3_ACT,
  'keras.src.layers': layers(false),
  'keras.src.ops': ops(),
  'keras.src.ops.nn': ops(),
  'tensorflow.nn': tfnn,
  'tensorflow.math': tfmath,
  tensorflow: { sigmoid: tfnn.sigmoid, tanh: tfnn.tanh },
};

/** Activation strings for `activation="…"` in Keras 3 and tf.keras 2. */
export const KERAS3_STRINGS = strings(false);
/** Activation strings of tf.keras 2 (hard_sigmoid is 0.2x + 0.5 there). */
export const KERAS2_STRINGS = strings(true);
