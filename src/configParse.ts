/**
 * The settings' validation, apart from VS Code: raw values as `getConfiguration` returns them (anything a
 * user or a synced settings.json may hold) become a `LensConfig` whose every field is usable as it is.
 * Pure, so the unit suite checks every malformed value without a VS Code; `config.ts` reads VS Code.
 */

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

/** Reads one raw setting by its key under `activationLens.` (e.g. `'hover.plotRange'`). */
export type RawSetting = (key: string) => unknown;

/**
 * Validates raw settings against package.json's schema: a value of the wrong type or outside an allow-list
 * falls back to its default, a number outside its range is clamped into it. Never throws.
 */
export function parseConfig(get: RawSetting): LensConfig {
  const languages = get('hover.languages');
  const sections = get('hover.sections');
  return {
    hoverEnabled: get('hover.enabled') !== false,
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
    significantDigits: clampedNumber(get('significantDigits'), 2, 12, 4, true),
    plotRange: get('hover.plotRange') === 'fixed' ? 'fixed' : 'auto',
    fixedRange: clampedNumber(get('hover.fixedRange'), 0.5, 1000, 5, false),
    followCursor: get('plot.followCursor') === true,
    lowGradientThreshold: clampedNumber(get('plot.lowGradientThreshold'), 0, 1, 0.05, false),
    pitfalls: Object.fromEntries(
      PITFALL_SETTINGS.map((rule) => [rule, get(`pitfalls.${rule}`) !== false]),
    ) as Record<PitfallSetting, boolean>,
  };
}

/** A finite number clamped into [min, max] (rounded for an integer setting); anything else is `fallback`. */
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
