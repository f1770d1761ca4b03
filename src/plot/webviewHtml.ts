import * as vscode from 'vscode';
import type { InitialData } from '../protocol';

/** Text safe inside a double-quoted HTML attribute. */
function escapeAttribute(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** The Web Crypto global, present in the Node 20 and web-worker extension hosts alike (no Node import). */
declare const crypto: { getRandomValues<T extends Uint8Array>(array: T): T };

/** A fresh CSP nonce: 128 random bits from Web Crypto, hex-encoded. */
export function makeNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The only folders the webview may load from: the built bundle and the stylesheets. */
export function localResourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [
    vscode.Uri.joinPath(extensionUri, 'dist', 'webview'),
    vscode.Uri.joinPath(extensionUri, 'media'),
  ];
}

/**
 * The panel's HTML: a strict CSP (one nonce'd script, styles only from our own files, no inline code,
 * no eval, nothing remote) and every asset through `asWebviewUri`. The script is an ES module: the chunks it
 * imports later inherit its nonce. The DOM is built by the script; `init`
 * travels as data so the first frame needs no message round trip.
 */
export function buildHtml(
  webview: vscode.Webview,
  extensionUri: vscode.Uri,
  init: InitialData,
): string {
  const nonce = makeNonce();
  const script = webview.asWebviewUri(
    vscode.Uri.joinPath(extensionUri, 'dist', 'webview', 'main.js'),
  );
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'plot.css'));
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${webview.cspSource}`,
    `img-src ${webview.cspSource} data:`,
    `font-src ${webview.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>Activation Plot</title>
</head>
<body>
<main id="app" data-init="${escapeAttribute(JSON.stringify(init))}"></main>
<script type="module" nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
}
