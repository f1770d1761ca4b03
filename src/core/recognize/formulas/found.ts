/** What a formula pattern reports: the activation and its parameters (the framework comes from the term). */
import type { Value } from '../spelling';
import type { Term } from './terms';

export interface Found {
  readonly id: string;
  readonly params: Readonly<Record<string, Value>>;
  /** Parameters the code gives as expressions (`self.beta`): reported by name, their default is used. */
  readonly nonLiteral?: readonly string[];
}

/** A formula pattern: the activation a canonical term computes, or undefined. */
export type Pattern = (t: Term) => Found | undefined;

export { inCatalogue } from '../spelling';
