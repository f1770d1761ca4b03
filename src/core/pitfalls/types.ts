/**
 * The shapes `findPitfalls` returns: a mistake in activation code that is certainly a mistake, where it is,
 * what goes wrong (with numbers from the core) and the edit that fixes it.
 */

/** The rules, by the code VS Code shows for their diagnostics. */
export const PITFALL_RULES = [
  'log-of-softmax',
  'implicit-softmax-dim',
  'double-activation',
  'handwritten-overflow',
] as const;
export type PitfallRule = (typeof PITFALL_RULES)[number];

/** One text edit: replace `[start, end)` of the scanned text with `replacement`. */
export interface PitfallFix {
  /** What the edit does, from our own templates (a code action's title). */
  readonly title: string;
  readonly start: number;
  readonly end: number;
  readonly replacement: string;
}

/** An activation to plot when the user asks for the explanation. */
export interface ExplainSeries {
  readonly id: string;
  readonly params: Readonly<Record<string, number>>;
}

export interface Pitfall {
  readonly rule: PitfallRule;
  /** The flagged expression's span in the scanned text. */
  readonly start: number;
  readonly end: number;
  readonly severity: 'warning' | 'information';
  /** What goes wrong, with the numbers; built from our own templates, never from the file's text. */
  readonly message: string;
  /** The preferred fix, when one is certain to be right. */
  readonly fix?: PitfallFix;
  /** Other fixes the user may prefer (implicit-softmax-dim: `dim=1` besides `dim=-1`). */
  readonly alternatives?: readonly PitfallFix[];
  /** What to plot to explain the pitfall (the plot panel's series). */
  readonly explain: readonly ExplainSeries[];
}

/** What the caller knows beyond the text: a notebook's earlier code cells, whose imports apply. */
export interface PitfallContext {
  readonly preamble?: string;
}
