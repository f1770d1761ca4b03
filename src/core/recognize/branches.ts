/**
 * Python bindings made in branches: `if small: act = relu` / `else: act = hard_swish` leaves either one in
 * `act`. At a use, the newest binding holds for sure only when it sits at the use's own indentation (or
 * shallower); a binding in a deeper block may not have run, so the bindings before it count too, back to
 * the first one that ran for sure. The use means an activation only when all of them agree.
 */
import { bindings, type Binding } from './bindings';
import type { DocumentModel } from './document';

/** Bindings read back per use: branches of real code are few, hostile code is bounded. */
const MAX_ALTERNATIVES = 16;

/** Column of the line that holds token `i`'s statement. */
function indentOf(model: DocumentModel, i: number): number {
  const s = model.starts[model.stmt[i]];
  return s - (model.text.lastIndexOf('\n', s - 1) + 1);
}

/**
 * The bindings of `name` that may hold at token `ti`, newest first, starting with `newest` (the binding
 * `bindingOf` found); undefined when more than MAX_ALTERNATIVES would have to be read.
 */
export function possibleBindings(
  model: DocumentModel,
  name: string,
  ti: number,
  newest: Binding,
): Binding[] | undefined {
  if (model.lang !== 'python') {
    return [newest];
  }
  const use = indentOf(model, ti);
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
    if (indentOf(model, b.at) <= use) {
      break; // this one ran for sure: older ones are overwritten
    }
  }
  return out;
}
