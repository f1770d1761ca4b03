/**
 * Formulas whose statement runs over several lines: where the statement around a hovered token starts and
 * ends. Python continues a line implicitly inside `(`, `[` and `{` (the language reference, "Implicit line
 * joining"), so a formula broken inside brackets is one expression wherever it is hovered; C, C++, Rust and
 * JavaScript statements end at `;` or a block, not at a line break, so a line that begins with a binary
 * operator (clang-format's and rustfmt's break before an operator) continues the expression above it. A
 * temporary's value is substituted only when read whole: JavaScript's `c ? a : b` is not its condition `c`.
 *
 * Expected values come from mathematics: x·σ(x) is SiLU (PyTorch's `nn.SiLU` documentation), 1 / (1 + e^−x)
 * is the logistic sigmoid, x / (1 + e^−x) = x·σ(x) is SiLU again; x times a slope of 1 or 0.01 is leaky
 * ReLU, not ReLU (whose negative side is 0).
 */
import './freshModels';
import assert from 'node:assert/strict';
import { recognizeAt } from '../../src/core';
import { expectFormula } from './formulaHelpers';
import { nthOffset } from './recognizeHelpers';

const PY = 'python';

describe('a Python formula broken inside brackets is one expression from either line', () => {
  it('inside parentheses: the line that begins with `*` continues the product', () => {
    const src = `"""Gated feed-forward block with a hand-written SiLU gate."""
import torch
import torch.nn as nn


class GatedMLP(nn.Module):
    def __init__(self, dim, hidden):
        super().__init__()
        self.proj = nn.Linear(dim, hidden)
        self.out = nn.Linear(hidden, dim)

    def forward(self, x):
        h = self.proj(x)
        gated = (h
                 * torch.sigmoid(h))
        return self.out(gated)
`;
    expectFormula(PY, src, '(h\n                 * torch.sigmoid(h))', {
      id: 'silu',
      framework: 'pytorch',
    });
  });

  it('inside a list display: an element broken over two lines', () => {
    const src = `"""Mixture of activations: each branch sees the same projection."""
import torch


def branches(h):
    outs = [
        h
        * torch.sigmoid(h),
        torch.tanh(h),
    ]
    return torch.stack(outs).mean(0)
`;
    expectFormula(PY, src, 'h\n        * torch.sigmoid(h)', { id: 'silu', framework: 'pytorch' });
  });

  it('inside a dict display: a value broken over two lines', () => {
    const src = `"""Named gates for an ablation run."""
import torch


def gates(h):
    table = {
        "swish": h
        * torch.sigmoid(h),
        "linear": h,
    }
    return table
`;
    expectFormula(PY, src, 'h\n        * torch.sigmoid(h)', { id: 'silu', framework: 'pytorch' });
  });
});

describe('a C-like line that begins with a binary operator continues the expression above', () => {
  it('JavaScript: swish with the division on its own line', () => {
    const src = `// Swish for the scalar fallback path (no tensors here).
'use strict';

function swish(x) {
  return x
    / (1 + Math.exp(-x));
}

module.exports = { swish };
`;
    expectFormula('javascript', src, 'x\n    / (1 + Math.exp(-x))', {
      id: 'silu',
      framework: 'other',
    });
  });

  it('C++ (clang-format BreakBeforeBinaryOperators): SiLU after a closing parenthesis', () => {
    const src = `// LibTorch block with a hand-written SiLU.
#include <torch/torch.h>

torch::Tensor gated(const torch::Tensor& input, const torch::nn::Linear& proj) {
  torch::Tensor h = proj->forward(input);
  return torch::sigmoid(h)
         * h;
}
`;
    expectFormula('cpp', src, 'torch::sigmoid(h)\n         * h', {
      id: 'silu',
      framework: 'libtorch',
    });
  });

  it('Rust (rustfmt): the logistic function with the division first on its line', () => {
    const src = `//! Scalar activations for the CPU reference path.

/// The logistic function.
pub fn sigmoid(x: f32) -> f32 {
    1.0
        / (1.0 + (-x).exp())
}

/// Gated linear unit on one value pair.
pub fn glu(a: f32, b: f32) -> f32 {
    a * sigmoid(b)
}
`;
    expectFormula('rust', src, '1.0\n        / (1.0 + (-x).exp())', {
      id: 'sigmoid',
      framework: 'other',
    });
  });
});

describe('a bracket at the start of the statement is counted for both lines', () => {
  it('`return (` with the product continued on the next line', () => {
    const src = `"""SiLU written out for a TorchScript-free export path."""
import torch


def silu(h: torch.Tensor) -> torch.Tensor:
    return (h
            * torch.sigmoid(h))
`;
    expectFormula(PY, src, '(h\n            * torch.sigmoid(h))', {
      id: 'silu',
      framework: 'pytorch',
    });
  });

  it('`return [` with an element broken before its operator', () => {
    const src = `"""Two gate variants stacked for a side-by-side plot."""
import torch


def gate_pair(h):
    return [
        h
        * torch.sigmoid(h),
        torch.tanh(h),
    ]
`;
    expectFormula(PY, src, 'h\n        * torch.sigmoid(h)', { id: 'silu', framework: 'pytorch' });
  });

  it('`return {` with a set comprehension broken before its operator', () => {
    const src = `"""Distinct SiLU values on a grid, for a lookup table."""
import math


def distinct_values(xs):
    return {
        x
        / (1 + math.exp(-x))
        for x in xs
    }
`;
    expectFormula(PY, src, 'x\n        / (1 + math.exp(-x))', { id: 'silu', framework: 'other' });
  });
});

describe('a temporary whose value is read only in part is not substituted', () => {
  // `x > 0 ? 1 : 0.01` is the slope of a leaky ReLU (JavaScript's conditional operator): the product is
  // leaky ReLU with slope 0.01, never ReLU, whose negative side is 0. The recognizer does not read `?:`,
  // so it must not read the value as its first part `x > 0`.
  const src = `// Scalar leaky ReLU for the reference implementation.
'use strict';

function leakyRelu(x) {
  const slope = x > 0 ? 1 : 0.01;
  return x * slope;
}

module.exports = { leakyRelu };
`;

  it('the product with a conditional slope is not read as ReLU', () => {
    const start = nthOffset(src, 'x * slope');
    for (let offset = start; offset <= start + 'x * slope'.length; offset++) {
      const got = recognizeAt(src, offset, 'javascript');
      assert.notEqual(got?.id, 'relu', `ReLU read at ${offset - start} of "x * slope"`);
    }
  });
});
