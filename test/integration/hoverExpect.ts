// Reading the activation hover back in integration tests: find our hover among VS Code's, split its
// Markdown into title, images and values, and check an SVG is well formed. Expected numbers never come
// from here: tests compute them with the core or read them from the PyTorch reference file.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { hoversAt, positionOf } from './helpers';

/** Our hover's Markdown at the nth occurrence of `needle` (+offset), or undefined when we gave none. */
export async function lensHover(
  document: vscode.TextDocument,
  needle: string,
  nth = 0,
  offset = 0,
): Promise<string | undefined> {
  const hovers = await hoversAt(document, positionOf(document, needle, nth, offset));
  const ours = hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    // Other extensions (TypeScript's, C++'s) hover the same names; ours opens with "**Name** · Framework".
    .filter((md) => /^\*\*[^*]+\*\* · /.test(md));
  assert.ok(ours.length <= 1, `more than one Activation Lens hover at ${needle}`);
  return ours[0];
}

/** Data-URI images of the hover (HTML <img> in its table), with their alt text, decoded. */
export function images(markdown: string): { alt: string; svg: string }[] {
  const out: { alt: string; svg: string }[] = [];
  for (const m of markdown.matchAll(
    /<img src="data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)" alt="([^"]*)"[^>]*>/g,
  )) {
    const alt = m[2]
      .replace(/&#x([0-9a-f]+);/gi, (_e, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
      .replace(/&#(\d+);/g, (_e, code: string) => String.fromCodePoint(Number(code)));
    out.push({ alt, svg: Buffer.from(m[1], 'base64').toString('utf8') });
  }
  return out;
}

/** Asserts `svg` is one well-formed SVG element: namespace, balanced tags, non-zero size. */
export function assertWellFormedSvg(svg: string): void {
  assert.match(svg, /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  const stack: string[] = [];
  for (const m of svg.matchAll(/<(\/?)([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g)) {
    const [, close, name, , selfClose] = m;
    if (close) {
      assert.equal(stack.pop(), name, `unbalanced </${name}>`);
    } else if (!selfClose) {
      stack.push(name);
    }
  }
  assert.deepEqual(stack, [], 'unclosed tags');
  const width = /^<svg [^>]*width="([\d.]+)/.exec(svg);
  assert.ok(width && Number(width[1]) > 0, 'svg has a width');
}

/** Parses a number as the hover prints it (true minus, ∞, exponent). */
export function readNumber(text: string): number {
  const t = text
    .replace(/\u2212/g, '-')
    .replace(/\\/g, '')
    .trim();
  return t === '∞' ? Infinity : t === '-∞' ? -Infinity : Number(t);
}

/** The values table's points (HTML, one column per point: rows x, f(x), f′(x)). */
export function valueRows(markdown: string): { x: number; y: number; dy: number }[] {
  const row = (label: string): number[] => {
    const m = new RegExp(
      `<tr><th align="left">${label.replace(/[()]/g, '\\$&')}</th>(.*?)</tr>`,
    ).exec(markdown);
    return m
      ? [...m[1].matchAll(/<td[^>]*>(?:&nbsp;)*([^<]*)<\/td>/g)].map((c) => readNumber(c[1]))
      : [];
  };
  const [xs, ys, dys] = [row('x'), row('f(x)'), row('f′(x)')];
  assert.ok(xs.length === ys.length && xs.length === dys.length, 'a complete values table');
  return xs.map((x, i) => ({ x, y: ys[i], dy: dys[i] }));
}

/** The single-point line `At x = a: f(x) = **b**, f′(x) = **c**`. */
export function argumentLine(markdown: string): { x: number; y: number; dy: number } | undefined {
  const m = /At x = ([^:]+): f\(x\) = \*\*([^*]+)\*\*, f′\(x\) = \*\*([^*]+)\*\*/.exec(markdown);
  return m ? { x: readNumber(m[1]), y: readNumber(m[2]), dy: readNumber(m[3]) } : undefined;
}

/** |a − b| within what `digits` significant digits can show. */
export function assertClose(actual: number, expected: number, digits: number, what: string): void {
  if (!Number.isFinite(expected)) {
    assert.equal(actual, expected, what);
    return;
  }
  const tol = Math.max(Math.abs(expected), 1e-300) * 10 ** (1 - digits) + 1e-12;
  assert.ok(Math.abs(actual - expected) <= tol, `${what}: hover ${actual}, expected ${expected}`);
}

/** Sets an activationLens setting globally and resolves once the change event has been delivered. */
export async function setSetting(key: string, value: unknown): Promise<void> {
  const config = vscode.workspace.getConfiguration('activationLens');
  if (JSON.stringify(config.inspect(key)?.globalValue) === JSON.stringify(value)) {
    return; // no change, no event to wait for
  }
  const changed = new Promise<void>((resolve) => {
    const sub = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`activationLens.${key}`)) {
        sub.dispose();
        resolve();
      }
    });
  });
  await config.update(key, value, vscode.ConfigurationTarget.Global);
  await changed;
}
