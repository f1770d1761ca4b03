import * as vscode from 'vscode';
import type { InitialData } from '../protocol';
import { pageHtml, type PageInputs } from './webviewPage';

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

/** The panel's HTML (see webviewPage.ts) with a fresh nonce and every asset through `asWebviewUri`. */
export function buildHtml(
  webview: vscode.Webview,
  extensionUri: vscode.Uri,
  init: InitialData,
  inline?: PageInputs['inline'],
): string {
  const asset = (...path: string[]): string =>
    webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...path)).toString();
  return pageHtml({
    nonce: makeNonce(),
    cspSource: webview.cspSource,
    scriptUri: asset('dist', 'webview', 'main.js'),
    styleUri: asset('media', 'plot.css'),
    panelUri: asset('dist', 'webview', 'chunks', 'app.js'),
    init,
    ...(inline ? { inline } : {}),
  });
}
