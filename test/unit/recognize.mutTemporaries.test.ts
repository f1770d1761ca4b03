/**
 * What a name inside a function body stands for, where the other temporaries tests leave it open: a
 * temporary used in a nested block of its Python function while other functions and the module bind the
 * same name, a one-line `def` whose parameters have defaults, an arrow function's expression body that
 * builds an object literal or sits inside a call, and Rust's shadowing `let`. Expected values are the
 * math: exp(s − max s) / Σ exp(s − max s) is softmax, where(x > 0, x, s·x) is leaky ReLU with slope s,
 * relu(x)² is squared ReLU, 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))) is GELU's tanh form; a value the
 * code leaves open (a mask, a branch's choice) makes no hover.
 */
import './freshModels';
import assert from 'node:assert/strict';
import { recognizeAt } from '../../src/core';
import { expectFormula, expectNoFormula } from './formulaHelpers';

const PY = 'python';
const TS = 'typescript';

/** What is recognized with the cursor on the first character of the nth `needle`. */
function at(lang: string, text: string, needle: string, nth = 0): ReturnType<typeof recognizeAt> {
  let start = -1;
  for (let i = 0; i <= nth; i++) {
    start = text.indexOf(needle, start + 1);
  }
  assert.ok(start >= 0, `"${needle}" #${nth} not in snippet`);
  return recognizeAt(text, start, lang);
}

describe('temporaries: a use in a nested block of its Python function', () => {
  const SRC = `"""Softmax and friends for the attention notebook."""
import numpy as np


def logsumexp(scores, axis=-1):
    m = scores.max(axis=axis, keepdims=True)
    e = np.exp(scores - m)
    return m + np.log(e.sum(axis=axis, keepdims=True))


def softmax(scores, axis=-1):
    """Row-wise softmax; a 1-D input is one row."""
    e = np.exp(scores - scores.max(axis=axis, keepdims=True))
    if scores.ndim == 1:
        return e / e.sum()
    return e / e.sum(axis=axis, keepdims=True)


e = softmax(np.random.randn(4, 8))


def masked_softmax(scores, mask):
    e = np.exp(scores - scores.max(axis=-1, keepdims=True))
    if mask is not None:
        e = e * mask
    return e / e.sum(axis=-1, keepdims=True)
`;

  it('reads a temporary bound once in its function, though other functions and the module bind e too', () => {
    expectFormula(PY, SRC, 'e / e.sum()', { id: 'softmax', framework: 'numpy' });
    expectFormula(PY, SRC, 'e / e.sum(axis=axis, keepdims=True)', {
      id: 'softmax',
      framework: 'numpy',
      params: { dim: -1 },
    });
  });

  it("hovering the temporary's value shows the softmax its first use computes, over the value", () => {
    const value = 'np.exp(scores - scores.max(axis=axis, keepdims=True))';
    const got = at(PY, SRC, value);
    assert.equal(got?.id, 'softmax');
    assert.equal(SRC.slice(got.start, got.end), value);
  });

  it('leaves a temporary a branch may have masked: its value is not known', () => {
    expectNoFormula(PY, SRC, 'e / e.sum(axis=-1, keepdims=True)');
    assert.equal(at(PY, SRC, 'np.exp(scores - scores.max(axis=-1'), undefined);
  });
});

describe('temporaries: one-line Python definitions', () => {
  const SRC = `"""Compact activations for the plotting script."""
import numpy as np


def leaky(x, slope=0.2): return np.where(x > 0, x, slope * x)
def elu(x, alpha: float = 1.0) -> np.ndarray: return np.where(x > 0, x, alpha * np.expm1(x))
def leaky_cfg(x, cfg={"slope": 0.1}): return np.where(x > 0, x, slope * x)
def leaky_given(x, slope): return np.where(x > 0, x, slope * x)


xs = np.linspace(-3, 3, 61)
ys = leaky(xs)
`;

  it("reads a one-line definition's defaults as the formula's constants", () => {
    // Before: the whole one-line `def` was one statement, and its parameters were read as bound in
    // the use's own statement, so the formula in it showed nothing.
    expectFormula(PY, SRC, 'np.where(x > 0, x, slope * x)', {
      id: 'leaky_relu',
      framework: 'numpy',
      params: { negative_slope: 0.2 },
    });
    expectFormula(PY, SRC, 'np.where(x > 0, x, alpha * np.expm1(x))', {
      id: 'elu',
      framework: 'numpy',
      params: { alpha: 1 },
    });
  });

  it('leaves a one-line definition whose slope is no parameter with a default', () => {
    // `slope` is not cfg's key but a name from nowhere; `leaky_given`'s slope has no default.
    expectNoFormula(PY, SRC, 'np.where(x > 0, x, slope * x)', 1);
    expectNoFormula(PY, SRC, 'np.where(x > 0, x, slope * x)', 2);
  });
});

describe("temporaries: an arrow function's expression body", () => {
  const SRC = `import * as tf from '@tensorflow/tfjs';

/** Two heads over the same features: a leaky one and a plain one. */
export const heads = (x: tf.Tensor, slope = 0.2) => ({
  leaky: tf.maximum(x, tf.mul(slope, x)),
  plain: tf.relu(x),
});

/** Heads whose slope comes from the caller's config: no value to show. */
export const configured = (x: tf.Tensor, cfg: { slope: number }) => ({
  leaky: tf.maximum(x, tf.mul(slope, x)),
});

/** GELU's tanh form, computed inside tf.tidy with a constant of the enclosing function. */
export function gelu(x: tf.Tensor): tf.Tensor {
  const c = Math.sqrt(2 / Math.PI);
  return tf.tidy(() =>
    tf.mul(0.5, tf.mul(x, tf.add(1, tf.tanh(tf.mul(c, tf.add(x, tf.mul(0.044715, tf.pow(x, 3)))))))),
  );
}

/** The same shape with c = 1: not GELU. */
export function notGelu(x: tf.Tensor): tf.Tensor {
  const c = 1;
  return tf.tidy(() =>
    tf.mul(0.5, tf.mul(x, tf.add(1, tf.tanh(tf.mul(c, tf.add(x, tf.mul(0.044715, tf.pow(x, 3)))))))),
  );
}
`;

  it("reads an arrow's default inside the object literal its body returns", () => {
    // Before: the object literal's \`{\` stopped the search for the arrow, and slope had no value.
    expectFormula(TS, SRC, 'tf.maximum(x, tf.mul(slope, x))', {
      id: 'leaky_relu',
      framework: 'tfjs',
      params: { negative_slope: 0.2 },
    });
    expectNoFormula(TS, SRC, 'tf.maximum(x, tf.mul(slope, x))', 1);
  });

  it("reads the enclosing function's temporary in an arrow that has no parameter of that name", () => {
    const formula =
      'tf.mul(0.5, tf.mul(x, tf.add(1, tf.tanh(tf.mul(c, tf.add(x, tf.mul(0.044715, tf.pow(x, 3))))))))';
    const got = at(TS, SRC, formula);
    assert.equal(got?.id, 'gelu');
    assert.equal(got.params.approximate, 'tanh');
    assert.equal(at(TS, SRC, formula, 1), undefined);
  });
});

describe("temporaries: Rust's shadowing let", () => {
  const SRC = `use burn::tensor::{activation::relu, backend::Backend, Tensor};

/// Squared ReLU with the positive mask, for the sparsity statistics.
pub fn relu_squared_with_mask<B: Backend>(x: Tensor<B, 2>) -> (Tensor<B, 2>, Tensor<B, 2>) {
    let mask = x.clone().greater_elem(0.0);
    let r = x.clone();
    let r = relu(r);
    (r.clone() * r, mask)
}

/// The square of the input itself, shadowed the other way round.
pub fn square_with_mask<B: Backend>(x: Tensor<B, 2>) -> (Tensor<B, 2>, Tensor<B, 2>) {
    let r = relu(x.clone());
    let r = x.clone();
    (r.clone() * r, x.greater_elem(0.0))
}
`;

  it('reads the latest let of a name bound twice, in a tuple the function returns', () => {
    expectFormula('rust', SRC, 'r.clone() * r', { id: 'relu_squared', framework: 'burn' });
    expectNoFormula('rust', SRC, 'r.clone() * r', 1);
  });
});
