/**
 * From a parsed expression to a canonical term: library functions become their operation (`np.exp`,
 * `torch.exp` and `x.exp()` are all `exp`), constant sub-expressions are folded (`math.sqrt(2 / math.pi)`
 * is 0.7978…), and everything else must be one and the same variable. Two different variables (`x` and
 * `y`) or an unknown piece make the expression no formula.
 */
import type { Framework } from '../../types';
import type { Imports } from '../imports';
import { evalLiteral, type LiteralValue } from '../literals';
import { candidatePaths, isKnownHead } from '../resolve';
import type { Lang, Token } from '../tokenizer';
import type { Node } from './expr';
import { CONSTANTS, CONVERSIONS, METHOD_FRAMEWORK, METHOD_OPS, MODULES, type Op } from './ops';

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
  | { readonly t: 'neg'; readonly a: Term };

/** A normalized expression: its term, the frameworks its functions come from, its variable as written. */
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

/** Normalizes one expression; undefined when it is not made of known operations on one variable. */
export function normalize(
  node: Node,
  toks: readonly Token[],
  imports: Imports,
  lang: Lang,
): Normalized | undefined {
  const n = new Normalizer(toks, imports, lang);
  const term = n.term(node);
  return term !== undefined && n.variable !== undefined
    ? { term, frameworks: n.frameworks, variable: n.variable }
    : undefined;
}

class Normalizer {
  variable: string | undefined;
  readonly frameworks: Framework[] = [];

  constructor(
    private readonly toks: readonly Token[],
    private readonly imports: Imports,
    private readonly lang: Lang,
  ) {}

  term(n: Node): Term | undefined {
    switch (n.k) {
      case 'num':
        return { t: 'c', v: n.v };
      case 'lit':
        return evalLiteral(this.toks, n.s, n.e + 1) === null ? { t: 'none' } : undefined;
      case 'unary':
        return this.unary(n.op, n.x);
      case 'bin':
        // Matrix products, integer division, logic: whatever they compute is the variable.
        return BINARY.has(n.op) ? this.binary(n.op, n.l, n.r) : this.leaf(n);
      case 'name':
        return this.name(n);
      case 'call':
        return this.call(n);
      case 'index':
        return this.index(n);
      case 'attr':
        return this.attr(n);
      default:
        return undefined;
    }
  }

  /** A leaf: the variable. Every leaf must read the same (`x` and `x` but not `x` and `h`). */
  private leaf(n: Node): Term | undefined {
    const text = this.toks
      .slice(n.s, n.e + 1)
      .map((t) => t.t)
      .join(' ');
    if (this.variable === undefined) {
      this.variable = text;
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
    if (a === undefined || b === undefined) {
      return undefined;
    }
    if (a.t === 'c' && b.t === 'c') {
      const v = fold(op, a.v, b.v);
      if (v !== undefined) {
        return { t: 'c', v };
      }
    }
    return { t: 'bin', op, a, b };
  }

  private name(n: Extract<Node, { k: 'name' }>): Term | undefined {
    const parts = n.parts;
    if (parts.length === 1 && this.lang === 'julia' && hasOwn(JULIA_CONSTANTS, parts[0])) {
      return { t: 'c', v: JULIA_CONSTANTS[parts[0]] };
    }
    const member = parts[parts.length - 1];
    for (const path of candidatePaths(parts, this.imports, this.lang)) {
      const mod = path.slice(0, path.length - member.length - 1);
      if (hasOwn(MODULES, mod)) {
        return hasOwn(CONSTANTS, member) ? { t: 'c', v: CONSTANTS[member] } : undefined;
      }
    }
    if (isKnownHead(parts[0], this.imports, this.lang) && parts.length > 1) {
      return undefined;
    }
    return this.leaf(n);
  }

  /** `np.exp(x)`, `x.clamp(min=0)`, `(x > 0).float()`; an unknown function of anything is a leaf. */
  private call(n: Extract<Node, { k: 'call' }>): Term | undefined {
    const fn = n.fn;
    if (fn.k === 'name') {
      const found = this.libraryFunction(fn.parts);
      if (found !== undefined) {
        this.frameworks.push(found.fw);
        return this.apply(found.op, [], n);
      }
      if (fn.parts.length > 1 && !isKnownHead(fn.parts[0], this.imports, this.lang)) {
        const recv: Node = { k: 'name', parts: fn.parts.slice(0, -1), s: fn.s, e: fn.e - 2 };
        return this.method(fn.parts[fn.parts.length - 1], recv, n);
      }
      if (fn.parts.length === 1 && fn.parts[0] === 'float') {
        return evalLiteral(this.toks, n.s + 2, n.e) === 'inf' ? { t: 'c', v: Infinity } : undefined;
      }
      return fn.parts.length === 1 ? this.leaf(n) : undefined;
    }
    if (fn.k === 'attr') {
      return this.method(fn.name, fn.obj, n);
    }
    return undefined;
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
    if (hasOwn(METHOD_FRAMEWORK, name)) {
      this.frameworks.push(METHOD_FRAMEWORK[name]);
    }
    return this.apply(METHOD_OPS[name], [self], n);
  }

  private apply(op: Op, first: Term[], n: Extract<Node, { k: 'call' }>): Term | undefined {
    const args = [...first];
    for (const a of n.args) {
      const t = this.term(a);
      if (t === undefined) {
        return undefined;
      }
      args.push(t);
    }
    const kw = new Map<string, LiteralValue | undefined>();
    for (const [name, v] of n.kw) {
      kw.set(name, evalLiteral(this.toks, v.s, v.e + 1));
    }
    if (op === 'zeros') {
      return args.length === 1 && kw.size === 0 ? { t: 'c', v: 0 } : undefined;
    }
    const only = args[0];
    if (op === 'sqrt' && args.length === 1 && only.t === 'c') {
      return { t: 'c', v: Math.sqrt(only.v) };
    }
    return { t: 'op', op, args, kw };
  }

  /** `x.max(dim=-1, keepdim=True)[0]` is PyTorch's max value; any other subscript is a leaf. */
  private index(n: Extract<Node, { k: 'index' }>): Term | undefined {
    const zero = n.items.length === 1 && n.items[0].k === 'num' && n.items[0].v === 0;
    if (zero && n.obj.k === 'call') {
      const inner = this.term(n.obj);
      if (inner?.t === 'op' && inner.op === 'amax') {
        return inner;
      }
    }
    return this.leaf(n);
  }

  private attr(n: Extract<Node, { k: 'attr' }>): Term | undefined {
    if (n.name === 'values' && n.obj.k === 'call') {
      const inner = this.term(n.obj);
      if (inner?.t === 'op' && inner.op === 'amax') {
        return inner;
      }
    }
    return this.leaf(n);
  }

  /** The operation a dotted name stands for when its module is a known array library. */
  private libraryFunction(parts: readonly string[]): { op: Op; fw: Framework } | undefined {
    const member = parts[parts.length - 1];
    const paths = candidatePaths(parts, this.imports, this.lang);
    if (this.lang === 'julia' && parts.length === 1) {
      paths.push(`Base.${member}`, `NNlib.${member}`);
    }
    for (const path of paths) {
      const mod = path.slice(0, path.length - member.length - 1);
      if (hasOwn(MODULES, mod) && hasOwn(MODULES[mod].members, member)) {
        return { op: MODULES[mod].members[member], fw: MODULES[mod].fw };
      }
    }
    return undefined;
  }
}

function fold(op: string, a: number, b: number): number | undefined {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return b !== 0 ? a / b : undefined;
    case '**':
      return a ** b;
    default:
      return undefined;
  }
}

function hasOwn(o: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, key);
}
