/**
 * Argument lists over tokens: matching brackets, splitting on commas (and Julia's `;`), keyword arguments in
 * every form we meet (`name=v`, JS objects `{name: v}`), and finding the call that encloses a token.
 */
import type { Token } from './tokenizer';

/** One argument: tokens `[a, b)` of its value and, for keyword arguments, the keyword. */
export interface Arg {
  readonly name?: string;
  readonly a: number;
  readonly b: number;
}

/** A parsed bracketed list: its arguments, the index of the closing bracket, and whether the window cut it. */
export interface ArgList {
  readonly args: Arg[];
  readonly close: number;
  readonly truncated: boolean;
}

const OPEN = new Set(['(', '[', '{']);
const CLOSE = new Set([')', ']', '}']);

/** Upper bound on tokens one list may span, so a bracket that never closes costs bounded work. */
const MAX_LIST_TOKENS = 4000;

/** Index of the bracket matching the opener at `open`, or -1 when the window ends first. */
export function matchClose(toks: readonly Token[], open: number): number {
  let depth = 0;
  const end = Math.min(toks.length, open + MAX_LIST_TOKENS);
  for (let i = open; i < end; i++) {
    const t = toks[i];
    if (t.k !== 'p') {
      continue;
    }
    if (OPEN.has(t.t)) {
      depth++;
    } else if (CLOSE.has(t.t)) {
      depth--;
      if (depth === 0) {
        return i;
      }
    }
  }
  return -1;
}

/** Splits the list opened at `open` into arguments. `=` and, in objects, `:` after a name mark keywords. */
export function parseArgs(toks: readonly Token[], open: number): ArgList {
  const close = matchClose(toks, open);
  const end = close < 0 ? Math.min(toks.length, open + MAX_LIST_TOKENS) : close;
  const isObject = toks[open].t === '{';
  const args: Arg[] = [];
  let depth = 0;
  let start = open + 1;
  const push = (b: number): void => {
    if (b <= start) {
      return;
    }
    const first = toks[start];
    const sep = toks[start + 1];
    const kwSep = isObject ? ':' : '=';
    if (
      b - start >= 3 &&
      (first.k === 'id' || (isObject && first.k === 'str')) &&
      sep.t === kwSep
    ) {
      const name = first.k === 'str' ? first.t.slice(1, -1) : first.t;
      args.push({ name, a: start + 2, b });
    } else {
      args.push({ a: start, b });
    }
  };
  for (let i = open + 1; i < end; i++) {
    const t = toks[i];
    if (t.k !== 'p') {
      continue;
    }
    if (OPEN.has(t.t)) {
      depth++;
    } else if (CLOSE.has(t.t)) {
      depth--;
    } else if (depth === 0 && (t.t === ',' || t.t === ';')) {
      push(i);
      start = i + 1;
    }
  }
  push(end);
  return { args, close, truncated: close < 0 };
}

/** Where a token sits: the opening bracket of the list around it and the bounds of its argument. */
export interface Enclosing {
  readonly open: number;
  /** Index of the argument within the list (counting positional and keyword arguments). */
  readonly index: number;
  /** First token of the argument (after any `name=`), and its keyword if it has one. */
  readonly argStart: number;
  readonly name?: string;
}

/** Finds the innermost bracket enclosing token `idx`, looking back at most a bounded number of tokens. */
export function findEnclosing(
  toks: readonly Token[],
  idx: number,
  lang: string,
): Enclosing | undefined {
  let depth = 0;
  let index = 0;
  let argStart = -1;
  const stop = Math.max(0, idx - MAX_LIST_TOKENS);
  for (let i = idx - 1; i >= stop; i--) {
    const t = toks[i];
    if (t.k !== 'p') {
      continue;
    }
    if (CLOSE.has(t.t)) {
      depth++;
    } else if (OPEN.has(t.t)) {
      if (depth === 0) {
        const first = argStart < 0 ? i + 1 : argStart;
        const kwSep = t.t === '{' ? ':' : '=';
        const head = toks[first];
        const named =
          head !== undefined &&
          (head.k === 'id' || (t.t === '{' && head.k === 'str')) &&
          toks[first + 1]?.t === kwSep &&
          first + 2 <= idx;
        const name = named ? (head.k === 'str' ? head.t.slice(1, -1) : head.t) : undefined;
        return { open: i, index, argStart: named ? first + 2 : first, name };
      }
      depth--;
    } else if (depth === 0 && (t.t === ',' || (t.t === ';' && lang === 'julia'))) {
      if (argStart < 0) {
        argStart = i + 1;
      }
      index++;
    }
  }
  return undefined;
}
