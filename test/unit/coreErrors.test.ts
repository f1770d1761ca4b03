/**
 * The core's API contract (src/core/activations/index.ts): every function validates its input and throws
 * an Error that names the id, the function called and the parameter or argument at fault, so the hover
 * and the panel can show it. Each case below is one a caller can make; the message must say what is wrong.
 */
import { strict as assert } from 'node:assert';
import {
  evaluate,
  evaluateArray,
  evaluateVector,
  gaussianStats,
  gradientThroughDepth,
  validateParams,
} from '../../src/core';

/** Asserts that `run` throws an Error whose message matches every pattern. */
function throwsSaying(run: () => unknown, ...patterns: RegExp[]): void {
  assert.throws(run, (e: unknown) => {
    assert.ok(e instanceof Error);
    for (const p of patterns) {
      assert.match(e.message, p);
    }
    return true;
  });
}

describe('core errors name what is wrong', () => {
  it('a vector id passed to a scalar API names the API that was called', () => {
    throwsSaying(() => evaluate('softmax', 0), /^softmax\b/, /\bevaluate\b/);
    throwsSaying(() => evaluateArray('softmax', new Float64Array(2)), /\bevaluateArray\b/);
    throwsSaying(() => gaussianStats('softmax', 0, 1), /\bgaussianStats\b/);
    throwsSaying(
      () => gradientThroughDepth('softmax', { mu: 0, sigma: 1, gain: 1, depth: 1 }),
      /\bgradientThroughDepth\b/,
    );
  });

  it('parameters that are not an object, not a number, not finite or out of range', () => {
    throwsSaying(() => evaluate('elu', 0, 5 as never), /^elu: parameters must be an object/);
    throwsSaying(() => evaluate('elu', 0, { alpha: '1' }), /'alpha' must be a number, got "1"/);
    throwsSaying(() => evaluate('elu', 0, { alpha: NaN }), /'alpha' must be a number, got NaN/);
    throwsSaying(() => evaluate('elu', 0, { alpha: Infinity }), /'alpha' must be finite/);
    // Keras' max_value=None is +∞; −∞ is no saturation value at all.
    assert.equal(evaluate('relu', 7, { max_value: Infinity }).y, 7);
    throwsSaying(() => evaluate('relu', 0, { max_value: -Infinity }), /'max_value' must be finite/);
    throwsSaying(() => evaluate('relu', 0, { max_value: -1 }), /'max_value' must be ≥ 0, got -1/);
  });

  it("a choice parameter lists the framework's choices (PyTorch gelu approximate: 'none' or 'tanh')", () => {
    throwsSaying(
      () => evaluate('gelu', 0, { approximate: 'fast' }),
      /'approximate' must be one of "none", "tanh", got "fast"/,
    );
    throwsSaying(() => evaluate('gelu', 0, { approximate: 1 }), /got 1$/);
  });

  it("evaluateArray's output arrays must be Float64Arrays of the input's length, each named", () => {
    const xs = new Float64Array([0, 1]);
    throwsSaying(
      () => evaluateArray('relu', xs, {}, { y: [0, 0] as never }),
      /out\.y must be a Float64Array/,
    );
    throwsSaying(
      () => evaluateArray('relu', xs, {}, { dy: [0, 0] as never }),
      /out\.dy must be a Float64Array/,
    );
    throwsSaying(
      () => evaluateArray('relu', xs, {}, { d2y: [0, 0] as never }),
      /out\.d2y must be a Float64Array/,
    );
  });

  it('a vector input may have "at most 1024 entries"', () => {
    assert.equal(evaluateVector('softmax', new Array<number>(1024).fill(0)).y.length, 1024);
    throwsSaying(
      () => evaluateVector('softmax', new Array<number>(1025).fill(0)),
      /at most 1024 entries, got 1025/,
    );
  });

  it('a vector input must be an array', () => {
    throwsSaying(
      () => evaluateVector('softmax', 5 as never),
      /^softmax: input must be an array of numbers/,
    );
    throwsSaying(() => evaluateVector('softmax', 'ab' as never), /must be an array of numbers/);
  });

  it('Gaussian statistics and depth name the argument at fault', () => {
    throwsSaying(() => gaussianStats('elu', NaN, 1), /^elu: mu must be a finite number/);
    throwsSaying(() => gaussianStats('elu', 0, -1), /^elu: sigma must be ≥ 0/);
    throwsSaying(
      () => gradientThroughDepth('elu', null as never),
      /needs \{ mu, sigma, gain, depth \}/,
    );
    throwsSaying(
      () => gradientThroughDepth('elu', 3 as never),
      /needs \{ mu, sigma, gain, depth \}/,
    );
    throwsSaying(
      () => gradientThroughDepth('elu', { mu: 'a' as never, sigma: 1, gain: 1, depth: 1 }),
      /^elu: mu must be a finite number/,
    );
  });

  it('depth runs "from 0 to 10000", both ends included, as the message says', () => {
    const opts = { mu: 0, sigma: 1, gain: 1 };
    assert.equal(gradientThroughDepth('tanh', { ...opts, depth: 10000 }).cumulative.length, 10000);
    assert.equal(gradientThroughDepth('tanh', { ...opts, depth: 0 }).cumulative.length, 0);
    throwsSaying(
      () => gradientThroughDepth('tanh', { ...opts, depth: 10001 }),
      /from 0 to 10000, got 10001/,
    );
  });

  it('a parameter plots "between −1e100 and 1e100", both ends included', () => {
    assert.equal(validateParams('elu', { alpha: 1e100 }), undefined);
    assert.equal(validateParams('elu', { alpha: -1e100 }), undefined);
    assert.match(validateParams('elu', { alpha: 1e101 }) ?? '', /'alpha'/);
  });
});
