/**
 * Definitions in a document model: functions, classes, structs and their extents (token ranges), read in one
 * pass per model. Python's extents follow indentation; C-like ones follow the braces of the body; Julia's
 * follow its block keywords and `end`. Queries are a binary search plus a walk up the nesting (bounded by
 * MAX_NESTING), never a scan of the document.
 */
import type { DocumentModel } from './document';
import { NL, STMT } from './statements';
import { bracketStep, ID } from './tokenizer';

/** A definition: its keyword, its name, and the tokens it spans. */
export interface Definition {
  /** `def`, `class`, `fn`, `struct`, `function`, `impl`, … as written (`=` for Julia's `f(x) = …`). */
  readonly keyword: string;
  readonly name: string;
  /** Index of the keyword (or of the name, for Julia's short form). */
  readonly start: number;
  /** Index of the name token. */
  readonly nameAt: number;
  /** Index of the first token after the definition (its end is exclusive). */
  end: number;
  /** The definition this one is nested in (-1 at the top level). */
  readonly parent: number;
}

const PY_DEFS = new Set(['def', 'class']);
const C_DEFS = new Set(['class', 'struct', 'fn', 'function', 'impl', 'enum', 'trait', 'union']);
export const JULIA_BLOCKS = new Set([
  'function',
  'struct',
  'begin',
  'if',
  'for',
  'while',
  'let',
  'do',
  'try',
  'quote',
  'module',
  'baremodule',
  'macro',
]);

/** Deepest nesting followed when asking which definition encloses a token. */
const MAX_NESTING = 64;

/** The definitions of a model, in order of their start. */
export function definitions(model: DocumentModel): readonly Definition[] {
  const key = 'definitions';
  let defs = model.memo.get(key) as Definition[] | undefined;
  if (defs === undefined) {
    defs =
      model.lang === 'python'
        ? pythonDefs(model)
        : model.lang === 'julia'
          ? juliaDefs(model)
          : cDefs(model);
    model.memo.set(key, defs);
  }
  return defs;
}

/** The innermost definition around token `ti` whose keyword passes `accept`. */
export function enclosing(
  model: DocumentModel,
  ti: number,
  accept: (d: Definition) => boolean,
): Definition | undefined {
  const defs = definitions(model);
  let lo = 0;
  let hi = defs.length - 1;
  // The last definition starting before ti.
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (defs[mid].start < ti) {
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  let d = hi;
  for (let steps = 0; d >= 0 && steps < MAX_NESTING; steps++) {
    const def = defs[d];
    if (def.end > ti && accept(def)) {
      return def;
    }
    // Not inside this one: the next candidate is its parent, or (when it ended before ti) whatever
    // encloses it — also its parent chain.
    d = def.parent;
  }
  return undefined;
}

/** Column of a token that is first on its line. */
function column(model: DocumentModel, i: number): number {
  const s = model.starts[i];
  // Back over the line's indentation, never before the model's range: a window of a long text may start
  // in the middle of a line megabytes long, and a search for its start would read them all.
  let k = s;
  while (k > model.from && model.text.charCodeAt(k - 1) !== 10) {
    k--;
  }
  return s - k;
}

function pythonDefs(model: DocumentModel): Definition[] {
  const defs: Definition[] = [];
  const open: { def: number; indent: number }[] = [];
  const { count, flags, kinds } = model;
  for (let i = 0; i < count; i++) {
    if ((flags[i] & STMT) === 0 || (flags[i] & NL) === 0) {
      continue;
    }
    const indent = column(model, i);
    while (open.length > 0 && open[open.length - 1].indent >= indent) {
      defs[open.pop()!.def].end = i;
    }
    let k = i;
    if (model.isWord(k, 'async')) {
      k++;
    }
    if (kinds[k] !== 0 || kinds[k + 1] !== 0) {
      continue;
    }
    const keyword = model.tokenText(k);
    if (!PY_DEFS.has(keyword)) {
      continue;
    }
    const parent = open.length > 0 ? open[open.length - 1].def : -1;
    defs.push({
      keyword,
      name: model.tokenText(k + 1),
      start: i,
      nameAt: k + 1,
      end: count,
      parent,
    });
    open.push({ def: defs.length - 1, indent });
  }
  return defs;
}

/**
 * A C++ `class`/`struct` after `<`, `,` or `(` declares a template parameter (`template <class Self>`) or
 * names a type in a list (`f(struct Opts* o)`), where C++ allows no class definition.
 */
function cppTypeParameter(model: DocumentModel, i: number): boolean {
  return (
    model.lang === 'cpp' &&
    (model.isPunct(i - 1, '<') || model.isPunct(i - 1, ',') || model.isPunct(i - 1, '('))
  );
}

function cDefs(model: DocumentModel): Definition[] {
  const defs: Definition[] = [];
  // Open braces: the definition each one bodies, or -1.
  const braces: number[] = [];
  // C++ only: the opening bracket of each `)` and `}` read so far (a C++ function's body is told by what
  // stands before its `{`, read back group by group in constant steps).
  const cpp = model.lang === 'cpp' ? new CppBrackets(model.count) : undefined;
  let pending = -1;
  // Brackets open since the pending definition's keyword: `fn f(a: [f32; 2])` has a `;` in its signature.
  let signatureDepth = 0;
  const { count, kinds } = model;
  const current = (): number => {
    for (let b = braces.length - 1; b >= 0 && b >= braces.length - MAX_NESTING; b--) {
      if (braces[b] >= 0) {
        return braces[b];
      }
    }
    return -1;
  };
  const { starts, ends } = model;
  for (let i = 0; i < count; i++) {
    const len = ends[i] - starts[i];
    // A pending signature's `impl` is a type (`gelu: impl Fn(…)`, `-> impl Iterator`), not an impl block.
    if (
      kinds[i] === 0 &&
      (kinds[i + 1] === 0 || (model.isPunct(i + 1, '<') && model.isWord(i, 'impl'))) &&
      len >= 2 &&
      len <= 8 &&
      C_DEFS.has(model.tokenText(i)) &&
      !(pending >= 0 && model.isWord(i, 'impl')) &&
      !cppTypeParameter(model, i)
    ) {
      const keyword = model.tokenText(i);
      // `impl<T> Trait for Type`: the name is the type after `for` when there is one (read later).
      defs.push({
        keyword,
        name: model.tokenText(i + 1),
        start: i,
        nameAt: i + 1,
        end: count,
        parent: current(),
      });
      pending = defs.length - 1;
      signatureDepth = 0;
      continue;
    }
    const anonymous = pending < 0 ? anonymousFunction(model, i) : -1;
    if (anonymous >= 0) {
      defs.push({
        keyword: 'function',
        name: '',
        start: i,
        nameAt: anonymous,
        end: count,
        parent: current(),
      });
      pending = defs.length - 1;
      signatureDepth = 0;
      continue;
    }
    // Only one-character punctuation matters below: its code is read once, not compared per spelling.
    const c = kinds[i] === 3 && len === 1 ? model.text.charCodeAt(starts[i]) : 0;
    cpp?.read(c, i);
    if (pending >= 0 && (c === 40 || c === 91)) {
      signatureDepth++; // ( [
    } else if (pending >= 0 && (c === 41 || c === 93)) {
      signatureDepth--; // ) ]
    } else if (c === 123 && pending >= 0 && signatureDepth > 0) {
      // A brace inside the parameter list (`opts = {}`, `options: { beta?: number }`, C++'s `= {1, 2}`)
      // opens no body: the definition's body is still to come.
      braces.push(-1);
    } else if (c === 123 && pending < 0 && cpp !== undefined) {
      braces.push(cppFunctionDef(model, i, cpp, defs, current()));
    } else if (c === 123) {
      braces.push(pending); // {
      pending = -1;
    } else if (c === 125) {
      const d = braces.pop(); // }
      if (d !== undefined && d >= 0) {
        defs[d].end = i + 1;
      }
    } else if (c === 59 && pending >= 0 && signatureDepth <= 0) {
      // A declaration without a body (`struct S;`, a forward declaration).
      defs[pending].end = i + 1;
      pending = -1;
    }
  }
  return defs;
}

/**
 * For a JavaScript or TypeScript function expression the keyword rule does not read (no name after
 * `function`): `function (x) {…}`, `function <T>(x: T) {…}`, a generator `function* (…)` or `function* gen(…)`.
 * Returns the token before its parameter list (or type parameters), which stands where a name would; else
 * -1. It is a scope without a name: nothing calls an expression by it, and a generator's call returns an
 * iterator, not what its body returns.
 */
function anonymousFunction(model: DocumentModel, i: number): number {
  if (model.lang !== 'js' || !model.isWord(i, 'function') || model.isPunct(i - 1, '.')) {
    return -1; // `obj.function(…)` calls a property of that name
  }
  let k = i;
  if (model.isPunct(k + 1, '*')) {
    k++;
    k += model.kinds[k + 1] === ID ? 1 : 0;
  }
  return model.isPunct(k + 1, '(') || model.isPunct(k + 1, '<') ? k : -1;
}

/** The opening bracket of each `)` and `}` of a C++ model, recorded as cDefs reads the brackets. */
class CppBrackets {
  private readonly openOf: Int32Array;
  private readonly parens: number[] = [];
  private readonly curlies: number[] = [];

  constructor(count: number) {
    this.openOf = new Int32Array(count);
  }

  /** Reads token `i`, whose one-character code is `c` (0 for other tokens). */
  read(c: number, i: number): void {
    if (c === 40) {
      this.parens.push(i);
    } else if (c === 41) {
      this.openOf[i] = this.parens.pop() ?? 0;
    } else if (c === 123) {
      this.curlies.push(i);
    } else if (c === 125) {
      this.openOf[i] = this.curlies.pop() ?? 0;
    }
  }

  /**
   * The `(` or `{` the `)` or `}` at `close` closes (a token read already); 0 when it closes none (a model
   * of a window that starts inside brackets): no name stands before token 0, so 0 opens no signature.
   */
  opening(close: number): number {
    return this.openOf[close];
  }
}

/** Tokens read back from a body's `{` over what follows the parameter list (`const noexcept -> T`). */
const MAX_TRAILING_TOKENS = 32;
/** Member initializers read back before a constructor's body (`: fc(n), act(opts) {`). */
const MAX_INITIALIZERS = 64;
/** `A::B::` qualifiers read back before a function's name. */
const MAX_QUALIFIERS = 8;
/** Tokens of a qualifier's template arguments read back (`Block<B>::forward`). */
const MAX_QUALIFIER_ARGS = 32;
/** Words whose `(…)` may follow a parameter list: `noexcept(true)`, `-> decltype(x)`, `throw()`. */
const SPECIFIERS = ['noexcept', 'decltype', 'throw', 'requires'];
/** Punctuation that may stand between a parameter list and the body: `-> std::pair<A, B>*`, `const&`. */
const TRAILING = ['::', '<', '>', '*', '&', '->', ','];
/**
 * Statements whose `(…) {` may follow a word, as a function's name follows its type: `else if (…) {`,
 * `if constexpr (…) {`, and a statement after a preprocessor line (`#endif`, `#pragma omp parallel for`).
 */
const CONTROL = new Set(['if', 'for', 'while', 'switch', 'constexpr']);

/**
 * Whether the `{` at `brace` opens a C++ function's body; if so the definition is added to `defs` and its
 * index returned, else -1. A C++ definition has no keyword: it is the `{` after a parameter list (and what
 * may follow one: `const`, `override`, `noexcept`, `-> T`) whose name follows a type (`torch::Tensor
 * block(…)`, `auto f(…)`), or a constructor's or destructor's (`Net::Net(…)`, `~Net()`, a member
 * initializer list `: fc(n), act(opts)`). Not one: `if (…) {`, a lambda `[](…) {`, a braced initializer
 * `Tensor t{…}`, a macro at a statement's start (`TEST(Suite, Name) {`). The body is an unnamed scope: its
 * parameters and locals are its own; a call is not read through it.
 */
function cppFunctionDef(
  model: DocumentModel,
  brace: number,
  brackets: CppBrackets,
  defs: Definition[],
  parent: number,
): number {
  const owner = parent >= 0 ? defs[parent].name : undefined;
  const signature = cppSignature(model, brace, brackets, owner);
  if (signature === undefined) {
    return -1;
  }
  // (A keyword's definition read inside the signature, `const struct Opts* o = {}`, starts after the name:
  // the order of starts breaks there only, where no token asks which definition encloses it.)
  const { start, list } = signature;
  defs.push({ keyword: 'function', name: '', start, nameAt: list - 1, end: model.count, parent });
  return defs.length - 1;
}

/** The start (the name) and parameter list's `(` of the C++ function whose body opens at `brace`. */
function cppSignature(
  model: DocumentModel,
  brace: number,
  brackets: CppBrackets,
  owner: string | undefined,
): { start: number; list: number } | undefined {
  let close = trailingClose(model, brace - 1, brackets);
  let initializers = false;
  for (let n = 0; close >= 0 && n < MAX_INITIALIZERS; n++) {
    const list = brackets.opening(close);
    const name = functionName(model, list);
    if (name < 0) {
      return undefined;
    }
    const start = qualifiedStart(model, name);
    const before = start - 1;
    if (model.isPunct(before, ',')) {
      // `act(opts)` after `fc(n),`: a member initializer, the constructor's list further back.
      close = before - 1;
      continue;
    }
    const ctor = model.isPunct(before, ':') ? trailingClose(model, before - 1, brackets) : -1;
    if (ctor >= 0) {
      close = ctor; // `Net(int64_t n) : fc(n) {`; a label's `public:` has no list before it
      initializers = true;
      continue;
    }
    const named = typed(model, before) || constructorLike(model, name, owner);
    return initializers || named ? { start, list } : undefined;
  }
  return undefined;
}

/**
 * Reading back from `from` over what may follow a parameter list (`const`, `override`, `noexcept(…)`,
 * `-> decltype(…)`, `-> std::pair<A, B>`): the `)` that closes the list, or a member initializer's `}`
 * right before the body; -1 when something else stands there.
 */
function trailingClose(model: DocumentModel, from: number, brackets: CppBrackets): number {
  if (model.isPunct(from, '}')) {
    return from; // `: out{…} {`
  }
  let k = from;
  for (let n = 0; n < MAX_TRAILING_TOKENS; n++) {
    if (model.isPunct(k, ')')) {
      const open = brackets.opening(k);
      if (SPECIFIERS.some((w) => model.isWord(open - 1, w))) {
        k = open - 2;
        continue;
      }
      return k;
    }
    const punct = TRAILING.some((p) => model.isPunct(k, p));
    if (model.kinds[k] !== ID && !punct) {
      return -1; // also before the first token, where there is no kind
    }
    k--;
  }
  return -1;
}

/** The name before the bracket at `list` (an identifier, or `operator` for `operator()(…)`); else -1. */
function functionName(model: DocumentModel, list: number): number {
  const k = list - 1;
  if (model.kinds[k] === ID) {
    return CONTROL.has(model.tokenText(k)) ? -1 : k;
  }
  // `operator==(`, `operator()(`, `operator<<(`: the word before the operator's one or two symbols.
  if (model.isWord(k - 1, 'operator')) {
    return k - 1;
  }
  return model.isWord(k - 2, 'operator') ? k - 2 : -1;
}

/** The first token of the name at `name` with its qualifiers: `Net::forward`, `Block<B>::forward`. */
function qualifiedStart(model: DocumentModel, name: number): number {
  let k = name;
  for (let n = 0; n < MAX_QUALIFIERS && model.isPunct(k - 1, '::'); n++) {
    const q = beforeTemplateArguments(model, k - 2);
    if (model.kinds[q] !== ID) {
      break;
    }
    k = q;
  }
  return k;
}

/** For `>` at `k` closing template arguments, the token before their `<`; else `k`. */
function beforeTemplateArguments(model: DocumentModel, k: number): number {
  if (!model.isPunct(k, '>')) {
    return k;
  }
  let depth = 0;
  for (let j = k; j > k - MAX_QUALIFIER_ARGS; j--) {
    if (model.isPunct(j, '>')) {
      depth++;
    } else if (model.isPunct(j, '<') && --depth === 0) {
      return j - 1;
    }
  }
  return k;
}

/** Whether the token before a function's name ends its return type: `Tensor`, `auto`, `>`, `*`, `&`. */
function typed(model: DocumentModel, before: number): boolean {
  return model.kinds[before] === ID || ['>', '*', '&'].some((p) => model.isPunct(before, p));
}

/** Whether the name at `name` is a constructor's or destructor's: `Net::Net`, `~Net`, `Net` in `Net`. */
function constructorLike(model: DocumentModel, name: number, owner: string | undefined): boolean {
  const word = model.tokenText(name);
  return (
    model.isPunct(name - 1, '~') ||
    (model.isPunct(name - 1, '::') && model.isWord(name - 2, word)) ||
    word === owner
  );
}

function juliaDefs(model: DocumentModel): Definition[] {
  const defs: Definition[] = [];
  // Open blocks: the definition each one is, or -1 for other blocks (if, for, begin, …).
  const blocks: number[] = [];
  let brackets = 0;
  const { count, flags, kinds } = model;
  const current = (): number => {
    for (let b = blocks.length - 1; b >= 0 && b >= blocks.length - MAX_NESTING; b--) {
      if (blocks[b] >= 0) {
        return blocks[b];
      }
    }
    return -1;
  };
  for (let i = 0; i < count; i++) {
    if (kinds[i] === 3) {
      const c = model.text.charCodeAt(model.starts[i]);
      brackets = Math.max(0, brackets + bracketStep(c));
      continue;
    }
    if (kinds[i] !== 0 || brackets > 0) {
      continue;
    }
    const word = model.tokenText(i);
    if (word === 'end') {
      const d = blocks.pop();
      if (d !== undefined && d >= 0) {
        defs[d].end = i + 1;
      }
    } else if (JULIA_BLOCKS.has(word)) {
      const k = i + 1; // `mutable struct S`: `struct` is the block's word, `S` its name
      if ((word === 'function' || word === 'struct' || word === 'macro') && kinds[k] === 0) {
        defs.push({
          keyword: word,
          name: model.tokenText(k),
          start: i,
          nameAt: k,
          end: count,
          parent: current(),
        });
        blocks.push(defs.length - 1);
      } else if (word === 'function' && model.isPunct(k, '(')) {
        // An anonymous `function (x) … end` (or a functor's `function (m::Dense)(x)`) is a function scope
        // too: its parameters and the variables it assigns are its own. It has no name to be called by.
        defs.push({ keyword: word, name: '', start: i, nameAt: i, end: count, parent: current() });
        blocks.push(defs.length - 1);
      } else {
        blocks.push(-1);
      }
    } else if (((flags[i] & STMT) !== 0 || afterMacros(model, i)) && model.isPunct(i + 1, '(')) {
      // Short form `f(x) = …` (or `@inline f(x) = …`): a call at a statement start whose closing
      // parenthesis is followed by `=`.
      let depth = 0;
      let k = i + 1;
      for (; k < count && k < i + 256; k++) {
        if (model.isPunct(k, '(')) {
          depth++;
        } else if (model.isPunct(k, ')') && --depth === 0) {
          break;
        }
      }
      if (depth === 0 && model.isPunct(k + 1, '=')) {
        let end = k + 2;
        while (end < count && (flags[end] & STMT) === 0) {
          end++;
        }
        defs.push({ keyword: '=', name: word, start: i, nameAt: i, end, parent: current() });
      }
    }
  }
  return defs;
}

/** Scope words that may stand before a short form's name: `local f(x) = …` in a function's body. */
const SCOPE_WORDS = new Set(['local', 'global']);

/**
 * Whether the name at `i` follows only a scope word and macro calls at its statement's start:
 * `local f(x) = …`, `@inline f(x) = …`, `Base.@propagate_inbounds f(x) = …`.
 */
function afterMacros(model: DocumentModel, i: number): boolean {
  let k = i;
  if (model.kinds[k - 1] === 0 && SCOPE_WORDS.has(model.tokenText(k - 1))) {
    k--;
  }
  while (k >= 2 && model.isPunct(k - 2, '@') && model.kinds[k - 1] === 0) {
    k -= 2;
    // A macro called by its module's name: `Base.@propagate_inbounds`.
    while (k >= 2 && model.isPunct(k - 1, '.') && model.kinds[k - 2] === 0) {
      k -= 2;
    }
  }
  return k < i && (model.flags[k] & STMT) !== 0;
}
