/**
 * The hover's "Signal through depth" link: opens the panel's depth view on the recognized activation.
 * Its argument is built like the other links' (markdownSafety.commandLink): the catalogue id and only the
 * parameters the core's validation accepts, never file text.
 */
import type { ActivationFacts } from './activationFacts';
import { commandLink } from './markdownSafety';

/** " · [Signal through depth](command:…)" for scalar activations, "" otherwise. */
export function depthLinkMarkdown(facts: ActivationFacts): string {
  if (facts.info.kind !== 'scalar') {
    return '';
  }
  const series = [{ id: facts.info.id, params: facts.params }];
  const title = 'Mean-field signal and gradients through a deep random network';
  return ` · ${commandLink('Signal through depth', 'activationLens.plot', series, title, 'depth')}`;
}
