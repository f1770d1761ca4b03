/**
 * The formula reader's grammar for what a value is written through (`formulas/expr.ts`): Rust's borrow
 * `&x`, casts `x as f64` and `x?` on an optional number, TypeScript's `x as tf.Tensor` and non-null `x!`,
 * Julia's `;` before keyword arguments, LibTorch's braced index lists; and what stays no value of its
 * parts: Python's `(yield v)`, an Ellipsis branch, JavaScript's `() => new …`, lines still being typed.
 *
 * Expected values come from the languages and from mathematics. A Rust borrow `&x` is a reference to the
 * same value (The Rust Book, 4.2 "References and Borrowing"), and candle's `Tensor::mul(&self, rhs:
 * &Tensor)` multiplies by the borrowed tensor, so `xs.mul(&g)` is xs·g. A Rust `as` cast converts a number
 * to another numeric type (The Rust Reference, "Type cast expressions"); `?` on an `Option` passes its value
 * on (The Rust Book, 9.2). TypeScript's `x as T` and `x!` are type assertions with no effect at run time
 * (TypeScript Handbook, "Type Assertions", "Non-null Assertion Operator"). Julia's `f(a; k=v)` passes `k`
 * as a keyword, as `f(a, k=v)` does (Julia manual, "Keyword Arguments"). LibTorch's
 * `x.index({Slice(), 0})` is Python's `x[:, 0]` (PyTorch C++ "Tensor Indexing API"). Python's `(yield v)`
 * is the value sent back to the generator, not v (Python reference, "Yield expressions"). Mish is
 * x·tanh(softplus(x)) with softplus(x) = log(1 + eˣ) (Misra, 2019), squared ReLU is relu(x)² (So et al.,
 * 2021), SiLU is x·σ(x) (TF.js has no swish op or layer), the logistic sigmoid is 1 / (1 + e⁻ˣ), softsign
 * is x / (1 + |x|), softmax along dims=1 is exp.(z) ./ sum(exp.(z); dims=1).
 */
import assert from 'node:assert/strict';
import './freshModels';
import { recognizeAt } from '../../src/core';
import { expectFormula, expectNoFormula, expectNotWhole } from './formulaHelpers';
import { nthOffset } from './recognizeHelpers';

/**
 * Asserts the nth `expr` is read as activation `id` over exactly its span from every word in it. The
 * framework is not checked: candle's tensor methods (`xs.exp()`, `.mul`) name no framework in a formula
 * yet, a gap of the operation tables, not of the grammar pinned here.
 */
function expectReading(lang: string, text: string, expr: string, id: string, nth = 0): void {
  const start = nthOffset(text, expr, nth);
  const words = [...expr.matchAll(/[\p{L}\p{N}_]+/gu)].map((m) => (m.index ?? 0) + 1);
  for (const at of [0, expr.length, ...words]) {
    const got = recognizeAt(text, start + at, lang);
    const where = `"${expr}" at ${at}`;
    assert.equal(got?.id, id, where);
    assert.equal(got.start, start, `start of ${where}`);
    assert.equal(got.end, start + expr.length, `end of ${where}`);
  }
}

describe('Rust (candle): a borrow `&x` and a cast `x as f64` are the value', () => {
  const SRC = `//! Activation helpers for the MLP blocks (candle), with scalar references for the kernel tests.
use candle_core::{Result, Tensor};
use candle_nn::{Linear, Module};

/// Mish (Misra, 2019): x * tanh(softplus(x)). candle-nn has no Mish op.
pub fn mish(xs: &Tensor) -> Result<Tensor> {
    xs.mul(&(xs.exp()? + 1.0)?.log()?.tanh()?)
}

/// Squared ReLU (So et al., 2021, "Primer").
pub fn relu_squared(xs: &Tensor) -> Result<Tensor> {
    let r = xs.relu()?;
    r.mul(&r)
}

pub struct Mlp {
    fc1: Linear,
    fc2: Linear,
}

impl Module for Mlp {
    fn forward(&self, xs: &Tensor) -> Result<Tensor> {
        let h = self.fc1.forward(xs)?;
        // A residual around the activation: two different tensors, no activation of one.
        let h = h.add(&xs.relu()?)?;
        self.fc2.forward(&h)
    }
}

#[cfg(test)]
mod tests {
    /// The logistic function of one value, computed in f64 as the kernel tests compare against.
    fn sigmoid_ref(v: f32) -> f32 {
        (1.0 / (1.0 + (-(v as f64)).exp())) as f32
    }
}
`;

  it('reads Mish through a borrowed argument `&(…)`', () => {
    expectReading('rust', SRC, 'xs.mul(&(xs.exp()? + 1.0)?.log()?.tanh()?)', 'mish');
  });

  it('reads squared ReLU from `r.mul(&r)` after `let r = xs.relu()?`', () => {
    expectReading('rust', SRC, 'r.mul(&r)', 'relu_squared');
  });

  it('reads no activation in a residual over two tensors', () => {
    expectNotWhole('rust', SRC, 'h.add(&xs.relu()?)');
  });

  it('reads the sigmoid through the casts `v as f64` and `(…) as f32`', () => {
    expectFormula('rust', SRC, '(1.0 / (1.0 + (-(v as f64)).exp()))', {
      id: 'sigmoid',
      framework: 'other',
    });
  });
});

describe('TypeScript (TF.js): `x as tf.Tensor` is x', () => {
  const SRC = `/**
 * Activation layers for the browser demo model. TF.js ships no Swish or Mish layer, so they are written
 * out here; the casts keep \`tsc --strict\` quiet about \`tf.Tensor | tf.Tensor[]\`.
 */
import * as tf from '@tensorflow/tfjs';

export class Swish extends tf.layers.Layer {
  static className = 'Swish';

  call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => tf.mul(inputs as tf.Tensor, tf.sigmoid(inputs as tf.Tensor)));
  }
}
tf.serialization.registerClass(Swish);

/** Mish (Misra, 2019): x * tanh(softplus(x)). */
export function mish(x: tf.Tensor): tf.Tensor {
  return tf.tidy(() => x.mul(tf.tanh(tf.softplus(x as tf.Tensor<tf.Rank.R2>))) as tf.Tensor);
}

/** The gated state of the last step; \`step()\` must have run first. */
export function gatedState(state?: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.mul(state!, tf.sigmoid(state!)));
}

export function logits(model: tf.LayersModel, batch: tf.Tensor): tf.Tensor {
  return model.predict(batch) as tf.Tensor;
}
`;

  it('reads SiLU over a cast input', () => {
    expectFormula(
      'typescript',
      SRC,
      'tf.tidy(() => tf.mul(inputs as tf.Tensor, tf.sigmoid(inputs as tf.Tensor)))',
      { id: 'silu', framework: 'tfjs', params: { beta: 1 } },
    );
  });

  it('reads Mish with a generic cast inside and a cast of the whole product', () => {
    expectFormula(
      'typescript',
      SRC,
      'tf.tidy(() => x.mul(tf.tanh(tf.softplus(x as tf.Tensor<tf.Rank.R2>))) as tf.Tensor)',
      { id: 'mish', framework: 'tfjs' },
    );
  });

  it('reads SiLU through the non-null assertion `state!`', () => {
    expectFormula('typescript', SRC, 'tf.tidy(() => tf.mul(state!, tf.sigmoid(state!)))', {
      id: 'silu',
      framework: 'tfjs',
      params: { beta: 1 },
    });
  });

  it("reads no activation in a model's cast prediction", () => {
    expectNoFormula('typescript', SRC, 'model.predict(batch) as tf.Tensor');
  });
});

describe("Julia: `;` starts a call's keyword arguments", () => {
  const SRC = `module Attention

using Flux

# Column-wise softmax over the keys: Flux keeps features along dims=1.
attention_weights(z) = exp.(z) ./ sum(exp.(z); dims=1)

probs(logits) = softmax(logits; dims=1)

end
`;

  it('reads the softmax over dims=1 written `sum(…; dims=1)`', () => {
    expectFormula('julia', SRC, 'exp.(z) ./ sum(exp.(z); dims=1)', {
      id: 'softmax',
      framework: 'other',
      params: { dim: 1 },
    });
  });
});

// The grammar below was read right before the borrow and cast fixes too (these tests also run against it).

describe('Python: a yielded value, an Ellipsis branch and a line still being typed', () => {
  const SRC = `"""Streaming activations for the on-device demo: a coroutine gates each chunk it is sent."""
import torch


def gated_stream():
    # Prime with next(), then send chunks; each send returns the previous chunk, gated.
    x = yield
    while x is not None:
        x = (yield x * torch.sigmoid(x))


def maybe_swish(x, enabled):
    # Ellipsis marks a skipped stage for the caller (None is a valid output of a stage).
    return ... if not enabled else x * torch.sigmoid(x)
`;
  const SILU = { id: 'silu', framework: 'pytorch', params: { beta: 1 } };

  it('reads SiLU over the yielded product only: `(yield v)` is the value sent back, not v', () => {
    expectFormula('python', SRC, 'x * torch.sigmoid(x)', SILU, 0);
  });

  it('reads SiLU in the else branch of a conditional whose value is `...`', () => {
    expectFormula('python', SRC, 'x * torch.sigmoid(x)', SILU, 1);
  });

  it('reads SiLU before a power whose exponent is not typed yet', () => {
    const typing = `"""Scratch cell of the activation notebook; its last line is being typed."""
import torch

x = torch.linspace(-4.0, 4.0, steps=81)
y = x * torch.sigmoid(x) + x **
`;
    expectFormula('python', typing, 'x * torch.sigmoid(x)', SILU);
  });
});

describe('JavaScript: arrows next to a factory, and a line still being typed', () => {
  it('reads SiLU in an activation table whose next entry is a factory `() => new …`', () => {
    const src = `/**
 * The activations the demo's model builder can pick from, by name: functions of a tensor, and
 * factories for the layers TF.js has no built-in for.
 */
import * as tf from '@tensorflow/tfjs';
import { Swish } from './layers';

export const ACTIVATIONS = {
  swish: (x: tf.Tensor) => tf.mul(x, tf.sigmoid(x)),
  swishLayer: () => new Swish(),
};
`;
    expectFormula('typescript', src, 'tf.mul(x, tf.sigmoid(x))', {
      id: 'silu',
      framework: 'tfjs',
      params: { beta: 1 },
    });
  });

  // The docs page's plot data; the last line is being typed, with and without the editor's closing `)`.
  const TYPING = `// Plot data for the docs page: SiLU on a grid.
const xs = Array.from({ length: 81 }, (_, i) => -4 + i / 10);
const silu = xs.map((x) => x / (1 + Math.exp(-x)));
const scaled = xs.map((x) => x / (1 + Math.exp(-x)) * (`;
  const SILU = { id: 'silu', framework: 'other', params: { beta: 1 } };

  it('reads SiLU before an opening parenthesis that ends the text', () => {
    expectFormula('javascript', TYPING, 'x / (1 + Math.exp(-x))', SILU, 1);
  });

  it('reads SiLU before an empty pair of parentheses that ends the text', () => {
    expectFormula('javascript', `${TYPING})`, 'x / (1 + Math.exp(-x))', SILU, 1);
  });
});

describe('C++ (LibTorch): braced index lists inside a formula', () => {
  const SRC = `// Gated heads of the LibTorch port: SiLU on the first feature column only.
#include <torch/torch.h>

using torch::indexing::Slice;

torch::Tensor first_column_silu(const torch::Tensor& x) {
  return x.index({Slice(), 0}) * torch::sigmoid(x.index({Slice(), 0}));
}
`;

  it('reads SiLU of the column `x.index({Slice(), 0})`, Python x[:, 0]', () => {
    expectFormula('cpp', SRC, 'x.index({Slice(), 0}) * torch::sigmoid(x.index({Slice(), 0}))', {
      id: 'silu',
      framework: 'libtorch',
      params: { beta: 1 },
    });
  });
});

describe('Rust: `?` on an optional number before a method', () => {
  const SRC = `//! Reference curves for the sensor dashboard: readings may be missing, and \`None\` stays \`None\`.

/// Softsign, x / (1 + |x|), of an optional reading.
pub fn softsign(x: Option<f64>) -> Option<f64> {
    Some(x? / (1.0 + x?.abs()))
}
`;

  // Option<f64> is Copy, so \`x?\` may be read twice; \`x?.abs()\` is |x| (The Rust Book, 9.2).
  it('reads softsign with `x?` and `x?.abs()` as one variable', () => {
    expectFormula('rust', SRC, 'x? / (1.0 + x?.abs())', { id: 'softsign', framework: 'other' });
  });
});
