/**
 * Everything behind the registrations of extension.ts: the hover and the plot panel, with the core and the
 * recognizer they use. Loaded on first use by lensLoader.ts.
 */
import * as vscode from 'vscode';
import { ConfigWatcher, SUPPORTED_LANGUAGES } from './config';
import type { CommandHandler, CommandId, TestCommandId } from './contributions';
import { FormulaLoader } from './hover/formulaLoader';
import { ActivationHoverProvider } from './hover/hoverProvider';
import { createPlot } from './plot';
import { PitfallActions } from './diagnostics/pitfallActions';
import { PitfallDiagnostics } from './diagnostics/pitfallDiagnostics';
import { pitfallLead } from './diagnostics/pitfallLead';
import { WorkspaceImports } from './reading/workspaceImports';

export interface Lens extends vscode.Disposable {
  readonly hover: vscode.HoverProvider;
  /** Quick fixes for the pitfall diagnostics. */
  readonly codeActions: vscode.CodeActionProvider;
  readonly commands: Readonly<Record<CommandId, CommandHandler>> &
    Readonly<Partial<Record<TestCommandId, CommandHandler>>>;
  /** Re-attaches a plot panel that VS Code restored after a window reload. */
  revivePlot(panel: vscode.WebviewPanel): void;
}

export function createLens(context: vscode.ExtensionContext): Lens {
  const config = new ConfigWatcher();
  const formulas = new FormulaLoader(context.extensionUri);
  // The lens loads on the first cursor move or hover: reading the typeset formulas now (asynchronously,
  // never rejecting) spares the first hover that wait.
  void formulas.load();
  // The workspace modules open documents import, read ahead so the hover answers synchronously.
  const imports = new WorkspaceImports();
  const pitfalls = new PitfallDiagnostics(config, new Set<string>(SUPPORTED_LANGUAGES));
  const hover = new ActivationHoverProvider(config, formulas, imports, (document, call) =>
    pitfallLead(pitfalls.pitfallsOf(document), call.start, call.end),
  );
  const plot = createPlot(context, config, imports);
  return {
    hover,
    codeActions: new PitfallActions(pitfalls),
    commands: plot.commands,
    revivePlot: plot.revive,
    dispose: () => {
      plot.dispose();
      hover.dispose();
      pitfalls.dispose();
      imports.dispose();
      config.dispose();
    },
  };
}
