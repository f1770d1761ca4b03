/**
 * burn spellings (Rust). Modules come as unit structs (`Relu`, `Gelu::new()`, `HardSwish`) or configs
 * built with `XConfig::new().with_x(…).init()`, whose `with_*` calls are read as keywords; functions live in
 * `burn::tensor::activation` and take their parameters positionally (`leaky_relu(x, 0.2)`, `softmax(x, 2)`).
 * Defaults are burn's own (crates/burn-nn/src/activation/*.rs): HardSigmoidConfig alpha 0.2, SoftplusConfig
 * beta 1, ThresholdedReluConfig alpha 1. burn's softplus has no threshold up to burn-nn 0.20 (the
 * `Tensor<B, D>` code this reads); 0.22 added one (20 by default): shown only when the code sets it.
 */
import { c, f, fn, names, type Namespace } from '../spelling';

const BU = 'burn';
const DIM = { pos: ['dim'] };

/** Unit-struct modules: `Relu`, `Relu::new()`, `HardSwish`. */
const MODULES: readonly (readonly [string, string])[] = [
  ['Relu', 'relu'],
  ['Relu6', 'relu6'],
  ['Gelu', 'gelu'],
  ['Sigmoid', 'sigmoid'],
  ['Tanh', 'tanh'],
  ['HardSwish', 'hardswish'],
  ['Mish', 'mish'],
  ['Silu', 'silu'],
  ['Selu', 'selu'],
  ['Softsign', 'softsign'],
  ['LogSigmoid', 'logsigmoid'],
  ['Tanhshrink', 'tanhshrink'],
];

const TANH_GELU = { approximate: 'tanh' };

/** `burn::nn` (also reached as `burn::nn::activation`). */
export const BURN_NN: Namespace = {
  ...names(MODULES, (id) => c(id, BU)),
  GeluApproximate: c('gelu', BU, {}, TANH_GELU),
  LeakyReluConfig: c('leaky_relu', BU, { kw: { with_negative_slope: 'negative_slope' } }),
  PReluConfig: c('prelu', BU, { kw: { with_alpha: 'weight', with_num_parameters: '' } }),
  EluConfig: c('elu', BU, { kw: { with_alpha: 'alpha' } }),
  CeluConfig: c('celu', BU, { kw: { with_alpha: 'alpha' } }),
  HardSigmoidConfig: c(
    'hardsigmoid',
    BU,
    { kw: { with_alpha: 'slope', with_beta: '' } },
    { slope: 0.2 },
  ),
  SoftplusConfig: c('softplus', BU, { kw: { with_beta: 'beta', with_threshold: 'threshold' } }),
  ThresholdedReluConfig: c(
    'threshold',
    BU,
    { kw: { with_alpha: 'threshold' } },
    { threshold: 1, value: 0 },
  ),
  HardtanhConfig: c('hardtanh', BU, { kw: { with_min_val: 'min_val', with_max_val: 'max_val' } }),
  HardShrinkConfig: c('hardshrink', BU, { kw: { with_lambda: 'lambd' } }),
  SoftShrinkConfig: c('softshrink', BU, { kw: { with_lambda: 'lambd' } }),
  RReluConfig: c('rrelu', BU, { kw: { with_lower: 'lower', with_upper: 'upper' } }),
};

/** `Gelu::new()` is exact, `Gelu::new_approximate()` the tanh form: hovering the constructor says which. */
const BURN_GELU: Namespace = {
  new: c('gelu', BU),
  new_approximate: c('gelu', BU, {}, TANH_GELU),
};

/** `burn::tensor::activation` functions. */
export const BURN_ACTIVATION: Namespace = {
  ...names(
    [
      ['relu', 'relu'],
      ['relu6', 'relu6'],
      ['gelu', 'gelu'],
      ['sigmoid', 'sigmoid'],
      ['tanh', 'tanh'],
      ['silu', 'silu'],
      ['mish', 'mish'],
      ['selu', 'selu'],
      ['softsign', 'softsign'],
      ['tanhshrink', 'tanhshrink'],
      ['hard_swish', 'hardswish'],
      ['log_sigmoid', 'logsigmoid'],
    ],
    (id) => f(id, BU),
  ),
  gelu_approximate: f('gelu', BU, {}, TANH_GELU),
  leaky_relu: f('leaky_relu', BU, { pos: ['negative_slope'] }),
  // burn's prelu takes its slopes as a tensor: there is no default value to show.
  prelu: fn('prelu', BU, {}, { pos: ['weight'] }),
  elu: f('elu', BU, { pos: ['alpha'] }),
  celu: f('celu', BU, { pos: ['alpha'] }),
  softplus: f('softplus', BU, { pos: ['beta'] }),
  softplus_with_threshold: f('softplus', BU, { pos: ['beta', 'threshold'] }),
  hard_sigmoid: f('hardsigmoid', BU, { pos: ['slope', ''] }, { slope: 0.2 }),
  hardtanh: f('hardtanh', BU, { pos: ['min_val', 'max_val'] }),
  hard_shrink: f('hardshrink', BU, { pos: ['lambd'] }),
  soft_shrink: f('softshrink', BU, { pos: ['lambd'] }),
  thresholded_relu: f('threshold', BU, { pos: ['threshold'] }, { value: 0 }),
  threshold: f('threshold', BU, { pos: ['threshold', 'value'] }),
  softmax: f('softmax', BU, DIM),
  softmin: f('softmin', BU, DIM),
  log_softmax: f('log_softmax', BU, DIM),
  glu: f('glu', BU, DIM),
};

/**
 * `burn::nn::ActivationConfig` variants that need no config (burn-nn activation_wrapper.rs). The wrapped
 * ones (`LeakyRelu(LeakyReluConfig::new()…)`) are read at their inner config.
 */
const BURN_ACTIVATION_CONFIG: Namespace = {
  ...names(
    [
      ['Gelu', 'gelu'],
      ['Relu', 'relu'],
      ['Sigmoid', 'sigmoid'],
      ['Tanh', 'tanh'],
      ['HardSwish', 'hardswish'],
    ],
    (id) => c(id, BU),
  ),
  GeluApproximate: c('gelu', BU, {}, TANH_GELU),
};

/** burn namespaces by full (dot-normalized) path. */
export const BURN: Readonly<Record<string, Namespace>> = {
  'burn.nn': BURN_NN,
  'burn.nn.activation': BURN_NN,
  'burn.nn.Gelu': BURN_GELU,
  'burn.nn.activation.Gelu': BURN_GELU,
  'burn.tensor.activation': BURN_ACTIVATION,
  'burn.nn.ActivationConfig': BURN_ACTIVATION_CONFIG,
  'burn.nn.activation.ActivationConfig': BURN_ACTIVATION_CONFIG,
};
