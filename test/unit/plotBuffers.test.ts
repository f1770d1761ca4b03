/**
 * Issue 10: the plot panel's buffers stay bounded (webview errors, messages held for a hidden panel), bad
 * series make one message, and vector activations are sorted out of the chart with a reason.
 */
import { strict as assert } from 'node:assert';
import { collapseQueue, RecentRing } from '../../src/plot/panelBuffers';
import { validateParams } from '../../src/core';
import { checkSeries, notOverlaidNotice } from '../../src/plot/seriesCheck';
import type { HostMessage, SeriesSpec } from '../../src/protocol';

const settings = (digits: number): HostMessage => ({
  type: 'settings',
  settings: { lowGradientThreshold: 0.05, significantDigits: digits },
});
const series = (mode: 'replace' | 'add', ...ids: string[]): HostMessage => ({
  type: 'setSeries',
  mode,
  series: ids.map((id) => ({ id, params: {} })),
});

function fold(messages: HostMessage[]): HostMessage[] {
  return messages.reduce<HostMessage[]>((q, m) => collapseQueue(q, m), []);
}

describe('RecentRing', () => {
  it('keeps the last `capacity` items, oldest first, and counts what it dropped', () => {
    const ring = new RecentRing<number>(3);
    for (let i = 1; i <= 10_000; i++) {
      ring.push(i);
    }
    assert.deepEqual(ring.toArray(), [9998, 9999, 10_000]);
    assert.equal(ring.dropped, 9997);
  });
});

describe('collapseQueue', () => {
  it('10,000 cursor moves while hidden leave one setSeries: the last call', () => {
    const moves: HostMessage[] = [];
    for (let i = 0; i < 10_000; i++) {
      moves.push(series('replace', i % 2 ? 'relu' : 'gelu'), settings(4 + (i % 3)));
    }
    assert.deepEqual(fold(moves), [settings(4 + (9999 % 3)), series('replace', 'relu')]);
  });

  it('adds after a replace are folded into it; a later replace drops them', () => {
    assert.deepEqual(
      fold([series('replace', 'relu'), series('add', 'elu'), series('add', 'gelu')]),
      [series('replace', 'relu', 'elu', 'gelu')],
    );
    assert.deepEqual(fold([series('add', 'elu'), series('add', 'gelu')]), [
      series('add', 'elu', 'gelu'),
    ]);
    assert.deepEqual(fold([series('add', 'elu'), series('replace', 'tanh')]), [
      series('replace', 'tanh'),
    ]);
  });

  it('keeps at most 32 series, the latest', () => {
    const adds = Array.from({ length: 100 }, (_, i) => series('add', `s${i}`));
    const [only] = fold(adds);
    assert.ok(only.type === 'setSeries');
    assert.equal(only.series.length, 32);
    assert.equal(only.series[31].id, 's99');
    assert.equal(only.series[0].id, 's68');
  });

  it('a vector view asked for after the chart is replayed after it; a chart after it wins', () => {
    const vector: HostMessage = { type: 'showVector', id: 'softmax', logits: null, notice: '' };
    assert.deepEqual(fold([series('replace', 'relu'), vector]), [
      series('replace', 'relu'),
      vector,
    ]);
    assert.deepEqual(fold([vector, series('replace', 'relu')]), [series('replace', 'relu')]);
  });

  it('keeps test echoes in order, a bounded number of them', () => {
    const echoes = Array.from({ length: 100 }, (_, i): HostMessage => ({
      type: 'echo',
      message: i,
    }));
    const kept = fold(echoes);
    assert.equal(kept.length, 16);
    assert.deepEqual(
      kept.map((m) => (m.type === 'echo' ? m.message : undefined)),
      Array.from({ length: 16 }, (_, i) => 84 + i),
    );
  });
});

describe('checkSeries', () => {
  it('32 bad series make one message that counts them', () => {
    const bad: SeriesSpec[] = Array.from({ length: 32 }, (_, i) => ({
      id: `nope${i}`,
      params: {},
    }));
    const { scalar, vector, problem } = checkSeries([{ id: 'relu', params: {} }, ...bad]);
    assert.deepEqual(scalar, [{ id: 'relu', params: {} }]);
    assert.deepEqual(vector, []);
    assert.ok(problem);
    assert.match(problem, /cannot plot 32 series: .*nope0.*nope1.*nope2.*; and 29 more$/);
  });

  it('names a single bad series and its reason; no message when all are good', () => {
    const one = checkSeries([{ id: 'leaky_relu', params: { negative_slope: 'x' } }]);
    assert.match(one.problem ?? '', /^Activation Lens: cannot plot .*negative_slope/);
    assert.equal(checkSeries([{ id: 'elu', params: { alpha: 2 } }]).problem, undefined);
  });

  it('refuses what the core refuses, with the same message: an unplottable slope, β below 1e-300', () => {
    for (const [id, params, name] of [
      ['leaky_relu', { negative_slope: 1e308 }, 'negative_slope'],
      ['softplus', { beta: 5e-324 }, 'beta'],
    ] as const) {
      const { scalar, problem } = checkSeries([{ id, params }]);
      assert.deepEqual(scalar, [], id);
      assert.ok(problem?.includes(name), `${id}: ${problem}`);
      assert.ok(problem?.endsWith(validateParams(id, params) ?? 'valid'), problem);
    }
  });

  it('keeps link syntax from ids out of the message', () => {
    const { problem } = checkSeries([
      { id: '[x](command:workbench.action.quit)', params: {} },
      { id: 'y', params: {} },
    ]);
    assert.ok(problem && !/[[\]]/.test(problem), problem);
  });

  it('sorts vector activations out of the chart and says why Compare cannot overlay them', () => {
    const { scalar, vector } = checkSeries(
      ['softmax', 'relu', 'log_softmax', 'glu', 'sparsemax', 'softmin'].map((id) => ({
        id,
        params: {},
      })),
    );
    assert.deepEqual(
      scalar.map((s) => s.id),
      ['relu'],
    );
    assert.deepEqual(
      vector.map((s) => s.id),
      ['softmax', 'log_softmax', 'glu', 'sparsemax', 'softmin'],
    );
    const notice = notOverlaidNotice(vector);
    assert.match(notice, /^Softmax, .* and Softmin map a whole vector of logits to a vector/);
    assert.match(notice, /no curve f\(x\) to overlay/);
  });
});
