/**
 * The formula reader's grammar at its edges (`formulas/expr.ts`): Python's `**kwargs`, slices (also many in
 * one statement before the formula), parenthesized generators, `not` before a comparison and a conditional
 * whose other branch is a lambda;
 * JavaScript's `^` (XOR, not a power) and arrow functions as object properties or in parentheses; Julia's
 * `::` type assertions, its adjoint `'` and a parenthesized variable; Rust's `?` after the formula's last
 * call.
 *
 * Expected values are the mathematics of each formula (x·σ(x) = x/(1 + e⁻ˣ) is SiLU/swish with β = 1,
 * log(1 + eˣ) is softplus, ½·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))) is GELU's tanh form) and the languages'
 * own rules: a generator expression is no value of its element's formula, and `not` binds looser than a
 * comparison, which binds looser than `*` (Python reference, "Generator expressions", "Operator
 * precedence"); JavaScript's `^` is bitwise XOR (MDN, "Bitwise XOR"); Julia's `x::T` asserts a type without
 * changing the value, `'` is the adjoint, `*` and `.*` bind alike from the left (Julia manual, "Types",
 * "Mathematical Operations"); Rust's `?` passes a `Result`'s value on (The Rust Book, 9.2). Parentheses
 * around a value do not change it.
 */
import { expectFormula, expectNoFormula } from './formulaHelpers';

const SILU_TORCH = { id: 'silu', framework: 'pytorch', params: { beta: 1 } };

describe('formula grammar: Python unpacking, slices, generators and lambdas', () => {
  const SRC = `"""Small helpers around gated activations (a scratch module of a training repo)."""
import math

import numpy as np
import tensorflow as tf
import torch
from tensorflow.keras import layers


def gated_first_column(x):
    # SiLU of the first column, written on the slice itself.
    return x[:, 0] * torch.sigmoid(x[:, 0])


def swish_chunks(chunks):
    # One SiLU per chunk, lazily: the generator itself is no activation.
    outs = (c * torch.sigmoid(c) for c in chunks)
    return torch.cat(tuple(outs))


def swish_layer(**kwargs):
    # A Keras Lambda layer that forwards its options (name, dtype, ...).
    return layers.Lambda(lambda t: t * tf.math.sigmoid(t), **kwargs)


def silu_floor_holds(x):
    # SiLU's minimum is about -0.2785 (at x ≈ -1.2785): no value may fall below it.
    return not x / (1 + np.exp(-x)) < -0.2785


def unpack_channels(h, x):
    # The six channels of a (batch, time, 6) tensor, then the gated input, as one tuple.
    return h[:, :, 0], h[:, :, 1], h[:, :, 2], h[:, :, 3], h[:, :, 4], h[:, :, 5], x * torch.sigmoid(x)


def pick_gate(use_swish):
    gate = (lambda t: t * torch.sigmoid(t)) if use_swish else lambda t: t
    return gate
`;

  it('reads SiLU over a slice `x[:, 0]`, the slice being the variable', () => {
    expectFormula('python', SRC, 'x[:, 0] * torch.sigmoid(x[:, 0])', SILU_TORCH);
  });

  it("shows SiLU over a generator's element only, not over the parenthesized generator", () => {
    expectFormula('python', SRC, 'c * torch.sigmoid(c)', SILU_TORCH);
  });

  it('reads SiLU in a call that also unpacks `**kwargs`', () => {
    expectFormula('python', SRC, 't * tf.math.sigmoid(t)', {
      id: 'silu',
      framework: 'tensorflow',
      params: { beta: 1 },
    });
  });

  it('reads SiLU under `not`, which negates the whole comparison', () => {
    expectFormula('python', SRC, 'x / (1 + np.exp(-x))', {
      id: 'silu',
      framework: 'numpy',
      params: { beta: 1 },
    });
  });

  it('reads SiLU at the end of a long tuple of slices (many sub-expressions before it)', () => {
    expectFormula('python', SRC, 'x * torch.sigmoid(x)', SILU_TORCH);
  });

  it('reads SiLU in a conditional whose other branch is a bare lambda', () => {
    expectFormula('python', SRC, 't * torch.sigmoid(t)', SILU_TORCH);
  });
});

describe('formula grammar: a conditional cut by the read window after its condition', () => {
  const SRC = `import math

import torch
import torch.nn.functional as F
from torch import nn


class GELU(nn.Module):
    """GELU, exact or tanh-approximated; checkpoints saved before \`approximate\` existed load as exact."""

    def __init__(self, approximate: str = "none"):
        super().__init__()
        self.approximate = approximate

    def forward(self, x):
        return (
            0.5 * x * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * torch.pow(x, 3.0))))
            if getattr(self, "approximate", "none") == "tanh"
            else F.gelu(x)
        )
`;

  it('reads the tanh branch as GELU from its first token on', () => {
    expectFormula(
      'python',
      SRC,
      '0.5 * x * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * torch.pow(x, 3.0))))',
      { id: 'gelu', framework: 'pytorch', params: { approximate: 'tanh' } },
    );
  });
});

describe("formula grammar: JavaScript's `^` and arrow-function properties", () => {
  const SRC = `import * as tf from '@tensorflow/tfjs';

// GELU's tanh form with \`**\`, and a port that wrote \`^\`: in JavaScript that is XOR, so no GELU.
export const gelu = (x) => 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x ** 3)));
export const geluPorted = (x) => 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x ^ 3)));

/** Activations by name; each value is a function of one tensor. */
export const ACTIVATIONS = {
  relu: (x) => tf.relu(x),
  swish: x => x.mul(tf.sigmoid(x)),
};

export const useSwish = true;
export const gate = useSwish ? (x => x.mul(tf.sigmoid(x))) : tf.relu;
`;

  it('reads `x ** 3` as the cube in GELU', () => {
    expectFormula(
      'javascript',
      SRC,
      '0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x ** 3)))',
      { id: 'gelu', framework: 'other', params: { approximate: 'tanh' } },
    );
  });

  it('shows no GELU where `^` (XOR) stands for the power', () => {
    expectNoFormula(
      'javascript',
      SRC,
      '0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x ^ 3)))',
    );
  });

  it("shows SiLU over an arrow's body, not over the property's `: x =>`", () => {
    expectFormula('javascript', SRC, 'x.mul(tf.sigmoid(x))', { id: 'silu', framework: 'tfjs' });
  });

  it('shows SiLU over the body of a parenthesized one-parameter arrow, not from its `(`', () => {
    expectFormula('javascript', SRC, 'x.mul(tf.sigmoid(x))', { id: 'silu', framework: 'tfjs' }, 1);
  });
});

describe('formula grammar: a parenthesized variable is the variable', () => {
  const PY = `import torch
from torch import nn


class ProjectedSwish(nn.Module):
    """SiLU of a linear projection, x·W gating itself."""

    def __init__(self, dim: int):
        super().__init__()
        self.w = nn.Parameter(torch.randn(dim, dim) / dim**0.5)

    def forward(self, x):
        return (x @ self.w) * torch.sigmoid(x @ self.w)
`;

  it('reads `(x @ self.w) * torch.sigmoid(x @ self.w)` as SiLU of the projection', () => {
    expectFormula('python', PY, '(x @ self.w) * torch.sigmoid(x @ self.w)', SILU_TORCH);
  });

  it("reads GELU's cube written `(x)^3` in Julia", () => {
    const jl = `# GELU, tanh form, with the cube of a parenthesized x.
gelu_paren(x::Real) = 0.5 * x * (1 + tanh(sqrt(2 / π) * (x + 0.044715 * (x)^3)))
`;
    expectFormula('julia', jl, '0.5 * x * (1 + tanh(sqrt(2 / π) * (x + 0.044715 * (x)^3)))', {
      id: 'gelu',
      framework: 'other',
      params: { approximate: 'tanh' },
    });
  });
});

describe("formula grammar: Julia's type assertions and adjoint", () => {
  const SRC = `module Gates

using NNlib: sigmoid

# SiLU with the gate's type asserted (the assertion keeps the value).
silu_typed(x::Float32) = x * sigmoid(x)::Float32

# A gated projection (Wᵀx) .* σ.(x): Julia's * and .* bind alike, from the left, so no SiLU of x.
gated_proj(W, x) = W' * x .* sigmoid.(x)

end # module
`;

  it('reads SiLU up to a type assertion on its gate', () => {
    expectFormula('julia', SRC, 'x * sigmoid(x)', { id: 'silu', framework: 'flux' });
  });

  it("shows no SiLU in `W' * x .* sigmoid.(x)`, whose left factor is Wᵀx", () => {
    expectNoFormula('julia', SRC, "W' * x .* sigmoid.(x)");
  });
});

describe("formula grammar: Rust's `?` after the formula's last call", () => {
  const SRC = `use candle_core::{Result, Tensor};

/// Softplus, log(1 + e^x), bound to a name before it is returned.
pub fn softplus(xs: &Tensor) -> Result<Tensor> {
    let ys = (xs.exp()? + 1.0)?.log()?;
    Ok(ys)
}
`;

  it('spans the formula through its last `?`', () => {
    expectFormula('rust', SRC, '(xs.exp()? + 1.0)?.log()?', {
      id: 'softplus',
      framework: 'other',
      params: { beta: 1 },
    });
  });
});
