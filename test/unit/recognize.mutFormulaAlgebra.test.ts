/**
 * The algebra under hand-written formulas (formulas/algebra.ts), pinned where a slip in it would change a
 * hover: a sum negated as a whole (`-(1 - 2σ(2x))` is tanh), a stable softmax whose axis is a constant or
 * an attribute, library calls hovered inside expressions that are no polynomial (`np.tanh(np.abs(x))`,
 * `torch.tanh(h) ** 2`), and look-alikes that are no activation because one piece differs from the real
 * formula — a GELU whose cube is x·|x|, |x|³, x^2.5, min(x, 3) or subtracted, a logistic of x plus a bias or
 * over a temperature, a logistic weighted by odds, a sigmoid times a mask, a clipped quadratic, a softmax
 * whose denominator adds the maximum or reduces along another axis, a conditional whose branches compute
 * different things.
 *
 * Expected values are mathematics and the libraries' documentation: 2σ(2x) − 1 = tanh x; GELU's tanh
 * approximation is 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))) (Hendrycks & Gimpel 2016), so any other
 * term in place of the cube is another function; σ(x + b), σ(x / T), 1 / (1 + w·e^{−x}) and σ(x)·m are not
 * σ(x); clip(0.2x + 0.5 + 0.05x², 0, 1) is not Keras' hard sigmoid clip(0.2x + 0.5, 0, 1); softmax is
 * e^{x − max x} / Σ e^{x − max x} over one axis (NumPy's `np.max(a, axis, keepdims=True)` takes the axis
 * second), so a denominator of e^{x + max x} or a maximum along another axis is no softmax; `torch.sigmoid`,
 * `torch.tanh`, `F.relu` and `np.tanh` are the library's own functions wherever they are called, and
 * `F.relu(x.clamp(max=6.0))` is max(min(x, 6), 0), ReLU6. Where the expression is no activation the test
 * asks that no hover covers the whole of it.
 */
import './freshModels';
import assert from 'node:assert/strict';
import { recognizeAt } from '../../src/core';
import { expectFormula, expectNotWhole } from './formulaHelpers';
import { expectCall, nthOffset } from './recognizeHelpers';

const PY = 'python';

describe('formula algebra: a sum negated as a whole', () => {
  const SRC = `"""Closed forms of tanh used to check the fused kernel against NumPy."""
import numpy as np


def tanh_negated(x):
    """tanh(x) = -(1 - 2 sigmoid(2x)): the sum negated as a whole."""
    return -(1.0 - 2.0 / (1.0 + np.exp(-2.0 * x)))
`;

  it('reads −(1 − 2σ(2x)) as tanh', () => {
    expectFormula(PY, SRC, '-(1.0 - 2.0 / (1.0 + np.exp(-2.0 * x)))', {
      id: 'tanh',
      framework: 'numpy',
    });
  });
});

describe('formula algebra: GELU look-alikes whose cube is something else', () => {
  const SRC = `"""Smooth gates tried in the ablation; only the first is GELU."""
import math

import numpy as np


def gelu_tanh(x):
    return 0.5 * x * (1.0 + np.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * x ** 3)))


def gelu_signed_square(x):
    # x * |x| keeps the sign like the cube but grows like a square.
    return 0.5 * x * (1.0 + np.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * x * np.abs(x))))


def gelu_fractional(x):
    return 0.5 * x * (1.0 + np.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * x ** 2.5)))


def gelu_minus(x):
    # The cubic term subtracted: flatter than GELU for large |x|.
    return 0.5 * x * (1.0 + np.tanh(math.sqrt(2.0 / math.pi) * (x - 0.044715 * x ** 3)))


def gelu_clamped_cube(x):
    return 0.5 * x * (1.0 + np.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * np.minimum(x, 3))))
`;

  it('reads the real one, with x ** 3, as GELU', () => {
    expectFormula(
      PY,
      SRC,
      '0.5 * x * (1.0 + np.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * x ** 3)))',
      {
        id: 'gelu',
        framework: 'numpy',
        params: { approximate: 'tanh' },
      },
    );
  });

  it('shows no GELU when the cube is x·|x|', () => {
    expectNotWhole(
      PY,
      SRC,
      '0.5 * x * (1.0 + np.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * x * np.abs(x))))',
    );
  });

  it('shows no GELU when the cube is x ** 2.5', () => {
    expectNotWhole(
      PY,
      SRC,
      '0.5 * x * (1.0 + np.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * x ** 2.5)))',
    );
  });

  it('shows no GELU when the cubic term is subtracted', () => {
    expectNotWhole(
      PY,
      SRC,
      '0.5 * x * (1.0 + np.tanh(math.sqrt(2.0 / math.pi) * (x - 0.044715 * x ** 3)))',
    );
  });

  it('shows no GELU when the cube is np.minimum(x, 3)', () => {
    expectNotWhole(
      PY,
      SRC,
      '0.5 * x * (1.0 + np.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * np.minimum(x, 3))))',
    );
  });
});

describe('formula algebra: logistic look-alikes', () => {
  const SRC = `"""Calibration heads: each maps a logit to a probability, none is a plain sigmoid of x."""
import numpy as np


class Calibrator:
    def __init__(self, bias, temperature, prior_odds, mask):
        self.bias = bias
        self.temperature = temperature
        self.prior_odds = prior_odds
        self.mask = mask

    def shifted(self, x):
        return 1.0 / (1.0 + np.exp(-(self.bias + x)))

    def tempered(self, x):
        return 1.0 / (1.0 + np.exp(-x * self.temperature ** -1))

    def odds_weighted(self, x):
        # Bayes' rule with prior odds w: 1 / (1 + w * exp(-x)).
        return 1.0 / (1.0 + np.exp(-x) * self.prior_odds)

    def masked(self, x):
        return 0.5 * (1.0 + np.tanh(0.5 * x)) * self.mask


def clipped_quadratic(x):
    # Keras' old hard sigmoid is clip(0.2 x + 0.5, 0, 1); this one bends.
    return np.clip(0.2 * x + 0.5 + 0.05 * x * x, 0.0, 1.0)
`;

  it('shows no sigmoid for σ(bias + x) with an unknown bias', () => {
    expectNotWhole(PY, SRC, '1.0 / (1.0 + np.exp(-(self.bias + x)))');
  });

  it('shows no sigmoid for σ(x / T) written with T ** -1', () => {
    expectNotWhole(PY, SRC, '1.0 / (1.0 + np.exp(-x * self.temperature ** -1))');
  });

  it('shows no sigmoid for 1 / (1 + e^{−x}·w)', () => {
    expectNotWhole(PY, SRC, '1.0 / (1.0 + np.exp(-x) * self.prior_odds)');
  });

  it('shows no sigmoid for σ(x) (through tanh) times a mask', () => {
    expectNotWhole(PY, SRC, '0.5 * (1.0 + np.tanh(0.5 * x)) * self.mask');
  });

  it('shows no hard sigmoid for a clipped quadratic', () => {
    expectNotWhole(PY, SRC, 'np.clip(0.2 * x + 0.5 + 0.05 * x * x, 0.0, 1.0)');
  });
});

describe('formula algebra: softmax denominators compared with the numerator', () => {
  const SRC = `"""Attention normalizers, the stable softmax and two wrong ones from the bug tracker."""
import numpy as np


def softmax_last(scores):
    return np.exp(scores - np.max(scores, -1, keepdims=True)) / np.sum(np.exp(scores - np.max(scores, -1, keepdims=True)), -1, keepdims=True)


def softmax_sign_typo(scores):
    # BUG: the denominator adds the maximum.
    return np.exp(scores - np.max(scores, -1, keepdims=True)) / np.sum(np.exp(scores + np.max(scores, -1, keepdims=True)), -1, keepdims=True)


class Normalizer:
    def __init__(self, axis, other_axis):
        self.axis = axis
        self.other_axis = other_axis

    def stable(self, scores):
        return np.exp(scores - np.max(scores, self.axis, keepdims=True)) / np.sum(np.exp(scores - np.max(scores, self.axis, keepdims=True)), self.axis, keepdims=True)

    def mixed_axes(self, scores):
        # BUG: shifted along one axis, normalized along the other.
        return np.exp(scores - np.max(scores, self.other_axis, keepdims=True)) / np.sum(np.exp(scores - np.max(scores, self.axis, keepdims=True)), self.axis, keepdims=True)
`;

  const STABLE_ALONG =
    'np.exp(scores - np.max(scores, self.axis, keepdims=True)) / np.sum(np.exp(scores - np.max(scores, self.axis, keepdims=True)), self.axis, keepdims=True)';

  it('reads the stable softmax with a positional axis -1 as softmax over dim -1', () => {
    expectFormula(
      PY,
      SRC,
      'np.exp(scores - np.max(scores, -1, keepdims=True)) / np.sum(np.exp(scores - np.max(scores, -1, keepdims=True)), -1, keepdims=True)',
      { id: 'softmax', framework: 'numpy', params: { dim: -1 } },
    );
  });

  it('reads the stable softmax along a parameter axis as softmax', () => {
    expectFormula(PY, SRC, STABLE_ALONG, { id: 'softmax', framework: 'numpy' });
    // The axis is an attribute: a dimension the code does not spell.
    const got = recognizeAt(SRC, nthOffset(SRC, STABLE_ALONG), PY);
    assert.deepEqual(got?.nonLiteral, ['dim']);
  });

  it('shows no softmax when the denominator adds the maximum', () => {
    expectNotWhole(
      PY,
      SRC,
      'np.exp(scores - np.max(scores, -1, keepdims=True)) / np.sum(np.exp(scores + np.max(scores, -1, keepdims=True)), -1, keepdims=True)',
    );
  });

  it('shows no softmax when the shift and the sum use different axes', () => {
    expectNotWhole(
      PY,
      SRC,
      'np.exp(scores - np.max(scores, self.other_axis, keepdims=True)) / np.sum(np.exp(scores - np.max(scores, self.axis, keepdims=True)), self.axis, keepdims=True)',
    );
  });
});

describe('formula algebra: a conditional whose branches differ inside a negation', () => {
  const SRC = `"""A gate with an optional temperature."""
import torch
from torch import nn


class TemperedGate(nn.Module):
    def __init__(self, temperature, plain=False):
        super().__init__()
        self.temperature = temperature
        self.plain = plain

    def forward(self, x):
        return 1.0 / (1.0 + torch.exp(-x)) if self.plain else 1.0 / (1.0 + torch.exp(-(x / self.temperature)))
`;

  it('shows no sigmoid over the whole conditional', () => {
    expectNotWhole(
      PY,
      SRC,
      '1.0 / (1.0 + torch.exp(-x)) if self.plain else 1.0 / (1.0 + torch.exp(-(x / self.temperature)))',
    );
  });
});

describe('formula algebra: library calls inside expressions that are no polynomial', () => {
  const SRC = `"""Gates from an architecture search: library activations composed in odd ways."""
import math

import numpy as np
import torch
import torch.nn.functional as F


def capped_relu(x):
    # Only an upper bound on the clamp: min(x, 6) then ReLU.
    return F.relu(x.clamp(max=6.0))


def squashed_energy(h):
    return torch.sigmoid(torch.tanh(h) ** 2)


def odd_gate(x):
    # Shaped like GELU's approximation, but its inner term |x| is no polynomial in x.
    return 0.5 * x * (1.0 + np.tanh(np.abs(x)))


def gelu_abs_cube(x):
    # |x| ** 3 in place of the cube: even where GELU's polynomial is odd.
    return 0.5 * x * (1.0 + np.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * np.abs(x) ** 3)))
`;

  it('reads F.relu around a clamp that has only an upper bound as ReLU6', () => {
    // max(min(x, 6), 0) is ReLU6: the whole formula, hovered on relu too.
    expectFormula(PY, SRC, 'F.relu(x.clamp(max=6.0))', { id: 'relu6', framework: 'pytorch' });
  });

  it('hovers torch.sigmoid and torch.tanh around a power of tanh', () => {
    expectCall(PY, SRC, 'sigmoid', { id: 'sigmoid', framework: 'pytorch' });
    expectCall(PY, SRC, 'tanh', { id: 'tanh', framework: 'pytorch' });
  });

  it('hovers np.tanh of |x| as tanh, and the gate around it as no GELU', () => {
    expectCall(PY, SRC, 'tanh', { id: 'tanh', framework: 'numpy' }, 1);
    expectNotWhole(PY, SRC, '0.5 * x * (1.0 + np.tanh(np.abs(x)))');
  });

  it('hovers np.tanh in a GELU look-alike with |x| ** 3, and the whole as no GELU', () => {
    expectCall(PY, SRC, 'tanh', { id: 'tanh', framework: 'numpy' }, 2);
    expectNotWhole(
      PY,
      SRC,
      '0.5 * x * (1.0 + np.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * np.abs(x) ** 3)))',
    );
  });
});
