/**
 * The hover's lead line over a flagged expression: the pitfall's own message (our templates and the core's
 * numbers, escaped as Markdown all the same) and a link that plots the functions involved.
 */
import type { Pitfall } from '../core';
import { escapeMarkdown } from '../hover/hoverText';

/** The pitfall whose flagged span holds `[start, end)`, as Markdown, or undefined. */
export function pitfallLead(
  pitfalls: readonly Pitfall[],
  start: number,
  end: number,
): string | undefined {
  const p = pitfalls.find((q) => q.start <= start && end <= q.end);
  if (p === undefined) {
    return undefined;
  }
  const series = p.explain.map((s) => ({ id: s.id, params: { ...s.params } }));
  const link = `command:activationLens.plot?${encodeURIComponent(JSON.stringify([{ series }]))}`;
  return `$(warning) **${p.rule}** — ${escapeMarkdown(p.message)} [Plot](${link} "Plot ${series.map((s) => s.id).join(' and ')}")`;
}
