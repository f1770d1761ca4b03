import * as vscode from 'vscode';
import { ConfigWatcher } from '../config';
import { FollowCursor } from './followCursor';
import { registerPlotCommands } from './plotCommands';
import { PlotHost } from './plotHost';
import { PlotPanel } from './plotPanel';
import { registerPlotSerializer } from './plotSerializer';
import { registerTestHooks } from './testHooks';

/** Registers Plot Activation: commands, the panel's serializer, follow-cursor and (outside production) test hooks. */
export function registerPlot(context: vscode.ExtensionContext): vscode.Disposable[] {
  const config = new ConfigWatcher();
  const log = vscode.window.createOutputChannel('Activation Lens: Plot', { log: true });
  const host = new PlotHost(context.extensionUri, config, log);
  const follow = new FollowCursor(host);
  const disposables: vscode.Disposable[] = [
    config,
    log,
    host,
    follow,
    registerPlotSerializer(host),
    ...registerPlotCommands(host, follow),
    { dispose: () => PlotPanel.open?.dispose() },
  ];
  if (context.extensionMode !== vscode.ExtensionMode.Production) {
    disposables.push(...registerTestHooks(host, follow));
  }
  return disposables;
}
