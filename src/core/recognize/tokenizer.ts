/**
 * One small lexer for the three language families we hover (Python; C-like: JS/TS, C/C++, Rust; Julia).
 * It only knows what recognition needs: identifiers, numbers, strings, punctuation and where comments are.
 * Comments produce no token, so an offset inside one finds nothing and gets no hover.
 *
 * `lex` writes tokens into a TokenBuffer of typed arrays (the document model keeps them, so a whole file is
 * lexed without allocating an object per token); `tokenize` builds Token objects for a range.
 */
import { TokenBuffer } from './tokenBuffer';

/** The languages the recognizer distinguishes; C shares C++'s rules. */
export type Lang = 'python' | 'js' | 'cpp' | 'rust' | 'julia';

/** Token kinds: identifier, number, string (or char) literal, punctuation/operator. */
export type Kind = 'id' | 'num' | 'str' | 'p';

/** Kinds as the lexer reports them, in the order of KINDS. */
export const ID = 0;
export const NUM = 1;
export const STR = 2;
export const PUNCT = 3;
export const KINDS: readonly Kind[] = ['id', 'num', 'str', 'p'];

/** How a one-character punctuation token with code `c` moves the bracket depth: +1, -1 or 0. */
export function bracketStep(c: number): number {
  if (c === 40 || c === 91 || c === 123) {
    return 1; // ( [ {
  }
  return c === 41 || c === 93 || c === 125 ? -1 : 0; // ) ] }
}

/** A token: its kind, its span in the text and whether it is the first on its line. */
export interface Token {
  readonly k: Kind;
  readonly s: number;
  readonly e: number;
  /** The token's text (for strings: with the quotes and prefixes). */
  readonly t: string;
  /** First token on its line: lets statement-level checks (imports, definitions) stop at line starts. */
  readonly nl: boolean;
  /** First token of a statement, where the document model knows it (see statements.ts). */
  readonly st?: boolean;
}

/** ASCII characters by class: 1 starts a name (letters, `_`, `$`), 2 continues one (digits). */
const NAME_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36;
  NAME_CLASS[c] = letter ? 1 : c >= 48 && c <= 57 ? 2 : 0;
}

/** Letters, `_`, `$` and every non-ASCII character (not NaN, past the text's end). */
function isIdentStart(c: number): boolean {
  return c < 128 ? NAME_CLASS[c] === 1 : c > 127;
}

function isIdentPart(c: number): boolean {
  return c < 128 ? NAME_CLASS[c] !== 0 : c > 127;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Length of the operator at `i`: two for the multi-character operators that matter to recognition (`::`
 * paths, `=>` pairs, `==` vs `=`, `**`, …), else one. `//` is an operator only where it is not a comment.
 */
function opLength(text: string, i: number, slashComment: boolean): number {
  const a = text.charCodeAt(i);
  const b = text.charCodeAt(i + 1);
  switch (a) {
    case 58: // :
      return b === 58 || b === 61 ? 2 : 1;
    case 61: // =
      return b === 61 || b === 62 ? 2 : 1;
    case 33: // !
    case 60: // <
    case 62: // >
      return b === 61 ? 2 : 1;
    case 45: // -
      return b === 62 || b === 61 ? 2 : 1;
    case 42: // *
      return b === 42 ? 2 : 1;
    case 47: // /
      return b === 47 && !slashComment ? 2 : 1;
    case 43: // +
      return b === 61 ? 2 : 1;
    default:
      return 1;
  }
}

/**
 * Lexes `text[from, to)` and appends every token to `out`, flagged 1 (NL) when first on its line. Never
 * throws; unterminated strings and comments end at `to`. Linear in the range: every loop below advances.
 * A JS template literal is reported in pieces: its text as string tokens (`` `a ${ ``, `` } b` ``) and the
 * code of each `${…}` as the tokens it holds. Stops early once `out` holds `maxTokens` tokens; returns
 * where it stopped (`to` when it read the whole range).
 */
export function lex(
  text: string,
  from: number,
  to: number,
  lang: Lang,
  out: TokenBuffer,
  maxTokens = Infinity,
): number {
  let i = from;
  let nl = 1;
  const hashComment = lang === 'python' || lang === 'julia';
  const slashComment = !hashComment;
  const julia = lang === 'julia';
  const python = lang === 'python';
  // The previous token, for the few decisions that depend on it (`'` after a value, `.5` after a name).
  let prevKind = -1;
  let prevEnd = -1;
  let prevChar = 0;
  // JS template literals being read: per open `${…}` substitution, the braces its code has open.
  const substitutions: number[] = [];
  while (i < to && out.count < maxTokens) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      nl = 1;
      i++;
      continue;
    }
    if (c === 32 || c === 9 || c === 13 || c === 12 || c === 11) {
      // Indentation comes in runs: skipped here rather than one turn of the main loop per space.
      i++;
      while (i < to && text.charCodeAt(i) === 32) {
        i++;
      }
      continue;
    }
    const start = i;
    if (hashComment && c === 35) {
      i =
        julia && text.charCodeAt(i + 1) === 61 ? skipJuliaBlock(text, i, to) : lineEnd(text, i, to);
      continue;
    }
    if (slashComment && c === 47 && text.charCodeAt(i + 1) === 47) {
      i = lineEnd(text, i, to);
      continue;
    }
    if (slashComment && c === 47 && text.charCodeAt(i + 1) === 42) {
      i = skipBlockComment(text, i, to, lang === 'rust');
      continue;
    }
    if (isIdentStart(c)) {
      i++;
      while (i < to && isIdentPart(text.charCodeAt(i))) {
        i++;
      }
      // Julia names may end in `!` (relu!) but `!=` is an operator.
      if (julia && text.charCodeAt(i) === 33 && text.charCodeAt(i + 1) !== 61) {
        i++;
      }
      const q = text.charCodeAt(i);
      if (q === 34 || q === 39 || q === 35) {
        const end = prefixedString(text, start, i, to, lang);
        if (end > i) {
          i = end;
          out.push(STR, start, i, nl);
          nl = 0;
          prevKind = STR;
          prevEnd = i;
          prevChar = c;
          continue;
        }
      }
      out.push(ID, start, i, nl);
      nl = 0;
      prevKind = ID;
      prevEnd = i;
      prevChar = c;
      continue;
    }
    const afterValue = prevEnd === i && (prevKind === ID || prevChar === 41 || prevChar === 93); // ) ]
    if (isDigit(c) || (c === 46 && isDigit(text.charCodeAt(i + 1)) && !afterValue)) {
      i = scanNumber(text, i, to, lang);
      out.push(NUM, start, i, nl);
      nl = 0;
      prevKind = NUM;
      prevEnd = i;
      prevChar = c;
      continue;
    }
    const resumes =
      c === 125 && substitutions.length > 0 && substitutions[substitutions.length - 1] === 0;
    if ((c === 96 || resumes) && lang === 'js') {
      // A piece of template text: from the backtick (or the `}` closing a substitution) to the closing
      // backtick or the next `${`, whose code is lexed like any code.
      if (resumes) {
        substitutions.pop();
      }
      const end = templateText(text, i + 1, to, substitutions.length < MAX_TEMPLATE_DEPTH);
      i = Math.abs(end);
      if (end < 0) {
        substitutions.push(0);
      }
      out.push(STR, start, i, nl);
      nl = 0;
      prevKind = STR;
      prevEnd = i;
      prevChar = c;
      continue;
    }
    // Julia's transpose: a quote right after any value (a name, number, string or closing bracket).
    const transpose = prevEnd === i && (prevKind !== PUNCT || prevChar === 41 || prevChar === 93);
    if (c === 34 || c === 96 || (c === 39 && quoteIsString(text, i, to, lang, transpose))) {
      i = scanString(text, i, to, lang === 'python' || lang === 'julia');
      out.push(STR, start, i, nl);
      nl = 0;
      prevKind = STR;
      prevEnd = i;
      prevChar = c;
      continue;
    }
    if (c === 92 && python && lineJoins(text, i + 1, to)) {
      // Python's explicit line joining: `\` then the newline make one logical line, so the next token
      // does not start a line (no statement, indentation or definition starts there).
      i = text.indexOf('\n', i) + 1;
      continue;
    }
    if (substitutions.length > 0 && (c === 123 || c === 125)) {
      substitutions[substitutions.length - 1] += c === 123 ? 1 : -1;
    }
    i += opLength(text, i, slashComment);
    out.push(PUNCT, start, i, nl);
    nl = 0;
    prevKind = PUNCT;
    prevEnd = i;
    prevChar = c;
  }
  return Math.min(i, to);
}

/** Whether a newline (`\n` or `\r\n`) follows at `i`, inside `[…, to)`. */
function lineJoins(text: string, i: number, to: number): boolean {
  const c = text.charCodeAt(i);
  return i < to && (c === 10 || (c === 13 && i + 1 < to && text.charCodeAt(i + 1) === 10));
}

/** Tokenizes `text[from, to)` into Token objects (no statement marks: see the document model for those). */
export function tokenize(text: string, from: number, to: number, lang: Lang): Token[] {
  const a = Math.max(0, from);
  const b = Math.min(text.length, to);
  const buf = new TokenBuffer((b - a) >> 2, a, b);
  lex(text, a, b, lang, buf);
  const out: Token[] = new Array<Token>(buf.count);
  for (let k = 0; k < buf.count; k++) {
    const s = buf.starts[k];
    const e = buf.ends[k];
    out[k] = { k: KINDS[buf.kinds[k]], s, e, t: text.slice(s, e), nl: buf.flags[k] !== 0 };
  }
  return out;
}

/**
 * Where the line holding `i` ends, at most `to`. The native search runs over the whole rest of the text,
 * so when the range ends before the text does (a window of a long text) the search is bounded by hand.
 */
function lineEnd(text: string, i: number, to: number): number {
  if (to < text.length) {
    while (i < to && text.charCodeAt(i) !== 10) {
      i++;
    }
    return i;
  }
  const n = text.indexOf('\n', i);
  return n < 0 ? to : n;
}

/** `text.indexOf(needle, i)` that never looks past `to` (-1 when not found before it). */
function indexBefore(text: string, needle: string, i: number, to: number): number {
  if (to >= text.length) {
    return text.indexOf(needle, i);
  }
  const at = text.slice(i, to).indexOf(needle);
  return at < 0 ? -1 : i + at;
}

/**
 * Where the triple quote `close` first starts at or after `j` and before `to` (it may end past `to`, as a
 * character-by-character scan that stops at `to` would see it), or -1.
 */
function closerFrom(text: string, close: string, j: number, to: number): number {
  if (to >= text.length) {
    return text.indexOf(close, j);
  }
  const at = text.slice(j, Math.min(text.length, to + 2)).indexOf(close);
  return at < 0 ? -1 : j + at;
}

/** `/* … *\/`; Rust's block comments nest, C's and JS's do not. */
function skipBlockComment(text: string, i: number, to: number, nested: boolean): number {
  if (!nested) {
    const close = indexBefore(text, '*/', i + 2, to);
    return close < 0 || close + 2 > to ? to : close + 2;
  }
  return skipNested(text, i, to, '/*', '*/');
}

/** Julia's `#= … =#` block comments nest. */
function skipJuliaBlock(text: string, i: number, to: number): number {
  return skipNested(text, i, to, '#=', '=#');
}

/** A nesting block comment from its opener at `i`: the offset after its matching closer, else `to`. */
function skipNested(text: string, i: number, to: number, open: string, close: string): number {
  let depth = 0;
  while (i < to) {
    if (text.startsWith(open, i)) {
      depth++;
      i += 2;
    } else if (text.startsWith(close, i)) {
      depth--;
      i += 2;
      if (depth === 0) {
        return i;
      }
    } else {
      i++;
    }
  }
  return to;
}

/**
 * A string whose prefix is the word `text[start, i)`: Python's r/b/u/f prefixes, Rust's raw strings
 * (`r"…"`, `r#"…"#`, `br"…"`, `b'x'`), C++'s raw strings (`R"x(…)x"`, `u8R"(…)"`) and encoding prefixes.
 * Returns the string's end, or `i` when the word is not a string prefix.
 */
function prefixedString(text: string, start: number, i: number, to: number, lang: Lang): number {
  const word = text.slice(start, i);
  const q = text.charCodeAt(i);
  if (lang === 'python') {
    return q !== 35 && word.length <= 2 && /^[rbufRBUF]+$/.test(word)
      ? scanString(text, i, to, true)
      : i;
  }
  if (lang === 'rust' && (word === 'r' || word === 'br' || word === 'cr')) {
    let j = i;
    while (j < to && text.charCodeAt(j) === 35) {
      j++;
    }
    if (text.charCodeAt(j) !== 34) {
      return i;
    }
    const close = `"${'#'.repeat(j - i)}`;
    const at = indexBefore(text, close, j + 1, to);
    return at < 0 || at + close.length > to ? to : at + close.length;
  }
  if (lang === 'rust' && (word === 'b' || word === 'c') && q !== 35) {
    return q === 34 || quoteIsString(text, i, to, lang, false) ? scanString(text, i, to, false) : i;
  }
  if (lang === 'cpp' && q === 34 && /^(?:u8|u|U|L)?R$/.test(word)) {
    const open = indexBefore(text, '(', i + 1, Math.min(to, i + 20));
    // The delimiter is at most 16 characters and holds no spaces, parentheses or backslashes.
    if (open < 0 || open - i - 1 > 16 || /[\s)\\]/.test(text.slice(i + 1, open))) {
      return i;
    }
    const close = `)${text.slice(i + 1, open)}"`;
    const at = indexBefore(text, close, open + 1, to);
    return at < 0 || at + close.length > to ? to : at + close.length;
  }
  if (lang === 'cpp' && (q === 34 || q === 39) && /^(?:u8|u|U|L)$/.test(word)) {
    return scanString(text, i, to, false);
  }
  return i;
}

/**
 * A `'` starts a string in Python and JS, a char literal in C/C++/Rust/Julia, but is Julia's transpose after a
 * value and a Rust lifetime (`'a`) when no closing quote follows the character.
 */
function quoteIsString(
  text: string,
  i: number,
  to: number,
  lang: Lang,
  afterValue: boolean,
): boolean {
  if (lang === 'python' || lang === 'js' || lang === 'cpp') {
    return true;
  }
  if (lang === 'julia') {
    return !afterValue;
  }
  // Rust: 'x' or '\n' is a char; 'a without a closing quote is a lifetime.
  if (text.charCodeAt(i + 1) === 92) {
    return true;
  }
  return i + 2 < to && text.charCodeAt(i + 2) === 39;
}

/** Scans a string from its opening quote; handles Python/Julia triple quotes. Returns the end offset. */
function scanString(text: string, i: number, to: number, triple: boolean): number {
  const q = text.charCodeAt(i);
  if (triple && text.charCodeAt(i + 1) === q && text.charCodeAt(i + 2) === q) {
    // Docstrings are long: the closer is searched natively; a run of backslashes right before it escapes
    // its first quote when the run is odd (the run's first backslash always starts an escape).
    const close = String.fromCharCode(q, q, q);
    let j = i + 3;
    while (j < to) {
      const at = closerFrom(text, close, j, to);
      if (at < 0) {
        return to;
      }
      let b = at;
      while (b > i + 3 && text.charCodeAt(b - 1) === 92) {
        b--;
      }
      if ((at - b) % 2 === 0) {
        return Math.min(to, at + 3);
      }
      j = at + 1;
    }
    return to;
  }
  let j = i + 1;
  while (j < to) {
    const c = text.charCodeAt(j);
    if (c === 92) {
      j += 2;
      continue;
    }
    if (c === q) {
      return j + 1;
    }
    // Only template literals (`) span lines; an unclosed quote ends at the line end.
    if (c === 10 && q !== 96) {
      return j;
    }
    j++;
  }
  return Math.min(j, to);
}

/** Deepest `${…}` nesting whose code is lexed; deeper substitutions are read as the template's text. */
const MAX_TEMPLATE_DEPTH = 32;

/**
 * Template text from `i` (just after a backtick or a substitution's `}`): the offset after the closing
 * backtick (or `to`), or, when a `${` opens a substitution first (and `open` allows it), minus the offset
 * after that `${`. Past MAX_TEMPLATE_DEPTH a `${` is text.
 */
function templateText(text: string, i: number, to: number, open: boolean): number {
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === 92) {
      i += 2;
    } else if (c === 96) {
      return i + 1;
    } else if (c === 36 && i + 1 < to && text.charCodeAt(i + 1) === 123 && open) {
      return -(i + 2);
    } else {
      i++;
    }
  }
  return to;
}

/**
 * Scans a numeric literal in any of our languages: `1e-2`, `.1`, `6.`, `0x1F`, `1_000`, `0.2f0` (Julia
 * Float32), `0.2f`, `2.0_f64`, `1'000` (C++'s digit separators). Letters and digits are consumed greedily,
 * but in Julia, where a number written against a name multiplies it (`0.5x`, `2σ(2x)`), a decimal number
 * ends at a letter that is no exponent marker (`1e-3`, `1f0`) or digit separator (`1_000`); a sign belongs
 * to the number only right after an exponent marker.
 */
function scanNumber(text: string, i: number, to: number, lang: Lang): number {
  let j = i;
  const hex = text.charCodeAt(i) === 48 && (text.charCodeAt(i + 1) | 32) === 120;
  const coefficient = lang === 'julia' && !prefixedInteger(text, i);
  let dot = false;
  while (j < to) {
    const c = text.charCodeAt(j);
    if (isIdentPart(c) && c !== 36 && c <= 127) {
      if (coefficient && isIdentStart(c) && !inJuliaNumber(text, j)) {
        break;
      }
      j++;
      continue;
    }
    if (c === 46) {
      const n = text.charCodeAt(j + 1);
      // `1.5`, `6.` and `6.)` are numbers; `1..5` (range) and `x.0.relu()` / `1.max(2)` are not.
      if (isDigit(n) || (!isIdentStart(n) && n !== 46 && !dot)) {
        dot = true;
        j++;
        continue;
      }
      break;
    }
    // C++14's digit separators: `1'000'000` is one number (a `'` followed by a digit or letter goes on).
    if (c === 39 && lang === 'cpp' && j + 1 < to && isIdentPart(text.charCodeAt(j + 1))) {
      j++;
      continue;
    }
    if ((c === 43 || c === 45) && !hex && isDigit(text.charCodeAt(j + 1))) {
      const p = text.charCodeAt(j - 1) | 32;
      if (p === 101 || (lang === 'julia' && p === 102)) {
        j++;
        continue;
      }
    }
    break;
  }
  return j;
}

/** Whether the number at `i` is written in base 16, 2 or 8 (`0x1F`, `0b101`, `0o17`): its letters are digits. */
function prefixedInteger(text: string, i: number): boolean {
  const base = text.charCodeAt(i + 1);
  return text.charCodeAt(i) === 48 && (base === 120 || base === 98 || base === 111);
}

/**
 * Whether the letter at `j`, inside a Julia decimal number, belongs to it: an exponent marker (`e`, `E`,
 * Float32's `f`) before a digit or a signed digit, or `_` between digits.
 */
function inJuliaNumber(text: string, j: number): boolean {
  const c = text.charCodeAt(j);
  const next = text.charCodeAt(j + 1);
  if (c === 95) {
    return isDigit(next);
  }
  const signed = (next === 43 || next === 45) && isDigit(text.charCodeAt(j + 2));
  return (c === 101 || c === 69 || c === 102) && (isDigit(next) || signed);
}
