/**
 * Activations kept as attributes: PyTorch and Keras models build their layers in `__init__`
 * (`self.act = nn.LeakyReLU(0.2)`) and call them in `forward`/`call` (`self.act(h)`). A call through
 * `self.<name>` is that activation when every assignment to `self.<name>` above it constructs the same one;
 * anything else (another module, a variable, branches that choose between activations) is no hover.
 */
import type { RecognizedCall } from '../types';
import { matchClose } from './args';
import { tokenize, type Token } from './tokenizer';

/** How far above the call the assignments are looked for: `__init__` sits above the methods of its class. */
const REACH = 32_000;
/** More assignments than this to one attribute is not a model's layer definition. */
const MAX_ASSIGNMENTS = 8;
/** How much of a right-hand side is read: an activation's constructor call fits easily. */
const RHS_REACH = 2_000;

/**
 * The activation assigned to `self.<name>` when token `ti` is `<name>` in a Python call `self.<name>(…)`.
 * `recognize` recognizes the assignment's right-hand side at an offset.
 */
export function matchAttributeCall(
  text: string,
  toks: readonly Token[],
  ti: number,
  recognize: (offset: number) => RecognizedCall | undefined,
): RecognizedCall | undefined {
  const name = toks[ti];
  if (toks[ti - 1]?.t !== '.' || toks[ti - 2]?.t !== 'self' || toks[ti + 1]?.t !== '(') {
    return undefined;
  }
  if (toks[ti - 3]?.t === '.') {
    return undefined; // `x.self.act(…)`: not the instance's own attribute
  }
  const from = Math.max(0, name.s - REACH);
  const target = `self.${name.t}`;
  let found: RecognizedCall | undefined;
  let count = 0;
  const callStart = toks[ti - 2].s;
  // Every `self.<name>` from the reach up to the call: a native search that stops at the call itself.
  for (
    let at = text.indexOf(target, from);
    at >= 0 && at < callStart;
    at = text.indexOf(target, at + 1)
  ) {
    const assigned = assignmentAt(text, at, target.length);
    if (assigned === undefined) {
      continue;
    }
    if (++count > MAX_ASSIGNMENTS) {
      return undefined;
    }
    const { rhs, path } = assigned;
    if (path.startsWith('self.') || !isWholeStatement(text, rhs)) {
      // An alias of another attribute (not followed, to keep the work bounded), or an expression that
      // chooses (`nn.GELU() if gelu else nn.ReLU()`): not one activation.
      return undefined;
    }
    // The last name of the path (`LeakyReLU` in `nn.LeakyReLU`) is where the recognizer looks.
    const call = recognize(rhs + path.lastIndexOf('.') + 1);
    if (call === undefined || (found !== undefined && !sameActivation(found, call))) {
      return undefined;
    }
    found = call;
  }
  return found && { ...found, start: name.s, end: name.e };
}

/** `= <dotted path>` right after an occurrence of `self.<name>`: what it reads. */
const ASSIGNED = /[ \t]*=(?!=)[ \t]*([A-Za-z_][\w.]*)/y;

/**
 * The right-hand side's start and dotted path when the `self.<name>` at `at` (of length `length`) is the
 * target of an assignment on a line that is not commented out; undefined otherwise.
 */
function assignmentAt(
  text: string,
  at: number,
  length: number,
): { rhs: number; path: string } | undefined {
  if (at > 0 && /[\w.]/.test(text[at - 1])) {
    return undefined; // part of a longer name: `my_self.act`, `x.self.act`
  }
  ASSIGNED.lastIndex = at + length;
  const m = ASSIGNED.exec(text);
  if (m === null) {
    return undefined;
  }
  const lineStart = text.lastIndexOf('\n', at) + 1;
  if (text.slice(lineStart, at).includes('#')) {
    return undefined; // commented out
  }
  return { rhs: ASSIGNED.lastIndex - m[1].length, path: m[1] };
}

/**
 * Whether the right-hand side starting at `rhs` is a dotted path, optionally called once, and then the
 * statement ends (a new line or `;`).
 */
function isWholeStatement(text: string, rhs: number): boolean {
  const toks = tokenize(text, rhs, Math.min(text.length, rhs + RHS_REACH), 'python');
  let i = 0;
  while (toks[i + 1]?.t === '.' && toks[i + 2]?.k === 'id') {
    i += 2;
  }
  if (toks[i + 1]?.t === '(' && !toks[i + 1].nl) {
    i = matchClose(toks, i + 1);
    if (i < 0) {
      return false;
    }
  }
  const next = toks[i + 1];
  return next === undefined || next.nl || next.t === ';';
}

function sameActivation(a: RecognizedCall, b: RecognizedCall): boolean {
  return (
    a.id === b.id &&
    a.framework === b.framework &&
    JSON.stringify(a.params) === JSON.stringify(b.params)
  );
}
