import * as vscode from 'vscode';
import type { ConfigWatcher } from '../config';
import type { WebviewMessage } from '../protocol';

type Rendered = Extract<WebviewMessage, { type: 'rendered' }>;

/**
 * What the plot feature shares across panels: settings, the log, and the observations tests read (the
 * last `rendered` report, dropped messages, live listeners). One instance per activation.
 */
export class PlotHost implements vscode.Disposable {
  /** Listeners currently held by panels; a closed panel must bring this back down. */
  liveListeners = 0;
  droppedMessages = 0;
  webviewErrors: string[] = [];
  lastRendered: Rendered | undefined;
  lastExport: { format: 'png' | 'csv'; bytes: number; uri: string } | undefined;
  private readonly renderedEmitter = new vscode.EventEmitter<Rendered>();
  /** Fires on every `rendered` report from any panel. */
  readonly onDidRender = this.renderedEmitter.event;

  constructor(
    readonly extensionUri: vscode.Uri,
    readonly config: ConfigWatcher,
    readonly log: vscode.LogOutputChannel,
  ) {}

  private renders = 0;

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
