/**
 * `double-activation`: an activation its loss applies again — PyTorch's cross_entropy and
 * binary_cross_entropy_with_logits (functions, modules called at once, loss objects bound once), and Keras'
 * `from_logits=True` after a softmax/sigmoid last layer. Silent wherever the value or the loss went through
 * something we cannot follow.
 */
import assert from 'node:assert/strict';
import { findPitfalls } from '../../src/core';
import { expectClean, expectPitfall, onlyFinding, torchModule } from './pitfallsHelpers';

const RULE = 'double-activation' as const;

const TORCH: readonly (readonly [string, string, string, string])[] = [
  // [title, forward body, flagged, fixed]
  [
    'F.cross_entropy(F.softmax(logits, dim=1), y)',
    'out = F.cross_entropy(F.softmax(logits, dim=1), y)',
    'F.softmax(logits, dim=1)',
    'logits',
  ],
  [
    'F.cross_entropy(logits.softmax(-1), y)',
    'out = F.cross_entropy(logits.softmax(-1), y)',
    'logits.softmax(-1)',
    'logits',
  ],
  [
    'F.cross_entropy(torch.softmax(self.proj(x), 1), y, label_smoothing=0.1)',
    'out = F.cross_entropy(torch.softmax(self.proj(x), 1), y, label_smoothing=0.1)',
    'torch.softmax(self.proj(x), 1)',
    'self.proj(x)',
  ],
  [
    'a log_softmax fed to cross_entropy',
    'out = F.cross_entropy(F.log_softmax(logits, dim=-1), y)',
    'F.log_softmax(logits, dim=-1)',
    'logits',
  ],
  [
    'input given by keyword',
    'out = F.cross_entropy(input=F.softmax(logits, dim=1), target=y)',
    'F.softmax(logits, dim=1)',
    'logits',
  ],
  [
    'nn.CrossEntropyLoss()(softmax, y)',
    'out = nn.CrossEntropyLoss()(F.softmax(logits, dim=1), y)',
    'F.softmax(logits, dim=1)',
    'logits',
  ],
  [
    'F.binary_cross_entropy_with_logits(torch.sigmoid(logits), y)',
    'out = F.binary_cross_entropy_with_logits(torch.sigmoid(logits), y)',
    'torch.sigmoid(logits)',
    'logits',
  ],
  [
    'a sigmoid method fed to BCE with logits',
    'out = F.binary_cross_entropy_with_logits(logits.sigmoid(), y.float())',
    'logits.sigmoid()',
    'logits',
  ],
  [
    'nn.BCEWithLogitsLoss()(torch.sigmoid(x), y)',
    'out = nn.BCEWithLogitsLoss(reduction="sum")(torch.sigmoid(logits), y)',
    'torch.sigmoid(logits)',
    'logits',
  ],
  [
    'split over lines',
    'out = F.cross_entropy(\n    F.softmax(logits, dim=1),\n    y,\n)',
    'F.softmax(logits, dim=1)',
    'logits',
  ],
];

describe('double-activation: PyTorch losses called directly', () => {
  for (const [title, body, flagged, fixed] of TORCH) {
    it(title, () => {
      expectPitfall('python', torchModule(body), { rule: RULE, flagged, fixed });
    });
  }
});

/** A training script whose criterion is bound once. */
function script(binding: string, use: string): string {
  return `"""Training loop for the baseline classifier."""
import torch
import torch.nn as nn
import torch.nn.functional as F

from model import Classifier


class Trainer:
    def __init__(self, model: Classifier, lr: float = 1e-3) -> None:
        self.model = model
${binding}
        self.opt = torch.optim.Adam(model.parameters(), lr=lr)

    def step(self, x: torch.Tensor, y: torch.Tensor) -> float:
        logits = self.model(x)
        loss = ${use}
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
        return loss.item()
`;
}

describe('double-activation: a loss object bound once', () => {
  it('self.criterion = nn.CrossEntropyLoss(); self.criterion(F.softmax(logits, dim=1), y)', () => {
    const file = script(
      '        self.criterion = nn.CrossEntropyLoss()',
      'self.criterion(F.softmax(logits, dim=1), y)',
    );
    expectPitfall('python', file, {
      rule: RULE,
      flagged: 'F.softmax(logits, dim=1)',
      fixed: 'logits',
    });
  });

  it('self.loss_fn = nn.BCEWithLogitsLoss(pos_weight=w); self.loss_fn(logits.sigmoid(), y)', () => {
    const file = script(
      '        self.loss_fn = nn.BCEWithLogitsLoss(pos_weight=torch.tensor(3.0))',
      'self.loss_fn(logits.sigmoid(), y)',
    );
    expectPitfall('python', file, { rule: RULE, flagged: 'logits.sigmoid()', fixed: 'logits' });
  });

  it('a module-level criterion', () => {
    const file = `import torch
import torch.nn as nn
import torch.nn.functional as F

criterion = nn.CrossEntropyLoss()


def evaluate(model, batch):
    x, y = batch
    return criterion(model(x).softmax(dim=1), y)
`;
    expectPitfall('python', file, {
      rule: RULE,
      flagged: 'model(x).softmax(dim=1)',
      fixed: 'model(x)',
    });
  });

  it('silent when the criterion is bound twice', () => {
    const file = script(
      '        self.criterion = nn.CrossEntropyLoss()\n        self.criterion = nn.NLLLoss()',
      'self.criterion(F.log_softmax(logits, dim=1), y)',
    );
    expectClean('python', file, RULE);
  });

  it('silent when the criterion is a parameter elsewhere', () => {
    const file = `import torch.nn as nn
import torch.nn.functional as F

criterion = nn.CrossEntropyLoss()


def run(model, x, y, criterion):
    return criterion(F.softmax(model(x), dim=1), y)
`;
    expectClean('python', file, RULE);
  });
});

const SILENT: readonly (readonly [string, string])[] = [
  ['logits passed to cross_entropy', 'out = F.cross_entropy(logits, y)'],
  [
    'log_softmax fed to nll_loss (the right pairing)',
    'out = F.nll_loss(F.log_softmax(logits, dim=1), y)',
  ],
  [
    'probabilities through a variable',
    'probs = F.softmax(logits, dim=1)\nout = F.cross_entropy(probs, y)',
  ],
  [
    'sigmoid fed to plain BCE (the right pairing)',
    'out = F.binary_cross_entropy(torch.sigmoid(logits), y)',
  ],
  ['softmax as the target, not the input', 'out = F.cross_entropy(logits, F.softmax(y, dim=1))'],
  ['softmax scaled before the loss', 'out = F.cross_entropy(F.softmax(logits, dim=1) * 10, y)'],
  ['a tanh before the loss', 'out = F.cross_entropy(torch.tanh(logits), y)'],
  ['a user loss named like the library one', 'out = cross_entropy(F.softmax(logits, dim=1), y)'],
  ['relu before BCE with logits', 'out = F.binary_cross_entropy_with_logits(F.relu(logits), y)'],
];

describe('double-activation: silent in PyTorch', () => {
  for (const [title, body] of SILENT) {
    it(title, () => {
      expectClean('python', torchModule(body), RULE);
    });
  }
});

/** A Keras script: a Sequential model whose last layer is `last`, compiled with `loss`. */
function kerasScript(last: string, loss: string, extra = ''): string {
  return `"""Train a small convnet on MNIST."""
import keras
from keras import layers

num_classes = 10
input_shape = (28, 28, 1)

model = keras.Sequential(
    [
        keras.Input(shape=input_shape),
        layers.Conv2D(32, kernel_size=(3, 3), activation="relu"),
        layers.MaxPooling2D(pool_size=(2, 2)),
        layers.Flatten(),
        layers.Dropout(0.5),
        ${last},
    ]
)
${extra}
model.compile(
    loss=${loss},
    optimizer="adam",
    metrics=["accuracy"],
)
`;
}

describe('double-activation: Keras from_logits=True after a softmax/sigmoid layer', () => {
  const cases: readonly (readonly [string, string, string, string])[] = [
    [
      'Dense(activation="softmax") + SparseCategoricalCrossentropy(from_logits=True)',
      'layers.Dense(num_classes, activation="softmax")',
      'keras.losses.SparseCategoricalCrossentropy(from_logits=True)',
      '"softmax"',
    ],
    [
      'Dense(activation="softmax") + CategoricalCrossentropy(from_logits=True)',
      'layers.Dense(num_classes, activation="softmax")',
      'keras.losses.CategoricalCrossentropy(from_logits=True, label_smoothing=0.1)',
      '"softmax"',
    ],
    [
      'Dense(1, activation="sigmoid") + BinaryCrossentropy(from_logits=True)',
      'layers.Dense(1, activation="sigmoid")',
      'keras.losses.BinaryCrossentropy(from_logits=True)',
      '"sigmoid"',
    ],
    [
      'a Softmax() layer last',
      'layers.Softmax()',
      'keras.losses.SparseCategoricalCrossentropy(from_logits=True)',
      'Softmax',
    ],
    [
      'an Activation("sigmoid") layer last',
      'layers.Activation("sigmoid")',
      'keras.losses.BinaryCrossentropy(from_logits=True)',
      '"sigmoid"',
    ],
  ];
  for (const [title, last, loss, flagged] of cases) {
    it(title, () => {
      const file = kerasScript(last, loss);
      const p = onlyFinding('python', file, RULE);
      assert.equal(file.slice(p.start, p.end), flagged);
      assert.equal(p.start, file.indexOf(flagged, file.indexOf(last)));
      assert.ok(p.fix);
      const fixed = file.slice(0, p.fix.start) + p.fix.replacement + file.slice(p.fix.end);
      assert.equal(fixed, file.replace('from_logits=True', 'from_logits=False'));
      expectClean('python', fixed, RULE);
    });
  }

  const silent: readonly (readonly [string, string, string, string?])[] = [
    [
      'logits out, from_logits=True',
      'layers.Dense(num_classes)',
      'keras.losses.SparseCategoricalCrossentropy(from_logits=True)',
    ],
    [
      'softmax out, from_logits=False',
      'layers.Dense(num_classes, activation="softmax")',
      'keras.losses.SparseCategoricalCrossentropy(from_logits=False)',
    ],
    [
      'softmax out, default from_logits',
      'layers.Dense(num_classes, activation="softmax")',
      '"sparse_categorical_crossentropy"',
    ],
    [
      'sigmoid out with a categorical loss (another mismatch, not this rule)',
      'layers.Dense(1, activation="sigmoid")',
      'keras.losses.CategoricalCrossentropy(from_logits=True)',
    ],
    [
      'a layer added later',
      'layers.Dense(num_classes, activation="softmax")',
      'keras.losses.SparseCategoricalCrossentropy(from_logits=True)',
      'model.add(layers.Dense(num_classes))',
    ],
    [
      'the model rebound',
      'layers.Dense(num_classes, activation="softmax")',
      'keras.losses.SparseCategoricalCrossentropy(from_logits=True)',
      'model = build_logits_model()',
    ],
    [
      'softmax in a middle layer only',
      'layers.Dense(num_classes, activation="softmax"),\n        layers.Dense(num_classes)',
      'keras.losses.SparseCategoricalCrossentropy(from_logits=True)',
    ],
  ];
  for (const [title, last, loss, extra] of silent) {
    it(`silent: ${title}`, () => {
      expectClean('python', kerasScript(last, loss, extra), RULE);
    });
  }

  it('silent: the loss built in a variable (not followed)', () => {
    const file = kerasScript('layers.Dense(num_classes, activation="softmax")', 'loss_fn').replace(
      'model.compile(',
      'loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)\nmodel.compile(',
    );
    assert.deepEqual(findPitfalls(file, 'python'), []);
  });
});
