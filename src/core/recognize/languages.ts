/** The VS Code language ids the recognizer and the pitfall rules read, and the lexer family of each. */
import type { Lang } from './tokenizer';

const LANGS: Readonly<Record<string, Lang>> = {
  python: 'python',
  javascript: 'js',
  typescript: 'js',
  javascriptreact: 'js',
  typescriptreact: 'js',
  julia: 'julia',
  cpp: 'cpp',
  c: 'cpp',
  cuda: 'cpp',
  'cuda-cpp': 'cpp',
  rust: 'rust',
};

/** The lexer family of a VS Code language id, or undefined for a language we do not read. */
export function langOf(languageId: string): Lang | undefined {
  return Object.prototype.hasOwnProperty.call(LANGS, languageId) ? LANGS[languageId] : undefined;
}
