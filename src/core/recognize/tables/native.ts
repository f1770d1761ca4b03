/**
 * Compiled-language spellings: LibTorch (C++), candle and burn (Rust). Paths use `.` after normalization
 * (`torch::nn::functional::gelu` → `torch.nn.functional.gelu`). LibTorch options builders
 * (`LeakyReLUOptions().negative_slope(0.2)`) and burn configs (`.with_beta(2.0)`) are read as keywords.
 */
import { c, f, names, type Namespace } from '../spelling';

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

const CA = 'candle';

/** candle tensor methods: `xs.relu()?`. candle's `gelu` is the tanh approximation, `gelu_erf` exact. */
export const CANDLE_METHODS: Namespace = {
  relu: c('relu', CA),
  gelu: c('gelu', CA, {}, { approximate: 'tanh' }),
  gelu_erf: c('gelu', CA),
  silu: c('silu', CA),
  tanh: c('tanh', CA),
  elu: c('elu', CA, { pos: ['alpha'] }),
};

const candleOps: Namespace = {
  sigmoid: f('sigmoid', CA),
  silu: f('silu', CA),
  hard_sigmoid: f('hardsigmoid', CA),
  leaky_relu: f('leaky_relu', CA, { pos: ['negative_slope'] }),
  softmax: f('softmax', CA, SOFTMAX),
  softmax_last_dim: f('softmax', CA, {}, { dim: -1 }),
  log_softmax: f('log_softmax', CA, SOFTMAX),
};

/** `candle_nn::Activation` variants. */
const candleActivation: Namespace = {
  ...names(
    [
      ['Gelu', 'gelu'],
      ['Relu', 'relu'],
      ['Relu6', 'relu6'],
      ['Silu', 'silu'],
      ['Swish', 'silu'],
      ['Sigmoid', 'sigmoid'],
      ['HardSigmoid', 'hardsigmoid'],
      ['HardSwish', 'hardswish'],
    ],
    (id) => c(id, CA),
  ),
  NewGelu: c('gelu', CA, {}, { approximate: 'tanh' }),
  GeluPytorchTanh: c('gelu', CA, {}, { approximate: 'tanh' }),
  Elu: c('elu', CA, { pos: ['alpha'] }),
  LeakyRelu: c('leaky_relu', CA, { pos: ['negative_slope'] }),
};

const BU = 'burn';

/** burn modules and configs (`Relu::new()`, `LeakyReluConfig::new().with_negative_slope(0.2)`). */
const burnNn: Namespace = {
  ...names(
    [
      ['Relu', 'relu'],
      ['Gelu', 'gelu'],
      ['Sigmoid', 'sigmoid'],
      ['Tanh', 'tanh'],
    ],
    (id) => c(id, BU),
  ),
  LeakyReluConfig: c('leaky_relu', BU, { kw: { with_negative_slope: 'negative_slope' } }),
  PReluConfig: c('prelu', BU, { kw: { with_alpha: 'weight', with_num_parameters: '' } }),
  HardSigmoidConfig: c(
    'hardsigmoid',
    BU,
    { kw: { with_alpha: 'slope', with_beta: '' } },
    { slope: 0.2 },
  ),
  SoftplusConfig: c('softplus', BU, { kw: { with_beta: 'beta' } }),
};

/** burn::tensor::activation functions. */
const burnActivation: Namespace = {
  ...names(
    [
      ['relu', 'relu'],
      ['gelu', 'gelu'],
      ['sigmoid', 'sigmoid'],
      ['tanh', 'tanh'],
      ['silu', 'silu'],
      ['mish', 'mish'],
      ['log_sigmoid', 'logsigmoid'],
    ],
    (id) => f(id, BU),
  ),
  leaky_relu: f('leaky_relu', BU, { pos: ['negative_slope'] }),
  prelu: f('prelu', BU, { pos: ['weight'] }),
  softplus: f('softplus', BU, { pos: ['beta'] }),
  hard_sigmoid: f('hardsigmoid', BU, { pos: ['slope', ''] }, { slope: 0.2 }),
  softmax: f('softmax', BU, SOFTMAX),
  log_softmax: f('log_softmax', BU, SOFTMAX),
};

/** Namespaces by full (dot-normalized) path. */
export const NATIVE: Readonly<Record<string, Namespace>> = {
  torch: ltTorch,
  'torch.nn.functional': ltFunctional,
  'torch.nn': ltModules,
  'candle_nn.ops': candleOps,
  'candle_nn.Activation': candleActivation,
  'burn.nn': burnNn,
  'burn.tensor.activation': burnActivation,
};
