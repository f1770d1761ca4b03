/**
 * A formula broken over lines inside a long bracketed statement is read whole when hovered far from the
 * statement's start: the recognizer's small window then starts inside the brackets, where a line looks like
 * a statement's start, so any answer from a window whose start cut the statement is taken again in the
 * large window.
 *
 * Expected values come from mathematics and PyTorch's documentation: h · σ(h) is SiLU (`torch.nn.SiLU`,
 * "x * sigmoid(x)"), and x · tanh(softplus(x)) is Mish (`torch.nn.Mish`); a hover spans the whole element.
 */
import assert from 'node:assert/strict';
import './freshModels';
import { recognizeAt } from '../../src/core';
import { expectFormula } from './formulaHelpers';

const PYTHON = `"""Gate candidates for the ablation in section 4, one tensor per row of table 3."""
import torch
import torch.nn.functional as F


def gate_variants(h: torch.Tensor) -> list[torch.Tensor]:
    """Every gate applied to the same pre-activation, in the table's order."""
    return [
        torch.sigmoid(h),
        torch.tanh(h),
        F.relu(h),
        F.gelu(h, approximate="tanh"),
        F.leaky_relu(h, negative_slope=0.01),
        F.elu(h, alpha=1.0),
        F.softplus(h, beta=1.0, threshold=20.0),
        h.clamp(min=0.0, max=6.0),
        h
        * torch.sigmoid(h),
        h
        * torch.tanh(F.softplus(h)),
    ]
`;

const JAVASCRIPT = `// Gate candidates for the ablation, one tensor per row of the table.
import * as tf from '@tensorflow/tfjs';

export function gateVariants(h) {
  return tf.tidy(() => [
    tf.sigmoid(h),
    tf.tanh(h),
    tf.relu(h),
    tf.elu(h),
    tf.leakyRelu(h, 0.01),
    tf.selu(h),
    tf.softplus(h),
    tf.clipByValue(h, 0, 6),
    h
      .mul(tf.sigmoid(h)),
  ]);
}
`;

describe('a formula far inside a long bracketed statement', () => {
  it('is SiLU from every token of its element (PyTorch)', () => {
    expectFormula('python', PYTHON, 'h\n        * torch.sigmoid(h)', {
      id: 'silu',
      framework: 'pytorch',
    });
  });

  it('is Mish from every token of its element (PyTorch)', () => {
    expectFormula('python', PYTHON, 'h\n        * torch.tanh(F.softplus(h))', {
      id: 'mish',
      framework: 'pytorch',
    });
  });

  it('is SiLU from every token of its element (TF.js)', () => {
    expectFormula('javascript', JAVASCRIPT, 'h\n      .mul(tf.sigmoid(h))', {
      id: 'silu',
      framework: 'tfjs',
    });
  });

  it('still reads the calls before it in the same statement as themselves', () => {
    for (const [call, name, id] of [
      ['F.elu(h, alpha=1.0)', 'elu', 'elu'],
      ['F.softplus(h, beta=1.0, threshold=20.0)', 'softplus', 'softplus'],
    ] as const) {
      // A library call's hover spans the function's name.
      const start = PYTHON.indexOf(call) + 'F.'.length;
      const got = recognizeAt(PYTHON, start + 1, 'python');
      assert.equal(got?.id, id, call);
      assert.equal(got?.start, start, call);
      assert.equal(got?.end, start + name.length, call);
    }
  });
});
