/**
 * Hand-written activations (issue 9 §4) in NumPy, JAX, PyTorch, TensorFlow and plain math. Expected ids and
 * parameters are the math done by hand: where(x > 0, x, a·x) is leaky ReLU with slope a, 2σ(2x) − 1 is
 * tanh, ½x(1 + tanh(√(2/π)(x + 0.044715x³))) is GELU's tanh approximation, and so on.
 */
import { describe, it } from 'node:test';
import { listActivations } from '../../src/core';
import { expectFormula, expectNoFormula } from './formulaHelpers';

const PY = 'python';
const has = (id: string): boolean => listActivations().some((a) => a.id === id);

describe('hand-written formulas: the ReLU family', () => {
  const NUMPY = `"""A two-layer network in NumPy, written for a course."""
import numpy as np


def relu(z):
    return np.maximum(z, 0)


def relu_mask(z):
    return z * (z > 0)


def leaky(z):
    return np.where(z > 0, z, 0.01 * z)


def elu(z, alpha=1.0):
    # alpha is a parameter here, so only the literal forms below are read
    return np.where(z >= 0, z, 1.5 * (np.exp(z) - 1))


def forward(x, w1, w2):
    h = np.clip(x @ w1, 0, None)
    h2 = np.where(h < 0, 0.0, h)
    return h2 @ w2
`;
  it('reads maximum, masks, clip and where forms in NumPy', () => {
    expectFormula(PY, NUMPY, 'np.maximum(z, 0)', { id: 'relu', framework: 'numpy' });
    expectFormula(PY, NUMPY, 'z * (z > 0)', { id: 'relu', framework: 'numpy' });
    expectFormula(PY, NUMPY, 'np.where(z > 0, z, 0.01 * z)', {
      id: 'leaky_relu',
      framework: 'numpy',
      params: { negative_slope: 0.01 },
    });
    expectFormula(PY, NUMPY, 'np.where(z >= 0, z, 1.5 * (np.exp(z) - 1))', {
      id: 'elu',
      framework: 'numpy',
      params: { alpha: 1.5 },
    });
    expectFormula(PY, NUMPY, 'np.clip(x @ w1, 0, None)', { id: 'relu', framework: 'numpy' });
    expectFormula(PY, NUMPY, 'np.where(h < 0, 0.0, h)', { id: 'relu', framework: 'numpy' });
  });

  it('reads torch clamps, masks and SELU with its constants', () => {
    const src = `import torch
import torch.nn as nn


class Net(nn.Module):
    def forward(self, x):
        a = x.clamp(min=0)
        b = torch.clamp(x, min=0.0)
        c = x * (x > 0).float()
        d = torch.where(x > 0, x, torch.zeros_like(x))
        e = 1.0507009873554805 * torch.where(x > 0, x, 1.6732632423543772 * torch.expm1(x))
        f = torch.where(x > 0, x, 0.2 * torch.expm1(x))
        return a + b + c + d + e + f
`;
    expectFormula(PY, src, 'x.clamp(min=0)', { id: 'relu', framework: 'pytorch' });
    expectFormula(PY, src, 'torch.clamp(x, min=0.0)', { id: 'relu', framework: 'pytorch' });
    expectFormula(PY, src, 'x * (x > 0).float()', { id: 'relu', framework: 'pytorch' });
    expectFormula(PY, src, 'torch.where(x > 0, x, torch.zeros_like(x))', {
      id: 'relu',
      framework: 'pytorch',
    });
    expectFormula(
      PY,
      src,
      '1.0507009873554805 * torch.where(x > 0, x, 1.6732632423543772 * torch.expm1(x))',
      { id: 'selu', framework: 'pytorch' },
    );
    expectFormula(PY, src, 'torch.where(x > 0, x, 0.2 * torch.expm1(x))', {
      id: 'elu',
      framework: 'pytorch',
      params: { alpha: 0.2 },
    });
  });

  it('reads JAX and TensorFlow where forms', () => {
    const src = `import jax.numpy as jnp
import tensorflow as tf


def leaky_relu(x):
    return jnp.where(x > 0, x, x * 0.3)


def tf_relu(x):
    return tf.where(x >= 0.0, x, tf.zeros_like(x))


def tf_maximum(x):
    return tf.maximum(0.0, x)
`;
    expectFormula(PY, src, 'jnp.where(x > 0, x, x * 0.3)', {
      id: 'leaky_relu',
      framework: 'jax',
      params: { negative_slope: 0.3 },
    });
    expectFormula(PY, src, 'tf.where(x >= 0.0, x, tf.zeros_like(x))', {
      id: 'relu',
      framework: 'tensorflow',
    });
    expectFormula(PY, src, 'tf.maximum(0.0, x)', { id: 'relu', framework: 'tensorflow' });
  });

  it('reads squared ReLU once the catalogue has it', () => {
    const src = `import torch.nn.functional as F


def primer_act(x):
    return F.relu(x) ** 2
`;
    if (has('relu_squared')) {
      expectFormula(PY, src, 'F.relu(x) ** 2', { id: 'relu_squared', framework: 'pytorch' });
    } else {
      expectNoFormula(PY, src, 'F.relu(x) ** 2');
    }
  });

  it('leaves look-alikes alone', () => {
    const src = `import numpy as np
import torch


def preprocess(x, y, t):
    a = x * (x > t)
    b = x * (y > 0)
    c = np.where(x > 0, y, 0)
    d = np.where(x > 0.5, x, 0)
    e = np.clip(x, 0, 1)
    f = torch.clamp(x, min=1e-6)
    g = np.maximum(x, y)
    h = np.where(x > 0, x, 1.0 * x)
    k = np.where(x > 0, x, np.exp(x))
    return a, b, c, d, e, f, g, h, k
`;
    for (const expr of [
      'x * (x > t)',
      'x * (y > 0)',
      'np.where(x > 0, y, 0)',
      'np.where(x > 0.5, x, 0)',
      'np.clip(x, 0, 1)',
      'torch.clamp(x, min=1e-6)',
      'np.maximum(x, y)',
      'np.where(x > 0, x, 1.0 * x)',
      'np.where(x > 0, x, np.exp(x))',
    ]) {
      expectNoFormula(PY, src, expr);
    }
  });
});

describe('hand-written formulas: sigmoid, tanh, softplus and log-sigmoid', () => {
  const SRC = `import math

import numpy as np
import torch


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def sigmoid_alt(z):
    return np.exp(z) / (1 + np.exp(z))


def tanh_via_sigmoid(z):
    return 2 / (1 + np.exp(-2 * z)) - 1


def tanh_explicit(z):
    return (np.exp(z) - np.exp(-z)) / (np.exp(z) + np.exp(-z))


def scalar_tanh(v):
    return (math.exp(2 * v) - 1) / (math.exp(2 * v) + 1)


def softplus(z):
    return np.log(1 + np.exp(z))


def softplus_stable(z):
    return np.logaddexp(0, z)


def softplus_torch(t):
    return torch.log1p(torch.exp(t))


def softplus_beta(t):
    return torch.log(1 + torch.exp(2.0 * t)) / 2.0


def log_sigmoid(z):
    return -np.log(1 + np.exp(-z))


def log_sigmoid_torch(t):
    return torch.log(torch.sigmoid(t))
`;
  it('reads each spelling with its framework', () => {
    expectFormula(PY, SRC, '1.0 / (1.0 + np.exp(-z))', { id: 'sigmoid', framework: 'numpy' });
    expectFormula(PY, SRC, 'np.exp(z) / (1 + np.exp(z))', { id: 'sigmoid', framework: 'numpy' });
    expectFormula(PY, SRC, '2 / (1 + np.exp(-2 * z)) - 1', { id: 'tanh', framework: 'numpy' });
    expectFormula(PY, SRC, '(np.exp(z) - np.exp(-z)) / (np.exp(z) + np.exp(-z))', {
      id: 'tanh',
      framework: 'numpy',
    });
    expectFormula(PY, SRC, '(math.exp(2 * v) - 1) / (math.exp(2 * v) + 1)', {
      id: 'tanh',
      framework: 'other',
    });
    expectFormula(PY, SRC, 'np.log(1 + np.exp(z))', {
      id: 'softplus',
      framework: 'numpy',
      params: { beta: 1 },
    });
    expectFormula(PY, SRC, 'np.logaddexp(0, z)', { id: 'softplus', framework: 'numpy' });
    expectFormula(PY, SRC, 'torch.log1p(torch.exp(t))', { id: 'softplus', framework: 'pytorch' });
    expectFormula(PY, SRC, 'torch.log(1 + torch.exp(2.0 * t)) / 2.0', {
      id: 'softplus',
      framework: 'pytorch',
      params: { beta: 2 },
    });
    expectFormula(PY, SRC, '-np.log(1 + np.exp(-z))', { id: 'logsigmoid', framework: 'numpy' });
    expectFormula(PY, SRC, 'torch.log(torch.sigmoid(t))', {
      id: 'logsigmoid',
      framework: 'pytorch',
    });
  });

  it('reads JavaScript Math and TF.js', () => {
    const src = `export function sigmoid(x) {
  return 1 / (1 + Math.exp(-x));
}
`;
    expectFormula('javascript', src, '1 / (1 + Math.exp(-x))', {
      id: 'sigmoid',
      framework: 'other',
    });
  });

  it('leaves look-alikes alone', () => {
    const src = `import numpy as np


def decay(x, y):
    a = np.exp(-x) / 2
    b = 1 / (1 + np.exp(-y * x))
    c = 1 / (1 + np.exp(x))
    d = 2 / (1 + np.exp(-x)) - 1
    e = np.log(1 + np.exp(x) * y)
    f = np.log(2 + np.exp(x))
    g = 1 / (2 + np.exp(-x))
    return a, b, c, d, e, f, g
`;
    for (const expr of [
      'np.exp(-x) / 2',
      '1 / (1 + np.exp(-y * x))',
      '1 / (1 + np.exp(x))',
      '2 / (1 + np.exp(-x)) - 1',
      'np.log(1 + np.exp(x) * y)',
      'np.log(2 + np.exp(x))',
      '1 / (2 + np.exp(-x))',
    ]) {
      expectNoFormula(PY, src, expr);
    }
  });
});

describe('hand-written formulas: gated units (swish, GELU, quick-GELU)', () => {
  const SRC = `import math

import numpy as np
import torch
from torch import nn


class NewGELUActivation(nn.Module):
    """Gaussian Error Linear Unit, the tanh approximation used by GPT-2."""

    def forward(self, input):
        return 0.5 * input * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (input + 0.044715 * torch.pow(input, 3.0))))


class FastGELU(nn.Module):
    def forward(self, input):
        return 0.5 * input * (1.0 + torch.tanh(input * 0.7978845608 * (1.0 + 0.044715 * input * input)))


def gelu_exact(x):
    return x * 0.5 * (1.0 + torch.erf(x / math.sqrt(2.0)))


def gelu_np(x):
    return 0.5 * x * (1 + np.tanh(np.sqrt(2 / np.pi) * (x + 0.044715 * x**3)))


def swish(x):
    return x * torch.sigmoid(x)


def swish_np(x):
    return x / (1.0 + np.exp(-x))


def quick_gelu(x):
    return x * torch.sigmoid(1.702 * x)
`;
  it('reads GELU formulas in their common spellings', () => {
    expectFormula(
      PY,
      SRC,
      '0.5 * input * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (input + 0.044715 * torch.pow(input, 3.0))))',
      { id: 'gelu', framework: 'pytorch', params: { approximate: 'tanh' } },
    );
    expectFormula(
      PY,
      SRC,
      '0.5 * input * (1.0 + torch.tanh(input * 0.7978845608 * (1.0 + 0.044715 * input * input)))',
      { id: 'gelu', framework: 'pytorch', params: { approximate: 'tanh' } },
    );
    expectFormula(PY, SRC, 'x * 0.5 * (1.0 + torch.erf(x / math.sqrt(2.0)))', {
      id: 'gelu',
      framework: 'pytorch',
      params: { approximate: 'none' },
    });
    expectFormula(PY, SRC, '0.5 * x * (1 + np.tanh(np.sqrt(2 / np.pi) * (x + 0.044715 * x**3)))', {
      id: 'gelu',
      framework: 'numpy',
      params: { approximate: 'tanh' },
    });
  });

  it('reads swish and quick-GELU', () => {
    expectFormula(PY, SRC, 'x * torch.sigmoid(x)', {
      id: 'silu',
      framework: 'pytorch',
      params: { beta: 1 },
    });
    expectFormula(PY, SRC, 'x / (1.0 + np.exp(-x))', {
      id: 'silu',
      framework: 'numpy',
      params: { beta: 1 },
    });
    expectFormula(
      PY,
      SRC,
      'x * torch.sigmoid(1.702 * x)',
      has('quick_gelu')
        ? { id: 'quick_gelu', framework: 'pytorch' }
        : { id: 'silu', framework: 'pytorch', params: { beta: 1.702 } },
    );
  });

  it('leaves look-alikes alone', () => {
    const src = `import math
import torch


def not_gelu(x, y):
    a = 0.5 * x * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (x + 0.05 * x ** 3)))
    b = 0.5 * x * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (y + 0.044715 * x ** 3)))
    c = 0.4 * x * (1.0 + torch.erf(x / math.sqrt(2.0)))
    d = y * torch.sigmoid(x)
    e = x * torch.sigmoid(-x)
    return a, b, c, d, e
`;
    for (const expr of [
      '0.5 * x * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (x + 0.05 * x ** 3)))',
      '0.5 * x * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (y + 0.044715 * x ** 3)))',
      '0.4 * x * (1.0 + torch.erf(x / math.sqrt(2.0)))',
      'y * torch.sigmoid(x)',
      'x * torch.sigmoid(-x)',
    ]) {
      expectNoFormula(PY, src, expr);
    }
  });
});

describe('hand-written formulas: hard sigmoid and hard swish', () => {
  const SRC = `import numpy as np
import torch
import torch.nn.functional as F


def h_sigmoid(x):
    return F.relu6(x + 3.0) / 6.0


def h_swish(x):
    return x * F.relu6(x + 3.0) / 6.0


def hard_sigmoid_np(x):
    return np.minimum(np.maximum(x + 3, 0), 6) / 6


def hard_sigmoid_keras2(x):
    return np.clip(0.2 * x + 0.5, 0.0, 1.0)


def hard_swish_clamp(x):
    return x * torch.clamp(x + 3, 0, 6) * (1.0 / 6.0)
`;
  it('reads relu6, clip and minimum/maximum forms with their slopes', () => {
    expectFormula(PY, SRC, 'F.relu6(x + 3.0) / 6.0', {
      id: 'hardsigmoid',
      framework: 'pytorch',
      params: { slope: 1 / 6 },
    });
    expectFormula(PY, SRC, 'x * F.relu6(x + 3.0) / 6.0', { id: 'hardswish', framework: 'pytorch' });
    expectFormula(PY, SRC, 'np.minimum(np.maximum(x + 3, 0), 6) / 6', {
      id: 'hardsigmoid',
      framework: 'numpy',
      params: { slope: 1 / 6 },
    });
    expectFormula(PY, SRC, 'np.clip(0.2 * x + 0.5, 0.0, 1.0)', {
      id: 'hardsigmoid',
      framework: 'numpy',
      params: { slope: 0.2 },
    });
    expectFormula(PY, SRC, 'x * torch.clamp(x + 3, 0, 6) * (1.0 / 6.0)', {
      id: 'hardswish',
      framework: 'pytorch',
    });
  });

  it('leaves look-alikes alone', () => {
    const src = `import torch.nn.functional as F


def scaled(x):
    a = F.relu6(x + 2.0) / 6.0
    b = F.relu6(x + 3.0) / 5.0
    c = x * F.relu6(x + 3.0) / 3.0
    return a, b, c
`;
    for (const expr of [
      'F.relu6(x + 2.0) / 6.0',
      'F.relu6(x + 3.0) / 5.0',
      'x * F.relu6(x + 3.0) / 3.0',
    ]) {
      expectNoFormula(PY, src, expr);
    }
  });
});

describe('hand-written formulas: softmax and log-softmax', () => {
  const SRC = `import numpy as np
import torch


def softmax(z):
    return np.exp(z) / np.sum(np.exp(z))


def softmax_rows(z):
    return np.exp(z - np.max(z, axis=1, keepdims=True)) / np.sum(np.exp(z - np.max(z, axis=1, keepdims=True)), axis=1, keepdims=True)


def softmax_torch(t):
    return torch.exp(t) / torch.exp(t).sum(dim=-1, keepdim=True)


def log_softmax(z):
    return z - np.log(np.sum(np.exp(z), axis=-1, keepdims=True))
`;
  it('reads the axis of the reduction as the softmax dimension', () => {
    expectFormula(PY, SRC, 'np.exp(z) / np.sum(np.exp(z))', { id: 'softmax', framework: 'numpy' });
    expectFormula(
      PY,
      SRC,
      'np.exp(z - np.max(z, axis=1, keepdims=True)) / np.sum(np.exp(z - np.max(z, axis=1, keepdims=True)), axis=1, keepdims=True)',
      { id: 'softmax', framework: 'numpy', params: { dim: 1 } },
    );
    expectFormula(PY, SRC, 'torch.exp(t) / torch.exp(t).sum(dim=-1, keepdim=True)', {
      id: 'softmax',
      framework: 'pytorch',
      params: { dim: -1 },
    });
    expectFormula(PY, SRC, 'z - np.log(np.sum(np.exp(z), axis=-1, keepdims=True))', {
      id: 'log_softmax',
      framework: 'numpy',
      params: { dim: -1 },
    });
  });

  it('leaves look-alikes alone', () => {
    const src = `import numpy as np


def normalize(z, w):
    a = np.exp(z) / np.sum(np.exp(w))
    b = z / np.sum(z)
    c = np.exp(z) / np.sum(np.exp(2 * z))
    return a, b, c
`;
    for (const expr of [
      'np.exp(z) / np.sum(np.exp(w))',
      'z / np.sum(z)',
      'np.exp(z) / np.sum(np.exp(2 * z))',
    ]) {
      expectNoFormula(PY, src, expr);
    }
  });
});
