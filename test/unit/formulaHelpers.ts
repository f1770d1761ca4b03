/**
 * Helpers for hand-written formula tests: a formula must be recognized as a whole wherever it is hovered
 * (its first character, every name and number in it, its last character), with the formula's span.
 */
import assert from 'node:assert/strict';
import './freshModels';
import { recognizeAt } from '../../src/core';
import { nthOffset, type Expected } from './recognizeHelpers';

/** Offsets of the formula's first and last character and of the middle of each word or number in it. */
function probes(start: number, expr: string): number[] {
  const out = [start, start + expr.length];
  for (const m of expr.matchAll(/[\p{L}\p{N}_.]+/gu)) {
    out.push(start + (m.index ?? 0) + Math.floor(m[0].length / 2));
  }
  return out;
}

/** Asserts the nth occurrence of `expr` is recognized as `expected` from every token in it. */
export function expectFormula(
  lang: string,
  text: string,
  expr: string,
  expected: Expected,
  nth = 0,
): void {
  const start = nthOffset(text, expr, nth);
  expectFormulaFrom(lang, text, start, expr, expected, probes(start, expr));
}

/**
 * Like expectFormula, for a formula holding a string literal: hovering inside the string reads the string
 * (an activation's name there is a configuration), so only the words outside it are probed.
 */
export function expectFormulaOutsideStrings(
  lang: string,
  text: string,
  expr: string,
  expected: Expected,
): void {
  const start = nthOffset(text, expr);
  const outside = expr.replace(/(["'])[^"']*\1/g, (q) => ' '.repeat(q.length));
  expectFormulaFrom(lang, text, start, expr, expected, probes(start, outside));
}

/** Asserts that `expr`, at `start`, is recognized as `expected` from each of `offsets`. */
function expectFormulaFrom(
  lang: string,
  text: string,
  start: number,
  expr: string,
  expected: Expected,
  offsets: readonly number[],
): void {
  for (const offset of offsets) {
    const got = recognizeAt(text, offset, lang);
    const where = `"${expr}" at ${offset - start} (${JSON.stringify(text.slice(offset - 3, offset + 3))})`;
    assert.ok(got, `nothing recognized for ${where}`);
    assert.equal(got.id, expected.id, where);
    assert.equal(got.framework, expected.framework, where);
    assert.equal(got.start, start, `start of ${where}`);
    assert.equal(got.end, start + expr.length, `end of ${where}`);
    for (const [name, value] of Object.entries(expected.params ?? {})) {
      const v: unknown = got.params[name];
      if (typeof value === 'number' && typeof v === 'number') {
        assert.ok(Math.abs(v - value) <= 1e-12 * Math.abs(value), `param ${name}=${v} of ${where}`);
      } else {
        assert.deepEqual(v, value, `param ${name} of ${where}`);
      }
    }
  }
}

/**
 * Asserts that no formula is read in `expr` (its nth occurrence): every offset gets nothing, or only a
 * library function's own name (`torch.tanh` inside a look-alike is still tanh).
 */
export function expectNoFormula(lang: string, text: string, expr: string, nth = 0): void {
  const start = nthOffset(text, expr, nth);
  for (let offset = start; offset <= start + expr.length; offset++) {
    const got = recognizeAt(text, offset, lang);
    const span = got === undefined ? '' : text.slice(got.start, got.end);
    assert.ok(
      got === undefined || /^[\p{L}\p{N}_]+$/u.test(span),
      `"${expr}" at ${offset - start} gave ${JSON.stringify(got)} over "${span}"`,
    );
  }
}

/**
 * Asserts that no hover anywhere in the nth `expr` covers the whole of it: the expression is no
 * activation, though a part of it may be one (`np.maximum(x, 0)` inside a look-alike is ReLU).
 */
export function expectNotWhole(lang: string, text: string, expr: string, nth = 0): void {
  const start = nthOffset(text, expr, nth);
  for (let offset = start; offset <= start + expr.length; offset++) {
    const got = recognizeAt(text, offset, lang);
    assert.ok(
      got === undefined || got.start > start || got.end < start + expr.length,
      `"${expr}" at ${offset - start} was read as ${JSON.stringify(got)}`,
    );
  }
}
