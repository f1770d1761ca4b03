/**
 * `log-of-softmax`: the log of a recognized softmax or sigmoid — `torch.log(F.softmax(x, dim=1))`,
 * `x.softmax(-1).log()`, `tf.math.log(tf.nn.softmax(x))`, `jnp.log(jax.nn.sigmoid(x))`, `tf.log(tf.softmax(x))`,
 * `log.(softmax(x))`. The log's only argument must be that very call (`log(p + 1e-8)` is a different choice).
 * The fix swaps in the fused function with the call's own arguments, and is kept only when the recognizer
 * reads the fixed text as that function with the same dim.
 */
import type { RecognizedCall } from '../types';
import { callAt, onlyArg, receiverOf, spanText, tokenStartingAt, type Call } from './expr';
import { logOfMessage } from './messages';
import { isModulePath, resolveName, resolvesTo } from './modules';
import type { Source } from './source';
import type { Pitfall, PitfallFix } from './types';

/** Functions whose log underflows, and where to find their names. */
export const LOG_OF_ANCHOR = /\b(?:softmax|sigmoid|expit)\b|σ/g;

/**
 * A log applied to a call of a bare name (`np.log(stable_softmax(z))`): the name may be a function the file
 * defines, whose body the recognizer reads as a softmax or sigmoid.
 */
export const LOG_OF_CALL_ANCHOR = /\blog\s*\(\s*[A-Za-z_]\w*\s*\(/g;

/** Elementwise logs of array libraries. */
const LOGS = new Set([
  'numpy.log',
  'torch.log',
  'jax.numpy.log',
  'tensorflow.math.log',
  'tensorflow.log',
  'keras.ops.log',
  'tfjs.log',
]);

/** Frameworks whose tensors have a `.log()` method. */
const LOG_METHOD = new Set(['pytorch', 'libtorch', 'tfjs']);

/** The pitfall whose inner softmax/sigmoid name starts at `offset`, if any. */
export function logOfSoftmaxAt(source: Source, offset: number): Pitfall | undefined {
  if (!mayBeLogged(source.text, offset)) {
    return undefined;
  }
  // The shape first, from tokens; the recognizer (the costly part) only for a log around a call.
  const { toks } = source.tokensAround(offset);
  const ni = tokenStartingAt(toks, offset);
  const inner = ni < 0 ? undefined : callAt(toks, ni, source.lang === 'julia');
  if (inner === undefined) {
    return undefined;
  }
  const receiver = receiverOf(toks, inner, (parts) => isModulePath(source, parts));
  const start = receiver?.[0] ?? (toks[inner.first - 1]?.t === '.' ? -1 : inner.first);
  if (start < 0) {
    return undefined;
  }
  let outer: [number, number] | undefined;
  let chained = false;
  // log(inner): the log's parentheses hold exactly the inner call.
  const open = start - 1;
  if (toks[open]?.t === '(') {
    const julia =
      source.lang === 'julia' && toks[open - 1]?.t === '.' && toks[open - 2]?.t === 'log';
    const logName = julia ? open - 2 : open - 1;
    const log = callAt(toks, logName, julia);
    if (
      log !== undefined &&
      log.close === inner.close + 1 &&
      onlyArg(log) &&
      isLog(source, log, julia)
    ) {
      outer = [log.first, log.close];
    }
  }
  // inner.log(): a tensor method chained on the call.
  const after = inner.close + 1;
  if (
    outer === undefined &&
    toks[after]?.t === '.' &&
    toks[after + 1]?.t === 'log' &&
    toks[after + 2]?.t === '(' &&
    toks[after + 3]?.t === ')'
  ) {
    outer = [start, after + 3];
    chained = true;
  }
  if (outer === undefined) {
    return undefined;
  }
  const call = innerCall(source, offset, toks[outer[0]].s);
  if (call === undefined) {
    return undefined;
  }
  if (chained && !LOG_METHOD.has(call.framework)) {
    return undefined;
  }
  const kind = call.id === 'softmax' ? 'softmax' : 'sigmoid';
  const fix = fixFor(source, call, inner, start, receiver, toks[outer[0]].s, toks[outer[1]].e);
  return {
    rule: 'log-of-softmax',
    start: toks[outer[0]].s,
    end: toks[outer[1]].e,
    severity: 'warning',
    message: logOfMessage(kind, fusedName(source, call)),
    ...(fix !== undefined ? { fix } : {}),
    explain:
      kind === 'softmax'
        ? [
            { id: 'softmax', params: {} },
            { id: 'log_softmax', params: {} },
          ]
        : [
            { id: 'sigmoid', params: {} },
            { id: 'logsigmoid', params: {} },
          ],
  };
}

/**
 * `log(name(…))` where `name` is defined in this file (a `def`, or a name bound to a `lambda`): the same rule at
 * the inner name. Library spellings (`softmax`, `sigmoid`) are found through LOG_OF_ANCHOR already.
 */
export function logOfDefinedAt(source: Source, offset: number): Pitfall | undefined {
  const m = /^log\s*\(\s*([A-Za-z_]\w*)/.exec(source.text.slice(offset, offset + 200));
  if (m === null || source.lang !== 'python' || !source.definesFunction(m[1])) {
    return undefined;
  }
  return logOfSoftmaxAt(source, offset + m[0].length - m[1].length);
}

/** Before any tokenizing: a `log(` (or Julia's `log.(`) shortly before the name, or `.log()` after it. */
function mayBeLogged(text: string, offset: number): boolean {
  const before = text.slice(Math.max(0, offset - 160), offset);
  return /\blog\s*\.?\s*\(/.test(before) || text.slice(offset, offset + 400).includes('.log()');
}

/**
 * The softmax or sigmoid at `offset`. The recognizer reads `log(sigmoid(x))` as a whole, as the formula
 * log-sigmoid starting at the log: that reading confirms a sigmoid inside just as well.
 */
function innerCall(source: Source, offset: number, outerStart: number): RecognizedCall | undefined {
  // A function the file defines is read from the whole document, where its definition is.
  const name = /^[A-Za-z_]\w*/.exec(source.text.slice(offset, offset + 200))?.[0];
  const bare = name !== undefined && source.text[offset - 1] !== '.';
  const call =
    bare && source.definesFunction(name)
      ? source.recognizeInDocument(offset)
      : source.recognizeAround(offset);
  if (call?.start === offset && (call.id === 'softmax' || call.id === 'sigmoid')) {
    return call;
  }
  if (call?.id === 'logsigmoid' && call.start === outerStart) {
    return { ...call, id: 'sigmoid', start: offset, end: offset };
  }
  return undefined;
}

function isLog(source: Source, log: Call, julia: boolean): boolean {
  if (source.lang === 'julia') {
    return julia && log.parts.length === 1;
  }
  if (source.lang === 'cpp') {
    return log.parts.length === 2 && (log.parts[0] === 'torch' || log.parts[0] === 'at');
  }
  return resolvesTo(source, log.parts, LOGS);
}

/** The fused function's name as our message says it (never as the file spells it). */
function fusedName(source: Source, call: RecognizedCall): string {
  if (call.id === 'softmax') {
    return source.lang === 'js'
      ? 'logSoftmax'
      : source.lang === 'julia'
        ? 'logsoftmax'
        : 'log_softmax';
  }
  switch (call.framework) {
    case 'pytorch':
      return 'F.logsigmoid';
    case 'tensorflow':
      return 'tf.math.log_sigmoid';
    case 'tfjs':
      return 'logSigmoid';
    case 'flux':
      return 'logσ';
    default:
      return 'log_sigmoid';
  }
}

/** The same-namespace name of the fused function, when the namespace has one. */
function swappedName(name: string, call: RecognizedCall, lang: Source['lang']): string | undefined {
  if (call.id === 'softmax') {
    if (name !== 'softmax') {
      return undefined;
    }
    return lang === 'js' ? 'logSoftmax' : lang === 'julia' ? 'logsoftmax' : 'log_softmax';
  }
  if (call.framework === 'tfjs' && name === 'sigmoid') {
    return 'logSigmoid';
  }
  if (call.framework === 'flux') {
    return name === 'σ' ? 'logσ' : name === 'sigmoid' ? 'logsigmoid' : undefined;
  }
  const sameNamespace =
    call.framework === 'jax' || call.framework === 'flax' || call.framework === 'keras';
  return sameNamespace && name === 'sigmoid' ? 'log_sigmoid' : undefined;
}

function fixFor(
  source: Source,
  call: RecognizedCall,
  inner: Call,
  start: number,
  receiver: [number, number] | undefined,
  from: number,
  to: number,
): PitfallFix | undefined {
  const { text } = source;
  const { toks } = source.tokensAround(call.start);
  const name = toks[inner.name];
  let replacement: string;
  let nameAt: number;
  const swapped = swappedName(name.t, call, source.lang);
  if (swapped !== undefined) {
    const head = text.slice(toks[start].s, name.s);
    replacement = head + swapped + text.slice(name.e, toks[inner.close].e);
    nameAt = head.length;
  } else if (call.id === 'sigmoid') {
    const method = receiver !== undefined;
    const input = receiver
      ? spanText(text, toks, receiver[0], receiver[1])
      : inner.args.length === 1 && inner.args[0].name === undefined
        ? spanText(text, toks, inner.args[0].a, inner.args[0].b - 1)
        : undefined;
    const path = logSigmoidPath(source, call, inner, method);
    if (input === undefined || path === undefined || (method && inner.args.length > 0)) {
      return undefined;
    }
    replacement = `${path}(${input})`;
    nameAt = path.length - path.split('.').pop()!.length;
  } else {
    return undefined;
  }
  const check = source.recognizeEdited(from + nameAt, { start: from, end: to, replacement });
  const want = call.id === 'softmax' ? 'log_softmax' : 'logsigmoid';
  if (check?.id !== want || check.params.dim !== call.params.dim) {
    return undefined;
  }
  return { title: `Use ${fusedName(source, call)}`, start: from, end: to, replacement };
}

/** `F.logsigmoid` (PyTorch) or `tf.math.log_sigmoid` (TensorFlow) through the names this file binds. */
function logSigmoidPath(
  source: Source,
  call: RecognizedCall,
  inner: Call,
  method: boolean,
): string | undefined {
  if (call.framework === 'pytorch') {
    const functional = source.localName('torch.nn.functional');
    if (functional !== undefined) {
      return `${functional}.logsigmoid`;
    }
    const torch = method ? source.localName('torch') : inner.parts[0];
    return torch !== undefined && resolveName(source, [torch]) === 'torch'
      ? `${torch}.nn.functional.logsigmoid`
      : undefined;
  }
  if (call.framework === 'tensorflow' && !method) {
    const tf = inner.parts[0];
    return resolveName(source, [tf]) === 'tensorflow' ? `${tf}.math.log_sigmoid` : undefined;
  }
  return undefined;
}
