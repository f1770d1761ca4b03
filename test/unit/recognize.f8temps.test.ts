/**
 * Which binding a plain name inside a Python function reads when comprehensions and `for` loops bind the
 * same name (`formulas/temporaries.ts`: comprehensionBindsAfter, targetsName, outsideComprehensions,
 * comprehensionFor, holds): a comprehension whose `for` does not name the parameter, a use in a
 * comprehension's `if` clause after its `for`, a comprehension of the same statement beside the use, a
 * comprehension that closed before the use (also after thousands of tokens of a generated module), an
 * assignment on the line after a comprehension, targets in parentheses (a `for` statement's and a
 * comprehension's), and a comprehension still being typed at the file's end (the hover must answer).
 *
 * Expected values come from the Python reference: a comprehension's `for` targets are names of the
 * comprehension's own scope, bound for the expression before the `for` and the clauses after it, and
 * not bound outside its brackets ("Displays for lists, sets and dictionaries"); the other names of a
 * comprehension are the enclosing function's (its parameters, its latest assignment); a `for` statement
 * rebinds each of its targets, parenthesized or not, on every turn ("The for statement"), so a default
 * is not the value in its body. The formula: where(x > 0, x, s·x) is leaky ReLU with slope s.
 */
import assert from 'node:assert/strict';
import { recognizeAt } from '../../src/core';
import { expectFormula } from './formulaHelpers';
import { nthOffset } from './recognizeHelpers';

const PY = 'python';
const LEAKY = { id: 'leaky_relu', framework: 'numpy' };

/** The slope read at the nth `needle` (hovered one character in), or undefined. */
function slopeAt(src: string, needle: string, nth = 0): unknown {
  return recognizeAt(src, nthOffset(src, needle, nth) + 1, PY)?.params.negative_slope;
}

describe('f8 temporaries: comprehensions that do not bind the parameter', () => {
  const SRC = `"""Row-wise activations for the streaming exporter: one row at a time keeps memory flat."""
import numpy as np

SLOPES = (0.01, 0.1, 0.3)


def leaky_rows(x, slope=0.01):
    """Leaky ReLU of each row of x; rows that scaling by slope leaves all zero are dropped."""
    return [np.where(r > 0, r, slope * r) for r in x if np.any(slope * r)]


def leaky_and_labels(x, slope=0.01):
    """The default curve, and the labels of the sweep's legend."""
    return np.where(x > 0, x, slope * x), [f"slope={slope}" for slope in SLOPES]
`;

  it("reads the parameter's default inside a comprehension whose for binds only r", () => {
    expectFormula(PY, SRC, 'np.where(r > 0, r, slope * r)', {
      ...LEAKY,
      params: { negative_slope: 0.01 },
    });
  });

  it('reads the default beside a comprehension of the same statement that binds its own slope', () => {
    expectFormula(PY, SRC, 'np.where(x > 0, x, slope * x)', {
      ...LEAKY,
      params: { negative_slope: 0.01 },
    });
  });
});

describe("f8 temporaries: a comprehension's own name after its for", () => {
  const SRC = `"""Slope selection for the quantized export: large negative outputs overflow int8."""
import numpy as np

SLOPES = (0.01, 0.1, 0.3)


def stable_slopes(x, slope=0.01):
    """The slopes of SLOPES whose leaky ReLU of x stays above -1; the default when none does."""
    kept = [slope for slope in SLOPES if np.where(x > 0, x, slope * x).min() > -1.0]
    return kept or [slope]
`;

  it("does not give the if clause's slope the parameter's default", () => {
    // The if clause runs once per slope of SLOPES: 0.01, 0.1 and 0.3 in turn, not the default.
    assert.notEqual(slopeAt(SRC, 'slope * x).min'), 0.01);
  });
});

describe('f8 temporaries: a comprehension that closed before the use', () => {
  const SRC = `"""Summary statistics for the activation dashboard."""
import numpy as np

SLOPES = (0.01, 0.1, 0.3)


def leaky_summary(x):
    slope = 0.1
    sweep = {s: float(np.mean(x * s)) for s in SLOPES}
    means = {slope: float(np.mean(x)) * slope for slope in SLOPES}
    return np.where(x > 0, x, slope * x), sweep, means
`;

  it("reads the function's own assignment, not the comprehension's slope", () => {
    expectFormula(PY, SRC, 'np.where(x > 0, x, slope * x)', {
      ...LEAKY,
      params: { negative_slope: 0.1 },
    });
  });
});

describe('f8 temporaries: a for statement whose targets are in parentheses', () => {
  const SRC = `"""Per-preset curves for the activation gallery."""
import numpy as np

PRESETS = (("gentle", 0.01), ("keras", 0.3), ("wide", 0.5))


def gallery(x, slope=0.01):
    """One leaky ReLU curve per named preset; slope is only the fallback of callers."""
    curves = {}
    for i, (name, slope) in enumerate(PRESETS):
        curves[f"{i}:{name}"] = np.where(x > 0, x, slope * x)
    return curves
`;

  it("does not give the loop's slope the parameter's default", () => {
    // The loop rebinds slope to 0.01, 0.3 and 0.5 in turn.
    assert.notEqual(slopeAt(SRC, 'slope * x)'), 0.01);
  });
});

describe("f8 temporaries: a comprehension's own names in parentheses", () => {
  const SRC = `"""Preset selection for the quantized export: large negative outputs overflow int8."""
import numpy as np

PRESETS = ((0.01, "gentle"), (0.3, "keras"), (0.5, "wide"))


def safe_presets(x, slope=0.01):
    """The presets whose leaky ReLU of x stays above -1; slope is the fallback of callers."""
    return [(name, slope) for (slope, name) in PRESETS if np.where(x > 0, x, slope * x).min() > -1]
`;

  it("does not give the if clause's slope the parameter's default", () => {
    // The if clause runs once per preset, with slope 0.01, 0.3 and 0.5 in turn.
    assert.notEqual(slopeAt(SRC, 'slope * x).min'), 0.01);
  });
});

/** One layer of a generated NumPy reference module: a dense layer with its bias, the width varying. */
function denseLayer(i: number): string {
  const units = 16 * (1 + (i % 6));
  return `

def dense_${i}(x, weight, bias):
    """Dense layer ${i} of the exported reference model: ${units} units."""
    y = np.matmul(x, weight.reshape(-1, ${units}))
    return np.add(y, bias.reshape(1, ${units}))
`;
}

describe('f8 temporaries: a closed comprehension after thousands of tokens of a generated module', () => {
  const layers = Array.from({ length: 80 }, (_, i) => denseLayer(i)).join('');
  const SRC = `"""Reference model exported for the C kernels' tests: generated, do not edit."""
import numpy as np

SLOPES = (0.01, 0.1, 0.3)
${layers}

def leaky_summary(x):
    slope = 0.1
    means = {slope: float(np.mean(x)) * slope for slope in SLOPES}
    return np.where(x > 0, x, slope * x), means
`;

  it("reads the function's own assignment, not the comprehension's slope", () => {
    expectFormula(PY, SRC, 'np.where(x > 0, x, slope * x)', {
      ...LEAKY,
      params: { negative_slope: 0.1 },
    });
  });
});

describe('f8 temporaries: an assignment after a line with a comprehension', () => {
  const SRC = `"""Leaky ReLU with the slope of the paper's best grid point."""
import numpy as np


def leaky_best(x, slope=0.01):
    grid = [g / 10 for g in range(1, 4)]
    slope = 0.1
    return np.where(x > 0, x, slope * x), grid
`;

  it('reads the assignment, not the parameter the comprehension line comes after', () => {
    expectFormula(PY, SRC, 'np.where(x > 0, x, slope * x)', {
      ...LEAKY,
      params: { negative_slope: 0.1 },
    });
  });
});

describe('f8 temporaries: a comprehension being typed at the end of the file', () => {
  // What the editor holds while \`for\` is typed: the comprehension has no target and no \`in\` yet.
  const SRC = `"""Leaky ReLU curves for the figure."""
import numpy as np


def leaky_curves(x, slope=0.01):
    return [np.where(x > 0, x, slope * x) for`;

  it('still answers the hover in the expression before it', () => {
    assert.equal(recognizeAt(SRC, nthOffset(SRC, 'np.where') + 1, PY)?.id, 'leaky_relu');
  });
});
