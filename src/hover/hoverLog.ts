/** Where the hover reports what went wrong instead of throwing into VS Code: an output channel. */
import * as vscode from 'vscode';

let channel: vscode.LogOutputChannel | undefined;

/** Logs a failure; the channel is made on the first failure, so activation never pays for it. */
export function logHoverProblem(what: string, e: unknown): void {
  channel ??= vscode.window.createOutputChannel('Activation Lens', { log: true });
  channel.warn(`${what}: ${e instanceof Error ? e.message : String(e)}`);
}
