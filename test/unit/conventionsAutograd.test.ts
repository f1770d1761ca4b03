/**
 * Keras relu and tf.layers.reLU under max_value (and threshold, negative_slope), checked against a real
 * framework's autograd: tfjs-core's CPU backend differentiates the graph the framework builds, and f′ of
 * the core must equal it at the bounds of the clip and on both sides of them. TF.js' gradient rules for
 * these ops are TensorFlow's (ClipByValue passes min ≤ x ≤ max, Relu passes x > 0, a cast mask is a
 * constant), which is what Keras runs on its default backend. Only float32-exact points are used.
 */
import { strict as assert } from 'node:assert';
// tfjs-core's ES modules: its Node CJS bundle lacks the gradient registrations (as in bench/core.bench.ts).
import * as tf from '@tensorflow/tfjs-core/dist/index';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu/dist/index';
import { evaluate } from '../../src/core';

const XS = [-3, -1.5, -1, -0.5, -0.25, 0, 0.25, 0.5, 1, 2, 4.75, 5, 5.25, 6, 7];

/** d/dx of `graph` at each of XS, by tf.grad. */
function tfGradient(graph: (x: tf.Tensor) => tf.Tensor): number[] {
  return tf.tidy(() => Array.from(tf.grad(graph)(tf.tensor1d(XS)).dataSync()));
}

/**
 * Keras 3 ReLU.static_call (and tf.keras 2 backend.relu) in TF.js ops: x·[x > θ] (θ ≠ 0) or relu(x),
 * clipped to [0, m], minus α·relu(θ − x). The mask is computed from the inputs outside the gradient,
 * as TF's cast of a comparison has none.
 */
function kerasRelu(alpha: number, m: number, theta: number): (x: tf.Tensor) => tf.Tensor {
  const mask = tf.tensor1d(XS.map((x) => (x > theta ? 1 : 0)));
  return (x) => {
    const pos = theta !== 0 ? tf.mul(x, mask) : tf.relu(x);
    const clipped = tf.clipByValue(pos, 0, m);
    return alpha === 0 ? clipped : tf.sub(clipped, tf.mul(alpha, tf.relu(tf.sub(theta, x))));
  };
}

function coreGradient(params: {
  negative_slope: number;
  max_value: number;
  threshold: number;
}): number[] {
  return XS.map((x) => evaluate('relu', x, params).dy);
}

describe('Keras relu and tf.layers.reLU under max_value: f′ equals TF.js autograd of the same graph', () => {
  before(async () => {
    // IS_TEST only silences tfjs' console advice to install tfjs-node; it changes no arithmetic.
    tf.env().set('IS_TEST', true);
    await tf.setBackend('cpu');
  });

  const cases: [alpha: number, m: number, theta: number][] = [
    [0, 5, 0],
    [0, 0.5, 0],
    [0, 5, -1],
    [0, 5, 2],
    [0, 5, -0.25],
    [0.5, 5, 0],
    [0.5, 5, -1],
    [0.5, 4.75, 2],
  ];
  for (const [alpha, m, theta] of cases) {
    it(`negative_slope ${alpha}, max_value ${m}, threshold ${theta}`, () => {
      const params = { negative_slope: alpha, max_value: m, threshold: theta };
      assert.ok(XS.includes(m), 'the grid holds the upper bound itself');
      assert.deepEqual(coreGradient(params), tfGradient(kerasRelu(alpha, m, theta)));
    });
  }

  it('tf.layers.reLU({maxValue}) is clipByValue(relu(x), 0, maxValue): slope 1 at maxValue itself', () => {
    // tfjs-layers advanced_activations.ts ReLU.call. At maxValue = 6 TF.js keeps this graph (slope 1 at 6)
    // while Keras calls relu6 (slope 0 at 6): the core follows Keras there, see conventions.test.ts.
    const layer = (x: tf.Tensor): tf.Tensor => tf.clipByValue(tf.relu(x), 0, 5);
    const got = tfGradient(layer);
    assert.equal(got[XS.indexOf(5)], 1);
    assert.deepEqual(coreGradient({ negative_slope: 0, max_value: 5, threshold: 0 }), got);
  });
});
