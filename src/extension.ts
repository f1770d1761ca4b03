import * as vscode from 'vscode';
import { SUPPORTED_LANGUAGES } from './config';
import { COMMAND_IDS, TEST_COMMAND_IDS } from './contributions';
import { LensLoader } from './lensLoader';
import { PLOT_VIEW_TYPE } from './protocol';

/**
 * Registers the hover, the commands and the plot panel's serializer, each forwarding to the implementation,
 * which loads on first use: activation itself does no work beyond these registrations.
 */
export function activate(context: vscode.ExtensionContext): void {
  const lens = new LensLoader(context);
  const languages = new Set<string>(SUPPORTED_LANGUAGES);
  const commandIds =
    context.extensionMode === vscode.ExtensionMode.Production
      ? COMMAND_IDS
      : [...COMMAND_IDS, ...TEST_COMMAND_IDS];
  // The editor menu's Plot item needs the recognizer to know whether the cursor is on a call: load the
  // implementation once the cursor moves in a language we read (then its own listener takes over).
  const loadOnCursor = vscode.window.onDidChangeTextEditorSelection((e) => {
    if (languages.has(e.textEditor.document.languageId)) {
      loadOnCursor.dispose();
      lens.get();
    }
  });
  // Pitfall diagnostics need the implementation as soon as a document we read is open.
  const loadOnOpen = vscode.workspace.onDidOpenTextDocument((d) => {
    if (languages.has(d.languageId)) {
      loadOnOpen.dispose();
      lens.get();
    }
  });
  if (vscode.workspace.textDocuments.some((d) => languages.has(d.languageId))) {
    lens.get();
  }
  context.subscriptions.push(
    lens,
    loadOnCursor,
    loadOnOpen,
    vscode.languages.registerCodeActionsProvider(
      SUPPORTED_LANGUAGES.map((language) => ({ language })),
      {
        provideCodeActions: (document, range, ctx, token) =>
          lens.get()?.codeActions.provideCodeActions(document, range, ctx, token),
      },
      { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
    ),
    vscode.languages.registerHoverProvider(
      SUPPORTED_LANGUAGES.map((language) => ({ language })),
      {
        provideHover: (document, position, token) =>
          lens.get()?.hover.provideHover(document, position, token),
      },
    ),
    ...commandIds.map((id) =>
      vscode.commands.registerCommand(id, (...args: never[]) =>
        lens.get()?.commands[id]?.(...args),
      ),
    ),
    vscode.window.registerWebviewPanelSerializer(PLOT_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel) => lens.get()?.revivePlot(panel),
    }),
  );
}

export function deactivate(): void {}
