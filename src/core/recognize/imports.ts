/**
 * Import and alias resolution: which module path a name stands for (`F` → `torch.nn.functional`, `nn` →
 * `flax.linen` after `from flax import linen as nn`). Paths are normalized to dots.
 *
 * Only the first IMPORT_SCAN_CHARS of the document are read, and only lines that start with an import
 * keyword are tokenized: imports sit at the top in practice, and scanning a whole (possibly huge) document on
 * every hover would make each hover cost as much as the file is long.
 */
import { tokenize, type Lang, type Token } from './tokenizer';

/** How far into the document imports are looked for. */
export const IMPORT_SCAN_CHARS = 32 * 1024;

/** Bound on one import statement (a parenthesized Python import or a Rust `use` tree). */
const MAX_STATEMENT_CHARS = 4096;

/** What the document's imports say about the names used in it. */
export interface Imports {
  /** Local name → full dotted path. */
  readonly aliases: ReadonlyMap<string, string>;
  /** Glob imports (`using namespace torch;`, `use burn::nn::*;`): paths unqualified names may come from. */
  readonly globs: readonly string[];
  /** Some import path starts with `tensorflow` or `tf_keras`: Keras code here is tf.keras 2. */
  readonly tfKeras: boolean;
}

const STARTERS: Readonly<Record<Lang, RegExp>> = {
  python: /^(?:import|from)\b/,
  js: /^(?:import|const|let|var)\b/,
  cpp: /^(?:namespace|using)\b/,
  rust: /^(?:pub\s+)?use\b/,
  julia: /^(?:using|import)\b/,
};

let cache: { prefix: string; lang: Lang; result: Imports } | undefined;

/**
 * The imports of `text`. Cached for the last document, keyed on the scanned prefix only: hovers come in
 * bursts on the same document, each with a fresh copy of its text, and comparing whole texts would cost as
 * much as the file is long.
 */
export function scanImports(text: string, lang: Lang): Imports {
  const prefix = text.length > IMPORT_SCAN_CHARS ? text.slice(0, IMPORT_SCAN_CHARS) : text;
  if (cache && cache.lang === lang && cache.prefix === prefix) {
    return cache.result;
  }
  const aliases = new Map<string, string>();
  const globs: string[] = [];
  const limit = Math.min(text.length, IMPORT_SCAN_CHARS);
  const starter = STARTERS[lang];
  let pos = 0;
  while (pos < limit) {
    let lineEnd = text.indexOf('\n', pos);
    if (lineEnd < 0 || lineEnd > limit) {
      lineEnd = limit;
    }
    let i = pos;
    while (i < lineEnd && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) {
      i++;
    }
    if (starter.test(text.slice(i, i + 12))) {
      const end = statementEnd(text, i, lineEnd, limit);
      parseStatement(tokenize(text, i, end, lang), lang, aliases, globs);
      lineEnd = Math.max(lineEnd, text.lastIndexOf('\n', end - 1));
    }
    pos = lineEnd + 1;
  }
  const tfKeras = [...aliases.values(), ...globs].some(
    (p) => p.startsWith('tensorflow') || p.startsWith('tf_keras'),
  );
  const result = { aliases, globs, tfKeras };
  cache = { prefix, lang, result };
  return result;
}

/** A statement ends at its line end unless a bracket opened on the line closes later. */
function statementEnd(text: string, start: number, lineEnd: number, limit: number): number {
  const line = text.slice(start, lineEnd);
  const bound = Math.min(limit, start + MAX_STATEMENT_CHARS);
  for (const [open, close] of [
    ['(', ')'],
    ['{', '}'],
  ]) {
    if (line.includes(open) && !line.includes(close)) {
      const at = text.indexOf(close, lineEnd);
      if (at >= 0 && at < bound) {
        const nl = text.indexOf('\n', at);
        return nl < 0 || nl > bound ? bound : nl;
      }
    }
  }
  return Math.min(lineEnd, bound);
}

/** Reads a dotted (or `::`) path starting at token i; returns the path and the index after it. */
function readPath(toks: readonly Token[], i: number): [string, number] {
  const parts: string[] = [];
  while (i < toks.length && toks[i].k === 'id') {
    parts.push(toks[i].t);
    i++;
    if (toks[i]?.t === '.' || toks[i]?.t === '::') {
      i++;
    } else {
      break;
    }
  }
  return [parts.join('.'), i];
}

/** Module specifiers of every TF.js package map to one namespace. */
function jsModule(spec: string): string {
  return spec.startsWith('@tensorflow/tfjs') ? 'tfjs' : spec;
}

function parseStatement(
  toks: Token[],
  lang: Lang,
  aliases: Map<string, string>,
  globs: string[],
): void {
  const first = toks[0]?.t;
  if (lang === 'python') {
    if (first === 'import') {
      for (let i = 1; i < toks.length;) {
        const [path, j] = readPath(toks, i);
        if (!path) {
          break;
        }
        if (toks[j]?.t === 'as' && toks[j + 1]?.k === 'id') {
          aliases.set(toks[j + 1].t, path);
          i = j + 3;
        } else {
          aliases.set(path.split('.')[0], path.split('.')[0]);
          i = j + 1;
        }
      }
    } else if (first === 'from') {
      const [mod, j] = readPath(toks, 1);
      if (!mod || toks[j]?.t !== 'import') {
        return;
      }
      bindNames(toks, j + 1, mod, 'as', aliases, globs);
    }
    return;
  }
  if (lang === 'js') {
    // Only `import` and `require('…')` bind modules: `const model = tf.sequential({name: 'm'})` binds nothing.
    const req = toks.findIndex((t, k) => t.t === 'require' && toks[k + 1]?.t === '(');
    const spec = first === 'import' ? toks.find((t) => t.k === 'str') : toks[req + 2];
    if (!spec || spec.k !== 'str' || (first !== 'import' && req < 0)) {
      return;
    }
    const mod = jsModule(spec.t.slice(1, -1));
    const star = toks.findIndex((t) => t.t === '*');
    if (star >= 0 && toks[star + 1]?.t === 'as' && toks[star + 2]?.k === 'id') {
      aliases.set(toks[star + 2].t, mod);
    } else if (toks[1]?.k === 'id' && toks[1].t !== 'type') {
      aliases.set(toks[1].t, mod);
    }
    const brace = toks.findIndex((t) => t.t === '{');
    if (brace >= 0) {
      bindNames(toks, brace + 1, mod, first === 'import' ? 'as' : ':', aliases, globs);
    }
    return;
  }
  if (lang === 'cpp') {
    if (first === 'namespace' && toks[1]?.k === 'id' && toks[2]?.t === '=') {
      aliases.set(toks[1].t, readPath(toks, 3)[0]);
    } else if (first === 'using' && toks[1]?.t === 'namespace') {
      globs.push(readPath(toks, 2)[0]);
    } else if (first === 'using') {
      const [path] = readPath(toks, 1);
      aliases.set(path.split('.').pop() ?? path, path);
    }
    return;
  }
  if (lang === 'rust') {
    const at = toks.findIndex((t) => t.t === 'use');
    useTree(toks, at + 1, '', aliases, globs);
  }
}

/** Binds `a, b as c` (or `{a, b: c}` in JS destructuring) from module `mod`, starting at token i. */
function bindNames(
  toks: readonly Token[],
  i: number,
  mod: string,
  asWord: string,
  aliases: Map<string, string>,
  globs: string[],
): void {
  for (; i < toks.length && toks[i].t !== '}'; i++) {
    const t = toks[i];
    if (t.t === '*') {
      globs.push(mod);
    }
    if (t.k !== 'id' || t.t === asWord) {
      continue;
    }
    if (toks[i + 1]?.t === asWord && toks[i + 2]?.k === 'id') {
      aliases.set(toks[i + 2].t, `${mod}.${t.t}`);
      i += 2;
    } else if (toks[i - 1]?.t !== asWord) {
      aliases.set(t.t, `${mod}.${t.t}`);
    }
  }
}

/** Rust `use` trees: `a::b::{c, d as e, f::g, h::*}`. Returns the index after the tree. */
function useTree(
  toks: readonly Token[],
  i: number,
  prefix: string,
  aliases: Map<string, string>,
  globs: string[],
): number {
  let path = prefix;
  while (i < toks.length) {
    const t = toks[i];
    if (t.k === 'id' && t.t !== 'as') {
      path = path ? `${path}.${t.t}` : t.t;
      i++;
      if (toks[i]?.t === '::') {
        i++;
        continue;
      }
      if (toks[i]?.t === 'as' && toks[i + 1]?.k === 'id') {
        aliases.set(toks[i + 1].t, path);
        return i + 2;
      }
      if (t.t === 'self') {
        aliases.set(prefix.split('.').pop() ?? t.t, prefix);
      } else {
        aliases.set(t.t, path);
      }
      return i;
    }
    if (t.t === '*') {
      globs.push(path);
      return i + 1;
    }
    if (t.t === '{') {
      i++;
      while (i < toks.length && toks[i].t !== '}') {
        // Every item of `{a, b::c, d as e}`: a tree that consumed nothing is skipped, so the loop advances.
        const next = toks[i].t === ',' ? i + 1 : useTree(toks, i, path, aliases, globs);
        i = next > i ? next : i + 1;
      }
      return i + 1;
    }
    return i + 1;
  }
  return i;
}
