/**
 * The hover's "Signal through depth" link: the plot command with `view: 'depth'` and the recognized id
 * and parameters, parsed back by the host's own argument check; none for vector functions.
 */
import assert from 'node:assert/strict';
import type { RecognizedCall } from '../../src/core';
import { factsFor } from '../../src/hover/activationFacts';
import { depthLinkMarkdown } from '../../src/hover/depthLink';
import { parsePlotArgs } from '../../src/protocolValidation';

function facts(id: string, params: RecognizedCall['params']) {
  const f = factsFor({ id, params, framework: 'pytorch', start: 0, end: id.length });
  assert.ok(f);
  return f;
}

/** The JSON argument array of the first command link in the Markdown. */
function commandArgs(markdown: string): unknown[] {
  const m = /\(command:activationLens\.plot\?([^ )]+)/.exec(markdown);
  assert.ok(m, markdown);
  return JSON.parse(decodeURIComponent(m[1])) as unknown[];
}

describe('Signal through depth link', () => {
  it('leaky_relu(0.2): the id and slope, view depth, accepted by the host', () => {
    const md = depthLinkMarkdown(facts('leaky_relu', { negative_slope: 0.2 }));
    assert.match(md, /^ · \[Signal through depth\]\(command:activationLens\.plot\?/);
    const [arg] = commandArgs(md);
    assert.deepEqual(arg, {
      series: [{ id: 'leaky_relu', params: { negative_slope: 0.2 } }],
      view: 'depth',
    });
    assert.deepEqual(parsePlotArgs(arg), [{ id: 'leaky_relu', params: { negative_slope: 0.2 } }]);
  });

  it('ReLU: the ∞ default of max_value is left out (JSON has no ∞)', () => {
    const [arg] = commandArgs(depthLinkMarkdown(facts('relu', {})));
    const params = (arg as { series: { params: Record<string, unknown> }[] }).series[0].params;
    assert.equal('max_value' in params, false);
  });

  it('softmax is a vector function: no link', () => {
    assert.equal(depthLinkMarkdown(facts('softmax', { dim: -1 })), '');
  });
});
