/** The hover's plot SVG, from hand-made samples (the geometry, not the core's numbers, is under test). */
import { strict as assert } from 'node:assert';
import { CLIPPED_NOTE, plotGrid, plotSvg, type PlotSamples } from '../../src/hover/plotSvg';
import { coloursFor } from '../../src/hover/themeColours';

const dark = coloursFor('dark');

function samples(f: (x: number) => [number, number], kinks: number[]): PlotSamples {
  const xs = plotGrid([-4, 4], kinks, 81);
  const y = Float64Array.from(xs, (x) => f(x)[0]);
  const dy = Float64Array.from(xs, (x) => f(x)[1]);
  return { xs, y, dy, kinks: kinks.map((k) => ({ x: k, y: f(k)[0] })) };
}

/** The `d` attribute of the path stroked in `colour`. */
function pathOf(svg: string, colour: string): string {
  const m = new RegExp(`<path d="([^"]*)" stroke="${colour}"`).exec(svg);
  assert.ok(m, `no path in ${colour}`);
  return m[1];
}

describe('plotGrid', () => {
  it('spans the range and brackets each kink tightly', () => {
    const xs = plotGrid([-3, 3], [0, 1.7], 61);
    assert.equal(xs[0], -3);
    assert.equal(xs[xs.length - 1], 3);
    for (let i = 1; i < xs.length; i++) {
      assert.ok(xs[i] >= xs[i - 1]);
    }
    for (const k of [0, 1.7]) {
      assert.ok(xs.some((x) => x < k && k - x < 1e-6) && xs.some((x) => x > k && x - k < 1e-6));
    }
  });
  it('ignores kinks outside the range', () => {
    assert.equal(plotGrid([-1, 1], [5], 11).length, 11);
  });
});

describe('plotSvg', () => {
  const relu = samples((x) => [Math.max(0, x), x > 0 ? 1 : 0], [0]);
  const svg = plotSvg(relu, dark, 'ReLU');

  it('is a standalone SVG with a title', () => {
    assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
    assert.ok(svg.endsWith('</svg>'));
    assert.ok(svg.includes('<title>ReLU</title>'));
  });
  it('draws f solid in one piece and the jumping f′ dashed in two', () => {
    const f = pathOf(svg, dark.f);
    const df = pathOf(svg, dark.df);
    assert.equal(f.match(/M/g)?.length, 1);
    assert.equal(df.match(/M/g)?.length, 2);
    assert.ok(svg.includes(`stroke="${dark.df}" stroke-width="1.8" fill="none" stroke-dasharray`));
    assert.ok(svg.includes(`stroke="${dark.f}" stroke-width="1.8" fill="none" />`));
  });
  it('marks the kink with a circle at f(0) on the x axis', () => {
    const circle = /<circle cx="([\d.]+)" cy="([\d.]+)"/.exec(svg);
    assert.ok(circle);
    const axis = /<path d="M8 ([\d.]+)H232M([\d.]+) 8V122"/.exec(svg);
    assert.ok(axis, 'axes through 0');
    assert.equal(circle[2], axis[1], 'kink circle sits on y = 0');
    assert.equal(circle[1], axis[2], 'kink circle sits on x = 0');
  });
  it('breaks f at a jump but not where it is continuous', () => {
    const step = samples((x) => [x > 1 ? x : 0, x > 1 ? 1 : 0], [1]);
    assert.equal(pathOf(plotSvg(step, dark, 'threshold'), dark.f).match(/M/g)?.length, 2);
  });
  it('skips non-finite values rather than drawing through them', () => {
    const log = samples((x) => [x > 0 ? Math.log(x) : NaN, 1 / x], []);
    const d = pathOf(plotSvg(log, dark, 'log'), dark.f);
    assert.ok(!d.includes('NaN') && !d.includes('Infinity'));
  });
  it('copes with a constant function and with too few samples', () => {
    const flat = samples(() => [0, 0], []);
    assert.ok(plotSvg(flat, dark, 'zero').includes('<path'));
    assert.ok(plotSvg({ xs: [1], y: [1], dy: [1], kinks: [] }, dark, 'one').startsWith('<svg'));
  });

  /** Every number in the SVG's path and circle coordinates. */
  function coordinates(svg: string): number[] {
    const attrs = [...svg.matchAll(/ (?:d|cx|cy)="([^"]*)"/g)].map((m) => m[1]).join(' ');
    return (attrs.match(/-?[\d.]+(?:e[-+]?\d+)?|NaN|-?Infinity/g) ?? []).map(Number);
  }
  // Issue 10: f and f′ near the largest double made yHi − yLo overflow: every coordinate was NaN.
  const extremes: [string, (x: number) => [number, number], number[]][] = [
    ['LeakyReLU(1e308)', (x) => [x > 0 ? x : 1e308 * x, x > 0 ? 1 : 1e308], [0]],
    ['Threshold(0.1, -1.5e308)', (x) => [x > 0.1 ? x : -1.5e308, x > 0.1 ? 1 : 0], [0.1]],
    [
      'ELU(alpha=1e308)',
      (x) => [x > 0 ? x : 1e308 * Math.expm1(x), x > 0 ? 1 : 1e308 * Math.exp(x)],
      [0],
    ],
    ['1.7e308 both ways', (x) => [x > 0 ? 1.7e308 : -1.7e308, 0], [0]],
  ];
  for (const [name, f, kinks] of extremes) {
    it(`${name}: finite coordinates inside the plot, and says values were clipped`, () => {
      const out = plotSvg(samples(f, kinks), dark, name);
      const xy = coordinates(out);
      assert.ok(xy.length > 100, 'curves drawn');
      for (const v of xy) {
        assert.ok(Number.isFinite(v) && v >= 0 && v <= 240, `${name}: coordinate ${v}`);
      }
      assert.ok(out.includes(`>${CLIPPED_NOTE}</text>`), 'marked as clipped');
    });
  }
  it('an ordinary plot says nothing about clipping', () => {
    assert.ok(!svg.includes(CLIPPED_NOTE));
  });
});
