/**
 * Chart colours from the VS Code theme. A canvas ignores CSS variables, so they are read with
 * getComputedStyle and re-read when VS Code changes the body's theme class.
 */

export interface Theme {
  kind: 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';
  foreground: string;
  grid: string;
  background: string;
  /** One colour per series, in order; repeats after the last. */
  series: string[];
  /** Translucent fill for the low-gradient shading. */
  shade: string;
}

// The `charts` colours are the ones VS Code's own charts use and every theme (HC included) defines.
const SERIES_VARS = [
  '--vscode-charts-blue',
  '--vscode-charts-orange',
  '--vscode-charts-green',
  '--vscode-charts-purple',
  '--vscode-charts-red',
  '--vscode-charts-yellow',
];
const FALLBACK = ['#3794ff', '#d18616', '#388a34', '#652d90', '#f14c4c', '#cca700'];

function cssVar(name: string, fallback: string): string {
  const v = getComputedStyle(document.body).getPropertyValue(name).trim();
  return v || fallback;
}

function themeKind(): Theme['kind'] {
  const c = document.body.classList;
  if (c.contains('vscode-high-contrast-light')) {
    return 'high-contrast-light';
  }
  if (c.contains('vscode-high-contrast')) {
    return 'high-contrast';
  }
  return c.contains('vscode-dark') ? 'dark' : 'light';
}

/** The current theme's colours. */
export function readTheme(): Theme {
  const kind = themeKind();
  const dark = kind === 'dark' || kind === 'high-contrast';
  const foreground = cssVar('--vscode-foreground', dark ? '#cccccc' : '#333333');
  return {
    kind,
    foreground,
    grid: kind.startsWith('high-contrast')
      ? cssVar('--vscode-contrastBorder', foreground)
      : cssVar('--vscode-editorWidget-border', dark ? '#454545' : '#c8c8c8'),
    background: cssVar('--vscode-editor-background', dark ? '#1e1e1e' : '#ffffff'),
    series: SERIES_VARS.map((v, i) => cssVar(v, FALLBACK[i])),
    shade: dark ? 'rgba(255, 255, 255, 0.07)' : 'rgba(0, 0, 0, 0.06)',
  };
}

/** Calls `onChange` with the new colours whenever VS Code switches theme. Returns the stop function. */
export function watchTheme(onChange: (theme: Theme) => void): () => void {
  let last = document.body.className;
  const observer = new MutationObserver(() => {
    if (document.body.className !== last) {
      last = document.body.className;
      onChange(readTheme());
    }
  });
  observer.observe(document.body, { attributes: true, attributeFilter: ['class'] });
  return () => observer.disconnect();
}
