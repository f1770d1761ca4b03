/**
 * Modules built into a local and applied through it: burn's
 * `let celu = CeluConfig::new().with_alpha(2.0).init();` then `celu.forward(x)`, `let act = Gelu::new();`,
 * candle's `let act = Activation::Gelu;` or `Activation::LeakyRelu(0.2)`, a wrapper built from a model's
 * own enum (`let gelu_fast = HiddenActLayer::new(HiddenAct::GeluApproximate);`), LibTorch's
 * `auto act = torch::nn::GELU(opts);` then `act->forward(x)`. The local's binding in scope (each one that may
 * hold, when a block rebinds it) must be such a construction and nothing more (`let y =
 * Gelu::new().forward(x);` is a tensor).
 */
import type { RecognizedCall } from '../types';
import { bindingOf } from './bindings';
import { possibleBindings } from './branches';
import type { DocumentModel } from './document';
import { sameActivation } from './sameActivation';
import { ID, NUM } from './tokenizer';

/** Tokens a construction may span (a config with a few `with_*` calls fits easily). */
const MAX_VALUE_TOKENS = 160;
/** The calls that end a construction: a config's `init`, a constructor. */
const BUILDERS = new Set(['default', 'init', 'new', 'new_approximate']);

/**
 * The activation a local holds when token `ti` is the local in Rust's `<ti>.forward(…)` or C++'s
 * `<ti>->forward(…)`. `recognize` recognizes a model token.
 */
export function matchInstance(
  model: DocumentModel,
  ti: number,
  recognize: (index: number) => RecognizedCall | undefined,
): RecognizedCall | undefined {
  const apply =
    (model.lang === 'rust' && model.isPunct(ti + 1, '.')) ||
    (model.lang === 'cpp' && model.isPunct(ti + 1, '->'));
  if (
    !apply ||
    !model.isWord(ti + 2, 'forward') ||
    !model.isPunct(ti + 3, '(') ||
    model.isPunct(ti - 1, '.') ||
    model.isPunct(ti - 1, '::') ||
    model.isPunct(ti - 1, '->')
  ) {
    return undefined;
  }
  const name = model.tokenText(ti);
  const newest = bindingOf(model, name, ti);
  if (newest === undefined || newest.at === ti) {
    return undefined;
  }
  // Values bound in branches (`if gated { act = Activation::Silu; }`) must agree.
  let found: RecognizedCall | undefined;
  for (const b of possibleBindings(model, name, ti, newest) ?? []) {
    const r = b.value === undefined ? undefined : constructed(model, b.value, recognize);
    if (r === undefined || (found !== undefined && !sameActivation(found, r))) {
      return undefined;
    }
    found ??= r;
  }
  return found && { ...found, start: model.starts[ti], end: model.ends[ti] };
}

/** What the construction starting at token `at` builds, when the statement is only that. */
function constructed(
  model: DocumentModel,
  at: number,
  recognize: (index: number) => RecognizedCall | undefined,
): RecognizedCall | undefined {
  if (model.kinds[at] !== ID) {
    return undefined;
  }
  // The path, then calls: `X::new(…)` and a chain `.with_a(…).init(…)`, then the statement's end.
  let k = at;
  while (model.isPunct(k + 1, '::') && model.kinds[k + 2] === ID) {
    k += 2;
  }
  const pathEnd = k;
  let lastCall: string | undefined;
  const limit = Math.min(model.count, at + MAX_VALUE_TOKENS);
  for (;;) {
    if (model.isPunct(k + 1, '(')) {
      lastCall = model.tokenText(k);
      k = model.closing(k + 1, limit);
      if (k < 0) {
        return undefined;
      }
    } else if (
      model.isPunct(k + 1, '.') &&
      (model.kinds[k + 2] === ID || tupleIndex(model, k + 2))
    ) {
      k += 2; // a method's name, a field (`.act`) or a newtype's field (`.0`)
    } else {
      break;
    }
  }
  if (model.isPunct(k + 1, '?')) {
    k++;
  }
  // Calling a type builds it: LibTorch's `auto act = torch::nn::GELU(opts);`, candle's tuple variant
  // `let act = Activation::LeakyRelu(0.2);`, also copied (`Activation::LeakyRelu(0.2).clone()`, LibTorch's
  // `torch::nn::GELU(opts).ptr()`).
  const builder =
    lastCall === undefined ||
    BUILDERS.has(lastCall) ||
    (model.isCapitalized(pathEnd) && onlyCopies(model, model.closing(pathEnd + 1, limit), k));
  if (!model.isPunct(k + 1, ';') || !builder) {
    return undefined;
  }
  for (let p = at; p <= pathEnd; p += 2) {
    const r = recognize(p);
    if (r !== undefined) {
      return r;
    }
  }
  // A wrapper built from one enum variant by its type's constructor, or a config built so and then
  // finished (`HiddenActLayer::new(HiddenAct::GeluApproximate)`, `ActConfig::new(HiddenAct::Gelu).init()`).
  // A method `new` called on a value (`factory.new(…)`, `ActFactory::from_env().new(…)`) computes from
  // that value as well, which may override the variant.
  const firstArgs = pathEnd + 2;
  if (model.isWord(pathEnd, 'new')) {
    let v = firstArgs;
    while (model.isPunct(v + 1, '::') && model.kinds[v + 2] === ID) {
      v += 2;
    }
    if (
      v > firstArgs &&
      model.isPunct(v + 1, ')') &&
      v + 1 === model.closing(firstArgs - 1, limit)
    ) {
      return recognize(v);
    }
  }
  return undefined;
}

/** Whether token `k` is a tuple index (`0` in `wrapper.0`): a number of digits only. */
function tupleIndex(model: DocumentModel, k: number): boolean {
  return model.kinds[k] === NUM && /^\d+$/.test(model.tokenText(k));
}

/**
 * Calls that give the module they are called on, or a copy: Rust's `.clone()` and `.to_owned()`, LibTorch's
 * `.ptr()` (the holder's `std::shared_ptr` to the same module, applied with `->forward`).
 */
const COPIES = new Set(['clone', 'to_owned', 'ptr']);

/** Whether the tokens after `from` up to `to` are only copying calls (none when `from === to`). */
function onlyCopies(model: DocumentModel, from: number, to: number): boolean {
  let k = from;
  while (
    k >= 0 &&
    k < to &&
    model.isPunct(k + 1, '.') &&
    COPIES.has(model.tokenText(k + 2)) &&
    model.isPunct(k + 3, '(') &&
    model.isPunct(k + 4, ')')
  ) {
    k += 4;
  }
  return k >= 0 && k === to;
}
