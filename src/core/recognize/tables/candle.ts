/**
 * candle spellings (Rust, huggingface/candle). Tensor methods: `xs.gelu()` is the tanh approximation and
 * `xs.gelu_erf()` the exact GELU; `candle_nn::ops` functions take the dim as `D::Minus1` or a number;
 * `candle_nn::Activation` variants follow candle-nn/src/activation.rs (`Gelu` is gelu_erf, `NewGelu` and
 * `GeluPytorchTanh` are the tanh form, `Relu2` is relu squared, `HardSigmoid` is clamp((x + 3) / 6, 0, 1)).
 */
import { c, f, inCatalogue, names, type Namespace, type Spelling } from '../spelling';

const CA = 'candle';
const DIM = { pos: ['dim'] };
const TANH_GELU = { approximate: 'tanh' };

/** Spellings of catalogue ids that may not exist yet (added by the catalogue work). */
function ifKnown(name: string, make: () => Spelling): Record<string, Spelling> {
  const s = make();
  return inCatalogue(s.id) ? { [name]: s } : {};
}

/** Tensor methods: `xs.relu()?`. */
export const CANDLE_METHODS: Namespace = {
  relu: c('relu', CA),
  gelu: c('gelu', CA, {}, TANH_GELU),
  gelu_erf: c('gelu', CA),
  silu: c('silu', CA),
  tanh: c('tanh', CA),
  elu: c('elu', CA, { pos: ['alpha'] }),
};

const ops: Namespace = {
  sigmoid: f('sigmoid', CA),
  silu: f('silu', CA),
  mish: f('mish', CA),
  hard_sigmoid: f('hardsigmoid', CA),
  leaky_relu: f('leaky_relu', CA, { pos: ['negative_slope'] }),
  softmax: f('softmax', CA, DIM),
  softmax_last_dim: f('softmax', CA, {}, { dim: -1 }),
  log_softmax: f('log_softmax', CA, DIM),
  ...ifKnown('swiglu', () => f('swiglu', CA, {}, { dim: -1 })),
};

const activation: Namespace = {
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
      ['Mish', 'mish'],
    ],
    (id) => c(id, CA),
  ),
  NewGelu: c('gelu', CA, {}, TANH_GELU),
  GeluPytorchTanh: c('gelu', CA, {}, TANH_GELU),
  Elu: c('elu', CA, { pos: ['alpha'] }),
  LeakyRelu: c('leaky_relu', CA, { pos: ['negative_slope'] }),
  ...ifKnown('Relu2', () => c('relu_squared', CA)),
  ...ifKnown('QuickGelu', () => c('quick_gelu', CA)),
  ...ifKnown('Swiglu', () => c('swiglu', CA, {}, { dim: -1 })),
};

/** candle namespaces by full (dot-normalized) path. */
export const CANDLE: Readonly<Record<string, Namespace>> = {
  'candle_nn.ops': ops,
  'candle_nn.Activation': activation,
  'candle_nn.activation.Activation': activation,
};
