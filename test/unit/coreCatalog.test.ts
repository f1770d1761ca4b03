/**
 * The catalogue and the API contract: ids and metadata, parameter validation with errors that name
 * the culprit, formula variants from a finite set, kinks, telling points, evaluateArray's buffers.
 */
import assert from 'node:assert/strict';
import {
  evaluate,
  evaluateArray,
  evaluateVector,
  formulasOf,
  getActivation,
  kinksOf,
  listActivations,
  resolveParams,
} from '../../src/core/activations';
import type { Params } from '../../src/core/types';

const REQUIRED = [
  'relu',
  'relu6',
  'leaky_relu',
  'prelu',
  'rrelu',
  'elu',
  'celu',
  'selu',
  'gelu',
  'silu',
  'mish',
  'sigmoid',
  'tanh',
  'hardsigmoid',
  'hardswish',
  'hardtanh',
  'threshold',
  'logsigmoid',
  'softplus',
  'softsign',
  'softshrink',
  'hardshrink',
  'tanhshrink',
  'linear',
  'exponential',
  'squareplus',
  'sparse_plus',
  'sparse_sigmoid',
  'lisht',
  'softmax',
  'log_softmax',
  'softmin',
  'glu',
  'sparsemax',
  'quick_gelu',
  'relu_squared',
  'swiglu',
  'geglu',
  'reglu',
];

/** Functions no framework documents (CLIP's quick GELU, Primer's squared ReLU, the GLU variants). */
const UNDOCUMENTED = new Set(['quick_gelu', 'relu_squared', 'swiglu', 'geglu', 'reglu']);

describe('catalogue', () => {
  it('has every required id, once, with the right kind', () => {
    const ids = listActivations().map((a) => a.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of REQUIRED) {
      assert.ok(ids.includes(id), id);
    }
    const vectors = listActivations()
      .filter((a) => a.kind === 'vector')
      .map((a) => a.id);
    assert.deepEqual(vectors.sort(), [
      'geglu',
      'glu',
      'log_softmax',
      'reglu',
      'softmax',
      'softmin',
      'sparsemax',
      'swiglu',
    ]);
  });

  it('every entry carries its metadata', () => {
    for (const a of listActivations()) {
      assert.ok(a.name && a.family && a.summary, a.id);
      assert.ok(a.notes.length >= 2 && a.notes.length <= 3, `${a.id} notes`);
      assert.equal(Object.keys(a.docs).length === 0, UNDOCUMENTED.has(a.id), `${a.id} docs`);
      Object.values(a.docs).forEach((u) => assert.match(u as string, /^https:\/\//));
      assert.ok(a.plotRange[0] < a.plotRange[1], `${a.id} plotRange`);
      a.related.forEach((r) => assert.doesNotThrow(() => getActivation(r), `${a.id} related ${r}`));
      for (const p of a.params) {
        assert.ok(p.symbol && p.unicode && p.description, `${a.id}.${p.name}`);
      }
    }
  });

  it('gains are those of torch.nn.init.calculate_gain', () => {
    const gain = (id: string, p: Params = {}) => getActivation(id).gain?.(p);
    assert.equal(gain('relu'), Math.SQRT2);
    assert.equal(gain('tanh'), 5 / 3);
    assert.equal(gain('sigmoid'), 1);
    assert.equal(gain('selu'), 3 / 4);
    assert.equal(gain('linear'), 1);
    assert.equal(gain('leaky_relu'), Math.sqrt(2 / (1 + 0.01 ** 2)));
    assert.equal(gain('leaky_relu', { negative_slope: 0.2 }), Math.sqrt(2 / 1.04));
    assert.equal(gain('gelu'), undefined);
  });

  it('unknown ids get an Error naming the id', () => {
    assert.throws(() => getActivation('reluu'), /'reluu'/);
    assert.throws(() => evaluate('swishy', 1), /'swishy'/);
    assert.throws(() => formulasOf('nope'), /'nope'/);
  });
});

describe('parameters', () => {
  it('defaults are filled in', () => {
    assert.deepEqual(resolveParams('hardtanh'), { min_val: -1, max_val: 1 });
    assert.deepEqual(resolveParams('gelu', { approximate: 'tanh' }), { approximate: 'tanh' });
    assert.equal(resolveParams('rrelu').lower, 1 / 8);
  });

  const bad: Array<[string, Params, RegExp]> = [
    ['softshrink', { lambd: -0.1 }, /lambd/],
    ['hardshrink', { lambd: -1 }, /lambd/],
    ['hardtanh', { min_val: 1, max_val: 1 }, /max_val.*min_val/],
    ['hardtanh', { min_val: 2, max_val: 1 }, /max_val.*min_val/],
    ['celu', { alpha: 0 }, /alpha/],
    ['elu', { alpha: NaN }, /alpha/],
    ['leaky_relu', { negative_slope: 'big' }, /negative_slope/],
    ['leaky_relu', { negative_slope: Infinity }, /negative_slope/],
    ['gelu', { approximate: 'fast' }, /approximate/],
    ['gelu', { approximate: 1 }, /approximate/],
    ['softplus', { beta: 0 }, /beta/],
    ['hardsigmoid', { slope: -0.2 }, /slope/],
    ['rrelu', { lower: 0.5, upper: 0.1 }, /lower.*upper/],
    ['squareplus', { b: 0 }, /\bb\b/],
  ];
  for (const [id, p, re] of bad) {
    it(`${id} ${JSON.stringify(p)} is rejected naming the parameter`, () => {
      assert.throws(() => resolveParams(id, p), re);
      assert.throws(() => evaluate(id, 1, p), re);
      assert.throws(() => evaluateArray(id, new Float64Array(2), p), re);
    });
  }

  it('relu takes Keras extras; their defaults reduce it to plain ReLU', () => {
    assert.deepEqual(
      evaluate('relu', -2, { negative_slope: 0, threshold: 0 }),
      evaluate('relu', -2),
    );
    // Keras: x below the threshold leaks with slope α from θ; above max_value it is clipped.
    assert.equal(evaluate('relu', -1, { negative_slope: 0.5, threshold: 1 }).y, -1);
    assert.equal(evaluate('relu', 9, { max_value: 6 }).y, 6);
    assert.equal(evaluate('relu', 9, { max_value: 6 }).dy, 0);
    assert.equal(evaluate('relu', 0.5, { threshold: 1 }).y, 0);
  });

  it('vector ids accept and ignore dim; glu needs an even length', () => {
    assert.deepEqual(
      evaluateVector('softmax', [1, 2], { dim: 0 }),
      evaluateVector('softmax', [1, 2]),
    );
    assert.throws(() => evaluateVector('glu', [1, 2, 3]), /glu.*even/);
    assert.throws(() => evaluateVector('softmax', []), /empty/);
    assert.throws(() => evaluateVector('softmax', [1, NaN]), /z\[1\]/);
    assert.throws(() => evaluateVector('softmax', new Array(5000).fill(0)), /at most/);
  });

  it('scalar and vector entry points refuse the other kind', () => {
    assert.throws(() => evaluate('softmax', 1), /softmax.*evaluateVector/);
    assert.throws(() => evaluateVector('relu', [1]), /relu.*scalar/);
    assert.throws(() => evaluate('relu', '1' as unknown as number), /x must be a number/);
  });
});

describe('formulas', () => {
  /** Every TeX the catalogue can produce, from the variants it declares. */
  function variantTex(id: string): Set<string> {
    const variants = getActivation(id).formulaVariants ?? [{}];
    return new Set(variants.flatMap((v) => [formulasOf(id, v).f.tex, formulasOf(id, v).df.tex]));
  }

  it('any numeric parameter value yields one of the declared variants (finite TeX set)', () => {
    const values = [0.37, 1.9, 2.5, 6, 0.2, 1 / 6, 1, 3];
    let numericParams = 0;
    for (const a of listActivations()) {
      const known = variantTex(a.id);
      for (const v of values) {
        const p: Record<string, number> = {};
        for (const spec of a.params.filter((s) => s.choices === undefined)) {
          p[spec.name] = spec.name === 'max_val' ? v + 10 : v;
          numericParams++;
        }
        const f = formulasOf(a.id, p);
        assert.ok(known.has(f.f.tex) && known.has(f.df.tex), `${a.id} ${JSON.stringify(p)}`);
        assert.ok(f.f.unicode.length > 0 && f.df.unicode.length > 0);
      }
    }
    assert.ok(numericParams > 20 * values.length, `${numericParams} numeric parameters set`);
  });

  it('choice parameters pick the formula', () => {
    assert.notEqual(formulasOf('gelu').f.tex, formulasOf('gelu', { approximate: 'tanh' }).f.tex);
    assert.match(formulasOf('gelu').f.tex, /\\Phi|erf/);
    assert.match(formulasOf('gelu', { approximate: 'tanh' }).f.tex, /\\tanh/);
    assert.match(formulasOf('hardsigmoid').f.tex, /ReLU6/);
    assert.match(formulasOf('hardsigmoid', { slope: 0.2 }).f.tex, /0\.2x/);
    assert.match(formulasOf('leaky_relu').f.tex, /\\alpha/);
  });
});

describe('kinks and telling points', () => {
  it('kinks follow the parameters', () => {
    assert.deepEqual(kinksOf('relu'), [0]);
    assert.deepEqual(kinksOf('hardtanh'), [-1, 1]);
    assert.deepEqual(kinksOf('hardtanh', { min_val: -2, max_val: 3 }), [-2, 3]);
    assert.deepEqual(kinksOf('hardsigmoid'), [-3, 3]);
    assert.deepEqual(kinksOf('hardsigmoid', { slope: 0.2 }), [-2.5, 2.5]);
    assert.deepEqual(kinksOf('softshrink', { lambd: 1 }), [-1, 1]);
    assert.deepEqual(kinksOf('sigmoid'), []);
    assert.deepEqual(kinksOf('softmax'), []);
  });

  it('telling points include the kinks, are sorted and few', () => {
    const scalars = listActivations().filter((x) => x.kind === 'scalar');
    assert.ok(scalars.length > 30, `${scalars.length} scalar entries`);
    for (const a of scalars) {
      const pts = a.tellingPoints?.() ?? [];
      assert.ok(pts.length >= 2 && pts.length <= 8, a.id);
      assert.deepEqual(
        [...pts].sort((x, y) => x - y),
        pts,
      );
      kinksOf(a.id).forEach((k) => assert.ok(pts.includes(k), `${a.id} kink ${k}`));
    }
    // GELU's slope peaks at x = √2 (where φ(x)(2 − x²) = 0).
    assert.ok(
      getActivation('gelu')
        .tellingPoints?.()
        .some((x) => Math.abs(x - Math.SQRT2) < 0.02),
    );
  });

  it('telling points find where a curve dips and where its slope peaks (mpmath roots of f′ and f″)', () => {
    // Minima of the non-monotonic gates: GELU Φ(x) + xφ(x) = 0, SiLU and Mish f′ = 0; SiLU's slope peaks
    // where f″ = 0. The scan's grid is (plot width)/400, so within 0.02.
    const near = (id: string, x: number): void => {
      const pts = getActivation(id).tellingPoints?.() ?? [];
      assert.ok(
        pts.some((p) => Math.abs(p - x) < 0.02),
        `${id}: ${x} in ${pts.join(', ')}`,
      );
    };
    near('gelu', -0.7517915246935645);
    near('silu', -1.278464542761074);
    near('mish', -1.192431214515495);
    near('silu', 2.399357280515468);
  });

  it('telling points are tidy: three decimals at most', () => {
    let points = 0;
    for (const a of listActivations().filter((x) => x.kind === 'scalar')) {
      for (const x of a.tellingPoints?.() ?? []) {
        assert.equal(Math.round(x * 1000) / 1000, x, `${a.id}: ${x}`);
        points++;
      }
    }
    assert.ok(points > 100, `${points} points`);
  });

  it("ReLU's flat f′ = 1 has no slope peak: no point beside the kink at 0", () => {
    const pts = getActivation('relu').tellingPoints?.() ?? [];
    assert.ok(pts.includes(0));
    assert.ok(
      pts.every((x) => x === 0 || Math.abs(x) >= 0.5),
      pts.join(', '),
    );
  });

  it('without kinks, telling points lie inside the plot range: its edges are no dip or peak', () => {
    const smooth = listActivations().filter(
      (a) => a.kind === 'scalar' && kinksOf(a.id).length === 0,
    );
    assert.ok(smooth.length > 10, `${smooth.length} entries without kinks`);
    for (const a of smooth) {
      const [lo, hi] = a.plotRange;
      for (const x of a.tellingPoints?.() ?? []) {
        assert.ok(x > lo && x < hi, `${a.id}: ${x} in (${lo}, ${hi})`);
      }
    }
  });
});

describe('evaluateArray buffers', () => {
  it('writes into the given arrays and allocates only the missing ones', () => {
    const xs = Float64Array.from([-2, -0.5, 0, 0.5, 2]);
    const y = new Float64Array(5);
    const dy = new Float64Array(5);
    const r = evaluateArray('sigmoid', xs, {}, { y, dy });
    assert.equal(r.y, y);
    assert.equal(r.dy, dy);
    assert.equal(r.d2y.length, 5);
    xs.forEach((x, i) => {
      const e = evaluate('sigmoid', x);
      assert.equal(y[i], e.y);
      assert.equal(dy[i], e.dy);
    });
  });

  it('gives exactly what evaluate gives, for every scalar id (specialised kernels included)', () => {
    const xs = Float64Array.from({ length: 801 }, (_, i) => -40 + i * 0.1);
    const cases: Array<[string, Params]> = listActivations()
      .filter((a) => a.kind === 'scalar')
      .map((a) => [a.id, {}]);
    assert.ok(cases.length >= 30, `${cases.length} scalar entries`);
    cases.push(
      ['gelu', { approximate: 'tanh' }],
      ['softplus', { beta: 3 }],
      ['elu', { alpha: 0.4 }],
    );
    for (const [id, p] of cases) {
      const r = evaluateArray(id, xs, p);
      xs.forEach((x, i) => {
        const e = evaluate(id, x, p);
        assert.deepEqual([r.y[i], r.dy[i], r.d2y[i]], [e.y, e.dy, e.d2y], `${id}(${x})`);
      });
    }
  });

  it('NaN inputs give NaN outputs in both entry points', () => {
    const scalars = listActivations().filter((x) => x.kind === 'scalar');
    assert.ok(scalars.length >= 30, `${scalars.length} scalar entries`);
    for (const a of scalars) {
      const r = evaluateArray(a.id, Float64Array.from([1, NaN, -1]));
      assert.ok(Number.isNaN(r.y[1]) && Number.isNaN(r.dy[1]) && Number.isNaN(r.d2y[1]), a.id);
      assert.ok(!Number.isNaN(r.y[0]) && !Number.isNaN(r.y[2]), a.id);
      assert.ok(Number.isNaN(evaluate(a.id, NaN).y), a.id);
    }
  });

  it('rejects mismatched buffers and non-Float64Array input', () => {
    assert.throws(
      () => evaluateArray('relu', new Float64Array(3), {}, { y: new Float64Array(2) }),
      /out\.y/,
    );
    assert.throws(() => evaluateArray('relu', [1, 2] as unknown as Float64Array), /Float64Array/);
  });
});
