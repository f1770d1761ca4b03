/**
 * Two constants are the same to the formula reader exactly when Python's `math.isclose(a, b, rel_tol=1e-6)`
 * says so: |a − b| ≤ 10⁻⁶ · max(|a|, |b|), the edge included (PEP 485). The formula e^{ax} / (1 + e^{bx})
 * is the sigmoid when its two slopes are the same constant and that constant is 1.
 *
 * Expected values come from CPython 3's `math.isclose` on these very doubles (run outside this project):
 * (1.0000000000287557, 0.9999990000287556) → True, the gap equal to the bound in floating point;
 * (1.0, 0.9999990000005) → True, a gap the bound measured against the smaller constant would refuse;
 * (1.0, 0.999998) → False.
 */
import './freshModels';
import { expectFormula, expectNoFormula } from './formulaHelpers';

const PYTHON = `"""Logistic gates exported from a fitted spreadsheet, slopes as the fit printed them."""
import numpy as np


def gate_edge(x):
    return np.exp(1.0000000000287557 * x) / (1 + np.exp(0.9999990000287556 * x))


def gate_rounded(x):
    return np.exp(1.0 * x) / (1 + np.exp(0.9999990000005 * x))


def gate_apart(x):
    return np.exp(1.0 * x) / (1 + np.exp(0.999998 * x))
`;

describe('constants the formula reader takes for the same (math.isclose, rel_tol=1e-6)', () => {
  it('takes slopes whose gap equals the bound for the same (the edge is included)', () => {
    expectFormula(
      'python',
      PYTHON,
      'np.exp(1.0000000000287557 * x) / (1 + np.exp(0.9999990000287556 * x))',
      { id: 'sigmoid', framework: 'numpy' },
    );
  });

  it('measures the gap against the larger constant', () => {
    expectFormula('python', PYTHON, 'np.exp(1.0 * x) / (1 + np.exp(0.9999990000005 * x))', {
      id: 'sigmoid',
      framework: 'numpy',
    });
  });

  it('does not take slopes two millionths apart for the same', () => {
    expectNoFormula('python', PYTHON, 'np.exp(1.0 * x) / (1 + np.exp(0.999998 * x))');
  });
});
