/**
 * TypeScript overload signatures compute nothing: a call runs the one implementation with a body
 * (TypeScript handbook, "Function Overloads"). A name that is only declared (`declare function`) has no
 * body to read, so it is no hover rather than a guess from its name.
 */
import { expectCall, expectNothing } from './recognizeHelpers';

const TS = 'typescript';

const OVERLOADED = `import * as tf from '@tensorflow/tfjs';

/**
 * Rectified gate with typed overloads, so callers keep their tensor rank.
 * @param x activations of any rank
 */
export function gate(x: tf.Tensor1D): tf.Tensor1D;
export function gate(x: tf.Tensor2D): tf.Tensor2D;
export function gate(x: tf.Tensor): tf.Tensor {
  return tf.relu(x);
}

export function head(features: tf.Tensor2D, kernel: tf.Tensor2D): tf.Tensor2D {
  const h = tf.matMul(features, kernel);
  return gate(h);
}
`;

const AMBIENT = `import * as tf from '@tensorflow/tfjs';

// Provided by the WebGPU kernels bundle at run time.
declare function gate(x: tf.Tensor2D): tf.Tensor2D;

export function head(features: tf.Tensor2D, kernel: tf.Tensor2D): tf.Tensor2D {
  return gate(tf.matMul(features, kernel));
}
`;

describe('TypeScript overloads', () => {
  it('a call to an overloaded function reads the implementation, not its signatures', () => {
    expectCall(TS, OVERLOADED, 'gate', { id: 'relu', framework: 'tfjs' }, 4);
    expectCall(TS, OVERLOADED, 'relu', { id: 'relu', framework: 'tfjs' });
  });

  it('a function that is only declared has no body to read', () => {
    expectNothing(TS, AMBIENT, 'gate', 1);
  });
});
