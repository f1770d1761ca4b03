import * as vscode from 'vscode';
import { documentLength } from '../reading/documentTexts';
import { callAtCursor, sameSeries } from './callAtCursor';
import type { PlotHost } from './plotHost';
import { PlotPanel } from './plotPanel';
import type { SeriesSpec } from '../protocol';

const CONTEXT_KEY = 'activationLens.onActivation';
/** Quiet time after a cursor move before it is read: typing and scrolling cost nothing. */
const SETTLE_MS = 120;
/**
 * Largest document whose cursor is read while follow mode is off (only for the editor menu's Plot item):
 * a larger file is never copied out of VS Code on a cursor move unless follow mode is on.
 */
const MENU_MAX_CHARS = 1_000_000;

/** Timers are in every host we run in, but the host layer's lib has no DOM or Node types. */
declare function setTimeout(handler: () => void, ms: number): number;
declare function clearTimeout(handle: number | undefined): void;

/**
 * Watches the cursor: keeps the `activationLens.onActivation` context key (editor menu's Plot item) in step,
 * and, in follow mode with the panel open, plots the call the cursor moves onto.
 */
export class FollowCursor implements vscode.Disposable {
  private enabled: boolean;
  private last: SeriesSpec | undefined;
  private onCall = false;
  private timer: number | undefined;
  private readonly disposables: vscode.Disposable[];
  private readonly changed = new vscode.EventEmitter<boolean>();
  /** Fires with the new mode when follow mode is toggled. */
  readonly onDidToggle = this.changed.event;

  constructor(private readonly host: PlotHost) {
    this.enabled = host.config.current().followCursor;
    this.disposables = [
      vscode.window.onDidChangeTextEditorSelection((e) => this.schedule(e.textEditor)),
      vscode.window.onDidChangeActiveTextEditor((e) => this.schedule(e)),
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

  /** Reads the cursor once it settles; with follow mode off, only in files of ordinary size. */
  private schedule(editor: vscode.TextEditor | undefined): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.enabled && (!editor || documentLength(editor.document) > MENU_MAX_CHARS)) {
      this.setOnCall(false);
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.update(editor);
    }, SETTLE_MS);
  }

  private setOnCall(on: boolean): void {
    if (on !== this.onCall) {
      this.onCall = on;
      void vscode.commands.executeCommand('setContext', CONTEXT_KEY, on);
    }
  }

  private update(editor: vscode.TextEditor | undefined): void {
    if (editor !== undefined && editor !== vscode.window.activeTextEditor) {
      return; // the cursor moved on to another editor meanwhile
    }
    const call = callAtCursor(editor, this.host.imports);
    this.setOnCall(call !== undefined);
    if (!this.enabled || !call || !PlotPanel.open || sameSeries(call, this.last)) {
      return;
    }
    this.last = call;
    PlotPanel.createOrShow(this.host, [call], 'replace');
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) {
      d.dispose();
    }
  }
}
