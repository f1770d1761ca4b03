/**
 * The values section's choices, from mathematics: where f′ peaks (GELU at √2, where φ(x)(2 − x²) = 0;
 * sigmoid and tanh at 0; none for ReLU's plateau or softplus' ever-rising slope), which one-sided slope a
 * kink's value equals (relu′(0) = 0 is the left-hand one), and what a single argument shows.
 */
import { strict as assert } from 'node:assert';
import type { Framework, RecognizedCall } from '../../src/core';
import { factsFor, type ActivationFacts } from '../../src/hover/activationFacts';
import { plotGrid } from '../../src/hover/plotSvg';
import { derivativePeak, kinkSide, valuePoints, valuesMarkdown } from '../../src/hover/valuesTable';

function facts(
  id: string,
  params: RecognizedCall['params'] = {},
  framework: Framework = 'pytorch',
  arg?: number,
): ActivationFacts {
  const f = factsFor({
    id,
    params,
    framework,
    start: 0,
    end: id.length,
    ...(arg === undefined ? {} : { arg }),
  });
  assert.ok(f, id);
  return f;
}

/** f′'s peak on the hover's own plot grid over the catalogue's plot range. */
function peakOf(id: string): number | undefined {
  const f = facts(id);
  const xs = plotGrid(f.info.plotRange, f.kinks);
  return derivativePeak(xs, f.sample(xs).dy);
}

describe('where f′ peaks', () => {
  it('GELU near √2, sigmoid and tanh at 0, on the plot grid', () => {
    const gelu = peakOf('gelu');
    assert.ok(gelu !== undefined && Math.abs(gelu - Math.SQRT2) < 0.05, `gelu ${gelu}`);
    assert.ok(Math.abs(peakOf('sigmoid')!) < 0.05, 'sigmoid');
    assert.ok(Math.abs(peakOf('tanh')!) < 0.05, 'tanh');
  });

  it('no peak on a plateau (ReLU, hardtanh) or where f′ rises to the edge (softplus, eˣ)', () => {
    for (const id of ['relu', 'hardtanh', 'softplus', 'exponential']) {
      assert.equal(peakOf(id), undefined, id);
    }
  });

  it('a strict interior maximum only: the first and last samples are no peak', () => {
    const xs = [0, 1, 2, 3, 4];
    assert.equal(derivativePeak(xs, [0, 1, 3, 1, 0]), 2);
    assert.equal(derivativePeak(xs, [0, 3, 1, 0, 0]), 1);
    assert.equal(derivativePeak(xs, [0, 0, 1, 3, 0]), 3);
    assert.equal(
      derivativePeak(xs, [0, 1, 3, 1, 5]),
      2,
      'a higher last sample hides no interior peak',
    );
    assert.equal(derivativePeak(xs, [5, 1, 0, 1, 5]), undefined);
    assert.equal(derivativePeak(xs, [0, 1, 2, 3, 4]), undefined);
    assert.equal(derivativePeak(xs, [0, 2, 2, 1, 0]), undefined, 'a plateau of two');
    assert.equal(derivativePeak([...xs, 5], [0, NaN, 1, 3, 1, 0]), 3, 'a NaN sample is skipped');
  });
});

describe('which one-sided slope a kink value is', () => {
  it('left, right, both or neither, relative to the slopes’ size', () => {
    assert.equal(kinkSide(0, 0, 1), 'left');
    assert.equal(kinkSide(1, 0, 1), 'right');
    assert.equal(kinkSide(1, 1, 1), 'both');
    assert.equal(kinkSide(0.5, 0, 1), 'neither');
    assert.equal(kinkSide(1e6 + 1, 1e6, 0), 'left', 'a 1e-6 relative difference is the same slope');
    assert.equal(kinkSide(0.001, 0, 1), 'neither');
  });
});

describe('the points the table shows', () => {
  it('GELU: exactly one point is labelled the peak, the telling point nearest √2', () => {
    const f = facts('gelu');
    const peaks = valuePoints(f, Math.SQRT2).filter((p) => p.reason === 'peak');
    assert.equal(peaks.length, 1);
    assert.ok(Math.abs(peaks[0].x - Math.SQRT2) < 0.05, `${peaks[0].x}`);
    assert.equal(valuePoints(f, undefined).filter((p) => p.reason === 'peak').length, 0);
    // "Near" is relative: within a tenth of |peak| (1.5 is 0.12 from a peak at 1.62).
    assert.deepEqual(
      valuePoints(f, 1.62)
        .filter((p) => p.reason === 'peak')
        .map((p) => p.x),
      [1.5],
    );
    // A peak far from every telling point labels none.
    assert.equal(valuePoints(f, 2.9).filter((p) => p.reason === 'peak').length, 0);
  });

  it("ReLU6: its kinks 0 and 6 carry PyTorch's left-hand slope (0 at 0, 1 at 6 is not: f′(6) = 0 = right)", () => {
    const points = valuePoints(facts('relu6'), undefined);
    const at = (x: number) => points.find((p) => p.x === x);
    assert.equal(at(0)?.reason, 'kink');
    assert.equal(at(0)?.side, 'left');
    assert.equal(at(6)?.reason, 'kink');
    assert.equal(at(6)?.side, 'right');
    assert.ok(points.filter((p) => p.reason !== 'kink').every((p) => p.side === undefined));
    assert.ok(points.some((p) => p.reason === 'sample'));
  });

  it('a numeric argument is the only point; at a kink it is the kink, with its side', () => {
    const off = valuePoints(facts('relu', {}, 'pytorch', 2), undefined);
    assert.deepEqual(
      off.map((p) => [p.x, p.y, p.dy, p.reason]),
      [[2, 2, 1, 'argument']],
    );
    const at = valuePoints(facts('relu', {}, 'pytorch', 0), undefined);
    assert.deepEqual(
      at.map((p) => [p.x, p.reason, p.side]),
      [[0, 'kink', 'left']],
    );
  });

  it('one line for an argument, "a kink" said only at a kink', () => {
    const plain = facts('relu', {}, 'pytorch', 2);
    assert.equal(
      valuesMarkdown(plain, valuePoints(plain, undefined), 4),
      'At x = 2: f(x) = **2**, f′(x) = **1**',
    );
    const kink = facts('relu', {}, 'pytorch', 0);
    assert.match(valuesMarkdown(kink, valuePoints(kink, undefined), 4), /kink.*left-hand slope/);
  });

  it('a table lists every point in x, f(x) and f′(x) rows; notes only for kinks and the peak', () => {
    const f = facts('sigmoid');
    const md = valuesMarkdown(f, valuePoints(f, undefined), 4);
    // Three rows of padded cells, one per point.
    const cells = '(<td align="right">&nbsp;&nbsp;&nbsp;[^<]+</td>)+';
    assert.match(
      md,
      new RegExp(
        `^<table><tr><th align="left">x</th>${cells}</tr><tr><th align="left">f\\(x\\)</th>${cells}</tr><tr><th align="left">f′\\(x\\)</th>${cells}</tr></table>$`,
      ),
    );
    assert.match(md, /^<table><tr><th align="left">x<\/th>/);
    assert.match(md, /<\/table>$/, 'no note without a kink or a peak');
    const g = facts('gelu');
    assert.match(
      valuesMarkdown(g, valuePoints(g, Math.SQRT2), 4),
      /^<table><tr><th align="left">x<\/th>(<td[^<]*<\/td>)+<\/tr><tr>/,
    );
    assert.match(
      valuesMarkdown(g, valuePoints(g, Math.SQRT2), 4),
      /<\/table>\n\nf′ peaks near x = 1\.4\d*\.$/,
    );
  });

  it('an infinite argument is no argument: the table of telling points instead', () => {
    assert.ok(valuePoints(facts('relu', {}, 'pytorch', Infinity), undefined).length > 1);
  });

  it("ReLU6's two kink notes are two sentences; Keras code is told it is PyTorch's convention", () => {
    const torch = facts('relu6');
    const md = valuesMarkdown(torch, valuePoints(torch, undefined), 4);
    assert.match(md, /\. Kink at x = 6: /);
    const keras = facts('relu6', {}, 'keras');
    const k = valuesMarkdown(keras, valuePoints(keras, undefined), 4);
    assert.doesNotMatch(k, /autograd/);
    assert.match(
      k,
      /Kink at x = 0: the value shown is the left-hand slope, PyTorch's convention\./,
    );
  });

  it("a convention that is not PyTorch's is never called PyTorch's autograd, whatever the framework", () => {
    const f = facts('hardsigmoid', { slope: 0.2 }, 'pytorch');
    const md = valuesMarkdown(f, valuePoints(f, undefined), 4);
    assert.doesNotMatch(md, /autograd/);
    assert.match(md, /tf\.clip\\_by\\_value/);
  });

  it("Keras relu under max_value: TensorFlow's slopes at the cap, named as Keras' and never as PyTorch's", () => {
    // tf.clip_by_value passes the gradient at its bound: f′(5) = 1, the left-hand slope. At m = 6
    // Keras calls tf.nn.relu6, whose gradient is 0 at 6: the right-hand slope. relu′(0) = 0 on both.
    const note = (m: number) => {
      const f = facts('relu', { max_value: m }, 'keras');
      return valuesMarkdown(f, valuePoints(f, undefined), 4);
    };
    const convention = "Keras' \\(TensorFlow backend\\) convention";
    for (const m of [5, 6]) {
      assert.match(
        note(m),
        new RegExp(`Kink at x = 0: the value shown is the left-hand slope, ${convention}\\.`),
      );
      assert.doesNotMatch(note(m), /PyTorch/);
    }
    assert.match(
      note(5),
      new RegExp(`Kink at x = 5: the value shown is the left-hand slope, ${convention}\\.`),
    );
    assert.match(
      note(6),
      new RegExp(`Kink at x = 6: the value shown is the right-hand slope, ${convention}\\.`),
    );
  });

  it("sparse_sigmoid's ¼ at ±1 (JAX's convention) is neither one-sided slope (½ inside, 0 outside)", () => {
    const f = facts('sparse_sigmoid', {}, 'jax');
    const points = valuePoints(f, undefined);
    assert.equal(points.find((p) => p.x === 1)?.side, 'neither');
    assert.match(
      valuesMarkdown(f, points, 4),
      /Kink at x = 1: the value shown is neither one-sided slope/,
    );
  });

  it("where f′ is continuous at a kink (sparse_plus' f″ jumps), the note says so", () => {
    const f = facts('sparse_plus');
    const md = valuesMarkdown(f, valuePoints(f, undefined), 4);
    assert.match(md, /Kink at x = −1: f′ is continuous there\./);
    assert.doesNotMatch(md, /autograd|convention/);
  });
});
