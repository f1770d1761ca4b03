/**
 * What the hand-written overflow rules share: the array modules whose `exp` we know, the module prefix as
 * written, and the finding they build.
 */
import type { Token } from '../recognize/tokenizer';
import type { Call } from './expr';
import type { Source } from './source';
import type { Pitfall, PitfallFix } from './types';

export type Family = 'numpy' | 'jax' | 'torch' | 'tf' | 'math';

export const EXPS: ReadonlyMap<string, Family> = new Map([
  ['numpy.exp', 'numpy'],
  ['jax.numpy.exp', 'jax'],
  ['torch.exp', 'torch'],
  ['tensorflow.exp', 'tf'],
  ['tensorflow.math.exp', 'tf'],
  ['math.exp', 'math'],
]);

/** The module prefix as written (`np.` of `np.exp`, `tf.math.` of `tf.math.exp`). */
export function prefix(source: Source, toks: readonly Token[], c: Call): string {
  return source.text.slice(toks[c.first].s, toks[c.name].s);
}

export function overflow(
  start: number,
  end: number,
  message: string,
  id: string,
  fix: PitfallFix | undefined | '',
): Pitfall {
  return {
    rule: 'handwritten-overflow',
    start,
    end,
    severity: 'information',
    message,
    ...(fix ? { fix } : {}),
    explain: [{ id, params: {} }],
  };
}
