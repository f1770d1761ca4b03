/**
 * A model's own activation enum in Rust, read by what its `match` applies: candle models declare
 * `enum HiddenAct { Gelu, GeluApproximate, Relu }` and apply it in `match self.act { HiddenAct::Gelu =>
 * xs.gelu_erf(), … }` (or `Self::Gelu => …` inside `impl HiddenAct`). A variant whose arms apply one
 * activation then reads as that activation wherever the file names it (`hidden_act: HiddenAct::Gelu`).
 * Only enums (and types or modules with constants matched on) declared in the same file count; a variant
 * whose arms disagree, or apply none, is no hover;
 * an arm that names the variant (a literal in a `name()`, possibly converted, a constant such as an init
 * gain, `write!(f, "gelu")` in a `Display` impl, a `bail!("…")` that rejects it) or computes from a literal
 * (`1.0 - y.sqr()?` in a derivative) is no application and is skipped.
 *
 * The arms come from one pass per document model; a hover recognizes the few arms of its variant.
 */
import type { RecognizedCall } from '../types';
import { definitions, enclosing } from './definitions';
import type { DocumentModel } from './document';
import { implTarget } from './members';
import { ID, NUM, STR } from './tokenizer';
import { sameActivation } from './sameActivation';

/** Arms read per variant, and tokens read per arm. */
const MAX_ARMS = 4;
const ARM_TOKENS = 48;

/** The first token of each arm's expression, by `Enum::Variant` (or `Type::CONST`), for owners declared in the model. */
function arms(model: DocumentModel): ReadonlyMap<string, number[]> {
  let index = model.memo.get('enumArms') as Map<string, number[]> | undefined;
  if (index !== undefined) {
    return index;
  }
  index = new Map();
  // A pattern `Owner::NAME` is an enum's variant or a constant the file declares in a type or module
  // (`impl ActKind { pub const GELU: ActKind = … }`, matched on as `ActKind::GELU =>`): any owner it defines.
  const owners = new Set(definitions(model).map((d) => d.name));
  for (let i = 3; owners.size > 0 && i + 1 < model.count; i++) {
    if (!model.isPunct(i, '=>')) {
      continue;
    }
    // `Enum::A | Enum::B => …`: every alternative of the pattern takes the arm.
    for (let v = i - 1; model.kinds[v] === ID && model.isPunct(v - 1, '::'); v -= 4) {
      const owner = ownerName(model, v - 2, i);
      if (owners.has(owner) && !model.isPunct(v - 3, '::')) {
        const key = `${owner}::${model.tokenText(v)}`;
        const list = index.get(key) ?? [];
        if (list.length < MAX_ARMS) {
          list.push(i + 1);
        }
        index.set(key, list);
      }
      if (!model.isPunct(v - 3, '|')) {
        break;
      }
    }
  }
  model.memo.set('enumArms', index);
  return index;
}

/** The enum a pattern's `Owner::` names at token `at` (`Self` is the `impl`'s target), or ''. */
function ownerName(model: DocumentModel, at: number, arrow: number): string {
  const owner = model.tokenText(at);
  if (owner !== 'Self') {
    return owner;
  }
  const impl = enclosing(model, arrow, (d) => d.keyword === 'impl');
  return (impl && implTarget(model, impl)) ?? '';
}

/**
 * The activation of the variant named at token `ti` in `Enum::Variant`, by the arms that match it.
 * `recognize` recognizes a model token.
 */
export function matchEnumVariant(
  model: DocumentModel,
  ti: number,
  recognize: (index: number) => RecognizedCall | undefined,
): RecognizedCall | undefined {
  if (
    model.lang !== 'rust' ||
    !model.isPunct(ti - 1, '::') ||
    model.kinds[ti - 2] !== ID ||
    model.isPunct(ti - 3, '::')
  ) {
    return undefined;
  }
  const list = arms(model).get(`${model.tokenText(ti - 2)}::${model.tokenText(ti)}`);
  if (list === undefined) {
    return undefined;
  }
  let found: RecognizedCall | undefined;
  for (const at of list) {
    if (isLiteralArm(model, at)) {
      continue; // `Self::Gelu => "gelu",` in a `name()`, `Display`: it names the variant, applies nothing
    }
    const r = armMeaning(model, at, recognize);
    if (r === undefined || (found !== undefined && !sameActivation(found, r))) {
      return undefined;
    }
    found = r;
  }
  return found && { ...found, start: model.starts[ti], end: model.ends[ti] };
}

/** Operators that make an arm's value more than the activation's result (`xs * sigmoid(xs)` is SiLU). */
const ARITHMETIC = ['*', '/', '+', '-'];

/**
 * Whether the arm at token `at` applies no activation to the input: it starts with a literal, so it names
 * the variant (`"gelu"`, `"gelu".to_string()`), gives a constant (an init gain `5.0 / 3.0`, `2f64.sqrt()`)
 * or computes from a literal (a derivative in terms of the output, `1.0 - y.sqr()?`); or it is a macro
 * given a string (`write!(f, "gelu")` in a `Display` arm, possibly `.unwrap()`ed, `format!("gelu")`,
 * `bail!("unsupported")`).
 */
function isLiteralArm(model: DocumentModel, at: number): boolean {
  if (isLiteral(model, at)) {
    return true;
  }
  let end = macroArm(model, at);
  if (end < 0) {
    return false;
  }
  // `.unwrap()`, `.to_string()`: conversions take no argument.
  while (
    model.isPunct(end + 1, '.') &&
    model.kinds[end + 2] === ID &&
    model.isPunct(end + 3, '(') &&
    model.isPunct(end + 4, ')')
  ) {
    end += 4;
  }
  return model.isPunct(end + 1, ',') || model.isPunct(end + 1, '}');
}

/** Whether token `at` is a literal: a string, a number, `true` or `false`. */
function isLiteral(model: DocumentModel, at: number): boolean {
  return (
    model.kinds[at] === STR ||
    model.kinds[at] === NUM ||
    model.isWord(at, 'true') ||
    model.isWord(at, 'false')
  );
}

/**
 * The `)` of a macro call at token `at` whose arguments are names and literals with at least one string,
 * or none: `write!(f, "gelu")`, `writeln!(out, "…")`, `format!("gelu")`, `candle_core::bail!("no {}", name)`,
 * `todo!()`. Such an arm writes, names or rejects the variant and applies nothing; -1 for anything else.
 */
function macroArm(model: DocumentModel, at: number): number {
  let k = at;
  while (model.kinds[k] === ID && model.isPunct(k + 1, '::')) {
    k += 2;
  }
  if (model.kinds[k] !== ID || !model.isPunct(k + 1, '!') || !model.isPunct(k + 2, '(')) {
    return -1;
  }
  let text = model.isPunct(k + 3, ')'); // `todo!()`, `unimplemented!()`
  for (let i = k + 3; i < model.count && i < k + ARM_TOKENS; i++) {
    if (model.isPunct(i, ')')) {
      return text ? i : -1;
    }
    text ||= model.kinds[i] === STR;
    if (
      model.kinds[i] !== ID &&
      model.kinds[i] !== STR &&
      model.kinds[i] !== NUM &&
      !model.isPunct(i, ',')
    ) {
      return -1;
    }
  }
  return -1;
}

/**
 * Calls that keep a tensor's values: an arm may convert around its activation (`xs.to_dtype(F32)?.gelu_erf()`),
 * but any other call computes something else (`xs.relu()?.sqr()` is squared ReLU, `xs.affine(2.0, 0.0)?.tanh()`
 * is tanh(2x)).
 */
const VALUE_PRESERVING = new Set(['Ok', 'clone', 'contiguous', 'to_dtype', 'to_device', 'reshape']);

/**
 * The one activation an arm's expression calls (`xs.gelu_erf()`, `candle_nn::ops::sigmoid(xs)`). The arm
 * ends at a `,` outside brackets, at the `}` closing the `match`, or, when it is a block, at the block's
 * `}` (rustfmt writes no comma after a block arm).
 */
function armMeaning(
  model: DocumentModel,
  at: number,
  recognize: (index: number) => RecognizedCall | undefined,
): RecognizedCall | undefined {
  const block = model.isPunct(at, '{');
  const level = block ? 1 : 0; // the depth of the arm's own statements
  let depth = 0;
  let found: RecognizedCall | undefined;
  const end = Math.min(model.count, at + ARM_TOKENS);
  for (let k = at; k < end; k++) {
    if (model.isPunct(k, '(') || model.isPunct(k, '[') || model.isPunct(k, '{')) {
      depth++;
    } else if (model.isPunct(k, ')') || model.isPunct(k, ']') || model.isPunct(k, '}')) {
      if (--depth < 0 || (block && depth === 0)) {
        break;
      }
    } else if (depth === 0 && model.isPunct(k, ',')) {
      break;
    } else if (depth === level && ARITHMETIC.some((op) => model.isPunct(k, op))) {
      return undefined;
    } else if (model.kinds[k] === ID && model.isPunct(k + 1, '(')) {
      const r = recognize(k);
      if (
        r === undefined
          ? !VALUE_PRESERVING.has(model.tokenText(k))
          : found !== undefined && !sameActivation(found, r)
      ) {
        return undefined;
      }
      found = r ?? found;
    }
  }
  return found;
}
