/**
 * A `{` after `]` opens a block: a TypeScript function whose return type is an array
 * (`): tf.Tensor[] {`) and a C++ lambda without a parameter list (`[&] {`). The statements inside are then
 * read as statements, so a formula there finds its temporaries and its function's parameter defaults.
 *
 * Expected values come from the languages and the frameworks' documentation: TypeScript's grammar (a
 * function body follows the return type annotation) and C++'s (a lambda's compound statement may follow its
 * capture list directly); x · σ(x) is SiLU (`tf.sigmoid`, `torch::sigmoid`), and max(x, αx) with α = 0.1,
 * the parameter's default, is leaky ReLU with slope 0.1.
 */
import './freshModels';
import { expectFormula, expectNoFormula } from './formulaHelpers';

const TYPESCRIPT = `/**
 * Gates for the mixture-of-experts router: each returns the gated output and the mask or gate it used,
 * so the caller can log how many units were open.
 */
import * as tf from '@tensorflow/tfjs';

export interface GateOutput {
  out: tf.Tensor;
  open: tf.Tensor;
}

export function siluWithGate(x: tf.Tensor): tf.Tensor[] {
  const gate = tf.sigmoid(x);
  return [x.mul(gate), gate];
}

export function leakyWithMask(x: tf.Tensor, alpha = 0.1): tf.Tensor[] {
  const mask = x.greater(0);
  return [tf.maximum(x, x.mul(alpha)), mask];
}

// Not an activation of x: x scaled by a gate computed from another tensor.
export function gatedBy(x: tf.Tensor, w: tf.Tensor): tf.Tensor[] {
  const gate = tf.sigmoid(w);
  return [x.mul(gate), gate];
}
`;

const CPP = `#include <torch/torch.h>

#include <vector>

// Gated outputs computed by immediately invoked lambdas, as the exported graph wants one expression each.
std::vector<torch::Tensor> gated(const torch::Tensor& x) {
  const auto silu_out = [&] {
    const auto s = torch::sigmoid(x);
    return x * s;
  }();
  const auto dims = std::vector<int64_t>{1, 2};
  return {silu_out, x.sum(dims)};
}
`;

describe('a block opened after `]`', () => {
  it('reads the temporaries of a TypeScript function returning an array (SiLU)', () => {
    expectFormula('typescript', TYPESCRIPT, 'x.mul(gate)', { id: 'silu', framework: 'tfjs' });
  });

  it("reads the parameter's default in a TypeScript function returning an array (leaky ReLU 0.1)", () => {
    expectFormula('typescript', TYPESCRIPT, 'tf.maximum(x, x.mul(alpha))', {
      id: 'leaky_relu',
      framework: 'tfjs',
      params: { negative_slope: 0.1 },
    });
  });

  it('does not take x times the sigmoid of another tensor for SiLU', () => {
    expectNoFormula('typescript', TYPESCRIPT, 'x.mul(gate)', 1);
  });

  it('reads the temporaries of a C++ lambda without a parameter list (SiLU)', () => {
    expectFormula('cpp', CPP, 'x * s', { id: 'silu', framework: 'libtorch' });
  });
});
