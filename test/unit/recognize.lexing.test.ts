/**
 * The recognizer's tokenizer and literal parser: comments vanish, strings and numbers are single tokens in
 * each language family's own syntax, and numeric literals parse in every spelling our languages have.
 */
import assert from 'node:assert/strict';
import './freshModels';
import { evalLiteral, parseNumber } from '../../src/core/recognize/literals';
import { tokenize, type Lang } from '../../src/core/recognize/tokenizer';

function texts(src: string, lang: Lang): string[] {
  return tokenize(src, 0, src.length, lang).map((t) => t.t);
}

describe('recognizer tokenizer', () => {
  it('drops Python comments and keeps prefixed and triple-quoted strings whole', () => {
    assert.deepEqual(texts('f(rb"a#b") # relu(x)\n"""x\n y"""', 'python'), [
      'f',
      '(',
      'rb"a#b"',
      ')',
      '"""x\n y"""',
    ]);
  });

  it('drops C-like line and block comments and lexes the code inside template literals', () => {
    assert.deepEqual(texts('a /* relu(x) */ b // c\n`t${x}`', 'js'), ['a', 'b', '`t${', 'x', '}`']);
    assert.deepEqual(texts('`a ${ {k: 1}.k } b` + `\\${c}`', 'js'), [
      '`a ${',
      '{',
      'k',
      ':',
      '1',
      '}',
      '.',
      'k',
      '} b`',
      '+',
      '`\\${c}`',
    ]);
  });

  it('tells Julia transposes from chars and skips nested block comments', () => {
    assert.deepEqual(texts("x' #= a #= b =# c =# 'c'", 'julia'), ['x', "'", "'c'"]);
    assert.deepEqual(texts('relu!(x) != y', 'julia'), ['relu!', '(', 'x', ')', '!=', 'y']);
  });

  it('tells Rust lifetimes from chars', () => {
    assert.deepEqual(texts("fn f<'a>(c: char) { 'x' }", 'rust'), [
      'fn',
      'f',
      '<',
      "'",
      'a',
      '>',
      '(',
      'c',
      ':',
      'char',
      ')',
      '{',
      "'x'",
      '}',
    ]);
  });

  it('keeps numbers with exponents, suffixes and separators as one token', () => {
    assert.deepEqual(texts('1e-2 .5 0.2f0 1f-2 1_000 6. x.0', 'julia'), [
      '1e-2',
      '.5',
      '0.2f0',
      '1f-2',
      '1_000',
      '6.',
      'x',
      '.',
      '0',
    ]);
    assert.deepEqual(texts('2.0_f64 1_000u32 0x1Fu8', 'rust'), ['2.0_f64', '1_000u32', '0x1Fu8']);
    assert.deepEqual(texts('0.2f 1e-2f 0x1F', 'cpp'), ['0.2f', '1e-2f', '0x1F']);
  });

  // Julia's numeric literal coefficients: `0.5x` is 0.5 * x (the Julia manual, "Numeric Literal
  // Coefficients"); `0x`, `0b` and `0o` numbers keep their letters as digits.
  it('ends a Julia number at a name written against it (a coefficient)', () => {
    assert.deepEqual(texts('0.5x 2σ 1e-3x 0.5f0x 1_000x 2e 0x1F 0b101 0o17 3im', 'julia'), [
      '0.5',
      'x',
      '2',
      'σ',
      '1e-3',
      'x',
      '0.5f0',
      'x',
      '1_000',
      'x',
      '2',
      'e',
      '0x1F',
      '0b101',
      '0o17',
      '3',
      'im',
    ]);
  });
});

describe('recognizer literals', () => {
  it('parses numbers in every spelling', () => {
    const cases: [string, number][] = [
      ['1e-2', 0.01],
      ['.1', 0.1],
      ['6.', 6],
      ['0.2f0', 0.2],
      ['1f-2', 0.01],
      ['0.2f', 0.2],
      ['2.0f64', 2],
      ['2.0_f64', 2],
      ['1_000', 1000],
      ["1'000", 1000],
      ['0x10', 16],
      ['3', 3],
    ];
    for (const [raw, value] of cases) {
      assert.equal(parseNumber(raw), value, raw);
    }
    assert.equal(parseNumber('1e999'), undefined);
    assert.equal(parseNumber('abc'), undefined);
  });

  it('evaluates signs, fractions, parentheses, strings and words, and nothing else', () => {
    const ev = (src: string, lang: Lang = 'python') => {
      const toks = tokenize(src, 0, src.length, lang);
      return evalLiteral(toks, 0, toks.length, lang);
    };
    assert.equal(ev('-0.5'), -0.5);
    assert.equal(ev('1/3'), 1 / 3);
    assert.equal(ev('1//3', 'julia'), 1 / 3);
    assert.equal(ev('-(2)'), -2);
    assert.equal(ev('"tanh"'), 'tanh');
    assert.equal(ev('True'), true);
    assert.equal(ev('None'), null);
    assert.equal(ev('1/0'), undefined);
    assert.equal(ev('self.slope'), undefined);
    assert.equal(ev('2 * x'), undefined);
    assert.equal(ev('-"a"'), undefined);
  });
});
