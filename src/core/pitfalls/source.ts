/**
 * The one place the pitfall rules read a document: where its comments and strings are, its imports, the
 * tokens of the few lines around a place a rule cares about, and the recognizer's reading of a name.
 *
 * Tokenizing a whole 5,000-line file costs more than the pitfall scan may take, so the rules find their
 * places with cheap regular expressions first and tokenize only a window of lines around each. When the
 * whole-document model lands (src/core/recognize/document.ts), `tokensAround` and `inCode` read from it.
 */
import { recognizeAt } from '../recognize';
import { documentModel } from '../recognize/models';
import type { Imports } from '../recognize/imports';
import { tokenize, type Lang, type Token } from '../recognize/tokenizer';
import type { RecognizedCall } from '../types';
import { importHeader } from './importHeader';
import { lineStart, matchOffsets, nonCodeRegions, parameterList } from './text';

export { lineStart, matchOffsets } from './text';

/** Lines read before and after the line of a place, and the most characters a window may span. */
const LINES_BACK = 2;
const LINES_AHEAD = 6;
const MAX_WINDOW = 1600;

/** A replacement of `[start, end)` of the document's text. */
export interface SnippetEdit {
  readonly start: number;
  readonly end: number;
  readonly replacement: string;
}

/** A recognition in a snippet, with its offsets moved back to the document's. */
function shifted(call: RecognizedCall, by: number): RecognizedCall {
  return { ...call, start: call.start + by, end: call.end + by };
}

/** How much text around an offset the recognizer gets: its small window and then some. */
const SNIPPET_BACK = 800;
const SNIPPET_AHEAD = 600;

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
  private readonly bindings = new Map<string, number[]>();
  private parameters: Set<string> | undefined;
  private readonly definitions = new Map<string, boolean>();
  private header: string | undefined;

  constructor(
    readonly text: string,
    readonly lang: Lang,
    readonly languageId: string,
    /** Text whose imports also apply (a notebook's earlier cells). */
    private readonly preamble = '',
  ) {}

  /** The imports of the document and its preamble, read from their import statements only. */
  get imports(): Imports {
    this.importsRead ??= documentModel(this.importStatements(), this.lang).imports;
    return this.importsRead;
  }

  /** The import statements of the preamble and the document, one a line (see importHeader). */
  private importStatements(): string {
    this.header ??= importHeader(this.preamble, this.lang) + importHeader(this.text, this.lang);
    return this.header;
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

  /** Where `name` (a plain or dotted name) is assigned with `=` in the text; counted once per name. */
  assignmentsOf(name: string): readonly number[] {
    let found = this.bindings.get(name);
    if (found === undefined) {
      const escaped = name.replace(/\./g, '\\.');
      found = matchOffsets(this.text, new RegExp(`(?<![\\w.])${escaped}\\s*=(?!=)`, 'g'));
      this.bindings.set(name, found);
    }
    return found;
  }

  /** Whether the text defines a function `name` (`def name(`, or `name = lambda`); cached per name. */
  definesFunction(name: string): boolean {
    let found = this.definitions.get(name);
    if (found === undefined) {
      const re = new RegExp(
        `(?:\\bdef\\s+${name}\\s*\\(|(?<![\\w.])${name}\\s*=\\s*lambda\\b)`,
        'g',
      );
      found =
        matchOffsets(this.text, re).some((at) => this.inCode(at)) ||
        matchOffsets(this.preamble, re).length > 0;
      this.definitions.set(name, found);
    }
    return found;
  }

  /** Every name that is a parameter of some Python `def` in the text (one pass, then cached). */
  parameterNames(): ReadonlySet<string> {
    if (this.parameters === undefined) {
      this.parameters = new Set();
      for (const at of matchOffsets(this.text, /\bdef\s+\w+\s*\(/g)) {
        const open = this.text.indexOf('(', at);
        for (const name of parameterList(this.text, open + 1)) {
          this.parameters.add(name);
        }
      }
    }
    return this.parameters;
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

  /**
   * A short text the recognizer reads as it would read the document at `offset`: the document's import
   * statements, then the lines around `offset` (with `edit` applied, to check a fix). Recognizing in the
   * whole text would lex all of it again for each finding (each edit brings a fresh text), which a
   * 5,000-line file cannot afford. Returns the snippet and where `offset` (after the edit) lies in it.
   */
  private snippet(offset: number, edit?: SnippetEdit): [string, number] {
    const header = this.importStatements();
    const { text } = this;
    const at = edit?.start ?? offset;
    let from = lineStart(text, Math.max(0, at - SNIPPET_BACK));
    while (from < at && !this.inCode(from)) {
      from = text.indexOf('\n', from) + 1 || at;
    }
    const end = edit?.end ?? offset;
    const nl = text.indexOf('\n', Math.min(text.length, end + SNIPPET_AHEAD));
    const to = nl < 0 ? text.length : nl;
    const middle =
      edit === undefined
        ? text.slice(from, to)
        : text.slice(from, edit.start) + edit.replacement + text.slice(edit.end, to);
    return [header + middle, header.length + offset - from];
  }

  /** The recognizer's reading of a string token (`"softmax"`): the name inside its quotes. */
  recognizeString(start: number, end: number): RecognizedCall | undefined {
    const [snippet, at] = this.snippet(start);
    const call = recognizeAt(snippet, at, this.languageId);
    return call !== undefined && call.start >= at && call.end <= at + end - start
      ? call
      : undefined;
  }

  /** The recognizer's reading of the name starting at `offset`, only if it is that very name. */
  recognize(offset: number): RecognizedCall | undefined {
    return this.recognizeEdited(offset);
  }

  /** The recognizer's reading at `offset`, wherever it starts (a formula spanning the name). */
  recognizeAround(offset: number): RecognizedCall | undefined {
    const [snippet, at] = this.snippet(offset);
    const call = recognizeAt(snippet, at, this.languageId);
    return call === undefined ? undefined : shifted(call, offset - at);
  }

  /**
   * The recognizer's reading at `offset` in the whole document, with the notebook's preamble: what a hover
   * there shows. Costs one lexing of the document (cached by the recognizer for its text), so it is kept for
   * names the file defines itself, whose definitions a snippet may not hold.
   */
  recognizeInDocument(offset: number): RecognizedCall | undefined {
    return recognizeAt(this.text, offset, this.languageId, { preamble: this.preamble });
  }

  /** The same reading with `edit` applied first; `offset` counts in the edited text (checks a fix). */
  recognizeEdited(offset: number, edit?: SnippetEdit): RecognizedCall | undefined {
    const [snippet, at] = this.snippet(offset, edit);
    const call = recognizeAt(snippet, at, this.languageId);
    return call !== undefined && call.start === at ? shifted(call, offset - at) : undefined;
  }
}
