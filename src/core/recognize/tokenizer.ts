/**
 * One small tokenizer for the three language families we hover (Python; C-like: JS/TS, C/C++, Rust; Julia).
 * It only knows what recognition needs: identifiers, numbers, strings, punctuation and where comments are.
 * Comments produce no token, so an offset inside one finds nothing and gets no hover.
 */

/** The languages the recognizer distinguishes; C shares C++'s rules. */
export type Lang = 'python' | 'js' | 'cpp' | 'rust' | 'julia';

/** Token kinds: identifier, number, string (or char) literal, punctuation/operator. */
export type Kind = 'id' | 'num' | 'str' | 'p';

/** A token: its kind, its span in the text and whether it is the first on its line. */
export interface Token {
  readonly k: Kind;
  readonly s: number;
  readonly e: number;
  /** The token's text (for strings: with the quotes and prefixes). */
  readonly t: string;
  /** First token on its line: lets statement-level checks (imports, definitions) stop at line starts. */
  readonly nl: boolean;
}

/** Multi-character operators that matter to recognition (`::` paths, `=>` pairs, `==` vs `=`). */
const TWO_CHAR_OPS = new Set([
  '::',
  '==',
  '=>',
  '!=',
  '<=',
  '>=',
  '->',
  '**',
  '//',
  ':=',
  '+=',
  '-=',
]);

function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36 || c > 127;
}

function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Python's string prefixes (r, b, u, f and their pairs) directly before a quote. */
function isPyStringPrefix(word: string): boolean {
  return word.length <= 2 && /^[rbufRBUF]+$/.test(word);
}

/**
 * Tokenizes `text[from, to)`. Never throws; unterminated strings and comments end at `to`, because the
 * window may cut a construct in half and a hover must still get an answer.
 */
export function tokenize(text: string, from: number, to: number, lang: Lang): Token[] {
  const out: Token[] = [];
  let i = from;
  let nl = true;
  const hashComment = lang === 'python' || lang === 'julia';
  const slashComment = !hashComment;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      nl = true;
      i++;
      continue;
    }
    if (c === 32 || c === 9 || c === 13 || c === 12 || c === 11) {
      i++;
      continue;
    }
    const start = i;
    if (hashComment && c === 35) {
      i =
        lang === 'julia' && text.charCodeAt(i + 1) === 61
          ? skipJuliaBlock(text, i, to)
          : lineEnd(text, i, to);
      continue;
    }
    if (slashComment && c === 47 && text.charCodeAt(i + 1) === 47) {
      i = lineEnd(text, i, to);
      continue;
    }
    if (slashComment && c === 47 && text.charCodeAt(i + 1) === 42) {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 || close + 2 > to ? to : close + 2;
      continue;
    }
    if (isIdentStart(c)) {
      i++;
      while (i < to && isIdentPart(text.charCodeAt(i))) {
        i++;
      }
      // Julia names may end in `!` (relu!) but `!=` is an operator.
      if (lang === 'julia' && text.charCodeAt(i) === 33 && text.charCodeAt(i + 1) !== 61) {
        i++;
      }
      const q = text.charCodeAt(i);
      const word = text.slice(start, i);
      if ((q === 34 || q === 39) && lang === 'python' && isPyStringPrefix(word)) {
        i = scanString(text, i, to, true);
        out.push({ k: 'str', s: start, e: i, t: text.slice(start, i), nl });
      } else {
        out.push({ k: 'id', s: start, e: i, t: word, nl });
      }
      nl = false;
      continue;
    }
    if (isDigit(c) || (c === 46 && isDigit(text.charCodeAt(i + 1)) && !afterValue(out, i))) {
      i = scanNumber(text, i, to, lang);
      out.push({ k: 'num', s: start, e: i, t: text.slice(start, i), nl });
      nl = false;
      continue;
    }
    if (c === 34 || c === 96 || (c === 39 && quoteIsString(text, i, to, lang, out))) {
      i = scanString(text, i, to, lang === 'python' || lang === 'julia');
      out.push({ k: 'str', s: start, e: i, t: text.slice(start, i), nl });
      nl = false;
      continue;
    }
    const two = text.slice(i, i + 2);
    i += TWO_CHAR_OPS.has(two) && !(two === '//' && slashComment) ? 2 : 1;
    out.push({ k: 'p', s: start, e: i, t: text.slice(start, i), nl });
    nl = false;
  }
  return out;
}

/** `x.0` (a Rust tuple field) is a member access, not the number `.0`. */
function afterValue(out: readonly Token[], i: number): boolean {
  const prev = out[out.length - 1];
  return (
    prev !== undefined && prev.e === i && (prev.k === 'id' || prev.t === ')' || prev.t === ']')
  );
}

function lineEnd(text: string, i: number, to: number): number {
  const n = text.indexOf('\n', i);
  return n < 0 || n > to ? to : n;
}

/** Julia's `#= … =#` block comments nest. */
function skipJuliaBlock(text: string, i: number, to: number): number {
  let depth = 0;
  while (i < to) {
    if (text.charCodeAt(i) === 35 && text.charCodeAt(i + 1) === 61) {
      depth++;
      i += 2;
    } else if (text.charCodeAt(i) === 61 && text.charCodeAt(i + 1) === 35) {
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
 * A `'` starts a string in Python and JS, a char literal in C/C++/Rust/Julia, but is Julia's transpose after a
 * value and a Rust lifetime (`'a`) when no closing quote follows the character.
 */
function quoteIsString(text: string, i: number, to: number, lang: Lang, out: Token[]): boolean {
  if (lang === 'python' || lang === 'js' || lang === 'cpp') {
    return true;
  }
  if (lang === 'julia') {
    const prev = out[out.length - 1];
    const adjacent = prev !== undefined && prev.e === i;
    return !(adjacent && (prev.k !== 'p' || prev.t === ')' || prev.t === ']'));
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
    const quote3 = text.slice(i, i + 3);
    let j = i + 3;
    while (j < to) {
      if (text.charCodeAt(j) === 92) {
        j += 2;
        continue;
      }
      if (text.startsWith(quote3, j)) {
        return j + 3;
      }
      j++;
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
  return to;
}

/**
 * Scans a numeric literal in any of our languages: `1e-2`, `.1`, `6.`, `0x1F`, `1_000`, `0.2f0` (Julia
 * Float32), `0.2f`, `2.0_f64`. Letters and digits are consumed greedily; a sign belongs to the number only right
 * after an exponent marker.
 */
function scanNumber(text: string, i: number, to: number, lang: Lang): number {
  let j = i;
  const hex = text.charCodeAt(i) === 48 && (text.charCodeAt(i + 1) | 32) === 120;
  while (j < to) {
    const c = text.charCodeAt(j);
    if (isIdentPart(c) && c !== 36 && c <= 127) {
      j++;
      continue;
    }
    if (c === 46) {
      const n = text.charCodeAt(j + 1);
      // `1.5`, `6.` and `6.)` are numbers; `1..5` (range) and `x.0.relu()` / `1.max(2)` are not.
      if (isDigit(n) || (!isIdentStart(n) && n !== 46 && !text.slice(i, j).includes('.'))) {
        j++;
        continue;
      }
      break;
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
