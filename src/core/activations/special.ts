/**
 * Special functions shared by the activation families. Every form here is chosen to stay finite and
 * accurate for every finite x (no exp of a large positive number, no 1 − (almost 1)).
 */
import erfImpl from '@stdlib/math-base-special-erf';
import erfcImpl from '@stdlib/math-base-special-erfc';

/** The error function (stdlib's, accurate to a few ulp; a 5-digit approximation would miss PyTorch). */
export const erf: (x: number) => number = erfImpl;
/** The complementary error function, accurate where 1 − erf(x) would cancel. */
export const erfc: (x: number) => number = erfcImpl;

export const SQRT1_2 = Math.SQRT1_2;
/** 1/√(2π), the standard normal density at 0. */
export const INV_SQRT_2PI = 0.3989422804014327;
/** √(2/π), the constant of GELU's tanh approximation. */
export const SQRT_2_OVER_PI = 0.7978845608028654;

/** Logistic sigmoid through exp(−|x|): never overflows, keeps relative accuracy in both tails. */
export function sigmoid(x: number): number {
  const e = Math.exp(-Math.abs(x));
  return x >= 0 ? 1 / (1 + e) : e / (1 + e);
}

/** log(1 + eˣ) as max(x, 0) + log1p(e^−|x|): finite for every finite x. */
export function softplus(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

/** Standard normal density φ(x). */
export function normalPdf(x: number): number {
  return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
}

/** Standard normal distribution Φ(x) through erfc, accurate in the left tail. */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x * SQRT1_2);
}

/** sech²(x) = 1 − tanh²(x) without cancellation: 4e^{−2|x|}/(1 + e^{−2|x|})². */
export function sech2(x: number): number {
  const e = Math.exp(-2 * Math.abs(x));
  const d = 1 + e;
  return (4 * e) / (d * d);
}
