import * as vscode from 'vscode';

/** Languages whose code the hover reads (VS Code language ids). */
export const SUPPORTED_LANGUAGES = [
  'python',
  'javascript',
  'typescript',
  'javascriptreact',
  'typescriptreact',
  'julia',
  'cpp',
  'c',
  'rust',
] as const;

export const HOVER_SECTIONS = [
  'formulas',
  'plot',
  'values',
  'properties',
  'differences',
  'actions',
] as const;
export type HoverSection = (typeof HOVER_SECTIONS)[number];

/** The pitfall rules, each switched by `activationLens.pitfalls.<rule>` (same list as the core's). */
export const PITFALL_SETTINGS = [
  'log-of-softmax',
  'implicit-softmax-dim',
  'double-activation',
  'handwritten-overflow',
] as const;
export type PitfallSetting = (typeof PITFALL_SETTINGS)[number];

/** Settings after validation: every field is usable as it is, whatever the user wrote. */
export interface LensConfig {
  readonly hoverEnabled: boolean;
  readonly languages: ReadonlySet<string>;
  readonly sections: Readonly<Record<HoverSection, boolean>>;
  readonly significantDigits: number;
  readonly plotRange: 'auto' | 'fixed';
  readonly fixedRange: number;
  readonly followCursor: boolean;
  readonly lowGradientThreshold: number;
  /** Which pitfall rules report diagnostics. */
  readonly pitfalls: Readonly<Record<PitfallSetting, boolean>>;
}

const SECTION = 'activationLens';

/** Reads and validates the settings. A malformed value falls back to its default, never throws. */
export function readConfig(): LensConfig {
  const c = vscode.workspace.getConfiguration(SECTION);
  const languages = c.get<unknown>('hover.languages');
  const sections = c.get<unknown>('hover.sections');
  return {
    hoverEnabled: c.get<unknown>('hover.enabled') !== false,
    languages: new Set(
      Array.isArray(languages)
        ? languages.filter((l) => (SUPPORTED_LANGUAGES as readonly unknown[]).includes(l))
        : SUPPORTED_LANGUAGES,
    ),
    sections: Object.fromEntries(
      HOVER_SECTIONS.map((s) => [
        s,
        !(
          typeof sections === 'object' &&
          sections !== null &&
          (sections as Record<string, unknown>)[s] === false
        ),
      ]),
    ) as Record<HoverSection, boolean>,
    significantDigits: clampedNumber(c.get('significantDigits'), 2, 12, 4, true),
    plotRange: c.get<unknown>('hover.plotRange') === 'fixed' ? 'fixed' : 'auto',
    fixedRange: clampedNumber(c.get('hover.fixedRange'), 0.5, 1000, 5, false),
    followCursor: c.get<unknown>('plot.followCursor') === true,
    lowGradientThreshold: clampedNumber(c.get('plot.lowGradientThreshold'), 0, 1, 0.05, false),
    pitfalls: Object.fromEntries(
      PITFALL_SETTINGS.map((rule) => [rule, c.get<unknown>(`pitfalls.${rule}`) !== false]),
    ) as Record<PitfallSetting, boolean>,
  };
}

function clampedNumber(
  value: unknown,
  min: number,
  max: number,
  fallback: number,
  integer: boolean,
): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return fallback;
  }
  const clamped = Math.min(max, Math.max(min, value));
  return integer ? Math.round(clamped) : clamped;
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
