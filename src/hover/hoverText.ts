/**
 * The hover's prose sections: title with the effective parameters, parameter values beside the formulas,
 * properties, framework differences and the action links. Pure Markdown strings.
 */
import type { ParamSpec, ParamValue } from '../core';
import type { ActivationFacts } from './activationFacts';
import { frameworkName } from './frameworkNames';
import { tfKeras2Docs } from '../core/activations/docs';
import { formatNumber } from '../core/numberFormat';
import { codeHtml, commandLink } from './markdownSafety';

/** The input of a vector activation's example in the hover, and of its Plot link's Softmax view. */
export const EXAMPLE_VECTOR: readonly number[] = [-1, 0, 1, 2];
import { unicodeMath } from './proseMath';

/** Commands the hover's links may run; the MarkdownString trusts exactly these. */
export const HOVER_COMMANDS = ['activationLens.plot', 'activationLens.compare'] as const;

/** Argument of activationLens.plot / activationLens.compare (agreed with the plot panel). */
export interface PlotArgs {
  readonly series: { readonly id: string; readonly params: Record<string, number | string> }[];
}

/**
 * Escapes the characters that are active inside a line of Markdown (emphasis, links, code, tables, HTML) in
 * text taken from code or the catalogue. Block markers (#, -, +) need no escape: our lines never start with
 * such text.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]|<>]/g, (c) => `\\${c}`);
}

/** Display name plus the choice that changes the formula: "GELU (tanh approximation)". */
export function displayName(facts: ActivationFacts): string {
  const choice = facts.info.params.find((p) => p.choices && p.name === 'approximate');
  const v = choice ? facts.params[choice.name] : undefined;
  return typeof v === 'string' && v !== 'none'
    ? `${facts.info.name} (${v} approximation)`
    : facts.info.name;
}

/** "= 0.2", "= 0.01 — JAX's default", "`self.slope` is not a literal: default 0.01 used". */
function paramText(facts: ActivationFacts, p: ParamSpec, digits: number, symbol: boolean): string {
  const v = facts.params[p.name];
  const name = symbol && p.unicode ? p.unicode : p.name;
  const value = formatValue(v, digits);
  if (facts.call.nonLiteral?.includes(p.name)) {
    return `${name} = ${value} (not a literal in the code: default used)`;
  }
  const fw = facts.call.framework;
  const fwDefault = p.frameworkDefaults?.[fw];
  if (fwDefault !== undefined && fwDefault !== p.default && fwDefault === v) {
    return `${name} = ${value} — ${frameworkName(fw)}'s default`;
  }
  return `${name} = ${value}`;
}

function formatValue(v: ParamValue | undefined, digits: number): string {
  return typeof v === 'number' ? formatNumber(v, digits) : v === undefined ? '?' : `'${v}'`;
}

/**
 * Whether the title lists a parameter: when it is not the catalogue default, when the code gave an
 * expression, or when this framework has a default of its own. Otherwise (relu's Keras-only extras in
 * PyTorch code) it would only be noise.
 */
function worthListing(facts: ActivationFacts, p: ParamSpec): boolean {
  return (
    facts.params[p.name] !== p.default ||
    (facts.call.nonLiteral?.includes(p.name) ?? false) ||
    p.frameworkDefaults?.[facts.call.framework] !== undefined
  );
}

/** First line(s): name, framework, the call as written, then the parameters worth listing. */
export function titleMarkdown(facts: ActivationFacts, callText: string, digits: number): string {
  const framework = frameworkName(facts.call.framework);
  // The call as written is file text: it enters the Markdown only as escaped HTML text (markdownSafety).
  const head = `**${escapeMarkdown(displayName(facts))}** · ${framework} · ${codeHtml(callText)}`;
  const params = facts.info.params
    .filter((p) => worthListing(facts, p))
    .map((p) => escapeMarkdown(paramText(facts, p, digits, false)));
  return params.length > 0 ? `${head}  \n${params.join(' · ')}` : head;
}

/** Whether `symbol` (`\\alpha`, `m`) occurs in `tex` as a symbol, not inside a command or word (`\\max`). */
export function texUses(tex: string, symbol: string): boolean {
  const escaped = symbol.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
  return new RegExp(`(?<![\\\\a-zA-Z])${escaped}(?![a-zA-Z])`).test(tex);
}

/** The parameter values with their formula symbols (α = 0.2), plain text for under the formula images. */
export function symbolsText(facts: ActivationFacts, digits: number): string {
  const tex = `${facts.formulas.f.tex} ${facts.formulas.df.tex}`;
  return facts.info.params
    .filter((p) => p.symbol && texUses(tex, p.symbol))
    .map((p) => paramText(facts, p, digits, true))
    .join(' · ');
}

/** Intervals (from the samples) where f' is exactly 0: the dead-gradient region, in words. */
export function deadRegion(
  xs: ArrayLike<number>,
  dy: ArrayLike<number>,
  kinks: readonly number[],
): string {
  const runs: [number, number][] = [];
  let start = -1;
  for (let i = 0; i <= xs.length; i++) {
    const zero = i < xs.length && dy[i] === 0;
    if (zero && start < 0) {
      start = i;
    } else if (!zero && start >= 0) {
      runs.push([start, i - 1]);
      start = -1;
    }
  }
  const snap = (x: number): number => kinks.find((k) => Math.abs(k - x) < 0.1) ?? x;
  const last = xs.length - 1;
  return runs
    .filter(([a, b]) => b > a)
    .map(([a, b]) => {
      const lo = formatNumber(snap(xs[a]), 3);
      const hi = formatNumber(snap(xs[b]), 3);
      if (a === 0 && b === last) {
        return 'everywhere';
      }
      return a === 0 ? `x < ${hi}` : b === last ? `x > ${lo}` : `${lo} < x < ${hi}`;
    })
    .join(', ');
}

/** One or two lines: range, centring, monotonicity, saturation, dead gradient, gain, the catalogue's notes. */
export function propertiesMarkdown(facts: ActivationFacts, dead: string, digits: number): string {
  const p = facts.info.properties;
  const parts = [
    `range ${p.range}`,
    p.zeroCentred ? 'zero-centred' : 'not zero-centred',
    p.monotonic ? 'monotonic' : 'not monotonic',
    p.smooth ? 'smooth' : 'not smooth',
  ];
  const sat = [p.saturates.left ? 'x → −∞' : '', p.saturates.right ? 'x → +∞' : ''].filter(Boolean);
  parts.push(sat.length > 0 ? `saturates as ${sat.join(' and ')}` : 'does not saturate');
  if (dead) {
    parts.push(`f′ = 0 for ${dead}`);
  }
  if (facts.info.gain) {
    try {
      // Named as in PyTorch: for SELU it is not the self-normalising init (see its note).
      parts.push(`calculate_gain ${formatNumber(facts.info.gain(facts.params), digits)}`);
    } catch {
      // a gain that cannot be computed for these parameters is simply not shown
    }
  }
  const line = escapeMarkdown(parts.join(' · '));
  const notes = facts.info.notes.map((n) => escapeMarkdown(unicodeMath(n))).join(' ');
  return notes ? `${line}  \n*${notes}*` : line;
}

/** Only plain https URLs of our own catalogue become links (no parentheses, spaces or quotes). */
const LINKABLE = /^https:\/\/[A-Za-z0-9./_#:-]+$/;

/** A Markdown link to one of the catalogue's own URLs, or nothing if it is not a plain https URL. */
function catalogueLink(label: string, url: string, title: string): string {
  return LINKABLE.test(url) ? `[${escapeMarkdown(label)}](${url} "${escapeMarkdown(title)}")` : '';
}

/**
 * Where frameworks differ for this function, only the lines naming the code's framework, each linked to
 * the docs page or source file (at a tag) it can be checked against.
 */
export function differencesMarkdown(facts: ActivationFacts): string {
  const given = (name: string) =>
    name in facts.call.params || (facts.call.nonLiteral ?? []).includes(name);
  return facts.info.differences
    .filter((d) => d.frameworks.includes(facts.call.framework))
    .filter((d) => d.unlessGiven === undefined || !given(d.unlessGiven))
    .filter((d) => d.onlyIfGiven === undefined || given(d.onlyIfGiven))
    .map((d) => {
      const link = catalogueLink('source', d.source.url, d.source.label.replace(/"/g, "'"));
      return `⚠ ${escapeMarkdown(unicodeMath(d.text))}${link ? ` (${link})` : ''}`;
    })
    .join('  \n');
}

/** Plot · Compare · Docs links. */
export function actionsMarkdown(facts: ActivationFacts): string {
  // Arguments come from the catalogue id and validated parameters only (markdownSafety.linkParams); JSON
  // has no ∞ (relu's max_value default), so such a parameter is left to the panel's default.
  // A vector activation opens in the Softmax view with the input the hover's example shows.
  const self =
    facts.info.kind === 'vector'
      ? { id: facts.info.id, params: facts.params, logits: EXAMPLE_VECTOR }
      : { id: facts.info.id, params: facts.params };
  const links = [
    commandLink(
      '$(graph-line) Plot',
      'activationLens.plot',
      [self],
      // Stryker disable next-line StringLiteral: prose shown in the hover (the Plot link's tooltip)
      'Open in the Plot Activation panel',
    ),
  ];
  if (facts.info.related.length > 0) {
    const names = facts.info.related.join(', ');
    const related = facts.info.related.map((id) => ({ id, params: {} }));
    links.push(
      commandLink('Compare', 'activationLens.compare', [self, ...related], `Compare with ${names}`),
    );
  }
  // The code's own framework's page or none: another framework's page may document other defaults.
  // tf.keras 2 code links tf.keras 2's page: keras.io documents Keras 3.
  const docs =
    facts.call.framework === 'keras' && facts.call.tfKeras === true
      ? tfKeras2Docs(facts.info.id)
      : facts.info.docs[facts.call.framework];
  if (docs && LINKABLE.test(docs)) {
    links.push(`[Docs](${docs})`);
  }
  return links.join(' · ');
}
