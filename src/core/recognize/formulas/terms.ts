/**
 * From a parsed expression to a canonical term: library functions become their operation (`np.exp`,
 * `torch.exp` and `x.exp()` are all `exp`), constant sub-expressions are folded (`math.sqrt(2 / math.pi)`
 * is 0.7978…), and everything else must be one and the same variable. Two different variables (`x` and
 * `y`) or an unknown piece make the expression no formula.
 */
import type { Framework } from '../../types';
import type { Imports } from '../imports';
import { bindingOf } from '../bindings';
import { closingParen, evalLiteral, type LiteralValue } from '../literals';
import { candidatePaths, isKnownHead, isLibraryHead } from '../resolve';
import type { Lang, Token } from '../tokenizer';
import type { DocumentModel } from '../document';
import { same } from './algebra';
import { positive } from './rectifiers';
import type { Node } from './expr';
import { boundAt, isFunctionInput } from './temporaries';
import {
  CONSTANTS,
  CONVERSIONS,
  INPUTS,
  LAYER_MODULES,
  methodFramework,
  METHOD_OPS,
  MODULES,
  TRAILING_POSITIONAL,
  VALUELESS_KEYWORD,
  type Op,
} from './ops';

type CallNode = Extract<Node, { k: 'call' }>;

/** A canonical term. `none` is an absent bound (`None`, `null`); `x` is the formula's variable. */
export type Term =
  | { readonly t: 'c'; readonly v: number }
  | { readonly t: 'none' }
  | { readonly t: 'x' }
  | {
      readonly t: 'op';
      readonly op: Op;
      readonly args: readonly Term[];
      readonly kw: ReadonlyMap<string, LiteralValue | undefined>;
    }
  | { readonly t: 'bin'; readonly op: string; readonly a: Term; readonly b: Term }
  | { readonly t: 'neg'; readonly a: Term }
  /** An attribute of the object itself (`self.beta`, `this.alpha`): a parameter the code does not spell. */
  | { readonly t: 'sym'; readonly name: string };

/** A normalized expression: its term, its functions' frameworks, its variable's token texts. */
export interface Normalized {
  readonly term: Term;
  readonly frameworks: readonly Framework[];
  readonly variable: string;
}

const BINARY = new Set(['+', '-', '*', '/', '**', '^', '<', '>', '<=', '>=']);
const JULIA_CONSTANTS: Readonly<Record<string, number>> = {
  π: Math.PI,
  pi: Math.PI,
  Inf: Infinity,
};

/** Where an expression's tokens come from: a window of a document model (`base` its first token's index). */
export interface Source {
  readonly toks: readonly Token[];
  readonly imports: Imports;
  readonly lang: Lang;
  readonly model?: DocumentModel;
  readonly base?: number;
}

/** How many temporaries one formula may read through, and how deep. */
const MAX_SUBSTITUTIONS = 16;
const MAX_SUBSTITUTION_DEPTH = 6;
const RECEIVERS = new Set(['self', 'this']);

/** Normalizes one expression; undefined when it is not made of known operations on one variable. */
export function normalize(node: Node, source: Source, substitute = true): Normalized | undefined {
  const n = new Normalizer(source, substitute);
  const term = n.term(node);
  return term !== undefined && n.variable !== undefined && n.plainExtremaAllowed()
    ? { term, frameworks: n.frameworks, variable: n.variable }
    : undefined;
}

class Normalizer {
  variable: string | undefined;
  /** The model index of the variable's first use, when it is one name. */
  private variableAt: number | undefined;
  /** Whether a plain-number maximum or minimum was read (`Math.max(0, x)`, `max(0.0, x)`). */
  private plainExtremum = false;
  readonly frameworks: Framework[] = [];
  private toks: readonly Token[];
  private base: number | undefined;
  private readonly imports: Imports;
  private readonly lang: Lang;
  private readonly model: DocumentModel | undefined;
  /**
   * Maxima that may be PyTorch's (values, indices) pair, where `[1]` is the indices (see maxElement): a
   * tensor's `max` method given a dimension returns one in Python and libtorch (a `std::tuple`). TF.js'
   * returns a tensor, but JavaScript reads no row of a tensor object by a subscript, so every language's
   * `max` method is kept here. Only terms are looked up, so an unread call (undefined) adds nothing.
   */
  private readonly pairs = new Set<Term | undefined>();
  private substitutions = 0;
  private depth = 0;

  constructor(
    source: Source,
    /** Whether plain names are replaced by what their function binds them to (else only `axis=axis`). */
    private readonly substitute: boolean,
  ) {
    this.toks = source.toks;
    this.base = source.base;
    this.imports = source.imports;
    this.lang = source.lang;
    this.model = source.model;
  }

  term(n: Node): Term | undefined {
    switch (n.k) {
      case 'num':
        return { t: 'c', v: n.v };
      case 'lit':
        return literalTerm(evalLiteral(this.toks, n.s, n.e + 1, this.lang));
      case 'unary':
        return this.unary(n.op, n.x);
      case 'bin':
        if (BINARY.has(n.op)) {
          return this.binary(n.op, n.l, n.r);
        }
        // Matrix products, integer division, logic: whatever they compute is the variable.
        return (n.op === '//' ? this.constantQuotient(n.l, n.r) : undefined) ?? this.leaf(n);
      case 'name':
        return this.name(n);
      case 'call':
        return this.call(n);
      case 'index':
        return this.index(n);
      case 'attr':
        return this.attr(n);
      case 'macro':
        return this.leaf(n); // `M(a; b)`: whatever the macro expands to, the same text is the same value
      case 'thunk':
        return this.term(n.body);
      case 'cond':
        return this.conditional(n);
      default:
        return undefined;
    }
  }

  /**
   * A conditional whose condition compares the variable with zero (`x if x > 0 else 0.01 * x`,
   * `x >= 0 ? x : alpha * (Math.exp(x) - 1)`) is `where(c, a, b)`, as `np.where` writes it. Any other
   * condition is not kept (`x.mul_(y) if inplace else x.mul(y)`): then it is one value whichever branch
   * runs, and the two must agree.
   */
  private conditional(n: Extract<Node, { k: 'cond' }>): Term | undefined {
    // The first value is read first: it sets the variable, so a condition on something else (`inplace`)
    // cannot make itself the variable.
    const a = this.term(n.a);
    const c = a && this.term(n.c);
    const b = a && this.term(n.b);
    if (a === undefined || b === undefined) {
      return undefined;
    }
    if (c !== undefined && positive(c) !== undefined) {
      return { t: 'op', op: 'where', args: [c, a, b], kw: new Map() };
    }
    return same(a, b) ? a : undefined;
  }

  /** A leaf: the variable. Every leaf must read the same (`x` and `x` but not `x` and `h`). */
  private leaf(n: Node): Term | undefined {
    const [s, e] = withoutCast(this.toks, n, withoutParentheses(this.toks, n.s, n.e));
    const text = tokenTexts(this.toks, s, e);
    if (this.variable === undefined) {
      this.variable = text;
      // A variable of one token is a name: numbers and literals are constants, no leaves.
      const base = this.base;
      this.variableAt = s === e && base !== undefined ? base + s : undefined;
    }
    return this.variable === text ? { t: 'x' } : undefined;
  }

  private unary(op: string, x: Node): Term | undefined {
    const a = this.term(x);
    if (a === undefined || (op !== '-' && op !== '+')) {
      return undefined;
    }
    if (op === '+') {
      return a;
    }
    return a.t === 'c' ? { t: 'c', v: -a.v } : { t: 'neg', a };
  }

  private binary(raw: string, l: Node, r: Node): Term | undefined {
    const op = raw === '^' ? '**' : raw;
    const a = this.term(l);
    const b = a === undefined ? undefined : this.term(r);
    return a === undefined || b === undefined ? undefined : combine(op, a, b);
  }

  /**
   * `a // b` of two constants (`exp((3 // 2) * x)`): Python's floor division, Julia's rational a/b (`3 // 2`
   * is 3//2, 1.5 in arithmetic). A zero divisor gives nothing: Python raises ZeroDivisionError, and Julia's
   * `1 // 0` is an infinite rational, no parameter of an activation.
   */
  private constantQuotient(l: Node, r: Node): Term | undefined {
    const [a, b] = [this.constant(l), this.constant(r)];
    if (a?.t !== 'c' || b?.t !== 'c' || b.v === 0) {
      return undefined;
    }
    return { t: 'c', v: this.lang === 'python' ? floorDivision(a.v, b.v) : a.v / b.v };
  }

  /** What a plain name stands for in its function (a temporary's value, a parameter's default), if known. */
  private bound(n: Node): Term | undefined {
    if (this.model === undefined || this.base === undefined) {
      return undefined;
    }
    const b = boundAt(this.model, this.base + n.s);
    if (b === undefined) {
      return undefined;
    }
    if (b.k === 'unknown') {
      return { t: 'sym', name: this.toks[n.s].t };
    }
    if (b.k === 'literal') {
      return literalTerm(b.value);
    }
    if (++this.substitutions > MAX_SUBSTITUTIONS || this.depth >= MAX_SUBSTITUTION_DEPTH) {
      return undefined;
    }
    const saved = [this.toks, this.base] as const;
    this.toks = b.toks;
    this.base = b.base;
    this.depth++;
    try {
      return this.term(b.node);
    } finally {
      this.depth--;
      [this.toks, this.base] = saved;
    }
  }

  /**
   * A keyword argument's literal value: a literal (`axis=-1`), a name bound to one (`axis=axis`) or a
   * library constant (`clip_value_max=np.inf`, `max=float('inf')`).
   */
  private literal(v: Node): LiteralValue | undefined {
    const lit = evalLiteral(this.toks, v.s, v.e + 1, this.lang);
    if (lit !== undefined) {
      return lit;
    }
    const t = v.k === 'name' && v.parts.length === 1 ? this.bound(v) : this.constant(v);
    return t?.t === 'c' ? t.v : t?.t === 'none' ? null : undefined;
  }

  /**
   * The term of `v` when it is a constant or an absent bound (`cap if cap else None` with `cap=None`), read
   * without changing the formula's variable or frameworks.
   */
  private constant(v: Node): Term | undefined {
    const t = this.readAside(v, () => false);
    return t?.t === 'c' || t?.t === 'none' ? t : undefined;
  }

  /**
   * The term of `n`. The formula's variable and frameworks that reading it set are kept only when `keep`
   * accepts the term: a part read to look at it must not make its call the formula's variable.
   */
  private readAside(n: Node, keep: (t: Term) => boolean): Term | undefined {
    const [variable, used] = [this.variable, this.frameworks.length];
    const t = this.term(n);
    if (t === undefined || !keep(t)) {
      this.variable = variable;
      this.frameworks.length = used;
    }
    return t;
  }

  private name(n: Extract<Node, { k: 'name' }>): Term | undefined {
    const parts = n.parts;
    if (parts.length === 1 && this.lang === 'julia' && hasOwn(JULIA_CONSTANTS, parts[0])) {
      return { t: 'c', v: JULIA_CONSTANTS[parts[0]] };
    }
    if (parts.length === 1 && this.substitute) {
      const bound = this.bound(n);
      if (bound !== undefined) {
        return bound;
      }
    }
    if (parts.length >= 2 && parts[1] === 'values' && parts.slice(2).every((p) => p === 'data')) {
      // `m.values` after `m = x.max(dim=-1)`: the max's values, as `x.max(dim=-1).values` is; `.data` is
      // the same tensor (PyTorch), any other attribute (`.T`) another.
      const max = this.maxValues({ k: 'name', parts: [parts[0]], s: n.s, e: n.s });
      if (max !== undefined) {
        return max;
      }
    }
    if (parts.length >= 2 && RECEIVERS.has(parts[0])) {
      // `self.beta`, and `self.cfg.beta` too: a value the object holds.
      return { t: 'sym', name: parts.slice(1).join('.') };
    }
    const member = parts[parts.length - 1];
    for (const path of candidatePaths(parts, this.imports, this.lang)) {
      const mod = path.slice(0, path.length - member.length - 1);
      if (hasOwn(MODULES, mod) && hasOwn(CONSTANTS, member)) {
        return { t: 'c', v: CONSTANTS[member] };
      }
      if (hasOwn(MODULES, mod) && parts.length > 1) {
        return undefined; // `np.float32`: a module's member, no variable
      }
    }
    if (isLibraryHead(parts[0], this.imports, this.lang) && parts.length > 1) {
      return undefined;
    }
    return this.leaf(n);
  }

  /** `np.exp(x)`, `x.clamp(min=0)`, `(x > 0).float()`; an unknown function of anything is a leaf. */
  private call(n: Extract<Node, { k: 'call' }>): Term | undefined {
    const fn = n.fn;
    if (fn.k === 'name') {
      if (fn.parts.length === 1 && this.bindsItself(fn.parts[0], fn.s)) {
        return this.leaf(n); // `def gate(sigmoid, x)`: the function the caller passed, not the library's
      }
      const found = this.libraryFunction(fn.parts);
      if (found !== undefined && this.readsAsOperation(found, n)) {
        this.frameworks.push(found.fw);
        return this.apply(found.op, [], valueArguments(n, found.op, found.fw, this.lang));
      }
      if (fn.parts.length > 1 && !isKnownHead(fn.parts[0], this.imports, this.lang)) {
        const recv: Node = { k: 'name', parts: fn.parts.slice(0, -1), s: fn.s, e: fn.e - 2 };
        return this.method(fn.parts[fn.parts.length - 1], recv, n);
      }
      if (fn.parts.length === 1 && fn.parts[0] === 'float') {
        return evalLiteral(this.toks, n.s + 2, n.e, this.lang) === 'inf'
          ? { t: 'c', v: Infinity }
          : undefined;
      }
      return fn.parts.length === 1 ? this.leaf(n) : undefined;
    }
    if (fn.k === 'attr') {
      return this.method(fn.name, fn.obj, n);
    }
    return fn.k === 'call' ? this.appliedLayer(fn, n) : undefined;
  }

  /**
   * Whether a library call reads as its operation: a plain-number maximum or minimum only with exactly two
   * values (`Math.max(a, b, c)` takes the largest of three, Python's `max(xs)` of an iterable, `key=`
   * orders by something else).
   */
  private readsAsOperation(found: { op: Op; fw: Framework }, n: CallNode): boolean {
    if (!isPlainExtremum(found)) {
      return true;
    }
    this.plainExtremum = true;
    return n.args.length === 2 && n.kw.size === 0;
  }

  /**
   * Whether the plain-number maxima and minima read are an activation's: the formula's variable is the
   * input of the function that computes it (`relu: (x) => Math.max(0, x)`, `def relu(x): return
   * max(0.0, x)`). Index and size code clamps other values with them (`Math.max(0, start)` with a local,
   * a loop's counter, `Math.max(0, a.length)`, `max(0, len(xs))`), which no activation computes.
   */
  plainExtremaAllowed(): boolean {
    if (!this.plainExtremum) {
      return true;
    }
    const at = this.variableAt;
    return this.model !== undefined && at !== undefined && isFunctionInput(this.model, at);
  }

  /**
   * A layer built and applied at once: `nn.Sigmoid()(x)` is sigmoid(x), Keras' `layers.ReLU(6.0)(x + 3.0)`
   * is clip(x + 3, 0, 6). Keras' ReLU takes (max_value, negative_slope, threshold): a slope or threshold
   * other than 0 is not read here. PyTorch's layers take `inplace` only. A Keras layer's call may pass
   * `training` beside the input (`layers.ReLU()(x, training=False)`), which ReLU computes nothing with.
   */
  private appliedLayer(layer: CallNode, n: CallNode): Term | undefined {
    const found =
      layer.fn.k === 'name' ? this.libraryFunction(layer.fn.parts, LAYER_MODULES) : undefined;
    const keras = found?.fw === 'keras';
    const callKeywords = keras ? ['training'] : [];
    if (
      found === undefined ||
      n.args.length !== 1 ||
      [...n.kw.keys()].some((k) => !callKeywords.includes(k))
    ) {
      return undefined;
    }
    const names = keras ? ['max_value', 'negative_slope', 'threshold'] : ['inplace'];
    if (layer.args.length > names.length || [...layer.kw.keys()].some((k) => !names.includes(k))) {
      return undefined;
    }
    // Each setting as written (by position or keyword), null when left out.
    const [first, ...rest] = names.map((name, at) => {
      const node = layer.kw.get(name) ?? layer.args[at];
      return node === undefined ? null : this.literal(node);
    });
    const input = this.term(n.args[0]);
    if (input === undefined || rest.some((v) => v !== null && v !== 0)) {
      return undefined;
    }
    if (!keras) {
      // PyTorch's `inplace` changes no value, whatever it is (`inplace=self.inplace` too).
      return this.layerOf(found, [input]);
    }
    if (typeof first === 'number') {
      const bound = (v: number): Term => ({ t: 'c', v });
      return this.layerOf({ ...found, op: 'clip' }, [input, bound(0), bound(first)]);
    }
    return first === null ? this.layerOf(found, [input]) : undefined;
  }

  private layerOf(found: { op: Op; fw: Framework }, args: Term[]): Term {
    this.frameworks.push(found.fw);
    return { t: 'op', op: found.op, args, kw: new Map() };
  }

  private method(name: string, recv: Node, n: Extract<Node, { k: 'call' }>): Term | undefined {
    if (CONVERSIONS.has(name)) {
      return this.term(recv);
    }
    if (!hasOwn(METHOD_OPS, name)) {
      return this.leaf(n);
    }
    const self = this.term(recv);
    if (self === undefined) {
      return undefined;
    }
    const fw = methodFramework(name, this.lang);
    if (fw !== undefined) {
      this.frameworks.push(fw);
    }
    const op = METHOD_OPS[name];
    const t = this.apply(op, [self], valueArguments(n, op, fw, this.lang, 1));
    if (name === 'max') {
      this.pairs.add(t);
    }
    return t;
  }

  private apply(op: Op, first: Term[], n: Extract<Node, { k: 'call' }>): Term | undefined {
    if (op === 'tidy') {
      return this.tidy(n);
    }
    const args = [...first];
    for (const a of n.args) {
      const t = args.length >= 1 && REDUCTIONS.has(op) ? this.axis(a) : this.term(a);
      if (t === undefined) {
        return undefined;
      }
      args.push(t);
    }
    const kw = new Map<string, LiteralValue | undefined>();
    for (const [name, v] of n.kw) {
      kw.set(name, this.literal(v));
    }
    const operator = ARITHMETIC[op];
    if (operator !== undefined) {
      return args.length === 2 && kw.size === 0 ? combine(operator, args[0], args[1]) : undefined;
    }
    if (op === 'zeros') {
      // `zeros_like(x, dtype=…)`: zeros whatever type or layout the keywords ask for.
      return { t: 'c', v: 0 };
    }
    const only = args[0];
    const fold = FOLDED[op];
    if (fold !== undefined && args.length === 1 && only.t === 'c') {
      return { t: 'c', v: fold(only.v) };
    }
    const [left, right] = args;
    const pair = this.pairFold(op);
    if (pair !== undefined && args.length === 2 && left.t === 'c' && right.t === 'c') {
      return { t: 'c', v: pair(left.v, right.v) };
    }
    return { t: 'op', op, args, kw };
  }

  /**
   * How a two-argument operation of two constants folds: the logarithm given its base, or one of
   * FOLDED_PAIRS. In JavaScript a maximum or minimum is TF.js' (`tf.maximum(a, b)` declares two
   * parameters, so the arguments past two that are gone by now were ignored); `Math.max`, which takes any
   * number of values, is read as no operation.
   */
  private pairFold(op: Op): ((a: number, b: number) => number) | undefined {
    if (op === 'log') {
      return (a, b) => this.logarithm(a, b);
    }
    return FOLDED_PAIRS[op];
  }

  /**
   * A logarithm given its base: Python's `math.log(x, base)` and Rust's `x.log(base)` take the value first,
   * Julia's `log(b, x)` the base. (NumPy's and TensorFlow's second argument, `out` and `name`, and the
   * arguments JavaScript ignores are gone by now; the other libraries' log takes one value.)
   */
  private logarithm(first: number, second: number): number {
    const [value, base] = this.lang === 'julia' ? [second, first] : [first, second];
    return Math.log(value) / Math.log(base);
  }

  /**
   * A reduction's argument after its input, by position: the axis, and NumPy's dtype, out and keepdims after
   * it (`np.sum(e, -1, np.float64)`). Its term, or, when the code computes it from something else
   * (`np.sum(e, x.ndim - 1)`) or names a type, a value not spelled, as `axis=x.ndim - 1` is by keyword.
   */
  private axis(a: Node): Term {
    return this.readAside(a, () => true) ?? { t: 'sym', name: tokenTexts(this.toks, a.s, a.e) };
  }

  /**
   * `tf.tidy(() => f(x))` is f(x): tidy only frees the intermediate tensors. TF.js' `tidy(nameOrFn, fn?)`
   * may take a name first (`tf.tidy('gate', () => f(x))`): with two arguments the first is the name, however
   * it is spelled (`tf.tidy(SCOPE, …)`, `tf.tidy(scope = 'gate', …)`: JavaScript has no keyword arguments,
   * so what the parser keeps as one is an assignment whose value is passed, in its place among the others).
   * Arguments past two are ignored, as JavaScript ignores any a function does not declare.
   */
  private tidy(n: CallNode): Term | undefined {
    const values = [...n.args, ...n.kw.values()].sort((a, b) => a.s - b.s);
    const fn = values.length >= 2 ? values[1] : values[0];
    return fn?.k === 'thunk' ? this.term(fn) : undefined;
  }

  /**
   * `x.max(dim=-1, keepdim=True)[0]` is PyTorch's max value; NumPy's `np.max(x, -1, keepdims=True)[0, 0]`
   * is one of the maxima, and a max's element subscripted again (`[0][0]`) is one too: any of them is
   * constant along the reduced axis, so `x - it` is the shift softmax allows. Any row of a max that is a
   * tensor (`torch.amax(x, -1, True)[1]`, `np.max(…)[2]`) is one too; of PyTorch's (values, indices) pair
   * only `[0]` is (see maxElement). Any other subscript is a leaf.
   */
  private index(n: Extract<Node, { k: 'index' }>): Term | undefined {
    const rows = wholeSubscript(n, this.lang === 'python')
      ? subscriptRows(n.items, this.lang)
      : undefined;
    if (rows === undefined) {
      return this.leaf(n);
    }
    const picked = (max: Term): boolean => maxElement(rows, !this.pairs.has(max));
    return this.maxValues(n.obj, picked) ?? this.leaf(n);
  }

  /** `x.max(dim=-1).values` is PyTorch's max value too; any other attribute is a leaf. */
  private attr(n: Extract<Node, { k: 'attr' }>): Term | undefined {
    return (n.name === 'values' ? this.maxValues(n.obj) : undefined) ?? this.leaf(n);
  }

  /**
   * `obj` when it is a max (`x.max(dim=-1)` before `[0]` or `.values`, or a plain name bound to one) that
   * `picks` accepts, else undefined with nothing read: in `self.proj(x)[0]` the whole subscript is the leaf,
   * so the call inside must not become the variable. What is picked out of a max is a tensor of maxima, no
   * (values, indices) pair (a copy, not in `pairs`): `x.max(-1, keepdim=True)[0][1]` is a row of maxima.
   */
  private maxValues(obj: Node, picks: (max: Term) => boolean = () => true): Term | undefined {
    if (!maxShaped(obj)) {
      return undefined;
    }
    const isMax = (t: Term): boolean => t.t === 'op' && t.op === 'amax' && picks(t);
    const inner = this.readAside(obj, isMax);
    return inner !== undefined && isMax(inner) ? { ...inner } : undefined;
  }

  /** Whether the code binds `name` itself where token `at` of the window uses it (a parameter, a local). */
  private bindsItself(name: string, at: number): boolean {
    return (
      this.model !== undefined &&
      this.base !== undefined &&
      bindingOf(this.model, name, this.base + at) !== undefined
    );
  }

  /** The operation a dotted name stands for when its module is a known array library. */
  private libraryFunction(
    parts: readonly string[],
    modules = MODULES,
  ): { op: Op; fw: Framework } | undefined {
    const member = parts[parts.length - 1];
    const paths = candidatePaths(parts, this.imports, this.lang);
    if (this.lang === 'julia' && parts.length === 1) {
      paths.push(`Base.${member}`, `NNlib.${member}`);
    }
    if (this.lang === 'python' && parts.length === 1) {
      paths.push(`builtins.${member}`);
    }
    for (const path of paths) {
      // The member as the path names it: `np_tanh` after `from numpy import tanh as np_tanh` is `tanh`.
      const dot = path.lastIndexOf('.');
      const [mod, name] = [path.slice(0, dot), path.slice(dot + 1)];
      if (hasOwn(modules, mod) && hasOwn(modules[mod].members, name)) {
        return { op: modules[mod].members[name], fw: modules[mod].fw };
      }
    }
    return undefined;
  }
}

/**
 * How many subscripts or attributes deep a max is looked for: one element of PyTorch's max of a 4-D tensor
 * (batch, heads, queries, keys) is `x.max(-1, keepdim=True)[0][0][0][0][0]`, four links under the last.
 */
const MAX_LINKS = 4;

/**
 * Whether `obj` can be a max: any value (`x.max(-1)`, `m`, `m.values`) under at most MAX_LINKS subscripts
 * or attributes (`x.max(-1, keepdim=True)[0][0]` before another `[0]`, `x.max(dim=-1).values` before
 * `[0]`). Longer chains are leaves unread, so a long chain of subscripts is read a bounded number of times,
 * not once per link.
 */
function maxShaped(obj: Node): boolean {
  let n = obj;
  for (let links = 0; n.k === 'index' || n.k === 'attr'; links++) {
    if (links === MAX_LINKS) {
      return false;
    }
    n = n.obj;
  }
  return true;
}

/**
 * The integers a subscript's items give, or undefined when an item is no number. Python, Julia and the
 * others read each item (`m[0, 1]` picks along two axes; a non-integer one raises). In C++ before C++23 a
 * comma inside `[]` is the comma operator ([expr.comma]), so `m[0, 1]` is `m[1]`, and a floating index
 * converts to `Tensor::operator[](int64_t)` by truncation toward zero ([conv.fpint]): `m[1.5]` is `m[1]`.
 */
function subscriptRows(items: readonly Node[], lang: Lang): readonly number[] | undefined {
  const read = lang === 'cpp' ? items.slice(-1) : items;
  const rows: number[] = [];
  for (const item of read) {
    const row = item.k === 'num' ? (lang === 'cpp' ? Math.trunc(item.v) : item.v) : NaN;
    if (!Number.isInteger(row)) {
      return undefined;
    }
    rows.push(row);
  }
  return rows;
}

/**
 * Whether subscript `rows` pick values of a max. Of a max that is a tensor (NumPy's, `torch.amax`, a
 * pair's values), any row or element, or Julia's `m[]`, the one element of a one-element array (a syntax
 * error elsewhere). Of what may be PyTorch's (values, indices) pair (`x.max(dim)`, which NumPy's
 * `x.max(axis)` spells alike): `[0]` (the values, or NumPy's first row of maxima), or two or more integers
 * (`[0, 0]`, one NumPy maximum; a tuple index on PyTorch's pair raises TypeError). A single other integer
 * there is PyTorch's indices (`[1]`), no max.
 */
function maxElement(rows: readonly number[], tensor: boolean): boolean {
  return tensor || rows.length > 1 || rows[0] === 0;
}

/**
 * Whether a subscript's items are all it holds, or, in Python, all it holds before its unread end. The
 * parser keeps the items it reads and skips the others: NumPy's `m[:, 0]` keeps only its `0`, and is a
 * column of `m`, not `m[0]`. A slice after the items (`m[0, :]`, `m[0, ...]`, or a trailing comma, `m[0,]`)
 * keeps the axes after them as they are, and NumPy and PyTorch broadcast from the last axis: the kept axis
 * stays in its place, so `m[0, :]` is one maximum as `m[0]` is. (Julia broadcasts from the first axis.)
 * An empty subscript (Julia's `A[]`) holds no item at all.
 */
function wholeSubscript(n: Extract<Node, { k: 'index' }>, python: boolean): boolean {
  let at = n.obj.e + 1; // the `[`, then each item's `,`
  for (const item of n.items) {
    if (item.s !== at + 1) {
      return false;
    }
    at = item.e + 1;
  }
  // `at` is the `]`, or one token before it: the `[` of an empty subscript (Julia's `A[]`), a trailing `,`.
  return n.e - at <= 1 || python;
}

/**
 * A literal's term: a number; None/null, an absent bound; a boolean, the 1 or 0 it is in arithmetic (Python,
 * JavaScript, Julia), so PyTorch's `x.max(-1, True)[0]` reads its keepdim by position. A string has none.
 */
function literalTerm(v: LiteralValue | undefined): Term | undefined {
  if (typeof v === 'number') {
    return { t: 'c', v };
  }
  if (typeof v === 'boolean') {
    return { t: 'c', v: v ? 1 : 0 };
  }
  return v === null ? { t: 'none' } : undefined;
}

/**
 * A library call with only the arguments that give values: NumPy's positional `out` (`np.square(x, out)`),
 * TensorFlow's positional `name` (`tf.multiply(x, y, "swish")`), arguments a JavaScript function ignores,
 * and the `out=` / `name=` keywords. The result is the same values however it is stored or named. A
 * method's receiver is its first value (`receiver` 1).
 */
function valueArguments(
  n: CallNode,
  op: Op,
  fw: Framework | undefined,
  lang: Lang,
  receiver = 0,
): CallNode {
  const inputs = INPUTS[op];
  const trailing = lang === 'js' || (fw !== undefined && TRAILING_POSITIONAL.has(fw));
  const args = inputs !== undefined && trailing ? n.args.slice(0, inputs - receiver) : n.args;
  const valueless = fw === undefined ? undefined : VALUELESS_KEYWORD[fw];
  const kw =
    valueless !== undefined && n.kw.has(valueless)
      ? new Map([...n.kw].filter(([name]) => name !== valueless))
      : n.kw;
  return { ...n, args, kw };
}

/** JavaScript's `Math.max` and `Math.min`, Python's built-in `max` and `min` (see ops.ts' EXTREMA). */
function isPlainExtremum(found: { op: Op; fw: Framework }): boolean {
  return found.fw === 'other' && (found.op === 'maximum' || found.op === 'minimum');
}

/** Reductions whose second argument is the axis (`np.sum(e, -1)`, `e.sum(-1)`, `torch.logsumexp(x, 1)`). */
const REDUCTIONS: ReadonlySet<Op> = new Set(['sum', 'logsumexp']);

/**
 * Elementwise functions of a constant, folded to their value: `math.sqrt(2 / math.pi)` is √(2/π),
 * `math.exp(log_t)` with `log_t=0.0` is 1.
 */
const FOLDED: Readonly<Partial<Record<Op, (v: number) => number>>> = {
  sqrt: Math.sqrt,
  exp: Math.exp,
  expm1: Math.expm1,
  log: Math.log,
  log1p: Math.log1p,
  tanh: Math.tanh,
  abs: Math.abs,
};

/**
 * Two-argument operations folded when both arguments are constants: `np.maximum(1.0, 2.0)` is 2,
 * `min(0.5, 2.0)` 0.5 (the logarithm given its base is folded by the language's argument order).
 */
const FOLDED_PAIRS: Readonly<Partial<Record<Op, (a: number, b: number) => number>>> = {
  maximum: Math.max,
  minimum: Math.min,
};

/** The operators the arithmetic operations stand for. */
const ARITHMETIC: Readonly<Partial<Record<Op, string>>> = {
  mul: '*',
  add: '+',
  sub: '-',
  div: '/',
};

/** `a op b`, constants folded, multiplying or dividing by one dropped. */
function combine(op: string, a: Term, b: Term): Term {
  const fold = FOLD[op];
  if (fold !== undefined && a.t === 'c' && b.t === 'c') {
    return { t: 'c', v: fold(a.v, b.v) };
  }
  if ((op === '*' || op === '/') && b.t === 'c' && b.v === 1) {
    return a;
  }
  if (op === '*' && a.t === 'c' && a.v === 1) {
    return b;
  }
  return { t: 'bin', op, a, b };
}

/**
 * Every binary operator of two constants, folded. Division by zero is IEEE's ±Infinity, as JavaScript and
 * Julia compute it (`1 / 0` for an open bound; Python raises there); a comparison is the 1 or 0 it is in
 * arithmetic, as a boolean literal is.
 */
const FOLD: Readonly<Record<string, (a: number, b: number) => number>> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
  '**': (a, b) => a ** b,
  '<': (a, b) => Number(a < b),
  '>': (a, b) => Number(a > b),
  '<=': (a, b) => Number(a <= b),
  '>=': (a, b) => Number(a >= b),
};

/**
 * Python's `n // d` (d not 0) as CPython computes it, the floor of the exact quotient (`1 // 0.1` is 9.0
 * though 1 / 0.1 rounds to 10), as literals.ts folds a literal one: JavaScript's `%` is exact but takes the
 * dividend's sign where Python's takes the divisor's.
 */
function floorDivision(n: number, d: number): number {
  const rest = n % d;
  const pythonRest = rest !== 0 && rest < 0 !== d < 0 ? rest + d : rest;
  // `|| 0`: Python's integer quotient 0 has no sign (`-1 // -3` is 0, where the rounding gives -0).
  return Math.round((n - pythonRest) / d) || 0;
}

function hasOwn(o: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, key);
}

/**
 * The texts of tokens `[s, e]`, one string that tells apart any two different sequences: `(h or g)` and
 * `horg`, JavaScript's `a-- - b` and `a - --b` are different values, whatever their letters would join to.
 */
function tokenTexts(toks: readonly Token[], s: number, e: number): string {
  return JSON.stringify(toks.slice(s, e + 1).map((t) => t.t));
}

const OPENERS = new Set(['(', '[', '{']);
const CLOSERS = new Set([')', ']', '}']);
/** Tokens after which `as` is a member's name (`opts.as`), no cast. */
const MEMBER_ACCESS = new Set(['.', '?.', '::']);

/**
 * A leaf's tokens `[s, e]` without the cast that ends them: the parser makes no node of a cast (TypeScript,
 * Rust), so `(x as tf.Tensor)` is the node `x` spanning its parentheses, and its value is x's (TypeScript's
 * cast only tells the compiler a type, Rust's converts a number). A binary operation's cast ends it only
 * after its right operand: in Rust's `x as i32 % 2` the cast binds tighter than `%`, so the text stays
 * whole. In the other languages no leaf holds an `as` there: Python's is a keyword no expression holds,
 * and a name `as` (Julia, C++) starts a leaf, follows a `.` or `::`, or lies within an operand.
 */
function withoutCast(toks: readonly Token[], n: Node, [s, e]: [number, number]): [number, number] {
  const cast = topLevelAs(toks, s, e, n.k === 'bin' ? n.r.e : s);
  return cast === undefined ? [s, e] : withoutParentheses(toks, s, cast - 1);
}

/** The first `as` outside brackets in tokens `[s, e]` after token `after`, or undefined. */
function topLevelAs(
  toks: readonly Token[],
  s: number,
  e: number,
  after: number,
): number | undefined {
  let depth = 0;
  for (let i = s; i <= e; i++) {
    const t = toks[i].t;
    depth += OPENERS.has(t) ? 1 : CLOSERS.has(t) ? -1 : 0;
    if (t === 'as' && depth === 0 && i > after && !MEMBER_ACCESS.has(toks[i - 1].t)) {
      return i;
    }
  }
  return undefined;
}

/**
 * Tokens `[s, e]` without parentheses around all of them: `(x @ w)` is the variable `x @ w`, as written
 * inside `torch.sigmoid(x @ w)`. `(a) * (b)` keeps its parentheses: its first `(` closes before the end.
 */
function withoutParentheses(toks: readonly Token[], s: number, e: number): [number, number] {
  while (
    e - s >= 2 &&
    toks[s].t === '(' &&
    toks[e].t === ')' &&
    closingParen(toks, s, e + 1) === e
  ) {
    s++;
    e--;
  }
  return [s, e];
}
