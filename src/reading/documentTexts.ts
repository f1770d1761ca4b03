/**
 * The text of a document, read once per version and shared: the hover and the cursor listener pass the very
 * same string to the core, whose document model is cached by text, so a document is copied out of VS Code
 * and lexed once per edit, not once per hover or cursor move. Counts its reads for the tests.
 */
import * as vscode from 'vscode';

/** Documents whose text is kept (the visible editors and the one being hovered). */
const KEPT = 4;

interface Entry {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
}

const entries: Entry[] = [];
let reads = 0;

/** The text of `document` at its current version (read from VS Code only when the version is new). */
export function documentText(document: vscode.TextDocument): string {
  const uri = document.uri.toString();
  const at = entries.findIndex((e) => e.uri === uri);
  if (at >= 0 && entries[at].version === document.version) {
    return entries[at].text;
  }
  if (at >= 0) {
    entries.splice(at, 1);
  }
  reads++;
  const entry = { uri, version: document.version, text: document.getText() };
  entries.unshift(entry);
  entries.length = Math.min(entries.length, KEPT);
  return entry.text;
}

/** The text of `document` if it was already read at its current version; never reads it. */
export function knownText(document: vscode.TextDocument): string | undefined {
  const uri = document.uri.toString();
  const entry = entries.find((e) => e.uri === uri);
  return entry?.version === document.version ? entry.text : undefined;
}

/** How many times a document's text was copied out of VS Code (for the tests' hooks). */
export function textReads(): number {
  return reads;
}

/** The length of a document's text, without copying it out of VS Code. */
export function documentLength(document: vscode.TextDocument): number {
  return document.offsetAt(new vscode.Position(document.lineCount, 0));
}
