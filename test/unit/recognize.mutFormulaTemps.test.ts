/**
 * What a name inside a function body stands for, at the edges `formulas/temporaries.ts` reads and the
 * other temporaries tests leave open: a loop or comprehension name that shadows a parameter with a
 * default, temporaries assigned on a line of several statements, and names read after thousands of
 * tokens of a generated module (an arrow's default, a temporary used inside a branch of its function),
 * and a one-name arrow (`r => …`) inside a function, after a statement that ends with a call or a block.
 *
 * Expected values come from the languages' rules and the mathematics: a Python `for` target rebinds the
 * name on every turn of the loop, so the parameter's default is not its value there, and a
 * comprehension's `for` target is a name of the comprehension's own scope (the Python reference,
 * "Displays for lists, sets and dictionaries"): not the parameter inside it, and no rebinding of it
 * after; `a; b; return c` on one line are three statements at the indentation of the line (the Python
 * reference, "Compound statements"); a TypeScript `const` at the top of a function holds in an `if`
 * block inside it; an arrow's default parameter holds in its expression body, and an arrow reads the
 * enclosing function's parameter (lexical scope; a nested function's own `slope` is not it). The
 * formulas: where(x > 0, x, s·x) is leaky ReLU with slope s, exp(z − max z) / Σ exp(z − max z) is
 * softmax, 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))) is GELU's tanh form, x·σ(x) is SiLU (β = 1).
 */
import assert from 'node:assert/strict';
import { recognizeAt } from '../../src/core';
import { expectFormula } from './formulaHelpers';
import { nthOffset } from './recognizeHelpers';

const PY = 'python';
const TS = 'typescript';

describe("temporaries: a one-line loop's name over a parameter with a default", () => {
  const SRC = `"""Slope sweep for the leaky ReLU figure."""
import numpy as np


def leaky(x, slope=0.01):
    return np.where(x > 0, x, slope * x)


def plot_sweep(ax, x, slope=0.01):
    """One curve per slope; the parameter only names the default curve of the legend."""
    for slope in (0.01, 0.1, 0.3): ax.plot(x, np.where(x > 0, x, slope * x), label=f"slope={slope}")
    ax.legend(title=f"default {slope}")
`;

  it('reads the default where the parameter is the name', () => {
    expectFormula(PY, SRC, 'np.where(x > 0, x, slope * x)', {
      id: 'leaky_relu',
      framework: 'numpy',
      params: { negative_slope: 0.01 },
    });
  });

  it("does not give the loop's slope the parameter's default", () => {
    // The loop's own statement binds slope before the call: 0.01, 0.1 and 0.3 in turn.
    const got = recognizeAt(SRC, nthOffset(SRC, 'slope * x), label') + 1, PY);
    assert.notEqual(got?.params.negative_slope, 0.01);
  });
});

describe('temporaries: statements sharing a line in a Python function', () => {
  const SRC = `"""NumPy reference activations for the unit tests of the C extension."""
import numpy as np


def relu(x):
    """max(x, 0), elementwise."""
    return np.maximum(x, 0.0)


def sigmoid(x):
    """Logistic function, split by sign so that exp never overflows."""
    out = np.empty_like(x, dtype=np.float64)
    pos = x >= 0
    out[pos] = 1.0 / (1.0 + np.exp(-x[pos]))
    out[~pos] = np.exp(x[~pos]) / (1.0 + np.exp(x[~pos]))
    return out


def softmax_1d(z):
    shifted = z - z.max(); e = np.exp(shifted); return e / e.sum()


def check_close(name, got, want, atol=1e-6):
    """Raise with the largest difference when two arrays differ."""
    diff = np.abs(np.asarray(got) - np.asarray(want)).max()
    if diff > atol:
        raise AssertionError(f"{name}: max abs difference {diff:.3g} > {atol:g}")


def layer_norm(x, eps=1e-5):
    mean = x.mean(axis=-1, keepdims=True)
    var = x.var(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps)


def gelu_tanh(x):
    c = np.sqrt(2 / np.pi); inner = c * (x + 0.044715 * x ** 3); return 0.5 * x * (1 + np.tanh(inner))


if __name__ == "__main__":
    xs = np.linspace(-4.0, 4.0, 81)
    check_close("relu", relu(xs), np.where(xs > 0, xs, 0.0))
`;

  it('reads a temporary assigned second on its line, the line being at the top of the function', () => {
    expectFormula(PY, SRC, 'e / e.sum()', { id: 'softmax', framework: 'numpy' });
  });

  it('reads it as well far down the file', () => {
    expectFormula(PY, SRC, '0.5 * x * (1 + np.tanh(inner))', {
      id: 'gelu',
      framework: 'numpy',
      params: { approximate: 'tanh' },
    });
  });
});

/** One layer of a generated model-zoo module: a convolution with its bias, the index and width varying. */
function convLayer(i: number): string {
  const filters = 16 * (1 + (i % 6));
  return `
/** Convolution ${i}: ${filters} filters of 3×3, same padding, exported from the model zoo. */
export function conv${i}(input: tf.Tensor4D, filter: tf.Tensor4D, bias: tf.Tensor1D): tf.Tensor4D {
  const convolved = tf.conv2d(input, filter, 1, 'same');
  return tf.add(convolved, bias) as tf.Tensor4D;
}
`;
}

describe('temporaries: an arrow and a branch after thousands of tokens of a generated module', () => {
  const layers = Array.from({ length: 60 }, (_, i) => convLayer(i)).join('');
  const SRC = `import * as tf from '@tensorflow/tfjs';
${layers}
/** Leaky ReLU as an arrow, with its default slope. */
export const leaky = (x: tf.Tensor, slope = 0.2): tf.Tensor => tf.maximum(x, tf.mul(slope, x));

/** Swish whose gate is shared by the training branch and the plain return. */
export function swish(x: tf.Tensor, training = false): tf.Tensor {
  const gate = tf.sigmoid(x);
  if (training) {
    return tf.dropout(tf.mul(x, gate), 0.1);
  }
  return tf.mul(x, gate);
}
`;

  it("reads the arrow's default in its expression body", () => {
    expectFormula(TS, SRC, 'tf.maximum(x, tf.mul(slope, x))', {
      id: 'leaky_relu',
      framework: 'tfjs',
      params: { negative_slope: 0.2 },
    });
  });

  it("reads the function's temporary inside its if block", () => {
    expectFormula(TS, SRC, 'tf.mul(x, gate)', {
      id: 'silu',
      framework: 'tfjs',
      params: { beta: 1 },
    });
    expectFormula(
      TS,
      SRC,
      'tf.mul(x, gate)',
      { id: 'silu', framework: 'tfjs', params: { beta: 1 } },
      1,
    );
  });
});

describe("temporaries: a comprehension's loop name over a parameter with a default", () => {
  const SRC = `"""Curves for the activation figure: one per slope of the sweep."""
import numpy as np

SLOPES = (0.01, 0.1, 0.3)


def leaky_curves(x, slope=0.01):
    """Leaky ReLU of x for each slope of the sweep; \`slope\` only names the highlighted curve."""
    curves = [np.where(x > 0, x, slope * x) for slope in SLOPES]
    grid = [[np.where(v > 0, v, slope * v) for v in row] for row, slope in zip(x, SLOPES)]
    return curves, grid, np.where(x > 0, x, slope * x)
`;

  it("does not give the comprehension's slope the parameter's default", () => {
    // Before: the comprehension binds slope after the expression that reads it, and the default 0.01
    // was shown for every curve.
    const got = recognizeAt(SRC, nthOffset(SRC, 'slope * x) for') + 1, PY);
    assert.ok(got === undefined || got.params.negative_slope === undefined, JSON.stringify(got));
    const nested = recognizeAt(SRC, nthOffset(SRC, 'slope * v') + 1, PY);
    assert.ok(
      nested === undefined || nested.params.negative_slope === undefined,
      JSON.stringify(nested),
    );
  });

  it('reads the default after the comprehension, where the parameter is the name again', () => {
    expectFormula(
      PY,
      SRC,
      'np.where(x > 0, x, slope * x)',
      {
        id: 'leaky_relu',
        framework: 'numpy',
        params: { negative_slope: 0.01 },
      },
      1,
    );
  });
});

describe("temporaries: a one-name arrow inside a function reads the function's default", () => {
  // Written without Prettier: one-name arrows without parentheses, in the semicolon style and in the
  // semicolon-free ("standard") style, where the previous statement ends with a call.
  const SEMI = `import * as tf from '@tensorflow/tfjs';

/** Leaky ReLU of every row; the first row also through the library's op, to compare. */
export function leakyRows(rows, slope = 0.2) {
  const reference = tf.leakyRelu(rows[0], slope);
  return rows.map(r => tf.maximum(r, tf.mul(slope, r)));
}
`;
  const BARE = `import * as tf from '@tensorflow/tfjs'

// Leaky ReLU of every row; the first row also through the library's op, to compare.
export function leakyRows (rows, slope = 0.2) {
  const reference = tf.leakyRelu(rows[0], slope)
  const out = rows.map(r => tf.maximum(r, tf.mul(slope, r)))
  return [reference, out]
}
`;

  const NESTED = `import * as tf from '@tensorflow/tfjs';

/** Leaky ReLU of every row; the first row is checked against the library's op given the slope. */
export function leakyRows(rows, slope = 0.2) {
  if (rows.length === 0) {
    return [];
  }
  tf.util.assert(leakyWith(rows[0], slope).shape.length === 2, () => 'rows must be matrices');
  function leakyWith(r, slope) {
    return tf.leakyRelu(r, slope);
  }
  return rows.map(r => tf.maximum(r, tf.mul(slope, r)));
}
`;

  it('past a block that ends before it (an if block, a nested function with a slope of its own)', () => {
    expectFormula('javascript', NESTED, 'tf.maximum(r, tf.mul(slope, r))', {
      id: 'leaky_relu',
      framework: 'tfjs',
      params: { negative_slope: 0.2 },
    });
  });

  it('past a statement ending with a call and a semicolon', () => {
    expectFormula('javascript', SEMI, 'tf.maximum(r, tf.mul(slope, r))', {
      id: 'leaky_relu',
      framework: 'tfjs',
      params: { negative_slope: 0.2 },
    });
  });

  it('past an assignment whose previous line ends with a call, without semicolons', () => {
    expectFormula('javascript', BARE, 'tf.maximum(r, tf.mul(slope, r))', {
      id: 'leaky_relu',
      framework: 'tfjs',
      params: { negative_slope: 0.2 },
    });
  });
});
