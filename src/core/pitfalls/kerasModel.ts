/**
 * The activation of a Keras model's last layer, read only where the file leaves no doubt. The model name must
 * be bound exactly once, to one of the three ways Keras code builds a model:
 * - `keras.Sequential([…])`: the list's last layer, unless `.add` calls follow;
 * - `keras.Sequential()` then `model.add(layer)` calls: the last one, at the binding's own indentation (an
 *   `add` inside an `if` or a loop may not run);
 * - the functional API `keras.Model(inputs, outputs)`: the layer that `outputs` (bound once) is the output of,
 *   `outputs = layers.Dense(10, activation="softmax")(x)`.
 * A subclassed model, a model returned by a function, or any name bound twice: no answer.
 */
import { parseArgs, type Arg } from '../recognize/args';
import type { Token } from '../recognize/tokenizer';
import { argsAt, callAt, tokenStartingAt } from './expr';
import { lineStart, matchOffsets, type Source } from './source';

/** How far a Sequential list may run. */
const MAX_MODEL_CHARS = 20_000;

/** The flagged layer: its activation and where the activation is written. */
export interface LastLayer {
  readonly activation: 'softmax' | 'sigmoid';
  readonly start: number;
  readonly end: number;
}

/** The last layer of the model bound to `model`, when it ends in a softmax or sigmoid. */
export function lastLayerOf(source: Source, model: string): LastLayer | undefined {
  const bound = boundOnce(source, model);
  if (bound === undefined) {
    return undefined;
  }
  const toks = statementTokens(source, bound);
  const eq = toks.findIndex((t) => t.t === '=');
  const built = eq < 0 ? undefined : callAt(toks, lastNameOfPath(toks, eq + 1));
  if (built === undefined || built.first !== eq + 1) {
    return undefined;
  }
  const kind = built.parts[built.parts.length - 1];
  if (kind === 'Model') {
    return functionalOutput(source, built.args, toks);
  }
  if (kind !== 'Sequential') {
    return undefined;
  }
  const adds = matchOffsets(
    source.text,
    new RegExp(`(?<![\\w.])${model}\\s*\\.\\s*add\\s*\\(`, 'g'),
  ).filter((at) => source.inCode(at));
  if (adds.length > 0) {
    const last = adds[adds.length - 1];
    return last > bound && indentOf(source.text, last) === indentOf(source.text, bound)
      ? addedLayer(source, last)
      : undefined;
  }
  const list = built.args[0];
  if (list === undefined || toks[list.a].t !== '[' || toks[list.b - 1].t !== ']') {
    return undefined;
  }
  const layers = argsAt(toks, list.a);
  const layer = layers?.[layers.length - 1];
  return layer === undefined ? undefined : layerActivation(source, toks, layer.a, layer.b);
}

/**
 * The one place `name` is assigned in code, or undefined when it is assigned never or more than once. A
 * keyword argument (`keras.Model(inputs=inputs, outputs=outputs)`) binds nothing here.
 */
function boundOnce(source: Source, name: string): number | undefined {
  const bound = source
    .assignmentsOf(name)
    .filter((at) => source.inCode(at) && !insideBrackets(source, at));
  return bound.length === 1 ? bound[0] : undefined;
}

/** How far back a keyword argument's `(` is looked for; beyond it the name counts as assigned. */
const MAX_BRACKET_LOOKBACK = 2000;

/**
 * Whether `at` lies inside brackets opened before it (a keyword argument, even in a call spread over lines):
 * an opening bracket before it that nothing closes. Earlier statements close what they open.
 */
function insideBrackets(source: Source, at: number): boolean {
  const { text } = source;
  let depth = 0;
  for (let i = at - 1; i >= 0 && i > at - MAX_BRACKET_LOOKBACK; i--) {
    const c = text[i];
    if ((c === ')' || c === ']' || c === '}') && source.inCode(i)) {
      depth++;
    } else if ((c === '(' || c === '[' || c === '{') && source.inCode(i)) {
      if (depth === 0) {
        return true;
      }
      depth--;
    }
  }
  return false;
}

/** Tokens of the statement starting on the line of `at`, up to MAX_MODEL_CHARS. */
function statementTokens(source: Source, at: number): readonly Token[] {
  const from = lineStart(source.text, at);
  return source.tokensBetween(from, Math.min(source.text.length, from + MAX_MODEL_CHARS));
}

/** `keras.Model(inputs, outputs)` / `Model(inputs=…, outputs=…)`: the layer whose output `outputs` is. */
function functionalOutput(
  source: Source,
  args: readonly Arg[],
  toks: readonly Token[],
): LastLayer | undefined {
  const positional = args.filter((a) => a.name === undefined);
  const out = args.find((a) => a.name === 'outputs') ?? positional[1];
  if (out === undefined || out.b - out.a !== 1 || toks[out.a].k !== 'id') {
    return undefined;
  }
  const bound = boundOnce(source, toks[out.a].t);
  if (bound === undefined) {
    return undefined;
  }
  // `outputs = layers.Dense(…)(x)`: a layer built and applied in one expression, nothing after it.
  const stmt = statementTokens(source, bound);
  const eq = stmt.findIndex((t) => t.t === '=');
  const layer = eq < 0 ? undefined : callAt(stmt, lastNameOfPath(stmt, eq + 1));
  const applied =
    layer === undefined || stmt[layer.close + 1]?.t !== '('
      ? undefined
      : parseArgs(stmt, layer.close + 1);
  if (layer === undefined || layer.first !== eq + 1 || applied === undefined || applied.close < 0) {
    return undefined;
  }
  const after = stmt[applied.close + 1];
  if (after !== undefined && after.s < lineEnd(source.text, stmt[applied.close].e)) {
    return undefined;
  }
  return layerActivation(source, stmt, layer.first, layer.close + 1);
}

/** `model.add(layer)` at `at`: the layer's activation. */
function addedLayer(source: Source, at: number): LastLayer | undefined {
  const { toks } = source.tokensAround(at);
  const name = tokenStartingAt(toks, at);
  const add = name < 0 ? undefined : callAt(toks, name + 2);
  if (add === undefined || add.args.length !== 1 || add.args[0].name !== undefined) {
    return undefined;
  }
  return layerActivation(source, toks, add.args[0].a, add.args[0].b);
}

/**
 * The activation of the layer written in tokens `[a, b)`: the string in `activation="softmax"`, or a
 * `Softmax()`/`Activation("sigmoid")` layer, as the recognizer reads it.
 */
function layerActivation(
  source: Source,
  toks: readonly Token[],
  a: number,
  b: number,
): LastLayer | undefined {
  const layerCall = callAt(toks, lastNameOfPath(toks, a));
  if (layerCall === undefined || layerCall.first !== a || layerCall.close !== b - 1) {
    return undefined;
  }
  const act = layerCall.args.find((x) => x.name === 'activation');
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

function indentOf(text: string, at: number): number {
  const from = lineStart(text, at);
  let i = from;
  while (text[i] === ' ' || text[i] === '\t') {
    i++;
  }
  return i - from;
}

function lineEnd(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl;
}
