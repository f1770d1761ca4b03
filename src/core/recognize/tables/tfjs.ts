/**
 * TensorFlow.js spellings: tfjs-core ops (`tf.leakyRelu(x, 0.2)`, tensor methods `x.sigmoid()`), tfjs-layers
 * activation layers (`tf.layers.leakyReLU({alpha: 0.2})`) and activation strings (`{activation: 'relu'}`).
 * tfjs-layers' hardSigmoid is 0.2x + 0.5 and 'gelu_new' is the tanh approximation.
 */
import { c, ctor, f, fn, names, type Namespace, type Spelling } from '../spelling';

const TJ = 'tfjs';
const PLAIN: readonly (readonly [string, string])[] = [
  ['relu', 'relu'],
  ['relu6', 'relu6'],
  ['elu', 'elu'],
  ['selu', 'selu'],
  ['sigmoid', 'sigmoid'],
  ['tanh', 'tanh'],
  ['softplus', 'softplus'],
  ['logSigmoid', 'logsigmoid'],
];

const core: Namespace = {
  ...names(PLAIN, (id) => f(id, TJ)),
  leakyRelu: f('leaky_relu', TJ, { pos: ['negative_slope'] }, { negative_slope: 0.2 }),
  // tf.prelu(x, alpha): alpha is a tensor, so there is no default slope to show (PyTorch's 0.25 is not TF.js').
  prelu: fn('prelu', TJ, {}, { pos: ['weight'] }),
  softmax: f('softmax', TJ, { pos: ['dim'] }, { dim: -1 }),
  logSoftmax: f('log_softmax', TJ, { pos: ['dim'] }, { dim: -1 }),
};

/** Tensor methods: the receiver is the input, so every argument is a parameter. */
export const TFJS_METHODS: Namespace = {
  ...names(PLAIN, (id) => c(id, TJ)),
  leakyRelu: c('leaky_relu', TJ, { pos: ['negative_slope'] }, { negative_slope: 0.2 }),
  prelu: ctor('prelu', TJ, {}, { pos: ['weight'] }),
  softmax: c('softmax', TJ, { pos: ['dim'] }, { dim: -1 }),
  logSoftmax: c('log_softmax', TJ, { pos: ['dim'] }, { dim: -1 }),
};

/** tfjs-layers constructors take one config object: its keys are the keywords. */
const layers: Namespace = {
  reLU: c('relu', TJ, { kw: { maxValue: 'max_value' } }),
  leakyReLU: c('leaky_relu', TJ, { kw: { alpha: 'negative_slope' } }, { negative_slope: 0.3 }),
  prelu: c('prelu', TJ, { kw: { alphaInitializer: '' } }, { weight: 0 }),
  elu: c('elu', TJ),
  softmax: c('softmax', TJ, { kw: { axis: 'dim' } }, { dim: 1 }),
  thresholdedReLU: c('threshold', TJ, { kw: { theta: 'threshold' } }, { threshold: 1 }),
};

/**
 * tfjs-layers' backend functions, imported inside tfjs-layers as `import * as K from '../backend/tfjs_backend'`:
 * K.hardSigmoid is 0.2x + 0.5 clipped, K.elu takes alpha (default 1).
 */
const backend: Namespace = {
  elu: f('elu', TJ, { pos: ['alpha'] }),
  softsign: f('softsign', TJ),
  hardSigmoid: f('hardsigmoid', TJ, {}, { slope: 0.2 }),
};

/** Namespaces by full module path (every tfjs package is normalized to `tfjs`). */
export const TFJS: Readonly<Record<string, Namespace>> = {
  tfjs: core,
  'tfjs.layers': layers,
  '../backend/tfjs_backend': backend,
  './backend/tfjs_backend': backend,
  './tfjs_backend': backend,
};

/** tfjs-layers activation strings. */
export const TFJS_STRINGS: Readonly<Record<string, Spelling>> = {
  ...names(
    [
      ['relu', 'relu'],
      ['relu6', 'relu6'],
      ['elu', 'elu'],
      ['selu', 'selu'],
      ['sigmoid', 'sigmoid'],
      ['tanh', 'tanh'],
      ['softplus', 'softplus'],
      ['softsign', 'softsign'],
      ['swish', 'silu'],
      ['mish', 'mish'],
      ['gelu', 'gelu'],
      ['linear', 'linear'],
    ],
    (id) => c(id, TJ),
  ),
  hardSigmoid: c('hardsigmoid', TJ, {}, { slope: 0.2 }),
  gelu_new: c('gelu', TJ, {}, { approximate: 'tanh' }),
  softmax: c('softmax', TJ, {}, { dim: -1 }),
  logSoftmax: c('log_softmax', TJ, {}, { dim: -1 }),
};
