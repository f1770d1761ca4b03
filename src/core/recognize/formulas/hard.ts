/**
 * Piecewise-linear sigmoid and swish: hard sigmoid as `relu6(x + 3) / 6`, `clip(x + 3, 0, 6) / 6`,
 * `minimum(maximum(x + 3, 0), 6) / 6` or `clip(0.2 * x + 0.5, 0, 1)` (its slope read from the code), and
 * hard swish as x times the 1/6-slope hard sigmoid.
 */
import { affine, isOp, isX, near, product } from './algebra';
import type { Found } from './found';
import { bounds } from './rectifiers';
import type { Term } from './terms';

/**
 * A clamp of `inner` to [lo, hi]: clip/clamp, relu6, minimum(maximum(…)) in either nesting,
 * minimum(relu(…), hi) and relu(minimum(…, hi)) (`torch.relu(torch.clamp(x, max=6.0))`, a floor at or below 0
 * inside the ReLU too).
 */
function clamp(t: Term): { inner: Term; lo: number; hi: number } | undefined {
  if (isOp(t, 'relu6', 1)) {
    return { inner: t.args[0], lo: 0, hi: 6 };
  }
  if (isOp(t, 'relu', 1)) {
    const top = capped(t.args[0]);
    return top && { inner: top.inner, lo: 0, hi: top.hi };
  }
  if (isOp(t, 'minimum', 2)) {
    const [a, b] = t.args;
    const [relu, bound] = isOp(a, 'relu', 1) ? [a, b] : isOp(b, 'relu', 1) ? [b, a] : [];
    if (relu !== undefined && bound?.t === 'c') {
      return { inner: relu.args[0], lo: 0, hi: bound.v };
    }
  }
  if (t.t === 'op' && t.op === 'clip' && t.args.length <= 3) {
    const [lo, hi] = bounds(t);
    return lo?.t === 'c' && hi?.t === 'c' ? { inner: t.args[0], lo: lo.v, hi: hi.v } : undefined;
  }
  const outer = isOp(t, 'minimum', 2) ? 'maximum' : isOp(t, 'maximum', 2) ? 'minimum' : undefined;
  if (outer === undefined) {
    return undefined;
  }
  const [a, b] = t.t === 'op' ? t.args : [];
  const [nested, bound] = isOp(a, outer, 2) ? [a, b] : isOp(b, outer, 2) ? [b, a] : [];
  if (nested === undefined || bound?.t !== 'c') {
    return undefined;
  }
  const [c, d] = nested.args;
  const [inner, other] = c.t === 'c' ? [d, c] : [c, d];
  if (other.t !== 'c') {
    return undefined;
  }
  return outer === 'maximum'
    ? { inner, lo: other.v, hi: bound.v }
    : { inner, lo: bound.v, hi: other.v };
}

/**
 * `inner` bounded above, with no floor a ReLU around it would keep: a clip with no lower bound
 * (`x.clamp(max=6.0)`) or one at or below zero (`torch.clamp(x, min=-1.0, max=6.0)`, which the ReLU lifts
 * to 0), or minimum(inner, hi).
 */
function capped(t: Term): { inner: Term; hi: number } | undefined {
  if (t.t === 'op' && t.op === 'clip' && t.args.length <= 3) {
    const [lo, hi] = bounds(t);
    const lifted = lo === undefined || lo.t === 'none' || (lo.t === 'c' && lo.v <= 0);
    return lifted && hi?.t === 'c' ? { inner: t.args[0], hi: hi.v } : undefined;
  }
  if (!isOp(t, 'minimum', 2)) {
    return undefined;
  }
  const [a, b] = t.args;
  const [inner, bound] = b.t === 'c' ? [a, b] : [b, a];
  return bound.t === 'c' ? { inner, hi: bound.v } : undefined;
}

/** The slope m of k · clamp(s·x + b, 0, hi) when it equals clamp(m·x + 1/2, 0, 1). */
function hardSigmoidSlope(k: number, f: Term): number | undefined {
  const c = clamp(f);
  const line = c && affine(c.inner);
  if (c === undefined || line === undefined || c.lo !== 0) {
    return undefined;
  }
  const [s, b] = line;
  return near(k * c.hi, 1) && near(k * b, 0.5) && k * s > 0 ? k * s : undefined;
}

/** Any hard sigmoid, hard swish or ReLU6 formula. */
export function hard(t: Term): Found | undefined {
  const p = product(t);
  const [f] = p.fs;
  // tfjs-layers' `minimum(6.0, relu(x))`, `relu(clamp(x, max=6.0))`. A clip to [0, 6] is left alone: code
  // clamps for other reasons.
  const ofRelu =
    isOp(f, 'relu', 1) || (isOp(f, 'minimum', 2) && f.args.some((a) => isOp(a, 'relu', 1)));
  const c = p.fs.length === 1 && near(p.k, 1) && ofRelu ? clamp(f) : undefined;
  if (c !== undefined && isX(c.inner) && c.lo === 0 && c.hi === 6) {
    return { id: 'relu6', params: {} };
  }
  if (p.fs.length === 1) {
    const slope = hardSigmoidSlope(p.k, p.fs[0]);
    return slope !== undefined ? { id: 'hardsigmoid', params: { slope } } : undefined;
  }
  if (p.fs.length !== 2) {
    return undefined;
  }
  const [a, b] = p.fs;
  const gate = isX(a) ? b : isX(b) ? a : undefined;
  if (gate === undefined) {
    return undefined;
  }
  const library = near(p.k, 1) && isOp(gate, 'hardsigmoid', 1) && isX(gate.args[0]);
  const slope = hardSigmoidSlope(p.k, gate);
  return library || (slope !== undefined && near(slope, 1 / 6))
    ? { id: 'hardswish', params: {} }
    : undefined;
}
