/**
 * Three hovers that named the wrong thing, read by each language's own rules:
 *
 * - `//` between two literals. In Python it is floor division (the Python Language Reference, "Binary
 *   arithmetic operations": the floor of the mathematical quotient, `x == (x // y) * y + x % y` with the
 *   remainder taking the divisor's sign), and a unary minus binds tighter than it ("Unary arithmetic
 *   operations" rank above `*`, `/`, `//`), so `1 // 100` is 0, `-7 // 2` is (-7) // 2 = -4, `7 // -2` is
 *   -4, `1.0 // 3` is 0.0 and `1 // 0.1` is 9.0 (0.1 is a little more than 1/10, so the remainder is almost
 *   0.1 and nine whole steps fit). In Julia `//` builds a Rational: `1//100` is 1/100 and `7//2` is 7/2
 *   (Julia manual, "Rational Numbers").
 * - Julia `using ..Acts: swish as σ`. The leading dots name a module relative to the enclosing one (Julia
 *   manual, "Modules": relative `using`/`import`), and `name as other` binds `other` to that module's
 *   `name`; so `σ` is the user's `Acts.swish`, not Flux's exported σ (the logistic), while
 *   `using NNlib: swish as sw` makes `sw` NNlib's swish, x·σ(x) (NNlib docs).
 * - Rust `mod ops;`. It declares the crate's own module `ops` in this scope (the Rust Reference,
 *   "Modules"), so `ops::sigmoid(xs)` calls the user's function, not candle's `candle_nn::ops::sigmoid`
 *   (a `use candle_nn::ops;` beside it would be error E0255, a name defined twice). With the `use`
 *   instead, it is candle's sigmoid (candle_nn docs).
 *
 * The PyTorch parameters are the constructors' documented ones (`Hardtanh(min_val, max_val)`,
 * `leaky_relu(input, negative_slope)`, `softplus(input, beta, threshold)`, `ELU(alpha)`), Flux's are NNlib's
 * (`leakyrelu(x, a)`, `elu(x, α)`).
 */
import assert from 'node:assert/strict';
import './freshModels';
import { recognizeAt } from '../../src/core';
import { expectFormula } from './formulaHelpers';
import { expectCall, expectNothing, nthOffset } from './recognizeHelpers';

const PY = 'python';
const JL = 'julia';
const RS = 'rust';

describe('Python `//` between literals is floor division', () => {
  const SRC = `"""Activations of the int8 export: every bound is a whole number of quantization steps."""
import torch
import torch.nn as nn
import torch.nn.functional as F

LEVELS = 7


class ClippedBlock(nn.Module):
    """A linear layer clipped to the range the int8 kernels accept."""

    def __init__(self, width):
        super().__init__()
        self.proj = nn.Linear(width, width)
        # Floor division rounds toward minus infinity: the lower bound is -4, the upper 3.
        self.act = nn.Hardtanh(-7 // 2, 7 // 2)
        # The same with the sign on the divisor, and two bounds that divide exactly.
        self.wide = nn.Hardtanh(9 // -2, 9 // 2)
        self.exact = nn.Hardtanh(6 // -3, 4 // 2)
        self.smooth = nn.ELU(alpha=5 // 2)
        self.unit = nn.Hardtanh(-2.0, 2.0)

    def forward(self, x):
        return self.act(self.proj(x))


def gate(x):
    # Ported from a script where this was a true division: here the slope is 0.
    return F.leaky_relu(x, negative_slope=1 // 100)


def soft_gate(x):
    # A float divided with floor division is still floored: 0.0.
    h = F.leaky_relu(x, 1.0 // 3)
    return F.softplus(h, beta=1 // 0.1)


def reference(x):
    return F.leaky_relu(x, negative_slope=1 / 100)


def scaled(x, slope, steps):
    # Expressions, not literals: the slopes come from the caller.
    y = F.leaky_relu(x, negative_slope=slope // 2)
    return F.leaky_relu(y, negative_slope=1 // steps)
`;

  it('floors a quotient of whole numbers, with the sign bound first', () => {
    expectCall(PY, SRC, 'Hardtanh', {
      id: 'hardtanh',
      framework: 'pytorch',
      params: { min_val: -4, max_val: 3 },
    });
    expectCall(
      PY,
      SRC,
      'Hardtanh',
      { id: 'hardtanh', framework: 'pytorch', params: { min_val: -5, max_val: 4 } },
      1,
    );
    expectCall(
      PY,
      SRC,
      'Hardtanh',
      { id: 'hardtanh', framework: 'pytorch', params: { min_val: -2, max_val: 2 } },
      2,
    );
    expectCall(PY, SRC, 'ELU', { id: 'elu', framework: 'pytorch', params: { alpha: 2 } });
    expectCall(
      PY,
      SRC,
      'Hardtanh',
      { id: 'hardtanh', framework: 'pytorch', params: { min_val: -2, max_val: 2 } },
      3,
    );
  });

  it('has no value for a floor division of an expression', () => {
    for (const nth of [3, 4]) {
      expectCall(
        PY,
        SRC,
        'leaky_relu',
        {
          id: 'leaky_relu',
          framework: 'pytorch',
          params: { negative_slope: 0.01 },
          nonLiteral: ['negative_slope'],
        },
        nth,
      );
    }
  });

  it('gives 0 for a small quotient, where true division gives the fraction', () => {
    expectCall(PY, SRC, 'leaky_relu', {
      id: 'leaky_relu',
      framework: 'pytorch',
      params: { negative_slope: 0 },
    });
    expectCall(
      PY,
      SRC,
      'leaky_relu',
      { id: 'leaky_relu', framework: 'pytorch', params: { negative_slope: 0 } },
      1,
    );
    expectCall(
      PY,
      SRC,
      'leaky_relu',
      { id: 'leaky_relu', framework: 'pytorch', params: { negative_slope: 0.01 } },
      2,
    );
  });

  it('floors the exact quotient of floats: 1 // 0.1 is 9.0', () => {
    expectCall(PY, SRC, 'softplus', {
      id: 'softplus',
      framework: 'pytorch',
      params: { beta: 9 },
    });
  });

  it('floors a parameter default that a hand-written formula reads', () => {
    const src = `"""Smooth rectifiers written out for the distillation student."""
import torch


def soft_rectifier(t, beta=5 // 2):
    # beta is 2: the teacher's temperature in whole steps.
    return torch.log(1 + torch.exp(beta * t)) / beta


def sharp_rectifier(t, beta=7 / 2):
    return torch.log(1 + torch.exp(beta * t)) / beta
`;
    expectFormula(PY, src, 'torch.log(1 + torch.exp(beta * t)) / beta', {
      id: 'softplus',
      framework: 'pytorch',
      params: { beta: 2 },
    });
    expectFormula(
      PY,
      src,
      'torch.log(1 + torch.exp(beta * t)) / beta',
      { id: 'softplus', framework: 'pytorch', params: { beta: 3.5 } },
      1,
    );
  });
});

describe('Julia `//` between literals is a Rational', () => {
  it('reads 1//100 as 1/100 and 7//2 as 7/2', () => {
    const src = `module Gates

using Flux

# Exact slopes, kept as rationals until the layer converts them.
gate(x) = leakyrelu.(x, 1//100)
smooth(x) = elu.(x, 7//2)
reference(x) = leakyrelu.(x, 1/100)

end # module
`;
    expectCall(JL, src, 'leakyrelu', {
      id: 'leaky_relu',
      framework: 'flux',
      params: { negative_slope: 0.01 },
    });
    expectCall(JL, src, 'elu', { id: 'elu', framework: 'flux', params: { alpha: 3.5 } });
  });
});

describe('Julia renaming import from a relative module', () => {
  const SRC = `module Blocks

using Flux
using ..Acts: swish as σ
using NNlib: swish as sw
import ...Shared.Acts: hardswish as hσ

"""Gated block: the gate is the package's own swish, renamed on import."""
struct Gated
    proj::Dense
end

Flux.@layer Gated

(g::Gated)(x) = σ.(g.proj(x)) .* sw.(x)

hard(x) = hσ.(x)

end # module
`;

  it('binds σ to the sibling module’s swish: no Flux sigmoid', () => {
    expectNothing(JL, SRC, 'σ', 1);
    expectNothing(JL, SRC, 'hσ', 1);
  });

  it('still reads a rename from a package as that package’s function', () => {
    expectCall(JL, SRC, 'sw', { id: 'silu', framework: 'flux', params: { beta: 1 } }, 1);
  });

  it('reads a relative path to a package the parent imported as that package', () => {
    const src = `module Layers

using ..NNlib: sigmoid_fast as gatefn

mlp_gate(x) = gatefn.(x)

end
`;
    expectCall(JL, src, 'gatefn', { id: 'sigmoid', framework: 'flux' }, 1);
  });
});

describe('Rust `mod ops;` declares the crate’s own module', () => {
  it('shows no candle function for the crate’s own ops::sigmoid', () => {
    const src = `//! Gated linear unit of the small model.
use candle_core::{Result, Tensor};
use candle_nn::{linear, Linear, Module, VarBuilder};

mod ops;
pub(crate) mod activation;

pub struct Glu {
    proj: Linear,
}

impl Glu {
    pub fn new(dim: usize, vb: VarBuilder) -> Result<Self> {
        Ok(Self { proj: linear(dim, 2 * dim, vb)? })
    }
}

impl Module for Glu {
    fn forward(&self, xs: &Tensor) -> Result<Tensor> {
        let h = self.proj.forward(xs)?.chunk(2, 1)?;
        // Our own fused kernels: ops.rs and activation.rs next to this file.
        let gate = ops::sigmoid(&h[1])?;
        let value = activation::gelu(&h[0])?;
        // candle's own, by its full path.
        let weights = candle_nn::ops::softmax_last_dim(&gate)?;
        value * weights
    }
}
`;
    expectNothing(RS, src, 'sigmoid');
    expectNothing(RS, src, 'gelu');
    expectCall(RS, src, 'softmax_last_dim', {
      id: 'softmax',
      framework: 'candle',
      params: { dim: -1 },
    });
  });

  it('reads ops::sigmoid as candle’s when ops is candle’s module', () => {
    const src = `use candle_core::{Result, Tensor};
use candle_nn::ops;

pub fn gate(xs: &Tensor) -> Result<Tensor> {
    ops::sigmoid(xs)
}
`;
    expectCall(RS, src, 'sigmoid', { id: 'sigmoid', framework: 'candle' });
  });

  it('tells candle’s ops, renamed on import, from the crate’s own ops', () => {
    const src = `//! Gates: candle's kernels next to our own.
use candle_core::{Result, Tensor};
use candle_nn::ops as nn_ops;

mod ops;

pub fn gates(xs: &Tensor) -> Result<(Tensor, Tensor)> {
    let library = nn_ops::sigmoid(xs)?;
    let own = ops::sigmoid(xs)?;
    Ok((library, own))
}
`;
    expectCall(RS, src, 'sigmoid', { id: 'sigmoid', framework: 'candle' });
    expectNothing(RS, src, 'sigmoid', 1);
  });

  it('reads a type alias of candle’s Activation as candle’s', () => {
    const src = `//! Re-exports for the model crates.
pub type Activation = candle_nn::Activation;

pub fn default_act() -> Activation {
    Activation::Gelu
}
`;
    expectCall(RS, src, 'Gelu', { id: 'gelu', framework: 'candle' }, 0);
  });
});

describe('a declaration still being typed at the end of a file', () => {
  it('Rust: a bare `pub` or `mod` costs no hover above it', () => {
    for (const tail of ['pub', 'pub mod', 'mod']) {
      const src = `use candle_nn::ops;

fn gate(xs: &candle_core::Tensor) -> candle_core::Result<candle_core::Tensor> {
    ops::sigmoid(xs)
}

${tail}`;
      const got = recognizeAt(src, nthOffset(src, 'sigmoid') + 2, RS);
      assert.equal(got?.id, 'sigmoid', tail);
    }
  });

  it('Julia: a relative `using ..` costs no hover above it', () => {
    const src = `using Flux

gate(x) = relu.(x)

using ..`;
    const got = recognizeAt(src, nthOffset(src, 'relu') + 2, JL);
    assert.equal(got?.id, 'relu');
  });
});
