import * as vscode from 'vscode';

import { parseConfig, type LensConfig } from './configParse';

export {
  HOVER_SECTIONS,
  PITFALL_SETTINGS,
  SUPPORTED_LANGUAGES,
  type HoverSection,
  type LensConfig,
  type PitfallSetting,
} from './configParse';

const SECTION = 'activationLens';

/** Reads and validates the settings (see configParse.ts). A malformed value falls back, never throws. */
export function readConfig(): LensConfig {
  const c = vscode.workspace.getConfiguration(SECTION);
  return parseConfig((key) => c.get<unknown>(key));
}

/**
 * The current settings, re-read when they change: readers call `current()` on each use, so changes apply
 * without a reload.
 */
export class ConfigWatcher implements vscode.Disposable {
  private config = readConfig();
  private readonly listener: vscode.Disposable;
  private readonly changed = new vscode.EventEmitter<LensConfig>();
  /** Fires after the settings changed and were re-read. */
  readonly onDidChange = this.changed.event;

  constructor() {
    this.listener = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(SECTION)) {
        this.config = readConfig();
        this.changed.fire(this.config);
      }
    });
  }

  current(): LensConfig {
    return this.config;
  }

  dispose(): void {
    this.listener.dispose();
    this.changed.dispose();
  }
}
