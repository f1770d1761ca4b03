import * as vscode from 'vscode';
import { registerHover } from './hover';
import { registerPlot } from './plot';

/** Wires the hover and the plot panel; everything registered is disposed with the extension. */
export function activate(context: vscode.ExtensionContext): void {
  context.subscriptions.push(...registerHover(context), ...registerPlot(context));
}

export function deactivate(): void {}
