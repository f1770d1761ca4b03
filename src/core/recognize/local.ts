/**
 * What a plain name means when the code itself gives it a meaning: a local binding (bindings.ts), a
 * function or layer class defined here or in a notebook's earlier cells (bodies.ts), or one imported from
 * another file of the workspace (through `RecognizeContext.readImport`). A name bound to something that
 * is not an activation is no activation, whatever its spelling.
 */
import type { RecognizeContext, RecognizedCall } from '../types';
import { withBaseArguments, type CallSite } from './baseClass';
import { bindingOf } from './bindings';
import { laterModuleBinding, possibleBindings } from './branches';
import { bodySource, classifyDefinition, classifyLambda, type RecognizeToken } from './bodies';
import { definitions, type Definition } from './definitions';
import type { DocumentModel } from './document';
import { documentModel } from './models';
import { singleStringArgument } from './factories';
import { callArguments, withArguments } from './formulas/parameters';
import { classifyJsFunction, isJsFunctionStart, jsParameterList } from './jsFunctions';
import { classifyJuliaLambda, juliaArrowAt } from './juliaLambda';
import { definitionValues, withCallArguments } from './substitution';
import { STMT } from './statements';
import { ID } from './tokenizer';
import { sameActivation } from './sameActivation';

/** The verdict on a name: an activation, `null` for "bound to something else: no hover", or undefined. */
export type LocalMeaning = RecognizedCall | null | undefined;

/** How many files deep an import is followed (`from .act import *` re-exporting another module). */
const MAX_IMPORT_DEPTH = 2;
/** Longest module text read through the context. */
const MAX_MODULE_CHARS = 2_000_000;

const CLASS_LIKE = new Set(['class', 'struct']);

/** Whether token `ti` is a plain name: not part of a dotted path, not a member. */
export function isPlainName(model: DocumentModel, ti: number): boolean {
  if (model.kinds[ti] !== ID) {
    return false;
  }
  const sep = (k: number): boolean =>
    model.isPunct(k, '.') || model.isPunct(k, '::') || model.isPunct(k, '->');
  return !sep(ti - 1) && !(sep(ti + 1) && model.kinds[ti + 2] === ID);
}

/** The meaning of the plain name at token `ti` from this file (and the notebook cells above it). */
export function localMeaning(
  model: DocumentModel,
  ti: number,
  recognize: RecognizeToken,
  preamble?: DocumentModel,
): LocalMeaning {
  const name = model.tokenText(ti);
  const here = meaningIn(model, name, ti, recognize, callAt(model, ti));
  if (here !== undefined || preamble === undefined) {
    return here === undefined ? undefined : at(here, model, ti);
  }
  const before = meaningIn(preamble, name, preamble.count, recognize, callAt(model, ti));
  return before === undefined ? undefined : at(before, model, ti);
}

/** The meaning of a name imported from another file, read through the context. */
export function importedMeaning(
  model: DocumentModel,
  ti: number,
  recognize: RecognizeToken,
  context: RecognizeContext | undefined,
): RecognizedCall | undefined {
  if (context?.readImport === undefined) {
    return undefined;
  }
  const name = model.tokenText(ti);
  const found = fromImports(model, name, recognize, context, 0, callAt(model, ti));
  return found === undefined ? undefined : (at(found, model, ti) ?? undefined);
}

function fromImports(
  model: DocumentModel,
  name: string,
  recognize: RecognizeToken,
  context: RecognizeContext,
  depth: number,
  site: CallSite | undefined,
): RecognizedCall | undefined {
  const { aliases, globs } = model.imports;
  const path = aliases.get(name);
  const places: [string, string][] = [];
  if (path !== undefined) {
    const dot = path.lastIndexOf('.');
    if (dot > 0) {
      places.push([path.slice(0, dot), path.slice(dot + 1)]);
    }
  } else {
    for (const g of globs.slice(0, 8)) {
      places.push([g, name]);
    }
  }
  for (const [module, member] of places) {
    const specifier = model.lang === 'rust' ? module.replace(/\./g, '::') : module;
    let source: string | undefined;
    try {
      source = context.readImport?.(specifier);
    } catch {
      source = undefined;
    }
    if (typeof source !== 'string' || source.length > MAX_MODULE_CHARS) {
      continue;
    }
    const other = documentModel(source, model.lang);
    const meaning = meaningIn(other, member, other.count, recognize, site);
    if (meaning) {
      return {
        ...meaning,
        definedAt: { ...(meaning.definedAt ?? bindingPlace(other, member)), module: specifier },
      };
    }
    if (meaning === undefined && depth + 1 < MAX_IMPORT_DEPTH) {
      const further = fromImports(other, member, recognize, context, depth + 1, site);
      if (further) {
        return further;
      }
    }
  }
  return undefined;
}

/**
 * Where a module binds `name` to a library activation (`default_act = nn.SiLU()`): the binding's line, and
 * no body of the module's own to show.
 */
function bindingPlace(model: DocumentModel, name: string): { line: number; source: string } {
  const binding = bindingOf(model, name, model.count);
  return { line: model.lineOf(model.starts[binding?.at ?? 0]), source: '' };
}

/** The call at a use (`Name(…)`), for the arguments a class's base reads. */
function callAt(model: DocumentModel, ti: number): CallSite | undefined {
  return model.lang === 'python' && model.isPunct(ti + 1, '(')
    ? { model, open: ti + 1 }
    : undefined;
}

/** Moves a meaning to the use at token `ti`; `null` stays `null`. */
function at(meaning: RecognizedCall | null, model: DocumentModel, ti: number): LocalMeaning {
  if (meaning === null) {
    return null;
  }
  const { arg: _arg, ...rest } = meaning;
  return { ...rest, start: model.starts[ti], end: model.ends[ti] };
}

/** The meaning of `name` as seen at token `ti` of `model`, with the definition's place. */
function meaningIn(
  model: DocumentModel,
  name: string,
  ti: number,
  recognize: RecognizeToken,
  site?: CallSite,
): RecognizedCall | null | undefined {
  const binding = bindingOf(model, name, ti) ?? laterModuleBinding(model, name, ti);
  if (binding !== undefined) {
    if (binding.at === ti) {
      return null;
    }
    // Bindings in branches (`if …: act = relu` / `else: act = hard_swish`) must agree.
    let found: RecognizedCall | undefined;
    for (const b of possibleBindings(model, name, ti, binding) ?? []) {
      const r =
        b.value === undefined ? undefined : calledValueMeaning(model, b.value, ti, recognize);
      if (r === undefined || (found !== undefined && !sameActivation(found, r))) {
        return null;
      }
      found ??= r;
    }
    return found ?? null;
  }
  const defs = visibleDefinitions(model, name, ti);
  if (defs.length === 0) {
    return undefined;
  }
  let found: RecognizedCall | undefined;
  for (const def of defs) {
    // A call's own arguments override the defaults the body reads: `leaky_relu(a, 0.1)`.
    const called = model.lang === 'python' && def.keyword === 'def' && model.isPunct(ti + 1, '(');
    const values = called
      ? withCallArguments(model, def, ti + 1, definitionValues(model, def))
      : undefined;
    const args = CLASS_LIKE.has(def.keyword) ? undefined : callArguments(model, ti, def.nameAt + 1);
    const body = classifyDefinition(model, def, recognize, args, values);
    // A subclass of a library activation is built with its base's arguments: `PReLU(init=0.1)`.
    const r = body && withBaseArguments(model, def, body, site, recognize);
    if (r === undefined || (found !== undefined && !sameFunction(found, r))) {
      return null; // not an activation, or two definitions that disagree
    }
    found ??= {
      ...r,
      definedAt: { line: model.lineOf(model.starts[def.start]), source: bodySource(model, r) },
    };
  }
  return found ?? null;
}

/**
 * Whether two definitions of one name compute the same function, whatever library each calls: branches
 * defining ReLU with `np.maximum(x, 0)` and `torch.clamp(x, min=0)` agree; GELU exact and tanh do not.
 */
function sameFunction(a: RecognizedCall, b: RecognizedCall): boolean {
  return a.id === b.id && JSON.stringify(a.params) === JSON.stringify(b.params);
}

/**
 * {@link valueMeaning} of a name used at `ti`: a JavaScript function value called there (`leaky(h, 0.3)`)
 * is read with the call's arguments standing for its parameters' defaults.
 */
function calledValueMeaning(
  model: DocumentModel,
  value: number,
  ti: number,
  recognize: RecognizeToken,
): RecognizedCall | undefined {
  const open = model.lang === 'js' ? jsParameterList(model, value) : -1;
  const args = open >= 0 ? callArguments(model, ti, open) : undefined;
  return withArguments(model, open, args, () => valueMeaning(model, value, recognize));
}

/**
 * What a single-target assignment's right-hand side makes the name: a lambda's body, a path to an
 * activation function (`act = jax.nn.gelu`), or a layer built by its class (`act = nn.GELU()`). A call of
 * a lowercase function (`y = F.relu(x)`) is its result, a tensor: not an activation, unless its one
 * argument is a string that names the activation it makes (`get_activation("gelu")`, `ACT2FN["silu"]`).
 */
export function valueMeaning(
  model: DocumentModel,
  value: number,
  recognize: RecognizeToken,
): RecognizedCall | undefined {
  // An anonymous function: Python's `lambda x: …`, a JS arrow or `function`, Julia's `x -> …`.
  const fn = model.isWord(value, 'lambda')
    ? classifyLambda
    : model.lang === 'js' && isJsFunctionStart(model, value)
      ? classifyJsFunction
      : juliaArrowAt(model, value) >= 0
        ? classifyJuliaLambda
        : undefined;
  if (fn !== undefined) {
    const r = fn(model, value, recognize);
    return (
      r && {
        ...r,
        definedAt: { line: model.lineOf(model.starts[value]), source: bodySource(model, r) },
      }
    );
  }
  let last = value;
  while (
    (model.isPunct(last + 1, '.') || model.isPunct(last + 1, '::')) &&
    model.kinds[last + 2] === ID
  ) {
    last += 2;
  }
  // `x = lrelu->forward(h)` / `x = act.forward(h)`: what a module computes, a tensor.
  if (model.kinds[last] !== ID || model.isPunct(last + 1, '->') || chooses(model, last)) {
    return undefined;
  }
  const named = singleStringArgument(model, last);
  if (named !== undefined) {
    return recognize(model, last) ?? recognize(model, named);
  }
  // A call, or Julia's broadcast call `relu.(x)`: its result, unless a class is constructed.
  if (
    model.isPunct(last + 1, '(') ||
    (model.isPunct(last + 1, '.') && model.isPunct(last + 2, '('))
  ) {
    if (!model.isCapitalized(last) || appliedAfter(model, last + 1)) {
      return undefined;
    }
  }
  return recognize(model, last);
}

/**
 * Whether the value whose path ends at `last` is the first choice of a Python conditional expression
 * (`act = nn.GELU() if exact else nn.Identity()`, `ACT2FN["gelu"] if gated else None`): the name then holds
 * one of two values, no one activation. No other language writes `if` after a value in one statement; an
 * `if` statement on the next line is no part of it.
 */
function chooses(model: DocumentModel, last: number): boolean {
  const bracketed = model.isPunct(last + 1, '(') || model.isPunct(last + 1, '[');
  const end = bracketed ? model.closing(last + 1, last + 1 + MAX_CONSTRUCTION_TOKENS) : last;
  return end >= 0 && model.isWord(end + 1, 'if') && (model.flags[end + 1] & STMT) === 0;
}

/** Longest construction read for an application after it (`nn.GELU(approximate="tanh")(x)`), in tokens. */
const MAX_CONSTRUCTION_TOKENS = 512;

/**
 * Whether the module built by the call opened at `open` is applied right away (`nn.GELU()(x)`,
 * `Activation::LeakyRelu(0.2).forward(xs)`, `torch::nn::GELU()->forward(x)`): the value is then its output,
 * a tensor, not the module.
 */
function appliedAfter(model: DocumentModel, open: number): boolean {
  const close = model.closing(open, open + MAX_CONSTRUCTION_TOKENS);
  if (close < 0) {
    return false;
  }
  const member = model.isPunct(close + 1, '.') || model.isPunct(close + 1, '->');
  return model.isPunct(close + 1, '(') || (member && model.isWord(close + 2, 'forward'));
}

/** Definitions named `name` visible at `ti`: top-level ones and those nested in a function around `ti`. */
function visibleDefinitions(model: DocumentModel, name: string, ti: number): Definition[] {
  let byName = model.memo.get('definitionsByName') as Map<string, Definition[]> | undefined;
  const defs = definitions(model);
  if (byName === undefined) {
    byName = new Map();
    for (const d of defs) {
      const parent = d.parent >= 0 ? defs[d.parent] : undefined;
      if (parent !== undefined && CLASS_LIKE.has(parent.keyword)) {
        continue; // a method: reached through its instance, not by its bare name
      }
      const list = byName.get(d.name) ?? [];
      list.push(d);
      byName.set(d.name, list);
    }
    model.memo.set('definitionsByName', byName);
  }
  const list = byName.get(name) ?? [];
  const visible = list
    .slice(0, 8)
    .filter(
      (d) =>
        d.nameAt !== ti &&
        (d.parent < 0 || (defs[d.parent].start <= ti && ti < defs[d.parent].end)) &&
        isMacro(d) === (model.lang === 'julia' && model.isPunct(ti - 1, '@')),
    );
  // TypeScript's overload signatures (`function gate(x: Tensor1D): Tensor1D;`) and forward declarations
  // compute nothing: the one definition with a body is what a call runs.
  const bodied = visible.filter((d) => !isDeclarationOnly(model, d));
  return bodied.length > 0 ? bodied : visible;
}

/**
 * Whether `d` is a Julia macro: `macro leakyrelu(ex)` defines `@leakyrelu`, which only a call spelled with
 * the `@` reaches; a plain `leakyrelu` is still the function of that name.
 */
function isMacro(d: Definition): boolean {
  return d.keyword === 'macro';
}

/** Whether a brace language's definition ends at its signature's `;`: it has no body. */
function isDeclarationOnly(model: DocumentModel, d: Definition): boolean {
  return model.lang !== 'python' && model.lang !== 'julia' && model.isPunct(d.end - 1, ';');
}
