/**
 * Kinks are where f or f′ jumps, and the formula shown must state the function the parameters make. The
 * expected kinks are worked out by hand from each function's definition (PyTorch's docs for the shrinks,
 * Keras' `relu` source for its extras), never read from the core.
 */
import { strict as assert } from 'node:assert';
import {
  evaluate,
  formulasOf,
  getActivation,
  kinksOf,
  listActivations,
  type Params,
} from '../../src/core';

describe('kinks worked out from the definitions', () => {
  it('Keras relu: θ, then 0 where the clip to [0, m] bites below a negative θ, then m', () => {
    // x·[x > θ] clipped to [0, m]: f jumps at θ; with θ < 0 the clip at 0 adds a kink at 0.
    assert.deepEqual(kinksOf('relu', { max_value: 5 }), [0, 5]);
    assert.deepEqual(kinksOf('relu', { threshold: 2, max_value: 5 }), [2, 5]);
    assert.deepEqual(kinksOf('relu', { threshold: -1, max_value: 5 }), [-1, 0, 5]);
    // Without a clip there is nothing at 0: f = x on both sides of it.
    assert.deepEqual(kinksOf('relu', { threshold: -1 }), [-1]);
    assert.deepEqual(kinksOf('relu', { threshold: 3, negative_slope: 0.1 }), [3]);
  });

  it('hardshrink and softshrink jump at ±λ, and λ = 0 leaves f = x with no kink', () => {
    assert.deepEqual(kinksOf('hardshrink', { lambd: 0.5 }), [-0.5, 0.5]);
    assert.deepEqual(kinksOf('hardshrink', { lambd: 0 }), []);
    assert.deepEqual(kinksOf('softshrink', { lambd: 0.5 }), [-0.5, 0.5]);
    assert.deepEqual(kinksOf('softshrink', { lambd: 0 }), []);
  });

  it('the piecewise sigmoids and softplus: where their pieces meet, ±1 and ±3', () => {
    // JAX sparse_sigmoid ½·clip(x + 1, 0, 2) and sparse_plus (0, (x + 1)²/4, x) change piece at ±1;
    // PyTorch's Hardswish x·relu6(x + 3)/6 at ±3.
    assert.deepEqual(kinksOf('sparse_sigmoid'), [-1, 1]);
    assert.deepEqual(kinksOf('sparse_plus'), [-1, 1]);
    assert.deepEqual(kinksOf('hardswish'), [-3, 3]);
  });

  it('every scalar entry lists its kinks sorted and once', () => {
    let checked = 0;
    for (const a of listActivations().filter((x) => x.kind === 'scalar')) {
      for (const p of [{}, ...(a.formulaVariants ?? [])]) {
        const k = kinksOf(a.id, p);
        const sorted = [...new Set(k)].sort((u, v) => u - v);
        assert.deepEqual(k, sorted, `${a.id} ${JSON.stringify(p)}`);
        checked++;
      }
    }
    assert.ok(checked > 30, `${checked} parameter sets`);
  });
});

describe('whose one-sided values the kinks show', () => {
  it("hardsigmoid: PyTorch's for slope 1/6 (0 at ±3), tf.clip_by_value's for slope 0.2 (0.2 at ±2.5)", () => {
    const convention = getActivation('hardsigmoid').kinkConvention;
    assert.ok(convention);
    assert.match(convention({}).owner, /PyTorch/);
    assert.match(convention({ slope: 0.2 }).owner, /clip_by_value/);
  });
});

describe('second derivatives at a kink follow PyTorch’s relu′(0) = 0', () => {
  it("relu_squared: f″(0) = 0, as autograd's double backward of relu(x)² (2·relu′(0))", () => {
    assert.equal(evaluate('relu_squared', 0).d2y, 0);
    assert.equal(evaluate('relu_squared', 1e-9).d2y, 2);
    assert.equal(evaluate('relu_squared', -1e-9).d2y, 0);
  });
});

describe('the formula shown is the function the parameters make', () => {
  it('Keras relu: the plain max(0, x) only while the extras keep their defaults', () => {
    const plain = formulasOf('relu');
    assert.doesNotMatch(`${plain.f.unicode} ${plain.df.unicode}`, /θ|α|\bm\b/u);
    const keras: Params[] = [
      { threshold: 2 },
      { max_value: 5 },
      { negative_slope: 0.1, threshold: 1 },
    ];
    for (const p of keras) {
      const f = formulasOf('relu', p);
      assert.match(f.f.unicode, /θ/u, JSON.stringify(p));
      assert.match(f.df.unicode, /θ/u, JSON.stringify(p));
    }
  });

  it('Keras relu under max_value: f′ = 1 at m itself (tf.clip_by_value), except through relu6 (m = 6, θ = 0)', () => {
    // The side of m in the slope-1 piece follows the gradients pinned in conventions.test.ts.
    assert.match(formulasOf('relu', { max_value: 5 }).df.unicode, /x ≤ m/u);
    assert.match(formulasOf('relu', { max_value: 6, threshold: 1 }).df.unicode, /x ≤ m/u);
    assert.doesNotMatch(formulasOf('relu', { max_value: 6 }).df.unicode, /x ≤ m/u);
    assert.match(formulasOf('relu', { max_value: 6 }).df.unicode, /x < m/u);
    // Both forms are three full pieces, each with a value and a condition, in TeX and in Unicode.
    for (const p of [{ max_value: 5 }, { max_value: 6 }]) {
      const { df } = formulasOf('relu', p);
      const rows = /^\\begin\{cases\}(.*)\\end\{cases\}$/s.exec(df.tex)?.[1].split(' \\\\ ') ?? [];
      assert.equal(rows.length, 3, df.tex);
      // A piece built from a missing part prints "undefined" rather than failing.
      assert.doesNotMatch(`${df.tex} ${df.unicode}`, /undefined/);
      rows.forEach((row) => assert.match(row.trim(), /^\S.* & \S/, df.tex));
      const pieces = df.unicode.split('; ');
      assert.equal(pieces.length, 3, df.unicode);
      pieces.forEach((piece) => assert.match(piece, /^\S+ if \S/u, df.unicode));
    }
  });

  it("Keras relu's pieces, read as written, give Keras' f and TensorFlow's f′ everywhere, kinks included", () => {
    // Expected values from Keras' relu (tf.keras 2 backend, Keras 3 ops on TensorFlow): m = ∞ with
    // θ = 0 is tf.nn.leaky_relu; otherwise x·[x > θ] (relu6 at θ = 0, m = 6; relu at θ = 0), clipped
    // with tf.clip_by_value to [0, m], minus α·relu(θ − x). Gradients: cast, relu (x > 0), relu6
    // (0 < x < 6), clip_by_value (passes 0 ≤ input ≤ m), relu(θ − x) (θ − x > 0).
    const keras = (x: number, a: number, m: number, t: number): [number, number] => {
      if (m === Infinity && t === 0) {
        return x > 0 ? [x, 1] : [a * x, a];
      }
      const relu6 = t === 0 && m === 6;
      let pos = t !== 0 ? (x > t ? x : 0) : relu6 ? Math.min(Math.max(x, 0), 6) : Math.max(x, 0);
      let dpos = t !== 0 ? (x > t ? 1 : 0) : relu6 ? (x > 0 && x < 6 ? 1 : 0) : x > 0 ? 1 : 0;
      if (m !== Infinity && !relu6) {
        dpos = pos >= 0 && pos <= m ? dpos : 0;
        pos = Math.min(Math.max(pos, 0), m);
      }
      return [pos - a * Math.max(t - x, 0), dpos + (t - x > 0 ? a : 0)];
    };
    const read = (formula: string, x: number, a: number, m: number, t: number): number => {
      const operand: Record<string, number> = { x, θ: t, m, '0': 0 };
      const value: Record<string, number> = {
        x,
        '0': 0,
        '1': 1,
        α: a,
        'min(x, m)': Math.min(x, m),
        'α(x − θ)': a * (x - t),
      };
      const holds = (cond: string): boolean => {
        const parts = cond.split(' ');
        for (let i = 1; i < parts.length; i += 2) {
          const [l, r] = [operand[parts[i - 1]], operand[parts[i + 1]]];
          assert.ok(l !== undefined && r !== undefined, `condition ${cond}`);
          const ok = { '<': l < r, '≤': l <= r, '>': l > r, '≥': l >= r, '=': l === r }[parts[i]];
          assert.ok(ok !== undefined, `comparison in ${cond}`);
          if (!ok) {
            return false;
          }
        }
        return true;
      };
      const taken = formula
        .split('; ')
        .map((piece) => piece.split(' if '))
        .filter(([, cond]) => holds(cond));
      assert.equal(taken.length, 1, `${formula} at x = ${x}: one piece`);
      assert.ok(taken[0][0] in value, `value ${taken[0][0]}`);
      return value[taken[0][0]];
    };
    let checked = 0;
    for (const a of [0, 0.1]) {
      for (const m of [Infinity, 6, 1, 0.5]) {
        for (const t of [-1, 0, 0.25, 2]) {
          if (a === 0 && m === Infinity && t === 0) {
            continue; // plain max(0, x): written without pieces
          }
          const { f, df } = formulasOf('relu', { negative_slope: a, max_value: m, threshold: t });
          for (const x of [-3, t - 0.5, t, -0.1, 0, 0.1, t + 0.1, 0.5, 1, m, m + 1, 7]) {
            const [y, dy] = keras(x, a, m, t);
            const where = `α = ${a}, m = ${m}, θ = ${t}, x = ${x}`;
            // === and not Object.is: α(x − θ) with α = 0 reads −0 where Keras subtracts to +0.
            const [fy, fdy] = [read(f.unicode, x, a, m, t), read(df.unicode, x, a, m, t)];
            assert.ok(fy === y, `f = ${fy}, Keras ${y}: ${f.unicode}; ${where}`);
            assert.ok(fdy === dy, `f′ = ${fdy}, TensorFlow ${dy}: ${df.unicode}; ${where}`);
            checked++;
          }
        }
      }
    }
    assert.equal(checked, 31 * 12);
  });

  it('softplus and SiLU: β is in the formula once it is not 1 (PyTorch softplus: (1/β)·log(1 + e^(βx)))', () => {
    for (const id of ['softplus', 'silu']) {
      const f = formulasOf(id, { beta: 2 });
      assert.match(f.f.unicode, /β/u, id);
      assert.match(f.df.unicode, /β/u, id);
      assert.match(f.f.tex, /\\beta/, id);
      assert.match(f.df.tex, /\\beta/, id);
    }
  });

  it('hardsigmoid: a slope other than 1/6 and 0.2 does not state the ±2.5 of slope 0.2', () => {
    const s = formulasOf('hardsigmoid', { slope: 0.25 });
    assert.doesNotMatch(`${s.f.unicode} ${s.df.unicode}`, /2\.5|0\.2\b/);
    assert.match(formulasOf('hardsigmoid', { slope: 0.2 }).df.unicode, /2\.5/);
  });
});
