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
