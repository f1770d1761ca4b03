/** The call as written in the code, for the hover's title. */
import { cutAtCodePoint, showInvisibles } from './markdownSafety';

const MAX_SCAN = 400;
const MAX_SHOWN = 80;

/**
 * The call as written, on one line and shortened to a readable length: from the recognized name through its
 * closing parenthesis (`nn.LeakyReLU(0.2)`); for a name passed as an argument (`activation="swish"`,
 * Flux's `Dense(10 => 5, relu)`) the call it is passed to; else the name alone. Strings and nesting are
 * followed far enough for real code; an unclosed call stops at MAX_SCAN characters.
 */
export function callText(text: string, start: number, end: number): string {
  let i = end;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) {
    i++;
  }
  if (text[i] === '(') {
    return shown(text, start, closeOf(text, i));
  }
  const open = enclosingParen(text, start);
  let head = open;
  while (head > 0 && /[\w.:]/.test(text[head - 1])) {
    head--;
  }
  return open >= 0 && head < open
    ? shown(text, head, closeOf(text, open))
    : shown(text, start, end);
}

/** The offset of the unclosed '(' before `at` in the same statement (within MAX_SCAN characters), or -1. */
function enclosingParen(text: string, at: number): number {
  let depth = 0;
  for (let i = at - 1; i >= Math.max(0, at - MAX_SCAN); i--) {
    const c = text[i];
    if (c === ')') {
      depth++;
    } else if (c === '(') {
      if (depth === 0) {
        return i;
      }
      depth--;
    } else if (c === ';' || (c === '\n' && depth === 0 && !/[ \t)\]}]/.test(text[i + 1] ?? ''))) {
      // A statement boundary (a line starting at column 0): nothing before it encloses the name.
      return -1;
    }
  }
  return -1;
}

/** One past the parenthesis closing the one at `open`; the scan limit when it stays open. */
function closeOf(text: string, open: number): number {
  let depth = 0;
  let quote = '';
  const limit = Math.min(text.length, open + MAX_SCAN);
  for (let i = open; i < limit; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') {
        i++;
      } else if (c === quote) {
        quote = '';
      }
    } else if (c === '"' || c === "'" || c === '`') {
      quote = c;
    } else if (c === '(' || c === '[' || c === '{') {
      depth++;
    } else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) {
        return i + 1;
      }
    }
  }
  return limit;
}

/**
 * The slice on one line. Invisible controls are made visible first (`\s` would swallow some, such as the
 * BOM and U+2028), and the text is cut on a code point, never inside a surrogate pair.
 */
function shown(text: string, start: number, stop: number): string {
  const written = showInvisibles(text.slice(start, stop))
    .replace(/\s+/g, ' ')
    .replace(/([([{]) /g, '$1')
    .replace(/ ([)\]}])/g, '$1');
  return cutAtCodePoint(written, MAX_SHOWN);
}
