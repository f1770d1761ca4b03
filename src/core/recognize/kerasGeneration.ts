/**
 * Which Keras a document is written against. Keras code is reported as framework `keras` either way; code
 * that reaches Keras only through TensorFlow (`from tensorflow import keras`, `tf.keras.layers…`,
 * `from tensorflow.keras import backend as K`, `tf_keras`) is tf.keras 2, whose docs (and hard_sigmoid,
 * LeakyReLU's keyword) differ from Keras 3's. A document that imports Keras 3 itself is Keras 3 code.
 */
import type { RecognizedCall } from '../types';
import type { Imports } from './imports';

const under = (path: string, root: string): boolean => path === root || path.startsWith(`${root}.`);

/** Whether a document's Keras is tf.keras 2, by its imports. */
export function isTfKeras2(imports: Imports): boolean {
  const paths = [...imports.aliases.values(), ...imports.globs];
  if (paths.some((p) => under(p, 'keras'))) {
    return false;
  }
  return paths.some((p) => under(p, 'tensorflow') || under(p, 'tf_keras'));
}

/** A Keras call marked as tf.keras 2 when the document's imports say so; anything else unchanged. */
export function withKerasGeneration(
  call: RecognizedCall | undefined,
  imports: Imports,
): RecognizedCall | undefined {
  return call?.framework === 'keras' && isTfKeras2(imports) ? { ...call, tfKeras: true } : call;
}
