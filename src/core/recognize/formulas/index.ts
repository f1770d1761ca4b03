/**
 * Activations written out as formulas (`1 / (1 + np.exp(-x))`, `np.where(x > 0, x, 0.2 * x)`,
 * `0.5 * x * (1 + torch.tanh(…))`): the expression around the hovered token is parsed, normalized to
 * canonical operations on one variable, and matched against each family's patterns, outermost expression
 * first, so hovering any of its tokens shows the whole formula.
 */
import type { Framework, RecognizedCall } from '../../types';
import type { Imports } from '../imports';
import type { Scope } from '../match';
import { expressionsAround, statementHas } from './expr';
import type { Pattern } from './found';
import { hard } from './hard';
import { logistic } from './logistic';
import { rectifier } from './rectifiers';
import { softmax } from './softmax';
import { OP_NAMES } from './ops';
import { normalize } from './terms';
import type { Token } from '../tokenizer';

const PATTERNS: readonly Pattern[] = [rectifier, logistic, hard, softmax];

/** Expressions longer than this (in tokens) are not one hand-written activation. */
const MAX_TOKENS = 300;

/** The hand-written activation whose expression contains token `ti`, or undefined. */
export function matchFormula(scope: Scope, ti: number): RecognizedCall | undefined {
  const { toks, imports, lang } = scope;
  if (!statementHas(toks, ti, formulaToken)) {
    return undefined;
  }
  for (const node of expressionsAround(toks, ti, lang)) {
    if (node.e - node.s > MAX_TOKENS || node.k === 'name' || node.k === 'num') {
      continue;
    }
    const norm = normalize(node, toks, imports, lang);
    if (norm === undefined) {
      continue;
    }
    for (const pattern of PATTERNS) {
      const found = pattern(norm.term);
      if (found !== undefined) {
        return {
          id: found.id,
          params: { ...found.params },
          framework: frameworkOf(norm.frameworks, imports),
          start: toks[node.s].s,
          end: toks[node.e].e,
        };
      }
    }
  }
  return undefined;
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
 * The framework of a formula: the first library function in it, else (`x * (x > 0)` names none) the
 * array library the document imports.
 */
function frameworkOf(used: readonly Framework[], imports: Imports): Framework {
  const named = used.find((f) => f !== 'other') ?? used[0];
  if (named !== undefined) {
    return named;
  }
  const paths = [...imports.aliases.values()];
  for (const [prefix, fw] of LIBRARIES) {
    if (paths.some((p) => p === prefix || p.startsWith(`${prefix}.`))) {
      return fw;
    }
  }
  return 'other';
}
