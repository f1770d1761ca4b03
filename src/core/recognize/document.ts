/**
 * The document model: a text lexed once, whole, into typed arrays (kind, span, line and statement marks per
 * token), cached for the last few texts, so every hover on that text is answered from it with bounded work:
 * a binary search for the token, then a window of tokens around it turned into objects on demand.
 * Imports, definitions and bindings are read from it lazily, each in one linear pass, once per text.
 *
 * A text longer than MAX_MODEL_CHARS is not lexed whole: the model then covers an aligned window around the
 * hovered offset (and the imports come from the document's head), so even a 40 MB file costs one bounded
 * lex per window. Such texts are generated or minified; a window starts at a top-level line (`def`, `class`,
 * `fn`, …) when one is near, so that it rarely starts inside a docstring, but a block comment or string opened
 * outside the window is not seen.
 */
import { scanImportsIn, type Imports } from './imports';
import { markStatements, NL, statementStarts, STMT } from './statements';
import { TokenBuffer } from './tokenBuffer';
import { KINDS, lex, type Lang, type Token } from './tokenizer';

/** Longest text lexed whole (characters). */
export const MAX_MODEL_CHARS = 2_000_000;
/**
 * Window alignment for longer texts: a window spans the chunk around the offset and one on each side, so
 * the hovered offset has at least a chunk of context on each side (the largest recognition window is
 * 2,500 tokens, about 10 kB of code).
 */
const CHUNK = 32 * 1024;
/** How much of a long text's head its imports are read from. */
const HEAD_CHARS = 64 * 1024;
/** How far a window edge moves back to reach a line start. */
const SNAP = 4096;
/** How many models are kept: hovers alternate between a few open documents. */
const CACHE_SIZE = 4;
/** Tokens turned into objects together: a hover's window usually touches one or two chunks. */
const TOKEN_CHUNK = 256;

/** A lexed text (or window of one): tokens by index, in order of position. */
export class DocumentModel {
  count: number;
  kinds: Uint8Array;
  starts: Int32Array;
  ends: Int32Array;
  flags: Uint8Array;
  private readonly objects: (Token[] | undefined)[] = [];
  private importsCache: Imports | undefined;
  private lines: Int32Array | undefined;
  private statements: Int32Array | undefined;
  /** Lazily built indexes other modules keep on the model (bindings, attributes): one pass each. */
  readonly memo = new Map<string, unknown>();

  constructor(
    readonly text: string,
    readonly lang: Lang,
    /** The lexed range: the whole text unless it is longer than MAX_MODEL_CHARS. */
    readonly from: number,
    readonly to: number,
    /** Imports from code that runs before this text (a notebook's earlier cells): part of the cache key. */
    readonly head: Imports | undefined,
    /** Imports read elsewhere (`head`, or the document's first lines for a window of a long text). */
    private readonly headImports: Imports | undefined,
  ) {
    // Code holds about one token per four characters: reserve that, grow if the text is denser.
    const buf = new TokenBuffer(Math.ceil((to - from) / 4), from, to);
    lex(text, from, to, lang, buf);
    markStatements(text, lang, buf);
    this.count = buf.count;
    this.kinds = buf.kinds;
    this.starts = buf.starts;
    this.ends = buf.ends;
    this.flags = buf.flags;
  }

  /**
   * Index of the first token of each token's statement (built on first use: a hover asks
   * `statementStart`, which reads only the tokens it needs).
   */
  get stmt(): Int32Array {
    this.statements ??= statementStarts(this.flags, this.count);
    return this.statements;
  }

  /**
   * The first token of token `i`'s statement when it is at most `back` tokens before `i`, else -1 (the
   * statement starts further back). Reads at most `back` flags.
   */
  statementStart(i: number, back: number): number {
    const limit = Math.max(0, i - back);
    for (let k = i; k >= limit; k--) {
      if ((this.flags[k] & STMT) !== 0) {
        return k;
      }
    }
    return limit === 0 ? 0 : -1;
  }

  /** The text of token `i`. */
  tokenText(i: number): string {
    return this.text.slice(this.starts[i], this.ends[i]);
  }

  /** Token `i` as an object (made once per chunk of tokens). */
  token(i: number): Token {
    const c = Math.floor(i / TOKEN_CHUNK);
    let chunk = this.objects[c];
    if (chunk === undefined) {
      chunk = this.fresh(c * TOKEN_CHUNK, Math.min(this.count, (c + 1) * TOKEN_CHUNK));
      this.objects[c] = chunk;
    }
    return chunk[i - c * TOKEN_CHUNK];
  }

  /** Tokens `[a, b)` as new objects, not kept (for one-off reads such as an import statement). */
  fresh(a: number, b: number): Token[] {
    const out: Token[] = [];
    for (let k = a; k < b; k++) {
      const f = this.flags[k];
      out.push({
        k: KINDS[this.kinds[k]],
        s: this.starts[k],
        e: this.ends[k],
        t: this.tokenText(k),
        nl: (f & NL) !== 0,
        st: (f & STMT) !== 0,
      });
    }
    return out;
  }

  /** Tokens `[a, b)` as objects. */
  slice(a: number, b: number): Token[] {
    const out: Token[] = new Array<Token>(Math.max(0, b - a));
    for (let i = a; i < b; i++) {
      out[i - a] = this.token(i);
    }
    return out;
  }

  /**
   * The token whose span contains the offset (end inclusive), preferring names and strings on a tie;
   * -1 when the offset is in a comment, whitespace or outside the model.
   */
  tokenAt(offset: number): number {
    let lo = 0;
    let hi = this.count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.ends[mid] < offset) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    // Token lo is the first ending at or after the offset.
    if (lo >= this.count || this.starts[lo] > offset) {
      return -1;
    }
    const b = lo + 1;
    if (
      this.ends[lo] === offset &&
      b < this.count &&
      this.starts[b] === offset &&
      this.kinds[lo] !== 0 &&
      this.kinds[b] !== 3
    ) {
      return b;
    }
    return lo;
  }

  /** Whether token `i` is a punctuation token spelled `p`. */
  isPunct(i: number, p: string): boolean {
    if (i < 0 || i >= this.count || this.kinds[i] !== 3) {
      return false;
    }
    const s = this.starts[i];
    const n = p.length;
    // Most questions are about one character (`(`, `{`, `;`): compared as a code, not as a string.
    return (
      this.ends[i] - s === n &&
      (n === 1 ? this.text.charCodeAt(s) === p.charCodeAt(0) : this.text.startsWith(p, s))
    );
  }

  /** The index of the bracket closing the one at token `open`, looked for before `limit`; -1 when none. */
  closing(open: number, limit: number): number {
    let depth = 0;
    const end = Math.min(this.count, limit);
    for (let k = open; k < end; k++) {
      if (this.isPunct(k, '(') || this.isPunct(k, '[') || this.isPunct(k, '{')) {
        depth++;
      } else if (this.isPunct(k, ')') || this.isPunct(k, ']') || this.isPunct(k, '}')) {
        if (--depth === 0) {
          return k;
        }
      }
    }
    return -1;
  }

  /** Whether token `i` is the name `word`. */
  isWord(i: number, word: string): boolean {
    return (
      i >= 0 &&
      i < this.count &&
      this.kinds[i] === 0 &&
      this.ends[i] - this.starts[i] === word.length &&
      this.text.startsWith(word, this.starts[i])
    );
  }

  /** The document's imports (read once). */
  get imports(): Imports {
    this.importsCache ??= scanImportsIn(this, this.headImports);
    return this.importsCache;
  }

  /** The 1-based line of an offset (the line index is built once). */
  lineOf(offset: number): number {
    if (this.lines === undefined) {
      const starts = [0];
      for (let i = this.text.indexOf('\n'); i >= 0; i = this.text.indexOf('\n', i + 1)) {
        starts.push(i + 1);
      }
      this.lines = Int32Array.from(starts);
    }
    let lo = 0;
    let hi = this.lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lines[mid] <= offset) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo + 1;
  }
}

/** A cached model and the chunk its window was made for (0 for a text lexed whole). */
interface Cached {
  readonly model: DocumentModel;
  readonly chunk: number;
}

const cache: Cached[] = [];

/**
 * The model of `text` in `lang` that covers `offset` (the whole text unless it is very long). Cached: the
 * same text (the same string, or an equal one) gets the same model.
 */
export function documentModel(text: string, lang: Lang, offset = 0, head?: Imports): DocumentModel {
  const windowed = text.length > MAX_MODEL_CHARS;
  const chunk = windowed ? Math.floor(offset / CHUNK) * CHUNK : 0;
  // A long text is compared whole with one cached text at most: two texts of many megabytes that differ in
  // one character cost a compare of half their length each (a miss only costs a window's lex).
  let compared = false;
  for (let i = 0; i < cache.length; i++) {
    const { model: m, chunk: c } = cache[i];
    if (
      m.lang !== lang ||
      c !== chunk ||
      m.head !== head ||
      m.text.length !== text.length ||
      (windowed && compared)
    ) {
      continue;
    }
    compared = true;
    if (sameText(m.text, text)) {
      cache.unshift(...cache.splice(i, 1));
      return m;
    }
  }
  let from = 0;
  let to = text.length;
  let imports = head;
  if (windowed) {
    from = windowStart(text, Math.max(0, chunk - CHUNK), lang);
    to = Math.min(text.length, chunk + 2 * CHUNK);
    // The imports of a long text come from its head (when the window does not cover it).
    const headEnd = snapBack(text, HEAD_CHARS);
    if (from > 0 || to < headEnd) {
      imports = documentModel(text.slice(0, headEnd), lang, 0, head).imports;
    }
  }
  const model = new DocumentModel(text, lang, from, to, head, imports);
  cache.unshift({ model, chunk });
  cache.length = Math.min(cache.length, CACHE_SIZE);
  return model;
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
