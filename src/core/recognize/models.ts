/**
 * Which document model a hover reads, and the cache of models. A text is lexed whole, once, when that is
 * cheap enough for a first hover: up to MAX_MODEL_TOKENS tokens (lexing costs about the same per token
 * whatever the language, so the count of tokens, not of characters, says what a text costs). A text with
 * more — generated code, minified bundles, data written as code, a crafted file — is read by windows: the
 * model then covers an aligned window around the hovered offset, and its imports come from the text's head.
 * A window starts at a top-level line (`def`, `class`, `fn`, …) when one is near, so that it rarely starts
 * inside a docstring, but a block comment or string opened before the window is not seen.
 */
import { DocumentModel } from './document';
import type { Imports } from './imports';
import { TokenBuffer } from './tokenBuffer';
import { lex, type Lang } from './tokenizer';

/**
 * Most tokens in a text lexed whole: about 650 kB of Python, a 20,000-line file (the whole-text pass costs
 * 20–30 ns a token on the 2-core machine `npm run bench` reports from, so a first hover stays within a few
 * milliseconds).
 */
export const MAX_MODEL_TOKENS = 160_000;
/** Longest text whose tokens are counted at all: a longer one is read by windows. */
export const MAX_MODEL_CHARS = 2_000_000;
/**
 * The token count of a text too long to be sure of (more characters than MAX_MODEL_TOKENS) is estimated
 * from this many samples of SAMPLE_CHARS spread over it. A text built to fool the samples is still lexed no
 * further than 2 × MAX_MODEL_TOKENS before it is read by windows.
 */
const SAMPLES = 16;
const SAMPLE_CHARS = 2048;
/**
 * Window alignment: a window spans the chunk around the offset and one on each side, so the hovered offset
 * has at least a chunk of context on each side (the largest recognition window is 2,500 tokens, about
 * 10 kB of code).
 */
const CHUNK = 32 * 1024;
/** How much of a windowed text's head its imports are read from. */
const HEAD_CHARS = 32 * 1024;
/** How far a window edge moves back to reach a line start. */
const SNAP = 4096;
/** How many models are kept: hovers alternate between a few open documents (and windows of long ones). */
const CACHE_SIZE = 4;

/** A cached model, the chunk its window was made for (-1 for a text lexed whole) and its text's identity. */
interface Cached {
  readonly model: DocumentModel;
  readonly chunk: number;
  /** Equal texts share one id (and one string), so a text is compared whole once per lookup at most. */
  readonly textId: number;
}

const cache: Cached[] = [];
let nextTextId = 0;

/**
 * The model of `text` in `lang` that covers `offset`: the whole text unless it holds more than
 * MAX_MODEL_TOKENS tokens. Cached: the same text (the same string, or an equal one) gets the same model.
 */
export function documentModel(text: string, lang: Lang, offset = 0, head?: Imports): DocumentModel {
  const known = cachedText(text, lang, head);
  const windowed = known === undefined ? !fitsWhole(text, lang) : known.chunk >= 0;
  const around = chunkOf(offset);
  const chunk = windowed ? around : -1;
  if (known !== undefined) {
    const i = cache.findIndex((c) => c.textId === known.textId && c.chunk === chunk);
    if (i >= 0) {
      const [hit] = cache.splice(i, 1);
      cache.unshift(hit);
      return hit.model;
    }
  }
  // An equal text already cached lends its string: the models of one text share it.
  const same = known?.model.text ?? text;
  const textId = known?.textId ?? nextTextId++;
  let model: DocumentModel | undefined;
  if (!windowed) {
    model = new DocumentModel(same, lang, 0, same.length, head, head, 2 * MAX_MODEL_TOKENS);
  }
  if (model?.complete === true) {
    remember({ model, chunk: -1, textId });
  } else {
    model = windowModel(same, lang, around, head);
    remember({ model, chunk: around, textId });
  }
  return model;
}

/** The cached entry whose text equals `text` (in `lang`, after `head`), if any. */
function cachedText(text: string, lang: Lang, head: Imports | undefined): Cached | undefined {
  // Two cached texts of the same length are compared at most (the successive versions of a document often
  // have the same length, and a long text costs a full compare when it equals up to its last characters).
  let compared = 0;
  for (const c of cache) {
    const m = c.model;
    if (m.lang !== lang || m.head !== head || m.text.length !== text.length) {
      continue;
    }
    if (sameText(m.text, text)) {
      return c;
    }
    if (++compared >= 2) {
      return undefined;
    }
  }
  return undefined;
}

/**
 * Forgets every cached model (and the answers remembered on them). For the unit tests only: under
 * StrykerJS the test bundles stay loaded from one mutant to the next, and a model cached by an earlier run
 * would answer with what the code computed before the mutant was switched on.
 */
export function forgetModels(): void {
  cache.length = 0;
}

function remember(entry: Cached): void {
  cache.unshift(entry);
  cache.length = Math.min(cache.length, CACHE_SIZE);
}

function chunkOf(offset: number): number {
  return Math.floor(offset / CHUNK) * CHUNK;
}

/** Whether `text` may be lexed whole: at most MAX_MODEL_TOKENS tokens, counted or estimated. */
function fitsWhole(text: string, lang: Lang): boolean {
  if (text.length <= MAX_MODEL_TOKENS) {
    return true; // every token holds a character at least
  }
  return text.length <= MAX_MODEL_CHARS && estimatedTokens(text, lang) <= MAX_MODEL_TOKENS;
}

/** The tokens `text` holds, estimated from SAMPLES evenly spaced pieces of it. */
export function estimatedTokens(text: string, lang: Lang): number {
  const buf = new TokenBuffer((SAMPLES * SAMPLE_CHARS) >> 2, 0, SAMPLES * SAMPLE_CHARS);
  let read = 0;
  for (let k = 0; k < SAMPLES; k++) {
    const at = Math.floor(((text.length - SAMPLE_CHARS) * k) / (SAMPLES - 1));
    // From a line start, so that a sample does not begin in the middle of a token.
    const line = text.indexOf('\n', at);
    const from = line >= 0 && line < at + SAMPLE_CHARS / 2 ? line + 1 : at;
    const to = Math.min(text.length, from + SAMPLE_CHARS);
    lex(text, from, to, lang, buf);
    read += to - from;
  }
  return Math.ceil((buf.count * text.length) / Math.max(1, read));
}

/** The model of the window around chunk `chunk` of a text read by windows, with the imports of its head. */
function windowModel(
  text: string,
  lang: Lang,
  chunk: number,
  head: Imports | undefined,
): DocumentModel {
  const from = windowStart(text, Math.max(0, chunk - CHUNK), lang);
  const to = Math.min(text.length, chunk + 2 * CHUNK);
  let imports = head;
  const headEnd = snapBack(text, HEAD_CHARS);
  if (from > 0 || to < headEnd) {
    imports = documentModel(text.slice(0, headEnd), lang, 0, head).imports;
  }
  return new DocumentModel(text, lang, from, to, head, imports);
}

/**
 * Whether two texts of the same length are equal: a few sampled characters first, so that a different
 * text is told apart without comparing it whole.
 */
function sameText(a: string, b: string): boolean {
  for (let k = 1; k <= 16; k++) {
    const i = Math.floor((a.length * k) / 17);
    if (a.charCodeAt(i) !== b.charCodeAt(i)) {
      return false;
    }
  }
  return a === b;
}

/**
 * Lines that begin, at column 0, with one of these words are code in nearly every file: a window that starts
 * there does not start inside a docstring or a block comment (a guess a window cannot check).
 */
const TOP_LEVEL: Readonly<Record<Lang, RegExp>> = {
  python: /^(?:def |class |async def |@|import |from |if __name__)/,
  js: /^(?:function |class |const |let |var |import |export |async function )/,
  cpp: /^(?:#include|#define|namespace |class |struct |template|using |int |void |static )/,
  rust: /^(?:fn |pub |use |impl |struct |enum |mod |#\[|const |static |trait )/,
  julia: /^(?:function |struct |module |using |import |const |mutable struct |abstract type )/,
};

/** How many lines a window start may move back to find a top-level line. */
const MAX_START_LINES = 2000;

/**
 * Where a window that should start near `pos` starts: the nearest line before it that begins with top-level
 * code (at most CHUNK characters and MAX_START_LINES lines back), else the nearest line start. A line
 * start at `pos` itself counts.
 */
function windowStart(text: string, pos: number, lang: Lang): number {
  const pattern = TOP_LEVEL[lang];
  const limit = Math.max(0, pos - CHUNK);
  let lines = 0;
  // Backwards over at most CHUNK characters (a native search for the line start could read megabytes).
  for (let i = pos; i > limit && lines < MAX_START_LINES; i--) {
    if (text.charCodeAt(i - 1) === 10) {
      lines++;
      if (pattern.test(text.slice(i, i + 24))) {
        return i;
      }
    }
  }
  return snapBack(text, pos);
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
