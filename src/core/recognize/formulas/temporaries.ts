/**
 * What a plain name inside a function body stands for, so that a formula written over several statements
 * reads as one: `e = np.exp(x - x.max(axis=-1, keepdims=True))` then `return e / e.sum(axis=-1, …)`, or
 * `def leaky(x, slope=0.2): return np.where(x > 0, x, slope * x)`.
 *
 * Deliberately no flow analysis: a name is replaced only by an assignment at the top level of the same
 * function body (not in a loop, a branch or a nested block), made before the use and the latest one before
 * it; a name the function binds again after that assignment is replaced only for a use that is itself at
 * the top level (straight-line code, where the latest assignment is the value). A Python comprehension's
 * `for` name is the comprehension's own, inside its brackets only, and an arrow function's input (or a
 * Rust match arm's pattern) is its own. A parameter (not the function's first, which is the formula's input) stands for its literal
 * default. Every lookup is a binary search or a scan bounded by a
 * constant, remembered per model.
 */
import { bindingOf, bindings, type Binding } from '../bindings';
import { enclosing, type Definition } from '../definitions';
import type { DocumentModel } from '../document';
import type { LiteralValue } from '../literals';
import { NL, STMT } from '../statements';
import { ID, type Token } from '../tokenizer';
import { parseExpression, type Node } from './expr';
import {
  argumentFor,
  argumentsInForce,
  bracket,
  isInputParameter,
  memoOf,
  parameterDefault,
  parameterNamed,
} from './parameters';

/** A name's meaning: the parsed value of a temporary, or a parameter's literal default. */
export type Bound =
  | {
      readonly k: 'value';
      readonly toks: readonly Token[];
      /** Model index of `toks[0]`. */
      readonly base: number;
      readonly node: Node;
    }
  | { readonly k: 'literal'; readonly value: LiteralValue }
  /** A parameter a call gives an expression for (`leaky(x, s)`): a value the code does not spell. */
  | { readonly k: 'unknown' };

const FUNCTIONS = new Set(['def', 'fn', 'function']);
/** Languages whose `=>` ends names bound for the expression after it: JavaScript's arrows, Rust's arms. */
const ARROW_LANGS: ReadonlySet<string> = new Set(['js', 'rust']);
/** Words that start a statement whose block is a branch or a loop of the function around it. */
const CONTROL = new Set([
  'if',
  'else',
  'for',
  'while',
  'do',
  'try',
  'catch',
  'finally',
  'switch',
  'match',
  'loop',
]);
/** Longest right-hand side read, in tokens. */
const MAX_VALUE_TOKENS = 400;
/** How far a parameter list may reach, and how far before a block's `{` it may end, in tokens. */
const MAX_PARAM_TOKENS = 512;
const MAX_SIGNATURE_TAIL = 24;
/** Longest stretch of a body scanned (for its start, its end, or whether a statement is at its top). */
const MAX_BODY_SCAN = 4000;
/** Deepest nesting of branches and loops read out of, to their function's body. */
const MAX_NESTING = 16;

/** A function body: its first token, its end (exclusive; -1 when not found), its parameter list. */
interface Body {
  readonly start: number;
  readonly end: number;
  /** The parameter list's `(`, or -1. */
  readonly open: number;
}

/** What the plain name at model token `at` stands for where it is used, or undefined. */
export function boundAt(model: DocumentModel, at: number): Bound | undefined {
  if (argumentsInForce(model)) {
    return boundUncached(model, at); // a call's arguments in force: not the definition's own reading
  }
  const memo = memoOf<Bound | null>(model, 'formulaBound');
  let found = memo.get(at);
  if (found === undefined) {
    found = boundUncached(model, at) ?? null;
    memo.set(at, found);
  }
  return found ?? undefined;
}

function boundUncached(model: DocumentModel, at: number): Bound | undefined {
  if (model.kinds[at] !== ID || model.lang === 'julia') {
    return undefined;
  }
  const name = model.tokenText(at);
  // An arrow function's expression body (`(x, slope = 0.1) => tf.maximum(x, x.mul(slope))`) binds nothing
  // but its parameters; its input (`rates.map((slope) => …)`) stands for no value, whatever the function
  // around it calls `slope`. A Rust match arm's pattern (`Some(zero) => x.clamp_min(zero)`) binds its
  // names the same way.
  const arrow = ARROW_LANGS.has(model.lang) ? arrowDeclaring(model, at, name) : undefined;
  if (arrow !== undefined) {
    return arrow.input ? undefined : parameterValue(model, arrow.open, name);
  }
  const inner = bodyAround(model, at);
  if (inner === undefined) {
    return undefined;
  }
  // A one-line definition (`def leaky(x, slope=0.2): return …`) is one statement with its signature:
  // the use's statement is read from the body's start, after the parameters it binds.
  const stmt = Math.max(model.stmt[at], inner.start);
  if (model.lang === 'python' && comprehensionBindsAfter(model, at, name)) {
    return undefined; // `[slope * x for slope in SLOPES]`: the comprehension's own name
  }
  let b = outsideComprehensions(model, name, at, bindingOf(model, name, at));
  if (b !== undefined && b.at >= stmt && model.stmt[b.at] === stmt) {
    // `z = z - z.max()` reads the z of before; a name bound inside the statement (a comprehension's
    // `for e in …`) is not a temporary.
    b = b.value !== undefined ? bindingOf(model, name, stmt - 1) : undefined;
    if (b === undefined) {
      return undefined;
    }
  }
  // A name bound in the use's own block is read there (a loop body's temporary); any other, in the
  // function's body, which the use's block may be a branch or a loop of.
  const body = b !== undefined && b.at >= inner.start ? inner : functionBody(model, inner, name);
  if (b !== undefined && b.at >= body.start) {
    if (
      b.value === undefined ||
      inControlStatement(model, b.at) ||
      !topLevel(model, body, model.stmt[b.at])
    ) {
      // No value, a loop's counter (`for (let s = 0.01; …; s *= 2)`), a branch or a loop body without
      // braces (`if (wide) s = 0.5;`), or not straight-line.
      return undefined;
    }
    // `b` is at the top level and the latest binding before the use, so it overrides every binding before
    // it; one after it (in a loop around the use) may be what a nested use reads.
    const again = (bindings(model).get(name) ?? []).some(
      (x) => x.at > b.at && (body.end < 0 || x.at < body.end),
    );
    if (again && !topLevel(model, body, stmt)) {
      return undefined;
    }
    return valueAt(model, b.value);
  }
  return body.open >= 0 ? parameterValue(model, body.open, name) : undefined;
}

/**
 * Whether the plain name at model token `at` is the input of the function that computes it, not rebound
 * there: the first parameter of the arrow whose expression body holds it (`(x) => Math.max(0, x)`), or of
 * the function, method or `def` whose body does (`activate(x) { return Math.max(0, x); }`), or the one
 * name of a block arrow (`x => { … }`). A loop's counter, a local, a later parameter are not.
 */
export function isFunctionInput(model: DocumentModel, at: number): boolean {
  const name = model.tokenText(at);
  if (arrowParameters(model, at) >= 0) {
    return arrowDeclaring(model, at, name)?.input === true;
  }
  const inner = bodyAround(model, at);
  const body = inner && functionBody(model, inner, name);
  const b = bindingOf(model, name, at);
  if (body === undefined || (b !== undefined && b.at >= body.start)) {
    return false;
  }
  return body.open >= 0
    ? isInputParameter(model, body.open, name)
    : closureParameter(model, body.start - 1, name);
}

/**
 * Whether a Python comprehension around token `at` binds `name` in a `for` written after it
 * (`[np.where(x > 0, x, slope * x) for slope in SLOPES]`): a `for` in a bracket that holds `at`, before
 * the statement ends.
 */
function comprehensionBindsAfter(model: DocumentModel, at: number, name: string): boolean {
  let depth = 0;
  let outermost = 0;
  const limit = Math.min(model.count, at + MAX_VALUE_TOKENS);
  for (let k = at + 1; k < limit && (model.flags[k] & STMT) === 0; k++) {
    depth += bracket(model, k);
    outermost = Math.min(outermost, depth);
    // A `for` in a bracket opened after `at` (`[… for v in row]` beside it) holds no `at`.
    if (depth === outermost && model.isWord(k, 'for') && targetsName(model, k, name)) {
      return true;
    }
  }
  return false;
}

/** Whether the targets of the `for` at `k` (`for slope in`, `for row, slope in`) include `name`. */
function targetsName(model: DocumentModel, k: number, name: string): boolean {
  for (
    let t = k + 1;
    t < model.count && t - k < MAX_SIGNATURE_TAIL && !model.isWord(t, 'in');
    t++
  ) {
    if (model.isWord(t, name)) {
      return true;
    }
  }
  return false;
}

/**
 * The binding `b` of `name` read at token `at`, past the targets of Python comprehensions whose brackets
 * closed before `at`: such a name is the comprehension's own (`[… for slope in SLOPES]` does not rebind
 * the function's `slope`).
 */
function outsideComprehensions(
  model: DocumentModel,
  name: string,
  at: number,
  b: Binding | undefined,
): Binding | undefined {
  let found = b;
  for (let n = 0; model.lang === 'python' && found !== undefined && n < MAX_NESTING; n++) {
    const loop = comprehensionFor(model, found.at);
    // From the `for`, past targets in parentheses (`for (slope, name) in`), whose `)` is no comprehension's.
    if (loop < 0 || holds(model, loop, at)) {
      break;
    }
    found = bindingOf(model, name, loop - 1);
  }
  return found;
}

/** The `for` of the comprehension whose target is token `target`, or -1 (a `for` statement's, or none). */
function comprehensionFor(model: DocumentModel, target: number): number {
  for (let k = target - 1; k >= 0 && target - k < MAX_SIGNATURE_TAIL; k--) {
    if (model.isWord(k, 'for')) {
      return (model.flags[k] & STMT) === 0 ? k : -1;
    }
    const inTargets = model.kinds[k] === ID || model.isPunct(k, ',') || model.isPunct(k, '(');
    if (!inTargets || (model.flags[k] & STMT) !== 0) {
      return -1;
    }
  }
  return -1;
}

/** Whether the bracket around token `from` is still open at token `to` (after it). */
function holds(model: DocumentModel, from: number, to: number): boolean {
  let depth = 0;
  for (let k = from + 1; k < to && k - from < MAX_BODY_SCAN; k++) {
    depth += bracket(model, k);
    if (depth < 0) {
      return false;
    }
  }
  return true;
}

/**
 * Whether token `k` is in a statement that a branch or a loop starts, outside any block of it: a C-like
 * `for (…)` header (a counter there starts at its value and changes on every turn), or a body written
 * without braces (`if (wide) s = 0.5;`, `} else s = 0.5;`, `for (…) s = v;`), which may not run.
 */
function inControlStatement(model: DocumentModel, k: number): boolean {
  return CONTROL.has(model.tokenText(model.stmt[k]));
}

/** The parameter `name` of the list opened at `open`: what the call in force gives it, else its default. */
function parameterValue(model: DocumentModel, open: number, name: string): Bound | undefined {
  const given = argumentFor(model, open, name);
  if (given !== undefined) {
    return given.literal ? { k: 'literal', value: given.value } : { k: 'unknown' };
  }
  const param = parameterNamed(model, open, name);
  const value = param === undefined ? undefined : parameterDefault(model, param);
  return value === undefined ? undefined : { k: 'literal', value };
}

/** The arrow function that declares a name: its parameter list's `(`, and whether the name is its input. */
interface ArrowParameter {
  readonly open: number;
  readonly input: boolean;
}

/**
 * The arrow function around token `at` that has a parameter `name`: the nearest arrow whose expression body
 * holds `at`, else the arrow whose expression body holds that one (`(rows, slope = 0.2) => rows.map((r) =>
 * … slope …)`); undefined when none has.
 */
function arrowDeclaring(
  model: DocumentModel,
  at: number,
  name: string,
): ArrowParameter | undefined {
  let arrow = arrowParameters(model, at);
  for (let n = 0; arrow >= 0 && n < MAX_NESTING; n++) {
    if (parameterNamed(model, arrow, name) !== undefined) {
      return { open: arrow, input: false };
    }
    const input = model.isPunct(arrow, '(')
      ? isInputParameter(model, arrow, name)
      : model.isWord(arrow, name);
    if (input) {
      return { open: arrow, input: true };
    }
    arrow = arrowParameters(model, arrow);
  }
  return undefined;
}

/**
 * Where the parameters of the arrow function whose expression body holds token `at` start, or -1: its list's
 * `(`, or its one bare parameter (`r => …`); the arrow is the nearest `=>` before `at` in its statement that
 * no bracket closed since and no comma of its own bracket ended (`halve = s => s / 2, y = …`, a match's
 * next arm). A `{` passed on the way is an
 * object literal in that body (`(x, slope = 0.2) => ({ leaky: … })`): a block's statements start after
 * its `{`, so the scan, which stops at the statement's start, never meets a block's.
 */
function arrowParameters(model: DocumentModel, at: number): number {
  const stmt = model.stmt[at];
  // Read backwards, a closing bracket enters a bracket closed before `at` and an opening one leaves a
  // bracket around it: an `=>` is around `at` when the depth is as low as it has been.
  let depth = 0;
  let lowest = 0;
  // The depth of the latest comma read in a bracket around `at` (1: none): an expression body holds none.
  let comma = 1;
  for (let k = at - 1; k >= stmt && at - k < MAX_BODY_SCAN; k--) {
    depth -= bracket(model, k);
    lowest = Math.min(lowest, depth);
    if (depth !== lowest) {
      continue;
    }
    if (model.isPunct(k, ',')) {
      comma = depth;
    } else if (comma !== depth && model.isPunct(k, '=>')) {
      return bareParameter(model, k) ? k - 1 : signatureBefore(model, k);
    }
  }
  return -1;
}

/** Words that may come right before an arrow's one bare parameter (`async r => …`, `return r => …`). */
const BEFORE_BARE_PARAMETER = new Set(['async', 'return', 'yield', 'await']);

/**
 * Whether the `=>` at `k` follows one bare parameter (`rates.map(slope => …)`), not a return type
 * (`(x): Tensor =>`, `(x): tf.Tensor =>`, `(x): A | B =>`).
 */
function bareParameter(model: DocumentModel, k: number): boolean {
  const before = k - 2;
  if (model.kinds[k - 1] !== ID) {
    return false;
  }
  if (model.kinds[before] === ID) {
    return BEFORE_BARE_PARAMETER.has(model.tokenText(before));
  }
  return !['.', ':', '|', '&'].some((p) => model.isPunct(before, p));
}

/** The body around token `at`: Python's enclosing function, a C-like language's innermost block. */
function bodyAround(model: DocumentModel, at: number): Body | undefined {
  if (model.lang === 'python') {
    const fn = enclosing(model, at, (d) => FUNCTIONS.has(d.keyword));
    const start = fn && pythonBodyStart(model, fn);
    if (fn === undefined || start === undefined) {
      return undefined;
    }
    return { start, end: fn.end, open: pythonParameterList(model, fn.nameAt) };
  }
  const memo = memoOf<Body | null>(model, 'formulaBody');
  const key = model.stmt[at];
  let found = memo.get(key);
  if (found === undefined) {
    found = blockAround(model, key) ?? null;
    memo.set(key, found);
  }
  return found ?? undefined;
}

/**
 * The `(` of a Python function's parameter list: after its name, or after its type parameters
 * (`def leaky_relu[F: np.floating](x: NDArray[F], …)`, Python 3.12); -1 when there is none.
 */
function pythonParameterList(model: DocumentModel, nameAt: number): number {
  let k = nameAt + 1;
  if (model.isPunct(k, '[')) {
    let depth = 0;
    for (; k < model.count && k - nameAt < MAX_PARAM_TOKENS; k++) {
      depth += bracket(model, k);
      if (depth === 0) {
        break;
      }
    }
    k++;
  }
  return model.isPunct(k, '(') ? k : -1;
}

/**
 * The first token of a Python function's body: after its parameter list and `:`, on the next line or (a
 * one-line definition, `def leaky(x, slope=0.2): return …`) on the same line.
 */
function pythonBodyStart(model: DocumentModel, fn: Definition): number | undefined {
  const end = Math.min(fn.end, fn.start + MAX_PARAM_TOKENS);
  let depth = 0;
  for (let k = fn.nameAt + 1; k < end; k++) {
    if ((model.flags[k] & STMT) !== 0) {
      return k;
    }
    depth += bracket(model, k);
    if (depth === 0 && model.isPunct(k, ':') && (model.flags[k + 1] & NL) === 0) {
      return k + 1 < end ? k + 1 : undefined;
    }
  }
  return undefined;
}

/** The innermost `{ … }` block around the statement at `stmt`, with the parameter list before it. */
function blockAround(model: DocumentModel, stmt: number): Body | undefined {
  let depth = 0;
  for (let k = stmt - 1; k >= 0 && stmt - k < MAX_BODY_SCAN; k--) {
    depth -= bracket(model, k);
    if (depth < 0) {
      // inside an expression's brackets: no block statement
      return model.isPunct(k, '{') ? blockAt(model, k) : undefined;
    }
  }
  return undefined;
}

/**
 * The body of the function whose branch, loop or plain block `body` is (`if (…) {`, `} else {`, `for … {`,
 * `try {`, a bare `{ … }` inside `f(x, slope = 0.2) {`), where the function's parameters and top-level
 * temporaries are read for `name`; `body` itself when it is a function's (a function's, an arrow's, a
 * Python function's).
 */
function functionBody(model: DocumentModel, body: Body, name: string): Body {
  let found = body;
  for (let n = 0; model.lang !== 'python' && n < MAX_NESTING; n++) {
    const outer = innerBlock(model, found, name) ? blockAround(model, found.start - 1) : undefined;
    if (outer === undefined) {
      break;
    }
    found = outer;
  }
  return found;
}

/**
 * Whether the block `body` belongs, for `name`, to the function around it: a branch's or a loop's, or a
 * block no parameter list comes before (a bare `{ … }` that scopes a guard, Rust's `unsafe {`), also a
 * one-name arrow's (`r => {`) or a Rust closure's (`|r| {`), which reads the function's temporaries but
 * its own parameters.
 */
function innerBlock(model: DocumentModel, body: Body, name: string): boolean {
  const brace = body.start - 1;
  if (CONTROL.has(model.tokenText(model.stmt[brace]))) {
    return true;
  }
  return body.open < 0 && !closureParameter(model, brace, name);
}

/**
 * Whether `name` is a parameter of the one-name arrow (`slope => {`) or the Rust closure (`|v, slope| {`,
 * `|v, slope: f64| -> f64 {`) whose block opens at `brace`: a name of the closure's `|…|` (its types' names
 * too, which a value never takes).
 */
function closureParameter(model: DocumentModel, brace: number, name: string): boolean {
  if (model.isPunct(brace - 1, '=>')) {
    return model.isWord(brace - 2, name);
  }
  const bar = closureBar(model, brace);
  const open = bar < 0 ? -1 : openingBar(model, bar);
  if (open < 0) {
    return false;
  }
  for (let k = open + 1; k < bar; k++) {
    if (model.isWord(k, name)) {
      return true;
    }
  }
  return false;
}

/**
 * The `|` that opens the parameters a closure's `|` at `bar` ends, or -1: then the `|` is an operator
 * whose operand is a block (`flags | { … }`), and no closure's. Parameters hold balanced brackets
 * (`|(a, b): (f64, f64)|`, `|v: [f64; 2]|`, `|Point { x, y }|`) and no statement's `;`: a `|` inside
 * brackets or past a `;` or an opening bracket (an earlier closure's, `all(|s| …);`) is no opening.
 */
function openingBar(model: DocumentModel, bar: number): number {
  let depth = 0; // brackets closed after token k, read backwards
  for (let k = bar - 1; k >= 0 && bar - k < MAX_SIGNATURE_TAIL; k--) {
    depth -= bracket(model, k);
    if (depth < 0 || (depth === 0 && model.isPunct(k, ';'))) {
      return -1;
    }
    if (depth === 0 && model.isPunct(k, '|')) {
      return k;
    }
  }
  return -1;
}

/**
 * The `|` that ends the parameters of the Rust closure whose block opens at `brace`: the token before the
 * block, or the one before the closure's return type (`|v: f64| -> f64 {`); -1 when there is none.
 */
function closureBar(model: DocumentModel, brace: number): number {
  if (model.isPunct(brace - 1, '|')) {
    return brace - 1;
  }
  // A return type (`Tensor<B, D>`, `(f64, f64)`, `[f64; 2]`) holds no `|` or brace: past one, no closure's.
  // A statement's `;` needs no stop of its own: a closure's `-> T` is followed by its block, so any `->`
  // of a closure before a `;` is past that block's braces.
  for (let k = brace - 1; k > 0 && brace - k < MAX_SIGNATURE_TAIL; k--) {
    if (model.isPunct(k, '->')) {
      return model.isPunct(k - 1, '|') ? k - 1 : -1;
    }
    if (ROUTINE_ENDS.some((p) => model.isPunct(k, p))) {
      return -1;
    }
  }
  return -1;
}

/** Tokens no closure's return type holds: the end of the parameters or of a block before it. */
const ROUTINE_ENDS = ['|', '{', '}'];

/** The block opened at `brace`: its first token, its end, the parameter list before it. */
function blockAt(model: DocumentModel, brace: number): Body {
  let depth = 0;
  let end = -1;
  for (let k = brace; k < model.count && k - brace < MAX_BODY_SCAN; k++) {
    depth += bracket(model, k);
    if (depth === 0) {
      end = k;
      break;
    }
  }
  return { start: brace + 1, end, open: signatureBefore(model, brace) };
}

/**
 * The `(` of the parameter list a block's `{` follows: `f(x, alpha = 1): Tensor {`, `fn f(x: T) -> T {`,
 * `(x) => {`, past a return type that is an object type (`): { y: Tensor; mask: Tensor } {`); -1 when the
 * block follows something else (`if (…) {` still finds its condition's list, whose names are no
 * parameters with defaults).
 */
function signatureBefore(model: DocumentModel, brace: number): number {
  let close = -1;
  const limit = brace - MAX_SIGNATURE_TAIL;
  for (let k = brace - 1; k >= 0 && k > limit; k--) {
    if (model.isPunct(k, ')')) {
      close = k;
      break;
    }
    if (model.isPunct(k, '}')) {
      k = objectTypeBefore(model, k, limit);
      if (k < 0) {
        return -1; // a block's end (`} else {`), not a type
      }
    } else if (
      model.isPunct(k, ';') ||
      model.isPunct(k, '{') ||
      model.isPunct(k, '=') ||
      rustBar(model, k)
    ) {
      return -1;
    }
  }
  let depth = 0;
  for (let k = close; k >= 0 && close - k < MAX_PARAM_TOKENS; k--) {
    depth += bracket(model, k);
    if (depth === 0) {
      return k;
    }
  }
  return -1;
}

/**
 * Whether token k is Rust's `|`, before which no parameter list of the block is read: a bitwise or's
 * (`all(…) | { … }`, whose `(…)` is a call's arguments) or a closure's (whose parameters are its own).
 * TypeScript's `|` of a union return type (`): Tensor | null {`) is no such end.
 */
function rustBar(model: DocumentModel, k: number): boolean {
  return model.lang === 'rust' && model.isPunct(k, '|');
}

/**
 * The `{` of the object type that ends at `close` when an annotation's `:` comes before it
 * (`): { y: Tensor; mask: Tensor }`), else -1. Reads no token at or before `limit`.
 */
function objectTypeBefore(model: DocumentModel, close: number, limit: number): number {
  let depth = 0;
  for (let k = close; k > limit && k > 0; k--) {
    depth += bracket(model, k);
    if (depth === 0) {
      return model.isPunct(k, '{') && model.isPunct(k - 1, ':') ? k : -1;
    }
  }
  return -1;
}

/** The parsed right-hand side starting at token `value`, when it is one whole expression. */
function valueAt(model: DocumentModel, value: number): Bound | undefined {
  let end = value + 1;
  const limit = Math.min(model.count, value + MAX_VALUE_TOKENS);
  while (end < limit && (model.flags[end] & STMT) === 0 && !model.isPunct(end, ';')) {
    end++;
  }
  if (end >= limit && limit < model.count) {
    return undefined;
  }
  const toks = model.slice(value, end);
  const node = parseExpression(toks, model.lang);
  return node === undefined ? undefined : { k: 'value', toks, base: value, node };
}

/**
 * Whether the statement starting at `stmt` is at the top level of a body: Python's first indentation of
 * the function, no block of a C-like body open between its start and the statement.
 */
function topLevel(model: DocumentModel, body: Body, stmt: number): boolean {
  if (stmt < body.start || (body.end >= 0 && stmt >= body.end)) {
    return false;
  }
  if (model.lang === 'python') {
    // A one-line definition's statements (`def f(x): y = …; return …`) share the line of its `:`.
    const line = lineStart(model, stmt);
    return (
      line === lineStart(model, body.start) || column(model, line) === column(model, body.start)
    );
  }
  if (stmt - body.start > MAX_BODY_SCAN) {
    return false;
  }
  let depth = 0;
  for (let k = body.start; k < stmt; k++) {
    depth += bracket(model, k);
    if (depth < 0) {
      return false;
    }
  }
  return depth === 0;
}

/** The first token of the line of token `k` (a few statements may share a line). */
function lineStart(model: DocumentModel, k: number): number {
  let i = k;
  while (i > 0 && (model.flags[i] & NL) === 0 && k - i < MAX_PARAM_TOKENS) {
    i--;
  }
  return i;
}

function column(model: DocumentModel, i: number): number {
  const s = model.starts[i];
  return s - (model.text.lastIndexOf('\n', s - 1) + 1);
}
