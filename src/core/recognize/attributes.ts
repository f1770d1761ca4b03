/**
 * Activations kept as attributes: PyTorch and Keras models build their layers in `__init__`
 * (`self.act = nn.LeakyReLU(0.2)`) and call them in `forward`/`call` (`self.act(h)`). A call through
 * `self.<name>` is that activation when every assignment to `self.<name>` above it (in the enclosing class,
 * when there is one) constructs the same one; anything else (another module, a variable, branches that
 * choose between activations) is no hover.
 *
 * The assignments come from an index built once per document model (one pass over its statements), so a
 * hover costs a lookup and at most MAX_ASSIGNMENTS small recognitions, however the file is written.
 */
import type { RecognizedCall } from '../types';
import type { DocumentModel } from './document';
import { classFieldValue } from './classFields';
import { enclosing, type Definition } from './definitions';
import { endsStatement, singleStringArgument } from './factories';
import { STMT } from './statements';
import { ID } from './tokenizer';

/** More assignments than this to one attribute is not a model's layer definition. */
const MAX_ASSIGNMENTS = 8;
/** Tokens a right-hand side may span: an activation's constructor call fits easily. */
const RHS_TOKENS = 400;
/** Bound on the targets of one chained assignment read past (`self.a = self.b = …`). */
const MAX_CHAIN = 8;
/** The names of one chained target's dotted path that are read (`self.encoder.act`: three). */
const MAX_TARGET_NAMES = 4;
/** Bound on the targets of one tuple assignment read element-wise (`self.a, self.b = …, …`). */
const MAX_TUPLE_TARGETS = 8;
/** Python's compound statements, whose body may follow the header's `:` on its line (`else: self.act = …`). */
const COMPOUND = new Set([
  'if',
  'elif',
  'else',
  'for',
  'while',
  'try',
  'except',
  'finally',
  'with',
  'def',
  'class',
  'async',
  'match',
  'case',
]);

/**
 * One `self.<name> = …` statement: the index of `self` and of the right-hand side's last name when it is a
 * dotted path (`nn.GELU`, `F.silu`), else -1 (`(nn.GLU() if gated else nn.ReLU())`, a number, a string).
 */
interface Assignment {
  readonly at: number;
  readonly last: number;
  /** One item of a tuple's values (`self.gate, self.act = nn.Sigmoid(), nn.GELU()`): a `,` may end it. */
  readonly item?: boolean;
}

/** `self.<name> = …` statements by attribute name, in document order: every one, whichever class holds it. */
function assignments(model: DocumentModel): ReadonlyMap<string, Assignment[]> {
  const key = 'attributes';
  let index = model.memo.get(key) as Map<string, Assignment[]> | undefined;
  if (index !== undefined) {
    return index;
  }
  index = new Map();
  const { count, flags, kinds } = model;
  for (let i = 0; i + 4 < count; i++) {
    const statement = (flags[i] & STMT) !== 0 || afterHeader(model, i);
    if (statement) {
      indexTupleTargets(model, i, index);
    }
    // A statement's target, or a later one of a chain (`self.a = self.b = nn.GELU()`).
    const target = statement || model.isPunct(i - 1, '=');
    if (!target || !model.isWord(i, 'self') || !model.isPunct(i + 1, '.')) {
      continue;
    }
    if (kinds[i + 2] !== ID || !model.isPunct(i + 3, '=')) {
      continue;
    }
    const name = model.tokenText(i + 2);
    const list = index.get(name) ?? [];
    const value = afterChain(model, i + 4);
    list.push({ at: i, last: kinds[value] === ID ? pathEnd(model, value) : -1 });
    index.set(name, list);
  }
  model.memo.set(key, index);
  return index;
}

/**
 * Whether token `i` starts the body of a compound statement written on the header's line
 * (`if gated: self.act = nn.SiLU()`, `def __init__(self): …`): the `:` before it ends a header.
 */
function afterHeader(model: DocumentModel, i: number): boolean {
  return model.isPunct(i - 1, ':') && COMPOUND.has(model.tokenText(model.stmt[i - 1]));
}

/**
 * A tuple assignment starting at statement start `first` (`self.gate, self.act = nn.Sigmoid(), nn.GELU()`):
 * Python assigns the values element-wise, so each `self.<name>` target gets the value in its place. When the
 * values do not pair up with the targets (`self.act, self.norm = factory(dim)` unpacks one object), each
 * target gets something no item names.
 */
function indexTupleTargets(
  model: DocumentModel,
  first: number,
  index: Map<string, Assignment[]>,
): void {
  const list = targetList(model, first);
  if (list === undefined || list.targets.length < 2) {
    return;
  }
  const { targets, value } = list;
  const starred = targets.findIndex((at) => model.isPunct(at, '*'));
  // A starred target takes any number of values, so its list's values are bounded by the tokens only.
  const values = tupleItems(model, value, starred < 0 ? targets.length : RHS_TOKENS);
  targets.forEach((at, n) => {
    if (isAttributeTarget(model, at)) {
      const item = pairedItem(values, targets.length, starred, n);
      const last = item !== undefined && model.kinds[item] === ID ? pathEnd(model, item) : -1;
      const assigned = index.get(model.tokenText(at + 2)) ?? [];
      assigned.push({ at, last, item: true });
      index.set(model.tokenText(at + 2), assigned);
    }
  });
}

/**
 * The value item that target `n` of `count` targets gets, the one at `starred` (-1: none) taking the values
 * left over (PEP 3132: `*self.convs, self.act = a, b, c` gives `self.act` the last); undefined when the
 * values do not pair up, or are one object unpacked (`*self.blocks, self.act = layers`: no item names it).
 */
function pairedItem(
  values: readonly number[],
  count: number,
  starred: number,
  n: number,
): number | undefined {
  if (starred < 0) {
    return values.length === count ? values[n] : undefined;
  }
  if (values.length < 2) {
    return undefined;
  }
  // Fewer values than the other targets raise ValueError in Python: their count needs no check.
  return n < starred ? values[n] : values[values.length - (count - n)];
}

/**
 * The target list starting at statement start `first`: the first tokens of its targets, separated by
 * commas at depth 0 (brackets skipped whole: `self.blocks[0]`, `(a, b)`), and the first token of the value
 * after its `=`. A list in parentheses or brackets (`(self.gate, self.act) = …`) is the same list. None when
 * no `=` ends it within RHS_TOKENS tokens, before the statement ends or a `:` (`return a, b`, `for a, b in
 * pairs: …`, an annotation), or when it has more than MAX_TUPLE_TARGETS targets.
 */
function targetList(
  model: DocumentModel,
  first: number,
): { targets: number[]; value: number } | undefined {
  const end = Math.min(model.count, first + RHS_TOKENS);
  const group =
    model.isPunct(first, '(') || model.isPunct(first, '[') ? model.closing(first, end) : -1;
  const grouped = group > 0 && model.isPunct(group + 1, '=');
  const start = grouped ? first + 1 : first;
  const targets = [start];
  for (let k = start; k < end; k++) {
    if (grouped ? k === group : model.isPunct(k, '=')) {
      return { targets, value: grouped ? k + 2 : k + 1 };
    }
    if ((k > first && (model.flags[k] & STMT) !== 0) || model.isPunct(k, ':')) {
      return undefined;
    }
    if (model.isPunct(k, '(') || model.isPunct(k, '[') || model.isPunct(k, '{')) {
      const close = model.closing(k, end);
      if (close < 0) {
        return undefined;
      }
      k = close;
    } else if (model.isPunct(k, ',')) {
      if (targets.length === MAX_TUPLE_TARGETS) {
        return undefined;
      }
      targets.push(k + 1);
    }
  }
  return undefined;
}

/** Whether the target starting at token `at` is exactly `self.<name>` (not `self.act.inplace`, `self.x[0]`). */
function isAttributeTarget(model: DocumentModel, at: number): boolean {
  return (
    model.isWord(at, 'self') &&
    model.isPunct(at + 1, '.') &&
    model.kinds[at + 2] === ID &&
    (model.isPunct(at + 3, ',') ||
      model.isPunct(at + 3, '=') ||
      model.isPunct(at + 3, ')') ||
      model.isPunct(at + 3, ']'))
  );
}

/**
 * The first tokens of the comma-separated items of the statement's value from `first` on (brackets are
 * skipped whole), when the statement ends within RHS_TOKENS tokens with at most `limit` items; else none.
 */
function tupleItems(model: DocumentModel, first: number, limit: number): number[] {
  const end = Math.min(model.count, first + RHS_TOKENS);
  // A tuple or list written in brackets (`= (nn.Sigmoid(), nn.GELU())`) holds the same items.
  const group =
    model.isPunct(first, '(') || model.isPunct(first, '[') ? model.closing(first, end) : -1;
  const grouped = group > 0 && endsValue(model, group, false);
  const items = [grouped ? first + 1 : first];
  for (let k = items[0]; k < end && items.length <= limit; k++) {
    if (k > first && (model.flags[k] & STMT) !== 0) {
      return items; // (a bracketed value's closing bracket ends it: the statement ends there)
    }
    if (model.isPunct(k, '(') || model.isPunct(k, '[') || model.isPunct(k, '{')) {
      const close = model.closing(k, end);
      if (close < 0) {
        return [];
      }
      k = close;
    } else if (model.isPunct(k, ',') && !endsValue(model, k, true)) {
      // not after a trailing comma: `nn.Sigmoid(), nn.GELU(),` and `(nn.Sigmoid(), nn.GELU(),)` have two
      items.push(k + 1);
    }
  }
  // Too many items, or a value longer than RHS_TOKENS (not read), or one ending the file (no call of an
  // attribute follows that statement, so its targets need no value).
  return [];
}

/**
 * The first token of the value after the chained targets from `first` on (`self.b = ` of
 * `self.a = self.b = nn.GELU()`, `act = ` of `self.act = act = nn.GELU()`), at most MAX_CHAIN of them:
 * every target of a Python chained assignment gets that value.
 */
function afterChain(model: DocumentModel, first: number): number {
  let k = first;
  for (let n = 0; n < MAX_CHAIN; n++) {
    const next = afterChainedTarget(model, k);
    if (next < 0) {
      break;
    }
    k = next;
  }
  return k;
}

/**
 * The token after a target `<path> =` (a single `=`) that starts at token `k`, its path a name or a dotted
 * path of at most MAX_TARGET_NAMES names (`act`, `self.act`, `self.encoder.act`); -1 if none starts there.
 */
function afterChainedTarget(model: DocumentModel, k: number): number {
  let j = k;
  for (let n = 0; n < MAX_TARGET_NAMES && model.kinds[j] === 0; n++) {
    if (model.isPunct(j + 1, '=')) {
      return j + 2;
    }
    if (!model.isPunct(j + 1, '.')) {
      return -1;
    }
    j += 2;
  }
  return -1;
}

/** The last name of the dotted path starting at token `first`. */
function pathEnd(model: DocumentModel, first: number): number {
  let last = first;
  while (model.isPunct(last + 1, '.') && model.kinds[last + 2] === 0) {
    last += 2;
  }
  return last;
}

/**
 * The activation assigned to `self.<name>` when token `ti` of the model is `<name>` in a Python call
 * `self.<name>(…)`. `recognize` recognizes the model's token at an index.
 */
export function matchAttributeCall(
  model: DocumentModel,
  ti: number,
  recognize: (index: number) => RecognizedCall | undefined,
  field?: (value: number) => RecognizedCall | undefined,
  method?: (name: string, cls: Definition) => RecognizedCall | undefined,
): RecognizedCall | undefined {
  if (!model.isPunct(ti - 1, '.') || !model.isWord(ti - 2, 'self') || !model.isPunct(ti + 1, '(')) {
    return undefined;
  }
  if (model.isPunct(ti - 3, '.')) {
    return undefined; // `x.self.act(…)`: not the instance's own attribute
  }
  const cls = enclosing(model, ti, (d) => d.keyword === 'class');
  const all = assignments(model).get(model.tokenText(ti)) ?? [];
  // An assignment in the call's own statement happens after the call (Python evaluates the value first).
  const inScope = (a: Assignment): boolean =>
    a.at < model.stmt[ti] && (cls === undefined || (a.at > cls.start && a.at < cls.end));
  let found: RecognizedCall | undefined;
  let count = 0;
  for (const a of all) {
    if (a.at >= ti) {
      break;
    }
    if (!inScope(a)) {
      continue;
    }
    // Too many assignments, or one that is no dotted path: not one activation.
    if (++count > MAX_ASSIGNMENTS || a.last < 0) {
      return undefined;
    }
    if (model.isWord(a.at + 4, 'self') && model.isPunct(a.at + 5, '.') && a.last === a.at + 6) {
      // `self.act = self._gelu_python`: a method of the class (or a nested class), recognized by its body.
      const own =
        cls !== undefined && method !== undefined && endsStatement(model, a.last)
          ? method(model.tokenText(a.last), cls)
          : undefined;
      if (own === undefined || (found !== undefined && !sameActivation(found, own))) {
        return undefined;
      }
      found = own;
      continue;
    }
    // `get_activation("silu")`, `ACT2FN["gelu_new"]`, `layers.Activation("sigmoid")`: made by its name.
    const named = singleStringArgument(model, a.last);
    if (
      named === undefined
        ? !isWholeStatement(model, a.last, a.item === true)
        : !endsValue(model, named + 1, a.item === true)
    ) {
      // An alias of another attribute (`self.a = self.b`), or an expression that chooses
      // (`nn.GELU() if gelu else nn.ReLU()`): not one activation.
      return undefined;
    }
    const call = recognize(a.last) ?? (named === undefined ? undefined : recognize(named));
    if (call === undefined || (found !== undefined && !sameActivation(found, call))) {
      return undefined;
    }
    found = call;
  }
  if (count === 0 && cls !== undefined && field !== undefined) {
    // No `self.<name> = …` in the class: a field declared in its body (Flax, dataclasses).
    const value = classFieldValue(model, cls, model.tokenText(ti));
    found = value === undefined ? undefined : field(value);
  }
  const name = model.starts[ti];
  return found && { ...found, start: name, end: model.ends[ti] };
}

/**
 * Whether the right-hand side whose path ends at token `last` is a dotted path not starting with `self`,
 * optionally called once, and then the statement ends (a new statement or `;`), or, for one `item` of a
 * tuple's values, the next item starts (`,`).
 */
function isWholeStatement(model: DocumentModel, last: number, item: boolean): boolean {
  let i = last;
  if (model.isPunct(i + 1, '(')) {
    let depth = 0;
    const end = Math.min(model.count, i + RHS_TOKENS);
    for (i = i + 1; i < end; i++) {
      if (model.isPunct(i, '(') || model.isPunct(i, '[') || model.isPunct(i, '{')) {
        depth++;
      } else if (model.isPunct(i, ')') || model.isPunct(i, ']') || model.isPunct(i, '}')) {
        if (--depth === 0) {
          break;
        }
      }
    }
    if (depth !== 0) {
      return false;
    }
  }
  return endsValue(model, i, item);
}

/**
 * Whether an assigned value ends at token `i`: the statement ends (a new statement or `;`), or, for one
 * `item` of a tuple's values, the next item starts (`,`). Not the file's end: the assignment's statement is
 * above the call's.
 */
function endsValue(model: DocumentModel, i: number, item: boolean): boolean {
  const next = i + 1;
  return (
    (model.flags[next] & STMT) !== 0 ||
    model.isPunct(next, ';') ||
    (item && (model.isPunct(next, ',') || model.isPunct(next, ')') || model.isPunct(next, ']')))
  );
}

function sameActivation(a: RecognizedCall, b: RecognizedCall): boolean {
  return (
    a.id === b.id &&
    a.framework === b.framework &&
    JSON.stringify(a.params) === JSON.stringify(b.params)
  );
}
