/**
 * JAX (`jax.nn`, `jax.numpy`) and Flax (`flax.linen`, `flax.nnx`, which re-export jax.nn) spellings.
 * jax.nn.gelu defaults to the tanh approximation, unlike PyTorch.
 */
import type { Framework } from '../../types';
import { c, f, names, type Namespace } from '../spelling';

const AXIS = { pos: ['dim'], kw: { axis: 'dim', where: '', initial: '' } };

function jaxNn(fw: Framework): Namespace {
  const plain = names(
    [
      ['relu', 'relu'],
      ['relu6', 'relu6'],
      ['selu', 'selu'],
      ['sigmoid', 'sigmoid'],
      ['silu', 'silu'],
      ['swish', 'silu'],
      ['hard_sigmoid', 'hardsigmoid'],
      ['hard_silu', 'hardswish'],
      ['hard_swish', 'hardswish'],
      ['hard_tanh', 'hardtanh'],
      ['log_sigmoid', 'logsigmoid'],
      ['soft_sign', 'softsign'],
      ['softplus', 'softplus'],
      ['sparse_plus', 'sparse_plus'],
      ['sparse_sigmoid', 'sparse_sigmoid'],
      ['mish', 'mish'],
      ['identity', 'linear'],
      ['tanh', 'tanh'],
    ],
    (id) => f(id, fw),
  );
  return {
    ...plain,
    leaky_relu: f('leaky_relu', fw, { pos: ['negative_slope'] }),
    elu: f('elu', fw, { pos: ['alpha'] }),
    celu: f('celu', fw, { pos: ['alpha'] }),
    gelu: f('gelu', fw, { pos: ['approximate'] }, { approximate: 'tanh' }),
    squareplus: f('squareplus', fw, { pos: ['b'] }),
    softmax: f('softmax', fw, AXIS, { dim: -1 }),
    log_softmax: f('log_softmax', fw, AXIS, { dim: -1 }),
    glu: f('glu', fw, AXIS),
  };
}

const JAX_NN = jaxNn('jax');

/** jax.nn names flax/linen/activation.py does not re-export; flax.nnx re-exports identity too. */
const NOT_IN_FLAX = ['mish', 'sparse_plus', 'sparse_sigmoid', 'squareplus', 'identity'];

function flaxNn(alsoHas: readonly string[]): Namespace {
  const all = Object.entries(jaxNn('flax'));
  return Object.fromEntries(all.filter(([n]) => !NOT_IN_FLAX.includes(n) || alsoHas.includes(n)));
}

/** flax.linen adds its own PReLU module, whose slope starts at 0.01 (PyTorch: 0.25). */
const FLAX_LINEN: Namespace = {
  ...flaxNn([]),
  PReLU: c(
    'prelu',
    'flax',
    { pos: ['weight'], kw: { negative_slope_init: 'weight' } },
    { weight: 0.01 },
  ),
};

/** Namespaces by full module path. */
export const JAX_FLAX: Readonly<Record<string, Namespace>> = {
  'jax.nn': JAX_NN,
  'jax.numpy': { tanh: f('tanh', 'jax') },
  'flax.linen': FLAX_LINEN,
  'flax.linen.activation': FLAX_LINEN,
  'flax.nnx': flaxNn(['identity']),
  numpy: { tanh: f('tanh', 'numpy') },
  math: { tanh: f('tanh', 'other') },
  'scipy.special': { expit: f('sigmoid', 'numpy') },
};
