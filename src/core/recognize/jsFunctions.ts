/**
 * JavaScript function values, read for what they compute: an arrow function (`(x) => tf.elu(x)`,
 * `x => x.relu()`, `(x: tf.Tensor): tf.Tensor => …`) or a `function (x) { return …; }` expression assigned to
 * a name or to `this.act`, and the `tf.tidy(() => …)` wrapper TF.js code puts around an activation's math
 * (tidy only frees intermediate tensors: the value is the inner function's).
 */
import type { RecognizedCall } from '../types';
import { classifyExpression, returnsNothing, type RecognizeToken } from './bodies';
import type { DocumentModel } from './document';
import { candidatePaths } from './resolve';
import { STMT } from './statements';
import { ID } from './tokenizer';
import { sameActivation } from './sameActivation';

/** Tokens read for a parameter list and its return type; a function body's bound. */
const MAX_HEAD_TOKENS = 64;
const MAX_BODY_TOKENS = 1500;
/** Returns read from one block body. */
const MAX_RETURNS = 8;

/** What the function expression starting at token `at` computes, when it is one activation. */
export function classifyJsFunction(
  model: DocumentModel,
  at: number,
  recognize: RecognizeToken,
): RecognizedCall | undefined {
  const head = headAt(model, at);
  const ranges = head === undefined ? [] : bodyReturns(model, head.body);
  let found: RecognizedCall | undefined;
  for (const [a, b] of ranges) {
    const r = classifyExpression(model, a, b, recognize, head?.input);
    if (r === undefined || (found !== undefined && !sameActivation(found, r))) {
      return undefined;
    }
    found ??= r;
  }
  return found;
}

/** Whether token `at` starts a function expression (`(…) =>`, `x =>`, `function (…) {`, `async …`). */
export function isJsFunctionStart(model: DocumentModel, at: number): boolean {
  return headAt(model, at) !== undefined;
}

/**
 * The `(` of the parameter list of the function expression starting at token `at`; -1 when it has none
 * (`x => …`) or `at` starts no function expression.
 */
export function jsParameterList(model: DocumentModel, at: number): number {
  return headAt(model, at)?.open ?? -1;
}

/**
 * `tf.tidy(() => expr)` (or `tidy(…)` imported from TF.js) spanning `[a, b)`: the range of `expr`, the
 * value tidy returns; `[a, b)` itself otherwise.
 */
export function unwrapTidy(model: DocumentModel, a: number, b: number): [number, number] {
  if (model.lang !== 'js') {
    return [a, b];
  }
  let k = a;
  const parts: string[] = [];
  while (model.kinds[k] === ID && k < b) {
    parts.push(model.tokenText(k));
    if (!model.isPunct(k + 1, '.')) {
      break;
    }
    k += 2;
  }
  const open = k + 1;
  // By its import, not its spelling: `import { tidy as scoped }` makes `scoped(() => …)` tidy too.
  if (
    parts.length === 0 ||
    !model.isPunct(open, '(') ||
    model.closing(open, b) !== b - 1 ||
    !candidatePaths(parts, model.imports, 'js').includes('tfjs.tidy')
  ) {
    return [a, b];
  }
  // The function must be tidy's whole argument: `() => expr` or `() => { …; return expr; }`.
  const head = headAt(model, open + 1);
  const block = head !== undefined && model.isPunct(head.body, '{');
  const end =
    head === undefined
      ? -1
      : block
        ? model.closing(head.body, b) + 1
        : expressionEnd(model, head.body, b);
  const ranges = end === b - 1 && head !== undefined ? bodyReturns(model, head.body) : [];
  return ranges.length === 1 ? ranges[0] : [a, b];
}

/**
 * A function expression's head: its parameter list's `(` (-1 for `x => …`), its first parameter, and where
 * its body starts (a `{` or an expression).
 */
function headAt(
  model: DocumentModel,
  at: number,
): { open: number; input?: string; body: number } | undefined {
  let k = at;
  if (model.isWord(k, 'async')) {
    k++;
  }
  if (model.isWord(k, 'function')) {
    k++;
    if (model.kinds[k] === ID) {
      k++; // a named function expression
    }
    k = afterTypeParameters(model, k);
    const close = model.isPunct(k, '(') ? model.closing(k, k + MAX_HEAD_TOKENS) : -1;
    const body = close < 0 ? -1 : skipTo(model, close + 1, '{');
    return body < 0 ? undefined : { open: k, input: firstName(model, k, close), body };
  }
  if (model.kinds[k] === ID && model.isPunct(k + 1, '=>')) {
    return { open: -1, input: model.tokenText(k), body: k + 2 };
  }
  k = afterTypeParameters(model, k);
  if (!model.isPunct(k, '(')) {
    return undefined;
  }
  const close = model.closing(k, k + MAX_HEAD_TOKENS);
  const arrow = close < 0 ? -1 : skipTo(model, close + 1, '=>');
  return arrow < 0 ? undefined : { open: k, input: firstName(model, k, close), body: arrow + 1 };
}

/** The token after a TypeScript type parameter list (`<T extends tf.Tensor>(x: T)`) at `k`; else `k`. */
function afterTypeParameters(model: DocumentModel, k: number): number {
  if (!model.isPunct(k, '<')) {
    return k;
  }
  let depth = 0;
  for (let j = k; j < model.count && j < k + MAX_HEAD_TOKENS; j++) {
    if (model.isPunct(j, '<')) {
      depth++;
    } else if (model.isPunct(j, '>') && --depth === 0) {
      return j + 1;
    }
  }
  return k;
}

/** The expressions a body returns: an arrow's expression, or the `return`s of a block. */
function bodyReturns(model: DocumentModel, body: number): [number, number][] {
  return model.isPunct(body, '{') ? returns(model, body) : [[body, expressionEnd(model, body)]];
}

/** The first parameter's name in the list `(a, …)` opened at `open` and closed at `close`. */
function firstName(model: DocumentModel, open: number, close: number): string | undefined {
  return close > open + 1 && model.kinds[open + 1] === ID ? model.tokenText(open + 1) : undefined;
}

/**
 * The token `p` right after a parameter list (`) =>`, `) {`) or after its return type (`): tf.Tensor =>`),
 * read at bracket depth 0; -1 if none. Anything else after the `)` makes it no parameter list:
 * `(x + skip) * 0.5` is a value, even when an arrow follows on a later line.
 */
function skipTo(model: DocumentModel, from: number, p: string): number {
  if (!model.isPunct(from, p) && !model.isPunct(from, ':')) {
    return -1;
  }
  let depth = 0;
  for (let k = from; k < model.count && k < from + MAX_HEAD_TOKENS; k++) {
    // The return type may hold an object type (`(x): tf.Tensor & { kind: 'gate' } => …`); a function's
    // body is the first `{` that follows no `:`, `&` or `|`.
    const typeBrace = model.isPunct(k, '{') && (p === '=>' || afterTypeOperator(model, k));
    if (depth === 0 && !typeBrace && model.isPunct(k, p)) {
      return k;
    }
    if (opens(model, k) || typeBrace) {
      depth++;
    } else if (closes(model, k) || model.isPunct(k, '}')) {
      depth--;
    } else if (depth === 0 && model.isPunct(k, ';')) {
      return -1;
    }
    if (depth < 0) {
      return -1;
    }
  }
  return -1;
}

/** Whether the token before `k` makes a `{` at `k` an object type: `): {`, `T & {`, `T | {`. */
function afterTypeOperator(model: DocumentModel, k: number): boolean {
  return model.isPunct(k - 1, ':') || model.isPunct(k - 1, '&') || model.isPunct(k - 1, '|');
}

/** Whether token `k` opens a bracket of a type or a parameter list: `(`, `[`, `<`. */
function opens(model: DocumentModel, k: number): boolean {
  return model.isPunct(k, '(') || model.isPunct(k, '[') || model.isPunct(k, '<');
}

/** Whether token `k` closes one: `)`, `]`, `>`. */
function closes(model: DocumentModel, k: number): boolean {
  return model.isPunct(k, ')') || model.isPunct(k, ']') || model.isPunct(k, '>');
}

/** The returned expressions of the block opened at `open`, its own (not those of nested functions). */
function returns(model: DocumentModel, open: number): [number, number][] {
  const close = model.closing(open, open + MAX_BODY_TOKENS);
  if (close < 0) {
    return [];
  }
  const out: [number, number][] = [];
  for (let k = open + 1; k < close; k++) {
    // An arrow function with an expression body holds no `return`; one with a block body is skipped here.
    if (model.isWord(k, 'return') && !insideNestedFunction(model, open, k)) {
      // A line break after `return` ends the statement (ASI): it returns undefined, an empty range here.
      out.push([k + 1, returnsNothing(model, k) ? k + 1 : expressionEnd(model, k + 1, close)]);
      if (out.length > MAX_RETURNS) {
        return [];
      }
    }
  }
  return out;
}

/** Whether `ti` is inside a function nested in the block opened at `open` (a `=>` or `function` before). */
function insideNestedFunction(model: DocumentModel, open: number, ti: number): boolean {
  let depth = 0;
  for (let k = ti - 1; k > open; k--) {
    if (model.isPunct(k, '}')) {
      depth++;
    } else if (model.isPunct(k, '{') && depth > 0) {
      depth--;
    } else if (model.isPunct(k, '{')) {
      // A brace around `ti`: `=> {` opens a function; `) {` a function or an `if`/`for` block.
      if (
        model.isPunct(k - 1, '=>') ||
        (model.isPunct(k - 1, ')') && !controlBlock(model, k - 1))
      ) {
        return true;
      }
    }
  }
  return false;
}

/**
 * Whether the `)` at `close` ends the condition of `if`/`for`/`while`/`switch`/`catch`. A guard's condition
 * may be long (seven `||` clauses are 60 tokens and more): its `(` is read back as far as a body goes, since
 * the `)` is inside one.
 */
function controlBlock(model: DocumentModel, close: number): boolean {
  let depth = 0;
  for (let k = close; k >= 0 && k > close - MAX_BODY_TOKENS; k--) {
    if (model.isPunct(k, ')')) {
      depth++;
    } else if (model.isPunct(k, '(') && --depth === 0) {
      const word = model.tokenText(k - 1);
      return ['if', 'for', 'while', 'switch', 'catch', 'with'].includes(word);
    }
  }
  return false;
}

/** The end of an expression from `a`: a `;`, `,` or closing bracket at depth 0, or the next statement. */
function expressionEnd(model: DocumentModel, a: number, limit = model.count): number {
  let depth = 0;
  const end = Math.min(limit, a + MAX_BODY_TOKENS);
  for (let k = a; k < end; k++) {
    if (k > a && depth === 0 && (model.flags[k] & STMT) !== 0) {
      return k;
    }
    if (model.isPunct(k, '(') || model.isPunct(k, '[') || model.isPunct(k, '{')) {
      depth++;
    } else if (model.isPunct(k, ')') || model.isPunct(k, ']') || model.isPunct(k, '}')) {
      if (--depth < 0) {
        return k;
      }
    } else if (depth === 0 && (model.isPunct(k, ';') || model.isPunct(k, ','))) {
      return k;
    }
  }
  return end;
}
