/**
 * The catalogue's claims against the numbers and against the recognizer: continuity orders measured at the
 * kinks, ranges and gates against sampled values, vector monotonicity against the Jacobian's signs, and every
 * framework difference, docs link and source belonging to a framework that can actually reach it.
 */
import assert from 'node:assert/strict';
import {
  evaluate,
  evaluateVector,
  getActivation,
  kinksOf,
  listActivations,
} from '../../src/core/activations';
import { OTHER_SOURCE_SITES, SITES } from '../../src/core/activations/sources';
import { allSpellings } from '../../src/core/recognize/resolve';
import type { Framework } from '../../src/core/types';
import { mulberry32 } from './coreRandom';

const scalars = listActivations().filter((a) => a.kind === 'scalar');
const vectors = listActivations().filter((a) => a.kind === 'vector');

// The describe blocks below make one test per entry: an empty list would make none and pass.
it('the per-entry checks below run over every scalar and vector entry', () => {
  assert.ok(scalars.length >= 30, `${scalars.length} scalar entries`);
  assert.ok(vectors.length >= 8, `${vectors.length} vector entries`);
});

/**
 * The largest k with f in Cᵏ at the kinks, measured from one-sided values a hair either side: −1 when f
 * jumps, 0 when f′ jumps, 1 when f″ jumps, Infinity without kinks.
 */
function measuredOrder(id: string): number {
  let order = Infinity;
  for (const k of kinksOf(id)) {
    const h = 1e-9 * Math.max(1, Math.abs(k));
    const l = evaluate(id, k - h);
    const r = evaluate(id, k + h);
    const jump = (a: number, b: number) => Math.abs(a - b) > 1e-6 * Math.max(1, Math.abs(a));
    order = Math.min(
      order,
      jump(l.y, r.y) ? -1 : jump(l.dy, r.dy) ? 0 : jump(l.d2y, r.d2y) ? 1 : 2,
    );
  }
  return order;
}

describe('continuity claims agree with the numbers at the kinks', () => {
  for (const a of scalars) {
    it(`${a.id}: C^${a.properties.continuousDerivatives ?? '∞'}`, () => {
      const declared = a.properties.continuousDerivatives ?? Infinity;
      assert.equal(measuredOrder(a.id), declared);
      assert.equal(a.properties.smooth, declared === Infinity, 'smooth flag');
      const claimsContinuousSlope = a.notes.some((n) => /f['′] is continuous/.test(n));
      assert.ok(!claimsContinuousSlope || declared >= 1, "a note claims f' is continuous");
      assert.ok(!a.notes.some((n) => /smooth at 0/i.test(n)) || declared === Infinity);
    });
  }

  it("hardswish: f' jumps at ±3 (x/3 + ½ inside, 0 and 1 outside)", () => {
    assert.ok(Math.abs(evaluate('hardswish', -3 + 1e-9).dy - -0.5) < 1e-8);
    assert.ok(Math.abs(evaluate('hardswish', 3 - 1e-9).dy - 1.5) < 1e-8);
    assert.equal(evaluate('hardswish', -3 - 1e-9).dy, 0);
    assert.equal(evaluate('hardswish', 3 + 1e-9).dy, 1);
  });

  it("ELU: f' is continuous at 0 only for α = 1, and f'' jumps from α to 0 even then", () => {
    for (const alpha of [1, 0.5, 2]) {
      const l = evaluate('elu', -1e-12, { alpha });
      const r = evaluate('elu', 1e-12, { alpha });
      assert.ok(Math.abs(l.dy - alpha) < 1e-9 && r.dy === 1, `α = ${alpha}`);
      assert.ok(Math.abs(l.d2y - alpha) < 1e-9 && r.d2y === 0, `α = ${alpha}`);
    }
    assert.ok(getActivation('elu').notes.some((n) => /f'' still jumps/.test(n)));
  });
});

/** The numeric bounds of a range string like "[≈−0.28, ∞)" or "(0, 1)"; undefined for symbolic ones. */
function numericRange(range: string) {
  const m = /^([[(])(≈?)(−?[\d.]+|−∞), (≈?)(−?[\d.]+|∞)([\])])$/.exec(range);
  if (!m) {
    return undefined;
  }
  const num = (s: string) => Number(s.replace('−', '-').replace('∞', 'Infinity'));
  return {
    lo: num(m[3]),
    loClosed: m[1] === '[',
    loTol: m[2] ? 0.01 : 1e-12,
    hi: num(m[5]),
    hiClosed: m[6] === ']',
    hiTol: m[4] ? 0.01 : 1e-12,
  };
}

describe('ranges and gates agree with sampled values', () => {
  for (const a of scalars) {
    const r = numericRange(a.properties.range);
    it(`${a.id}: range ${a.properties.range}`, () => {
      let min = Infinity;
      let max = -Infinity;
      let gateInUnit = true;
      for (let x = -60; x <= 60; x += 0.001) {
        const y = evaluate(a.id, x).y;
        min = Math.min(min, y);
        max = Math.max(max, y);
        if (Math.abs(x) > 1e-6 && !(y / x >= -1e-12 && y / x <= 1 + 1e-12)) {
          gateInUnit = false;
        }
      }
      assert.ok(gateInUnit || !a.properties.selfGated, 'selfGated, but f(x)/x leaves [0, 1]');
      if (!r) {
        return; // symbolic bounds (−α, {0} ∪ …) are checked by the bounded flags
      }
      if (Number.isFinite(r.lo)) {
        assert.ok(min >= r.lo - r.loTol, `min ${min} below ${r.lo}`);
        assert.ok(!r.loClosed || min <= r.lo + r.loTol, `closed lower bound ${r.lo} not reached`);
      }
      if (Number.isFinite(r.hi)) {
        assert.ok(max <= r.hi + r.hiTol, `max ${max} above ${r.hi}`);
        assert.ok(!r.hiClosed || max >= r.hi - r.hiTol, `closed upper bound ${r.hi} not reached`);
      }
    });
  }
});

describe('vector properties agree with the Jacobian', () => {
  const rand = mulberry32(20261202);
  const inputs = Array.from({ length: 200 }, () =>
    Array.from({ length: 6 }, () => (rand() - 0.5) * 12),
  );
  for (const a of vectors) {
    it(`${a.id}: monotonic = ${a.properties.monotonic} (each output keeps one direction in each input)`, () => {
      const signs = new Map<string, number>();
      let consistent = true;
      for (const z of inputs) {
        evaluateVector(a.id, z).jacobian.forEach((row, i) =>
          row.forEach((v, j) => {
            const s = Math.sign(v);
            const key = `${i},${j}`;
            if (s !== 0 && (signs.get(key) ?? s) !== s) {
              consistent = false;
            }
            if (s !== 0) {
              signs.set(key, s);
            }
          }),
        );
      }
      assert.equal(consistent, a.properties.monotonic);
    });
  }

  it('softmin: each output decreases in its own input (negative Jacobian diagonal)', () => {
    for (const z of inputs) {
      evaluateVector('softmin', z).jacobian.forEach((row, i) => assert.ok(row[i] < 0));
    }
  });

  it('log_softmax + NLL: the gradient is softmax minus the one-hot target, as the note says', () => {
    const z = [0.5, -1, 2, 0.1];
    const target = 2;
    const p = evaluateVector('softmax', z).y;
    // loss = −log_softmax(z)[target]: its gradient is minus that row of the Jacobian.
    const grad = evaluateVector('log_softmax', z).jacobian[target].map((v) => -v);
    grad.forEach((g, j) => assert.ok(Math.abs(g - (p[j] - (j === target ? 1 : 0))) < 1e-15));
    assert.ok(
      getActivation('log_softmax').notes.some((n) => /softmax\(z\) minus the one-hot/.test(n)),
    );
  });
});

/** Frameworks the recognizer can report for each id (its spelling tables). */
function reportable(): Map<string, Set<Framework>> {
  const out = new Map<string, Set<Framework>>();
  for (const s of allSpellings()) {
    out.set(s.id, (out.get(s.id) ?? new Set()).add(s.framework));
  }
  return out;
}

const onSite = (url: string, fw: Framework) => SITES[fw].some((prefix) => url.startsWith(prefix));
const plainUrl = /^https:\/\/[A-Za-z0-9./_#:-]+$/;

describe('facts carry checkable sources on their own frameworks’ sites', () => {
  const byId = reportable();
  for (const a of listActivations()) {
    it(`${a.id}: differences name reachable frameworks and link their source`, () => {
      for (const d of a.differences) {
        for (const fw of d.frameworks) {
          assert.ok(byId.get(a.id)?.has(fw), `${a.id}: "${d.text}" names ${fw}, never reported`);
        }
        assert.match(d.source.url, plainUrl);
        assert.ok(
          d.frameworks.some((fw) => onSite(d.source.url, fw)),
          `${a.id}: source ${d.source.url} belongs to none of ${d.frameworks.join(', ')}`,
        );
      }
    });

    it(`${a.id}: docs links belong to their framework's site`, () => {
      for (const [fw, url] of Object.entries(a.docs) as [Framework, string][]) {
        assert.match(url, plainUrl);
        assert.ok(onSite(url, fw), `${a.id}: ${fw} docs ${url}`);
      }
    });

    it(`${a.id}: notes about a framework's convention cite a source`, () => {
      const sources = a.noteSources ?? [];
      assert.equal(sources.length, a.notes.length);
      a.notes.forEach((n, i) => {
        const s = sources[i];
        if (/PyTorch|JAX|Keras|TensorFlow|TF\.js|NNlib|Flax|calculate_gain|transformers/.test(n)) {
          assert.ok(s, `${a.id} note "${n}" has no source`);
        }
        if (s) {
          assert.match(s.url, plainUrl);
          const sites = [...Object.values(SITES).flat(), ...OTHER_SOURCE_SITES];
          assert.ok(
            sites.some((p) => s.url.startsWith(p)),
            s.url,
          );
        }
      });
    });
  }
});

describe('kink conventions name their owner', () => {
  it("hardsigmoid's 0.2 slope follows tf.clip_by_value: the slope on both boundaries", () => {
    assert.equal(evaluate('hardsigmoid', 2.5, { slope: 0.2 }).dy, 0.2);
    assert.equal(evaluate('hardsigmoid', -2.5, { slope: 0.2 }).dy, 0.2);
    assert.equal(evaluate('hardsigmoid', 2.5 + 1e-9, { slope: 0.2 }).dy, 0);
    const c = getActivation('hardsigmoid').kinkConvention?.({ slope: 0.2 });
    assert.match(c?.owner ?? '', /clip_by_value/);
    assert.doesNotMatch(c?.owner ?? '', /PyTorch/);
    assert.match(getActivation('hardsigmoid').kinkConvention?.()?.owner ?? '', /PyTorch/);
    assert.equal(evaluate('hardsigmoid', 3).dy, 0);
  });

  it("sparse_sigmoid's ±1 values are JAX's clip convention (0.25), and say so", () => {
    assert.equal(evaluate('sparse_sigmoid', 1).dy, 0.25);
    assert.equal(evaluate('sparse_sigmoid', -1).dy, 0.25);
    assert.match(getActivation('sparse_sigmoid').kinkConvention?.()?.owner ?? '', /JAX/);
  });
});

describe('every scalar entry names whose values its kinks show, with a source', () => {
  for (const a of scalars) {
    it(a.id, () => {
      const c = a.kinkConvention?.();
      assert.ok(c, 'no convention');
      assert.match(c.source.url, plainUrl);
      assert.ok(
        Object.values(SITES).some((prefixes) => prefixes.some((p) => c.source.url.startsWith(p))),
      );
    });
  }
});
