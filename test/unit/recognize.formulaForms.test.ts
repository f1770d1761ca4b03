/**
 * Hand-written formulas in the shapes the other formula tests leave out: a clamp written with its
 * bound first or its minimum and maximum nested the other way round, leaky ReLU as the maximum of x and
 * a·x, the comparison turned round (`0 < x`, `x < 0`), SELU's scale multiplied into both branches,
 * log-softmax with `logsumexp`, and the framework of a formula that names no library function. Expected
 * ids are the math: max(min(x + 3, 6), 0) / 6 is the 1/6-slope hard sigmoid, max(x, 0.1x) is leaky ReLU
 * with slope 0.1, x − logsumexp(x) is log-softmax. Each has look-alikes beside it.
 */
import { expectFormula, expectNoFormula } from './formulaHelpers';
import { expectCall } from './recognizeHelpers';

const PY = 'python';

describe('hand-written formulas: clamps in every nesting', () => {
  const SRC = `import numpy as np
import tensorflow as tf
import torch
import torch.nn.functional as F


def hard_sigmoid_max_outside(x):
    return np.maximum(np.minimum(x + 3, 6), 0) / 6


def hard_sigmoid_bounds_first(x):
    return np.minimum(6, np.maximum(0, x + 3)) / 6


def hard_sigmoid_relu_capped(x):
    return tf.minimum(tf.nn.relu(x + 3.0), 6.0) / 6.0


def hard_swish_relu_capped(x):
    return x * tf.minimum(tf.nn.relu(x + 3.0), 6.0) / 6.0


def hard_swish_library_gate(x):
    return x * F.hardsigmoid(x)


class Capped:
    def __init__(self, lo, cap):
        self.lo = lo
        self.cap = cap

    def __call__(self, x):
        a = np.minimum(np.maximum(x + 3, self.lo), 6) / 6
        b = np.minimum(np.maximum(x + 3, 0), self.cap) / 6
        c = np.clip(x + 3, 0, self.cap) / 6
        d = x * F.relu6(x + 3.0) * self.cap / 6.0
        return a, b, c, d


def look_alikes(x, mask):
    d = np.clip(x + 3, -1, 6) / 6
    e = np.clip(-0.2 * x + 0.5, 0, 1)
    f = x * F.relu6(x + 3.0) * mask / 6.0
    g = x * np.abs(x) / 6.0
    k = tf.minimum(tf.nn.relu(x + 1.0), 6.0)
    m = x * F.hardsigmoid(2.0 * x)
    return d, e, f, g, k, m
`;

  it('reads the hard sigmoid with the maximum outside, the bounds first, or a capped relu', () => {
    expectFormula(PY, SRC, 'np.maximum(np.minimum(x + 3, 6), 0) / 6', {
      id: 'hardsigmoid',
      framework: 'numpy',
      params: { slope: 1 / 6 },
    });
    expectFormula(PY, SRC, 'np.minimum(6, np.maximum(0, x + 3)) / 6', {
      id: 'hardsigmoid',
      framework: 'numpy',
      params: { slope: 1 / 6 },
    });
    expectFormula(PY, SRC, 'tf.minimum(tf.nn.relu(x + 3.0), 6.0) / 6.0', {
      id: 'hardsigmoid',
      framework: 'tensorflow',
      params: { slope: 1 / 6 },
    });
  });

  it('reads hard swish gated by a capped relu or by the library hard sigmoid', () => {
    expectFormula(PY, SRC, 'x * tf.minimum(tf.nn.relu(x + 3.0), 6.0) / 6.0', {
      id: 'hardswish',
      framework: 'tensorflow',
    });
    expectFormula(PY, SRC, 'x * F.hardsigmoid(x)', { id: 'hardswish', framework: 'pytorch' });
  });

  it('leaves clamps with other bounds, slopes or factors alone', () => {
    for (const expr of [
      // a bound the code does not spell: no number to read
      'np.minimum(np.maximum(x + 3, self.lo), 6) / 6',
      'np.minimum(np.maximum(x + 3, 0), self.cap) / 6',
      'np.clip(x + 3, 0, self.cap) / 6',
      // hard swish times a factor of the layer's own
      'x * F.relu6(x + 3.0) * self.cap / 6.0',
      // a clamp from −1: (x + 4) / 6 at its low end, not 0
      'np.clip(x + 3, -1, 6) / 6',
      // the hard sigmoid of −x: falls where the activation rises
      'np.clip(-0.2 * x + 0.5, 0, 1)',
      // a third factor; a gate that is no hard sigmoid; relu6 of x + 1; a steeper gate
      'x * F.relu6(x + 3.0) * mask / 6.0',
      'x * np.abs(x) / 6.0',
      'tf.minimum(tf.nn.relu(x + 1.0), 6.0)',
      'x * F.hardsigmoid(2.0 * x)',
    ]) {
      expectNoFormula(PY, SRC, expr);
    }
  });
});

describe('hand-written formulas: rectifiers written the other way round', () => {
  const SRC = `import numpy as np
import torch


def leaky(x):
    return np.maximum(x, 0.1 * x)


def leaky_scale_first(x):
    return np.maximum(0.2 * x, x)


def relu_zero_first(x):
    return np.maximum(0, x)


def relu_gate_turned(x):
    return x * (0 < x)


def leaky_negative_side_first(x):
    return torch.where(x < 0, 0.05 * x, x)


def leaky_zero_on_the_left(x):
    return torch.where(0 <= x, x, 0.3 * x)


def elu_alpha(x):
    return torch.where(x > 0, x, 0.5 * (torch.exp(x) - 1))


def selu_scale_inside(x):
    return torch.where(x > 0, 1.0507009873554805 * x, 1.7580993408473766 * torch.expm1(x))


def look_alikes(x, y):
    a = np.maximum(x, 2.0 * x)
    b = np.maximum(x, -0.5 * x)
    c = x * (0 > x)
    d = torch.where(x < 0, x, 0.05 * x)
    e = torch.where(x > 0, 1.0507009873554805 * x, 1.5 * torch.expm1(x))
    f = torch.where(x > 0, 2.0 * x, 0.5 * torch.expm1(x))
    g = torch.where(x > y, x, 0.1 * x)
    return a, b, c, d, e, f, g
`;

  it('reads maximum(x, a·x) as leaky ReLU with slope a, in either order', () => {
    expectFormula(PY, SRC, 'np.maximum(x, 0.1 * x)', {
      id: 'leaky_relu',
      framework: 'numpy',
      params: { negative_slope: 0.1 },
    });
    expectFormula(PY, SRC, 'np.maximum(0.2 * x, x)', {
      id: 'leaky_relu',
      framework: 'numpy',
      params: { negative_slope: 0.2 },
    });
    expectFormula(PY, SRC, 'np.maximum(0, x)', { id: 'relu', framework: 'numpy' });
  });

  it('reads a comparison with zero on the left, or the negative side first', () => {
    // No library function in it: the document's array library, PyTorch before NumPy.
    expectFormula(PY, SRC, 'x * (0 < x)', { id: 'relu', framework: 'pytorch' });
    expectFormula(PY, SRC, 'torch.where(x < 0, 0.05 * x, x)', {
      id: 'leaky_relu',
      framework: 'pytorch',
      params: { negative_slope: 0.05 },
    });
    expectFormula(PY, SRC, 'torch.where(0 <= x, x, 0.3 * x)', {
      id: 'leaky_relu',
      framework: 'pytorch',
      params: { negative_slope: 0.3 },
    });
  });

  it("reads ELU's α and SELU with its scale multiplied into both branches", () => {
    expectFormula(PY, SRC, 'torch.where(x > 0, x, 0.5 * (torch.exp(x) - 1))', {
      id: 'elu',
      framework: 'pytorch',
      params: { alpha: 0.5 },
    });
    // λ·x and λα·(eˣ − 1) with λ = 1.0507009873554805, α = 1.6732632423543772: λα = 1.7580993408473766
    expectFormula(
      PY,
      SRC,
      'torch.where(x > 0, 1.0507009873554805 * x, 1.7580993408473766 * torch.expm1(x))',
      { id: 'selu', framework: 'pytorch' },
    );
  });

  it('leaves slopes outside (0, 1), gates that pass negatives and other scales alone', () => {
    for (const expr of [
      'np.maximum(x, 2.0 * x)',
      'np.maximum(x, -0.5 * x)',
      'x * (0 > x)',
      'torch.where(x < 0, x, 0.05 * x)',
      'torch.where(x > 0, 1.0507009873554805 * x, 1.5 * torch.expm1(x))',
      'torch.where(x > 0, 2.0 * x, 0.5 * torch.expm1(x))',
      'torch.where(x > y, x, 0.1 * x)',
    ]) {
      expectNoFormula(PY, SRC, expr);
    }
  });
});

describe('hand-written formulas: log-softmax with logsumexp, and a formula naming no library', () => {
  it('reads x − logsumexp(x) with its dimension', () => {
    const src = `import torch


def log_softmax(x):
    return x - torch.logsumexp(x, dim=-1, keepdim=True)


def log_softmax_positional(x):
    return x - torch.logsumexp(x, 1)


def not_log_softmax(x, y):
    return x - torch.logsumexp(y, dim=-1, keepdim=True)
`;
    expectFormula(PY, src, 'x - torch.logsumexp(x, dim=-1, keepdim=True)', {
      id: 'log_softmax',
      framework: 'pytorch',
      params: { dim: -1 },
    });
    expectFormula(PY, src, 'x - torch.logsumexp(x, 1)', {
      id: 'log_softmax',
      framework: 'pytorch',
      params: { dim: 1 },
    });
    expectNoFormula(PY, src, 'x - torch.logsumexp(y, dim=-1, keepdim=True)');
  });

  it('takes the framework from the imports, else NumPy in Python and none elsewhere', () => {
    // `from torch import nn` imports torch.nn: the document's array library is PyTorch.
    const torchFile = `from torch import nn


class Gate(nn.Module):
    def forward(self, h):
        return h * (h > 0)
`;
    expectFormula(PY, torchFile, 'h * (h > 0)', { id: 'relu', framework: 'pytorch' });
    const plainPython = `def relu(h):
    return h * (h > 0)
`;
    expectFormula(PY, plainPython, 'h * (h > 0)', { id: 'relu', framework: 'numpy' });
    const plainJs = `export function relu(h) {
  return h * (h > 0);
}
`;
    expectFormula('javascript', plainJs, 'h * (h > 0)', { id: 'relu', framework: 'other' });
    // Comparisons alone make a formula: `>=` and `<=` as well as `>` and `<`.
    const inclusive = `def relu_inclusive(h):
    return h * (h >= 0)


def relu_inclusive_turned(h):
    return h * (0 <= h)
`;
    expectFormula(PY, inclusive, 'h * (h >= 0)', { id: 'relu', framework: 'numpy' });
    expectFormula(PY, inclusive, 'h * (0 <= h)', { id: 'relu', framework: 'numpy' });
  });

  it('takes the framework from the library function, not from a method', () => {
    // `x.mul` is any library's method; `tf.sigmoid` names TF.js.
    const tfjs = `import * as tf from '@tensorflow/tfjs';

export function swish(x: tf.Tensor): tf.Tensor {
  return x.mul(tf.sigmoid(x));
}
`;
    expectFormula('typescript', tfjs, 'x.mul(tf.sigmoid(x))', { id: 'silu', framework: 'tfjs' });
  });
});

describe('hand-written formulas: PyTorch max values and constants written as arithmetic', () => {
  const SRC = `import torch


def softmax_indexed(x):
    return torch.exp(x - x.max(dim=-1, keepdim=True)[0]) / torch.exp(x - x.max(dim=-1, keepdim=True)[0]).sum(dim=-1, keepdim=True)


def softmax_values(x):
    return torch.exp(x - x.max(dim=1, keepdim=True).values) / torch.exp(x - x.max(dim=1, keepdim=True).values).sum(dim=1, keepdim=True)


def leaky_fifth(x):
    return torch.where(x > 0, x, (1.0 / 5.0) * x)


def leaky_quarter(x):
    return torch.where(x > 0, x, 2 ** -2 * x)


def leaky_difference(x):
    return torch.where(x > 0, x, (1 - 0.9) * x)


def elu_sum(x):
    return torch.where(x > 0, x / 1, (0.5 + 0.25) * torch.expm1(x))


def look_alikes(x):
    a = torch.exp(x - x.max(dim=-1, keepdim=True)[1]) / torch.exp(x - x.max(dim=-1, keepdim=True)[1]).sum(dim=-1, keepdim=True)
    b = torch.exp(x - x.max(dim=-1, keepdim=True).indices) / torch.exp(x - x.max(dim=-1, keepdim=True).indices).sum(dim=-1, keepdim=True)
    return a, b
`;
  const dim = (d: number) => ({ dim: d });

  it('reads x.max(…)[0] and x.max(…).values as the maximum softmax subtracts', () => {
    expectFormula(
      PY,
      SRC,
      'torch.exp(x - x.max(dim=-1, keepdim=True)[0]) / torch.exp(x - x.max(dim=-1, keepdim=True)[0]).sum(dim=-1, keepdim=True)',
      { id: 'softmax', framework: 'pytorch', params: dim(-1) },
    );
    expectFormula(
      PY,
      SRC,
      'torch.exp(x - x.max(dim=1, keepdim=True).values) / torch.exp(x - x.max(dim=1, keepdim=True).values).sum(dim=1, keepdim=True)',
      { id: 'softmax', framework: 'pytorch', params: dim(1) },
    );
  });

  it('folds constants written as quotients, powers, differences and sums', () => {
    expectFormula(PY, SRC, 'torch.where(x > 0, x, (1.0 / 5.0) * x)', {
      id: 'leaky_relu',
      framework: 'pytorch',
      params: { negative_slope: 0.2 },
    });
    expectFormula(PY, SRC, 'torch.where(x > 0, x, 2 ** -2 * x)', {
      id: 'leaky_relu',
      framework: 'pytorch',
      params: { negative_slope: 0.25 },
    });
    expectFormula(PY, SRC, 'torch.where(x > 0, x, (1 - 0.9) * x)', {
      id: 'leaky_relu',
      framework: 'pytorch',
      params: { negative_slope: 0.1 },
    });
    expectFormula(PY, SRC, 'torch.where(x > 0, x / 1, (0.5 + 0.25) * torch.expm1(x))', {
      id: 'elu',
      framework: 'pytorch',
      params: { alpha: 0.75 },
    });
  });

  it('leaves the indices of the maximum alone', () => {
    for (const expr of [
      'torch.exp(x - x.max(dim=-1, keepdim=True)[1]) / torch.exp(x - x.max(dim=-1, keepdim=True)[1]).sum(dim=-1, keepdim=True)',
      'torch.exp(x - x.max(dim=-1, keepdim=True).indices) / torch.exp(x - x.max(dim=-1, keepdim=True).indices).sum(dim=-1, keepdim=True)',
    ]) {
      expectNoFormula(PY, SRC, expr);
    }
  });
});

describe('hand-written formulas: what softmax and log-softmax are not', () => {
  const SRC = `import numpy as np


def tempered(z):
    return np.exp(2 * z) / np.sum(np.exp(2 * z), axis=-1, keepdims=True)


def max_normalized(z):
    return np.exp(z) / np.max(np.exp(z), axis=-1, keepdims=True)


def other_normalizer(z, w):
    return np.exp(z) / np.sum(np.exp(w), axis=-1, keepdims=True)


def log_of_other(z, w):
    return z - np.log(np.sum(np.exp(w), axis=-1, keepdims=True))


def log_of_sum(z):
    return z - np.log(np.sum(z, axis=-1, keepdims=True))
`;

  it('leaves a temperature, another normalizer and other logs alone', () => {
    for (const expr of [
      // softmax(2z): a temperature of ½, no activation of z
      'np.exp(2 * z) / np.sum(np.exp(2 * z), axis=-1, keepdims=True)',
      // divided by the largest term, not the sum: the largest output is 1
      'np.exp(z) / np.max(np.exp(z), axis=-1, keepdims=True)',
      'np.exp(z) / np.sum(np.exp(w), axis=-1, keepdims=True)',
      'z - np.log(np.sum(np.exp(w), axis=-1, keepdims=True))',
      'z - np.log(np.sum(z, axis=-1, keepdims=True))',
    ]) {
      expectNoFormula(PY, SRC, expr);
    }
  });
});

describe('hand-written formulas: a clamp with one bound around a library call', () => {
  it('still shows the call inside a clamp that gives one bound only', () => {
    // A probability capped below 1 is no activation of its own: the hover on `sigmoid` shows it.
    const src = `import torch
import torch.nn.functional as F


def capped_probability(x):
    return torch.sigmoid(x).clamp(max=0.99)


def floored_probability(x):
    return torch.sigmoid(x).clamp(min=0.01)
`;
    expectCall(PY, src, 'sigmoid', { id: 'sigmoid', framework: 'pytorch' });
    expectCall(PY, src, 'sigmoid', { id: 'sigmoid', framework: 'pytorch' }, 1);
  });
});

describe('hand-written formulas: Rust paths', () => {
  it("reads burn's activation::relu(x) squared by a product, the path written with ::", () => {
    const src = `use burn::tensor::{activation, backend::Backend, Tensor};

/// relu(x)², as the Primer paper's squared ReLU.
pub fn squared<B: Backend, const D: usize>(x: Tensor<B, D>) -> Tensor<B, D> {
    activation::relu(x.clone()) * activation::relu(x)
}

pub fn gated<B: Backend, const D: usize>(x: Tensor<B, D>, y: Tensor<B, D>) -> Tensor<B, D> {
    activation::relu(x) * activation::relu(y)
}
`;
    expectFormula('rust', src, 'activation::relu(x.clone()) * activation::relu(x)', {
      id: 'relu_squared',
      framework: 'burn',
    });
    expectNoFormula('rust', src, 'activation::relu(x) * activation::relu(y)');
  });
});

describe('hand-written formulas: a conditional whose condition is negated', () => {
  it('reads the whole conditional when both branches compute the same', () => {
    const src = `import torch.nn as nn


class Swish(nn.Module):
    def __init__(self, inplace: bool = False):
        super().__init__()
        self.inplace = inplace

    def forward(self, x):
        return x.mul(x.sigmoid()) if not self.inplace else x.mul_(x.sigmoid())
`;
    expectFormula(PY, src, 'x.mul(x.sigmoid()) if not self.inplace else x.mul_(x.sigmoid())', {
      id: 'silu',
      framework: 'pytorch',
    });
  });
});
