/**
 * C++ function definitions, which have no keyword: the `{` after a parameter list whose name follows a type
 * (`torch::Tensor block(…) {`, `auto f(…) -> T {`), or a constructor's or destructor's. Read by cDefs when
 * it meets a `{`, back from it group by group over brackets it recorded on the way: bounded steps per brace,
 * never a rescan of the document.
 */
import type { Definition } from './definitions';
import type { DocumentModel } from './document';
import { ID } from './tokenizer';

/** The opening bracket of each `)` and `}` of a C++ model, recorded as cDefs reads the brackets. */
export class CppBrackets {
  private readonly openOf: Int32Array;
  private readonly parens: number[] = [];
  private readonly squares: number[] = [];
  private readonly curlies: number[] = [];

  constructor(count: number) {
    this.openOf = new Int32Array(count);
  }

  /** Reads token `i`, whose one-character code is `c` (0 for other tokens). */
  read(c: number, i: number): void {
    if (c === 40) {
      this.parens.push(i);
    } else if (c === 41) {
      this.openOf[i] = this.parens.pop() ?? 0;
    } else if (c === 91) {
      this.squares.push(i);
    } else if (c === 93) {
      this.openOf[i] = this.squares.pop() ?? 0;
    } else if (c === 123) {
      this.curlies.push(i);
    } else if (c === 125) {
      this.openOf[i] = this.curlies.pop() ?? 0;
    }
  }

  /**
   * The `(`, `[` or `{` the `)`, `]` or `}` at `close` closes (a token read already); 0 when it closes none
   * (a model of a window that starts inside brackets): no name stands before token 0, so 0 opens no
   * signature.
   */
  opening(close: number): number {
    return this.openOf[close];
  }
}

/** Tokens read back from a body's `{` over what follows the parameter list (`const noexcept -> T`). */
const MAX_TRAILING_TOKENS = 32;
/** Member initializers read back before a constructor's body (`: fc(n), act(opts) {`). */
const MAX_INITIALIZERS = 64;
/** `A::B::` qualifiers read back before a function's name. */
const MAX_QUALIFIERS = 8;
/** Tokens of a qualifier's template arguments read back (`Block<B>::forward`). */
const MAX_QUALIFIER_ARGS = 32;
/** Words whose `(…)` may follow a parameter list: `noexcept(true)`, `-> decltype(x)`, `throw()`. */
const SPECIFIERS = ['noexcept', 'decltype', 'throw', 'requires'];
/** Punctuation that may stand between a parameter list and the body: `-> std::pair<A, B>*`, `const&`. */
const TRAILING = ['::', '<', '>', '*', '&', '->', ','];
/**
 * Statements whose `(…) {` may follow a word, as a function's name follows its type: `else if (…) {`,
 * `if constexpr (…) {`, and a statement after a preprocessor line (`#endif`, `#pragma omp parallel for`).
 */
const CONTROL = new Set(['if', 'for', 'while', 'switch', 'constexpr']);

/**
 * Whether the `{` at `brace` opens a C++ function's body; if so the definition is added to `defs` and its
 * index returned, else -1. A C++ definition has no keyword: it is the `{` after a parameter list (and what
 * may follow one: `const`, `override`, `noexcept`, `-> T`) whose name follows a type (`torch::Tensor
 * block(…)`, `auto f(…)`), or a constructor's or destructor's (`Net::Net(…)`, `~Net()`, a member
 * initializer list `: fc(n), act(opts)`), or a lambda's (`[](…) {`). Not one: `if (…) {`, a braced
 * initializer `Tensor t{…}`, a macro at a statement's start (`TEST(Suite, Name) {`). The body is an unnamed
 * scope: its parameters and locals are its own; a call is not read through it.
 */
export function cppFunctionDef(
  model: DocumentModel,
  brace: number,
  brackets: CppBrackets,
  defs: Definition[],
  parent: number,
): number {
  const owner = parent >= 0 ? defs[parent].name : undefined;
  const signature = cppSignature(model, brace, brackets, owner);
  if (signature === undefined) {
    return -1;
  }
  // (A keyword's definition read inside the signature, `const struct Opts* o = {}`, starts after the name:
  // the order of starts breaks there only, where no token asks which definition encloses it.)
  const { start, list } = signature;
  defs.push({ keyword: 'function', name: '', start, nameAt: list - 1, end: model.count, parent });
  return defs.length - 1;
}

/** The start (the name) and parameter list's `(` of the C++ function whose body opens at `brace`. */
function cppSignature(
  model: DocumentModel,
  brace: number,
  brackets: CppBrackets,
  owner: string | undefined,
): { start: number; list: number } | undefined {
  const lambda = lambdaSignature(model, brace, brackets);
  if (lambda !== undefined) {
    return lambda;
  }
  let close = trailingClose(model, brace - 1, brackets);
  let initializers = false;
  for (let n = 0; close >= 0 && n < MAX_INITIALIZERS; n++) {
    const list = brackets.opening(close);
    const name = functionName(model, list);
    if (name < 0) {
      return undefined;
    }
    const start = declaratorStart(model, name);
    const before = start - 1;
    if (model.isPunct(before, ',')) {
      // `act(opts)` after `fc(n),`: a member initializer, the constructor's list further back.
      close = before - 1;
      continue;
    }
    const ctor = model.isPunct(before, ':') ? trailingClose(model, before - 1, brackets) : -1;
    if (ctor >= 0) {
      close = ctor; // `Net(int64_t n) : fc(n) {`; a label's `public:` has no list before it
      initializers = true;
      continue;
    }
    const named = typed(model, before) || constructorLike(model, name, owner);
    return initializers || named ? { start, list } : undefined;
  }
  return undefined;
}

/**
 * The start (its `[`) and parameter list of the lambda whose body opens at `brace`: `[&](const Tensor& x,
 * ActFn act) mutable -> Tensor {`, or `[=] {` without a list (then the list is the brace: it binds no
 * parameter). `operator[](int i) {` reads the same way (an unnamed scope whose parameters are its own, as
 * it is), and so does an array's braced initializer `float w[2]{…}`, a scope in which nothing is bound.
 */
function lambdaSignature(
  model: DocumentModel,
  brace: number,
  brackets: CppBrackets,
): { start: number; list: number } | undefined {
  const close = trailingClose(model, brace - 1, brackets);
  const list = model.isPunct(close, ')') ? brackets.opening(close) : brace;
  const captures = list - 1;
  if (!model.isPunct(captures, ']')) {
    return undefined;
  }
  return { start: brackets.opening(captures), list };
}

/**
 * Reading back from `from` over what may follow a parameter list (`const`, `override`, `noexcept(…)`,
 * `-> decltype(…)`, `-> std::pair<A, B>`): the `)` that closes the list, or a member initializer's `}`
 * right before the body; -1 when something else stands there.
 */
function trailingClose(model: DocumentModel, from: number, brackets: CppBrackets): number {
  if (model.isPunct(from, '}')) {
    return from; // `: out{…} {`
  }
  let k = from;
  for (let n = 0; n < MAX_TRAILING_TOKENS; n++) {
    if (model.isPunct(k, ')')) {
      const open = brackets.opening(k);
      if (SPECIFIERS.some((w) => model.isWord(open - 1, w))) {
        k = open - 2;
        continue;
      }
      const pointer = pointerDeclarator(model, open - 1, brackets);
      if (pointer >= 0) {
        k = pointer; // `(*pick(int kind))(const Tensor&)`, `-> Tensor (*)(const Tensor&)`
        continue;
      }
      return k;
    }
    const punct = TRAILING.some((p) => model.isPunct(k, p));
    if (model.kinds[k] !== ID && !punct) {
      return -1; // also before the first token, where there is no kind
    }
    k--;
  }
  return -1;
}

/**
 * For a `)` at `close` that closes a pointer or reference declarator before a function type's parameters
 * ([dcl.fct], [dcl.ptr]): in `ActFn (*pick(int kind))(const Tensor&) {` the `)` of the function's own list,
 * where reading back goes on; in `-> Tensor (*)(const Tensor&) {`, `(Net::*)`, the token before the `(`
 * (the type, part of a trailing return type); else -1.
 */
function pointerDeclarator(model: DocumentModel, close: number, brackets: CppBrackets): number {
  if (!model.isPunct(close, ')')) {
    return -1;
  }
  const open = brackets.opening(close);
  if (model.isPunct(close - 1, '*')) {
    return open - 1; // an abstract declarator: `(*)`, `(Net::*)`
  }
  if (!['*', '&', '&&'].some((p) => model.isPunct(open + 1, p))) {
    return -1;
  }
  return model.isPunct(close - 1, ')') ? close - 1 : open - 1;
}

/**
 * The name before the bracket at `list` (an identifier, `operator` for `operator()(…)`, or a template's
 * name before its explicit arguments, `activate<Kind::Gelu>(…)`, `operator()<kGelu>(…)`); else -1.
 */
function functionName(model: DocumentModel, list: number): number {
  const k = list - 1;
  if (model.kinds[k] === ID) {
    return CONTROL.has(model.tokenText(k)) ? -1 : k;
  }
  const parenthesized = parenthesizedName(model, k);
  if (parenthesized >= 0) {
    return parenthesized;
  }
  const operator = operatorWord(model, k);
  if (operator >= 0) {
    return operator;
  }
  // An explicit specialization `template <> Tensor activate<Kind::Gelu>(…) {` (checked after `operator>(`),
  // also of an operator template: `Activation::operator()<kGelu>(…)`, `operator< <kGelu>(…)`. Without
  // template arguments templateName is k, which is neither a name nor after `operator`: -1.
  const templateName = beforeTemplateArguments(model, k);
  return model.kinds[templateName] === ID ? templateName : operatorWord(model, templateName);
}

/**
 * When `k` closes a parenthesized declarator-id, its name: `torch::Tensor (max)(…)` (kept from
 * <windows.h>'s `max` macro), `(MixerImpl)(…)`, `(Net::Net)(…)`, also an operator's, `(operator==)(…)`,
 * `(operator())(…)` ([dcl.meaning]: a declarator may be parenthesized); else -1. A macro that makes a
 * definition from a type and a name, `DEFINE_ACT(torch::Tensor mix)(const torch::Tensor& x) {`, reads the
 * same way: its name ends what is before the list, and the body is that function's scope.
 */
function parenthesizedName(model: DocumentModel, k: number): number {
  if (!model.isPunct(k, ')')) {
    return -1;
  }
  return model.kinds[k - 1] === ID ? k - 1 : operatorWord(model, k - 1);
}

/**
 * The first token of the declarator named at `name`: its qualifiers, and the `(` around a
 * parenthesized name. (Only there does a `(` stand before the name: a function's body cannot open inside
 * parentheses, and a lambda's or requires-expression's list has no name before it.)
 */
function declaratorStart(model: DocumentModel, name: number): number {
  const start = qualifiedStart(model, name);
  return model.isPunct(start - 1, '(') ? start - 1 : start;
}

/**
 * For an operator's one or two symbols ending at `k` (`==`, `()`, `<<`), the word `operator` before
 * them; else -1.
 */
function operatorWord(model: DocumentModel, k: number): number {
  if (model.isWord(k - 1, 'operator')) {
    return k - 1;
  }
  return model.isWord(k - 2, 'operator') ? k - 2 : -1;
}

/** The first token of the name at `name` with its qualifiers: `Net::forward`, `Block<B>::forward`. */
function qualifiedStart(model: DocumentModel, name: number): number {
  let k = name;
  for (let n = 0; n < MAX_QUALIFIERS && model.isPunct(k - 1, '::'); n++) {
    const q = beforeTemplateArguments(model, k - 2);
    if (model.kinds[q] !== ID) {
      break;
    }
    k = q;
  }
  return k;
}

/** For `>` at `k` closing template arguments, the token before their `<`; else `k`. */
function beforeTemplateArguments(model: DocumentModel, k: number): number {
  if (!model.isPunct(k, '>')) {
    return k;
  }
  let depth = 0;
  for (let j = k; j > k - MAX_QUALIFIER_ARGS; j--) {
    if (model.isPunct(j, '>')) {
      depth++;
    } else if (model.isPunct(j, '<') && --depth === 0) {
      return j - 1;
    }
  }
  return k;
}

/** Whether the token before a function's name ends its return type: `Tensor`, `auto`, `>`, `*`, `&`. */
function typed(model: DocumentModel, before: number): boolean {
  return model.kinds[before] === ID || ['>', '*', '&'].some((p) => model.isPunct(before, p));
}

/**
 * Whether the name at `name` (no type before it) is a constructor's or destructor's: `~Net`, `Net` in
 * `Net`, or any qualified name: `Net::Net`, also through an alias (`using Impl = GateImpl;` then
 * `Impl::GateImpl(…) {`). Only a constructor is declared by a qualified name without a type; a call
 * followed by a block is no statement, and a macro's name is never qualified.
 */
function constructorLike(model: DocumentModel, name: number, owner: string | undefined): boolean {
  return (
    model.isPunct(name - 1, '~') || model.isPunct(name - 1, '::') || model.tokenText(name) === owner
  );
}
