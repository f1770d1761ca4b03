/**
 * Python's explicit line joining: a line ending in `\` and the next form one logical line (the language
 * reference, "Explicit line joining"), so a formula, an import or an assignment may run over several physical
 * lines, and the line after the joined one starts a statement. A `\` anywhere else (in a string, in a
 * comment, before more text on its line) joins nothing. Julia has no such joining: there `\` is left
 * division, and a line ending in a binary operator continues. In C-like languages a statement ends at `;`
 * (or, in JavaScript, where the grammar cannot go on), so a line that begins with a binary operator continues
 * the expression above it, as rustfmt formats long expressions.
 */
import assert from 'node:assert/strict';
import { recognizeAt } from '../../src/core';
import { expectFormula } from './formulaHelpers';
import { expectCall, expectNothing, nthOffset } from './recognizeHelpers';

const PY = 'python';

const LEGACY_LAYERS = `"""Layers from the 2016 code base, kept for the old checkpoints.

Written before the formatter: long lines are broken with a backslash, as PEP 8 then allowed.
"""
import numpy as np
import torch
import torch.nn.functional as F
from torch.nn.functional import relu, \\
    gelu

WINDOWS_HINT = "C:\\\\data\\\\"  # a backslash inside a string joins nothing


def sigmoid(x):
    """The logistic function, split over two lines."""
    return 1.0 / \\
        (1.0 + np.exp(-x))


def leaky(x, slope=0.1):
    return np.where(x > 0, x, \\
                    slope * x)


class Block(torch.nn.Module):
    def forward(self, a, b):
        h = a + \\
            b
        F.relu_(h)
        # checkpoints live in C:\\
        F.silu(h)
        return gelu(h) + relu(h)
`;

describe('Python: a line ending in a backslash is joined to the next', () => {
  it('a formula split by a backslash is read whole', () => {
    expectFormula(PY, LEGACY_LAYERS, '1.0 / \\\n        (1.0 + np.exp(-x))', {
      id: 'sigmoid',
      framework: 'numpy',
    });
    expectFormula(PY, LEGACY_LAYERS, 'np.where(x > 0, x, \\\n                    slope * x)', {
      id: 'leaky_relu',
      framework: 'numpy',
      params: { negative_slope: 0.1 },
    });
  });

  it('names imported on a joined line are declarations, and their uses are hovered', () => {
    expectNothing(PY, LEGACY_LAYERS, 'gelu', 0);
    expectCall(PY, LEGACY_LAYERS, 'gelu', { id: 'gelu', framework: 'pytorch' }, 1);
    expectCall(PY, LEGACY_LAYERS, 'relu', { id: 'relu', framework: 'pytorch' }, 1);
  });

  it('the line after a joined assignment starts a statement; a comment ending in a backslash joins nothing', () => {
    expectCall(PY, LEGACY_LAYERS, 'relu_', { id: 'relu', framework: 'pytorch' });
    expectCall(PY, LEGACY_LAYERS, 'silu', { id: 'silu', framework: 'pytorch' });
  });

  it('a backslash before more text on its line joins nothing', () => {
    // `\ ` with a space after it is not a line join (a syntax error in Python): the next line is its own.
    const text =
      'import numpy as np\n\ndef sigmoid(x):\n    y = 1.0 / \\ \n    return 1.0 / (1.0 + np.exp(-x))\n';
    expectFormula(PY, text, '1.0 / (1.0 + np.exp(-x))', { id: 'sigmoid', framework: 'numpy' });
  });
});

describe('Julia: a line ending in `\\` (left division) continues, as after any binary operator', () => {
  const solver = `using LinearAlgebra
using NNlib: relu

function step(A, b)
    x = A \\
        b
    relu.(x)
end
`;

  it('the call after the continued line is hovered', () => {
    expectCall('julia', solver, 'relu', { id: 'relu', framework: 'flux' }, 1);
  });

  it('the continued line belongs to the assignment: hovering its operand finds no call', () => {
    assert.equal(recognizeAt(solver, nthOffset(solver, '        b') + 8, 'julia'), undefined);
  });
});

describe('C-like languages: a line that begins with a binary operator continues the expression', () => {
  const CANDLE = `use candle_core::{Result, Tensor};

/// The logistic function on a scalar, as rustfmt breaks a long expression: before the operator.
pub fn logistic(x: f64) -> f64 {
    1.0
        / (1.0 + (-x).exp())
}
`;

  const LIBTORCH = `#include <torch/torch.h>

torch::Tensor gate(const torch::Tensor& x) {
  auto w = 1
      / (1 + torch::exp(-x));
  return w;
}
`;

  it('Rust and C++: the formula is read across the break, from the operator line too', () => {
    expectFormula('rust', CANDLE, '1.0\n        / (1.0 + (-x).exp())', {
      id: 'sigmoid',
      framework: 'other',
    });
    expectFormula('cpp', LIBTORCH, '1\n      / (1 + torch::exp(-x))', {
      id: 'sigmoid',
      framework: 'libtorch',
    });
  });
});
