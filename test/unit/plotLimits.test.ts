/** Plot bounds for values up to the largest double (issue 10: the chart hang and NaN coordinates). */
import { strict as assert } from 'node:assert';
import { clipForPlot, niceBounds, PLOT_LIMIT, safeRange, yBounds } from '../../src/plotLimits';

const MAX = Number.MAX_VALUE;

describe('plot limits', () => {
  it('clips finite values beyond ±1e300 and leaves NaN and ±∞ as gaps', () => {
    assert.equal(clipForPlot(1.5e308), PLOT_LIMIT);
    assert.equal(clipForPlot(-MAX), -PLOT_LIMIT);
    assert.equal(clipForPlot(2.5), 2.5);
    assert.ok(Number.isNaN(clipForPlot(NaN)));
    assert.equal(clipForPlot(-Infinity), -Infinity);
  });

  it('y bounds stay finite and ordered for values near the largest double', () => {
    const cases: number[][] = [
      [-MAX, MAX],
      [-1.5e308, 0.1, 5],
      [1e308, 1e308],
      [-Infinity, NaN, 3],
      [NaN],
      [],
    ];
    let mapped = 0;
    for (const values of cases) {
      const [lo, hi] = yBounds([Float64Array.from(values)]);
      assert.ok(Number.isFinite(lo) && Number.isFinite(hi) && lo < hi, `${values}: ${lo} ${hi}`);
      // A plot maps values with (v − lo) / (hi − lo): that must be a number for every drawable value.
      for (const v of values.map(clipForPlot).filter(Number.isFinite)) {
        const t = (v - lo) / (hi - lo);
        assert.ok(t >= 0 && t <= 1, `${v} maps to ${t}`);
        mapped++;
      }
    }
    assert.ok(mapped >= cases.length, `${mapped} drawable values mapped`);
  });

  it('the y bounds cover the values with a margin, and 0 when asked', () => {
    assert.deepEqual(yBounds([[1, 3]], 0.5), [0, 4]);
    assert.deepEqual(yBounds([[1, 3]], 0, true), [0, 3]);
    assert.deepEqual(yBounds([[0, 0]], 0, true), [-1, 1]);
  });

  it('an x-range near ±1.7e308 becomes one that can be sampled in 2000 steps', () => {
    for (const r of [
      [-1.7e308, 1.7e308],
      [-MAX, -MAX],
      [1e300, 1e300 * (1 + 1e-16)],
      [5, 2],
      [NaN, 1],
    ] as [number, number][]) {
      const [lo, hi] = safeRange(r);
      const step = (hi - lo) / 1999;
      assert.ok(Number.isFinite(step) && step > 0, `${r}: step ${step}`);
      assert.ok(lo + 1999 * step > lo + 1998 * step, `${r}: distinct samples`);
      assert.ok(Math.abs(lo) <= PLOT_LIMIT && Math.abs(hi) <= PLOT_LIMIT);
    }
    assert.deepEqual(safeRange([-3, 4]), [-3, 4]);
  });

  it('nice bounds end on round numbers and stay finite at the limit', () => {
    assert.deepEqual(niceBounds([-0.04, 5.04]), [-1, 6]);
    assert.deepEqual(niceBounds([0, 1]), [0, 1]);
    const [lo, hi] = niceBounds(yBounds([[-MAX, MAX]]));
    assert.ok(Number.isFinite(lo) && Number.isFinite(hi) && lo < 0 && hi > 0, `${lo} ${hi}`);
  });
});
