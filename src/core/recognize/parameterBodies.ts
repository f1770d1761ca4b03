/**
 * A hover inside a definition's `return` expression that reads the definition's own parameters:
 * `def leaky(x, slope=0.2): return np.where(x > 0, x, slope * x)` is leaky ReLU with slope 0.2 wherever the
 * mouse rests in the expression. The parameters are read with their literal defaults (substitution.ts).
 */
import type { RecognizedCall } from '../types';
import { classifyExpression, firstParameter, type RecognizeToken } from './bodies';
import { enclosing } from './definitions';
import type { DocumentModel } from './document';
import { STMT } from './statements';
import { definitionValues, substituted } from './substitution';

/** Longest return expression read, in tokens. */
const MAX_EXPRESSION_TOKENS = 300;

/** The activation the `return` expression around token `ti` computes with its parameters' defaults. */
export function matchParameterBody(
  model: DocumentModel,
  ti: number,
  recognize: RecognizeToken,
): RecognizedCall | undefined {
  if (model.lang !== 'python') {
    return undefined;
  }
  const st = model.stmt[ti];
  if (st === ti || !model.isWord(st, 'return')) {
    return undefined;
  }
  const def = enclosing(model, ti, (d) => d.keyword === 'def' || d.keyword === 'class');
  if (def === undefined || def.keyword !== 'def') {
    return undefined;
  }
  const values = definitionValues(model, def);
  let end = st + 1;
  const limit = Math.min(def.end, st + MAX_EXPRESSION_TOKENS);
  while (end < limit && (model.flags[end] & STMT) === 0) {
    end++;
  }
  const whole = end === def.end || (model.flags[end] & STMT) !== 0;
  if (values.size === 0 || !whole || !substituted(model, st + 1, end, values)) {
    return undefined; // reads no parameter (the formula matcher has had its say), or one with no literal
  }
  const input = firstParameter(model, def.nameAt, def.end);
  return classifyExpression(model, st + 1, end, recognize, input, 0, values);
}
