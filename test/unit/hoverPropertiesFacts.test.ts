/**
 * The hover's properties line states facts a reader can check with pencil and paper: tanh is odd, smooth,
 * increasing and flat on both sides; ReLU is increasing, kinked at 0, never negative and flat only on the
 * left; GELU dips below 0 near x ≈ −0.75 so it is not monotonic; leaky ReLU has slope 0.01 and 1, so it
 * never flattens out. The expected words come from those facts, not from the catalogue.
 */
import { strict as assert } from 'node:assert';
import type { Framework } from '../../src/core';
import { factsFor } from '../../src/hover/activationFacts';
import { propertiesMarkdown } from '../../src/hover/hoverText';

/** The first line of the properties section (the notes follow on the next). */
function properties(id: string, framework: Framework = 'pytorch'): string {
  const facts = factsFor({ id, params: {}, framework, start: 0, end: id.length });
  assert.ok(facts, id);
  return propertiesMarkdown(facts, '', 4).split('  \n')[0];
}

describe('the properties line states the mathematical facts', () => {
  it('tanh: zero-centred, monotonic, smooth, saturates on both sides', () => {
    const line = properties('tanh');
    assert.match(line, /(^| · )zero-centred · monotonic · smooth · /);
    assert.match(line, /saturates as x → −∞ and x → \+∞/);
  });

  it('ReLU: not zero-centred, monotonic, not smooth, saturates only as x → −∞', () => {
    const line = properties('relu');
    assert.match(line, / · not zero-centred · monotonic · not smooth · /);
    assert.match(line, /saturates as x → −∞( · |$)/);
  });

  it('GELU is not monotonic; leaky ReLU does not saturate', () => {
    assert.match(properties('gelu'), / · not monotonic · smooth · /);
    assert.match(properties('leaky_relu'), / · does not saturate( · |$)/);
  });
});
