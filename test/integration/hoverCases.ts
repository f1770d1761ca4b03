// The calls the hover integration tests go over, one or more per language and framework, and the places
// where no hover may appear. Each case names a fixture under test/fixtures/hover and a needle in it.
import type { Params } from '../../src/core';

export interface HoverCase {
  readonly file: string;
  readonly needle: string;
  readonly offset?: number;
  readonly nth?: number;
  readonly id: string;
  /** How the title names the framework. */
  readonly framework: string;
  /** The parameters this code means: its literals, else the framework's documented default. */
  readonly params: Params;
  /** The call's own numeric argument, if it has one. */
  readonly arg?: number;
}

export const CASES: HoverCase[] = [
  // Issue 2: the PyTorch spellings of ReLU.
  { file: 'torch_relu.py', needle: 'relu(self.fc', id: 'relu', framework: 'PyTorch', params: {} },
  {
    file: 'torch_relu.py',
    needle: 'F.relu(',
    offset: 2,
    id: 'relu',
    framework: 'PyTorch',
    params: {},
  },
  {
    file: 'torch_relu.py',
    needle: 'torch.relu(',
    offset: 6,
    id: 'relu',
    framework: 'PyTorch',
    params: {},
  },
  {
    file: 'torch_relu.py',
    needle: 'nn.ReLU(',
    offset: 3,
    id: 'relu',
    framework: 'PyTorch',
    params: {},
  },
  // PyTorch with parameters, defaults and numeric arguments.
  {
    file: 'torch_model.py',
    needle: 'nn.LeakyReLU(',
    offset: 3,
    id: 'leaky_relu',
    framework: 'PyTorch',
    params: { negative_slope: 0.2 },
  },
  {
    // A module called through the attribute it was built into in __init__.
    file: 'torch_model.py',
    needle: 'self.leaky(',
    offset: 6,
    id: 'leaky_relu',
    framework: 'PyTorch',
    params: { negative_slope: 0.2 },
  },
  {
    file: 'torch_model.py',
    needle: 'nn.GELU(',
    offset: 3,
    id: 'gelu',
    framework: 'PyTorch',
    params: { approximate: 'tanh' },
  },
  {
    file: 'torch_model.py',
    needle: 'F.elu(',
    offset: 2,
    id: 'elu',
    framework: 'PyTorch',
    params: { alpha: 0.5 },
  },
  {
    file: 'torch_model.py',
    needle: 'F.softplus(',
    offset: 2,
    id: 'softplus',
    framework: 'PyTorch',
    params: { beta: 2 },
  },
  {
    file: 'torch_model.py',
    needle: 'nn.Hardsigmoid(',
    offset: 3,
    id: 'hardsigmoid',
    framework: 'PyTorch',
    params: {},
  },
  {
    file: 'torch_model.py',
    needle: 'F.relu(-2.0)',
    offset: 2,
    id: 'relu',
    framework: 'PyTorch',
    params: {},
    arg: -2,
  },
  {
    file: 'torch_model.py',
    needle: 'F.leaky_relu(0.0)',
    offset: 2,
    id: 'leaky_relu',
    framework: 'PyTorch',
    params: {},
    arg: 0,
  },
  // Keras / TensorFlow: string activations and their own defaults.
  {
    file: 'keras_model.py',
    needle: '"swish"',
    offset: 1,
    id: 'silu',
    framework: 'Keras',
    params: {},
  },
  // keras/src/layers/activations/leaky_relu.py: LeakyReLU(negative_slope=0.3).
  {
    file: 'keras_model.py',
    needle: 'layers.LeakyReLU(',
    offset: 7,
    id: 'leaky_relu',
    framework: 'Keras',
    params: { negative_slope: 0.3 },
  },
  // tensorflow/python/ops/nn_ops.py: leaky_relu(features, alpha=0.2).
  {
    file: 'keras_model.py',
    needle: 'tf.nn.leaky_relu(',
    offset: 6,
    id: 'leaky_relu',
    framework: 'TensorFlow',
    params: { negative_slope: 0.2 },
  },
  // JAX: jax.nn.gelu(x, approximate=True) by default.
  {
    file: 'jax_model.py',
    needle: 'jax.nn.gelu(',
    offset: 7,
    id: 'gelu',
    framework: 'JAX',
    params: { approximate: 'tanh' },
  },
  {
    file: 'jax_model.py',
    needle: 'jax.nn.leaky_relu(',
    offset: 7,
    id: 'leaky_relu',
    framework: 'JAX',
    params: {},
  },
  // TensorFlow.js: ops (tf.leakyRelu alpha=0.2) and layers.
  {
    file: 'tfjs_model.js',
    needle: "'relu'",
    offset: 1,
    id: 'relu',
    framework: 'TensorFlow.js',
    params: {},
  },
  {
    file: 'tfjs_model.js',
    needle: 'tf.layers.leakyReLU(',
    offset: 10,
    id: 'leaky_relu',
    framework: 'TensorFlow.js',
    params: { negative_slope: 0.1 },
  },
  {
    file: 'tfjs_model.js',
    needle: 'tf.leakyRelu(',
    offset: 3,
    id: 'leaky_relu',
    framework: 'TensorFlow.js',
    params: { negative_slope: 0.2 },
  },
  {
    file: 'tfjs_model.ts',
    needle: "'relu6'",
    offset: 1,
    id: 'relu6',
    framework: 'TensorFlow.js',
    params: {},
  },
  {
    file: 'tfjs_model.ts',
    needle: 'tf.elu(x)',
    offset: 3,
    id: 'elu',
    framework: 'TensorFlow.js',
    params: {},
  },
  // Julia / Flux: NNlib's leakyrelu(x, a) and its tanh-approximated gelu.
  { file: 'flux_model.jl', needle: 'relu),', id: 'relu', framework: 'Flux', params: {} },
  {
    file: 'flux_model.jl',
    needle: 'gelu)',
    id: 'gelu',
    framework: 'Flux',
    params: { approximate: 'tanh' },
  },
  {
    file: 'flux_model.jl',
    needle: 'leakyrelu(-1.5',
    id: 'leaky_relu',
    framework: 'Flux',
    params: { negative_slope: 0.2 },
    arg: -1.5,
  },
  // C++ LibTorch and Rust candle.
  {
    file: 'libtorch_model.cpp',
    needle: 'torch::relu(fc',
    offset: 7,
    id: 'relu',
    framework: 'LibTorch',
    params: {},
  },
  {
    file: 'libtorch_model.cpp',
    needle: 'torch::sigmoid(',
    offset: 7,
    id: 'sigmoid',
    framework: 'LibTorch',
    params: {},
  },
  { file: 'candle_model.rs', needle: 'relu()?', id: 'relu', framework: 'Candle', params: {} },
  {
    file: 'candle_model.rs',
    needle: 'ops::sigmoid(',
    offset: 5,
    id: 'sigmoid',
    framework: 'Candle',
    params: {},
  },
];

/** Places the recognizer must refuse: comments, strings, look-alike names, definitions. */
export const NEGATIVES: { file: string; needle: string; offset?: number }[] = [
  { file: 'torch_relu.py', needle: '# relu(h)', offset: 2 },
  { file: 'torch_relu.py', needle: 'def relu_count', offset: 4 },
  { file: 'torch_relu.py', needle: 'print(relu_count', offset: 6 },
  { file: 'torch_relu.py', needle: 'def my_relu', offset: 7 },
  { file: 'keras_model.py', needle: 'activation_name = "relu"', offset: 19 },
  { file: 'tfjs_model.js', needle: '// tf.relu(x)', offset: 6 },
  { file: 'tfjs_model.js', needle: 'reluCount', offset: 0 },
  { file: 'tfjs_model.ts', needle: "'tf.elu(x) inside", offset: 4 },
  { file: 'flux_model.jl', needle: '# relu(x)', offset: 2 },
  { file: 'flux_model.jl', needle: 'relu_count(xs)', offset: 0 },
  { file: 'libtorch_model.cpp', needle: '// torch::relu(x)', offset: 10 },
  { file: 'libtorch_model.cpp', needle: 'int relu_count', offset: 4 },
  { file: 'candle_model.rs', needle: '// xs.relu()', offset: 6 },
  { file: 'candle_model.rs', needle: 'fn relu_count', offset: 3 },
];
