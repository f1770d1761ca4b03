/**
 * Literal values in argument lists: numbers in every spelling our languages have, signs, simple fractions
 * (`1/3`, Julia's rational `1//3`, Python's floor division `7 // 2`), strings, booleans and None, and
 * candle's `D::Minus1` dims. Anything else is an expression we do not evaluate.
 */
import type { Lang, Token } from './tokenizer';

/** A literal's value; `null` is Python's None, Julia's nothing, JS null (meaning "use the default"). */
export type LiteralValue = number | string | boolean | null;

/**
 * Parses one numeric token as an argument's literal value: numberValue when finite. An infinite one
 * (`1e999`) is no value a hover can show or draw, as `float('inf')` is not.
 */
export function parseNumber(raw: string): number | undefined {
  const v = numberValue(raw);
  return Number.isFinite(v) ? v : undefined;
}

/**
 * The value of one numeric token (`1e-2`, `.1`, `0.2f0`, `0.2f`, `2.0_f64`, `0x1F`, `0b101`, `1_000`,
 * `1'000`). A decimal beyond the largest double is +Infinity, as Python (`1e999 == float('inf')`) and
 * JavaScript (`1e999 === Infinity`) read it; Julia (an overflow in a numeric constant is a syntax error),
 * C++ (an ill-formed floating literal, [lex.fcon]) and Rust (the deny-by-default `overflowing_literals`
 * lint) reject it. Undefined for a token that is no real number (Python's imaginary `1j`, a C++
 * user-defined literal such as `1_dim` or `10ms`, JavaScript's BigInt `1n`) and for a hexadecimal float
 * (C++17's and Julia's `0x1p3`), which is not read.
 */
export function numberValue(raw: string): number | undefined {
  let s = raw.replace(/[_']/g, '');
  // Integers in hex, binary or octal (`0x1F`, `0b101`, `0o17`), with C/C++'s `u`/`L` or Rust's `usize`/`i32`
  // suffix (`f` is a hex digit, never a suffix).
  const radix =
    /^(0(?:[xX][0-9a-fA-F]+|[bB][01]+|[oO][0-7]+))(?:[iu](?:8|16|32|64|128|size)|[lLuU]+)?$/.exec(
      s,
    );
  if (radix) {
    return Number(radix[1]);
  }
  // Rust's f32/f64 suffixes first: `2.0f64` is not Julia's 2.0 × 10^64.
  s = s.replace(/f(?:32|64)$/, '');
  // Julia Float32: 0.2f0, 1f-2 (f plays the role of e).
  const jf = /^(\d*\.?\d*)f([+-]?\d+)$/.exec(s);
  if (jf && jf[1] !== '' && jf[1] !== '.') {
    return Number(`${jf[1]}e${jf[2]}`);
  }
  // Type suffixes: C/C++ f, F, l, L, u, U; Rust f32, f64, i32, u8, usize, …
  s = s.replace(/(?:[fF](?:32|64)?|[iu](?:8|16|32|64|128|size)|[lLuU]+)$/, '');
  if (s.endsWith('.')) {
    s += '0';
  }
  if (!/^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) {
    return undefined;
  }
  return Number(s);
}

const WORDS: Readonly<Record<string, LiteralValue>> = {
  True: true,
  False: false,
  true: true,
  false: false,
  None: null,
  nothing: null,
  null: null,
  undefined: null,
};

/** The contents of a string token, without prefixes and quotes (escapes are left as written). */
export function stringValue(tok: Token): string {
  return stringContents(tok).value;
}

/**
 * A string token's contents and where they start in the token's text: after its prefix (`r`, `b`, `u`, `f`)
 * and its opening quotes, one or three (`"""relu"""`).
 */
export function stringContents(tok: Token): { at: number; value: string } {
  const t = tok.t;
  let i = 0;
  while (i < t.length && t[i] !== '"' && t[i] !== "'" && t[i] !== '`') {
    i++;
  }
  if (i === t.length) {
    // a template literal's middle piece (`}…${`): no quote, and no value of its own
    return { at: i, value: '' };
  }
  const q = t[i];
  const open = t.startsWith(q.repeat(3), i) ? 3 : 1;
  // A string still being typed at the end of the text has no closing quotes to drop.
  const close = t.length >= i + 2 * open && t.endsWith(q.repeat(open)) ? open : 0;
  return { at: i + open, value: t.slice(i + open, t.length - close) };
}

/**
 * Evaluates tokens `[a, b)` as a literal: a number with optional sign, a fraction of two numbers, a
 * parenthesized literal, a string, a boolean or None. Returns undefined for anything else (an expression).
 * `//` is Julia's rational in Julia and floor division in Python (elsewhere it starts a comment).
 */
export function evalLiteral(
  toks: readonly Token[],
  a: number,
  b: number,
  lang: Lang,
): LiteralValue | undefined {
  if (a >= b) {
    return undefined;
  }
  const first = toks[a];
  if (b - a === 1) {
    if (first.k === 'num') {
      return parseNumber(first.t);
    }
    if (first.k === 'str') {
      return stringValue(first);
    }
    if (first.k === 'id' && Object.prototype.hasOwnProperty.call(WORDS, first.t)) {
      return WORDS[first.t];
    }
    return undefined;
  }
  const minus = candleDim(toks, a, b);
  if (minus !== undefined) {
    return minus;
  }
  if (first.t === '(' && closingParen(toks, a, b) === b - 1) {
    return evalLiteral(toks, a + 1, b - 1, lang);
  }
  // n / d (and n // d): only between plain numbers, so `1 / x` stays an expression. A sign binds tighter
  // than a division (`-7 // 2` is (-7) // 2, -4 in Python), so the division splits first.
  const i = lastDivision(toks, a, b);
  if (i >= 0) {
    const n = evalLiteral(toks, a, i, lang);
    const d = evalLiteral(toks, i + 1, b, lang);
    if (typeof n !== 'number' || typeof d !== 'number' || d === 0) {
      return undefined;
    }
    return toks[i].t === '//' && lang === 'python' ? floorDivision(n, d) : n / d;
  }
  if (first.k === 'p' && (first.t === '-' || first.t === '+')) {
    const v = evalLiteral(toks, a + 1, b, lang);
    return typeof v === 'number' ? (first.t === '-' ? -v : v) : undefined;
  }
  return undefined;
}

/**
 * Python's `n // d` (d not 0): the floor of the exact quotient, as CPython computes it for floats. JS's `%`
 * is exact but takes the dividend's sign where Python's takes the divisor's; the quotient of what is left
 * is a whole number up to rounding, so `1 // 0.1` is 9.0 though 1 / 0.1 rounds to 10.
 */
function floorDivision(n: number, d: number): number {
  const rest = n % d;
  const pythonRest = rest !== 0 && rest < 0 !== d < 0 ? rest + d : rest;
  // `|| 0`: Python's integer quotient 0 has no sign (`-1 // -3` is 0, where the rounding gives -0).
  return Math.round((n - pythonRest) / d) || 0;
}

/** The `)` closing the `(` at `open` before `b`, or -1: `(1) / (3)` is not one parenthesized literal. */
export function closingParen(toks: readonly Token[], open: number, b: number): number {
  let depth = 0;
  for (let i = open; i < b; i++) {
    if (toks[i].t === '(') {
      depth++;
    } else if (toks[i].t === ')' && --depth === 0) {
      return i;
    }
  }
  return -1;
}

/**
 * The last `/` or `//` outside parentheses after the range's first token, or -1. Division is
 * left-associative, so the last one splits: `1 / 5 / 2` is `(1 / 5) / 2`.
 */
function lastDivision(toks: readonly Token[], a: number, b: number): number {
  let depth = 0;
  for (let i = b - 1; i > a; i--) {
    const t = toks[i].t;
    if (t === ')') {
      depth++;
    } else if (t === '(') {
      depth--;
    } else if (depth === 0 && (t === '/' || t === '//')) {
      return i;
    }
  }
  return -1;
}

/** candle's `D::Minus1` / `candle_core::D::Minus2`: the last dims, counted from the end. */
function candleDim(toks: readonly Token[], a: number, b: number): number | undefined {
  const m = /^Minus([1-9])$/.exec(toks[b - 1].t);
  if (m === null || b - a < 3 || toks[b - 2].t !== '::' || toks[b - 3].t !== 'D') {
    return undefined;
  }
  for (let i = a; i < b; i++) {
    if (toks[i].k !== 'id' && toks[i].t !== '::') {
      return undefined;
    }
  }
  return -Number(m[1]);
}
