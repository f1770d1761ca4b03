/**
 * Activations written out by hand with array libraries: `np.maximum(0, x)` / `np.maximum(x, 0)` (ReLU) and
 * `1 / (1 + np.exp(-x))` (sigmoid). Clamps against anything but a literal 0 are not activations.
 */
import type { Framework, RecognizedCall } from '../types';
import { parseArgs } from './args';
import type { Imports } from './imports';
import { evalLiteral } from './literals';
import { candidatePaths } from './resolve';
import type { Lang, Token } from './tokenizer';

/** Modules whose `exp`/`maximum` we accept, and the framework each stands for. */
const ARRAY_MODULES: Readonly<Record<string, Framework>> = {
  numpy: 'numpy',
  'jax.numpy': 'jax',
  torch: 'pytorch',
  math: 'other',
  Math: 'other',
};

/** The framework of a dotted name ending in `member`, or undefined when it is not an array module's. */
function arrayModule(
  parts: readonly string[],
  member: string,
  imports: Imports,
  lang: Lang,
): Framework | undefined {
  if (parts[parts.length - 1] !== member) {
    return undefined;
  }
  if (lang === 'julia' && parts.length === 1) {
    return 'other';
  }
  for (const path of candidatePaths(parts, imports, lang)) {
    const mod = path.slice(0, path.length - member.length - 1);
    if (Object.prototype.hasOwnProperty.call(ARRAY_MODULES, mod)) {
      return ARRAY_MODULES[mod];
    }
  }
  return undefined;
}

/** `np.maximum(0, x)`: the hovered `maximum` token at `ti`, its dotted name `parts`. */
export function matchMaximum(
  toks: readonly Token[],
  ti: number,
  parts: readonly string[],
  imports: Imports,
  lang: Lang,
): RecognizedCall | undefined {
  const fw = arrayModule(parts, 'maximum', imports, lang);
  if (fw === undefined || fw === 'other' || toks[ti + 1]?.t !== '(') {
    return undefined;
  }
  const { args, truncated } = parseArgs(toks, ti + 1);
  if (truncated || args.length !== 2 || args.some((a) => a.name !== undefined)) {
    return undefined;
  }
  const zero = args.findIndex((a) => evalLiteral(toks, a.a, a.b) === 0);
  if (zero < 0) {
    return undefined;
  }
  const other = args[1 - zero];
  const x = evalLiteral(toks, other.a, other.b);
  const tok = toks[ti];
  return {
    id: 'relu',
    params: {},
    framework: fw,
    start: tok.s,
    end: tok.e,
    ...(typeof x === 'number' ? { arg: x } : {}),
  };
}

/** Reads a dotted name ending at token `end` (inclusive); returns its parts and first index. */
function nameEndingAt(toks: readonly Token[], end: number): [string[], number] {
  const parts = [toks[end].t];
  let i = end;
  while (i >= 2 && toks[i - 1].t === '.' && toks[i - 2].k === 'id') {
    parts.unshift(toks[i - 2].t);
    i -= 2;
  }
  return [parts, i];
}

/** `1 / (1 + exp(-x))` starting at token `i`: returns the index of its last token, or -1. */
function sigmoidAt(
  toks: readonly Token[],
  i: number,
  imports: Imports,
  lang: Lang,
): [number, Framework] | undefined {
  const one = (k: number): boolean => toks[k]?.k === 'num' && evalLiteral(toks, k, k + 1) === 1;
  if (!one(i) || toks[i + 1]?.t !== '/' || toks[i + 2]?.t !== '(' || !one(i + 3)) {
    return undefined;
  }
  if (toks[i + 4]?.t !== '+') {
    return undefined;
  }
  // The exp call: a dotted name, then `(-`.
  let k = i + 5;
  while (toks[k]?.k === 'id' && toks[k + 1]?.t === '.') {
    k += 2;
  }
  if (toks[k]?.k !== 'id' || toks[k + 1]?.t !== '(' || toks[k + 2]?.t !== '-') {
    return undefined;
  }
  const fw = arrayModule(nameEndingAt(toks, k)[0], 'exp', imports, lang);
  if (fw === undefined) {
    return undefined;
  }
  const expCall = parseArgs(toks, k + 1);
  if (expCall.truncated || expCall.args.length !== 1 || toks[expCall.close + 1]?.t !== ')') {
    return undefined;
  }
  return [expCall.close + 1, fw];
}

/** A hand-written sigmoid whose span covers token `ti` (searched a few tokens back from it). */
export function matchSigmoid(
  toks: readonly Token[],
  ti: number,
  imports: Imports,
  lang: Lang,
): RecognizedCall | undefined {
  for (let i = ti; i >= 0 && i >= ti - 16; i--) {
    if (toks[i].k !== 'num') {
      continue;
    }
    const m = sigmoidAt(toks, i, imports, lang);
    if (m !== undefined && m[0] >= ti) {
      return { id: 'sigmoid', params: {}, framework: m[1], start: toks[i].s, end: toks[m[0]].e };
    }
  }
  return undefined;
}
