import * as vscode from 'vscode';
import type { ConfigWatcher } from '../config';
import type { WorkspaceImports } from '../reading/workspaceImports';
import type { WebviewMessage } from '../protocol';
import { PageAssets } from './pageAssets';
import { RecentRing } from './panelBuffers';

type Rendered = Extract<WebviewMessage, { type: 'rendered' }>;

/** Webview errors kept in memory; every one is also written to the log. */
export const WEBVIEW_ERRORS_KEPT = 20;
/** Error notifications kept in memory, for tests to check what the user was told. */
const USER_ERRORS_KEPT = 20;

/**
 * What the plot feature shares across panels: settings, the log, and the observations tests read (the
 * last `rendered` report, dropped messages, live listeners). One instance per activation.
 */
export class PlotHost implements vscode.Disposable {
  /** Listeners currently held by panels; a closed panel must bring this back down. */
  liveListeners = 0;
  droppedMessages = 0;
  /** The webview's recent errors (a webview failing on every frame must not grow the host's memory). */
  private readonly errors = new RecentRing<string>(WEBVIEW_ERRORS_KEPT);
  /** The error notifications shown by the plot feature, most recent last. */
  private readonly shownErrors = new RecentRing<string>(USER_ERRORS_KEPT);
  lastRendered: Rendered | undefined;
  lastExport: { format: 'png' | 'csv'; bytes: number; uri: string } | undefined;
  private readonly renderedEmitter = new vscode.EventEmitter<Rendered>();
  /** Fires on every `rendered` report from any panel. */
  readonly onDidRender = this.renderedEmitter.event;

  /** The first script and stylesheet a new panel's page carries. */
  readonly assets: PageAssets;

  constructor(
    readonly extensionUri: vscode.Uri,
    readonly config: ConfigWatcher,
    readonly log: vscode.LogOutputChannel,
    /** The workspace modules read ahead for the hover: the call under the cursor is read with them too. */
    readonly imports?: WorkspaceImports,
  ) {
    this.assets = new PageAssets(extensionUri);
  }

  private renders = 0;

  /** The most recent webview errors, oldest first (at most WEBVIEW_ERRORS_KEPT). */
  get webviewErrors(): string[] {
    return this.errors.toArray();
  }

  /** Forgets the kept webview errors (tests only: they stay in the log). */
  clearWebviewErrors(): void {
    this.errors.clear();
  }

  /** The most recent error notifications the plot feature showed, oldest first. */
  get userErrors(): string[] {
    return this.shownErrors.toArray();
  }

  /** Shows an error notification (and keeps its text, so tests can check what the user was told). */
  showError(message: string): void {
    this.shownErrors.push(message);
    void vscode.window.showErrorMessage(message);
  }

  /** Keeps a webview error for tests and diagnostics, dropping the oldest beyond the cap. */
  recordWebviewError(message: string): void {
    this.errors.push(message);
  }

  /**
   * Records a `rendered` report and wakes whoever waits for one. `seq` is restamped from a counter of the
   * host's: each new webview counts from 1 again, and waiters compare across panels.
   */
  rendered(message: Rendered): void {
    const stamped = { ...message, seq: ++this.renders };
    this.lastRendered = stamped;
    this.renderedEmitter.fire(stamped);
  }

  /**
   * Subscribes through a counter, so tests can see every listener a panel takes being given back
   * (open/close 50 times → the count is flat).
   */
  listen<T>(event: vscode.Event<T>, handler: (e: T) => unknown): vscode.Disposable {
    const inner = event(handler);
    this.liveListeners++;
    let disposed = false;
    return new vscode.Disposable(() => {
      if (!disposed) {
        disposed = true;
        this.liveListeners--;
        inner.dispose();
      }
    });
  }

  dispose(): void {
    this.renderedEmitter.dispose();
  }
}
