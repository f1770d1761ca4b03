/**
 * Text-level readings that need no tokens: where comments and strings are, offsets of a pattern, line
 * starts and a Python parameter list. Each is one linear pass over the text (or a bounded part of it).
 */
import type { Lang } from '../recognize/tokenizer';

/** The names in the parameter list starting after `def f(`: plain, annotated, defaulted, starred. */
export function parameterList(text: string, from: number): string[] {
  let depth = 1;
  let i = from;
  for (; i < text.length && i < from + 2000 && depth > 0; i++) {
    const c = text.charCodeAt(i);
    depth += c === 40 || c === 91 || c === 123 ? 1 : c === 41 || c === 93 || c === 125 ? -1 : 0;
  }
  const out: string[] = [];
  const re = /(?:^|,)\s*\**([A-Za-z_]\w*)/g;
  // Only top-level commas separate parameters: drop bracketed annotations and defaults first.
  const flat = text.slice(from, i - 1).replace(/\[[^\]]*\]|\([^)]*\)|\{[^}]*\}/g, '');
  for (let m = re.exec(flat); m !== null; m = re.exec(flat)) {
    out.push(m[1]);
  }
  return out;
}

export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Every match of `re` (which must be global) in `text`: the offsets of its matches. */
export function matchOffsets(text: string, re: RegExp): number[] {
  const out: number[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push(m.index);
    if (m[0].length === 0) {
      re.lastIndex++;
    }
  }
  return out;
}

/** What opens a comment or string, per language family. */
const OPENERS: Readonly<Record<Lang, RegExp>> = {
  python: /#|'''|"""|'|"/g,
  julia: /#=|#|"""|"|'/g,
  js: /\/\/|\/\*|'|"|`/g,
  cpp: /\/\/|\/\*|'|"/g,
  rust: /\/\/|\/\*|"|'/g,
};

/**
 * The comments and strings of `text` as flat [start, end) pairs, in one linear pass. Like the tokenizer,
 * it knows only what matters here: an unclosed quote ends at its line (triple quotes and template literals
 * span lines); a quote that is Julia's transpose or a Rust lifetime opens nothing.
 */
export function nonCodeRegions(text: string, lang: Lang): number[] {
  const out: number[] = [];
  const re = new RegExp(OPENERS[lang].source, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const s = m.index;
    const open = m[0];
    let e: number;
    if (open === '#' || open === '//') {
      e = text.indexOf('\n', s);
    } else if (open === '/*') {
      e = text.indexOf('*/', s + 2);
      e = e < 0 ? -1 : e + 2;
    } else if (open === '#=') {
      e = juliaBlockEnd(text, s);
    } else if (open.length === 3 || open === '`') {
      e = closeQuote(text, s + open.length, open, true);
    } else if (open === "'" && (lang === 'julia' || lang === 'rust') && !isCharLiteral(text, s)) {
      continue;
    } else {
      e = closeQuote(text, s + 1, open, false);
    }
    if (e < 0) {
      e = text.length;
    }
    out.push(s, e);
    re.lastIndex = Math.max(e, s + 1);
  }
  return out;
}

/** The end of a string whose body starts at `i`; -1 when it never closes. */
function closeQuote(text: string, i: number, quote: string, multiLine: boolean): number {
  for (let j = i; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 92) {
      j++;
    } else if (text.startsWith(quote, j)) {
      return j + quote.length;
    } else if (c === 10 && !multiLine) {
      return j;
    }
  }
  return -1;
}

/** `'x'` or `'\n'`: a char literal (otherwise a transpose or a lifetime). */
function isCharLiteral(text: string, i: number): boolean {
  if (text.charCodeAt(i + 1) === 92) {
    return true;
  }
  const close = text.indexOf("'", i + 1);
  return close > i + 1 && close <= i + 3 && !text.slice(i + 1, close).includes('\n');
}

/** Julia's `#= … =#` nest. */
function juliaBlockEnd(text: string, s: number): number {
  let depth = 0;
  for (let i = s; i < text.length - 1; i++) {
    if (text.startsWith('#=', i)) {
      depth++;
      i++;
    } else if (text.startsWith('=#', i)) {
      depth--;
      i++;
      if (depth === 0) {
        return i + 1;
      }
    }
  }
  return -1;
}
