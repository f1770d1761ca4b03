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
import { ID } from './tokenizer';

/** A member declaration: the type that declares it and the token where recognition looks. */
interface Member {
  readonly owner: string | undefined;
  readonly at: number;
  /** The declaration assigns a function expression (`this.act = (x) => tf.elu(x)`) starting at `at`. */
  readonly fn?: boolean;
}

const MAX_MEMBERS = 8;
const TYPES = new Set(['struct', 'class', 'impl']);

/** Member declarations by name (built once per model). */
function members(model: DocumentModel): ReadonlyMap<string, Member[]> {
  let index = model.memo.get('members') as Map<string, Member[]> | undefined;
  if (index !== undefined) {
    return index;
  }
  index = new Map();
  const add = (name: string, owner: string | undefined, at: number, fn = false): void => {
    const list = index!.get(name) ?? [];
    if (list.length <= MAX_MEMBERS) {
      list.push({ owner, at, ...(fn ? { fn } : {}) });
    }
    index!.set(name, list);
  };
  const { count, kinds, flags } = model;
  for (let i = 0; i + 2 < count; i++) {
    if (kinds[i] !== ID) {
      continue;
    }
    if (model.lang === 'rust' && model.isPunct(i + 1, ':') && kinds[i + 2] === ID) {
      // `name: Type,` in a struct, `name: Type::new(…)` / `name: TypeConfig::new().init()` in a literal.
      if (model.isPunct(i - 1, '{') || model.isPunct(i - 1, ',') || model.isWord(i - 1, 'pub')) {
        const owner = ownerName(model, i);
        add(model.tokenText(i), owner, i + 2);
      }
    } else if (model.lang === 'cpp' && (flags[i] & STMT) !== 0) {
      // `torch::nn::ReLU relu{nullptr};` / `torch::nn::GELU act;` in a class body.
      let k = i;
      while (model.isPunct(k + 1, '::') && kinds[k + 2] === ID) {
        k += 2;
      }
      const name = k + 1;
      const after = name + 1;
      const ends =
        model.isPunct(after, '{') || model.isPunct(after, ';') || model.isPunct(after, '=');
      if (kinds[name] === ID && ends && classAround(model, i) !== undefined) {
        add(model.tokenText(name), classAround(model, i)?.name, k);
      }
    } else if (
      model.lang === 'js' &&
      (flags[i] & STMT) !== 0 &&
      model.isWord(i, 'this') &&
      model.isPunct(i + 1, '.') &&
      kinds[i + 2] === ID &&
      model.isPunct(i + 3, '=')
    ) {
      // `this.act = tf.layers.reLU()` / `this.act = tf.elu`, or a function `this.act = (x) => tf.elu(x)`.
      const owner = classAround(model, i)?.name;
      if (isJsFunctionStart(model, i + 4)) {
        add(model.tokenText(i + 2), owner, i + 4, true);
      } else if (kinds[i + 4] === ID) {
        let last = i + 4;
        while (model.isPunct(last + 1, '.') && kinds[last + 2] === ID) {
          last += 2;
        }
        add(model.tokenText(i + 2), owner, last);
      }
    }
  }
  model.memo.set('members', index);
  return index;
}

function classAround(model: DocumentModel, ti: number): Definition | undefined {
  return enclosing(model, ti, (d) => TYPES.has(d.keyword));
}

/** The type a Rust member belongs to: the struct it is declared in, the `impl X` or `X { … }` it is built in. */
function ownerName(model: DocumentModel, ti: number): string | undefined {
  const def = classAround(model, ti);
  if (def === undefined) {
    return undefined;
  }
  if (def.keyword !== 'impl') {
    return def.name;
  }
  return implTarget(model, def);
}

/** `impl<B: Backend> Mlp<B>` → Mlp; `impl Module for Mlp` → Mlp. */
function implTarget(model: DocumentModel, def: Definition): string | undefined {
  let name: string | undefined;
  let depth = 0;
  for (let k = def.start + 1; k < def.end && k < def.start + 64; k++) {
    if (model.isPunct(k, '{')) {
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
 * `this.<ti>` (JS), `<ti>->…` or `<ti>(…)` (C++). `recognize` recognizes a model token.
 */
export function matchMember(
  model: DocumentModel,
  ti: number,
  recognize: (index: number) => RecognizedCall | undefined,
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
  const through =
    (lang === 'rust' && model.isWord(ti - 2, 'self') && model.isPunct(ti - 1, '.')) ||
    (lang === 'js' && model.isWord(ti - 2, 'this') && model.isPunct(ti - 1, '.')) ||
    (lang === 'cpp' &&
      !model.isPunct(ti - 1, '::') &&
      (model.isPunct(ti + 1, '->') || model.isPunct(ti + 1, '(')));
  if (!through) {
    return undefined;
  }
  const list = members(model).get(model.tokenText(ti));
  if (list === undefined || list.length > MAX_MEMBERS) {
    return undefined;
  }
  const here = classAround(model, ti);
  const owner =
    here === undefined ? undefined : here.keyword === 'impl' ? implTarget(model, here) : here.name;
  const own = list.filter((m) => m.owner !== undefined && m.owner === owner);
  const candidates = own.length > 0 ? own : list;
  let found: RecognizedCall | undefined;
  for (const m of candidates) {
    const r = m.fn
      ? classifyJsFunction(model, m.at, (mm, k) => (mm === model ? recognize(k) : undefined))
      : recognizeAt(model, m.at, recognize);
    if (r === undefined) {
      continue; // a declaration that names no activation (`Option<Gelu>` read elsewhere, a comment)
    }
    if (
      found !== undefined &&
      (found.id !== r.id || JSON.stringify(found.params) !== JSON.stringify(r.params))
    ) {
      return undefined; // still ambiguous
    }
    found = r;
  }
  return found && { ...found, start: model.starts[ti], end: model.ends[ti] };
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
