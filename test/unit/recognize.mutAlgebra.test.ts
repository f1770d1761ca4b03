/**
 * How the recognizer reads the algebra of a hand-written formula: a sum with its constant first or a term
 * negated (`-1 + 2σ(2x)`, `-(1 - eˣ)`), a polynomial with its factors in any order (`(1 + 0.044715·x²)·x`,
 * `x·np.square(x)`), an infinite bound, an operation's argument count (`math.log(v, 2)` is a logarithm to
 * base 2), a statement that only converts a formula's result (`r.float()`), and formulas that look like an
 * activation but are not one: a shifted logistic, `np.minimum` where `np.maximum` was meant, two different
 * clamps multiplied, a log-softmax shifted on one side only, relu6 of a logarithm, a denominator beyond
 * 1 + |x|. Expected values are the mathematics: 2σ(2x) − 1 = tanh x, −(1 − eˣ) = eˣ − 1 (ELU's negative
 * branch with α = 1), clip(x, 0, ∞) = max(x, 0), GELU's tanh approximation
 * 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))) (Hendrycks & Gimpel 2016), ln(1 + eˣ) is softplus with β = 1;
 * σ(x − 0.5), min(x, 0), relu(x)·min(x, 6), x − max(x) − log Σ eˣ, log₂(1 + eˣ), relu6(ln x + 3)/6 and
 * x/(1 + |x| + x²) are no activation of the catalogue (no hover over the whole expression; a library
 * function inside, like `F.relu6`, is still hovered as itself).
 */
import './freshModels';
import { expectFormula, expectNoFormula, expectNotWhole } from './formulaHelpers';
import { expectCall } from './recognizeHelpers';

const PY = 'python';

describe('formula algebra: sums and products in any order', () => {
  const SRC = `"""Reference activations written out in NumPy, for the plotting notebook."""
import math

import numpy as np


def tanh_from_sigmoid(x):
    """tanh(x) = 2 sigmoid(2x) - 1, written with the constant first."""
    return -1.0 + 2.0 * (1.0 / (1.0 + np.exp(-2.0 * x)))


def tanh_from_exp(x):
    """(e^x - e^-x) / (e^x + e^-x), the negative exponential first in the numerator."""
    return (-np.exp(-x) + np.exp(x)) / (np.exp(x) + np.exp(-x))


def elu_negated(x):
    """ELU with alpha = 1; the negative branch as -(1 - e^x)."""
    return np.where(x > 0, x, -(1.0 - np.exp(x)))


def gelu_x_last(x):
    """GELU's tanh approximation, the polynomial factored as (1 + 0.044715 x^2) x."""
    return 0.5 * x * (1.0 + np.tanh(math.sqrt(2.0 / math.pi) * (1.0 + 0.044715 * x * x) * x))


def gelu_square(x):
    """The same with the cube as x times np.square(x)."""
    return 0.5 * x * (1.0 + np.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * x * np.square(x))))


def relu_unbounded(x):
    """np.clip with an infinite upper bound is ReLU."""
    return np.clip(x, 0, np.inf)
`;

  it('reads 2σ(2x) − 1 with the constant first as tanh', () => {
    expectFormula(PY, SRC, '-1.0 + 2.0 * (1.0 / (1.0 + np.exp(-2.0 * x)))', {
      id: 'tanh',
      framework: 'numpy',
    });
  });

  it('reads (−e^{−x} + eˣ) / (eˣ + e^{−x}) as tanh', () => {
    expectFormula(PY, SRC, '(-np.exp(-x) + np.exp(x)) / (np.exp(x) + np.exp(-x))', {
      id: 'tanh',
      framework: 'numpy',
    });
  });

  it('reads a negative branch −(1 − eˣ) as ELU with α = 1', () => {
    expectFormula(PY, SRC, 'np.where(x > 0, x, -(1.0 - np.exp(x)))', {
      id: 'elu',
      framework: 'numpy',
      params: { alpha: 1 },
    });
  });

  it("reads GELU's polynomial in any order of its factors, and x·square(x) as the cube", () => {
    const gelu = { id: 'gelu', framework: 'numpy', params: { approximate: 'tanh' } };
    expectFormula(
      PY,
      SRC,
      '0.5 * x * (1.0 + np.tanh(math.sqrt(2.0 / math.pi) * (1.0 + 0.044715 * x * x) * x))',
      gelu,
    );
    expectFormula(
      PY,
      SRC,
      '0.5 * x * (1.0 + np.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * x * np.square(x))))',
      gelu,
    );
  });

  it('reads a clip to [0, ∞) as ReLU', () => {
    expectFormula(PY, SRC, 'np.clip(x, 0, np.inf)', { id: 'relu', framework: 'numpy' });
  });
});

describe('formula algebra: look-alikes that are no activation', () => {
  const SRC = `"""Helpers of a small NumPy/PyTorch model: some look like activations and are not."""
import numpy as np
import torch


def centred_gate(x):
    # A logistic centred at 0.5: sigma(x - 0.5) is no activation of its own.
    return 1.0 / (1.0 + np.exp(-(x - 0.5)))


def negative_part(x):
    # min(x, 0): the part ReLU cuts away.
    return np.minimum(x, 0)


def softmax_typo(x):
    # np.maximum is elementwise, so min(x, 0) stays in the exponent: no softmax.
    return np.exp(x - np.maximum(x, 0)) / np.sum(np.exp(x - np.maximum(x, 0)), axis=-1, keepdims=True)


def log_softmax_half_stable(x):
    # The maximum subtracted outside the log only: off by max(x) from a log-softmax.
    return (x - x.max(axis=-1, keepdims=True)) - np.log(np.sum(np.exp(x), axis=-1, keepdims=True))


def log_prob_unnormalized(x):
    # A "safe" log of e^x with no sum over the axis: x - max(x, log 1e-12), no log-softmax.
    return x - np.log(np.maximum(np.exp(x), 1e-12))


def relu_times_relu6(x):
    return torch.clamp(x, min=0) * torch.clamp(x, min=0, max=6)


def relu_times_cap(x):
    return torch.clamp(x, min=0) * torch.clamp(x, max=6)


def relu_times_shifted(x):
    return torch.clamp(x, min=0) * torch.clamp(x, min=-1)


def relu_times_clip(x):
    return torch.clamp(x, 0) * torch.clamp(x, 0, 6)


def relu_times_floor(x):
    return np.maximum(x, 0) * np.maximum(x, 1e-3)


def squared_relu(x):
    # The real thing, for contrast: relu(x)^2.
    return torch.clamp(x, min=0) * torch.clamp(x, min=0)
`;

  it('shows no sigmoid for a logistic shifted off the origin', () => {
    expectNoFormula(PY, SRC, '1.0 / (1.0 + np.exp(-(x - 0.5)))');
  });

  it('shows no ReLU for np.minimum(x, 0)', () => {
    expectNoFormula(PY, SRC, 'np.minimum(x, 0)');
  });

  it('shows no softmax when the shift is elementwise, and no log-softmax without the sum', () => {
    expectNotWhole(
      PY,
      SRC,
      'np.exp(x - np.maximum(x, 0)) / np.sum(np.exp(x - np.maximum(x, 0)), axis=-1, keepdims=True)',
    );
    expectNotWhole(
      PY,
      SRC,
      '(x - x.max(axis=-1, keepdims=True)) - np.log(np.sum(np.exp(x), axis=-1, keepdims=True))',
    );
    expectNotWhole(PY, SRC, 'x - np.log(np.maximum(np.exp(x), 1e-12))');
  });

  it('shows squared ReLU only for a clamp times the same clamp', () => {
    for (const expr of [
      'torch.clamp(x, min=0) * torch.clamp(x, min=0, max=6)',
      'torch.clamp(x, min=0) * torch.clamp(x, max=6)',
      'torch.clamp(x, min=0) * torch.clamp(x, min=-1)',
      'torch.clamp(x, 0) * torch.clamp(x, 0, 6)',
      'np.maximum(x, 0) * np.maximum(x, 1e-3)',
    ]) {
      expectNotWhole(PY, SRC, expr);
    }
    expectFormula(PY, SRC, 'torch.clamp(x, min=0) * torch.clamp(x, min=0)', {
      id: 'relu_squared',
      framework: 'pytorch',
    });
  });
});

describe('formula algebra: a statement without arithmetic holds no formula over temporaries', () => {
  const SRC = `import torch


def relu_mask(x):
    """ReLU as x times its own sign test, then converted for the loss."""
    r = x * (x > 0)
    y = r.float()
    return y
`;

  it('shows ReLU on the formula and nothing on the conversion of its result', () => {
    expectFormula(PY, SRC, 'x * (x > 0)', { id: 'relu', framework: 'pytorch' });
    expectNoFormula(PY, SRC, 'r.float()');
  });
});

describe('formula algebra: the argument count of an operation', () => {
  const SRC = `"""Information-theory helpers: costs in bits."""
import math


def softplus_bits(v):
    # log2(1 + e^v): softplus divided by ln 2, no softplus of any beta.
    return math.log(1 + math.exp(v), 2)


def softplus_nats(v):
    return math.log(1 + math.exp(v))
`;

  it('shows no softplus for a logarithm to base 2, softplus for the natural one', () => {
    expectNoFormula(PY, SRC, 'math.log(1 + math.exp(v), 2)');
    expectFormula(PY, SRC, 'math.log(1 + math.exp(v))', {
      id: 'softplus',
      framework: 'other',
      params: { beta: 1 },
    });
  });
});

describe('formula algebra: look-alikes of a gate and of softsign', () => {
  const SRC = `"""Gates of a small PyTorch model."""
import torch
import torch.nn.functional as F


def log_gate(x):
    # A hard-sigmoid shape over log(x): no hard sigmoid of x, though relu6 is still ReLU6.
    return F.relu6(torch.log(x) + 3.0) / 6.0


def squash(x):
    # A rational squashing with a quadratic term: no softsign, which is x / (1 + |x|).
    return x / (1 + torch.abs(x) + x * x)
`;

  it('shows ReLU6 on relu6 and no hard sigmoid over the gate of a logarithm', () => {
    expectCall(PY, SRC, 'relu6', { id: 'relu6', framework: 'pytorch' }, 1);
    expectNotWhole(PY, SRC, 'F.relu6(torch.log(x) + 3.0) / 6.0');
  });

  it('shows no softsign when the denominator has more than 1 + |x|', () => {
    expectNoFormula(PY, SRC, 'x / (1 + torch.abs(x) + x * x)');
  });
});
