/**
 * tf.keras 2 code (issue #11 item 9): it is reported as Keras, but keras.io documents Keras 3, so its Docs
 * link goes to TensorFlow 2.15's tf.keras page (the last release whose tf.keras is Keras 2) or nowhere.
 * Expected pages are TensorFlow's own: tf.keras.activations in 2.15 has elu, exponential, gelu,
 * hard_sigmoid, linear, mish, relu, selu, sigmoid, softmax, softplus, softsign, swish and tanh.
 */
import { strict as assert } from 'node:assert';
import { listActivations, recognizeAt, type RecognizedCall } from '../../src/core';
import { SITES } from '../../src/core/activations/sources';
import { factsFor } from '../../src/hover/activationFacts';
import { actionsMarkdown } from '../../src/hover/hoverText';

const TF215 = 'https://www.tensorflow.org/versions/r2.15/api_docs/python/tf/keras/activations/';

const docsOf = (md: string) => /\[Docs\]\((\S+)\)/.exec(md)?.[1];

function docsFor(call: RecognizedCall): string | undefined {
  const facts = factsFor(call);
  assert.ok(facts, call.id);
  return docsOf(actionsMarkdown(facts));
}

function kerasCall(id: string, tfKeras: boolean, params: RecognizedCall['params'] = {}) {
  return {
    id,
    params,
    framework: 'keras' as const,
    start: 0,
    end: id.length,
    ...(tfKeras ? { tfKeras: true as const } : {}),
  };
}

describe('Docs link of tf.keras 2 code', () => {
  it('hard_sigmoid and swish link their tf.keras 2 pages, not keras.io', () => {
    assert.equal(docsFor(kerasCall('hardsigmoid', true, { slope: 0.2 })), `${TF215}hard_sigmoid`);
    assert.equal(docsFor(kerasCall('silu', true)), `${TF215}swish`);
    assert.match(docsFor(kerasCall('hardsigmoid', false)) ?? '', /^https:\/\/keras\.io\//);
  });

  it('a function tf.keras 2 does not have gets no link', () => {
    assert.equal(docsFor(kerasCall('leaky_relu', true)), undefined);
    assert.equal(docsFor(kerasCall('hardswish', true)), undefined);
  });

  it('every tf.keras 2 link belongs to Keras’ sites', () => {
    for (const info of listActivations()) {
      const url = docsFor(kerasCall(info.id, true));
      if (url !== undefined) {
        assert.ok(url.startsWith(TF215), `${info.id}: ${url}`);
        assert.ok(
          SITES.keras.some((p) => url.startsWith(p)),
          `${info.id}: ${url}`,
        );
      }
    }
  });

  it('from the code: `from tensorflow import keras` links tf.keras 2, `import keras` keras.io', () => {
    const tf2 = 'from tensorflow import keras\nx = keras.activations.hard_sigmoid(y)\n';
    const k3 = 'import keras\nx = keras.activations.hard_sigmoid(y)\n';
    const at = (src: string) => recognizeAt(src, src.indexOf('hard_sigmoid') + 2, 'python');
    const two = at(tf2);
    const three = at(k3);
    assert.ok(two && three);
    assert.equal(two.params.slope, 0.2);
    assert.equal(docsFor(two), `${TF215}hard_sigmoid`);
    assert.match(docsFor(three) ?? '', /^https:\/\/keras\.io\//);
  });
});
