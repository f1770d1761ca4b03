/**
 * The plot panel's HTML page as a pure function of its inputs (no vscode), so the Content Security Policy
 * can be checked in plain Node: one nonce'd script and styles, only our own files' text (carried in the page
 * under the nonce, or loaded from the webview's source), no eval, nothing remote.
 */
import type { InitialData } from '../protocol';

/** What the page needs from the webview: its CSP source and the URIs of our script and stylesheet. */
export interface PageInputs {
  readonly nonce: string;
  /** `webview.cspSource`: the origin our own files are served from. */
  readonly cspSource: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  /** The panel's chunk (dist/webview/chunks/app.js), which the first script imports once it has drawn. */
  readonly panelUri: string;
  readonly init: InitialData;
  /**
   * The texts of our first script and stylesheet (the files at `scriptUri` and `styleUri`), when the host
   * has read them: the page then carries them, nonce'd, and fetches nothing before its first frame.
   */
  readonly inline?: { readonly script: string; readonly style: string };
}

/**
 * Whether `text` can sit inside a `<script>` or `<style>` element as is: nothing that would end it early or
 * switch the HTML parser into another state. Our minified bundle never holds these; a text that did would
 * be loaded from its file instead.
 */
export function inlineSafe(text: string): boolean {
  return !/<\/(script|style)|<!--/i.test(text);
}

/** Text safe inside a double-quoted HTML attribute. */
export function escapeAttribute(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** The Content-Security-Policy of the page. */
export function contentSecurityPolicy(nonce: string, cspSource: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    // Our stylesheet, as a file or carried in the page under the nonce.
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
  ].join('; ');
}

/**
 * The page: the DOM is built by the script; `init` travels as data in an attribute so the first frame
 * needs no message round trip. The script is an ES module: the chunks it imports later inherit its nonce.
 * With `inline` the script and stylesheet are in the page: the first webview resource request of a window
 * costs about 100 ms on VS Code's side (its service worker), and a module script also waits for every
 * stylesheet link of the page, so the first frame then waits for no request at all. The panel's chunk is
 * preloaded meanwhile (a module preload holds back no script).
 */
export function pageHtml({
  nonce,
  cspSource,
  scriptUri,
  styleUri,
  panelUri,
  init,
  inline,
}: PageInputs): string {
  const csp = contentSecurityPolicy(nonce, cspSource);
  const n = escapeAttribute(nonce);
  const carried = inline && inlineSafe(inline.script) && inlineSafe(inline.style);
  const style = carried
    ? `<style nonce="${n}">${inline.style}</style>`
    : `<link rel="stylesheet" href="${escapeAttribute(styleUri)}">`;
  const script = carried
    ? `<script type="module" nonce="${n}">${inline.script}</script>`
    : `<script type="module" nonce="${n}" src="${escapeAttribute(scriptUri)}"></script>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${style}
<title>Activation Plot</title>
</head>
<body>
<main id="app" data-init="${escapeAttribute(JSON.stringify(init))}" data-panel="${escapeAttribute(panelUri)}"></main>
${script}
<link rel="modulepreload" nonce="${n}" href="${escapeAttribute(panelUri)}">
</body>
</html>`;
}
