/**
 * Julia anonymous functions bound to a name: `act = x -> leakyrelu(x, 0.2f0)` (or `(x) -> …`) makes `act`
 * the activation its body computes, the way Python's `lambda` does; `shift = x -> x .- mean(x)` is none.
 */
import type { RecognizedCall } from '../types';
import { classifyExpression, type RecognizeToken } from './bodies';
import type { DocumentModel } from './document';
import { STMT } from './statements';
import { ID } from './tokenizer';

/** Longest body read, in tokens. */
const MAX_BODY_TOKENS = 512;

/** The arrow's index when token `at` starts `x -> …` or `(x) -> …`; -1 otherwise. */
export function juliaArrowAt(model: DocumentModel, at: number): number {
  if (model.lang !== 'julia') {
    return -1;
  }
  if (model.kinds[at] === ID && model.isPunct(at + 1, '->')) {
    return at + 1;
  }
  const one = model.isPunct(at, '(') && model.kinds[at + 1] === ID && model.isPunct(at + 2, ')');
  return one && model.isPunct(at + 3, '->') ? at + 3 : -1;
}

/** What the anonymous function starting at token `at` computes, when it is one activation. */
export function classifyJuliaLambda(
  model: DocumentModel,
  at: number,
  recognize: RecognizeToken,
): RecognizedCall | undefined {
  const arrow = juliaArrowAt(model, at);
  if (arrow < 0) {
    return undefined;
  }
  const input = model.tokenText(arrow - (model.isPunct(arrow - 1, ')') ? 2 : 1));
  const a = arrow + 1;
  let b = a + 1;
  const end = Math.min(model.count, a + MAX_BODY_TOKENS);
  while (b < end && (model.flags[b] & STMT) === 0) {
    b++;
  }
  return classifyExpression(model, a, b, recognize, input);
}
