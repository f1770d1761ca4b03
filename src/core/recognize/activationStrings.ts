/**
 * Activations named by a string where a layer is configured: Keras `activation="relu"` and
 * `layers.Activation("gelu")`, PyTorch Transformer layers' `activation="gelu"`, TF.js `{activation: 'relu'}`
 * (and fused ops' `'leakyrelu'`), Hugging Face transformers' `ACT2FN["gelu_new"]` and `hidden_act="…"`.
 * A string anywhere else (`calculate_gain('relu')`, `nonlinearity='relu'`) is not an activation.
 */
import type { RecognizedCall } from '../types';
import { findEnclosing, parseArgs, type Arg } from './args';
import { matchConfigString } from './configStrings';
import type { Imports } from './imports';
import { evalLiteral, stringContents, stringValue } from './literals';
import type { Scope } from './match';
import { candidatePaths } from './resolve';
import type { Spelling } from './spelling';
import { KERAS2_STRINGS, KERAS3_STRINGS } from './tables/keras';
import { PYTORCH_STRINGS } from './tables/pytorch';
import { TFJS_STRINGS } from './tables/tfjs';
import {
  TRANSFORMERS_KWS,
  TRANSFORMERS_LOOKUPS,
  TRANSFORMERS_STRINGS,
} from './tables/transformers';
import type { Token } from './tokenizer';

/** TF.js fused ops' activations that tfjs-layers does not spell: they take their parameter from a sibling. */
const FUSED = new Set(['leakyrelu', 'prelu']);

/** Keyword arguments that take an activation by name (Keras also spells `classifier_activation`, …). */
const ACTIVATION_KWS = new Set(['activation', 'recurrent_activation', 'recurrentActivation']);

/** The first parameter's keyword in the lookups by name: keras.activations.get, transformers' get_activation. */
const NAME_KWS = new Set(['identifier', 'activation_string']);

/** `final_activation`, and the `_fn` spelling of such keywords (`pooler_activation_fn="tanh"`). */
const PREFIXED_ACTIVATION_KW = /^[a-z]+_activation(?:_fn)?$/;

function isActivationKeyword(name: string | undefined): boolean {
  return name !== undefined && (ACTIVATION_KWS.has(name) || PREFIXED_ACTIVATION_KW.test(name));
}

/**
 * Which activation strings a layer accepts, from where its name comes from: PyTorch, tf.keras 2, Keras 3.
 * A layer imported from another library (scikit-learn's `activation='logistic'`, the user's own modules) has
 * its own meaning for the string; an unresolved name follows the document's Keras generation.
 */
function stringTable(
  path: string | undefined,
  imports: Imports,
): Readonly<Record<string, Spelling>> | undefined {
  if (path === undefined) {
    return imports.tfKeras ? KERAS2_STRINGS : KERAS3_STRINGS;
  }
  if (path.startsWith('torch')) {
    return PYTORCH_STRINGS;
  }
  if (path.startsWith('tensorflow') || path.startsWith('tf_keras')) {
    return KERAS2_STRINGS;
  }
  return path.startsWith('keras') ? KERAS3_STRINGS : undefined;
}

/** Recognizes a string naming an activation: `activation="relu"`, `Activation("gelu")`, `{activation: 'relu'}`. */
export function matchString(scope: Scope, ti: number): RecognizedCall | undefined {
  const { toks, lang, imports } = scope;
  const tok = toks[ti];
  const enc = findEnclosing(toks, ti, lang);
  const after = toks[ti + 1]?.t;
  if (
    enc === undefined ||
    (enc.argStart !== ti &&
      !(lang === 'js' && isFallback(toks, ti)) &&
      !isPythonDefault(toks, ti, lang)) ||
    !(after === ',' || after === ')' || after === '}' || after === ']')
  ) {
    return undefined;
  }
  let table: Readonly<Record<string, Spelling>> | undefined;
  if (lang === 'js') {
    // `{activation: 'relu'}`, a parameter's default (`function dense(units, activation = 'relu') {`), as
    // Python's `def dense(units, activation="relu")` is read, or an array pattern's default
    // (`const [activation = 'tanh', units = 64] = spec`): inside a `(` only a parameter list counts.
    const config =
      (toks[enc.open].t !== '(' || isParameterList(toks, enc.open)) &&
      enc.name &&
      ACTIVATION_KWS.has(enc.name);
    if (config && FUSED.has(stringValue(tok))) {
      // Only the fused ops know these names (tfjs-layers would reject them): nothing outside their config.
      return inFusedOp(toks, enc.open) ? fusedActivation(toks, ti, enc.open) : undefined;
    }
    table = config ? TFJS_STRINGS : undefined;
  } else if (lang === 'python' && toks[enc.open].t === '[') {
    // transformers: ACT2FN["gelu_new"]
    const lookup = toks[enc.open - 1];
    table =
      enc.index === 0 && TRANSFORMERS_LOOKUPS.has(lookup?.t) ? TRANSFORMERS_STRINGS : undefined;
  } else if (lang === 'python' && toks[enc.open].t === '(') {
    const calleeEnd = enc.open - 1;
    let j = calleeEnd;
    while (j >= 2 && toks[j - 1].t === '.' && toks[j - 2].k === 'id') {
      j -= 2;
    }
    const parts = toks
      .slice(j, calleeEnd + 1)
      .filter((t) => t.k === 'id')
      .map((t) => t.t);
    const last = parts[parts.length - 1];
    const first = enc.index === 0 && (enc.name === undefined || NAME_KWS.has(enc.name));
    // transformers' own keywords first: `hidden_activation` also has the shape of a Keras `*_activation`.
    const transformers =
      (enc.name !== undefined && TRANSFORMERS_KWS.has(enc.name)) ||
      (first && TRANSFORMERS_LOOKUPS.has(last));
    const named = isActivationKeyword(enc.name);
    const layer =
      first && (last === 'Activation' || (last === 'get' && parts.includes('activations')));
    // `classifier_activation="tanh"` in a `…Config` class's `__init__` is transformers' (ACT2FN), not Keras'.
    const config = named ? matchConfigString(scope, ti) : undefined;
    if (config !== undefined) {
      return config;
    }
    if (transformers) {
      table = TRANSFORMERS_STRINGS;
    } else if (parts.length > 0 && (named || layer)) {
      table = stringTable(candidatePaths(parts, imports, lang)[0], imports);
    }
  }
  const name = stringValue(tok);
  if (table === undefined || !Object.prototype.hasOwnProperty.call(table, name)) {
    return undefined;
  }
  const spelling = table[name];
  return {
    id: spelling.id,
    params: { ...spelling.defaults },
    framework: spelling.framework,
    ...span(tok),
  };
}

/** Whether the `(` at `open` opens a function's parameter list: its `)` is followed by a body or a return type. */
function isParameterList(toks: readonly Token[], open: number): boolean {
  const { close } = parseArgs(toks, open);
  const after = close < 0 ? undefined : toks[close + 1]?.t;
  return after === '{' || after === '=>' || after === ':';
}

/** Whether the object opened at `open` is the argument of a fused op: `tf.fused.matMul({…})`, `fused.conv2d({…})`. */
function inFusedOp(toks: readonly Token[], open: number): boolean {
  return (
    toks[open - 1]?.t === '(' &&
    toks[open - 2]?.k === 'id' &&
    toks[open - 3]?.t === '.' &&
    toks[open - 4]?.t === 'fused'
  );
}

/**
 * A JS default after `??` or `||` (`activation: opts.activation ?? 'relu'`): the value when none is given;
 * the value after `&&` (`activation: useRelu && 'relu'`), the only name the layer can be given (a falsy
 * `false`, `0` or `''` is no activation identifier: tfjs-layers rejects it); or a conditional expression's
 * last branch (`activation: hidden ? act : 'relu'`), as Python's `act if hidden else "relu"` is read. (A `:`
 * before a string that does not start its argument is a conditional's: a property's `:` starts it.) The
 * string is never the first token of its list, so both tokens before it exist.
 */
function isFallback(toks: readonly Token[], ti: number): boolean {
  const a = toks[ti - 2];
  const b = toks[ti - 1];
  if (b.t === ':') {
    return true;
  }
  return a.e === b.s && a.t === b.t && (b.t === '?' || b.t === '|' || b.t === '&');
}

/**
 * Python words after which a string is the value taken when the test fails (`or`, `else`), or when it
 * holds (`and`: `activation=use_relu and "relu"`, where a false flag is no identifier Keras accepts).
 */
const PYTHON_FALLBACKS: ReadonlySet<string> = new Set(['or', 'else', 'and']);

/**
 * A Python default after `or` (`activation=act or "relu"`, `ACT2FN[config.hidden_act or "gelu"]`) or after a
 * conditional expression's `else` (`activation=None if linear else "relu"`): the value when none is given,
 * as JavaScript's `??` and `||` are read.
 */
function isPythonDefault(toks: readonly Token[], ti: number, lang: string): boolean {
  return lang === 'python' && toks[ti - 1]?.k === 'id' && PYTHON_FALLBACKS.has(toks[ti - 1].t);
}

/** The span of a string's contents (without prefixes and quotes). */
function span(tok: Token): { start: number; end: number } {
  const { at, value } = stringContents(tok);
  const start = tok.s + at;
  return { start, end: start + value.length };
}

/**
 * TF.js fused ops (`tf.fused.matMul({…, activation: 'leakyrelu', leakyreluAlpha: 0.1})`): the slope comes
 * from the sibling `leakyreluAlpha` (else tf.leakyRelu's 0.2); 'prelu' takes its slopes from the tensor
 * `preluActivationWeights`, a value no hover can know.
 */
function fusedActivation(toks: readonly Token[], ti: number, open: number): RecognizedCall {
  const siblings = parseArgs(toks, open).args;
  // TF.js reads the property however the member is written: `key: value`, the shorthand `{…, leakyreluAlpha}`
  // (a variable), a method, or a getter `get leakyreluAlpha() {…}` (a value no hover can know).
  const sibling = (key: string): Arg | undefined =>
    siblings.find(
      (a) =>
        a.name === key ||
        toks[a.a].t === key ||
        (toks[a.a].t === 'get' && toks[a.a + 1]?.t === key),
    );
  const tok = toks[ti];
  if (stringValue(tok) === 'prelu') {
    const weights = sibling('preluActivationWeights');
    return {
      id: 'prelu',
      params: {},
      framework: 'tfjs',
      ...span(tok),
      ...(weights !== undefined ? { nonLiteral: ['weight'] } : {}),
    };
  }
  const alpha = sibling('leakyreluAlpha');
  const v = alpha === undefined ? 0.2 : evalLiteral(toks, alpha.a, alpha.b, 'js');
  const literal = typeof v === 'number';
  return {
    id: 'leaky_relu',
    params: { negative_slope: literal ? v : 0.2 },
    framework: 'tfjs',
    ...span(tok),
    ...(literal ? {} : { nonLiteral: ['negative_slope'] }),
  };
}
