/**
 * What "Explain" (the quick fix and the hover's lead link) asks the plot panel for: the pitfall's functions
 * on the view that shows them. A softmax-family pitfall opens the Softmax view, on the logits its message
 * quotes where it quotes some; a sigmoid or softplus one opens the function plot.
 */
import { getActivation, type Pitfall, type PitfallRule } from '../core';
import { UNDERFLOW_LOGITS } from '../core/pitfalls/messages';
import type { PlotRequest, SeriesSpec } from '../protocol';

/**
 * Logits that show each rule's softmax mistake in the Softmax view. log of softmax and the hand-written
 * softmax underflow/overflow at (1000, 0), the numbers their messages quote; a softmax fed to a loss that
 * applies it again sees probabilities as logits, e.g. (1, 0), whose log-softmax is the loss floor the
 * message names. A softmax without dim has no telling logits: the view keeps its own.
 */
const LOGITS: Partial<Record<PitfallRule, readonly number[]>> = {
  'log-of-softmax': UNDERFLOW_LOGITS,
  'handwritten-overflow': UNDERFLOW_LOGITS,
  'double-activation': [1, 0],
};

function isVector(id: string): boolean {
  try {
    return getActivation(id).kind === 'vector';
  } catch {
    return false;
  }
}

/** The plot command's argument for explaining `p`, with the view it opens on. */
export function explainRequest(p: Pitfall): PlotRequest {
  const series: SeriesSpec[] = p.explain.map((s) => ({ id: s.id, params: { ...s.params } }));
  const vector = series.filter((s) => isVector(s.id));
  if (vector.length === 0) {
    return { series, view: 'plot' };
  }
  const logits = LOGITS[p.rule];
  const [first, ...rest] = vector;
  return {
    series: [logits ? { ...first, logits: [...logits] } : first, ...rest],
    view: 'softmax',
  };
}
