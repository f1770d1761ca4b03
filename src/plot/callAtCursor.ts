import * as vscode from 'vscode';
import { recognizeAt } from '../core';
import type { SeriesSpec } from '../protocol';
import { SUPPORTED_LANGUAGES } from '../config';
import { documentText } from '../reading/documentTexts';

/**
 * The activation call under the editor's cursor as a series to plot (the code's parameters, flags such as
 * `inplace` left out), or undefined. The text is the one shared with the hover (read once per version), so
 * the core answers from its cached document model. Never throws: a recognizer failure means "no call here".
 */
export function callAtCursor(editor: vscode.TextEditor | undefined): SeriesSpec | undefined {
  if (!editor || !(SUPPORTED_LANGUAGES as readonly string[]).includes(editor.document.languageId)) {
    return undefined;
  }
  try {
    const doc = editor.document;
    const offset = doc.offsetAt(editor.selection.active);
    const call = recognizeAt(documentText(doc), offset, doc.languageId);
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
