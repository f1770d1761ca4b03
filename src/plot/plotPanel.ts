import * as vscode from 'vscode';
import {
  DEFAULT_SERIES,
  PLOT_VIEW_TYPE,
  type HostMessage,
  type PlotSettings,
  type SeriesSpec,
  type ViewName,
  type WebviewMessage,
} from '../protocol';
import { validateWebviewMessage } from '../protocolValidation';
import { collapseQueue } from './panelBuffers';
import type { PlotHost } from './plotHost';
import { saveExport } from './saveExport';
import { firstFrameCurves } from './firstFrameCurves';
import { buildHtml, localResourceRoots } from './webviewHtml';

/**
 * The one Plot Activation panel: created beside the editor or revealed, reused by every command, and
 * restored by the serializer after a reload. Every listener it takes goes into its own disposables.
 */
export class PlotPanel implements vscode.Disposable {
  private static current: PlotPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /**
   * Messages posted before the webview said `ready` (its script was not listening yet), collapsed to the
   * state they lead to: a panel hidden for a day holds a handful, not every cursor move.
   */
  private queue: HostMessage[] = [];
  private ready = false;
  private disposed = false;

  /** The open panel, if any. */
  static get open(): PlotPanel | undefined {
    return PlotPanel.current;
  }

  /**
   * Shows the panel (creating it beside the active editor if needed) and sends it `series`. A new panel
   * opens on `view`: the caller posts that view's content next (showVector, showDepth).
   */
  static createOrShow(
    host: PlotHost,
    series: SeriesSpec[] | undefined,
    mode: 'replace' | 'add',
    view: ViewName = 'plot',
  ): PlotPanel {
    const panel = PlotPanel.current;
    if (panel) {
      panel.panel.reveal(vscode.ViewColumn.Beside, true);
    } else {
      const webviewPanel = vscode.window.createWebviewPanel(
        PLOT_VIEW_TYPE,
        'Activation Plot',
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: true, localResourceRoots: localResourceRoots(host.extensionUri) },
      );
      // A new panel gets its series in its HTML: the first frame is the one asked for.
      return new PlotPanel(webviewPanel, host, series ?? null, view);
    }
    if (series) {
      panel.post({ type: 'setSeries', mode, series });
    }
    return panel;
  }

  /** Shows the panel on its Signal-through-depth view for one activation. */
  static showDepth(host: PlotHost, series: SeriesSpec): PlotPanel {
    const panel = PlotPanel.createOrShow(host, undefined, 'replace', 'depth');
    panel.post({ type: 'showDepth', series });
    return panel;
  }

  /** Adopts a panel VS Code restored after a reload; the webview brings its own saved state. */
  static revive(webviewPanel: vscode.WebviewPanel, host: PlotHost): PlotPanel {
    PlotPanel.current?.dispose();
    webviewPanel.webview.options = {
      enableScripts: true,
      localResourceRoots: localResourceRoots(host.extensionUri),
    };
    return new PlotPanel(webviewPanel, host, null);
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly host: PlotHost,
    series: SeriesSpec[] | null,
    view: ViewName = 'plot',
  ) {
    PlotPanel.current = this;
    panel.iconPath = vscode.Uri.joinPath(host.extensionUri, 'media', 'plot.svg');
    const firstFrame = view === 'plot' ? firstFrameCurves(series ?? DEFAULT_SERIES) : undefined;
    const init = {
      settings: this.settings(),
      series,
      ...(view !== 'plot' ? { view } : {}),
      ...(firstFrame ? { firstFrame } : {}),
    };
    // The page carries our first script and stylesheet once they are read (at once, but for a panel
    // opened while the plot feature is still loading); messages wait for `ready` meanwhile.
    void host.assets.loaded.then((inline) => {
      if (!this.disposed) {
        panel.webview.html = buildHtml(panel.webview, host.extensionUri, init, inline);
      }
    });
    this.disposables.push(
      host.listen(panel.onDidDispose, () => this.dispose()),
      // A hidden webview is torn down (no retainContextWhenHidden) and reloads when shown: hold messages
      // until it says `ready` again, or they would be lost.
      host.listen(panel.onDidChangeViewState, (e) => {
        if (!e.webviewPanel.visible) {
          this.ready = false;
        }
      }),
      host.listen(panel.webview.onDidReceiveMessage, (m: unknown) => this.receive(m)),
      host.listen(host.config.onDidChange, () => this.postSettings()),
    );
  }

  /** Sends a message now, or once the webview is ready. */
  post(message: HostMessage): void {
    if (this.disposed) {
      return;
    }
    if (this.ready) {
      void this.panel.webview.postMessage(message);
    } else {
      this.queue = collapseQueue(this.queue, message);
    }
  }

  private settings(): PlotSettings {
    const c = this.host.config.current();
    return { lowGradientThreshold: c.lowGradientThreshold, significantDigits: c.significantDigits };
  }

  private postSettings(): void {
    this.post({ type: 'settings', settings: this.settings() });
  }

  private receive(raw: unknown): void {
    const result = validateWebviewMessage(raw);
    if (!result.ok) {
      this.host.droppedMessages++;
      this.host.log.warn(`Plot panel: dropped a malformed message (${result.reason})`);
      return;
    }
    this.handle(result.message).catch((e: unknown) =>
      this.host.log.error(`Plot panel: ${e instanceof Error ? e.message : String(e)}`),
    );
  }

  private async handle(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready': {
        // A reloaded webview says `ready` again: it gets the state queued while it was away.
        this.ready = true;
        const queued = this.queue;
        this.queue = [];
        for (const m of queued) {
          void this.panel.webview.postMessage(m);
        }
        return;
      }
      case 'rendered':
        this.host.rendered(message);
        if (message.view === 'depth') {
          // Completes the Getting Started walkthrough's "open the depth view" step.
          void vscode.commands.executeCommand('setContext', 'activationLens.depthViewShown', true);
        }
        return;
      case 'error':
        this.host.recordWebviewError(message.message);
        this.host.log.error(
          `Plot webview: ${message.message}${message.stack ? `\n${message.stack}` : ''}`,
        );
        return;
      case 'export':
        try {
          this.host.lastExport = await saveExport(message.format, message.data);
        } catch (e) {
          // Nothing was written (or the write failed part-way): say so, in words the user can act on.
          this.host.lastExport = undefined;
          this.host.showError(
            `Activation Lens: the ${message.format.toUpperCase()} export was not saved: ${
              e instanceof Error ? e.message : String(e)
            }`,
          );
        }
        return;
      case 'copy':
        await vscode.env.clipboard.writeText(message.text);
        vscode.window.setStatusBarMessage('Activation Lens: values copied', 3000);
        return;
      default: {
        const never: never = message;
        return never;
      }
    }
  }

  dispose(): void {
    if (this.disposed) {
      return;
    }
    this.disposed = true;
    if (PlotPanel.current === this) {
      PlotPanel.current = undefined;
    }
    for (const d of this.disposables.splice(0)) {
      d.dispose();
    }
    this.panel.dispose();
  }
}
