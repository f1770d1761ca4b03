/**
 * Effective parameters of a recognized spelling: its defaults, overridden by the literal arguments the code
 * gives (positional, keyword, JS config objects, LibTorch options builders, burn `.with_x()` chains).
 * Arguments that are expressions are reported by name in `nonLiteral`, and their default is kept.
 */
import { parseArgs, type Arg } from './args';
import { evalLiteral } from './literals';
import type { Spelling, Value } from './spelling';
import type { Lang, Token } from './tokenizer';

/**
 * Keywords that mean the same core parameter across frameworks. LibTorch's options builders name
 * PyTorch's `lambd` `lambda` (`HardshrinkOptions().lambda(0.25)`: `lambda` is no keyword in C++).
 */
const KW_ALIASES: Readonly<Record<string, string>> = { axis: 'dim', dims: 'dim', lambda: 'lambd' };

/** Accumulates parameters for one spelling. */
export class ParamBuilder {
  readonly params: Record<string, Value>;
  readonly nonLiteral: string[] = [];
  arg: number | undefined;
  private readonly known: Set<string>;
  private positional = 0;

  constructor(
    private readonly spelling: Spelling,
    private readonly toks: readonly Token[],
    private readonly lang: Lang,
  ) {
    this.params = { ...spelling.defaults };
    this.known = new Set([
      ...Object.keys(spelling.defaults),
      ...spelling.pos.filter((p) => p !== ''),
      ...Object.values(spelling.kw).filter((p) => p !== ''),
    ]);
  }

  /** Applies the arguments of a call: `inputFirst` when the first positional argument is the input. */
  applyArgs(args: readonly Arg[], inputFirst: boolean): void {
    let first = inputFirst;
    for (const arg of args) {
      if (arg.name !== undefined) {
        this.keyword(arg.name, arg.a, arg.b);
      } else if (first) {
        first = false;
        const v = evalLiteral(this.toks, arg.a, arg.b, this.lang);
        if (typeof v === 'number') {
          this.arg = v;
        }
      } else if (!this.expandBuilder(arg) && !this.expandObject(arg)) {
        this.nextPositional(arg.a, arg.b);
      }
    }
  }

  /** A keyword argument (or builder method / config key) by its name in the code. */
  keyword(name: string, a: number, b: number): void {
    const mapped = Object.prototype.hasOwnProperty.call(this.spelling.kw, name)
      ? this.spelling.kw[name]
      : this.known.has(name)
        ? name
        : KW_ALIASES[name];
    if (mapped && this.known.has(mapped)) {
      this.set(mapped, a, b);
    }
  }

  private nextPositional(a: number, b: number): void {
    const name = this.spelling.pos[this.positional++];
    if (name) {
      this.set(name, a, b);
    }
  }

  private set(name: string, a: number, b: number): void {
    const v = evalLiteral(this.toks, a, b, this.lang);
    if (v === null) {
      return;
    }
    if (name === 'approximate' && typeof v === 'boolean') {
      this.params[name] = v ? 'tanh' : 'none';
    } else if (typeof v === 'number' || (name === 'approximate' && typeof v === 'string')) {
      this.params[name] = v;
    } else if (!this.nonLiteral.includes(name)) {
      this.nonLiteral.push(name);
    }
  }

  /**
   * LibTorch options objects: `LeakyReLUOptions().negative_slope(0.2)`, `SoftmaxOptions(1)`. The
   * constructor's arguments continue the positional list; each chained call is a keyword.
   */
  private expandBuilder(arg: Arg): boolean {
    const t = this.toks;
    for (let i = arg.a; i < arg.b - 1; i++) {
      if (t[i].k === 'id' && t[i].t.endsWith('Options') && t[i + 1].t === '(') {
        const list = parseArgs(t, i + 1);
        if (list.truncated || list.close >= arg.b) {
          return false;
        }
        for (const inner of list.args) {
          this.nextPositional(inner.a, inner.b);
        }
        this.applyChain(list.close + 1, arg.b);
        return true;
      }
    }
    return false;
  }

  /** A chain of `.name(value)` calls from token `i` up to `end`: each one is a keyword. */
  applyChain(i: number, end: number): void {
    const t = this.toks;
    while (i + 2 < end && t[i].t === '.' && t[i + 1].k === 'id' && t[i + 2].t === '(') {
      const list = parseArgs(t, i + 2);
      if (list.truncated) {
        return;
      }
      const value = list.args[0];
      if (value !== undefined) {
        this.keyword(t[i + 1].t, value.a, value.b);
      }
      i = list.close + 1;
    }
  }

  /** A JS config object `{alpha: 0.2}` given to a tfjs-layers constructor: its keys are keywords. */
  private expandObject(arg: Arg): boolean {
    if (this.toks[arg.a].t !== '{') {
      return false;
    }
    for (const entry of parseArgs(this.toks, arg.a).args) {
      if (entry.name !== undefined) {
        this.keyword(entry.name, entry.a, entry.b);
      }
    }
    return true;
  }
}
