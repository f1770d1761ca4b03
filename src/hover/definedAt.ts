/**
 * The hover's line for an activation the code defines itself: "Defined at line 12 as `1 / (1 + np.exp(-z))`
 * (in `.act`)". The source is file text, so it is shown only as code: a code span fenced by a backtick run
 * longer than any inside it, with bidi and zero-width controls removed; the module name likewise.
 */
import type { RecognizedCall } from '../core';

/** Bidi embeddings/overrides/isolates, zero-width characters and the BOM: shown as nothing. */
const INVISIBLE = /[\u202a-\u202e\u2066-\u2069\u200b-\u200f\ufeff]/g;

/** `text` as an inline code span that no character inside can close. */
function literal(text: string): string {
  const clean = text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
  const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  // A space on each side keeps a leading or trailing backtick from joining the fence.
  return `${fence} ${clean} ${fence}`;
}

/** The Markdown line, or '' when the call is a library's, not the code's own definition. */
export function definedAtMarkdown(call: RecognizedCall): string {
  const d = call.definedAt;
  if (d === undefined || !Number.isInteger(d.line) || d.line < 1) {
    return '';
  }
  const where = d.module !== undefined ? ` in ${literal(d.module)}` : '';
  const body = d.source.length > 0 ? ` as ${literal(d.source)}` : '';
  return `*Defined${where} at line ${d.line}${body}.*`;
}
