/**
 * User-defined activations, recognized by their math: a function, lambda or layer class the code defines is
 * the activation its body computes — `def sigmoid(z): return 1.0 / (1.0 + np.exp(-z))`, a `forward`
 * returning `F.gelu(x, approximate="tanh")`, `act = lambda x: np.maximum(0, x)`. Never by the name: a
 * `def relu` whose body computes something else is no activation.
 *
 * A body is classified by the recognizers themselves (library calls, hand-written formulas): the returned
 * expression must be exactly one recognized call or formula, from its first token to its last.
 */
import type { RecognizedCall } from '../types';
import { definitions, enclosing, type Definition } from './definitions';
import type { DocumentModel } from './document';
import { NL, STMT } from './statements';
import { unwrapTidy } from './jsFunctions';
import { isPlainName } from './local';
import { isKnownHead } from './resolve';
import { readAsBody } from './formulas';
import { boundAt } from './formulas/temporaries';
import { bracket, withArguments, type CallArguments } from './formulas/parameters';
import { conditional, inInplaceBranch, isInplaceFlag } from './inplace';
import { definitionValues, substituted, type Values } from './substitution';
import { ID, NUM, STR } from './tokenizer';
import { sameActivation } from './sameActivation';

/** Recognizes the model's token at an index (the whole recognizer, one level deeper). */
export type RecognizeToken = (model: DocumentModel, index: number) => RecognizedCall | undefined;

/** Longest body read, in tokens: activations are short; anything longer is not classified. */
const MAX_BODY_TOKENS = 1500;
/** Tokens of an expression tried as the place a recognizer looks. */
const MAX_EXPRESSION_TOKENS = 64;
/** Longest body source reported with the result. */
const MAX_SOURCE = 120;

const FUNCTIONS = new Set(['def', 'fn', 'function', '=']);
/** The method that applies a layer: PyTorch `forward`, Keras `call`, Flax/Haiku `__call__`. */
const APPLY_METHODS = new Set(['forward', 'call', '__call__']);

/** What a definition computes, with where it is; undefined when its body is not one activation. */
export function classifyDefinition(
  model: DocumentModel,
  def: Definition,
  recognize: RecognizeToken,
  args?: CallArguments,
  values?: Values,
): RecognizedCall | undefined {
  const given = [...(args ?? [])].map(
    ([k, v]) => `${k}=${v === undefined ? '?' : JSON.stringify(v)}`,
  );
  const key = `body:${def.start}${given.join(',')}${values === undefined ? '' : `:${[...values]}`}`;
  if (model.memo.has(key)) {
    return model.memo.get(key) as RecognizedCall | undefined;
  }
  model.memo.set(key, undefined); // a definition that refers to itself is no activation
  const found = withArguments(model, def.nameAt + 1, args, () =>
    classifyUncached(model, def, recognize, values),
  );
  model.memo.set(key, found);
  return found;
}

function classifyUncached(
  model: DocumentModel,
  def: Definition,
  recognize: RecognizeToken,
  given: Values | undefined,
): RecognizedCall | undefined {
  if (def.end - def.start > MAX_BODY_TOKENS) {
    return undefined;
  }
  if (def.keyword === 'class' || def.keyword === 'struct') {
    const defs = definitions(model);
    const self = indexOf(defs, def);
    for (let j = self + 1; j < defs.length && defs[j].start < def.end; j++) {
      if (defs[j].parent === self && APPLY_METHODS.has(defs[j].name)) {
        return classifyDefinition(model, defs[j], recognize);
      }
    }
    return undefined;
  }
  if (!FUNCTIONS.has(def.keyword)) {
    return undefined;
  }
  if (def.keyword === '=') {
    // Julia's `f(x; approx = false) = expr`: the expression after the `=` that follows the parameter list
    // (not the `=` of a default inside it).
    const k = model.closing(def.nameAt + 1, def.end) + 1;
    return classifyExpression(
      model,
      k + 1,
      def.end,
      recognize,
      firstParameter(model, def.nameAt, k),
    );
  }
  const input = firstParameter(model, def.nameAt, def.end);
  const values = given ?? (model.lang === 'python' ? definitionValues(model, def) : undefined);
  const results: RecognizedCall[] = [];
  for (let k = def.nameAt + 1; k < def.end; k++) {
    if (
      !model.isWord(k, 'return') ||
      enclosing(model, k, (d) => FUNCTIONS.has(d.keyword)) !== def ||
      (model.lang === 'python' && inInplaceBranch(model, k, def))
    ) {
      continue;
    }
    if (returnsNothing(model, k)) {
      return undefined;
    }
    const r = classifyExpression(
      model,
      k + 1,
      expressionEnd(model, k + 1, def.end),
      recognize,
      input,
      0,
      values,
    );
    if (r === undefined) {
      return undefined;
    }
    results.push(r);
  }
  const tail =
    model.lang === 'julia' || (model.lang === 'rust' && !model.isPunct(def.end - 2, ';'));
  if (results.length === 0 && tail) {
    // Julia returns the value of the body's last expression, Rust that of its last one without `;`.
    let last = def.end - 2;
    while (last > def.nameAt && (model.flags[last] & STMT) === 0) {
      last--;
    }
    return classifyExpression(model, last, def.end - 1, recognize, input);
  }
  const first = results[0];
  return first !== undefined && results.every((r) => sameActivation(r, first)) ? first : undefined;
}

/**
 * Whether the `return` at token `k` returns nothing because a line break follows it: JavaScript inserts a
 * semicolon there, in Python the next line is another statement, and Julia's bare `return` gives `nothing`.
 * (C++ and Rust read on to the `;`.)
 */
export function returnsNothing(model: DocumentModel, k: number): boolean {
  const lineEnds = model.lang === 'js' || model.lang === 'python' || model.lang === 'julia';
  return lineEnds && (model.flags[k + 1] & NL) !== 0;
}

/** `lambda x: expr` at token `at`: what the expression computes. */
export function classifyLambda(
  model: DocumentModel,
  at: number,
  recognize: RecognizeToken,
): RecognizedCall | undefined {
  let k = at + 1;
  while (k < model.count && k < at + 32 && !model.isPunct(k, ':')) {
    k++;
  }
  if (!model.isPunct(k, ':')) {
    return undefined;
  }
  const input = model.kinds[at + 1] === ID ? model.tokenText(at + 1) : undefined;
  return classifyExpression(
    model,
    k + 1,
    expressionEnd(model, k + 1, model.count),
    recognize,
    input,
  );
}

/** The end (exclusive) of the expression starting at `a`: the next statement or `;`, at most `limit`. */
function expressionEnd(model: DocumentModel, a: number, limit: number): number {
  let b = a;
  const end = Math.min(limit, a + MAX_BODY_TOKENS);
  while (b < end && (b === a || (model.flags[b] & STMT) === 0) && !model.isPunct(b, ';')) {
    b++;
  }
  return b;
}

/** The activation that the expression `[a, b)` is, whole, or undefined. */
export function classifyExpression(
  model: DocumentModel,
  a: number,
  b: number,
  recognize: RecognizeToken,
  input: string | undefined,
  depth = 0,
  values?: Values,
): RecognizedCall | undefined {
  // Outer parentheses: `return (1 / (1 + exp(-x)))`. A formula's span may keep them.
  const outerA = a;
  while (b - a > 2 && model.isPunct(a, '(') && model.closing(a, b) === b - 1) {
    a++;
    b--;
  }
  // The formula matcher reads `tf.tidy(() => …)` as its inner value too: a formula may span either.
  const [wrapA, wrapB] = [a, b];
  [a, b] = unwrapTidy(model, a, b);
  if (b <= a || input === undefined) {
    return undefined;
  }
  const branches = model.lang === 'python' ? conditional(model, a, b) : undefined;
  if (branches !== undefined) {
    // `A if cond else B`: both branches agree, or the condition is the `inplace` flag and B decides.
    const [other, then] = [branches.other, branches.then];
    const r = classifyExpression(model, other[0], other[1], recognize, input, depth, values);
    const flag = isInplaceFlag(model, branches.cond[0], branches.cond[1]);
    const t = flag
      ? r
      : classifyExpression(model, then[0], then[1], recognize, input, depth, values);
    return r !== undefined && t !== undefined && sameActivation(r, t)
      ? { ...r, start: model.starts[a], end: model.ends[b - 1] }
      : undefined;
  }
  if (!onlyReads(model, a, b, input, values)) {
    return undefined;
  }
  const temporary = b - a === 1 && depth < MAX_TEMPORARY_DEPTH ? boundAt(model, a) : undefined;
  if (temporary?.k === 'value') {
    // `squared = torch.square(relu_applied)` then `return squared`: what the temporary's value is.
    const end = temporary.base + temporary.toks.length;
    const last = model.isPunct(end - 1, ';') ? end - 1 : end;
    return classifyExpression(model, temporary.base, last, recognize, input, depth + 1, values);
  }
  if (values !== undefined && values.size > 0) {
    // Parameters and fields the body reads, replaced by their literal values. When the substituted text
    // is not one activation, the temporaries of the original body may still make it one (below).
    const plain = substituted(model, a, b, values);
    if (plain === null) {
      return undefined;
    }
    const r = plain && classifyExpression(plain, 0, plain.count, recognize, input);
    if (r !== undefined) {
      return { ...r, start: model.starts[a], end: model.ends[b - 1] };
    }
  }
  for (let k = a; k < b && k < a + MAX_EXPRESSION_TOKENS; k++) {
    const kind = model.kinds[k];
    // A layer made by its name and applied: `layers.Activation("hard_swish")(x)`.
    const named = kind === STR && model.isPunct(k - 1, '(') && model.kinds[k - 2] === ID;
    if (kind !== ID && kind !== NUM && !named) {
      continue;
    }
    const r = readAsBody(() => recognize(model, k));
    const at = named ? k - 2 : k;
    if (
      r !== undefined &&
      (covers(model, { ...r, start: model.starts[at] }, at, a, b) ||
        covers(model, r, at, wrapA, wrapB) ||
        spansParenthesized(model, r, outerA, a, b))
    ) {
      return { ...r, start: model.starts[a], end: model.ends[b - 1] };
    }
  }
  return undefined;
}

/**
 * Whether the plain names the expression reads are all `input` (and it reads it): an activation of the
 * function's own argument, not of a temporary (`return F.relu(self.fc(x))` reads `self`, which is fine
 * through its members, but `return F.relu(h)` with `h = self.fc(x)` above is a layer, not an activation).
 * A temporary the formula matcher reads through (`e = np.exp(x)` then `return e / e.sum()`) counts by
 * what its own value reads; a parameter with a literal default (`slope=0.2`, `inplace=False`) is a constant,
 * and so is a call's later argument (`F.leaky_relu(x, SLOPE)`, SLOPE from a star import; `SLOPE / 2`).
 */
function onlyReads(
  model: DocumentModel,
  a: number,
  b: number,
  input: string,
  values: Values | undefined,
): boolean {
  return reading(model, a, b, input, 0, values) === READS_INPUT;
}

const READS_CONSTANTS = 0;
const READS_INPUT = 1;
const READS_OTHER = 2;
/** How deep temporaries are followed (`e` of `shifted` of `x`). */
const MAX_TEMPORARY_DEPTH = 4;

function reading(
  model: DocumentModel,
  a: number,
  b: number,
  input: string,
  depth: number,
  values: Values | undefined,
): number {
  let reads = READS_CONSTANTS;
  let level = 0; // brackets open before `k`, from `a`
  // Whether `k` is in a positional argument after the first of a bracket at the top level (`BASE / 2` in
  // `F.leaky_relu(x, BASE / 2)`, `BASE` in `min(BASE, 0.2)` there): a parameter of the call, whatever its
  // expression.
  let laterPositional = false;
  for (let k = a; k < b; k++) {
    level += k > a ? bracket(model, k - 1) : 0;
    if (level < 1) {
      laterPositional = false;
    } else if (level === 1 && model.isPunct(k - 1, ',')) {
      laterPositional = !isKeyword(model, k);
    }
    if (model.kinds[k] !== ID || model.isPunct(k - 1, '.') || model.isPunct(k - 1, '::')) {
      continue; // not a name of its own: a member
    }
    const word = model.tokenText(k);
    if (isCalled(model, k) || model.isPunct(k + 1, '=')) {
      continue; // a function, a keyword argument
    }
    if (!isPlainName(model, k) && word !== input && boundAt(model, k)?.k !== 'value') {
      if (depth > 0 && !isKnownHead(word, model.imports, model.lang)) {
        return READS_OTHER; // a temporary computed by an object (`h = self.dense(x)`): a layer
      }
      continue; // a module or object whose member is read (the input's methods read the input)
    }
    if (word === input) {
      reads = READS_INPUT;
      continue;
    }
    if (CONSTANTS.has(word) || values?.has(word) === true) {
      continue; // a constant, or a parameter or field given a literal value
    }
    if (laterPositional || (level === 1 && isKeywordParameter(model, k))) {
      // A parameter of a call, whatever its value: the call applies the same function. A later positional
      // argument is one at any depth inside it (`min(SLOPE, 0.2)` in `F.leaky_relu(x, min(SLOPE, 0.2))`);
      // the flag holds only at level 1 or deeper, as it is reset at level 0.
      continue;
    }
    const bound = depth < MAX_TEMPORARY_DEPTH ? boundAt(model, k) : undefined;
    const value =
      bound?.k === 'literal' || bound?.k === 'unknown'
        ? READS_CONSTANTS
        : bound?.k === 'value'
          ? reading(model, bound.base, bound.base + bound.toks.length, input, depth + 1, values)
          : READS_OTHER;
    if (value === READS_OTHER) {
      return READS_OTHER;
    }
    reads = Math.max(reads, value);
  }
  return reads;
}

/**
 * Whether the name at `k`, in a bracket at its expression's top level, is a whole keyword argument:
 * `alpha` in `F.elu(x, alpha=alpha)`, `buf` in `x * torch.sigmoid(x, out=buf)`. That is a parameter of the
 * call, whose value the code may not spell (a star import's `from .config import *`) but which does not
 * change what the call applies. (A positional argument after the first is one whatever its expression; see
 * `reading`.) A keyword argument's expression is not read as one: the keyword may name the input
 * (`F.leaky_relu(negative_slope=0.2, input=OFFSET + x)`).
 */
function isKeywordParameter(model: DocumentModel, k: number): boolean {
  return model.isPunct(k - 1, '=') && (model.isPunct(k + 1, ',') || bracket(model, k + 1) < 0);
}

/** Whether an argument starting at `k` is passed by keyword (`alpha=…`; `==` is another token). */
function isKeyword(model: DocumentModel, k: number): boolean {
  return model.isPunct(k + 1, '=');
}

/** Whether the name at `k` is called: `relu(x)`, or broadcast in Julia, `relu.(x)`. */
function isCalled(model: DocumentModel, k: number): boolean {
  return model.isPunct(k + 1, '(') || (model.isPunct(k + 1, '.') && model.isPunct(k + 2, '('));
}

/** Names an activation's body may read besides its input. */
const CONSTANTS = new Set([
  // Words of a conditional expression (`x.mul_(y) if inplace else x.mul(y)`): no names.
  'if',
  'else',
  'not',
  'and',
  'or',
  'True',
  'False',
  'None',
  'true',
  'false',
  'pi',
  'π',
  'inf',
  'Inf',
  'Float32',
  'Float64',
  'f32',
  'f64',
]);

/** The first parameter of a definition's list (skipping `self`, `cls`, `&self`); undefined if none. */
export function firstParameter(
  model: DocumentModel,
  from: number,
  limit: number,
): string | undefined {
  let k = from;
  while (k < limit && k < from + 64 && !model.isPunct(k, '(')) {
    k++;
  }
  for (k++; k < limit && k < from + 64; k++) {
    if (model.isPunct(k, ')')) {
      return undefined;
    }
    if (model.kinds[k] === ID) {
      const word = model.tokenText(k);
      if (word !== 'self' && word !== 'cls' && word !== 'mut') {
        return word;
      }
    }
  }
  return undefined;
}

/** Whether a recognition at token `k` spans the whole expression `[a, b)`. */
function covers(model: DocumentModel, r: RecognizedCall, k: number, a: number, b: number): boolean {
  if (r.start === model.starts[a] && r.end === model.ends[b - 1]) {
    return true; // a formula: `1 / (1 + np.exp(-x))`
  }
  if (r.start !== model.starts[k]) {
    return false;
  }
  // A call: a dotted path (or a receiver and a method) from `a` to the name, then its argument list to `b`.
  // The name closes the path, so it sits an even number of tokens after `a`: a word before it makes an
  // expression of the call (`not relu(x)` is a bool, `typeof tf.relu(x)` a string).
  if ((k - a) % 2 !== 0) {
    return false;
  }
  for (let p = a; p < k; p++) {
    const sep = model.isPunct(p, '.') || model.isPunct(p, '::');
    if ((p - a) % 2 === 0 ? model.kinds[p] !== ID : !sep) {
      return false;
    }
  }
  let open = k + 1;
  if (model.isPunct(open, '.') && model.isPunct(open + 1, '(')) {
    open++; // Julia broadcasting: relu.(x)
  }
  if (!model.isPunct(open, '(')) {
    return false;
  }
  const close = model.closing(open, b);
  // A call, or a layer built and then applied once: `layers.ReLU()(x)`, `Swish()(x)`.
  return (
    close === b - 1 || (model.isPunct(close + 1, '(') && model.closing(close + 1, b) === b - 1)
  );
}

/**
 * Whether a recognition spans the expression `[a, b)` with some of the parentheses around it that were
 * taken off from `outerA` on: the formula `(1 / (1 + exp(-x)))` keeps its own.
 */
function spansParenthesized(
  model: DocumentModel,
  r: RecognizedCall,
  outerA: number,
  a: number,
  b: number,
): boolean {
  for (let d = 1; d <= a - outerA; d++) {
    if (r.start === model.starts[a - d] && r.end === model.ends[b - 1 + d]) {
      return true;
    }
  }
  return false;
}

/** The expression a definition returns, as one line of source for the hover (cut at MAX_SOURCE). */
export function bodySource(model: DocumentModel, r: RecognizedCall): string {
  const text = model.text.slice(r.start, Math.min(r.end, r.start + 4 * MAX_SOURCE));
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= MAX_SOURCE) {
    return line;
  }
  // Cut on a character boundary: never between the halves of a surrogate pair.
  const cut = /[\ud800-\udbff]/.test(line[MAX_SOURCE - 2]) ? MAX_SOURCE - 2 : MAX_SOURCE - 1;
  return `${line.slice(0, cut)}…`;
}

/** Index of a definition in the model's list (sorted by start). */
function indexOf(defs: readonly Definition[], def: Definition): number {
  let lo = 0;
  let hi = defs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (defs[mid].start < def.start) {
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return lo;
}
