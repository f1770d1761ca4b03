/**
 * Activations named by a string where a layer is configured: Keras `activation="relu"` and
 * `layers.Activation("gelu")`, PyTorch Transformer layers' `activation="gelu"`, TF.js `{activation: 'relu'}`.
 * A string anywhere else (`calculate_gain('relu')`, `nonlinearity='relu'`) is not an activation.
 */
import type { RecognizedCall } from '../types';
import { findEnclosing } from './args';
import type { Imports } from './imports';
import { stringValue } from './literals';
import type { Scope } from './match';
import { candidatePaths } from './resolve';
import type { Spelling } from './spelling';
import { KERAS2_STRINGS, KERAS3_STRINGS } from './tables/keras';
import { PYTORCH_STRINGS } from './tables/pytorch';
import { TFJS_STRINGS } from './tables/tfjs';

/** Keyword arguments that take an activation by name. */
const ACTIVATION_KWS = new Set(['activation', 'recurrent_activation', 'recurrentActivation']);

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
    enc.argStart !== ti ||
    !(after === ',' || after === ')' || after === '}')
  ) {
    return undefined;
  }
  let table: Readonly<Record<string, Spelling>> | undefined;
  if (lang === 'js') {
    table =
      toks[enc.open].t === '{' && enc.name && ACTIVATION_KWS.has(enc.name)
        ? TFJS_STRINGS
        : undefined;
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
    const named = enc.name !== undefined && ACTIVATION_KWS.has(enc.name);
    const layer =
      enc.name === undefined &&
      enc.index === 0 &&
      (last === 'Activation' || (last === 'get' && parts.includes('activations')));
    if (parts.length > 0 && (named || layer)) {
      table = stringTable(candidatePaths(parts, imports, lang)[0], imports);
    }
  }
  const name = stringValue(tok);
  if (table === undefined || !Object.prototype.hasOwnProperty.call(table, name)) {
    return undefined;
  }
  const spelling = table[name];
  const open = tok.t.indexOf(tok.t.endsWith('"') ? '"' : "'");
  const start = tok.s + (open >= 0 ? open + 1 : 1);
  return {
    id: spelling.id,
    params: { ...spelling.defaults },
    framework: spelling.framework,
    start,
    end: start + name.length,
  };
}
