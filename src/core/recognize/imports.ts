/**
 * Import and alias resolution: which module path a name stands for (`F` → `torch.nn.functional`, `nn` →
 * `flax.linen` after `from flax import linen as nn`). Paths are normalized to dots.
 *
 * Imports are read from the document model's statements, wherever they are (imports inside functions count
 * too); a statement is read up to the next statement start, and at most MAX_STATEMENT_TOKENS of it, so an
 * unclosed bracket costs bounded work and no search to the end of the document.
 */
import type { DocumentModel } from './document';
import { NL, STMT } from './statements';
import type { Lang, Token } from './tokenizer';

/** Bound on one import statement (a parenthesized Python import or a Rust `use` tree). */
const MAX_STATEMENT_TOKENS = 2048;

/** What the document's imports say about the names used in it. */
export interface Imports {
  /** Local name → full dotted path. */
  readonly aliases: ReadonlyMap<string, string>;
  /** Glob imports (`using namespace torch;`, `use burn::nn::*;`): paths unqualified names may come from. */
  readonly globs: readonly string[];
  /** Some import path starts with `tensorflow` or `tf_keras`: Keras code here is tf.keras 2. */
  readonly tfKeras: boolean;
}

/** Statement-leading words of imports per language. */
const STARTERS: Readonly<Record<Lang, readonly string[]>> = {
  python: ['import', 'from'],
  js: ['import', 'const', 'let', 'var'],
  cpp: ['namespace', 'using'],
  rust: ['use', 'pub', 'mod'],
  julia: ['using', 'import'],
};

/** The imports of a document model, after `head` (imports read from elsewhere, e.g. a notebook's cells). */
export function scanImportsIn(model: DocumentModel, head?: Imports): Imports {
  const aliases = new Map<string, string>(head?.aliases ?? []);
  const globs: string[] = [...(head?.globs ?? [])];
  const starters = STARTERS[model.lang];
  const { count, kinds, starts, ends } = model;
  for (let i = 0; i < count; i++) {
    // Cheap tests first: a name of a starter's length. An import word counts also where no statement
    // starts (`export const tfn = require(…)`, `public: using Act = …;`, `@reexport using NNlib`): elsewhere
    // the words are keywords that bind nothing (`yield from`, `for (const x of xs)` requires nothing).
    if (kinds[i] !== 0 || ends[i] - starts[i] > 9) {
      continue;
    }
    if (!isStarter(model, i, starters)) {
      continue;
    }
    let end = statementEnd(model, i + 1, i);
    if (model.lang === 'js' && model.isPunct(i + 1, '{')) {
      end = destructuringEnd(model, i, end);
    }
    if (model.lang === 'julia') {
      end = juliaImportEnd(model, i, end);
    }
    if (model.lang === 'js' && !model.isWord(i, 'import') && !mentionsRequire(model, i, end)) {
      i = end - 1;
      continue; // a `const`/`let`/`var` that requires nothing: not read at all
    }
    parseStatement(model.fresh(i, end), model.lang, aliases, globs);
    i = end - 1;
  }
  const tfKeras = [...aliases.values(), ...globs].some(
    (p) => p.startsWith('tensorflow') || p.startsWith('tf_keras'),
  );
  return { aliases, globs, tfKeras };
}

/** The first statement start from token `k` on (at most MAX_STATEMENT_TOKENS after `from`). */
function statementEnd(model: DocumentModel, k: number, from: number): number {
  while (k < model.count && (model.flags[k] & STMT) === 0 && k - from < MAX_STATEMENT_TOKENS) {
    k++;
  }
  return k;
}

/**
 * The end of the Julia import starting at token `i`: its list goes on past a line end only after `,`
 * (`using NNlib: relu,` then more names). The statement marker also joins a line that ends in an operator,
 * which in an import list is a name (`import Base: +, *`): the next line is a statement of its own. (A line
 * ending in `:` is no continuation to the marker: `end` is already there.)
 */
function juliaImportEnd(model: DocumentModel, i: number, end: number): number {
  for (let k = i + 1; k < end; k++) {
    if ((model.flags[k] & NL) !== 0 && !model.isPunct(k - 1, ',')) {
      return k;
    }
  }
  return end;
}

/**
 * The end of a destructuring declaration (`const { relu, elu: expLinear } = require('@tensorflow/tfjs')`):
 * the statement marker takes the pattern's braces for a block and starts statements inside and after
 * them, so the declaration is read on past its `}` and `=` to the end of its initializer.
 */
function destructuringEnd(model: DocumentModel, i: number, end: number): number {
  const close = model.closing(i + 1, i + MAX_STATEMENT_TOKENS);
  // TypeScript may annotate the pattern: `const { relu }: typeof tf = require('@tensorflow/tfjs')`.
  const annotated = model.isPunct(close + 1, '=') || model.isPunct(close + 1, ':');
  return close >= 0 && annotated ? statementEnd(model, close + 2, i) : end;
}

/** Whether token `i` is one of `words` (compared in place: no string is made per statement). */
function isStarter(model: DocumentModel, i: number, words: readonly string[]): boolean {
  for (const w of words) {
    if (model.isWord(i, w)) {
      return true;
    }
  }
  return false;
}

function mentionsRequire(model: DocumentModel, a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    if (model.isWord(k, 'require')) {
      return true;
    }
  }
  return false;
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
      // Relative imports keep their dots (`.act`, `..layers.act`): the host resolves them.
      let k = 1;
      let dots = '';
      while (toks[k]?.t === '.') {
        dots += '.';
        k++;
      }
      const [path, j] = toks[k]?.t === 'import' ? ['', k] : readPath(toks, k);
      const mod = dots + path;
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
    } else if (first !== 'import') {
      const name = requiredName(toks, req);
      if (name !== undefined) {
        aliases.set(name, mod);
      }
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
    // `namespace Fn = torch::nn::functional;` and the type alias `using Act = torch::nn::GELU;`
    if ((first === 'namespace' || first === 'using') && toks[1]?.k === 'id' && toks[2]?.t === '=') {
      aliases.set(toks[1].t, readPath(toks, 3)[0]);
    } else if (first === 'using' && toks[1]?.t === 'namespace') {
      globs.push(readPath(toks, 2)[0]);
    } else if (first === 'using') {
      const [path] = readPath(toks, 1);
      aliases.set(path.split('.').pop() ?? path, path);
    }
    return;
  }
  if (lang === 'julia') {
    juliaRenames(toks, aliases);
    return;
  }
  if (lang === 'rust') {
    const at = afterVisibility(toks);
    if (toks[at]?.t === 'use') {
      useTree(toks, at + 1, '', aliases, globs);
    } else if (toks[at]?.t === 'mod' && toks[at + 1]?.k === 'id') {
      // `mod ops;` (or `mod ops { … }`) declares the crate's own module `ops` here: `ops::sigmoid` is the
      // user's function, not candle's (a `use candle_nn::ops;` beside it is error E0255).
      aliases.set(toks[at + 1].t, `self.${toks[at + 1].t}`);
    }
  }
}

/**
 * Where a Rust item starts after its visibility (`pub`, `pub(crate)`, `pub(in a::b)`; a `pub use`
 * re-exports and still imports): 0 when it has none.
 */
function afterVisibility(toks: readonly Token[]): number {
  let k = 0;
  if (toks[k]?.t === 'pub') {
    k++;
    if (toks[k]?.t === '(') {
      while (k < toks.length && toks[k].t !== ')') {
        k++;
      }
      k++;
    }
  }
  return k;
}

/**
 * The name a `require(…)` at `req` initializes: the last declarator (`name =` after the keyword or a `,`)
 * before it, so `const fs = …, tf = require('@tensorflow/tfjs')` binds `tf`.
 */
function requiredName(toks: readonly Token[], req: number): string | undefined {
  for (let k = req - 1; k >= 2; k--) {
    if (toks[k].t === '=' && toks[k - 1].k === 'id' && (k === 2 || toks[k - 2].t === ',')) {
      return toks[k - 1].t;
    }
  }
  return undefined;
}

/** Most modules one Julia `import A, B as C, …` statement is read for. */
const MAX_JULIA_MODULES = 16;

/**
 * Julia's renaming imports: `using NNlib: logσ as logsigmoid_nnlib` / `import NNlib: σ as sigm` bind a name
 * to a member, `import NNlib as NN` a module. Names imported as they are keep resolving through Flux's
 * exports, as unimported names do.
 */
function juliaRenames(toks: readonly Token[], aliases: Map<string, string>): void {
  // A relative module (`using ..Acts: swish as σ`) is a name bound in an enclosing module: read without
  // its dots like any path, `..Acts` is the user's own module (in no table: its `swish` is no Flux
  // function) and `..NNlib` the package the parent imported.
  // A list of modules (`import Flux, NNlib as NL`) is read item by item; only a single module may be
  // followed by `:` and the names taken from it.
  let k = 1;
  for (let item = 0; item < MAX_JULIA_MODULES; item++) {
    while (toks[k]?.t === '.') {
      k++;
    }
    const [mod, j] = readPath(toks, k);
    if (!mod) {
      return;
    }
    if (toks[j]?.t === ':') {
      if (item === 0) {
        juliaMemberRenames(toks, j, mod, aliases);
      }
      return;
    }
    let next = j;
    if (toks[j]?.t === 'as' && toks[j + 1]?.k === 'id') {
      aliases.set(toks[j + 1].t, mod);
      next = j + 2;
    }
    if (toks[next]?.t !== ',') {
      return;
    }
    k = next + 1;
  }
}

/** The renames after `using M:` / `import M:` (the `:` at `j`): `logσ as lsig` binds `lsig` to `M.logσ`. */
function juliaMemberRenames(
  toks: readonly Token[],
  j: number,
  mod: string,
  aliases: Map<string, string>,
): void {
  for (let i = j + 1; i + 2 < toks.length; i++) {
    if (toks[i].k === 'id' && toks[i + 1].t === 'as' && toks[i + 2].k === 'id') {
      aliases.set(toks[i + 2].t, `${mod}.${toks[i].t}`);
      i += 2;
    }
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
    if (t.t === '::' && path === '') {
      i++; // a leading `::` (`use ::candle_nn::ops as cops;`) names an external crate, as without it
      continue;
    }
    if (t.k === 'id' && t.t !== 'as') {
      path = path ? `${path}.${t.t}` : t.t;
      i++;
      if (toks[i]?.t === '::') {
        i++;
        continue;
      }
      if (toks[i]?.t === 'as' && toks[i + 1]?.k === 'id') {
        // `{self as m}` renames the module the braces are in, not a member named `self`.
        aliases.set(toks[i + 1].t, t.t === 'self' ? prefix : path);
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
