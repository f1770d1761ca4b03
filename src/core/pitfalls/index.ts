/**
 * `findPitfalls(text, languageId, context?)`: the activation mistakes in a document that are certainly
 * mistakes — log of softmax, softmax without dim, an activation its loss applies again, hand-written exp
 * that overflows. Each rule finds its places with a regular expression, then reads only the lines around
 * them (source.ts), so a 5,000-line file costs a few milliseconds. Pure and never throws.
 */
import { doubleActivationAt, LOSS_ANCHOR } from './doubleActivation';
import { EXP_ANCHOR, handwrittenOverflowAt } from './handwrittenOverflow';
import { IMPLICIT_DIM_ANCHOR, implicitDimAt } from './implicitDim';
import { FROM_LOGITS_ANCHOR, kerasFromLogitsAt } from './kerasLogits';
import { LOG_OF_ANCHOR, LOG_OF_CALL_ANCHOR, logOfDefinedAt, logOfSoftmaxAt } from './logOfSoftmax';
import { ignoredRules } from './ignore';
import { matchOffsets, Source } from './source';
import type { Pitfall, PitfallContext } from './types';
import { langOf } from '../recognize/languages';
import type { Lang } from '../recognize/tokenizer';

export * from './types';

/** Documents longer than this are not scanned (generated or minified files). */
export const MAX_PITFALL_TEXT = 4_000_000;

type Rule = (source: Source, offset: number) => Pitfall | Pitfall[] | undefined;

/** Each rule with the places it looks at. */
const RULES: readonly (readonly [RegExp, Rule])[] = [
  [LOG_OF_ANCHOR, logOfSoftmaxAt],
  [LOG_OF_CALL_ANCHOR, logOfDefinedAt],
  [IMPLICIT_DIM_ANCHOR, implicitDimAt],
  [LOSS_ANCHOR, doubleActivationAt],
  [FROM_LOGITS_ANCHOR, kerasFromLogitsAt],
  [EXP_ANCHOR, handwrittenOverflowAt],
];

/** An ignore comment on the first or last line of the flagged expression silences it. */
function isIgnored(text: string, p: Pitfall, lang: Lang): boolean {
  return (
    ignoredRules(text, p.start, lang).has(p.rule) || ignoredRules(text, p.end, lang).has(p.rule)
  );
}

/** The pitfalls in `text`, sorted by position. Never throws: bad input gets an empty list. */
export function findPitfalls(
  text: string,
  languageId: string,
  context?: PitfallContext,
): Pitfall[] {
  try {
    return findUnguarded(text, languageId, context);
  } catch {
    // A bug must cost the diagnostics of one document, never an exception in the extension host.
    return [];
  }
}

/** `findPitfalls` without its safety net, for the fuzz test. Not part of the core's API. */
export function findUnguarded(
  text: string,
  languageId: string,
  context?: PitfallContext,
): Pitfall[] {
  if (typeof text !== 'string' || text.length > MAX_PITFALL_TEXT) {
    return [];
  }
  const lang = langOf(languageId);
  if (lang === undefined) {
    return [];
  }
  const preamble = typeof context?.preamble === 'string' ? context.preamble : '';
  const source = new Source(text, lang, languageId, preamble.slice(0, MAX_PITFALL_TEXT));
  const seen = new Set<string>();
  const out: Pitfall[] = [];
  for (const [anchor, rule] of RULES) {
    for (const offset of matchOffsets(text, anchor)) {
      if (!source.inCode(offset)) {
        continue;
      }
      const found = rule(source, offset);
      for (const p of found === undefined ? [] : Array.isArray(found) ? found : [found]) {
        const key = `${p.rule}:${p.start}:${p.end}`;
        if (!seen.has(key) && !isIgnored(text, p, lang)) {
          seen.add(key);
          out.push(p);
        }
      }
    }
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}
