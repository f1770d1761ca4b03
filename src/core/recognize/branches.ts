/**
 * Bindings beyond "the newest one before the use". Bindings made in branches: `if small: act = relu` /
 * `else: act = hard_swish` leaves either one in `act`. At a use, the newest binding holds for sure only when
 * its block is still open at the use (Python: no statement from it to the use sits shallower; braces and
 * Julia's `if … end`: no block it is in closes before the use); a binding in a block closed since may not
 * have run, so the bindings before it count too, back to the first one that ran for sure. The use means an
 * activation only when all of them agree. And a Python function body reads a module-level name when it
 * runs, so a module-level binding written below the function counts (`gelu = get_activation("gelu")` at the
 * end of transformers' activations.py).
 */
import { bindings, startsBracelessBody, type Binding } from './bindings';
import { enclosing, JULIA_BLOCKS } from './definitions';
import type { DocumentModel } from './document';
import { NL, STMT } from './statements';
import { bracketStep, ID, PUNCT } from './tokenizer';

/** Bindings read back per use: branches of real code are few, hostile code is bounded. */
const MAX_ALTERNATIVES = 16;

/** Column of the line that holds token `i`'s statement. */
function indentOf(model: DocumentModel, i: number): number {
  const s = model.starts[model.stmt[i]];
  return s - (model.text.lastIndexOf('\n', s - 1) + 1);
}

/**
 * The smallest column among `column` and the statements opening a line in tokens (a, z): a block closed
 * there. (Only a line's first statement can dedent; reading only those keeps each column's backward search
 * for its line start short, even on a line of thousands of `;`-separated statements.)
 */
function shallowestBetween(model: DocumentModel, a: number, z: number, column: number): number {
  let least = column;
  for (let k = z - 1; k > a; k--) {
    if ((model.flags[k] & (STMT | NL)) === (STMT | NL)) {
      least = Math.min(least, indentOf(model, k));
    }
  }
  return least;
}

/**
 * The bindings of `name` that may hold at token `ti`, newest first, starting with `newest` (the binding
 * `bindingOf` found); undefined when more than MAX_ALTERNATIVES would have to be read. A binding ran for sure
 * when no statement from it to the use is less indented: a dedent in between closed its block (`else:`, a
 * second `if`, a function defined below a module-level `if`).
 */
export function possibleBindings(
  model: DocumentModel,
  name: string,
  ti: number,
  newest: Binding,
): Binding[] | undefined {
  if (model.lang !== 'python') {
    return bindingsInBlocks(model, name, ti, newest);
  }
  let shallowest = indentOf(model, ti);
  let from = ti;
  const list = bindings(model).get(name) ?? [];
  const out: Binding[] = [];
  let k = list.indexOf(newest);
  for (let b: Binding | undefined = newest; b !== undefined; b = list[--k]) {
    if (b.scopeStart !== newest.scopeStart || b.scopeEnd !== newest.scopeEnd) {
      continue;
    }
    if (out.length >= MAX_ALTERNATIVES) {
      return undefined;
    }
    out.push(b);
    shallowest = shallowestBetween(model, b.at, from, shallowest);
    from = b.at;
    if (indentOf(model, b.at) <= shallowest) {
      break; // this one ran for sure: older ones are overwritten
    }
  }
  return out;
}

/**
 * `possibleBindings` where blocks are brackets (`if (small) { act = tf.relu; }`) or Julia's keywords and
 * `end`: walking back from the use, `depth` is a token's nesting relative to the use and `outermost` the
 * least depth passed; a binding at or above it sits in a block still open at the use, so it ran for sure.
 */
function bindingsInBlocks(
  model: DocumentModel,
  name: string,
  ti: number,
  newest: Binding,
): Binding[] | undefined {
  const list = bindings(model).get(name) ?? [];
  const out: Binding[] = [];
  let depth = 0;
  let outermost = 0;
  let inBrackets = 0; // brackets entered walking back: Julia's words inside them (`x[end]`) are no blocks
  let k = ti;
  for (let n = list.indexOf(newest); n >= 0; n--) {
    const b = list[n];
    if (!sameVariable(model, b, newest, ti)) {
      continue;
    }
    if (out.length >= MAX_ALTERNATIVES) {
      return undefined;
    }
    for (k--; k >= b.at; k--) {
      const step = blockStep(model, k, inBrackets);
      if (model.kinds[k] === PUNCT) {
        inBrackets = Math.max(0, inBrackets - step);
      }
      depth -= step;
      outermost = Math.min(outermost, depth);
    }
    k = b.at;
    out.push(b);
    if (depth <= outermost && !startsBracelessBody(model, b.at)) {
      break; // this one ran for sure: older ones are overwritten
    }
  }
  return out;
}

/**
 * Whether binding `b` binds the variable that `newest` binds, as the use at `ti` sees it. In Julia an
 * assignment inside a function makes a local of that function, so only its own scope counts; in the brace
 * languages a function that declares no variable of the name assigns the enclosing scope's (JavaScript's
 * `act = tf.elu` inside `if (…) { … }` changes the module's `let act`), so a scope around the use counts too.
 */
function sameVariable(model: DocumentModel, b: Binding, newest: Binding, ti: number): boolean {
  if (b.scopeStart === newest.scopeStart && b.scopeEnd === newest.scopeEnd) {
    return true;
  }
  return model.lang !== 'julia' && b.scopeStart <= ti && ti < b.scopeEnd;
}

/** +1 for a token that opens a block (a bracket, Julia's `if`), −1 for one that closes it, else 0. */
function blockStep(model: DocumentModel, k: number, inBrackets: number): number {
  if (model.kinds[k] === PUNCT) {
    return bracketStep(model.text.charCodeAt(model.starts[k]));
  }
  if (model.lang !== 'julia' || model.kinds[k] !== ID || inBrackets > 0) {
    return 0;
  }
  const word = model.tokenText(k);
  return word === 'end' ? -1 : JULIA_BLOCKS.has(word) ? 1 : 0;
}

/**
 * For a use inside a Python function with no binding of `name` before it: the one binding of `name` after
 * it in a scope around the function, if there is exactly one: a module-level name assigned below the
 * function, or a closure's variable that the enclosing function assigns after defining it
 * (`def head(h): return act(h)` then `act = F.gelu`). The function's own later bindings make the name its
 * local, unbound at the use.
 */
export function laterModuleBinding(
  model: DocumentModel,
  name: string,
  ti: number,
): Binding | undefined {
  const own =
    model.lang === 'python' ? enclosing(model, ti, (d) => d.keyword === 'def') : undefined;
  if (own === undefined) {
    return undefined;
  }
  let found: Binding | undefined;
  for (const b of bindings(model).get(name) ?? []) {
    const around = b.scopeStart <= ti && ti < b.scopeEnd;
    const itsOwn = b.scopeStart === own.start && b.scopeEnd === own.end;
    if (b.at <= ti || !around || itsOwn) {
      continue;
    }
    // The module's scope runs past the model's end; a function's ends at most there (a method that
    // runs to the end of the file is still a function).
    if (
      b.scopeEnd > model.count &&
      enclosing(model, b.at, (d) => d.keyword === 'class') !== undefined
    ) {
      continue; // a class attribute, not a module-level name
    }
    if (found !== undefined) {
      return undefined;
    }
    found = b;
  }
  return found;
}
