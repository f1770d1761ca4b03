/**
 * Where statements start, as each language says, decided token by token while the document is lexed:
 * Python and Julia start one at every line outside brackets (unless a `\` continues the line) and after `;`;
 * C-like languages after `;`, at the start of a block and after a block closes, JavaScript also at a line
 * that follows a complete value (no semicolons), and C/C++ at preprocessor lines. Knowing this, a call at
 * the start of a line is a use even when the line before ends in a name (`h = a + b` / `F.relu_(h)`), and the
 * continuation lines of `from m import (…)` or `use m::{…};` belong to their import.
 */
import { ID, NUM, PUNCT, STR, type Lang } from './tokenizer';

/** Token flags the document model keeps: first on its line, first of its statement. */
export const NL = 1;
export const STMT = 2;

/** Deepest bracket nesting whose kinds are remembered; deeper brackets count as expression brackets. */
const MAX_STACK = 4096;

/** Names after which a `{` opens an expression (an object, an import list), not a block. */
const EXPRESSION_BEFORE_BRACE = new Set([
  'return',
  'import',
  'export',
  'typeof',
  'in',
  'of',
  'case',
  'yield',
  'await',
  'new',
  'throw',
]);

/** First characters of the tokens after which a Julia line continues (see juliaContinues). */
const JULIA_CONTINUERS = new Set([44, 61, 43, 45, 42, 47, 94, 38, 124, 60, 62, 126, 37, 247]);

/** Tracks brackets and line structure; `isStart` is asked once per token, in order. */
export class StatementMarker {
  /** Open brackets: -1 for an expression bracket, else a block brace (C-like) holding the expression depth
   * outside it, restored when it closes. */
  private readonly stack = new Int32Array(MAX_STACK);
  private depth = 0;
  /** Expression brackets open above the innermost block (or the top level). */
  private exprDepth = 0;
  private prevKind = -1;
  private prevChar = 0;
  private prevLen = 0;
  private prevStart = 0;
  private next = true;
  private directive = false;
  private readonly cLike: boolean;

  constructor(
    private readonly text: string,
    private readonly lang: Lang,
  ) {
    this.cLike = lang === 'js' || lang === 'cpp' || lang === 'rust';
  }

  /** Whether the token `[s, e)` of `kind` starts a statement; then records it as the previous token. */
  isStart(kind: number, s: number, e: number, nl: boolean): boolean {
    const c = this.text.charCodeAt(s);
    let start = this.next;
    this.next = false;
    if (nl && this.exprDepth === 0) {
      if (!this.cLike) {
        start ||= !(this.prevKind === PUNCT && this.prevChar === 92) && !this.juliaContinues();
      } else if (this.directive) {
        start = true;
        this.directive = false;
      } else if (this.lang === 'js' && this.endsValue() && (kind === ID || kind === NUM)) {
        start = true;
      }
    }
    if (this.lang === 'cpp' && nl && c === 35) {
      start = true;
      this.directive = true;
    }
    if (kind === PUNCT && e - s === 1) {
      this.bracket(c);
    }
    this.prevKind = kind;
    this.prevChar = c;
    this.prevLen = e - s;
    this.prevStart = s;
    return start;
  }

  /**
   * Julia reads on when a line ends in a comma or a binary operator (`using NNlib: relu,` then more names on
   * the next line; `y = a +` then the rest): the next line continues the statement.
   */
  private juliaContinues(): boolean {
    if (this.lang !== 'julia' || this.prevKind !== PUNCT) {
      return false;
    }
    const c = this.prevChar;
    // , = + - * / ^ & | < > ~ % ÷ (two-character operators such as `=>`, `->`, `>=` start with one of these)
    return JULIA_CONTINUERS.has(c);
  }

  /** The previous token's text when it is a short name (the keywords that matter are short). */
  private prevWord(): string {
    return this.prevKind === ID && this.prevLen <= 6
      ? this.text.slice(this.prevStart, this.prevStart + this.prevLen)
      : '';
  }

  /** A JS line ending in a value is complete: the next line starting with a name is a new statement. */
  private endsValue(): boolean {
    if (this.prevKind === ID) {
      const word = this.prevWord();
      return !EXPRESSION_BEFORE_BRACE.has(word) && word !== 'const';
    }
    return (
      this.prevKind === NUM ||
      this.prevKind === STR ||
      (this.prevKind === PUNCT &&
        this.prevLen === 1 &&
        (this.prevChar === 41 || this.prevChar === 93))
    );
  }

  private bracket(c: number): void {
    if (c === 40 || c === 91 || c === 123) {
      const block = c === 123 && this.cLike && this.opensBlock();
      if (this.depth < MAX_STACK) {
        this.stack[this.depth] = block ? this.exprDepth : -1;
      }
      this.depth++;
      if (block) {
        this.exprDepth = 0;
        this.next = true;
      } else {
        this.exprDepth++;
      }
    } else if (c === 41 || c === 93 || c === 125) {
      if (this.depth === 0) {
        return;
      }
      this.depth--;
      const saved = this.depth < MAX_STACK ? this.stack[this.depth] : -1;
      if (saved >= 0) {
        this.exprDepth = saved;
        this.next = true;
      } else if (this.exprDepth > 0) {
        this.exprDepth--;
      }
    } else if (c === 59 && this.exprDepth === 0) {
      this.next = true; // ;
    }
  }

  /** Whether the `{` being read opens a block (after `)`, `=>`, a name, `>`, `;`, `{`, `}`) or an object. */
  private opensBlock(): boolean {
    if (this.prevKind === -1) {
      return true;
    }
    if (this.prevKind === ID) {
      return !EXPRESSION_BEFORE_BRACE.has(this.prevWord());
    }
    if (this.prevKind !== PUNCT) {
      return false;
    }
    const c = this.prevChar;
    return this.prevLen === 1
      ? c === 41 || c === 62 || c === 59 || c === 123 || c === 125
      : c === 61 && this.prevLen === 2; // `=>`
  }
}
