// Shared helpers for integration tests (run inside a real VS Code extension host).
//
//   import { activateExtension, openFixture, positionOf, hoversAt, hoverMarkdown } from './helpers';
//   before(async () => { await activateExtension(); });
//   it('…', async () => {
//     const { document } = await openFixture('smoke.py');            // a file in test/fixtures/
//     const hovers = await hoversAt(document, positionOf(document, 'relu', 0));
//     assert.match(hoverMarkdown(hovers), /ReLU/);
//   });
//
// The harness opens test/fixtures/ as the workspace (in Restricted Mode).
import * as vscode from 'vscode';

/** The extension's id: `publisher.name` from package.json. */
export const EXTENSION_ID = 'activation-lens.activation-lens';

/**
 * Activates the extension under test (or waits for its running activation) and returns it.
 * Awaiting activation is what makes tests independent of timing: no sleeps needed.
 */
export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) {
    // With ACTIVATION_LENS_KIND=web the extension runs in the web-worker host while VS Code runs
    // this suite in the Node host: cross-host calls (executeHoverProvider, commands) still work.
    const hint =
      process.env.ACTIVATION_LENS_KIND === 'web'
        ? ' (it runs in the web-worker host; check it there with openWorkbench({ kind: "web" }))'
        : '';
    throw new Error(`extension ${EXTENSION_ID} is not loaded in this extension host${hint}`);
  }
  await extension.activate();
  return extension;
}

/** The workspace folder the harness opened (test/fixtures/). */
export function fixturesFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    throw new Error('no workspace folder open: run through scripts/runIntegration.mjs');
  }
  return folder.uri;
}

/**
 * Opens `name` (a path relative to test/fixtures/) in an editor and returns both.
 * @param name e.g. `'smoke.py'` or `'torch/layers.py'`
 */
export async function openFixture(
  name: string,
): Promise<{ document: vscode.TextDocument; editor: vscode.TextEditor }> {
  const uri = vscode.Uri.joinPath(fixturesFolder(), ...name.split('/'));
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document);
  return { document, editor };
}

/**
 * The position of the `nth` (0-based) occurrence of `needle` in the document, plus `offset`
 * characters (to land inside a name, e.g. `positionOf(doc, 'F.relu', 0, 2)` is on `relu`).
 * Throws when there is no such occurrence, so a changed fixture fails loudly.
 */
export function positionOf(
  document: vscode.TextDocument,
  needle: string,
  nth = 0,
  offset = 0,
): vscode.Position {
  const text = document.getText();
  let index = -1;
  for (let i = 0; i <= nth; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) {
      throw new Error(`occurrence ${nth} of ${JSON.stringify(needle)} not in ${document.uri.path}`);
    }
  }
  return document.positionAt(index + offset);
}

/** Every hover VS Code's providers (ours included) give at `position`. */
export async function hoversAt(
  document: vscode.TextDocument,
  position: vscode.Position,
): Promise<vscode.Hover[]> {
  return (
    (await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      document.uri,
      position,
    )) ?? []
  );
}

/** The Markdown of all hover contents joined by blank lines (plain strings kept as they are). */
export function hoverMarkdown(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n\n');
}
