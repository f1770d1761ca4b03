/**
 * The hover's Markdown in plain Node, from the real core: recognized calls in, sections out. Expected
 * numbers come from the PyTorch reference file or are worked out by hand, never from the core itself.
 */
import { strict as assert } from 'node:assert';
import {
  formulasOf,
  getActivation,
  listActivations,
  recognizeAt,
  type Framework,
  type RecognizedCall,
} from '../../src/core';
import type { HoverSection } from '../../src/config';
import { factsFor } from '../../src/hover/activationFacts';
import { FormulaImages, formulaLines } from '../../src/hover/formulaImages';
import { hoverMarkdown, type HoverSettings } from '../../src/hover/hoverMarkdown';
import { parseFormatted } from '../../src/core/numberFormat';
import { readPytorchReference } from '../pytorchReference';
import { ALL_ON, SETTINGS } from './hoverTestSettings';

const reference = readPytorchReference();

/** A store holding a stand-in SVG for every TeX line of the catalogue's default formulas. */
function storeFor(ids: string[]): FormulaImages {
  const formulas: Record<string, string> = {};
  for (const id of ids) {
    for (const line of formulaLines(formulasOf(id), getActivation(id).kind)) {
      formulas[line.tex] =
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="5"><g fill="currentColor"/></svg>';
    }
  }
  return new FormulaImages({ version: 1, formulas });
}

function call(
  id: string,
  params: RecognizedCall['params'],
  framework: Framework,
  extra: Partial<RecognizedCall> = {},
): RecognizedCall {
  return { id, params, framework, start: 0, end: id.length, ...extra };
}

function render(
  c: RecognizedCall,
  settings: HoverSettings = SETTINGS,
  formulas?: FormulaImages,
): string {
  const facts = factsFor(c);
  assert.ok(facts, `facts for ${c.id}`);
  return hoverMarkdown({ facts, callText: `${c.id}(x)`, settings, theme: 'dark', formulas });
}

/** The values table's points: one column per point, rows x, f(x), f′(x). */
function rows(md: string): { x: number; y: number; dy: number }[] {
  const row = (label: string): number[] => {
    const m = new RegExp(
      `<tr><th align="left">${label.replace(/[()]/g, '\\$&')}</th>(.*?)</tr>`,
    ).exec(md);
    return m
      ? [...m[1].matchAll(/<td[^>]*>(?:&nbsp;)*([^<]*)<\/td>/g)].map((c) => parseFormatted(c[1]))
      : [];
  };
  const [xs, ys, dys] = [row('x'), row('f(x)'), row('f′(x)')];
  assert.ok(xs.length === ys.length && xs.length === dys.length);
  return xs.map((x, i) => ({ x, y: ys[i], dy: dys[i] }));
}

function close(a: number, b: number, digits = 4): boolean {
  return Math.abs(a - b) <= Math.abs(b) * 10 ** (1 - digits) + 1e-12;
}

describe('hoverMarkdown', () => {
  it('issue 2: F.relu in Python gives name, formulas, and f, f′ equal to PyTorch at shown points', () => {
    const text = 'import torch.nn.functional as F\ny = F.relu(x)\n';
    const c = recognizeAt(text, text.indexOf('relu('), 'python');
    assert.ok(c, 'recognized');
    const facts = factsFor(c)!;
    const md = hoverMarkdown({
      facts,
      callText: 'F.relu(x)',
      settings: SETTINGS,
      theme: 'dark',
      formulas: storeFor(['relu']),
    });
    assert.equal(
      md.split('\n')[0],
      '**ReLU** · PyTorch · <code>F&#46;relu&#40;x&#41;</code>',
      'the call as written, every character but letters and digits a character reference',
    );
    assert.equal(
      (md.match(/<img src="data:image\/svg\+xml;base64,[^"]+" alt="f(&#x2032;)?\(x\) = /g) ?? [])
        .length,
      2,
    );
    const ref = reference.scalar.find(
      (r) => r.id === 'relu' && Object.keys(r.params).length === 0,
    )!;
    const shown = rows(md);
    assert.ok(shown.length >= 3);
    let matched = 0;
    for (const r of shown) {
      const i = ref.x.indexOf(r.x);
      if (i >= 0) {
        matched++;
        assert.ok(close(r.y, ref.y[i]) && close(r.dy, ref.dy[i]), `relu at ${r.x}`);
      }
    }
    assert.ok(matched >= 1, 'at least one shown point is in the reference (0 is)');
  });

  it("every value shown at a point PyTorch's reference has equals PyTorch's", () => {
    for (const [id, params] of [
      ['leaky_relu', { negative_slope: 0.2 }],
      ['elu', { alpha: 0.5 }],
      ['gelu', { approximate: 'tanh' }],
      ['softplus', { beta: 2 }],
      ['hardtanh', { min_val: -2, max_val: 2 }],
      ['silu', {}],
      ['relu6', {}],
      ['celu', { alpha: 2 }],
    ] as const) {
      const ref = reference.scalar.find(
        (r) => r.id === id && JSON.stringify(r.params) === JSON.stringify(params),
      );
      assert.ok(ref, `${id} ${JSON.stringify(params)} is in the reference`);
      const shown = rows(render(call(id, params, 'pytorch')));
      assert.ok(shown.length >= 3, id);
      let matched = 0;
      for (const r of shown) {
        const i = ref.x.indexOf(r.x);
        if (i >= 0) {
          matched++;
          assert.ok(
            close(r.y, ref.y[i]) && close(r.dy, ref.dy[i]),
            `${id} at ${r.x}: ${r.y}, ${r.dy} vs PyTorch ${ref.y[i]}, ${ref.dy[i]}`,
          );
        }
      }
      assert.ok(matched >= 1, `${id}: a shown point is in the reference`);
    }
  });

  it("marks kinks with autograd's side, checked against PyTorch's reference slopes", () => {
    const md = render(call('relu6', {}, 'pytorch'));
    const ref = reference.scalar.find((r) => r.id === 'relu6')!;
    for (const k of [0, 6]) {
      const row = rows(md).find((r) => r.x === k);
      assert.ok(row, `row at kink ${k}`);
      const at = ref.dy[ref.x.indexOf(k)];
      const left = ref.dy[ref.x.indexOf(k === 0 ? -0.5 : 3)];
      assert.equal(row.dy, at);
      const side = at === left ? 'left' : 'right';
      assert.ok(
        md.includes(`Kink at x = ${k}: PyTorch's autograd returns the ${side}-hand slope.`),
        md,
      );
    }
  });

  it('a numeric argument gives one line at that x', () => {
    const md = render(call('leaky_relu', { negative_slope: 0.01 }, 'pytorch', { arg: -2 }));
    const m = /At x = (\S+): f\(x\) = \*\*(\S+)\*\*, f′\(x\) = \*\*(\S+)\*\*/.exec(md);
    assert.ok(m, md);
    // leaky_relu(−2) with slope 0.01: −0.02, slope 0.01.
    assert.equal(parseFormatted(m[1]), -2);
    assert.ok(close(parseFormatted(m[2]), -0.02) && close(parseFormatted(m[3]), 0.01));
    assert.equal(rows(md).length, 0, 'no table as well');
  });

  it('shows a non-literal parameter with the default used', () => {
    const md = render(
      call('leaky_relu', { negative_slope: 0.01 }, 'pytorch', { nonLiteral: ['negative_slope'] }),
    );
    assert.match(md, /negative\\_slope = 0\.01 \(not a literal in the code: default used\)/);
  });

  it("names a framework's own default: JAX's tanh GELU", () => {
    const md = render(call('gelu', { approximate: 'tanh' }, 'jax'));
    const [title, params] = md.split('\n');
    assert.match(title, /^\*\*GELU \(tanh approximation\)\*\* · JAX · /);
    assert.match(params, /approximate = 'tanh' — JAX's default/);
  });

  it('falls back to the Unicode formula when no typeset image exists', () => {
    const md = render(
      call('relu', {}, 'pytorch'),
      SETTINGS,
      new FormulaImages({ version: 1, formulas: {} }),
    );
    assert.ok(md.includes(`<code>f(x) = ${formulasOf('relu').f.unicode}</code>`), md);
    assert.ok(!/alt="f\(x\)/.test(md));
  });

  it('leaves out each section switched off', () => {
    const off = (s: HoverSection): HoverSettings => ({
      ...SETTINGS,
      sections: { ...ALL_ON, [s]: false },
    });
    const c = call('relu6', {}, 'pytorch');
    const store = storeFor(['relu6']);
    assert.ok(!/alt="f\(x\)/.test(render(c, off('formulas'), store)));
    assert.ok(!render(c, off('plot'), store).includes('f solid'));
    assert.equal(rows(render(c, off('values'), store)).length, 0);
    assert.ok(!render(c, off('properties'), store).includes('range '));
    assert.ok(!render(c, off('actions'), store).includes('command:'));
    const all = render(c, SETTINGS, store);
    for (const piece of ['alt="f(x) = ', 'f solid', 'range ', 'command:activationLens.plot']) {
      assert.ok(all.includes(piece), piece);
    }
  });

  it('shows framework differences only to the frameworks they name', () => {
    let checked = 0;
    for (const info of listActivations()) {
      for (const d of info.differences) {
        checked++;
        const named = d.frameworks[0];
        const other = (['pytorch', 'keras', 'jax', 'flux', 'tfjs'] as Framework[]).find(
          (f) => !d.frameworks.includes(f),
        );
        // Every default given, but the parameter whose absence the difference is about.
        const params = Object.fromEntries(
          info.params.filter((p) => p.name !== d.unlessGiven).map((p) => [p.name, p.default]),
        );
        assert.ok(
          render(call(info.id, params, named)).includes(d.text.slice(0, 20).replace(/_/g, '\\_')),
          `${info.id} ${named}`,
        );
        if (other && info.differences.every((x) => !x.frameworks.includes(other))) {
          assert.ok(!render(call(info.id, params, other)).includes('⚠'), `${info.id} ${other}`);
        }
      }
    }
    assert.ok(checked >= 10, `${checked} differences`);
  });

  it('drops a difference the code already settles (softmax with its dim given)', () => {
    const warning = 'without dim';
    assert.ok(render(call('softmax', {}, 'pytorch')).includes(warning));
    assert.ok(!render(call('softmax', { dim: -1 }, 'pytorch')).includes(warning));
    assert.ok(
      !render(call('softmax', {}, 'pytorch', { nonLiteral: ['dim'] })).includes(warning),
      'a dim given as an expression settles it too',
    );
  });

  it("names PyTorch's autograd at a kink only for PyTorch code", () => {
    // tf.keras 2 hard sigmoid: kinks at ±2.5, where PyTorch's own hardsigmoid has none.
    const keras = render(call('hardsigmoid', { slope: 0.2 }, 'keras'));
    assert.ok(!keras.includes("PyTorch's autograd returns"), keras);
    // The 0.2 slope exists only in tf.keras 2 and TF.js, whose clip passes the slope at both ends.
    assert.match(
      keras,
      /Kink at x = −2\.5: the value shown is the right-hand slope, tf\.clip\\_by\\_value's \(tf\.keras 2, TF\.js\) convention\./,
    );
    assert.doesNotMatch(keras, /PyTorch's convention/);
    const torch = render(call('relu6', {}, 'libtorch'));
    assert.match(torch, /Kink at x = 0: PyTorch's autograd returns the (left|right)-hand slope\./);
  });

  it("vector functions: no plot, an example output equal to PyTorch's", () => {
    const md = render(call('softmax', {}, 'pytorch'));
    assert.ok(!md.includes('f solid'));
    const m = /f\(\[([^\]]*)\]\) = \[([^\]]*)\]/.exec(md);
    assert.ok(m, md);
    const input = m[1].split(', ').map(parseFormatted);
    const ref = reference.vector.find(
      (r) => r.id === 'softmax' && JSON.stringify(r.z) === JSON.stringify(input),
    );
    assert.ok(ref, `softmax of ${JSON.stringify(input)} is in the reference`);
    const expected = ref.y;
    m[2]
      .split(', ')
      .map(parseFormatted)
      .forEach((v, i) => assert.ok(close(v, expected[i])));
  });

  it('links Plot and Compare with JSON-safe parameters (relu: no ∞)', () => {
    const md = render(call('relu', {}, 'keras'));
    const plot = /command:activationLens\.plot\?([^ )]+)/.exec(md);
    assert.ok(plot);
    const [args] = JSON.parse(decodeURIComponent(plot[1]));
    assert.equal(args.series[0].id, 'relu');
    assert.ok(Object.values(args.series[0].params).every((v) => v !== null));
  });

  it('never throws, for every activation and framework, with the plot range fixed or auto', () => {
    const frameworks: Framework[] = [
      'pytorch',
      'libtorch',
      'keras',
      'tensorflow',
      'tfjs',
      'jax',
      'flax',
      'flux',
      'numpy',
      'candle',
      'burn',
      'other',
    ];
    for (const info of listActivations()) {
      const params = Object.fromEntries(
        info.params.map((p) => [p.name, p.frameworkDefaults?.keras ?? p.default]),
      );
      for (const framework of frameworks) {
        for (const plotRange of ['auto', 'fixed'] as const) {
          const md = render(call(info.id, params, framework), {
            ...SETTINGS,
            plotRange,
            fixedRange: 3,
          });
          assert.ok(md.startsWith(`**${info.name}`.slice(0, 4)), `${info.id} ${framework}`);
        }
      }
    }
  });

  it('gives no facts for an unknown id', () => {
    assert.equal(factsFor(call('no_such_activation', {}, 'pytorch')), undefined);
  });
});
