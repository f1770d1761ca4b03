/**
 * `log-of-softmax`: the log of a softmax or sigmoid in every framework spelling, fixed to the fused function
 * with the same arguments; and the code that must stay silent (an epsilon inside the log, a probability
 * stored in a variable first, look-alike names, comments and docstrings).
 */
import {
  expectClean,
  expectPitfall,
  functionFile,
  torchModule,
  type Expected,
} from './pitfallsHelpers';

const RULE = 'log-of-softmax' as const;

type Case = readonly [title: string, lang: string, file: string, expected: Omit<Expected, 'rule'>];

const TORCH: readonly Case[] = [
  [
    'torch.log(F.softmax(x, dim=1))',
    'python',
    torchModule('out = torch.log(F.softmax(logits, dim=1))'),
    {
      flagged: 'torch.log(F.softmax(logits, dim=1))',
      fixed: 'F.log_softmax(logits, dim=1)',
      reads: { name: 'log_softmax', id: 'log_softmax', dim: 1 },
    },
  ],
  [
    'torch.log(torch.softmax(x, -1))',
    'python',
    torchModule('out = torch.log(torch.softmax(logits, -1))'),
    {
      flagged: 'torch.log(torch.softmax(logits, -1))',
      fixed: 'torch.log_softmax(logits, -1)',
      reads: { name: 'log_softmax', id: 'log_softmax', dim: -1 },
    },
  ],
  [
    'x.softmax(-1).log()',
    'python',
    torchModule('out = logits.softmax(-1).log()'),
    {
      flagged: 'logits.softmax(-1).log()',
      fixed: 'logits.log_softmax(-1)',
      reads: { name: 'log_softmax', id: 'log_softmax', dim: -1 },
    },
  ],
  [
    'torch.log(x.softmax(dim=2))',
    'python',
    torchModule('out = torch.log(logits.softmax(dim=2))'),
    {
      flagged: 'torch.log(logits.softmax(dim=2))',
      fixed: 'logits.log_softmax(dim=2)',
      reads: { name: 'log_softmax', id: 'log_softmax', dim: 2 },
    },
  ],
  [
    'a method chain on a call: self.proj(x).softmax(1).log()',
    'python',
    torchModule('out = self.proj(x).softmax(1).log()'),
    {
      flagged: 'self.proj(x).softmax(1).log()',
      fixed: 'self.proj(x).log_softmax(1)',
      reads: { name: 'log_softmax', id: 'log_softmax', dim: 1 },
    },
  ],
  [
    'torch.log(torch.special.softmax(x, 1))',
    'python',
    torchModule('out = torch.log(torch.special.softmax(logits, 1))'),
    {
      flagged: 'torch.log(torch.special.softmax(logits, 1))',
      fixed: 'torch.special.log_softmax(logits, 1)',
      reads: { name: 'log_softmax', id: 'log_softmax', dim: 1 },
    },
  ],
  [
    'a log split over lines',
    'python',
    torchModule('out = torch.log(\n    F.softmax(logits, dim=-1)\n)'),
    {
      flagged: 'torch.log(\n            F.softmax(logits, dim=-1)\n        )',
      fixed: 'F.log_softmax(logits, dim=-1)',
      reads: { name: 'log_softmax', id: 'log_softmax', dim: -1 },
    },
  ],
  [
    'torch.log(torch.sigmoid(x)) → F.logsigmoid',
    'python',
    torchModule('out = torch.log(torch.sigmoid(logits))'),
    {
      flagged: 'torch.log(torch.sigmoid(logits))',
      fixed: 'F.logsigmoid(logits)',
      reads: { name: 'logsigmoid', id: 'logsigmoid' },
    },
  ],
  [
    'torch.log(F.sigmoid(x))',
    'python',
    torchModule('out = torch.log(F.sigmoid(logits))'),
    {
      flagged: 'torch.log(F.sigmoid(logits))',
      fixed: 'F.logsigmoid(logits)',
      reads: { name: 'logsigmoid', id: 'logsigmoid' },
    },
  ],
  [
    'x.sigmoid().log()',
    'python',
    torchModule('out = logits.sigmoid().log()'),
    {
      flagged: 'logits.sigmoid().log()',
      fixed: 'F.logsigmoid(logits)',
      reads: { name: 'logsigmoid', id: 'logsigmoid' },
    },
  ],
  [
    'torch.log(x.sigmoid())',
    'python',
    torchModule('out = torch.log(logits.sigmoid())'),
    {
      flagged: 'torch.log(logits.sigmoid())',
      fixed: 'F.logsigmoid(logits)',
      reads: { name: 'logsigmoid', id: 'logsigmoid' },
    },
  ],
  [
    'without F imported, the fix spells torch.nn.functional',
    'python',
    functionFile('import torch', 'out = torch.log(torch.sigmoid(x))'),
    {
      flagged: 'torch.log(torch.sigmoid(x))',
      fixed: 'torch.nn.functional.logsigmoid(x)',
      reads: { name: 'logsigmoid', id: 'logsigmoid' },
    },
  ],
  [
    'with functional imported under another name, the fix uses it',
    'python',
    functionFile(
      'import torch\nfrom torch.nn import functional as nnf',
      'out = torch.log(torch.sigmoid(x))',
    ),
    {
      flagged: 'torch.log(torch.sigmoid(x))',
      fixed: 'nnf.logsigmoid(x)',
      reads: { name: 'logsigmoid', id: 'logsigmoid' },
    },
  ],
];

const OTHERS: readonly Case[] = [
  [
    'tf.math.log(tf.nn.softmax(x, axis=1))',
    'python',
    functionFile('import tensorflow as tf', 'out = tf.math.log(tf.nn.softmax(x, axis=1))'),
    {
      flagged: 'tf.math.log(tf.nn.softmax(x, axis=1))',
      fixed: 'tf.nn.log_softmax(x, axis=1)',
      reads: { name: 'log_softmax', id: 'log_softmax', dim: 1 },
    },
  ],
  [
    'tf.math.log(tf.nn.softmax(x)) keeps the default last axis',
    'python',
    functionFile('import tensorflow as tf', 'out = tf.math.log(tf.nn.softmax(x))'),
    {
      flagged: 'tf.math.log(tf.nn.softmax(x))',
      fixed: 'tf.nn.log_softmax(x)',
      reads: { name: 'log_softmax', id: 'log_softmax', dim: -1 },
    },
  ],
  [
    'tf.math.log(tf.sigmoid(x)) → tf.math.log_sigmoid',
    'python',
    functionFile('import tensorflow as tf', 'out = tf.math.log(tf.sigmoid(x))'),
    {
      flagged: 'tf.math.log(tf.sigmoid(x))',
      fixed: 'tf.math.log_sigmoid(x)',
      reads: { name: 'log_sigmoid', id: 'logsigmoid' },
    },
  ],
  [
    'tf.math.log(tf.math.sigmoid(x))',
    'python',
    functionFile('import tensorflow as tf', 'out = tf.math.log(tf.math.sigmoid(x))'),
    {
      flagged: 'tf.math.log(tf.math.sigmoid(x))',
      fixed: 'tf.math.log_sigmoid(x)',
      reads: { name: 'log_sigmoid', id: 'logsigmoid' },
    },
  ],
  [
    'keras.ops.log(keras.ops.softmax(x, axis=-1))',
    'python',
    functionFile('import keras', 'out = keras.ops.log(keras.ops.softmax(x, axis=-1))'),
    {
      flagged: 'keras.ops.log(keras.ops.softmax(x, axis=-1))',
      fixed: 'keras.ops.log_softmax(x, axis=-1)',
      reads: { name: 'log_softmax', id: 'log_softmax', dim: -1 },
    },
  ],
  [
    'keras.ops.log(keras.ops.sigmoid(x))',
    'python',
    functionFile('import keras', 'out = keras.ops.log(keras.ops.sigmoid(x))'),
    {
      flagged: 'keras.ops.log(keras.ops.sigmoid(x))',
      fixed: 'keras.ops.log_sigmoid(x)',
      reads: { name: 'log_sigmoid', id: 'logsigmoid' },
    },
  ],
  [
    'jnp.log(jax.nn.softmax(x, axis=-1))',
    'python',
    functionFile(
      'import jax\nimport jax.numpy as jnp',
      'out = jnp.log(jax.nn.softmax(x, axis=-1))',
    ),
    {
      flagged: 'jnp.log(jax.nn.softmax(x, axis=-1))',
      fixed: 'jax.nn.log_softmax(x, axis=-1)',
      reads: { name: 'log_softmax', id: 'log_softmax', dim: -1 },
    },
  ],
  [
    'jnp.log(jax.nn.softmax(x, axis=0))',
    'python',
    functionFile('import jax\nimport jax.numpy as jnp', 'out = jnp.log(jax.nn.softmax(x, axis=0))'),
    {
      flagged: 'jnp.log(jax.nn.softmax(x, axis=0))',
      fixed: 'jax.nn.log_softmax(x, axis=0)',
      reads: { name: 'log_softmax', id: 'log_softmax', dim: 0 },
    },
  ],
  [
    'jnp.log(jax.nn.sigmoid(x))',
    'python',
    functionFile('import jax\nimport jax.numpy as jnp', 'out = jnp.log(jax.nn.sigmoid(x))'),
    {
      flagged: 'jnp.log(jax.nn.sigmoid(x))',
      fixed: 'jax.nn.log_sigmoid(x)',
      reads: { name: 'log_sigmoid', id: 'logsigmoid' },
    },
  ],
  [
    'Flax: jnp.log(nn.softmax(x))',
    'python',
    functionFile(
      'import jax.numpy as jnp\nfrom flax import linen as nn',
      'out = jnp.log(nn.softmax(x))',
    ),
    {
      flagged: 'jnp.log(nn.softmax(x))',
      fixed: 'nn.log_softmax(x)',
      reads: { name: 'log_softmax', id: 'log_softmax', dim: -1 },
    },
  ],
  [
    'NumPy: np.log(expit(x)) is flagged, without a fix the recognizer could confirm',
    'python',
    functionFile('import numpy as np\nfrom scipy.special import expit', 'out = np.log(expit(x))'),
    { flagged: 'np.log(expit(x))' },
  ],
  [
    'TF.js: tf.log(tf.softmax(logits))',
    'typescript',
    `import * as tf from '@tensorflow/tfjs';\n\nexport function scores(logits: tf.Tensor2D): tf.Tensor {\n  return tf.log(tf.softmax(logits));\n}\n`,
    {
      flagged: 'tf.log(tf.softmax(logits))',
      fixed: 'tf.logSoftmax(logits)',
      reads: { name: 'logSoftmax', id: 'log_softmax', dim: -1 },
    },
  ],
  [
    'TF.js: logits.softmax().log()',
    'javascript',
    `const tf = require('@tensorflow/tfjs');\n\nfunction scores(logits) {\n  return logits.softmax().log();\n}\n`,
    {
      flagged: 'logits.softmax().log()',
      fixed: 'logits.logSoftmax()',
      reads: { name: 'logSoftmax', id: 'log_softmax', dim: -1 },
    },
  ],
  [
    'TF.js: tf.log(tf.sigmoid(x))',
    'typescript',
    `import * as tf from '@tensorflow/tfjs';\n\nexport const logp = (x: tf.Tensor) => tf.log(tf.sigmoid(x));\n`,
    {
      flagged: 'tf.log(tf.sigmoid(x))',
      fixed: 'tf.logSigmoid(x)',
      reads: { name: 'logSigmoid', id: 'logsigmoid' },
    },
  ],
  [
    'Flux: log.(softmax(x; dims=2))',
    'julia',
    `using Flux\n\n# Scores for the whole batch.\nfunction scores(m, x)\n    return log.(softmax(m(x); dims=2))\nend\n`,
    {
      flagged: 'log.(softmax(m(x); dims=2))',
      fixed: 'logsoftmax(m(x); dims=2)',
      reads: { name: 'logsoftmax', id: 'log_softmax', dim: 2 },
    },
  ],
  [
    'Flux: log.(σ.(x))',
    'julia',
    `using Flux\n\nlogp(x) = log.(σ.(x))\n`,
    {
      flagged: 'log.(σ.(x))',
      fixed: 'logσ.(x)',
      reads: { name: 'logσ', id: 'logsigmoid' },
    },
  ],
  [
    'LibTorch: torch::log(torch::softmax(x, 1))',
    'cpp',
    `#include <torch/torch.h>\n\ntorch::Tensor scores(const torch::Tensor& x) {\n  return torch::log(torch::softmax(x, 1));\n}\n`,
    {
      flagged: 'torch::log(torch::softmax(x, 1))',
      fixed: 'torch::log_softmax(x, 1)',
      reads: { name: 'log_softmax', id: 'log_softmax', dim: 1 },
    },
  ],
  [
    'LibTorch: x.softmax(1).log()',
    'cpp',
    `#include <torch/torch.h>\n\ntorch::Tensor scores(const torch::Tensor& x) {\n  return x.softmax(1).log();\n}\n`,
    {
      flagged: 'x.softmax(1).log()',
      fixed: 'x.log_softmax(1)',
      reads: { name: 'log_softmax', id: 'log_softmax', dim: 1 },
    },
  ],
];

describe('log-of-softmax: PyTorch', () => {
  for (const [title, lang, file, e] of TORCH) {
    it(title, () => {
      expectPitfall(lang, file, { rule: RULE, ...e });
    });
  }
});

describe('log-of-softmax: TensorFlow, Keras, JAX, Flax, NumPy, TF.js, Flux, LibTorch', () => {
  for (const [title, lang, file, e] of OTHERS) {
    it(title, () => {
      expectPitfall(lang, file, { rule: RULE, ...e });
    });
  }
});

const SILENT: readonly (readonly [string, string, string])[] = [
  ['the fused function itself', 'python', torchModule('out = F.log_softmax(logits, dim=1)')],
  [
    'an epsilon inside the log (a deliberate choice)',
    'python',
    torchModule('out = torch.log(F.softmax(logits, dim=1) + 1e-8)'),
  ],
  [
    'a clamp between softmax and log',
    'python',
    torchModule('out = torch.log(F.softmax(logits, dim=1).clamp_min(1e-12))'),
  ],
  [
    'a probability stored in a variable first',
    'python',
    torchModule('probs = F.softmax(logits, dim=1)\nout = torch.log(probs)'),
  ],
  ['a log of a look-alike name', 'python', torchModule('out = torch.log(my_softmax(logits))')],
  [
    'a logger, not a log',
    'python',
    torchModule('logger.log(F.softmax(logits, dim=1))\nout = logits'),
  ],
  ['log of softplus', 'python', torchModule('out = torch.log(F.softplus(logits))')],
  [
    'math.log of a scalar named like a softmax',
    'python',
    functionFile('import math', 'out = math.log(softmax_temperature)'),
  ],
  [
    'a docstring example',
    'python',
    functionFile('import torch', '"""\n>>> torch.log(torch.softmax(x, 1))\n"""\nout = x'),
  ],
  ['a comment', 'python', torchModule('# out = torch.log(F.softmax(logits, dim=1))\nout = logits')],
  [
    'Math.log in TypeScript',
    'typescript',
    `import * as tf from '@tensorflow/tfjs';\nconst y = Math.log(tf.softmax(x).dataSync()[0]);\n`,
  ],
  ['Julia log without broadcast', 'julia', 'using Flux\nloss(x) = sum(log(softmax(x)))\n'],
  [
    'JAX with an epsilon',
    'python',
    functionFile('import jax\nimport jax.numpy as jnp', 'out = jnp.log(jax.nn.softmax(x) + 1e-9)'),
  ],
];

describe('log-of-softmax: silent', () => {
  for (const [title, lang, file] of SILENT) {
    it(title, () => {
      expectClean(lang, file, RULE);
    });
  }
});
