/**
 * Hand-written logistic, tanh, swish, GELU, hard swish and piecewise formulas next to their look-alikes:
 * tanh through exp beside other quotients of exp sums, sigmoid and tanh through one another with an extra
 * gain, swish with a slope the code does not spell (a temperature, a log-temperature, a squared slope), the
 * complement x·σ(−βx), a SELU whose negative branch lost its exponential, an ELU with a leak, and
 * x·σ(x) inside a `where` that is no ELU.
 *
 * Expected values are mathematics: tanh x = (eˣ − e⁻ˣ)/(eˣ + e⁻ˣ) = 2σ(2x) − 1 = (1 − e⁻²ˣ)/(1 + e⁻²ˣ);
 * σ(x) = ½(1 + tanh(x/2)); sinh x/(1 + cosh x) = tanh(x/2), (sinh x + 1)/cosh x = tanh x + sech x and
 * sinh 2x/cosh x = 2 sinh x and (e²ˣ − 1 + eˣ)/(e²ˣ + 1) = tanh x + ½ sech x, none of them tanh x;
 * eˣ·(1 + eˣ) is no sigmoid; swish is x·σ(βx) with β > 0 (Ramachandran et al. 2017),
 * so x·σ(x/τ) is swish with β = 1/τ and x·σ(−βx) = x − x·σ(βx) is not; hard swish is
 * x·relu6(x + 3)/6 = ½·x·clip(x/3 + 1, 0, 2); SELU's negative branch is λα(eˣ − 1) (Klambauer et al.
 * 2017), so λ·where(x > 0, x, αx) is a scaled leaky line, not SELU, and eˣ − 1 + 0.01x is no ELU branch.
 * "No formula" where the expression computes none of the catalogue's activations.
 */
import './freshModels';
import assert from 'node:assert/strict';
import { recognizeAt } from '../../src/core';
import { expectFormula, expectNoFormula } from './formulaHelpers';

const PY = 'python';

/** Asserts the formula at `expr` is swish whose β the code does not spell. */
function expectUnspelledSwish(src: string, expr: string, framework: string): void {
  expectFormula(PY, src, expr, { id: 'silu', framework });
  const got = recognizeAt(src, src.indexOf(expr) + expr.indexOf('self.'), PY);
  assert.deepEqual(got?.nonLiteral, ['beta'], expr);
  assert.equal(got?.params.beta, undefined, expr);
}

/** Asserts that no formula is read anywhere on `scale`, the factor that starts `expr`. */
function expectNoHoverOnScale(src: string, expr: string, scale: string): void {
  assert.ok(expr.startsWith(scale), expr);
  const start = src.indexOf(expr);
  assert.ok(start >= 0, expr);
  for (let offset = start; offset < start + scale.length; offset++) {
    assert.equal(recognizeAt(src, offset, PY), undefined, `${expr} at ${offset - start}`);
  }
}

describe('tanh through exp beside other quotients of exp sums', () => {
  const SRC = `"""Closed forms of hyperbolic identities, checked against the fused kernels in float64."""
import numpy as np


def tanh_exp(x):
    return (np.exp(x) - np.exp(-x)) / (np.exp(x) + np.exp(-x))


def tanh_half(x):
    # sinh(x) / (1 + cosh(x)) = tanh(x / 2), top and bottom doubled
    return (np.exp(x) - np.exp(-x)) / (np.exp(x) + np.exp(-x) + 2)


def tanh_plus_sech(x):
    # (sinh(x) + 1) / cosh(x)
    return (np.exp(x) - np.exp(-x) + 2) / (np.exp(x) + np.exp(-x))


def double_sinh_plus_tanh(x):
    # (sinh(x) + sinh(2x)) / cosh(x) = tanh(x) + 2 sinh(x)
    return (np.exp(x) - np.exp(-x) + np.exp(2 * x) - np.exp(-2 * x)) / (np.exp(x) + np.exp(-x))


def tanh_plus_half_sech(x):
    # (e^(2x) - 1 + e^x) / (e^(2x) + 1) = tanh(x) + sech(x) / 2
    return (np.exp(2 * x) - 1 + np.exp(x)) / (np.exp(2 * x) + 1)


def sinh_over_cosh_sum(x):
    # sinh(x) / (cosh(x) + cosh(2x))
    return (np.exp(x) - np.exp(-x)) / (np.exp(x) + np.exp(-x) + np.exp(2 * x) + np.exp(-2 * x))
`;

  it('reads (eˣ − e⁻ˣ)/(eˣ + e⁻ˣ) as tanh', () => {
    expectFormula(PY, SRC, '(np.exp(x) - np.exp(-x)) / (np.exp(x) + np.exp(-x))', {
      id: 'tanh',
      framework: 'numpy',
    });
  });

  it('reads no tanh where a constant joins the bottom (tanh(x/2)) or the top (tanh + sech)', () => {
    expectNoFormula(PY, SRC, '(np.exp(x) - np.exp(-x)) / (np.exp(x) + np.exp(-x) + 2)');
    expectNoFormula(PY, SRC, '(np.exp(x) - np.exp(-x) + 2) / (np.exp(x) + np.exp(-x))');
  });

  it('reads no tanh where more exponentials join the top or the bottom', () => {
    expectNoFormula(PY, SRC, '(np.exp(2 * x) - 1 + np.exp(x)) / (np.exp(2 * x) + 1)');
    expectNoFormula(
      PY,
      SRC,
      '(np.exp(x) - np.exp(-x) + np.exp(2 * x) - np.exp(-2 * x)) / (np.exp(x) + np.exp(-x))',
    );
    expectNoFormula(
      PY,
      SRC,
      '(np.exp(x) - np.exp(-x)) / (np.exp(x) + np.exp(-x) + np.exp(2 * x) + np.exp(-2 * x))',
    );
  });
});

describe('tanh as 2σ(2x) − 1 hovered inside its first term', () => {
  it('reads the whole of 2 / (1 + exp(−2x)) − 1 from its numerator and its exponential', () => {
    const src = `import torch


def bipolar(x: torch.Tensor) -> torch.Tensor:
    """Logistic rescaled to (-1, 1): equal to tanh, kept for the exported graph."""
    return 2 / (1 + torch.exp(-2 * x)) - 1
`;
    expectFormula(PY, src, '2 / (1 + torch.exp(-2 * x)) - 1', { id: 'tanh', framework: 'pytorch' });
  });
});

describe('sigmoid and tanh through one another, with a learned output gain', () => {
  const SRC = `import torch
import torch.nn as nn


class GainSquash(nn.Module):
    """Squashing outputs with a learned gain; the gain-free forms are sigmoid and tanh."""

    def __init__(self):
        super().__init__()
        self.gain = nn.Parameter(torch.ones(1))

    def forward(self, x):
        unit = 0.5 + 0.5 * torch.tanh(x / 2)
        unit_gain = 0.5 + 0.5 * torch.tanh(x / 2) * self.gain
        bipolar = 2 * torch.sigmoid(2 * x) - 1
        bipolar_gain = 2 * torch.sigmoid(2 * x) * self.gain - 1
        odd_gain = (torch.exp(2 * x) * self.gain - 1) / (torch.exp(2 * x) + 1)
        return unit, unit_gain, bipolar, bipolar_gain, odd_gain
`;

  it('reads ½ + ½·tanh(x/2) as sigmoid and 2σ(2x) − 1 as tanh', () => {
    expectFormula(PY, SRC, '0.5 + 0.5 * torch.tanh(x / 2)', {
      id: 'sigmoid',
      framework: 'pytorch',
    });
    expectFormula(PY, SRC, '2 * torch.sigmoid(2 * x) - 1', { id: 'tanh', framework: 'pytorch' });
  });

  it('reads neither when a gain multiplies the tanh, the sigmoid or the exponential', () => {
    expectNoFormula(PY, SRC, '0.5 + 0.5 * torch.tanh(x / 2) * self.gain');
    expectNoFormula(PY, SRC, '2 * torch.sigmoid(2 * x) * self.gain - 1');
    expectNoFormula(PY, SRC, '(torch.exp(2 * x) * self.gain - 1) / (torch.exp(2 * x) + 1)');
  });
});

describe('a product with 1 + eˣ is no sigmoid', () => {
  it('reads no sigmoid in eˣ·(1 + eˣ), the sigmoid derivative’s denominator over eˣ', () => {
    const src = `import numpy as np


def logistic_grad(x):
    # d/dx sigmoid(x) = e^x / (1 + e^x)^2 = 1 / (e^-x (1 + e^x)^2); the denominator in two steps
    odds_sum = np.exp(x) * (1 + np.exp(x))
    return np.exp(2 * x) / (odds_sum * (1 + np.exp(x)))
`;
    expectNoFormula(PY, src, 'np.exp(x) * (1 + np.exp(x))');
  });
});

describe('swish with a slope the code does not spell, and its complement', () => {
  const SRC = `import torch
import torch.nn as nn
import torch.nn.functional as F


class TemperedSwish(nn.Module):
    """x * sigmoid(beta * x) with beta learned in several parameterizations."""

    def __init__(self):
        super().__init__()
        self.temperature = nn.Parameter(torch.ones(1))
        self.log_temperature = nn.Parameter(torch.zeros(1))
        self.beta_root = nn.Parameter(torch.ones(1))
        self.beta_raw = nn.Parameter(torch.zeros(1))

    def forward(self, x):
        by_temperature = x * torch.sigmoid(x / self.temperature)
        by_log_temperature = x * torch.sigmoid(x * torch.exp(-self.log_temperature))
        by_square = x * torch.sigmoid(torch.pow(self.beta_root, 2) * x)
        complement = x * torch.sigmoid(-F.softplus(self.beta_raw) * x)
        squashed_input = x * torch.sigmoid(self.beta_root * x / torch.sqrt(1 + x * x))
        return by_temperature, by_log_temperature, by_square, complement, squashed_input
`;

  it('reads x·σ(x/τ), x·σ(x·e^(−log τ)) and x·σ(β²·x) as swish with β not spelled', () => {
    expectUnspelledSwish(SRC, 'x * torch.sigmoid(x / self.temperature)', 'pytorch');
    expectUnspelledSwish(SRC, 'x * torch.sigmoid(x * torch.exp(-self.log_temperature))', 'pytorch');
    expectUnspelledSwish(SRC, 'x * torch.sigmoid(torch.pow(self.beta_root, 2) * x)', 'pytorch');
  });

  it('reads no swish in x·σ(−βx) with β = softplus(·) > 0, nor with the input squashed', () => {
    expectNoFormula(PY, SRC, 'x * torch.sigmoid(-F.softplus(self.beta_raw) * x)');
    expectNoFormula(PY, SRC, 'x * torch.sigmoid(self.beta_root * x / torch.sqrt(1 + x * x))');
  });

  it('reads no swish in ½·x·(1 + tanh(−x/2)) = x·σ(−x)', () => {
    const src = `import torch


def swish_complement(x):
    # x - silu(x), through tanh: the part of x that the swish gate lets through the other way
    return 0.5 * x * (1 + torch.tanh(-x / 2))
`;
    expectNoFormula(PY, src, '0.5 * x * (1 + torch.tanh(-x / 2))');
  });
});

describe('hard swish with its half factored out', () => {
  it('reads ½·x·clip(x/3 + 1, 0, 2) as hard swish', () => {
    const src = `import torch


def hard_swish_halved(x: torch.Tensor) -> torch.Tensor:
    # x * relu6(x + 3) / 6 with the 1/2 taken out of the clamp (the int8 kernel's scale)
    return 0.5 * x * torch.clamp(x / 3 + 1, 0, 2)
`;
    expectFormula(PY, src, '0.5 * x * torch.clamp(x / 3 + 1, 0, 2)', {
      id: 'hardswish',
      framework: 'pytorch',
    });
  });
});

describe('SELU and ELU look-alikes, and swish inside a where', () => {
  const src = `import torch


def selu(x):
    return 1.0507009873554805 * torch.where(x > 0, x, 1.6732632423543772 * torch.expm1(x))


def selu_without_exp(x):
    # the exponential got lost in a refactor: a scaled leaky line, not SELU
    return 1.0507009873554805 * torch.where(x > 0, x, 1.6732632423543772 * x)


def relu_right_silu_left(x):
    return torch.where(x > 0, x, x * torch.sigmoid(x))


def elu_with_leak(x):
    # ELU plus a small line on the left, so that the gradient never vanishes
    return torch.where(x > 0, x, torch.exp(x) - 1 + 0.01 * x)
`;

  it('reads no SELU with a linear negative branch, no leaky ELU', () => {
    expectFormula(
      PY,
      src,
      '1.0507009873554805 * torch.where(x > 0, x, 1.6732632423543772 * torch.expm1(x))',
      {
        id: 'selu',
        framework: 'pytorch',
      },
    );
    // The inner where(x > 0, x, αx) alone is a leaky line; the scale outside it makes no SELU.
    expectNoHoverOnScale(
      src,
      '1.0507009873554805 * torch.where(x > 0, x, 1.6732632423543772 * x)',
      '1.0507009873554805 * ',
    );
    expectNoFormula(PY, src, 'torch.where(x > 0, x, torch.exp(x) - 1 + 0.01 * x)');
  });

  it('reads x·σ(x) inside a where whose own negative branch is no ELU', () => {
    expectFormula(PY, src, 'x * torch.sigmoid(x)', { id: 'silu', framework: 'pytorch' });
  });
});
