/**
 * The plot panel's page and its Content Security Policy, checked on the HTML string the host gives the
 * webview: exactly one script and its nonce in the policy, nothing unsafe, nothing remote, and the initial
 * data escaped so that no value can leave its attribute.
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

function page(init: InitialData = INIT): string {
  return pageHtml({
    nonce: NONCE,
    cspSource: CSP_SOURCE,
    scriptUri: `${CSP_SOURCE}/ext/dist/webview/main.js`,
    styleUri: `${CSP_SOURCE}/ext/media/plot.css`,
    init,
  });
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
    const attr = /<main id="app" data-init="([^"]*)"><\/main>/.exec(html);
    assert.ok(attr, 'the data attribute is intact');
    assert.deepEqual(JSON.parse(unescapeAttribute(attr[1])), init);
  });
});
