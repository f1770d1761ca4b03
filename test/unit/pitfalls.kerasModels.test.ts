/**
 * `double-activation` for Keras models built the two other ways real code builds them (#13): `model.add(…)`
 * layer by layer, and the functional API `keras.Model(inputs, outputs)`. The Sequential list is tested in
 * pitfalls.doubleActivation.test.ts. Silent wherever the last layer is not certain.
 */
import assert from 'node:assert/strict';
import { expectClean, onlyFinding } from './pitfallsHelpers';

const RULE = 'double-activation';

/** A functional-API script whose output is `outputs_line`, compiled with `loss`. */
function functionalScript(
  outputsLine: string,
  loss: string,
  model = 'keras.Model(inputs=inputs, outputs=outputs)',
): string {
  return `"""Functional-API MNIST classifier, trained with a custom loss configuration."""
import keras
from keras import layers

inputs = keras.Input(shape=(784,), name="digits")
x = layers.Dense(64, activation="relu", name="dense_1")(inputs)
x = layers.Dense(64, activation="relu", name="dense_2")(x)
${outputsLine}

model = ${model}
model.summary()

model.compile(
    optimizer=keras.optimizers.RMSprop(learning_rate=1e-3),
    loss=${loss},
    metrics=[keras.metrics.SparseCategoricalAccuracy()],
)
`;
}

/** A Sequential model grown with `model.add`, the last addition being `last` (lines at the top level). */
function addScript(last: string, loss: string): string {
  return `"""Small convnet, built layer by layer."""
import keras
from keras import layers

num_classes = 10
use_dropout = True

model = keras.Sequential(name="convnet")
model.add(keras.Input(shape=(28, 28, 1)))
model.add(layers.Conv2D(32, kernel_size=(3, 3), activation="relu"))
model.add(layers.MaxPooling2D(pool_size=(2, 2)))
model.add(layers.Flatten())
${last}

model.compile(loss=${loss}, optimizer="adam", metrics=["accuracy"])
`;
}

const SPARSE_LOGITS = 'keras.losses.SparseCategoricalCrossentropy(from_logits=True)';
const BINARY_LOGITS = 'keras.losses.BinaryCrossentropy(from_logits=True)';

/** The one finding flags `flagged` (first occurrence after `after`) and its fix sets from_logits=False. */
function expectFlagged(file: string, flagged: string, after: string): void {
  const p = onlyFinding('python', file, RULE);
  assert.equal(file.slice(p.start, p.end), flagged);
  assert.equal(p.start, file.indexOf(flagged, file.indexOf(after)));
  assert.ok(p.fix);
  const fixed = file.slice(0, p.fix.start) + p.fix.replacement + file.slice(p.fix.end);
  assert.equal(fixed, file.replace('from_logits=True', 'from_logits=False'));
  expectClean('python', fixed, RULE);
}

describe('double-activation: a functional keras.Model whose output layer applies the activation', () => {
  it('outputs = Dense(activation="softmax")(x), keras.Model(inputs=…, outputs=outputs)', () => {
    const line = 'outputs = layers.Dense(10, activation="softmax", name="predictions")(x)';
    expectFlagged(functionalScript(line, SPARSE_LOGITS), '"softmax"', line);
  });

  it('keras.Model(inputs, outputs, name=…) with positional arguments', () => {
    const line = 'outputs = layers.Dense(10, activation="softmax")(x)';
    const file = functionalScript(
      line,
      SPARSE_LOGITS,
      'keras.Model(inputs, outputs, name="mnist")',
    );
    expectFlagged(file, '"softmax"', line);
  });

  it('keras.Model(…) spread over lines, tf.keras spelling', () => {
    const line = 'outputs = layers.Dense(10, activation="softmax")(x)';
    const file = functionalScript(
      line,
      'tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)',
      'tf.keras.Model(\n    inputs=inputs,\n    outputs=outputs,\n    name="mnist",\n)',
    ).replace(
      'import keras\nfrom keras import layers',
      'import tensorflow as tf\nfrom tensorflow import keras\nfrom tensorflow.keras import layers',
    );
    expectFlagged(file, '"softmax"', line);
  });

  it('an Activation("sigmoid") output layer with BinaryCrossentropy', () => {
    const line = 'outputs = layers.Activation("sigmoid")(layers.Dense(1)(x))';
    expectFlagged(functionalScript(line, BINARY_LOGITS), '"sigmoid"', line);
  });

  const silent: readonly (readonly [string, string, string?])[] = [
    ['logits out', 'outputs = layers.Dense(10, name="predictions")(x)'],
    [
      'outputs bound twice (the softmax may be replaced)',
      'outputs = layers.Dense(10, activation="softmax")(x)\noutputs = layers.Dense(10)(x)',
    ],
    [
      'the output is an expression around the layer',
      'outputs = layers.Dense(10, activation="softmax")(x) * temperature',
    ],
    [
      'several outputs',
      'outputs = layers.Dense(10, activation="softmax")(x)',
      'keras.Model(inputs=inputs, outputs=[outputs, x])',
    ],
    [
      'a model returned by a function',
      'outputs = layers.Dense(10, activation="softmax")(x)',
      'build_model(inputs, outputs)',
    ],
  ];
  for (const [title, line, model] of silent) {
    it(`silent: ${title}`, () => {
      expectClean('python', functionalScript(line, SPARSE_LOGITS, model), RULE);
    });
  }
});

describe('double-activation: a Sequential model built with model.add', () => {
  it('the last add is Dense(activation="softmax")', () => {
    const last = 'model.add(layers.Dense(num_classes, activation="softmax"))';
    expectFlagged(addScript(last, SPARSE_LOGITS), '"softmax"', last);
  });

  it('the last add is a Softmax() layer', () => {
    const last = 'model.add(layers.Dense(num_classes))\nmodel.add(layers.Softmax())';
    expectFlagged(addScript(last, SPARSE_LOGITS), 'Softmax', 'model.add(layers.Softmax');
  });

  const silent: readonly (readonly [string, string])[] = [
    ['the last add gives logits', 'model.add(layers.Dense(num_classes))'],
    [
      'a softmax added before the last layer',
      'model.add(layers.Dense(num_classes, activation="softmax"))\nmodel.add(layers.Dense(num_classes))',
    ],
    [
      'the last add inside an if (it may not run)',
      'model.add(layers.Dense(num_classes))\nif use_dropout:\n    model.add(layers.Activation("softmax"))',
    ],
  ];
  for (const [title, last] of silent) {
    it(`silent: ${title}`, () => {
      expectClean('python', addScript(last, SPARSE_LOGITS), RULE);
    });
  }

  it('silent: a subclassed model (its call method is not read)', () => {
    const file = `"""A subclassed model."""
import keras
from keras import layers


class Classifier(keras.Model):
    def __init__(self):
        super().__init__()
        self.head = layers.Dense(10, activation="softmax")

    def call(self, x):
        return self.head(x)


model = Classifier()
model.compile(loss=${SPARSE_LOGITS}, optimizer="adam")
`;
    expectClean('python', file, RULE);
  });
});
