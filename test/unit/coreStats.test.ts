/**
 * Gaussian statistics: quadrature against closed forms (ReLU, the identity, eˣ, symmetry) to 1e-9 and
 * against seeded Monte-Carlo; gradient gain through depth against mean-field theory.
 */
import assert from 'node:assert/strict';
import { evaluateArray, gaussianStats, gradientThroughDepth } from '../../src/core/activations';
import { quadratureStats } from '../../src/core/activations/stats';
import { relu } from '../../src/core/activations/reluFamily';
import { resolveFor } from '../../src/core/activations/registry';
import type { GaussianStats, Params } from '../../src/core/types';
import { normalSamples } from './coreRandom';

/** Φ by a route independent of the core (series of erf), for closed forms. */
function phiCdf(x: number): number {
  // erf(z) = 2/√π Σ (−1)ⁿ z^{2n+1}/(n!(2n+1)); fine for |z| ≤ 3 used here.
  const z = x / Math.SQRT2;
  let term = z;
  let sum = z;
  for (let n = 1; n < 200; n++) {
    term *= (-z * z) / n;
    sum += term / (2 * n + 1);
  }
  return 0.5 * (1 + (2 / Math.sqrt(Math.PI)) * sum);
}

function near(a: number, b: number, tol: number, what: string): void {
  assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`);
}

describe('closed forms', () => {
  const params: Array<[number, number]> = [
    [0, 1],
    [0.7, 0.3],
    [-1.5, 2],
    [2, 0.5],
    [2, 0.05],
    [0.1, 40],
  ];
  for (const [mu, sigma] of params) {
    it(`ReLU quadrature = closed form at μ=${mu}, σ=${sigma}`, () => {
      const q = quadratureStats(relu, resolveFor(relu), mu, sigma);
      const c = gaussianStats('relu', mu, sigma);
      const a = mu / sigma;
      // The series behind phiCdf is only accurate for moderate |μ/σ|.
      if (Math.abs(a) <= 5) {
        near(c.meanSlope, phiCdf(a), 1e-12, "E[f'] = Φ(μ/σ)");
      }
      for (const k of Object.keys(c) as Array<keyof GaussianStats>) {
        near(q[k], c[k], 1e-10, k);
      }
    });
    it(`identity and eˣ at μ=${mu}, σ=${sigma}`, () => {
      const lin = gaussianStats('linear', mu, sigma);
      near(lin.mean, mu, 1e-12, 'E[x]');
      near(lin.variance, sigma * sigma, 1e-12, 'Var[x]');
      if (sigma < 5) {
        const ex = gaussianStats('exponential', mu, sigma);
        const m = Math.exp(mu + (sigma * sigma) / 2);
        near(ex.mean, m, 1e-10, 'E[eˣ]');
        near(ex.variance, Math.expm1(sigma * sigma) * m * m, 1e-9, 'Var[eˣ]');
        near(ex.meanSquaredSlope, Math.exp(2 * mu + 2 * sigma * sigma), 1e-9, "E[f'²]");
      }
    });
  }

  it('GELU (smooth, exact form): E[xΦ(x)] and E[Φ(x) + xφ(x)] in closed form to 1e-9', () => {
    // Stein's lemma and the product of two Gaussian densities, with s = √(1 + σ²):
    // E[XΦ(X)] = μΦ(μ/s) + σ²φ(μ/s)/s and E[Xφ(X)] = μφ(μ/s)/s³.
    for (const [mu, sigma] of [
      [0, 1],
      [0.5, 2],
      [-1, 0.5],
      [1, 10],
    ]) {
      const s = Math.sqrt(1 + sigma * sigma);
      const a = mu / s;
      const pdf = Math.exp(-0.5 * a * a) / Math.sqrt(2 * Math.PI);
      const st = gaussianStats('gelu', mu, sigma);
      near(st.mean, mu * phiCdf(a) + (sigma * sigma * pdf) / s, 1e-9, `E[gelu] μ=${mu} σ=${sigma}`);
      near(st.meanSlope, phiCdf(a) + (mu * pdf) / (s * s * s), 1e-9, `E[gelu'] μ=${mu} σ=${sigma}`);
    }
  });

  it('symmetry: E[σ(x)] = ½ and E[tanh x] = 0 for μ = 0 at any σ', () => {
    for (const sigma of [0.1, 1, 10, 300]) {
      near(gaussianStats('sigmoid', 0, sigma).mean, 0.5, 1e-12, `sigmoid σ=${sigma}`);
      near(gaussianStats('tanh', 0, sigma).mean, 0, 1e-12, `tanh σ=${sigma}`);
    }
  });

  it("hardtanh: E[f'] = P(−1 < x < 1) and the dead fraction is the rest", () => {
    const s = gaussianStats('hardtanh', 0.3, 0.8);
    const inside = phiCdf((1 - 0.3) / 0.8) - phiCdf((-1 - 0.3) / 0.8);
    near(s.meanSlope, inside, 1e-12, "E[f']");
    near(s.deadFraction, 1 - inside, 1e-12, 'dead');
  });

  it('sigma = 0 gives the values at mu', () => {
    const s = gaussianStats('tanh', 0.5, 0);
    assert.equal(s.mean, Math.tanh(0.5));
    assert.equal(s.variance, 0);
  });

  it('bad inputs are rejected naming them', () => {
    assert.throws(() => gaussianStats('relu', NaN, 1), /mu/);
    assert.throws(() => gaussianStats('relu', 0, -1), /sigma/);
    assert.throws(() => gaussianStats('softmax', 0, 1), /vector/);
  });
});

describe('Monte-Carlo agreement (seeded)', () => {
  const N = 200000;
  const cases: Array<[string, number, number, Params]> = [
    ['sigmoid', 0.5, 2, {}],
    ['tanh', -0.3, 1.5, {}],
    ['gelu', 0, 1, {}],
    ['gelu', 1, 3, { approximate: 'tanh' }],
    ['elu', -0.5, 1, {}],
    ['silu', 0.2, 0.7, {}],
    ['mish', -1, 2, {}],
    ['leaky_relu', 0, 1, {}],
    ['hardswish', 0.5, 2.5, {}],
    ['relu6', 3, 4, {}],
    ['softplus', 0, 5, {}],
    ['threshold', 0, 1, {}],
    ['sparse_plus', 0.1, 1, {}],
  ];
  cases.forEach(([id, mu, sigma, p], n) => {
    it(`${id} ${JSON.stringify(p)} at μ=${mu}, σ=${sigma}`, () => {
      const xs = normalSamples(N, mu, sigma, 1234 + n);
      const { y, dy } = evaluateArray(id, xs, p);
      const stats = gaussianStats(id, mu, sigma, p);
      const mc = (v: Float64Array | number[]) => {
        let m = 0;
        for (const a of v) {
          m += a;
        }
        m /= v.length;
        let s2 = 0;
        for (const a of v) {
          s2 += (a - m) * (a - m);
        }
        return { m, se: Math.sqrt(s2 / (v.length - 1) / v.length) };
      };
      const ym = mc(y);
      const checks: Array<[string, number, { m: number; se: number }]> = [
        ['mean', stats.mean, ym],
        ['variance', stats.variance, mc(Array.from(y, (v) => (v - ym.m) ** 2))],
        ['meanSlope', stats.meanSlope, mc(dy)],
        ['meanSquaredSlope', stats.meanSquaredSlope, mc(Array.from(dy, (v) => v * v))],
        ['deadFraction', stats.deadFraction, mc(Array.from(dy, (v) => (v === 0 ? 1 : 0)))],
      ];
      for (const [k, exact, { m, se }] of checks) {
        // Five standard errors, plus a floor for quantities that are exactly 0 in every sample.
        assert.ok(
          Math.abs(exact - m) <= 5 * se + 1e-12,
          `${k}: quadrature ${exact}, MC ${m} ± ${se}`,
        );
      }
    });
  });
});

describe('gradient through depth', () => {
  it('ReLU with He gain √2 is critical: chi = 1 at zero mean', () => {
    const r = gradientThroughDepth('relu', { mu: 0, sigma: 1, gain: Math.SQRT2, depth: 20 });
    near(r.chi, 1, 1e-14, 'chi');
    assert.equal(r.cumulative.length, 20);
    near(r.deadFraction, 0.5, 1e-14, 'dead');
  });

  it('cumulative[k] = chi^(k+1); a positive bias revives ReLU units', () => {
    const base = gradientThroughDepth('relu', { mu: 0, sigma: 1, gain: Math.SQRT2, depth: 5 });
    const biased = gradientThroughDepth('relu', {
      mu: 0,
      sigma: 1,
      gain: Math.SQRT2,
      bias: 0.1,
      depth: 5,
    });
    assert.ok(biased.chi > base.chi && biased.deadFraction < base.deadFraction);
    biased.cumulative.forEach((c, k) => near(c, biased.chi ** (k + 1), 1e-14, `k=${k}`));
    near(biased.chi, 2 * phiCdf(0.1), 1e-12, 'chi = g²Φ(b/σ)');
  });

  it('sigmoid vanishes, tanh with gain 5/3 decays more slowly', () => {
    const sig = gradientThroughDepth('sigmoid', { mu: 0, sigma: 1, gain: 1, depth: 10 });
    const th = gradientThroughDepth('tanh', { mu: 0, sigma: 1, gain: 5 / 3, depth: 10 });
    assert.ok(sig.chi < 0.0625 + 1e-12, `σ' ≤ 1/4 so chi ≤ 1/16, got ${sig.chi}`);
    assert.ok(th.cumulative[9] > sig.cumulative[9]);
    near(sig.meanOutput, gaussianStats('sigmoid', 0, 1).mean, 0, 'meanOutput');
  });

  it('bad depth options are rejected naming them', () => {
    const o = { mu: 0, sigma: 1, gain: 1, depth: 3 };
    assert.throws(() => gradientThroughDepth('relu', { ...o, depth: -1 }), /depth/);
    assert.throws(() => gradientThroughDepth('relu', { ...o, depth: 2.5 }), /depth/);
    assert.throws(() => gradientThroughDepth('relu', { ...o, depth: 1e9 }), /depth/);
    assert.throws(() => gradientThroughDepth('relu', { ...o, gain: NaN }), /gain/);
    assert.throws(() => gradientThroughDepth('relu', { ...o, bias: Infinity }), /bias/);
  });
});

describe("softplus' switch to x is a break point of the quadrature", () => {
  // PyTorch softplus returns x once βx > threshold: with a small threshold f jumps there by
  // log(1 + e^t)/β − t/β, and a rule that does not split at t/β smears the jump. Expected values: mpmath
  // quad (mp.dps = 40) of the same piecewise f against the normal density, split at t/β. The switches are
  // chosen off the rule's own panel edges (every 0.5 in x and in (x − μ)/σ), where no break would be needed.
  const cases: [
    mu: number,
    sigma: number,
    params: Params,
    mean: number,
    variance: number,
    slope: number,
  ][] = [
    [0, 1, { beta: 1, threshold: 0.3 }, 0.6758893801757969, 0.2067447679502676, 0.6079882555961831],
    [
      0.2,
      0.8,
      { beta: 2, threshold: 0.7 },
      0.5437429288825945,
      0.21622341070748366,
      0.6374038480786188,
    ],
  ];
  for (const [mu, sigma, params, mean, variance, slope] of cases) {
    it(`E[f], Var[f], E[f′] at μ=${mu}, σ=${sigma}, ${JSON.stringify(params)} to 1e-12`, () => {
      const s = gaussianStats('softplus', mu, sigma, params);
      near(s.mean, mean, 1e-12, 'E[f]');
      near(s.variance, variance, 1e-12, 'Var[f]');
      near(s.meanSlope, slope, 1e-12, "E[f']");
    });
  }
});

describe("ReLU's closed form is used only for plain ReLU", () => {
  // Keras' extras and PyTorch's Threshold make other functions: mpmath quad (mp.dps = 40) of each
  // piecewise definition against N(0.5, 1.5²), split at its kinks.
  const cases: [id: string, params: Params, mean: number, variance: number, slope: number][] = [
    ['relu', { negative_slope: 0.1 }, 0.8432187543037472, 1.1548218620026194, 0.6675027938364128],
    ['relu', { max_value: 3 }, 0.8516143439415217, 0.9225693906197524, 0.5827683075454216],
    ['relu', { threshold: 1 }, 0.7507955116303716, 1.2090217124793323, 0.3694413401817636],
    [
      'threshold',
      { threshold: 0, value: 1 },
      1.2507955116303715,
      0.6643859985824164,
      0.6305586598182363,
    ],
  ];
  for (const [id, params, mean, variance, slope] of cases) {
    it(`${id} ${JSON.stringify(params)} to 1e-12`, () => {
      const s = gaussianStats(id, 0.5, 1.5, params);
      near(s.mean, mean, 1e-12, 'E[f]');
      near(s.variance, variance, 1e-12, 'Var[f]');
      near(s.meanSlope, slope, 1e-12, "E[f']");
    });
  }
});

describe('σ = 0 gives the values at μ itself (the normal law is a point mass)', () => {
  it('ELU at μ = −1: f, f′ and f′² of e⁻¹ − 1; ReLU at μ = −1 is dead', () => {
    const s = gaussianStats('elu', -1, 0);
    assert.equal(s.mean, Math.expm1(-1));
    assert.equal(s.variance, 0);
    assert.equal(s.meanSlope, Math.exp(-1));
    near(s.meanSquaredSlope, Math.exp(-2), 1e-15, "E[f'²]");
    assert.equal(s.deadFraction, 0);
    const r = gaussianStats('relu', -1, 0);
    assert.deepEqual([r.mean, r.meanSlope, r.deadFraction], [0, 0, 1]);
    assert.equal(gaussianStats('relu', 2, 0).deadFraction, 0);
  });
});

describe('wide Gaussians (σ ≫ the function’s scale) keep 1e-12', () => {
  // mpmath quad, mp.dps = 40: E[σ(x)] for N(1, 30²); E and Var of exact GELU for N(0.5, 25²).
  it('sigmoid, μ = 1, σ = 30', () => {
    near(gaussianStats('sigmoid', 1, 30).mean, 0.5132714150284569, 1e-12, 'E[σ]');
  });
  it('GELU, μ = 0.5, σ = 25', () => {
    const s = gaussianStats('gelu', 0.5, 25);
    near(s.mean, 10.21758396108698, 1e-12, 'E[gelu]');
    near(s.variance, 218.19270466476218, 1e-12, 'Var[gelu]');
  });
  it('eˣ at σ = 17: E = e^{σ²/2} ≈ 5.7e62, finite though eˣ overflows where the density is 0', () => {
    near(gaussianStats('exponential', 0, 17).mean, Math.exp(144.5), 1e-10, 'E[eˣ]');
  });
});
