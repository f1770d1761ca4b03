/**
 * Softmax and log-softmax written by hand: `exp(x) / sum(exp(x))`, with or without the maximum subtracted
 * for stability, with the reduction's axis as the softmax dimension; `x - log(sum(exp(x)))` and
 * `x - logsumexp(x)`.
 */
import { isCall, isOp, isX, same, type OpTerm } from './algebra';
import type { Found } from './found';
import type { Term } from './terms';

const AXIS = ['axis', 'dim', 'dims'];

/** `x` or `x - max(x, …)`: what softmax exponentiates. */
function shifted(t: Term): boolean {
  return (
    isX(t) || (t.t === 'bin' && t.op === '-' && isX(t.a) && isCall(t.b, 'amax') && isX(t.b.args[0]))
  );
}

/** The softmax dimension a reduction gives: its value, or its name when the code gives an expression. */
type Axis = Pick<Found, 'params' | 'nonLiteral'>;

const ALL_ELEMENTS: Axis = { params: {} };
const NOT_A_LITERAL: Axis = { params: {}, nonLiteral: ['dim'] };

/**
 * The reduction's axis as a parameter: `axis=-1`, `dim=1`, a second positional argument. None, by keyword
 * or by position (`np.sum(e, None)`), or no axis at all reduces every element: no dimension. An axis the
 * code computes (`axis=self.axis`, `self.dim`, `axis=[-1]`) is a dimension not read from the code.
 */
function axisOf(t: OpTerm): Axis | undefined {
  const pos = t.args[1];
  if (pos !== undefined) {
    if (pos.t === 'none') {
      return ALL_ELEMENTS;
    }
    if (pos.t === 'c') {
      return Number.isInteger(pos.v) ? { params: { dim: pos.v } } : undefined;
    }
    // Computed (`self.dim`, `self.axis + 1`, `-self.axis`), as by keyword; the input itself is no axis.
    return pos.t === 'x' ? undefined : NOT_A_LITERAL;
  }
  const name = AXIS.find((n) => t.kw.has(n));
  if (name === undefined) {
    return ALL_ELEMENTS;
  }
  const v = t.kw.get(name);
  if (v === null) {
    return ALL_ELEMENTS;
  }
  // A named dimension (PyTorch's named tensors, `dim='C'`) is no number to show, as a computed one.
  if (v === undefined || typeof v === 'string') {
    return NOT_A_LITERAL;
  }
  return typeof v === 'number' && Number.isInteger(v) ? { params: { dim: v } } : undefined;
}

/** Any softmax or log-softmax formula. */
export function softmax(t: Term): Found | undefined {
  if (t.t !== 'bin') {
    return undefined;
  }
  if (t.op === '/' && isOp(t.a, 'exp', 1) && shifted(t.a.args[0])) {
    const d = t.b;
    // Positional arguments past the axis (`e.sum(-1, true)`, `torch.sum(e, -1, True)`, NumPy's dtype, out
    // and keepdims) change how the sums are kept, never their values.
    if (d.t === 'op' && d.op === 'sum' && same(d.args[0], t.a)) {
      const axis = axisOf(d);
      return axis && { id: 'softmax', ...axis };
    }
  }
  if (t.op === '-' && shifted(t.a) && t.b.t === 'op') {
    const r = t.b;
    const s = r.args[0];
    if (isOp(r, 'log', 1) && isCall(s, 'sum')) {
      const axis =
        isOp(s.args[0], 'exp', 1) && same(s.args[0].args[0], t.a) ? axisOf(s) : undefined;
      return axis && { id: 'log_softmax', ...axis };
    }
    if (r.op === 'logsumexp' && same(r.args[0], t.a)) {
      const axis = axisOf(r);
      return axis && { id: 'log_softmax', ...axis };
    }
  }
  return undefined;
}
