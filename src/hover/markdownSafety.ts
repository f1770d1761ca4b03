/**
 * The only ways text from a file and command links enter the hover's Markdown. The hover is trusted
 * (command links) and HTML-enabled, so anything a file can write there must reach the reader as text:
 * never as Markdown, HTML, a link, an image or a theme icon.
 */
import { getActivation, validateParams } from '../core';

/**
 * Characters that change how text reads without being seen: C0/C1 controls, zero-width and directional
 * marks, bidi embeddings, overrides and isolates (Trojan Source), the BOM, line/paragraph separators.
 * Tab, CR and LF are plain whitespace and are collapsed instead.
 */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/** Shows each invisible control as `<U+202E>`, so the reader sees that the code holds one. */
export function showInvisibles(text: string): string {
  return text.replace(
    INVISIBLE,
    (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`,
  );
}

/**
 * The first `max` code points of `text`, with `…` when it was longer: never splits a surrogate pair
 * (half a pair would render as a replacement box or merge with what follows).
 */
export function cutAtCodePoint(text: string, max: number): string {
  if (text.length <= max) {
    return text;
  }
  let count = 0;
  let keep = 0;
  let end = 0;
  for (const ch of text) {
    count++;
    if (count > max) {
      return `${text.slice(0, keep)}…`;
    }
    end += ch.length;
    if (count === max - 1) {
      keep = end;
    }
  }
  return text;
}

/** Longest call text the title shows, in code points (callText already shortens to less). */
const MAX_CODE = 120;

/**
 * Code as an inline HTML `<code>` whose every character other than an ASCII letter, digit or space is a
 * numeric character reference. Markdown sees no syntax at all inside it (no backtick, bracket, `<`,
 * `_`, `*`, `$(`, URL or email), so nothing can close the element or start a link, image or icon; the
 * HTML parser turns the references back into the characters, as text. Whitespace runs become one space,
 * invisible controls are shown, and a long text is cut on a code point.
 */
export function codeHtml(code: string): string {
  const shown = cutAtCodePoint(showInvisibles(code.replace(/[\t\n\r]+/g, ' ')), MAX_CODE);
  let out = '';
  for (const ch of shown) {
    const cp = ch.codePointAt(0) ?? 0xfffd;
    if (/^[A-Za-z0-9 ]$/.test(ch)) {
      out += ch;
    } else {
      // A lone surrogate (cut source, broken file) has no character to stand for: U+FFFD.
      out += `&#${cp >= 0xd800 && cp <= 0xdfff ? 0xfffd : cp};`;
    }
  }
  return `<code>${out}</code>`;
}

/** Commands the hover's links may run; the MarkdownString enables exactly these. */
export type HoverCommand = 'activationLens.plot' | 'activationLens.compare';

/** One series of a Plot/Compare link: a catalogue id and parameters the core accepts. */
export interface LinkSeries {
  readonly id: string;
  readonly params: Readonly<Record<string, unknown>>;
  /** A vector activation's logits for the Softmax view (the hover's example input). */
  readonly logits?: readonly number[];
}

/**
 * The parameters a link may carry for activation `id`: only the activation's own parameters, only finite
 * numbers and strings among the parameter's choices, and only if the core accepts the whole set. What
 * the recognizer read from the file never reaches a link otherwise.
 */
export function linkParams(
  id: string,
  params: Readonly<Record<string, unknown>>,
): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  try {
    for (const spec of getActivation(id).params) {
      const v = params[spec.name];
      if (typeof v === 'number' && Number.isFinite(v)) {
        out[spec.name] = v;
      } else if (typeof v === 'string' && spec.choices?.includes(v)) {
        out[spec.name] = v;
      }
    }
    // The core's one validation (the panel's too): a set it refuses would only be refused again there.
    return validateParams(id, out) === undefined ? out : {};
  } catch {
    return {};
  }
}

/**
 * A Markdown link running one of our commands with `{ series }` (and `view`). The JSON is percent-encoded in full,
 * including the `(`, `)`, `'`, `!` and `*` that encodeURIComponent leaves, so the destination cannot end
 * early; label and title are our own words.
 */
export function commandLink(
  label: string,
  command: HoverCommand,
  series: readonly LinkSeries[],
  title: string,
  /** The panel view to open instead of the chart (the depth view). */
  view?: 'depth',
): string {
  const args = series.map((s) => {
    const logits = s.logits?.filter(Number.isFinite).slice(0, 16);
    return logits && logits.length >= 2
      ? { id: s.id, params: linkParams(s.id, s.params), logits }
      : { id: s.id, params: linkParams(s.id, s.params) };
  });
  const query = encodeURIComponent(
    JSON.stringify([view === undefined ? { series: args } : { series: args, view }]),
  ).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `[${label}](command:${command}?${query} "${title.replace(/["\\]/g, '')}")`;
}
