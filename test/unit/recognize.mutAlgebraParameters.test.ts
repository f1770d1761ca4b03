/**
 * A user function's parameters as formulas read them: which parameter a call's argument goes to (after a
 * destructured options parameter, in a typed TypeScript signature, by keyword in Python, an assignment in a
 * JavaScript call going by position, a wrapper's argument staying the wrapper's), which default a parameter
 * has (`max_value=None`, `slope: float = 0.2`, a default before other parameters, one after a pydantic
 * annotation with keywords of its own, none at all when only the next parameter has one), that the
 * formula's own input is never a constant even with a default, and that reading one call or one body leaves
 * the next hover as it was. Expected values are the mathematics and the languages' meaning: x·σ(βx) with
 * the β the call gives, clip(x, 0, None) = max(x, 0), max(x, 0.2x) is leaky ReLU with slope 0.2,
 * log(1 + e^{βx})/β is softplus with that β, clip(s·x + 0.5, 0, 1) is the hard sigmoid of slope s, and in
 * JavaScript `f(v, offset = 0.25)` passes 0.25 as the second argument; a learned weight or a module-level
 * name has no literal value, so its formula makes no hover.
 */
import './freshModels';
import assert from 'node:assert/strict';
import { expectFormula, expectNoFormula } from './formulaHelpers';
import { expectCall, hover } from './recognizeHelpers';

const PY = 'python';
const JS = 'javascript';
const TS = 'typescript';

describe('formula parameters: which parameter a call gives a value', () => {
  const JS_SRC = `import * as tf from '@tensorflow/tfjs';

/** Swish; the options object (unused here) comes before beta. */
function swish(x, { trainable = false } = {}, beta = 1) {
  return x / (1 + Math.exp(-beta * x));
}

/** Swish in TF.js, the caller choosing beta. */
function swishGated(x, beta = 1) {
  return tf.mul(x, tf.sigmoid(tf.mul(beta, x)));
}

function forward(v, k) {
  const a = swish(v, {}, 2);
  const b = swish(v);
  const c = swishGated(v, k);
  return [a, b, c];
}
`;

  it('gives the argument after a destructured parameter to the parameter in its place', () => {
    expectCall(JS, JS_SRC, 'swish', { id: 'silu', framework: 'other', params: { beta: 2 } }, 1);
    expectCall(JS, JS_SRC, 'swish', { id: 'silu', framework: 'other', params: { beta: 1 } }, 2);
  });

  it('shows swish with β not a literal where the call passes a name for it', () => {
    expectCall(
      JS,
      JS_SRC,
      'swishGated',
      { id: 'silu', framework: 'tfjs', params: {}, nonLiteral: ['beta'] },
      1,
    );
  });

  const TS_SRC = `import * as tf from '@tensorflow/tfjs';

/** Leaky ReLU, every parameter typed. */
export function leaky(x: tf.Tensor, slope: number = 0.2): tf.Tensor {
  return tf.maximum(x, tf.mul(slope, x));
}

/** A default that compares comes before the slope's: its \`<\` opens no type argument list. */
export function leakySmall(x: tf.Tensor, small = x.size < 4096, slope = 0.2): tf.Tensor {
  return tf.maximum(x, tf.mul(slope, x));
}

export function head(v: tf.Tensor): tf.Tensor[] {
  return [leaky(v, 0.3), leaky(v)];
}
`;

  it("gives a typed signature's second parameter the call's second argument", () => {
    expectCall(
      TS,
      TS_SRC,
      'leaky',
      { id: 'leaky_relu', framework: 'tfjs', params: { negative_slope: 0.3 } },
      1,
    );
    expectCall(
      TS,
      TS_SRC,
      'leaky',
      { id: 'leaky_relu', framework: 'tfjs', params: { negative_slope: 0.2 } },
      2,
    );
  });

  it('reads the default after a default that compares', () => {
    expectFormula(
      TS,
      TS_SRC,
      'tf.maximum(x, tf.mul(slope, x))',
      {
        id: 'leaky_relu',
        framework: 'tfjs',
        params: { negative_slope: 0.2 },
      },
      1,
    );
  });
});

describe('formula parameters: an assignment in a JavaScript call', () => {
  const SRC = `import * as tf from '@tensorflow/tfjs';

/** Keras' hard sigmoid written out: clip(slope * x + offset, 0, 1). */
export function hardSigmoid(x: tf.Tensor, slope = 0.2, offset = 0.5): tf.Tensor {
  return tf.clipByValue(tf.add(tf.mul(x, slope), offset), 0, 1);
}

let offset = 0;
// A Python habit: \`offset = 0.25\` assigns the variable and passes 0.25 as the second argument, the slope.
export const gate = hardSigmoid(tf.ones([4]), offset = 0.25);
`;

  it('passes the assigned value by position, not to the parameter of that name', () => {
    expectCall(
      TS,
      SRC,
      'hardSigmoid',
      { id: 'hardsigmoid', framework: 'tfjs', params: { slope: 0.25 } },
      1,
    );
  });
});

describe("formula parameters: a wrapper's argument is its own", () => {
  const SRC = `import * as tf from '@tensorflow/tfjs';

/** Leaky ReLU with its own slope. */
export function leaky(x: tf.Tensor, slope = 0.2): tf.Tensor {
  return tf.maximum(x, tf.mul(slope, x));
}

/** A wrapper whose slope parameter is kept for the config: leaky() uses its own. */
export function act(x: tf.Tensor, slope = 0.5): tf.Tensor {
  return leaky(x);
}

export const y = act(tf.ones([4]), 0.1);
`;

  it("shows the inner function's default, not the slope the wrapper's call gives", () => {
    expectCall(
      TS,
      SRC,
      'act',
      { id: 'leaky_relu', framework: 'tfjs', params: { negative_slope: 0.2 } },
      1,
    );
  });
});

describe('formula parameters: defaults in Python signatures', () => {
  const SRC = `"""Scalar and array activations for the plots in the docs."""
import math

import numpy as np
import torch


def softplus(x=0.0, beta=1.0):
    """Softplus with a default input, so that it can be called bare while plotting."""
    return math.log(1 + math.exp(beta * x)) / beta


def relu_capped(x, max_value=None):
    """ReLU, capped only when max_value is given."""
    return np.clip(x, 0, max_value)


def prelu(x, weight, init=0.25):
    """PReLU: weight is learned (init only seeds it), so no slope to show."""
    return np.maximum(x, weight * x)


def swish_global(x):
    # beta is the module's, set by the trainer: no literal to show.
    return x * torch.sigmoid(beta * x)


def swish(x, beta=1.0):
    return x * torch.sigmoid(beta * x)


def leaky(x, slope: float = 0.2):
    return np.maximum(x, slope * x)


def head(h):
    a = leaky(h, 0.3)
    b = leaky(h, slope=0.1)
    return a + b
`;

  it("keeps the formula's input a variable even when it has a default", () => {
    expectFormula(PY, SRC, 'math.log(1 + math.exp(beta * x)) / beta', {
      id: 'softplus',
      framework: 'other',
      params: { beta: 1 },
    });
  });

  it('reads max_value=None as no upper bound', () => {
    expectFormula(PY, SRC, 'np.clip(x, 0, max_value)', { id: 'relu', framework: 'numpy' });
  });

  it('gives a parameter without a default none of the next parameter', () => {
    expectNoFormula(PY, SRC, 'np.maximum(x, weight * x)');
  });

  it("reads no other function's parameter for a module-level name", () => {
    expectNoFormula(PY, SRC, 'x * torch.sigmoid(beta * x)');
    expectFormula(
      PY,
      SRC,
      'x * torch.sigmoid(beta * x)',
      { id: 'silu', framework: 'pytorch', params: { beta: 1 } },
      1,
    );
  });

  it('reads an annotated default, and a call by position or keyword', () => {
    expectFormula(PY, SRC, 'np.maximum(x, slope * x)', {
      id: 'leaky_relu',
      framework: 'numpy',
      params: { negative_slope: 0.2 },
    });
    const leaky = (slope: number) => ({
      id: 'leaky_relu',
      framework: 'numpy',
      params: { negative_slope: slope },
    });
    expectCall(PY, SRC, 'leaky', leaky(0.3), 1);
    expectCall(PY, SRC, 'leaky', leaky(0.1), 2);
  });
});

describe('formula parameters: a default before other parameters, and inside an annotation', () => {
  const SRC = `"""Activations with validated arguments, for the config-driven model."""
from typing import Annotated

import numpy as np
from pydantic import Field, validate_call


def elu(x, alpha=1.0, inplace=False):
    """ELU; inplace is accepted for PyTorch's signature and ignored."""
    return np.where(x > 0, x, alpha * (np.exp(x) - 1))


@validate_call
def leaky(x, slope: Annotated[float, Field(gt=0, lt=1)] = 0.2):
    return np.maximum(x, slope * x)
`;

  it('reads a default followed by another parameter', () => {
    expectFormula(PY, SRC, 'np.where(x > 0, x, alpha * (np.exp(x) - 1))', {
      id: 'elu',
      framework: 'numpy',
      params: { alpha: 1 },
    });
  });

  it("reads the default after the annotation, not the annotation's own keyword values", () => {
    expectFormula(PY, SRC, 'np.maximum(x, slope * x)', {
      id: 'leaky_relu',
      framework: 'numpy',
      params: { negative_slope: 0.2 },
    });
  });
});

describe('formula parameters: one hover leaves the next as it was', () => {
  const PY_SRC = `import numpy as np


def scaled_softmax(v):
    z = v / 2.0
    return np.exp(z) / np.sum(np.exp(z), axis=-1, keepdims=True)


def act(x):
    return np.maximum(x, 0.0)


def head(h):
    return act(h)
`;

  it("reads a formula over a temporary as written after a function's body was read", () => {
    expectCall(PY, PY_SRC, 'act', { id: 'relu', framework: 'numpy' }, 1);
    expectFormula(PY, PY_SRC, 'np.exp(z) / np.sum(np.exp(z), axis=-1, keepdims=True)', {
      id: 'softmax',
      framework: 'numpy',
      params: { dim: -1 },
    });
  });

  const JS_SRC = `function swish(x, beta = 1) {
  return x / (1 + Math.exp(-beta * x));
}

const y = swish(0.5, 2);
`;

  it("shows the default in the body after a call's argument was read", () => {
    assert.deepEqual(hover(JS, JS_SRC, 'swish', 1)?.params, { beta: 2 });
    expectFormula(JS, JS_SRC, 'x / (1 + Math.exp(-beta * x))', {
      id: 'silu',
      framework: 'other',
      params: { beta: 1 },
    });
  });
});
