/**
 * Small readings of an expression over tokens: the dotted name around a token, a call's argument list, where a
 * postfix expression (`model(x).softmax(1)`) starts, and the text of a token span.
 */
import { parseArgs, type Arg } from '../recognize/args';
import type { Token } from '../recognize/tokenizer';

/** A call: the dotted name's tokens `[first, name]`, its `(` and `)` and its arguments. */
export interface Call {
  readonly first: number;
  readonly name: number;
  readonly open: number;
  readonly close: number;
  readonly args: readonly Arg[];
  /** The name's parts as written (`['torch', 'nn', 'functional', 'softmax']`). */
  readonly parts: readonly string[];
}

const SEPARATORS = new Set(['.', '::']);

/** The index of the token starting exactly at `offset`, or -1. */
export function tokenStartingAt(toks: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = toks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (toks[mid].s < offset) {
      lo = mid + 1;
    } else if (toks[mid].s > offset) {
      hi = mid - 1;
    } else {
      return mid;
    }
  }
  return -1;
}

/** The first token of the dotted name ending at `name` (`torch` of `torch.nn.functional.softmax`). */
export function pathStart(toks: readonly Token[], name: number): number {
  let i = name;
  while (i >= 2 && SEPARATORS.has(toks[i - 1].t) && toks[i - 2].k === 'id') {
    i -= 2;
  }
  return i;
}

/**
 * The call whose name ends at token `name`, with its arguments, when the list closes inside the window.
 * Julia's broadcast `f.(x)` counts as a call of `f`.
 */
export function callAt(toks: readonly Token[], name: number, julia = false): Call | undefined {
  let open = name + 1;
  if (
    julia &&
    toks[open]?.t === '.' &&
    toks[open + 1]?.t === '(' &&
    toks[open + 1].s === toks[open].e
  ) {
    open++;
  }
  if (toks[name]?.k !== 'id' || toks[open]?.t !== '(') {
    return undefined;
  }
  const list = parseArgs(toks, open);
  if (list.truncated || list.close < 0) {
    return undefined;
  }
  const first = pathStart(toks, name);
  const parts: string[] = [];
  for (let k = first; k <= name; k += 2) {
    parts.push(toks[k].t);
  }
  return { first, name, open, close: list.close, args: list.args, parts };
}

/** The items of the list whose `(` or `[` is at `open`, when it closes in the window. */
export function argsAt(toks: readonly Token[], open: number): readonly Arg[] | undefined {
  if (toks[open]?.t !== '(' && toks[open]?.t !== '[') {
    return undefined;
  }
  const list = parseArgs(toks, open);
  return list.truncated || list.close < 0 ? undefined : list.args;
}

/**
 * Where the postfix expression ending just before token `end` starts: `model(x)` in `model(x).softmax(1)`,
 * `self.fc(h)[0]` — names joined by dots, each followed by any number of calls and subscripts. -1 when the
 * tokens before are no such expression.
 */
export function postfixStart(toks: readonly Token[], end: number): number {
  let i = end - 1;
  for (;;) {
    while (toks[i]?.t === ')' || toks[i]?.t === ']') {
      const open = matchOpen(toks, i);
      if (open < 0) {
        return -1;
      }
      i = open - 1;
    }
    const t = toks[i];
    if (t === undefined) {
      return -1;
    }
    if (t.k !== 'id' && t.k !== 'num' && t.k !== 'str') {
      // A parenthesized expression `(a + b).softmax(1)` starts at its `(`.
      return toks[i + 1]?.t === '(' && i + 1 < end ? i + 1 : -1;
    }
    if (SEPARATORS.has(toks[i - 1]?.t ?? '')) {
      i -= 2;
      continue;
    }
    return i;
  }
}

/** The opening bracket of the closing bracket at `close`, or -1. */
function matchOpen(toks: readonly Token[], close: number): number {
  let depth = 0;
  for (let i = close; i >= 0 && i > close - 4000; i--) {
    const t = toks[i].t;
    if (t === ')' || t === ']' || t === '}') {
      depth++;
    } else if (t === '(' || t === '[' || t === '{') {
      depth--;
      if (depth === 0) {
        return i;
      }
    }
  }
  return -1;
}

/** The text from the start of token `a` to the end of token `b` (inclusive). */
export function spanText(text: string, toks: readonly Token[], a: number, b: number): string {
  return text.slice(toks[a].s, toks[b].e);
}

/** An argument's text as written, keyword included (`axis=1`). */
export function argText(text: string, toks: readonly Token[], arg: Arg): string {
  return spanText(text, toks, arg.name !== undefined ? arg.a - 2 : arg.a, arg.b - 1);
}

/**
 * The receiver of a method call, as token indices `[start, end]`: `x` in `x.softmax(1)`, `model(x)` in
 * `model(x).sigmoid()`. `isModule` says whether a dotted head is a module (then `F.softmax` is no method).
 */
export function receiverOf(
  toks: readonly Token[],
  call: Call,
  isModule: (parts: readonly string[]) => boolean,
): [number, number] | undefined {
  if (toks[call.first - 1]?.t === '.') {
    const start = postfixStart(toks, call.first - 1);
    return start < 0 ? undefined : [start, call.name - 2];
  }
  if (call.parts.length > 1 && !isModule(call.parts.slice(0, -1))) {
    return [call.first, call.name - 2];
  }
  return undefined;
}

/** Whether the token spans `[a1, b1)` and `[a2, b2)` hold the same tokens. */
export function sameTokens(
  toks: readonly Token[],
  a1: number,
  b1: number,
  a2: number,
  b2: number,
): boolean {
  if (b1 - a1 !== b2 - a2 || b1 <= a1) {
    return false;
  }
  for (let k = 0; k < b1 - a1; k++) {
    if (toks[a1 + k].t !== toks[a2 + k].t) {
      return false;
    }
  }
  return true;
}

/** The single positional argument of a call, or undefined when it has any other. */
export function onlyArg(call: Call): Arg | undefined {
  return call.args.length === 1 && call.args[0].name === undefined ? call.args[0] : undefined;
}
