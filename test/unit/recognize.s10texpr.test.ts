/**
 * Chained comparisons in the formula parser (formulas/expr.ts `chained`/`chainLink`): Python and Julia read
 * `a < b < c` as one conjunction, every other language read here left to right.
 *
 * Expected values come from the languages' definitions, not from our code:
 * - Python reference 6.10 ("Comparisons"): `a op1 b op2 c … y opN z` is `a op1 b and b op2 c and … y opN z`,
 *   each operand evaluated once; a parenthesized comparison is an atom (6.2.3), so `(a != b) > 0` is one
 *   comparison of its value. Operator precedence (6.17): `@` binds tighter than every comparison.
 * - Julia manual, "Mathematical Operations", "Chaining comparisons": `1 < 2 <= 2 < 3 == 3 > 2 >= 1` chains
 *   as `&&` of each adjacent pair; dotted comparisons chain elementwise, `&` of each pair.
 * - ECMAScript 13.10 (relational operators) is left-associative: `3 > 2 > 1` is `(3 > 2) > 1`, `true > 1`,
 *   false; a boolean operand of Math.max is its number (ToNumber(false) is 0, 21.3.2.24).
 * - ReLU is max(v, 0) of its operand v (`np.maximum(v, 0)`, `np.where(v > 0, v, 0)`,
 *   `Math.max(v, 0)`; `v .* (v .> 0)` in Julia), whatever v is.
 */
import './freshModels';
import { expectFormula, expectNotWhole } from './formulaHelpers';

const PY = 'python';
const JL = 'julia';
const JS = 'javascript';
const RELU_NUMPY = { id: 'relu', framework: 'numpy' };

describe('s10t expr: a Python chain of three comparisons is one conjunction', () => {
  // With floats, `step != last > lo > 0` is `step != last and last > lo and lo > 0`: no comparison of
  // `step != last > lo` with 0, so the np.where is no ReLU of anything. Read left to right after its second
  // link it would be `(step != last > lo) > 0`, and the np.where ReLU of that chain. (The values are scalars:
  // an array comparison before another link would raise, NumPy's truth value being ambiguous.)
  const SRC = `"""Scalar reference for the schedule's gates (step, last and lo are floats)."""
import numpy as np


def band_gate(step, last, lo):
    """1 where the step moved and the last value is above a positive floor lo."""
    return np.where(step != last > lo > 0, step != last > lo, 0)


def dense_relu(h, w):
    return np.maximum(h @ w, 0)
`;

  it('reads no ReLU over `np.where(a != b > lo > 0, a != b > lo, 0)`', () => {
    expectNotWhole(PY, SRC, 'np.where(step != last > lo > 0, step != last > lo, 0)');
  });

  it('reads the look-alike dense ReLU next to it', () => {
    expectFormula(PY, SRC, 'np.maximum(h @ w, 0)', RELU_NUMPY);
  });
});

describe('s10t expr: a chain in a Python conditional expression', () => {
  // `x != ref > 0` is `(x != ref) and (ref > 0)`, no sign test of `(x != ref)`, so the conditional is no
  // ReLU of it (left to right it would be `where((x != ref) > 0, x != ref, 0)`).
  const SRC = `"""Residual gates (scalar reference implementation: x and ref are floats)."""


def gate(x, ref):
    # Only a changed input with a positive reference passes.
    return (x != ref) if x != ref > 0 else 0
`;

  it('reads no ReLU over `(x != ref) if x != ref > 0 else 0`', () => {
    expectNotWhole(PY, SRC, '(x != ref) if x != ref > 0 else 0');
  });
});

describe('s10t expr: a Python comparison after a non-comparison is no chain', () => {
  // `h @ w > 0` is `(h @ w) > 0` (`@` binds tighter), one comparison of the product with 0: the np.where is
  // ReLU of `h @ w`, a dense layer's activation. The same holds with a mask for a factor, `h @ (w > 0)`
  // (inputs summed over the excitatory weights): `(w > 0)` is an atom, not a link of a chain.
  const SRC = `"""Sign-constrained dense layers (NumPy reference)."""
import numpy as np


def dense(h, w):
    return np.where(h @ w > 0, h @ w, 0)


def excitatory_drive(h, w):
    """Sum of the inputs over the positive weights, rectified."""
    return np.where(h @ (w > 0) > 0, h @ (w > 0), 0)


def scaled(h, w, g):
    return np.where(h @ (w * g) > 0, h @ (w * g), 0)
`;

  it('reads ReLU over `np.where(h @ w > 0, h @ w, 0)`', () => {
    expectFormula(PY, SRC, 'np.where(h @ w > 0, h @ w, 0)', RELU_NUMPY);
  });

  it('reads ReLU over `np.where(h @ (w > 0) > 0, h @ (w > 0), 0)`', () => {
    expectFormula(PY, SRC, 'np.where(h @ (w > 0) > 0, h @ (w > 0), 0)', RELU_NUMPY);
  });

  it('reads ReLU over `np.where(h @ (w * g) > 0, h @ (w * g), 0)`', () => {
    expectFormula(PY, SRC, 'np.where(h @ (w * g) > 0, h @ (w * g), 0)', RELU_NUMPY);
  });
});

describe('s10t expr: a parenthesized Python comparison starts no chain', () => {
  // `(scores != ref) > 0` compares the parenthesized mask with 0 elementwise: np.where(m > 0, m, 0) is
  // max(m, 0), ReLU of the mask (chained, `scores != ref > 0`, it would be `scores != ref and ref > 0`).
  const SRC = `"""Change masks for the cache (NumPy reference)."""
import numpy as np


def changed(scores, ref):
    return np.where((scores != ref) > 0, scores != ref, 0)
`;

  it('reads ReLU over `np.where((scores != ref) > 0, scores != ref, 0)`', () => {
    expectFormula(PY, SRC, 'np.where((scores != ref) > 0, scores != ref, 0)', RELU_NUMPY);
  });
});

describe('s10t expr: a Python chain read as one value', () => {
  // With scalars lo, x, hi, `np.maximum(lo <= x < hi, 0)` is max(v, 0) of the chain's value v (a bool, an
  // int in arithmetic): ReLU of v. (On arrays the chain's `and` raises: NumPy's truth value is ambiguous.)
  const SRC = `"""Scalar reference for the window gate (lo, x, hi are floats)."""
import numpy as np


def window(lo, x, hi):
    return np.maximum(lo <= x < hi, 0)
`;

  it('reads ReLU over `np.maximum(lo <= x < hi, 0)`', () => {
    expectFormula(PY, SRC, 'np.maximum(lo <= x < hi, 0)', RELU_NUMPY);
  });
});

describe('s10t expr: Julia chains dotted comparisons', () => {
  // `a .!= b .> 0` is `(a .!= b) .& (b .> 0)` (Julia manual, chaining comparisons), so
  // `(a .!= b) .* (a .!= b .> 0)` is `(a .!= b) .& (b .> 0)` as numbers: no ReLU of `a .!= b` (left to right
  // it would be `(a .!= b) .* ((a .!= b) .> 0)`, that ReLU).
  const SRC = `# Spike masks for the event encoder.
using NNlib

"""Where a changed and b is positive."""
function changed_positive(a, b)
    return (a .!= b) .* (a .!= b .> 0)
end

rectify(v) = v .* (v .> 0)
`;

  it('reads no ReLU over `(a .!= b) .* (a .!= b .> 0)`', () => {
    expectNotWhole(JL, SRC, '(a .!= b) .* (a .!= b .> 0)');
  });

  it('reads the look-alike `v .* (v .> 0)` as ReLU', () => {
    expectFormula(JL, SRC, 'v .* (v .> 0)', { id: 'relu', framework: 'other' });
  });
});

describe('s10t expr: JavaScript comparisons do not chain', () => {
  // ECMAScript: `3 > 2 > 1` is `true > 1`, false, the number 0 in Math.max: Math.max(x, 3 > 2 > 1) is
  // max(x, 0), ReLU (the well-known JavaScript gotcha, kept in this quirks file as a reminder).
  const SRC = `// JavaScript quirks the kernels rely on (see the style guide).
'use strict';

/** ReLU through a comparison chain: 3 > 2 > 1 is (3 > 2) > 1, true > 1, false. */
function quirkyRelu(x) {
  return Math.max(x, 3 > 2 > 1);
}

module.exports = { quirkyRelu };
`;

  it('reads ReLU over `Math.max(x, 3 > 2 > 1)`', () => {
    expectFormula(JS, SRC, 'Math.max(x, 3 > 2 > 1)', { id: 'relu', framework: 'other' });
  });
});
