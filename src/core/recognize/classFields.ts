/**
 * Class members that hold an activation: a method assigned to an attribute (`self.act = self._gelu_python`,
 * recognized by its body), and class-level fields Flax and dataclass-style modules declare them in the class
 * body (`act_fn: Callable = nn.gelu`, `beta: float = 1.0`) and read them as `self.<name>`. The enclosing
 * class decides (a subclass that overrides the field is another class); a field bound twice in one class
 * body is ambiguous.
 */
import type { RecognizedCall } from '../types';
import { bindings } from './bindings';
import { classifyDefinition, type RecognizeToken } from './bodies';
import { definitions, enclosing, type Definition } from './definitions';
import type { DocumentModel } from './document';

const SCOPES = new Set(['def', 'class']);

/**
 * The index of the value's first token for `<name>: T = <value>` or `<name> = <value>` written directly in
 * the body of the class `cls` (not in one of its methods); undefined when there is none or more than one.
 */
export function classFieldValue(
  model: DocumentModel,
  cls: Pick<Definition, 'start' | 'end'>,
  name: string,
): number | undefined {
  const list = bindings(model).get(name);
  if (list === undefined) {
    return undefined;
  }
  let value: number | undefined;
  let seen = 0;
  for (const b of list) {
    if (b.at <= cls.start || b.at >= cls.end) {
      continue;
    }
    if (enclosing(model, b.at, (d) => SCOPES.has(d.keyword))?.start !== cls.start) {
      continue; // inside a method, or a nested class
    }
    if (++seen > 1 || b.value === undefined) {
      return undefined;
    }
    value = b.value;
  }
  return value;
}

/** Methods of a class searched for one name. */
const MAX_METHODS = 256;

/**
 * What the method `name` of the class `cls` computes, by its body; undefined when it is none. A nested class
 * of that name counts too (`self.act_layer = self.Activation`, then `self.act_layer()`): calling it builds
 * the module, read by its body as the construction of a class defined at the top (`Activation()`) is.
 */
export function methodMeaning(
  model: DocumentModel,
  cls: Definition,
  name: string,
  recognize: RecognizeToken,
): RecognizedCall | undefined {
  const defs = definitions(model);
  const own = defs.indexOf(cls);
  let found: Definition | undefined;
  for (let j = own + 1; j < defs.length && j <= own + MAX_METHODS && defs[j].start < cls.end; j++) {
    if (defs[j].parent === own && defs[j].name === name) {
      if (found !== undefined) {
        return undefined; // defined twice: which one runs depends on the order
      }
      found = defs[j];
    }
  }
  return found === undefined ? undefined : classifyDefinition(model, found, recognize);
}
