/**
 * Recognition of one hovered token: a name (a call, a method, a reference like `activation=tf.nn.swish`, a
 * builder like `LeakyReluConfig::new()`) or a string naming an activation where a layer is configured.
 */
import type { RecognizedCall } from '../types';
import { findEnclosing, parseArgs } from './args';
import type { Imports } from './imports';
import { ParamBuilder } from './params';
import { candidatePaths, isKnownHead, lookup, METHODS } from './resolve';
import type { Spelling } from './spelling';
import { bindingOf } from './bindings';
import { enclosing } from './definitions';
import type { DocumentModel } from './document';
import type { Lang, Token } from './tokenizer';

/** What recognition sees: the window's tokens and the document's imports. */
export interface Scope {
  readonly toks: readonly Token[];
  readonly imports: Imports;
  readonly lang: Lang;
  /** The document model the window comes from, and the model index of `toks[0]`, when there is one. */
  readonly model?: DocumentModel;
  readonly base?: number;
}

/** Words before a name that make it a definition or declaration, not a use. */
const DECLARATIONS = new Set([
  'def',
  'class',
  'function',
  'fn',
  'struct',
  'enum',
  'let',
  'const',
  'var',
  'macro',
  'module',
  'mutable',
  'type',
  'interface',
  'impl',
  'trait',
  'mod',
  'lambda',
  'global',
  'nonlocal',
]);

/** Statement-leading words of import lines per language: nothing on these lines is hovered. */
const IMPORT_WORDS: Readonly<Record<Lang, ReadonlySet<string>>> = {
  python: new Set(['import', 'from']),
  js: new Set(['import']),
  cpp: new Set(['#', 'using', 'namespace']),
  rust: new Set(['use', 'extern']),
  julia: new Set(['using', 'import', 'export']),
};

/** Words that may precede a call in an expression; any other name before a name makes a declaration. */
const EXPRESSION_WORDS = new Set([
  'return',
  'await',
  'yield',
  'else',
  'in',
  'of',
  'case',
  'throw',
  'new',
  'not',
  'and',
  'or',
  'if',
  'elif',
  'while',
  'is',
  'for',
  'do',
  'then',
  'begin',
  'where',
  'typeof',
  'void',
  'delete',
  'assert',
  'print',
  'move',
  'mut',
]);

/**
 * Rust associated functions that build a type with its defaults: `new` by convention, `default` from the
 * `Default` trait (burn's activation modules derive it; `Gelu::new()` is `Self::default()`).
 */
const DEFAULT_CONSTRUCTORS = new Set(['new', 'default']);

/** Receivers whose attributes are the user's own objects, not tensors. */
const SELF = new Set(['self', 'cls', 'this', 'super']);

/** Whether token `ti` is on an import statement (a declaration of names: never a use). */
export function onImportLine(scope: Scope, ti: number): boolean {
  const opening = statementOpening(scope, ti);
  // Rust's `pub use a::b;` and `pub(crate) use a::b;` re-export; `pub fn` and `pub struct` lines are code.
  if (scope.lang === 'rust' && opening[0] === 'pub') {
    return afterVisibility(opening) === 'use';
  }
  return IMPORT_WORDS[scope.lang].has(opening[0]);
}

/** Tokens read at a statement's start: `pub ( in crate :: a :: b ) use` and a little more. */
const OPENING_TOKENS = 12;

/**
 * The first tokens of token `ti`'s statement: `from m import (\n  relu,\n)` and `use m::{\n  sigmoid,\n};`
 * continue their import over several lines.
 */
function statementOpening(scope: Scope, ti: number): readonly string[] {
  const { toks, model, base } = scope;
  let k = ti;
  while (k > 0 && toks[k].st !== true) {
    k--;
  }
  if (toks[k].st === true || model === undefined || base === undefined) {
    return toks.slice(k, k + OPENING_TOKENS).map((t) => t.t);
  }
  // The window starts inside the statement (an import list longer than the window): the model knows its
  // start, before the window, and the tokens after it.
  const first = model.stmt[base + ti];
  const words: string[] = [];
  for (let i = first; i < Math.min(model.count, first + OPENING_TOKENS); i++) {
    words.push(model.tokenText(i));
  }
  return words;
}

/** The word after Rust's `pub` and its restriction if any (`pub(crate) use`, `pub(in crate::a) use`). */
function afterVisibility(opening: readonly string[]): string | undefined {
  if (opening[1] !== '(') {
    return opening[1];
  }
  const close = opening.indexOf(')');
  return close < 0 ? undefined : opening[close + 1];
}

/**
 * Whether token `ti` sits in the body of an enum (`enum Act { Gelu, Relu }`: variants) or of a Rust struct
 * (`activation: Gelu,`: a field's type): declarations, not uses.
 */
function inEnum(scope: Scope, ti: number): boolean {
  const { model, base } = scope;
  const rust = scope.lang === 'rust';
  return (
    model !== undefined &&
    base !== undefined &&
    scope.lang !== 'python' &&
    enclosing(model, base + ti, (d) => d.keyword === 'enum' || (rust && d.keyword === 'struct')) !==
      undefined
  );
}

/**
 * Whether the head of a JS path that is TF.js only by convention (`tf`, not imported) is bound by a local
 * `const`/`let`/`var` other than a `require`: then `const tf = { relu: … }` makes `tf.relu(…)` the object's.
 * An imported alias stays the module (`const tf = withScope(tf)` wraps it; only imports bind modules).
 */
function rebound(scope: Scope, j: number, parts: readonly string[]): boolean {
  const { model, base } = scope;
  if (
    scope.lang !== 'js' ||
    parts.length < 2 ||
    model === undefined ||
    base === undefined ||
    scope.imports.aliases.has(parts[0]) ||
    !isKnownHead(parts[0], scope.imports, scope.lang)
  ) {
    return false;
  }
  const b = bindingOf(model, parts[0], base + j);
  return b?.value !== undefined && !model.isWord(b.value, 'require');
}

/** Builds the result for a spelling used at token `ti`. */
function result(spelling: Spelling, tok: Token, pb: ParamBuilder): RecognizedCall {
  return {
    id: spelling.id,
    params: pb.params,
    framework: spelling.framework,
    start: tok.s,
    end: tok.e,
    ...(pb.arg !== undefined ? { arg: pb.arg } : {}),
    ...(pb.nonLiteral.length > 0 ? { nonLiteral: pb.nonLiteral } : {}),
  };
}

/** Whether a name starts with an ASCII capital: a Rust type or variant (`Gelu`), not a value (`gelu`). */
function startsUpper(name: string): boolean {
  const c = name.charCodeAt(0);
  return c >= 65 && c <= 90;
}

/** Recognizes the identifier at token `ti`. */
export function matchName(scope: Scope, ti: number): RecognizedCall | undefined {
  const { toks, lang, imports } = scope;
  const tok = toks[ti];
  const next = toks[ti + 1];
  // Only the last name of a path is the activation; burn's `XConfig::new()` and `Gelu::default()` build the
  // type with its defaults, called or passed as a function (`act.unwrap_or_else(Gelu::default)`).
  const builder = next?.t === '::' && DEFAULT_CONSTRUCTORS.has(toks[ti + 2]?.t ?? '');
  // A value applied by its type's `forward`: candle's variant `Activation::Gelu.forward(&xs)`, burn's
  // unit struct `Relu.forward(x)` (`pub struct Relu;`: the type's name is its one value), or the method
  // named through the type, called or passed (`Relu::forward(&act, x)`, `[Relu::forward]`, and Python's
  // unbound `nn.ReLU.forward(self, x)` in a subclass). Read only after a `.` or `::` (below).
  const applied = startsUpper(tok.t) && toks[ti + 2]?.t === 'forward';
  if ((next?.t === '.' || next?.t === '::') && toks[ti + 2]?.k === 'id' && !builder && !applied) {
    return undefined;
  }
  let j = ti;
  while (
    j >= 2 &&
    (toks[j - 1].t === '.' || toks[j - 1].t === '::') &&
    continuesPath(toks, j - 2, lang)
  ) {
    j -= 2;
  }
  const parts: string[] = [];
  for (let k = j; k <= ti; k += 2) {
    parts.push(toks[k].t);
  }
  // Nothing before a statement's first token belongs to it (`h = a + b` / `F.relu_(h)`).
  const before = toks[j].st === true ? undefined : toks[j - 1];
  const declared =
    before !== undefined &&
    (DECLARATIONS.has(before.t) || (before.k === 'id' && !EXPRESSION_WORDS.has(before.t)));
  if (declared || onImportLine(scope, ti) || inEnum(scope, ti) || rebound(scope, j, parts)) {
    return undefined;
  }
  const exprReceiver =
    before !== undefined &&
    (before.t === '.' ||
      (before.t === '::' && !(LEADING_PATHS.has(lang) && globalNamespace(toks, j - 2))));
  const method =
    exprReceiver ||
    (parts.length > 1 && (SELF.has(parts[0]) || !isKnownHead(parts[0], imports, lang)));

  // Julia broadcasting: relu.(x)
  let open = ti + 1;
  if (lang === 'julia' && next?.t === '.' && toks[ti + 2]?.t === '(') {
    open = ti + 2;
  }
  if (builder) {
    open = ti + 3;
  }
  // C++ constructs modules as declarations too: `torch::nn::LeakyReLU act{opts}` or `act(opts)`.
  const cpp = lang === 'cpp';
  if (cpp && next?.k === 'id' && (toks[ti + 2]?.t === '(' || toks[ti + 2]?.t === '{')) {
    open = ti + 2;
  }
  // burn's configs are plain structs too: `LeakyReluConfig { negative_slope: 0.2 }` names its fields.
  const structLiteral = lang === 'rust' && next?.t === '{' && tok.t.endsWith('Config');
  const isCall =
    toks[open]?.t === '(' || ((structLiteral || (cpp && open > ti)) && toks[open]?.t === '{');

  let spelling: Spelling | undefined;
  if (method) {
    if (SELF.has(parts[0]) && !exprReceiver) {
      return undefined;
    }
    spelling = isCall ? METHODS[lang][tok.t] : undefined;
  } else {
    for (const path of candidatePaths(parts, imports, lang)) {
      spelling = lookup(path, lang);
      if (spelling) {
        break;
      }
    }
  }
  if (spelling === undefined) {
    return undefined;
  }
  const pb = new ParamBuilder(spelling, toks, lang);
  if (isCall) {
    const list = parseArgs(toks, open);
    // `relu(x) = max(x, 0)` defines relu in Julia (also `gelu(x::T) where {T} = …`, `f(x)::Float32 = …`);
    // `x.relu = …` never calls it.
    const startsStatement = j === 0 || toks[j].st === true || toks[j].nl;
    if (list.close >= 0 && isDefinedBy(toks, list.close + 1, startsStatement ? lang : undefined)) {
      return undefined;
    }
    if (method && spelling.pos.length === 0 && list.args.length > 0) {
      return undefined;
    }
    // A struct literal's `..base` fills the fields not listed: only the listed ones are known.
    pb.applyArgs(
      structLiteral ? list.args.filter((a) => a.name !== undefined) : list.args,
      spelling.input,
    );
    if (!list.truncated) {
      pb.applyChain(list.close + 1, Math.min(toks.length, list.close + 200));
    }
    return result(spelling, tok, pb);
  }
  return matchReference(scope, ti, parts, spelling, pb);
}

/** Whether token `k`, before a `.` or `::`, is a name of the path after it (C++'s `return ::f` is not). */
function continuesPath(toks: readonly Token[], k: number, lang: Lang): boolean {
  return toks[k].k === 'id' && !(lang === 'cpp' && EXPRESSION_WORDS.has(toks[k].t));
}

/**
 * Languages where a path may open with `::`: C++'s global namespace (`::torch::softmax(x, 1)`) and Rust's
 * extern crates (`::burn::tensor::activation::gelu(x)`, the Rust reference's "Paths").
 */
const LEADING_PATHS: ReadonlySet<Lang> = new Set<Lang>(['cpp', 'rust']);

/**
 * Whether the `::` after token `k` (which is no name of the path) opens a path from the root
 * (`auto p = ::torch::softmax(x, 1)`, `let y = ::burn::tensor::activation::gelu(x)`), not a type's scope
 * (`Net<T>::act(x)`, `decltype(x)::f()`, `<T as Act>::apply(x)`).
 */
function globalNamespace(toks: readonly Token[], k: number): boolean {
  const t = toks[k];
  return t === undefined || (t.t !== '>' && t.t !== ')');
}

/** A name used without a call: `activation=tf.nn.swish`, `Dense(10 => 5, relu)`, `partial(nn.gelu, …)`. */
function matchReference(
  scope: Scope,
  ti: number,
  parts: readonly string[],
  spelling: Spelling,
  pb: ParamBuilder,
): RecognizedCall | undefined {
  const { toks, lang, imports } = scope;
  const next = toks[ti + 1];
  if (next?.t === '=' || next?.t === ':=' || next?.t === '+=') {
    return undefined;
  }
  // Unqualified names in JS are references only when imported (`import { gelu } from …`); Python's
  // resolve only through an import or a star import (`from keras.activations import *`).
  if (parts.length === 1 && lang === 'js' && !imports.aliases.has(parts[0])) {
    return undefined;
  }
  if (parts.length === 1 && lang === 'cpp') {
    return undefined;
  }
  const enc = findEnclosing(toks, ti, lang);
  if (enc !== undefined && enc.index === 0 && toks[enc.open].t === '(') {
    const callee = toks[enc.open - 1];
    if (callee?.t === 'partial') {
      const list = parseArgs(toks, enc.open);
      pb.applyArgs(
        list.args.filter((a) => a.name !== undefined),
        false,
      );
    }
  }
  return result(spelling, toks[ti], pb);
}

/** Tokens a Julia signature's `where` clause or return type may span before its `=`. */
const MAX_SIGNATURE_TAIL = 24;

/**
 * Whether the tokens from `k` (just after a call's `)`) make the call the left side of a definition: `=` at
 * once, or, for a Julia call that starts its statement (`lang` given), after a return type (`::T`) and `where`
 * clauses on the same line. `y = relu(x)::Vector{Float32}` asserts a type; it defines nothing.
 */
function isDefinedBy(toks: readonly Token[], k: number, lang: Lang | undefined): boolean {
  if (toks[k]?.t === '=') {
    return true;
  }
  if (lang !== 'julia' || (toks[k]?.t !== 'where' && toks[k]?.t !== '::')) {
    return false;
  }
  let depth = 0;
  for (let i = k; i < toks.length && i < k + MAX_SIGNATURE_TAIL; i++) {
    const t = toks[i];
    if ((i > k && t.nl && depth === 0) || t.t === ';') {
      return false;
    }
    if (t.t === '{' || t.t === '(') {
      depth++;
    } else if (t.t === '}' || t.t === ')') {
      depth--;
    } else if (t.t === '=' && depth === 0) {
      return true;
    }
  }
  return false;
}
