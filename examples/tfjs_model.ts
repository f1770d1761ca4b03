// TF.js: tfjs-core ops and tfjs-layers activations.
import * as tf from '@tensorflow/tfjs';

const model = tf.sequential();
model.add(tf.layers.dense({ units: 32, inputShape: [8], activation: 'relu' }));
model.add(tf.layers.dense({ units: 10, activation: 'softmax' }));

const x = tf.tensor1d([-2, -0.5, 0, 0.5, 2]);
const leaky = tf.leakyRelu(x, 0.2);
const squashed = x.sigmoid();
const hard = tf.layers.activation({ activation: 'hardSigmoid' });

export { model, leaky, squashed, hard };
