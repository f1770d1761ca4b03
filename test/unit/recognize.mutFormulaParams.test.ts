/**
 * Hand-written formulas where a function's parameter list, the statement's shape or the formula's
 * libraries decide the answer: an `Annotated[…]` parameter whose predicate compares, a default in parentheses, a temporary used
 * inside a larger formula, a formula over temporaries only (`r * r`), softmax and log-softmax look-alikes,
 * the framework of a formula whose functions come from two libraries, and TypeScript calls whose arguments
 * go past destructured parameters or belong to another function.
 *
 * Expected values come from the languages and the mathematics: where(x > 0, x, s·x) is leaky ReLU with
 * slope s, where(x > 0, x, α(eˣ − 1)) is ELU, scale·ELU with α ≈ 1.6733 and scale ≈ 1.0507 is SELU,
 * relu(x)² is squared ReLU; exp(x)/Σexp(x) is softmax and x − log Σexp(x) log-softmax, while
 * exp(x / max x)/Σ… is the softmax of another input, exp(x)·Σexp(x) no softmax at all, x + log Σexp(x)
 * no log-softmax, and x − log(1 + Σexp(x)) (a reference class of logit 0) neither. Julia's `tanh` is
 * Base's while `softplus` is NNlib's (Flux's activations); a C++ function from the project's own `math`
 * namespace is no LibTorch. An axis the code computes is a softmax dimension not read from the code,
 * by position as by keyword (the doc comment of `axisOf`). JavaScript passes arguments by position, a destructuring pattern (`{ x }`,
 * `[lo, hi]`) taking one position, and `s = 0.05` as an argument passes its value; the arguments after
 * a function passed to another (`withDropout(leaky, h, 0.3)`) are that other function's.
 */
import assert from 'node:assert/strict';
import { expectFormula, expectNoFormula } from './formulaHelpers';
import { expectCall, recognizedAtStart } from './recognizeHelpers';

const PY = 'python';
const TS = 'typescript';

describe('parameters: an `Annotated` predicate that compares', () => {
  const SRC = `"""SELU with its constants checked by annotated-types predicates."""
from typing import Annotated

import numpy as np
from annotated_types import Predicate


def selu(
    x,
    alpha: Annotated[float, Predicate(lambda a: 1 < a < 2)] = 1.6732632423543772,
    scale: float = 1.0507009873554805,
):
    """Self-normalizing ELU (Klambauer et al., 2017)."""
    return scale * np.where(x > 0, x, alpha * (np.exp(x) - 1))
`;

  it("ends the parameter at its comma though its annotation's predicate holds a '<'", () => {
    expectFormula(PY, SRC, 'scale * np.where(x > 0, x, alpha * (np.exp(x) - 1))', {
      id: 'selu',
      framework: 'numpy',
    });
  });
});

describe('parameters: a default in parentheses', () => {
  const SRC = `"""The "very leaky" ReLU of Xu et al. (2015): negative inputs divided by 5.5."""
import numpy as np


def very_leaky(x, slope=(1 / 5.5)):
    return np.where(x > 0, x, slope * x)
`;

  it('reads the default to its closing parenthesis', () => {
    expectFormula(PY, SRC, 'np.where(x > 0, x, slope * x)', {
      id: 'leaky_relu',
      framework: 'numpy',
      params: { negative_slope: 1 / 5.5 },
    });
  });
});

describe('formulas over temporaries', () => {
  const SRC = `"""Activations of the small MLP, written with temporaries."""
import numpy as np


def elu(x, alpha=1.0):
    e = np.exp(x)
    return np.where(x > 0, x, alpha * (e - 1))


def squared_relu(x):
    """Primer's squared ReLU (So et al., 2021)."""
    r = np.maximum(x, 0)
    y = r * r
    return y
`;

  it('reads the whole formula from inside a temporary’s use (`e - 1`)', () => {
    expectFormula(PY, SRC, 'np.where(x > 0, x, alpha * (e - 1))', {
      id: 'elu',
      framework: 'numpy',
      params: { alpha: 1 },
    });
  });

  it('reads a product of temporaries, in a statement whose every name is bound', () => {
    expectFormula(PY, SRC, 'r * r', { id: 'relu_squared', framework: 'numpy' });
  });
});

describe('softmax and log-softmax look-alikes', () => {
  const SRC = `"""Normalizers for the attention scores, and the variants the ablation compares."""
import numpy as np


def softmax(x):
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def max_scaled_softmax(x):
    """Softmax of x / max(x): a temperature set by the row's maximum."""
    e = np.exp(x / x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def log_softmax(x):
    return x - np.log(np.sum(np.exp(x), axis=-1, keepdims=True))


def log_softmax_with_reference(x):
    """Log-probabilities with an implicit reference class of logit 0 (the 1 in the normalizer)."""
    return x - np.log1p(np.sum(np.exp(x), axis=-1, keepdims=True))


def log_normalizer_added(x):
    """The ablation's broken variant: the normalizer added, not subtracted."""
    return x + np.log(np.sum(np.exp(x), axis=-1, keepdims=True))


def weighted_by_mass(x):
    """exp(x) times the total mass: the ablation's unnormalized weights."""
    return np.exp(x) * np.sum(np.exp(x), axis=-1, keepdims=True)
`;

  it('reads softmax and log-softmax', () => {
    expectFormula(PY, SRC, 'e / e.sum(axis=-1, keepdims=True)', {
      id: 'softmax',
      framework: 'numpy',
      params: { dim: -1 },
    });
    expectFormula(PY, SRC, 'x - np.log(np.sum(np.exp(x), axis=-1, keepdims=True))', {
      id: 'log_softmax',
      framework: 'numpy',
      params: { dim: -1 },
    });
  });

  it('shows no softmax of x for exp(x / max x), whose input is scaled', () => {
    expectNoFormula(PY, SRC, 'e / e.sum(axis=-1, keepdims=True)', 1);
  });

  it('shows no log-softmax for x − log(1 + Σ exp x) nor for x + log Σ exp x', () => {
    expectNoFormula(PY, SRC, 'x - np.log1p(np.sum(np.exp(x), axis=-1, keepdims=True))');
    expectNoFormula(PY, SRC, 'x + np.log(np.sum(np.exp(x), axis=-1, keepdims=True))');
  });

  it('shows no softmax for exp(x) times Σ exp x', () => {
    expectNoFormula(PY, SRC, 'np.exp(x) * np.sum(np.exp(x), axis=-1, keepdims=True)');
  });
});

describe('softmax over an axis the code computes, given by position', () => {
  const SRC = `"""Softmax over one axis of each example; inputs carry a leading batch axis."""
import numpy as np


class BatchedSoftmax:
    def __init__(self, axis=0):
        self.axis = axis  # the axis within one example

    def __call__(self, x):
        e = np.exp(x - np.max(x, axis=self.axis + 1, keepdims=True))
        return e / np.sum(e, self.axis + 1, keepdims=True)
`;

  it('shows softmax with its dimension not read, as the keyword form does', () => {
    // Before: a positional axis that was neither a number nor a plain name gave no hover at all.
    const formula = 'e / np.sum(e, self.axis + 1, keepdims=True)';
    expectFormula(PY, SRC, formula, { id: 'softmax', framework: 'numpy', params: {} });
    assert.deepEqual(recognizedAtStart(PY, SRC, formula)?.nonLiteral, ['dim']);
  });
});

describe("a formula's framework when its functions come from two libraries", () => {
  it("names Flux for Julia's mish: tanh is Base's, softplus NNlib's", () => {
    const src = `module Blocks

using Flux
using NNlib

"""Mish (Misra, 2019), written out as NNlib defines it."""
mish_act(x) = x * tanh(softplus(x))

end
`;
    expectFormula('julia', src, 'x * tanh(softplus(x))', { id: 'mish', framework: 'flux' });
  });

  it("names no LibTorch for a C++ formula over the project's own math namespace", () => {
    const src = `#include "fastmath.h"

using namespace math;

// Logistic function for the scalar fallback path (no tensors here).
double sigmoid(double x) {
  return 1.0 / (1.0 + exp(-x));
}
`;
    expectFormula('cpp', src, '1.0 / (1.0 + exp(-x))', { id: 'sigmoid', framework: 'other' });
  });
});

describe('TypeScript calls: which parameter each argument is for', () => {
  const SRC = `import * as tf from '@tensorflow/tfjs';

interface Inputs {
  x: tf.Tensor;
  mask?: tf.Tensor;
}

/** Leaky ReLU of the input the props carry. */
export function leakyOf({ x }: Inputs, slope = 0.2): tf.Tensor {
  return tf.maximum(x, tf.mul(slope, x));
}

/** Leaky ReLU; the range is only checked by the caller's assertions. */
export function leakyRange(x: tf.Tensor, [lo, hi]: [number, number] = [-6, 6], slope = 0.2): tf.Tensor {
  return tf.maximum(x, tf.mul(slope, x));
}

export function leaky(x: tf.Tensor, slope = 0.2): tf.Tensor {
  return tf.maximum(x, tf.mul(slope, x));
}

export const leakyArrow = (x: tf.Tensor, slope = 0.2) => tf.maximum(x, tf.mul(slope, x));

export function block(h: tf.Tensor): tf.Tensor[] {
  let s;
  const a = leakyOf({ x: h }, 0.3);
  const b = leakyRange(h, [-3, 3], 0.05);
  const c = leaky(h, 0.3);
  const d = leaky(h, s = 0.05);
  const e = leakyArrow(h, 0.3);
  const f = leakyArrow(h, s = 0.05);
  return [a, b, c, d, e, f];
}
`;
  const leakyWith = (slope: number) => ({
    id: 'leaky_relu',
    framework: 'tfjs',
    params: { negative_slope: slope },
  });

  it('counts a destructured parameter, first or later, as one parameter', () => {
    expectCall(TS, SRC, 'leakyOf', leakyWith(0.3), 1);
    expectCall(TS, SRC, 'leakyRange', leakyWith(0.05), 1);
  });

  it("reads a positional argument, and an assignment's value passed by position", () => {
    expectCall(TS, SRC, 'leaky', leakyWith(0.3), 1);
    expectCall(TS, SRC, 'leaky', leakyWith(0.05), 2);
    expectCall(TS, SRC, 'leakyArrow', leakyWith(0.3), 1);
    expectCall(TS, SRC, 'leakyArrow', leakyWith(0.05), 2);
  });
});

describe('TypeScript: a function passed to another, not called', () => {
  const SRC = `import * as tf from '@tensorflow/tfjs';

export function leaky(x: tf.Tensor, slope = 0.2): tf.Tensor {
  return tf.maximum(x, tf.mul(slope, x));
}

/** Applies an activation, then dropout at the given rate. */
function withDropout(fn: (t: tf.Tensor) => tf.Tensor, x: tf.Tensor, rate: number): tf.Tensor {
  return tf.dropout(fn(x), rate);
}

export function block(h: tf.Tensor): tf.Tensor {
  return withDropout(leaky, h, 0.3);
}
`;

  it("keeps the function's own default: the 0.3 after it is the dropout rate", () => {
    expectCall(
      TS,
      SRC,
      'leaky',
      {
        id: 'leaky_relu',
        framework: 'tfjs',
        params: { negative_slope: 0.2 },
      },
      1,
    );
  });
});
