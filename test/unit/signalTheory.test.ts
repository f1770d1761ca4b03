/**
 * Mean-field signal propagation: the moments behind q and χ against an independent adaptive Simpson
 * for every scalar activation, closed forms (ReLU, leaky ReLU, the identity, hardtanh), the issue's
 * checkpoints, fixed points checked by iterating the map, and the edge of chaos checked by χ* = 1.
 */
import assert from 'node:assert/strict';
import { criticalSigmaW2, listActivations, signalPropagation } from '../../src/core';
import { close, erf, referenceMoments } from './signalReference';

const one = (id: string, q0: number, params = {}) =>
  signalPropagation(id, params, { sigmaW2: 1, sigmaB2: 0, q0, depth: 1 });

describe('E[φ²] and E[φ′²] against adaptive Simpson', () => {
  const scalar = listActivations().filter((a) => a.kind === 'scalar');
  it('runs over every scalar entry', () => {
    assert.ok(scalar.length >= 30, `${scalar.length} entries`);
  });
  for (const a of scalar) {
    it(a.id, () => {
      for (const q of [0.04, 1, 9, 100]) {
        const r = one(a.id, q);
        if (a.id === 'exponential' && q === 100) {
          // E[e^{2x}] = e^{2q} = e^{200}; the next layer's E[e^{2x}] = e^{2e^{200}} overflows.
          assert.ok(close(r.q[1], Math.exp(200), 1e-9), `${r.q[1]}`);
          continue;
        }
        const [v, c] = referenceMoments(a.id, q);
        assert.ok(close(r.q[1], v, 1e-7), `${a.id} q=${q}: E[φ²] ${r.q[1]} vs ${v}`);
        assert.ok(close(r.chi[0], c, 1e-7), `${a.id} q=${q}: E[φ′²] ${r.chi[0]} vs ${c}`);
      }
    });
  }
});

describe('closed forms', () => {
  it('ReLU: q ↦ σ_w² q/2 + σ_b² and χ = σ_w²/2 at every q', () => {
    for (const [w, b] of [
      [1, 0],
      [2, 0.3],
      [1.7, 0.05],
    ]) {
      const r = signalPropagation('relu', {}, { sigmaW2: w, sigmaB2: b, q0: 3, depth: 12 });
      let q = 3;
      for (let l = 0; l <= 12; l++) {
        assert.ok(close(r.q[l], q, 1e-12), `q[${l}] ${r.q[l]} vs ${q}`);
        assert.ok(close(r.chi[l], w / 2, 1e-12), `chi[${l}] ${r.chi[l]}`);
        assert.ok(close(r.deadFraction[l], 0.5, 1e-12));
        // E[max(0, x)] = √(q/2π).
        assert.ok(close(r.meanOutput[l], Math.sqrt(q / (2 * Math.PI)), 1e-12));
        q = (w * q) / 2 + b;
      }
    }
  });

  it('leaky ReLU with slope a: E[φ²] = q(1 + a²)/2, E[φ′²] = (1 + a²)/2', () => {
    for (const a of [0.01, 0.2, 0.5]) {
      const r = one('leaky_relu', 2.5, { negative_slope: a });
      assert.ok(close(r.q[1], (2.5 * (1 + a * a)) / 2, 1e-12));
      assert.ok(close(r.chi[0], (1 + a * a) / 2, 1e-12));
    }
  });

  it('identity: q ↦ σ_w² q + σ_b², χ = σ_w²', () => {
    const r = signalPropagation('linear', {}, { sigmaW2: 0.9, sigmaB2: 0.1, q0: 4, depth: 3 });
    assert.ok(close(r.q[1], 0.9 * 4 + 0.1, 1e-12));
    assert.ok(close(r.chi[2], 0.9, 1e-12));
    assert.ok(close(r.qStar ?? NaN, 1, 1e-12), 'q* = 0.1/(1 − 0.9)');
  });

  it('hardtanh: E[φ′²] = erf(1/√(2q)), E[φ²] = q·(erf(a/√2) − a√(2/π)e^{−a²/2}) + P(|x| > 1)', () => {
    for (const q of [0.3, 1, 4]) {
      const a = 1 / Math.sqrt(q);
      const inside = erf(a / Math.SQRT2);
      const v = q * (inside - a * Math.sqrt(2 / Math.PI) * Math.exp(-a * a * 0.5)) + 1 - inside;
      const r = one('hardtanh', q);
      assert.ok(close(r.chi[0], inside, 1e-10), `${r.chi[0]} vs ${inside}`);
      assert.ok(close(r.q[1], v, 1e-10), `${r.q[1]} vs ${v}`);
    }
  });
});

describe("the issue's checkpoints", () => {
  it('ReLU: critical point (σ_w², σ_b²) = (2, 0); none for σ_b² > 0 (q explodes first)', () => {
    assert.ok(close(criticalSigmaW2('relu', {}, 0) ?? NaN, 2, 1e-12));
    assert.equal(criticalSigmaW2('relu', {}, 0.1), undefined);
    const r = signalPropagation('relu', {}, { sigmaW2: 2, sigmaB2: 0, q0: 0.7, depth: 5 });
    assert.equal(r.fixedPoint, 'every');
    assert.ok(close(r.chiStar ?? NaN, 1, 1e-12));
  });

  it('tanh, σ_b² = 0.05: critical σ_w² ≈ 1.7610, where χ* = 1', () => {
    const w = criticalSigmaW2('tanh', {}, 0.05) ?? NaN;
    assert.ok(Math.abs(w - 1.761) < 5e-5, `${w}`);
    const r = signalPropagation('tanh', {}, { sigmaW2: w, sigmaB2: 0.05, q0: 1, depth: 1 });
    assert.ok(close(r.chiStar ?? NaN, 1, 1e-9), `χ* ${r.chiStar}`);
    const below = signalPropagation(
      'tanh',
      {},
      { sigmaW2: w - 0.05, sigmaB2: 0.05, q0: 1, depth: 1 },
    );
    const above = signalPropagation(
      'tanh',
      {},
      { sigmaW2: w + 0.05, sigmaB2: 0.05, q0: 1, depth: 1 },
    );
    assert.ok((below.chiStar ?? NaN) < 1 && (above.chiStar ?? NaN) > 1);
  });

  it('tanh, σ_b = 0: q* = 0 for σ_w² < 1, critical σ_w² = 1', () => {
    const r = signalPropagation('tanh', {}, { sigmaW2: 0.8, sigmaB2: 0, q0: 1, depth: 300 });
    assert.equal(r.qStar, 0);
    assert.ok(close(r.chiStar ?? NaN, 0.8, 1e-12), 'χ* = σ_w² tanh′(0)²');
    assert.ok(r.q[300] < 1e-20, `q decays to 0: ${r.q[300]}`);
    assert.ok(close(criticalSigmaW2('tanh', {}, 0) ?? NaN, 1, 1e-12));
  });

  it('SELU, σ_w² = 1, σ_b = 0: q* = 1 (self-normalizing)', () => {
    const r = signalPropagation('selu', {}, { sigmaW2: 1, sigmaB2: 0, q0: 3, depth: 200 });
    assert.ok(close(r.qStar ?? NaN, 1, 1e-6), `${r.qStar}`);
    assert.ok(close(r.q[200], 1, 1e-6), `iterated: ${r.q[200]}`);
  });

  it('SELU, σ_b = 0: the edge is σ_w² = 2/(λ²(1 + α²)), the one-sided slopes at 0 averaged', () => {
    const lambda = 1.0507009873554805;
    const alpha = 1.6732632423543772;
    const expected = 2 / (lambda * lambda * (1 + alpha * alpha));
    assert.ok(close(criticalSigmaW2('selu', {}, 0) ?? NaN, expected, 1e-9));
  });
});

describe('fixed points, depth scales, several or none', () => {
  const points: [string, number, number][] = [
    ['tanh', 1.5, 0.05],
    ['relu', 1.2, 0.1],
    ['sigmoid', 4, 0.2],
    ['elu', 1.3, 0.05],
    ['gelu', 1.5, 0.2],
  ];
  for (const [id, w, b] of points) {
    it(`${id} (${w}, ${b}): q* is a root of the map, the map converges to it at rate e^{−1/ξ_q}`, () => {
      const r = signalPropagation(id, {}, { sigmaW2: w, sigmaB2: b, q0: 2, depth: 400 });
      assert.equal(r.fixedPoint, 'one');
      const qs = r.qStar ?? NaN;
      const [v, c] = referenceMoments(id, qs);
      assert.ok(close(w * v + b, qs, 1e-8), `q* = σ_w² E[φ²](q*) + σ_b²: ${w * v + b} vs ${qs}`);
      assert.ok(close(r.chiStar ?? NaN, w * c, 1e-8));
      assert.ok(close(r.q[400], qs, 1e-8), `iterated ${r.q[400]} vs ${qs}`);
      assert.ok(close(r.xiC ?? NaN, -1 / Math.log(w * c), 1e-8));
      // Far from q* (but not yet at rounding) successive gaps shrink by e^{−1/ξ_q}.
      const l = r.q.findIndex((q) => Math.abs(q - qs) < 1e-4 * qs);
      const rate = (r.q[l + 1] - qs) / (r.q[l] - qs);
      assert.ok(close(rate, Math.exp(-1 / (r.xiQ ?? NaN)), 1e-3), `rate ${rate}, ξ_q ${r.xiQ}`);
    });
  }

  it('GELU σ_w² = 3, σ_b = 0: 0 attracts and so does ∞ — several, no q* reported', () => {
    const r = signalPropagation('gelu', {}, { sigmaW2: 3, sigmaB2: 0, q0: 1, depth: 30 });
    assert.equal(r.fixedPoint, 'several');
    assert.equal(r.qStar, undefined);
    assert.deepEqual(r.stableFixedPoints, [0]);
    assert.ok(r.q[30] > r.q[0] * 100, 'from q0 = 1 the variance grows');
    const small = signalPropagation('gelu', {}, { sigmaW2: 3, sigmaB2: 0, q0: 0.01, depth: 200 });
    assert.ok(small.q[200] < 1e-6, 'from q0 = 0.01 it falls to 0');
    assert.equal(criticalSigmaW2('gelu', {}, 0), undefined);
  });

  it('ReLU σ_w² = 3: no fixed point, q grows as (3/2)^l', () => {
    const r = signalPropagation('relu', {}, { sigmaW2: 3, sigmaB2: 0.1, q0: 1, depth: 10 });
    assert.equal(r.fixedPoint, 'none');
    assert.equal(r.qStar, undefined);
    assert.equal(r.chiStar, undefined);
  });

  it('eˣ overflows: said by overflowLayer, with no NaN anywhere', () => {
    const r = signalPropagation('exponential', {}, { sigmaW2: 1, sigmaB2: 0, q0: 4, depth: 6 });
    assert.ok(r.overflowLayer !== undefined && r.overflowLayer <= 3, `${r.overflowLayer}`);
    for (const a of [r.q, r.chi, r.meanOutput, r.deadFraction]) {
      assert.ok(a.every((x) => !Number.isNaN(x)));
    }
    assert.equal(r.q[6], Infinity);
  });
});

describe('input checks', () => {
  const ok = { sigmaW2: 1, sigmaB2: 0, q0: 1, depth: 3 };
  it('bad ids and options throw errors that name them', () => {
    assert.throws(() => signalPropagation('softmax', {}, ok), /softmax is a vector function/);
    assert.throws(() => signalPropagation('nope', {}, ok), /Unknown activation 'nope'/);
    assert.throws(() => signalPropagation('relu', {}, { ...ok, sigmaW2: -1 }), /sigmaW2/);
    assert.throws(() => signalPropagation('relu', {}, { ...ok, sigmaB2: NaN }), /sigmaB2/);
    assert.throws(() => signalPropagation('relu', {}, { ...ok, depth: 2.5 }), /depth/);
    assert.throws(() => signalPropagation('relu', {}, { ...ok, q0: Infinity }), /q0/);
    assert.throws(() => criticalSigmaW2('relu', {}, -0.1), /sigmaB2/);
    assert.throws(() => signalPropagation('elu', { alpha: 'x' }, ok), /alpha/);
  });
});
