// The protocol's validators in plain Node: what the host accepts from the webview, the command arguments,
// and restored state. Malformed input must be rejected (or repaired, for state) and never throw.
import * as assert from 'node:assert/strict';
import { VIEWS, type PanelState } from '../../src/protocol';
import {
  defaultState,
  parseInitialData,
  parsePlotArgs,
  parsePlotRequest,
  sanitizeState,
  validateWebviewMessage,
} from '../../src/protocolValidation';

const rendered = {
  type: 'rendered',
  seq: 3,
  view: 'plot',
  series: [{ id: 'relu', params: {}, curves: ['f', 'df'], points: 2000 }],
  range: [-5, 5],
  drawMs: 1.5,
  colours: ['#3794ff'],
};

describe('validateWebviewMessage', () => {
  it('accepts each well-formed message type', () => {
    const good: unknown[] = [
      { type: 'ready' },
      rendered,
      { type: 'error', message: 'boom', stack: 'at x' },
      { type: 'error', message: 'no stack' },
      { type: 'export', format: 'png', data: 'data:image/png;base64,AAAA' },
      { type: 'export', format: 'csv', data: 'x\n1\n' },
      { type: 'copy', text: 'x = 1' },
    ];
    for (const m of good) {
      const r = validateWebviewMessage(m);
      assert.equal(r.ok, true, JSON.stringify(m));
      assert.equal(r.ok && r.message.type, (m as { type: string }).type);
    }
  });

  it('keeps the fields of a rendered report', () => {
    const r = validateWebviewMessage(rendered);
    assert.ok(r.ok);
    assert.deepEqual(r.message, rendered);
  });

  it('rejects malformed messages with a reason, never throwing', () => {
    const bad: unknown[] = [
      null,
      undefined,
      42,
      'ready',
      [],
      {},
      { type: 7 },
      { type: 'nope' },
      { type: 'rendered' },
      { ...rendered, seq: 1.5 },
      { ...rendered, view: 'pie' },
      { ...rendered, range: [5, -5] },
      { ...rendered, range: [0, Infinity] },
      { ...rendered, drawMs: NaN },
      { ...rendered, series: [{ id: 'relu', params: {}, curves: ['f', 'g'], points: 2 }] },
      { ...rendered, series: [{ id: 'relu', params: { a: {} }, curves: ['f'], points: 2 }] },
      { ...rendered, series: [{ id: '', params: {}, curves: ['f'], points: 2 }] },
      { ...rendered, series: Array.from({ length: 33 }, () => rendered.series[0]) },
      { ...rendered, colours: [1] },
      { type: 'error' },
      { type: 'error', message: 3 },
      { type: 'export', format: 'gif', data: '' },
      { type: 'export', format: 'png' },
      { type: 'copy', text: { toString: () => 'x' } },
    ];
    for (const m of bad) {
      const r = validateWebviewMessage(m);
      assert.equal(r.ok, false, `accepted ${JSON.stringify(m)}`);
      assert.ok(!r.ok && r.reason.length > 0);
    }
  });

  it('drops fields the protocol does not define', () => {
    const r = validateWebviewMessage({ type: 'copy', text: 'a', extra: 'evil' });
    assert.ok(r.ok);
    assert.deepEqual(r.message, { type: 'copy', text: 'a' });
  });
});

describe('parsePlotArgs', () => {
  it('accepts the hover link shape and keeps numbers and choice strings', () => {
    const series = parsePlotArgs({
      series: [
        { id: 'leaky_relu', params: { negative_slope: 0.2 } },
        { id: 'gelu', params: { approximate: 'tanh' } },
        { id: 'relu' },
      ],
    });
    assert.deepEqual(series, [
      { id: 'leaky_relu', params: { negative_slope: 0.2 } },
      { id: 'gelu', params: { approximate: 'tanh' } },
      { id: 'relu', params: {} },
    ]);
  });

  it('ignores boolean flags such as inplace', () => {
    assert.deepEqual(parsePlotArgs({ series: [{ id: 'relu', params: { inplace: true } }] }), [
      { id: 'relu', params: {} },
    ]);
  });

  it('rejects anything else', () => {
    for (const v of [
      undefined,
      null,
      [],
      { series: 'relu' },
      { series: [{}] },
      { series: [{ id: 3 }] },
      { series: [{ id: 'relu', params: { a: NaN } }] },
      { series: [{ id: 'relu', params: { a: [1] } }] },
      { series: [{ id: 'relu', params: 'alpha=1' }] },
      { series: [{ id: 'softmax', logits: [1] }] },
      { series: [{ id: 'softmax', logits: [1, NaN] }] },
      { series: [{ id: 'softmax', logits: [1, Infinity] }] },
      { series: [{ id: 'softmax', logits: Array(17).fill(0) }] },
      { series: [{ id: 'softmax', logits: '1,2' }] },
    ]) {
      assert.equal(parsePlotArgs(v), undefined, JSON.stringify(v));
    }
  });

  it('keeps the logits a vector activation is opened with', () => {
    assert.deepEqual(
      parsePlotArgs({ series: [{ id: 'softmax', params: {}, logits: [-1, 0, 2] }] }),
      [{ id: 'softmax', params: {}, logits: [-1, 0, 2] }],
    );
  });
});

describe('parsePlotRequest', () => {
  const series = [{ id: 'softmax', params: {}, logits: [1000, 0] }];

  it('keeps a view that is one of VIEWS, and no view when none was given', () => {
    for (const view of ['plot', 'softmax', 'depth']) {
      assert.deepEqual(parsePlotRequest({ series, view }), { series, view });
    }
    assert.deepEqual(parsePlotRequest({ series }), { series });
  });

  it('refuses a request naming any other view, or malformed series', () => {
    for (const v of [
      { series, view: 'Softmax' },
      { series, view: 'chart' },
      { series, view: 3 },
      { series, view: null },
      { series, view: ['softmax'] },
      { series: 'softmax', view: 'softmax' },
      null,
    ]) {
      assert.equal(parsePlotRequest(v), undefined, JSON.stringify(v));
    }
  });
});

/** Every field of a sanitised state is usable as it is. */
function assertValidState(s: PanelState): void {
  assert.ok(VIEWS.includes(s.view));
  assert.ok(Array.isArray(s.series));
  for (const x of s.series) {
    assert.equal(typeof x.id, 'string');
    for (const v of Object.values(x.params)) {
      assert.ok(typeof v === 'string' || Number.isFinite(v));
    }
    for (const c of ['f', 'df', 'd2f'] as const) {
      assert.equal(typeof x.show[c], 'boolean');
    }
  }
  assert.ok(s.range === null || (Number.isFinite(s.range[0]) && s.range[0] < s.range[1]));
  assert.ok(s.threshold === null || (s.threshold >= 0 && s.threshold <= 1));
  assert.ok(s.softmax.logits.length >= 2 && s.softmax.logits.every(Number.isFinite));
  assert.ok(s.softmax.temperature > 0);
  assert.ok(Number.isInteger(s.depth.layers) && s.depth.layers >= 1);
  assert.ok(s.depth.sigma > 0);
  assert.ok(s.depth.ids.length > 0);
}

describe('sanitizeState', () => {
  it('round-trips a valid state unchanged', () => {
    const s: PanelState = {
      ...defaultState(),
      view: 'depth',
      series: [{ id: 'elu', params: { alpha: 0.5 }, show: { f: true, df: false, d2f: true } }],
      range: [-3, 2],
      threshold: 0.1,
    };
    assert.deepEqual(sanitizeState(JSON.parse(JSON.stringify(s))), s);
  });

  it('repairs garbage field by field, never throwing', () => {
    const garbage: unknown[] = [null, 1, 'x', [], { view: 'pie', series: 'relu', range: [3, 1] }];
    let seed = 12345;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const values: unknown[] = [null, -1, 0, 1e9, NaN, 'x', [], {}, [1, 2], true, [NaN, 1]];
    const pick = () => values[Math.floor(rand() * values.length)];
    for (let i = 0; i < 300; i++) {
      garbage.push({
        view: pick(),
        series: [pick(), { id: pick(), params: pick(), show: pick() }],
        range: pick(),
        threshold: pick(),
        softmax: { id: pick(), logits: pick(), temperature: pick() },
        depth: {
          ids: pick(),
          layers: pick(),
          mu: pick(),
          sigma: pick(),
          bias: pick(),
          gain: pick(),
        },
      });
    }
    for (const g of garbage) {
      assertValidState(sanitizeState(g));
    }
  });
});

describe('parseInitialData', () => {
  it('keeps valid settings and series', () => {
    const init = {
      settings: { lowGradientThreshold: 0.1, significantDigits: 6 },
      series: [{ id: 'elu', params: { alpha: 2 } }],
    };
    assert.deepEqual(parseInitialData(init), init);
    assert.deepEqual(parseInitialData({ ...init, series: null }).series, null);
  });

  it('keeps the view a new panel opens on only when it is one of VIEWS', () => {
    const settings = { lowGradientThreshold: 0.05, significantDigits: 4 };
    assert.equal(parseInitialData({ settings, series: null, view: 'softmax' }).view, 'softmax');
    assert.equal(parseInitialData({ settings, series: null, view: 'depth' }).view, 'depth');
    for (const view of ['Softmax', '__proto__', 1, null, {}]) {
      assert.equal('view' in parseInitialData({ settings, series: null, view }), false);
    }
  });

  it("keeps the first frame's curves: a finite increasing range, equal-length arrays of numbers or null", () => {
    const settings = { lowGradientThreshold: 0.05, significantDigits: 4 };
    const firstFrame = { range: [-2, 3], curves: [{ y: [0, null, 3], dy: [0, 1, 1] }] };
    assert.deepEqual(
      parseInitialData({ settings, series: null, firstFrame }).firstFrame,
      firstFrame,
    );
    const curve = { y: [0, 1], dy: [0, 1] };
    for (const bad of [
      null,
      { range: [3, -2], curves: [curve] },
      { range: [-2, Infinity], curves: [curve] },
      { range: [-2, 3], curves: 'x' },
      { range: [-2, 3], curves: [{ y: [0, 1, 2], dy: [0, 1] }] },
      { range: [-2, 3], curves: [{ y: [0], dy: [0] }] },
      { range: [-2, 3], curves: [{ y: [0, '1'], dy: [0, 1] }] },
      { range: [-2, 3], curves: [{ y: [0, NaN], dy: [0, 1] }] },
      { range: [-2, 3], curves: [{ y: Array(5000).fill(0), dy: Array(5000).fill(0) }] },
      { range: [-2, 3], curves: Array(33).fill(curve) },
    ]) {
      const r = parseInitialData({ settings, series: null, firstFrame: bad });
      assert.equal('firstFrame' in r, false, JSON.stringify(bad).slice(0, 80));
    }
  });

  it('falls back field by field, never throwing', () => {
    for (const v of [
      undefined,
      null,
      3,
      'x',
      [],
      { settings: 'x', series: 'relu' },
      { settings: { lowGradientThreshold: NaN, significantDigits: 99 } },
    ]) {
      const r = parseInitialData(v);
      assert.ok(r.settings.lowGradientThreshold >= 0 && r.settings.lowGradientThreshold <= 1);
      assert.ok(Number.isInteger(r.settings.significantDigits));
      assert.ok(r.settings.significantDigits >= 2 && r.settings.significantDigits <= 12);
      assert.equal(r.series, null);
    }
  });
});
