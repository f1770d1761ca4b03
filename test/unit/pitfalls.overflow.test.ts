/**
 * `handwritten-overflow`: softmax, softplus and sigmoid written out with exp, in NumPy, jax.numpy, PyTorch
 * and TensorFlow spellings; fixed to the stable form (maximum subtracted along the sum's own axis,
 * logaddexp/softplus, expit/sigmoid). Silent where the input may already be shifted.
 */
import { expectClean, expectPitfall, functionFile } from './pitfallsHelpers';

const RULE = 'handwritten-overflow' as const;

const NP = 'import numpy as np';
const NP_SCIPY = 'import numpy as np\nfrom scipy.special import expit';

const POSITIVES: readonly (readonly [string, string, string, string, string | undefined])[] = [
  // [title, imports, body, flagged, fixed]
  [
    'np.exp(x) / np.sum(np.exp(x))',
    NP,
    'out = np.exp(x) / np.sum(np.exp(x))',
    'np.exp(x) / np.sum(np.exp(x))',
    'np.exp(x - np.max(x)) / np.sum(np.exp(x - np.max(x)))',
  ],
  [
    'with axis and keepdims, kept for the maximum',
    NP,
    'out = np.exp(x) / np.sum(np.exp(x), axis=-1, keepdims=True)',
    'np.exp(x) / np.sum(np.exp(x), axis=-1, keepdims=True)',
    'np.exp(x - np.max(x, axis=-1, keepdims=True)) / np.sum(np.exp(x - np.max(x, axis=-1, keepdims=True)), axis=-1, keepdims=True)',
  ],
  [
    'a positional axis',
    NP,
    'return_value = np.exp(x) / np.sum(np.exp(x), 1)\nout = return_value',
    'np.exp(x) / np.sum(np.exp(x), 1)',
    'np.exp(x - np.max(x, 1)) / np.sum(np.exp(x - np.max(x, 1)), 1)',
  ],
  [
    'the .sum() method',
    NP,
    'out = np.exp(x) / np.exp(x).sum(axis=0)',
    'np.exp(x) / np.exp(x).sum(axis=0)',
    'np.exp(x - np.max(x, axis=0)) / np.exp(x - np.max(x, axis=0)).sum(axis=0)',
  ],
  [
    'numpy imported under its own name',
    'import numpy',
    'out = numpy.exp(x) / numpy.sum(numpy.exp(x))',
    'numpy.exp(x) / numpy.sum(numpy.exp(x))',
    'numpy.exp(x - numpy.max(x)) / numpy.sum(numpy.exp(x - numpy.max(x)))',
  ],
  [
    'jax.numpy',
    'import jax.numpy as jnp',
    'out = jnp.exp(x) / jnp.sum(jnp.exp(x), axis=-1, keepdims=True)',
    'jnp.exp(x) / jnp.sum(jnp.exp(x), axis=-1, keepdims=True)',
    'jnp.exp(x - jnp.max(x, axis=-1, keepdims=True)) / jnp.sum(jnp.exp(x - jnp.max(x, axis=-1, keepdims=True)), axis=-1, keepdims=True)',
  ],
  [
    'PyTorch: torch.exp(x) / torch.exp(x).sum(dim=1, keepdim=True)',
    'import torch',
    'out = torch.exp(x) / torch.exp(x).sum(dim=1, keepdim=True)',
    'torch.exp(x) / torch.exp(x).sum(dim=1, keepdim=True)',
    'torch.exp(x - torch.amax(x, dim=1, keepdim=True)) / torch.exp(x - torch.amax(x, dim=1, keepdim=True)).sum(dim=1, keepdim=True)',
  ],
  [
    'PyTorch: torch.sum',
    'import torch',
    'out = torch.exp(x) / torch.sum(torch.exp(x), dim=-1, keepdim=True)',
    'torch.exp(x) / torch.sum(torch.exp(x), dim=-1, keepdim=True)',
    'torch.exp(x - torch.amax(x, dim=-1, keepdim=True)) / torch.sum(torch.exp(x - torch.amax(x, dim=-1, keepdim=True)), dim=-1, keepdim=True)',
  ],
  [
    'TensorFlow: tf.exp(x) / tf.reduce_sum(tf.exp(x), axis=1, keepdims=True)',
    'import tensorflow as tf',
    'out = tf.exp(x) / tf.reduce_sum(tf.exp(x), axis=1, keepdims=True)',
    'tf.exp(x) / tf.reduce_sum(tf.exp(x), axis=1, keepdims=True)',
    'tf.exp(x - tf.reduce_max(x, axis=1, keepdims=True)) / tf.reduce_sum(tf.exp(x - tf.reduce_max(x, axis=1, keepdims=True)), axis=1, keepdims=True)',
  ],
  [
    'np.log(1 + np.exp(x)) → np.logaddexp(0, x)',
    NP,
    'out = np.log(1 + np.exp(x))',
    'np.log(1 + np.exp(x))',
    'np.logaddexp(0, x)',
  ],
  [
    'np.log(1.0 + np.exp(w @ x))',
    NP,
    'out = np.log(1.0 + np.exp(y @ x))',
    'np.log(1.0 + np.exp(y @ x))',
    'np.logaddexp(0, y @ x)',
  ],
  [
    'np.log1p(np.exp(x))',
    NP,
    'out = np.log1p(np.exp(x))',
    'np.log1p(np.exp(x))',
    'np.logaddexp(0, x)',
  ],
  [
    'jnp.log1p(jnp.exp(x))',
    'import jax.numpy as jnp',
    'out = jnp.log1p(jnp.exp(x))',
    'jnp.log1p(jnp.exp(x))',
    'jnp.logaddexp(0, x)',
  ],
  [
    'torch.log(1 + torch.exp(x)) → F.softplus',
    'import torch\nimport torch.nn.functional as F',
    'out = torch.log(1 + torch.exp(x))',
    'torch.log(1 + torch.exp(x))',
    'F.softplus(x)',
  ],
  [
    'torch.log1p(torch.exp(x)) without F imported',
    'import torch',
    'out = torch.log1p(torch.exp(x))',
    'torch.log1p(torch.exp(x))',
    'torch.nn.functional.softplus(x)',
  ],
  [
    'tf.math.log(1 + tf.exp(x)) → tf.math.softplus',
    'import tensorflow as tf',
    'out = tf.math.log(1 + tf.math.exp(x))',
    'tf.math.log(1 + tf.math.exp(x))',
    'tf.math.softplus(x)',
  ],
  [
    '1 / (1 + np.exp(-x)) → expit',
    NP_SCIPY,
    'out = 1 / (1 + np.exp(-x))',
    '1 / (1 + np.exp(-x))',
    'expit(x)',
  ],
  [
    '1.0 / (1.0 + np.exp(-z)) with scipy.special imported',
    'import numpy as np\nimport scipy.special',
    'out = 1.0 / (1.0 + np.exp(-(x @ y)))',
    '1.0 / (1.0 + np.exp(-(x @ y)))',
    'scipy.special.expit((x @ y))',
  ],
  [
    'from scipy import special',
    'import numpy as np\nfrom scipy import special',
    'out = 1 / (1 + np.exp(-x))',
    '1 / (1 + np.exp(-x))',
    'special.expit(x)',
  ],
  [
    'without scipy imported: flagged, no fix',
    NP,
    'out = 1 / (1 + np.exp(-x))',
    '1 / (1 + np.exp(-x))',
    undefined,
  ],
  [
    'PyTorch: 1 / (1 + torch.exp(-x)) → torch.sigmoid',
    'import torch',
    'out = 1 / (1 + torch.exp(-x))',
    '1 / (1 + torch.exp(-x))',
    'torch.sigmoid(x)',
  ],
  [
    'TensorFlow: 1 / (1 + tf.exp(-x)) → tf.math.sigmoid',
    'import tensorflow as tf',
    'out = 1 / (1 + tf.exp(-x))',
    '1 / (1 + tf.exp(-x))',
    'tf.math.sigmoid(x)',
  ],
  [
    'JAX: 1 / (1 + jnp.exp(-x)) → jax.nn.sigmoid',
    'import jax\nimport jax.numpy as jnp',
    'out = 1 / (1 + jnp.exp(-x))',
    '1 / (1 + jnp.exp(-x))',
    'jax.nn.sigmoid(x)',
  ],
  [
    'math.exp raises: flagged',
    'import math',
    'out = 1 / (1 + math.exp(-x))',
    '1 / (1 + math.exp(-x))',
    undefined,
  ],
];

describe('handwritten-overflow: positives', () => {
  for (const [title, imports, body, flagged, fixed] of POSITIVES) {
    it(title, () => {
      expectPitfall('python', functionFile(imports, body), { rule: RULE, flagged, fixed });
    });
  }
});

describe('handwritten-overflow: a softmax function as people write it', () => {
  it('def softmax(logits): with a docstring', () => {
    const file = `import numpy as np


def softmax(logits, axis=-1):
    """Softmax along \`axis\`."""
    e = np.exp(logits) / np.sum(np.exp(logits), axis=axis, keepdims=True)
    return e
`;
    expectPitfall('python', file, {
      rule: RULE,
      flagged: 'np.exp(logits) / np.sum(np.exp(logits), axis=axis, keepdims=True)',
      fixed:
        'np.exp(logits - np.max(logits, axis=axis, keepdims=True)) / np.sum(np.exp(logits - np.max(logits, axis=axis, keepdims=True)), axis=axis, keepdims=True)',
    });
  });

  it('a lambda-free return statement', () => {
    const file = `import numpy as np


def softmax(z: np.ndarray) -> np.ndarray:
    return np.exp(z) / np.exp(z).sum()
`;
    expectPitfall('python', file, {
      rule: RULE,
      flagged: 'np.exp(z) / np.exp(z).sum()',
      fixed: 'np.exp(z - np.max(z)) / np.exp(z - np.max(z)).sum()',
    });
  });
});

const SILENT: readonly (readonly [string, string, string])[] = [
  [
    'the maximum subtracted in the line above',
    NP,
    'x = x - np.max(x)\nout = np.exp(x) / np.sum(np.exp(x))',
  ],
  ['the maximum subtracted in place', NP, 'x -= x.max()\nout = np.exp(x) / np.sum(np.exp(x))'],
  [
    'the maximum subtracted inside',
    NP,
    'out = np.exp(x - np.max(x)) / np.sum(np.exp(x - np.max(x)))',
  ],
  ['a shifted copy in a variable', NP, 'z = x - x.max()\nout = np.exp(z) / np.sum(np.exp(z))'],
  ['a local not a parameter', NP, 'z = load()\nout = np.exp(z) / np.sum(np.exp(z))'],
  ['different arrays in the two exps', NP, 'out = np.exp(x) / np.sum(np.exp(y))'],
  ['a product, not a softmax', NP, 'out = 2 * np.exp(x) / np.sum(np.exp(x))'],
  ['the stable forms', NP_SCIPY, 'out = expit(x) + np.logaddexp(0, x)'],
  ['log(1 + x) without exp', NP, 'out = np.log(1 + x)'],
  ['log(2 + exp(x)) is another function', NP, 'out = np.log(2 + np.exp(x))'],
  ['1 / (1 + exp(x)) without the minus', NP, 'out = 1 / (1 + np.exp(x))'],
  ['a user exp', 'from mylib import exp', 'out = 1 / (1 + exp(-x))'],
  ['an exp in a comment', NP, '# out = np.exp(x) / np.sum(np.exp(x))\nout = x'],
  ['a loop variable', NP, 'for x in batches:\n    out = np.exp(x) / np.sum(np.exp(x))'],
];

describe('handwritten-overflow: silent', () => {
  for (const [title, imports, body] of SILENT) {
    it(title, () => {
      expectClean('python', functionFile(imports, body), RULE);
    });
  }
});
