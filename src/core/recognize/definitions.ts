/**
 * Definitions in a document model: functions, classes, structs and their extents (token ranges), read in one
 * pass per model. Python's extents follow indentation; C-like ones follow the braces of the body; Julia's
 * follow its block keywords and `end`. Queries are a binary search plus a walk up the nesting (bounded by
 * MAX_NESTING), never a scan of the document.
 */
import type { DocumentModel } from './document';
import { NL, STMT } from './statements';
import { CppBrackets, cppFunctionDef } from './cppFunctions';
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
 * `function`): `function (x) {…}`, `function <T>(x: T) {…}`, a generator `function* (…)` or `function*
 * gen(…)`. Returns the token before its parameter list (or type parameters), which stands where a name would;
 * else -1. It is a scope without a name: nothing calls an expression by it, and a generator's call returns an
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
