/**
 * Recognition of activation calls in source code: given a document's text, an offset and a VS Code language
 * id, which activation (if any) the offset is on, with which effective parameters, in which framework.
 *
 * The text is lexed once into a document model (document.ts; models.ts decides whether a text is lexed whole
 * or, when it holds too many tokens for a first hover, by windows, and caches models per text); each hover
 * then finds its token by binary search and reads a bounded window of tokens around it — a small one
 * first, a larger one only when the statement around the offset reaches past the small one.
 *
 * Layout, one job per file:
 *   reading the text   tokenizer.ts (lexer) · tokenBuffer.ts (its typed arrays) · statements.ts (where
 *                      statements start) · document.ts (the model) · models.ts (which model, the cache)
 *   what the file says imports.ts · definitions.ts (def/class/fn extents) · bindings.ts (local names) ·
 *                      juliaFields.ts (Julia struct fields)
 *   what names mean    local.ts (bindings, own definitions, notebook cells, other files) · bodies.ts
 *                      (user-defined activations by their body) · jsFunctions.ts (JS arrow and function
 *                      values, `tf.tidy`) · juliaLambda.ts (`x -> …`) · attributes.ts (`self.<attr>`) ·
 *                      members.ts (struct fields, class members, `this.<attr>`) · declaredTypes.ts (what a
 *                      declared type names) · rustEnums.ts (a model's own enum, by its `match` arms) ·
 *                      instances.ts (locals built as modules) · resolve.ts (imports and
 *                      conventions to table paths)
 *   what code spells   match.ts (a hovered name) · activationStrings.ts · args.ts · params.ts · literals.ts ·
 *                      spelling.ts + tables/ (per framework) · formulas/ (hand-written formulas, read
 *                      through a function body's temporaries and parameter defaults: temporaries.ts)
 */
import type { RecognizeContext, RecognizedCall } from '../types';
import { matchAttributeCall } from './attributes';
import { bindingOf } from './bindings';
import type { DocumentModel } from './document';
import { documentModel, MAX_MODEL_CHARS } from './models';
import { matchFormula, matchFormulaUse } from './formulas';
import { matchString } from './activationStrings';
import { methodMeaning } from './classFields';
import { matchConfigString } from './configStrings';
import { importedMeaning, isPlainName, localMeaning, valueMeaning } from './local';
import { withKerasGeneration } from './kerasGeneration';
import { langOf } from './languages';
import { matchName, onImportLine, type Scope } from './match';
import { matchInstance } from './instances';
import { matchMember } from './members';
import { matchParameterBody } from './parameterBodies';
import { matchEnumVariant } from './rustEnums';
import { NL, STMT } from './statements';

/** Window sizes in tokens (before / after the hovered token): the first try, then the most we ever read. */
const SMALL: readonly [number, number] = [64, 48];
const LARGE: readonly [number, number] = [1500, 1000];

/** How deep recognition may nest (a definition whose body calls another definition, …). */
const MAX_DEPTH = 4;

/** The context of the recognition under way (recognition is synchronous: one at a time). */
let context: RecognizeContext | undefined;
let preamble: DocumentModel | undefined;
let depth = 0;

/**
 * The activation call (or activation named where a layer is configured) at `offset`, or undefined.
 * `context` optionally gives imported modules' sources and a notebook's earlier cells; without it, only the
 * text is read. Never throws: bad input gets undefined.
 */
export function recognizeAt(
  text: string,
  offset: number,
  languageId: string,
  context?: RecognizeContext,
): RecognizedCall | undefined {
  try {
    return recognizeUnguarded(text, offset, languageId, context);
  } catch {
    // A bug must cost one hover, never an exception in the extension host.
    return undefined;
  }
}

/**
 * `recognizeAt` without its safety net, so that the fuzz test sees any exception instead of an undefined.
 * Not part of the core's API.
 */
export function recognizeUnguarded(
  text: string,
  offset: number,
  languageId: string,
  given?: RecognizeContext,
): RecognizedCall | undefined {
  if (typeof text !== 'string' || typeof languageId !== 'string' || !Number.isInteger(offset)) {
    return undefined;
  }
  if (offset < 0 || offset > text.length) {
    return undefined;
  }
  const lang = langOf(languageId);
  if (lang === undefined) {
    return undefined;
  }
  const code = given?.preamble;
  const before =
    typeof code === 'string' && code.length > 0 && code.length <= MAX_MODEL_CHARS
      ? documentModel(code, lang)
      : undefined;
  const model = documentModel(text, lang, offset, before?.imports);
  const ti = model.tokenAt(offset);
  if (ti < 0) {
    return undefined;
  }
  // Hovers repeat on the same place: answers for this model (and this context) are remembered.
  const memo = given === undefined ? answers(model) : undefined;
  if (memo?.has(ti)) {
    return memo.get(ti) ?? undefined;
  }
  const saved = [context, preamble, depth] as const;
  context = given !== null && typeof given === 'object' ? given : undefined;
  preamble = before;
  depth = 0;
  try {
    const found = withKerasGeneration(recognizeToken(model, ti), model.imports);
    if (memo !== undefined) {
      if (memo.size >= MAX_ANSWERS) {
        memo.delete(memo.keys().next().value as number);
      }
      memo.set(ti, found ?? null);
    }
    return found;
  } finally {
    [context, preamble, depth] = saved;
  }
}

/** Words that start an import statement (Python, JavaScript, Rust, Julia). */
const IMPORTS = new Set(['import', 'from', 'use', 'using']);

/** Answers remembered per model, by token index (the oldest forgotten first). */
const MAX_ANSWERS = 256;

function answers(model: DocumentModel): Map<number, RecognizedCall | null> {
  let memo = model.memo.get('answers') as Map<number, RecognizedCall | null> | undefined;
  if (memo === undefined) {
    memo = new Map();
    model.memo.set('answers', memo);
  }
  return memo;
}

/** Most module specifiers reported for one text. */
const MAX_MODULES = 32;
/** Top-level packages that are frameworks, never the user's own modules. */
const LIBRARIES = new Set([
  'torch',
  'tensorflow',
  'keras',
  'tf_keras',
  'jax',
  'flax',
  'haiku',
  'optax',
  'numpy',
  'scipy',
  'math',
  'transformers',
  'typing',
  'functools',
  'collections',
  'os',
  'sys',
  'dataclasses',
  'einops',
]);

/**
 * The modules a text imports that may be the user's own (relative imports, workspace packages), by the
 * specifier `RecognizeContext.readImport` will be asked for: the host reads them ahead of time.
 */
export function importedModules(text: string, languageId: string): string[] {
  const lang = langOf(languageId);
  if (typeof text !== 'string' || lang === undefined || lang === 'julia' || lang === 'cpp') {
    return [];
  }
  try {
    const { aliases, globs } = documentModel(text, lang).imports;
    const modules = new Set<string>(globs);
    for (const path of aliases.values()) {
      const dot = path.lastIndexOf('.');
      if (dot > 0) {
        modules.add(path.slice(0, dot));
      }
    }
    const own = (m: string): boolean =>
      lang === 'python'
        ? !LIBRARIES.has(m.split('.')[0])
        : lang === 'js'
          ? m.startsWith('.')
          : m.startsWith('crate.');
    return [...modules]
      .filter(own)
      .slice(0, MAX_MODULES)
      .map((m) => (lang === 'rust' ? m.replace(/\./g, '::') : m));
  } catch {
    return [];
  }
}

/** Recognition at token `ti` of a model: the small window, then the large one if the small cut too much. */
export function recognizeToken(model: DocumentModel, ti: number): RecognizedCall | undefined {
  if (depth >= MAX_DEPTH) {
    return undefined;
  }
  depth++;
  try {
    const small = recognizeIn(model, ti, SMALL);
    if (small !== 'retry') {
      return small;
    }
    const large = recognizeIn(model, ti, LARGE);
    return large === 'retry' ? undefined : large;
  } finally {
    depth--;
  }
}

/**
 * The member the name at token `ti` names (see matchMember), unless a local or parameter of the function
 * around it hides it: C++ reads a member by its bare name, and `auto gelu = torch::nn::GELU();` in a method
 * then `gelu->forward(x)` is the local. The bindings are asked only once a member answers.
 */
function unhiddenMember(
  model: DocumentModel,
  ti: number,
  recognize: (at: number) => RecognizedCall | undefined,
  ownOnly = false,
): RecognizedCall | undefined {
  const member = matchMember(model, ti, recognize, ownOnly);
  return member !== undefined && !boundInFunction(model, ti) ? member : undefined;
}

/**
 * Whether the name at token `ti` (not a member access's: `self.act`, `this->gelu`) is bound in a function
 * around it: a local or a parameter, not a global. (A name after `::` is no member either way.)
 */
function boundInFunction(model: DocumentModel, ti: number): boolean {
  if (model.isPunct(ti - 1, '.') || model.isPunct(ti - 1, '->')) {
    return false;
  }
  const binding = bindingOf(model, model.tokenText(ti), ti);
  return binding !== undefined && binding.scopeEnd !== Number.MAX_SAFE_INTEGER;
}

/** Whether the name at token `ti` follows `this->` (C++): a member of the class, whatever its name. */
function afterThisArrow(model: DocumentModel, ti: number): boolean {
  return model.isPunct(ti - 1, '->') && model.isWord(ti - 2, 'this');
}

function recognizeIn(
  model: DocumentModel,
  ti: number,
  [back, ahead]: readonly [number, number],
): RecognizedCall | undefined | 'retry' {
  // The statement's first token, or -1 when it is more than `back` tokens back (then the window is cut).
  const statement = model.statementStart(ti, back);
  if (statement < 0 && back < LARGE[0]) {
    // A window that starts inside a statement cannot tell which of its lines start statements (inside a long
    // bracketed list every element's line looks like one), so what it finds may be a part of a formula: the
    // statement is read in the large window instead.
    return 'retry';
  }
  const from = statement >= 0 ? statement : ti - back;
  // The window ends at a line end (as far as the large window reaches): a long one-line formula stays whole.
  let to = Math.min(model.count, ti + ahead + 1);
  const reach = Math.min(model.count, ti + LARGE[1] + 1);
  while (to < reach && (model.flags[to] & NL) === 0) {
    to++;
  }
  if (to < model.count && (model.flags[to] & STMT) === 0 && back < LARGE[0]) {
    // The window cuts the statement's end (a formula broken over lines inside a call's brackets): what it
    // holds may be a part of the formula (`torch.sigmoid(h)` of `torch.sigmoid(h) * (h)`), so the
    // statement is read in the large window instead, as for a cut start.
    return 'retry';
  }
  const toks = model.slice(from, to);
  const li = ti - from;
  const lang = model.lang;
  const scope: Scope = { toks, imports: model.imports, lang, model, base: from };
  const tok = toks[li];
  let found: RecognizedCall | undefined;
  if (tok.k === 'str') {
    found = matchString(scope, li) ?? matchConfigString(scope, li);
  } else if (tok.k === 'id') {
    if (onImportLine(scope, li)) {
      return undefined; // `from .act import GELUTanh` declares the name; uses are elsewhere
    }
    // A formula written out (`1 / (1 + np.exp(-x))`) spans names that are plain on their own.
    found = matchFormula(scope, li);
    const plain = found === undefined && isPlainName(model, ti);
    const recognize = (at: number): RecognizedCall | undefined => recognizeToken(model, at);
    // A C++ class's own member shadows a namespace's function (`softmax(x)` under `using namespace torch`),
    // and `this->gelu(x)` names the member outright.
    const ownMember = plain || (found === undefined && afterThisArrow(model, ti));
    const member =
      ownMember && lang === 'cpp' ? unhiddenMember(model, ti, recognize, true) : undefined;
    if (member !== undefined) {
      return member;
    }
    if (plain) {
      // A name the code binds or defines itself means what the code says, whatever its spelling.
      const local = localMeaning(model, ti, recognizeToken, preamble);
      if (local !== undefined) {
        return local ?? undefined;
      }
    }
    found ??= matchName(scope, li);
    if (found === undefined && plain && !IMPORTS.has(model.tokenText(model.stmt[ti]))) {
      // (A name listed in an import statement is imported there, not applied.)
      found = importedMeaning(model, ti, recognizeToken, context);
    }
    if (found === undefined) {
      found =
        lang === 'python'
          ? matchAttributeCall(
              model,
              ti,
              recognize,
              (v) => valueMeaning(model, v, recognizeToken),
              (name, cls) => methodMeaning(model, cls, name, recognizeToken),
            )
          : (unhiddenMember(model, ti, recognize) ??
            matchEnumVariant(model, ti, recognize) ??
            matchInstance(model, ti, recognize));
    }
    found ??= matchFormulaUse(scope, li);
  } else {
    found = matchFormula(scope, li) ?? matchFormulaUse(scope, li);
  }
  return found ?? (tok.k === 'str' ? undefined : matchParameterBody(model, ti, recognizeToken));
}
