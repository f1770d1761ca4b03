/** The hover's prose never shows TeX braces: super- and subscript groups are written in Unicode. */
import { strict as assert } from 'node:assert';
import { listActivations, type Framework } from '../../src/core';
import { factsFor } from '../../src/hover/activationFacts';
import { hoverMarkdown } from '../../src/hover/hoverMarkdown';
import { unicodeMath } from '../../src/hover/proseMath';

const FRAMEWORKS: Framework[] = [
  'pytorch',
  'libtorch',
  'keras',
  'tensorflow',
  'tfjs',
  'jax',
  'flax',
  'flux',
  'numpy',
  'candle',
  'burn',
];

describe('unicodeMath', () => {
  it('writes a group whose characters all have superscripts as superscripts', () => {
    assert.equal(unicodeMath('1/(1 + e^{−x})'), '1/(1 + e⁻ˣ)');
    assert.equal(unicodeMath('x^{2} + x^{3}'), 'x² + x³');
  });
  it('writes other powers of e as exp(…), the softmax note included', () => {
    assert.equal(
      unicodeMath('computed as e^{z−max z}/Σ e^{z−max z} so nothing overflows.'),
      'computed as exp(z−max z)/Σ exp(z−max z) so nothing overflows.',
    );
    assert.equal(unicodeMath('log1p(e^{−|x|})'), 'log1p(exp(−|x|))');
  });
  it('keeps a non-e base and marks the power with ^(…)', () => {
    assert.equal(unicodeMath('2^{x/2}'), '2^(x/2)');
    // The e ending a word is not Euler's number.
    assert.equal(unicodeMath('cube^{x/2}'), 'cube^(x/2)');
  });
  it('writes subscripts the same way', () => {
    assert.equal(unicodeMath('z_{i} − z_{max}'), 'zᵢ − zₘₐₓ');
    assert.equal(unicodeMath('W_{fan in}'), 'W_(fan in)');
  });
  it('leaves text without groups, nested groups and overlong groups as written', () => {
    assert.equal(unicodeMath('max(0, x) · no maths here'), 'max(0, x) · no maths here');
    assert.equal(unicodeMath('e^{a^{b}}'), 'e^{aᵇ}');
    const long = `e^{${'y'.repeat(41)}}`;
    assert.equal(unicodeMath(long), long);
  });
});

describe('hover prose', () => {
  it('no catalogue activation shows a TeX group in its notes or differences', () => {
    for (const info of listActivations()) {
      for (const framework of FRAMEWORKS) {
        const facts = factsFor({ id: info.id, params: {}, framework, start: 0, end: 1 });
        assert.ok(facts, info.id);
        const markdown = hoverMarkdown({
          facts,
          callText: `${info.id}(x)`,
          settings: {
            sections: {
              formulas: false,
              plot: false,
              values: true,
              properties: true,
              differences: true,
              actions: false,
            },
            significantDigits: 4,
            plotRange: 'auto',
            fixedRange: 5,
          },
          theme: 'light',
          formulas: undefined,
        });
        assert.doesNotMatch(markdown, /[\^_]\\?\{/, `${info.id}: ${markdown}`);
      }
    }
  });
});
