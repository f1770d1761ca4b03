/**
 * Notebooks (#9 §6): names bound at the top level of earlier code cells (the context's preamble) mean the
 * same in later cells — a function (`act = F.gelu`, Julia `act = NNlib.gelu`), a lambda, or a value that
 * shadows an activation's name (`σ = 0.1f0`). A name bound inside a function of an earlier cell does not
 * reach later cells.
 */
import assert from 'node:assert/strict';
import { recognizeAt, type RecognizeContext } from '../../src/core';
import { spanOf } from './recognizeHelpers';

function hoverIn(lang: string, cell: string, word: string, nth: number, preamble: string) {
  const [s, e] = spanOf(cell, word, nth);
  const context: RecognizeContext = { preamble };
  return recognizeAt(cell, Math.floor((s + e) / 2), lang, context);
}

describe('recognizeAt: top-level bindings of earlier notebook cells', () => {
  it('Python: a function or lambda bound in an earlier cell is that activation', () => {
    const first =
      'import numpy as np\nimport torch.nn.functional as F\n\nact = F.gelu\nsoft = lambda z: np.log1p(np.exp(z))\n';
    const cell = 'h = act(x)\ns = soft(x)\n';
    assert.equal(hoverIn('python', cell, 'act', 0, first)?.id, 'gelu');
    assert.equal(hoverIn('python', cell, 'soft', 0, first)?.id, 'softplus');
  });

  it('Python: a value bound in an earlier cell shadows the activation of that name', () => {
    const first = 'from torch.nn.functional import relu\n\nrelu = 0.5\n';
    const cell = 'y = relu(x)\n';
    assert.equal(hoverIn('python', cell, 'relu', 0, first), undefined);
    // Without the binding, the import alone makes it the activation.
    assert.equal(
      hoverIn('python', cell, 'relu', 0, 'from torch.nn.functional import relu\n')?.id,
      'relu',
    );
  });

  it('Python: a name bound inside a function of an earlier cell does not reach later cells', () => {
    const first =
      'import torch.nn.functional as F\n\ndef build():\n    act = F.gelu\n    return act\n';
    const cell = 'y = act(x)\n';
    assert.equal(hoverIn('python', cell, 'act', 0, first), undefined);
  });

  it('Julia: σ bound to a number in an earlier cell is not the sigmoid; act = NNlib.gelu is gelu', () => {
    const first = 'using Flux\nσ = 0.1f0\nact = NNlib.gelu\n';
    const cell = 'm = Chain(Dense(1 => 8, act), Dense(8 => 1, σ))\n';
    assert.equal(hoverIn('julia', cell, 'act', 0, first)?.id, 'gelu');
    assert.equal(hoverIn('julia', cell, 'σ', 0, first), undefined);
    assert.equal(hoverIn('julia', cell, 'σ', 0, 'using Flux\n')?.id, 'sigmoid');
  });
});
