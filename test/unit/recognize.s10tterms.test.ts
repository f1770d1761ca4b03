/**
 * Survivors of the s10 changes to formulas/terms.ts and bodies.ts (issue #12, s10t-terms): Python's floor
 * division of two constants with a negative divisor, a member named `as` that ends an operand (no cast),
 * and which names inside a call's arguments are its parameters.
 *
 * Expected values come from outside our code:
 * - Python's rules: `a // b` is the floor of a / b ("the result is that of mathematical division with the
 *   'floor' function applied"), so `-6 // -2` is 3 and `-7 // -2` is floor(3.5) = 3; unary minus binds
 *   tighter than `//`. x · σ(βx) is swish with that β (SiLU for β = 1).
 * - TypeScript's rules: after `.` any identifier is a property name, `as` included (`cfg.as` reads the
 *   property "as"); only `expr as Type` is a type assertion. x · σ(x) is SiLU for any x.
 * - PyTorch's documentation: `F.leaky_relu(input, negative_slope=0.01)` and `torch.full_like(input,
 *   fill_value)`: the second argument of leaky_relu is the slope, whatever expression computes it, while a
 *   tensor added to the input inside the first argument moves the input (no leaky ReLU of it).
 */
import './freshModels';
import { expectFormula } from './formulaHelpers';
import { expectCall, expectNothing } from './recognizeHelpers';

const PY = 'python';
const TS = 'typescript';

describe('terms: floor division of two constants with a negative divisor', () => {
  const SRC = `"""Swish gates whose slopes are written as ratios of signed step counts."""
import torch

DOWN_STEPS = -6
DOWN_STRIDE = -2


def swish_exact(x: torch.Tensor) -> torch.Tensor:
    # -6 // -2 divides exactly: 3.
    return x * torch.sigmoid((-6 // -2) * x)


def swish_rounded(x: torch.Tensor) -> torch.Tensor:
    # -7 // -2 is floor(3.5) = 3, both signs negative.
    return x * torch.sigmoid((-7 // -2) * x)


def swish_mixed(x: torch.Tensor) -> torch.Tensor:
    # 7 // -2 is floor(-3.5) = -4; its negation is 4.
    return x * torch.sigmoid(-(7 // -2) * x)


def gate_by_steps(x: torch.Tensor, steps: torch.Tensor) -> torch.Tensor:
    return x * torch.sigmoid(steps // -2)
`;

  it('reads x * torch.sigmoid((-6 // -2) * x) as swish with β = 3 (an exact quotient of two negatives)', () => {
    expectFormula(PY, SRC, 'x * torch.sigmoid((-6 // -2) * x)', {
      id: 'silu',
      framework: 'pytorch',
      params: { beta: 3 },
    });
  });

  it('reads (-7 // -2) and -(7 // -2) as the floors 3 and 4 (a negative divisor)', () => {
    expectFormula(PY, SRC, 'x * torch.sigmoid((-7 // -2) * x)', {
      id: 'silu',
      framework: 'pytorch',
      params: { beta: 3 },
    });
    expectFormula(PY, SRC, 'x * torch.sigmoid(-(7 // -2) * x)', {
      id: 'silu',
      framework: 'pytorch',
      params: { beta: 4 },
    });
  });
});

describe('terms: a member named as is no cast wherever it ends', () => {
  it('reads cfg.as.mul(tf.sigmoid(cfg.as)) as SiLU of the member', () => {
    const src = `import * as tf from '@tensorflow/tfjs';

/** Activation settings: \`as\` is the activation's input scale ("activation scale"). */
export interface GateConfig {
  as: tf.Tensor;
  bias: tf.Tensor;
}

/** SiLU of the configured scale tensor. */
export function scaledSilu(cfg: GateConfig): tf.Tensor {
  return cfg.as.mul(tf.sigmoid(cfg.as));
}

/** The scale gated by the bias: no SiLU. */
export function biasGate(cfg: GateConfig): tf.Tensor {
  return cfg.as.mul(tf.sigmoid(cfg.bias));
}
`;
    expectFormula(TS, src, 'cfg.as.mul(tf.sigmoid(cfg.as))', {
      id: 'silu',
      framework: 'tfjs',
      params: { beta: 1 },
    });
  });
});

/** Activations whose parameters the module reads from its deployment config at import time. */
const DEPLOYED_PY = `"""Activations of the ranking head, tuned per deployment."""
import json
import os

import torch
import torch.nn.functional as F

with open(os.environ.get("RANKER_CONFIG", "ranker.json")) as fh:
    settings = json.load(fh)

SLOPE = float(settings["leaky_slope"])
BIAS = settings["bias"]


def capped_leaky(x):
    """Leaky ReLU whose slope never exceeds 0.2, whatever the deployment asks."""
    return F.leaky_relu(x, min(SLOPE, 0.2))


def raised(x):
    """ReLU of the input plus the configured bias, as a tensor of its shape."""
    return F.relu(x + torch.full_like(x, fill_value=BIAS))


def clamped_shift(x):
    """Leaky ReLU of the input moved by the bias, clamped to [-6, 6]."""
    return F.leaky_relu(torch.clamp(x + BIAS, -6.0, 6.0), SLOPE)


def score(feats):
    return capped_leaky(feats) + raised(feats) + clamped_shift(feats)
`;

describe("bodies: names inside a call's arguments", () => {
  it('is leaky ReLU when the later argument nests the slope in a call (min(SLOPE, 0.2))', () => {
    expectCall(
      PY,
      DEPLOYED_PY,
      'capped_leaky',
      { id: 'leaky_relu', framework: 'pytorch', nonLiteral: ['negative_slope'] },
      1,
    );
  });

  it('is no ReLU of the input when a keyword argument inside the input moves it', () => {
    expectNothing(PY, DEPLOYED_PY, 'raised', 1);
    expectNothing(PY, DEPLOYED_PY, 'clamped_shift', 1);
  });
});
