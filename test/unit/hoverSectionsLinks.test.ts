/**
 * The hover's structure and links: each section switch leaves no empty cell, paragraph or rule behind; the
 * plot marks only the kinks it shows; the title lists the parameters that matter and says when a value is
 * the framework's own default; the properties line states the dead region and PyTorch's
 * torch.nn.init.calculate_gain (docs table: ReLU √2, tanh 5/3, sigmoid 1, SELU 3/4); the links carry the
 * entry and the catalogue's related entries.
 */
import { strict as assert } from 'node:assert';
import { getActivation, type Framework, type RecognizedCall } from '../../src/core';
import type { HoverSection } from '../../src/config';
import { factsFor } from '../../src/hover/activationFacts';
import { hoverMarkdown, type HoverSettings } from '../../src/hover/hoverMarkdown';
import { actionsMarkdown, texUses } from '../../src/hover/hoverText';
import { ALL_ON, SETTINGS } from './hoverTestSettings';

function render(
  id: string,
  params: RecognizedCall['params'] = {},
  framework: Framework = 'pytorch',
  settings: HoverSettings = SETTINGS,
  extra: Partial<RecognizedCall> = {},
): string {
  const facts = factsFor({ id, params, framework, start: 0, end: id.length, ...extra });
  assert.ok(facts, id);
  return hoverMarkdown({
    facts,
    callText: `${id}(x)`,
    settings,
    theme: 'dark',
    formulas: undefined,
  });
}

function only(on: HoverSection[], extra: Partial<HoverSettings> = {}): HoverSettings {
  const sections = Object.fromEntries(
    Object.keys(ALL_ON).map((k) => [k, on.includes(k as HoverSection)]),
  );
  return { ...SETTINGS, ...extra, sections: sections as HoverSettings['sections'] };
}

/** The SVG of the hover's plot, decoded. */
function plot(md: string): string {
  const m = /<img src="data:image\/svg\+xml;base64,([^"]+)" alt="[^"]*f solid/.exec(md);
  assert.ok(m, 'a plot');
  return Buffer.from(m[1], 'base64').toString('utf8');
}

/** The [series] argument of the first command link to `command`. */
function linkArgs(md: string, command: string): { series: { id: string; params: object }[] } {
  const m = new RegExp(`\\(command:${command.replace('.', '\\.')}\\?([^ )]+)`).exec(md);
  assert.ok(m, command);
  return JSON.parse(decodeURIComponent(m[1]))[0];
}

const SUBSETS: HoverSection[][] = [
  [],
  ['formulas'],
  ['plot'],
  ['formulas', 'plot'],
  ['values', 'actions'],
  ['differences'],
  ['properties', 'differences', 'actions'],
  Object.keys(ALL_ON) as HoverSection[],
];

describe('hover sections leave nothing empty behind', () => {
  it('no empty paragraph, rule or table cell for any set of sections, scalar or vector', () => {
    assert.equal(SUBSETS.length, 8);
    for (const [id, fw] of [
      ['leaky_relu', 'keras'],
      ['relu', 'pytorch'],
      ['softmax', 'pytorch'],
    ] as const) {
      for (const on of SUBSETS) {
        const md = render(id, {}, fw, only(on));
        const what = `${id} ${on.join(',') || 'none'}`;
        assert.doesNotMatch(md, /\n\n\n/, `${what}: an empty paragraph`);
        assert.doesNotMatch(md, /---\n\n---|---\n*$|^\n/, `${what}: an empty rule`);
        assert.doesNotMatch(md, /<td valign="top"><\/td>/, `${what}: an empty cell`);
      }
    }
  });

  it('formulas and plot sit side by side only when both are on', () => {
    const both = render('relu');
    assert.match(both, /<table><tr><td valign="top"><code>.*<\/td><td valign="top"><img /s);
    for (const on of [['formulas'], ['plot']] as HoverSection[][]) {
      const md = render('relu', {}, 'pytorch', only(on));
      assert.doesNotMatch(md, /<td valign="top">/, on[0]);
    }
    assert.match(
      render('relu', {}, 'pytorch', only(['formulas'])),
      /<code>f\(x\) = max\(0, x\)<\/code>/,
    );
    assert.doesNotMatch(render('relu', {}, 'pytorch', only(['formulas'])), /f solid/);
    assert.doesNotMatch(render('relu', {}, 'pytorch', only(['plot'])), /<code>f\(x\)/);
    assert.match(render('relu', {}, 'pytorch', only(['plot'])), /f solid/);
  });

  it('each section is its own paragraph; a vector hover has no plot cell and no dead region', () => {
    const md = render('relu');
    assert.match(md, /<\/table>\n\n<table><tr><th align="left">x<\/th>/);
    assert.match(md, /<\/table>\n\n(?:[^\n]*\n\n)?range /);
    // The plot is one bare <img>: no width (it is drawn at its own size), nothing else in the tag.
    assert.match(
      md,
      /<img src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+" alt="ReLU: f solid, f&#x2032; dashed">/,
    );
    const softmax = render('softmax');
    assert.doesNotMatch(softmax, /<td valign="top">/);
    assert.doesNotMatch(softmax, /f′ = 0/);
  });

  it('only the title when every section is off', () => {
    const md = render('relu', {}, 'pytorch', only([]));
    assert.doesNotMatch(md, /\n/);
    assert.match(md, /^\*\*ReLU\*\* · PyTorch · /);
  });

  it('the values under the formula name the formula’s own symbols, with no empty line', () => {
    const md = render('leaky_relu', { negative_slope: 0.2 }, 'pytorch', only(['formulas']));
    // Escaped for the HTML: α is &#x3b1;.
    assert.match(md, /<code>[^<]*&#x3b1;[^<]*<\/code><br>&#x3b1; = 0\.2$/);
    const two = render('relu', { negative_slope: 0.1, threshold: 1 }, 'keras', only(['formulas']));
    // No cap (max_value = None): the formula has no m, so no "m = ∞" under it.
    assert.match(two, /<br>&#x3b1; = 0\.1 &#xb7; &#x3b8; = 1$/);
    const three = render('relu', { max_value: 5, threshold: 1 }, 'keras', only(['formulas']));
    assert.match(three, /<br>&#x3b1; = 0 &#xb7; m = 5 &#xb7; &#x3b8; = 1$/);
    const plain = render('relu', {}, 'pytorch', only(['formulas']));
    // max(0, x) uses none of relu's Keras symbols: nothing under it.
    assert.match(plain, /<\/code>$/);
    assert.doesNotMatch(plain, /<br>$|<br><br>/);
  });
});

describe('the plot marks the kinks it shows', () => {
  it('ReLU6: both kinks on the automatic range, only 0 on a fixed range of ±3', () => {
    const auto = plot(render('relu6'));
    assert.equal(auto.match(/<circle /g)?.length, 2);
    const fixed = plot(
      render('relu6', {}, 'pytorch', { ...SETTINGS, plotRange: 'fixed', fixedRange: 3 }),
    );
    assert.equal(fixed.match(/<circle /g)?.length, 1);
    assert.equal(fixed.match(/stroke-dasharray="1 3"/g)?.length, 1);
    // A kink on the range's own end is still shown.
    const edge = plot(
      render('relu6', {}, 'pytorch', { ...SETTINGS, plotRange: 'fixed', fixedRange: 6 }),
    );
    assert.equal(edge.match(/<circle /g)?.length, 2);
  });

  it('hardtanh: kinks ±1 on both ends of a fixed ±1 are shown, outside ±0.5 neither', () => {
    const at = (fixedRange: number) =>
      plot(
        render('hardtanh', {}, 'pytorch', { ...SETTINGS, plotRange: 'fixed', fixedRange }),
      ).match(/<circle /g)?.length ?? 0;
    assert.equal(at(1), 2);
    assert.equal(at(0.5), 0);
  });

  it('plotRange "auto" leaves the argument a quarter of its size, at least 1, from the edge', () => {
    const range = (arg: number): [number, number] => {
      const m = /x (?:∈|&#x2208;) \[([^,\]]+), ([^\]]+)\]/.exec(
        plot(render('tanh', {}, 'pytorch', SETTINGS, { arg })),
      );
      assert.ok(m);
      return [Number(m[1].replace('−', '-')), Number(m[2].replace('−', '-'))];
    };
    assert.equal(range(40)[1], 50);
    assert.equal(range(-40)[0], -50);
    // Just past the catalogue range the margin is 1, not a quarter of a small |x|.
    const [, hi] = getActivation('hardtanh').plotRange;
    assert.ok(hi + 0.5 < 4);
    const near = /x (?:∈|&#x2208;) \[[^,\]]+, ([^\]]+)\]/.exec(
      plot(render('hardtanh', {}, 'pytorch', SETTINGS, { arg: hi + 0.5 })),
    );
    assert.equal(Number(near?.[1]), hi + 1.5);
  });
});

describe('the title', () => {
  it("GELU's name says the tanh approximation, and nothing for the exact one", () => {
    assert.match(render('gelu', { approximate: 'tanh' }), /^\*\*GELU \(tanh approximation\)\*\*/);
    assert.match(render('gelu', { approximate: 'none' }), /^\*\*GELU\*\* ·/);
  });

  it("says a value is the framework's own default only when it is (Keras leaky_relu 0.2, layers.LeakyReLU 0.3)", () => {
    // keras.activations.leaky_relu(x, negative_slope=0.2); PyTorch's default is 0.01.
    const title = (p: RecognizedCall['params'], fw: Framework) =>
      render('leaky_relu', p, fw).split('\n---')[0];
    assert.match(
      title({ negative_slope: 0.2 }, 'keras'),
      /negative\\_slope = 0\.2 — Keras's default/,
    );
    assert.doesNotMatch(title({ negative_slope: 0.3 }, 'keras'), /default/);
    assert.doesNotMatch(title({ negative_slope: 0.2 }, 'pytorch'), /default/);
    assert.match(title({ negative_slope: 0.2 }, 'pytorch'), /negative\\_slope = 0\.2/);
    // Keras code that passes PyTorch's 0.01 sees it listed: Keras has a default of its own.
    assert.match(title({ negative_slope: 0.01 }, 'keras'), /negative\\_slope = 0\.01/);
    // Two parameters worth listing are separated.
    assert.match(
      render('relu', { negative_slope: 0.1, threshold: 1 }, 'keras'),
      /negative\\_slope = 0\.1 · threshold = 1/,
    );
    // PyTorch's own default is not listed at all: it is the catalogue's.
    assert.doesNotMatch(title({ negative_slope: 0.01 }, 'pytorch'), /negative/);
  });
});

describe('the properties line', () => {
  it('states where f′ = 0 and PyTorch’s calculate_gain', () => {
    const props = (id: string) => render(id, {}, 'pytorch', only(['properties']));
    assert.match(props('relu'), /f′ = 0 for x \\?< 0/);
    assert.doesNotMatch(props('tanh'), /f′ = 0/);
    assert.match(props('relu'), /calculate\\_gain 1\.414/);
    assert.match(props('tanh'), /calculate\\_gain 1\.667/);
    assert.match(props('sigmoid'), /calculate\\_gain 1\b/);
    assert.match(props('selu'), /calculate\\_gain 0\.75/);
    // softplus has no entry in calculate_gain's table.
    assert.doesNotMatch(props('softplus'), /calculate/);
  });

  it('the notes follow in italics, as text', () => {
    const md = render('relu', {}, 'pytorch', only(['properties']));
    const notes = /\n\*(.+)\*$/.exec(md);
    assert.ok(notes, md);
    assert.ok(notes[1].length > 40 && !/^(undefined\s*)+$/.test(notes[1]), notes[1]);
    // The notes are sentences separated by a space.
    assert.doesNotMatch(notes[1], /[a-z)]\.[A-Z]/);
  });
});

describe('differences and links', () => {
  it('two differences for one framework are two lines, each with a labelled source link', () => {
    const md = render('leaky_relu', {}, 'keras', only(['differences']));
    const lines = md.split('\n').filter((l) => l.startsWith('⚠'));
    assert.equal(lines.length, 2, md);
    for (const l of lines) {
      assert.match(l, /\(\[source\]\(https:\/\/[^ )]+ "[^"]+"\)\) *$/);
    }
  });

  it('Plot opens this entry; Compare adds the catalogue’s related entries with their defaults', () => {
    const info = getActivation('relu');
    assert.ok(info.related.length > 0);
    const md = render('relu', {}, 'pytorch', only(['actions']));
    assert.deepEqual(
      linkArgs(md, 'activationLens.plot').series.map((s) => s.id),
      ['relu'],
    );
    const compare = linkArgs(md, 'activationLens.compare').series;
    assert.deepEqual(
      compare.map((s) => s.id),
      ['relu', ...info.related],
    );
    assert.ok(compare.slice(1).every((s) => Object.keys(s.params).length === 0));
    assert.match(md, /\[\$\(graph-line\) Plot\]\(command:activationLens\.plot\?/);
    assert.ok(md.includes(` "Compare with ${info.related.join(', ')}")`));
    assert.match(md, /"\) · \[Compare\]\(command:activationLens\.compare\?/);
  });

  it('a vector entry’s Plot link carries the example logits; a scalar’s none', () => {
    const softmax = factsFor({
      id: 'softmax',
      params: {},
      framework: 'pytorch',
      start: 0,
      end: 7,
    })!;
    const args = linkArgs(actionsMarkdown(softmax), 'activationLens.plot').series[0] as {
      logits?: number[];
    };
    assert.ok(args.logits && args.logits.length >= 2);
    const relu = factsFor({ id: 'relu', params: {}, framework: 'pytorch', start: 0, end: 4 })!;
    const r = linkArgs(actionsMarkdown(relu), 'activationLens.plot').series[0] as {
      logits?: number[];
    };
    assert.equal(r.logits, undefined);
  });

  it("tf.keras 2 code links tf.keras 2's page, Keras 3 code keras.io", () => {
    const keras3 = render('relu', {}, 'keras', only(['actions']));
    const tf2 = render('relu', {}, 'keras', only(['actions']), { tfKeras: true });
    const docs = (md: string) => /\[Docs\]\(([^)]+)\)/.exec(md)?.[1];
    assert.match(docs(keras3) ?? '', /^https:\/\/keras\.io\//);
    assert.match(docs(tf2) ?? '', /^https:\/\/www\.tensorflow\.org\//);
  });
});

describe('texUses: a formula symbol, not part of a command or word', () => {
  it('finds m and α as symbols and not inside \\max or \\alphabet', () => {
    assert.equal(texUses('\\min(x, m)', 'm'), true);
    assert.equal(texUses('\\max(0, x)', 'm'), false);
    assert.equal(texUses('\\alpha x', '\\alpha'), true);
    assert.equal(texUses('\\alphabet', '\\alpha'), false);
    assert.equal(texUses('x^2 + b', 'b'), true);
    assert.equal(texUses('\\beta x', 'b'), false);
  });
});
