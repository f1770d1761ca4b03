import * as vscode from 'vscode';
import type { ConfigWatcher } from '../config';
import type { WorkspaceImports } from '../reading/workspaceImports';
import type { CommandHandler, CommandId, TestCommandId } from '../contributions';
import { FollowCursor } from './followCursor';
import { plotCommandHandlers } from './plotCommands';
import { PlotHost } from './plotHost';
import { PlotPanel } from './plotPanel';
import { testHookHandlers } from './testHooks';

/** The plot feature's handlers, for extension.ts to forward its registrations to. */
export interface Plot extends vscode.Disposable {
  readonly commands: Readonly<Record<CommandId, CommandHandler>> &
    Readonly<Partial<Record<TestCommandId, CommandHandler>>>;
  revive(panel: vscode.WebviewPanel): void;
}

/** Plot Activation: commands, the panel's revival after a reload, follow-cursor and (outside production) test hooks. */
export function createPlot(
  context: vscode.ExtensionContext,
  config: ConfigWatcher,
  imports?: WorkspaceImports,
): Plot {
  const log = vscode.window.createOutputChannel('Activation Lens: Plot', { log: true });
  const host = new PlotHost(context.extensionUri, config, log, imports);
  const follow = new FollowCursor(host);
  const testing = context.extensionMode !== vscode.ExtensionMode.Production;
  return {
    commands: {
      ...plotCommandHandlers(host, follow),
      ...(testing ? testHookHandlers(host, follow) : {}),
    },
    // The chart's state (series, parameters, range, toggles) lives in the webview's getState/setState,
    // which VS Code hands back to the new webview: reviving only re-attaches the host side.
    revive: (panel) => PlotPanel.revive(panel, host),
    dispose: () => {
      PlotPanel.open?.dispose();
      follow.dispose();
      host.dispose();
      log.dispose();
    },
  };
}
