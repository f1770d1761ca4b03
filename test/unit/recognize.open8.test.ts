/**
 * What a name in a formula stands for where `formulas/temporaries.ts` and `formulas/parameters.ts` read it
 * at their edges: an arrow callback's input named as a parameter of the function around it, one-line
 * Python definitions, a name assigned twice, a function whose closing brace is not typed yet, a plain
 * block, a Python 3.12 generic function, a Rust tuple-pattern parameter, a decorated TypeScript parameter,
 * and module statements after a function.
 *
 * Expected values come from the languages' rules and the mathematics: a JavaScript arrow function's
 * parameter is a binding of the arrow's own scope that shadows the enclosing function's parameter of the
 * same name (ECMAScript, "FunctionDeclarationInstantiation"); a Python function's body may follow its `:`
 * on the line where the parameter list closed, as simple statements separated by `;` (the Python
 * reference, "Compound statements", "Function definitions", including 3.12's type parameters before the
 * list); straight-line assignments leave the latest value, and one a loop makes after the use changes it on
 * the next turn, as a `for (…; …; s *= 2)` header's update changes its counter; a C++ block sees the enclosing function's parameters (block scope nests); a Rust tuple
 * pattern is one parameter, so a call's third argument goes to the third parameter; a TypeScript parameter
 * decorator precedes the parameter's name; Python tuple assignment pairs the targets with the values in
 * order. The formulas: max(x, s·x) and where(x > 0, x, s·x) are leaky ReLU with negative slope s;
 * x / (1 + e^(−βx)) is swish (SiLU with β); exp(z − max z) / Σ exp(z − max z) is softmax;
 * 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))) is GELU's tanh form.
 */
import assert from 'node:assert/strict';
import { recognizeAt } from '../../src/core';
import { expectFormula } from './formulaHelpers';
import { expectCall, nthOffset } from './recognizeHelpers';

const PY = 'python';
const TS = 'typescript';
const CPP = 'cpp';

describe("temporaries: an arrow callback's parameter named as the function's", () => {
  const SRC = `/**
 * Leaky ReLU curves for the activation explorer: one tensor per slope of the sweep.
 */
import * as tf from '@tensorflow/tfjs';

export const SWEEP = [0.01, 0.1, 0.3];

/** Leaky ReLU with the slope the layer is configured with. */
export function leaky(x: tf.Tensor, slope = 0.01): tf.Tensor {
  return tf.maximum(x, tf.mul(x, slope));
}

/** One curve per slope of the sweep; \`slope\` is only the default curve's, drawn bold. */
export function leakySweep(x: tf.Tensor, slope = 0.01): { curves: tf.Tensor[]; bold: number } {
  const curves = SWEEP.map((slope) => tf.maximum(x, tf.mul(x, slope)));
  return { curves, bold: SWEEP.indexOf(slope) };
}
`;
  const CALLBACK = 'tf.maximum(x, tf.mul(x, slope))';

  it("reads the function's default where its own parameter is the name", () => {
    expectFormula(TS, SRC, CALLBACK, {
      id: 'leaky_relu',
      framework: 'tfjs',
      params: { negative_slope: 0.01 },
    });
  });

  it("does not give a one-name callback's slope the function's default", () => {
    // Before: leaky ReLU with negative_slope 0.01, as with the parenthesized callback below.
    const src = SRC.replace('SWEEP.map((slope) =>', 'SWEEP.map(slope =>');
    const start = nthOffset(src, CALLBACK, 1);
    for (const offset of [start, start + CALLBACK.indexOf('slope') + 2, start + CALLBACK.length]) {
      assert.notEqual(
        recognizeAt(src, offset, TS)?.params.negative_slope,
        0.01,
        `at ${offset - start}`,
      );
    }
  });

  it("does not give the callback's slope the function's default", () => {
    // Before: every probe of the callback showed leaky ReLU with negative_slope 0.01.
    const start = nthOffset(SRC, CALLBACK, 1);
    for (const offset of [start, start + CALLBACK.indexOf('slope') + 2, start + CALLBACK.length]) {
      const got = recognizeAt(SRC, offset, TS);
      assert.notEqual(got?.params.negative_slope, 0.01, `at ${offset - start}`);
    }
  });
});

describe("temporaries: an arrow's default read past another arrow closed before the use", () => {
  const SRC = `import * as tf from '@tensorflow/tfjs';

export const SWEEP = [0.01, 0.1, 0.3];

/** One curve per slope of the sweep, then the layer's own curve at its default slope. */
export const leakyCurves = (x: tf.Tensor, slope = 0.2): tf.Tensor[] => [
  ...SWEEP.map((slope) => tf.maximum(x, tf.mul(x, slope))),
  tf.maximum(x, tf.mul(x, slope)),
];
`;
  const FORMULA = 'tf.maximum(x, tf.mul(x, slope))';

  it("reads the outer arrow's default after the callback", () => {
    // Before: no hover (the callback's arrow, closed before the use, was taken for the one around it).
    expectFormula(
      TS,
      SRC,
      FORMULA,
      { id: 'leaky_relu', framework: 'tfjs', params: { negative_slope: 0.2 } },
      1,
    );
  });

  it("does not give the callback's slope the outer default", () => {
    const start = nthOffset(SRC, FORMULA);
    for (const offset of [start, start + FORMULA.indexOf('slope') + 2, start + FORMULA.length]) {
      assert.notEqual(
        recognizeAt(SRC, offset, TS)?.params.negative_slope,
        0.2,
        `at ${offset - start}`,
      );
    }
  });
});

describe("temporaries: a for loop's counter is no temporary", () => {
  const SRC = `import * as tf from '@tensorflow/tfjs';

/** Leaky ReLU curves with the slope doubling from 0.01 while it stays under 0.5. */
export function leakyDoublings(x: tf.Tensor) {
  const curves: tf.Tensor[] = [];
  for (let slope = 0.01; slope < 0.5; slope *= 2) {
    curves.push(tf.maximum(x, tf.mul(slope, x)));
  }
  return curves;
}
`;

  it('does not give the counter its first value inside the loop', () => {
    // Before: leaky ReLU with negative_slope 0.01 (the slopes are 0.01, 0.02, 0.04, …, 0.32).
    const formula = 'tf.maximum(x, tf.mul(slope, x))';
    const start = nthOffset(SRC, formula);
    for (const offset of [start, start + formula.indexOf('slope') + 2, start + formula.length]) {
      assert.notEqual(
        recognizeAt(SRC, offset, TS)?.params.negative_slope,
        0.01,
        `at ${offset - start}`,
      );
    }
  });
});

describe("temporaries: a one-line definition whose parameter list closes at a line's start", () => {
  const SRC = `"""Elementwise activations for the NumPy reference implementation."""
import numpy as np


def relu(x): return np.maximum(x, 0)


def leaky_relu(
    x, negative_slope=0.01
): return np.where(x > 0, x, negative_slope * x)
`;

  it("reads the parameter's default in the body after the `:`", () => {
    expectFormula(PY, SRC, 'np.where(x > 0, x, negative_slope * x)', {
      id: 'leaky_relu',
      framework: 'numpy',
      params: { negative_slope: 0.01 },
    });
  });
});

describe('temporaries: statements after the `:` of a one-line definition', () => {
  const SRC = `"""Compact activations for the plotting notebook."""
import numpy as np


def leaky_relu(x, negative_slope=0.01): assert 0 <= negative_slope < 1; y = negative_slope * x; return np.maximum(x, y)


def leaky_relu_wide(
    x, negative_slope=0.01
): assert 0 <= negative_slope < 1; y = negative_slope * x; return np.maximum(x, y)
`;

  it('reads a temporary assigned on the line of the `def`', () => {
    // Before: no hover (the temporary's line was compared with the indentation of a body on its own line).
    expectFormula(PY, SRC, 'np.maximum(x, y)', {
      id: 'leaky_relu',
      framework: 'numpy',
      params: { negative_slope: 0.01 },
    });
  });

  it('reads it as well when the parameter list closes at the start of the line', () => {
    expectFormula(
      PY,
      SRC,
      'np.maximum(x, y)',
      { id: 'leaky_relu', framework: 'numpy', params: { negative_slope: 0.01 } },
      1,
    );
  });
});

describe('temporaries: a name assigned twice at the top of a function, read in a branch', () => {
  const SRC = `"""GELU for the NumPy reference, exact or with the tanh approximation."""
import numpy as np
from scipy.special import erf


def gelu(x, approximate=True):
    inner = x + 0.044715 * x ** 3
    inner = np.sqrt(2 / np.pi) * inner
    if approximate:
        return 0.5 * x * (1 + np.tanh(inner))
    return 0.5 * x * (1 + erf(x / np.sqrt(2)))
`;

  it('reads the latest assignment, which no later one overrides', () => {
    // Before: no hover (any second binding in the function made a use inside a branch unread).
    expectFormula(PY, SRC, '0.5 * x * (1 + np.tanh(inner))', {
      id: 'gelu',
      framework: 'numpy',
      params: { approximate: 'tanh' },
    });
  });
});

describe('temporaries: a function whose closing brace is not typed yet', () => {
  // The editor hovers while the function is being written: its block has no end yet.
  const SRC = `import * as tf from '@tensorflow/tfjs';

/** Leaky ReLU while training, identity at inference (work in progress). */
export function leakyWhileTraining(x: tf.Tensor, training: boolean, slope = 0.2): tf.Tensor {
  const y = tf.mul(x, slope);
  if (training) {
    return tf.maximum(x, y);
  }
`;

  it("reads the function's one temporary inside its if block", () => {
    // Before: no hover (a body without an end read temporaries only at its top level).
    expectFormula(TS, SRC, 'tf.maximum(x, y)', {
      id: 'leaky_relu',
      framework: 'tfjs',
      params: { negative_slope: 0.2 },
    });
  });

  it('does not read a temporary that a loop around the use assigns again', () => {
    // y halves on every step after the first: the slope at the use is 0.2 only on the first turn.
    const src = `import * as tf from '@tensorflow/tfjs';

/** Leaky ReLU with a slope that decays over the warm-up steps (work in progress). */
export function leakyWarmup(x: tf.Tensor, steps: number, slope = 0.2) {
  const outs: tf.Tensor[] = [];
  let y = tf.mul(x, slope);
  for (let step = 0; step < steps; step++) {
    outs.push(tf.maximum(x, y));
    y = tf.mul(y, 0.5);
  }
`;
    const start = nthOffset(src, 'tf.maximum(x, y)');
    for (const offset of [
      start,
      start + 'tf.maximum(x, '.length,
      start + 'tf.maximum(x, y)'.length,
    ]) {
      const got = recognizeAt(src, offset, TS);
      assert.notEqual(got?.params.negative_slope, 0.2, `at ${offset - start}`);
    }
  });
});

describe('temporaries: a function whose first statement is a parenthesized target list', () => {
  const SRC = `"""Attention probabilities for the NumPy reference of the transformer block."""
import numpy as np


def attention_probs(scores):
    (
        batch,
        heads,
    ) = scores.shape[:2]
    e = np.exp(scores - scores.max(axis=-1, keepdims=True))
    assert e.shape[:2] == (batch, heads)
    return e / e.sum(axis=-1, keepdims=True)
`;

  it('reads the temporary at the indentation of that first line', () => {
    expectFormula(PY, SRC, 'e / e.sum(axis=-1, keepdims=True)', {
      id: 'softmax',
      framework: 'numpy',
      params: { dim: -1 },
    });
  });
});

describe("temporaries: a plain block inside a C++ function reads the function's parameters", () => {
  const SRC = `#include <torch/torch.h>

#include "running_stats.h"

// Leaky ReLU probe for the activation dashboard: the output is measured without recording gradients.
torch::Tensor leaky_probe(const torch::Tensor& x, RunningStats& stats, double slope = 0.01) {
  torch::Tensor y;
  {
    torch::NoGradGuard no_grad;
    y = torch::where(x > 0, x, slope * x);
  }
  stats.update(y);
  return y;
}

// Inference only: an empty batch passes through, the rest is computed without recording gradients.
torch::Tensor leaky_eval(const torch::Tensor& x, double slope = 0.02) {
  if (x.numel() == 0) {
    return x;
  }
  {
    torch::NoGradGuard no_grad;
    return torch::where(x > 0, x, slope * x);
  }
}

// Evaluation mode computes the curve without gradients and detaches it; training goes through ATen.
torch::Tensor leaky_modes(const torch::Tensor& x, bool eval, double slope = 0.03) {
  torch::Tensor out;
  if (eval) {
    {
      torch::NoGradGuard no_grad;
      out = torch::where(x > 0, x, slope * x);
    }
    return out.detach();
  }
  return torch::leaky_relu(x, slope);
}
`;

  it('reads the default inside the block that scopes the guard', () => {
    // Before: the block, which follows no parameter list, was read as a body of its own: no slope.
    expectFormula(CPP, SRC, 'torch::where(x > 0, x, slope * x)', {
      id: 'leaky_relu',
      framework: 'libtorch',
      params: { negative_slope: 0.01 },
    });
  });

  it('reads it as well in a block after an if block', () => {
    expectFormula(
      CPP,
      SRC,
      'torch::where(x > 0, x, slope * x)',
      { id: 'leaky_relu', framework: 'libtorch', params: { negative_slope: 0.02 } },
      1,
    );
  });

  it('reads it as well in a block inside a branch', () => {
    expectFormula(
      CPP,
      SRC,
      'torch::where(x > 0, x, slope * x)',
      { id: 'leaky_relu', framework: 'libtorch', params: { negative_slope: 0.03 } },
      2,
    );
  });
});

describe('parameters: a Rust tuple pattern holds its place among the parameters', () => {
  const SRC = `//! Per-element activations of the feature-map viewer.

const MAP_ROWS: usize = 28;
const MAP_COLS: usize = 28;

/// Swish of one feature-map element with a trainable beta; \`(row, col)\` places it in the map.
pub fn swish_at(x: f32, (row, col): (usize, usize), beta: f32) -> f32 {
    debug_assert!(row < MAP_ROWS && col < MAP_COLS);
    x / (1.0 + (-beta * x).exp())
}

pub fn render(map: &[[f32; MAP_COLS]; MAP_ROWS], out: &mut [[f32; MAP_COLS]; MAP_ROWS]) {
    for (r, row) in map.iter().enumerate() {
        for (c, &v) in row.iter().enumerate() {
            out[r][c] = swish_at(v, (r, c), 1.5);
        }
    }
}
`;

  it("gives the call's third argument to beta, the third parameter", () => {
    expectCall(
      'rust',
      SRC,
      'swish_at',
      { id: 'silu', framework: 'other', params: { beta: 1.5 } },
      1,
    );
  });
});

describe('parameters: a parameter list ends at its closing parenthesis', () => {
  const SRC = `"""Leaky ReLU for the NumPy reference, with the module's slope and clipping range."""
import numpy as np


def leaky_relu(x):
    """Leaky ReLU with the module's SLOPE (set below, with the clipping range)."""
    return np.where(x > 0, x, SLOPE * x)


def clipped_leaky_relu(x):
    return np.clip(leaky_relu(x), CLIP_MIN, CLIP_MAX)


CLIP_MIN, CLIP_MAX, SLOPE = -6.0, 6.0, 0.3
`;

  it("reads no parameter from the module's statements after the function", () => {
    // SLOPE is the module's 0.3 (the third target takes the third value); no parameter of leaky_relu.
    const formula = 'np.where(x > 0, x, SLOPE * x)';
    const start = nthOffset(SRC, formula);
    for (const offset of [start, start + formula.indexOf('SLOPE') + 2, start + formula.length]) {
      const slope = recognizeAt(SRC, offset, PY)?.params.negative_slope;
      assert.ok(slope === undefined || slope === 0.3, `negative_slope ${String(slope)}`);
    }
  });
});

describe('parameters: a decorated parameter is named by the name after its decorator', () => {
  const SRC = `import 'reflect-metadata';
import * as tf from '@tensorflow/tfjs-node';
import { Arg, Float, Query, Resolver } from 'type-graphql';

import { Curve } from './curve';

/** GraphQL queries of the activation playground. */
@Resolver()
export class ActivationResolver {
  @Query(() => Curve)
  leakyRelu(
    @Arg('values', () => [Float]) values: number[],
    @Arg('slope', () => Float, { nullable: true }) slope = 0.01,
  ): Curve {
    const x = tf.tensor1d(values);
    const y = tf.maximum(x, tf.mul(x, slope));
    return { values, outputs: Array.from(y.dataSync()) };
  }
}
`;

  it('reads the default of the parameter whose decorator takes an options object', () => {
    expectFormula(TS, SRC, 'tf.maximum(x, tf.mul(x, slope))', {
      id: 'leaky_relu',
      framework: 'tfjs',
      params: { negative_slope: 0.01 },
    });
  });
});

describe('temporaries: a Python 3.12 generic function reads its parameters after its type parameters', () => {
  const SRC = `"""Typed NumPy activations (Python 3.12 type parameter syntax)."""
import numpy as np
from numpy.typing import NDArray


def leaky_relu[F: np.floating](x: NDArray[F], negative_slope: float = 0.01) -> NDArray[F]:
    return np.where(x > 0, x, negative_slope * x)
`;

  it('reads the default of a parameter of the list after `[F: np.floating]`', () => {
    // Before: no hover (the list was looked for right after the name only).
    expectFormula(PY, SRC, 'np.where(x > 0, x, negative_slope * x)', {
      id: 'leaky_relu',
      framework: 'numpy',
      params: { negative_slope: 0.01 },
    });
  });
});

describe('formulas: a long formula deep in a long statement, hovered at its start', () => {
  // The formula starts some 150 tokens into the table and runs past the small window's end: it is read
  // in the large window, which starts at the statement.
  const SRC = `"""Reference activations for the NumPy backend, by the names the config files use."""
import numpy as np

SQRT_2_OVER_PI = np.sqrt(2.0 / np.pi)

ACTIVATIONS = {
    "identity": lambda x: x,
    "relu": lambda x: np.maximum(x, 0.0),
    "relu6": lambda x: np.minimum(np.maximum(x, 0.0), 6.0),
    "leaky_relu": lambda x: np.where(x > 0, x, 0.01 * x),
    "elu": lambda x: np.where(x > 0, x, np.exp(x) - 1.0),
    "sigmoid": lambda x: 1.0 / (1.0 + np.exp(-x)),
    "tanh": lambda x: np.tanh(x),
    "softplus": lambda x: np.log1p(np.exp(x)),
    "silu": lambda x: x / (1.0 + np.exp(-x)),
    "softsign": lambda x: x / (1.0 + np.abs(x)),
    "softmax": lambda x: np.exp(x - np.max(x, axis=-1, keepdims=True))
    / np.sum(np.exp(x - np.max(x, axis=-1, keepdims=True)),
             axis=-1, keepdims=True),
}
`;

  it('reads the softmax lambda at the end of the table', () => {
    expectFormula(
      PY,
      SRC,
      'np.exp(x - np.max(x, axis=-1, keepdims=True))\n    / np.sum(np.exp(x - np.max(x, axis=-1, keepdims=True)),\n             axis=-1, keepdims=True)',
      { id: 'softmax', framework: 'numpy', params: { dim: -1 } },
    );
  });
});
