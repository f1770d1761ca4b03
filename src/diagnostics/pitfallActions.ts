/**
 * Quick fixes for our pitfall diagnostics: each fix the core offers, as an edit of exactly its range, and
 * "Explain", which opens the Plot Activation panel on the functions involved, in the view that shows them.
 */
import * as vscode from 'vscode';
import type { Pitfall, PitfallFix } from '../core';
import { explainRequest } from './explainRequest';
import { DIAGNOSTIC_SOURCE, type PitfallDiagnostics } from './pitfallDiagnostics';

export class PitfallActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
  };

  constructor(private readonly diagnostics: PitfallDiagnostics) {}

  provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    try {
      const out: vscode.CodeAction[] = [];
      for (const d of context.diagnostics) {
        const p =
          d.source === DIAGNOSTIC_SOURCE ? this.diagnostics.pitfallFor(document, d) : undefined;
        if (p !== undefined) {
          out.push(...actionsFor(document, p, d));
        }
      }
      return out;
    } catch {
      return [];
    }
  }
}

function actionsFor(
  document: vscode.TextDocument,
  p: Pitfall,
  d: vscode.Diagnostic,
): vscode.CodeAction[] {
  const fixes = [p.fix, ...(p.alternatives ?? [])].filter((f): f is PitfallFix => f !== undefined);
  const out = fixes.map((f, i) => {
    const action = new vscode.CodeAction(f.title, vscode.CodeActionKind.QuickFix);
    action.edit = new vscode.WorkspaceEdit();
    action.edit.replace(
      document.uri,
      new vscode.Range(document.positionAt(f.start), document.positionAt(f.end)),
      f.replacement,
    );
    action.diagnostics = [d];
    action.isPreferred = i === 0;
    return action;
  });
  const explain = new vscode.CodeAction(
    `Explain: plot ${p.explain.map((s) => s.id).join(' and ')}`,
    vscode.CodeActionKind.QuickFix,
  );
  explain.command = {
    command: 'activationLens.plot',
    title: 'Explain',
    arguments: [explainRequest(p)],
  };
  explain.diagnostics = [d];
  out.push(explain);
  return out;
}
