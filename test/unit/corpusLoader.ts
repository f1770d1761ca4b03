/**
 * The labelled corpus of issue #9 (test/fixtures/corpus/): whole real-code-shaped files, each with a
 * `<file>.labels.json` beside it that says, by text rather than by offset, where an activation is used and
 * what it is (`expect`), or where a look-alike sits (`expect: null`). Loading validates every label, so a
 * typo in a needle fails loudly instead of silently measuring nothing.
 *
 * Label file:
 *   { "framework": "pytorch",                      // default framework of the file's places
 *     "labels": [
 *       { "needle": "F.leaky_relu(x, 0.2)", "nth": 0, "at": "leaky",
 *         "expect": { "id": "leaky_relu", "params": { "negative_slope": 0.2 } } },
 *       { "needle": "calculate_gain('relu')", "at": "relu", "expect": null, "why": "init helper" } ] }
 * `nth` (default 0) counts occurrences of `needle` in the text (for notebooks, in code cell `"cell": k`,
 * counting code cells only from 0);
 * `at` (default the needle) is where in the needle the mouse rests: its middle. `"line": false` marks a
 * label that only the whole file can settle (a binding, a docstring, an import); the single-line run skips
 * it. In `params`, null means the parameter must not be reported. test/fixtures/corpus/README.md has more.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { listActivations } from '../../src/core';

/** The corpus root, from a Node test bundle (they are built to out/test/<suite>/). */
export const CORPUS_DIR = join(__dirname, '../../../test/fixtures/corpus');

/** Catalogue additions of #9 §7 that labels may name before the catalogue has them. */
const FRAMEWORKS = [
  'pytorch',
  'libtorch',
  'keras',
  'tensorflow',
  'tfjs',
  'jax',
  'flax',
  'flux',
  'numpy',
  'candle',
  'burn',
  'other',
];

const LANGUAGE_BY_EXTENSION: Readonly<Record<string, string>> = {
  '.py': 'python',
  '.js': 'javascript',
  '.ts': 'typescript',
  '.jl': 'julia',
  '.cpp': 'cpp',
  '.h': 'cpp',
  '.rs': 'rust',
};

export interface Expectation {
  id: string;
  framework: string;
  /** Parameters that must be reported with these values; null: must not be reported at all. */
  params?: Record<string, number | string | boolean | null>;
  nonLiteral?: string[];
}

/** One label, resolved to an offset in the text it is hovered in. */
export interface Label {
  /** `file: needle #nth` (and the cell), for failure lists. */
  key: string;
  /** The text the label is hovered in: the whole file, or the notebook cell. */
  text: string;
  offset: number;
  /** The preceding code cells of a notebook, oldest first (empty for plain files). */
  precedingCells: readonly string[];
  expect: Expectation | null;
  /** False when only the whole file can settle the label. */
  lineAlone: boolean;
}

export interface CorpusFile {
  /** Path relative to the corpus root. */
  path: string;
  languageId: string;
  framework: string;
  labels: Label[];
}

interface RawLabel {
  needle?: unknown;
  nth?: unknown;
  at?: unknown;
  cell?: unknown;
  line?: unknown;
  why?: unknown;
  expect?: unknown;
}

/** Every corpus file with its validated labels, sorted by path. */
export function loadCorpus(): CorpusFile[] {
  const ids = new Set(listActivations().map((a) => a.id));
  return filesUnder(CORPUS_DIR)
    .filter((f) => f.endsWith('.labels.json'))
    .map((labelsPath) => loadFile(labelsPath, ids));
}

function loadFile(labelsPath: string, ids: ReadonlySet<string>): CorpusFile {
  const sourcePath = labelsPath.slice(0, -'.labels.json'.length);
  const path = relative(CORPUS_DIR, sourcePath);
  assert.ok(existsSync(sourcePath), `${path}: labels without their source file`);
  const extension = path.slice(path.lastIndexOf('.'));
  const source = readFileSync(sourcePath, 'utf8');
  // A notebook is in its kernel's language (Python unless it says Julia, as IJulia notebooks do).
  const languageId =
    extension === '.ipynb' ? notebookLanguage(source) : LANGUAGE_BY_EXTENSION[extension];
  assert.ok(languageId, `${path}: no language for ${extension}`);
  const raw = JSON.parse(readFileSync(labelsPath, 'utf8')) as {
    framework?: unknown;
    labels?: unknown;
  };
  const framework = String(raw.framework);
  assert.ok(FRAMEWORKS.includes(framework), `${path}: unknown framework ${framework}`);
  assert.ok(Array.isArray(raw.labels) && raw.labels.length > 0, `${path}: no labels`);
  const cells = extension === '.ipynb' ? notebookCodeCells(source, path) : undefined;
  const labels = (raw.labels as RawLabel[]).map((l, i) => {
    const where = `${path} label ${i} (${JSON.stringify(l.needle)})`;
    return resolveLabel(l, where, framework, ids, cells ?? [source], cells !== undefined);
  });
  return { path, languageId, framework, labels };
}

function resolveLabel(
  l: RawLabel,
  where: string,
  framework: string,
  ids: ReadonlySet<string>,
  texts: readonly string[],
  notebook: boolean,
): Label {
  assert.ok(typeof l.needle === 'string' && l.needle.length > 0, `${where}: needle`);
  const nth = l.nth ?? 0;
  assert.ok(Number.isInteger(nth) && (nth as number) >= 0, `${where}: nth`);
  const cell = l.cell ?? 0;
  assert.ok(notebook || l.cell === undefined, `${where}: "cell" outside a notebook`);
  assert.ok(Number.isInteger(cell) && texts[cell as number] !== undefined, `${where}: no cell`);
  const text = texts[cell as number];
  const at = l.at ?? l.needle;
  assert.ok(typeof at === 'string' && l.needle.includes(at), `${where}: "at" not in the needle`);
  assert.equal(
    l.needle.indexOf(at),
    l.needle.lastIndexOf(at),
    `${where}: "at" twice in the needle`,
  );
  const start = nthIndexOf(text, l.needle, nth as number);
  assert.ok(start >= 0, `${where}: occurrence ${String(nth)} not found`);
  const atStart = start + l.needle.indexOf(at);
  assert.ok(l.line === undefined || l.line === false, `${where}: "line" is false or absent`);
  assert.ok(l.expect === null || typeof l.expect === 'object', `${where}: expect`);
  const expect = l.expect === null ? null : expectation(l.expect, where, framework, ids);
  assert.ok(expect !== null || typeof l.why === 'string', `${where}: a look-alike says why`);
  return {
    key: keyOf(
      where.slice(0, where.indexOf(' label ')),
      notebook ? cell : undefined,
      l.needle,
      nth,
      at,
    ),
    text,
    offset: atStart + Math.floor(at.length / 2),
    precedingCells: texts.slice(0, cell as number),
    expect,
    lineAlone: l.line === undefined,
  };
}

/** `file cell k: "needle" #nth @ "at"`, the parts that default left out: how failures are listed. */
function keyOf(path: string, cell: unknown, needle: string, nth: unknown, at: string): string {
  const inCell = cell === undefined ? '' : ` cell ${String(cell)}`;
  const occurrence = nth ? ` #${String(nth)}` : '';
  const point = at === needle ? '' : ` @ ${JSON.stringify(at)}`;
  return `${path}${inCell}: ${JSON.stringify(needle)}${occurrence}${point}`;
}

function expectation(
  e: object,
  where: string,
  framework: string,
  ids: ReadonlySet<string>,
): Expectation {
  const { id, framework: fw, params, nonLiteral, ...rest } = e as Record<string, unknown>;
  assert.deepEqual(Object.keys(rest), [], `${where}: unknown expect fields`);
  assert.ok(typeof id === 'string' && ids.has(id), `${where}: unknown id ${String(id)}`);
  const resolved = fw ?? framework;
  assert.ok(typeof resolved === 'string' && FRAMEWORKS.includes(resolved), `${where}: framework`);
  assert.ok(params === undefined || typeof params === 'object', `${where}: params`);
  assert.ok(nonLiteral === undefined || Array.isArray(nonLiteral), `${where}: nonLiteral`);
  return {
    id,
    framework: resolved,
    params: params as Expectation['params'],
    nonLiteral: nonLiteral as string[] | undefined,
  };
}

/** A notebook's language: its kernel's when that is Julia, else Python. */
function notebookLanguage(json: string): string {
  const nb = JSON.parse(json) as { metadata?: { kernelspec?: { language?: unknown } } };
  return nb.metadata?.kernelspec?.language === 'julia' ? 'julia' : 'python';
}

/** The code cells' sources of a notebook, in order. */
function notebookCodeCells(json: string, path: string): string[] {
  const nb = JSON.parse(json) as { cells?: { cell_type?: string; source?: string | string[] }[] };
  assert.ok(Array.isArray(nb.cells), `${path}: not a notebook`);
  return nb.cells
    .filter((c) => c.cell_type === 'code')
    .map((c) => (Array.isArray(c.source) ? c.source.join('') : String(c.source ?? '')));
}

function nthIndexOf(text: string, needle: string, nth: number): number {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) {
      return -1;
    }
  }
  return at;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((d) => (d.isDirectory() ? filesUnder(join(dir, d.name)) : [join(dir, d.name)]))
    .sort();
}

/**
 * A workspace reader over the corpus, the way the host answers `context.readImport(specifier)`: the
 * source of the module a file imports, by the specifier as written, or undefined. Python `.act` and
 * `pkg.act`, JavaScript `./act`, Rust `crate::act` and `super::act`.
 */
export function corpusImportReader(fromPath: string): (specifier: string) => string | undefined {
  const fromDir = dirname(join(CORPUS_DIR, fromPath));
  return (specifier) => {
    for (const candidate of candidatesFor(specifier, fromDir)) {
      if (candidate.startsWith(CORPUS_DIR) && existsSync(candidate)) {
        return readFileSync(candidate, 'utf8');
      }
    }
    return undefined;
  };
}

function candidatesFor(specifier: string, fromDir: string): string[] {
  if (specifier.startsWith('./') || specifier.startsWith('../')) {
    const base = join(fromDir, specifier);
    return ['.ts', '.js', '/index.ts', '/index.js'].map((ext) => base + ext);
  }
  const rust = /^(crate|super|self)::(.+)$/.exec(specifier);
  if (rust) {
    const base = join(rust[1] === 'super' ? dirname(fromDir) : fromDir, ...rust[2].split('::'));
    return [`${base}.rs`, join(base, 'mod.rs')];
  }
  const python = /^(\.*)([\w.]*)$/.exec(specifier);
  if (python) {
    const parts = python[2].split('.').filter(Boolean);
    // Relative: one dot is the file's package, each further dot a parent. Absolute: the file's folder
    // and its parents up to the corpus root stand in for sys.path.
    const dirs = python[1] ? [ancestor(fromDir, python[1].length - 1)] : ancestors(fromDir);
    return dirs.flatMap((dir) => {
      const base = join(dir, ...parts);
      return [`${base}.py`, join(base, '__init__.py')];
    });
  }
  return [];
}

function ancestor(dir: string, levels: number): string {
  return levels <= 0 ? dir : ancestor(dirname(dir), levels - 1);
}

function ancestors(dir: string): string[] {
  return dir.startsWith(CORPUS_DIR) && dir !== CORPUS_DIR
    ? [dir, ...ancestors(dirname(dir))]
    : [dir];
}
