/**
 * What a declared type says in Rust and C++: a struct field `activation: Gelu`, a LibTorch member
 * `torch::nn::LeakyReLU lrelu{nullptr};`. The type names a module whose parameters are the framework's
 * defaults (nothing is constructed there), or a type of the user's own (`head: &'a Head<B>`) whose members
 * are read in turn.
 */
import type { RecognizedCall } from '../types';
import type { DocumentModel } from './document';
import { candidatePaths, lookup } from './resolve';
import { ID } from './tokenizer';

/** Longest type path read (`burn::nn::activation::Gelu` has four names). */
const MAX_PATH = 6;

/** The first token of the type path at `at`, past references, lifetimes and `mut`/`dyn`: `&'a mut T`. */
function pathStart(model: DocumentModel, at: number): number {
  let k = at;
  for (let steps = 0; steps < 6; steps++) {
    if (model.isPunct(k, '&') || model.isPunct(k, '&&')) {
      k++;
    } else if (model.isWord(k, 'mut') || model.isWord(k, 'dyn') || model.isWord(k, 'const')) {
      k++;
    } else if (model.isPunct(k, "'") && model.kinds[k + 1] === ID) {
      k += 2; // a lifetime lexed as a quote and a name
    } else if (model.text.charCodeAt(model.starts[k]) === 39) {
      k++; // a lifetime lexed as one token
    } else {
      break;
    }
  }
  return k;
}

/** The names of the type path at `at` and the index of its last name; empty when none is there. */
function typePath(model: DocumentModel, at: number): { parts: string[]; last: number } {
  let k = pathStart(model, at);
  if (model.kinds[k] !== ID) {
    return { parts: [], last: k };
  }
  const parts = [model.tokenText(k)];
  while (parts.length < MAX_PATH && model.isPunct(k + 1, '::') && model.kinds[k + 2] === ID) {
    k += 2;
    parts.push(model.tokenText(k));
  }
  return { parts, last: k };
}

/**
 * The activation module a declared type names (`Gelu`, `burn::nn::Relu`, `torch::nn::LeakyReLU`), with
 * its framework's defaults, or undefined when the type is not one (`Linear<B>`, `Option<Gelu>`, `Activation`).
 */
export function typeMeaning(model: DocumentModel, at: number): RecognizedCall | undefined {
  const { parts, last } = typePath(model, at);
  if (parts.length === 0) {
    return undefined;
  }
  for (const path of candidatePaths(parts, model.imports, model.lang)) {
    const spelling = lookup(path, model.lang);
    if (spelling !== undefined) {
      return {
        id: spelling.id,
        params: { ...spelling.defaults },
        framework: spelling.framework,
        start: model.starts[last],
        end: model.ends[last],
      };
    }
  }
  return undefined;
}

/** The name of the declared type at `at` (`&'a Head<B>` → `Head`), or undefined. */
export function typeName(model: DocumentModel, at: number): string | undefined {
  const { parts } = typePath(model, at);
  return parts.length > 0 ? parts[parts.length - 1] : undefined;
}
