/**
 * The one place the pitfall rules read a document: where its comments and strings are, its imports, the
 * tokens of the few lines around a place a rule cares about, and the recognizer's reading of a name.
 *
 * Tokenizing a whole 5,000-line file costs more than the pitfall scan may take, so the rules find their
 * places with cheap regular expressions first and tokenize only a window of lines around each. When the
 * whole-document model lands (src/core/recognize/document.ts), `tokensAround` and `inCode` read from it.
 */
import { recognizeAt } from '../recognize';
import { scanImports, type Imports } from '../recognize/imports';
import { tokenize, type Lang, type Token } from '../recognize/tokenizer';
import type { RecognizedCall } from '../types';

/** Lines read before and after the line of a place, and the most characters a window may span. */
const LINES_BACK = 4;
const LINES_AHEAD = 8;
const MAX_WINDOW = 2400;

/** A window of tokens: `toks` cover `[from, to)` of the text. */
export interface Window {
  readonly toks: readonly Token[];
  readonly from: number;
  readonly to: number;
}

export class Source {
  private mask: number[] | undefined;
  private importsRead: Imports | undefined;
  private readonly windows = new Map<number, Window>();

  constructor(
    readonly text: string,
    readonly lang: Lang,
    readonly languageId: string,
    /** Text whose imports also apply (a notebook's earlier cells). */
    private readonly preamble = '',
  ) {}

  /** The document's imports (the preamble's first, so the document's own win on a clash). */
  get imports(): Imports {
    if (this.importsRead === undefined) {
      const own = scanImports(this.text, this.lang);
      if (this.preamble.length === 0) {
        this.importsRead = own;
      } else {
        const before = scanImports(this.preamble, this.lang);
        this.importsRead = {
          aliases: new Map([...before.aliases, ...own.aliases]),
          globs: [...before.globs, ...own.globs],
          tfKeras: before.tfKeras || own.tfKeras,
        };
      }
    }
    return this.importsRead;
  }

  /** The local name bound to module `path` by an import (`F` for torch.nn.functional), if any. */
  localName(path: string): string | undefined {
    for (const [local, full] of this.imports.aliases) {
      if (full === path) {
        return local;
      }
    }
    return undefined;
  }

  /** Whether `offset` is in code, not in a comment or string. */
  inCode(offset: number): boolean {
    this.mask ??= nonCodeRegions(this.text, this.lang);
    const m = this.mask;
    let lo = 0;
    let hi = m.length / 2 - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (m[2 * mid + 1] <= offset) {
        lo = mid + 1;
      } else if (m[2 * mid] > offset) {
        hi = mid - 1;
      } else {
        return false;
      }
    }
    return true;
  }

  /** Tokens of the lines around `offset`, starting in code (never inside a docstring that began earlier). */
  tokensAround(offset: number): Window {
    let from = lineStart(this.text, offset);
    for (let n = 0; n < LINES_BACK && from > 0 && offset - from < MAX_WINDOW / 2; n++) {
      from = lineStart(this.text, from - 1);
    }
    while (from < offset && !this.inCode(from)) {
      from = this.text.indexOf('\n', from) + 1 || offset;
    }
    const cached = this.windows.get(from);
    if (
      cached !== undefined &&
      (cached.to - offset >= MAX_WINDOW / 4 || cached.to === this.text.length)
    ) {
      return cached;
    }
    let to = offset;
    for (let n = 0; n <= LINES_AHEAD && to < this.text.length && to - from < MAX_WINDOW; n++) {
      const nl = this.text.indexOf('\n', to + 1);
      to = nl < 0 ? this.text.length : nl;
    }
    const w = { toks: tokenize(this.text, from, to, this.lang), from, to };
    this.windows.set(from, w);
    return w;
  }

  /** Tokens of `[from, to)` for a construct longer than a window (a model's layer list); not cached. */
  tokensBetween(from: number, to: number): readonly Token[] {
    return tokenize(this.text, from, to, this.lang);
  }

  /** The recognizer's reading of a string token (`"softmax"`): the name inside its quotes. */
  recognizeString(start: number, end: number): RecognizedCall | undefined {
    const call = recognizeAt(this.text, start, this.languageId);
    return call !== undefined && call.start >= start && call.end <= end ? call : undefined;
  }

  /** The recognizer's reading of the name starting at `offset`, only if it is that very name. */
  recognize(offset: number): RecognizedCall | undefined {
    return this.recognizeIn(this.text, offset);
  }

  /** The same reading in another text of this language (a fix applied to this one). */
  recognizeIn(text: string, offset: number): RecognizedCall | undefined {
    const call = recognizeAt(text, offset, this.languageId);
    return call !== undefined && call.start === offset ? call : undefined;
  }
}

export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Every match of `re` (which must be global) in `text`: the offsets of its matches. */
export function matchOffsets(text: string, re: RegExp): number[] {
  const out: number[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push(m.index);
    if (m[0].length === 0) {
      re.lastIndex++;
    }
  }
  return out;
}

/** What opens a comment or string, per language family. */
const OPENERS: Readonly<Record<Lang, RegExp>> = {
  python: /#|'''|"""|'|"/g,
  julia: /#=|#|"""|"|'/g,
  js: /\/\/|\/\*|'|"|`/g,
  cpp: /\/\/|\/\*|'|"/g,
  rust: /\/\/|\/\*|"|'/g,
};

/**
 * The comments and strings of `text` as flat [start, end) pairs, in one linear pass. Like the tokenizer,
 * it knows only what matters here: an unclosed quote ends at its line (triple quotes and template literals
 * span lines); a quote that is Julia's transpose or a Rust lifetime opens nothing.
 */
export function nonCodeRegions(text: string, lang: Lang): number[] {
  const out: number[] = [];
  const re = new RegExp(OPENERS[lang].source, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const s = m.index;
    const open = m[0];
    let e: number;
    if (open === '#' || open === '//') {
      e = text.indexOf('\n', s);
    } else if (open === '/*') {
      e = text.indexOf('*/', s + 2);
      e = e < 0 ? -1 : e + 2;
    } else if (open === '#=') {
      e = juliaBlockEnd(text, s);
    } else if (open.length === 3 || open === '`') {
      e = closeQuote(text, s + open.length, open, true);
    } else if (open === "'" && (lang === 'julia' || lang === 'rust') && !isCharLiteral(text, s)) {
      continue;
    } else {
      e = closeQuote(text, s + 1, open, false);
    }
    if (e < 0) {
      e = text.length;
    }
    out.push(s, e);
    re.lastIndex = Math.max(e, s + 1);
  }
  return out;
}

/** The end of a string whose body starts at `i`; -1 when it never closes. */
function closeQuote(text: string, i: number, quote: string, multiLine: boolean): number {
  for (let j = i; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 92) {
      j++;
    } else if (text.startsWith(quote, j)) {
      return j + quote.length;
    } else if (c === 10 && !multiLine) {
      return j;
    }
  }
  return -1;
}

/** `'x'` or `'\n'`: a char literal (otherwise a transpose or a lifetime). */
function isCharLiteral(text: string, i: number): boolean {
  if (text.charCodeAt(i + 1) === 92) {
    return true;
  }
  const close = text.indexOf("'", i + 1);
  return close > i + 1 && close <= i + 3 && !text.slice(i + 1, close).includes('\n');
}

/** Julia's `#= … =#` nest. */
function juliaBlockEnd(text: string, s: number): number {
  let depth = 0;
  for (let i = s; i < text.length - 1; i++) {
    if (text.startsWith('#=', i)) {
      depth++;
      i++;
    } else if (text.startsWith('=#', i)) {
      depth--;
      i++;
      if (depth === 0) {
        return i + 1;
      }
    }
  }
  return -1;
}
