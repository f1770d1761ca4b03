/**
 * A temporary's value read as part of the formula that uses it: hovering `erf` in
 * `const cdf = tfc.mul(0.5, tfc.add(1, tfc.erf(tfc.div(x, sqrtTwo))))` shows the GELU that
 * `return tfc.mul(x, cdf)` computes, and hovering `exp` in `e = np.exp(x - x.max())` the softmax of
 * `return e / e.sum()`. One level only (the use itself must be the formula), the uses looked for in a
 * bounded stretch after the assignment, each resolved back to it (temporaries.ts) before it counts.
 */
import type { RecognizedCall } from '../../types';
import type { Scope } from '../match';
import { STMT } from '../statements';
import { ID } from '../tokenizer';
import { parseExpression } from './expr';
import { normalize } from './terms';
import { boundAt } from './temporaries';

/** How far after an assignment its uses are looked for, in tokens, and how many are tried. */
const MAX_USE_SCAN = 600;
const MAX_USES = 4;
/** Tokens of a use's statement read. */
const MAX_STATEMENT_TOKENS = 800;
/** Words that declare the name an assignment binds. */
const DECLARE = new Set(['let', 'const', 'var', 'auto', 'mut']);
/** Operations that are activations themselves: their value is that activation, not part of a formula. */
const ACTIVATIONS = new Set(['sigmoid', 'relu', 'relu6', 'softplus', 'hardsigmoid', 'tanh']);

/** Finds a formula at a token of a window (the formula matcher, passed in to keep the files apart). */
export type MatchAt = (scope: Scope, ti: number) => RecognizedCall | undefined;

/** The formula that uses the temporary whose value holds token `ti`, spanning that value; or undefined. */
export function matchThroughUse(
  scope: Scope,
  ti: number,
  match: MatchAt,
): RecognizedCall | undefined {
  const { model, base } = scope;
  if (model === undefined || base === undefined) {
    return undefined;
  }
  const at = base + ti;
  const stmt = model.stmt[at];
  let k = stmt;
  while (k < at && model.kinds[k] === ID && DECLARE.has(model.tokenText(k))) {
    k++;
  }
  const value = k + 2;
  if (model.kinds[k] !== ID || !model.isPunct(k + 1, '=') || at < value) {
    return undefined;
  }
  const name = model.tokenText(k);
  let end = value;
  while (end < model.count && end - value < MAX_USE_SCAN && (model.flags[end] & STMT) === 0) {
    end++;
  }
  const toks = model.slice(value, end);
  const node = parseExpression(toks, model.lang);
  const own = node && normalize(node, { ...scope, toks, base: value });
  // A value that is the variable itself (`h = self.fc(x)`), a constant or an activation is no part of a
  // formula: it is a layer's output, a number, or that activation.
  const term = own?.term;
  if (
    term === undefined ||
    term.t === 'x' ||
    term.t === 'c' ||
    (term.t === 'op' && ACTIVATIONS.has(term.op))
  ) {
    return undefined;
  }
  let tried = 0;
  for (let u = end; u < model.count && u - end < MAX_USE_SCAN && tried < MAX_USES; u++) {
    if (model.kinds[u] !== ID || model.tokenText(u) !== name || model.isPunct(u - 1, '.')) {
      continue;
    }
    const bound = boundAt(model, u);
    if (bound?.k !== 'value' || bound.base !== value) {
      continue;
    }
    tried++;
    const from = model.stmt[u];
    let to = u + 1;
    while (to < model.count && to - from < MAX_STATEMENT_TOKENS && (model.flags[to] & STMT) === 0) {
      to++;
    }
    const found = match({ ...scope, toks: model.slice(from, to), base: from }, u - from);
    if (found !== undefined) {
      const last = model.isPunct(end - 1, ';') ? end - 2 : end - 1;
      return { ...found, start: model.starts[value], end: model.ends[last] };
    }
  }
  return undefined;
}
