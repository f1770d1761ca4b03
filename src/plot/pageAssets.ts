/**
 * The texts of the panel's first script and stylesheet, read once from the extension's own files, so that a
 * new panel's page can carry them (webviewPage.ts `inline`) instead of fetching them through VS Code's
 * webview resource loading before its first frame. Read when the plot feature loads (the first hover or
 * cursor move), so a panel seldom waits for it; if it fails (an extension served from a location
 * `workspace.fs` cannot read), pages load the files.
 */
import * as vscode from 'vscode';

/** In every host we run in, but the host layer's lib has no DOM or Node types. */
declare class TextDecoder {
  decode(input: Uint8Array): string;
}

export class PageAssets {
  /** Both texts, or undefined when they cannot be read (pages then load the files). */
  readonly loaded: Promise<{ script: string; style: string } | undefined>;

  constructor(extensionUri: vscode.Uri) {
    const read = async (...path: string[]) =>
      new TextDecoder().decode(
        await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, ...path)),
      );
    this.loaded = Promise.all([read('dist', 'webview', 'main.js'), read('media', 'plot.css')]).then(
      ([script, style]) => ({ script, style }),
      () => undefined,
    );
  }
}
