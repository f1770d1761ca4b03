/**
 * Hand-written activations as each framework spells them (issue 9 §4): arithmetic written as functions
 * and methods (TF.js `tfc.mul`, PyTorch `x.mul`), Keras 3 `ops.*`, LibTorch `torch::`, a conditional
 * expression, imported aliases, and the shapes added with them (mish, softsign, relu6 as tfjs-layers
 * writes it, swish with a β the code does not spell). Each positive has a look-alike next to it. Expected
 * ids are the math: x·tanh(softplus(x)) is Mish, x / (1 + |x|) is softsign, min(6, relu(x)) is ReLU6.
 */
import assert from 'node:assert/strict';
import { recognizeAt } from '../../src/core';
import { expectFormula, expectNoFormula } from './formulaHelpers';

const PY = 'python';
const TS = 'typescript';

describe('hand-written formulas: arithmetic as functions and methods', () => {
  const TFJS = `import * as tf from '@tensorflow/tfjs';
import * as tfc from '@tensorflow/tfjs-core';

export function swish(x: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.mul(x, tf.sigmoid(x)));
}

export const hardSwish = (x: tf.Tensor): tf.Tensor =>
  tf.tidy(() => x.mul(tf.relu6(x.add(3))).div(6));

export function relu6(x: tf.Tensor): tf.Tensor {
  return tfc.minimum(6.0, tfc.relu(x));
}

export function mish(x: tf.Tensor): tf.Tensor {
  return tfc.mul(x, tfc.tanh(tfc.softplus(x)));
}

export function lookAlikes(x: tf.Tensor, y: tf.Tensor): tf.Tensor[] {
  const gated = tf.mul(x, tf.sigmoid(y));
  const capped = tfc.minimum(1.0, tfc.relu(x));
  const shifted = x.mul(tf.relu6(x.add(3))).div(5);
  const damped = tfc.mul(x, tfc.tanh(tfc.softplus(y)));
  const kept = tf.tidy(() => tf.mul(x, tf.sigmoid(y)));
  return [gated, capped, shifted, damped, kept];
}
`;

  it('reads TF.js formulas written with tf.mul, x.add, .div', () => {
    // `tf.tidy(() => f(x))` computes f(x): the formula is the whole call.
    expectFormula(TS, TFJS, 'tf.tidy(() => tf.mul(x, tf.sigmoid(x)))', {
      id: 'silu',
      framework: 'tfjs',
    });
    expectFormula(TS, TFJS, 'tf.tidy(() => x.mul(tf.relu6(x.add(3))).div(6))', {
      id: 'hardswish',
      framework: 'tfjs',
    });
    expectFormula(TS, TFJS, 'tfc.minimum(6.0, tfc.relu(x))', { id: 'relu6', framework: 'tfjs' });
    expectFormula(TS, TFJS, 'tfc.mul(x, tfc.tanh(tfc.softplus(x)))', {
      id: 'mish',
      framework: 'tfjs',
    });
  });

  it('reads a function whose body is a tidy of a formula where it is called', () => {
    const src = `${TFJS}\nconst y = swish(logits);\nconst z = relu6(logits);\nconst w = hardSwish(logits);\n`;
    const at = (word: string): number => src.indexOf(word, src.indexOf('const y'));
    assert.equal(recognizeAt(src, at('swish'), TS)?.id, 'silu');
    assert.equal(recognizeAt(src, at('relu6'), TS)?.id, 'relu6');
    // A method chain inside tidy: the formula spans the tidy call, the body its inner value.
    assert.equal(recognizeAt(src, at('hardSwish'), TS)?.id, 'hardswish');
  });

  it('leaves their look-alikes: another operand, another cap, another divisor', () => {
    expectNoFormula(TS, TFJS, 'tf.mul(x, tf.sigmoid(y))');
    expectNoFormula(TS, TFJS, 'tfc.minimum(1.0, tfc.relu(x))');
    expectNoFormula(TS, TFJS, 'x.mul(tf.relu6(x.add(3))).div(5)');
    expectNoFormula(TS, TFJS, 'tfc.mul(x, tfc.tanh(tfc.softplus(y)))');
    expectNoFormula(TS, TFJS, 'tf.tidy(() => tf.mul(x, tf.sigmoid(y)))');
  });

  it('reads PyTorch method chains as PyTorch, even on a line alone', () => {
    const src = `def swish(x, inplace: bool = False):
    return x.mul_(x.sigmoid()) if inplace else x.mul(x.sigmoid())


def mish(x):
    return x.mul(F.softplus(x).tanh())


def not_swish(x, y, inplace=False):
    a = x.mul_(x.sigmoid()) if inplace else x.mul(x.tanh())
    return a + x * y.sigmoid()
`;
    expectFormula(PY, src, 'x.mul_(x.sigmoid()) if inplace else x.mul(x.sigmoid())', {
      id: 'silu',
      framework: 'pytorch',
      params: { beta: 1 },
    });
    expectFormula(PY, src, 'x.mul(F.softplus(x).tanh())', { id: 'mish', framework: 'pytorch' });
    // Two branches that compute different things are no one formula (the first branch alone is swish).
    const other = src.indexOf('inplace else x.mul(x.tanh())');
    assert.equal(recognizeAt(src, other + 2, PY), undefined);
    expectNoFormula(PY, src, 'x.mul(x.tanh())');
    // A gate on another tensor.
    expectNoFormula(PY, src, 'x * y.sigmoid()');
  });
});

describe('hand-written formulas: Keras 3 ops, LibTorch, aliases', () => {
  it('reads keras.ops formulas in a layer call as Keras', () => {
    const src = `from keras import layers, ops


class HardSwish(layers.Layer):
    def call(self, inputs):
        return inputs * ops.relu6(inputs + 3.0) / 6.0


class Mish(layers.Layer):
    def call(self, inputs):
        return inputs * ops.tanh(ops.softplus(inputs))


class Shifted(layers.Layer):
    def call(self, inputs):
        return inputs * ops.relu6(inputs + 2.0) / 6.0
`;
    expectFormula(PY, src, 'inputs * ops.relu6(inputs + 3.0) / 6.0', {
      id: 'hardswish',
      framework: 'keras',
    });
    expectFormula(PY, src, 'inputs * ops.tanh(ops.softplus(inputs))', {
      id: 'mish',
      framework: 'keras',
    });
    expectNoFormula(PY, src, 'inputs * ops.relu6(inputs + 2.0) / 6.0');
  });

  it('reads LibTorch formulas, a namespace import not hiding the variable', () => {
    const src = `#include <torch/torch.h>

using namespace torch;

torch::Tensor swish(torch::Tensor x) {
  return x * torch::sigmoid(x);
}

torch::Tensor gate(torch::Tensor x, torch::Tensor y) {
  return x * torch::sigmoid(y);
}
`;
    expectFormula('cpp', src, 'x * torch::sigmoid(x)', { id: 'silu', framework: 'libtorch' });
    expectNoFormula('cpp', src, 'x * torch::sigmoid(y)');
  });

  it('reads a function imported under another name, hovered on a constant', () => {
    const src = `import numpy as np
from numpy import tanh as np_tanh


def gelu(x):
    return 0.5 * x * (1 + np_tanh(0.7978845608 * (x + 0.044715 * x ** 3)))


def not_gelu(x):
    return 0.5 * x * (1 + np_tanh(0.8 * (x + 0.044715 * x ** 3)))


def softsign(x):
    return x / (1 + np.abs(x))


def ratio(x, y):
    return x / (1 + np.abs(y))
`;
    expectFormula(PY, src, '0.5 * x * (1 + np_tanh(0.7978845608 * (x + 0.044715 * x ** 3)))', {
      id: 'gelu',
      framework: 'numpy',
      params: { approximate: 'tanh' },
    });
    expectNoFormula(PY, src, '0.5 * x * (1 + np_tanh(0.8 * (x + 0.044715 * x ** 3)))');
    expectFormula(PY, src, 'x / (1 + np.abs(x))', { id: 'softsign', framework: 'numpy' });
    expectNoFormula(PY, src, 'x / (1 + np.abs(y))');
  });

  it('reads a mask product on a Python line alone as NumPy', () => {
    const line = 'return z * (z > 0)';
    const got = recognizeAt(line, line.indexOf('>'), PY);
    assert.equal(got?.id, 'relu');
    assert.equal(got?.framework, 'numpy');
  });

  it('leaves where with an unrelated mask', () => {
    const src = `import numpy as np\n\nout = np.where(mask, a, b)\npos = np.where(x > 0, x, y)\n`;
    expectNoFormula(PY, src, 'np.where(mask, a, b)');
    expectNoFormula(PY, src, 'np.where(x > 0, x, y)');
  });
});

describe('hand-written formulas: a β the code does not spell', () => {
  it('reads x·σ(β·x) with β an attribute as swish, β reported as non-literal', () => {
    const src = `import jax
from flax import linen as nn


class Swish(nn.Module):
    beta: float = 1.0

    @nn.compact
    def __call__(self, x):
        return x * jax.nn.sigmoid(self.beta * x)


class Gate(nn.Module):
    @nn.compact
    def __call__(self, x):
        return x * jax.nn.sigmoid(self.gate(x))
`;
    expectFormula(PY, src, 'x * jax.nn.sigmoid(self.beta * x)', { id: 'silu', framework: 'jax' });
    const got = recognizeAt(src, src.indexOf('self.beta'), PY);
    assert.deepEqual(got?.nonLiteral, ['beta']);
    assert.equal(got?.params.beta, undefined);
    expectNoFormula(PY, src, 'x * jax.nn.sigmoid(self.gate(x))');
  });
});

describe('hand-written formulas: layers built and applied inside them', () => {
  const KERAS = `from keras.src import layers


def hard_sigmoid(x):
    return layers.ReLU(6.0)(x + 3.0) * (1.0 / 6.0)


def clipped(x):
    return layers.ReLU(4.0)(x + 3.0) * (1.0 / 6.0)


def leaky_gate(x):
    return layers.ReLU(6.0, negative_slope=0.1)(x + 3.0) * (1.0 / 6.0)


def block(x):
    x = hard_sigmoid(x)
    y = clipped(x)
    return leaky_gate(y)
`;
  const TORCH = `import torch.nn as nn


def gate(x):
    return nn.ReLU6(inplace=True)(x + 3) / 6


def swish(x):
    return x * nn.Sigmoid()(x)


def gated(x, h):
    return h * nn.Sigmoid()(x)
`;

  it('reads Keras ReLU(max_value) applied to x + 3, over 6, as the hard sigmoid', () => {
    expectFormula(PY, KERAS, 'layers.ReLU(6.0)(x + 3.0) * (1.0 / 6.0)', {
      id: 'hardsigmoid',
      framework: 'keras',
      params: { slope: 1 / 6 },
    });
    const at = KERAS.indexOf('hard_sigmoid(x)\n', KERAS.indexOf('def block')) + 2;
    assert.equal(recognizeAt(KERAS, at, PY)?.id, 'hardsigmoid');
  });

  it('reads PyTorch layers applied at once (nn.ReLU6(inplace=True)(…), nn.Sigmoid()(x))', () => {
    expectFormula(PY, TORCH, 'nn.ReLU6(inplace=True)(x + 3) / 6', {
      id: 'hardsigmoid',
      framework: 'pytorch',
      params: { slope: 1 / 6 },
    });
    expectFormula(PY, TORCH, 'x * nn.Sigmoid()(x)', { id: 'silu', framework: 'pytorch' });
  });

  it('leaves another cap, a leaky slope and another operand alone', () => {
    expectNoFormula(PY, KERAS, 'layers.ReLU(4.0)(x + 3.0) * (1.0 / 6.0)');
    expectNoFormula(PY, KERAS, 'layers.ReLU(6.0, negative_slope=0.1)(x + 3.0) * (1.0 / 6.0)');
    expectNoFormula(PY, TORCH, 'h * nn.Sigmoid()(x)');
  });
});
