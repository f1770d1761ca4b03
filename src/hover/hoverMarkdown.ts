/**
 * Builds the hover's Markdown for one recognized call from the core's facts, the settings, the typeset
 * formulas and the theme kind. Pure (no vscode): the provider wraps the string in a MarkdownString.
 */
import type { LensConfig } from '../config';
import type { ActivationFacts } from './activationFacts';
import { formulaLines, type FormulaImages } from './formulaImages';
import {
  actionsMarkdown,
  EXAMPLE_VECTOR,
  deadRegion,
  escapeMarkdown,
  differencesMarkdown,
  propertiesMarkdown,
  symbolsText,
  titleMarkdown,
} from './hoverText';
import { formatNumber } from '../core/numberFormat';
import { depthLinkMarkdown } from './depthLink';
import { plotGrid, plotSvg } from './plotSvg';
import { escapeXml, svgDataUri } from './svgDataUri';
import { coloursFor, type ThemeKind } from './themeColours';
import { derivativePeak, valuePoints, valuesMarkdown } from './valuesTable';

/** The settings the hover reads. */
export type HoverSettings = Pick<
  LensConfig,
  'sections' | 'significantDigits' | 'plotRange' | 'fixedRange'
>;

export interface HoverInputs {
  readonly facts: ActivationFacts;
  /** The call as written in the code (one line, trimmed by the caller). */
  readonly callText: string;
  readonly settings: HoverSettings;
  readonly theme: ThemeKind;
  /** Typeset formulas; undefined while not loaded or when the file is missing: Unicode is shown instead. */
  readonly formulas: FormulaImages | undefined;
}

/** The whole hover as Markdown, sections in the order, each only when enabled. */
export function hoverMarkdown(inputs: HoverInputs): string {
  const { facts, settings } = inputs;
  const digits = settings.significantDigits;
  const sections: string[] = [titleMarkdown(facts, inputs.callText, digits)];
  if (facts.problem !== undefined) {
    // The same message the panel and the API give for these parameters (validateParams).
    sections.push(`⚠ ${escapeMarkdown(facts.problem)}`);
  }
  const on = settings.sections;
  const formulas = on.formulas ? formulasHtml(inputs) : '';
  if (facts.info.kind === 'scalar') {
    const range = plotRangeFor(facts, settings);
    const xs = plotGrid(range, facts.kinks);
    const samples = facts.sample(xs);
    const plot = on.plot ? plotHtml(inputs, xs, samples.y, samples.dy, range) : '';
    sections.push(sideBySide(formulas, plot));
    if (on.values) {
      const peak = derivativePeak(xs, samples.dy);
      sections.push(valuesMarkdown(facts, valuePoints(facts, peak), digits));
    }
    if (on.properties) {
      sections.push(propertiesMarkdown(facts, deadRegion(xs, samples.dy, facts.kinks), digits));
    }
  } else {
    sections.push(sideBySide(formulas, ''));
    if (on.values) {
      sections.push(vectorValuesMarkdown(facts, digits));
    }
    if (on.properties) {
      sections.push(propertiesMarkdown(facts, '', digits));
    }
  }
  if (on.differences) {
    sections.push(differencesMarkdown(facts));
  }
  const [title, ...body] = sections.filter((s) => s.length > 0);
  // Rules only around the body: after the title and before the links, as VS Code's own hovers do.
  const parts = [title, body.join('\n\n')];
  if (on.actions) {
    parts.push(actionsMarkdown(facts) + depthLinkMarkdown(facts));
  }
  return parts.filter((s) => s.length > 0).join('\n\n---\n\n');
}

/** The range the plot and the table cover: the catalogue's (widened to the argument), or the fixed one. */
export function plotRangeFor(facts: ActivationFacts, settings: HoverSettings): [number, number] {
  if (settings.plotRange === 'fixed') {
    return [-settings.fixedRange, settings.fixedRange];
  }
  let [lo, hi] = facts.info.plotRange;
  for (const x of [...facts.kinks, facts.call.arg]) {
    if (x !== undefined && Number.isFinite(x) && Math.abs(x) < 1e6) {
      const pad = Math.max(1, Math.abs(x) * 0.25);
      lo = Math.min(lo, x - pad);
      hi = Math.max(hi, x + pad);
    }
  }
  return [lo, hi];
}

/**
 * The formulas' column, px. VS Code opens a hover at most max(⅔ of the editor width, 750 px) wide and
 * max(¼ of its height, 250 px) tall; the plot (240 px) sits beside the formulas so that the title, f, f′
 * and the plot all show in the first 250 px. A wider formula is scaled down to this width.
 */
export const FORMULA_COLUMN_MAX = 440;

/**
 * Formulas on the left, plot on the right: one HTML table row keeps the hover short enough to read without
 * scrolling. Either side may be empty (its section switched off).
 */
function sideBySide(left: string, right: string): string {
  if (!left || !right) {
    return left || right;
  }
  return `<table><tr><td valign="top">${left}</td><td valign="top">${right}</td></tr></table>`;
}

/** An <img> for a data URI, `width` px wide when given (its height follows); alt text is plain Unicode. */
function img(uri: string, alt: string, width?: number): string {
  const size = width === undefined ? '' : ` width="${Math.floor(width)}"`;
  return `<img src="${uri}" alt="${escapeXml(alt)}"${size}>`;
}

function formulasHtml({ facts, theme, formulas, settings }: HoverInputs): string {
  const lines = formulaLines(facts.formulas, facts.info.kind).map((line) => {
    const uri = formulas?.image(line.tex, theme);
    const width = formulas?.width(line.tex) ?? 0;
    // Without the typeset image (file missing, formula not in it) the Unicode formula still reads well.
    return uri
      ? img(uri, line.unicode, width > FORMULA_COLUMN_MAX ? FORMULA_COLUMN_MAX : undefined)
      : `<code>${escapeXml(line.unicode)}</code>`;
  });
  const symbols = symbolsText(facts, settings.significantDigits);
  return [...lines, symbols ? escapeXml(symbols) : ''].filter(Boolean).join('<br>');
}

function plotHtml(
  { facts, theme }: HoverInputs,
  xs: Float64Array,
  y: Float64Array,
  dy: Float64Array,
  range: readonly [number, number],
): string {
  const inside = facts.kinks.filter((k) => k >= range[0] && k <= range[1]);
  const atKinks = facts.sample(Float64Array.from(inside)).y;
  const kinks = inside.map((k, i) => ({ x: k, y: atKinks[i] }));
  const label = `${facts.info.name}: f solid, f′ dashed`;
  return img(svgDataUri(plotSvg({ xs, y, dy, kinks }, coloursFor(theme), label)), label);
}

function vectorValuesMarkdown(facts: ActivationFacts, digits: number): string {
  const out = facts.vector([...EXAMPLE_VECTOR]);
  if (!out) {
    return '';
  }
  const fmt = (v: readonly number[]): string =>
    `[${v.map((x) => formatNumber(x, digits)).join(', ')}]`;
  return `f(${fmt(EXAMPLE_VECTOR)}) = ${fmt(out)}`;
}
