/**
 * `# activation-lens: ignore[rule]` (`//` in C-like languages) silences the named rules on its own line;
 * several rules go in one list, comma-separated: `ignore[log-of-softmax, implicit-softmax-dim]`.
 */
import type { Lang } from '../recognize/tokenizer';

const MARKERS: Readonly<Record<Lang, RegExp>> = {
  python: /#\s*activation-lens:\s*ignore\[([\w\s,-]*)\]/,
  julia: /#\s*activation-lens:\s*ignore\[([\w\s,-]*)\]/,
  js: /\/\/\s*activation-lens:\s*ignore\[([\w\s,-]*)\]/,
  cpp: /\/\/\s*activation-lens:\s*ignore\[([\w\s,-]*)\]/,
  rust: /\/\/\s*activation-lens:\s*ignore\[([\w\s,-]*)\]/,
};

/** The rules the ignore comment on the line of `offset` names (empty when there is none). */
export function ignoredRules(text: string, offset: number, lang: Lang): Set<string> {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const nl = text.indexOf('\n', offset);
  const line = text.slice(start, nl < 0 ? text.length : nl);
  const m = MARKERS[lang].exec(line);
  return new Set(m === null ? [] : m[1].split(',').map((r) => r.trim()));
}
