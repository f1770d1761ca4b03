/** Pure hover helpers in plain Node: number formatting, call text, data URIs, the formula store. */
import { strict as assert } from 'node:assert';
import { callText } from '../../src/hover/callText';
import { FormulaImages, parseFormulaStore } from '../../src/hover/formulaImages';
import { formatNumber, parseFormatted } from '../../src/core/numberFormat';
import { escapeXml, svgDataUri } from '../../src/hover/svgDataUri';
import { factsFor } from '../../src/hover/activationFacts';
import { coloursFor, themeKindFromCode } from '../../src/hover/themeColours';

function decode(uri: string): string {
  const prefix = 'data:image/svg+xml;base64,';
  assert.ok(uri.startsWith(prefix), uri.slice(0, 40));
  return Buffer.from(uri.slice(prefix.length), 'base64').toString('utf8');
}

describe('formatNumber', () => {
  it('rounds to the requested significant digits and drops trailing zeros', () => {
    assert.equal(formatNumber(0.123456, 4), '0.1235');
    assert.equal(formatNumber(2.5, 4), '2.5');
    assert.equal(formatNumber(1, 6), '1');
    assert.equal(formatNumber(1234.5678, 2), '1200');
  });
  it('uses a true minus sign and prints -0 as 0', () => {
    assert.equal(formatNumber(-0.5, 3), '\u22120.5');
    assert.equal(formatNumber(-0, 3), '0');
  });
  it('switches to exponent notation for tiny and huge magnitudes', () => {
    assert.equal(formatNumber(1.5e-7, 3), '1.5e\u22127');
    assert.equal(formatNumber(-2.25e9, 3), '\u22122.25e9');
  });
  it('prints non-finite values instead of throwing', () => {
    assert.equal(formatNumber(NaN, 4), 'NaN');
    assert.equal(formatNumber(Infinity, 4), '∞');
    assert.equal(formatNumber(-Infinity, 4), '\u2212∞');
  });
  it('reads back what it printed within the printed precision', () => {
    for (const x of [Math.PI, -Math.E, 1e-8, -3.3e12, 0.000123456, 98765.4321]) {
      for (const digits of [2, 4, 7, 12]) {
        const back = parseFormatted(formatNumber(x, digits));
        assert.ok(
          Math.abs(back - x) <= Math.abs(x) * 10 ** (1 - digits),
          `${x} @${digits}: ${back}`,
        );
      }
    }
  });
});

describe('callText', () => {
  it('takes the call through its closing parenthesis', () => {
    const src = 'y = nn.LeakyReLU(negative_slope=0.2)(x)';
    assert.equal(callText(src, 4, 16), 'nn.LeakyReLU(negative_slope=0.2)');
  });
  it('follows nesting and strings with parentheses inside', () => {
    const src = 'F.gelu(f(a, b), approximate=")") + 1';
    assert.equal(callText(src, 0, 6), 'F.gelu(f(a, b), approximate=")")');
  });
  it('joins a call spread over lines into one line', () => {
    const src = 'Dense(\n    64,\n    activation="swish",\n)';
    assert.equal(callText(src, 0, 5), 'Dense(64, activation="swish",)');
  });
  it('shows the call a name is passed to: a string activation, a Flux layer', () => {
    const keras = 'model.add(layers.Dense(64, activation="swish"))';
    const at = keras.indexOf('swish');
    assert.equal(callText(keras, at, at + 5), 'layers.Dense(64, activation="swish")');
    const flux = 'Chain(\n    Dense(10 => 5, relu),\n)';
    const r = flux.indexOf('relu');
    assert.equal(callText(flux, r, r + 4), 'Dense(10 => 5, relu)');
    const tfjs = "tf.layers.dense({ units: 1, activation: 'relu' })";
    const t = tfjs.indexOf('relu');
    assert.equal(callText(tfjs, t, t + 4), "tf.layers.dense({units: 1, activation: 'relu'})");
  });
  it('takes spaces or a tab between the name and its parenthesis', () => {
    assert.equal(callText('F.relu (x) + 1', 0, 6), 'F.relu (x)');
    assert.equal(callText('F.relu\t(x) + 1', 0, 6), 'F.relu (x)');
  });
  it('counts brackets and braces as nesting, and skips quotes of every kind and escaped quotes', () => {
    assert.equal(
      callText('F.softmax(x[:, [0, 1]], dim=-1)[0]', 0, 9),
      'F.softmax(x[:, [0, 1]], dim=-1)',
    );
    const tfjs = "tf.layers.dense({ units: 1, activation: 'relu' }).apply(x)";
    const t = tfjs.indexOf('relu');
    assert.equal(callText(tfjs, t, t + 4), "tf.layers.dense({units: 1, activation: 'relu'})");
    assert.equal(callText("F.gelu(x, approximate=')') + 1", 0, 6), "F.gelu(x, approximate=')')");
    assert.equal(callText('tf.relu(f(`)`)) + 1', 0, 7), 'tf.relu(f(`)`))');
    assert.equal(callText('F.gelu(x, s="a\\"(") + 1', 0, 6), 'F.gelu(x, s="a\\"(")');
  });
  it('a name in parentheses of no call, after a statement end or a line at column 0 is the name alone', () => {
    assert.equal(callText('y = (relu)', 5, 9), 'relu');
    const arrow = 'run(() => { setup(); return relu })';
    const a = arrow.indexOf('relu');
    assert.equal(callText(arrow, a, a + 4), 'relu');
    const py = 'print(x\ny = relu';
    const p = py.indexOf('relu');
    assert.equal(callText(py, p, p + 4), 'relu');
    // An indented continuation line (a tab here) is no statement boundary.
    const tab = 'Dense(10,\n\tactivation=relu)';
    const r = tab.indexOf('relu');
    assert.equal(callText(tab, r, r + 4), 'Dense(10, activation=relu)');
  });
  it('skips a closed call before the name, also one spread over lines', () => {
    const src = 'Dense(64, f(x), relu)';
    assert.equal(callText(src, src.indexOf('relu'), src.indexOf('relu') + 4), src);
    const lines = 'Dense(64, f(\nx), relu)';
    const r = lines.indexOf('relu');
    assert.equal(callText(lines, r, r + 4), 'Dense(64, f(x), relu)');
  });
  it('looks back for the enclosing call only as far as MAX_SCAN (400) characters', () => {
    const far = `f(${' '.repeat(500)}relu`;
    assert.equal(callText(far, far.length - 4, far.length), 'relu');
    const near = `f(${' '.repeat(300)}relu`;
    assert.equal(callText(near, near.length - 4, near.length), 'f(relu');
  });
  it('is the name alone outside any call, and shortens an unclosed call', () => {
    const src = 'x = 1\nact = relu\n';
    assert.equal(callText(src, src.indexOf('relu'), src.indexOf('relu') + 4), 'relu');
    const open = `relu(${'x'.repeat(500)}`;
    const shown = callText(open, 0, 4);
    assert.ok(shown.length <= 80 && shown.endsWith('…'), shown);
  });
});

describe('svgDataUri', () => {
  it('round-trips an SVG with non-ASCII text through base64', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><title>f′ α</title></svg>';
    const back = decode(svgDataUri(svg));
    assert.equal(
      back,
      '<svg xmlns="http://www.w3.org/2000/svg"><title>f&#x2032; &#x3b1;</title></svg>',
    );
  });
});

describe('escapeXml and svgDataUri on the edges', () => {
  it('writes the five XML specials as character references (XML 1.0 §4.1)', () => {
    assert.equal(escapeXml(`<a & "b" 'c'>`), '&#60;a &#38; &#34;b&#34; &#39;c&#39;&#62;');
  });
  it('encodes a text made only of non-ASCII characters, astral ones included', () => {
    assert.equal(decode(svgDataUri('α')), '&#x3b1;');
    assert.equal(decode(svgDataUri('𝑥')), '&#x1d465;');
  });
});

describe('activation facts', () => {
  it('answer no vector output for a scalar entry, and the vector for a vector one', () => {
    const relu = factsFor({ id: 'relu', params: {}, framework: 'pytorch', start: 0, end: 4 });
    assert.equal(relu?.vector([1, 2]), undefined);
    const softmax = factsFor({ id: 'softmax', params: {}, framework: 'pytorch', start: 0, end: 7 });
    const y = softmax?.vector([0, 0]);
    assert.deepEqual(y, [0.5, 0.5]);
  });
});

describe('formula store', () => {
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg"><g fill="currentColor" stroke="currentColor"/></svg>';
  it('colours a stored formula for each theme kind and caches it', () => {
    const images = new FormulaImages(
      parseFormulaStore(JSON.stringify({ version: 1, formulas: { x: svg } })),
    );
    const light = decode(images.image('x', 'light')!);
    const dark = decode(images.image('x', 'dark')!);
    assert.ok(light.includes(`fill="${coloursFor('light').text}"`), light);
    assert.ok(dark.includes(`fill="${coloursFor('dark').text}"`), dark);
    assert.ok(!light.includes('currentColor') && !dark.includes('currentColor'));
    assert.notEqual(coloursFor('light').text, coloursFor('dark').text);
    assert.equal(images.image('x', 'light'), images.image('x', 'light'));
  });
  it('answers undefined for unknown TeX, also for inherited property names', () => {
    const images = new FormulaImages(
      parseFormulaStore(JSON.stringify({ version: 1, formulas: { x: svg } })),
    );
    assert.equal(images.image('y', 'dark'), undefined);
    assert.equal(images.image('constructor', 'dark'), undefined);
  });
  it('turns a broken or foreign file into an empty store', () => {
    for (const text of [
      '',
      '{',
      'null',
      '[]',
      '{"formulas": 3}',
      '{"formulas": {"a": 1, "b": "<p>"}}',
    ]) {
      assert.equal(new FormulaImages(parseFormulaStore(text)).size, 0, text);
    }
  });
});

describe('themeKindFromCode', () => {
  it('maps vscode.ColorThemeKind values', () => {
    assert.deepEqual([1, 2, 3, 4].map(themeKindFromCode), [
      'light',
      'dark',
      'highContrast',
      'highContrastLight',
    ]);
  });
});
