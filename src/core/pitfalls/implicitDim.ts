/**
 * `implicit-softmax-dim`: PyTorch's `F.softmax(x)`, `F.log_softmax(x)`, `F.softmin(x)`, `nn.Softmax()`,
 * `nn.LogSoftmax()`, `nn.Softmin()` without a dimension. Two fixes, `dim=-1` and `dim=1`: which one is right
 * depends on the tensor's layout, which only the user knows.
 */
import { callAt, tokenStartingAt } from './expr';
import { implicitDimMessage } from './messages';
import { resolveName } from './modules';
import type { Source } from './source';
import type { Pitfall, PitfallFix } from './types';

export const IMPLICIT_DIM_ANCHOR =
  /\b(?:log_softmax|softmax|softmin|LogSoftmax|Softmax|Softmin)\s*\(/g;

const FUNCTIONS = new Map([
  ['torch.nn.functional.softmax', 'softmax'],
  ['torch.nn.functional.log_softmax', 'log_softmax'],
  ['torch.nn.functional.softmin', 'softmin'],
] as const);

const MODULES = new Map([
  ['torch.nn.Softmax', 'softmax'],
  ['torch.nn.LogSoftmax', 'log_softmax'],
  ['torch.nn.Softmin', 'softmin'],
  ['torch.nn.modules.activation.Softmax', 'softmax'],
  ['torch.nn.modules.activation.LogSoftmax', 'log_softmax'],
  ['torch.nn.modules.activation.Softmin', 'softmin'],
] as const);

/** Keywords the functions take besides the input and dim; any other argument means we do not know the call. */
const OTHER_KEYWORDS = new Set(['dtype', '_stacklevel']);

export function implicitDimAt(source: Source, offset: number): Pitfall | undefined {
  if (source.lang !== 'python') {
    return undefined;
  }
  if (mentionsDim(source.text, offset)) {
    return undefined;
  }
  const { toks } = source.tokensAround(offset);
  const ni = tokenStartingAt(toks, offset);
  const c = ni < 0 ? undefined : callAt(toks, ni);
  if (c === undefined || toks[c.first - 1]?.t === '.') {
    return undefined;
  }
  const full = resolveName(source, c.parts) ?? '';
  const fn = FUNCTIONS.get(full as never);
  const module = MODULES.get(full as never);
  const kind = fn ?? module;
  if (kind === undefined) {
    return undefined;
  }
  const positional = c.args.filter((a) => a.name === undefined);
  const splat = c.args.some((a) => toks[a.a].t === '*' || toks[a.a].t === '**');
  const keywordsKnown = c.args.every((a) => a.name === undefined || OTHER_KEYWORDS.has(a.name));
  const shapeOk = fn !== undefined ? positional.length === 1 : c.args.length === 0;
  if (splat || !keywordsKnown || !shapeOk) {
    return undefined;
  }
  const call = source.recognize(offset);
  if (
    call === undefined ||
    call.id !== kind ||
    call.framework !== 'pytorch' ||
    call.params.dim !== undefined
  ) {
    return undefined;
  }
  if (call.nonLiteral?.includes('dim')) {
    return undefined;
  }

  const last = c.args[c.args.length - 1];
  const at = last === undefined ? toks[c.open].e : toks[last.b - 1].e;
  const insert = (dim: string): PitfallFix => ({
    title: `Pass dim=${dim}`,
    start: at,
    end: at,
    replacement: last === undefined ? `dim=${dim}` : `, dim=${dim}`,
  });
  return {
    rule: 'implicit-softmax-dim',
    start: toks[c.first].s,
    end: toks[c.close].e,
    severity: 'warning',
    message: implicitDimMessage(kind),
    fix: insert('-1'),
    alternatives: [insert('1')],
    explain: [{ id: kind, params: {} }],
  };
}

/**
 * Before any tokenizing: whether the call's parentheses (found by counting, up to a bound) mention `dim`.
 * A call longer than the bound counts as mentioning it, so the rule stays silent rather than guess.
 */
function mentionsDim(text: string, offset: number): boolean {
  const open = text.indexOf('(', offset);
  let depth = 0;
  for (let i = open; i >= 0 && i < text.length && i < open + 600; i++) {
    const c = text.charCodeAt(i);
    if (c === 40) {
      depth++;
    } else if (c === 41 && --depth === 0) {
      return /\bdim\b/.test(text.slice(open, i));
    }
  }
  return true;
}
