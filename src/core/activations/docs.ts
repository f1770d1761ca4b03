/**
 * Documentation links per framework, built from each project's URL scheme so entries name only what
 * differs (the PyTorch class, the Keras function, …).
 */
import type { Framework } from '../types';

export interface DocNames {
  /** torch.nn class name, e.g. 'ReLU'. */
  pytorch?: string;
  /** keras.activations function name, e.g. 'relu'. */
  keras?: string;
  /** tf path after tf/, e.g. 'nn/relu'. */
  tensorflow?: string;
  /** jax.nn function name. */
  jax?: string;
  /** NNlib function name. */
  flux?: string;
  /** tfjs-core op name. */
  tfjs?: string;
}

/** Builds the `docs` record of an entry. */
export function docLinks(n: DocNames): Partial<Record<Framework, string>> {
  const out: Partial<Record<Framework, string>> = {};
  if (n.pytorch) {
    out.pytorch = `https://pytorch.org/docs/stable/generated/torch.nn.${n.pytorch}.html`;
  }
  if (n.keras) {
    out.keras = `https://keras.io/api/layers/activations/#${n.keras.replace(/_/g, '')}-function`;
  }
  if (n.tensorflow) {
    out.tensorflow = `https://www.tensorflow.org/api_docs/python/tf/${n.tensorflow}`;
  }
  if (n.jax) {
    out.jax = `https://jax.readthedocs.io/en/latest/_autosummary/jax.nn.${n.jax}.html`;
  }
  if (n.flux) {
    out.flux = `https://fluxml.ai/NNlib.jl/stable/reference/#NNlib.${n.flux}`;
  }
  if (n.tfjs) {
    out.tfjs = `https://js.tensorflow.org/api/latest/#${n.tfjs}`;
  }
  return out;
}
