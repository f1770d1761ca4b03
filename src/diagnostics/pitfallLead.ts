/**
 * The hover's lead line over a flagged expression: the pitfall's own message (our templates and the core's
 * numbers, escaped as Markdown all the same) and a link that plots the functions involved (as Explain does).
 */
import type { Pitfall } from '../core';
import { escapeMarkdown } from '../hover/hoverText';
import { explainRequest } from './explainRequest';

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
  const request = explainRequest(p);
  const series = request.series;
  const link = `command:activationLens.plot?${encodeURIComponent(JSON.stringify([request]))}`;
  return `$(warning) **${p.rule}** — ${escapeMarkdown(p.message)} [Plot](${link} "Plot ${series.map((s) => s.id).join(' and ')}")`;
}
