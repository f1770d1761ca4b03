/**
 * The import statements of a document gathered into a short text: what the recognizer reads before the
 * lines around a place, so that it resolves names as it would in the whole document.
 */
import type { Lang } from '../recognize/tokenizer';

/** How far into a document imports are looked for (as the recognizer did before its document model). */
const IMPORT_SCAN_CHARS = 32 * 1024;

/** Statement starts of imports per language (JS: `import …` and `… = require(…)`). */
const IMPORT_LINE: Readonly<Record<Lang, RegExp>> = {
  python: /^[ \t]*(?:import|from)\s[^\n]*/gm,
  js: /^[ \t]*(?:import\b[^\n]*|(?:const|let|var)\b[^\n]*\brequire\s*\([^\n]*)/gm,
  cpp: /^[ \t]*(?:using|namespace)\b[^\n]*/gm,
  rust: /^[ \t]*(?:pub\s+)?(?:use|extern)\b[^\n]*/gm,
  julia: /^[ \t]*(?:using|import)\b[^\n]*/gm,
};

/**
 * The import statements of the first IMPORT_SCAN_CHARS of `text`, one a line, unindented; a statement whose
 * brackets stay open on its line runs on to where they close (`from m import (\n a,\n)`).
 */
export function importHeader(text: string, lang: Lang): string {
  const prefix = text.slice(0, IMPORT_SCAN_CHARS);
  const out: string[] = [];
  const re = new RegExp(IMPORT_LINE[lang].source, 'gm');
  for (let m = re.exec(prefix); m !== null; m = re.exec(prefix)) {
    let end = m.index + m[0].length;
    const line = m[0];
    for (const [open, close] of ['()', '{}']) {
      if (line.includes(open) && !line.includes(close)) {
        const at = prefix.indexOf(close, end);
        end =
          at < 0 || at - end > 4096
            ? end
            : prefix.indexOf('\n', at) < 0
              ? prefix.length
              : prefix.indexOf('\n', at);
      }
    }
    out.push(prefix.slice(m.index, end).trimStart());
    re.lastIndex = Math.max(re.lastIndex, end);
  }
  return out.length > 0 ? `${out.join('\n')}\n\n` : '';
}
