/**
 * Parameters of a user-defined activation: `def leaky(x, a=0.3): return maximum(a * x, x)` is leaky ReLU
 * with slope 0.3, and `leaky(x, 0.1)` the same with 0.1; a Flax module's field `beta: float = 1.0` read as
 * `self.beta`. The body is read with each such name replaced by its numeric literal (the default, or the
 * call's own argument), so the formula and call matchers see plain numbers. A call that passes an
 * expression for a parameter the body reads leaves that parameter unknown: no hover.
 */
import { bindingOf } from './bindings';
import { definitions, enclosing, type Definition } from './definitions';
import { DocumentModel } from './document';
import { STMT } from './statements';
import { ID, NUM } from './tokenizer';

/** Names (`a`, `self.beta`) → numeric literal source, or '' when the value is not a literal. */
export type Values = ReadonlyMap<string, string>;

/** Tokens of a parameter or argument list read. */
const MAX_LIST_TOKENS = 256;
/** Parameters and fields read per definition. */
const MAX_VALUES = 32;
/** Tokens of a class body searched for its fields (they come first in real code). */
const MAX_CLASS_TOKENS = 4000;
/** Longest field statement read (`beta: float = 1.0`), in tokens. */
const MAX_FIELD_TOKENS = 16;
const RECEIVERS = new Set(['self', 'cls']);

/** A numeric literal at `[k, end)`: `0.3`, `-1`, `+2e-3`; its source text, else undefined. */
function literalAt(model: DocumentModel, k: number, end: number): string | undefined {
  const sign = model.isPunct(k, '-') || model.isPunct(k, '+');
  const n = sign ? k + 1 : k;
  return n + 1 === end && model.kinds[n] === NUM
    ? model.text.slice(model.starts[k], model.ends[n])
    : undefined;
}

/** The comma-separated items of the list opened at `open`: [first token, end) at depth 1. */
function items(model: DocumentModel, open: number): [number, number][] {
  const out: [number, number][] = [];
  let depth = 0;
  let start = open + 1;
  const end = Math.min(model.count, open + MAX_LIST_TOKENS);
  for (let k = open; k < end; k++) {
    if (model.isPunct(k, '(') || model.isPunct(k, '[') || model.isPunct(k, '{')) {
      depth++;
    } else if (model.isPunct(k, ')') || model.isPunct(k, ']') || model.isPunct(k, '}')) {
      if (--depth === 0) {
        if (k > start) {
          out.push([start, k]);
        }
        return out;
      }
    } else if (depth === 1 && model.isPunct(k, ',')) {
      out.push([start, k]);
      start = k + 1;
    }
  }
  return []; // unclosed: read nothing
}

/** Index of the first depth-0 `=` in `[a, b)`, or -1. */
function equalsIn(model: DocumentModel, a: number, b: number): number {
  let depth = 0;
  for (let k = a; k < b; k++) {
    if (model.isPunct(k, '(') || model.isPunct(k, '[')) {
      depth++;
    } else if (model.isPunct(k, ')') || model.isPunct(k, ']')) {
      depth--;
    } else if (depth === 0 && model.isPunct(k, '=')) {
      return k;
    }
  }
  return -1;
}

/** A Python `def`'s parameters in order (without `self`/`cls`), with their literal defaults. */
export function parametersOf(
  model: DocumentModel,
  def: Definition,
): [string, string | undefined][] {
  if (def.keyword !== 'def' || !model.isPunct(def.nameAt + 1, '(')) {
    return [];
  }
  const out: [string, string | undefined][] = [];
  for (const [a, b] of items(model, def.nameAt + 1).slice(0, MAX_VALUES)) {
    let k = a;
    while (model.isPunct(k, '*') || model.isPunct(k, '**')) {
      k++;
    }
    if (model.kinds[k] !== ID) {
      continue;
    }
    const name = model.tokenText(k);
    if (RECEIVERS.has(name) && out.length === 0 && k === a) {
      continue;
    }
    const eq = equalsIn(model, k + 1, b);
    out.push([name, eq < 0 ? undefined : literalAt(model, eq + 1, b)]);
  }
  return out;
}

/**
 * The values a definition's body may read: its parameters' literal defaults (not its input) and, for a
 * method, the literal fields of its class (`self.beta`).
 */
export function definitionValues(model: DocumentModel, def: Definition): Values {
  const key = `values:${def.start}`;
  let values = model.memo.get(key) as Values | undefined;
  if (values === undefined) {
    values = readValues(model, def);
    model.memo.set(key, values);
  }
  return values;
}

function readValues(model: DocumentModel, def: Definition): Values {
  const values = new Map<string, string>();
  for (const [name, literal] of parametersOf(model, def).slice(1)) {
    values.set(name, literal ?? '');
  }
  const defs = definitions(model);
  const cls = def.parent >= 0 ? defs[def.parent] : undefined;
  if (cls?.keyword === 'class') {
    const last = Math.min(cls.end, cls.nameAt + MAX_CLASS_TOKENS);
    for (let k = cls.nameAt + 1; k < last && values.size < MAX_VALUES; k++) {
      // `name: T = 1.0` or `name = 1.0` at the class body's own level.
      if ((model.flags[k] & STMT) === 0 || model.kinds[k] !== ID) {
        continue;
      }
      let stop = k + 1;
      while (stop < cls.end && (model.flags[stop] & STMT) === 0 && stop < k + MAX_FIELD_TOKENS) {
        stop++;
      }
      if (stop < cls.end && (model.flags[stop] & STMT) === 0) {
        continue; // longer than read: its first number need not be its value (`= 1.0 / 3`)
      }
      const eq = equalsIn(model, k + 1, stop);
      const literal = eq < 0 ? undefined : literalAt(model, eq + 1, stop);
      if (literal !== undefined && enclosing(model, k, () => true) === cls) {
        values.set(`self.${model.tokenText(k)}`, literal);
      }
    }
  }
  return values;
}

/**
 * `values` with the literal arguments of the call whose `(` is at `open` (the input is its first
 * argument): by position, or by keyword. An argument that is not a literal makes its parameter unknown.
 */
export function withCallArguments(
  model: DocumentModel,
  def: Definition,
  open: number,
  values: ReadonlyMap<string, string>,
): Map<string, string> {
  const names = parametersOf(model, def).map(([name]) => name);
  const out = new Map(values);
  items(model, open).forEach(([a, b], j) => {
    const eq = model.kinds[a] === ID && model.isPunct(a + 1, '=') ? a + 1 : -1;
    const name = eq >= 0 ? model.tokenText(a) : names[j];
    if (name !== undefined && (eq >= 0 || j > 0) && out.has(name)) {
      out.set(name, literalAt(model, eq >= 0 ? eq + 1 : a, b) ?? '');
    }
  });
  return out;
}

/** Whether token `k` starts a read of a value: a plain name, or `self.<name>`. Returns the key and width. */
export function valueAt(
  model: DocumentModel,
  k: number,
  values: Values,
): { key: string; width: number } | undefined {
  if (model.kinds[k] !== ID || model.isPunct(k - 1, '.')) {
    return undefined;
  }
  if (RECEIVERS.has(model.tokenText(k)) && model.isPunct(k + 1, '.') && model.kinds[k + 2] === ID) {
    const key = `self.${model.tokenText(k + 2)}`;
    return values.has(key) && !model.isPunct(k + 3, '(') ? { key, width: 3 } : undefined;
  }
  const key = model.tokenText(k);
  const next = k + 1;
  const used = !model.isPunct(next, '(') && !model.isPunct(next, '=') && !model.isPunct(next, '.');
  return used && values.has(key) ? { key, width: 1 } : undefined;
}

/**
 * Whether the parameter `name` read at token `k` was assigned again in its function's body before the read
 * (`slope *= scale`): the read is then of that new value, not of the default or the call's argument.
 */
function reboundBefore(model: DocumentModel, name: string, k: number): boolean {
  const def = enclosing(model, k, (d) => d.keyword === 'def');
  const binding = bindingOf(model, name, k);
  return (
    def !== undefined &&
    binding !== undefined &&
    binding.at > model.closing(def.nameAt + 1, def.end)
  );
}

/**
 * The expression `[a, b)` with every read of a value replaced by its literal, as a model of its own (with
 * the document's imports); undefined when it reads no value, null when it reads one whose value is unknown.
 */
export function substituted(
  model: DocumentModel,
  a: number,
  b: number,
  values: Values,
): DocumentModel | null | undefined {
  let text = '';
  let from = model.starts[a];
  let any = false;
  for (let k = a; k < b; k++) {
    const v = valueAt(model, k, values);
    if (v === undefined) {
      continue;
    }
    const literal = reboundBefore(model, v.key, k) ? '' : (values.get(v.key) ?? '');
    if (literal === '') {
      return null;
    }
    // A signed literal is parenthesized: `-1` replacing `a` in `x ** a` must stay one operand.
    const operand = /^[-+]/.test(literal) ? `(${literal})` : literal;
    text += `${model.text.slice(from, model.starts[k])}${operand}`;
    from = model.ends[k + v.width - 1];
    k += v.width - 1;
    any = true;
  }
  if (!any) {
    return undefined;
  }
  text += model.text.slice(from, model.ends[b - 1]);
  const imports = model.imports;
  return new DocumentModel(text, model.lang, 0, text.length, imports, imports);
}
