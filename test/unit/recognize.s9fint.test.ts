/**
 * Survivors of the ninth round's new code in formulas/temporaries.ts: which `|` opens the parameters of the
 * Rust closure whose `|` comes right before a block (`openingBar`), and which `|` a block's return type
 * follows (`closureBar`).
 *
 * Expected values come from Rust and the mathematics. A closure's parameters (`|v, zero: f64|`) are in
 * scope only in its own body, and may be patterns with types that hold brackets (`(lo, hi): (f64, f64)`,
 * `[f64; 2]`, whose `;` is part of the array type); a closure ends with the expression after its bars
 * (`|s| s * gain;` ends at the statement's `;`), and a closure inside a call's parentheses ends with them.
 * A block after a bitwise `|` (`flags | { … }`, `all(…) | { … }` on bools) is a block expression, no
 * closure's, and reads the function's `let` (The Rust Reference, "Closure expressions", "Array types",
 * "Block expressions", "Arithmetic and logical binary operators"). burn's `clamp_min(0.0)` is max(x, 0),
 * ReLU; `clamp_min` of a closure's own parameter is a floor the caller picks, no ReLU.
 */
import assert from 'node:assert/strict';
import { recognizeAt } from '../../src/core';
import { expectFormula } from './formulaHelpers';
import { nthOffset } from './recognizeHelpers';

const RS = 'rust';
const RELU = { id: 'relu', framework: 'other' };

/** The recognition at the nth `needle`, hovered one character in. */
function hoverIn(lang: string, src: string, needle: string, nth = 0) {
  return recognizeAt(src, nthOffset(src, needle, nth) + 1, lang);
}

describe("s9 fin temporaries: a block after Rust's | below a finished closure statement", () => {
  const SRC = `use burn::tensor::{backend::Backend, Tensor};

/// Flag bit set when the ReLU ran.
const RELU_APPLIED: u8 = 0b0000_0010;

/// ReLU of the activations scaled by a gain, recording in the flags whether the ReLU ran.
pub fn relu_scaled<B: Backend>(x: Tensor<B, 2>, flags: u8, gain: f64, train: bool) -> (Tensor<B, 2>, u8) {
    let mut out = x.clone().mul_scalar(gain);
    let scale_of = |s: f64| s * gain;
    let zero = 0.0;
    let flags = flags | {
        if train {
            out = x.clamp_min(zero).mul_scalar(scale_of(1.0));
        }
        if train { RELU_APPLIED } else { 0 }
    };
    (out, flags)
}
`;

  it("reads the function's zero, not a name after the earlier closure's bars", () => {
    // \`|s: f64| s * gain\` ends at its statement's \`;\`: \`zero\` below it is the function's.
    expectFormula(RS, SRC, 'x.clamp_min(zero)', RELU);
  });
});

describe('s9 fin temporaries: a block after a bool | whose left side holds a closure', () => {
  const SRC = `use burn::tensor::{backend::Backend, Tensor};

/// ReLU of the activations when every scale is above zero; both sides always run (no short circuit).
pub fn relu_checked<B: Backend>(x: Tensor<B, 2>, scales: &[f64], train: bool) -> (Tensor<B, 2>, bool) {
    let zero = 0.0;
    let mut out = x.clone();
    let applied = scales.iter().all(|s| *s > zero) | {
        if train {
            out = x.clamp_min(zero);
        }
        train
    };
    (out, applied)
}
`;

  it("reads the function's zero in the block", () => {
    // \`all(…)\` is a call, no parameter list, and its \`|s|\` closure ends with its parentheses: the
    // block after the bitwise \`|\` reads the function's \`let zero\`.
    expectFormula(RS, SRC, 'x.clamp_min(zero)', RELU);
  });
});

describe('s9 fin temporaries: a Rust closure whose parameters hold brackets', () => {
  const SRC = `use burn::tensor::{backend::Backend, Tensor};

/// Each activation floored at its layer's level, inside the layer's window.
pub fn floored<B: Backend>(xs: Vec<Tensor<B, 2>>, levels: Vec<f64>, windows: Vec<[f64; 2]>) -> Vec<Tensor<B, 2>> {
    let zero = 0.0;
    let floor = |v: Tensor<B, 2>, window: [f64; 2], zero: f64| {
        let [lo, hi] = window;
        if lo < zero {
            v.clamp_min(zero).clamp(lo, hi)
        } else {
            v.clamp(lo, hi)
        }
    };
    xs.into_iter()
        .zip(windows)
        .zip(levels)
        .map(|((v, window), level)| floor(v, window, level))
        .collect()
}

/// Each activation floored at a level the caller pairs with it.
pub fn floored_pairs<B: Backend>(pairs: Vec<(Tensor<B, 2>, f64)>) -> Vec<Tensor<B, 2>> {
    let zero = 0.0;
    let floor = |(v, zero): (Tensor<B, 2>, f64)| {
        if zero > 0.0 {
            v.clamp_min(zero)
        } else {
            v
        }
    };
    pairs.into_iter().map(floor).collect()
}
`;

  it("does not read the closure's zero past an array type as the function's let", () => {
    // max(v, level) with the caller's level is no ReLU.
    const got = hoverIn(RS, SRC, 'clamp_min(zero)');
    assert.notEqual(got?.id, 'relu', JSON.stringify(got));
  });

  it("does not read a tuple pattern's zero as the function's let", () => {
    const got = hoverIn(RS, SRC, 'clamp_min(zero)', 1);
    assert.notEqual(got?.id, 'relu', JSON.stringify(got));
  });
});

describe("s9 fin temporaries: a guard's block after a branch that passes a closure", () => {
  const SRC = `use burn::tensor::{backend::Backend, Tensor};

/// Prints what a floor does, for the training log.
fn trace(name: &str, describe: impl Fn(f64) -> String) {
    eprintln!("{name}: {}", describe(0.0));
}

/// ReLU of the activations while training, inside a tracing span.
pub fn relu_traced<B: Backend>(x: Tensor<B, 2>, train: bool, verbose: bool) -> Tensor<B, 2> {
    let zero = 0.0;
    let mut out = x.clone();
    if verbose {
        trace("relu", |zero: f64| -> String { format!("max(x, {zero})") })
    }
    {
        let _span = tracing::info_span!("relu").entered();
        if train {
            out = x.clamp_min(zero);
        }
    }
    out
}
`;

  it("reads the function's zero in the guard's block, not the closure's parameter", () => {
    // The closure ends inside the branch's braces: the guard's block below is no closure's.
    expectFormula(RS, SRC, 'x.clamp_min(zero)', RELU);
  });
});

describe("s9 fin temporaries: TypeScript's | of a union return type before a function's block", () => {
  const SRC = `import * as tf from '@tensorflow/tfjs';

/** Leaky ReLU of the logits, or null while the layer is frozen; the slope is a default parameter. */
export function leakyOrNull(x: tf.Tensor, frozen: boolean, slope = 0.2): tf.Tensor | null {
  if (frozen) {
    return null;
  }
  return tf.maximum(x, tf.mul(x, slope));
}
`;

  it('reads the default of the slope in the function after its union return type', () => {
    // \`: tf.Tensor | null\` is the return type: \`slope = 0.2\` is a parameter of this block's function.
    expectFormula('typescript', SRC, 'tf.maximum(x, tf.mul(x, slope))', {
      id: 'leaky_relu',
      framework: 'tfjs',
      params: { negative_slope: 0.2 },
    });
  });
});

describe("s9 fin temporaries: a block after Rust's | in an else branch below a bitwise or", () => {
  const SRC = `use burn::tensor::{backend::Backend, Tensor};

/// Flag bits recorded by the forward pass.
const TRACED: u8 = 0b0000_0001;
const RELU_APPLIED: u8 = 0b0000_0010;

/// ReLU of the activations while training (skipped while tracing), recording in the flags what ran.
pub fn relu_flagged<B: Backend>(x: Tensor<B, 2>, flags: u8, train: bool, tracing: bool) -> (Tensor<B, 2>, u8) {
    let lo = 0;
    let mut out = x.clone();
    let flags = if tracing {
        flags | TRACED | lo
    } else {
        flags | {
            if train {
                out = x.clamp_min(lo);
            }
            RELU_APPLIED
        }
    };
    (out, flags)
}
`;

  it("reads the function's lo in the else branch's block", () => {
    // The if branch's \`flags | TRACED | lo\` ends at its brace: no bar there opens a closure.
    expectFormula(RS, SRC, 'x.clamp_min(lo)', RELU);
  });
});
