// Driving the Plot Activation panel from integration tests: its state through the test hooks, waiting for
// the webview's `rendered` reports (events, never sleeps), its tabs, and editors to plot from.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { WebviewMessage } from '../../src/protocol';

export type Rendered = Extract<WebviewMessage, { type: 'rendered' }>;

/** What `activationLens.test.plotState` answers (src/plot/testHooks.ts). */
export interface PlotState {
  open: boolean;
  visible: boolean;
  viewColumn?: vscode.ViewColumn;
  lastRendered?: Rendered;
  droppedMessages: number;
  webviewErrors: string[];
  liveListeners: number;
  followCursor: boolean;
  userErrors: string[];
}

export const plotState = () =>
  vscode.commands.executeCommand<PlotState>('activationLens.test.plotState');

/** The first `rendered` report with a seq above `after` (undefined if none came within the hook's limit). */
export const nextRendered = (after: number) =>
  vscode.commands.executeCommand<Rendered | undefined>('activationLens.test.nextRendered', {
    after,
  });

/** Runs `action`, then waits for the first `rendered` report after it that satisfies `want`. */
export async function renderedAfter(
  action: () => Thenable<unknown>,
  want: (r: Rendered) => boolean = () => true,
): Promise<Rendered> {
  let after = (await plotState()).lastRendered?.seq ?? 0;
  await action();
  for (;;) {
    const r = await nextRendered(after);
    assert.ok(r, 'the webview never reported a matching render');
    if (want(r)) {
      return r;
    }
    after = r.seq;
  }
}

export const ids = (r: Rendered) => r.series.map((s) => s.id);

/** Tabs that hold our webview panel. */
export function plotTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter(
      (t) =>
        t.input instanceof vscode.TabInputWebview &&
        t.input.viewType.endsWith('activationLens.plot'),
    );
}

export async function closePanel(): Promise<void> {
  await vscode.window.tabGroups.close(plotTabs());
}

/** An untitled Python document with the given code, shown in the first column. */
export async function pythonEditor(code: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ language: 'python', content: code });
  return vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
}

export function cursorOn(editor: vscode.TextEditor, needle: string): void {
  const offset = editor.document.getText().indexOf(needle);
  assert.ok(offset >= 0, `${needle} not in the document`);
  const pos = editor.document.positionAt(offset + 2);
  editor.selection = new vscode.Selection(pos, pos);
}

/** Plots (replacing the panel's series) these activations with default parameters. */
export const plot = (...series: string[]) =>
  vscode.commands.executeCommand('activationLens.plot', {
    series: series.map((id) => ({ id, params: {} })),
  });

/** Compares (adding to the panel's series) these activations with default parameters. */
export const compare = (...series: string[]) =>
  vscode.commands.executeCommand('activationLens.compare', {
    series: series.map((id) => ({ id, params: {} })),
  });
