// The plot panel's first curves as the host samples them (src/plot/firstFrameCurves.ts): the catalogue's
// plot range, f and f′ at evenly spaced x checked against the functions' definitions, and data that JSON
// carries unchanged.
import * as assert from 'node:assert/strict';
import { getActivation } from '../../src/core';
import { FIRST_FRAME_POINTS, firstFrameCurves } from '../../src/plot/firstFrameCurves';

/** The i-th of the evenly spaced x over `range`, both ends included. */
function xAt(range: [number, number], i: number): number {
  return range[0] + (i * (range[1] - range[0])) / (FIRST_FRAME_POINTS - 1);
}

describe('firstFrameCurves', () => {
  it("samples ReLU and leaky ReLU over the union of the catalogue's plot ranges", () => {
    const frame = firstFrameCurves([
      { id: 'relu', params: {} },
      { id: 'leaky_relu', params: { negative_slope: 0.2 } },
    ]);
    assert.ok(frame);
    const [a, b] = getActivation('relu').plotRange;
    const [c, d] = getActivation('leaky_relu').plotRange;
    assert.deepEqual(frame.range, [Math.min(a, c), Math.max(b, d)]);
    const [relu, leaky] = frame.curves;
    assert.equal(relu.y.length, FIRST_FRAME_POINTS);
    for (let i = 0; i < FIRST_FRAME_POINTS; i++) {
      const x = xAt(frame.range, i);
      if (x === 0) {
        continue; // the kink: either one-sided derivative is a convention
      }
      const near = (got: number | null, want: number) =>
        assert.ok(got !== null && Math.abs(got - want) <= 1e-5 * Math.max(1, Math.abs(want)));
      near(relu.y[i], Math.max(0, x));
      near(relu.dy[i], x > 0 ? 1 : 0);
      near(leaky.y[i], x > 0 ? x : 0.2 * x);
      near(leaky.dy[i], x > 0 ? 1 : 0.2);
    }
  });

  it('leaves out a series the core rejects, and gives nothing when none is left', () => {
    const frame = firstFrameCurves([
      { id: 'no_such_activation', params: {} },
      { id: 'tanh', params: {} },
    ]);
    assert.equal(frame?.curves.length, 1);
    assert.deepEqual(frame?.range, getActivation('tanh').plotRange);
    assert.equal(firstFrameCurves([{ id: 'no_such_activation', params: {} }]), undefined);
  });

  it('survives the trip through JSON in the page unchanged: finite numbers or null only', () => {
    const frame = firstFrameCurves([
      { id: 'gelu', params: {} },
      { id: 'selu', params: {} },
    ]);
    assert.ok(frame);
    assert.deepEqual(JSON.parse(JSON.stringify(frame)), frame);
  });
});
