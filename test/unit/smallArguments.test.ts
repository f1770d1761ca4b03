/**
 * Values near 0 where the plain formula cancels (x − tanh x): the core switches to a series there, and the
 * expected values are x − tanh(x) evaluated in 50-digit arithmetic (mpmath 1.3, at the float64 input) and
 * rounded to float64, so a wrong series coefficient or a switch at the wrong place shows.
 */
import { strict as assert } from 'node:assert';
import { evaluate } from '../../src/core';

/** [x, x − tanh x] from mpmath with mp.dps = 50. */
const TANHSHRINK: readonly [number, number][] = [
  [0.0099, 3.234203206356675e-7],
  [0.005, 4.166625000421623e-8],
  [-0.007, -1.143310924444443e-7],
  [0.0001, 3.3333333200000004e-13],
];

describe('tanhshrink near 0 keeps every digit', () => {
  it('x − tanh x below |x| = 0.01 within 4 ulp of the 50-digit value', () => {
    assert.equal(TANHSHRINK.length, 4);
    for (const [x, want] of TANHSHRINK) {
      const got = evaluate('tanhshrink', x).y;
      const ulp = Number.EPSILON * Math.abs(want);
      assert.ok(Math.abs(got - want) <= 4 * ulp, `tanhshrink(${x}) = ${got}, want ${want}`);
    }
  });
});
