/**
 * Julia struct fields: `struct Encoder\n    linear\n    μ\n    logσ\nend` declares three fields, so `logσ`
 * there is a name the code binds, not NNlib's log-sigmoid. A field is a name that starts a statement directly
 * in the struct's body and is alone on it (`struct Pair; gate; σ; end` too) or typed (`logσ::Dense`);
 * inner constructors are not fields.
 */
import { definitions, enclosing, type Definition } from './definitions';
import type { DocumentModel } from './document';
import { STMT } from './statements';
import { ID } from './tokenizer';

/** Calls `add` with each field's token, in document order (one pass over the structs). */
export function juliaStructFields(model: DocumentModel, add: (at: number) => void): void {
  for (const def of definitions(model)) {
    if (def.keyword !== 'struct') {
      continue;
    }
    for (let k = def.nameAt + 1; k < def.end - 1; k++) {
      if (declaresField(model, def, k)) {
        add(k);
      }
    }
  }
}

/** Whether token `k` of struct `def` names a field: it starts a statement of the struct's own body. */
function declaresField(model: DocumentModel, def: Definition, k: number): boolean {
  if ((model.flags[k] & STMT) === 0 || model.kinds[k] !== ID || model.isWord(k, 'end')) {
    return false;
  }
  const next = k + 1;
  // Alone: the next statement, a `;` between fields, or the struct's `end` follows.
  const alone =
    (model.flags[next] & STMT) !== 0 || model.isPunct(next, ';') || next === def.end - 1;
  return (
    (alone || model.isPunct(next, '::')) && enclosing(model, k, (d) => d.keyword !== '=') === def
  );
}
