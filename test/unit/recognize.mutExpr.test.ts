/**
 * The formula reader's grammar in each language it reads: Julia's broadcast operators (`.*`, `.+`, `.^`)
 * and its adjoint `x'`, Rust's `?` and `::` paths, Python's conditional expression with `and`/`not` in its
 * condition, JavaScript's `() => body`, brackets that are no parentheses (a list, a dict, a subscript), and
 * statements that run over several lines inside brackets, hovered from any of their lines.
 *
 * Expected values are the mathematics of each formula (½·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))) is GELU's
 * tanh form, log(1 + eˣ) softplus, x·σ(x) swish with β = 1, eˣ/Σeˣ softmax) and the languages' own
 * grammars: Julia's `.^` is the elementwise power and `'` the adjoint (binding tighter than `.*`, so
 * `x .* σ.(x)'` is an outer product, no activation); Rust's `?` passes a `Result`'s value on; Python's
 * `a if c else b` is one value when both branches compute the same function.
 */
import './freshModels';
import assert from 'node:assert/strict';
import { expectFormula, expectNoFormula } from './formulaHelpers';
import { hover } from './recognizeHelpers';

const TANH = { approximate: 'tanh' };

describe("formula grammar: Julia's broadcast operators and adjoint", () => {
  const SRC = `module Activations

using NNlib: sigmoid

"""
    gelu_tanh(x)

GELU's tanh approximation, broadcast over an array (as NNlib wrote it before \`gelu_tanh\` existed).
"""
function gelu_tanh(x::AbstractArray)
    return 0.5f0 .* x .* (1 .+ tanh.(sqrt(2f0 / π) .* (x .+ 0.044715f0 .* x .^ 3)))
end

# The scalar form, with Julia's own power operator.
gelu_scalar(x::Real) = 0.5 * x * (1 + tanh(sqrt(2 / π) * (x + 0.044715 * x^3)))

# Softplus, elementwise.
softplus_bcast(x) = log.(1 .+ exp.(x))

# Each entry of x times every entry's gate: an outer product (the adjoint binds first), no activation.
gate_outer(x::AbstractVector) = x .* sigmoid.(x)'

end # module
`;

  it("reads `x .^ 3` as the elementwise cube in GELU's tanh form", () => {
    expectFormula(
      'julia',
      SRC,
      '0.5f0 .* x .* (1 .+ tanh.(sqrt(2f0 / π) .* (x .+ 0.044715f0 .* x .^ 3)))',
      { id: 'gelu', framework: 'other', params: TANH },
    );
  });

  it("reads Julia's scalar `x^3` as the cube", () => {
    expectFormula('julia', SRC, '0.5 * x * (1 + tanh(sqrt(2 / π) * (x + 0.044715 * x^3)))', {
      id: 'gelu',
      framework: 'other',
      params: TANH,
    });
  });

  it('reads broadcast `.+` and dotted calls as the elementwise formula', () => {
    expectFormula('julia', SRC, 'log.(1 .+ exp.(x))', {
      id: 'softplus',
      framework: 'other',
      params: { beta: 1 },
    });
  });

  it("shows no swish for x times its transposed gate: x .* σ.(x)' is a matrix", () => {
    expectNoFormula('julia', SRC, "x .* sigmoid.(x)'");
  });
});

describe("formula grammar: Rust's `?`", () => {
  const SRC = `use candle_core::{Result, Tensor};

/// Softplus written with candle's fallible ops: log(1 + e^x).
pub fn softplus(xs: &Tensor) -> Result<Tensor> {
    (xs.exp()? + 1.0)?.log()
}
`;

  it("reads through `?`, which passes a Result's value on", () => {
    expectFormula('rust', SRC, '(xs.exp()? + 1.0)?.log()', {
      id: 'softplus',
      framework: 'other',
      params: { beta: 1 },
    });
  });
});

describe("formula grammar: Python's conditional expression", () => {
  const SRC = `import math

import torch
from torch import nn


class Swish(nn.Module):
    """x * sigmoid(x), in place when allowed."""

    def __init__(self, inplace: bool = False):
        super().__init__()
        self.inplace = inplace

    def forward(self, x):
        return x.mul_(torch.sigmoid(x)) if self.inplace and not x.requires_grad else x.mul(torch.sigmoid(x))


def gelu_or_relu(x, exact):
    # Two different activations: only the branch hovered is one.
    return 0.5 * x * (1 + torch.erf(x / math.sqrt(2))) if exact else torch.relu(x)
`;

  it('shows swish over both branches when the condition has `and` and `not`', () => {
    expectFormula(
      'python',
      SRC,
      'x.mul_(torch.sigmoid(x)) if self.inplace and not x.requires_grad else x.mul(torch.sigmoid(x))',
      { id: 'silu', framework: 'pytorch', params: { beta: 1 } },
    );
  });

  it('shows only the hovered branch when the branches differ', () => {
    expectFormula('python', SRC, '0.5 * x * (1 + torch.erf(x / math.sqrt(2)))', {
      id: 'gelu',
      framework: 'pytorch',
      params: { approximate: 'none' },
    });
    assert.equal(hover('python', SRC, 'exact', 1), undefined);
  });
});

describe('formula grammar: statements over several lines', () => {
  const PY = `import math

import numpy as np
import torch


def gelu_tanh(x):
    """GELU's tanh approximation, broken over lines inside its parentheses."""
    return 0.5 * x * (
        1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * torch.pow(x, 3.0)))
    )


def activation_stats(x):
    # One entry per activation; each value is its own formula.
    return {
        "swish": x * torch.sigmoid(x),
        "relu": np.maximum(x, 0),
    }


def row_outputs(logits):
    e = np.exp(logits - logits.max(axis=-1, keepdims=True))
    return [
        e / e.sum(axis=-1, keepdims=True),
        np.log1p(np.exp(logits)),
    ]


def leaky(x, slope=0.2):
    y = np.where(
        x > 0,
        x,
        slope * x,
    )
    return y
`;

  it('reads a formula whose parentheses run over three lines, from any of them', () => {
    expectFormula(
      'python',
      PY,
      `0.5 * x * (
        1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * torch.pow(x, 3.0)))
    )`,
      { id: 'gelu', framework: 'pytorch', params: TANH },
    );
  });

  it("reads each value of a dict's or list's lines as its own formula", () => {
    expectFormula('python', PY, 'x * torch.sigmoid(x)', {
      id: 'silu',
      framework: 'pytorch',
      params: { beta: 1 },
    });
    expectFormula('python', PY, 'np.maximum(x, 0)', { id: 'relu', framework: 'numpy' });
    expectFormula('python', PY, 'e / e.sum(axis=-1, keepdims=True)', {
      id: 'softmax',
      framework: 'numpy',
      params: { dim: -1 },
    });
    expectFormula('python', PY, 'np.log1p(np.exp(logits))', {
      id: 'softplus',
      framework: 'numpy',
      params: { beta: 1 },
    });
  });

  it("reads a call whose arguments stand one per line (np.where's three parts)", () => {
    expectFormula(
      'python',
      PY,
      `np.where(
        x > 0,
        x,
        slope * x,
    )`,
      { id: 'leaky_relu', framework: 'numpy', params: { negative_slope: 0.2 } },
    );
  });

  const JS = `import * as tf from '@tensorflow/tfjs';

/** Swish as formatters break a long chain: the method on its own line. */
export function swish(x) {
  return x
    .mul(tf.sigmoid(x));
}

/** Not swish: the chain multiplies the gate by another tensor. */
export function gated(x, g) {
  return g
    .mul(tf.sigmoid(x));
}
`;

  it('reads a method chain continued on the next line as one formula', () => {
    expectFormula('javascript', JS, 'x\n    .mul(tf.sigmoid(x))', {
      id: 'silu',
      framework: 'tfjs',
      params: { beta: 1 },
    });
    expectNoFormula('javascript', JS, 'g\n    .mul(tf.sigmoid(x))');
  });
});
