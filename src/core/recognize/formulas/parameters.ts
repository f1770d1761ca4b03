/**
 * The parameters of a function as formulas read them: their names, their literal defaults
 * (`def leaky(x, slope=0.2)`), and the arguments one call gives them (`leaky(x, 0.4)`), which stand for the
 * defaults while the definition is classified for that call. Every read is bounded by a constant.
 */
import type { DocumentModel } from '../document';
import { evalLiteral, type LiteralValue } from '../literals';
import { ID, PUNCT } from '../tokenizer';

/** Longest parameter list or argument list read, in tokens. */
const MAX_PARAM_TOKENS = 512;
/** Longest default value read, in tokens. */
const MAX_DEFAULT_TOKENS = 16;
const RECEIVERS = new Set(['self', 'cls', 'this']);
/** Languages whose calls pass arguments by name (`f(x, slope=0.2)`); elsewhere `f(x, s = 0.2)` assigns. */
const KEYWORD_CALLS: ReadonlySet<string> = new Set(['python', 'julia']);

/** A per-model memo of this module's readings, by token index. */
export function memoOf<T>(model: DocumentModel, key: string): Map<number, T> {
  let memo = model.memo.get(key) as Map<number, T> | undefined;
  if (memo === undefined) {
    memo = new Map();
    model.memo.set(key, memo);
  }
  return memo;
}

/**
 * The token of the parameter called `name` in the list opened at `open`, unless it is the first (the
 * formula's input) or absent.
 */
export function parameterNamed(
  model: DocumentModel,
  open: number,
  name: string,
): number | undefined {
  const at = parameterTokens(model, open);
  const index = at.findIndex((k) => model.tokenText(k) === name);
  if (index !== -1) {
    return index > 0 ? at[index] : undefined;
  }
  // An options object binds its names as parameters: after the input (`leaky(x, { slope = 0.2 } = {})`),
  // or first, in a factory whose returned function takes the input (`makeLeaky({ slope = 0.2 } = {})`).
  for (const slot of at) {
    const inner = objectPattern(model, slot) ? patternBindings(model, slot).get(name) : undefined;
    if (inner !== undefined) {
      return inner;
    }
  }
  return undefined;
}

/**
 * Whether the parameter at `slot` is an object pattern whose defaults stand: `{ slope = 0.2 }`, with no
 * default of its own or `= {}` (`{ slope = 0.2 } = { slope: 0.1 }` gives 0.1 when the call passes none),
 * past a type annotation (`{ slope = 0.2 }: { slope?: number } = {}`).
 */
function objectPattern(model: DocumentModel, slot: number): boolean {
  if (!model.isPunct(slot, '{')) {
    return false;
  }
  // Past the pattern and its type, to its default or the parameter's end.
  let depth = 0;
  let k = slot;
  const limit = Math.min(model.count, slot + MAX_PARAM_TOKENS);
  for (; k < limit; k++) {
    const ends = model.isPunct(k, '=') || model.isPunct(k, ',') || bracket(model, k) < 0;
    if (k > slot && depth === 0 && ends) {
      break;
    }
    depth += bracket(model, k);
  }
  if (model.isPunct(k, '=')) {
    return model.isPunct(k + 1, '{') && model.isPunct(k + 2, '}') && endsParameter(model, k + 3);
  }
  return endsParameter(model, k);
}

/** Whether token `k` ends a parameter: its `,`, or the list's `)`. */
function endsParameter(model: DocumentModel, k: number): boolean {
  return model.isPunct(k, ',') || model.isPunct(k, ')');
}

/**
 * The names an object pattern opened at `slot` binds at its top level, each with its token: `slope` in
 * `{ slope = 0.2 }` and `{ slope }`, `s` in `{ slope: s = 0.2 }` (not the key `slope`, nor a default's
 * names).
 */
function patternBindings(model: DocumentModel, slot: number): Map<string, number> {
  const found = new Map<string, number>();
  let depth = 0;
  const limit = Math.min(model.count, slot + MAX_PARAM_TOKENS);
  for (let k = slot + 1; k < limit && depth >= 0; k++) {
    const atTop = depth === 0;
    depth += bracket(model, k);
    const placed =
      model.isPunct(k - 1, '{') || model.isPunct(k - 1, ',') || model.isPunct(k - 1, ':');
    const ends =
      model.isPunct(k + 1, '=') || model.isPunct(k + 1, ',') || model.isPunct(k + 1, '}');
    if (atTop && model.kinds[k] === ID && placed && ends && !found.has(model.tokenText(k))) {
      found.set(model.tokenText(k), k);
    }
  }
  return found;
}

/** Whether the first parameter (the formula's input) of the list opened at `open` is called `name`. */
export function isInputParameter(model: DocumentModel, open: number, name: string): boolean {
  return parameterTokens(model, open)
    .slice(0, 1)
    .some((k) => model.tokenText(k) === name);
}

/**
 * The name tokens of the parameters in the list opened at `open` (`self` and `this` left out). A
 * parameter's name is the last name before its `:` annotation (`x: float`, `alpha?: number`), else before
 * its `=` (`slope=0.2`, C++'s `double alpha = 0.2`), else its last name. A destructured parameter
 * (`{ trainable } = {}`, `[lo, hi]`) has no name: its opening bracket holds its place, so that a call's
 * later arguments go to the parameters they are written for.
 */
function parameterTokens(model: DocumentModel, open: number): number[] {
  if (!model.isPunct(open, '(')) {
    return []; // no list opens there (-1: a block no parameter list comes before)
  }
  const memo = memoOf<number[]>(model, 'formulaParameters');
  let found = memo.get(open);
  if (found !== undefined) {
    return found;
  }
  found = [];
  let depth = 0;
  let last = -1;
  let first = open + 1;
  let named = false;
  // A generic type's `<…>` (`Map<string, number>`, `Tensor<B, D>`): its commas end no parameter. Read
  // in the type only, not in a default value, where `<` may compare.
  let angle = 0;
  let defaulted = false;
  const limit = Math.min(model.count, open + MAX_PARAM_TOKENS);
  for (let k = open + 1; k < limit; k++) {
    if (depth === 0 && !defaulted) {
      angle += model.isPunct(k, '<') ? 1 : model.isPunct(k, '>') && angle > 0 ? -1 : 0;
      defaulted = model.isPunct(k, '=');
    }
    const end = depth === 0 && ((angle === 0 && model.isPunct(k, ',')) || model.isPunct(k, ')'));
    if (end || (depth === 0 && !named && (model.isPunct(k, ':') || model.isPunct(k, '=')))) {
      const name = last >= 0 ? last : isPattern(model, first) ? first : -1;
      if (name >= 0 && !named && !RECEIVERS.has(model.tokenText(name))) {
        found.push(name);
      }
      named = true;
      if (model.isPunct(k, ')')) {
        break;
      }
      if (end) {
        named = false;
        last = -1;
        first = k + 1;
        angle = 0;
        defaulted = false;
      }
      continue;
    }
    depth += bracket(model, k);
    if (depth === 0 && !named && model.kinds[k] === ID && model.tokenText(k) !== 'mut') {
      last = k;
    }
  }
  memo.set(open, found);
  return found;
}

/** Whether token `k` opens a destructuring pattern (`{ a, b }`, `[lo, hi]`, Rust's `(a, b)`). */
function isPattern(model: DocumentModel, k: number): boolean {
  return model.isPunct(k, '{') || model.isPunct(k, '[') || model.isPunct(k, '(');
}

/** A parameter's literal default: `slope=0.2`, `alpha: float = 1.0`, `alpha = 1` (TypeScript). */
export function parameterDefault(model: DocumentModel, at: number): LiteralValue | undefined {
  let k = at + 1;
  let depth = 0;
  // The annotation before the `=` may be long (`Annotated[float, Field(gt=0, lt=1)]`): bounded as the list is.
  const limit = Math.min(model.count, at + MAX_PARAM_TOKENS);
  for (; k < limit; k++) {
    // A comma or a closing bracket (`)`, a pattern's `}`) ends a parameter.
    if (depth === 0 && (model.isPunct(k, ',') || bracket(model, k) < 0)) {
      return undefined; // no default
    }
    if (depth === 0 && model.isPunct(k, '=')) {
      break;
    }
    depth += bracket(model, k);
  }
  const from = k + 1;
  let to = from;
  for (depth = 0; to < from + MAX_DEFAULT_TOKENS && to < model.count; to++) {
    if (depth === 0 && (model.isPunct(to, ',') || bracket(model, to) < 0)) {
      break;
    }
    depth += bracket(model, to);
  }
  return to > from ? evalLiteral(model.slice(from, to), 0, to - from, model.lang) : undefined;
}

/** +1 for an opening bracket, -1 for a closing one, else 0. */
export function bracket(model: DocumentModel, k: number): number {
  if (model.kinds[k] !== PUNCT) {
    return 0;
  }
  const c = model.text.charCodeAt(model.starts[k]);
  return c === 40 || c === 91 || c === 123 ? 1 : c === 41 || c === 93 || c === 125 ? -1 : 0;
}

/** Arguments a call gives a definition's parameters, by parameter name (undefined: not a literal). */
export type CallArguments = ReadonlyMap<string, LiteralValue | undefined>;

/** The arguments in force while a definition is classified for one call (recognition is synchronous). */
let called: { model: DocumentModel; open: number; values: CallArguments } | undefined;

/**
 * The arguments of the call `name(…)` at token `at` for the parameters after the first of the function
 * whose parameter list opens at `open` (`leaky_relu(a, 0.1)` gives `alpha` 0.1, `leaky_relu(a, s)` gives
 * `alpha` as no literal); undefined when `at` is no call or gives none.
 */
export function callArguments(
  model: DocumentModel,
  at: number,
  open: number,
): CallArguments | undefined {
  if (!model.isPunct(at + 1, '(') || !model.isPunct(open, '(')) {
    return undefined;
  }
  const values = new Map<string, LiteralValue | undefined>();
  let index = 0;
  let from = at + 2;
  let depth = 0;
  for (let k = from; k < model.count && k - at < MAX_PARAM_TOKENS; k++) {
    const end = depth === 0 && (model.isPunct(k, ',') || model.isPunct(k, ')'));
    if (!end) {
      depth += bracket(model, k);
      continue;
    }
    // `name = value`: a keyword argument, or in JavaScript an assignment whose value goes by position.
    const assigned = k - from > 2 && model.kinds[from] === ID && model.isPunct(from + 1, '=');
    const keyword = assigned && KEYWORD_CALLS.has(model.lang);
    const slot = keyword || index === 0 ? undefined : parameterTokens(model, open)[index];
    const name = keyword
      ? model.tokenText(from)
      : slot === undefined
        ? undefined
        : model.tokenText(slot);
    const value =
      k > from
        ? evalLiteral(model.slice(from, k), assigned ? 2 : 0, k - from, model.lang)
        : undefined;
    if (name !== undefined) {
      values.set(name, value);
    }
    if (slot !== undefined && objectPattern(model, slot)) {
      // The options object the call passes: its values are not the pattern's defaults.
      for (const inner of patternBindings(model, slot).keys()) {
        values.set(inner, undefined);
      }
    }
    index += keyword ? 0 : 1;
    from = k + 1;
    if (model.isPunct(k, ')')) {
      break;
    }
  }
  return values.size > 0 ? values : undefined;
}

/** Runs `classify` with a call's arguments standing for the parameters of the list opened at `open`. */
export function withArguments<T>(
  model: DocumentModel,
  open: number,
  values: CallArguments | undefined,
  classify: () => T,
): T {
  if (values === undefined) {
    return classify();
  }
  const saved = called;
  called = { model, open, values };
  try {
    return classify();
  } finally {
    called = saved;
  }
}

/** Whether a call's arguments are in force for some definition of `model`. */
export function argumentsInForce(model: DocumentModel): boolean {
  return called?.model === model;
}

/**
 * The argument the call being classified gives the parameter `name` of the list opened at `open`:
 * a literal, or (`literal: false`) an expression; undefined when no call gives it.
 */
export function argumentFor(
  model: DocumentModel,
  open: number,
  name: string,
): { literal: true; value: LiteralValue } | { literal: false } | undefined {
  if (called?.model !== model || called.open !== open || !called.values.has(name)) {
    return undefined;
  }
  const value = called.values.get(name);
  return value === undefined ? { literal: false } : { literal: true, value };
}
