/**
 * Activation names as parameter defaults of a Hugging Face configuration: `hidden_act: str = "gelu",`,
 * `def __init__(self, hidden_activation="gelu_pytorch_tanh", …)`, and in a `…Config` class's `__init__`
 * any `*_activation` parameter (`classifier_activation: str = "tanh",`). transformers reads these strings
 * through ACT2FN, so they mean what its table says. A dataclass field (`hidden_activation: str = "silu"` in a
 * class body, no trailing comma) is the user's own setting, read by code we cannot see: no hover.
 */
import type { RecognizedCall } from '../types';
import { findEnclosing } from './args';
import { enclosing } from './definitions';
import { stringContents } from './literals';
import type { Scope } from './match';
import { TRANSFORMERS_KWS, TRANSFORMERS_STRINGS } from './tables/transformers';

/** Tokens an annotation may span between `name:` and `=` (`Optional[Union[str, Callable]]`). */
const MAX_ANNOTATION_TOKENS = 16;

/** The activation a configuration parameter's default string names, or undefined. */
export function matchConfigString(scope: Scope, ti: number): RecognizedCall | undefined {
  const { toks, lang } = scope;
  const after = toks[ti + 1]?.t;
  if (lang !== 'python' || toks[ti - 1]?.t !== '=' || !(after === ',' || after === ')')) {
    return undefined;
  }
  const parameter = parameterName(scope, ti - 1);
  if (parameter === undefined) {
    return undefined;
  }
  const { name, annotated } = parameter;
  const enc = findEnclosing(toks, ti, lang);
  const inDef = enc !== undefined && toks[enc.open - 2]?.t === 'def';
  // Only a parameter has an annotation followed by `,` or `)`; unannotated, the `def` must be seen.
  if (!annotated && !inDef) {
    return undefined;
  }
  const hf = TRANSFORMERS_KWS.has(name) || (/_activation$/.test(name) && inConfigClass(scope, ti));
  const { at, value } = stringContents(toks[ti]);
  if (!hf || !Object.prototype.hasOwnProperty.call(TRANSFORMERS_STRINGS, value)) {
    return undefined;
  }
  const spelling = TRANSFORMERS_STRINGS[value];
  // After the prefix and the opening quotes, one or three (`"""gelu"""`).
  const start = toks[ti].s + at;
  return {
    id: spelling.id,
    params: { ...spelling.defaults },
    framework: spelling.framework,
    start,
    end: start + value.length,
  };
}

/** The parameter whose default starts after the `=` at `eq`: `name =` or `name: <annotation> =`. */
function parameterName(scope: Scope, eq: number): { name: string; annotated: boolean } | undefined {
  const { toks } = scope;
  const head = (k: number): boolean => {
    const before = toks[k - 1]?.t;
    return toks[k]?.k === 'id' && (before === '(' || before === ',' || toks[k].st === true);
  };
  if (head(eq - 1)) {
    return { name: toks[eq - 1].t, annotated: false };
  }
  let depth = 0;
  for (let k = eq - 1; k > 0 && k >= eq - MAX_ANNOTATION_TOKENS; k--) {
    const t = toks[k];
    if (t.k === 'p' && (t.t === ']' || t.t === ')')) {
      depth++;
    } else if (t.k === 'p' && (t.t === '[' || t.t === '(')) {
      if (--depth < 0) {
        return undefined;
      }
    } else if (depth === 0 && t.k === 'p' && t.t === ':') {
      return head(k - 1) ? { name: toks[k - 1].t, annotated: true } : undefined;
    } else if (depth === 0 && t.k === 'p' && (t.t === ',' || t.t === '=')) {
      return undefined;
    }
  }
  return undefined;
}

/** Whether token `ti` is in a class whose bases name a configuration (`class TinyConfig(PretrainedConfig)`). */
function inConfigClass(scope: Scope, ti: number): boolean {
  const { model, base } = scope;
  if (model === undefined || base === undefined) {
    return false;
  }
  const cls = enclosing(model, base + ti, (d) => d.keyword === 'class');
  if (cls === undefined) {
    return false;
  }
  for (let k = cls.nameAt + 1; k < cls.end && k < cls.nameAt + 32 && !model.isPunct(k, ':'); k++) {
    if (model.kinds[k] === 0 && model.tokenText(k).endsWith('Config')) {
      return true;
    }
  }
  return false;
}
