/**
 * Local bindings: names the code binds itself, which shadow an activation of the same name — Julia
 * `σ = 0.2f0` and `μ, logσ = encoder(x)`, a function parameter called `sigmoid`, Python `relu = …`, a
 * `let`/`const`, a `for` variable, a Julia struct field. Read in one pass over a document model's statements; each binding is
 * visible in the function that holds it (or the whole file) from where it is made on.
 *
 * A use of a bound name is no activation, unless the binding assigns one in a way that keeps it a
 * function: a path (`act = jax.nn.gelu`) or a layer built by its class (`act = nn.GELU()`).
 */
import type { Definition } from './definitions';
import { definitions, enclosing } from './definitions';
import type { DocumentModel } from './document';
import { juliaStructFields } from './juliaFields';
import { STMT } from './statements';
import { bracketStep, ID, PUNCT } from './tokenizer';

/** One binding of a name. */
export interface Binding {
  /** Index of the bound name's token. */
  readonly at: number;
  /**
   * Token range where the binding is visible: the enclosing function, else the whole model and past its
   * end (what a later notebook cell or an importing file sees).
   */
  readonly scopeStart: number;
  readonly scopeEnd: number;
  /** For `name = <rhs>` with a single target: index of the right-hand side's first token. */
  readonly value?: number;
}

/** Bindings examined per use, newest first: enough for any real function, bounded for hostile ones. */
const MAX_CANDIDATES = 64;
/** Tokens read from a statement's start while looking for its `=`. */
const MAX_TARGET_TOKENS = 32;
/** Tokens of a parameter list read. */
const MAX_PARAM_TOKENS = 512;

const FUNCTIONS = new Set(['def', 'fn', 'function', '=']);
const DECLARE = new Set(['let', 'const', 'var', 'local', 'global', 'mut', 'auto']);
/** ( ) [ ] { } * : what may stand between the names of an assignment's targets (`(a, b) = …`, `*rest`). */
const BINDING_BRACKETS = new Set([40, 41, 91, 93, 123, 125, 42]);

/** Bindings by name, in document order (built once per model). */
export function bindings(model: DocumentModel): ReadonlyMap<string, Binding[]> {
  let index = model.memo.get('bindings') as Map<string, Binding[]> | undefined;
  if (index === undefined) {
    index = collect(model);
    model.memo.set('bindings', index);
  }
  return index;
}

/** The binding of `name` visible at token `ti` (made there or before it, in a scope around it), if any. */
export function bindingOf(model: DocumentModel, name: string, ti: number): Binding | undefined {
  const list = bindings(model).get(name);
  if (list === undefined) {
    return undefined;
  }
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].at <= ti) {
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  for (let k = hi; k >= 0 && k > hi - MAX_CANDIDATES; k--) {
    const b = list[k];
    if (b.scopeStart <= ti && ti < b.scopeEnd) {
      return b;
    }
  }
  return undefined;
}

function collect(model: DocumentModel): Map<string, Binding[]> {
  const index = new Map<string, Binding[]>();
  const add = (at: number, value?: number, scope?: Pick<Definition, 'start' | 'end'>): void => {
    const fn = scope ?? enclosing(model, at, (d) => FUNCTIONS.has(d.keyword));
    const name = model.tokenText(at);
    const list = index.get(name) ?? [];
    list.push({
      at,
      scopeStart: fn?.start ?? 0,
      scopeEnd: fn?.end ?? Number.MAX_SAFE_INTEGER,
      ...(value !== undefined ? { value } : {}),
    });
    index.set(name, list);
  };
  for (const def of definitions(model)) {
    if (FUNCTIONS.has(def.keyword)) {
      const read = model.lang === 'cpp' ? cppParameters : parameters;
      read(model, def, (at) => add(at, undefined, def));
    }
  }
  if (model.lang === 'julia') {
    // Julia binds no variable for a field (an inner constructor's `new(W, σ)` passes NNlib's σ): a field's
    // name is bound on its own token only.
    juliaStructFields(model, (at) => add(at, undefined, { start: at, end: at + 1 }));
  }
  const { count, flags } = model;
  for (let i = 0; i < count; i++) {
    if ((flags[i] & STMT) !== 0) {
      assignment(model, i, add);
    } else if (model.isWord(i, 'for') || model.isWord(i, 'let')) {
      // `for x in …` inside a comprehension, `let` after `if`: bound like a statement's targets.
      assignment(model, i, add);
    } else if (startsBracelessBody(model, i)) {
      assignment(model, i, add); // `if (smooth) act = tf.elu;`: a statement the lexer does not mark
    }
  }
  for (const list of index.values()) {
    list.sort((a, b) => a.at - b.at);
  }
  return index;
}

/** Tokens read back from a `)` to its `(` when asking whether it closes a condition. */
const MAX_CONDITION_TOKENS = 256;

/**
 * Whether token `i` starts the one-statement body of a brace-less `if (…)`, `for (…)`, `while (…)` or
 * `else` in JavaScript or C++ (`if (smooth) act = tf.elu;`): a block of one statement, which may not run.
 */
export function startsBracelessBody(model: DocumentModel, i: number): boolean {
  if ((model.lang !== 'js' && model.lang !== 'cpp') || model.kinds[i] !== ID) {
    return false;
  }
  if (model.isWord(i - 1, 'else')) {
    return true;
  }
  if (!model.isPunct(i - 1, ')')) {
    return false;
  }
  let depth = 0;
  for (let k = i - 1; k >= 0 && k >= i - MAX_CONDITION_TOKENS; k--) {
    if (model.isPunct(k, ')')) {
      depth++;
    } else if (model.isPunct(k, '(') && --depth === 0) {
      return ['if', 'for', 'while'].some((w) => model.isWord(k - 1, w));
    }
  }
  return false;
}

/**
 * The targets of the statement at `i`: `a = …`, `a, b = …`, `a: T = …`, `let [mut] a = …`, `const {a, b} = …`,
 * `for a, b in …` / `for (const a of …)`, `a += …`.
 */
function assignment(
  model: DocumentModel,
  i: number,
  add: (at: number, value?: number) => void,
): void {
  let k = i;
  const loop = model.isWord(k, 'for');
  if (loop) {
    k++;
    if (model.isPunct(k, '(')) {
      k++;
    }
  }
  const afterKeywords = k;
  while (
    model.kinds[k] === ID &&
    model.ends[k] - model.starts[k] <= 6 &&
    DECLARE.has(model.tokenText(k))
  ) {
    k++;
  }
  // A JavaScript or C++ declaration list (`let h: tf.Tensor, act = tf.relu;`, `float lo, hi = 6.0f;`)
  // initializes only the declarator its `=` follows; elsewhere `a, b = …` assigns a tuple. C++ needs no
  // keyword (`ActFn gate, act = torch::relu;`, and a comma expression `a, b = c` assigns `b` alone); in
  // JavaScript a statement without one may be a destructuring pattern's rest (`{ gate, act = tf.relu }`).
  const declared = k > afterKeywords;
  const declarators = (declared && model.lang === 'js') || model.lang === 'cpp';
  const targets: number[] = [];
  const end = Math.min(model.count, k + MAX_TARGET_TOKENS);
  const { kinds, flags, starts, ends, text } = model;
  const julia = model.lang === 'julia';
  let annotated = false;
  let element = false;
  let typed = false;
  // Bracket depth, and the depth of the `:` that opened the annotation being read: a comma inside the
  // annotation's brackets (`act: Callable[[Tensor], Tensor] = …`) does not end it.
  let depth = 0;
  let annotationDepth = 0;
  // Runs once per statement of the document: each token is looked at once, punctuation by its code.
  for (; k < end; k++) {
    if (k > i && (flags[k] & STMT) !== 0) {
      return; // the statement ended without an `=`
    }
    if (kinds[k] === ID) {
      // Before the call check: `for act in (relu, gelu)` is no call of `in`.
      if (loop && !annotated && (model.isWord(k, 'in') || model.isWord(k, 'of'))) {
        targets.forEach((t) => add(t));
        return;
      }
      if (model.isPunct(k + 1, '(')) {
        return; // a call (`f(x)`, `f(a=1)`, Julia's `f(x) = …` definition)
      }
      if (annotated) {
        continue;
      }
      if (model.isWord(k, 'mut')) {
        continue;
      }
      if (targets[targets.length - 1] === k - 1) {
        targets.pop(); // C-like `Type name`: the name is the last of the two
        typed = true;
      }
      targets.push(k);
      continue;
    }
    const len = kinds[k] === PUNCT ? ends[k] - starts[k] : 0;
    const c = len === 1 || len === 2 ? text.charCodeAt(starts[k]) : 0;
    const c2 = len === 2 ? text.charCodeAt(starts[k] + 1) : 0;
    depth += len === 1 ? bracketStep(c) : 0;
    if (len === 1 && c === 44) {
      annotated &&= depth !== annotationDepth; // , (the next target's, unless inside the annotation)
    } else if ((len === 1 && c === 58) || (julia && len === 2 && c === 58 && c2 === 58)) {
      // `a: float = …`, `let a: f32 = …`, Julia `a::Float32 = …`
      annotationDepth = annotated ? annotationDepth : depth;
      annotated = true;
    } else if ((len === 1 && c === 61) || (len === 2 && (c === 43 || c === 45) && c2 === 61)) {
      break; // = += -=
    } else if (len === 1 && c === 91 && !annotated && targets[targets.length - 1] === k - 1) {
      // `seen[active] = True`, `x[::2] = v`: an element of the target is assigned, so the target changes
      // (it keeps no value) and the names in the brackets are indices, not targets.
      const close = model.closing(k, end);
      if (close < 0) {
        return;
      }
      depth -= 1;
      element = true;
      k = close;
    } else if (!((len === 1 && BINDING_BRACKETS.has(c)) || isDoubleStar(c, c2)) && !annotated) {
      return; // `f(x)`, `a.b = …`: not a binding of a plain name
    }
  }
  if (k >= end || targets.length === 0 || loop) {
    return;
  }
  const single = targets.length === 1 && model.isPunct(k, '=') && !element;
  const initialized = declarators && depth === 0 && model.isPunct(k, '=') ? k - 1 : -1;
  const values = declarators || element ? undefined : tupleValues(model, i, k, targets.length);
  targets.forEach((t, n) => add(t, single || t === initialized ? k + 1 : values?.[n]));
  if (model.lang === 'js' || model.lang === 'cpp') {
    laterAssignments(model, k, declared || typed, add);
  }
}

/**
 * The names a JavaScript or C++ statement binds after its first `=` (at `eq`), on its top level: a
 * declaration list's later declarators (`let gate = tf.sigmoid, act = tf.relu;`, C++'s `ActFn gate =
 * torch::sigmoid, act;` declares `act` with no value), a comma expression's later assignments (`scale *=
 * decay, act = torch::relu;`) and a chain's later targets (`gate = act = tf.relu;`).
 */
function laterAssignments(
  model: DocumentModel,
  eq: number,
  declaration: boolean,
  add: (at: number, value?: number) => void,
): void {
  const end = Math.min(model.count, eq + 1 + MAX_TUPLE_TOKENS);
  const names: [at: number, value: number | undefined][] = [];
  let depth = 0;
  // The statement ends where the next one starts: after its `;` or the block it is the last of.
  for (let k = eq; k < end && (model.flags[k] & STMT) === 0; k++) {
    const c =
      model.kinds[k] === PUNCT && model.ends[k] - model.starts[k] === 1
        ? model.text.charCodeAt(model.starts[k])
        : 0;
    depth += bracketStep(c);
    if (depth < 0) {
      // A bracket the statement did not open: the lexer started it inside a destructuring pattern
      // (`const { units = 64, act = tf.relu } = opts;`), whose `=` give defaults, not values.
      return;
    }
    if (depth !== 0 || model.kinds[k + 1] !== ID) {
      continue;
    }
    const assigned = model.isPunct(k + 2, '=');
    if ((c === 44 && (assigned || declaration)) || (c === 61 && assigned)) {
      names.push([k + 1, assigned ? k + 3 : undefined]); // `, name = value`, `, name`, `= name = value`
    }
  }
  names.forEach(([at, value]) => add(at, value));
}

/** Tokens of a tuple's right-hand side read for its elements. */
const MAX_TUPLE_TOKENS = 256;

/**
 * For a Python or Julia tuple assignment `act, gate = F.gelu, torch.sigmoid` (the statement from `i`, its
 * `=` at `eq`, `count` targets): the first token of each right-hand element, the nth for the nth target;
 * undefined when they do not pair up (a starred target, one value unpacked, another count, a chain).
 */
function tupleValues(
  model: DocumentModel,
  i: number,
  eq: number,
  count: number,
): number[] | undefined {
  if ((model.lang !== 'python' && model.lang !== 'julia') || count < 2 || !model.isPunct(eq, '=')) {
    return undefined;
  }
  for (let k = i; k < eq; k++) {
    if (model.isPunct(k, '*')) {
      return undefined; // `head, *rest = …` gathers a list
    }
  }
  const firsts = [eq + 1];
  const end = Math.min(model.count, eq + 1 + MAX_TUPLE_TOKENS);
  let depth = 0;
  let k = eq + 1;
  // In valid code the right-hand side's first token starts no statement: Julia continues a line that
  // ends in `=`, and Python needs a `\` there, which the lexer joins.
  for (; k < end && (model.flags[k] & STMT) === 0; k++) {
    const c =
      model.kinds[k] === PUNCT && model.ends[k] - model.starts[k] === 1
        ? model.text.charCodeAt(model.starts[k])
        : 0;
    depth += bracketStep(c);
    if (depth < 0 || (depth === 0 && c === 61)) {
      return undefined; // an unbalanced bracket, or a chain `a, b = c, d = …`
    }
    if (depth === 0 && c === 59) {
      break; // ;
    }
    if (depth === 0 && c === 44) {
      firsts.push(k + 1); // ,
    }
  }
  if (k >= end && end < model.count) {
    return undefined; // longer than read
  }
  if (firsts[firsts.length - 1] === k) {
    firsts.pop(); // a trailing comma: `a, b = x, y,`
  }
  return firsts.length === count ? firsts : undefined;
}

/**
 * Whether a two-character token is `**`: in a target, Rust's and C++'s double dereference
 * (`**slot = Activation::Gelu;` sets what `slot` reaches, as `*slot = …` does one level down).
 */
function isDoubleStar(c: number, c2: number): boolean {
  return c === 42 && c2 === 42;
}

/** The parameter names of a function definition: names directly after `(` or `,` in its list. */
function parameters(model: DocumentModel, def: Definition, add: (at: number) => void): void {
  let open = def.nameAt + 1;
  // Generic parameters (`fn f<T>(…)`) and Julia's `where` come before or after; skip to the `(`. A bound
  // in the generics may hold one of its own (`F: Fn(Tensor) -> Tensor`): only a `(` outside them opens
  // the list.
  let angles = 0;
  while (open < def.end && open < def.nameAt + 64 && !(angles <= 0 && model.isPunct(open, '('))) {
    angles += angleStep(model, open);
    open++;
  }
  if (!model.isPunct(open, '(')) {
    return;
  }
  let depth = 0;
  const end = Math.min(model.count, open + MAX_PARAM_TOKENS);
  for (let k = open; k < end; k++) {
    if (model.isPunct(k, '(') || model.isPunct(k, '[') || model.isPunct(k, '{')) {
      depth++;
    } else if (model.isPunct(k, ')') || model.isPunct(k, ']') || model.isPunct(k, '}')) {
      if (--depth === 0) {
        return;
      }
    } else if (depth === 1 && model.kinds[k] === ID) {
      let p = k - 1;
      while (
        model.isPunct(p, '*') ||
        model.isPunct(p, '**') ||
        model.isWord(p, 'mut') ||
        model.isPunct(p, '&')
      ) {
        p--;
      }
      if (p === open || model.isPunct(p, ',') || model.isPunct(p, ';')) {
        add(k);
      }
    }
  }
}

/**
 * The parameter names of a C++ function definition, whose list opens right after `nameAt`: in C++ the name
 * comes last (`const torch::Tensor& x`, `std::function<void(int)> hook`, `float beta = 1.0f`), after a type
 * that ends in a word, `>`, `*` or `&`. A parameter without a name (`Tensor`, `const Tensor&`) binds none;
 * names inside a parameter's own brackets (`std::function<void(int n)>`) or in a default value (`= &act`)
 * are read, not bound.
 */
function cppParameters(model: DocumentModel, def: Definition, add: (at: number) => void): void {
  const open = def.nameAt + 1;
  const close = model.isPunct(open, '(') ? model.closing(open, open + MAX_PARAM_TOKENS) : -1;
  let depth = 0;
  let inDefault = false;
  for (let k = open + 1; k < close; k++) {
    // In C++ no token but a bracket starts with a bracket's character.
    depth += bracketStep(model.text.charCodeAt(model.starts[k]));
    if (depth > 0) {
      continue;
    }
    if (model.isPunct(k, ',') || model.isPunct(k, '=')) {
      inDefault = model.isPunct(k, '='); // `=` starts a default value, `,` the next parameter
    } else if (
      !inDefault &&
      model.kinds[k] === ID &&
      endsDeclarator(model, k + 1) &&
      afterType(model, k - 1)
    ) {
      add(k);
    }
  }
}

/** Whether token `k` ends a C++ parameter's declarator: `,`, `)` or `=`. */
function endsDeclarator(model: DocumentModel, k: number): boolean {
  return [')', ',', '='].some((p) => model.isPunct(k, p));
}

/** Whether token `k` may end a C++ parameter's type: a word, `>`, `*` or `&` (not `::` or `(`). */
function afterType(model: DocumentModel, k: number): boolean {
  return model.kinds[k] === ID || ['>', '*', '&'].some((p) => model.isPunct(k, p));
}

/** How token `k` moves the depth of generic parameters' angle brackets (the lexer makes no `>>` token). */
function angleStep(model: DocumentModel, k: number): number {
  if (model.isPunct(k, '<')) {
    return 1;
  }
  return model.isPunct(k, '>') ? -1 : 0;
}
