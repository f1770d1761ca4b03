/**
 * JavaScript function values (src/core/recognize/jsFunctions.ts) and Julia struct fields (juliaFields.ts):
 * which calls around an arrow are TF.js's `tidy`, where an arrow's expression ends, and which values are
 * function expressions at all.
 *
 * Where the expected values come from:
 * - tfjs-core's API: `tf.tidy(fn)` returns what `fn` returns; `tf.time(fn)` resolves to a `TimingInfo`
 *   (kernel and wall times) and `tf.profile(fn)` to a `ProfileInfo` (bytes, kernels): neither is the
 *   activation's output, so a function returning them is no activation. `tf.relu6` clips at 6 and `tf.selu`
 *   takes no parameters.
 * - ECMAScript: the braces after `if (…)` open a block of the same function, however long the condition,
 *   so its `return x` is the function's: a function that hands its input back on some path is no
 *   activation. A comma between declarators (`const a = …, b = …;`) ends the first initializer; an arrow
 *   function is a parameter list (or one name), then `=>` (a TypeScript return type `: T` may come
 *   between, and type parameters `<T extends tf.Tensor<tf.Rank>>` before), so a parenthesised expression followed by `*` is no function, and automatic semicolon
 *   insertion ends a declaration at the line break before `const`; a line ending in `=>` goes on (no
 *   line break is allowed before `=>`, and after it the body follows), as Prettier breaks long arrows.
 * - Hugging Face transformers' `QuickGELUActivation` is `x * sigmoid(1.702 * x)` (Hendrycks and Gimpel's
 *   sigmoid approximation of GELU), catalogued as `quick_gelu`.
 * - The Julia manual: a struct's fields are the names alone or typed on their own lines, and a string
 *   before a field is its docstring; in `Base.@kwdef` a field may have a default (`σ = hardσ`). NNlib:
 *   `hardσ` is hard sigmoid with slope 1/6. "No hover" where a word names the code's own field.
 */
import { expectCall, expectNothing } from './recognizeHelpers';

const JS = 'javascript';
const TS = 'typescript';
const JULIA = 'julia';
const TFJS = 'tfjs';
const FLUX = 'flux';

describe('TF.js calls around an arrow: only tidy returns its value', () => {
  const src = `// bench/activations.js: how long each activation takes on the current backend.
import * as tf from '@tensorflow/tfjs';

/** The activation itself, its intermediates freed. */
const rectify = (x) => tf.tidy(() => tf.relu(x));

/** Resolves to the kernel times of one ReLU, not to its output. */
const timeRelu = (x) => tf.time(() => tf.relu(x));

/** Resolves to the memory profile of one ELU. */
const profileElu = (x) => tf.profile(() => tf.elu(x));

export async function report(x) {
  const y = rectify(x);
  const timing = await timeRelu(x);
  const profile = await profileElu(x);
  console.log(timing.kernelMs, profile.peakBytes, y.shape);
}
`;

  it('an arrow returning tf.tidy(() => tf.relu(x)) is ReLU', () => {
    expectCall(JS, src, 'rectify', { id: 'relu', framework: TFJS }, 1);
  });

  it('arrows returning tf.time(…) or tf.profile(…) of an activation are no activation', () => {
    expectNothing(JS, src, 'timeRelu', 1);
    expectNothing(JS, src, 'profileElu', 1);
  });
});

describe('TF.js arrows declared together on one line', () => {
  const src = `import * as tf from '@tensorflow/tfjs';

// The two activations of the quantized path, declared together.
const clip6 = (x) => tf.relu6(x), scaled = (x) => tf.selu(x);

export function quantizedBlock(h) {
  return clip6(h.matMul(kernel)).add(bias);
}
`;

  it('the first arrow ends at the comma: it is ReLU6, not the rest of the line', () => {
    expectCall(JS, src, 'clip6', { id: 'relu6', framework: TFJS }, 1);
  });
});

describe('TF.js values before an arrow, in code without semicolons', () => {
  const src = `import * as tf from '@tensorflow/tfjs'

export function block (x, skip, ready) {
  const pair = [x, skip]
  const act = (x) => tf.relu(x)
  const mixed = (x + skip) * 0.5
  if (ready) {
    const gate = (x) => tf.sigmoid(x)
    return gate(mixed).add(act(pair[0]))
  }
  return act(mixed)
}
`;

  it('an array literal is no parameter list, though an arrow follows on the next line', () => {
    expectNothing(JS, src, 'pair', 1);
    expectCall(JS, src, 'act', { id: 'relu', framework: TFJS }, 1);
  });

  it('a parenthesised number before an if block is no function; the arrow inside the block is', () => {
    expectNothing(JS, src, 'mixed', 1);
    expectCall(JS, src, 'gate', { id: 'sigmoid', framework: TFJS }, 1);
  });
});

describe('TF.js: a guard with a long condition is a block of the same function', () => {
  const src = `import * as tf from '@tensorflow/tfjs';

/** Dtypes the relu kernel rejects or that carry no magnitude to rectify. */
const PASS_THROUGH = new Set(['string', 'bool']);

/**
 * ReLU for feature maps. Inputs the kernel cannot take, or that are not feature maps at all (scalars,
 * vectors, empty batches), pass through unchanged.
 */
export const rectifyMaps = function (x: tf.Tensor): tf.Tensor {
  if (
    PASS_THROUGH.has(x.dtype) ||
    x.dtype === 'complex64' ||
    x.rank === 0 ||
    x.rank === 1 ||
    (x.rank === 2 && x.shape[0] === 0) ||
    x.shape.some((d) => d === 0) ||
    x.isDisposed
  ) {
    return x;
  }
  return tf.relu(x);
};

export const features = (h: tf.Tensor) => rectifyMaps(h);
`;

  it('the input handed back inside the if makes the function no activation', () => {
    expectNothing(TS, src, 'rectifyMaps', 1);
  });
});

describe('TF.js: a generic arrow whose constraint has type arguments', () => {
  const src = `import * as tf from '@tensorflow/tfjs';

/** Keeps the rank of its input: a Tensor2D in gives a Tensor2D out. */
export const rectifyRanked = <T extends tf.Tensor<tf.Rank>>(x: T): T => tf.relu(x);

export const hidden = (h: tf.Tensor2D) => rectifyRanked(h);
`;

  it('<T extends tf.Tensor<tf.Rank>>(x: T): T => tf.relu(x) is ReLU', () => {
    expectCall(TS, src, 'rectifyRanked', { id: 'relu', framework: TFJS }, 1);
  });
});

describe('TF.js arrows broken after => by the formatter', () => {
  const src = `import * as tf from '@tensorflow/tfjs';

/** GELU by its sigmoid approximation, x·σ(1.702x) (Hendrycks and Gimpel, 2016). */
export const sigmoidGelu = (x: tf.Tensor<tf.Rank>): tf.Tensor<tf.Rank> =>
  tf.tidy(() => x.mul(tf.sigmoid(x.mul(1.702))));

export const rectifiedFeatures = (features: tf.Tensor2D): tf.Tensor2D =>
  tf.relu(features);

export const head = (h: tf.Tensor2D) => [sigmoidGelu(h), rectifiedFeatures(h)];
`;

  it('the expression on the next line is the body: x·σ(1.702x) and ReLU', () => {
    expectCall(TS, src, 'sigmoidGelu', { id: 'quick_gelu', framework: TFJS }, 1);
    expectCall(TS, src, 'rectifiedFeatures', { id: 'relu', framework: TFJS }, 1);
  });
});

describe('Julia struct fields: docstrings and @kwdef defaults', () => {
  const src = `module Heads

using Flux

"""Settings of a gated head, built by keyword."""
Base.@kwdef struct GateConfig
    σ = hardσ
    width::Int = 16
end

"""A gated head: the gate's activation is a field."""
struct GatedHead{F}
    "the gate's activation"
    σ::F
end

GatedHead(c::GateConfig) = GatedHead(c.σ)

(h::GatedHead)(x) = h.σ.(x) .* x

end
`;

  it("a @kwdef field's name is the struct's own, its default NNlib's hard sigmoid", () => {
    expectNothing(JULIA, src, 'σ', 0);
    expectCall(JULIA, src, 'hardσ', {
      id: 'hardsigmoid',
      framework: FLUX,
      params: { slope: 1 / 6 },
    });
  });
});

describe('TF.js: a parenthesised value is no parameter list', () => {
  const src = `import * as tf from '@tensorflow/tfjs'

export function residual (x, skip) {
  const mixed = (x + skip) * 0.5
  const act = (x) => tf.relu(x)
  return act(mixed)
}

/** Scaled by the inverse square root of the width (the last axis), then a smooth gate added. */
export function scaledGate (x) {
  const scale = (x.shape[1]) ** -0.5
  const softplus = (x) => tf.softplus(x)
  return x.mul(scale).add(softplus(x))
}
`;

  it('(x + skip) * 0.5 is a number, though an arrow starts the next line (no semicolons)', () => {
    expectNothing(JS, src, 'mixed', 1);
    expectCall(JS, src, 'act', { id: 'relu', framework: TFJS }, 1);
  });

  it('(x.shape[1]) ** -0.5 is a number too, and the arrow after it is still softplus', () => {
    expectNothing(JS, src, 'scale', 1);
    expectCall(JS, src, 'softplus', { id: 'softplus', framework: TFJS }, 1);
  });
});
