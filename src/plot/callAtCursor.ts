import * as vscode from 'vscode';
import { recognizeAt } from '../core';
import type { SeriesSpec } from '../protocol';
import { SUPPORTED_LANGUAGES } from '../config';
import { documentText } from '../reading/documentTexts';
import { recognizeContextFor } from '../reading/recognizeContext';
import type { WorkspaceImports } from '../reading/workspaceImports';

/**
 * The activation call under the editor's cursor as a series to plot (the code's parameters, flags such as
 * `inplace` left out), or undefined. The text and context (a notebook's earlier cells, the modules read
 * ahead by `imports`) are the hover's, so the core answers from its cached document model and names the
 * call the hover names. Never throws: a recognizer failure means "no call here".
 */
export function callAtCursor(
  editor: vscode.TextEditor | undefined,
  imports: WorkspaceImports | undefined,
): SeriesSpec | undefined {
  if (!editor || !(SUPPORTED_LANGUAGES as readonly string[]).includes(editor.document.languageId)) {
    return undefined;
  }
  try {
    const doc = editor.document;
    const offset = doc.offsetAt(editor.selection.active);
    const call = recognizeAt(
      documentText(doc),
      offset,
      doc.languageId,
      recognizeContextFor(doc, imports),
    );
    if (!call) {
      return undefined;
    }
    const params: Record<string, number | string> = {};
    for (const [k, v] of Object.entries(call.params)) {
      if (typeof v === 'number' || typeof v === 'string') {
        params[k] = v;
      }
    }
    return { id: call.id, params };
  } catch {
    return undefined;
  }
}

/** Same activation and parameters: the chart need not change. */
export function sameSeries(a: SeriesSpec | undefined, b: SeriesSpec | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
