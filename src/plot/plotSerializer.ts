import * as vscode from 'vscode';
import { PLOT_VIEW_TYPE } from '../protocol';
import type { PlotHost } from './plotHost';
import { PlotPanel } from './plotPanel';

/**
 * Brings the panel back after a window reload. The chart's state (series, parameters, range, toggles)
 * lives in the webview's own getState/setState, which VS Code hands back to the new webview, so reviving
 * only has to re-attach the host side.
 */
export function registerPlotSerializer(host: PlotHost): vscode.Disposable {
  return vscode.window.registerWebviewPanelSerializer(PLOT_VIEW_TYPE, {
    async deserializeWebviewPanel(panel: vscode.WebviewPanel, _state: unknown): Promise<void> {
      PlotPanel.revive(panel, host);
    },
  });
}
