/**
 * ReLU and its relatives written by hand: `maximum(x, 0)`, `clip(x, 0, None)`, `x.clamp(min=0)`,
 * `x * (x > 0)`, the `where(x > 0, x, …)` forms (ReLU, leaky ReLU with a literal slope, ELU and SELU with
 * `exp(x) - 1` or `expm1(x)`), and squared ReLU `relu(x) ** 2`.
 */
import {
  isConst,
  isOp,
  isX,
  isZero,
  linear,
  product,
  same,
  scaled,
  sum,
  type OpTerm,
} from './algebra';
import { inCatalogue, type Found } from './found';
import type { Term } from './terms';

/** SELU's constants (Klambauer et al. 2017), as PyTorch's and Keras' sources write them. */
const SELU_SCALE = 1.0507009873554805;
const SELU_ALPHA = 1.6732632423543772;

const RELU: Found = { id: 'relu', params: {} };

/** Any ReLU-family formula. */
export function rectifier(t: Term): Found | undefined {
  return maximum(t) ?? clipped(t) ?? gated(t) ?? piecewise(t) ?? squared(t);
}

/**
 * `maximum(x, 0)`, `maximum(0, x)`, `maximum(x, 0.0 * x)`; `maximum(x, 0.2 * x)` is leaky ReLU, up to
 * the slope 1, where max(x, x) = x is still max(0, x) + 1·min(0, x) (PyTorch's LeakyReLU).
 */
function maximum(t: Term): Found | undefined {
  if (!isOp(t, 'maximum', 2)) {
    return undefined;
  }
  const [a, b] = t.args;
  const other = isX(a) ? b : isX(b) ? a : undefined;
  if (other === undefined) {
    return undefined;
  }
  if (isZero(other)) {
    return RELU;
  }
  const slope = linear(other);
  return slope !== undefined && slope > 0 && slope <= 1
    ? { id: 'leaky_relu', params: { negative_slope: slope } }
    : undefined;
}

/** Lower and upper bound of a clip (`np.clip(x, 0, None)`, `x.clamp(min=0)`, `tf.clip_by_value`). */
export function bounds(t: OpTerm): [Term | undefined, Term | undefined] {
  const kw = (names: readonly string[]): Term | undefined => {
    for (const name of names) {
      if (t.kw.has(name)) {
        // A bound the code does not spell (`max=self.cap`, `max=cap`) is a value, not an absent bound.
        const v = t.kw.get(name);
        return typeof v === 'number'
          ? { t: 'c', v }
          : v === null
            ? { t: 'none' }
            : { t: 'sym', name };
      }
    }
    return undefined;
  };
  return [
    t.args[1] ?? kw(['min', 'a_min', 'clip_value_min']),
    t.args[2] ?? kw(['max', 'a_max', 'clip_value_max']),
  ];
}

function clipped(t: Term): Found | undefined {
  // A fourth argument is where the values go or the op's name (NumPy's `out`, TensorFlow's `name`).
  if (t.t !== 'op' || t.op !== 'clip' || !isX(t.args[0])) {
    return undefined;
  }
  const [lo, hi] = bounds(t);
  const open = hi === undefined || hi.t === 'none' || isConst(hi, Infinity);
  return isConst(lo, 0) && open ? RELU : undefined;
}

/** `x * (x > 0)`: the variable gated by its own sign. */
function gated(t: Term): Found | undefined {
  const p = product(t);
  if (p.k !== 1 || p.fs.length !== 2) {
    return undefined;
  }
  const [a, b] = p.fs;
  const gate = isX(a) ? b : isX(b) ? a : undefined;
  return gate !== undefined && positive(gate) === true ? RELU : undefined;
}

/**
 * A comparison of the variable with zero: true when it holds for positive x (`x > 0`, `0 <= x`), false
 * when it holds for negative x (`x < 0`), undefined for anything else (`x > 0.5`, `x > y`).
 */
export function positive(c: Term): boolean | undefined {
  if (c.t !== 'bin') {
    return undefined;
  }
  const flip: Readonly<Record<string, string>> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' };
  let op = c.op;
  if (isConst(c.a, 0) && isX(c.b)) {
    op = flip[op];
  } else if (!(isX(c.a) && isConst(c.b, 0))) {
    return undefined;
  }
  return op === '>' || op === '>=' ? true : op === '<' || op === '<=' ? false : undefined;
}

/** `c * where(x > 0, p * x, n(x))`: ReLU, leaky ReLU, ELU or SELU by the two branches. */
function piecewise(t: Term): Found | undefined {
  const outer = scaled(t);
  if (outer === undefined || !isOp(outer[1], 'where', 3)) {
    return undefined;
  }
  const [k, w] = outer;
  const [cond, yes, no] = w.args;
  const side = positive(cond);
  if (side === undefined) {
    return undefined;
  }
  const [pos, neg] = side ? [yes, no] : [no, yes];
  const p = linear(pos);
  if (p === undefined) {
    return undefined;
  }
  const slope = k * p;
  const n = negativeBranch(neg);
  if (n === undefined) {
    return undefined;
  }
  const alpha = k * n.k;
  if (near1(slope) && n.kind === 'zero') {
    return RELU;
  }
  if (near1(slope) && n.kind === 'linear' && alpha !== 1) {
    return { id: 'leaky_relu', params: { negative_slope: alpha } };
  }
  if (near1(slope) && n.kind === 'expm1') {
    return { id: 'elu', params: { alpha } };
  }
  if (isSeluConstant(slope, SELU_SCALE) && n.kind === 'expm1') {
    // The negative branch is scale·α·(eˣ − 1): α is its factor over the slope.
    return isSeluConstant(alpha / slope, SELU_ALPHA) ? { id: 'selu', params: {} } : undefined;
  }
  return undefined;
}

/**
 * Whether `v` is SELU's constant `c` as code quotes it: the same to four significant digits. Code writes
 * α = 1.6732632… as 1.67326 (PyTorch's documentation), 1.6733 or 1.6732, and λ = 1.0507009… as 1.0507;
 * `near`'s six digits refuse all but the last.
 */
function isSeluConstant(v: number, c: number): boolean {
  return v.toPrecision(4) === c.toPrecision(4);
}

function near1(v: number): boolean {
  return isConst({ t: 'c', v }, 1);
}

/**
 * The negative branch: 0 (`0.0 * x` too), `a * x`, or `a * (exp(x) - 1)` / `a * expm1(x)` /
 * `-a * (1 - exp(x))`.
 */
function negativeBranch(t: Term): { kind: 'zero' | 'linear' | 'expm1'; k: number } | undefined {
  if (isZero(t)) {
    return { kind: 'zero', k: 0 };
  }
  const a = linear(t);
  if (a !== undefined) {
    return { kind: 'linear', k: a };
  }
  const [k, f] = scaled(t) ?? [1, t];
  const c = expm1Multiple(f);
  return c === undefined ? undefined : { kind: 'expm1', k: k * c };
}

/**
 * The c of c·(eˣ − 1): `expm1(x)` (1), or a sum of one c·exp(x) and the constant −c (`exp(x) - 1`,
 * `1 - exp(x)`, `a * exp(x) - a`).
 */
function expm1Multiple(t: Term): number | undefined {
  if (isOp(t, 'expm1', 1)) {
    return isX(t.args[0]) ? 1 : undefined;
  }
  const s = sum(t);
  const [e] = s.ts;
  const isExpX =
    s.ts.length === 1 && e.fs.length === 1 && isOp(e.fs[0], 'exp', 1) && isX(e.fs[0].args[0]);
  return isExpX && isConst({ t: 'c', v: s.k0 }, -e.k) ? e.k : undefined;
}

/** `relu(x) ** 2`, `F.relu(x).pow(2)`, `torch.square(F.relu(x))`, `np.maximum(x, 0) ** 2`. */
function squared(t: Term): Found | undefined {
  let base: Term | undefined;
  if (t.t === 'bin' && t.op === '**' && isConst(t.b, 2)) {
    base = t.a;
  } else if (isOp(t, 'pow', 2) && isConst(t.args[1], 2)) {
    base = t.args[0];
  } else if (isOp(t, 'square', 1)) {
    base = t.args[0];
  } else {
    // `r * r` (Rust's `r.clone() * r` after `let r = relu(x);`)
    const p = product(t);
    base = p.k === 1 && p.fs.length === 2 && same(p.fs[0], p.fs[1]) ? p.fs[0] : undefined;
  }
  if (base === undefined || !inCatalogue('relu_squared')) {
    return undefined;
  }
  const isRelu = (isOp(base, 'relu', 1) && isX(base.args[0])) || rectifier(base)?.id === 'relu';
  return isRelu ? { id: 'relu_squared', params: {} } : undefined;
}
