/**
 * Core benchmark: f and f' over 10⁶ points for sigmoid, gelu, elu and softplus, beside tfjs-core's CPU
 * backend computing the same (value and gradient through tf.valueAndGrad) and beside a bare
 * Float64Array loop calling Math.exp once a point (the floor). Only ratios measured in this run are
 * meaningful; nothing is asserted.
 */
// tfjs-core's ES modules throughout (its Node CJS bundle lacks the gradient registrations), so the
// bench must be bundled with tfjs rather than marking it external.
import * as tf from '@tensorflow/tfjs-core/dist/index';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu/dist/index';
import { evaluateArray } from '../src/core';

const N = 1_000_000;
const WARMUP = 3;
const ROUNDS = 9;

/**
 * Median wall times in milliseconds of several runs, measured round-robin (one of each per round) so
 * that load from other processes on a shared machine hits every contender alike.
 */
function timeAll(runs: ReadonlyArray<() => void>): number[] {
  for (let i = 0; i < WARMUP; i++) {
    runs.forEach((run) => run());
  }
  const times: number[][] = runs.map(() => []);
  for (let i = 0; i < ROUNDS; i++) {
    runs.forEach((run, k) => {
      const t0 = performance.now();
      run();
      times[k].push(performance.now() - t0);
    });
  }
  return times.map((t) => t.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)]);
}

/** The same function written with tfjs-core ops, so tf.valueAndGrad can differentiate it. */
const TFJS: Record<string, (x: tf.Tensor) => tf.Tensor> = {
  sigmoid: (x) => tf.sigmoid(x),
  gelu: (x) => tf.mul(tf.mul(x, 0.5), tf.add(1, tf.erf(tf.mul(x, Math.SQRT1_2)))),
  elu: (x) => tf.elu(x),
  softplus: (x) => tf.softplus(x),
};

/** Evenly spread inputs over [−10, 10]: both tails and the middle, no randomness between runs. */
function inputs(): Float64Array {
  return Float64Array.from({ length: N }, (_, i) => -10 + (20 * i) / (N - 1));
}

/** Prints one line per function: times and the two ratios the issue sets goals for. */
export async function runCoreBench(): Promise<void> {
  await tf.setBackend('cpu');
  await tf.ready();
  const xs = inputs();
  const out = { y: new Float64Array(N), dy: new Float64Array(N), d2y: new Float64Array(N) };
  const floorOut = new Float64Array(N);
  const floor = () => {
    for (let i = 0; i < N; i++) {
      floorOut[i] = Math.exp(xs[i]);
    }
  };
  const x32 = tf.tensor1d(Float32Array.from(xs));
  const ones = tf.onesLike(x32);
  console.log(
    `core bench: f, f' (and f'') over ${N.toLocaleString('en')} points, median of ${ROUNDS}`,
  );
  console.log(
    'fn        ours ms  floor ms   tfjs ms   tfjs/ours (goal ≥ 5)   ours/floor (goal ≤ 1.5)',
  );
  for (const id of Object.keys(TFJS)) {
    const valueAndGrad = tf.valueAndGrad(TFJS[id]);
    // tfjs allocates ~100 MB per call: timed apart, so its garbage collection does not land in ours.
    const [ours, exp] = timeAll([() => evaluateArray(id, xs, {}, out), floor]);
    const [tfjs] = timeAll([
      () =>
        tf.tidy(() => {
          const { value, grad } = valueAndGrad(x32, ones);
          value.dataSync();
          grad.dataSync();
        }),
    ]);
    const cells = [
      id.padEnd(8),
      ours.toFixed(2).padStart(7),
      exp.toFixed(2).padStart(8),
      tfjs.toFixed(2).padStart(9),
      `${(tfjs / ours).toFixed(1)}×`.padStart(12),
      `${(ours / exp).toFixed(2)}×`.padStart(22),
    ];
    console.log(cells.join('  '));
  }
  console.log("ours computes f, f' and f'' in float64; tfjs computes f and f' in float32.");
  x32.dispose();
  ones.dispose();
}
