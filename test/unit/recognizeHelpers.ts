/**
 * Helpers for the recognizer's unit tests: hover a word in a snippet and check what is recognized, at the
 * word's first character, its middle and its end (VS Code's word ranges include the end boundary).
 */
import assert from 'node:assert/strict';
import './freshModels';
import { recognizeAt, type RecognizedCall } from '../../src/core';

/** Offsets [start, end) of the nth occurrence of `word` in `text` (a whole-word match). */
export function spanOf(text: string, word: string, nth = 0): [number, number] {
  let from = 0;
  for (let seen = 0; ; seen++) {
    let at = text.indexOf(word, from);
    while (at >= 0 && !isWholeWord(text, at, word.length)) {
      at = text.indexOf(word, at + 1);
    }
    assert.ok(at >= 0, `"${word}" #${nth} not in snippet`);
    if (seen === nth) {
      return [at, at + word.length];
    }
    from = at + 1;
  }
}

/** Offset of the nth occurrence of `needle` in `text` (any substring, unlike {@link spanOf}). */
export function nthOffset(text: string, needle: string, nth = 0): number {
  let start = -1;
  for (let i = 0; i <= nth; i++) {
    start = text.indexOf(needle, start + 1);
  }
  assert.ok(start >= 0, `"${needle}" #${nth} not in snippet`);
  return start;
}

/** What is recognized with the cursor on the first character of the nth `needle`. */
export function recognizedAtStart(
  lang: string,
  text: string,
  needle: string,
  nth = 0,
): RecognizedCall | undefined {
  return recognizeAt(text, nthOffset(text, needle, nth), lang);
}

function isWholeWord(text: string, at: number, len: number): boolean {
  const word = /[\p{L}\p{N}_]/u;
  return !word.test(text[at - 1] ?? ' ') && !word.test(text[at + len] ?? ' ');
}

/** What is recognized with the cursor in the middle of the nth `word`. */
export function hover(
  lang: string,
  text: string,
  word: string,
  nth = 0,
): RecognizedCall | undefined {
  const [s, e] = spanOf(text, word, nth);
  return recognizeAt(text, Math.floor((s + e) / 2), lang);
}

/** The fields of a recognition a test checks. */
export interface Expected {
  id: string;
  framework: string;
  params?: Record<string, number | string | boolean>;
  arg?: number;
  nonLiteral?: string[];
}

/**
 * Asserts the nth `word` is recognized as `expected`, with the word's span, the same at its start, middle and
 * end. `params` lists the parameters that must be reported (others may be reported too).
 */
export function expectCall(
  lang: string,
  text: string,
  word: string,
  expected: Expected,
  nth = 0,
): void {
  const [s, e] = spanOf(text, word, nth);
  for (const offset of [s, Math.floor((s + e) / 2), e]) {
    const got = recognizeAt(text, offset, lang);
    const where = `${lang} "${word}" at ${offset} in:\n${text}`;
    assert.ok(got, `nothing recognized for ${where}`);
    assert.equal(got.id, expected.id, where);
    assert.equal(got.framework, expected.framework, where);
    assert.equal(got.start, s, `start of ${where}`);
    assert.equal(got.end, e, `end of ${where}`);
    for (const [name, value] of Object.entries(expected.params ?? {})) {
      assert.deepEqual(got.params[name], value, `param ${name} of ${where}`);
    }
    assert.equal(got.arg, expected.arg, `arg of ${where}`);
    assert.deepEqual(got.nonLiteral, expected.nonLiteral, `nonLiteral of ${where}`);
  }
}

/** Asserts that nothing is recognized anywhere on the nth `word`. */
export function expectNothing(lang: string, text: string, word: string, nth = 0): void {
  const [s, e] = spanOf(text, word, nth);
  for (let offset = s; offset <= e; offset++) {
    const got = recognizeAt(text, offset, lang);
    assert.equal(
      got,
      undefined,
      `${lang} "${word}" at ${offset} gave ${JSON.stringify(got)} in:\n${text}`,
    );
  }
}
