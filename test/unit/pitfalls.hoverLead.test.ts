/**
 * The hover's lead line over a flagged expression: only inside the flagged span, the message escaped as
 * Markdown, and a Plot link whose argument is the pitfall's series as plain data.
 */
import assert from 'node:assert/strict';
import { findPitfalls } from '../../src/core';
import { pitfallLead } from '../../src/diagnostics/pitfallLead';
import { torchModule } from './pitfallsHelpers';

const FILE = torchModule('out = torch.log(F.softmax(logits, dim=1))');
const PITFALLS = findPitfalls(FILE, 'python');
const NAME = FILE.indexOf('softmax(logits');

describe('pitfalls: hover lead', () => {
  it('leads a hover on a name inside the flagged expression', () => {
    const lead = pitfallLead(PITFALLS, NAME, NAME + 'softmax'.length) ?? '';
    assert.ok(lead?.startsWith('$(warning) **log-of-softmax** — log of softmax: softmax(1000, 0)'));
    // Markdown-active characters of the message are escaped: log\_softmax, \[1, 0\].
    assert.ok(lead.includes('log\\_softmax computes') && lead.includes('\\[1, 0\\]'), lead);
  });

  it('links to the Softmax view of softmax(1000, 0) and log_softmax, as Explain does', () => {
    const lead = pitfallLead(PITFALLS, NAME, NAME + 7) ?? '';
    const m = /\]\(command:activationLens\.plot\?([^ )]+)/.exec(lead);
    assert.ok(m, lead);
    assert.deepEqual(JSON.parse(decodeURIComponent(m[1])), [
      {
        series: [
          { id: 'softmax', params: {}, logits: [1000, 0] },
          { id: 'log_softmax', params: {} },
        ],
        view: 'softmax',
      },
    ]);
  });

  it('says nothing outside the flagged expression', () => {
    const other = FILE.indexOf('nn.Linear');
    assert.equal(pitfallLead(PITFALLS, other, other + 9), undefined);
    assert.equal(pitfallLead([], NAME, NAME + 7), undefined);
  });
});
