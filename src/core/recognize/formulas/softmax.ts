/**
 * Softmax and log-softmax written by hand: `exp(x) / sum(exp(x))`, with or without the maximum subtracted
 * for stability, with the reduction's axis as the softmax dimension; `x - log(sum(exp(x)))` and
 * `x - logsumexp(x)`.
 */
import { isCall, isOp, isX, keyword, same, type OpTerm } from './algebra';
import type { Found } from './found';
import type { Term } from './terms';

const AXIS = ['axis', 'dim', 'dims'];

/** `x` or `x - max(x, …)`: what softmax exponentiates. */
function shifted(t: Term): boolean {
  return (
    isX(t) || (t.t === 'bin' && t.op === '-' && isX(t.a) && isCall(t.b, 'amax') && isX(t.b.args[0]))
  );
}

/**
 * The reduction's axis as a parameter: `axis=-1`, `dim=1`, a second positional argument. None, by keyword
 * or by position (`np.sum(e, None)`), reduces every element: no dimension.
 */
function axisOf(t: OpTerm): Record<string, number> | undefined {
  const pos = t.args[1];
  if (pos?.t === 'none') {
    return {};
  }
  const v = pos !== undefined ? (pos.t === 'c' ? pos.v : undefined) : keyword(t, AXIS);
  if (v === undefined || v === null) {
    return pos === undefined ? {} : undefined;
  }
  return typeof v === 'number' && Number.isInteger(v) ? { dim: v } : undefined;
}

/** Any softmax or log-softmax formula. */
export function softmax(t: Term): Found | undefined {
  if (t.t !== 'bin') {
    return undefined;
  }
  if (t.op === '/' && isOp(t.a, 'exp', 1) && shifted(t.a.args[0])) {
    const d = t.b;
    if (d.t === 'op' && d.op === 'sum' && d.args.length <= 2 && same(d.args[0], t.a)) {
      const dim = axisOf(d);
      return dim && { id: 'softmax', params: dim };
    }
  }
  if (t.op === '-' && shifted(t.a) && t.b.t === 'op') {
    const r = t.b;
    const s = r.args[0];
    if (isOp(r, 'log', 1) && isCall(s, 'sum')) {
      const dim = isOp(s.args[0], 'exp', 1) && same(s.args[0].args[0], t.a) ? axisOf(s) : undefined;
      return dim && { id: 'log_softmax', params: dim };
    }
    if (r.op === 'logsumexp' && same(r.args[0], t.a)) {
      const dim = axisOf(r);
      return dim && { id: 'log_softmax', params: dim };
    }
  }
  return undefined;
}
