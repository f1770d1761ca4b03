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

/** Swish broken after its operator, as formatters break a long product. */
export function swishBroken(x) {
  return x *
    tf.sigmoid(x);
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

  it('reads a product broken after its operator as one formula', () => {
    expectFormula('javascript', JS, 'x *\n    tf.sigmoid(x)', {
      id: 'silu',
      framework: 'tfjs',
      params: { beta: 1 },
    });
  });
});

describe('formula grammar: parentheses, tuples and arrow bodies', () => {
  const PY = `import torch
from torch import nn


class SwishTuple(nn.Module):
    """Returns a one-element tuple, as modules that feed a tuple-unpacking caller do."""

    def forward(self, x):
        return (x * torch.sigmoid(x),)


class SwishWrapped(nn.Module):
    def forward(self, x):
        return (x * torch.sigmoid(x))
`;

  it("shows a formula in a one-element tuple without the tuple's parentheses", () => {
    expectFormula('python', PY, 'x * torch.sigmoid(x)', {
      id: 'silu',
      framework: 'pytorch',
      params: { beta: 1 },
    });
  });

  it('shows a parenthesized formula with its parentheses', () => {
    expectFormula('python', PY, '(x * torch.sigmoid(x))', {
      id: 'silu',
      framework: 'pytorch',
      params: { beta: 1 },
    });
  });

  const JS = `import * as tf from '@tensorflow/tfjs';

/** Swish, its intermediate tensors freed by tf.tidy. */
export function swish(x) {
  return tf.tidy(() => x.mul(tf.sigmoid(x)));
}

/** Softplus through a temporary: log(1 + e^x). */
export function softplus(x) {
  const e = tf.exp(x);
  return tf.log(e.add(1));
}
`;

  it("reads tf.tidy's arrow body as the formula it runs", () => {
    expectFormula('javascript', JS, 'tf.tidy(() => x.mul(tf.sigmoid(x)))', {
      id: 'silu',
      framework: 'tfjs',
      params: { beta: 1 },
    });
  });

  it("reads a temporary's value up to its semicolon", () => {
    const got = hover('javascript', JS, 'exp');
    assert.ok(got);
    assert.equal(got.id, 'softplus');
    assert.equal(JS.slice(got.start, got.end), 'tf.exp(x)');
    expectFormula('javascript', JS, 'tf.log(e.add(1))', {
      id: 'softplus',
      framework: 'tfjs',
      params: { beta: 1 },
    });
  });
});

describe("formula grammar: C++'s `::` paths", () => {
  const CPP = `#include <torch/torch.h>

// Swish written out with LibTorch's functions.
torch::Tensor swish(const torch::Tensor& x) {
  return x * torch::sigmoid(x);
}
`;

  it('reads `torch::sigmoid` as the sigmoid in a formula', () => {
    expectFormula('cpp', CPP, 'x * torch::sigmoid(x)', {
      id: 'silu',
      framework: 'libtorch',
      params: { beta: 1 },
    });
  });
});

describe('formula grammar: conditions with `or` and comparisons', () => {
  const PY = `import torch
import torch.nn.functional as F


def swish(x, inplace=False):
    # A leaf tensor cannot be changed in place; either branch computes x * sigmoid(x).
    return x.mul_(torch.sigmoid(x)) if inplace or x.is_leaf else x.mul(torch.sigmoid(x))


def gelu(x, approximate="none"):
    # Exact GELU from the library, or its tanh approximation written out: two different functions.
    return F.gelu(x) if approximate == "none" else 0.5 * x * (1 + torch.tanh(0.7978845608 * (x + 0.044715 * x ** 3)))
`;

  it('shows swish over both branches when the condition has `or`', () => {
    expectFormula(
      'python',
      PY,
      'x.mul_(torch.sigmoid(x)) if inplace or x.is_leaf else x.mul(torch.sigmoid(x))',
      { id: 'silu', framework: 'pytorch', params: { beta: 1 } },
    );
  });

  it('shows the tanh GELU alone when the other branch is the exact one', () => {
    expectFormula(
      'python',
      PY,
      '0.5 * x * (1 + torch.tanh(0.7978845608 * (x + 0.044715 * x ** 3)))',
      { id: 'gelu', framework: 'pytorch', params: TANH },
    );
  });
});

describe("formula grammar: Rust's `::` paths", () => {
  const RS = `use burn::tensor::{activation, backend::Backend, Tensor};

/// Squared ReLU (Primer): relu(x)².
pub fn relu_squared<B: Backend, const D: usize>(x: Tensor<B, D>) -> Tensor<B, D> {
    let r = activation::relu(x);
    r.clone() * r
}

/// Swish with the sigmoid named by its full path.
pub fn swish<B: Backend, const D: usize>(x: Tensor<B, D>) -> Tensor<B, D> {
    x.clone() * burn::tensor::activation::sigmoid(x)
}
`;

  it('reads a full `burn::tensor::activation::sigmoid` path in a formula', () => {
    expectFormula('rust', RS, 'x.clone() * burn::tensor::activation::sigmoid(x)', {
      id: 'silu',
      framework: 'burn',
      params: { beta: 1 },
    });
  });

  it('reads a temporary bound through a `::` path', () => {
    expectFormula('rust', RS, 'r.clone() * r', { id: 'relu_squared', framework: 'burn' });
  });
});

describe('formula grammar: a long table of activations in one statement', () => {
  const PY = `"""Activation functions for a from-scratch NumPy network."""
import numpy as np

ACTIVATIONS = {
    "relu": lambda x: np.maximum(x, 0),
    "leaky_relu": lambda x: np.where(x > 0, x, 0.01 * x),
    "elu": lambda x: np.where(x > 0, x, np.exp(x) - 1),
    "softplus": lambda x: np.log1p(np.exp(x)),
    "swish": lambda x: x / (1 + np.exp(-x)),
    "tanh": lambda x: np.tanh(x),
    "gelu": lambda x: 0.5 * x * (1 + np.tanh(np.sqrt(2 / np.pi) * (x + 0.044715 * x**3))),
}
`;

  it('reads every entry as its own formula, the last ones as well as the first', () => {
    expectFormula('python', PY, 'np.maximum(x, 0)', { id: 'relu', framework: 'numpy' });
    expectFormula('python', PY, 'np.where(x > 0, x, 0.01 * x)', {
      id: 'leaky_relu',
      framework: 'numpy',
      params: { negative_slope: 0.01 },
    });
    expectFormula('python', PY, 'np.where(x > 0, x, np.exp(x) - 1)', {
      id: 'elu',
      framework: 'numpy',
      params: { alpha: 1 },
    });
    expectFormula('python', PY, 'np.log1p(np.exp(x))', {
      id: 'softplus',
      framework: 'numpy',
      params: { beta: 1 },
    });
    expectFormula('python', PY, 'x / (1 + np.exp(-x))', {
      id: 'silu',
      framework: 'numpy',
      params: { beta: 1 },
    });
    expectFormula(
      'python',
      PY,
      '0.5 * x * (1 + np.tanh(np.sqrt(2 / np.pi) * (x + 0.044715 * x**3)))',
      { id: 'gelu', framework: 'numpy', params: TANH },
    );
  });
});

describe('formula grammar: operators', () => {
  const PY = `import math

import numpy as np
import torch


def gelu(x):
    """Exact GELU, halved first: (x / 2) * (1 + erf(x / sqrt(2)))."""
    return x / 2 * (1 + torch.erf(x / math.sqrt(2)))


def hard_sigmoid(x):
    # The upper bound written with its sign, as the lower one is.
    return np.clip(x / 6 + 0.5, 0, +1)
`;

  it('reads `/` and `*` from left to right: x / 2 * (1 + erf(…)) is GELU', () => {
    expectFormula('python', PY, 'x / 2 * (1 + torch.erf(x / math.sqrt(2)))', {
      id: 'gelu',
      framework: 'pytorch',
      params: { approximate: 'none' },
    });
  });

  it('reads a bound written `+1` as 1', () => {
    expectFormula('python', PY, 'np.clip(x / 6 + 0.5, 0, +1)', {
      id: 'hardsigmoid',
      framework: 'numpy',
      params: { slope: 1 / 6 },
    });
  });
});

describe('formula grammar: a line still being typed at the end of the file', () => {
  it('shows the formula before a trailing operator', () => {
    const SRC = `import math

import torch


def gelu(x):
    return 0.5 * x * (1 + torch.erf(x / math.sqrt(2))) *`;
    expectFormula('python', SRC, '0.5 * x * (1 + torch.erf(x / math.sqrt(2)))', {
      id: 'gelu',
      framework: 'pytorch',
      params: { approximate: 'none' },
    });
  });

  it('shows the formula before a trailing operator and sign', () => {
    const SRC = `import torch


def swish(x):
    return x * torch.sigmoid(x) * -`;
    expectFormula('python', SRC, 'x * torch.sigmoid(x)', {
      id: 'silu',
      framework: 'pytorch',
      params: { beta: 1 },
    });
  });
});

describe('formula grammar: a dotted name still being typed at the end of the file', () => {
  it('shows the formula before `torch.` in Python', () => {
    const SRC = `import torch


def swish(x):
    return x * torch.sigmoid(x) + torch.`;
    expectFormula('python', SRC, 'x * torch.sigmoid(x)', {
      id: 'silu',
      framework: 'pytorch',
      params: { beta: 1 },
    });
  });

  it('shows the formula before `NNlib.` in Julia', () => {
    const SRC = `using NNlib: sigmoid

swish(x) = x .* sigmoid.(x) .+ NNlib.`;
    expectFormula('julia', SRC, 'x .* sigmoid.(x)', {
      id: 'silu',
      framework: 'flux',
      params: { beta: 1 },
    });
  });
});

describe('formula grammar: literals and lists as arguments', () => {
  const PY = `"""Activations of a NumPy-only model."""
import numpy as np


def relu(x):
    # The mask cast to the input's float type by name.
    return x * (x > 0).astype("float32")


def softmax(x):
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=[-1], keepdims=True)
`;

  it('reads a call with a string argument (a dtype name) inside a formula', () => {
    const formula = 'x * (x > 0).astype("float32")';
    for (const word of ['x', 'astype']) {
      const got = hover('python', PY, word, word === 'x' ? 2 : 0);
      assert.ok(got, word);
      assert.equal(got.id, 'relu');
      assert.equal(got.framework, 'numpy');
      assert.equal(PY.slice(got.start, got.end), formula);
    }
  });

  it('reads a call whose keyword argument is a list', () => {
    expectFormula('python', PY, 'e / e.sum(axis=[-1], keepdims=True)', {
      id: 'softmax',
      framework: 'numpy',
    });
  });
});
