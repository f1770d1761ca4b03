/**
 * Where statements start, as each language says, decided token by token while the document is lexed:
 * Python and Julia start one at every line outside brackets and after `;` (the lexer joins a Python line
 * ending in `\` to the next);
 * C-like languages after `;`, at the start of a block and after a block closes, JavaScript also at a line
 * that follows a complete value (no semicolons), C/C++ at preprocessor lines, and Rust after an attribute
 * (`#[cfg(…)]`, `#![allow(…)]`: the item it is on starts a statement). Knowing this, a call at
 * the start of a line is a use even when the line before ends in a name (`h = a + b` / `F.relu_(h)`), and the
 * continuation lines of `from m import (…)` or `use m::{…};` belong to their import.
 */
import type { TokenBuffer } from './tokenBuffer';
import { ID, NUM, PUNCT, STR, type Lang } from './tokenizer';

/** Token flags the document model keeps: first on its line, first of its statement. */
export const NL = 1;
export const STMT = 2;

/** Deepest bracket nesting whose kinds are remembered; deeper brackets count as expression brackets. */
const MAX_STACK = 4096;

/** The stack's mark for the `[` of a Rust attribute (an expression bracket after which a statement starts). */
const ATTRIBUTE = -2;

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

/**
 * TypeScript's words after which a type follows, so that a `{` there opens an object type, not a block:
 * `x as { kept: true } & tf.Tensor`, `cfg satisfies { act: string }`. (Only the previous token is known here,
 * so a JavaScript class named `as`, legal but unseen, would have its body read as a type.) In C++ and Rust
 * both are plain names (`namespace as {`, `mod satisfies {`), after which a block opens as after any name.
 */
const TYPE_BEFORE_BRACE = new Set(['as', 'satisfies']);

/**
 * First characters of the tokens after which a Julia line continues (`using NNlib: relu,` then more names on
 * the next line; `y = a +` then the rest): , = + - * / ^ & | < > ~ % ÷ (two-character operators such as `=>`,
 * `->`, `>=` start with one of these), and `\` (left division).
 */
const JULIA_CONTINUERS = new Set([44, 61, 43, 45, 42, 47, 94, 38, 124, 60, 62, 126, 37, 247, 92]);

/**
 * Marks the tokens of `buf` (lexed from `text`) that start a statement: sets STMT in their flags. One pass
 * over the tokens; the state lives in locals (a method call per token cost as much as the lexing).
 */
export function markStatements(text: string, lang: Lang, buf: TokenBuffer): void {
  const { count, kinds, starts, ends, flags } = buf;
  const cLike = lang === 'js' || lang === 'cpp' || lang === 'rust';
  const js = lang === 'js';
  const cpp = lang === 'cpp';
  const julia = lang === 'julia';
  const rust = lang === 'rust';
  /** Open brackets: -1 for an expression bracket, ATTRIBUTE for a Rust attribute's `[`, else a block brace
   * (C-like) holding the expression depth outside it, restored when it closes. */
  const stack = new Int32Array(MAX_STACK);
  let depth = 0;
  /** Expression brackets open above the innermost block (or the top level). */
  let exprDepth = 0;
  let prevKind = -1;
  let prevChar = 0;
  let prevLen = 0;
  let prevStart = 0;
  let next = true;
  let directive = false;
  for (let n = 0; n < count; n++) {
    const kind = kinds[n];
    const nl = (flags[n] & NL) !== 0;
    let start = next;
    next = false;
    if (nl && exprDepth === 0) {
      if (!cLike) {
        // A Julia line ending in a comma or a binary operator continues (Python's `\` is joined by the lexer)
        start ||= !(prevKind === PUNCT && julia && JULIA_CONTINUERS.has(prevChar));
      } else if (directive) {
        start = true;
        directive = false;
      } else if (
        js &&
        (kind === ID || kind === NUM) &&
        endsValue(text, prevKind, prevChar, prevStart, prevLen)
      ) {
        start = true;
      }
    }
    // Only punctuation and names are looked at again (the previous token's character, length, word).
    if (kind === PUNCT) {
      const s = starts[n];
      const len = ends[n] - s;
      const c = text.charCodeAt(s);
      if (cpp && nl && c === 35) {
        start = true;
        directive = true;
      }
      if (len === 1) {
        if (c === 40 || c === 91 || c === 123) {
          const block =
            c === 123 && cLike && opensBlock(text, lang, prevKind, prevChar, prevStart, prevLen);
          if (depth < MAX_STACK) {
            const attribute = c === 91 && rust && opensAttribute(text, buf, n);
            stack[depth] = block ? exprDepth : attribute ? ATTRIBUTE : -1;
          }
          depth++;
          if (block) {
            exprDepth = 0;
            next = true;
          } else {
            exprDepth++;
          }
        } else if (c === 41 || c === 93 || c === 125) {
          if (depth > 0) {
            depth--;
            const saved = depth < MAX_STACK ? stack[depth] : -1;
            if (saved >= 0) {
              exprDepth = saved;
              next = true;
            } else if (exprDepth > 0) {
              exprDepth--;
              // `#[cfg(…)]` / `#![allow(…)]`: the item or statement it is on starts after it.
              next = saved === ATTRIBUTE;
            }
          }
        } else if (c === 59 && exprDepth === 0) {
          next = true; // ;
        }
      }
      prevChar = c;
      prevLen = len;
      prevStart = s;
    } else if (kind === ID) {
      prevStart = starts[n];
      prevLen = ends[n] - prevStart;
    }
    prevKind = kind;
    if (start) {
      flags[n] |= STMT;
    }
  }
}

/** Per token, the index of the first token of its statement (from the STMT marks; the first token starts
 * one). */
export function statementStarts(flags: Uint8Array, count: number): Int32Array {
  const stmt = new Int32Array(count);
  let statement = 0;
  for (let n = 0; n < count; n++) {
    if ((flags[n] & STMT) !== 0) {
      statement = n;
    }
    stmt[n] = statement;
  }
  return stmt;
}

/** The previous token's text (called after a name: each token is sliced at most once, so linear). */
function prevWord(text: string, prevStart: number, prevLen: number): string {
  return text.slice(prevStart, prevStart + prevLen);
}

/** A JS line ending in a value is complete: the next line starting with a name is a new statement. */
function endsValue(
  text: string,
  prevKind: number,
  prevChar: number,
  prevStart: number,
  prevLen: number,
): boolean {
  if (prevKind === ID) {
    const word = prevWord(text, prevStart, prevLen);
    return !EXPRESSION_BEFORE_BRACE.has(word) && word !== 'const';
  }
  return (
    prevKind === NUM ||
    prevKind === STR ||
    (prevKind === PUNCT && prevLen === 1 && (prevChar === 41 || prevChar === 93))
  );
}

/** Whether the `[` at token `n` opens a Rust attribute: right after `#` (outer) or `#` `!` (inner). */
function opensAttribute(text: string, buf: TokenBuffer, n: number): boolean {
  const { kinds, starts, ends } = buf;
  const punct = (k: number, c: number): boolean =>
    k >= 0 && kinds[k] === PUNCT && text.charCodeAt(starts[k]) === c;
  return (
    punct(n - 1, 35) || (punct(n - 1, 33) && ends[n - 1] - starts[n - 1] === 1 && punct(n - 2, 35))
  );
}

/**
 * Whether the `{` being read opens a block (after `)`, `=>`, a name other than TypeScript's `as` and
 * `satisfies`, `>`, `;`, `{`, `}`, a number as in Rust's
 * `if n > 2 {`, a string as in `if mode == "fast" {` or C++'s `extern "C" {`, `]` as in a return type
 * `): tf.Tensor[] {` or `-> [f32; 4] {` and a C++ lambda `[&] {`, and in Rust after any one-character
 * operator: a closure `|v, zero: f64| {`, a block expression `let y = {`) or an object (after `=`, `(`,
 * `,`, `:`, and in JavaScript after the string piece `` `…${ `` that opens a template substitution).
 */
function opensBlock(
  text: string,
  lang: Lang,
  prevKind: number,
  prevChar: number,
  prevStart: number,
  prevLen: number,
): boolean {
  if (prevKind === -1) {
    return true;
  }
  if (prevKind === ID) {
    const word = prevWord(text, prevStart, prevLen);
    return !EXPRESSION_BEFORE_BRACE.has(word) && !(lang === 'js' && TYPE_BEFORE_BRACE.has(word));
  }
  if (prevKind === NUM || prevKind === STR) {
    return prevKind === NUM || lang !== 'js';
  }
  const c = prevChar;
  // In Rust every `{` after a one-character operator is a block: a closure's body (`|v| {`, `|| {`), a
  // block expression (`= {`, `({`, `| {`); only `::{` opens a list.
  return prevLen === 1
    ? c === 41 || c === 62 || c === 59 || c === 123 || c === 125 || c === 93 || lang === 'rust'
    : c === 61 && prevLen === 2; // `=>`
}
