/**
 * Which parameter a call's argument is for, where a parameter's type holds a generic's comma or the
 * argument is an expression that starts `name op literal`.
 *
 * Expected values come from the languages and the mathematics: TypeScript passes arguments by position,
 * a destructuring pattern (`{ x }`) taking one position, and the commas of a generic type's arguments
 * (`Record<string, tf.Tensor>`) separate no parameters (TypeScript handbook, "Generics"); max(x, s·x) is
 * leaky ReLU with slope s. `base * 0.5` is a product, no keyword argument and no literal: its value is not
 * 0.5, so no slope of 0.5 may be reported for it. A parameter list ends at its `)`: a name the function
 * reads but does not take (a module global, here assigned from the command line) is no parameter, and a
 * `name = 0.5` written after the function is no default of it.
 */
import assert from 'node:assert/strict';
import { expectCall, hover, nthOffset } from './recognizeHelpers';
import { recognizeAt } from '../../src/core';

const TS = 'typescript';
const PY = 'python';

describe('TypeScript: a first parameter whose type has a generic comma', () => {
  const SRC = `import * as tf from '@tensorflow/tfjs';

/** Leaky ReLU of the \`x\` entry of a multi-input layer's named inputs. */
export function leakyOfInputs({ x }: Record<string, tf.Tensor>, slope = 0.2): tf.Tensor {
  return tf.maximum(x, tf.mul(slope, x));
}

export function encoderBlock(inputs: Record<string, tf.Tensor>): tf.Tensor {
  const h = leakyOfInputs(inputs);
  return leakyOfInputs({ x: h }, 0.3);
}
`;

  it('gives the second argument to the slope, past the pattern and its generic type', () => {
    // leakyOfInputs({ x: h }, 0.3) computes max(h, 0.3h).
    expectCall(
      TS,
      SRC,
      'leakyOfInputs',
      { id: 'leaky_relu', framework: 'tfjs', params: { negative_slope: 0.3 } },
      2,
    );
  });
});

describe('TypeScript: an argument that is a product, not a literal', () => {
  const SRC = `import * as tf from '@tensorflow/tfjs';

export function leaky(x: tf.Tensor, slope = 0.2): tf.Tensor {
  return tf.maximum(x, tf.mul(slope, x));
}

/** Halves the slope in the deeper blocks, as some GAN discriminators do. */
export function discriminatorBlock(h: tf.Tensor, base: number, deep: boolean): tf.Tensor {
  const y = tf.layers.dense({ units: 256 }).apply(h) as tf.Tensor;
  return deep ? leaky(y, base * 0.5) : leaky(y, 0.2);
}
`;

  it('reports no slope of 0.5 for `base * 0.5`, whose value the code does not fix', () => {
    const got = hover(TS, SRC, 'leaky', 1);
    assert.notEqual(got?.params.negative_slope, 0.5, JSON.stringify(got));
  });

  it('reads the literal slope of the other call', () => {
    expectCall(
      TS,
      SRC,
      'leaky',
      { id: 'leaky_relu', framework: 'tfjs', params: { negative_slope: 0.2 } },
      2,
    );
  });
});

describe('Python: a parameter list ends at its closing parenthesis', () => {
  const SRC = `"""Leaky ReLU whose slope is a module global set from the command line."""
import sys

import numpy as np


def leaky(x):
    """max(x, slope * x) with the module's slope."""
    return np.where(x > 0, x, slope * x)


if __name__ == "__main__":
    offset, slope = 0.5, float(sys.argv[1])
    print(leaky(np.linspace(-1.0, 1.0, 5) + offset))
`;

  it('reads no default for `slope` from the tuple assignment after the function', () => {
    // At run time slope is float(sys.argv[1]): no literal; 0.5 is the offset's value.
    const expr = 'np.where(x > 0, x, slope * x)';
    const start = nthOffset(SRC, expr);
    for (const offset of [start, start + expr.indexOf('slope') + 2, start + expr.length]) {
      const got = recognizeAt(SRC, offset, PY);
      assert.notEqual(got?.params.negative_slope, 0.5, JSON.stringify(got));
    }
  });
});
