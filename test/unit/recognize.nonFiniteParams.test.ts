/**
 * A formula whose parameter folds to an infinity is no activation of the catalogue: x · σ(∞ · x) is 0 for
 * x < 0, x for x > 0 and NaN at 0 (σ(∞ · 0) = σ(NaN)), which is neither swish nor ReLU. The hover says
 * nothing rather than showing swish with β = ∞ and NaN in its values.
 *
 * Expected values come from IEEE 754 as Python, PyTorch and JavaScript implement it (`float("inf") * 0` and
 * `Infinity * 0` are NaN; JavaScript's `1 / 0` is Infinity) and from the SiLU definition in PyTorch's
 * documentation (x · σ(βx), here with β = 2).
 */
import './freshModels';
import { expectFormula, expectNoFormula } from './formulaHelpers';

const PYTHON = `"""Annealed gates: the slope of the gate grows during training until it is a hard step."""
import math

import torch


def annealed_gate(x: torch.Tensor, step: int, total: int) -> torch.Tensor:
    """Swish whose beta goes from 1 to 2 over training."""
    beta = 1.0 + min(step / total, 1.0)
    return x * torch.sigmoid(beta * x)


def swish2(x: torch.Tensor) -> torch.Tensor:
    return x * torch.sigmoid(2.0 * x)


def hard_limit(x: torch.Tensor) -> torch.Tensor:
    # The limit of the annealing: a step gate (NaN at exactly 0).
    return x * torch.sigmoid(float("inf") * x)


def hard_limit_math(x: torch.Tensor) -> torch.Tensor:
    return x * torch.sigmoid(math.inf * x)
`;

const JAVASCRIPT = `// Gates for the annealing demo page.
const tf = require('@tensorflow/tfjs');

const swish2 = (x) => x.mul(tf.sigmoid(x.mul(2)));
const stepGate = (x) => x.mul(tf.sigmoid(x.mul(1 / 0)));

module.exports = { swish2, stepGate };
`;

describe('a formula whose parameter is not finite', () => {
  it('reads a finite slope as swish (the control)', () => {
    expectFormula('python', PYTHON, 'x * torch.sigmoid(2.0 * x)', {
      id: 'silu',
      framework: 'pytorch',
      params: { beta: 2 },
    });
    expectFormula('javascript', JAVASCRIPT, 'x.mul(tf.sigmoid(x.mul(2)))', {
      id: 'silu',
      framework: 'tfjs',
      params: { beta: 2 },
    });
  });

  it('does not read x · σ(∞ · x) as swish (Python float("inf"), math.inf)', () => {
    expectNoFormula('python', PYTHON, 'x * torch.sigmoid(float("inf") * x)');
    expectNoFormula('python', PYTHON, 'x * torch.sigmoid(math.inf * x)');
  });

  it('does not read x · σ(x / 0) as swish (JavaScript 1 / 0 is Infinity)', () => {
    expectNoFormula('javascript', JAVASCRIPT, 'x.mul(tf.sigmoid(x.mul(1 / 0)))');
  });
});
