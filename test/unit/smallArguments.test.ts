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

/**
 * ELU and CELU below 0 are α·(e^{x/α'} − 1): the core takes e − 1 only where it is exact enough (e ≤ ½) and
 * expm1 near 0, where e − 1 cancels. Expected: α·expm1(x/s) from mpmath (mp.dps = 50) at the float64 input,
 * on both sides of that switch and far from it.
 */
const ELU_BELOW_ZERO: readonly [id: string, alpha: number, x: number, want: number][] = [
  ['elu', 1, -1e-8, -9.999999950000001e-9],
  ['elu', 1, -0.001, -0.0009995001666250085],
  ['elu', 1, -0.3, -0.2591817793182821],
  ['elu', 1, -0.69, -0.49842393093394444],
  ['elu', 1, -0.71, -0.5083558025390349],
  ['elu', 1, -2.5, -0.9179150013761012],
  ['celu', 2, -1e-8, -9.999999975e-9],
  ['celu', 2, -0.3, -0.2785840471498844],
  ['celu', 2, -1.5, -1.0552668945179706],
];

describe('ELU and CELU just below 0 keep every digit', () => {
  it('α·(e^{x/s} − 1) within 4 ulp of the 50-digit value, near 0 and past the e − 1 switch', () => {
    assert.equal(ELU_BELOW_ZERO.length, 9);
    for (const [id, alpha, x, want] of ELU_BELOW_ZERO) {
      const got = evaluate(id, x, { alpha }).y;
      const ulp = Number.EPSILON * Math.abs(want);
      assert.ok(
        Math.abs(got - want) <= 4 * ulp,
        `${id}(${x}, α = ${alpha}) = ${got}, want ${want}`,
      );
    }
  });
});
