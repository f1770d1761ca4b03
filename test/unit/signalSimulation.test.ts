/**
 * The finite random network against mean-field theory: mean h² per layer within 5 % at width 512,
 * depth 20, averaged over 32 seeds, at ordered-phase points for tanh, ReLU, SELU and GELU — and the
 * same comparison is shown to fail against a variance map that drops σ_b².
 */
import assert from 'node:assert/strict';
import { NetworkSimulation, signalPropagation, simulateNetwork } from '../../src/core';
import { Random } from '../../src/core/signal/random';

const WIDTH = 512;
const DEPTH = 20;
const SEEDS = 32;

/** Mean of h² per layer over seeds (forward pass only). */
function averaged(id: string, sigmaW2: number, sigmaB2: number): Float64Array {
  const acc = new Float64Array(DEPTH + 1);
  for (let s = 0; s < SEEDS; s++) {
    const r = simulateNetwork(
      id,
      {},
      {
        sigmaW2,
        sigmaB2,
        q0: 1,
        depth: DEPTH,
        width: WIDTH,
        batch: 2,
        seed: 1000 + s,
        gradients: false,
      },
    );
    r.meanSquare.forEach((v, l) => (acc[l] += v / SEEDS));
  }
  return acc;
}

function worstRelative(sim: Float64Array, theory: readonly number[]): number {
  let worst = 0;
  sim.forEach((v, l) => (worst = Math.max(worst, Math.abs(v / theory[l] - 1))));
  return worst;
}

describe('mean h² per layer: simulation against theory (width 512, depth 20, 32 seeds)', () => {
  const points: [string, number, number][] = [
    ['tanh', 1.2, 0.05],
    ['tanh', 0.9, 0.3],
    ['relu', 1.2, 0.1],
    ['relu', 1, 0.5],
    ['selu', 0.8, 0.1],
    ['gelu', 1.5, 0.1],
  ];
  for (const [id, w, b] of points) {
    it(`${id} at σ_w² = ${w}, σ_b² = ${b}`, () => {
      const theory = signalPropagation(id, {}, { sigmaW2: w, sigmaB2: b, q0: 1, depth: DEPTH });
      assert.ok((theory.chiStar ?? 2) < 1, 'an ordered-phase point');
      const sim = averaged(id, w, b);
      const worst = worstRelative(sim, theory.q);
      assert.ok(worst < 0.05, `${id}: worst layer off by ${(worst * 100).toFixed(1)} %`);
      // The comparison has teeth: a variance map without σ_b² misses by more than 5 %.
      const noBias = signalPropagation(id, {}, { sigmaW2: w, sigmaB2: 0, q0: 1, depth: DEPTH });
      const wrong = worstRelative(sim, noBias.q);
      assert.ok(wrong > 0.05, `${id}: dropping σ_b² only moves it ${(wrong * 100).toFixed(1)} %`);
    });
  }
});

describe('gradients, dead units and output mean: simulation against theory', () => {
  const L = 10;
  const S = 8;
  for (const [id, w, b] of [
    ['tanh', 1.2, 0.05],
    ['relu', 1.2, 0.1],
  ] as [string, number, number][]) {
    it(`${id} at σ_w² = ${w}, σ_b² = ${b} (width 512, depth ${L}, ${S} seeds)`, () => {
      const theory = signalPropagation(id, {}, { sigmaW2: w, sigmaB2: b, q0: 1, depth: L });
      let logRatio = 0;
      const dead = new Float64Array(L + 1);
      const mean = new Float64Array(L + 1);
      for (let s = 0; s < S; s++) {
        const r = simulateNetwork(
          id,
          {},
          {
            sigmaW2: w,
            sigmaB2: b,
            q0: 1,
            depth: L,
            width: WIDTH,
            batch: 4,
            seed: 2000 + s,
          },
        );
        logRatio += Math.log(r.gradientNorm[0] / r.gradientNorm[L]) / S;
        r.deadFraction.forEach((v, l) => (dead[l] += v / S));
        r.meanOutput.forEach((v, l) => (mean[l] += v / S));
      }
      // ‖∂y/∂h⁰‖²/‖∂y/∂h^L‖² ≈ ∏_{l<L} χ^l: compare the per-layer (geometric mean) factors.
      const simulated = Math.exp(logRatio / L);
      const expected = Math.exp(theory.chi.slice(0, L).reduce((a, c) => a + Math.log(c), 0) / L);
      assert.ok(
        Math.abs(simulated / expected - 1) < 0.03,
        `χ per layer ${simulated} vs ${expected}`,
      );
      for (let l = 0; l <= L; l++) {
        assert.ok(Math.abs(dead[l] - theory.deadFraction[l]) < 0.03, `dead fraction, layer ${l}`);
        assert.ok(Math.abs(mean[l] - theory.meanOutput[l]) < 0.04, `output mean, layer ${l}`);
      }
    });
  }
});

describe('the network is seeded and checked', () => {
  const o = { sigmaW2: 1, sigmaB2: 0.1, q0: 1, depth: 3, width: 32, batch: 4, seed: 7 };
  it('the same seed gives the same numbers; another seed, others', () => {
    const a = simulateNetwork('gelu', {}, o);
    const b = simulateNetwork('gelu', {}, o);
    const c = simulateNetwork('gelu', {}, { ...o, seed: 8 });
    assert.deepEqual(a, b);
    assert.notDeepEqual(a.meanSquare, c.meanSquare);
  });
  it('stepping in slices gives what one call gives', () => {
    const sim = new NetworkSimulation('tanh', {}, o);
    let steps = 0;
    while (!sim.step()) {
      steps++;
      assert.ok(sim.progress >= 0 && sim.progress <= 1);
    }
    assert.ok(steps > 0);
    assert.deepEqual(sim.result(), simulateNetwork('tanh', {}, o));
  });
  it('bad options throw errors that name them', () => {
    assert.throws(() => simulateNetwork('relu', {}, { ...o, width: 0 }), /width/);
    assert.throws(() => simulateNetwork('relu', {}, { ...o, width: 4096 }), /width/);
    assert.throws(() => simulateNetwork('relu', {}, { ...o, seed: -1 }), /seed/);
    assert.throws(() => simulateNetwork('relu', {}, { ...o, batch: 1.5 }), /batch/);
    assert.throws(() => simulateNetwork('softmax', {}, o), /vector function/);
  });
});

describe('the network draws standard normals', () => {
  it('ziggurat samples: mean 0, variance 1, kurtosis 3, two-sided tails at 1, 2 and 3', () => {
    const rng = new Random(11, 3);
    const n = 1_000_000;
    let s1 = 0;
    let s2 = 0;
    let s4 = 0;
    const beyond = [0, 0, 0];
    for (let i = 0; i < n; i++) {
      const z = rng.normal();
      s1 += z;
      s2 += z * z;
      s4 += z ** 4;
      for (let k = 0; k < 3; k++) {
        beyond[k] += Math.abs(z) > k + 1 ? 1 : 0;
      }
    }
    // Five standard errors: mean sd 1/√n, variance √(2/n), fourth moment √(96/n).
    assert.ok(Math.abs(s1 / n) < 5 / Math.sqrt(n));
    assert.ok(Math.abs(s2 / n - 1) < 5 * Math.sqrt(2 / n));
    assert.ok(Math.abs(s4 / n - 3) < 5 * Math.sqrt(96 / n));
    // P(|z| > k) = erfc(k/√2): 0.3173105, 0.0455003, 0.0026998.
    [0.3173105, 0.0455003, 0.0026998].forEach((p, k) => {
      const se = Math.sqrt((p * (1 - p)) / n);
      assert.ok(Math.abs(beyond[k] / n - p) < 5 * se, `P(|z| > ${k + 1}) = ${beyond[k] / n}`);
    });
  });
});
