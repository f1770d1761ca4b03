/**
 * Activations made by name at run time: `get_activation("silu")`, `ACT2FN["gelu_new"]`,
 * `layers.Activation("sigmoid")`, `activations.get("relu")`. The value is whatever its one string names;
 * whether that string names an activation there is the string matcher's decision (activationStrings.ts),
 * so `print("relu")` or `config["relu"]` stay no activation.
 */
import type { DocumentModel } from './document';
import { STMT } from './statements';
import { STR } from './tokenizer';

/**
 * When the tokens after `last` (the end of a dotted path) are `("name")` or `["name"]` with nothing else
 * in the brackets, the index of that string token; else undefined.
 */
export function singleStringArgument(model: DocumentModel, last: number): number | undefined {
  const open = last + 1;
  const paren = model.isPunct(open, '(');
  if (!paren && !model.isPunct(open, '[')) {
    return undefined;
  }
  if (model.kinds[open + 1] !== STR || !model.isPunct(open + 2, paren ? ')' : ']')) {
    return undefined;
  }
  return open + 1;
}

/** Whether the statement holding token `i` ends right after it (a new statement, `;` or the end). */
export function endsStatement(model: DocumentModel, i: number): boolean {
  const next = i + 1;
  return next >= model.count || (model.flags[next] & STMT) !== 0 || model.isPunct(next, ';');
}
