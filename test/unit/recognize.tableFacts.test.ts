/**
 * Spelling-table facts from issue #11: flax.linen re-exports only part of jax.nn and adds a PReLU whose slope
 * starts at 0.01; tf.keras 2 resolves the strings 'leaky_relu' (tf.nn.leaky_relu, slope 0.2) and
 * 'log_softmax'.
 */
import { strict as assert } from 'node:assert';
import { hover } from './recognizeHelpers';

const PY = 'python';

describe('recognizeAt: Flax re-exports and its PReLU', () => {
  const linen = `import jax.numpy as jnp
from flax import linen as nn


class Block(nn.Module):
    """A block with a learned leak."""

    @nn.compact
    def __call__(self, x):
        x = nn.Dense(64)(x)
        x = nn.PReLU()(x)
        y = nn.PReLU(negative_slope_init=0.1)(x)
        z = nn.gelu(y)
        return nn.mish(z)
`;

  it('reads nn.PReLU with Flax’s 0.01 default and its keyword', () => {
    const prelu = hover(PY, linen, 'PReLU');
    assert.equal(prelu?.id, 'prelu');
    assert.equal(prelu?.framework, 'flax');
    assert.equal(prelu?.params.weight, 0.01);
    assert.equal(hover(PY, linen, 'PReLU', 1)?.params.weight, 0.1);
    assert.equal(hover(PY, linen, 'gelu')?.params.approximate, 'tanh');
  });

  it('does not read names flax.linen does not re-export', () => {
    assert.equal(hover(PY, linen, 'mish'), undefined);
  });

  it('flax.nnx re-exports identity', () => {
    const src = 'from flax import nnx\n\ny = nnx.identity(x)\n';
    assert.equal(hover(PY, src, 'identity')?.id, 'linear');
    assert.equal(hover(PY, src, 'identity')?.framework, 'flax');
  });
});

describe('recognizeAt: tf.keras 2 activation strings', () => {
  const src = `import tensorflow as tf

model = tf.keras.Sequential([
    tf.keras.layers.Dense(64, activation="leaky_relu"),
    tf.keras.layers.Dense(10, activation="log_softmax"),
])
`;

  it("'leaky_relu' is tf.nn.leaky_relu with slope 0.2", () => {
    const got = hover(PY, src, 'leaky_relu');
    assert.equal(got?.id, 'leaky_relu');
    assert.equal(got?.params.negative_slope, 0.2);
  });

  it("'log_softmax' is read", () => {
    assert.equal(hover(PY, src, 'log_softmax')?.id, 'log_softmax');
  });
});
