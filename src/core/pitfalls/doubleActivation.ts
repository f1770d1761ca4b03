/**
 * `double-activation` in PyTorch: a softmax or log_softmax output passed straight to `F.cross_entropy` /
 * `nn.CrossEntropyLoss()(…)`, a sigmoid output to `F.binary_cross_entropy_with_logits` /
 * `nn.BCEWithLogitsLoss()(…)` — also through a loss object bound once in the file (`self.criterion =
 * nn.CrossEntropyLoss()`). The activation must be the loss's input argument itself: a value that went through
 * a variable is not followed. The fix passes the activation's input (the logits) instead.
 */
import type { Arg } from '../recognize/args';
import type { Token } from '../recognize/tokenizer';
import {
  argsAt,
  callAt,
  postfixStart,
  receiverOf,
  spanText,
  tokenStartingAt,
  type Call,
} from './expr';
import {
  logSoftmaxIntoLossMessage,
  sigmoidIntoLossMessage,
  softmaxIntoLossMessage,
} from './messages';
import { isModulePath, resolveName } from './modules';
import { matchOffsets, type Source } from './source';
import type { Pitfall } from './types';

export const LOSS_ANCHOR =
  /\b(?:cross_entropy|CrossEntropyLoss|binary_cross_entropy_with_logits|BCEWithLogitsLoss)\b/g;

type Loss = 'cross_entropy' | 'bce_with_logits';

/** Loss functions and modules by full path, with the name our messages use. */
const LOSSES: ReadonlyMap<string, readonly [Loss, string, 'function' | 'module']> = new Map([
  ['torch.nn.functional.cross_entropy', ['cross_entropy', 'F.cross_entropy', 'function']],
  [
    'torch.nn.functional.binary_cross_entropy_with_logits',
    ['bce_with_logits', 'F.binary_cross_entropy_with_logits', 'function'],
  ],
  ['torch.nn.CrossEntropyLoss', ['cross_entropy', 'nn.CrossEntropyLoss', 'module']],
  ['torch.nn.BCEWithLogitsLoss', ['bce_with_logits', 'nn.BCEWithLogitsLoss', 'module']],
] as const);

/** Findings for the loss name starting at `offset`: a direct call, a module called at once, or bound once. */
export function doubleActivationAt(source: Source, offset: number): Pitfall[] {
  if (source.lang !== 'python') {
    return [];
  }
  // Before any tokenizing: a loss function must have a softmax or sigmoid right in its arguments.
  const isFunction = /^(?:cross_entropy|binary_cross_entropy_with_logits)\b/.test(
    source.text.slice(offset, offset + 40),
  );
  const args = source.text.slice(offset, offset + 300);
  if (isFunction && !/softmax|sigmoid/.test(args)) {
    return [];
  }
  const { toks } = source.tokensAround(offset);
  const ni = tokenStartingAt(toks, offset);
  const c = ni < 0 ? undefined : callAt(toks, ni);
  const loss = c === undefined ? undefined : LOSSES.get(resolveName(source, c.parts) ?? '');
  if (c === undefined || loss === undefined || toks[c.first - 1]?.t === '.') {
    return [];
  }
  const [kind, lossName, shape] = loss;
  if (shape === 'function') {
    return found(source, toks, c.args, kind, lossName);
  }
  // nn.CrossEntropyLoss()(probs, y)
  const applied = argsAt(toks, c.close + 1);
  if (applied !== undefined) {
    return found(source, toks, applied, kind, lossName);
  }
  return boundOnce(source, toks, c, kind, lossName);
}

/** `criterion = nn.CrossEntropyLoss()` (or `self.criterion = …`) bound once; every `criterion(…)` call. */
function boundOnce(
  source: Source,
  toks: readonly Token[],
  c: Call,
  kind: Loss,
  lossName: string,
): Pitfall[] {
  const eq = c.first - 1;
  if (toks[eq]?.t !== '=') {
    return [];
  }
  const target = targetBefore(toks, eq);
  if (target === undefined) {
    return [];
  }
  const { text } = source;
  const name = target.replace(/\./g, '\\.');
  if (source.assignmentsOf(target).length !== 1 || source.parameterNames().has(target)) {
    return [];
  }
  const out: Pitfall[] = [];
  for (const use of matchOffsets(text, new RegExp(`(?<![\\w.])${name}\\s*\\(`, 'g'))) {
    if (!source.inCode(use)) {
      continue;
    }
    const w = source.tokensAround(use);
    const first = tokenStartingAt(w.toks, use);
    const last = first + 2 * (target.split('.').length - 1);
    const args = first < 0 ? undefined : argsAt(w.toks, last + 1);
    if (args !== undefined) {
      out.push(...found(source, w.toks, args, kind, lossName));
    }
  }
  return out;
}

/** `name` or `self.name` assigned by the `=` at `eq`, alone on its line. */
function targetBefore(toks: readonly Token[], eq: number): string | undefined {
  const a = toks[eq - 1];
  if (a?.k !== 'id') {
    return undefined;
  }
  if (a.nl) {
    return a.t;
  }
  const self = toks[eq - 3];
  return toks[eq - 2]?.t === '.' && self?.t === 'self' && self.nl ? `self.${a.t}` : undefined;
}

/** The pitfall when the loss's input argument is itself an activation call the loss repeats. */
function found(
  source: Source,
  toks: readonly Token[],
  args: readonly Arg[],
  kind: Loss,
  lossName: string,
): Pitfall[] {
  const input =
    args.find((a) => a.name === 'input') ?? (args[0]?.name === undefined ? args[0] : undefined);
  if (
    input === undefined ||
    toks[input.b - 1]?.t !== ')' ||
    postfixStart(toks, input.b) !== input.a
  ) {
    return [];
  }
  // The activation is the last call of the expression: its name precedes the last `(`.
  let open = input.b - 1;
  for (let depth = 0; open > input.a; open--) {
    const t = toks[open].t;
    depth += t === ')' ? 1 : t === '(' ? -1 : 0;
    if (depth === 0) {
      break;
    }
  }
  const nameTok = toks[open - 1];
  const call = nameTok?.k === 'id' ? source.recognize(nameTok.s) : undefined;
  const id = call?.id;
  const repeats =
    kind === 'cross_entropy' ? id === 'softmax' || id === 'log_softmax' : id === 'sigmoid';
  if (!repeats || call === undefined) {
    return [];
  }
  const c = callAt(toks, open - 1);
  if (c === undefined) {
    return [];
  }
  const receiver = receiverOf(toks, c, (parts) => isModulePath(source, parts));
  const logits = receiver
    ? spanText(source.text, toks, receiver[0], receiver[1])
    : c.args.length >= 1 && c.args[0].name === undefined
      ? spanText(source.text, toks, c.args[0].a, c.args[0].b - 1)
      : undefined;
  const message =
    id === 'sigmoid'
      ? sigmoidIntoLossMessage(lossName)
      : id === 'softmax'
        ? softmaxIntoLossMessage(lossName)
        : logSoftmaxIntoLossMessage(lossName);
  const start = toks[input.a].s;
  const end = toks[input.b - 1].e;
  return [
    {
      rule: 'double-activation',
      start,
      end,
      severity: 'warning',
      message,
      ...(logits !== undefined
        ? { fix: { title: 'Pass the logits', start, end, replacement: logits } }
        : {}),
      explain: [{ id: id === 'sigmoid' ? 'sigmoid' : 'softmax', params: {} }],
    },
  ];
}
