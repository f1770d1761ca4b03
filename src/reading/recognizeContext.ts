/**
 * What recognition may know about a document beyond its text: the code cells above it in its notebook and
 * the workspace modules it imports (read ahead). The hover and the call under the cursor (Plot Activation,
 * the editor menu, follow mode) pass the same context, so a call the hover names is the call they plot.
 */
import type * as vscode from 'vscode';
import type { RecognizeContext } from '../core';
import { notebookPreamble } from './notebookCells';
import type { WorkspaceImports } from './workspaceImports';

/** The context of `document`, or undefined when there is none (a plain file importing nothing read). */
export function recognizeContextFor(
  document: vscode.TextDocument,
  imports: WorkspaceImports | undefined,
): RecognizeContext | undefined {
  const preamble = notebookPreamble(document);
  const readImport = imports?.readImport(document);
  if (preamble === undefined && readImport === undefined) {
    return undefined;
  }
  return {
    ...(preamble !== undefined ? { preamble } : {}),
    ...(readImport !== undefined ? { readImport } : {}),
  };
}
