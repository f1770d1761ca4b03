/**
 * Issue 10: file text cannot escape the hover. Call texts an attacker could write go through the hover
 * builder and then through VS Code's own rendering (marked + its sanitizer allow-list, reproduced in
 * vscodeHoverRender.ts); the rendered hover must be our hover with the call shown as plain text, nothing
 * more: the same images (our data: URIs), links (our commands, our arguments) and icons as for a
 * harmless call.
 */
import { strict as assert } from 'node:assert';
import { formulasOf, getActivation, recognizeAt, type RecognizedCall } from '../../src/core';
import { parseFormatted } from '../../src/core/numberFormat';
import { factsFor } from '../../src/hover/activationFacts';
import { callText } from '../../src/hover/callText';
import { FormulaImages, formulaLines } from '../../src/hover/formulaImages';
import { hoverMarkdown, type HoverSettings } from '../../src/hover/hoverMarkdown';
import { mulberry32 } from './coreRandom';
import { attr, elements, renderHover, serialize, textOf } from './vscodeHoverRender';

const SETTINGS: HoverSettings = {
  sections: {
    formulas: true,
    plot: true,
    values: true,
    properties: true,
    differences: true,
    actions: true,
  },
  significantDigits: 4,
  plotRange: 'auto',
  fixedRange: 5,
};

function store(id: string): FormulaImages {
  const formulas: Record<string, string> = {};
  for (const line of formulaLines(formulasOf(id), getActivation(id).kind)) {
    formulas[line.tex] =
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="5"><g fill="currentColor"/></svg>';
  }
  return new FormulaImages({ version: 1, formulas });
}

const RELU: RecognizedCall = { id: 'relu', params: {}, framework: 'pytorch', start: 0, end: 4 };
const FACTS = factsFor(RELU)!;
const FORMULAS = store('relu');

function hover(text: string, facts = FACTS): string {
  return hoverMarkdown({
    facts,
    callText: text,
    settings: SETTINGS,
    theme: 'dark',
    formulas: FORMULAS,
  });
}

/** The rendered hover with the title's code element emptied: what must not depend on the file. */
function shape(markdown: string): { html: string; code: string } {
  const fragment = renderHover(markdown);
  const code = elements(fragment).find((e) => e.tagName === 'code');
  assert.ok(code, 'the title shows the call in a <code> element');
  const text = textOf(code);
  code.childNodes = [];
  return { html: serialize(fragment), code: text };
}

const BASELINE = shape(hover('CALL')).html;

/** Bidi, zero-width and control characters the issue names, plus C0/C1 controls and separators. */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;

/**
 * What the reader must see for a call text, from the rules: whitespace runs as one space, each
 * invisible character as `<U+XXXX>`, a lone surrogate as U+FFFD, and over 120 code points cut to 119
 * plus `…`.
 */
function expectedShown(text: string): string {
  const points: string[] = [];
  for (const ch of text.replace(/[\t\n\r]+/g, ' ')) {
    const cp = ch.codePointAt(0)!;
    if (INVISIBLE.test(ch)) {
      points.push(...`<U+${cp.toString(16).toUpperCase().padStart(4, '0')}>`);
    } else {
      points.push(cp >= 0xd800 && cp <= 0xdfff ? '\ufffd' : ch);
    }
  }
  return points.length > 120 ? `${points.slice(0, 119).join('')}…` : points.join('');
}

const PIECES = [
  '[',
  ']',
  '](',
  ')',
  '(',
  '<',
  '>',
  '&',
  '"',
  "'",
  '\\',
  '*',
  '_',
  '~~',
  '|',
  '#',
  '!',
  '$(alert)',
  '$(',
  '&lt;',
  '&#60;',
  '&amp;',
  '<!--',
  '-->',
  '<img src=https://example.invalid/t.png>',
  '<a href="https://example.invalid">',
  '</code>',
  '<script>alert(1)</script>',
  '<svg onload=alert(1)>',
  '![x](https://example.invalid/i.png)',
  '[Docs](https://example.invalid/)',
  '[go](command:activationLens.compare?%5B%7B%22series%22%3A%5B%5D%7D%5D)',
  'command:workbench.action.terminal.new',
  'https://example.invalid/x',
  'javascript:alert(1)',
  'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=',
  'www.example.invalid',
  'a@example.invalid',
  '<https://example.invalid>',
  '\n',
  '\r\n',
  '\n\n',
  '\t',
  '\u0000',
  '\u0007',
  '\u001b[31m',
  '\u0085',
  '\u202a',
  '\u202e',
  '\u2066',
  '\u2069',
  '\u200b',
  '\u200f',
  '\ufeff',
  '\u2028',
  '😀',
  '\ud83d',
  '\ude00',
  'F.relu(x, ',
  'x',
  ' ',
  '    ',
  '1. ',
  '- ',
  '> ',
  '---',
  '==',
];

/** A call text of 0–14 pieces; a backtick run of length 1–12 is a piece as often as any other. */
function generate(random: () => number): string {
  const n = Math.floor(random() * 15);
  let s = '';
  for (let i = 0; i < n; i++) {
    s +=
      random() < 0.25
        ? '`'.repeat(1 + Math.floor(random() * 12))
        : PIECES[Math.floor(random() * PIECES.length)];
  }
  return s;
}

describe('hover safety: file text is shown, never rendered', () => {
  it('the baseline hover holds only our images, links and icon', () => {
    const fragment = renderHover(hover('CALL'));
    const all = elements(fragment);
    const imgs = all.filter((e) => e.tagName === 'img');
    assert.ok(imgs.length >= 2, 'formulas and plot');
    for (const img of imgs) {
      assert.match(attr(img, 'src') ?? '', /^data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+$/);
    }
    const hrefs = all.filter((e) => e.tagName === 'a').map((a) => attr(a, 'href') ?? '');
    assert.deepEqual(
      hrefs.map((h) => h.replace(/\?.*/, '')),
      [
        'command:activationLens.plot',
        'command:activationLens.compare',
        FACTS.info.docs.pytorch,
        // "Signal through depth": the plot command opening the depth view.
        'command:activationLens.plot',
      ],
    );
    const [plot] = JSON.parse(decodeURIComponent(hrefs[0].slice(hrefs[0].indexOf('?') + 1)));
    // The effective parameters, less relu's max_value = ∞ (JSON has no ∞: the panel's default).
    const { max_value: _none, ...finite } = FACTS.params;
    assert.deepEqual(plot, { series: [{ id: 'relu', params: finite }] });
    const icons = all.filter((e) => e.tagName === 'span').map((e) => attr(e, 'class'));
    assert.deepEqual(icons, ['codicon codicon-graph-line']);
  });

  it('2000 generated call texts: the rendered hover is the baseline with the call as text', () => {
    const random = mulberry32(0x10ad);
    for (let i = 0; i < 2000; i++) {
      const text = generate(random);
      const got = shape(hover(text));
      assert.equal(got.code, expectedShown(text), `case ${i}: ${JSON.stringify(text)}`);
      assert.equal(got.html, BASELINE, `case ${i}: ${JSON.stringify(text)}`);
    }
  });

  it('long texts are cut on a code point: no half surrogate pair', () => {
    for (let pad = 0; pad < 4; pad++) {
      const text = 'x'.repeat(pad) + '😀'.repeat(200);
      const got = shape(hover(text));
      assert.equal(got.html, BASELINE);
      assert.equal(got.code, expectedShown(text));
      assert.ok(!/[\ud800-\udfff]/u.test(got.code.replace(/😀/gu, '')), 'no lone surrogate');
    }
  });

  it('issue 10 reproduction: a double backtick in the call cannot fetch a remote image', () => {
    const source =
      'import torch.nn.functional as F\n' +
      'y = F.relu(x, "`` <img src=https://example.invalid/t.png> ``")\n';
    const at = source.indexOf('relu');
    const c = recognizeAt(source, at, 'python');
    assert.ok(c, 'recognized');
    const facts = factsFor(c)!;
    const written = callText(source, c.start, c.end);
    const fragment = renderHover(hover(written, facts));
    const srcs = elements(fragment)
      .filter((e) => e.tagName === 'img')
      .map((e) => attr(e, 'src') ?? '');
    assert.ok(srcs.length > 0);
    assert.ok(
      srcs.every((s) => s.startsWith('data:image/svg+xml;base64,')),
      srcs.join('\n'),
    );
  });

  it('issue 10 reproduction: a file cannot add a link or choose command arguments', () => {
    const source =
      'import torch.nn.functional as F\n' +
      'y = F.relu(x, "`` [Docs](https://example.invalid) [go](command:activationLens.compare?' +
      '%5B%7B%22series%22%3A%5B%7B%22id%22%3A%22elu%22%7D%5D%7D%5D) ``")\n';
    const c = recognizeAt(source, source.indexOf('relu'), 'python');
    assert.ok(c, 'recognized');
    const fragment = renderHover(hover(callText(source, c.start, c.end), factsFor(c)!));
    const hrefs = elements(fragment)
      .filter((e) => e.tagName === 'a')
      .map((e) => attr(e, 'href') ?? '');
    const ours = elements(renderHover(hover('F.relu(x)', factsFor(c)!)))
      .filter((e) => e.tagName === 'a')
      .map((e) => attr(e, 'href'));
    assert.deepEqual(hrefs, ours);
    assert.ok(!hrefs.some((h) => h.includes('example.invalid')));
  });

  it('a vector activation links Plot to the Softmax view with the logits the hover shows', () => {
    const facts = factsFor({ id: 'softmax', params: {}, framework: 'pytorch', start: 0, end: 7 })!;
    const md = hoverMarkdown({
      facts,
      callText: 'F.softmax(z, dim=-1)',
      settings: SETTINGS,
      theme: 'dark',
      formulas: store('softmax'),
    });
    const shown = /f\(\[([^\]]*)\]\) =/.exec(md);
    assert.ok(shown, 'the example input');
    const href = elements(renderHover(md))
      .filter((e) => e.tagName === 'a')
      .map((e) => attr(e, 'href') ?? '')
      .find((h) => h.startsWith('command:activationLens.plot?'));
    assert.ok(href);
    const [args] = JSON.parse(decodeURIComponent(href.slice(href.indexOf('?') + 1)));
    assert.equal(args.series[0].id, 'softmax');
    assert.deepEqual(args.series[0].logits, shown[1].split(', ').map(parseFormatted));
  });
});
