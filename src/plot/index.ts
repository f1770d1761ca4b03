import * as vscode from 'vscode';

/** Registers the Plot Activation command and panel. (Placeholder until the panel lands.) */
export function registerPlot(_context: vscode.ExtensionContext): vscode.Disposable[] {
  return [];
}
