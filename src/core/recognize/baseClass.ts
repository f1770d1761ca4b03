/**
 * A user class that subclasses a library activation (timm's `class PReLU(nn.PReLU)` with a `forward` of
 * its own) is built with its base's arguments: `PReLU(init=0.1)` is PyTorch's PReLU with weight 0.1. Only
 * keyword arguments are read (a subclass may reorder its positional parameters), only when the base is
 * recognized as an activation, and only for the parameters the body leaves to the module (`self.weight`),
 * not those it writes itself (`F.gelu(input)` is exact). The base need not compute what the body does: its
 * `__init__` stores each argument under the parameter's name, so `class LogSoftmax(nn.Softmax)` whose
 * forward is `F.log_softmax(x, self.dim)` is built with Softmax's `dim`.
 */
import type { RecognizedCall } from '../types';
import type { RecognizeToken } from './bodies';
import type { Definition } from './definitions';
import { DocumentModel } from './document';
import { ID } from './tokenizer';

/** Tokens of a constructor call's argument list read. */
const MAX_ARGUMENT_TOKENS = 256;

/** Where a use calls the class: the model it is in and the index of its `(`. */
export interface CallSite {
  readonly model: DocumentModel;
  readonly open: number;
}

/** `r` (what the class computes) with the parameters its base reads from the call's keyword arguments. */
export function withBaseArguments(
  model: DocumentModel,
  def: Definition,
  r: RecognizedCall,
  call: CallSite | undefined,
  recognize: RecognizeToken,
): RecognizedCall {
  if (call === undefined || def.keyword !== 'class' || !model.isPunct(def.nameAt + 1, '(')) {
    return r;
  }
  const first = def.nameAt + 2;
  let last = first;
  while (model.isPunct(last + 1, '.') && model.kinds[last + 2] === ID) {
    last += 2;
  }
  if (model.kinds[first] !== ID || recognize(model, last) === undefined) {
    return r;
  }
  const args = keywordArguments(call);
  if (args === undefined) {
    return r;
  }
  const text = `${model.text.slice(model.starts[first], model.ends[last])}${args}`;
  const synthetic = new DocumentModel(
    text,
    model.lang,
    0,
    text.length,
    model.imports,
    model.imports,
  );
  const base = recognize(synthetic, last - first);
  if (base === undefined) {
    return r;
  }
  return withModuleParameters(r, base);
}

/**
 * `r` with the parameters its body leaves to the module (`F.prelu(x, self.weight)`: those it reads as
 * non-literal) taken from `base`, the base class built with the call's arguments. A parameter the body
 * writes itself keeps the body's value: `F.gelu(x)` is exact whatever `approximate` the module holds.
 */
function withModuleParameters(r: RecognizedCall, base: RecognizedCall): RecognizedCall {
  const params = { ...r.params };
  const nonLiteral: string[] = [];
  for (const name of r.nonLiteral ?? []) {
    if (name in base.params) {
      params[name] = base.params[name];
    }
    if (!(name in base.params) || base.nonLiteral?.includes(name) === true) {
      nonLiteral.push(name);
    }
  }
  const { nonLiteral: _ignored, ...rest } = r;
  return { ...rest, params, ...(nonLiteral.length > 0 ? { nonLiteral } : {}) };
}

/** The call's argument list as written, when it has arguments and all are keywords; else undefined. */
function keywordArguments({ model, open }: CallSite): string | undefined {
  if (!model.isPunct(open, '(') || model.isPunct(open + 1, ')')) {
    return undefined;
  }
  let depth = 0;
  let itemStart = true;
  const end = Math.min(model.count, open + MAX_ARGUMENT_TOKENS);
  for (let k = open; k < end; k++) {
    if (depth === 1 && itemStart && !(model.kinds[k] === ID && model.isPunct(k + 1, '='))) {
      return undefined;
    }
    itemStart = false;
    if (model.isPunct(k, '(') || model.isPunct(k, '[') || model.isPunct(k, '{')) {
      depth++;
      itemStart = depth === 1;
    } else if (model.isPunct(k, ')') || model.isPunct(k, ']') || model.isPunct(k, '}')) {
      if (--depth === 0) {
        return model.text.slice(model.starts[open], model.ends[k]);
      }
    } else if (depth === 1 && model.isPunct(k, ',')) {
      itemStart = !model.isPunct(k + 1, ')');
    }
  }
  return undefined;
}
