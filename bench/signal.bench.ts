/**
 * Signal-through-depth benchmark: mean-field theory for 100 layers, the 64 × 64 phase diagram and a
 * width-256, depth-50, batch-64 simulated network, each beside a baseline measured in the same run:
 * the theory and the diagram against the activation evaluations they cannot do without (evaluateArray
 * over as many points as their quadratures use), the network against a bare float64 matrix product
 * of the same multiply-adds. Only the ratios mean anything; nothing is asserted.
 */
import { evaluateArray, phaseDiagram, signalPropagation, simulateNetwork } from '../src/core';

const ROUNDS = 5;

function median(run: () => void, rounds = ROUNDS): number {
  run();
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(rounds / 2)];
}

/** evaluateArray over n points in [−10, 10]. */
function evaluations(id: string, n: number): () => void {
  const xs = Float64Array.from({ length: n }, (_, i) => -10 + (20 * i) / (n - 1));
  const out = { y: new Float64Array(n), dy: new Float64Array(n), d2y: new Float64Array(n) };
  return () => evaluateArray(id, xs, {}, out);
}

/** A bare (n × n) · (n × batch) product, `layers` times forward and back. */
function bareMatmul(n: number, batch: number, layers: number): () => void {
  const w = Float64Array.from({ length: n }, (_, i) => Math.sin(i));
  const a = Float64Array.from({ length: n * batch }, (_, i) => Math.cos(i));
  const acc = new Float64Array(batch);
  return () => {
    for (let pass = 0; pass < 2 * layers; pass++) {
      for (let i = 0; i < n; i++) {
        acc.fill(0);
        for (let j = 0; j < n; j++) {
          const wij = w[j] * (i + 1);
          const o = j * batch;
          for (let b = 0; b < batch; b++) {
            acc[b] += wij * a[o + b];
          }
        }
      }
    }
  };
}

export function runSignalBench(): void {
  console.log(`signal bench: median of ${ROUNDS}`);
  console.log('task                                 ours ms   baseline ms   ours/baseline');
  const row = (task: string, ours: number, base: number) =>
    console.log(
      [
        task.padEnd(36),
        ours.toFixed(1).padStart(7),
        base.toFixed(1).padStart(13),
        `${(ours / base).toFixed(2)}×`.padStart(15),
      ].join(' '),
    );
  // Warm the moment tables once: the theory and diagram reuse them, as the view does.
  for (const id of ['tanh', 'gelu']) {
    const theory = median(() =>
      signalPropagation(id, {}, { sigmaW2: 1.5, sigmaB2: 0.05, q0: 1, depth: 100 }),
    );
    // About 2 000 quadrature points per layer (panels of 0.5 in z and in x, order 12).
    row(`theory, ${id}, 100 layers`, theory, median(evaluations(id, 101 * 2000)));
    const diagram = median(() =>
      phaseDiagram(
        id,
        {},
        {
          sigmaW2: [0, 4],
          sigmaB2: [0, 0.5],
          columns: 64,
          rows: 64,
          q0: 1,
        },
      ),
    );
    row(`phase diagram, ${id}, 64 × 64`, diagram, median(evaluations(id, 64 * 64 * 100)));
  }
  const sim = median(
    () =>
      simulateNetwork(
        'tanh',
        {},
        {
          sigmaW2: 1.5,
          sigmaB2: 0.05,
          q0: 1,
          depth: 50,
          width: 256,
          batch: 64,
          seed: 1,
        },
      ),
    3,
  );
  row('network, tanh, 256 wide, 50 deep, 64', sim, median(bareMatmul(256, 64, 50), 3));
  console.log(
    'baselines: evaluateArray over as many points as the quadratures (theory) or 100 per cell (diagram); a bare float64 matrix product with the same multiply-adds, forward and back (network).',
  );
}
