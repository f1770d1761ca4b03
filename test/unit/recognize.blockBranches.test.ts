/**
 * A name rebound inside a block (`if (useLeaky) { act = … }`, Julia's `if … end`, Rust's `if gated { … }`)
 * may or may not have been rebound when the block has closed: after it, the name holds either value, so the
 * use is an activation only when both are the same one. Inside the block, and after a block that does not
 * rebind the name, the binding is certain. (Python's indentation-based branches are pinned in
 * `recognize.mutFlow` and `recognize.mutBindings`.)
 *
 * Expected values come from the languages' rules — an `if` body runs only when its condition holds, a
 * `for` body that binds nothing leaves the name as it was — and the frameworks' names: TF.js `tf.relu`,
 * `tf.elu`, `tf.sigmoid`; Flux's `relu`, `elu`, `σ`; candle's `Activation::Relu`, `Silu`, `Gelu`
 * (GELU's erf form in candle 0.8, where `Gelu` is `xs.gelu_erf()`).
 */
import { expectCall, expectNothing } from './recognizeHelpers';

describe('a name rebound inside a block of a brace or Julia language', () => {
  it('TypeScript: after an `if` block that rebinds the name, either value may hold', () => {
    const src = `import * as tf from '@tensorflow/tfjs';

/** One residual block; \`useLeaky\` swaps the activation for a leaky one. */
export function block(x: tf.Tensor, useLeaky: boolean): tf.Tensor {
  let act = tf.relu;
  if (useLeaky) {
    act = (t: tf.Tensor) => tf.leakyRelu(t, 0.1);
  }
  const h = act(x);
  return tf.add(x, h);
}

/** The head: the same squashing either way, so it is certain. */
export function head(x: tf.Tensor, calibrated: boolean): tf.Tensor {
  let squash = tf.sigmoid;
  if (calibrated) {
    squash = tf.sigmoid;
  }
  return squash(x);
}

/** Inside the branch the rebinding holds; a loop that binds nothing leaves the name alone. */
export function stem(x: tf.Tensor, smooth: boolean, depth: number): tf.Tensor {
  let act = tf.relu;
  for (let i = 0; i < depth; i++) {
    x = tf.mul(x, 0.5);
  }
  if (smooth) {
    act = tf.elu;
    return act(x);
  }
  return act(x);
}
`;
    expectNothing('typescript', src, 'act', 2);
    expectCall('typescript', src, 'squash', { id: 'sigmoid', framework: 'tfjs', params: {} }, 2);
    expectCall('typescript', src, 'act', { id: 'elu', framework: 'tfjs' }, 5);
  });

  it('JavaScript without semicolons: a block closed before the use counts its binding as possible', () => {
    const src = `const tf = require('@tensorflow/tfjs')

function encoder (x, opts) {
  let act = tf.relu
  if (opts.elu) {
    act = tf.elu
  }
  return act(x)
}

module.exports = { encoder }
`;
    expectNothing('javascript', src, 'act', 2);
  });

  it('Julia: a rebinding inside `if … end` is possible after `end`, certain before it', () => {
    const src = `module Blocks

using Flux

"""
    block(x, leaky)

Apply the block's activation elementwise; \`leaky\` selects ELU.
"""
function block(x, leaky)
    act = relu
    if leaky
        act = elu
        y = act.(x[1:end])
    end
    return act.(x)
end

function gate(x, steps)
    g = σ
    for i in 1:steps
        x = x ./ 2
    end
    return g.(x)
end

end
`;
    expectCall('julia', src, 'act', { id: 'elu', framework: 'flux' }, 2);
    expectNothing('julia', src, 'act', 3);
    expectCall('julia', src, 'g', { id: 'sigmoid', framework: 'flux' }, 1);
  });

  it('Rust (candle): an activation rebound inside `if gated { … }` is possible after the block', () => {
    const src = `use candle_core::{Result, Tensor};
use candle_nn::{Activation, Module};

/// Applies the block's activation; gated blocks use SiLU.
pub fn block_act(xs: &Tensor, gated: bool) -> Result<Tensor> {
    let mut act = Activation::Relu;
    if gated {
        act = Activation::Silu;
    }
    act.forward(xs)
}

/// A loop that binds nothing leaves the head's activation as it was.
pub fn head_act(xs: &Tensor, steps: usize) -> Result<Tensor> {
    let act = Activation::Gelu;
    let mut h = xs.clone();
    for _ in 0..steps {
        h = (h * 0.5)?;
    }
    act.forward(&h)
}
`;
    expectNothing('rust', src, 'act', 2);
    expectCall('rust', src, 'act', { id: 'gelu', framework: 'candle' }, 4);
  });
});
