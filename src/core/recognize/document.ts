/**
 * The document model: a text lexed once into typed arrays (kind, span, line and statement marks per token),
 * so every hover on that text is answered from it with bounded work: a binary search for the token, then a
 * window of tokens around it turned into objects on demand. Imports, definitions and bindings are read from
 * it lazily, each in one linear pass, once per model. Which range of a text a model covers, and the cache
 * of models, are models.ts's job.
 */
import { scanImportsIn, type Imports } from './imports';
import { markStatements, NL, statementStarts, STMT } from './statements';
import { TokenBuffer } from './tokenBuffer';
import { KINDS, lex, type Lang, type Token } from './tokenizer';

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
  /** Whether the lexer read the whole range (it stops at the token limit it was given). */
  readonly complete: boolean;

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
    /** Most tokens to read: a text with more is not lexed to its end (see `complete`). */
    maxTokens = Infinity,
  ) {
    // Code holds about one token per four characters: reserve that, grow if the text is denser.
    const buf = new TokenBuffer(Math.min(maxTokens, Math.ceil((to - from) / 4)), from, to);
    this.complete = lex(text, from, to, lang, buf, maxTokens) >= to;
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

  /** Whether token `i` starts with an ASCII capital: a type or variant (`GELU`, `Gelu`), not a value (`gelu`). */
  isCapitalized(i: number): boolean {
    const first = this.text.charCodeAt(this.starts[i]);
    return first >= 65 && first <= 90;
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
