/**
 * The numerics of the vector activations: values and full Jacobians, stable for any finite input
 * (softmax subtracts the maximum before exponentiating).
 */
import type { VectorEvaluation } from '../types';

/** Longest input vector accepted (its Jacobian has n² entries). */
export const MAX_LENGTH = 1024;

/** Rejects a vector the functions cannot give a meaningful answer for. */
export function checkVector(id: string, z: readonly number[]): void {
  if (!Array.isArray(z)) {
    throw new Error(`${id}: input must be an array of numbers`);
  }
  if (z.length === 0) {
    throw new Error(`${id}: input must not be empty`);
  }
  // The Jacobian is n × n: cap n so a stray huge array cannot stall the caller.
  if (z.length > MAX_LENGTH) {
    throw new Error(`${id}: input may have at most ${MAX_LENGTH} entries, got ${z.length}`);
  }
  z.forEach((v, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new Error(`${id}: input z[${i}] must be a finite number, got ${String(v)}`);
    }
  });
}

/** softmax with max subtraction; returns the probabilities and log Σ e^{z − m} for log_softmax. */
export function softmaxCore(z: readonly number[]): { p: number[]; m: number; logSum: number } {
  let m = -Infinity;
  for (const v of z) {
    m = Math.max(m, v);
  }
  const e = z.map((v) => Math.exp(v - m));
  const sum = e.reduce((a, b) => a + b, 0);
  return { p: e.map((v) => v / sum), m, logSum: Math.log(sum) };
}

/** diag(p) − p pᵀ, scaled by `sign` (−1 for softmin). */
export function softmaxJacobian(p: readonly number[], sign: number): number[][] {
  return p.map((pi, i) => p.map((pj, j) => sign * (i === j ? pi - pi * pj : -pi * pj)));
}

/** softmax / softmin: y = softmax(±z), J = ±(diag(y) − y yᵀ). */
export function softmaxLike(z: readonly number[], sign: 1 | -1): VectorEvaluation {
  const { p } = softmaxCore(sign === 1 ? z : z.map((v) => -v));
  return { y: p, jacobian: softmaxJacobian(p, sign) };
}

/** log_softmax: y = z − m − log Σ e^{z − m}, J = I − 1·softmax(z)ᵀ. */
export function logSoftmax(z: readonly number[]): VectorEvaluation {
  const { p, m, logSum } = softmaxCore(z);
  return {
    y: z.map((v) => v - m - logSum),
    jacobian: z.map((_, i) => p.map((pj, j) => (i === j ? 1 - pj : -pj))),
  };
}

/** glu: a·σ(b) for the two halves a, b; the Jacobian is n/2 × n. */
export function glu(z: readonly number[]): VectorEvaluation {
  if (z.length % 2 !== 0) {
    throw new Error(
      `glu: input length must be even (it is split into two halves), got ${z.length}`,
    );
  }
  const h = z.length / 2;
  const y: number[] = [];
  const jacobian: number[][] = [];
  for (let i = 0; i < h; i++) {
    const a = z[i];
    const b = z[h + i];
    const e = Math.exp(-Math.abs(b));
    const s = b >= 0 ? 1 / (1 + e) : e / (1 + e);
    const ds = e / ((1 + e) * (1 + e));
    y.push(a * s);
    const row = new Array<number>(z.length).fill(0);
    row[i] = s;
    row[h + i] = a * ds;
    jacobian.push(row);
  }
  return { y, jacobian };
}

/** sparsemax (Martins & Astudillo): Euclidean projection onto the simplex. */
export function sparsemax(z: readonly number[]): VectorEvaluation {
  const u = [...z].sort((a, b) => b - a);
  let cum = 0;
  let k = 0;
  let kSum = 0;
  for (let j = 0; j < u.length; j++) {
    cum += u[j];
    if (1 + (j + 1) * u[j] > cum) {
      k = j + 1;
      kSum = cum;
    }
  }
  const tau = (kSum - 1) / k;
  const y = z.map((v) => Math.max(v - tau, 0));
  const support = y.map((v) => (v > 0 ? 1 : 0));
  const size = support.reduce<number>((a, b) => a + b, 0);
  const jacobian = support.map((si, i) =>
    support.map((sj, j) => (i === j ? si : 0) - (si * sj) / size),
  );
  return { y, jacobian };
}
