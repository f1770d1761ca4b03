/**
 * Pitfall diagnostics: every open document (and notebook cell) in a language we read is scanned by the
 * core's `findPitfalls` on open and, debounced, after edits; the rules switched off in the settings are
 * left out. The last scan of each document is kept for the quick fixes and the hover.
 */
import * as vscode from 'vscode';
import type { ConfigWatcher } from '../config';
import { findPitfalls, type Pitfall } from '../core';
import { preambleOf } from './notebookContext';

// Timers exist in both extension hosts (Node and web worker); the host layer has neither's types.
declare function setTimeout(handler: () => void, ms: number): unknown;
declare function clearTimeout(handle: unknown): void;

/** The `source` of every diagnostic we publish. */
export const DIAGNOSTIC_SOURCE = 'Activation Lens';

/** Quiet time after the last edit before a document is scanned again. */
const DEBOUNCE_MS = 250;

interface Scan {
  readonly version: number;
  readonly pitfalls: readonly Pitfall[];
}

export class PitfallDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('activationLens');
  private readonly scans = new Map<string, Scan>();
  private readonly timers = new Map<string, unknown>();
  private readonly listeners: vscode.Disposable[];

  constructor(
    private readonly config: ConfigWatcher,
    private readonly languages: ReadonlySet<string>,
  ) {
    this.listeners = [
      vscode.workspace.onDidOpenTextDocument((d) => this.publish(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
      // A switched rule applies at once: republish from the kept scans.
      config.onDidChange(() => this.publishAll()),
    ];
    this.publishAll();
  }

  /** The pitfalls of the document's current version that the settings leave on (scanning if stale). */
  pitfallsOf(document: vscode.TextDocument): readonly Pitfall[] {
    if (!this.languages.has(document.languageId)) {
      return [];
    }
    const key = document.uri.toString();
    let scan = this.scans.get(key);
    if (scan?.version !== document.version) {
      const context = { preamble: preambleOf(document) };
      scan = {
        version: document.version,
        pitfalls: findPitfalls(document.getText(), document.languageId, context),
      };
      this.scans.set(key, scan);
    }
    const on = this.config.current().pitfalls;
    return scan.pitfalls.filter((p) => on[p.rule]);
  }

  /** The pitfall a diagnostic of ours reports, if the document has not changed since. */
  pitfallFor(document: vscode.TextDocument, d: vscode.Diagnostic): Pitfall | undefined {
    const start = document.offsetAt(d.range.start);
    const end = document.offsetAt(d.range.end);
    return this.pitfallsOf(document).find(
      (p) => p.rule === d.code && p.start === start && p.end === end,
    );
  }

  dispose(): void {
    this.listeners.forEach((l) => l.dispose());
    this.timers.forEach((t) => clearTimeout(t));
    this.timers.clear();
    this.collection.dispose();
  }

  private publishAll(): void {
    for (const d of vscode.workspace.textDocuments) {
      this.publish(d);
    }
  }

  private schedule(document: vscode.TextDocument): void {
    if (!this.languages.has(document.languageId)) {
      return;
    }
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.publish(document);
      }, DEBOUNCE_MS),
    );
  }

  private publish(document: vscode.TextDocument): void {
    try {
      if (document.isClosed || !this.languages.has(document.languageId)) {
        this.collection.delete(document.uri);
        return;
      }
      this.collection.set(
        document.uri,
        this.pitfallsOf(document).map((p) => toDiagnostic(document, p)),
      );
    } catch {
      // Diagnostics are a help: a failure costs this document's, never an error in VS Code.
      this.collection.delete(document.uri);
    }
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.scans.delete(key);
    this.collection.delete(uri);
  }
}

function toDiagnostic(document: vscode.TextDocument, p: Pitfall): vscode.Diagnostic {
  const range = new vscode.Range(document.positionAt(p.start), document.positionAt(p.end));
  const severity =
    p.severity === 'warning'
      ? vscode.DiagnosticSeverity.Warning
      : vscode.DiagnosticSeverity.Information;
  const d = new vscode.Diagnostic(range, p.message, severity);
  d.source = DIAGNOSTIC_SOURCE;
  d.code = p.rule;
  return d;
}
