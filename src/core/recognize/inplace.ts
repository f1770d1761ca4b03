/**
 * PyTorch's `inplace` convention: an activation that takes `inplace` computes the same values either way
 * (timm's `x.mul_(x.sigmoid()) if inplace else x.mul(x.sigmoid())`, `if inplace: return x.add_(3.).clamp_(…)`).
 * A body's branch taken only when the flag is set is therefore the same function written in place, and the
 * other branch decides what the body computes. Any other condition makes both branches count.
 */
import type { Definition } from './definitions';
import type { DocumentModel } from './document';
import { NL, STMT } from './statements';

/** Whether `[a, b)` is the flag itself: `inplace` or `self.inplace`. */
export function isInplaceFlag(model: DocumentModel, a: number, b: number): boolean {
  if (b - a === 1) {
    return model.isWord(a, 'inplace');
  }
  return (
    b - a === 3 &&
    model.isWord(a, 'self') &&
    model.isPunct(a + 1, '.') &&
    model.isWord(a + 2, 'inplace')
  );
}

/** A conditional expression `then if cond else other` spanning `[a, b)` at its top level, as token ranges. */
export function conditional(
  model: DocumentModel,
  a: number,
  b: number,
): { then: [number, number]; cond: [number, number]; other: [number, number] } | undefined {
  let depth = 0;
  let ifAt = -1;
  for (let k = a; k < b; k++) {
    if (model.isPunct(k, '(') || model.isPunct(k, '[') || model.isPunct(k, '{')) {
      depth++;
    } else if (model.isPunct(k, ')') || model.isPunct(k, ']') || model.isPunct(k, '}')) {
      depth--;
    } else if (depth === 0 && ifAt < 0 && model.isWord(k, 'if') && k > a) {
      ifAt = k;
    } else if (depth === 0 && ifAt >= 0 && model.isWord(k, 'else')) {
      return { then: [a, ifAt], cond: [ifAt + 1, k], other: [k + 1, b] };
    }
  }
  return undefined;
}

/** Column of the line of token `i`. */
function column(model: DocumentModel, i: number): number {
  const s = model.starts[i];
  return s - (model.text.lastIndexOf('\n', s - 1) + 1);
}

/**
 * Whether the statement at token `at` (a `return`) sits directly in the block of an `if inplace:` (or
 * `if self.inplace:`, or such an `elif`) of the definition `def`.
 */
export function inInplaceBranch(model: DocumentModel, at: number, def: Definition): boolean {
  const own = column(model, at);
  for (let k = at - 1; k > def.nameAt; k--) {
    if ((model.flags[k] & STMT) === 0 || (model.flags[k] & NL) === 0 || column(model, k) >= own) {
      continue;
    }
    // The header of the block: `if <flag>:`, or `elif <flag>:` (taken only with the flag set too).
    if (!model.isWord(k, 'if') && !model.isWord(k, 'elif')) {
      return false;
    }
    let colon = k + 1;
    while (colon < at && !model.isPunct(colon, ':')) {
      colon++;
    }
    return isInplaceFlag(model, k + 1, colon);
  }
  return false;
}
