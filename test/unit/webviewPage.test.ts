/**
 * The plot panel's page and its Content Security Policy, checked on the HTML string the host gives the
 * webview: exactly one script and its nonce in the policy (loaded from our file, or our file's text carried
 * under the nonce), nothing unsafe, nothing remote, and the initial data escaped so that no value can leave
 * its attribute.
 */
import { strict as assert } from 'node:assert';
import type { InitialData } from '../../src/protocol';
import { pageHtml } from '../../src/plot/webviewPage';

const CSP_SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';
const NONCE = '0123456789abcdef0123456789abcdef';
const INIT: InitialData = {
  settings: { lowGradientThreshold: 0.05, significantDigits: 4 },
  series: [{ id: 'leaky_relu', params: { negative_slope: 0.2 } }],
};

/** Stand-ins for our first script and stylesheet, as the host reads them (src/plot/pageAssets.ts). */
const SCRIPT = 'const a = document.getElementById("app"); if (a && 1 < 2) import(a.dataset.panel);';
const STYLE = 'body { color: var(--vscode-foreground); } .a > .b { margin: 0 }';

function page(init: InitialData = INIT, inline?: { script: string; style: string }): string {
  return pageHtml({
    nonce: NONCE,
    cspSource: CSP_SOURCE,
    scriptUri: `${CSP_SOURCE}/ext/dist/webview/main.js`,
    styleUri: `${CSP_SOURCE}/ext/media/plot.css`,
    panelUri: `${CSP_SOURCE}/ext/dist/webview/chunks/app.js`,
    init,
    ...(inline ? { inline } : {}),
  });
}

/** Every `<tag …>…</tag>` element of the page: its attributes and its text. */
function elements(html: string, tag: string): { attributes: string; text: string }[] {
  return [...html.matchAll(new RegExp(`<${tag}\\b([^>]*)>([\\s\\S]*?)</${tag}>`, 'g'))].map(
    (m) => ({
      attributes: m[1],
      text: m[2],
    }),
  );
}

/** The policy's directives by name, from the page's CSP meta tag. */
function policy(html: string): Map<string, string[]> {
  const metas = [
    ...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/g),
  ];
  assert.equal(metas.length, 1, 'exactly one CSP meta tag');
  const directives = new Map<string, string[]>();
  for (const d of metas[0][1].split(';')) {
    const [name, ...values] = d.trim().split(/\s+/);
    assert.ok(!directives.has(name), `directive ${name} given once`);
    directives.set(name, values);
  }
  return directives;
}

/** Reverses the attribute escaping (&amp; last, so `&amp;lt;` stays `&lt;`). */
function unescapeAttribute(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

describe('the plot webview page', () => {
  it("defaults to 'none' and allows scripts only by the nonce", () => {
    const csp = policy(page());
    assert.deepEqual(csp.get('default-src'), ["'none'"]);
    assert.deepEqual(csp.get('script-src'), [`'nonce-${NONCE}'`]);
  });

  it('has exactly one script, whose nonce is the one in the policy, and no inline code', () => {
    const html = page();
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.equal(scripts.length, 1);
    assert.equal((html.match(/<script\b/g) ?? []).length, 1);
    assert.match(scripts[0][1], new RegExp(`nonce="${NONCE}"`));
    assert.match(scripts[0][1], /src="[^"]+"/);
    assert.equal(scripts[0][2].trim(), '', 'the script is loaded from our file, not inline');
    assert.ok(!/\son[a-z]+=/i.test(html), 'no inline event handlers');
  });

  it('carries the first script and stylesheet it is given, each under the nonce, and fetches neither', () => {
    const html = page(INIT, { script: SCRIPT, style: STYLE });
    const scripts = elements(html, 'script');
    assert.equal(scripts.length, 1);
    assert.equal((html.match(/<script\b/g) ?? []).length, 1);
    assert.match(scripts[0].attributes, new RegExp(`nonce="${NONCE}"`));
    assert.doesNotMatch(scripts[0].attributes, /\bsrc=/);
    assert.equal(scripts[0].text, SCRIPT);
    const styles = elements(html, 'style');
    assert.equal(styles.length, 1);
    assert.match(styles[0].attributes, new RegExp(`nonce="${NONCE}"`));
    assert.equal(styles[0].text, STYLE);
    assert.doesNotMatch(html, /<link rel="stylesheet"/);
    assert.deepEqual(policy(html).get('style-src'), [CSP_SOURCE, `'nonce-${NONCE}'`]);
    assert.ok(!/\son[a-z]+=/i.test(html), 'no inline event handlers');
  });

  it('loads both files instead when a text could end its element or change how the page parses', () => {
    for (const [script, style] of [
      ['let s = "</script><script>alert(1)</script>";', STYLE],
      ['let s = "<!-- x";', STYLE],
      [SCRIPT, 'body { } </style><script>alert(1)</script>'],
      [SCRIPT, 'a::after { content: "</STYLE>" }'],
    ]) {
      const html = page(INIT, { script, style });
      assert.equal((html.match(/<script\b/g) ?? []).length, 1, script);
      assert.match(elements(html, 'script')[0].attributes, /\bsrc="[^"]+main\.js"/);
      assert.equal(elements(html, 'style').length, 0);
      assert.match(html, /<link rel="stylesheet" href="[^"]+plot\.css">/);
    }
  });

  it('names the panel chunk, which the first script imports by URL, on #app, and preloads it under the nonce', () => {
    const chunk = `${CSP_SOURCE}/ext/dist/webview/chunks/app.js`;
    for (const html of [page(), page(INIT, { script: SCRIPT, style: STYLE })]) {
      assert.equal(/<main id="app" [^>]*data-panel="([^"]*)"/.exec(html)?.[1], chunk);
      const preloads = [...html.matchAll(/<link rel="modulepreload"([^>]*)>/g)];
      assert.equal(preloads.length, 1);
      assert.match(preloads[0][1], new RegExp(`nonce="${NONCE}"`));
      assert.ok(preloads[0][1].includes(`href="${chunk}"`), preloads[0][1]);
    }
  });

  it("allows nothing unsafe, remote or wildcard: only the webview's own source and data: images", () => {
    for (const [name, values] of policy(page())) {
      for (const v of values) {
        assert.ok(!/unsafe-/.test(v), `${name} ${v}`);
        assert.ok(!v.includes('*'), `${name} ${v}`);
        const allowed = v === CSP_SOURCE || v === "'none'" || v === `'nonce-${NONCE}'`;
        assert.ok(allowed || (name === 'img-src' && v === 'data:'), `${name} ${v}`);
      }
    }
  });

  it('loads the script and the stylesheet from the webview source only', () => {
    const html = page();
    const sources = [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1]);
    // At least the script and the stylesheet: a page that lost both would pass the loop.
    assert.ok(sources.length >= 2, `sources: ${sources.join(' ')}`);
    for (const source of sources) {
      assert.ok(source.startsWith(`${CSP_SOURCE}/`), source);
    }
  });

  it('escapes the initial data so that it stays inside its attribute and reads back unchanged', () => {
    const hostile = '"><script>alert(1)</script><img src=x onerror=alert(2)>&amp;\'';
    const init: InitialData = {
      settings: { lowGradientThreshold: 0.05, significantDigits: 4 },
      series: [{ id: hostile, params: { [hostile]: hostile } }],
    };
    const html = page(init);
    assert.equal((html.match(/<script\b/g) ?? []).length, 1, 'no script got out');
    assert.equal((html.match(/<img\b/g) ?? []).length, 0, 'no element got out');
    const attr = /<main id="app" data-init="([^"]*)" data-panel="[^"]*"><\/main>/.exec(html);
    assert.ok(attr, 'the data attribute is intact');
    assert.deepEqual(JSON.parse(unescapeAttribute(attr[1])), init);
  });
});
