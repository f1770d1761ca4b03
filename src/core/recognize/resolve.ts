/**
 * From a name as written (`F.relu`, `nn.gelu`, `Activation::Gelu`) to a spelling in the tables: the head is
 * resolved through the document's imports, else through the ecosystem's conventions (F, nn, tf, jnp, …).
 */
import type { Imports } from './imports';
import type { Namespace, Spelling } from './spelling';
import { FLUX } from './tables/flux';
import { JAX_FLAX } from './tables/jax';
import { KERAS2_STRINGS, KERAS3_STRINGS, KERAS_TF } from './tables/keras';
import { CANDLE_METHODS, LIBTORCH_METHODS, NATIVE } from './tables/native';
import { PYTORCH, PYTORCH_METHODS, PYTORCH_STRINGS } from './tables/pytorch';
import { TFJS, TFJS_METHODS, TFJS_STRINGS } from './tables/tfjs';
import type { Lang } from './tokenizer';

type Tables = Readonly<Record<string, Namespace>>;

const PYTHON_TABLES: Tables = { ...PYTORCH, ...KERAS_TF, ...JAX_FLAX };

/** Namespaces by full path, per language. */
export const TABLES: Readonly<Record<Lang, Tables>> = {
  python: PYTHON_TABLES,
  js: TFJS,
  cpp: NATIVE,
  rust: NATIVE,
  julia: { Flux: FLUX, NNlib: FLUX },
};

/** Tensor methods per language (`x.relu_()`, `x.sigmoid()`, `xs.gelu()?`). */
export const METHODS: Readonly<Record<Lang, Namespace>> = {
  python: PYTORCH_METHODS,
  js: TFJS_METHODS,
  cpp: LIBTORCH_METHODS,
  rust: CANDLE_METHODS,
  julia: {},
};

/**
 * What a head name means in code without imports, by each ecosystem's habits. Several candidates are tried in
 * order: `nn.ReLU` is PyTorch, `nn.gelu` can only be Flax.
 */
const CONVENTIONS: Readonly<Record<Lang, Readonly<Record<string, readonly string[]>>>> = {
  python: {
    F: ['torch.nn.functional'],
    nn: ['torch.nn', 'flax.linen'],
    torch: ['torch'],
    tf: ['tensorflow'],
    tensorflow: ['tensorflow'],
    keras: ['keras'],
    tf_keras: ['tf_keras'],
    layers: ['keras.layers'],
    activations: ['keras.activations'],
    ops: ['keras.ops'],
    jax: ['jax'],
    jnp: ['jax.numpy'],
    flax: ['flax'],
    nnx: ['flax.nnx'],
    np: ['numpy'],
    numpy: ['numpy'],
    math: ['math'],
    scipy: ['scipy'],
  },
  js: { tf: ['tfjs'], Math: ['Math'] },
  cpp: { torch: ['torch'], at: ['torch'], F: ['torch.nn.functional'], nn: ['torch.nn'] },
  rust: {
    candle_nn: ['candle_nn'],
    Activation: ['candle_nn.Activation'],
    ops: ['candle_nn.ops'],
    burn: ['burn'],
    nn: ['burn.nn'],
    activation: ['burn.tensor.activation'],
  },
  julia: { Flux: ['Flux'], NNlib: ['NNlib'] },
};

/** Fallback namespaces for unqualified names that are not imported (Flux exports; burn's module types). */
const UNQUALIFIED: Readonly<Record<Lang, readonly string[]>> = {
  python: [],
  js: [],
  cpp: [],
  rust: ['burn.nn'],
  julia: ['Flux'],
};

/** Full dotted paths a written name may stand for, most likely first; empty when the head is unknown. */
export function candidatePaths(parts: readonly string[], imports: Imports, lang: Lang): string[] {
  const rest = parts.slice(1);
  const alias = imports.aliases.get(parts[0]);
  const heads = alias !== undefined ? [alias] : (CONVENTIONS[lang][parts[0]] ?? []);
  const out = heads.map((h) => [h, ...rest].join('.'));
  if (alias === undefined) {
    // A glob import (`from tensorflow.keras import *`, `use burn::nn::*;`) brings its module's submodules
    // into scope too: `applications.MobileNetV3Small`, `activation::Gelu`.
    for (const g of imports.globs) {
      out.push(`${g}.${parts.join('.')}`);
    }
    if (parts.length === 1) {
      for (const g of UNQUALIFIED[lang]) {
        out.push(`${g}.${parts[0]}`);
      }
    }
  }
  return out;
}

/** Looks a full path up in the language's tables. */
export function lookup(path: string, lang: Lang): Spelling | undefined {
  const dot = path.lastIndexOf('.');
  if (dot < 0) {
    return undefined;
  }
  const ns = TABLES[lang][path.slice(0, dot)];
  const member = path.slice(dot + 1);
  return ns !== undefined && Object.prototype.hasOwnProperty.call(ns, member)
    ? ns[member]
    : undefined;
}

/** Whether the head of a written name is a module we know (so an unknown member is not a method call). */
export function isKnownHead(head: string, imports: Imports, lang: Lang): boolean {
  return imports.aliases.has(head) || Object.prototype.hasOwnProperty.call(CONVENTIONS[lang], head);
}

/** The top-level packages of Python's array and deep-learning libraries, whose members are no values. */
const PYTHON_LIBRARY_ROOTS: ReadonlySet<string> = new Set(
  Object.values(CONVENTIONS.python).flatMap((paths) => paths.map((p) => p.split('.')[0])),
);

/**
 * Whether `head` names a library namespace whose dotted members are functions, classes or modules, no
 * values: a known head, except a Python head imported from a project module (`import data`,
 * `from . import config`), whose attributes (`data.x`) are values like any variable.
 */
export function isLibraryHead(head: string, imports: Imports, lang: Lang): boolean {
  const path = imports.aliases.get(head);
  if (lang !== 'python' || path === undefined) {
    return isKnownHead(head, imports, lang);
  }
  return PYTHON_LIBRARY_ROOTS.has(path.split('.')[0]);
}

/** Every spelling the recognizer can report (for consistency checks against the catalogue). */
export function allSpellings(): Spelling[] {
  const out: Spelling[] = [];
  for (const lang of Object.keys(TABLES) as Lang[]) {
    for (const ns of [...Object.values(TABLES[lang]), METHODS[lang]]) {
      out.push(...Object.values(ns));
    }
  }
  for (const table of [KERAS3_STRINGS, KERAS2_STRINGS, TFJS_STRINGS, PYTORCH_STRINGS]) {
    out.push(...Object.values(table));
  }
  return out;
}
