/**
 * Flux / NNlib (Julia) spellings. Flux exports these names, so code calls them unqualified (`relu`, `σ`,
 * `leakyrelu(x, 0.2f0)`, `softmax(x; dims=1)`) or passes them to layers (`Dense(10 => 5, relu)`).
 * NNlib's gelu is the tanh approximation; softmax works along dims=1.
 */
import { f, names, type Namespace } from '../spelling';

const NN = 'flux';
const DIMS = { pos: ['dim'], kw: { dims: 'dim' } };

/** Unqualified names and `NNlib.x` / `Flux.x`. */
export const FLUX: Namespace = {
  ...names(
    [
      ['relu', 'relu'],
      ['relu6', 'relu6'],
      ['selu', 'selu'],
      ['σ', 'sigmoid'],
      ['sigmoid', 'sigmoid'],
      ['sigmoid_fast', 'sigmoid'],
      ['hardtanh', 'hardtanh'],
      ['logσ', 'logsigmoid'],
      ['logsigmoid', 'logsigmoid'],
      ['softplus', 'softplus'],
      ['softsign', 'softsign'],
      ['tanhshrink', 'tanhshrink'],
      ['swish', 'silu'],
      ['hardswish', 'hardswish'],
      ['lisht', 'lisht'],
      ['mish', 'mish'],
      ['tanh', 'tanh'],
      ['tanh_fast', 'tanh'],
      ['identity', 'linear'],
    ],
    (id) => f(id, NN),
  ),
  hardσ: f('hardsigmoid', NN),
  hardsigmoid: f('hardsigmoid', NN),
  leakyrelu: f('leaky_relu', NN, { pos: ['negative_slope'] }),
  elu: f('elu', NN, { pos: ['alpha'] }),
  celu: f('celu', NN, { pos: ['alpha'] }),
  gelu: f('gelu', NN, {}, { approximate: 'tanh' }),
  gelu_tanh: f('gelu', NN, {}, { approximate: 'tanh' }),
  gelu_erf: f('gelu', NN, {}, { approximate: 'none' }),
  softshrink: f('softshrink', NN, { pos: ['lambd'] }),
  trelu: f('threshold', NN, { pos: ['threshold'] }, { threshold: 1, value: 0 }),
  softmax: f('softmax', NN, DIMS, { dim: 1 }),
  logsoftmax: f('log_softmax', NN, DIMS, { dim: 1 }),
};
