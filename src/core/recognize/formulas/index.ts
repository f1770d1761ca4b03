/**
 * Activations written out as formulas (`1 / (1 + np.exp(-x))`, `np.where(x > 0, x, 0.2 * x)`,
 * `0.5 * x * (1 + torch.tanh(…))`): the expression around the hovered token is parsed, normalized to
 * canonical operations on one variable, and matched against each family's patterns, outermost expression
 * first, so hovering any of its tokens shows the whole formula.
 */
import type { Framework, RecognizedCall } from '../../types';
import type { Imports } from '../imports';
import type { Value } from '../spelling';
import type { Scope } from '../match';
import { expressionsAround, statementHas, type Node } from './expr';
import type { Pattern } from './found';
import { hard } from './hard';
import { logistic } from './logistic';
import { rectifier } from './rectifiers';
import { softmax } from './softmax';
import { OP_NAMES } from './ops';
import { normalize } from './terms';
import { boundAt } from './temporaries';
import { matchThroughUse } from './uses';
import type { Lang, Token } from '../tokenizer';

const PATTERNS: readonly Pattern[] = [rectifier, logistic, hard, softmax];

/** Expressions longer than this (in tokens) are not one hand-written activation. */
const MAX_TOKENS = 300;

/**
 * Whether the statement around token `ti` may hold a formula: an operation's name (also under an alias,
 * `from numpy import tanh as np_tanh`) or a comparison.
 */
function mayHoldFormula(scope: Scope, ti: number): boolean {
  const { toks, imports, model, base } = scope;
  if (statementHas(toks, ti, scope.lang, (t) => formulaToken(t) || aliasOfOperation(t, imports))) {
    return true;
  }
  // Only a statement with arithmetic may be a formula over temporaries alone (`r * r`): the names'
  // bindings are not looked up for the many statements without any.
  const bound = (t: Token, k: number): boolean =>
    t.k === 'id' &&
    model !== undefined &&
    base !== undefined &&
    boundAt(model, base + k)?.k === 'value';
  return (
    statementHas(toks, ti, scope.lang, (t) => t.k === 'p' && ARITHMETIC.has(t.t)) &&
    statementHas(toks, ti, scope.lang, bound)
  );
}

const ARITHMETIC = new Set(['*', '/', '+', '-', '**', '^']);

function aliasOfOperation(t: Token, imports: Imports): boolean {
  const path = t.k === 'id' ? imports.aliases.get(t.t) : undefined;
  return path !== undefined && OP_NAMES.has(path.slice(path.lastIndexOf('.') + 1));
}

/** The hand-written activation whose expression contains token `ti`, or undefined. */
export function matchFormula(scope: Scope, ti: number): RecognizedCall | undefined {
  if (!mayHoldFormula(scope, ti)) {
    return undefined;
  }
  const nodes = expressionsAround(scope.toks, ti, scope.lang).filter(
    (node) => node.e - node.s <= MAX_TOKENS && node.k !== 'name' && node.k !== 'num',
  );
  // The expression as written first; then with its temporaries and parameters replaced by their values
  // (`e / e.sum()` after `e = np.exp(x)`), so that a formula over a temporary keeps its own reading. A
  // function body is read for what it computes of its input: only with the values in.
  return (
    (readingBody ? undefined : matchNodes(scope, nodes, false)) ?? matchNodes(scope, nodes, true)
  );
}

/** Whether formulas are being read as a function body's value (see readAsBody). */
let readingBody = false;

/**
 * Runs `read` with formulas read for what they compute of the function's input: `exp(z) / exp(z).sum()`
 * after `z = v / 2` is softmax of z, but the function computes softmax(v / 2), which no activation is.
 */
export function readAsBody<T>(read: () => T): T {
  const saved = readingBody;
  readingBody = true;
  try {
    return read();
  } finally {
    readingBody = saved;
  }
}

/**
 * The first of `nodes` that a pattern reads as an activation. A parameter folded to an infinity or NaN
 * (`x * torch.sigmoid(float("inf") * x)`, JavaScript's `1 / 0`) makes no activation of the catalogue: its
 * curve would be NaN where the step is taken.
 */
function matchNodes(
  scope: Scope,
  nodes: readonly Node[],
  substitute: boolean,
): RecognizedCall | undefined {
  const { toks, imports, lang } = scope;
  for (const node of nodes) {
    const norm = normalize(node, scope, substitute);
    if (norm === undefined) {
      continue;
    }
    for (const pattern of PATTERNS) {
      const found = pattern(norm.term);
      if (found !== undefined && Object.values(found.params).every(isFiniteOrText)) {
        return {
          id: found.id,
          params: { ...found.params },
          ...(found.nonLiteral !== undefined ? { nonLiteral: [...found.nonLiteral] } : {}),
          framework: frameworkOf(norm.frameworks, imports, lang),
          start: toks[node.s].s,
          end: toks[node.e].e,
        };
      }
    }
  }
  return undefined;
}

/**
 * The formula that uses the temporary whose value holds token `ti`. The use is read as the function's
 * value: `log1p(exp(bx))` after `bx = beta * x` is softplus with that β, not the β = 1 of the name `bx`.
 */
export function matchFormulaUse(scope: Scope, ti: number): RecognizedCall | undefined {
  return matchThroughUse(scope, ti, (s, at) => readAsBody(() => matchFormula(s, at)));
}

/** A token a formula needs: an operation's name, or a comparison (`x * (x > 0)`). */
function formulaToken(t: Token): boolean {
  return t.k === 'id'
    ? OP_NAMES.has(t.t)
    : t.k === 'p' && (t.t === '>' || t.t === '<' || t.t === '>=' || t.t === '<=');
}

/** Array libraries a document imports, in the order their framework is preferred. */
const LIBRARIES: readonly [string, Framework][] = [
  ['torch', 'pytorch'],
  ['jax', 'jax'],
  ['tensorflow', 'tensorflow'],
  ['numpy', 'numpy'],
];

/**
 * The framework of a formula: the first library function in it (PyTorch's in C++ is LibTorch), else
 * (`x * (x > 0)` names none) the array library the document imports, else, in Python, NumPy: the array
 * code such a formula is written in when nothing says otherwise.
 */
function frameworkOf(used: readonly Framework[], imports: Imports, lang: Lang): Framework {
  const named = used.find((f) => f !== 'other') ?? used[0];
  if (named !== undefined) {
    return named === 'pytorch' && lang === 'cpp' ? 'libtorch' : named;
  }
  const paths = [...imports.aliases.values()];
  for (const [prefix, fw] of LIBRARIES) {
    if (paths.some((p) => p === prefix || p.startsWith(`${prefix}.`))) {
      return fw;
    }
  }
  return lang === 'python' ? 'numpy' : 'other';
}

/** Whether a parameter's value is a finite number, or a string or boolean (GELU's `approximate`). */
function isFiniteOrText(v: Value): boolean {
  return typeof v !== 'number' || Number.isFinite(v);
}
