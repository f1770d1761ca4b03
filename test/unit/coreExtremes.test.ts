/**
 * Extreme inputs and parameters (issue #10): x = ±∞ in every branch, parameters near the float64 maximum,
 * and one validation function whose message names the parameter and its range.
 */
import assert from 'node:assert/strict';
import {
  evaluate,
  evaluateArray,
  gaussianStats,
  getActivation,
  listActivations,
  resolveParams,
  validateParams,
} from '../../src/core/activations';
import type { Params } from '../../src/core/types';

/** Parameter sets that take other branches of the point functions than the defaults. */
const BRANCHES: Array<[string, Params]> = [
  ...listActivations()
    .filter((a) => a.kind === 'scalar')
    .map((a): [string, Params] => [a.id, {}]),
  ['relu', { max_value: 6 }],
  ['relu', { threshold: 1 }],
  ['relu', { negative_slope: 0.1, threshold: 1 }],
  ['relu', { negative_slope: 0.1, max_value: 6, threshold: -1 }],
  ['leaky_relu', { negative_slope: 0 }],
  ['prelu', { weight: 0 }],
  ['silu', { beta: 0 }],
  ['silu', { beta: 2.5 }],
  ['gelu', { approximate: 'tanh' }],
  ['softplus', { beta: 3, threshold: 5 }],
  ['elu', { alpha: 0 }],
  ['celu', { alpha: 0.2 }],
  ['hardsigmoid', { slope: 0.2 }],
  ['hardtanh', { min_val: -2, max_val: 3 }],
  ['threshold', { threshold: 0.5, value: -1 }],
  ['squareplus', { b: 0.01 }],
  ['softshrink', { lambd: 0 }],
];

/** f, f′ and f″ as x → ±∞, by hand from each formula. */
const LIMITS: Record<string, { neg: [number, number, number]; pos: [number, number, number] }> = {
  relu: { neg: [0, 0, 0], pos: [Infinity, 1, 0] },
  silu: { neg: [0, 0, 0], pos: [Infinity, 1, 0] },
  gelu: { neg: [0, 0, 0], pos: [Infinity, 1, 0] },
  softsign: { neg: [-1, 0, 0], pos: [1, 0, 0] },
  lisht: { neg: [Infinity, -1, 0], pos: [Infinity, 1, 0] },
  squareplus: { neg: [0, 0, 0], pos: [Infinity, 1, 0] },
  hardswish: { neg: [0, 0, 0], pos: [Infinity, 1, 0] },
  mish: { neg: [0, 0, 0], pos: [Infinity, 1, 0] },
};

describe('x = ±∞ gives the limits, never NaN, in every branch', () => {
  it('runs over every scalar entry and the extra branches', () => {
    assert.ok(BRANCHES.length >= 30 + 18, `${BRANCHES.length} cases`);
  });
  for (const [id, p] of BRANCHES) {
    it(`${id} ${JSON.stringify(p)}`, () => {
      const xs = Float64Array.from([-Infinity, Infinity]);
      const arr = evaluateArray(id, xs, p);
      xs.forEach((x, i) => {
        const e = evaluate(id, x, p);
        for (const [k, v] of Object.entries(e)) {
          assert.ok(!Number.isNaN(v), `${id}(${x}).${k} is NaN`);
        }
        assert.deepEqual([arr.y[i], arr.dy[i], arr.d2y[i]], [e.y, e.dy, e.d2y]);
      });
    });
  }

  for (const [id, lim] of Object.entries(LIMITS)) {
    it(`${id}: the values at ±∞ are the limits`, () => {
      const n = evaluate(id, -Infinity);
      const p = evaluate(id, Infinity);
      assert.deepEqual(
        [n.y, n.dy, n.d2y].map((v) => v + 0),
        lim.neg,
      );
      assert.deepEqual(
        [p.y, p.dy, p.d2y].map((v) => v + 0),
        lim.pos,
      );
    });
  }

  it('relu with max_value or threshold gives 0 at −∞, like the default', () => {
    assert.equal(evaluate('relu', -Infinity).y, 0);
    assert.equal(evaluate('relu', -Infinity, { max_value: 6 }).y, 0);
    assert.equal(evaluate('relu', -Infinity, { threshold: 1 }).y, 0);
    assert.equal(evaluate('relu', Infinity, { max_value: 6 }).y, 6);
    // With a leak the limit is −∞, not NaN.
    assert.equal(evaluate('relu', -Infinity, { negative_slope: 0.1, threshold: 1 }).y, -Infinity);
  });

  it('silu with β = 0 is x/2 everywhere, ±∞ included', () => {
    assert.deepEqual(evaluate('silu', Infinity, { beta: 0 }), { y: Infinity, dy: 0.5, d2y: 0 });
    assert.deepEqual(evaluate('silu', -Infinity, { beta: 0 }), { y: -Infinity, dy: 0.5, d2y: 0 });
  });
});

describe('parameters near the float64 maximum', () => {
  it('rrelu with lower = upper = 1e308: slope 1e308, f(0) = 0 (no (l + u)/2 overflow)', () => {
    const p = { lower: 1e308, upper: 1e308 };
    assert.deepEqual(evaluate('rrelu', 0, p), { y: 0, dy: 1e308, d2y: 0 });
    assert.equal(evaluate('rrelu', -1, p).y, -1e308);
    assert.equal(evaluate('rrelu', -1, { lower: 1.5e308, upper: 1.7e308 }).y, -1.6e308);
  });

  it('softplus β at or below 1e-300 is rejected naming beta and its range', () => {
    for (const beta of [5e-324, 1e-300]) {
      assert.throws(
        () => evaluate('softplus', 1, { beta }),
        /softplus: parameter 'beta' must be > 1e-300/,
      );
      assert.match(validateParams('softplus', { beta }) ?? '', /'beta' must be > 1e-300/);
    }
    assert.ok(Number.isFinite(evaluate('softplus', 1, { beta: 1e-299 }).y));
  });
});

describe('validateParams: one message for the hover, the panel and the API', () => {
  it('valid parameters give undefined', () => {
    assert.equal(validateParams('relu'), undefined);
    assert.equal(validateParams('leaky_relu', { negative_slope: 0.2 }), undefined);
    assert.equal(validateParams('relu', { max_value: Infinity }), undefined);
    assert.equal(validateParams('softmax', { dim: 1 }), undefined);
  });

  const unplottable: Array<[string, Params, string]> = [
    ['leaky_relu', { negative_slope: 1e308 }, 'negative_slope'],
    ['elu', { alpha: 1e308 }, 'alpha'],
    ['prelu', { weight: 1e308 }, 'weight'],
    ['threshold', { threshold: 0.1, value: -1.5e308 }, 'value'],
    ['rrelu', { lower: 1e308, upper: 1e308 }, 'lower'],
    ['hardtanh', { min_val: -1e200, max_val: 1 }, 'min_val'],
  ];
  for (const [id, p, name] of unplottable) {
    it(`${id} ${JSON.stringify(p)}: names '${name}' and the plottable range`, () => {
      const m = validateParams(id, p);
      assert.ok(m?.includes(`'${name}'`) && m.includes('−1e100 and 1e100'), m);
      assert.doesNotThrow(() => evaluate(id, -1, p)); // the API still evaluates exactly
      assert.ok(!Number.isNaN(evaluate(id, -1, p).y));
    });
  }

  it('domain errors carry the same message as the API throws', () => {
    const cases: Array<[string, Params]> = [
      ['softshrink', { lambd: -1 }],
      ['hardtanh', { min_val: 2, max_val: 1 }],
      ['gelu', { approximate: 'fast' }],
      ['rrelu', { lower: 0.5, upper: 0.1 }],
    ];
    for (const [id, p] of cases) {
      let thrown = '';
      try {
        resolveParams(id, p);
      } catch (e) {
        thrown = (e as Error).message;
      }
      assert.ok(thrown.length > 0);
      assert.equal(validateParams(id, p), thrown);
    }
  });

  it('never throws on junk', () => {
    assert.match(validateParams('nope') ?? '', /Unknown activation 'nope'/);
    assert.match(
      validateParams('relu', null as unknown as Params) ?? '',
      /parameters must be an object/,
    );
    assert.match(validateParams('elu', { alpha: NaN }) ?? '', /alpha/);
    assert.match(validateParams(42 as unknown as string) ?? '', /must be a string/);
  });
});

describe('telling points and statistics with kinks or slopes near the float64 maximum', () => {
  const cases: Array<[string, Params]> = [
    ['hardtanh', { min_val: -1e308, max_val: 1e308 }],
    ['relu', { threshold: 1e308 }],
    ['rrelu', { lower: 1e308, upper: 1e308 }],
    ['threshold', { threshold: -1.7e308, value: 1e308 }],
    ['softshrink', { lambd: 1.7e308 }],
    ['hardsigmoid', { slope: 1e-300 }],
    ['leaky_relu', { negative_slope: -1e308 }],
  ];
  for (const [id, p] of cases) {
    it(`${id} ${JSON.stringify(p)}: finite telling points, no NaN statistic`, () => {
      const pts = getActivation(id).tellingPoints?.(p) ?? [];
      assert.ok(pts.length > 0 && pts.every(Number.isFinite), String(pts));
      const s = gaussianStats(id, 0, 1, p);
      for (const [k, v] of Object.entries(s)) {
        assert.ok(!Number.isNaN(v), `${k} is NaN`);
      }
    });
  }
});
