/**
 * Framework conventions beyond PyTorch, pinned to the exact value and the side of each kink. Every expected
 * number is written down from the framework's own source or documented examples (named beside it), never
 * computed by the core: these are the facts the hover states for non-PyTorch code.
 */
import { strict as assert } from 'node:assert';
import { evaluate, type Params } from '../../src/core';
import { hover } from './recognizeHelpers';

/** f and f′ of `id` at `x`, exactly as the framework computes them. */
function pin(id: string, params: Params, x: number, y: number, dy: number): void {
  const e = evaluate(id, x, params);
  assert.equal(e.y, y, `${id}(${x}) with ${JSON.stringify(params)}`);
  assert.equal(e.dy, dy, `${id}′(${x}) with ${JSON.stringify(params)}`);
}

describe('Keras relu(x, negative_slope, max_value, threshold)', () => {
  // keras/src/activations/activations.py, ReLU.static_call: x * cast(x > threshold), then clip to
  // [0, max_value], minus negative_slope * relu(threshold - x).
  it('is 0 at the threshold itself: x > threshold is strict (docs: relu([..5..], threshold=5) has 0)', () => {
    pin('relu', { threshold: 5 }, 5, 0, 0);
    pin('relu', { threshold: 5 }, 10, 10, 1);
    pin('relu', { threshold: 5 }, -10, 0, 0);
  });

  it('has slope 0 at the threshold with a negative slope: relu′(0) = 0 in TF and JAX, the cast has none', () => {
    pin('relu', { threshold: 5, negative_slope: 0.5 }, 5, 0, 0);
    pin('relu', { threshold: 5, negative_slope: 0.5 }, 4, -0.5, 0.5);
    pin('relu', { threshold: 5, negative_slope: 0.5 }, 6, 6, 1);
    // docs: relu([-10, -5, 0, 5, 10], negative_slope=0.5) = [-5, -2.5, 0, 5, 10]
    pin('relu', { negative_slope: 0.5 }, -10, -5, 0.5);
    pin('relu', { negative_slope: 0.5 }, -5, -2.5, 0.5);
  });

  it('with only negative_slope it is leaky_relu, whose gradient at 0 is the slope (TF LeakyReluGrad: x > 0 ? 1 : α)', () => {
    // static_call: `if max_value is None and threshold == 0: return backend.nn.leaky_relu(x, negative_slope)`.
    pin('relu', { negative_slope: 0.5 }, 0, 0, 0.5);
    pin('relu', { negative_slope: 0.5 }, 1e-9, 1e-9, 1);
  });

  it('a negative threshold keeps x above it, and max_value then clips it at 0', () => {
    // x * cast(x > threshold): nothing clips at 0 unless max_value asks for clip(x, 0, max_value).
    pin('relu', { threshold: -1 }, -0.5, -0.5, 1);
    pin('relu', { threshold: -1 }, -1.5, 0, 0);
    pin('relu', { threshold: -1, max_value: 5 }, -0.5, 0, 0);
    pin('relu', { threshold: -1, max_value: 5 }, 0.5, 0.5, 1);
    pin('relu', { threshold: -1, max_value: 5 }, 6, 5, 0);
    // At a positive threshold the cast has no gradient and the clip passes 0 unchanged: 0 and slope 0.
    pin('relu', { threshold: 2, max_value: 5 }, 2, 0, 0);
    pin('relu', { threshold: 2, max_value: 5 }, 3, 3, 1);
  });

  it('saturates at max_value (docs: relu([..10], max_value=5) = [..5])', () => {
    pin('relu', { max_value: 5 }, 10, 5, 0);
    pin('relu', { max_value: 5 }, 4, 4, 1);
    pin('relu', { max_value: 5 }, -10, 0, 0);
  });

  it('passes the gradient on both bounds of the clip, as tf.clip_by_value does: f′(m) = 1, f′(0) = 1 below θ < 0', () => {
    // On TensorFlow (Keras' default backend) clip(x, 0, m) is tf.clip_by_value = maximum(minimum(x, m), 0):
    // math_grad.py's _MinimumGrad (x <= y) and _MaximumGrad (x >= y) hand a tie to x, and the fused op's
    // _ClipByValueGrad zeroes only x < min or x > max. The slope reaching the clip is that of relu
    // (ReluGrad: x > 0) at θ = 0, or of the cast product x·[x > θ] (the cast has no gradient) otherwise.
    pin('relu', { max_value: 5 }, 5, 5, 1);
    pin('relu', { max_value: 5 }, 5.5, 5, 0);
    pin('relu', { threshold: 2, max_value: 5 }, 5, 5, 1);
    pin('relu', { threshold: -1, max_value: 5 }, 5, 5, 1);
    pin('relu', { threshold: -1, max_value: 5 }, 0, 0, 1);
    pin('relu', { threshold: -1, max_value: 5 }, -1e-9, 0, 0);
    // relu's own kink decides x = 0 at θ = 0: ReluGrad passes nothing there.
    pin('relu', { max_value: 5 }, 0, 0, 0);
    pin('relu', { max_value: 5, negative_slope: 0.5 }, 0, 0, 0);
    pin('relu', { max_value: 5, negative_slope: 0.5 }, 5, 5, 1);
  });

  it('at max_value = 6 and θ = 0 calls relu6, whose gradient is 0 at 0 and at 6 (TF Relu6Grad: 0 < x < 6)', () => {
    // static_call: `elif max_value == 6: x = backend.nn.relu6(x); clip_max = False`.
    pin('relu', { max_value: 6 }, 6, 6, 0);
    pin('relu', { max_value: 6 }, 0, 0, 0);
    pin('relu', { max_value: 6 }, 5.5, 5.5, 1);
    // With a threshold the clip path runs even for 6, and the clip passes its bound.
    pin('relu', { threshold: -1, max_value: 6 }, 6, 6, 1);
  });
});

describe('one-sided values at the kinks of hardswish and sparse_plus', () => {
  it("hardswish: PyTorch's backward gives 0 at −3 and 1 at 3 (x ≤ −3 → 0, x ≥ 3 → 1, else x/3 + ½)", () => {
    // aten hardswish_backward (CPU kernel and the MPS functor alike): `if (self <= neg_three) return zero;
    // else if (self >= three) return grad_output; else grad_output * (self / 3 + 0.5)`.
    pin('hardswish', {}, -3, 0, 0);
    pin('hardswish', {}, 3, 3, 1);
    pin('hardswish', {}, 0, 0, 0.5);
    assert.equal(evaluate('hardswish', -3).d2y, 0);
    assert.equal(evaluate('hardswish', 3).d2y, 0);
    assert.equal(evaluate('hardswish', 0).d2y, 1 / 3);
  });

  it('sparse_plus: JAX takes the outer pieces at ±1, so f″(±1) = 0 (the middle piece has ½)', () => {
    // jax.nn.sparse_plus: jnp.where(x <= -1, 0, jnp.where(x >= 1, x, (x + 1)**2 / 4)).
    pin('sparse_plus', {}, -1, 0, 0);
    pin('sparse_plus', {}, 1, 1, 1);
    assert.equal(evaluate('sparse_plus', -1).d2y, 0);
    assert.equal(evaluate('sparse_plus', 1).d2y, 0);
    assert.equal(evaluate('sparse_plus', 0).d2y, 0.5);
  });
});

describe('SiLU with β = 0 (tf.nn.silu(x, beta)): x·σ(0) = x/2', () => {
  it('is x/2 with slope ½ everywhere, also where β·x would be 0·∞', () => {
    pin('silu', { beta: 0 }, 3, 1.5, 0.5);
    pin('silu', { beta: 0 }, -4, -2, 0.5);
    assert.equal(evaluate('silu', 3, { beta: 0 }).d2y, 0);
  });
});

describe('the slope-0.2 hard sigmoid of tf.keras 2 and TF.js', () => {
  // tf.keras 2 backend.hard_sigmoid and tfjs-layers K.hardSigmoid: clip(0.2x + 0.5, 0, 1). TF's
  // _ClipByValueGrad zeroes the gradient only where x < min or x > max, and TF.js ClipByValue's gradient
  // keeps it where min <= x <= max: at the ends x = ±2.5 the slope 0.2 passes through.
  it('has the slope 0.2 at both ends, ±2.5, and 0 beyond them', () => {
    pin('hardsigmoid', { slope: 0.2 }, -2.5, 0, 0.2);
    pin('hardsigmoid', { slope: 0.2 }, 2.5, 1, 0.2);
    pin('hardsigmoid', { slope: 0.2 }, -2.6, 0, 0);
    pin('hardsigmoid', { slope: 0.2 }, 2.6, 1, 0);
    pin('hardsigmoid', { slope: 0.2 }, 0, 0.5, 0.2);
  });
});

describe('framework defaults the recognizer reports', () => {
  const tfjs = (line: string, word: string) =>
    hover('typescript', `import * as tf from '@tensorflow/tfjs';\n${line}\n`, word);
  const py = (head: string, line: string, word: string) =>
    hover('python', `${head}\n${line}\n`, word);

  it('TF.js: the leakyReLU layer defaults to 0.3 (tfjs-layers LeakyReLU.DEFAULT_ALPHA), tf.leakyRelu to 0.2', () => {
    assert.deepEqual(tfjs('const act = tf.layers.leakyReLU();', 'leakyReLU')?.params, {
      negative_slope: 0.3,
    });
    assert.deepEqual(tfjs('const y = tf.leakyRelu(x);', 'leakyRelu')?.params, {
      negative_slope: 0.2,
    });
  });

  it('Keras: LeakyReLU layer 0.3, keras.activations.leaky_relu 0.2, tf.nn.leaky_relu 0.2', () => {
    const k = 'from tensorflow import keras\nimport tensorflow as tf';
    assert.equal(py(k, 'act = keras.layers.LeakyReLU()', 'LeakyReLU')?.params.negative_slope, 0.3);
    assert.equal(
      py(k, 'y = keras.activations.leaky_relu(x)', 'leaky_relu')?.params.negative_slope,
      0.2,
    );
    assert.equal(py(k, 'y = tf.nn.leaky_relu(x)', 'leaky_relu')?.params.negative_slope, 0.2);
  });

  it('PyTorch and JAX: leaky slope 0.01; jax.nn.gelu tanh by default, torch exact', () => {
    assert.equal(
      py('import torch.nn.functional as F', 'y = F.leaky_relu(x)', 'leaky_relu')?.params
        .negative_slope,
      0.01,
    );
    assert.equal(
      py('import jax', 'y = jax.nn.leaky_relu(x)', 'leaky_relu')?.params.negative_slope,
      0.01,
    );
    assert.equal(py('import jax', 'y = jax.nn.gelu(x)', 'gelu')?.params.approximate, 'tanh');
    assert.equal(
      py('import torch.nn.functional as F', 'y = F.gelu(x)', 'gelu')?.params.approximate,
      'none',
    );
  });

  it('tf.keras 2 / TF.js hard sigmoid: slope 0.2', () => {
    assert.equal(
      tfjs('const y = tf.layers.activation({activation: "hardSigmoid"});', 'hardSigmoid')?.params
        .slope,
      0.2,
    );
  });
});
