/**
 * The workspace's own modules that open documents import (`from .act import GELUTanh`, `./act`,
 * `crate::act`), read ahead of time — when a document opens or changes — so that the hover can answer
 * synchronously through `RecognizeContext.readImport`. Reads are bounded: at most MAX_MODULES modules per
 * document, MAX_FILE_BYTES per file, MAX_ENTRIES kept in all. A module open in an editor is read from
 * the editor (its unsaved text); others through `workspace.fs`, which also works in virtual workspaces.
 */
import * as vscode from 'vscode';
import { importedModules } from '../core';
import { documentLength, documentText } from './documentTexts';

/** Timers and TextDecoder are in every host we run in, but the host layer's lib has no DOM or Node types. */
declare function setTimeout(handler: () => void, ms: number): number;
declare function clearTimeout(handle: number | undefined): void;
declare class TextDecoder {
  decode(input: Uint8Array): string;
}

const MAX_MODULES = 32;
const MAX_DOCUMENT_CHARS = 2_000_000;
const READ_LANGUAGES = new Set([
  'python',
  'javascript',
  'typescript',
  'javascriptreact',
  'typescriptreact',
  'rust',
]);
const MAX_FILE_BYTES = 1_000_000;
const MAX_ENTRIES = 512;
/** Quiet time after an edit before the imports are read again. */
const DEBOUNCE_MS = 400;

export class WorkspaceImports implements vscode.Disposable {
  /** Module source by `<document uri>\n<specifier>`; undefined when no file was found. */
  private readonly sources = new Map<string, string | undefined>();
  /** The read under way or done for each document version. */
  private readonly reads = new Map<string, { version: number; done: Promise<void> }>();
  private readonly timers = new Map<string, number>();
  /** `<uri>\n<version>` of the reads that finished. */
  private readonly settled = new Set<string>();
  private readonly disposables: vscode.Disposable[];

  constructor() {
    this.disposables = [
      vscode.workspace.onDidOpenTextDocument((d) => void this.prefetch(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)),
      vscode.workspace.onDidSaveTextDocument(() => this.reads.clear()),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri.toString())),
    ];
    for (const editor of vscode.window.visibleTextEditors) {
      void this.prefetch(editor.document);
    }
  }

  /** The `readImport` of a document: answers from what was read ahead, never reads. */
  readImport(document: vscode.TextDocument): (specifier: string) => string | undefined {
    const uri = document.uri.toString();
    return (specifier) => this.sources.get(`${uri}\n${specifier}`);
  }

  /** Whether the modules of `document`'s current version have been read. */
  isRead(document: vscode.TextDocument): boolean {
    return this.settled.has(`${document.uri.toString()}\n${document.version}`);
  }

  /**
   * Reads the modules `document` imports (once per version; the same promise for repeated calls). Never
   * rejects: a module that cannot be read is simply unknown.
   */
  prefetch(document: vscode.TextDocument): Promise<void> {
    const uri = document.uri.toString();
    const known = this.reads.get(uri);
    if (known?.version === document.version) {
      return known.done;
    }
    const key = `${uri}\n${document.version}`;
    const done = this.read(document)
      .catch(() => undefined)
      .then(() => {
        if (this.settled.size > MAX_ENTRIES) {
          this.settled.clear();
        }
        this.settled.add(key);
      });
    this.reads.set(uri, { version: document.version, done });
    return done;
  }

  dispose(): void {
    for (const t of this.timers.values()) {
      clearTimeout(t);
    }
    for (const d of this.disposables) {
      d.dispose();
    }
    this.sources.clear();
  }

  private schedule(document: vscode.TextDocument): void {
    const uri = document.uri.toString();
    clearTimeout(this.timers.get(uri));
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.prefetch(document);
      }, DEBOUNCE_MS),
    );
  }

  private forget(uri: string): void {
    this.reads.delete(uri);
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
  }

  private async read(document: vscode.TextDocument): Promise<void> {
    if (!READ_LANGUAGES.has(document.languageId) || documentLength(document) > MAX_DOCUMENT_CHARS) {
      return; // a language without workspace imports we follow, or a file too long to be a model's
    }
    const specifiers = importedModules(documentText(document), document.languageId).slice(
      0,
      MAX_MODULES,
    );
    const uri = document.uri.toString();
    await Promise.all(
      specifiers.map(async (spec) => {
        const source = await this.readModule(document, spec);
        if (this.sources.size >= MAX_ENTRIES) {
          this.sources.clear();
        }
        this.sources.set(`${uri}\n${spec}`, source);
      }),
    );
  }

  private async readModule(
    document: vscode.TextDocument,
    spec: string,
  ): Promise<string | undefined> {
    for (const candidate of candidates(document, spec)) {
      const open = vscode.workspace.textDocuments.find(
        (d) => d.uri.toString() === candidate.toString(),
      );
      if (open) {
        return open.getText();
      }
      try {
        const stat = await vscode.workspace.fs.stat(candidate);
        if (stat.type !== vscode.FileType.File || stat.size > MAX_FILE_BYTES) {
          continue;
        }
        return new TextDecoder().decode(await vscode.workspace.fs.readFile(candidate));
      } catch {
        // No such file: try the next candidate.
      }
    }
    return undefined;
  }
}

/** The files a specifier may name, most likely first. */
function candidates(document: vscode.TextDocument, spec: string): vscode.Uri[] {
  const dir = vscode.Uri.joinPath(document.uri, '..');
  const lang = document.languageId;
  if (lang === 'python') {
    const dots = /^\.*/.exec(spec)?.[0].length ?? 0;
    const parts = spec
      .slice(dots)
      .split('.')
      .filter((p) => p.length > 0);
    const bases: vscode.Uri[] = [];
    if (dots > 0) {
      let base = dir;
      for (let k = 1; k < dots; k++) {
        base = vscode.Uri.joinPath(base, '..');
      }
      bases.push(base);
    } else {
      for (const folder of vscode.workspace.workspaceFolders ?? []) {
        bases.push(folder.uri, vscode.Uri.joinPath(folder.uri, 'src'));
      }
      bases.push(dir);
    }
    return bases.flatMap((b) =>
      parts.length === 0
        ? [vscode.Uri.joinPath(b, '__init__.py')]
        : [
            vscode.Uri.joinPath(b, ...parts.slice(0, -1), `${parts[parts.length - 1]}.py`),
            vscode.Uri.joinPath(b, ...parts, '__init__.py'),
          ],
    );
  }
  if (lang === 'rust') {
    const path = document.uri.path;
    const src = path.lastIndexOf('/src/');
    if (src < 0 || !spec.startsWith('crate::')) {
      return [];
    }
    const root = document.uri.with({ path: path.slice(0, src + 4) });
    const parts = spec.split('::').slice(1);
    return parts.length === 0
      ? []
      : [
          vscode.Uri.joinPath(root, ...parts.slice(0, -1), `${parts[parts.length - 1]}.rs`),
          vscode.Uri.joinPath(root, ...parts, 'mod.rs'),
        ];
  }
  const base = vscode.Uri.joinPath(dir, spec);
  const exts = ['', '.ts', '.tsx', '.js', '.jsx', '.mjs'];
  return [
    ...exts.map((e) => base.with({ path: base.path + e })),
    ...['index.ts', 'index.js'].map((f) => vscode.Uri.joinPath(base, f)),
  ];
}
