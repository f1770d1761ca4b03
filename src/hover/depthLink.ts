/**
 * The hover's "Signal through depth" link: opens the panel's depth view on the recognized activation.
 * Its argument is built from the catalogue id and the recognized parameters only (never file text).
 */
import type { ActivationFacts } from './activationFacts';

/** " · [Signal through depth](command:…)" for scalar activations, "" otherwise. */
export function depthLinkMarkdown(facts: ActivationFacts): string {
  if (facts.info.kind !== 'scalar') {
    return '';
  }
  // JSON has no ∞ (relu's max_value default): such a parameter is left to the panel's default.
  const params = Object.fromEntries(
    Object.entries(facts.params).filter(([, v]) => typeof v === 'string' || Number.isFinite(v)),
  );
  const args = { series: [{ id: facts.info.id, params }], view: 'depth' };
  const uri = `command:activationLens.plot?${encodeURIComponent(JSON.stringify([args]))}`;
  return ` · [Signal through depth](${uri} "Mean-field signal and gradients through a deep random network")`;
}
