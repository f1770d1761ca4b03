/**
 * A model's own activation enum in Rust, read by what its `match` applies: candle models declare
 * `enum HiddenAct { Gelu, GeluApproximate, Relu }` and apply it in `match self.act { HiddenAct::Gelu =>
 * xs.gelu_erf(), … }` (or `Self::Gelu => …` inside `impl HiddenAct`). A variant whose arms apply one
 * activation then reads as that activation wherever the file names it (`hidden_act: HiddenAct::Gelu`).
 * Only enums (and types or modules with constants matched on) declared in the same file count; a variant
 * whose arms disagree, or apply none, is no hover;
 * an arm that names the variant (a literal in a `name()`, possibly converted, a constant such as an init
 * gain, `write!(f, "gelu")` in a `Display` impl, a `bail!("…")` that rejects it: a standard text or
 * early-return macro) or computes from a literal (`1.0 - y.sqr()?` in a derivative) is no application and
 * is skipped; an arm the reader cannot read (a formula, a macro of the crate's own) rejects the variant.
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
 * or computes from a literal (a derivative in terms of the output, `1.0 - y.sqr()?`); or it calls one of
 * {@link TEXT_MACROS} or a standard writing function (`std::fs::write(path, "gelu")`).
 */
function isLiteralArm(model: DocumentModel, at: number): boolean {
  return isLiteral(model, at) || isTextMacro(model, at);
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
 * The standard library's and anyhow's macros whose value is text or a formatting result, or that return
 * early or panic (candle re-exports anyhow's `bail!`). An arm calling one writes, names or rejects its
 * variant and applies nothing, whatever its arguments and whatever follows: `write!(f, "gelu")?` in a
 * `Display` arm, `format!("{}_tanh", name)`, `format!("gelu") + suffix`, `bail!("rank {}", xs.rank())`,
 * `todo!()`. A macro of the crate's own (`fused!("gelu", xs)`) may apply anything: its arm is read as any
 * other, so it agrees with the variant's other arms or rejects it.
 */
const TEXT_MACROS = new Set([
  'format',
  'concat',
  'stringify',
  'write',
  'writeln',
  'print',
  'println',
  'eprint',
  'eprintln',
  'panic',
  'todo',
  'unimplemented',
  'unreachable',
  'bail',
  'anyhow',
]);

/**
 * Modules of the standard library whose functions read, write or format text and files, and take or
 * return no tensor: `std::fs::write(path, "gelu")`, `fs::read_to_string("gelu.cu")`,
 * `fmt::write(&mut out, format_args!("gelu"))`, `fmt::format(format_args!("{p}.gelu"))`. An arm calling
 * one by such a path names, records or loads something for its variant and applies nothing, as a
 * `write!` arm does.
 */
const WRITING_MODULES: ReadonlySet<string> = new Set(['fs', 'fmt']);

/**
 * Whether the arm at token `at` calls one of TEXT_MACROS, by its name or a path (`candle_core::bail!`), or
 * a function of a WRITING_MODULES module (`std::fs::write(…)`, `fmt::format(…)`).
 */
function isTextMacro(model: DocumentModel, at: number): boolean {
  let k = at;
  while (model.kinds[k] === ID && model.isPunct(k + 1, '::')) {
    k += 2;
  }
  if (model.kinds[k] !== ID) {
    return false;
  }
  const name = model.tokenText(k);
  if (model.isPunct(k + 1, '!')) {
    return TEXT_MACROS.has(name);
  }
  return k > at && WRITING_MODULES.has(model.tokenText(k - 2));
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
