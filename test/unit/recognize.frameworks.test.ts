/**
 * Recognizer on Keras/TensorFlow, JAX/Flax, hand-written NumPy, TF.js, Flux, LibTorch, candle and burn code,
 * with each framework's own defaults where the code gives no value.
 */
import { describe, it } from 'node:test';
import { expectFormula } from './formulaHelpers';
import { expectCall, expectNothing } from './recognizeHelpers';

describe('recognizeAt: Keras and TensorFlow', () => {
  const KERAS3 = `import keras
from keras import layers

model = keras.Sequential([
    layers.Dense(64, activation="relu"),
    layers.Activation("gelu"),
    layers.Dense(64, activation="hard_sigmoid"),
    layers.LeakyReLU(negative_slope=0.1),
    layers.LeakyReLU(),
    layers.ReLU(6.0),
    layers.Dense(10, activation='softmax'),
])
y = keras.activations.selu(x)
`;
  it('reads activation strings and layers in Keras 3', () => {
    expectCall('python', KERAS3, 'relu', { id: 'relu', framework: 'keras' });
    expectCall('python', KERAS3, 'gelu', {
      id: 'gelu',
      framework: 'keras',
      params: { approximate: 'none' },
    });
    expectCall('python', KERAS3, 'hard_sigmoid', {
      id: 'hardsigmoid',
      framework: 'keras',
      params: { slope: 1 / 6 },
    });
    expectCall('python', KERAS3, 'LeakyReLU', {
      id: 'leaky_relu',
      framework: 'keras',
      params: { negative_slope: 0.1 },
    });
    // Keras' LeakyReLU layer defaults to 0.3, not PyTorch's 0.01.
    expectCall(
      'python',
      KERAS3,
      'LeakyReLU',
      { id: 'leaky_relu', framework: 'keras', params: { negative_slope: 0.3 } },
      1,
    );
    expectCall('python', KERAS3, 'ReLU', {
      id: 'relu',
      framework: 'keras',
      params: { max_value: 6 },
    });
    expectCall('python', KERAS3, 'softmax', {
      id: 'softmax',
      framework: 'keras',
      params: { dim: -1 },
    });
    expectCall('python', KERAS3, 'selu', { id: 'selu', framework: 'keras' });
  });

  it('uses tf.keras 2 conventions under tensorflow imports', () => {
    const src = `import tensorflow as tf
from tensorflow import keras

m = keras.layers.Dense(8, activation="hard_sigmoid")
a = tf.keras.layers.LeakyReLU(alpha=0.2)
b = tf.keras.layers.Dense(4, activation=tf.nn.swish)
`;
    expectCall('python', src, 'hard_sigmoid', {
      id: 'hardsigmoid',
      framework: 'keras',
      params: { slope: 0.2 },
    });
    expectCall('python', src, 'LeakyReLU', {
      id: 'leaky_relu',
      framework: 'keras',
      params: { negative_slope: 0.2 },
    });
    expectCall('python', src, 'swish', { id: 'silu', framework: 'tensorflow' });
  });

  it('reads tf.nn and tf.math with TensorFlow defaults', () => {
    const src = `y = tf.nn.leaky_relu(x)
z = tf.nn.leaky_relu(x, alpha=0.1)
p = tf.nn.softmax(logits, axis=-1)
s = tf.math.sigmoid(x)
g = tf.nn.gelu(x, approximate=True)
`;
    expectCall('python', src, 'leaky_relu', {
      id: 'leaky_relu',
      framework: 'tensorflow',
      params: { negative_slope: 0.2 },
    });
    expectCall(
      'python',
      src,
      'leaky_relu',
      { id: 'leaky_relu', framework: 'tensorflow', params: { negative_slope: 0.1 } },
      1,
    );
    expectCall('python', src, 'softmax', {
      id: 'softmax',
      framework: 'tensorflow',
      params: { dim: -1 },
    });
    expectCall('python', src, 'sigmoid', { id: 'sigmoid', framework: 'tensorflow' });
    expectCall('python', src, 'gelu', {
      id: 'gelu',
      framework: 'tensorflow',
      params: { approximate: 'tanh' },
    });
  });
});

describe('recognizeAt: Keras keywords across versions', () => {
  it('maps the older alpha= and the relu extras to core names', () => {
    const src = `a = layers.LeakyReLU(alpha=0.1)
b = keras.activations.relu(x, negative_slope=0.1, max_value=6.0)
c = keras.layers.Dense(
    32,
    activation="leaky_relu",
)
d = keras.ops.gelu(x)
`;
    expectCall('python', src, 'LeakyReLU', {
      id: 'leaky_relu',
      framework: 'keras',
      params: { negative_slope: 0.1 },
    });
    expectCall('python', src, 'relu', {
      id: 'relu',
      framework: 'keras',
      params: { negative_slope: 0.1, max_value: 6, threshold: 0 },
    });
    // keras.activations.leaky_relu (and its string) default to 0.2, unlike the layer's 0.3.
    expectCall('python', src, 'leaky_relu', {
      id: 'leaky_relu',
      framework: 'keras',
      params: { negative_slope: 0.2 },
    });
    // keras.ops.gelu defaults to the tanh approximation.
    expectCall('python', src, 'gelu', {
      id: 'gelu',
      framework: 'keras',
      params: { approximate: 'tanh' },
    });
  });
});

describe('recognizeAt: long layer configurations', () => {
  it('finds the layer of an activation string far below its opening parenthesis', () => {
    const args = '    kernel_initializer="glorot_uniform",\n'.repeat(12);
    const src = `import keras\n\nx = keras.layers.Dense(\n    64,\n${args}    activation="hard_sigmoid",\n)(x)\n`;
    expectCall('python', src, 'hard_sigmoid', {
      id: 'hardsigmoid',
      framework: 'keras',
      params: { slope: 1 / 6 },
    });
  });
});

describe('recognizeAt: JAX and Flax', () => {
  it('reads jax.nn with JAX defaults (gelu is tanh by default)', () => {
    const src = `import jax
import jax.numpy as jnp

def mlp(params, x):
    h = jax.nn.relu(x @ params["w1"])
    h = jax.nn.gelu(h, approximate=False)
    g = jax.nn.gelu(h)
    return jax.nn.softmax(h, axis=-1)
`;
    expectCall('python', src, 'relu', { id: 'relu', framework: 'jax' });
    expectCall('python', src, 'gelu', {
      id: 'gelu',
      framework: 'jax',
      params: { approximate: 'none' },
    });
    expectCall(
      'python',
      src,
      'gelu',
      { id: 'gelu', framework: 'jax', params: { approximate: 'tanh' } },
      1,
    );
    expectCall('python', src, 'softmax', { id: 'softmax', framework: 'jax', params: { dim: -1 } });
  });

  it('reads Flax linen through its import alias and functools.partial', () => {
    const src = `from functools import partial
from flax import linen as nn

class Block(nn.Module):
    @nn.compact
    def __call__(self, x):
        x = nn.Dense(128)(x)
        x = nn.gelu(x)
        act = partial(nn.gelu, approximate=False)
        return act(x)
`;
    expectCall('python', src, 'gelu', {
      id: 'gelu',
      framework: 'flax',
      params: { approximate: 'tanh' },
    });
    expectCall(
      'python',
      src,
      'gelu',
      { id: 'gelu', framework: 'flax', params: { approximate: 'none' } },
      1,
    );
  });
});

describe('recognizeAt: NumPy written by hand', () => {
  it('recognizes maximum against zero, the logistic expression and tanh', () => {
    const src = `import numpy as np

def forward(x):
    a = np.maximum(0, x)
    b = np.maximum(x, 0.0)
    c = 1 / (1 + np.exp(-x))
    return np.tanh(a + b + c)
`;
    expectFormula('python', src, 'np.maximum(0, x)', { id: 'relu', framework: 'numpy' });
    expectFormula('python', src, 'np.maximum(x, 0.0)', { id: 'relu', framework: 'numpy' });
    expectCall('python', src, 'tanh', { id: 'tanh', framework: 'numpy' });
    expectFormula('python', src, '1 / (1 + np.exp(-x))', { id: 'sigmoid', framework: 'numpy' });
  });
});
describe('recognizeAt: TF.js', () => {
  const src = `import * as tf from '@tensorflow/tfjs';

const model = tf.sequential();
model.add(tf.layers.dense({units: 10, activation: 'softmax', inputShape: [4]}));
model.add(tf.layers.activation({activation: 'relu'}));
model.add(tf.layers.leakyReLU({alpha: 0.1}));
const y = tf.leakyRelu(x, 0.2);
const z = tf.relu(x);
const w = x.sigmoid();
const v = tf.leakyRelu(x);
`;
  it('reads ops, tensor methods, layers and activation strings', () => {
    expectCall('typescript', src, 'softmax', { id: 'softmax', framework: 'tfjs' });
    expectCall('typescript', src, 'relu', { id: 'relu', framework: 'tfjs' });
    expectCall('typescript', src, 'leakyReLU', {
      id: 'leaky_relu',
      framework: 'tfjs',
      params: { negative_slope: 0.1 },
    });
    expectCall('typescript', src, 'leakyRelu', {
      id: 'leaky_relu',
      framework: 'tfjs',
      params: { negative_slope: 0.2 },
    });
    expectCall('javascript', src, 'relu', { id: 'relu', framework: 'tfjs' }, 1);
    expectCall('javascript', src, 'sigmoid', { id: 'sigmoid', framework: 'tfjs' });
    const exported = 'export const act = (x) => tf.relu6(x);';
    expectCall('javascript', exported, 'relu6', { id: 'relu6', framework: 'tfjs' });
    expectCall(
      'javascript',
      src,
      'leakyRelu',
      { id: 'leaky_relu', framework: 'tfjs', params: { negative_slope: 0.2 } },
      1,
    );
  });

  it('uses tfjs-layers hard sigmoid (0.2x + 0.5) and gelu_new (tanh)', () => {
    const layers = `tf.layers.lstm({units: 8, recurrentActivation: 'hardSigmoid'});
tf.layers.dense({units: 8, activation: 'gelu_new'});`;
    expectCall('javascript', layers, 'hardSigmoid', {
      id: 'hardsigmoid',
      framework: 'tfjs',
      params: { slope: 0.2 },
    });
    expectCall('javascript', layers, 'gelu_new', {
      id: 'gelu',
      framework: 'tfjs',
      params: { approximate: 'tanh' },
    });
  });
});

describe('recognizeAt: Flux / NNlib', () => {
  const src = `using Flux

model = Chain(
    Dense(10 => 5, relu),
    Dense(5 => 5, σ),
    x -> leakyrelu.(x, 0.2f0),
    x -> softmax(x; dims=1),
    Dense(5 => 2, gelu),
)
`;
  it('reads references, broadcasts and Julia literals', () => {
    expectCall('julia', src, 'relu', { id: 'relu', framework: 'flux' });
    expectCall('julia', src, 'σ', { id: 'sigmoid', framework: 'flux' });
    expectCall('julia', src, 'leakyrelu', {
      id: 'leaky_relu',
      framework: 'flux',
      params: { negative_slope: 0.2 },
    });
    expectCall('julia', src, 'softmax', { id: 'softmax', framework: 'flux', params: { dim: 1 } });
    expectCall('julia', src, 'gelu', {
      id: 'gelu',
      framework: 'flux',
      params: { approximate: 'tanh' },
    });
  });

  it('uses NNlib defaults', () => {
    expectCall('julia', 'y = leakyrelu(x)', 'leakyrelu', {
      id: 'leaky_relu',
      framework: 'flux',
      params: { negative_slope: 0.01 },
    });
    expectCall('julia', 'y = softmax(x)', 'softmax', {
      id: 'softmax',
      framework: 'flux',
      params: { dim: 1 },
    });
    expectCall('julia', 'y = NNlib.elu(x, 1//2)', 'elu', {
      id: 'elu',
      framework: 'flux',
      params: { alpha: 0.5 },
    });
  });
});

describe('recognizeAt: LibTorch', () => {
  const src = `#include <torch/torch.h>
namespace F = torch::nn::functional;

torch::Tensor forward(torch::Tensor x) {
  x = torch::relu(x);
  x = torch::nn::functional::gelu(x, F::GELUFuncOptions().approximate("tanh"));
  x = F::leaky_relu(x, F::LeakyReLUFuncOptions().negative_slope(0.1));
  auto act = torch::nn::LeakyReLU(torch::nn::LeakyReLUOptions().negative_slope(0.2));
  auto sm = torch::nn::Softmax(torch::nn::SoftmaxOptions(1));
  return torch::log_softmax(x, 1);
}
`;
  it('reads functions, options builders and modules', () => {
    expectCall('cpp', src, 'relu', { id: 'relu', framework: 'libtorch' });
    expectCall('cpp', src, 'gelu', {
      id: 'gelu',
      framework: 'libtorch',
      params: { approximate: 'tanh' },
    });
    expectCall('cpp', src, 'leaky_relu', {
      id: 'leaky_relu',
      framework: 'libtorch',
      params: { negative_slope: 0.1 },
    });
    expectCall('cpp', src, 'LeakyReLU', {
      id: 'leaky_relu',
      framework: 'libtorch',
      params: { negative_slope: 0.2 },
    });
    expectCall('cpp', src, 'Softmax', { id: 'softmax', framework: 'libtorch', params: { dim: 1 } });
    expectCall('cpp', src, 'log_softmax', {
      id: 'log_softmax',
      framework: 'libtorch',
      params: { dim: 1 },
    });
    expectCall('c', 'y = torch::sigmoid(x);', 'sigmoid', { id: 'sigmoid', framework: 'libtorch' });
    expectCall('cpp', 'y = torch::leaky_relu(x, 0.2f);', 'leaky_relu', {
      id: 'leaky_relu',
      framework: 'libtorch',
      params: { negative_slope: 0.2 },
    });
    expectCall('cpp', 'auto y = x.softmax(/*dim=*/1);', 'softmax', {
      id: 'softmax',
      framework: 'libtorch',
      params: { dim: 1 },
    });
  });
});

describe('recognizeAt: LibTorch modules declared as members', () => {
  const src = `struct Net : torch::nn::Module {
  torch::nn::LeakyReLU act{torch::nn::LeakyReLUOptions().negative_slope(0.2)};
  torch::nn::ELU elu(torch::nn::ELUOptions().alpha(0.5));
  torch::nn::Linear fc{nullptr};
};
`;
  it('reads the options of brace and parenthesis initialisers', () => {
    expectCall('cpp', src, 'LeakyReLU', {
      id: 'leaky_relu',
      framework: 'libtorch',
      params: { negative_slope: 0.2 },
    });
    expectCall('cpp', src, 'ELU', { id: 'elu', framework: 'libtorch', params: { alpha: 0.5 } });
  });
  it('does not take the member name for the activation', () => {
    expectNothing('cpp', src, 'act');
  });
});

describe('recognizeAt: Rust (candle, burn)', () => {
  it('reads candle methods, ops and the Activation enum', () => {
    const src = `use candle_core::{Result, Tensor};
use candle_nn::Activation;

fn forward(xs: &Tensor) -> Result<Tensor> {
    let h = xs.relu()?;
    let g = candle_nn::ops::sigmoid(&h)?;
    let act = Activation::Gelu;
    let t = h.gelu()?;
    act.forward(&t)
}
`;
    expectCall('rust', src, 'relu', { id: 'relu', framework: 'candle' });
    const pubFn = 'pub fn forward(&self, xs: &Tensor) -> Result<Tensor> { xs.silu() }';
    expectCall('rust', pubFn, 'silu', { id: 'silu', framework: 'candle' });
    expectCall('rust', src, 'sigmoid', { id: 'sigmoid', framework: 'candle' });
    expectCall('rust', src, 'Gelu', {
      id: 'gelu',
      framework: 'candle',
      params: { approximate: 'none' },
    });
    // candle's Tensor::gelu is the tanh approximation.
    expectCall('rust', src, 'gelu', {
      id: 'gelu',
      framework: 'candle',
      params: { approximate: 'tanh' },
    });
  });

  it('reads burn modules and configs', () => {
    const src = `use burn::nn::{LeakyReluConfig, Relu, SoftplusConfig};

let relu = Relu::new();
let leaky = LeakyReluConfig::new().with_negative_slope(0.2).init();
let soft = SoftplusConfig::new().with_beta(2.0).init();
let d = LeakyReluConfig::new().init();
`;
    expectCall('rust', src, 'Relu', { id: 'relu', framework: 'burn' }, 1);
    expectCall(
      'rust',
      src,
      'LeakyReluConfig',
      {
        id: 'leaky_relu',
        framework: 'burn',
        params: { negative_slope: 0.2 },
      },
      1,
    );
    expectCall(
      'rust',
      src,
      'SoftplusConfig',
      { id: 'softplus', framework: 'burn', params: { beta: 2 } },
      1,
    );
    expectCall(
      'rust',
      src,
      'LeakyReluConfig',
      {
        id: 'leaky_relu',
        framework: 'burn',
        params: { negative_slope: 0.01 },
      },
      2,
    );
  });
});
