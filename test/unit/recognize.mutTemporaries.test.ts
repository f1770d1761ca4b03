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
import { expectCall, recognizedAtStart as at } from './recognizeHelpers';

const PY = 'python';
const TS = 'typescript';

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

describe('temporaries: what hovering the value and the name of a Python temporary shows', () => {
  const SRC = `"""Softmax and friends for the attention notebook."""
import numpy as np


def logsumexp(scores, axis=-1):
    m = scores.max(axis=axis, keepdims=True)
    e = np.exp(scores - m)
    return m + np.log(e.sum(axis=axis, keepdims=True))


def softmax_rows(x, axis=-1):
    m = x.max(axis=axis, keepdims=True); e = np.exp(x - m)
    if x.ndim == 1:
        return e / e.sum()
    return e / e.sum(axis=axis, keepdims=True)


def normalized_chunks(x, n):
    e = np.exp(x - x.max())
    probs = e / e.sum()
    chunks = []
    for e in np.array_split(x, n): chunks.append(e / e.sum())
    return probs, chunks


def selu(x):
    alpha = 1.6732632423543772
    scale = 1.0507009873554805
    return scale * np.where(x > 0, x, alpha * np.expm1(x))
`;

  it("shows nothing on logsumexp's exp, though the next function's e makes a softmax", () => {
    // log Σ exp(s − m) + m is no activation; the e of softmax_rows is another binding.
    assert.equal(at(PY, SRC, 'np.exp(scores - m)'), undefined);
    assert.equal(at(PY, SRC, 'exp(scores - m)'), undefined);
  });

  it('reads temporaries that share a line, joined by a semicolon', () => {
    expectFormula(PY, SRC, 'e / e.sum()', { id: 'softmax', framework: 'numpy' });
    expectFormula(PY, SRC, 'e / e.sum(axis=axis, keepdims=True)', {
      id: 'softmax',
      framework: 'numpy',
      params: { dim: -1 },
    });
    const got = at(PY, SRC, 'np.exp(x - m)');
    assert.equal(got?.id, 'softmax');
    assert.equal(SRC.slice(got.start, got.end), 'np.exp(x - m)');
  });

  it("shows nothing on the temporary's own name where it is bound", () => {
    // The name being assigned is no activation; the softmax belongs to the value and the use.
    assert.equal(at(PY, SRC, 'e = np.exp(x - m)'), undefined);
    assert.equal(at(PY, SRC, 'e = np.exp(x - x.max())'), undefined);
  });

  it("reads a loop's variable as the loop's, not as the temporary of the same name", () => {
    expectFormula(PY, SRC, 'e / e.sum()', { id: 'softmax', framework: 'numpy' }, 1);
    // Each chunk of x divided by its sum: no exp, no softmax.
    expectNoFormula(PY, SRC, 'e / e.sum()', 2);
  });

  it('shows nothing on a constant that a formula uses', () => {
    // SELU's alpha alone is a number, not an activation; the formula shows where it is written.
    assert.equal(at(PY, SRC, '1.6732632423543772'), undefined);
    expectFormula(PY, SRC, 'scale * np.where(x > 0, x, alpha * np.expm1(x))', {
      id: 'selu',
      framework: 'numpy',
    });
  });
});

describe('temporaries: what hovering the value of a TF.js or burn temporary shows', () => {
  const SRC = `import * as tf from '@tensorflow/tfjs';
import * as tfc from '@tensorflow/tfjs-core';

/** GELU with the exact normal CDF, the product written as a method call. */
export function gelu(x: tfc.Tensor): tfc.Tensor {
  const cdf = tfc.mul(0.5, tfc.add(1, tfc.erf(tfc.div(x, Math.sqrt(2)))));
  return cdf.mul(x);
}

/** Softplus with a sharpness, written on one line. */
export const softplus = (x: tf.Tensor, beta = 2) => { const bx = tf.mul(beta, x); return tf.div(tf.log1p(tf.exp(bx)), beta); };

/** The same on one line, with a temporary that is not the sharpened input. */
export const notSoftplus = (x: tf.Tensor, beta = 2) => { const bx = tf.add(beta, x); return tf.div(tf.log1p(tf.exp(bx)), beta); };

/** A gated head over an encoder that runs asynchronously (control flow in the graph). */
export async function gatedHead(x: tf.Tensor, encoder: tf.GraphModel): Promise<tf.Tensor> {
  const h = (await encoder.executeAsync(x)) as tf.Tensor;
  return tf.mul(h, tf.sigmoid(h));
}
`;

  it("shows the formula of a use written as a method on the temporary, over the value and not its ';'", () => {
    const value = 'tfc.mul(0.5, tfc.add(1, tfc.erf(tfc.div(x, Math.sqrt(2)))))';
    for (const word of [value, 'erf', 'div(x']) {
      const got = at(TS, SRC, word);
      assert.equal(got?.id, 'gelu', word);
      assert.equal(got.params.approximate, 'none');
      assert.equal(SRC.slice(got.start, got.end), value, word);
    }
  });

  it('reads a one-line block arrow: its temporary and its default', () => {
    // From the division and the last beta the whole is read with bx's value: log(1 + e^{2x}) / 2. (Inside
    // it, log1p(exp(bx)) is also softplus of bx as written.)
    const formula = 'tf.div(tf.log1p(tf.exp(bx)), beta)';
    for (const needle of [formula, 'div(tf.log1p(tf.exp(bx)), beta)', 'beta); };']) {
      const got = at(TS, SRC, needle);
      assert.equal(got?.id, 'softplus', needle);
      assert.equal(got.params.beta, 2, needle);
      assert.equal(SRC.slice(got.start, got.end), formula, needle);
      assert.equal(at(TS, SRC, needle, 1), undefined, needle);
    }
  });

  it('shows on the value what the function computes with it, not a formula over the name', () => {
    // log(1 + e^{2x}) / 2 is softplus with beta 2. Before, hovering tf.mul(beta, x) showed softplus with
    // beta 1: the use's log1p(exp(bx)) read as written, over the name bx, which the value is not.
    const got = at(TS, SRC, 'tf.mul(beta, x)');
    assert.equal(got?.id, 'softplus');
    assert.equal(got.params.beta, 2);
    assert.equal(SRC.slice(got.start, got.end), 'tf.mul(beta, x)');
    // log(1 + e^{2 + x}) / 2 is no softplus.
    assert.equal(at(TS, SRC, 'tf.add(beta, x)'), undefined);
  });

  it('reads a formula over a temporary whose value is no expression it can read', () => {
    expectFormula(TS, SRC, 'tf.mul(h, tf.sigmoid(h))', { id: 'silu', framework: 'tfjs' });
  });

  it("shows the activation a temporary's value is, not the formula its use makes", () => {
    const burn = `use burn::tensor::{activation::relu, backend::Backend, Tensor};

pub fn squared_relu<B: Backend, const D: usize>(x: Tensor<B, D>) -> Tensor<B, D> {
    let r = relu(x);
    r.clone() * r
}
`;
    expectFormula('rust', burn, 'r.clone() * r', { id: 'relu_squared', framework: 'burn' });
    // On relu(x)'s closing parenthesis and its \`;\` the value is relu, not the squared ReLU its use makes.
    const end = burn.indexOf('relu(x);') + 'relu(x)'.length;
    for (const offset of [end - 1, end, end + 1]) {
      const got = recognizeAt(burn, offset, 'rust');
      assert.ok(got === undefined || got.id === 'relu', JSON.stringify(got));
    }
  });
});

describe('temporaries: a file still being written', () => {
  const SRC = `import * as tfc from '@tensorflow/tfjs-core';

/** GELU with the exact normal CDF. */
export function gelu(x: tfc.Tensor): tfc.Tensor {
  const sqrtTwo = Math.sqrt(2);
  const cdf = tfc.mul(0.5, tfc.add(1, tfc.erf(tfc.div(x, sqrtTwo))));
  return tfc.mul(x, cdf);
`;

  it('reads the temporaries of a function whose closing brace is not typed yet', () => {
    expectFormula(TS, SRC, 'tfc.mul(x, cdf)', {
      id: 'gelu',
      framework: 'tfjs',
      params: { approximate: 'none' },
    });
  });
});

/** One exported block of a generated model-zoo module: about 55 tokens, the index and width varying. */
function denseBlock(i: number): string {
  const units = 32 * (1 + (i % 8));
  return `
/**
 * Dense block ${i}: a projection to ${units} units with a bias, exported from the model zoo.
 */
export function denseBlock${i}(input: tf.Tensor2D, kernel: tf.Tensor2D, bias: tf.Tensor1D): tf.Tensor2D {
  const projected = tf.matMul(input, kernel);
  return tf.add(projected, bias) as tf.Tensor2D;
}
`;
}

describe('temporaries: functions after thousands of tokens of a generated module', () => {
  const blocks = Array.from({ length: 100 }, (_, i) => denseBlock(i)).join('');
  const SRC = `import * as tf from '@tensorflow/tfjs';
import * as tfc from '@tensorflow/tfjs-core';
${blocks}
/** GELU with the exact normal CDF, after the generated blocks. */
export function gelu(x: tfc.Tensor): tfc.Tensor {
  const sqrtTwo = Math.sqrt(2);
  const cdf = tfc.mul(0.5, tfc.add(1, tfc.erf(tfc.div(x, sqrtTwo))));
  return tfc.mul(x, cdf);
}

/** Leaky ReLU with its default slope. */
export function leaky(x: tf.Tensor, slope = 0.2): tf.Tensor {
  return tf.maximum(x, tf.mul(slope, x));
}
`;

  it('reads a temporary and a default as near the top of the file', () => {
    expectFormula(TS, SRC, 'tfc.mul(x, cdf)', {
      id: 'gelu',
      framework: 'tfjs',
      params: { approximate: 'none' },
    });
    expectFormula(TS, SRC, 'tf.maximum(x, tf.mul(slope, x))', {
      id: 'leaky_relu',
      framework: 'tfjs',
      params: { negative_slope: 0.2 },
    });
  });

  it("shows the use's formula on the temporary's value", () => {
    const value = 'tfc.mul(0.5, tfc.add(1, tfc.erf(tfc.div(x, sqrtTwo))))';
    const got = at(TS, SRC, 'erf');
    assert.equal(got?.id, 'gelu');
    assert.equal(SRC.slice(got.start, got.end), value);
  });
});

describe('temporaries and defaults in the branches and loops of a TypeScript function', () => {
  const SRC = `import * as tf from '@tensorflow/tfjs';

/** Leaky ReLU that also returns where the input was positive. */
export function leakyWithMask(x: tf.Tensor, slope = 0.2): { y: tf.Tensor; mask: tf.Tensor } {
  return { y: tf.maximum(x, tf.mul(slope, x)), mask: tf.greater(x, 0) };
}

/** Swish with a sharpness; the gate is shared by both branches. */
export function swish(x: tf.Tensor, beta = 1, training = false): tf.Tensor {
  const gate = tf.sigmoid(tf.mul(beta, x));
  if (training) {
    return tf.dropout(tf.mul(x, gate), 0.1);
  } else if (x.rank === 0) {
    return tf.mul(x, gate);
  }
  try {
    return tf.mul(x, gate).clipByValue(-1e4, 1e4);
  } finally {
    gate.dispose();
  }
}

/** The gate may be replaced by a hard one: the product is no one activation. */
export function maybeHard(x: tf.Tensor, hard = false): tf.Tensor {
  let gate = tf.sigmoid(x);
  if (hard) {
    gate = tf.clipByValue(tf.add(tf.mul(x, 0.2), 0.5), 0, 1);
  }
  return tf.mul(x, gate);
}

/** Gates squared step by step: only the first pass multiplies by sigmoid(x). */
export function sharpened(x: tf.Tensor, steps: number): tf.Tensor[] {
  let gate = tf.sigmoid(x);
  const outs: tf.Tensor[] = [];
  for (let i = 0; i < steps; i++) {
    outs.push(tf.mul(x, gate));
    gate = tf.square(gate);
  }
  return outs;
}

/** Swish with a sharpness read from a config. */
export function configuredSwish(x: tf.Tensor, beta = 1): tf.Tensor {
  return tf.mul(x, tf.sigmoid(tf.mul(beta, x)));
}

export function head(h: tf.Tensor, cfg: { beta: number }): tf.Tensor[] {
  return [configuredSwish(h, 1.5), configuredSwish(h, cfg.beta)];
}
`;

  it('reads a default past an object return type', () => {
    // Before: the return type's \`}\` was read as the end of a block before the body, so no parameters.
    expectFormula(TS, SRC, 'tf.maximum(x, tf.mul(slope, x))', {
      id: 'leaky_relu',
      framework: 'tfjs',
      params: { negative_slope: 0.2 },
    });
  });

  it("reads the function's temporary and default inside its if, else and try blocks", () => {
    // Before: the innermost block was taken for the body, and an if block has no parameters.
    for (let nth = 0; nth < 3; nth++) {
      expectFormula(
        TS,
        SRC,
        'tf.mul(x, gate)',
        { id: 'silu', framework: 'tfjs', params: { beta: 1 } },
        nth,
      );
    }
  });

  it('leaves a temporary a branch may replace, or a loop changes after its use', () => {
    expectNoFormula(TS, SRC, 'tf.mul(x, gate)', 3);
    expectNoFormula(TS, SRC, 'tf.mul(x, gate)', 4);
  });

  it('shows a call that passes an expression for beta as swish with a beta the code does not spell', () => {
    expectCall(
      TS,
      SRC,
      'configuredSwish',
      { id: 'silu', framework: 'tfjs', params: { beta: 1.5 } },
      1,
    );
    expectCall(
      TS,
      SRC,
      'configuredSwish',
      { id: 'silu', framework: 'tfjs', nonLiteral: ['beta'] },
      2,
    );
  });
});

describe('temporaries: arrows inside arrows, and arrows of earlier statements', () => {
  const SRC = `import * as tf from '@tensorflow/tfjs';

// Scalar references for the plots, next to the tensor versions.
export const softplusRef = (x, beta = 2) => Math.log1p(Math.exp(beta * x)) / beta;

export const leaky = (x, slope = 0.1) => tf.maximum(x, x.mul(slope));

export function leakyGiven(x, slope) {
  return tf.maximum(x, x.mul(slope));
}

export const leakyRows = (rows, slope = 0.2) => rows.map((r) => tf.maximum(r, tf.mul(slope, r)));

// The inner arrow's own slope (an input, an index) hides the outer default.
export const shadowed = (xs, slope = 0.2) => xs.map((slope) => tf.maximum(xs, tf.mul(slope, xs)));
export const indexed = (xs, slope = 0.2) => xs.map((v, slope) => tf.maximum(v, tf.mul(slope, v)));
`;

  it("reads a default used at the top of an arrow's expression body, outside any bracket", () => {
    // log(1 + e^{2x}) / 2: softplus with beta 2, from every token, the last beta included.
    expectFormula('javascript', SRC, 'Math.log1p(Math.exp(beta * x)) / beta', {
      id: 'softplus',
      framework: 'other',
      params: { beta: 2 },
    });
  });

  it("does not give a function's parameter the default of an arrow in an earlier statement", () => {
    expectFormula('javascript', SRC, 'tf.maximum(x, x.mul(slope))', {
      id: 'leaky_relu',
      framework: 'tfjs',
      params: { negative_slope: 0.1 },
    });
    expectNoFormula('javascript', SRC, 'tf.maximum(x, x.mul(slope))', 1);
  });

  it("reads the outer arrow's default inside an inner arrow that has no parameter of that name", () => {
    // Before: only the nearest arrow was read, and r => max(r, slope·r) showed nothing.
    expectFormula('javascript', SRC, 'tf.maximum(r, tf.mul(slope, r))', {
      id: 'leaky_relu',
      framework: 'tfjs',
      params: { negative_slope: 0.2 },
    });
    expectNoFormula('javascript', SRC, 'tf.maximum(xs, tf.mul(slope, xs))');
    expectNoFormula('javascript', SRC, 'tf.maximum(v, tf.mul(slope, v))');
  });
});

describe("temporaries: the parts of an assignment that are not the temporary's value", () => {
  const SRC = `import * as tfc from '@tensorflow/tfjs-core';

/** GELU with the exact normal CDF. */
export function gelu(x: tfc.Tensor): tfc.Tensor {
  const cdf = tfc.mul(0.5, tfc.add(1, tfc.erf(tfc.div(x, Math.sqrt(2)))));
  return tfc.mul(x, cdf);
}
`;

  it('shows the formula from the first token of the value on, and nothing on `const` or `=`', () => {
    const value = 'tfc.mul(0.5, tfc.add(1, tfc.erf(tfc.div(x, Math.sqrt(2)))))';
    const got = at(TS, SRC, value);
    assert.equal(got?.id, 'gelu');
    assert.equal(SRC.slice(got.start, got.end), value);
    assert.equal(at(TS, SRC, 'const cdf'), undefined);
    assert.equal(at(TS, SRC, '= tfc.mul'), undefined);
  });
});
