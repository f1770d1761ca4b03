/**
 * A notebook cell's preamble: the code of the code cells above it (in its language), joined, so that imports
 * and definitions made there count in the cell (`RecognizeContext.preamble`). Cached per notebook version
 * and cell, so repeated hovers pass the same string and the core's model cache finds it.
 */
import * as vscode from 'vscode';

/** Most characters of earlier cells passed: the nearest cells are kept when there are more. */
const MAX_PREAMBLE = 2_000_000;

let last: { key: string; preamble: string | undefined } | undefined;

/** The code above `document` in its notebook, or undefined when it is not a notebook cell. */
export function notebookPreamble(document: vscode.TextDocument): string | undefined {
  if (document.uri.scheme !== 'vscode-notebook-cell') {
    return undefined;
  }
  const uri = document.uri.toString();
  for (const notebook of vscode.workspace.notebookDocuments) {
    const cells = notebook.getCells();
    const index = cells.findIndex((c) => c.document.uri.toString() === uri);
    if (index < 0) {
      continue;
    }
    const key = `${notebook.uri.toString()}\n${notebook.version}\n${index}\n${document.version}`;
    if (last?.key === key) {
      return last.preamble;
    }
    const parts: string[] = [];
    let size = 0;
    for (let k = index - 1; k >= 0 && size < MAX_PREAMBLE; k--) {
      const cell = cells[k];
      if (cell.kind !== vscode.NotebookCellKind.Code) {
        continue;
      }
      if (cell.document.languageId !== document.languageId) {
        continue;
      }
      const text = cell.document.getText();
      size += text.length + 1;
      parts.unshift(text);
    }
    const preamble = parts.length > 0 ? parts.join('\n') : undefined;
    last = { key, preamble };
    return preamble;
  }
  return undefined;
}
