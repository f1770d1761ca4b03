/**
 * A plain block after a statement (`const positive = tf.relu(x); { … }`) reads the parameters of the
 * function around it: the `)` of the statement before it (`tf.relu(x)`, `stats(x).slope = slope`) is no
 * parameter list of the block.
 *
 * Expected values come from JavaScript's grammar (a block statement has no parameters; its names are the
 * function's) and TF.js' documentation: max(x, 0.2x) with the parameter's default 0.2 is leaky ReLU 0.2.
 */
import './freshModels';
import { expectFormula } from './formulaHelpers';

const JAVASCRIPT = `// Leaky units for the critic; each scopes its temporaries in a block, as the style guide asks.
import * as tf from '@tensorflow/tfjs';

export function leakyAfterRelu(x, slope = 0.2) {
  const positive = tf.relu(x);
  {
    return tf.maximum(x, tf.mul(x, slope));
  }
}

export function leakyTracked(x, slope = 0.2) {
  stats(x).slope = slope
  {
    return tf.maximum(x, tf.mul(slope, x));
  }
}
`;

describe('a plain block after a statement', () => {
  it('reads the function’s parameter after a call statement ending in `;` (leaky ReLU 0.2)', () => {
    expectFormula('javascript', JAVASCRIPT, 'tf.maximum(x, tf.mul(x, slope))', {
      id: 'leaky_relu',
      framework: 'tfjs',
      params: { negative_slope: 0.2 },
    });
  });

  it('reads the function’s parameter after an assignment to a call’s attribute, no `;` (leaky ReLU 0.2)', () => {
    expectFormula('javascript', JAVASCRIPT, 'tf.maximum(x, tf.mul(slope, x))', {
      id: 'leaky_relu',
      framework: 'tfjs',
      params: { negative_slope: 0.2 },
    });
  });
});
