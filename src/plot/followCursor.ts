import * as vscode from 'vscode';
import { callAtCursor, sameSeries } from './callAtCursor';
import type { PlotHost } from './plotHost';
import { PlotPanel } from './plotPanel';
import type { SeriesSpec } from '../protocol';

const CONTEXT_KEY = 'activationLens.onActivation';

/**
 * Watches the cursor: keeps the `activationLens.onActivation` context key (editor menu's Plot item) in step,
 * and, in follow mode with the panel open, plots the call the cursor moves onto.
 */
export class FollowCursor implements vscode.Disposable {
  private enabled: boolean;
  private last: SeriesSpec | undefined;
  private onCall = false;
  private readonly disposables: vscode.Disposable[];
  private readonly changed = new vscode.EventEmitter<boolean>();
  /** Fires with the new mode when follow mode is toggled. */
  readonly onDidToggle = this.changed.event;

  constructor(private readonly host: PlotHost) {
    this.enabled = host.config.current().followCursor;
    this.disposables = [
      vscode.window.onDidChangeTextEditorSelection((e) => this.update(e.textEditor)),
      vscode.window.onDidChangeActiveTextEditor((e) => this.update(e)),
      host.config.onDidChange((c) => {
        this.enabled = c.followCursor;
      }),
      this.changed,
    ];
    this.update(vscode.window.activeTextEditor);
  }

  get isEnabled(): boolean {
    return this.enabled;
  }

  /**
   * Flips follow mode and keeps it in the user's settings, as VS Code's own toggles do (minimap, word
   * wrap). The mode changes at once; a setting that cannot be written leaves it for this window only.
   */
  async toggle(): Promise<boolean> {
    this.enabled = !this.enabled;
    this.last = undefined;
    if (this.enabled) {
      this.update(vscode.window.activeTextEditor);
    }
    this.changed.fire(this.enabled);
    const on = this.enabled;
    await vscode.workspace
      .getConfiguration('activationLens')
      .update('plot.followCursor', on, vscode.ConfigurationTarget.Global)
      .then(undefined, (e: unknown) =>
        this.host.log.warn(
          `Could not save plot.followCursor: ${e instanceof Error ? e.message : e}`,
        ),
      );
    return on;
  }

  private update(editor: vscode.TextEditor | undefined): void {
    const call = callAtCursor(editor);
    if ((call !== undefined) !== this.onCall) {
      this.onCall = call !== undefined;
      void vscode.commands.executeCommand('setContext', CONTEXT_KEY, this.onCall);
    }
    if (!this.enabled || !call || !PlotPanel.open || sameSeries(call, this.last)) {
      return;
    }
    this.last = call;
    PlotPanel.createOrShow(this.host, [call], 'replace');
  }

  dispose(): void {
    for (const d of this.disposables) {
      d.dispose();
    }
  }
}
