/**
 * Reading canonical terms the way a person reads a formula: as a product of factors with a constant
 * coefficient (`0.5 * x * (1 + tanh(…))`), a sum of terms (`2 / (1 + exp(-2x)) - 1`), or a polynomial in
 * the variable (`sqrt(2/pi) * (x + 0.044715 * x**3)`). Constants are compared with a relative tolerance,
 * because code writes them with as many digits as its author liked (0.7978845608, math.sqrt(2 / math.pi)).
 */
import type { Op } from './ops';
import type { Term } from './terms';

export type OpTerm = Extract<Term, { t: 'op' }>;

/**
 * What the operation checks below narrow to. Branded so that a failed check does not narrow its term to
 * "not an operation" (a check on the name and arity says nothing about other operations).
 */
declare const checked: unique symbol;
type CheckedOp = OpTerm & { readonly [checked]: true };

/** A product: coefficient × factors (none of them constant). */
export interface Product {
  readonly k: number;
  readonly fs: readonly Term[];
}

/** A sum: constant + Σ products. */
export interface Sum {
  readonly k0: number;
  readonly ts: readonly Product[];
}

const ONE: Term = { t: 'c', v: 1 };

/**
 * Whether two constants agree to about six significant digits: exactly Python's `math.isclose(a, b,
 * rel_tol=1e-6)` (PEP 485's symmetric test, the gap against the larger magnitude, the edge included), so a
 * constant the code rounds to six digits (`0.797885` for √(2/π)) reads as the one it stands for.
 */
export function near(a: number, b: number): boolean {
  if (a === b) {
    return true;
  }
  return (
    Number.isFinite(a) &&
    Number.isFinite(b) &&
    Math.abs(a - b) <= 1e-6 * Math.max(Math.abs(a), Math.abs(b))
  );
}

export function isConst(t: Term | undefined, v: number): boolean {
  return t?.t === 'c' && near(t.v, v);
}

export function isX(t: Term | undefined): boolean {
  return t?.t === 'x';
}

/** `t` is the operation `op` with `n` positional arguments and no keyword arguments unless `kwOk`. */
export function isOp(t: Term | undefined, op: Op, n: number, kwOk = false): t is CheckedOp {
  return t?.t === 'op' && t.op === op && t.args.length === n && (kwOk || t.kw.size === 0);
}

/** `t` is the operation `op`, whatever its arguments. */
export function isCall(t: Term | undefined, op: Op): t is CheckedOp {
  return t?.t === 'op' && t.op === op;
}

/** Flattens `*`, `/` and unary minus into a coefficient and factors. `a / b` becomes a · (1 / b). */
export function product(t: Term): Product {
  if (t.t === 'c') {
    return { k: t.v, fs: [] };
  }
  if (t.t === 'neg') {
    const p = product(t.a);
    return { k: -p.k, fs: p.fs };
  }
  if (t.t === 'bin' && t.op === '*') {
    const a = product(t.a);
    const b = product(t.b);
    return { k: a.k * b.k, fs: [...a.fs, ...b.fs] };
  }
  if (t.t === 'bin' && t.op === '/') {
    const a = product(t.a);
    if (t.b.t === 'c') {
      return { k: a.k / t.b.v, fs: a.fs };
    }
    if (a.fs.length > 0 || a.k !== 1) {
      return { k: a.k, fs: [...a.fs, { t: 'bin', op: '/', a: ONE, b: t.b }] };
    }
  }
  return { k: 1, fs: [t] };
}

/** Flattens `+` and `-` into a constant and signed products. */
export function sum(t: Term): Sum {
  if (t.t === 'c') {
    return { k0: t.v, ts: [] };
  }
  if (t.t === 'bin' && (t.op === '+' || t.op === '-')) {
    const a = sum(t.a);
    const b = sum(t.b);
    const s = t.op === '+' ? 1 : -1;
    return {
      k0: a.k0 + s * b.k0,
      ts: [...a.ts, ...b.ts.map((p) => ({ k: s * p.k, fs: p.fs }))],
    };
  }
  if (t.t === 'neg') {
    const a = sum(t.a);
    return { k0: -a.k0, ts: a.ts.map((p) => ({ k: -p.k, fs: p.fs })) };
  }
  return { k0: 0, ts: [product(t)] };
}

/** The single non-constant factor of a product and its coefficient: `0.2 * x` → [0.2, x]. */
export function scaled(t: Term): [number, Term] | undefined {
  const p = product(t);
  return p.fs.length === 1 ? [p.k, p.fs[0]] : undefined;
}

/** `1 + f` (in any order, `1.0` too) → f. */
export function onePlus(t: Term): Term | undefined {
  const s = sum(t);
  const [only] = s.ts;
  return s.ts.length === 1 && near(s.k0, 1) && near(only.k, 1) && only.fs.length === 1
    ? only.fs[0]
    : undefined;
}

const MAX_DEGREE = 8;

/** The term as a polynomial in the variable (degree → coefficient), or undefined. */
export function poly(t: Term): Map<number, number> | undefined {
  switch (t.t) {
    case 'c':
      return new Map([[0, t.v]]);
    case 'x':
      return new Map([[1, 1]]);
    case 'neg': {
      const a = poly(t.a);
      return a && scale(a, -1);
    }
    case 'op':
      if (t.op === 'pow' && t.args.length === 2) {
        return power(t.args[0], t.args[1]);
      }
      return t.op === 'square' && t.args.length === 1
        ? power(t.args[0], { t: 'c', v: 2 })
        : undefined;
    case 'bin':
      return binaryPoly(t.op, t.a, t.b);
    default:
      return undefined;
  }
}

function binaryPoly(op: string, a: Term, b: Term): Map<number, number> | undefined {
  if (op === '**') {
    return power(a, b);
  }
  const pa = poly(a);
  if (pa === undefined) {
    return undefined;
  }
  if (op === '/') {
    return b.t === 'c' && b.v !== 0 ? scale(pa, 1 / b.v) : undefined;
  }
  const pb = poly(b);
  if (pb === undefined) {
    return undefined;
  }
  if (op === '+' || op === '-') {
    const out = new Map(pa);
    for (const [d, c] of pb) {
      out.set(d, (out.get(d) ?? 0) + (op === '+' ? c : -c));
    }
    return out;
  }
  if (op !== '*') {
    return undefined;
  }
  const out = new Map<number, number>();
  for (const [da, ca] of pa) {
    for (const [db, cb] of pb) {
      if (da + db > MAX_DEGREE) {
        return undefined;
      }
      out.set(da + db, (out.get(da + db) ?? 0) + ca * cb);
    }
  }
  return out;
}

function power(base: Term, exp: Term): Map<number, number> | undefined {
  if (exp.t !== 'c' || !Number.isInteger(exp.v) || exp.v < 0 || exp.v > MAX_DEGREE) {
    return undefined;
  }
  let out: Map<number, number> | undefined = new Map([[0, 1]]);
  for (let i = 0; i < exp.v && out !== undefined; i++) {
    out = multiply(out, base);
  }
  return out;
}

function multiply(p: Map<number, number>, t: Term): Map<number, number> | undefined {
  const q = poly(t);
  if (q === undefined) {
    return undefined;
  }
  const out = new Map<number, number>();
  for (const [da, ca] of p) {
    for (const [db, cb] of q) {
      if (da + db > MAX_DEGREE) {
        return undefined;
      }
      out.set(da + db, (out.get(da + db) ?? 0) + ca * cb);
    }
  }
  return out;
}

function scale(p: Map<number, number>, k: number): Map<number, number> {
  return new Map([...p].map(([d, c]) => [d, c * k]));
}

/** Whether a polynomial is exactly Σ coefs[d]·x^d (other coefficients zero). */
export function polyIs(
  p: Map<number, number> | undefined,
  coefs: Readonly<Record<number, number>>,
): boolean {
  if (p === undefined) {
    return false;
  }
  const degrees = new Set([...p.keys(), ...Object.keys(coefs).map(Number)]);
  return [...degrees].every((d) => near(p.get(d) ?? 0, coefs[d] ?? 0));
}

/** Whether the term is zero for every x: `0`, `0.0 * x`, a slope bound to 0 times x. */
export function isZero(t: Term): boolean {
  return polyIs(poly(t), {});
}

/** `k · x` → k (no constant term, nothing above degree 1). */
export function linear(t: Term): number | undefined {
  const p = poly(t);
  if (p === undefined) {
    return undefined;
  }
  const k = p.get(1) ?? 0;
  return k !== 0 && polyIs(p, { 1: k }) ? k : undefined;
}

/** `s · x + b` → [s, b]. */
export function affine(t: Term): [number, number] | undefined {
  const p = poly(t);
  if (p === undefined) {
    return undefined;
  }
  const s = p.get(1) ?? 0;
  const b = p.get(0) ?? 0;
  return s !== 0 && polyIs(p, { 0: b, 1: s }) ? [s, b] : undefined;
}

/** Structural equality of two terms (keyword arguments compared by value). */
export function same(a: Term, b: Term): boolean {
  if (a.t !== b.t) {
    return false;
  }
  switch (a.t) {
    case 'c':
      return near(a.v, (b as typeof a).v);
    case 'op': {
      const o = b as typeof a;
      return (
        a.op === o.op &&
        a.args.length === o.args.length &&
        a.args.every((x, i) => same(x, o.args[i])) &&
        a.kw.size === o.kw.size &&
        [...a.kw].every(([k, v]) => o.kw.has(k) && o.kw.get(k) === v)
      );
    }
    case 'bin': {
      const o = b as typeof a;
      return a.op === o.op && same(a.a, o.a) && same(a.b, o.b);
    }
    case 'neg':
      return same(a.a, (b as typeof a).a);
    case 'sym':
      return a.name === (b as typeof a).name;
    default:
      return true;
  }
}
