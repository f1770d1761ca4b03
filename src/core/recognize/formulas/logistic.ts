/**
 * The exp-built family written by hand: the logistic sigmoid `1 / (1 + exp(-x))`, tanh through exp,
 * softplus `log(1 + exp(x))` and its log1p/logaddexp spellings, log-sigmoid, swish `x * sigmoid(x)`,
 * quick-GELU `x * sigmoid(1.702 * x)` and GELU's erf and tanh formulas.
 */
import {
  isConst,
  isOp,
  isX,
  linear,
  near,
  onePlus,
  poly,
  polyIs,
  product,
  scaled,
  sum,
} from './algebra';
import { inCatalogue, type Found } from './found';
import type { Term } from './terms';

/** √(2/π) and the cubic coefficient of GELU's tanh approximation (Hendrycks & Gimpel 2016). */
const SQRT_2_PI = Math.sqrt(2 / Math.PI);
const GELU_CUBIC = 0.044715;
/** quick-GELU's slope (CLIP; transformers' QuickGELUActivation). */
const QUICK = 1.702;

/** Any formula of this family. */
export function logistic(t: Term): Found | undefined {
  return (
    sigmoid(t) ??
    tanh(t) ??
    softplus(t) ??
    logSigmoid(t) ??
    gelu(t) ??
    swish(t) ??
    mish(t) ??
    softsign(t)
  );
}

/** `1 + exp(e)` → e. */
function onePlusExp(t: Term): Term | undefined {
  const f = onePlus(t);
  return isOp(f, 'exp', 1) ? f.args[0] : undefined;
}

/**
 * The argument u of `½(1 + tanh(u))`, written `0.5 * (1 + tanh(u))` or `0.5 + 0.5 * tanh(u)` (in any order):
 * σ(x) = ½(1 + tanh(x/2)), the sigmoid through tanh.
 */
function halfTanh(t: Term): Term | undefined {
  const s = sum(t);
  const [only] = s.ts;
  if (s.ts.length === 1 && near(s.k0, 0.5) && near(only.k, 0.5) && only.fs.length === 1) {
    return isOp(only.fs[0], 'tanh', 1) ? only.fs[0].args[0] : undefined;
  }
  const half = scaled(t);
  const inner = half !== undefined && near(half[0], 0.5) ? onePlus(half[1]) : undefined;
  return isOp(inner, 'tanh', 1) ? inner.args[0] : undefined;
}

/**
 * The k of σ(k·x) when `t` computes it: a library sigmoid, `1 / (1 + exp(-k·x))`,
 * `exp(k·x) / (1 + exp(k·x))` or `0.5 * (1 + tanh(k·x / 2))`.
 */
export function sigmoidSlope(t: Term, library = true): number | undefined {
  if (isOp(t, 'sigmoid', 1)) {
    return library ? linear(t.args[0]) : undefined;
  }
  const viaTanh = halfTanh(t);
  if (viaTanh !== undefined) {
    const k = linear(viaTanh);
    return k === undefined ? undefined : 2 * k;
  }
  if (t.t !== 'bin' || t.op !== '/') {
    return undefined;
  }
  const e = onePlusExp(t.b);
  if (e === undefined) {
    return undefined;
  }
  if (isConst(t.a, 1)) {
    const k = linear(e);
    return k === undefined ? undefined : -k;
  }
  if (isOp(t.a, 'exp', 1)) {
    const k = linear(t.a.args[0]);
    return k !== undefined && near(k, linear(e) ?? NaN) ? k : undefined;
  }
  return undefined;
}

function sigmoid(t: Term): Found | undefined {
  const k = sigmoidSlope(t, false);
  return k !== undefined && near(k, 1) ? { id: 'sigmoid', params: {} } : undefined;
}

/**
 * `2 / (1 + exp(-2x)) - 1`, `2 * sigmoid(2 * x) - 1`, `(exp(x) - exp(-x)) / (exp(x) + exp(-x))`,
 * `(exp(2x) - 1) / (exp(2x) + 1)` and `(1 - exp(-2x)) / (1 + exp(-2x))`.
 */
function tanh(t: Term): Found | undefined {
  const TANH: Found = { id: 'tanh', params: {} };
  const s = sum(t);
  const [only] = s.ts;
  if (s.ts.length === 1 && near(s.k0, -1) && near(only.k, 2) && only.fs.length === 1) {
    return near(sigmoidSlope(only.fs[0]) ?? NaN, 2) ? TANH : undefined;
  }
  if (t.t !== 'bin' || t.op !== '/') {
    return undefined;
  }
  const top = expSum(t.a);
  const bottom = expSum(t.b);
  if (top === undefined || bottom === undefined) {
    return undefined;
  }
  // (e^{2x} - 1) / (e^{2x} + 1), and the same divided through by e^{2x}: (1 - e^{-2x}) / (1 + e^{-2x})
  if (top.exps.length === 1 && bottom.exps.length === 1) {
    const [[ca, ka], [cb, kb]] = [top.exps[0], bottom.exps[0]];
    const sign = Math.sign(kb);
    return near(Math.abs(kb), 2) &&
      near(ka, kb) &&
      near(cb, 1) &&
      near(bottom.k0, 1) &&
      near(ca, sign) &&
      near(top.k0, -sign)
      ? TANH
      : undefined;
  }
  // (e^x - e^{-x}) / (e^x + e^{-x})
  if (top.exps.length === 2 && bottom.exps.length === 2 && top.k0 === 0 && bottom.k0 === 0) {
    const coef = (list: [number, number][], k: number): number =>
      list.find(([, kk]) => near(kk, k))?.[0] ?? NaN;
    return near(coef(top.exps, 1), 1) &&
      near(coef(top.exps, -1), -1) &&
      near(coef(bottom.exps, 1), 1) &&
      near(coef(bottom.exps, -1), 1)
      ? TANH
      : undefined;
  }
  return undefined;
}

/** A sum of c·exp(k·x) terms and a constant: its constant and [c, k] pairs. */
function expSum(t: Term): { k0: number; exps: [number, number][] } | undefined {
  const s = sum(t);
  const exps: [number, number][] = [];
  for (const p of s.ts) {
    const [f] = p.fs;
    const k = p.fs.length === 1 && isOp(f, 'exp', 1) ? linear(f.args[0]) : undefined;
    if (k === undefined) {
      return undefined;
    }
    exps.push([p.k, k]);
  }
  return { k0: s.k0, exps };
}

/**
 * The argument e of a softplus-shaped term: `log(1 + exp(e))`, `log1p(exp(e))`, `logaddexp(0, e)`, and
 * (with `library`) a library softplus.
 */
function softplusOf(t: Term, library: boolean): Term | undefined {
  if (isOp(t, 'log', 1)) {
    return onePlusExp(t.args[0]);
  }
  if (isOp(t, 'log1p', 1) && isOp(t.args[0], 'exp', 1)) {
    return t.args[0].args[0];
  }
  if (isOp(t, 'logaddexp', 2)) {
    const [a, b] = t.args;
    return isConst(a, 0) ? b : isConst(b, 0) ? a : undefined;
  }
  return library && isOp(t, 'softplus', 1) ? t.args[0] : undefined;
}

/** `log(1 + exp(x))`, and `log(1 + exp(β·x)) / β` with its β. */
function softplus(t: Term): Found | undefined {
  const s = scaled(t);
  const e = s && softplusOf(s[1], false);
  const beta = e && linear(e);
  return beta !== undefined && beta > 0 && near(s?.[0] ?? NaN, 1 / beta)
    ? { id: 'softplus', params: { beta } }
    : undefined;
}

/**
 * `-log(1 + exp(-x))`, `-softplus(-x)`, `log(1 / (1 + exp(-x)))`. The log of a library sigmoid is not read
 * as one formula: its sigmoid is the activation there, and the expression the `log-of-softmax` pitfall.
 */
function logSigmoid(t: Term): Found | undefined {
  const LOGSIGMOID: Found = { id: 'logsigmoid', params: {} };
  if (isOp(t, 'log', 1) && near(sigmoidSlope(t.args[0], false) ?? NaN, 1)) {
    return LOGSIGMOID;
  }
  const s = scaled(t);
  const e = s && near(s[0], -1) ? softplusOf(s[1], true) : undefined;
  return e !== undefined && near(linear(e) ?? NaN, -1) ? LOGSIGMOID : undefined;
}

/** The factor of `x · f` other than x (coefficient one), or undefined. */
function gateOf(t: Term): Term | undefined {
  const p = product(t);
  if (!near(p.k, 1) || p.fs.length !== 2) {
    return undefined;
  }
  const [a, b] = p.fs;
  return isX(a) ? b : isX(b) ? a : undefined;
}

/**
 * `x * sigmoid(x)`, `x / (1 + exp(-x))`; `x * sigmoid(1.702 * x)` is quick-GELU; `x * sigmoid(self.beta * x)`
 * (or `softplus(self.beta) * x`) is swish with a β the code does not spell; x·σ(0·x) = x/2 is swish at β = 0
 * (Ramachandran et al. 2017), a zero factor deciding it whatever else the product holds.
 */
function swish(t: Term): Found | undefined {
  const gate = gateOf(t);
  if (isOp(gate, 'sigmoid', 1) && product(gate.args[0]).k === 0) {
    return swishWithSlope(0);
  }
  if (isOp(gate, 'sigmoid', 1) && unspelledSlope(gate.args[0])) {
    return { id: 'silu', params: {}, nonLiteral: ['beta'] };
  }
  const beta = gate && sigmoidSlope(gate);
  return beta !== undefined && beta > 0 ? swishWithSlope(beta) : undefined;
}

/** x·σ(β·x): quick-GELU at β = 1.702, else swish with its β. */
function swishWithSlope(beta: number): Found {
  return near(beta, QUICK) && inCatalogue('quick_gelu')
    ? { id: 'quick_gelu', params: {} }
    : { id: 'silu', params: { beta } };
}

/**
 * Whether `t` is β·x with a β the code does not spell: x once, times factors free of x that hold an
 * attribute or unbound name (`self.beta`, `F.softplus(self.beta_raw)`, `torch.exp(self.log_beta)`).
 */
function unspelledSlope(t: Term): boolean {
  const p = product(t);
  const others = p.fs.filter((f) => !isX(f));
  return (
    p.k > 0 &&
    others.length > 0 &&
    others.length === p.fs.length - 1 &&
    others.every((f) => mentions(f, 'sym') && !mentions(f, 'x'))
  );
}

/** Whether a term holds the variable (`'x'`) or a value the code does not spell (`'sym'`). */
function mentions(t: Term, kind: 'x' | 'sym'): boolean {
  switch (t.t) {
    case 'op':
      return t.args.some((a) => mentions(a, kind));
    case 'bin':
      return mentions(t.a, kind) || mentions(t.b, kind);
    case 'neg':
      return mentions(t.a, kind);
    default:
      return t.t === kind;
  }
}

/** `x * tanh(softplus(x))`, with softplus from a library or written out. */
function mish(t: Term): Found | undefined {
  const gate = gateOf(t);
  const inner = isOp(gate, 'tanh', 1) ? softplusOf(gate.args[0], true) : undefined;
  return isX(inner) ? { id: 'mish', params: {} } : undefined;
}

/** `x / (1 + abs(x))`. */
function softsign(t: Term): Found | undefined {
  if (t.t !== 'bin' || t.op !== '/' || !isX(t.a)) {
    return undefined;
  }
  const f = onePlus(t.b);
  return isOp(f, 'abs', 1) && isX(f.args[0]) ? { id: 'softsign', params: {} } : undefined;
}

/**
 * `0.5 * x * (1 + tanh(√(2/π) * (x + 0.044715 * x**3)))` (any grouping of the polynomial, any spelling of
 * √(2/π)) and the exact `0.5 * x * (1 + erf(x / √2))`. The same shape with a linear argument,
 * `0.5 * x * (1 + tanh(x / 2))`, is x·σ(x) through tanh: a swish.
 */
function gelu(t: Term): Found | undefined {
  const p = product(t);
  if (!near(p.k, 0.5) || p.fs.length !== 2) {
    return undefined;
  }
  const [a, b] = p.fs;
  const inner = onePlus(isX(a) ? b : isX(b) ? a : { t: 'none' });
  if (isOp(inner, 'tanh', 1)) {
    const cubic = polyIs(poly(inner.args[0]), { 1: SQRT_2_PI, 3: SQRT_2_PI * GELU_CUBIC });
    const half = linear(inner.args[0]);
    return cubic
      ? { id: 'gelu', params: { approximate: 'tanh' } }
      : half !== undefined && half > 0
        ? swishWithSlope(2 * half)
        : undefined;
  }
  if (isOp(inner, 'erf', 1)) {
    const scaledX = polyIs(poly(inner.args[0]), { 1: Math.SQRT1_2 });
    return scaledX ? { id: 'gelu', params: { approximate: 'none' } } : undefined;
  }
  return undefined;
}
