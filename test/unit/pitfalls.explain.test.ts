/**
 * "Explain" on each pitfall asks for the view that shows it: the Softmax view (on the logits the message
 * quotes, where it quotes some) for the softmax family, the function plot for sigmoid and softplus; and the
 * host's own argument check accepts what it asks for, view included.
 */
import assert from 'node:assert/strict';
import { explainRequest } from '../../src/diagnostics/explainRequest';
import { parsePlotRequest } from '../../src/protocolValidation';
import { functionFile, onlyFinding, torchModule } from './pitfallsHelpers';
import type { PitfallRule } from '../../src/core';

const NUMPY = 'import numpy as np';

/** The Explain request for the one finding of `rule` in `text`, checked by the host's parser. */
function request(text: string, rule: PitfallRule) {
  const r = explainRequest(onlyFinding('python', text, rule));
  assert.deepEqual(parsePlotRequest(r), r, 'the host accepts the request as it is');
  return r;
}

describe('pitfalls: Explain opens the right view', () => {
  it('log of softmax: the Softmax view on softmax(1000, 0), log_softmax beside it', () => {
    const text = torchModule('out = torch.log(F.softmax(logits, dim=1))');
    // The message's own numbers: "softmax(1000, 0) underflows to [1, 0]".
    assert.match(onlyFinding('python', text, 'log-of-softmax').message, /softmax\(1000, 0\)/);
    assert.deepEqual(request(text, 'log-of-softmax'), {
      series: [
        { id: 'softmax', params: {}, logits: [1000, 0] },
        { id: 'log_softmax', params: {} },
      ],
      view: 'softmax',
    });
  });

  it('log of sigmoid: the function plot of sigmoid and logsigmoid', () => {
    const text = torchModule('out = torch.log(torch.sigmoid(logits))');
    assert.deepEqual(request(text, 'log-of-softmax'), {
      series: [
        { id: 'sigmoid', params: {} },
        { id: 'logsigmoid', params: {} },
      ],
      view: 'plot',
    });
  });

  it('softmax without dim: the Softmax view, keeping its own logits (no telling ones)', () => {
    const text = torchModule('out = F.log_softmax(logits)');
    assert.deepEqual(request(text, 'implicit-softmax-dim'), {
      series: [{ id: 'log_softmax', params: {} }],
      view: 'softmax',
    });
  });

  it('softmax into cross_entropy: the Softmax view on probabilities-as-logits (1, 0)', () => {
    const text = torchModule('out = F.cross_entropy(F.softmax(logits, dim=1), y)');
    assert.deepEqual(request(text, 'double-activation'), {
      series: [{ id: 'softmax', params: {}, logits: [1, 0] }],
      view: 'softmax',
    });
  });

  it('sigmoid into BCE-with-logits: the function plot of sigmoid', () => {
    const text = torchModule('out = F.binary_cross_entropy_with_logits(torch.sigmoid(logits), y)');
    assert.deepEqual(request(text, 'double-activation'), {
      series: [{ id: 'sigmoid', params: {} }],
      view: 'plot',
    });
  });

  it('hand-written overflow: softplus and sigmoid on the plot, softmax on (1000, 0)', () => {
    const softplus = functionFile(NUMPY, 'out = np.log(1 + np.exp(x))');
    assert.deepEqual(request(softplus, 'handwritten-overflow').view, 'plot');
    const sigmoid = functionFile(NUMPY, 'out = 1 / (1 + np.exp(-x))');
    assert.deepEqual(request(sigmoid, 'handwritten-overflow').view, 'plot');
    const softmax = functionFile(NUMPY, 'out = np.exp(x) / np.sum(np.exp(x))');
    assert.match(onlyFinding('python', softmax, 'handwritten-overflow').message, /\[1000, 0\]/);
    assert.deepEqual(request(softmax, 'handwritten-overflow'), {
      series: [{ id: 'softmax', params: {}, logits: [1000, 0] }],
      view: 'softmax',
    });
  });
});
