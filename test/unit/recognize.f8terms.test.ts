/**
 * Formula pieces the eighth session's Stryker run (f8.json) showed unpinned: a softmax whose sum takes
 * `None` as its positional axis, a `.values` attribute of something that is no max (a pandas frame's
 * array), and the `indices` half of a PyTorch max next to its `values`.
 *
 * Expected values come from the libraries' documentation: `np.sum(a, None)` sums every element (NumPy:
 * "axis=None … will sum all of the elements"), so exp(x) / Σ exp(x) is a softmax over the whole array with
 * no dimension at all, neither read nor computed; `DataFrame.values` is the frame's NumPy array, so
 * `np.maximum(df.values, 0)` is max(x, 0), ReLU, whatever the variable is spelled; `torch.max(input, dim)`
 * returns (values, indices), and the indices are positions, not values: exp(x − argmax) / Σ exp(x − argmax)
 * is no softmax formula (only a shift by the values is the stable softmax). In a method of a
 * `torch.Tensor` subclass `self` is the tensor itself, so `self * torch.sigmoid(self)` is x·σ(x), SiLU
 * (PyTorch: SiLU(x) = x·σ(x)). A gated linear unit `w(x) * torch.sigmoid(v(x))` multiplies two different
 * projections (GLU, Dauphin et al. 2017: (xW + b) ⊗ σ(xV + c)): no SiLU, since the gate's input is not the
 * value gated. Julia's `^` is exponentiation (Julia manual, "Arithmetic Operators"), so
 * ½x(1 + tanh(√(2/π)(x + 0.044715x^3))) is GELU's tanh approximation (Hendrycks & Gimpel). NumPy's
 * `clip(a, a_min, a_max, out)` takes the output array fourth, which changes where the result
 * goes, not its values: clip(x, 0, None, x) is ReLU. In Python a parameter named `pi` is whatever the
 * caller passes (only `math.pi`/`np.pi` are π; Julia alone predefines `pi`), so x·σ(pi·x) is no swish with
 * β = π. `layers[-1][0]` is one value however it is subscripted, so
 * `layers[-1][0] * torch.sigmoid(layers[-1][0])` is x·σ(x), SiLU. ELU's negative branch is α(eˣ − 1) (Clevert et al. 2016); eˣ·x − 1 is some other function.
 */
import assert from 'node:assert/strict';
import './freshModels';
import { recognizeAt } from '../../src/core';
import { expectFormula, expectNoFormula, expectNotWhole } from './formulaHelpers';
import { nthOffset } from './recognizeHelpers';

const PY = 'python';

describe('f8 terms: a sum over every element by position', () => {
  const SRC = `"""Normalisers for the attention pooling baseline (NumPy reference implementation)."""
import numpy as np


def pooled_weights(scores):
    """Weights over every element of the score map at once: the sum takes axis None by position."""
    return np.exp(scores) / np.sum(np.exp(scores), None)


def row_weights(scores):
    return np.exp(scores) / np.sum(np.exp(scores), 1)
`;

  it('reads np.sum(e, None) as a softmax over every element with no dimension, read or not', () => {
    const expr = 'np.exp(scores) / np.sum(np.exp(scores), None)';
    expectFormula(PY, SRC, expr, { id: 'softmax', framework: 'numpy' });
    const got = recognizeAt(SRC, nthOffset(SRC, 'None)', 0), PY);
    assert.equal(got?.id, 'softmax');
    assert.ok(!('dim' in got.params), 'no dimension');
    assert.equal(got.nonLiteral, undefined, 'no dimension left unread either');
  });

  it('still reads a literal positional axis as the dimension', () => {
    expectFormula(PY, SRC, 'np.exp(scores) / np.sum(np.exp(scores), 1)', {
      id: 'softmax',
      framework: 'numpy',
      params: { dim: 1 },
    });
  });
});

describe('f8 terms: .values of something that is no max', () => {
  const SRC = `"""Feature preprocessing for the tabular baseline."""
import numpy as np
import pandas as pd


def load_features(path):
    frame = pd.read_csv(path)
    # Negative readings are sensor faults: rectify the raw array.
    return np.maximum(frame.values, 0)


def load_labels(path):
    return pd.read_csv(path)["label"].values
`;

  it('reads np.maximum(frame.values, 0) as ReLU of the frame’s array', () => {
    expectFormula(PY, SRC, 'np.maximum(frame.values, 0)', { id: 'relu', framework: 'numpy' });
  });
});

describe('f8 terms: the indices of a PyTorch max are no shift', () => {
  const SRC = `"""Attention scores with a stabilised softmax (and a debugging variant kept for comparison)."""
import torch
from torch import nn


class Scorer(nn.Module):
    def forward(self, x):
        m = x.max(dim=-1, keepdim=True)
        e = torch.exp(x - m.values)
        return e / e.sum(dim=-1, keepdim=True)

    def by_position(self, x):
        m = x.max(dim=-1, keepdim=True)
        # Subtracts the argmax positions, not the maxima: some other function.
        return torch.exp(x - m.indices) / torch.exp(x - m.indices).sum(dim=-1, keepdim=True)
`;

  it('reads the shift by m.values as softmax over dimension -1', () => {
    expectFormula(PY, SRC, 'e / e.sum(dim=-1, keepdim=True)', {
      id: 'softmax',
      framework: 'pytorch',
      params: { dim: -1 },
    });
  });

  it('reads no softmax where m.indices is subtracted', () => {
    expectNoFormula(
      PY,
      SRC,
      'torch.exp(x - m.indices) / torch.exp(x - m.indices).sum(dim=-1, keepdim=True)',
    );
  });
});

describe('f8 terms: self as the variable of a tensor subclass', () => {
  const SRC = `"""A tensor subclass that carries its own activations (used by the export tracer)."""
import torch


class ActTensor(torch.Tensor):
    def silu(self):
        # The tensor gates itself.
        return self * torch.sigmoid(self)

    def scaled(self):
        return self.scale * torch.sigmoid(self)
`;

  it('reads self * torch.sigmoid(self) as SiLU', () => {
    expectFormula(PY, SRC, 'self * torch.sigmoid(self)', { id: 'silu', framework: 'pytorch' });
  });
});

describe('f8 terms: two projections called by one-token names are two leaves', () => {
  const SRC = `"""Functional gated units for the sequence model."""
import torch


def glu(x, w, v):
    """Gated linear unit: one projection gated by the sigmoid of another."""
    return w(x) * torch.sigmoid(v(x))


def swish_gate(x, w):
    return w(x) * torch.sigmoid(w(x))
`;

  it('reads no SiLU where different projections are gated', () => {
    expectNoFormula(PY, SRC, 'w(x) * torch.sigmoid(v(x))');
  });

  it('reads SiLU where one projection gates itself', () => {
    expectFormula(PY, SRC, 'w(x) * torch.sigmoid(w(x))', { id: 'silu', framework: 'pytorch' });
  });
});

describe('f8 terms: Julia writes the power with ^', () => {
  const SRC = `module Activations

export gelu_tanh

"""
    gelu_tanh(x)

GELU with the tanh approximation, as in the original paper.
"""
gelu_tanh(x) = 0.5 * x * (1 + tanh(sqrt(2 / π) * (x + 0.044715 * x^3)))

end
`;

  it('reads the tanh approximation of GELU with x^3', () => {
    expectFormula('julia', SRC, '0.5 * x * (1 + tanh(sqrt(2 / π) * (x + 0.044715 * x^3)))', {
      id: 'gelu',
      framework: 'other',
      params: { approximate: 'tanh' },
    });
  });
});

describe('f8 rectifiers: clip with its output array given by position', () => {
  const NP = `"""In-place preprocessing of the activation maps (NumPy)."""
import numpy as np


def rectify_inplace(x):
    # Writes the result back into x: the fourth positional argument is \`out\`.
    return np.clip(x, 0, None, x)
`;

  it('reads np.clip(x, 0, None, x) as ReLU', () => {
    expectFormula(PY, NP, 'np.clip(x, 0, None, x)', { id: 'relu', framework: 'numpy' });
  });
});

describe('f8 terms: a Python parameter named pi is no constant', () => {
  const SRC = `"""Mixture-gated units: each expert's output is gated by its mixture weight."""
import math

import torch


def weighted_gate(x, pi):
    """pi is the expert's mixture weight (a tensor), not the constant."""
    return x * torch.sigmoid(pi * x)


def fixed_gate(x):
    return x * torch.sigmoid(math.pi * x)
`;

  it('does not read pi * x as the slope π', () => {
    const start = nthOffset(SRC, 'x * torch.sigmoid(pi * x)', 0);
    for (const at of [start, start + 'x * torch.sigmoid(pi'.length - 1]) {
      const got = recognizeAt(SRC, at, PY);
      assert.ok(
        got === undefined || got.params.beta === undefined || got.params.beta !== Math.PI,
        JSON.stringify(got),
      );
    }
  });

  it('reads math.pi * x as the slope π', () => {
    expectFormula(PY, SRC, 'x * torch.sigmoid(math.pi * x)', {
      id: 'silu',
      framework: 'pytorch',
      params: { beta: Math.PI },
    });
  });
});

describe('f8 rectifiers: only α(eˣ − 1) is an ELU branch', () => {
  const SRC = `"""Piecewise activations for the ablation table (NumPy reference)."""
import numpy as np


def elu(x):
    return np.where(x > 0, x, np.exp(x) - 1)


def elu_times_x(x):
    # Ablation: the negative branch multiplied by the input.
    return np.where(x > 0, x, np.exp(x) * x - 1)
`;

  it('reads the ELU and not its ablation', () => {
    expectFormula(PY, SRC, 'np.where(x > 0, x, np.exp(x) - 1)', {
      id: 'elu',
      framework: 'numpy',
      params: { alpha: 1 },
    });
    expectNotWhole(PY, SRC, 'np.where(x > 0, x, np.exp(x) * x - 1)');
  });
});

describe('f8 terms: a subscript of a subscript is one leaf', () => {
  const SRC = `"""Probe the gated last hidden layer (notebook export)."""
import torch


def gated_last(layers):
    # The first sequence of the last layer, gated by itself.
    return layers[-1][0] * torch.sigmoid(layers[-1][0])
`;

  it('reads layers[-1][0] * torch.sigmoid(layers[-1][0]) as SiLU', () => {
    expectFormula(PY, SRC, 'layers[-1][0] * torch.sigmoid(layers[-1][0])', {
      id: 'silu',
      framework: 'pytorch',
      params: { beta: 1 },
    });
  });
});
