/**
 * `double-activation` in Keras: `model = keras.Sequential([…, layers.Dense(10, activation="softmax")])` and
 * `model.compile(loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))` in the same file. Only
 * a model bound once to a Sequential list and never extended with `.add` is followed; the loss must be built
 * inside the `compile` call. The fix turns `from_logits=True` into `from_logits=False`.
 */
import type { Token } from '../recognize/tokenizer';
import { argsAt, callAt, tokenStartingAt } from './expr';
import { kerasFromLogitsMessage } from './messages';
import { resolveName } from './modules';
import { lineStart, matchOffsets, type Source } from './source';
import type { Pitfall } from './types';

export const FROM_LOGITS_ANCHOR = /\bfrom_logits\s*=\s*True\b/g;

/** Keras losses that take from_logits, with the activation they apply themselves. */
const LOSSES: ReadonlyMap<string, 'softmax' | 'sigmoid'> = new Map([
  ['CategoricalCrossentropy', 'softmax'],
  ['SparseCategoricalCrossentropy', 'softmax'],
  ['BinaryCrossentropy', 'sigmoid'],
  ['BinaryFocalCrossentropy', 'sigmoid'],
]);

/** How far a Sequential list may run. */
const MAX_MODEL_CHARS = 20_000;

export function kerasFromLogitsAt(source: Source, offset: number): Pitfall | undefined {
  if (source.lang !== 'python') {
    return undefined;
  }
  const { toks } = source.tokensAround(offset);
  const kw = tokenStartingAt(toks, offset);
  const trueTok = toks[kw + 2];
  const open = enclosingParen(toks, kw);
  const loss = open < 0 ? undefined : callAt(toks, open - 1);
  const lossName = loss?.parts[loss.parts.length - 1] ?? '';
  const applies = LOSSES.get(lossName);
  const full = loss === undefined ? undefined : resolveName(source, loss.parts);
  if (loss === undefined || applies === undefined || trueTok?.t !== 'True' || !isKeras(full)) {
    return undefined;
  }
  // The loss is built right inside `model.compile(…)`.
  const compileOpen = enclosingParen(toks, loss.first);
  const compile = compileOpen < 0 ? undefined : callAt(toks, compileOpen - 1);
  if (compile?.parts.length !== 2 || compile.parts[1] !== 'compile') {
    return undefined;
  }
  const last = lastLayer(source, compile.parts[0]);
  if (last === undefined || last.activation !== applies) {
    return undefined;
  }
  return {
    rule: 'double-activation',
    start: last.start,
    end: last.end,
    severity: 'warning',
    message: kerasFromLogitsMessage(applies, lossName),
    fix: {
      title: 'Use from_logits=False',
      start: trueTok.s,
      end: trueTok.e,
      replacement: 'False',
    },
    explain: [{ id: applies, params: {} }],
  };
}

function isKeras(full: string | undefined): boolean {
  return (
    full !== undefined && /^(?:keras|tensorflow\.keras|tf_keras)\.(?:losses\.)?\w+$/.test(full)
  );
}

/** The `(` that encloses token `i`, or -1. */
function enclosingParen(toks: readonly Token[], i: number): number {
  let depth = 0;
  for (let k = i - 1; k >= 0; k--) {
    const t = toks[k].t;
    if (t === ')' || t === ']' || t === '}') {
      depth++;
    } else if (t === '(' || t === '[' || t === '{') {
      if (depth === 0) {
        return t === '(' ? k : -1;
      }
      depth--;
    }
  }
  return -1;
}

/**
 * The activation of the last layer of `model = keras.Sequential([…])`, when `model` is bound exactly once in
 * the file and never extended: the string in `activation="softmax"`, or a `Softmax()`/`Activation("sigmoid")`.
 */
function lastLayer(
  source: Source,
  model: string,
): { activation: string; start: number; end: number } | undefined {
  const { text } = source;
  const bound = matchOffsets(text, new RegExp(`(?<![\\w.])${model}\\s*=(?!=)`, 'g'));
  if (bound.length !== 1 || new RegExp(`(?<![\\w.])${model}\\s*\\.\\s*add\\s*\\(`).test(text)) {
    return undefined;
  }
  const from = lineStart(text, bound[0]);
  const toks = source.tokensBetween(from, Math.min(text.length, from + MAX_MODEL_CHARS));
  const eq = toks.findIndex((t) => t.t === '=');
  const seq = eq < 0 ? undefined : callAt(toks, lastNameOfPath(toks, eq + 1));
  if (
    seq === undefined ||
    seq.parts[seq.parts.length - 1] !== 'Sequential' ||
    seq.first !== eq + 1
  ) {
    return undefined;
  }
  const list = seq.args[0];
  if (list === undefined || toks[list.a].t !== '[' || toks[list.b - 1].t !== ']') {
    return undefined;
  }
  const layers = argsAt(toks, list.a);
  const layer = layers?.[layers.length - 1];
  const layerCall = layer === undefined ? undefined : callAt(toks, lastNameOfPath(toks, layer.a));
  if (layer === undefined || layerCall === undefined || layerCall.close !== layer.b - 1) {
    return undefined;
  }
  const act = layerCall.args.find((a) => a.name === 'activation');
  const named = act !== undefined && act.b - act.a === 1 ? toks[act.a] : undefined;
  const at =
    named ?? (layerCall.args.length === 1 ? toks[layerCall.args[0].a] : toks[layerCall.name]);
  const call = at.k === 'str' ? source.recognizeString(at.s, at.e) : source.recognize(at.s);
  if (call === undefined || (call.id !== 'softmax' && call.id !== 'sigmoid')) {
    return undefined;
  }
  return { activation: call.id, start: at.s, end: at.e };
}

/** The last name of the dotted path starting at token `i`. */
function lastNameOfPath(toks: readonly Token[], i: number): number {
  let k = i;
  while (toks[k + 1]?.t === '.' && toks[k + 2]?.k === 'id') {
    k += 2;
  }
  return k;
}
