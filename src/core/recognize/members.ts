/**
 * Members declared in a type and called through the instance: burn's `self.activation.forward(x)` with the
 * struct field `activation: Gelu` (or built as `activation: Gelu::new()` / `GeluConfig::new().init()`),
 * LibTorch class members `torch::nn::ReLU relu{nullptr};` then `relu->forward(x)` or `relu(x)`, TF.js
 * `this.act = tf.layers.reLU()` in the constructor then `this.act.apply(x)`, or a function
 * `this.act = (x) => tf.elu(x)` then `this.act(x)` (read by jsFunctions.ts). The type or value each
 * declaration gives is recognized like any code; when the declarations of a name disagree, those of the
 * enclosing type decide, and when that leaves more than one answer there is no hover.
 *
 * The declarations come from one pass per document model; a hover reads the few that share its name.
 */
import type { RecognizedCall } from '../types';
import { enclosing, type Definition } from './definitions';
import type { DocumentModel } from './document';
import { classifyJsFunction, isJsFunctionStart } from './jsFunctions';
import { STMT } from './statements';
import { bracketStep, ID, PUNCT } from './tokenizer';
import { typeMeaning, typeName } from './declaredTypes';

/**
 * How much a member declaration says, most first: what a constructor builds for it (a Rust struct literal,
 * a LibTorch `register_module` or assignment, TF.js `this.act = …`), a C++ member declared with its
 * initializer (`torch::nn::GELU act;` is default-constructed, and a constructor may replace it), a type
 * alone (a Rust struct field, a LibTorch `{nullptr}` member). Only the first rank that answers counts.
 */
const BUILT = 0;
const INITIALIZED = 1;
const TYPED = 2;

/** A member declaration: the type that declares it, the token where recognition looks, its rank. */
interface Member {
  readonly owner: string | undefined;
  readonly at: number;
  readonly rank: number;
  /** The declaration assigns a function expression (`this.act = (x) => tf.elu(x)`) starting at `at`. */
  readonly fn?: boolean;
}

const MAX_MEMBERS = 8;
/** Deepest brace nesting whose struct literals are told apart. */
const MAX_BRACES = 256;
/** Longest restricted visibility read (`pub(in crate::model::heads)`), in tokens. */
const MAX_VISIBILITY_TOKENS = 12;
/** Longest attribute read before a field (`#[config(default = "Activation::Gelu")]`), in tokens. */
const MAX_ATTRIBUTE_TOKENS = 32;
/** Longest `register_module(<name>, …` read up to the module, in tokens. */
const MAX_NAME_TOKENS = 64;
const TYPES = new Set(['struct', 'class', 'impl']);
const ACCESS = new Set(['public', 'protected', 'private']);

/** Member declarations by name (built once per model). */
function members(model: DocumentModel): ReadonlyMap<string, Member[]> {
  let index = model.memo.get('members') as Map<string, Member[]> | undefined;
  if (index !== undefined) {
    return index;
  }
  index = new Map();
  const add = (
    name: string,
    owner: string | undefined,
    at: number,
    rank = BUILT,
    fn = false,
  ): void => {
    const list = index!.get(name) ?? [];
    if (list.length <= MAX_MEMBERS) {
      list.push({ owner, at, rank, ...(fn ? { fn } : {}) });
    }
    index!.set(name, list);
  };
  const { count, kinds, flags } = model;
  // A C++ member given a value in a constructor (token `name`, the value at `value`): what it holds when
  // the value is a module (`torch::nn::GELU(…)`, or `GELU` under `using namespace torch::nn`, also through
  // `register_module`) or a function held in a `std::function` member (`act = torch::relu;`), not a
  // function's result (`x = torch::relu(x)`).
  const addHeld = (name: number, value: number): void => {
    const at = registeredModule(model, value) ?? value;
    let last = at;
    while (model.isPunct(last + 1, '::') && kinds[last + 2] === ID) {
      last += 2;
    }
    const held = model.isCapitalized(last) || model.isPunct(last + 1, ';');
    const cls = classAround(model, name);
    if (cls !== undefined && held) {
      add(model.tokenText(name), cls.name, at);
    }
  };
  // Rust: the type each open brace builds (`Model {` in `impl ModelConfig`'s `init`), '' for other braces.
  const literals: string[] = [];
  let depth = 0;
  // Rust: the brackets open at token i, innermost last (a field is declared or built right inside `{`;
  // `act: Relu` inside `(` is a parameter).
  const open: string[] = [];
  // Rust: the closing `|` of the closure parameters being read (`|h: Tensor<B, 2>, act: Relu|`), whose
  // names are the closure's bindings, no fields; and how far an opening `|` found no closing one.
  let paramsEnd = -1;
  let unclosedTo = -1;
  for (let i = 0; i + 2 < count; i++) {
    if (model.lang === 'rust' && i > paramsEnd && i > unclosedTo && opensClosure(model, i)) {
      const close = closingBar(model, i);
      paramsEnd = close;
      unclosedTo = close < 0 ? i + MAX_CLOSURE_TOKENS : -1;
    }
    if (model.lang === 'rust' && model.isPunct(i, '{')) {
      if (depth < MAX_BRACES) {
        literals[depth] = literalType(model, i);
      }
      depth++;
      open.push('{');
    } else if (model.lang === 'rust' && model.isPunct(i, '}')) {
      depth = Math.max(0, depth - 1);
      open.pop();
    } else if (model.lang === 'rust' && (model.isPunct(i, '(') || model.isPunct(i, '['))) {
      open.push('(');
    } else if (model.lang === 'rust' && (model.isPunct(i, ')') || model.isPunct(i, ']'))) {
      open.pop();
    }
    if (kinds[i] !== ID) {
      continue;
    }
    const typeStart = kinds[i + 2] === ID || model.isPunct(i + 2, '&');
    if (model.lang === 'rust' && model.isPunct(i + 1, ':') && typeStart) {
      // `name: Type,` in a struct, `name: Type::new(…)` / `name: TypeConfig::new().init()` in a literal.
      const fieldStart =
        open[open.length - 1] === '{' &&
        i > paramsEnd &&
        (model.isPunct(i - 1, '{') ||
          model.isPunct(i - 1, ',') ||
          afterVisibility(model, i) ||
          afterAttribute(model, i));
      if (fieldStart) {
        const def = classAround(model, i);
        const literal = depth > 0 && depth <= MAX_BRACES ? literals[depth - 1] : '';
        const owner = literal || ownerAt(model, i);
        add(model.tokenText(i), owner, i + 2, def?.keyword === 'struct' ? TYPED : BUILT);
      }
    } else if (model.lang === 'cpp' && (flags[i] & STMT) !== 0 && model.isPunct(i + 1, '=')) {
      // `lrelu = register_module("lrelu", torch::nn::LeakyReLU(…));` / `act = torch::nn::GELU(…);` in a
      // constructor: what the member holds.
      addHeld(i, i + 2);
    } else if (model.lang === 'cpp' && memberInitializer(model, i)) {
      // `gelu(register_module("gelu", torch::nn::GELU(…)))` (or `gelu{…}`) in a constructor's initializer list.
      addHeld(i, i + 2);
    } else if (model.lang === 'cpp' && ((flags[i] & STMT) !== 0 || afterAccessLabel(model, i))) {
      // `torch::nn::ReLU relu{nullptr};` / `torch::nn::GELU act;` in a class body.
      let k = i;
      while (model.isPunct(k + 1, '::') && kinds[k + 2] === ID) {
        k += 2;
      }
      const name = k + 1;
      const after = name + 1;
      const ends =
        model.isPunct(after, '{') || model.isPunct(after, ';') || model.isPunct(after, '=');
      // Declared right in the class body: a declaration inside a method's body is that method's local.
      const cls = kinds[name] === ID && ends ? classAround(model, i) : undefined;
      if (cls !== undefined && enclosing(model, i, () => true) === cls) {
        const owner = cls.name;
        // `{nullptr}` / `= nullptr` holds nothing yet: the type says what a constructor registers. A value
        // after `=` says what the member holds; its type answers when the value names no module.
        const empty = !model.isPunct(after, ';') && model.isWord(after + 1, 'nullptr');
        const assigned = model.isPunct(after, '=');
        if (assigned && !empty) {
          add(model.tokenText(name), owner, after + 1, INITIALIZED);
        }
        add(model.tokenText(name), owner, i, empty || assigned ? TYPED : INITIALIZED);
      }
    } else if (
      model.lang === 'js' &&
      model.isWord(i, 'this') &&
      model.isPunct(i + 1, '.') &&
      kinds[i + 2] === ID &&
      model.isPunct(i + 3, '=')
    ) {
      // `this.act = tf.layers.reLU()` / `this.act = tf.elu`, or a function `this.act = (x) => tf.elu(x)`.
      const owner = classAround(model, i)?.name;
      if (isJsFunctionStart(model, i + 4)) {
        add(model.tokenText(i + 2), owner, i + 4, BUILT, true);
      } else if (kinds[i + 4] === ID) {
        add(model.tokenText(i + 2), owner, i + 4);
      }
    }
  }
  model.memo.set('members', index);
  return index;
}

/** Longest closure parameter list read, in tokens. */
const MAX_CLOSURE_TOKENS = 128;

/**
 * Whether the `|` at `i` opens a Rust closure's parameters: it stands where an operand starts (after an
 * operator, an opening bracket, `,`, `;`, `=>`, `move` or `return`), not after a value as `a | b` does.
 */
function opensClosure(model: DocumentModel, i: number): boolean {
  if (!model.isPunct(i, '|')) {
    return false;
  }
  const before = i - 1;
  if (model.kinds[before] === ID) {
    return model.isWord(before, 'move') || model.isWord(before, 'return');
  }
  return (
    model.kinds[before] === PUNCT &&
    !model.isPunct(before, ')') &&
    !model.isPunct(before, ']') &&
    !model.isPunct(before, '}') &&
    !model.isPunct(before, '?')
  );
}

/** The `|` that closes the closure parameters opened at `bar` (brackets skipped), or -1 within the bound. */
function closingBar(model: DocumentModel, bar: number): number {
  let depth = 0;
  const end = Math.min(model.count, bar + MAX_CLOSURE_TOKENS);
  for (let k = bar + 1; k < end; k++) {
    const c =
      model.kinds[k] === PUNCT && model.ends[k] - model.starts[k] === 1
        ? model.text.charCodeAt(model.starts[k])
        : 0;
    depth += bracketStep(c);
    if (depth === 0 && model.isPunct(k, '|')) {
      return k;
    }
  }
  return -1;
}

/**
 * Whether the Rust field named at token `ti` follows its visibility: `pub`, or a restricted one such as
 * `pub(crate)`, `pub(super)` or `pub(in crate::model)`.
 */
function afterVisibility(model: DocumentModel, ti: number): boolean {
  if (model.isWord(ti - 1, 'pub')) {
    return true;
  }
  if (!model.isPunct(ti - 1, ')')) {
    return false;
  }
  // Back over the path inside the parentheses (`crate`, `super`, `in crate::model`) to the `(`.
  for (let k = ti - 2; k > ti - MAX_VISIBILITY_TOKENS; k--) {
    if (model.isPunct(k, '(')) {
      return model.isWord(k - 1, 'pub');
    }
    if (model.kinds[k] !== ID && !model.isPunct(k, '::')) {
      return false;
    }
  }
  return false;
}

/**
 * Whether the Rust field named at token `ti` follows an outer attribute (`#[module(skip)] act: Gelu`,
 * `#[config(default = "…")] activation: ActivationConfig`): its `]` closes a `[` right after `#`.
 */
function afterAttribute(model: DocumentModel, ti: number): boolean {
  if (!model.isPunct(ti - 1, ']')) {
    return false;
  }
  let depth = 0;
  for (let k = ti - 1; k >= 0 && k > ti - MAX_ATTRIBUTE_TOKENS; k--) {
    if (model.isPunct(k, ']') || model.isPunct(k, ')')) {
      depth++;
    } else if ((model.isPunct(k, '[') || model.isPunct(k, '(')) && --depth === 0) {
      return model.isPunct(k, '[') && model.isPunct(k - 1, '#');
    }
  }
  return false;
}

/**
 * The token where the module starts in `register_module(<name>, <module>)` at token `at`, whatever
 * expression gives the name (`"act"`, `name`, `prefix + "_act"`); undefined for any other value.
 */
function registeredModule(model: DocumentModel, at: number): number | undefined {
  if (!model.isWord(at, 'register_module') || !model.isPunct(at + 1, '(')) {
    return undefined;
  }
  const close = model.closing(at + 1, at + MAX_NAME_TOKENS);
  for (let k = at + 2; k < close; k++) {
    if (model.isPunct(k, ',')) {
      return k + 1;
    }
    if (model.isPunct(k, '(') || model.isPunct(k, '[') || model.isPunct(k, '{')) {
      k = model.closing(k, close); // found: a bracket inside the call's closes before the call's `)`
    }
  }
  return undefined;
}

/** Longest member initializer read (`gelu(register_module("gelu", torch::nn::GELU(…)))`), in tokens. */
const MAX_INITIALIZER_TOKENS = 256;

/**
 * Whether the name at token `ti` names a member in a C++ constructor's initializer list (`: fc1(…), gelu(…) {`,
 * or braced, `: gelu{…} {`): after the list's `:` or a `,`, its parentheses or braces followed by the next
 * entry's `,` or the body's `{`.
 */
function memberInitializer(model: DocumentModel, ti: number): boolean {
  if (!model.isPunct(ti + 1, '(') && !model.isPunct(ti + 1, '{')) {
    return false;
  }
  if (!model.isPunct(ti - 1, ':') && !model.isPunct(ti - 1, ',')) {
    return false;
  }
  const close = model.closing(ti + 1, ti + MAX_INITIALIZER_TOKENS);
  return close > 0 && (model.isPunct(close + 1, ',') || model.isPunct(close + 1, '{'));
}

/**
 * Whether token `ti` follows a C++ access label (`private:`): the first member declared under it starts a
 * declaration, though the label's colon ends no statement.
 */
function afterAccessLabel(model: DocumentModel, ti: number): boolean {
  return model.isPunct(ti - 1, ':') && ACCESS.has(model.tokenText(ti - 2));
}

/**
 * The type a Rust brace at `open` builds, when it opens a struct literal `Model {` (a name other than
 * `Self`, which is the `impl`'s own type, also a lowercase one: `#![allow(non_camel_case_types)]` code);
 * '' for a `Self {` literal or a definition. A block's brace (`if ready {`) gets its word too, harmlessly:
 * no field is declared or built right inside a block.
 */
function literalType(model: DocumentModel, open: number): string {
  const name = open - 1;
  if (model.kinds[name] !== ID || model.isWord(name, 'Self')) {
    return '';
  }
  // `-> Model {`, `impl Trait for Model {`, `where B: Backend {`: a body, not a literal.
  const before = model.tokenText(name - 1);
  if (
    ['->', 'for', 'impl', 'dyn'].includes(before) ||
    (before === ':' && !fieldValue(model, name))
  ) {
    return '';
  }
  const def = enclosing(model, name + 1, () => true);
  const defines = def !== undefined && def.nameAt === name; // `struct Model {`, `impl Model {`
  return defines ? '' : model.tokenText(name);
}

/**
 * Whether the name at `name`, after a `:`, is a struct literal given as a field's value (`head: Head {`):
 * the field, whatever its spelling (`Classifier: Head {` in `non_snake_case` code, a tuple struct's
 * `0: Head {`), comes right after the enclosing literal's `{`, an attribute (`#[cfg(…)] head: Head {`) or a
 * `,` that separates fields. A `where` bound (`where B: Backend {`, `…, T: Clone {`) follows `where` or a
 * `,` of its clause.
 */
function fieldValue(model: DocumentModel, name: number): boolean {
  const field = name - 2;
  return (
    model.isPunct(field - 1, '{') ||
    afterAttribute(model, field) ||
    (model.isPunct(field - 1, ',') && !inWhereClause(model, field - 1))
  );
}

/** Longest `where` clause read back from one of its commas, in tokens. */
const MAX_WHERE_TOKENS = 128;

/**
 * Whether the `,` at `comma` separates the bounds of a `where` clause: read back over the earlier bounds
 * (their brackets skipped: `Fn(A, B)`) to `where`, not to the `{` of a struct literal (no expression holds
 * the keyword `where`). A clause longer than the scan reads as a literal's fields.
 */
function inWhereClause(model: DocumentModel, comma: number): boolean {
  let depth = 0;
  for (let k = comma - 1; k >= 0 && k > comma - MAX_WHERE_TOKENS; k--) {
    if (model.isPunct(k, ')') || model.isPunct(k, ']') || model.isPunct(k, '}')) {
      depth++;
    } else if (model.isPunct(k, '(') || model.isPunct(k, '[') || model.isPunct(k, '{')) {
      if (depth === 0) {
        return false;
      }
      depth--;
    } else if (depth === 0 && (model.isPunct(k, ';') || model.isWord(k, 'where'))) {
      return model.isWord(k, 'where');
    }
  }
  return false;
}

function classAround(model: DocumentModel, ti: number): Definition | undefined {
  return enclosing(model, ti, (d) => TYPES.has(d.keyword));
}

/** `impl<B: Backend> Mlp<B>` → Mlp; `impl Module for Mlp` → Mlp; `impl<B> Mlp<B> where …` → Mlp. */
export function implTarget(model: DocumentModel, def: Definition): string | undefined {
  let name: string | undefined;
  let depth = 0;
  for (let k = def.start + 1; k < def.end && k < def.start + 64; k++) {
    if (model.isPunct(k, '{') || model.isWord(k, 'where')) {
      break;
    }
    if (model.isPunct(k, '<')) {
      depth++;
    } else if (model.isPunct(k, '>')) {
      depth--;
    } else if (depth === 0 && model.kinds[k] === ID && !model.isWord(k, 'for')) {
      name = model.tokenText(k);
    }
  }
  return name;
}

/**
 * The activation of the member named at token `ti` when it is used through its instance: `self.<ti>` (Rust),
 * `this.<ti>` (JS), `<ti>->…` or `<ti>(…)` (C++), and one field deeper in Rust (`self.head.<ti>`, read in
 * the type the field `head` is declared with). `recognize` recognizes a model token. With `ownOnly`, only
 * a member of the type around `ti` answers.
 */
export function matchMember(
  model: DocumentModel,
  ti: number,
  recognize: (index: number) => RecognizedCall | undefined,
  ownOnly = false,
): RecognizedCall | undefined {
  const lang = model.lang;
  // `self.activation.forward(x)` / `this.act.apply(x)` hovered on the method: the member before it.
  if (
    (model.isWord(ti, 'forward') || model.isWord(ti, 'apply')) &&
    model.isPunct(ti - 1, '.') &&
    model.kinds[ti - 2] === ID &&
    model.isPunct(ti + 1, '(')
  ) {
    const r = matchMember(model, ti - 2, recognize);
    return r && { ...r, start: model.starts[ti], end: model.ends[ti] };
  }
  // Rust's `self`; in C++ `self` is by convention the explicit object parameter (C++23 `this auto& self`).
  const throughSelf = lang === 'rust' || lang === 'cpp';
  const nested =
    throughSelf &&
    model.isPunct(ti - 1, '.') &&
    model.kinds[ti - 2] === ID &&
    model.isPunct(ti - 3, '.') &&
    model.isWord(ti - 4, 'self') &&
    !model.isPunct(ti - 5, '.');
  const through =
    nested ||
    (throughSelf && model.isWord(ti - 2, 'self') && model.isPunct(ti - 1, '.')) ||
    (lang === 'js' && model.isWord(ti - 2, 'this') && model.isPunct(ti - 1, '.')) ||
    (lang === 'cpp' &&
      !model.isPunct(ti - 1, '::') &&
      !model.isPunct(ti - 1, '.') &&
      (!model.isPunct(ti - 1, '->') || model.isWord(ti - 2, 'this')) &&
      (model.isPunct(ti + 1, '->') || model.isPunct(ti + 1, '(')));
  if (!through) {
    return undefined;
  }
  const list = members(model).get(model.tokenText(ti));
  if (list === undefined || list.length > MAX_MEMBERS) {
    return undefined;
  }
  const owner = nested ? fieldType(model, ti - 2) : ownerAt(model, ti);
  const own = list.filter((m) => m.owner !== undefined && m.owner === owner);
  const candidates = own.length > 0 || nested || ownOnly ? own : list;
  let found: RecognizedCall | null | undefined;
  for (let rank = BUILT; rank <= TYPED && found === undefined; rank++) {
    found = agreed(
      candidates.filter((m) => m.rank === rank),
      (m) =>
        rank === TYPED
          ? typeMeaning(model, m.at)
          : m.fn === true
            ? classifyJsFunction(model, m.at, (mm, k) => (mm === model ? recognize(k) : undefined))
            : recognizeAt(model, m.at, recognize),
    );
  }
  return found === undefined || found === null
    ? undefined
    : { ...found, start: model.starts[ti], end: model.ends[ti] };
}

/**
 * The type whose members are used or declared at `ti`: the struct or class around it, or the target of the
 * `impl` (a Rust member is also built in `impl X`, as `X { … }` or `Self { … }`).
 */
function ownerAt(model: DocumentModel, ti: number): string | undefined {
  const here = classAround(model, ti);
  return here === undefined
    ? undefined
    : here.keyword === 'impl'
      ? implTarget(model, here)
      : here.name;
}

/**
 * The declared type of the field named at `ti` in the type around it (`head: &'a Head<B>` → Head; C++'s
 * default-constructed `Head head;` too).
 */
function fieldType(model: DocumentModel, ti: number): string | undefined {
  const owner = ownerAt(model, ti);
  const fields = (members(model).get(model.tokenText(ti)) ?? []).filter(
    (m) => m.rank !== BUILT && m.owner !== undefined && m.owner === owner,
  );
  return fields.length === 1 ? typeName(model, fields[0].at) : undefined;
}

/**
 * The one answer the members give (declarations that name no activation are skipped); null when two
 * disagree, undefined when none answers.
 */
function agreed(
  list: readonly Member[],
  meaning: (m: Member) => RecognizedCall | undefined,
): RecognizedCall | null | undefined {
  let found: RecognizedCall | undefined;
  for (const m of list) {
    const r = meaning(m);
    if (r === undefined) {
      continue; // a declaration that names no activation (`Option<Gelu>` read elsewhere, a comment)
    }
    if (
      found !== undefined &&
      (found.id !== r.id || JSON.stringify(found.params) !== JSON.stringify(r.params))
    ) {
      return null; // still ambiguous
    }
    found = r;
  }
  return found;
}

/** Recognition of a declaration's type or value path starting at `at`: the first of its names that is one. */
function recognizeAt(
  model: DocumentModel,
  at: number,
  recognize: (index: number) => RecognizedCall | undefined,
): RecognizedCall | undefined {
  for (let k = at; k < at + 8 && k < model.count; k += 2) {
    if (model.kinds[k] !== ID) {
      return undefined;
    }
    const r = recognize(k);
    if (r !== undefined) {
      return r;
    }
    if (!(model.isPunct(k + 1, '::') || model.isPunct(k + 1, '.'))) {
      return undefined;
    }
  }
  return undefined;
}
