/**
 * Colours for the images in the hover. A data-URI image cannot read the editor's CSS variables, so each
 * image is coloured for the theme kind when it is made.
 */

/** The four kinds of VS Code colour theme (vscode.ColorThemeKind, kept free of the vscode module). */
export type ThemeKind = 'light' | 'dark' | 'highContrast' | 'highContrastLight';

export interface ThemeColours {
  /** Formula glyphs. */
  readonly text: string;
  /** f, drawn solid. */
  readonly f: string;
  /** f', drawn dashed. */
  readonly df: string;
  readonly axis: string;
  readonly kink: string;
}

const COLOURS: Readonly<Record<ThemeKind, ThemeColours>> = {
  light: { text: '#1f1f1f', f: '#005fb8', df: '#c72e0f', axis: '#8a8a8a', kink: '#6f42c1' },
  dark: { text: '#e4e4e4', f: '#4fc1ff', df: '#f48771', axis: '#6e6e6e', kink: '#c586c0' },
  // High contrast: pure extremes and a yellow the HC themes themselves use for emphasis.
  highContrast: { text: '#ffffff', f: '#ffffff', df: '#ffd700', axis: '#a0a0a0', kink: '#00ffff' },
  highContrastLight: {
    text: '#000000',
    f: '#000000',
    df: '#b5200d',
    axis: '#5a5a5a',
    kink: '#0f4a85',
  },
};

/** The palette for a theme kind. */
export function coloursFor(kind: ThemeKind): ThemeColours {
  return COLOURS[kind];
}

/** Maps vscode.ColorThemeKind's numeric values (1 light, 2 dark, 3 HC dark, 4 HC light) to a ThemeKind. */
export function themeKindFromCode(code: number): ThemeKind {
  switch (code) {
    case 1:
      return 'light';
    case 3:
      return 'highContrast';
    case 4:
      return 'highContrastLight';
    default:
      return 'dark';
  }
}
