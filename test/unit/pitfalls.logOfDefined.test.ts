/**
 * `log-of-softmax` where the softmax or sigmoid is the file's own function (#13: "`np.log(softmax(z))` with a
 * recognized (library or user-defined) softmax"): research and teaching code writes them by hand, often far
 * above the loss that takes their log. The function must compute a softmax or sigmoid by its body; its name
 * alone never decides.
 */
import assert from 'node:assert/strict';
import { findPitfalls } from '../../src/core';
import { expectClean, expectPitfall, onlyFinding } from './pitfallsHelpers';

const RULE = 'log-of-softmax';

/** A from-scratch NumPy network whose helpers come first and whose loss comes after `filler` lines. */
function scratchNet(helpers: string, loss: string, filler = 0): string {
  const padding = Array.from(
    { length: filler },
    (_, i) =>
      `    w${i} = rng.standard_normal((fan_in, fan_out)) * np.sqrt(2.0 / fan_in)  # He init`,
  ).join('\n');
  return `"""A two-layer network in NumPy, written to follow the lecture's derivations."""
import numpy as np

rng = np.random.default_rng(0)


${helpers}


def init_params(fan_in, fan_out):
    """Weights for every layer (kept long on purpose: real files put the helpers far above the loss)."""
${padding}
    return fan_in, fan_out


def cross_entropy(z, y):
    """Mean negative log-likelihood of the integer labels y under the logits z (classes along axis 0)."""
${loss}
    return -np.mean(logp[y, np.arange(y.shape[0])])
`;
}

const SOFTMAX_ONE_LINE = `def softmax(z):
    """Column-wise softmax."""
    return np.exp(z) / np.sum(np.exp(z), axis=0)`;

const STABLE_SOFTMAX = `def stable_softmax(z):
    return np.exp(z - np.max(z, axis=0)) / np.sum(np.exp(z - np.max(z, axis=0)), axis=0)`;

const SIGMOID_LAMBDA = `sigmoid = lambda z: 1.0 / (1.0 + np.exp(-z))`;

describe('log-of-softmax: the log of a softmax or sigmoid the file defines (#13)', () => {
  const positives: readonly (readonly [string, string, string, string])[] = [
    ['def softmax, one line', SOFTMAX_ONE_LINE, 'logp = np.log(softmax(z))', 'np.log(softmax(z))'],
    [
      'a softmax under another name',
      STABLE_SOFTMAX,
      '    logp = np.log(stable_softmax(z))',
      'np.log(stable_softmax(z))',
    ],
    [
      'a sigmoid bound to a lambda',
      SIGMOID_LAMBDA,
      '    logp = np.log(sigmoid(z))',
      'np.log(sigmoid(z))',
    ],
  ];
  for (const [title, helpers, loss, flagged] of positives) {
    it(title, () => {
      const file = scratchNet(helpers, loss.startsWith('    ') ? loss : `    ${loss}`);
      // NumPy has no log_softmax: the finding explains, and offers no fix.
      expectPitfall('python', file, { rule: RULE, flagged });
    });
  }

  it('the definition 60 lines above the log, beyond any window around it', () => {
    const file = scratchNet(STABLE_SOFTMAX, '    logp = np.log(stable_softmax(z))', 60);
    assert.ok(
      file.indexOf('np.log(') - file.indexOf('def stable_softmax') > 4000,
      'the definition is far away',
    );
    const p = onlyFinding('python', file, RULE);
    assert.equal(file.slice(p.start, p.end), 'np.log(stable_softmax(z))');
    assert.match(p.message, /log_softmax/);
    assert.deepEqual(
      p.explain?.map((e) => e.id),
      ['softmax', 'log_softmax'],
    );
  });

  it('a definition in an earlier notebook cell (the preamble)', () => {
    const cell = 'logp = np.log(stable_softmax(logits))\n';
    const found = findPitfalls(cell, 'python', {
      preamble: `import numpy as np\n\n${STABLE_SOFTMAX}\n`,
    }).filter((p) => p.rule === RULE);
    assert.deepEqual(
      found.map((p) => cell.slice(p.start, p.end)),
      ['np.log(stable_softmax(logits))'],
    );
  });

  const silent: readonly (readonly [string, string, string])[] = [
    [
      'a function named softmax that computes something else',
      `def softmax(z):\n    """Unnormalised scores (the name is historical)."""\n    return np.exp(z)`,
      '    logp = np.log(softmax(z))',
    ],
    [
      'a function named sigmoid that is a plain scaling',
      `def sigmoid(z):\n    return z / 2.0`,
      '    logp = np.log(sigmoid(z))',
    ],
    [
      'the log of a normaliser that is no activation',
      `def normalise(z):\n    return z / np.sum(z, axis=0)`,
      '    logp = np.log(normalise(z))',
    ],
    [
      'a softmax whose output is smoothed before the log',
      STABLE_SOFTMAX,
      '    logp = np.log(stable_softmax(z) + 1e-12)',
    ],
    [
      'a call of a name the file does not define',
      'from mylib import stable_softmax',
      '    logp = np.log(stable_softmax(z))',
    ],
    [
      'the definition only in a docstring',
      `"""Example:\n\ndef stable_softmax(z):\n    return np.exp(z) / np.sum(np.exp(z), axis=0)\n"""`,
      '    logp = np.log(stable_softmax(z))',
    ],
  ];
  for (const [title, helpers, loss] of silent) {
    it(`silent: ${title}`, () => {
      expectClean('python', scratchNet(helpers, loss), RULE);
    });
  }
});
