// The benchmark's baseline (bench/webviewBench.ts, test/browser/plotBench.ts): the smallest webview an
// extension can open — a hello-world page with a strict CSP and one nonce'd inline script that posts
// `ready` and, like Activation Lens' plot, marks its first painted frame on the page. Opening it the
// same way as the plot panel shows what VS Code itself costs; the difference is ours.
'use strict';
/* global require, exports -- a CommonJS extension, loaded as is by VS Code (no build) */
/* eslint-disable @typescript-eslint/no-require-imports */
const vscode = require('vscode');
const { randomBytes } = require('node:crypto');

exports.activate = (context) => {
  context.subscriptions.push(
    vscode.commands.registerCommand('bareWebview.open', () => {
      const panel = vscode.window.createWebviewPanel(
        'bareWebview',
        'Bare Webview',
        vscode.ViewColumn.Beside,
        { enableScripts: true, localResourceRoots: [] },
      );
      const nonce = randomBytes(16).toString('hex');
      panel.webview.html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-${nonce}'">
<title>Bare Webview</title>
</head>
<body>
<main id="app"><p>Hello, webview.</p></main>
<script nonce="${nonce}">
  performance.mark('activationLens.start');
  const app = document.getElementById('app');
  requestAnimationFrame(() => {
    app.dataset.paintedSeq = '1';
    app.dataset.paintedAt = String(performance.timeOrigin + performance.now());
  });
  acquireVsCodeApi().postMessage({ type: 'ready' });
</script>
</body>
</html>`;
    }),
  );
};
