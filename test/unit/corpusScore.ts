/**
 * Scores the recognizer on the labelled corpus (corpusLoader.ts): each label is hovered in one of three
 * ways and its outcome tallied per framework.
 *   file  the whole file; a notebook cell with the notebook's preceding code cells as context
 *   line  the label's line alone (labels marked `"line": false` are skipped)
 */
import { recognizeAt, resolveParams, type RecognizedCall } from '../../src/core';
import { corpusImportReader, type CorpusFile, type Expectation, type Label } from './corpusLoader';

/** What the recognizer is given besides the text: the workspace and a notebook's earlier cells. */
export interface CorpusContext {
  /** The source text of an imported module by its specifier as written, or undefined. */
  readImport(specifier: string): string | undefined;
  /** A notebook's preceding code cells, oldest first. */
  precedingCells: readonly string[];
}

/** The 4th argument #9 gives `recognizeAt` (the docmodel branch's `RecognizeContext`). */
interface RecognizeContext {
  readonly readImport?: (specifier: string) => string | undefined;
  /** Code that runs before the text: a notebook's earlier code cells, joined by newlines. */
  readonly preamble?: string;
}

/**
 * The one place the corpus calls the recognizer, with the workspace and a notebook's earlier cells as
 * `context`. Until the recognizer takes that 4th argument (docmodel branch) it ignores it, so cross-file
 * and notebook labels measure today's reading; after the merge the widening below is a no-op.
 */
export function recognizeInCorpus(
  text: string,
  offset: number,
  languageId: string,
  context: CorpusContext,
): RecognizedCall | undefined {
  const recognize: (
    text: string,
    offset: number,
    languageId: string,
    context?: RecognizeContext,
  ) => RecognizedCall | undefined = recognizeAt;
  const preamble = context.precedingCells.join('\n');
  return recognize(text, offset, languageId, {
    readImport: context.readImport,
    ...(preamble ? { preamble } : {}),
  });
}

export type Mode = 'file' | 'line';

export type Outcome = 'right' | 'wrong' | 'missed' | 'false hover' | 'quiet';

export interface Result {
  key: string;
  framework: string;
  outcome: Outcome;
  /** What was read instead, for wrong reads and false hovers. */
  got?: RecognizedCall;
  expect: Expectation | null;
}

/** Every label of every file hovered in `mode` (labels a line cannot settle are left out of `line`). */
export function scoreCorpus(files: readonly CorpusFile[], mode: Mode): Result[] {
  return files.flatMap((file) => {
    const readImport = corpusImportReader(file.path);
    return file.labels
      .filter((label) => mode === 'file' || label.lineAlone)
      .map((label) => {
        const [text, offset] = mode === 'file' ? [label.text, label.offset] : lineOf(label);
        const context = { readImport, precedingCells: mode === 'file' ? label.precedingCells : [] };
        const got = recognizeInCorpus(text, offset, file.languageId, context);
        return {
          key: label.key,
          framework: label.expect?.framework ?? file.framework,
          outcome: outcomeOf(label.expect, got),
          got,
          expect: label.expect,
        };
      });
  });
}

/** The label's line alone, and the offset in it. */
function lineOf(label: Label): [string, number] {
  const start = label.text.lastIndexOf('\n', label.offset - 1) + 1;
  const newline = label.text.indexOf('\n', label.offset);
  const end = newline < 0 ? label.text.length : newline;
  return [label.text.slice(start, end), label.offset - start];
}

function outcomeOf(expect: Expectation | null, got: RecognizedCall | undefined): Outcome {
  if (expect === null) {
    return got === undefined ? 'quiet' : 'false hover';
  }
  if (got === undefined) {
    return 'missed';
  }
  return reads(got, expect) ? 'right' : 'wrong';
}

/** Same id and framework, every expected parameter (others may be reported), the non-literal names. */
function reads(got: RecognizedCall, expect: Expectation): boolean {
  if (got.id !== expect.id || got.framework !== expect.framework) {
    return false;
  }
  // What the hover shows: a parameter the recognizer leaves out reads as the catalogue default.
  const shown: Record<string, unknown> = { ...resolveParams(got.id), ...got.params };
  const paramsAgree = Object.entries(expect.params ?? {}).every(([name, value]) =>
    sameValue(value === null ? got.params[name] : shown[name], value),
  );
  const nonLiteralAgree =
    expect.nonLiteral === undefined ||
    JSON.stringify([...(got.nonLiteral ?? [])].sort()) ===
      JSON.stringify([...expect.nonLiteral].sort());
  return paramsAgree && nonLiteralAgree;
}

function sameValue(got: unknown, want: number | string | boolean | null): boolean {
  if (want === null) {
    // A parameter this framework does not have (softplus' threshold outside PyTorch) is not reported.
    return got === undefined;
  }
  if (typeof want === 'number' && typeof got === 'number') {
    // Labels write 1/6 or 0.16666666666666666; a literal parsed differently is still the same number.
    return Math.abs(got - want) <= 1e-12 * Math.max(1, Math.abs(want));
  }
  return got === want;
}

export interface Tally {
  places: number;
  right: number;
  wrong: number;
  missed: number;
  lookalikes: number;
  falseHovers: number;
}

/** Per framework, plus `all`. */
export function tally(results: readonly Result[]): Map<string, Tally> {
  const rows = new Map<string, Tally>();
  const row = (name: string): Tally => {
    let t = rows.get(name);
    if (!t) {
      t = { places: 0, right: 0, wrong: 0, missed: 0, lookalikes: 0, falseHovers: 0 };
      rows.set(name, t);
    }
    return t;
  };
  for (const r of [...results].sort((a, b) => a.framework.localeCompare(b.framework))) {
    for (const t of [row(r.framework), row('all')]) {
      if (r.expect === null) {
        t.lookalikes++;
        t.falseHovers += r.outcome === 'false hover' ? 1 : 0;
      } else {
        t.places++;
        t.right += r.outcome === 'right' ? 1 : 0;
        t.wrong += r.outcome === 'wrong' ? 1 : 0;
        t.missed += r.outcome === 'missed' ? 1 : 0;
      }
    }
  }
  const all = rows.get('all');
  rows.delete('all');
  return all ? rows.set('all', all) : rows;
}

/** A fixed-width table of the tally. */
export function formatTable(title: string, rows: ReadonlyMap<string, Tally>): string {
  const head = [
    'framework',
    'places',
    'right',
    'wrong',
    'missed',
    'read %',
    'look-alikes',
    'false',
  ];
  const body = [...rows].map(([name, t]) => [
    name,
    String(t.places),
    String(t.right),
    String(t.wrong),
    String(t.missed),
    t.places ? ((100 * t.right) / t.places).toFixed(1) : '-',
    String(t.lookalikes),
    String(t.falseHovers),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const fmt = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [title, fmt(head), ...body.map(fmt)].join('\n');
}

/** One line per failing label: what was expected and what was read. */
export function describeFailure(r: Result): string {
  const show = (c: RecognizedCall | Expectation | null | undefined): string =>
    c ? `${c.id}/${c.framework}${c.params ? ` ${JSON.stringify(c.params)}` : ''}` : 'nothing';
  return `  ${r.outcome.padEnd(11)} ${r.key} — want ${show(r.expect)}, got ${show(r.got)}`;
}
