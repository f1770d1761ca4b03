/**
 * Derivatives against central differences, properties against the numbers, finiteness over the whole
 * float64 range, and Jacobians against finite differences.
 */
import assert from 'node:assert/strict';
import {
  evaluate,
  evaluateVector,
  gaussianStats,
  kinksOf,
  listActivations,
  resolveParams,
} from '../../src/core/activations';
import type { Params } from '../../src/core/types';

const scalarIds = listActivations()
  .filter((a) => a.kind === 'scalar')
  .map((a) => a.id);

/** Default parameters plus the non-default settings worth exercising. */
const CASES: Array<[string, Params]> = [
  ...scalarIds.map((id): [string, Params] => [id, {}]),
  ['gelu', { approximate: 'tanh' }],
  ['silu', { beta: 2.5 }],
  ['softplus', { beta: 2, threshold: 10 }],
  ['elu', { alpha: 0.5 }],
  ['celu', { alpha: 2 }],
  ['celu', { alpha: 0.3 }],
  ['hardsigmoid', { slope: 0.2 }],
  ['hardtanh', { min_val: -2, max_val: 3 }],
  ['leaky_relu', { negative_slope: 0.2 }],
  ['relu', { negative_slope: 0.1, max_value: 6, threshold: 0.5 }],
  ['relu', { negative_slope: 0.1 }],
  ['squareplus', { b: 0.5 }],
  ['softshrink', { lambd: 1 }],
  ['threshold', { threshold: 0.5, value: -1 }],
];

function label(id: string, p: Params): string {
  return `${id} ${JSON.stringify(p)}`;
}

/** Points of a grid that are at least `gap` away from every kink. */
function smoothGrid(id: string, p: Params, lo: number, hi: number, gap: number): number[] {
  const kinks = kinksOf(id, p);
  if (id === 'softplus') {
    // PyTorch's switch to f(x) = x above βx > threshold: a small jump, not a kink of the math.
    const r = resolveParams(id, p);
    kinks.push((r.threshold as number) / (r.beta as number));
  }
  const xs: number[] = [];
  for (let x = lo; x <= hi; x += 0.0371) {
    if (kinks.every((k) => Math.abs(x - k) > gap)) {
      xs.push(x);
    }
  }
  return xs;
}

describe("f' and f'' agree with central differences away from kinks", () => {
  it('runs over every scalar entry and the extra parameter sets', () => {
    assert.ok(scalarIds.length >= 30 && CASES.length > scalarIds.length, `${CASES.length} cases`);
  });
  for (const [id, p] of CASES) {
    it(label(id, p), () => {
      for (const x of smoothGrid(id, p, -8, 8, 1e-3)) {
        const h = 1e-5 * Math.max(1, Math.abs(x));
        const a = evaluate(id, x - h, p);
        const b = evaluate(id, x + h, p);
        const e = evaluate(id, x, p);
        const fd1 = (b.y - a.y) / (2 * h);
        const fd2 = (b.dy - a.dy) / (2 * h);
        const tol1 = 1e-6 * Math.max(1, Math.abs(e.dy));
        const tol2 = 1e-5 * Math.max(1, Math.abs(e.d2y));
        assert.ok(Math.abs(fd1 - e.dy) <= tol1, `${id}'(${x}): ${e.dy} vs difference ${fd1}`);
        assert.ok(Math.abs(fd2 - e.d2y) <= tol2, `${id}''(${x}): ${e.d2y} vs difference ${fd2}`);
      }
    });
  }
});

describe('properties agree with the numbers', () => {
  const scalarInfos = listActivations().filter((a) => a.kind === 'scalar');
  it('runs over every scalar entry', () => {
    assert.ok(scalarInfos.length >= 30, `${scalarInfos.length} entries`);
  });
  for (const info of scalarInfos) {
    it(`${info.id}: monotonic = ${info.properties.monotonic}`, () => {
      let decreases = false;
      let prev = evaluate(info.id, -50).y;
      for (let x = -50; x <= 50; x += 0.001) {
        const y = evaluate(info.id, x).y;
        if (y < prev - 4 * Number.EPSILON * Math.abs(prev)) {
          decreases = true;
        }
        prev = y;
      }
      assert.equal(!decreases, info.properties.monotonic);
    });
    it(`${info.id}: zeroCentred = ${info.properties.zeroCentred} agrees with E[f] under N(0, 1)`, () => {
      const mean = gaussianStats(info.id, 0, 1).mean;
      assert.equal(Math.abs(mean) < 0.05, info.properties.zeroCentred, `E[f] = ${mean}`);
    });
    it(`${info.id}: bounded and saturation flags agree with far-out values`, () => {
      const far = evaluate(info.id, -1e12);
      const farR = evaluate(info.id, 1e12);
      assert.equal(Math.abs(far.dy) < 1e-6, info.properties.saturates.left, "f' at −10¹²");
      assert.equal(Math.abs(farR.dy) < 1e-6, info.properties.saturates.right, "f' at +10¹²");
      assert.equal(far.y > -1e6 && farR.y > -1e6, info.properties.bounded.below, 'bounded below');
      assert.equal(far.y < 1e6 && farR.y < 1e6, info.properties.bounded.above, 'bounded above');
    });
  }
});

describe('finite for every finite x where f is finite', () => {
  const xs: number[] = [0, -0, 5e-324, 1e-300, 1e-8, 0.5, 20, 50, 700, 710, 745, 1000];
  xs.push(1e20, 1e100, 1e154, 1e155, 1e200, 1e300, 1e308, Number.MAX_VALUE);
  const all = [...xs, ...xs.map((x) => -x)];
  for (const [id, p] of CASES) {
    it(label(id, p), () => {
      for (const x of all) {
        const e = evaluate(id, x, p);
        // Where the true value exceeds the float64 range (eˣ past x ≈ 709.78, SELU's λx at the very
        // top, x² past √max) f is not finite, so neither are its derivatives.
        const fFinite =
          !(id === 'exponential' && x > 709.78) &&
          !(id === 'selu' && x > Number.MAX_VALUE / 1.0507009873554805) &&
          !(id === 'relu_squared' && x > Math.sqrt(Number.MAX_VALUE));
        if (!fFinite) {
          assert.equal(Math.abs(e.y), Infinity, `${id}(${x}).y = ${e.y}`);
          continue;
        }
        for (const [k, v] of Object.entries(e)) {
          assert.ok(Number.isFinite(v), `${id}(${x}).${k} = ${v}`);
        }
      }
    });
  }
});

describe('Jacobians agree with finite differences', () => {
  const vectors = [
    [0.3, -1.2, 2.5, 0.1],
    [10, -3, 4.5, 4.4, -0.7, 1],
    [0.9, 0.8, -2, 0.85],
  ];
  const vectorIds = listActivations()
    .filter((a) => a.kind === 'vector')
    .map((a) => a.id);
  it('runs over every vector entry', () => {
    // softmax, log_softmax, softmin and the gated units at least.
    assert.ok(vectorIds.length >= 6, vectorIds.join(', '));
  });
  for (const id of vectorIds) {
    it(id, () => {
      for (const z of vectors) {
        const { jacobian } = evaluateVector(id, z);
        const h = 1e-6;
        for (let j = 0; j < z.length; j++) {
          const up = evaluateVector(
            id,
            z.map((v, k) => (k === j ? v + h : v)),
          ).y;
          const dn = evaluateVector(
            id,
            z.map((v, k) => (k === j ? v - h : v)),
          ).y;
          up.forEach((u, i) => {
            const fd = (u - dn[i]) / (2 * h);
            assert.ok(
              Math.abs(fd - jacobian[i][j]) < 1e-7,
              `${id} J[${i}][${j}] ${jacobian[i][j]} vs ${fd}`,
            );
          });
        }
      }
    });
  }

  it('softmax, softmin and sparsemax give probability vectors; sparsemax is the simplex projection', () => {
    for (const z of vectors) {
      for (const id of ['softmax', 'softmin', 'sparsemax']) {
        const { y } = evaluateVector(id, z);
        assert.ok(Math.abs(y.reduce((a, b) => a + b, 0) - 1) < 1e-15, id);
        assert.ok(
          y.every((v) => v >= 0),
          id,
        );
      }
      // KKT conditions of the projection: z − y is one constant τ on the support, z ≤ τ off it.
      const { y } = evaluateVector('sparsemax', z);
      const taus = z.filter((_, i) => y[i] > 0).map((v, k) => v - y.filter((u) => u > 0)[k]);
      const tau = taus[0];
      taus.forEach((t) => assert.ok(Math.abs(t - tau) < 1e-14));
      z.forEach((v, i) => assert.ok(y[i] > 0 || v <= tau + 1e-14));
    }
  });

  it('softmax stays finite for huge gaps (max subtraction)', () => {
    const { y, jacobian } = evaluateVector('softmax', [1e300, -1e300, 0]);
    assert.deepEqual(y, [1, 0, 0]);
    assert.ok(jacobian.flat().every(Number.isFinite));
  });
});
