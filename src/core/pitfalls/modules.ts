/**
 * Which module a written name belongs to (`np.log` → `numpy.log`, `F.softmax` → `torch.nn.functional.softmax`):
 * through the document's imports, else through each ecosystem's naming habits. Unknown heads resolve to
 * nothing, so a rule never fires on a look-alike such as `mylib.log`.
 */
import type { Lang } from '../recognize/tokenizer';
import type { Source } from './source';

const CONVENTIONS: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  python: {
    np: 'numpy',
    numpy: 'numpy',
    torch: 'torch',
    F: 'torch.nn.functional',
    nn: 'torch.nn',
    jnp: 'jax.numpy',
    jax: 'jax',
    tf: 'tensorflow',
    tensorflow: 'tensorflow',
    keras: 'keras',
    math: 'math',
    scipy: 'scipy',
  },
  js: { tf: 'tfjs' },
  cpp: { torch: 'torch', at: 'torch' },
  rust: {},
  julia: {},
};

/** JS imports name the package; the rules speak of it as `tfjs`. */
function normalize(path: string): string {
  return path.replace(/^@tensorflow\/tfjs(?:-node(?:-gpu)?|-core)?(?=$|\.)/, 'tfjs');
}

/** The full dotted path of a written name, or undefined when its head is no module we know. */
export function resolveName(source: Source, parts: readonly string[]): string | undefined {
  const alias = source.imports.aliases.get(parts[0]);
  const head = alias ?? CONVENTIONS[source.lang][parts[0]];
  if (head === undefined) {
    return undefined;
  }
  return normalize([head, ...parts.slice(1)].join('.'));
}

/** Whether the written name resolves to one of `paths`. */
export function resolvesTo(
  source: Source,
  parts: readonly string[],
  paths: ReadonlySet<string>,
): boolean {
  const full = resolveName(source, parts);
  return full !== undefined && paths.has(full);
}

/** Whether a dotted head names a module (`torch.nn`, `F`), not a value (`x`, `self.fc`). */
export function isModulePath(source: Source, parts: readonly string[]): boolean {
  return resolveName(source, parts) !== undefined;
}
