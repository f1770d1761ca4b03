/**
 * The formula parser's new readings (formulas/expr.ts) at the edges of the text it is given: a word
 * comparison, a conditional, a string literal, a borrow or a parenthesized name that is the last token the
 * parser sees (the editor's text mid-typing, a file that ends there), a C cast of a number, a C++ buffer
 * whose first token is `(` (a cling/xeus-cling cell, where a top-level expression is allowed), an
 * expression nested deeper than the parser reads, TypeScript `?` that opens no conditional (an optional
 * declaration, a branch that assigns), and Python's chained comparisons (Python reference 6.10: `a is not b > c`
 * is `(a is not b) and (b > c)`).
 *
 * Expected values come from the languages' rules and the frameworks' documentation, not from our code:
 * - x·σ(x) is SiLU (Elfwing et al., 2018; `torch.nn.functional.silu`'s definition), x/(1 + e⁻ˣ) the same
 *   value; σ(x) = 1/(1 + e⁻ˣ) is `torch.sigmoid`, `tf.sigmoid`, candle's `ops::sigmoid`.
 * - A line the user is still typing (`… if out is`, `… ? tf.mul(x, tf.sigmoid(x))` with no `:` yet,
 *   `… * &`, `… * (gain)` at the end of the file) is no complete statement yet, but the formula before it
 *   is already the one the user wrote: its hover must not disappear because of the half-typed rest.
 * - C++ [expr.cast]: `(T)1` is the number 1 converted to T, so x / ((T)1 + exp(-x)) is x/(1 + e⁻ˣ), SiLU.
 * - An activation call is the same function however deeply the rest of its statement is nested (a
 *   Horner-form polynomial: Python's grammar nests parentheses up to 200 deep).
 */
import assert from 'node:assert/strict';
import './freshModels';
import { expectFormula, expectNotWhole } from './formulaHelpers';
import { hover } from './recognizeHelpers';

const PY = 'python';
const TS = 'typescript';
const RUST = 'rust';
const CPP = 'cpp';
const SILU_TORCH = { id: 'silu', framework: 'pytorch' };

describe('s10r expr: a Python formula before a half-typed word comparison or string', () => {
  const HEAD = `"""Gated activations for the audio encoder."""
import torch


def swish(x, out=None):
    """SiLU, optionally written into \`out\`."""
`;

  it('reads SiLU before a conditional whose comparison `out is` is half typed', () => {
    const src = `${HEAD}    y = x * torch.sigmoid(x) if out is\n    return y\n`;
    expectFormula(PY, src, 'x * torch.sigmoid(x)', SILU_TORCH);
  });

  it('reads SiLU before a conditional whose condition ends with a string literal', () => {
    const src = `${HEAD}    kind = "swish"\n    y = x * torch.sigmoid(x) if kind == "swish"\n    return y\n`;
    expectFormula(PY, src, 'x * torch.sigmoid(x)', SILU_TORCH);
  });
});

describe('s10r expr: a TypeScript formula before a conditional with no `:` yet', () => {
  it('reads SiLU in the first branch of `c ? a` at the end of the file', () => {
    const src = `/** Swish for the on-device encoder (TF.js). */
import * as tf from '@tensorflow/tfjs';

export function gate(x: tf.Tensor, useSwish: boolean): tf.Tensor {
  return useSwish ? tf.mul(x, tf.sigmoid(x))`;
    expectFormula(TS, src, 'tf.mul(x, tf.sigmoid(x))', { id: 'silu', framework: 'tfjs' });
  });
});

describe('s10r expr: a conditional whose last branch is not typed yet', () => {
  it('reads SiLU before `if out is None else` at the end of a Python line', () => {
    const src = `"""Gated activations for the audio encoder."""
import torch


def swish(x, out=None):
    y = x * torch.sigmoid(x) if out is None else
    return y
`;
    expectFormula(PY, src, 'x * torch.sigmoid(x)', SILU_TORCH);
  });

  it('reads SiLU in the first branch of `c ? a :` at the end of a TypeScript file', () => {
    const src = `/** Swish for the on-device encoder (TF.js). */
import * as tf from '@tensorflow/tfjs';

export function gate(x: tf.Tensor, useSwish: boolean): tf.Tensor {
  return useSwish ? tf.mul(x, tf.sigmoid(x)) :`;
    expectFormula(TS, src, 'tf.mul(x, tf.sigmoid(x))', { id: 'silu', framework: 'tfjs' });
  });
});

describe('s10r expr: a Rust call before a half-typed borrow', () => {
  it("reads candle's sigmoid before a `* &` at the end of the file", () => {
    const src = `//! Gates for the audio encoder (candle).
use candle_core::{Result, Tensor};

/// The gate of a GLU: the sigmoid of one half times the other.
pub fn glu(xs: &Tensor, hs: &Tensor) -> Result<Tensor> {
    let ys = candle_nn::ops::sigmoid(xs)? * &`;
    const got = hover(RUST, src, 'sigmoid', 1); // the second: the first is in the doc comment
    assert.equal(got?.id, 'sigmoid');
    assert.equal(got.framework, 'candle');
  });
});

describe('s10r expr: C++ casts of a number and parenthesized names at the end of the text', () => {
  const SRC = `// Scalar reference kernels, generic over the floating-point type.
#include "fastmath.h"

using namespace math;

// SiLU: the one is converted to T before the sum.
template <typename T>
T silu(T x) {
  return x / ((T)1 + exp(-x));
}

// The same with a fixed type.
float silu_f(float x) {
  return x / ((float)1 + exp(-x));
}
`;

  it('reads SiLU through a cast of the number one, `(T)1`', () => {
    expectFormula(CPP, SRC, 'x / ((T)1 + exp(-x))', { id: 'silu', framework: 'other' });
    expectFormula(CPP, SRC, 'x / ((float)1 + exp(-x))', { id: 'silu', framework: 'other' });
  });

  it('reads SiLU before a parenthesized name that ends the file (mid-typing)', () => {
    const src =
      '#include "fastmath.h"\n\nusing namespace math;\n\ndouble f(double x, double gain) {\n  return ';
    expectFormula(CPP, `${src}x / (1.0 + exp(-x)) * (gain)`, 'x / (1.0 + exp(-x))', {
      id: 'silu',
      framework: 'other',
    });
  });
});

describe('s10r expr: a C++ cell that starts with a parenthesized formula (xeus-cling)', () => {
  it('reads SiLU of a parenthesized product whose `(` is the first token', () => {
    // A cling cell shows the value of its last expression: here the mean of the SiLU of x.
    const cell = '(x * torch::sigmoid(x)).mean().item<float>()\n';
    expectFormula(CPP, cell, '(x * torch::sigmoid(x))', { id: 'silu', framework: 'libtorch' });
  });
});

describe('s10r expr: an activation call beside a deeply nested polynomial', () => {
  // A fitted gate: the sigmoid of a degree-16 polynomial in Horner form, as sympy's horner() prints it
  // (x*(x*(c16*x + c15) + c14) + …): each coefficient nests one level deeper.
  const horner = (k: number): string => (k === 16 ? 'c16' : `x * (${horner(k + 1)}) + c${k}`);
  const SRC = `"""Approximate GELU for the int8 export: the input times a fitted sigmoid gate."""
import torch

from .coefficients import *  # c0 … c16, fitted on [-8, 8]


def gelu_approx(x):
    gate = torch.sigmoid(${horner(0)})
    return x * gate
`;

  it('reads the sigmoid call however deep the rest of its statement nests', () => {
    const got = hover(PY, SRC, 'sigmoid', 1); // the first is in the docstring
    assert.equal(got?.id, 'sigmoid');
    assert.equal(got.framework, 'pytorch');
  });
});

describe('s10r expr: TypeScript `?` that opens no conditional', () => {
  const SRC = `/** Dense heads for the on-device classifier (TF.js). */
import * as tf from '@tensorflow/tfjs';

export interface HeadOptions {
  units: number;
  /** The activation after the projection; ReLU when not given. */
  activation?: typeof tf.relu;
}

export function head(x: tf.Tensor, options: HeadOptions): tf.Tensor {
  const act = options.activation ?? tf.relu;
  return act(x);
}
`;

  it('reads tf.relu named in an optional member’s type, `activation?: typeof tf.relu`', () => {
    const got = hover(TS, SRC, 'relu');
    assert.equal(got?.id, 'relu');
    assert.equal(got.framework, 'tfjs');
  });

  it('reads tf.relu after a nullish coalescing `??`', () => {
    const got = hover(TS, SRC, 'relu', 1);
    assert.equal(got?.id, 'relu');
    assert.equal(got.framework, 'tfjs');
  });
});

describe('s10r expr: TypeScript `name?:` being written, and a branch that assigns', () => {
  it('reads tf.relu written where the optional parameter’s type goes (before `typeof` is typed)', () => {
    // Mid-edit: the user writes the value first and adds `typeof ` in front of it next.
    const src = `import * as tf from '@tensorflow/tfjs';

export function head(x: tf.Tensor, act?: tf.relu): tf.Tensor {
  return x;
}
`;
    const got = hover(TS, src, 'relu');
    assert.equal(got?.id, 'relu');
    assert.equal(got.framework, 'tfjs');
  });

  it('reads no leaky ReLU in a conditional whose branches assign (SELU in place, minified)', () => {
    // terser's output for \`if (v > 0) v = S * v; else v = S * A * (Math.exp(v) - 1);\`: each branch assigns,
    // so the conditional is SELU (Klambauer et al., 2017) written into v, and its first branch alone,
    // \`v > 0 ? v = 1.0507… * v\`, is no expression: nothing spans it.
    const src = `const S = 1.0507009873554805;
const A = 1.6732632423543772;
export function seluInPlace(values) {
  for (let i = 0; i < values.length; i++) {
    let v = values[i];
    v > 0 ? v = 1.0507009873554805 * v : v = 1.0507009873554805 * 1.6732632423543772 * (Math.exp(v) - 1);
    values[i] = v;
  }
  return values;
}
`;
    expectNotWhole(TS, src, 'v > 0 ? v = 1.0507009873554805 * v');
  });
});

describe('s10r expr: Python’s chained comparisons are conjunctions', () => {
  // Python reference 6.10: `a is not b > c` is `(a is not b) and (b > c)`, each operand evaluated once. With
  // a second array `ref`, `scores is not ref > 0` is `ref > 0` (NumPy's elementwise mask) when the two are
  // different arrays, so the np.where below is a 0/1 step of ref, no ReLU of anything; the parenthesized
  // `(scores > 0)` next to it is the plain comparison, and its np.where is ReLU (max(x, 0)).
  const SRC = `"""Score masks for the sparse attention kernel (NumPy reference)."""
import numpy as np


def ref_mask(scores, ref):
    """1 where ref is positive, unless scores is ref itself (then 0): a chained comparison."""
    return np.where(scores is not ref > 0, scores is not ref, 0)


def relu_scores(scores):
    return np.where((scores > 0), scores, 0)
`;

  it('reads no ReLU over `np.where(a is not b > 0, a is not b, 0)`', () => {
    expectNotWhole(PY, SRC, 'np.where(scores is not ref > 0, scores is not ref, 0)');
  });

  it('reads ReLU where the comparison is parenthesized and alone', () => {
    expectFormula(PY, SRC, 'np.where((scores > 0), scores, 0)', { id: 'relu', framework: 'numpy' });
  });
});
