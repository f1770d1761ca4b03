/** What a formula pattern reports: the activation and its parameters (the framework comes from the term). */
import { listActivations } from '../../activations';
import type { Value } from '../spelling';
import type { Term } from './terms';

export interface Found {
  readonly id: string;
  readonly params: Readonly<Record<string, Value>>;
}

/** A formula pattern: the activation a canonical term computes, or undefined. */
export type Pattern = (t: Term) => Found | undefined;

let known: ReadonlySet<string> | undefined;

/** Whether the catalogue has an activation (ids added later, like quick_gelu, are reported once it does). */
export function inCatalogue(id: string): boolean {
  known ??= new Set(listActivations().map((a) => a.id));
  return known.has(id);
}
