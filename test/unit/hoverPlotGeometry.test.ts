/**
 * Where the hover plot puts things, from the geometry alone: the frame is 240 × 130 px with an 8 px margin,
 * x grows to the right and y upwards, the axes cross at (0, 0) or hug the edge nearest to 0, every kink
 * gets a dotted line and (where f is finite) a circle, and a curve is broken only at a jump across a kink.
 * The samples are hand-made functions (identity, a shifted line, a step), not the core's numbers.
 */
import { strict as assert } from 'node:assert';
import { CLIPPED_NOTE, plotGrid, plotSvg, type PlotSamples } from '../../src/hover/plotSvg';
import { coloursFor } from '../../src/hover/themeColours';

const light = coloursFor('light');
const [W, H, PAD] = [240, 130, 8];

function samples(
  range: [number, number],
  f: (x: number) => [number, number],
  kinks: number[] = [],
): PlotSamples {
  const xs = plotGrid(range, kinks, 41);
  return {
    xs,
    y: Float64Array.from(xs, (x) => f(x)[0]),
    dy: Float64Array.from(xs, (x) => f(x)[1]),
    kinks: kinks.map((k) => ({ x: k, y: f(k)[0] })),
  };
}

/** The points of the path stroked in `colour`, piece by piece (one array per `M`). */
function pieces(svg: string, colour: string): [number, number][][] {
  const m = new RegExp(`<path d="([^"]*)" stroke="${colour}" stroke-width="1.8"`).exec(svg);
  assert.ok(m, `no curve in ${colour}`);
  assert.match(m[1], /^M/, 'a path starts with a move');
  return m[1]
    .split('M')
    .filter(Boolean)
    .map((piece) =>
      piece.split('L').map((p) => p.trim().split(' ').map(Number) as [number, number]),
    );
}

/** [y of the horizontal axis, x of the vertical one]. */
function axes(svg: string): [number, number] {
  const m = /<path d="M8 ([\d.]+)H232M([\d.]+) 8V122" stroke="/.exec(svg);
  assert.ok(m, 'axes');
  return [Number(m[1]), Number(m[2])];
}

describe('hover plot geometry', () => {
  it('the identity runs corner to corner of the frame, left to right and upwards', () => {
    const svg = plotSvg(
      samples([-4, 4], (x) => [x, 1]),
      light,
      'identity',
    );
    const [f] = pieces(svg, light.f);
    assert.equal(f[0][0], PAD, 'starts at the left margin');
    assert.equal(f[f.length - 1][0], W - PAD, 'ends at the right margin');
    for (let i = 1; i < f.length; i++) {
      assert.ok(f[i][0] > f[i - 1][0], 'x grows to the right');
      assert.ok(f[i][1] < f[i - 1][1], 'a rising f goes up the SVG (smaller y)');
    }
    for (const [x, y] of f) {
      assert.ok(
        x >= PAD && x <= W - PAD && y >= PAD && y <= H - PAD,
        `(${x}, ${y}) inside the frame`,
      );
    }
    // The axes cross at the origin, which the identity passes through half way.
    const [axisY, axisX] = axes(svg);
    const mid = f[(f.length - 1) / 2];
    assert.deepEqual(mid, [axisX, axisY]);
    // A complete document: the header, f solid (no dash) and f′ dashed, no stray text between elements.
    assert.ok(
      svg.startsWith(
        '<svg xmlns="http://www.w3.org/2000/svg" width="240" height="130" viewBox="0 0 240 130" role="img"><title>identity</title>',
      ),
    );
    assert.ok(svg.includes(`stroke="${light.f}" stroke-width="1.8" fill="none" />`));
    assert.ok(
      svg.includes(`stroke="${light.df}" stroke-width="1.8" fill="none" stroke-dasharray="5 3"/>`),
    );
    assert.doesNotMatch(svg.replace(/<(title|text)[^>]*>[^<]*<\/\1>/g, ''), />[^<]/);
    assert.ok(!svg.includes(CLIPPED_NOTE));
    // The range label sits in the bottom-right corner, inside the SVG.
    assert.match(
      svg,
      /<text x="232" y="129" font-size="9" text-anchor="end"[^>]*>x ∈ \[-4, 4\]<\/text>/,
    );
  });

  it('with x = 0 out of view the vertical axis hugs the nearest edge; y = 0 is always in view', () => {
    const right = plotSvg(
      samples([1, 3], (x) => [x + 5, 1]),
      light,
      'right of 0',
    );
    assert.equal(axes(right)[1], PAD, 'left edge');
    const left = plotSvg(
      samples([-3, -1], (x) => [x - 5, 1]),
      light,
      'left of 0',
    );
    assert.equal(axes(left)[1], W - PAD, 'right edge');
    // The y bounds take in 0, so the horizontal axis lies between the curve and the frame's edge.
    const [aboveY] = axes(right);
    const [f] = pieces(right, light.f);
    assert.ok(
      f.every(([, y]) => y < aboveY) && aboveY < H - PAD,
      'f > 0 above the x axis, 0 in view',
    );
    const [belowY] = axes(left);
    assert.ok(
      pieces(left, light.f)[0].every(([, y]) => y > belowY) && belowY >= PAD,
      'f < 0 below it',
    );
  });

  it('a dotted line at every kink, and a circle where f is finite there', () => {
    const clamp = (x: number): [number, number] => [
      Math.min(Math.max(x, 0), 2),
      x > 0 && x < 2 ? 1 : 0,
    ];
    const svg = plotSvg(samples([-4, 4], clamp, [0, 2]), light, 'clamp');
    const kinkLine = new RegExp(
      `<path d="M[\\d.]+ 8V122" stroke="${light.kink}" stroke-width="0.8" stroke-dasharray="1 3" fill="none"/>`,
      'g',
    );
    assert.equal(svg.match(kinkLine)?.length, 2);
    assert.equal(
      svg.match(/<circle [^>]* r="3" fill="none" stroke="[^"]+" stroke-width="1.5"\/>/g)?.length,
      2,
    );
    const [axisY, axisX] = axes(svg);
    const circles = [...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)"/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    assert.deepEqual(circles[0], [axisX, axisY], 'f(0) = 0 at the origin');
    assert.ok(circles[1][0] > axisX && circles[1][1] < axisY, 'f(2) = 2 up and to the right');
    const s = samples([-4, 4], clamp, [0, 2]);
    const noValue = plotSvg(
      {
        ...s,
        kinks: [
          { x: 0, y: 0 },
          { x: 2, y: NaN },
        ],
      },
      light,
      'one unknown',
    );
    assert.equal(noValue.match(/<circle /g)?.length, 1);
    assert.equal(noValue.match(/stroke-dasharray="1 3"/g)?.length, 2);
  });

  it('breaks a curve only at a jump that spans a kink, whichever kink it is', () => {
    // A step between the samples at 1 and 2 with the kink on the sample at 2 itself.
    const step: PlotSamples = {
      xs: [0, 1, 2, 3],
      y: [0, 0, 5, 5],
      dy: [0, 0, 0, 0],
      kinks: [{ x: 2, y: 5 }],
    };
    assert.equal(pieces(plotSvg(step, light, 'step'), light.f).length, 2);
    // Two kinks, one of them elsewhere: the jump still spans one.
    const two = {
      ...step,
      kinks: [
        { x: 2, y: 5 },
        { x: 3, y: 5 },
      ],
    };
    assert.equal(pieces(plotSvg(two, light, 'two kinks'), light.f).length, 2);
    // A value that cannot be drawn ends the piece: the line does not bridge the gap.
    const gap: PlotSamples = {
      xs: [0, 1, 2, 3, 4],
      y: [0, 1, NaN, 3, 4],
      dy: [1, 1, 1, 1, 1],
      kinks: [],
    };
    assert.equal(pieces(plotSvg(gap, light, 'gap'), light.f).length, 2);
    // The same jump with no kink inside it is a steep continuous stretch: one piece.
    const steep = { ...step, kinks: [{ x: 3, y: 5 }] };
    assert.equal(pieces(plotSvg(steep, light, 'steep'), light.f).length, 1);
  });

  it('a curve continuous through a kink is one piece, however far below 0 the plot reaches', () => {
    // |x| − 5 on [−10, 10]: f spans [−5, 5], f′ jumps from −1 to 1 at 0 and f does not. A step of
    // 2·10⁻⁹ across the kink is the grid's, not the function's: f is one piece and f′ two, also when
    // the plot's lower half is as tall as its upper one.
    const svg = plotSvg(
      samples([-10, 10], (x) => [Math.abs(x) - 5, x > 0 ? 1 : -1], [0]),
      light,
      'abs',
    );
    assert.equal(pieces(svg, light.f).length, 1);
    assert.equal(pieces(svg, light.df).length, 2);
  });

  it('no curve for fewer than two samples or an empty or unbounded x span', () => {
    for (const xs of [[1], [2, 2], [-Infinity, 0], [0, Number.MAX_VALUE * 2], [-1e308, 1e308]]) {
      const svg = plotSvg(
        { xs, y: xs.map(() => 1), dy: xs.map(() => 0), kinks: [] },
        light,
        'none',
      );
      assert.doesNotMatch(svg, /<path/, JSON.stringify(xs));
      assert.match(svg, /<title>none<\/title>/);
    }
    assert.match(plotSvg({ xs: [0, 1], y: [0, 1], dy: [1, 1], kinks: [] }, light, 'two'), /<path/);
  });

  it('names the clipping in the title and draws its note inside the frame only when a value is beyond it', () => {
    const huge = plotSvg(
      samples([-4, 4], (x) => [x > 0 ? 1e301 : 0, 0], [0]),
      light,
      'huge',
    );
    assert.match(huge, new RegExp(`<title>huge \\(\\|y\\| &#62; 1e300 clipped\\)</title>`));
    assert.match(huge, /<text x="10" y="16" font-size="9"/);
    assert.ok(huge.includes(`>${CLIPPED_NOTE}</text>`));
    const plain = plotSvg(
      samples([-4, 4], (x) => [x, 1]),
      light,
      'plain',
    );
    assert.match(plain, /<title>plain<\/title>/);
  });
});

describe('plotGrid at the range edges', () => {
  it('adds no points for a kink on an end of the range: the grid stays inside it', () => {
    for (const k of [0, 3]) {
      const xs = plotGrid([0, 3], [k], 7);
      assert.equal(xs.length, 7, `kink at ${k}`);
      assert.ok(xs[0] === 0 && xs[xs.length - 1] === 3);
    }
    assert.equal(plotGrid([0, 3], [1], 7).length, 9);
  });
});
