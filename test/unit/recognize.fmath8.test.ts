/**
 * Hand-written activations whose library calls carry an argument that gives no value, whose softmax axis
 * the code computes, and rectifiers at the ends of their slope (formulas/terms.ts, softmax.ts, hard.ts,
 * rectifiers.ts, algebra.ts).
 *
 * Expected values come from the frameworks' documentation and from mathematics. NumPy's ufuncs
 * (`numpy.power`, `numpy.square`) and `numpy.clip(a, a_min, a_max, out=None)` take the output array as
 * the next positional argument and return it holding the result; PyTorch's `out=` is the same. TensorFlow's
 * ops take `name` after their inputs (`tf.math.multiply(x, y, name=None)`,
 * `tf.clip_by_value(t, clip_value_min, clip_value_max, name=None)`), which names the op and changes no value.
 * A JavaScript function ignores arguments past its own. A Keras layer's `__call__` accepts `training`
 * beside the inputs; ReLU computes the same with it. Keras' `ReLU(max_value=6.0)` is min(max(x, 0), 6), so
 * ReLU6(x + 3) / 6 is the hard sigmoid of slope 1/6; tanh-GELU is 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)));
 * squared ReLU is max(x, 0)²; SiLU is x·σ(x). Softmax is exp(x) / Σ exp(x) along the reduced axis, and
 * log-softmax x − logsumexp(x); an axis the code computes (`x.ndim - 1`) or names (`dim='C'`, PyTorch's
 * named tensors) is a dimension the hover cannot show as a number. `keepdim`, the third positional argument of `torch.sum` and of TF.js' `sum`,
 * keeps the reduced axis and changes no value. max(min(x, 6), 0) is ReLU6 (PyTorch's definition).
 * Swish x·σ(βx) at β = 0 is x/2 (Ramachandran et al. 2017, "Searching for Activation Functions").
 * `torch.clamp(x, min=0, max=None)` has no upper bound: ReLU, whichever branch of a conditional gives the None.
 * PyTorch's LeakyReLU is max(0, x) + negative_slope·min(0, x): with slope 1 that is max(x, x) = x, with
 * slope 0 it is ReLU, as max(x, 0·x) and where(x > 0, x, 0·x) are. log(1 + eˣ) is softplus. Two calls of
 * `torch.randn_like` draw two different tensors, so r₁·σ(r₂) is no SiLU. x·σ(x / T) is swish with β = 1/T,
 * so with T = e⁰ = 1 it is SiLU and with T = e¹ swish with β = 1/e. In JavaScript `1 / 0` is Infinity, so
 * `tf.clipByValue(x, 0, 1 / 0)` is max(x, 0).
 */
import assert from 'node:assert/strict';
import './freshModels';
import { expectFormula, expectFormulaOutsideStrings, expectNoFormula } from './formulaHelpers';
import { recognizedAtStart } from './recognizeHelpers';

const PY = 'python';
const JS = 'javascript';

describe('fmath8: NumPy’s positional out and TensorFlow’s name give no value', () => {
  const NUMPY = `"""Activations for the NumPy inference path, writing into preallocated scratch buffers."""
import numpy as np

SQRT_2_OVER_PI = np.sqrt(2.0 / np.pi)


def gelu(x, scratch):
    # np.power writes x**3 into scratch and returns it (a ufunc's third positional argument is out).
    return 0.5 * x * (1.0 + np.tanh(np.sqrt(2.0 / np.pi) * (x + 0.044715 * np.power(x, 3, scratch))))


def squared_relu(x, buf):
    # Primer's squared ReLU, squared in place into buf.
    return np.square(np.maximum(x, 0.0), buf)


def hard_sigmoid(x, buf):
    return np.clip(x + 3.0, 0.0, 6.0, buf) / 6.0


def relu(x, buf):
    return np.clip(x, 0.0, None, buf)


def relu_into(x, buf):
    return np.maximum(x, 0.0, out=buf)


def relu_(x):
    # In place: the negatives of x are overwritten with 0.
    return np.maximum(0, x, out=x)


def shift(x, buf):
    # Not an activation: the buffer is only where the sum goes.
    return np.add(x, 3.0, buf)
`;

  const TORCH_OUT = `"""SiLU for the fused inference path: the product goes straight into the preallocated output."""
import torch


def silu_into(x, y):
    return torch.mul(x, torch.sigmoid(x), out=y)
`;

  it('reads tanh-GELU whose cube goes through np.power’s out', () => {
    const formula =
      '0.5 * x * (1.0 + np.tanh(np.sqrt(2.0 / np.pi) * (x + 0.044715 * np.power(x, 3, scratch))))';
    expectFormula(PY, NUMPY, formula, {
      id: 'gelu',
      framework: 'numpy',
      params: { approximate: 'tanh' },
    });
  });

  it('reads squared ReLU squared into a buffer', () => {
    expectFormula(PY, NUMPY, 'np.square(np.maximum(x, 0.0), buf)', {
      id: 'relu_squared',
      framework: 'numpy',
    });
  });

  it('reads the hard sigmoid and ReLU clipped into a buffer', () => {
    expectFormula(PY, NUMPY, 'np.clip(x + 3.0, 0.0, 6.0, buf) / 6.0', {
      id: 'hardsigmoid',
      framework: 'numpy',
      params: { slope: 1 / 6 },
    });
    expectFormula(PY, NUMPY, 'np.clip(x, 0.0, None, buf)', { id: 'relu', framework: 'numpy' });
    expectFormula(PY, NUMPY, 'np.maximum(x, 0.0, out=buf)', { id: 'relu', framework: 'numpy' });
    expectFormula(PY, NUMPY, 'np.maximum(0, x, out=x)', { id: 'relu', framework: 'numpy' });
  });

  it('reads PyTorch SiLU whose product is written through out=', () => {
    expectFormula(PY, TORCH_OUT, 'torch.mul(x, torch.sigmoid(x), out=y)', {
      id: 'silu',
      framework: 'pytorch',
      params: { beta: 1 },
    });
  });

  it('reads nothing in a shift written into a buffer', () => {
    expectNoFormula(PY, NUMPY, 'np.add(x, 3.0, buf)');
  });

  const TF = `"""Graph-mode activations with named ops, for the exported SavedModel."""
import tensorflow as tf


def swish(x):
    return tf.multiply(x, tf.sigmoid(x), name="swish")


def hard_sigmoid(x):
    return tf.clip_by_value(x + 3.0, 0.0, 6.0, "hard_sigmoid") / 6.0


def squared_relu(x):
    return tf.square(tf.nn.relu(x, "relu"), "relu_squared")


def scale(x, gamma):
    return tf.multiply(x, gamma, name="scale")
`;

  it('reads TensorFlow swish whose product is named by keyword', () => {
    expectFormulaOutsideStrings(PY, TF, 'tf.multiply(x, tf.sigmoid(x), name="swish")', {
      id: 'silu',
      framework: 'tensorflow',
      params: { beta: 1 },
    });
  });

  it('reads TensorFlow ops named by position', () => {
    expectFormulaOutsideStrings(
      PY,
      TF,
      'tf.clip_by_value(x + 3.0, 0.0, 6.0, "hard_sigmoid") / 6.0',
      {
        id: 'hardsigmoid',
        framework: 'tensorflow',
        params: { slope: 1 / 6 },
      },
    );
    expectFormulaOutsideStrings(PY, TF, 'tf.square(tf.nn.relu(x, "relu"), "relu_squared")', {
      id: 'relu_squared',
      framework: 'tensorflow',
    });
  });

  it('reads nothing in a named product of two tensors', () => {
    expectNoFormula(PY, TF, 'tf.multiply(x, gamma, name="scale")');
  });

  const TFJS = `import * as tf from '@tensorflow/tfjs';

// Cube through tf.pow; the third argument is a leftover of an older signature, which JavaScript ignores.
export function gelu(x) {
  return x.mul(0.5).mul(tf.add(1, tf.tanh(tf.mul(Math.sqrt(2 / Math.PI), x.add(tf.pow(x, 3, 'cube').mul(0.044715))))));
}

// The name is a leftover of the Python version; Tensor.mul takes one argument and ignores the second.
export function swish(x) {
  return x.mul(tf.sigmoid(x), 'swish');
}

export function softmaxLastAxis(logits) {
  return tf.tidy(() => {
    const e = tf.exp(logits.sub(logits.max(-1, true)));
    return e.div(e.sum(-1, true));
  });
}
`;

  it('reads a TF.js pow given an argument past its own', () => {
    const formula =
      "x.mul(0.5).mul(tf.add(1, tf.tanh(tf.mul(Math.sqrt(2 / Math.PI), x.add(tf.pow(x, 3, 'cube').mul(0.044715))))))";
    expectFormulaOutsideStrings(JS, TFJS, formula, {
      id: 'gelu',
      framework: 'tfjs',
      params: { approximate: 'tanh' },
    });
  });

  it('reads a TF.js method given an argument past its own', () => {
    expectFormulaOutsideStrings(JS, TFJS, "x.mul(tf.sigmoid(x), 'swish')", {
      id: 'silu',
      framework: 'tfjs',
      params: { beta: 1 },
    });
  });

  it('reads TF.js softmax whose sum keeps its axis', () => {
    expectFormula(JS, TFJS, 'e.div(e.sum(-1, true))', {
      id: 'softmax',
      framework: 'tfjs',
      params: { dim: -1 },
    });
  });
});

describe('fmath8: a Keras layer called with training', () => {
  const SRC = `"""MobileNetV3 blocks in Keras: the hard sigmoid from a ReLU6 layer."""
import keras
from keras import layers


class HardSigmoid(layers.Layer):
    def call(self, x, training=None):
        return layers.ReLU(max_value=6.0)(x + 3.0, training=False) / 6.0


class Rectify(layers.Layer):
    def call(self, x, training=None):
        # A ReLU layer alone is the layer's own call, not a formula.
        return layers.ReLU()(x, training=training)
`;

  it('reads ReLU6(x + 3) / 6 as the hard sigmoid', () => {
    expectFormula(PY, SRC, 'layers.ReLU(max_value=6.0)(x + 3.0, training=False) / 6.0', {
      id: 'hardsigmoid',
      framework: 'keras',
      params: { slope: 1 / 6 },
    });
  });
});

describe('fmath8: softmax over an axis the code computes or names', () => {
  it('shows softmax over `x.ndim - 1` by position with its dimension not read', () => {
    const src = `"""Softmax along the last axis of an array of any rank."""
import numpy as np


def softmax(x):
    return np.exp(x) / np.sum(np.exp(x), x.ndim - 1, keepdims=True)


def normalize(x):
    # Not a softmax: no exponential.
    return x / np.sum(x, x.ndim - 1, keepdims=True)
`;
    const torchSrc = `"""Log-probabilities over the last dimension, whatever the batch shape."""
import torch


def log_probs(x):
    return x - torch.logsumexp(x, x.dim() - 1, keepdim=True)
`;
    const formula = 'np.exp(x) / np.sum(np.exp(x), x.ndim - 1, keepdims=True)';
    expectFormula(PY, src, formula, { id: 'softmax', framework: 'numpy', params: {} });
    assert.deepEqual(recognizedAtStart(PY, src, formula)?.nonLiteral, ['dim']);
    expectNoFormula(PY, src, 'x / np.sum(x, x.ndim - 1, keepdims=True)');
    const log = 'x - torch.logsumexp(x, x.dim() - 1, keepdim=True)';
    expectFormula(PY, torchSrc, log, { id: 'log_softmax', framework: 'pytorch', params: {} });
    assert.deepEqual(recognizedAtStart(PY, torchSrc, log)?.nonLiteral, ['dim']);
  });

  it('shows softmax over a named dimension with its dimension not read', () => {
    const src = `"""Channel softmax on named tensors (PyTorch's named tensor API)."""
import torch


def channel_softmax(x):
    # x is named ('N', 'C', 'H', 'W'): the reduction takes the dimension's name.
    return torch.exp(x) / torch.exp(x).sum(dim='C', keepdim=True)


def channel_log_softmax(x):
    return x - torch.logsumexp(x, dim='C', keepdim=True)
`;
    const formula = "torch.exp(x) / torch.exp(x).sum(dim='C', keepdim=True)";
    expectFormulaOutsideStrings(PY, src, formula, { id: 'softmax', framework: 'pytorch' });
    assert.deepEqual(recognizedAtStart(PY, src, formula)?.nonLiteral, ['dim']);
    const log = "x - torch.logsumexp(x, dim='C', keepdim=True)";
    expectFormulaOutsideStrings(PY, src, log, { id: 'log_softmax', framework: 'pytorch' });
    assert.deepEqual(recognizedAtStart(PY, src, log)?.nonLiteral, ['dim']);
  });

  it('reads PyTorch softmax whose sum keeps its dimension by position', () => {
    const src = `"""Attention weights, softmax written out for export."""
import torch


def attention_weights(scores):
    e = torch.exp(scores - scores.max(-1, True)[0])
    return e / torch.sum(e, -1, True)
`;
    expectFormula(PY, src, 'e / torch.sum(e, -1, True)', {
      id: 'softmax',
      framework: 'pytorch',
      params: { dim: -1 },
    });
  });
});

describe('fmath8: ReLU6 as a rectified clamp', () => {
  const SRC = `"""Quantization-friendly activations for the mobile backbone."""
import torch
import torch.nn.functional as F


def relu6(x):
    # Clamp the top first, then rectify: max(min(x, 6), 0).
    return torch.relu(torch.clamp(x, max=6.0))


def hard_sigmoid(x):
    return F.relu(torch.clamp(x + 3.0, max=6.0)) / 6.0


def relu6_positional(x):
    return F.relu(x.clamp(None, 6.0))


def unit_clip(x):
    # Clip to [0, 1] for the mask head: no activation.
    return torch.relu(torch.clamp(x, max=1.0))
`;

  it('reads relu(clamp(x, max=6)) as ReLU6', () => {
    expectFormula(PY, SRC, 'torch.relu(torch.clamp(x, max=6.0))', {
      id: 'relu6',
      framework: 'pytorch',
    });
  });

  it('reads relu of a clamp whose lower bound is None, and JAX relu of a minimum, as ReLU6', () => {
    expectFormula(PY, SRC, 'F.relu(x.clamp(None, 6.0))', { id: 'relu6', framework: 'pytorch' });
    const jax = `"""ReLU6 for the Flax port."""
import jax
import jax.numpy as jnp


def relu6(x):
    return jax.nn.relu(jnp.minimum(x, 6.0))
`;
    expectFormula(PY, jax, 'jax.nn.relu(jnp.minimum(x, 6.0))', { id: 'relu6', framework: 'jax' });
  });

  it('reads relu(clamp(x + 3, max=6)) / 6 as the hard sigmoid', () => {
    expectFormula(PY, SRC, 'F.relu(torch.clamp(x + 3.0, max=6.0)) / 6.0', {
      id: 'hardsigmoid',
      framework: 'pytorch',
      params: { slope: 1 / 6 },
    });
  });

  it('reads no activation in a rectified clamp to 1', () => {
    expectNoFormula(PY, SRC, 'torch.relu(torch.clamp(x, max=1.0))');
  });
});

describe('fmath8: rectifiers whose slope is bound to 1 or 0', () => {
  const SRC = `"""Rectifiers whose negative slope is annealed during training (its start value is the default)."""
import numpy as np


def annealed_leaky_relu(x, slope=1.0):
    # Starts as the identity and is annealed towards a small slope.
    return np.maximum(x, slope * x)


def rectify(x, slope=0.0):
    return np.maximum(x, slope * x)


def rectify_where(x, alpha=0.0):
    return np.where(x > 0, x, alpha * x)


def double_positive(x, gain=2.0):
    # Not a rectifier: 2x above zero, x below.
    return np.maximum(x, gain * x)
`;

  it('reads max(x, 1·x) as leaky ReLU with negative_slope 1', () => {
    expectFormula(PY, SRC, 'np.maximum(x, slope * x)', {
      id: 'leaky_relu',
      framework: 'numpy',
      params: { negative_slope: 1 },
    });
  });

  it('reads max(x, 0·x) and where(x > 0, x, 0·x) as ReLU', () => {
    expectFormula(PY, SRC, 'np.maximum(x, slope * x)', { id: 'relu', framework: 'numpy' }, 1);
    expectFormula(PY, SRC, 'np.where(x > 0, x, alpha * x)', { id: 'relu', framework: 'numpy' });
  });

  it('reads nothing in max(x, 2x)', () => {
    expectNoFormula(PY, SRC, 'np.maximum(x, gain * x)');
  });
});

describe('fmath8: swish at β = 0', () => {
  it('reads x·σ(β·x) with β bound to 0 as swish with β = 0', () => {
    const src = `"""Swish annealed from the linear x/2 (beta = 0) towards ReLU as beta grows."""
import torch


def annealed_swish(x, beta=0.0):
    return x * torch.sigmoid(beta * x)


def gate(x, beta=0.0):
    # Not swish: the gate multiplies a constant, not x.
    return 2.0 * torch.sigmoid(beta * x)
`;
    expectFormula(PY, src, 'x * torch.sigmoid(beta * x)', {
      id: 'silu',
      framework: 'pytorch',
      params: { beta: 0 },
    });
    expectNoFormula(PY, src, '2.0 * torch.sigmoid(beta * x)');
  });
});

describe('fmath8: a bound that is None whichever branch runs', () => {
  it('reads clamp(x, min=0, max=cap if cap else None) with cap=None as ReLU', () => {
    const src = `"""Rectifier with an optional cap, for the quantized student."""
import torch


def capped_relu(x, cap=None):
    # A cap of 0 or None means no cap: torch.clamp's max=None leaves the top open.
    return torch.clamp(x, min=0.0, max=cap if cap else None)


def clipped(x, cap=6.0):
    return torch.clamp(x, min=0.0, max=cap if cap else None)
`;
    expectFormula(PY, src, 'torch.clamp(x, min=0.0, max=cap if cap else None)', {
      id: 'relu',
      framework: 'pytorch',
    });
    // With cap=6.0 the branches differ (6.0 or None): a clip whose top depends on the argument.
    expectNoFormula(PY, src, 'torch.clamp(x, min=0.0, max=cap if cap else None)', 1);
  });
});

describe('fmath8: a clamp whose bound is a formula of its own', () => {
  it('reads the softplus inside a clamp that has only an upper bound', () => {
    const src = `"""Gaussian policy head whose log-std is bounded above by a learned ceiling."""
import torch
import torch.nn as nn


class GaussianHead(nn.Module):
    def __init__(self, width, actions):
        super().__init__()
        self.mu = nn.Linear(width, actions)
        self.log_std = nn.Linear(width, actions)
        self.ceiling = nn.Parameter(torch.zeros(actions))

    def forward(self, h):
        ceiling = self.ceiling
        log_std = self.log_std(h)
        # log(1 + e^c) keeps the bound positive whatever the parameter learns.
        log_std = log_std.clamp(max=torch.log1p(torch.exp(ceiling)))
        return self.mu(h), log_std.exp()
`;
    expectFormula(PY, src, 'torch.log1p(torch.exp(ceiling))', {
      id: 'softplus',
      framework: 'pytorch',
    });
  });
});

describe('fmath8: a library function of a constant is its value', () => {
  it('reads swish whose temperature is exp of a log-space default', () => {
    const src = `"""Swish with a temperature kept in log space, so that it stays positive."""
import math

import torch


def tempered_swish(x, log_temperature=0.0):
    # At the default the temperature is e^0 = 1: plain SiLU.
    return x * torch.sigmoid(x / math.exp(log_temperature))


def warm_swish(x, log_temperature=1.0):
    # Temperature e: a flatter gate.
    return x * torch.sigmoid(x / math.exp(log_temperature))
`;
    const formula = 'x * torch.sigmoid(x / math.exp(log_temperature))';
    expectFormula(PY, src, formula, { id: 'silu', framework: 'pytorch', params: { beta: 1 } });
    // x / e^1: swish with β = 1/e.
    const beta = 1 / Math.E;
    expectFormula(PY, src, formula, { id: 'silu', framework: 'pytorch', params: { beta } }, 1);
  });
});

describe('fmath8: a constant divided by zero', () => {
  it('reads a TF.js clip whose top is 1 / 0 as ReLU', () => {
    const src = `const tf = require('@tensorflow/tfjs');

// clipByValue takes both bounds; 1 / 0 is Infinity, so the top stays open: a rectifier.
function rectify(x) {
  return tf.clipByValue(x, 0, 1 / 0);
}

function unitClip(x) {
  return tf.clipByValue(x, 0, 1 / 1);
}

module.exports = { rectify, unitClip };
`;
    expectFormula(JS, src, 'tf.clipByValue(x, 0, 1 / 0)', { id: 'relu', framework: 'tfjs' });
    expectNoFormula(JS, src, 'tf.clipByValue(x, 0, 1 / 1)');
  });
});

describe('fmath8: a library call is no variable', () => {
  it('reads no SiLU in noise gated by other noise', () => {
    const src = `"""Exploration noise for the policy's hidden units."""
import torch


def noisy_gate(h):
    # Each factor draws its own noise: the two randn_like calls are different tensors.
    return torch.randn_like(h) * torch.sigmoid(torch.randn_like(h))


def silu(h):
    return h * torch.sigmoid(h)
`;
    expectNoFormula(PY, src, 'torch.randn_like(h) * torch.sigmoid(torch.randn_like(h))');
    expectFormula(PY, src, 'h * torch.sigmoid(h)', { id: 'silu', framework: 'pytorch' });
  });
});
