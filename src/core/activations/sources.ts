/**
 * Where the catalogue's facts can be checked: each framework's docs site and its source at a release tag.
 * Every URL here is our own constant; the hover links them, never text from a file. `SITES` is the
 * allow-list a docs link or source must match for its framework (checked by the unit tests).
 */
import type { FactSource, Framework } from '../types';

/** A source with a label for prose and a URL. */
export function src(label: string, url: string): FactSource {
  return { label, url };
}

/** Source file at a tag on GitHub. */
function gh(repo: string, tag: string, path: string, label: string): FactSource {
  return src(`${label} (${tag})`, `https://github.com/${repo}/blob/${tag}/${path}`);
}

/** URL prefixes that belong to each framework (docs hosts and source repositories). */
export const SITES: Readonly<Record<Framework, readonly string[]>> = {
  pytorch: ['https://docs.pytorch.org/docs/', 'https://github.com/pytorch/pytorch/'],
  libtorch: [
    'https://docs.pytorch.org/docs/',
    'https://docs.pytorch.org/cppdocs/',
    'https://github.com/pytorch/pytorch/',
  ],
  // tf.keras 2 code is reported as Keras: its source (keras-team/tf-keras) and docs count as Keras'.
  keras: [
    'https://keras.io/api/',
    'https://github.com/keras-team/keras/',
    'https://github.com/keras-team/tf-keras/',
    'https://www.tensorflow.org/api_docs/python/tf/keras/',
    'https://www.tensorflow.org/versions/r2.15/api_docs/python/tf/keras/',
  ],
  tensorflow: [
    'https://www.tensorflow.org/api_docs/python/tf/',
    'https://github.com/tensorflow/tensorflow/',
  ],
  tfjs: ['https://js.tensorflow.org/api/', 'https://github.com/tensorflow/tfjs/'],
  jax: ['https://docs.jax.dev/en/latest/', 'https://github.com/jax-ml/jax/'],
  flax: ['https://flax.readthedocs.io/en/latest/', 'https://github.com/google/flax/'],
  flux: ['https://fluxml.ai/NNlib.jl/', 'https://github.com/FluxML/NNlib.jl/'],
  numpy: ['https://numpy.org/doc/'],
  candle: ['https://docs.rs/candle-nn/', 'https://github.com/huggingface/candle/'],
  burn: ['https://docs.rs/burn/', 'https://github.com/tracel-ai/burn/'],
  other: [],
};

/** Sources for facts no framework owns: papers, and transformers (which defines quick_gelu). */
export const OTHER_SOURCE_SITES: readonly string[] = [
  'https://arxiv.org/abs/',
  'https://github.com/huggingface/transformers/',
];

const PT = 'v2.5.0';
const K3 = 'v3.6.0';
const TFK2 = 'v2.17.0';
const TFV = 'v2.17.0';
const JAXV = 'jax-v0.4.35';
const TFJS = 'tfjs-v4.22.0';
const NNLIB = 'v0.9.24';
const FLAX = 'v0.10.0';

/** The source files the catalogue's conventions come from. */
export const SOURCE = {
  torchActivationCpu: gh(
    'pytorch/pytorch',
    PT,
    'aten/src/ATen/native/cpu/Activation.cpp',
    'PyTorch ATen CPU activation kernels',
  ),
  torchActivation: gh(
    'pytorch/pytorch',
    PT,
    'aten/src/ATen/native/Activation.cpp',
    'PyTorch ATen Activation.cpp',
  ),
  torchFunctional: gh(
    'pytorch/pytorch',
    PT,
    'torch/nn/functional.py',
    'PyTorch torch/nn/functional.py',
  ),
  torchInit: gh('pytorch/pytorch', PT, 'torch/nn/init.py', 'PyTorch torch/nn/init.py'),
  keras3Activations: gh(
    'keras-team/keras',
    K3,
    'keras/src/activations/activations.py',
    'Keras 3 keras/src/activations/activations.py',
  ),
  keras3JaxNn: gh(
    'keras-team/keras',
    K3,
    'keras/src/backend/jax/nn.py',
    'Keras 3 JAX backend nn.py',
  ),
  keras3TfNn: gh(
    'keras-team/keras',
    K3,
    'keras/src/backend/tensorflow/nn.py',
    'Keras 3 TensorFlow backend nn.py',
  ),
  keras3PRelu: gh(
    'keras-team/keras',
    K3,
    'keras/src/layers/activations/prelu.py',
    'Keras 3 PReLU layer',
  ),
  keras3LeakyReluLayer: gh(
    'keras-team/keras',
    K3,
    'keras/src/layers/activations/leaky_relu.py',
    'Keras 3 LeakyReLU layer',
  ),
  tfKeras2Activations: gh(
    'keras-team/tf-keras',
    TFK2,
    'tf_keras/activations.py',
    'tf.keras 2 tf_keras/activations.py',
  ),
  tfKeras2Backend: gh(
    'keras-team/tf-keras',
    TFK2,
    'tf_keras/backend.py',
    'tf.keras 2 tf_keras/backend.py',
  ),
  tfReluFunctor: gh(
    'tensorflow/tensorflow',
    TFV,
    'tensorflow/core/kernels/relu_op_functor.h',
    'TensorFlow relu_op_functor.h',
  ),
  tfSoftplus: gh(
    'tensorflow/tensorflow',
    TFV,
    'tensorflow/core/kernels/softplus_op.h',
    'TensorFlow softplus_op.h',
  ),
  tfNnOps: gh(
    'tensorflow/tensorflow',
    TFV,
    'tensorflow/python/ops/nn_ops.py',
    'TensorFlow nn_ops.py',
  ),
  tfNnImpl: gh(
    'tensorflow/tensorflow',
    TFV,
    'tensorflow/python/ops/nn_impl.py',
    'TensorFlow nn_impl.py',
  ),
  tfClipGrad: gh(
    'tensorflow/tensorflow',
    TFV,
    'tensorflow/python/ops/clip_ops.py',
    'TensorFlow clip_ops.py',
  ),
  jaxNn: gh('jax-ml/jax', JAXV, 'jax/_src/nn/functions.py', 'JAX jax/_src/nn/functions.py'),
  flaxLinen: gh('google/flax', FLAX, 'flax/linen/activation.py', 'Flax flax/linen/activation.py'),
  nnlib: gh('FluxML/NNlib.jl', NNLIB, 'src/activations.jl', 'NNlib src/activations.jl'),
  nnlibSoftmax: gh('FluxML/NNlib.jl', NNLIB, 'src/softmax.jl', 'NNlib src/softmax.jl'),
  tfjsRelu6Grad: gh(
    'tensorflow/tfjs',
    TFJS,
    'tfjs-core/src/gradients/Relu6_grad.ts',
    'TF.js Relu6 gradient',
  ),
  tfjsLayersActivations: gh(
    'tensorflow/tfjs',
    TFJS,
    'tfjs-layers/src/activations.ts',
    'TF.js layers activations.ts',
  ),
  tfjsAdvancedActivations: gh(
    'tensorflow/tfjs',
    TFJS,
    'tfjs-layers/src/layers/advanced_activations.ts',
    'TF.js layers advanced_activations.ts',
  ),
  tfjsSoftplus: gh(
    'tensorflow/tfjs',
    TFJS,
    'tfjs-backend-cpu/src/kernels/Softplus.ts',
    'TF.js CPU Softplus kernel',
  ),
  tfjsEluGrad: gh(
    'tensorflow/tfjs',
    TFJS,
    'tfjs-core/src/gradients/Elu_grad.ts',
    'TF.js Elu gradient',
  ),
  burnActivation: gh(
    'tracel-ai/burn',
    'v0.15.0',
    'crates/burn-tensor/src/tensor/activation/base.rs',
    'burn tensor activation functions',
  ),
} as const;

/** A PyTorch docs page (torch.nn.<Class>). */
export function torchDoc(cls: string): FactSource {
  return src(
    `PyTorch torch.nn.${cls} docs`,
    `https://docs.pytorch.org/docs/stable/generated/torch.nn.${cls}.html`,
  );
}

/** A paper on arXiv. */
export function paper(label: string, id: string): FactSource {
  return src(label, `https://arxiv.org/abs/${id}`);
}
