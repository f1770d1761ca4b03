/**
 * PyTorch spellings (Python): torch.nn.functional, torch.*, torch.special, torch.nn modules, Tensor methods,
 * and the activation strings PyTorch layers accept (`nn.TransformerEncoderLayer(activation='gelu')`).
 */
import { c, f, names, type Namespace, type Spelling } from '../spelling';

const PT = 'pytorch';
const INPLACE = { inplace: '' };

/** Parameterless functions: F.relu(x), F.selu(x, inplace=True). */
const PLAIN: readonly (readonly [string, string])[] = [
  ['relu', 'relu'],
  ['relu_', 'relu'],
  ['relu6', 'relu6'],
  ['selu', 'selu'],
  ['selu_', 'selu'],
  ['silu', 'silu'],
  ['mish', 'mish'],
  ['sigmoid', 'sigmoid'],
  ['tanh', 'tanh'],
  ['hardsigmoid', 'hardsigmoid'],
  ['hardswish', 'hardswish'],
  ['logsigmoid', 'logsigmoid'],
  ['softsign', 'softsign'],
  ['tanhshrink', 'tanhshrink'],
];

const SOFTMAX = { pos: ['dim'], kw: { dtype: '', _stacklevel: '' } };

const functional: Namespace = {
  ...names(PLAIN, (id) => f(id, PT, { kw: INPLACE })),
  leaky_relu: f('leaky_relu', PT, { pos: ['negative_slope'], kw: INPLACE }),
  leaky_relu_: f('leaky_relu', PT, { pos: ['negative_slope'] }),
  prelu: f('prelu', PT, { pos: ['weight'] }),
  rrelu: f('rrelu', PT, { pos: ['lower', 'upper'], kw: { training: '', inplace: '' } }),
  rrelu_: f('rrelu', PT, { pos: ['lower', 'upper'], kw: { training: '' } }),
  elu: f('elu', PT, { pos: ['alpha'], kw: INPLACE }),
  elu_: f('elu', PT, { pos: ['alpha'] }),
  celu: f('celu', PT, { pos: ['alpha'], kw: INPLACE }),
  celu_: f('celu', PT, { pos: ['alpha'] }),
  gelu: f('gelu', PT, { kw: {} }),
  hardtanh: f('hardtanh', PT, { pos: ['min_val', 'max_val'], kw: INPLACE }),
  hardtanh_: f('hardtanh', PT, { pos: ['min_val', 'max_val'] }),
  threshold: f('threshold', PT, { pos: ['threshold', 'value'], kw: INPLACE }),
  threshold_: f('threshold', PT, { pos: ['threshold', 'value'] }),
  softplus: f('softplus', PT, { pos: ['beta', 'threshold'] }),
  softshrink: f('softshrink', PT, { pos: ['lambd'] }),
  hardshrink: f('hardshrink', PT, { pos: ['lambd'] }),
  softmax: f('softmax', PT, SOFTMAX),
  log_softmax: f('log_softmax', PT, SOFTMAX),
  softmin: f('softmin', PT, SOFTMAX),
  glu: f('glu', PT, { pos: ['dim'] }),
};

/** torch.* re-exports a subset of the functional API. */
const torchTop: Namespace = {
  relu: functional.relu,
  relu_: functional.relu_,
  selu: functional.selu,
  selu_: functional.selu_,
  celu: functional.celu,
  celu_: functional.celu_,
  sigmoid: functional.sigmoid,
  sigmoid_: functional.sigmoid,
  tanh: functional.tanh,
  tanh_: functional.tanh,
  rrelu: functional.rrelu,
  prelu: functional.prelu,
  threshold: functional.threshold,
  hardshrink: functional.hardshrink,
  softmax: functional.softmax,
  log_softmax: functional.log_softmax,
};

const special: Namespace = {
  expit: functional.sigmoid,
  softmax: functional.softmax,
  log_softmax: functional.log_softmax,
};

const PLAIN_MODULES: readonly (readonly [string, string])[] = [
  ['ReLU', 'relu'],
  ['ReLU6', 'relu6'],
  ['SELU', 'selu'],
  ['SiLU', 'silu'],
  ['Mish', 'mish'],
  ['Sigmoid', 'sigmoid'],
  ['Tanh', 'tanh'],
  ['Hardsigmoid', 'hardsigmoid'],
  ['Hardswish', 'hardswish'],
  ['LogSigmoid', 'logsigmoid'],
  ['Softsign', 'softsign'],
  ['Tanhshrink', 'tanhshrink'],
  ['Identity', 'linear'],
];

const modules: Namespace = {
  ...names(PLAIN_MODULES, (id) => c(id, PT, { kw: INPLACE })),
  LeakyReLU: c('leaky_relu', PT, { pos: ['negative_slope'], kw: INPLACE }),
  PReLU: c('prelu', PT, { pos: ['', 'weight'], kw: { num_parameters: '', init: 'weight' } }),
  RReLU: c('rrelu', PT, { pos: ['lower', 'upper'], kw: INPLACE }),
  ELU: c('elu', PT, { pos: ['alpha'], kw: INPLACE }),
  CELU: c('celu', PT, { pos: ['alpha'], kw: INPLACE }),
  GELU: c('gelu', PT, { pos: ['approximate'] }),
  Hardtanh: c('hardtanh', PT, { pos: ['min_val', 'max_val'], kw: INPLACE }),
  Threshold: c('threshold', PT, { pos: ['threshold', 'value'], kw: INPLACE }),
  Softplus: c('softplus', PT, { pos: ['beta', 'threshold'] }),
  Softshrink: c('softshrink', PT, { pos: ['lambd'] }),
  Hardshrink: c('hardshrink', PT, { pos: ['lambd'] }),
  Softmax: c('softmax', PT, { pos: ['dim'] }),
  Softmax2d: c('softmax', PT, {}, { dim: -3 }),
  LogSoftmax: c('log_softmax', PT, { pos: ['dim'] }),
  Softmin: c('softmin', PT, { pos: ['dim'] }),
  GLU: c('glu', PT, { pos: ['dim'] }),
};

/** Namespaces by their full module path. */
export const PYTORCH: Readonly<Record<string, Namespace>> = {
  'torch.nn.functional': functional,
  torch: torchTop,
  'torch.special': special,
  'torch.nn': modules,
  'torch.nn.modules.activation': modules,
};

/** Tensor methods: `x.relu_()`, `x.softmax(-1)`. The receiver is the input. */
export const PYTORCH_METHODS: Namespace = {
  relu: c('relu', PT),
  relu_: c('relu', PT),
  sigmoid: c('sigmoid', PT),
  sigmoid_: c('sigmoid', PT),
  tanh: c('tanh', PT),
  tanh_: c('tanh', PT),
  hardshrink: c('hardshrink', PT, { pos: ['lambd'] }),
  softmax: c('softmax', PT, { pos: ['dim'] }),
  log_softmax: c('log_softmax', PT, { pos: ['dim'] }),
};

/** Strings PyTorch layers accept for `activation=` (Transformer layers). */
export const PYTORCH_STRINGS: Readonly<Record<string, Spelling>> = {
  relu: c('relu', PT),
  gelu: c('gelu', PT),
};
