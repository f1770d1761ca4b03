/**
 * Documentation links per framework, built from each project's URL scheme on its current docs host, so
 * entries name only what differs (the PyTorch class, the Keras function, …). A framework without a page for
 * the function gets no link: the hover never falls back to another framework's page.
 */
import type { Framework } from '../types';

export interface DocNames {
  /** torch.nn class name, e.g. 'ReLU'. */
  pytorch?: string;
  /** keras.activations function name on keras.io's activations page, e.g. 'relu'. */
  keras?: string;
  /** Keras 3 functions keras.io does not list: linked to keras.activations' source at a tag. */
  kerasSource?: true;
  /** tf path after tf/, e.g. 'nn/relu'. */
  tensorflow?: string;
  /** jax.nn function name; Flax re-exports it unless `flax` is false. */
  jax?: string;
  /** flax.nnx function name when it differs from the jax.nn one, or false when Flax has none. */
  flax?: string | false;
  /** NNlib function name. */
  flux?: string;
  /** tfjs-core op name. */
  tfjs?: string;
}

/** Keras 3's activations module at the tag the catalogue was checked against. */
const KERAS_SOURCE =
  'https://github.com/keras-team/keras/blob/v3.6.0/keras/src/activations/activations.py';

/** Builds the `docs` record of an entry. */
export function docLinks(n: DocNames): Partial<Record<Framework, string>> {
  const out: Partial<Record<Framework, string>> = {};
  if (n.pytorch) {
    out.pytorch = `https://docs.pytorch.org/docs/stable/generated/torch.nn.${n.pytorch}.html`;
    // LibTorch's torch::nn modules mirror torch.nn and are documented there.
    out.libtorch = out.pytorch;
  }
  if (n.keras) {
    // keras.io anchors drop the underscores: hard_sigmoid → #hardsigmoid-function.
    out.keras = `https://keras.io/api/layers/activations/#${n.keras.replace(/_/g, '')}-function`;
  } else if (n.kerasSource) {
    out.keras = KERAS_SOURCE;
  }
  if (n.tensorflow) {
    out.tensorflow = `https://www.tensorflow.org/api_docs/python/tf/${n.tensorflow}`;
  }
  if (n.jax) {
    out.jax = `https://docs.jax.dev/en/latest/_autosummary/jax.nn.${n.jax}.html`;
  }
  const flax = n.flax === false ? undefined : (n.flax ?? n.jax);
  if (flax) {
    out.flax = `https://flax.readthedocs.io/en/latest/api_reference/flax.nnx/nn/activations.html#flax.nnx.${flax}`;
  }
  if (n.flux) {
    out.flux = `https://fluxml.ai/NNlib.jl/stable/reference/#NNlib.${n.flux}`;
  }
  if (n.tfjs) {
    out.tfjs = `https://js.tensorflow.org/api/latest/#${n.tfjs}`;
  }
  return out;
}

/**
 * tf.keras 2's activation functions by catalogue id, as documented for TensorFlow 2.15 (the last release
 * whose `tf.keras` is Keras 2; later pages document Keras 3, e.g. its hard_sigmoid with slope 1/6).
 */
const TF_KERAS2_FUNCTIONS: Readonly<Record<string, string>> = {
  elu: 'elu',
  exponential: 'exponential',
  gelu: 'gelu',
  hardsigmoid: 'hard_sigmoid',
  linear: 'linear',
  mish: 'mish',
  relu: 'relu',
  selu: 'selu',
  sigmoid: 'sigmoid',
  silu: 'swish',
  softmax: 'softmax',
  softplus: 'softplus',
  softsign: 'softsign',
  tanh: 'tanh',
};

/** The tf.keras 2 docs page of an activation id, or undefined when tf.keras 2 has no such function. */
export function tfKeras2Docs(id: string): string | undefined {
  const name = Object.prototype.hasOwnProperty.call(TF_KERAS2_FUNCTIONS, id)
    ? TF_KERAS2_FUNCTIONS[id]
    : undefined;
  return name === undefined
    ? undefined
    : `https://www.tensorflow.org/versions/r2.15/api_docs/python/tf/keras/activations/${name}`;
}
