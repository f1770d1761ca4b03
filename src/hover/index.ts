import * as vscode from 'vscode';

/** Registers the activation hover. (Placeholder until the hover lands.) */
export function registerHover(_context: vscode.ExtensionContext): vscode.Disposable[] {
  return [];
}
