/**
 * The plot panel's HTML page as a pure function of its inputs (no vscode), so the Content Security Policy
 * can be checked in plain Node: one nonce'd script, styles only from our own files, no inline code, no
 * eval, nothing remote.
 */
import type { InitialData } from '../protocol';

/** What the page needs from the webview: its CSP source and the URIs of our script and stylesheet. */
export interface PageInputs {
  readonly nonce: string;
  /** `webview.cspSource`: the origin our own files are served from. */
  readonly cspSource: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  readonly init: InitialData;
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
    `style-src ${cspSource}`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
  ].join('; ');
}

/**
 * The page: the DOM is built by the script; `init` travels as data in an attribute so the first frame
 * needs no message round trip. The script is an ES module: the chunks it imports later inherit its nonce.
 */
export function pageHtml({ nonce, cspSource, scriptUri, styleUri, init }: PageInputs): string {
  const csp = contentSecurityPolicy(nonce, cspSource);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttribute(styleUri)}">
<title>Activation Plot</title>
</head>
<body>
<main id="app" data-init="${escapeAttribute(JSON.stringify(init))}"></main>
<script type="module" nonce="${escapeAttribute(nonce)}" src="${escapeAttribute(scriptUri)}"></script>
</body>
</html>`;
}
