import * as vscode from 'vscode';
import { listActivations } from '../core';
import type { SeriesSpec } from '../protocol';

interface ActivationItem extends vscode.QuickPickItem {
  id?: string;
}

/**
 * A multi-select QuickPick of every activation, grouped by family with its one-line summary.
 * Resolves to the picked activations with default parameters ([] when accepted with none picked), or
 * undefined when dismissed.
 */
export async function pickActivations(title: string): Promise<SeriesSpec[] | undefined> {
  const byFamily = new Map<string, ActivationItem[]>();
  for (const a of listActivations()) {
    const items = byFamily.get(a.family) ?? [];
    items.push({ label: a.name, description: a.id, detail: a.summary, id: a.id });
    byFamily.set(a.family, items);
  }
  const items: ActivationItem[] = [];
  for (const [family, members] of byFamily) {
    items.push({ label: family, kind: vscode.QuickPickItemKind.Separator }, ...members);
  }
  const picked = await vscode.window.showQuickPick(items, {
    title,
    canPickMany: true,
    matchOnDescription: true,
    matchOnDetail: true,
    placeHolder: 'Pick one or more activations (Space to select, Enter to plot)',
  });
  return picked?.filter((i) => i.id !== undefined).map((i) => ({ id: i.id as string, params: {} }));
}
