/**
 * Rectifiers gated by a comparison of two constants (formulas/terms.ts, `FOLD`'s comparisons), and
 * TypeScript type assertions inside formulas (formulas/expr.ts, `skipCast`).
 *
 * Expected values come from the languages' rules and from mathematics. In Python a comparison is a
 * `bool`, and `bool` is a subclass of `int` (True == 1, False == 0), so `np.maximum(x, s * (a > b) * x)`
 * with constant a and b is max(x, s·x), leaky ReLU of slope s (0 < s < 1), when the comparison holds,
 * and max(x, 0·x) = max(x, 0), ReLU, when it does not. Each gate is tested on both sides of its comparison
 * and at equality, where `<` and `>` are false and `<=` and `>=` are true.
 *
 * TypeScript's `x as T` only tells the compiler a type and leaves the value as it is (TypeScript handbook,
 * "Type Assertions"; `x as unknown as T` is the documented double assertion), whatever the type: a path
 * with type arguments (`tf.Tensor<tf.Rank.R2>`) or an array type (`number[]`, `tf.Tensor[][]`). TF.js:
 * `tf.maximum(a, b)` is the elementwise max and converts a `number[]` (TensorLike), so `tf.maximum(t, 0)` is ReLU; `tf.mul(x, tf.sigmoid(x))` is SiLU, x·σ(x); 1 / (1 + e⁻ᵛ) is the sigmoid.
 */
import './freshModels';
import { expectFormula } from './formulaHelpers';

const PY = 'python';
const TS = 'typescript';

const GATES = `"""Branch-free rectifiers for the traced export path.

The flags are plain ints so that tracing records one graph whatever the configuration: multiplying the
negative slope by a comparison keeps Python control flow out of the traced function.
"""
import numpy as np

EXPORT_OPSET = 17


def rectify(x, negative_slope=0.01, leaky=1):
    # 1 > 0 holds: the slope stays
    return np.maximum(x, negative_slope * (leaky > 0) * x)


def rectify_plain(x, negative_slope=0.01, leaky=0):
    # 0 > 0 is False: the slope is zeroed, a plain ReLU
    return np.maximum(x, negative_slope * (leaky > 0) * x)


def rectify_shallow(x, negative_slope=0.01, depth=2, max_depth=4):
    # 2 < 4 holds
    return np.maximum(x, negative_slope * (depth < max_depth) * x)


def rectify_at_max_depth(x, negative_slope=0.01, depth=4, max_depth=4):
    # 4 < 4 is False
    return np.maximum(x, negative_slope * (depth < max_depth) * x)


def rectify_up_to(x, negative_slope=0.01, layer=3, last_layer=3):
    # 3 <= 3 holds
    return np.maximum(x, negative_slope * (layer <= last_layer) * x)


def rectify_past(x, negative_slope=0.01, layer=5, last_layer=3):
    # 5 <= 3 is False
    return np.maximum(x, negative_slope * (layer <= last_layer) * x)


def rectify_after_warmup(x, negative_slope=0.01, step=10, warmup=10):
    # 10 >= 10 holds
    return np.maximum(x, negative_slope * (step >= warmup) * x)


def rectify_in_warmup(x, negative_slope=0.01, step=2, warmup=10):
    # 2 >= 10 is False
    return np.maximum(x, negative_slope * (step >= warmup) * x)
`;

const LEAKY = { id: 'leaky_relu', framework: 'numpy', params: { negative_slope: 0.01 } };
const RELU = { id: 'relu', framework: 'numpy' };
const GATED = [
  'np.maximum(x, negative_slope * (leaky > 0) * x)',
  'np.maximum(x, negative_slope * (depth < max_depth) * x)',
  'np.maximum(x, negative_slope * (layer <= last_layer) * x)',
  'np.maximum(x, negative_slope * (step >= warmup) * x)',
];

describe('new8f: a leaky slope gated by a comparison of two constants', () => {
  it('reads max(x, s·x) times a true comparison as leaky ReLU of slope s', () => {
    for (const expr of GATED) {
      expectFormula(PY, GATES, expr, LEAKY, 0);
    }
  });

  it('reads max(x, s·x) times a false comparison as ReLU', () => {
    for (const expr of GATED) {
      expectFormula(PY, GATES, expr, RELU, 1);
    }
  });
});

const LAYER = `/**
 * Custom TF.js layers whose inputs arrive as a tensor or a list of tensors (LayersModel.apply).
 */
import * as tf from '@tensorflow/tfjs';

type Inputs = { main: tf.Tensor[] };

export function siluTensor(x: tf.Tensor): tf.Tensor {
  // a rank-agnostic input asserted to rank 2 for the sigmoid
  return tf.mul(x, tf.sigmoid(x as unknown as tf.Tensor<tf.Rank.R2>));
}

export function reluFirst(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
  return tf.maximum((inputs as tf.Tensor[])[0], 0);
}

export function reluNested(inputs: unknown): tf.Tensor {
  return tf.maximum((inputs as tf.Tensor[][])[0][1], 0);
}

export function reluNamed(inputs: unknown): tf.Tensor {
  return tf.maximum((inputs as Inputs['main'])[0], 0);
}

export function reluRow(row: unknown): tf.Tensor {
  // number[] is TensorLike: tf.maximum converts it
  return tf.maximum(row as number[], 0);
}

export function reluTable(rows: unknown): tf.Tensor {
  return tf.maximum(rows as number[][], 0);
}

export function sigmoidScalar(v: unknown): number {
  return 1 / (1 + Math.exp(-(v as number)));
}
`;

describe('new8f: TypeScript type assertions leave the value as it is', () => {
  it('reads through a double assertion to a generic type', () => {
    expectFormula(TS, LAYER, 'tf.mul(x, tf.sigmoid(x as unknown as tf.Tensor<tf.Rank.R2>))', {
      id: 'silu',
      framework: 'tfjs',
    });
  });

  it('reads through an assertion to an array type', () => {
    const relu = { id: 'relu', framework: 'tfjs' };
    expectFormula(TS, LAYER, 'tf.maximum((inputs as tf.Tensor[])[0], 0)', relu);
    expectFormula(TS, LAYER, 'tf.maximum((inputs as tf.Tensor[][])[0][1], 0)', relu);
    expectFormula(TS, LAYER, 'tf.maximum(row as number[], 0)', relu);
    expectFormula(TS, LAYER, 'tf.maximum(rows as number[][], 0)', relu);
  });

  it('reads a sigmoid of a scalar asserted to a number', () => {
    expectFormula(TS, LAYER, '1 / (1 + Math.exp(-(v as number)))', {
      id: 'sigmoid',
      framework: 'other',
    });
  });
});
