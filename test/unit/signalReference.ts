/**
 * Independent references for the signal-propagation tests: E[φ(√q z)²] and E[φ′(√q z)²] by adaptive
 * Simpson in z (refined until two levels agree to 1e-15 or 1e-14 relative, so kinks and jumps anywhere are resolved by
 * refinement, not by knowing where they are), and the closed forms that exist.
 */
import { evaluate } from '../../src/core';

const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
const TOL = 1e-15;
const MAX_LEVEL = 52;

type Vec = [number, number];

function integrand(id: string, params: object, s: number, z: number): Vec {
  const e = evaluate(id, s * z, params as Record<string, number>);
  const w = INV_SQRT_2PI * Math.exp(-0.5 * z * z);
  return [w * e.y * e.y, w * e.dy * e.dy];
}

function simpson(
  f: (z: number) => Vec,
  a: number,
  b: number,
  fa: Vec,
  fm: Vec,
  fb: Vec,
  whole: Vec,
  level: number,
  out: Vec,
): void {
  const m = (a + b) / 2;
  const lm = (a + m) / 2;
  const rm = (m + b) / 2;
  const flm = f(lm);
  const frm = f(rm);
  const h = (b - a) / 12;
  const left: Vec = [h * (fa[0] + 4 * flm[0] + fm[0]), h * (fa[1] + 4 * flm[1] + fm[1])];
  const right: Vec = [h * (fm[0] + 4 * frm[0] + fb[0]), h * (fm[1] + 4 * frm[1] + fb[1])];
  const err = Math.max(
    Math.abs(left[0] + right[0] - whole[0]),
    Math.abs(left[1] + right[1] - whole[1]),
  );
  const scale = Math.max(Math.abs(whole[0]), Math.abs(whole[1]));
  if (level >= MAX_LEVEL || err <= 15 * Math.max(TOL, 1e-14 * scale)) {
    // Richardson's correction: Simpson's error is fourth order.
    out[0] += left[0] + right[0] + (left[0] + right[0] - whole[0]) / 15;
    out[1] += left[1] + right[1] + (left[1] + right[1] - whole[1]) / 15;
    return;
  }
  simpson(f, a, m, fa, flm, fm, left, level + 1, out);
  simpson(f, m, b, fm, frm, fb, right, level + 1, out);
}

/** [E[φ(√q z)²], E[φ′(√q z)²]] for z ~ N(0, 1), by adaptive Simpson on panels of 0.25 in z. */
export function referenceMoments(id: string, q: number, params: object = {}): Vec {
  const s = Math.sqrt(q);
  const f = (z: number) => integrand(id, params, s, z);
  const lo = -14;
  const hi = 14 + Math.min(2 * s, 40);
  const out: Vec = [0, 0];
  for (let a = lo; a < hi; a += 0.25) {
    const b = Math.min(hi, a + 0.25);
    const fa = f(a);
    const fb = f(b);
    const fm = f((a + b) / 2);
    const h = (b - a) / 6;
    const whole: Vec = [h * (fa[0] + 4 * fm[0] + fb[0]), h * (fa[1] + 4 * fm[1] + fb[1])];
    simpson(f, a, b, fa, fm, fb, whole, 0, out);
  }
  return out;
}

/** erf by its Taylor series (|x| ≤ 3) or continued fraction of erfc, independent of the core. */
export function erf(x: number): number {
  if (Math.abs(x) <= 3) {
    let term = x;
    let sum = x;
    for (let n = 1; n < 300; n++) {
      term *= (-x * x) / n;
      sum += term / (2 * n + 1);
    }
    return (2 / Math.sqrt(Math.PI)) * sum;
  }
  // erfc(x) = e^{−x²}/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))).
  const ax = Math.abs(x);
  let cf = 0;
  for (let k = 200; k >= 1; k--) {
    cf = k / 2 / (ax + cf);
  }
  const erfc = Math.exp(-ax * ax) / Math.sqrt(Math.PI) / (ax + cf);
  return Math.sign(x) * (1 - erfc);
}

/** Relative closeness with a message that shows both numbers. */
export function close(actual: number, expected: number, rel: number): boolean {
  return Math.abs(actual - expected) <= rel * Math.abs(expected) + 1e-300;
}
