/**
 * `handwritten-overflow`: activations written out with `exp` that overflow where the library's do not —
 * `1 / (1 + np.exp(-x))`, `np.log(1 + np.exp(x))` / `np.log1p(np.exp(x))`, and `np.exp(x) / np.sum(np.exp(x))`
 * without the maximum subtracted — in NumPy, jax.numpy, PyTorch and TensorFlow spellings (sigmoid also with
 * `math`). The softmax only fires when `x` is a parameter of the enclosing function that the function has not
 * reassigned (it may have been shifted already otherwise).
 */
import type { Token } from '../recognize/tokenizer';
import { callAt, onlyArg, spanText, tokenStartingAt, type Call } from './expr';
import { EXPS, overflow, prefix, type Family } from './overflowShared';
import { softmaxAt } from './overflowSoftmax';
import { sigmoidOverflowMessage, softplusOverflowMessage } from './messages';
import { resolveName } from './modules';
import type { Source } from './source';
import type { Pitfall } from './types';

export const EXP_ANCHOR = /\bexp\s*\(/g;

const LOG1P_NAMES = new Set(['log1p']);

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
