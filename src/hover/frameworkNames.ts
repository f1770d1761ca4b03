/** How the hover names each framework in prose. */
import type { Framework } from '../core';

const NAMES: Readonly<Record<Framework, string>> = {
  pytorch: 'PyTorch',
  libtorch: 'LibTorch',
  keras: 'Keras',
  tensorflow: 'TensorFlow',
  tfjs: 'TensorFlow.js',
  jax: 'JAX',
  flax: 'Flax',
  flux: 'Flux',
  numpy: 'NumPy',
  candle: 'Candle',
  burn: 'Burn',
  other: 'generic code',
};

/** The framework's usual name ("PyTorch", "TensorFlow.js"). */
export function frameworkName(framework: Framework): string {
  return NAMES[framework] ?? String(framework);
}
