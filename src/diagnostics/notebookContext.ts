/**
 * A notebook cell's context: the code cells above it in the same language, whose imports apply to it. Only
 * their text is passed to the core, bounded in size.
 */
import * as vscode from 'vscode';

/** Most characters of earlier cells passed along. */
const MAX_PREAMBLE = 256 * 1024;

/** The earlier code cells of the notebook holding `document`, or undefined for a plain file. */
export function preambleOf(document: vscode.TextDocument): string | undefined {
  if (document.uri.scheme !== 'vscode-notebook-cell') {
    return undefined;
  }
  const cellUri = document.uri.toString();
  for (const notebook of vscode.workspace.notebookDocuments) {
    const cells = notebook.getCells();
    const index = cells.findIndex((c) => c.document.uri.toString() === cellUri);
    if (index < 0) {
      continue;
    }
    let preamble = '';
    for (const cell of cells.slice(0, index)) {
      if (
        cell.kind === vscode.NotebookCellKind.Code &&
        cell.document.languageId === document.languageId
      ) {
        preamble += `${cell.document.getText()}\n`;
      }
      if (preamble.length > MAX_PREAMBLE) {
        return preamble.slice(0, MAX_PREAMBLE);
      }
    }
    return preamble;
  }
  return undefined;
}
