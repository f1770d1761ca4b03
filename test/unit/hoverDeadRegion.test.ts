/**
 * The properties line's "f′ = 0 for …": the intervals where the derivative is exactly 0, worked out from each
 * function's definition (ReLU: x < 0; ReLU6: x < 0 and x > 6; hardshrink: |x| < λ; hardtanh: x > 1), and
 * written at the kinks where they end rather than at the nearest sample.
 */
import { strict as assert } from 'node:assert';
import { evaluateArray, kinksOf, type Params } from '../../src/core';
import { deadRegion } from '../../src/hover/hoverText';
import { plotGrid } from '../../src/hover/plotSvg';

/** The dead region of `id` sampled on the hover's own grid over `range`. */
function region(id: string, range: [number, number], params: Params = {}): string {
  const kinks = kinksOf(id, params);
  const xs = plotGrid(range, kinks);
  return deadRegion(xs, evaluateArray(id, xs, params).dy, kinks);
}

describe('the dead-gradient region in words', () => {
  it('ReLU: x < 0 (the run ends at the kink 0, not at a sample beside it)', () => {
    assert.equal(region('relu', [-3, 3]), 'x < 0');
    assert.equal(region('relu', [-2.7, 3.3]), 'x < 0');
  });

  it('ReLU6: below 0 and above 6, two runs', () => {
    assert.equal(region('relu6', [-3, 9]), 'x < 0, x > 6');
  });

  it('a run strictly inside the range: hardshrink with λ = 0.5 is flat for −0.5 < x < 0.5', () => {
    assert.equal(region('hardshrink', [-2, 2], { lambd: 0.5 }), '−0.5 < x < 0.5');
  });

  it('a run that reaches the right edge: hardtanh over [0, 3] is flat for x > 1 (max_val 1)', () => {
    assert.equal(region('hardtanh', [0, 3]), 'x > 1');
  });

  it('flat over the whole range, and nowhere flat', () => {
    assert.equal(region('relu', [-3, -1]), 'everywhere');
    assert.equal(region('sigmoid', [-3, 3]), '');
    assert.equal(region('relu', [1, 3]), '');
  });

  it('a single zero sample is no region: relu′(0) = 0 alone between slopes 1', () => {
    const xs = Float64Array.from([-1, 0, 1]);
    assert.equal(deadRegion(xs, Float64Array.from([0.5, 0, 1]), [0]), '');
    assert.equal(deadRegion(xs, Float64Array.from([0, 0, 1]), []), 'x < 0');
    assert.equal(deadRegion(xs, Float64Array.from([1, 0, 0]), []), 'x > 0');
  });

  it('snaps an end to a kink only within 0.1 of it', () => {
    const xs = Float64Array.from([-2, -1, -0.5, 0.5, 1]);
    const dy = Float64Array.from([0, 0, 0, 1, 1]);
    assert.equal(deadRegion(xs, dy, [-0.45]), 'x < −0.45');
    assert.equal(deadRegion(xs, dy, [-0.35]), 'x < −0.5');
  });
});
