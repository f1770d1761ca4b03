/**
 * Whether two readings are the same activation: the same id, framework and parameters. Where a name may
 * mean several things (branches, definitions, enum arms, both arms of a conditional), they must all agree.
 */
import type { RecognizedCall } from '../types';

export function sameActivation(a: RecognizedCall, b: RecognizedCall): boolean {
  return (
    a.id === b.id &&
    a.framework === b.framework &&
    JSON.stringify(a.params) === JSON.stringify(b.params)
  );
}
