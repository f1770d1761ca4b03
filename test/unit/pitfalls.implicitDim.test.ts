/**
 * `implicit-softmax-dim`: PyTorch's softmax family without a dimension, fixed with `dim=-1` (and the
 * alternative `dim=1`) inserted after the last argument, keeping the call's own layout.
 */
import assert from 'node:assert/strict';
import { recognizeAt } from '../../src/core';
import {
  expectClean,
  expectPitfall,
  functionFile,
  onlyFinding,
  torchModule,
} from './pitfallsHelpers';

const RULE = 'implicit-softmax-dim' as const;

const POSITIVES: readonly (readonly [string, string, string, string, string])[] = [
  // [title, file, flagged, fixed, name the recognizer reads]
  [
    'F.softmax(x)',
    torchModule('out = F.softmax(logits)'),
    'F.softmax(logits)',
    'F.softmax(logits, dim=-1)',
    'softmax',
  ],
  [
    'F.log_softmax(x)',
    torchModule('out = F.log_softmax(logits)'),
    'F.log_softmax(logits)',
    'F.log_softmax(logits, dim=-1)',
    'log_softmax',
  ],
  [
    'F.softmin(x)',
    torchModule('out = F.softmin(logits)'),
    'F.softmin(logits)',
    'F.softmin(logits, dim=-1)',
    'softmin',
  ],
  [
    'torch.nn.functional.softmax(x) spelled out',
    functionFile('import torch', 'out = torch.nn.functional.softmax(x)'),
    'torch.nn.functional.softmax(x)',
    'torch.nn.functional.softmax(x, dim=-1)',
    'softmax',
  ],
  [
    'softmax imported from torch.nn.functional',
    functionFile('from torch.nn.functional import softmax', 'out = softmax(x)'),
    'softmax(x)',
    'softmax(x, dim=-1)',
    'softmax',
  ],
  [
    'with a dtype keyword',
    torchModule('out = F.softmax(logits, dtype=torch.float32)'),
    'F.softmax(logits, dtype=torch.float32)',
    'F.softmax(logits, dtype=torch.float32, dim=-1)',
    'softmax',
  ],
  [
    'split over lines with a trailing comma',
    torchModule('out = F.log_softmax(\n    logits,\n)'),
    'F.log_softmax(\n            logits,\n        )',
    'F.log_softmax(\n            logits, dim=-1,\n        )',
    'log_softmax',
  ],
  [
    'nn.Softmax()',
    torchModule('out = nn.Softmax()(logits)'),
    'nn.Softmax()',
    'nn.Softmax(dim=-1)',
    'Softmax',
  ],
  [
    'nn.LogSoftmax() in an nn.Sequential',
    functionFile(
      'import torch.nn as nn',
      'out = nn.Sequential(\n    nn.Linear(128, 10),\n    nn.LogSoftmax(),\n)',
      'width',
    ),
    'nn.LogSoftmax()',
    'nn.LogSoftmax(dim=-1)',
    'LogSoftmax',
  ],
  [
    'nn.Softmin()',
    functionFile('import torch.nn as nn', 'out = nn.Softmin()', 'width'),
    'nn.Softmin()',
    'nn.Softmin(dim=-1)',
    'Softmin',
  ],
  [
    'torch.nn.Softmax() spelled out, in __init__',
    torchModule('out = logits', '').replace(
      'self.proj = nn.Linear(d_model, n_classes)',
      'self.proj = nn.Linear(d_model, n_classes)\n        self.norm = torch.nn.Softmax()',
    ),
    'torch.nn.Softmax()',
    'torch.nn.Softmax(dim=-1)',
    'Softmax',
  ],
];

/** The catalogue id of each spelling (PyTorch docs: Softmin is softmax of −x, its own entry). */
const IDS: Readonly<Record<string, string>> = {
  softmax: 'softmax',
  Softmax: 'softmax',
  log_softmax: 'log_softmax',
  LogSoftmax: 'log_softmax',
  softmin: 'softmin',
  Softmin: 'softmin',
};

describe('implicit-softmax-dim: positives, fixed with dim=-1', () => {
  for (const [title, file, flagged, fixed, name] of POSITIVES) {
    it(title, () => {
      expectPitfall('python', file, {
        rule: RULE,
        flagged,
        fixed,
        reads: { name, id: IDS[name], dim: -1 },
      });
    });
  }
});

describe('implicit-softmax-dim: the alternative fix', () => {
  it('offers dim=1 as well, inserted at the same place', () => {
    const file = torchModule('out = F.softmax(logits)');
    const p = onlyFinding('python', file, RULE);
    assert.equal(p.alternatives?.length, 1);
    const alt = p.alternatives![0];
    const fixed = file.slice(0, alt.start) + alt.replacement + file.slice(alt.end);
    assert.ok(fixed.includes('out = F.softmax(logits, dim=1)\n'));
    const call = recognizeAt(fixed, fixed.indexOf('softmax(logits, dim=1)'), 'python');
    assert.equal(call?.params.dim, 1);
    expectClean('python', fixed, RULE);
  });

  it('for a module the alternative is dim=1 in the empty parentheses', () => {
    const file = torchModule('out = nn.Softmax()(logits)');
    const alt = onlyFinding('python', file, RULE).alternatives![0];
    assert.equal(
      file.slice(0, alt.start) + alt.replacement + file.slice(alt.end),
      file.replace('nn.Softmax()', 'nn.Softmax(dim=1)'),
    );
  });

  it('titles say which dim', () => {
    const p = onlyFinding('python', torchModule('out = F.softmax(logits)'), RULE);
    assert.deepEqual([p.fix?.title, p.alternatives?.[0].title], ['Pass dim=-1', 'Pass dim=1']);
  });
});

const SILENT: readonly (readonly [string, string])[] = [
  ['dim given by keyword', torchModule('out = F.softmax(logits, dim=-1)')],
  ['dim given by position', torchModule('out = F.softmax(logits, 1)')],
  ['dim given as an expression', torchModule('out = F.softmax(logits, dim=self.dim)')],
  ['nn.Softmax(dim=1)', torchModule('out = nn.Softmax(dim=1)(logits)')],
  ['nn.Softmax(1)', torchModule('out = nn.Softmax(1)(logits)')],
  ['nn.Softmax2d() has its dimension', torchModule('out = nn.Softmax2d()(logits)')],
  ['a tensor method (dim is required there)', torchModule('out = logits.softmax(1)')],
  ['arguments unpacked from a dict', torchModule('out = F.softmax(logits, **kwargs)')],
  ['arguments unpacked from a tuple', torchModule('out = F.softmax(*args)')],
  [
    'Keras softmax has a default axis',
    functionFile('import keras', 'out = keras.activations.softmax(x)'),
  ],
  ['JAX softmax has a default axis', functionFile('import jax', 'out = jax.nn.softmax(x)')],
  [
    'TensorFlow softmax has a default axis',
    functionFile('import tensorflow as tf', 'out = tf.nn.softmax(x)'),
  ],
  ['a look-alike function', functionFile('from mylib import softmax', 'out = softmax(x)')],
  ['a user-defined Softmax class', 'class Softmax:\n    pass\n\n\nlayer = Softmax()\n'],
  ['the definition of a softmax', 'def softmax(x):\n    return x\n'],
];

describe('implicit-softmax-dim: silent', () => {
  for (const [title, file] of SILENT) {
    it(title, () => {
      expectClean('python', file, RULE);
    });
  }
});
