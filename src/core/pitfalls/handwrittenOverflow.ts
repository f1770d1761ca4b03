/**
 * `handwritten-overflow`: activations written out with `exp` that overflow where the library's do not —
 * `1 / (1 + np.exp(-x))`, `np.log(1 + np.exp(x))` / `np.log1p(np.exp(x))`, and `np.exp(x) / np.sum(np.exp(x))`
 * without the maximum subtracted — in NumPy, jax.numpy, PyTorch and TensorFlow spellings (sigmoid also with
 * `math`). The softmax only fires when `x` is a parameter of the enclosing function that the function has not
 * reassigned (it may have been shifted already otherwise).
 */
import type { Token } from '../recognize/tokenizer';
import type { Arg } from '../recognize/args';
import { argText, argsAt, callAt, onlyArg, spanText, tokenStartingAt, type Call } from './expr';
import {
  sigmoidOverflowMessage,
  softmaxOverflowMessage,
  softplusOverflowMessage,
} from './messages';
import { resolveName } from './modules';
import type { Source } from './source';
import { isUnshiftedParameter } from './scope';
import type { Pitfall, PitfallFix } from './types';

export const EXP_ANCHOR = /\bexp\s*\(/g;

type Family = 'numpy' | 'jax' | 'torch' | 'tf' | 'math';

const EXPS: ReadonlyMap<string, Family> = new Map([
  ['numpy.exp', 'numpy'],
  ['jax.numpy.exp', 'jax'],
  ['torch.exp', 'torch'],
  ['tensorflow.exp', 'tf'],
  ['tensorflow.math.exp', 'tf'],
  ['math.exp', 'math'],
]);

const SUMS: ReadonlyMap<string, Family> = new Map([
  ['numpy.sum', 'numpy'],
  ['jax.numpy.sum', 'jax'],
  ['torch.sum', 'torch'],
  ['tensorflow.reduce_sum', 'tf'],
  ['tensorflow.math.reduce_sum', 'tf'],
]);

const LOG1P_NAMES = new Set(['log1p']);

/** The maximum that matches each family's sum, by the name after the module prefix. */
const MAX_NAME: Readonly<Record<Family, string>> = {
  numpy: 'max',
  jax: 'max',
  torch: 'amax',
  tf: 'reduce_max',
  math: '',
};

const SUM_KEYWORDS = new Set(['axis', 'keepdims', 'dim', 'keepdim']);

/** Tokens that may come right before a numerator `exp(x)` (so that it is the whole left operand). */
const STARTERS = new Set(['=', '(', ',', '[', 'return', ':', '{', 'lambda']);

export function handwrittenOverflowAt(source: Source, offset: number): Pitfall | undefined {
  if (source.lang !== 'python' || !mayBeOverflow(source.text, offset)) {
    return undefined;
  }
  const { toks } = source.tokensAround(offset);
  const ni = tokenStartingAt(toks, offset);
  const exp = ni < 0 ? undefined : callAt(toks, ni);
  const family = exp === undefined ? undefined : EXPS.get(resolveName(source, exp.parts) ?? '');
  const arg = exp === undefined ? undefined : onlyArg(exp);
  if (
    exp === undefined ||
    family === undefined ||
    arg === undefined ||
    toks[exp.first - 1]?.t === '.'
  ) {
    return undefined;
  }
  return (
    sigmoidAt(source, toks, exp, family) ??
    softplusAt(source, toks, exp, family) ??
    softmaxAt(source, toks, exp, family)
  );
}

/**
 * Before any tokenizing: the text around `exp` has one of the three shapes — `1 / (1 + ` or `log(1 + ` /
 * `log1p(` before its module path, or `exp(name) /` from it on.
 */
function mayBeOverflow(text: string, offset: number): boolean {
  const before = text.slice(Math.max(0, offset - 80), offset).replace(/[\w.]*$/, '');
  return (
    /1(?:\.0*)?\s*\/\s*\(\s*1(?:\.0*)?\s*\+\s*$/.test(before) ||
    /\blog(?:1p)?\s*\(\s*(?:1(?:\.0*)?\s*\+\s*)?$/.test(before) ||
    /^exp\s*\(\s*\w+\s*\)\s*\//.test(text.slice(offset, offset + 120))
  );
}

function isOne(tok: Token | undefined): boolean {
  return tok?.k === 'num' && /^1(?:\.0*)?$/.test(tok.t);
}

/** The module prefix as written (`np.` of `np.exp`, `tf.math.` of `tf.math.exp`). */
function prefix(source: Source, toks: readonly Token[], c: Call): string {
  return source.text.slice(toks[c.first].s, toks[c.name].s);
}

/** `1 / (1 + exp(-x))`. */
function sigmoidAt(
  source: Source,
  toks: readonly Token[],
  exp: Call,
  family: Family,
): Pitfall | undefined {
  const f = exp.first;
  const a = exp.args[0].a;
  const shape =
    toks[f - 1]?.t === '+' &&
    isOne(toks[f - 2]) &&
    toks[f - 3]?.t === '(' &&
    toks[f - 4]?.t === '/' &&
    isOne(toks[f - 5]) &&
    toks[exp.close + 1]?.t === ')' &&
    toks[a].t === '-' &&
    exp.args[0].b > a + 1;
  if (!shape) {
    return undefined;
  }
  const x = spanText(source.text, toks, a + 1, exp.args[0].b - 1);
  const head = exp.parts[0];
  const path =
    family === 'torch'
      ? `${head}.sigmoid`
      : family === 'tf'
        ? `${head}.math.sigmoid`
        : family === 'jax'
          ? withLocal(source, 'jax', (jax) => `${jax}.nn.sigmoid`)
          : expitPath(source);
  const better =
    family === 'torch'
      ? 'torch.sigmoid'
      : family === 'tf'
        ? 'tf.math.sigmoid'
        : family === 'jax'
          ? 'jax.nn.sigmoid'
          : 'scipy.special.expit';
  const start = toks[f - 5].s;
  const end = toks[exp.close + 1].e;
  const module = family === 'numpy' ? 'numpy' : family === 'math' ? 'other' : 'torch';
  return overflow(
    start,
    end,
    sigmoidOverflowMessage(better, module),
    'sigmoid',
    path && {
      title: `Use ${better}`,
      start,
      end,
      replacement: `${path}(${x})`,
    },
  );
}

/** `log(1 + exp(x))` or `log1p(exp(x))`. */
function softplusAt(
  source: Source,
  toks: readonly Token[],
  exp: Call,
  family: Family,
): Pitfall | undefined {
  const f = exp.first;
  if (family === 'math') {
    return undefined;
  }
  let open: number;
  if (toks[f - 1]?.t === '+' && isOne(toks[f - 2]) && toks[f - 3]?.t === '(') {
    open = f - 3;
  } else if (toks[f - 1]?.t === '(') {
    open = f - 1;
  } else {
    return undefined;
  }
  const log = callAt(toks, open - 1);
  const logFull = log === undefined ? '' : (resolveName(source, log.parts) ?? '');
  const logName = log?.parts[log.parts.length - 1];
  const sameModule =
    logFull.slice(0, logFull.lastIndexOf('.')) ===
    (resolveName(source, exp.parts) ?? '').replace(/\.exp$/, '');
  const fits = open === f - 3 ? logName === 'log' : LOG1P_NAMES.has(logName ?? '');
  if (
    log === undefined ||
    !fits ||
    !sameModule ||
    log.close !== exp.close + 1 ||
    log.open !== open
  ) {
    return undefined;
  }
  const x = spanText(source.text, toks, exp.args[0].a, exp.args[0].b - 1);
  const p = prefix(source, toks, exp);
  const replacement =
    family === 'numpy' || family === 'jax'
      ? `${p}logaddexp(0, ${x})`
      : family === 'torch'
        ? functionalSoftplus(source, exp.parts[0], x)
        : `${exp.parts[0]}.math.softplus(${x})`;
  const better =
    family === 'torch'
      ? 'F.softplus'
      : family === 'tf'
        ? 'tf.math.softplus'
        : `${family === 'jax' ? 'jnp' : 'np'}.logaddexp(0, x)`;
  const start = toks[log.first].s;
  const end = toks[log.close].e;
  return overflow(
    start,
    end,
    softplusOverflowMessage(better),
    'softplus',
    replacement && {
      title: `Use ${better}`,
      start,
      end,
      replacement,
    },
  );
}

/** `exp(x) / sum(exp(x), …)` or `exp(x) / exp(x).sum(…)`, x an unshifted parameter. */
function softmaxAt(
  source: Source,
  toks: readonly Token[],
  exp: Call,
  family: Family,
): Pitfall | undefined {
  const before = toks[exp.first - 1];
  if (
    family === 'math' ||
    toks[exp.close + 1]?.t !== '/' ||
    (before !== undefined && !STARTERS.has(before.t) && !before.nl)
  ) {
    return undefined;
  }
  const d = exp.close + 2;
  let inner: Call | undefined;
  let sumArgs: readonly Arg[] = [];
  let end: number;
  const den = callAt(toks, lastName(toks, d));
  if (
    den !== undefined &&
    den.first === d &&
    SUMS.get(resolveName(source, den.parts) ?? '') === family
  ) {
    const first = den.args[0];
    inner =
      first?.name === undefined && first !== undefined
        ? callAt(toks, lastName(toks, first.a))
        : undefined;
    if (inner === undefined || inner.first !== first.a || inner.close !== first.b - 1) {
      return undefined;
    }
    sumArgs = den.args.slice(1);
    if (den.args.slice(1).some((a) => a.name !== undefined && !SUM_KEYWORDS.has(a.name))) {
      return undefined;
    }
    end = den.close;
  } else {
    inner = callAt(toks, lastName(toks, d));
    const sum = inner === undefined ? undefined : toks[inner.close + 1];
    const args = inner === undefined ? undefined : argsAt(toks, inner.close + 3);
    if (
      inner === undefined ||
      inner.first !== d ||
      sum?.t !== '.' ||
      toks[inner.close + 2]?.t !== 'sum' ||
      args === undefined
    ) {
      return undefined;
    }
    if (args.some((a) => a.name !== undefined && !SUM_KEYWORDS.has(a.name))) {
      return undefined;
    }
    sumArgs = args;
    end = closeOf(toks, inner.close + 3);
  }
  const after = toks[end + 1]?.t;
  if (after === '**' || after === '.' || after === '(' || after === '[') {
    return undefined;
  }
  const num = exp.args[0];
  const innerArg = onlyArg(inner);
  if (
    innerArg === undefined ||
    EXPS.get(resolveName(source, inner.parts) ?? '') !== family ||
    num.b - num.a !== 1 ||
    innerArg.b - innerArg.a !== 1 ||
    toks[num.a].k !== 'id' ||
    toks[num.a].t !== toks[innerArg.a].t ||
    !isUnshiftedParameter(source.text, toks[num.a].t, toks[exp.first].s)
  ) {
    return undefined;
  }
  const x = toks[num.a].t;
  const p = prefix(source, toks, exp);
  const maxArgs = sumArgs.map((a) => argText(source.text, toks, a));
  const shifted = `${x} - ${p}${MAX_NAME[family]}(${[x, ...maxArgs].join(', ')})`;
  const start = toks[exp.first].s;
  const stop = toks[end].e;
  const { text } = source;
  const replacement =
    text.slice(start, toks[num.a].s) +
    shifted +
    text.slice(toks[num.a].e, toks[innerArg.a].s) +
    shifted +
    text.slice(toks[innerArg.a].e, stop);
  return overflow(start, stop, softmaxOverflowMessage(), 'softmax', {
    title: 'Subtract the maximum first',
    start,
    end: stop,
    replacement,
  });
}

function overflow(
  start: number,
  end: number,
  message: string,
  id: string,
  fix: PitfallFix | undefined | '',
): Pitfall {
  return {
    rule: 'handwritten-overflow',
    start,
    end,
    severity: 'information',
    message,
    ...(fix ? { fix } : {}),
    explain: [{ id, params: {} }],
  };
}

function lastName(toks: readonly Token[], i: number): number {
  let k = i;
  while (toks[k + 1]?.t === '.' && toks[k + 2]?.k === 'id') {
    k += 2;
  }
  return k;
}

function closeOf(toks: readonly Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < toks.length; i++) {
    const t = toks[i].t;
    depth += t === '(' || t === '[' ? 1 : t === ')' || t === ']' ? -1 : 0;
    if (depth === 0) {
      return i;
    }
  }
  return toks.length - 1;
}

function withLocal(
  source: Source,
  module: string,
  make: (local: string) => string,
): string | undefined {
  const local = source.localName(module);
  return local === undefined ? undefined : make(local);
}

/** `expit`, `special.expit` or `scipy.special.expit`, as this file's imports allow. */
function expitPath(source: Source): string | undefined {
  const direct = source.localName('scipy.special.expit');
  if (direct !== undefined) {
    return direct;
  }
  return (
    withLocal(source, 'scipy.special', (s) => `${s}.expit`) ??
    withLocal(source, 'scipy', (s) => `${s}.special.expit`)
  );
}

function functionalSoftplus(source: Source, torch: string, x: string): string {
  const f = source.localName('torch.nn.functional');
  return f !== undefined ? `${f}.softplus(${x})` : `${torch}.nn.functional.softplus(${x})`;
}
