/**
 * Julia struct fields: `struct Encoder\n    linear\n    μ\n    logσ\nend` declares three fields, so `logσ`
 * there is a name the code binds, not NNlib's log-sigmoid. A field is a name that starts a statement directly
 * in the struct's body and is alone on it or typed (`logσ::Dense`); inner constructors are not fields.
 */
import { definitions, enclosing, type Definition } from './definitions';
import type { DocumentModel } from './document';
import { STMT } from './statements';
import { ID } from './tokenizer';

/** Calls `add` with each field's token and its struct, in document order (one pass over the structs). */
export function juliaStructFields(
  model: DocumentModel,
  add: (at: number, struct: Definition) => void,
): void {
  for (const def of definitions(model)) {
    if (def.keyword !== 'struct') {
      continue;
    }
    for (let k = def.nameAt + 1; k < def.end - 1; k++) {
      if ((model.flags[k] & STMT) === 0 || model.kinds[k] !== ID || model.isWord(k, 'end')) {
        continue;
      }
      const alone = (model.flags[k + 1] & STMT) !== 0 || k + 1 === def.end - 1;
      if (
        (alone || model.isPunct(k + 1, '::')) &&
        enclosing(model, k, (d) => d.keyword !== '=') === def
      ) {
        add(k, def);
      }
    }
  }
}
