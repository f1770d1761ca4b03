/**
 * `double-activation` in Keras: a model whose last layer applies a softmax (sigmoid) — `keras.Sequential([…,
 * layers.Dense(10, activation="softmax")])`, `model.add(…)`, or the functional `keras.Model(inputs, outputs)`,
 * read by kerasModel.ts — and `model.compile(loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))`
 * in the same file. The loss must be built inside the `compile` call. The fix turns `from_logits=True` into
 * `from_logits=False`.
 */
import type { Token } from '../recognize/tokenizer';
import { callAt, tokenStartingAt } from './expr';
import { lastLayerOf } from './kerasModel';
import { kerasFromLogitsMessage } from './messages';
import { resolveName } from './modules';
import type { Source } from './source';
import type { Pitfall } from './types';

export const FROM_LOGITS_ANCHOR = /\bfrom_logits\s*=\s*True\b/g;

/** Keras losses that take from_logits, with the activation they apply themselves. */
const LOSSES: ReadonlyMap<string, 'softmax' | 'sigmoid'> = new Map([
  ['CategoricalCrossentropy', 'softmax'],
  ['SparseCategoricalCrossentropy', 'softmax'],
  ['BinaryCrossentropy', 'sigmoid'],
  ['BinaryFocalCrossentropy', 'sigmoid'],
]);

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
  const last = lastLayerOf(source, compile.parts[0]);
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
