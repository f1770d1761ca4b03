/**
 * `handwritten-overflow`, the softmax form: `exp(x) / sum(exp(x), …)` or `exp(x) / exp(x).sum(…)` where `x`
 * is a parameter the function has not reassigned (it may have been shifted already otherwise). The fix
 * subtracts the maximum along the sum's own axis from both exps.
 */
import type { Arg } from '../recognize/args';
import type { Token } from '../recognize/tokenizer';
import { argText, argsAt, callAt, onlyArg, type Call } from './expr';
import { softmaxOverflowMessage } from './messages';
import { resolveName } from './modules';
import { EXPS, overflow, prefix, type Family } from './overflowShared';
import { isUnshiftedParameter } from './scope';
import type { Source } from './source';
import type { Pitfall } from './types';

const SUMS: ReadonlyMap<string, Family> = new Map([
  ['numpy.sum', 'numpy'],
  ['jax.numpy.sum', 'jax'],
  ['torch.sum', 'torch'],
  ['tensorflow.reduce_sum', 'tf'],
  ['tensorflow.math.reduce_sum', 'tf'],
]);

/** The maximum that matches each family's sum, by the name after the module prefix. */
const MAX_NAME: Readonly<Record<Family, string>> = {
  numpy: 'max',
  jax: 'max',
  torch: 'amax',
  tf: 'reduce_max',
  math: '',
};

const SUM_KEYWORDS = new Set(['axis', 'keepdims', 'dim', 'keepdim']);

/** Tokens that may come right before a numerator `exp(x)` (so that it is the whole left operand). */
const STARTERS = new Set(['=', '(', ',', '[', 'return', ':', '{', 'lambda']);

/** `exp(x) / sum(exp(x), …)` or `exp(x) / exp(x).sum(…)`, x an unshifted parameter. */
export function softmaxAt(
  source: Source,
  toks: readonly Token[],
  exp: Call,
  family: Family,
): Pitfall | undefined {
  const before = toks[exp.first - 1];
  if (
    family === 'math' ||
    toks[exp.close + 1]?.t !== '/' ||
    (before !== undefined && !STARTERS.has(before.t) && !before.nl)
  ) {
    return undefined;
  }
  const d = exp.close + 2;
  let inner: Call | undefined;
  let sumArgs: readonly Arg[] = [];
  let end: number;
  const den = callAt(toks, lastName(toks, d));
  if (
    den !== undefined &&
    den.first === d &&
    SUMS.get(resolveName(source, den.parts) ?? '') === family
  ) {
    const first = den.args[0];
    inner =
      first?.name === undefined && first !== undefined
        ? callAt(toks, lastName(toks, first.a))
        : undefined;
    if (inner === undefined || inner.first !== first.a || inner.close !== first.b - 1) {
      return undefined;
    }
    sumArgs = den.args.slice(1);
    if (den.args.slice(1).some((a) => a.name !== undefined && !SUM_KEYWORDS.has(a.name))) {
      return undefined;
    }
    end = den.close;
  } else {
    inner = callAt(toks, lastName(toks, d));
    const sum = inner === undefined ? undefined : toks[inner.close + 1];
    const args = inner === undefined ? undefined : argsAt(toks, inner.close + 3);
    if (
      inner === undefined ||
      inner.first !== d ||
      sum?.t !== '.' ||
      toks[inner.close + 2]?.t !== 'sum' ||
      args === undefined
    ) {
      return undefined;
    }
    if (args.some((a) => a.name !== undefined && !SUM_KEYWORDS.has(a.name))) {
      return undefined;
    }
    sumArgs = args;
    end = closeOf(toks, inner.close + 3);
  }
  const after = toks[end + 1]?.t;
  if (after === '**' || after === '.' || after === '(' || after === '[') {
    return undefined;
  }
  const num = exp.args[0];
  const innerArg = onlyArg(inner);
  if (
    innerArg === undefined ||
    EXPS.get(resolveName(source, inner.parts) ?? '') !== family ||
    num.b - num.a !== 1 ||
    innerArg.b - innerArg.a !== 1 ||
    toks[num.a].k !== 'id' ||
    toks[num.a].t !== toks[innerArg.a].t ||
    !isUnshiftedParameter(source.text, toks[num.a].t, toks[exp.first].s)
  ) {
    return undefined;
  }
  const x = toks[num.a].t;
  const p = prefix(source, toks, exp);
  const maxArgs = sumArgs.map((a) => argText(source.text, toks, a));
  const shifted = `${x} - ${p}${MAX_NAME[family]}(${[x, ...maxArgs].join(', ')})`;
  const start = toks[exp.first].s;
  const stop = toks[end].e;
  const { text } = source;
  const replacement =
    text.slice(start, toks[num.a].s) +
    shifted +
    text.slice(toks[num.a].e, toks[innerArg.a].s) +
    shifted +
    text.slice(toks[innerArg.a].e, stop);
  return overflow(start, stop, softmaxOverflowMessage(), 'softmax', {
    title: 'Subtract the maximum first',
    start,
    end: stop,
    replacement,
  });
}

function lastName(toks: readonly Token[], i: number): number {
  let k = i;
  while (toks[k + 1]?.t === '.' && toks[k + 2]?.k === 'id') {
    k += 2;
  }
  return k;
}

function closeOf(toks: readonly Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < toks.length; i++) {
    const t = toks[i].t;
    depth += t === '(' || t === '[' ? 1 : t === ')' || t === ']' ? -1 : 0;
    if (depth === 0) {
      return i;
    }
  }
  return toks.length - 1;
}
