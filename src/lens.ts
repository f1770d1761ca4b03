/**
 * Everything behind the registrations of extension.ts: the hover and the plot panel, with the core and the
 * recognizer they use. Loaded on first use by lensLoader.ts.
 */
import * as vscode from 'vscode';
import { ConfigWatcher } from './config';
import type { CommandHandler, CommandId, TestCommandId } from './contributions';
import { FormulaLoader } from './hover/formulaLoader';
import { ActivationHoverProvider } from './hover/hoverProvider';
import { createPlot } from './plot';
import { WorkspaceImports } from './reading/workspaceImports';

export interface Lens extends vscode.Disposable {
  readonly hover: vscode.HoverProvider;
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
  const hover = new ActivationHoverProvider(config, formulas, imports);
  const plot = createPlot(context, config);
  return {
    hover,
    commands: plot.commands,
    revivePlot: plot.revive,
    dispose: () => {
      plot.dispose();
      hover.dispose();
      imports.dispose();
      config.dispose();
    },
  };
}
