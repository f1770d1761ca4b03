/**
 * Typeset formulas for the hover. `scripts/renderFormulas.ts` typesets every catalogue formula with MathJax at
 * build time into `dist/formulas.json` (SVG keyed by TeX, glyphs in `currentColor`); here each SVG gets the
 * theme's text colour and becomes a data URI. MathJax itself never enters the extension bundle.
 */
import type { Formula } from '../core';
import { svgDataUri } from './svgDataUri';
import { coloursFor, type ThemeKind } from './themeColours';

/**
 * The two lines the hover typesets for a formula pair, "f(x) = …" and "f′(x) = …" (for a vector function
 * "y = …" and its Jacobian, which names itself): the build typesets exactly these TeX strings, the hover
 * looks them up by the same strings, and the Unicode is the alt text.
 */
export function formulaLines(
  pair: { readonly f: Formula; readonly df: Formula },
  kind: 'scalar' | 'vector',
): Formula[] {
  if (kind === 'vector') {
    return [{ tex: `y = ${pair.f.tex}`, unicode: `y = ${pair.f.unicode}` }, pair.df];
  }
  return [
    { tex: `f(x) = ${pair.f.tex}`, unicode: `f(x) = ${pair.f.unicode}` },
    ...withNamedPart({ tex: `f'(x) = ${pair.df.tex}`, unicode: `f′(x) = ${pair.df.unicode}` }),
  ];
}

/** `…,\; u = …` at the end of a TeX formula: the definition of a named sub-expression. */
const NAMED_PART_TEX = /,\\; ([a-zA-Z]) = (.+)$/;

/**
 * A formula that ends by defining a named sub-expression (GELU's tanh form: `…, u = √(2/π)(x + …)`) as two
 * lines, the formula and "where u = …": one long line would not fit a hover beside the plot.
 */
function withNamedPart(line: Formula): Formula[] {
  const tex = NAMED_PART_TEX.exec(line.tex);
  const name = tex?.[1];
  const cut = name === undefined ? -1 : line.unicode.lastIndexOf(`, ${name} = `);
  if (!tex || name === undefined || cut < 0) {
    return [line];
  }
  return [
    { tex: line.tex.slice(0, tex.index), unicode: line.unicode.slice(0, cut) },
    {
      tex: `\\text{where } ${name} = ${tex[2]}`,
      unicode: `where ${line.unicode.slice(cut + 2)}`,
    },
  ];
}

/** The shape of dist/formulas.json. */
export interface FormulaStoreFile {
  readonly version: 1;
  /** TeX → self-contained SVG whose paint is `currentColor`. */
  readonly formulas: Readonly<Record<string, string>>;
}

/** Reads dist/formulas.json's text; anything malformed yields an empty store (the hover then shows Unicode). */
export function parseFormulaStore(text: string): FormulaStoreFile {
  try {
    const data: unknown = JSON.parse(text);
    if (typeof data === 'object' && data !== null && 'formulas' in data) {
      const formulas = (data as { formulas: unknown }).formulas;
      if (typeof formulas === 'object' && formulas !== null) {
        const entries = Object.entries(formulas).filter(
          (e): e is [string, string] => typeof e[1] === 'string' && e[1].startsWith('<svg'),
        );
        return { version: 1, formulas: Object.fromEntries(entries) };
      }
    }
  } catch {
    // fall through: a broken file must not break the hover
  }
  return { version: 1, formulas: {} };
}

/** Themed data URIs of the stored formulas, made once per (TeX, theme kind). */
export class FormulaImages {
  private readonly cache = new Map<string, string>();

  constructor(private readonly store: FormulaStoreFile) {}

  /** Number of formulas in the store. */
  get size(): number {
    return Object.keys(this.store.formulas).length;
  }

  /** The typeset width of `tex` in px (the hover lays out by it), or undefined when not typeset. */
  width(tex: string): number | undefined {
    const svg = Object.prototype.hasOwnProperty.call(this.store.formulas, tex)
      ? this.store.formulas[tex]
      : undefined;
    const m = svg === undefined ? null : /^<svg[^>]* width="([\d.]+)"/.exec(svg);
    return m ? Number(m[1]) : undefined;
  }

  /** The image for `tex` coloured for `theme`, or undefined when the build did not typeset it. */
  image(tex: string, theme: ThemeKind): string | undefined {
    const key = `${theme}\u0000${tex}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) {
      return cached;
    }
    const svg = Object.prototype.hasOwnProperty.call(this.store.formulas, tex)
      ? this.store.formulas[tex]
      : undefined;
    if (svg === undefined) {
      return undefined;
    }
    const uri = svgDataUri(svg.replace(/currentColor/g, coloursFor(theme).text));
    this.cache.set(key, uri);
    return uri;
  }
}
