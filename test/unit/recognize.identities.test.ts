/**
 * Activations written through the identities a course teaches: tanh(x) = (1 − e^{−2x}) / (1 + e^{−2x}),
 * σ(x) = ½(1 + tanh(x/2)) and so x·σ(x) = ½x(1 + tanh(x/2)), ELU's negative branch as −α(1 − eˣ). The
 * expected values are the mathematics: ½x(1 + tanh(x)) is x·σ(2x), a swish with β = 2; ½(1 + tanh(x))
 * is σ(2x), which no catalogue entry computes. A clamp whose cap the code does not spell is no ReLU.
 */
import './freshModels';
import { expectFormula, expectNoFormula } from './formulaHelpers';
import { expectNothing } from './recognizeHelpers';

const PY = 'python';

const NUMPY_COURSE = `"""Activation functions from scratch, for the week-3 notebook.

Every function takes and returns an ndarray; the derivatives live in backprop.py.
"""
import numpy as np


def tanh(x):
    """tanh written with one exponential: divide e^x - e^-x and e^x + e^-x through by e^x."""
    return (1 - np.exp(-2 * x)) / (1 + np.exp(-2 * x))


def tanh_flipped(x):
    # a sign slip students make: this is -tanh(x)
    return (np.exp(-2 * x) - 1) / (1 + np.exp(-2 * x))


def tanh_no_one(x):
    # the numerator lost its constant: not tanh
    return (2 - np.exp(-2 * x)) / (1 + np.exp(-2 * x))


def sigmoid(x):
    """The logistic function through tanh, which never overflows: sigma(x) = (1 + tanh(x/2)) / 2."""
    return 0.5 * (1 + np.tanh(x / 2))


def sigmoid_sum(x):
    return 0.5 + 0.5 * np.tanh(0.5 * x)


def sigmoid_steep(x):
    # sigma(2x), not sigma(x)
    return 0.5 * (1 + np.tanh(x))


def silu(x):
    """x * sigma(x), with sigma through tanh."""
    return 0.5 * x * (1 + np.tanh(x / 2))


def silu_gate(x):
    return x * (0.5 + 0.5 * np.tanh(x / 2))


def swish2(x):
    # x * sigma(2x): a swish with beta = 2
    return 0.5 * x * (1 + np.tanh(x))


def elu(x, alpha=1.0):
    return np.where(x > 0, x, -alpha * (1 - np.exp(x)))


def elu_wide(x):
    return np.where(x > 0, x, -1.5 * (1 - np.exp(x)))
`;

describe('identities: activations written through another function', () => {
  it('reads tanh divided through by eˣ, (1 − e^{−2x}) / (1 + e^{−2x})', () => {
    expectFormula(PY, NUMPY_COURSE, '(1 - np.exp(-2 * x)) / (1 + np.exp(-2 * x))', {
      id: 'tanh',
      framework: 'numpy',
    });
  });

  it('reads no tanh when the numerator changes sign or loses its one', () => {
    expectNoFormula(PY, NUMPY_COURSE, '(np.exp(-2 * x) - 1) / (1 + np.exp(-2 * x))');
    expectNoFormula(PY, NUMPY_COURSE, '(2 - np.exp(-2 * x)) / (1 + np.exp(-2 * x))');
  });

  it('reads the sigmoid as ½(1 + tanh(x/2)), as a product or a sum', () => {
    expectFormula(PY, NUMPY_COURSE, '0.5 * (1 + np.tanh(x / 2))', {
      id: 'sigmoid',
      framework: 'numpy',
    });
    expectFormula(PY, NUMPY_COURSE, '0.5 + 0.5 * np.tanh(0.5 * x)', {
      id: 'sigmoid',
      framework: 'numpy',
    });
  });

  it('reads no sigmoid in ½(1 + tanh(x)), which is σ(2x)', () => {
    expectNoFormula(PY, NUMPY_COURSE, '0.5 * (1 + np.tanh(x))');
  });

  it('reads x·σ(x) through tanh as SiLU, and ½x(1 + tanh(x)) as a swish with β = 2', () => {
    expectFormula(PY, NUMPY_COURSE, '0.5 * x * (1 + np.tanh(x / 2))', {
      id: 'silu',
      framework: 'numpy',
      params: { beta: 1 },
    });
    expectFormula(PY, NUMPY_COURSE, 'x * (0.5 + 0.5 * np.tanh(x / 2))', {
      id: 'silu',
      framework: 'numpy',
      params: { beta: 1 },
    });
    expectFormula(PY, NUMPY_COURSE, '0.5 * x * (1 + np.tanh(x))', {
      id: 'silu',
      framework: 'numpy',
      params: { beta: 2 },
    });
  });

  it("reads ELU's negative branch written −α(1 − eˣ), with the default α and a literal one", () => {
    expectFormula(PY, NUMPY_COURSE, 'np.where(x > 0, x, -alpha * (1 - np.exp(x)))', {
      id: 'elu',
      framework: 'numpy',
      params: { alpha: 1 },
    });
    expectFormula(PY, NUMPY_COURSE, 'np.where(x > 0, x, -1.5 * (1 - np.exp(x)))', {
      id: 'elu',
      framework: 'numpy',
      params: { alpha: 1.5 },
    });
  });
});

const TORCH_CAPPED = `import math

import torch
from torch import nn


class CappedReLU(nn.Module):
    """ReLU clipped at a cap chosen per model (6 for MobileNet, 20 for DeepSpeech)."""

    def __init__(self, cap: float):
        super().__init__()
        self.cap = cap

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x.clamp(min=0, max=self.cap)


def capped(x, cap):
    return torch.clamp(x, min=0.0, max=cap)


def open_above(x):
    return torch.clamp(x, min=0.0, max=None)


def open_to_infinity(x):
    return torch.clamp(x, min=0.0, max=math.inf)
`;

describe('identities: a clamp is a ReLU only when it has no upper bound', () => {
  it('reads nothing when the cap is a keyword the code does not spell', () => {
    expectNothing(PY, TORCH_CAPPED, 'x.clamp(min=0, max=self.cap)');
    expectNothing(PY, TORCH_CAPPED, 'torch.clamp(x, min=0.0, max=cap)');
  });

  it('reads ReLU when the upper bound is None or infinity', () => {
    expectFormula(PY, TORCH_CAPPED, 'torch.clamp(x, min=0.0, max=None)', {
      id: 'relu',
      framework: 'pytorch',
    });
    expectFormula(PY, TORCH_CAPPED, 'torch.clamp(x, min=0.0, max=math.inf)', {
      id: 'relu',
      framework: 'pytorch',
    });
  });
});
