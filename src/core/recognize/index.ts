/**
 * Recognition of activation calls in source code: given a document's text, an offset and a VS Code language
 * id, which activation (if any) the offset is on, with which effective parameters, in which framework.
 *
 * Work per call is bounded: only a window of text around the offset is tokenized (a small one first, a larger
 * one only when a bracket around the offset reaches past the small one), and imports are read from a bounded
 * prefix of the document (see imports.ts).
 */
import type { RecognizedCall } from '../types';
import { findEnclosing } from './args';
import { matchAttributeCall } from './attributes';
import { matchFormula } from './formulas';
import { scanImports } from './imports';
import { matchString } from './activationStrings';
import { matchName, type Scope } from './match';
import { tokenize, type Lang, type Token } from './tokenizer';

const LANGS: Readonly<Record<string, Lang>> = {
  python: 'python',
  javascript: 'js',
  typescript: 'js',
  javascriptreact: 'js',
  typescriptreact: 'js',
  julia: 'julia',
  cpp: 'cpp',
  c: 'cpp',
  cuda: 'cpp',
  'cuda-cpp': 'cpp',
  rust: 'rust',
};

/** Window sizes (characters before / after the offset): the first try, then the most we ever read. */
const SMALL: readonly [number, number] = [240, 160];
const LARGE: readonly [number, number] = [4000, 3000];
/** How far a window edge may move to reach a line boundary. */
const SNAP = 240;

/**
 * The activation call (or activation named where a layer is configured) at `offset`, or undefined.
 * Never throws: bad input gets undefined.
 */
export function recognizeAt(
  text: string,
  offset: number,
  languageId: string,
): RecognizedCall | undefined {
  try {
    return recognizeUnguarded(text, offset, languageId);
  } catch {
    // A bug must cost one hover, never an exception in the extension host.
    return undefined;
  }
}

/**
 * `recognizeAt` without its safety net, so that the fuzz test sees any exception instead of an undefined.
 * Not part of the core's API.
 */
export function recognizeUnguarded(
  text: string,
  offset: number,
  languageId: string,
): RecognizedCall | undefined {
  if (typeof text !== 'string' || typeof languageId !== 'string' || !Number.isInteger(offset)) {
    return undefined;
  }
  if (offset < 0 || offset > text.length) {
    return undefined;
  }
  const lang = Object.prototype.hasOwnProperty.call(LANGS, languageId)
    ? LANGS[languageId]
    : undefined;
  if (lang === undefined) {
    return undefined;
  }
  const small = recognizeIn(text, offset, lang, SMALL);
  if (small !== 'retry') {
    return small;
  }
  const large = recognizeIn(text, offset, lang, LARGE);
  return large === 'retry' ? undefined : large;
}

/** Recognition at an assignment's right-hand side, for calls through `self.<name>` (attributes.ts). */
function recognizeAssigned(text: string, offset: number): RecognizedCall | undefined {
  const found = recognizeIn(text, offset, 'python', SMALL);
  return found === 'retry' ? undefined : found;
}

function recognizeIn(
  text: string,
  offset: number,
  lang: Lang,
  [back, ahead]: readonly [number, number],
): RecognizedCall | undefined | 'retry' {
  const from = safeStart(text, snapBack(text, Math.max(0, offset - back)), offset, lang);
  const to = snapAhead(text, Math.min(text.length, offset + ahead));
  const toks = tokenize(text, from, to, lang);
  const ti = tokenAt(toks, offset);
  if (ti < 0) {
    return undefined;
  }
  const scope: Scope = { toks, imports: scanImports(text, lang), lang };
  const tok = toks[ti];
  let found: RecognizedCall | undefined;
  if (tok.k === 'str') {
    found = matchString(scope, ti);
  } else if (tok.k === 'id') {
    found = matchFormula(scope, ti) ?? matchName(scope, ti);
    if (found === undefined && lang === 'python') {
      found = matchAttributeCall(text, toks, ti, (at) => recognizeAssigned(text, at));
    }
  } else {
    found = matchFormula(scope, ti);
  }
  if (found !== undefined) {
    return found;
  }
  // Retry with the large window when the small one may have missed context: the call around the offset (or
  // its name) starts before the window — strings depend on it, names in `partial(…)` too — or a string spans
  // lines (the window may have started inside a docstring).
  const enc = from > 0 ? findEnclosing(toks, ti, lang) : undefined;
  const cut =
    from > 0 && (enc === undefined ? tok.k === 'str' || hasOpenBefore(toks, ti) : enc.open < 4);
  const multiLine = tok.k === 'str' && text.slice(tok.s, tok.e).includes('\n');
  return (cut || multiLine) && back < LARGE[0] ? 'retry' : undefined;
}

/** Whether the tokens before `ti` close more brackets than they open (the window cut a list open). */
function hasOpenBefore(toks: readonly Token[], ti: number): boolean {
  let depth = 0;
  for (let i = 0; i < ti; i++) {
    const t = toks[i].t;
    if (t === '(' || t === '[' || t === '{') {
      depth++;
    } else if (t === ')' || t === ']' || t === '}') {
      depth--;
    }
  }
  return depth < 0 || ti < 8;
}

/** The token whose span contains the offset (end inclusive), preferring names and strings on a tie. */
function tokenAt(toks: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = toks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (toks[mid].e < offset) {
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  // toks[lo] is the first token ending at or after the offset.
  const a = toks[lo];
  if (a === undefined || a.s > offset) {
    return -1;
  }
  const b = toks[lo + 1];
  if (a.e === offset && b !== undefined && b.s === offset && a.k !== 'id' && b.k !== 'p') {
    return lo + 1;
  }
  return lo;
}

/** Moves a window start back to a line start when one is near, so tokens are not cut. */
function snapBack(text: string, pos: number): number {
  for (let i = pos; i > 0 && i > pos - SNAP; i--) {
    if (text.charCodeAt(i - 1) === 10) {
      return i;
    }
  }
  return pos;
}

function snapAhead(text: string, pos: number): number {
  for (let i = pos; i < text.length && i < pos + SNAP; i++) {
    if (text.charCodeAt(i) === 10) {
      return i;
    }
  }
  return pos;
}

/**
 * A window may start inside a comment or docstring that began earlier; its prose would then be read as code.
 * C-like: if the text before the offset closes a block comment it never opened, start after that closer.
 * Python/Julia: an opening and a closing triple quote look alike, so count them in the text just before the
 * window (up to the large window's reach): an odd count means the window starts inside a triple-quoted
 * string, and the window then starts where that text starts, outside it.
 */
function safeStart(text: string, from: number, offset: number, lang: Lang): number {
  if (lang === 'python' || lang === 'julia') {
    const reach = snapBack(text, Math.max(0, offset - LARGE[0]));
    if (reach >= from) {
      return from;
    }
    const odd = (q: string): boolean => {
      let n = 0;
      for (let i = text.indexOf(q, reach); i >= 0 && i + 3 <= from; i = text.indexOf(q, i + 3)) {
        n++;
      }
      return n % 2 === 1;
    };
    return odd('"""') || (lang === 'python' && odd("'''")) ? reach : from;
  }
  const region = text.slice(from, offset);
  const close = region.indexOf('*/');
  const open = region.indexOf('/*');
  return close >= 0 && (open < 0 || close < open) ? from + close + 2 : from;
}
