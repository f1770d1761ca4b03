/**
 * A small expression parser over tokens, enough to read hand-written formulas: numbers, names, calls with
 * keyword arguments, attribute and index access, unary and binary operators with Python/JS/Julia
 * precedence. It parses the statement around a token and returns every expression that contains the
 * token, outermost first, so a formula is found whichever of its tokens is hovered.
 *
 * Work is bounded: a fixed look-back for the statement start, a fixed look-ahead, a nesting limit.
 */
import { numberValue } from '../literals';
import type { Lang, Token } from '../tokenizer';

/** An expression over tokens `[s, e]` (inclusive token indices). */
export type Node =
  | { k: 'num'; v: number; s: number; e: number }
  | { k: 'lit'; s: number; e: number }
  | { k: 'name'; parts: string[]; s: number; e: number }
  | { k: 'call'; fn: Node; args: Node[]; kw: Map<string, Node>; s: number; e: number }
  | { k: 'bin'; op: string; l: Node; r: Node; s: number; e: number }
  | { k: 'unary'; op: string; x: Node; s: number; e: number }
  /** JavaScript's `() => body` without parameters (what `tf.tidy` runs). */
  | { k: 'thunk'; body: Node; s: number; e: number }
  /** A conditional: Python's `a if c else b`, JavaScript's `c ? a : b`. */
  | { k: 'cond'; c: Node; a: Node; b: Node; s: number; e: number }
  | { k: 'attr'; obj: Node; name: string; s: number; e: number }
  | { k: 'index'; obj: Node; items: Node[]; s: number; e: number }
  /** A C/C++ or Rust macro invocation whose input is no argument list (`M(a; b)`): a value by its text. */
  | { k: 'macro'; s: number; e: number }
  | { k: 'other'; s: number; e: number };

/** How far back a statement start is looked for, and how far ahead a formula may reach. */
const LOOK_BACK = 600;
const LOOK_AHEAD = 800;
/** Nesting beyond this is not a formula anyone writes by hand. */
const MAX_DEPTH = 40;

const PRECEDENCE: Readonly<Record<string, number>> = {
  or: 1,
  and: 2,
  '<': 4,
  '>': 4,
  '<=': 4,
  '>=': 4,
  '==': 4,
  '!=': 4,
  '|': 5,
  '&': 7,
  '+': 9,
  '-': 9,
  '*': 10,
  '/': 10,
  '//': 10,
  '%': 10,
  '@': 10,
};

/**
 * Comparisons spelled as words: Python's identity (`m is None`, `m is not None`) and membership (`k in d`,
 * `k not in d`, also JavaScript's and Julia's `in`), which bind as loosely as `<`. After a value these words
 * mean nothing else in any language read (Rust's `for p in e` starts with a stop word). Kept apart from
 * PRECEDENCE, whose keys are tokens: Julia's `.` before a token makes a broadcast operator, and `obj.is`
 * there is a field.
 */
const WORD_COMPARISONS: Readonly<Record<string, number>> = {
  is: 4,
  'is not': 4,
  in: 4,
  'not in': 4,
};
const BINDING: Readonly<Record<string, number>> = { ...PRECEDENCE, ...WORD_COMPARISONS };
/** The comparisons (all bind alike), which chain in Python and Julia. */
const COMPARISONS: ReadonlySet<string> = new Set(
  Object.keys(BINDING).filter((op) => BINDING[op] === BINDING['<']),
);

/** Whether `text` is a binary operator the parser reads (an own key of PRECEDENCE, not `toString`). */
function isBinaryOperator(text: string): boolean {
  return Object.prototype.hasOwnProperty.call(PRECEDENCE, text);
}

/** Words that end an expression (statement keywords, comprehension and conditional parts). */
const STOP_WORDS = new Set([
  'return',
  'lambda',
  'if',
  'else',
  'elif',
  'for',
  'in',
  'def',
  'class',
  'yield',
  'await',
  'function',
  'const',
  'let',
  'var',
  'new',
  'end',
  'fn',
  'pub',
]);

/**
 * The casts `x as T` of each language that has one, as `language word`. A cast makes no node, so where it binds
 * (TypeScript: like a comparison; Rust: tighter than `*`) changes nothing read: `a * b as T` is the product
 * either way. TypeScript's `x satisfies T` checks x against a type and is x (`tf.mul(x satisfies tf.Tensor,
 * …)`): a cast that converts nothing.
 */
const CASTS: ReadonlySet<string> = new Set(['js as', 'js satisfies', 'rust as']);
const PATH_SEPARATORS = new Set(['.', '::']);
/** A cast's type arguments longer than this are not read as a type. */
const MAX_TYPE_TOKENS = 32;

const CLOSERS = new Set([')', ']', '}']);

/** A word comparison at `t` (`n` the token after it): its text and width in tokens, else undefined. */
function wordComparison(t: Token, n: Token | undefined): [string, number] | undefined {
  if (t.t === 'is') {
    return n?.t === 'not' ? ['is not', 2] : ['is', 1];
  }
  if (t.t === 'in') {
    return ['in', 1];
  }
  return t.t === 'not' ? ['not in', 2] : undefined; // after a value, Python's `not` is only `not in`
}

/** Whether `t` may be part of a C type in a cast: a name (`const`, `float`), `::`, a pointer or reference. */
function typePart(t: Token | undefined): boolean {
  return t !== undefined && (t.k === 'id' || t.t === '::' || t.t === '*' || t.t === '&');
}

const LITERAL_WORDS = new Set(['True', 'False', 'None', 'true', 'false', 'null', 'nothing']);

class Parser {
  readonly nodes: Node[] = [];
  private depth = 0;
  i: number;

  constructor(
    private readonly toks: readonly Token[],
    private readonly lang: Lang,
    from: number,
    private readonly end: number,
  ) {
    this.i = from;
  }

  private add<T extends Node>(n: T): T {
    this.nodes.push(n);
    return n;
  }

  private tok(at = this.i): Token | undefined {
    return at < this.end ? this.toks[at] : undefined;
  }

  /** A binary operator at the cursor: its text and width in tokens (Julia's `.*` takes two). */
  private binary(): [string, number] | undefined {
    const t = this.tok();
    if (t === undefined) {
      return undefined;
    }
    if (this.lang === 'julia' && t.t === '.') {
      const n = this.tok(this.i + 1);
      if (n !== undefined && n.s === t.e && PRECEDENCE[n.t] !== undefined) {
        return [n.t, 2];
      }
      return undefined;
    }
    const n = this.tok(this.i + 1);
    if ((t.t === '&' || t.t === '|') && n?.t === t.t && n.s === t.e) {
      // `&&` and `||` (two tokens): the logical and/or of Python's `and` and `or`.
      return [t.t === '&' ? 'and' : 'or', 2];
    }
    if (t.k === 'id' && t.t !== 'and' && t.t !== 'or') {
      return wordComparison(t, n);
    }
    return isBinaryOperator(t.t) ? [t.t, 1] : undefined;
  }

  /** The width in tokens of a power operator at the cursor (`**`, Julia's `^` and broadcast `.^`), else 0. */
  private power(): number {
    const t = this.tok();
    if (t?.t === '**' || (this.lang === 'julia' && t?.t === '^')) {
      return 1;
    }
    const n = this.tok(this.i + 1);
    return this.lang === 'julia' && t?.t === '.' && n?.t === '^' && n.s === t.e ? 2 : 0;
  }

  /**
   * An expression, with a conditional around it (only at the loosest level): Python's `a if c else b`,
   * JavaScript's `c ? a : b`.
   */
  expr(min = 0): Node | undefined {
    const first = this.binaryExpr(min);
    if (first === undefined || min > 0) {
      return first;
    }
    if (this.lang === 'js') {
      // `c ? a : b`, not `a?.b` or TypeScript's optional `x?: T` (no `:` after a value there).
      const ab = this.branches('?', ':', () => this.expr(0));
      return ab
        ? this.add({ k: 'cond', c: first, a: ab[0], b: ab[1], s: first.s, e: ab[1].e })
        : first;
    }
    if (this.lang === 'python') {
      const cb = this.branches('if', 'else', () => this.binaryExpr(0));
      return cb
        ? this.add({ k: 'cond', c: cb[0], a: first, b: cb[1], s: first.s, e: cb[1].e })
        : first;
    }
    return first;
  }

  /**
   * The two parts after a conditional's first: `open middle sep last` at the cursor (`if c else b`,
   * `? a : b`), the middle read by `middle`, the last as an expression; undefined, the cursor kept, when
   * they are not there.
   */
  private branches(
    open: string,
    sep: string,
    middle: () => Node | undefined,
  ): [Node, Node] | undefined {
    if (this.tok()?.t !== open) {
      return undefined;
    }
    const save = this.i;
    this.i++;
    const m = middle();
    if (m !== undefined && this.tok()?.t === sep) {
      this.i++;
      const last = this.expr(0);
      if (last !== undefined) {
        return [m, last];
      }
    }
    this.i = save;
    return undefined;
  }

  /** An expression whose binary operators bind tighter than `min`. */
  private binaryExpr(min: number): Node | undefined {
    if (this.depth >= MAX_DEPTH) {
      return undefined;
    }
    this.depth++;
    try {
      let left = this.unary();
      while (left !== undefined) {
        if (this.skipCast()) {
          continue;
        }
        const op = this.binary();
        const prec = op !== undefined ? BINDING[op[0]] : undefined;
        if (op === undefined || prec === undefined || prec <= min) {
          break;
        }
        const save = this.i;
        this.i += op[1];
        const right = this.expr(prec);
        if (right === undefined) {
          this.i = save;
          break;
        }
        left = this.chained(left, op[0], right);
      }
      return left;
    } finally {
      this.depth--;
    }
  }

  /**
   * `left op right`. In Python and Julia a comparison after an unparenthesized one chains: `a is not b > c` is
   * `(a is not b) and (b > c)` (Python reference 6.10, Julia manual "Chaining comparisons"), a conjunction
   * (a leaf by its text in a formula), not `(a is not b) > c`. A parenthesized left starts at its `(`, not
   * at its left operand; an `and` left of a comparison at this level is a chain (a written `and` binds
   * looser, so its right side would have taken the comparison).
   */
  private chained(left: Node, op: string, right: Node): Node {
    const link = this.chainLink(left);
    if (link !== undefined && COMPARISONS.has(op)) {
      const last = this.add({ k: 'bin', op, l: link, r: right, s: link.s, e: right.e });
      return this.add({ k: 'bin', op: 'and', l: left, r: last, s: left.s, e: right.e });
    }
    return this.add({ k: 'bin', op, l: left, r: right, s: left.s, e: right.e });
  }

  /** The last operand of `left` when a comparison after it chains (Python, Julia), else undefined. */
  private chainLink(left: Node): Node | undefined {
    if (
      (this.lang !== 'python' && this.lang !== 'julia') ||
      left.k !== 'bin' ||
      left.s !== left.l.s
    ) {
      return undefined;
    }
    if (COMPARISONS.has(left.op)) {
      return left.r;
    }
    return left.op === 'and' && left.r.k === 'bin' && COMPARISONS.has(left.r.op)
      ? left.r.r
      : undefined;
  }

  /**
   * A cast `x as T` at the cursor (TypeScript, Rust): TypeScript's only tells the compiler a type
   * (`tf.sigmoid(x as tf.Tensor)`), Rust's converts a number (`(n as f64).exp()`), so the value is the left
   * side, as `.float()` is in PyTorch. TypeScript's `x satisfies T` only checks x's type: the value is x too
   * (in Rust a name after a value is a syntax error). Skips the type and answers whether it did.
   */
  private skipCast(): boolean {
    if (!CASTS.has(`${this.lang} ${this.tok()?.t}`)) {
      return false;
    }
    const end = this.typeEnd(this.i + 1);
    if (end === undefined) {
      return false;
    }
    this.i = end;
    return true;
  }

  /**
   * Past the type at `k`, or undefined when none is there: a path with its type arguments, or a tuple,
   * parenthesized or object type (`[number, number]`, `(A | B)`, `{ kept: true }`) or a literal type (`'silu'`,
   * `1`, one token), then array and indexed access suffixes (`tf.Tensor[]`, `Acts['gelu']`).
   */
  private typeEnd(k: number): number | undefined {
    while (this.tok(k)?.k === 'id' && PATH_SEPARATORS.has(this.tok(k + 1)?.t ?? '')) {
      k += 2;
    }
    let end = this.tok(k)?.k === 'id' ? this.typeArguments(k + 1) : this.pastGroup(k);
    while (end !== undefined && this.tok(end)?.t === '[') {
      const past = this.pastGroup(end);
      if (past === undefined) {
        break;
      }
      end = past;
    }
    return end;
  }

  /**
   * Past the brackets opened at `k` and closed within MAX_TYPE_TOKENS, or undefined; past the token at `k`
   * when it opens none (a literal type).
   */
  private pastGroup(k: number): number | undefined {
    let depth = 0;
    for (let at = k; at < Math.min(this.end, k + MAX_TYPE_TOKENS); at++) {
      const t = this.toks[at].t;
      depth += t === '(' || t === '[' || t === '{' ? 1 : CLOSERS.has(t) ? -1 : 0;
      if (depth === 0) {
        return at + 1;
      }
    }
    return undefined;
  }

  /** Past the type arguments `<…>` at `k` (`tf.Tensor<tf.Rank.R2>`), or `k` when there are none. */
  private typeArguments(k: number): number {
    if (this.tok(k)?.t !== '<') {
      return k;
    }
    let depth = 0;
    for (let at = k; at < Math.min(this.end, k + MAX_TYPE_TOKENS); at++) {
      const t = this.toks[at].t;
      depth += t === '<' ? 1 : t === '>' ? -1 : 0;
      if (depth === 0) {
        return at + 1;
      }
    }
    return k;
  }

  private unary(): Node | undefined {
    const t = this.tok();
    if (t === undefined) {
      return undefined;
    }
    if (t.t === '-' || t.t === '+' || t.t === '~' || t.t === 'not' || t.t === '!') {
      const s = this.i++;
      // Python's `-x ** 2` is `-(x ** 2)`; `not` binds looser than comparisons.
      const x = t.t === 'not' ? this.expr(3) : this.unary();
      if (x === undefined) {
        this.i = s;
        return undefined;
      }
      return this.add({ k: 'unary', op: t.t, x, s, e: x.e });
    }
    if (t.t === '&' && this.lang === 'rust') {
      return this.borrow();
    }
    const base = this.postfix();
    if (base === undefined) {
      return undefined;
    }
    const width = this.power();
    if (width > 0) {
      const save = this.i;
      this.i += width;
      const exp = this.unary();
      if (exp === undefined) {
        this.i = save;
        return base;
      }
      return this.add({ k: 'bin', op: '**', l: base, r: exp, s: base.s, e: exp.e });
    }
    return this.juxtaposed(base) ?? base;
  }

  /**
   * Julia's numeric literal coefficient: a number written against a name or a `(` multiplies what follows
   * (`0.5x`, `2σ(2x)`, `2(x + 1)`), which binds tighter than `*` and `/` but looser than `^` (`2x^2` is
   * 2·x², `1 / 2x` is 1 / (2x)). Any other value written against a name is one too (`(x - 1)x`, `σ(x)x`;
   * against a `(` it is a call): Julia's parser juxtaposes after a `)`, `]` or `'` as after a number.
   * Undefined when `n` is no such coefficient.
   */
  private juxtaposed(n: Node): Node | undefined {
    const next = this.tok();
    if (this.lang !== 'julia' || next === undefined || next.s !== this.toks[n.e].e) {
      return undefined;
    }
    // Against a `(` only a number is left here: after any other value postfix read the `(` as a call.
    const coefficient = next.k === 'id' || next.t === '(';
    if (!coefficient) {
      return undefined;
    }
    const save = this.i;
    const x = this.unary();
    if (x === undefined) {
      this.i = save;
      return undefined;
    }
    return this.add({ k: 'bin', op: '*', l: n, r: x, s: n.s, e: x.e });
  }

  /**
   * Rust's borrow `&x`: a reference to the same value, which candle's operations take (`xs.mul(&gate)`,
   * `sigmoid(&xs)`), so it reads as its operand: a unary `+`, which spans the `&` (`&r * &r` starts there)
   * while its operand stays the leaf (`r.mul(&r)` is r·r). C++'s `&x` is an address, no value a formula
   * computes on.
   */
  private borrow(): Node | undefined {
    const s = this.i++;
    if (this.tok()?.t === 'mut') {
      this.i++; // `&mut x`: a borrow that may write, the same value
    }
    const x = this.unary();
    if (x === undefined) {
      this.i = s;
      return undefined;
    }
    return this.add({ k: 'unary', op: '+', x, s, e: x.e });
  }

  private postfix(): Node | undefined {
    let n = this.primary();
    while (n !== undefined) {
      const t = this.tok();
      const next = this.tok(this.i + 1);
      const path = t?.t === '.' || (t?.t === '::' && (this.lang === 'cpp' || this.lang === 'rust'));
      if (path && next?.k === 'id') {
        const dot = this.i;
        this.i += 2;
        this.pastOperatorName(next);
        n =
          n.k === 'name' && n.e === dot - 1
            ? { k: 'name', parts: [...n.parts, next.t], s: n.s, e: this.i - 1 }
            : this.add({ k: 'attr', obj: n, name: next.t, s: n.s, e: this.i - 1 });
      } else if (n.k === 'num' && this.lang === 'julia') {
        break; // `2(x + 1)` multiplies: see juxtaposed
      } else if (t?.t === '(' || (this.lang === 'julia' && t?.t === '.' && next?.t === '(')) {
        if (t.t === '.') {
          this.i++;
        }
        n = this.call(n);
      } else if (t?.t === '[') {
        const open = this.i;
        const items = this.list(open);
        n = this.add({ k: 'index', obj: n, items: items.nodes, s: n.s, e: items.close });
      } else if (this.passesValueOn(t)) {
        // Rust's `?` passes a Result's value on: `sigmoid(xs)?` is the sigmoid (candle's ops return Results).
        // TypeScript's `x!` only tells the compiler that x is not null or undefined.
        this.i++;
        n = n.k === 'name' ? n : this.add({ ...n, e: this.i - 1 });
      } else if (t?.t === "'" && this.lang === 'julia') {
        // Julia's adjoint: a transposed value is another array, so it is no x in a formula over x; read as
        // an attribute of x, it is a leaf of its own by its text (`h' .* σ.(h')` is SiLU of h').
        this.i++;
        n = this.add({ k: 'attr', obj: n, name: "'", s: n.s, e: this.i - 1 });
      } else {
        break;
      }
    }
    if (n?.k === 'name') {
      this.add(n);
    }
    return n;
  }

  /**
   * Moves the cursor past the operator that the name `t`, just read, names: C++'s explicit operator call
   * names the operator with its token (`b.operator!()`, `operator!(b)`, `f.operator()(x)`) or type
   * (`b.operator bool()`), which is part of the name, not an operator after it. The name's text is its
   * tokens, so the parts keep `operator` alone: no operation has such a name.
   */
  private pastOperatorName(t: Token): void {
    const op = this.tok();
    if (this.lang === 'cpp' && t.t === 'operator' && op !== undefined) {
      // `operator()` and `operator[]` name the pair of brackets (`f.operator()(x)` calls f with x).
      this.i += op.t === '(' || op.t === '[' ? 2 : 1;
    }
  }

  /**
   * Whether `t`, after a value, passes that value on: Rust's `?`, TypeScript's non-null assertion `!`, and
   * Rust's macro bang, so that `dbg!(…)` reads as a call whose parentheses hold its input, not as a name
   * beside a parenthesized expression.
   */
  private passesValueOn(t: Token | undefined): boolean {
    return (
      (t?.t === '?' && this.lang === 'rust') ||
      (t?.t === '!' && (this.lang === 'js' || this.lang === 'rust'))
    );
  }

  /**
   * A call, or a macro invocation: in C++ and Rust tokens that are no argument list (a `;`, `a!`) make a
   * function call a syntax error, so between closed parentheses they are a macro's input (a C function-like
   * macro `M(a; b)`, Rust's `m!(a; b)`), taken as tokens: a value by its text, whatever the macro makes of
   * them.
   */
  private call(fn: Node): Node {
    const open = this.i;
    const list = this.list(open);
    if (list.tokens && (this.lang === 'cpp' || this.lang === 'rust')) {
      return this.add({ k: 'macro', s: fn.s, e: list.close });
    }
    const kind = list.clean ? 'call' : 'other';
    return kind === 'call'
      ? this.add({ k: 'call', fn, args: list.nodes, kw: list.kw, s: fn.s, e: list.close })
      : this.add({ k: 'other', s: fn.s, e: list.close });
  }

  private primary(): Node | undefined {
    const t = this.tok();
    if (t === undefined) {
      return undefined;
    }
    const s = this.i;
    if (t.k === 'num') {
      this.i++;
      const v = numberValue(t.t);
      return this.add(v === undefined ? { k: 'other', s, e: s } : { k: 'num', v, s, e: s });
    }
    if (t.k === 'str' || (t.k === 'id' && LITERAL_WORDS.has(t.t))) {
      this.i++;
      // Python's `"a" "b"` is one literal. (C++'s is too, but there a call holding it reads the same as a
      // macro's input, by its text; elsewhere it is a syntax error.) The loop ends at the parse's end.
      while (this.lang === 'python' && this.tok()?.k === 'str') {
        this.i++;
      }
      return this.add({ k: 'lit', s, e: this.i - 1 });
    }
    if (t.k === 'id') {
      if (STOP_WORDS.has(t.t)) {
        return undefined;
      }
      this.i++;
      this.pastOperatorName(t); // `operator!(b)`: C++'s operator function called by its name
      return { k: 'name', parts: [t.t], s, e: this.i - 1 };
    }
    if (
      t.t === '(' &&
      this.lang === 'js' &&
      this.tok(s + 1)?.t === ')' &&
      this.tok(s + 2)?.t === '=>'
    ) {
      this.i = s + 3;
      const body = this.expr();
      if (body === undefined) {
        this.i = s;
        return undefined;
      }
      return this.add({ k: 'thunk', body, s, e: body.e });
    }
    if (t.t === '(') {
      const cast = this.cCast();
      if (cast !== undefined) {
        return cast;
      }
      const list = this.list(s);
      const only = list.nodes[0];
      if (list.clean && list.nodes.length === 1 && list.kw.size === 0 && !list.comma) {
        // The parentheses belong to the expression: hovering them hovers it.
        return this.add({ ...only, s, e: list.close });
      }
      return this.add({ k: 'other', s, e: list.close });
    }
    if (t.t === '[' || t.t === '{') {
      const list = this.list(s);
      return this.add({ k: 'other', s, e: list.close });
    }
    return undefined;
  }

  /**
   * C's cast at the cursor, `(float)x`, `(::std::size_t)n`, `(const float*)p`: a parenthesized type of
   * names (`::`, `*`, `&` around them) right before a name or number converts that operand, so the value is the
   * operand, spanned from the `(`. A parenthesized name before a name is no other C++ (`(a) b` is a syntax
   * error), but after a keyword it is a condition (`if (ok) y`) and after a name a call's arguments.
   */
  private cCast(): Node | undefined {
    const s = this.i;
    const before: Token | undefined = this.toks[s - 1]; // none before the first token
    if (this.lang !== 'cpp' || (before?.k === 'id' && before.t !== 'return')) {
      return undefined;
    }
    let k = s + 1;
    while (k < s + MAX_TYPE_TOKENS && typePart(this.tok(k))) {
      k++;
    }
    const operand = this.tok(k + 1);
    // `()x`, `(*)x` are no C++ either: any type parts then `)`, before a name or number, are a cast.
    const typed = this.tok(k)?.t === ')';
    if (!typed || (operand?.k !== 'id' && operand?.k !== 'num')) {
      return undefined;
    }
    this.i = k + 1;
    const x = this.unary();
    if (x === undefined) {
      this.i = s;
      return undefined;
    }
    return this.add({ k: 'unary', op: '+', x, s, e: x.e });
  }

  /**
   * The bracketed list opened at the cursor: its expressions (keyword arguments apart), whether it held
   * nothing but comma-separated expressions, and its closing index. Leaves the cursor after the list.
   * The list ends at the first closing bracket at its level (no look-ahead for the match: linear).
   */
  private list(open: number): {
    nodes: Node[];
    kw: Map<string, Node>;
    close: number;
    clean: boolean;
    comma: boolean;
    tokens: boolean;
  } {
    const nodes: Node[] = [];
    const kw = new Map<string, Node>();
    let clean = true;
    let comma = false;
    this.i = open + 1;
    if (this.depth >= MAX_DEPTH) {
      return { nodes, kw, close: this.skipTo(open), clean: false, comma, tokens: false };
    }
    this.depth++;
    while (this.i < this.end && !CLOSERS.has(this.toks[this.i].t)) {
      const t = this.toks[this.i];
      const named = t.k === 'id' && this.tok(this.i + 1)?.t === '=';
      if (named) {
        this.i += 2;
      }
      const n = this.expr();
      if (n === undefined) {
        clean = false;
        this.i++;
        continue;
      }
      if (named) {
        kw.set(t.t, n);
      } else {
        nodes.push(n);
      }
      const sep = this.tok();
      // Julia's `;` starts a call's keyword arguments: `sum(e; dims=1)` is `sum(e, dims=1)`.
      if (sep?.t === ',' || (sep?.t === ';' && this.lang === 'julia')) {
        comma = true;
        this.i++;
      } else if (sep !== undefined && !CLOSERS.has(sep.t)) {
        clean = false;
      }
    }
    this.depth--;
    const closed = this.i < this.end;
    const close = closed ? this.i : this.end - 1;
    this.i = close + 1;
    return { nodes, kw, close, clean: clean && closed, comma, tokens: !clean && closed };
  }

  /** Past a list too deep to read: its closing bracket (or the end), the cursor after it. */
  private skipTo(open: number): number {
    let depth = 0;
    for (let k = open; k < this.end; k++) {
      const t = this.toks[k].t;
      if (t === '(' || t === '[' || t === '{') {
        depth++;
      } else if (CLOSERS.has(t) && --depth === 0) {
        this.i = k + 1;
        return k;
      }
    }
    this.i = this.end;
    return this.end - 1;
  }
}

/**
 * Whether token `k`, first on its line, may start a statement: a line that begins with `.` continues a
 * method chain (`x\n  .mul(tf.sigmoid(x))`), and one after a line that ends with a binary operator continues
 * its expression (`x *\n  tf.sigmoid(x)`), as formatters break long lines. In C-like languages a line that
 * begins with a binary operator continues too (rustfmt breaks before the operator:
 * `1.0\n    / (1.0 + (-x).exp())`), unless the line before ended a statement or opened or closed a block
 * (`*ptr = 0;` after `;` is a statement of its own).
 */
function linesStatement(toks: readonly Token[], k: number, lang: Lang): boolean {
  const t = toks[k];
  const before = k > 0 ? toks[k - 1] : undefined;
  const carried = before?.k === 'p' && (isBinaryOperator(before.t) || before.t === '**');
  return t.nl && t.t !== '.' && !carried && !leadsContinuation(t, before, lang);
}

/** A C-like line starting with a binary operator after a line that did not end a statement or block. */
function leadsContinuation(t: Token, before: Token | undefined, lang: Lang): boolean {
  return (
    (lang === 'js' || lang === 'cpp' || lang === 'rust') &&
    t.k === 'p' &&
    isBinaryOperator(t.t) &&
    before !== undefined &&
    !(before.k === 'p' && (before.t === ';' || before.t === '{' || before.t === '}'))
  );
}

/** Where the statement around token `ti` starts: the last line start at the outermost bracket depth. */
function statementStart(toks: readonly Token[], ti: number, lang: Lang): number {
  const from = Math.max(0, ti - LOOK_BACK);
  let depth = 0;
  let min = 0;
  let start = from;
  for (let k = from; k <= ti; k++) {
    const t = toks[k];
    if (linesStatement(toks, k, lang) && depth <= min) {
      min = depth;
      start = k;
    }
    if (t.k === 'p' && (t.t === '(' || t.t === '[' || t.t === '{')) {
      depth++;
    } else if (t.k === 'p' && (t.t === ')' || t.t === ']' || t.t === '}')) {
      depth--;
      if (depth < min) {
        // A bracket opened before the look-back closed: the outermost level is now lower.
        min = depth;
        start = k + 1;
      }
    }
  }
  return Math.min(start, ti);
}

/**
 * Whether the statement around token `ti` has any token for which `wanted` holds: a cheap test that spares
 * the parse on the many hovers whose statement has no formula in it.
 */
export function statementHas(
  toks: readonly Token[],
  ti: number,
  lang: Lang,
  wanted: (t: Token, k: number) => boolean,
): boolean {
  const start = statementStart(toks, ti, lang);
  const end = statementEnd(toks, start, ti, lang);
  for (let k = start; k < end; k++) {
    if (wanted(toks[k], k)) {
      return true;
    }
  }
  return false;
}

/**
 * Where the statement around token `ti` (starting at `start`) ends: the first line start after `ti`
 * outside brackets, or the look-ahead's end.
 */
function statementEnd(toks: readonly Token[], start: number, ti: number, lang: Lang): number {
  const end = Math.min(toks.length, ti + LOOK_AHEAD);
  let depth = 0;
  for (let k = start; k < end; k++) {
    const t = toks[k];
    if (k > ti && linesStatement(toks, k, lang) && depth <= 0) {
      return k;
    }
    if (t.k === 'p' && (t.t === '(' || t.t === '[' || t.t === '{')) {
      depth++;
    } else if (t.k === 'p' && (t.t === ')' || t.t === ']' || t.t === '}')) {
      depth--;
    }
  }
  return end;
}

/** Languages in which a line start outside brackets ends the statement before it (no `;` needed). */
const NEWLINE_ENDS: ReadonlySet<Lang> = new Set(['python', 'julia']);

/** Every expression containing token `ti`, outermost first. */
export function expressionsAround(toks: readonly Token[], ti: number, lang: Lang): Node[] {
  const start = statementStart(toks, ti, lang);
  // In Python and Julia the statement ends at its last line: `(y * g).sum()` on the line after
  // `y = x * torch.sigmoid(x)` is no call of the sigmoid. A C-like line may go on with `(` (JavaScript
  // without semicolons, C++'s `f\n(x)`), so there the parser's own stops and the look-ahead decide.
  const end = NEWLINE_ENDS.has(lang)
    ? statementEnd(toks, start, ti, lang)
    : Math.min(toks.length, ti + LOOK_AHEAD);
  const p = new Parser(toks, lang, start, end);
  while (p.i <= ti && p.i < end) {
    const at = p.i;
    if (p.expr() === undefined || p.i === at) {
      p.i = at + 1;
    }
  }
  return p.nodes
    .filter((n) => n.s <= ti && ti <= n.e && n.k !== 'other' && n.k !== 'lit')
    .sort((a, b) => b.e - b.s - (a.e - a.s));
}

/** The one expression spanning all of `toks` (a trailing `;` aside), or undefined. */
export function parseExpression(toks: readonly Token[], lang: Lang): Node | undefined {
  const end = toks.length > 0 && toks[toks.length - 1].t === ';' ? toks.length - 1 : toks.length;
  const p = new Parser(toks, lang, 0, end);
  const n = p.expr();
  return n !== undefined && p.i === end ? n : undefined;
}
