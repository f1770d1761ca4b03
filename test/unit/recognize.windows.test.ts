/**
 * A hover reads a small window of tokens around it first and a larger one when the statement reaches past
 * it. A long layer call, whose arguments run over many lines before the activation is named, must be read
 * as the same call as a short one: the activation's string or reference takes its meaning from the call
 * that opened far above it (`layers.Dense(…, activation="gelu")` is Keras' gelu, the same string elsewhere
 * is text). Expected values are Keras' and Flax's names for the activations.
 */
import assert from 'node:assert/strict';
import './freshModels';
import { recognizeAt } from '../../src/core';
import { nthOffset } from './recognizeHelpers';

const PY = 'python';

/** Fourteen regularized arguments (about 140 tokens) between the call's parenthesis and its activation. */
const REGULARIZERS = Array.from(
  { length: 14 },
  (_, i) => `        kernel_regularizer_${i}=regularizers.l2(1e-4),`,
).join('\n');

const HEADS = `"""Classifier heads with every regularizer spelled out, as the sweep config generated them."""
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers, regularizers


def gelu_head():
    return layers.Dense(
        64,
${REGULARIZERS}
        activation="gelu",
    )


def swish_head():
    return layers.Dense(
        64,
${REGULARIZERS}
        activation=tf.nn.swish,
    )


def logged():
    names = [
${REGULARIZERS}
        "gelu",
    ]
    return names
`;

describe('a long call read as a whole from a hover far inside it', () => {
  it('an activation string many lines below its layer call is that layer’s activation', () => {
    const got = recognizeAt(HEADS, nthOffset(HEADS, '"gelu"') + 2, PY);
    assert.equal(got?.id, 'gelu');
    assert.equal(got.framework, 'keras');
  });

  it('an activation reference many lines below its layer call is recognized', () => {
    const got = recognizeAt(HEADS, nthOffset(HEADS, 'tf.nn.swish') + 8, PY);
    assert.equal(got?.id, 'silu');
    assert.equal(got.framework, 'tensorflow');
  });

  it('the same string in a long list, not a layer call, is text', () => {
    assert.equal(recognizeAt(HEADS, nthOffset(HEADS, '"gelu"', 1) + 2, PY), undefined);
  });
});
