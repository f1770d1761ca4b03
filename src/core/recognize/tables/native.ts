/**
 * Compiled-language spellings: LibTorch (C++) here, candle and burn (Rust) from their own files. Paths use `.` after normalization
 * (`torch::nn::functional::gelu` → `torch.nn.functional.gelu`). LibTorch options builders
 * (`LeakyReLUOptions().negative_slope(0.2)`) and burn configs (`.with_beta(2.0)`) are read as keywords.
 */
import { c, f, names, type Namespace } from '../spelling';
import { BURN } from './burn';
import { CANDLE, CANDLE_METHODS } from './candle';

const LT = 'libtorch';
const SOFTMAX = { pos: ['dim'] };

const ltFunctional: Namespace = {
  ...names(
    [
      ['relu', 'relu'],
      ['relu6', 'relu6'],
      ['selu', 'selu'],
      ['silu', 'silu'],
      ['mish', 'mish'],
      ['hardswish', 'hardswish'],
      ['logsigmoid', 'logsigmoid'],
      ['softsign', 'softsign'],
      ['tanhshrink', 'tanhshrink'],
    ],
    (id) => f(id, LT),
  ),
  leaky_relu: f('leaky_relu', LT, { pos: ['negative_slope'] }),
  elu: f('elu', LT, { pos: ['alpha'] }),
  celu: f('celu', LT, { pos: ['alpha'] }),
  gelu: f('gelu', LT, { pos: ['approximate'] }),
  hardtanh: f('hardtanh', LT, { pos: ['min_val', 'max_val'] }),
  threshold: f('threshold', LT, { pos: ['threshold', 'value'] }),
  softplus: f('softplus', LT, { pos: ['beta', 'threshold'] }),
  softshrink: f('softshrink', LT, { pos: ['lambd'] }),
  hardshrink: f('hardshrink', LT, { pos: ['lambd'] }),
  softmax: f('softmax', LT, SOFTMAX),
  log_softmax: f('log_softmax', LT, SOFTMAX),
  softmin: f('softmin', LT, SOFTMAX),
  glu: f('glu', LT, SOFTMAX),
  prelu: f('prelu', LT, { pos: ['weight'] }),
  rrelu: f('rrelu', LT, { pos: ['lower', 'upper'] }),
};

const ltTorch: Namespace = {
  ...ltFunctional,
  sigmoid: f('sigmoid', LT),
  tanh: f('tanh', LT),
  hardsigmoid: f('hardsigmoid', LT),
  relu_: ltFunctional.relu,
  sigmoid_: f('sigmoid', LT),
  tanh_: f('tanh', LT),
};

const ltModules: Namespace = {
  ...names(
    [
      ['ReLU', 'relu'],
      ['ReLU6', 'relu6'],
      ['SELU', 'selu'],
      ['SiLU', 'silu'],
      ['Mish', 'mish'],
      ['Sigmoid', 'sigmoid'],
      ['Tanh', 'tanh'],
      ['Hardswish', 'hardswish'],
      ['LogSigmoid', 'logsigmoid'],
      ['Softsign', 'softsign'],
      ['Tanhshrink', 'tanhshrink'],
      ['Identity', 'linear'],
    ],
    (id) => c(id, LT),
  ),
  LeakyReLU: c('leaky_relu', LT, { pos: ['negative_slope'] }),
  PReLU: c('prelu', LT, { pos: ['', 'weight'], kw: { num_parameters: '', init: 'weight' } }),
  RReLU: c('rrelu', LT, { pos: ['lower', 'upper'] }),
  ELU: c('elu', LT, { pos: ['alpha'] }),
  CELU: c('celu', LT, { pos: ['alpha'] }),
  GELU: c('gelu', LT, { pos: ['approximate'] }),
  Hardtanh: c('hardtanh', LT, { pos: ['min_val', 'max_val'] }),
  Threshold: c('threshold', LT, { pos: ['threshold', 'value'] }),
  Softplus: c('softplus', LT, { pos: ['beta', 'threshold'] }),
  Softshrink: c('softshrink', LT, { pos: ['lambd'] }),
  Hardshrink: c('hardshrink', LT, { pos: ['lambd'] }),
  Softmax: c('softmax', LT, SOFTMAX),
  LogSoftmax: c('log_softmax', LT, SOFTMAX),
  Softmin: c('softmin', LT, SOFTMAX),
  GLU: c('glu', LT, SOFTMAX),
};

/** Tensor methods in LibTorch (`x.relu()`, `x.softmax(1)`). */
export const LIBTORCH_METHODS: Namespace = {
  relu: c('relu', LT),
  relu_: c('relu', LT),
  sigmoid: c('sigmoid', LT),
  sigmoid_: c('sigmoid', LT),
  tanh: c('tanh', LT),
  tanh_: c('tanh', LT),
  softmax: c('softmax', LT, SOFTMAX),
  log_softmax: c('log_softmax', LT, SOFTMAX),
};

/** Namespaces by full (dot-normalized) path. */
export const NATIVE: Readonly<Record<string, Namespace>> = {
  torch: ltTorch,
  'torch.nn.functional': ltFunctional,
  'torch.nn': ltModules,
  ...CANDLE,
  ...BURN,
};

export { CANDLE_METHODS };
