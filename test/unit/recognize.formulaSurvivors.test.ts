/**
 * Hand-written formulas outside Python's own parameter handling: a parameter's default read from a
 * TypeScript, JavaScript or C++ signature (`slope: number = 0.2`, `double beta = 1.0`, a default after a
 * bracketed one), a JavaScript call's own arguments standing for the defaults (`swish(v, 2)`), and the
 * framework a tensor method names in each language. Expected values are the math: max(x, 0.2·x) is leaky
 * ReLU with slope 0.2, x·σ(1.702·x) is the quick GELU, log(1 + e^{βx})/β is softplus with that β; a
 * parameter with no literal value (no default, a named constant, an expression at the call) makes no hover.
 */
import './freshModels';
import assert from 'node:assert/strict';
import { expectFormula, expectNoFormula } from './formulaHelpers';
import { expectCall, hover } from './recognizeHelpers';

const TS = 'typescript';
const JS = 'javascript';

/** The call at the `nth` occurrence of `word` is TF.js' leaky ReLU with slope `slope`. */
function expectTfjsLeaky(
  lang: string,
  src: string,
  word: string,
  slope: number,
  nth: number,
): void {
  expectCall(
    lang,
    src,
    word,
    {
      id: 'leaky_relu',
      framework: 'tfjs',
      params: { negative_slope: slope },
    },
    nth,
  );
}

describe('formula parameters: defaults in TypeScript and JavaScript signatures', () => {
  const SRC = `import * as tf from '@tensorflow/tfjs';

const DEFAULT_SLOPE = 0.3;

/** Leaky ReLU with an annotated default: max(x, slope * x). */
export function leaky(x: tf.Tensor, slope: number = 0.2): tf.Tensor {
  return tf.maximum(x, tf.mul(slope, x));
}

/** The same, the slope optional and never filled in: no value to show. */
export function leakyOptional(x: tf.Tensor, slope?: number): tf.Tensor {
  return tf.maximum(x, tf.mul(slope, x));
}

/** The slope from a module constant: a name, not a literal. */
export function leakyConstant(x: tf.Tensor, slope = DEFAULT_SLOPE): tf.Tensor {
  return tf.maximum(x, tf.mul(slope, x));
}

/** Softplus with a sharpness: log(1 + exp(beta * x)) / beta. */
export function softplus(x: number, beta = 2): number {
  return Math.log(1 + Math.exp(beta * x)) / beta;
}

/** The quick GELU, x * sigmoid(1.702 x), its constant after a bracketed default. */
export function quickGelu(x: tf.Tensor, range: [number, number] = [-8, 8], k = 1.702): tf.Tensor {
  return x.mul(tf.sigmoid(x.mul(k)));
}

/** A default inside brackets is not the next parameter's: (lo, hi) has no default of its own. */
export function clipped(x: tf.Tensor, bounds = { lo: 0, hi: 6 }, lo: number, hi: number): tf.Tensor {
  return tf.clipByValue(x, lo, hi);
}
`;

  it("reads an annotated parameter's default as the formula's constant", () => {
    expectFormula(TS, SRC, 'tf.maximum(x, tf.mul(slope, x))', {
      id: 'leaky_relu',
      framework: 'tfjs',
      params: { negative_slope: 0.2 },
    });
    expectFormula(TS, SRC, 'Math.log(1 + Math.exp(beta * x)) / beta', {
      id: 'softplus',
      framework: 'other',
      params: { beta: 2 },
    });
  });

  it('reads a default that follows a bracketed default', () => {
    expectFormula(TS, SRC, 'x.mul(tf.sigmoid(x.mul(k)))', { id: 'quick_gelu', framework: 'tfjs' });
  });

  it('leaves a parameter with no default, or a default that is a name, alone', () => {
    expectNoFormula(TS, SRC, 'tf.maximum(x, tf.mul(slope, x))', 1);
    expectNoFormula(TS, SRC, 'tf.maximum(x, tf.mul(slope, x))', 2);
    expectNoFormula(TS, SRC, 'tf.clipByValue(x, lo, hi)');
  });
});

describe('formula parameters: defaults in C++ signatures', () => {
  const SRC = `#include <torch/torch.h>

// Leaky ReLU written out, with the slope a defaulted argument.
torch::Tensor leaky(const torch::Tensor& x, double slope = 0.01) {
  return torch::maximum(x, slope * x);
}

// The same with no default: the slope is whatever the caller passes.
torch::Tensor leaky_free(const torch::Tensor& x, double slope) {
  return torch::maximum(x, slope * x);
}

// Swish with its beta.
torch::Tensor swish(const torch::Tensor& x, double beta = 1.0) {
  return x * torch::sigmoid(beta * x);
}
`;

  it('reads `double slope = 0.01` as the slope, and a parameter with none as nothing', () => {
    expectFormula('cpp', SRC, 'torch::maximum(x, slope * x)', {
      id: 'leaky_relu',
      framework: 'libtorch',
      params: { negative_slope: 0.01 },
    });
    expectNoFormula('cpp', SRC, 'torch::maximum(x, slope * x)', 1);
    expectFormula('cpp', SRC, 'x * torch::sigmoid(beta * x)', {
      id: 'silu',
      framework: 'libtorch',
      params: { beta: 1 },
    });
  });
});

describe("formula parameters: a JavaScript call's own arguments", () => {
  const SRC = `// Swish with a trainable-looking beta, written out.
function swish(x, beta = 1) {
  return x / (1 + Math.exp(-beta * x));
}

function forward(v, k) {
  const a = swish(v);
  const b = swish(v, 2);
  const c = swish(v, k);
  const d = swish(v, 0.5 * k);
  return [a, b, c, d];
}
`;

  it('shows the default where the call gives none, the literal where it gives one', () => {
    expectCall(JS, SRC, 'swish', { id: 'silu', framework: 'other', params: { beta: 1 } }, 1);
    expectCall(JS, SRC, 'swish', { id: 'silu', framework: 'other', params: { beta: 2 } }, 2);
  });

  it('shows nothing where the call passes an expression for beta', () => {
    assert.equal(hover(JS, SRC, 'swish', 3), undefined);
    assert.equal(hover(JS, SRC, 'swish', 4), undefined);
  });
});

describe("formula parameters: a TypeScript call's arguments, by position", () => {
  const SRC = `import * as tf from '@tensorflow/tfjs';

/** Keras' hard sigmoid written out: clip(slope * x + offset, 0, 1). */
export function hardSigmoid(x: tf.Tensor, slope = 0.2, offset = 0.5): tf.Tensor {
  return tf.clipByValue(tf.add(tf.mul(x, slope), offset), 0, 1);
}

/** Leaky ReLU whose slope the caller must give. */
export function leakyGiven(x: tf.Tensor, slope?: number): tf.Tensor {
  return tf.maximum(x, tf.mul(slope, x));
}

/** A default computed by a call comes before the slope's. */
export function leakyScaled(x: tf.Tensor, gain: number = Math.sqrt(2), slope = 0.2): tf.Tensor {
  return tf.maximum(x, tf.mul(slope, x));
}

/** A generic type's comma (\`Map<string, number>\`) separates no parameters: the slope is the third. */
export function leakyTagged(
  x: tf.Tensor,
  tags: Map<string, number> = new Map(),
  slope = 0.2,
): tf.Tensor {
  return tf.maximum(x, tf.mul(slope, x));
}

export function head(v: tf.Tensor): tf.Tensor[] {
  const gentle = hardSigmoid(v, 0.25);
  const keras = hardSigmoid(v, 0.2, 0.5);
  const shifted = hardSigmoid(v, 0.2, 0.4);
  const given = leakyGiven(v, 0.25);
  const missing = leakyGiven(v);
  const tagged = leakyTagged(v, new Map(), 0.3);
  return [gentle, keras, shifted, given, missing, tagged];
}
`;

  it('gives each literal argument to the parameter in its place', () => {
    // clip(0.25x + 0.5, 0, 1): the hard sigmoid of slope 0.25; the offset stays the default 0.5.
    expectCall(
      TS,
      SRC,
      'hardSigmoid',
      {
        id: 'hardsigmoid',
        framework: 'tfjs',
        params: { slope: 0.25 },
      },
      1,
    );
    expectCall(
      TS,
      SRC,
      'hardSigmoid',
      {
        id: 'hardsigmoid',
        framework: 'tfjs',
        params: { slope: 0.2 },
      },
      2,
    );
    // The optional slope is given by the call: max(x, 0.25x).
    expectTfjsLeaky(TS, SRC, 'leakyGiven', 0.25, 1);
  });

  it('counts the parameters of a signature with a generic type', () => {
    // leakyTagged(v, new Map(), 0.3) computes max(v, 0.3v): the call's slope, not the default 0.2.
    expectTfjsLeaky(TS, SRC, 'leakyTagged', 0.3, 1);
  });

  it('leaves a call whose arguments make no activation, or leave the slope unset', () => {
    // clip(0.2x + 0.4, 0, 1) is 0.4 at 0, not ½: no hard sigmoid.
    assert.equal(hover(TS, SRC, 'hardSigmoid', 3), undefined);
    assert.equal(hover(TS, SRC, 'leakyGiven', 2), undefined);
  });

  it('reads the slope after a default that calls a function', () => {
    expectFormula(
      TS,
      SRC,
      'tf.maximum(x, tf.mul(slope, x))',
      {
        id: 'leaky_relu',
        framework: 'tfjs',
        params: { negative_slope: 0.2 },
      },
      1,
    );
  });
});

describe('user functions whose signature holds braces (an options object, a type literal)', () => {
  const SRC = `import * as tf from '@tensorflow/tfjs';

interface LayerOptions {
  name?: string;
  trainable?: boolean;
}

/** Leaky ReLU after an options bag: max(x, slope * x). */
export function leakyWithOptions(x: tf.Tensor, opts: LayerOptions = {}, slope = 0.2): tf.Tensor {
  return tf.maximum(x, tf.mul(slope, x));
}

/** Swish with its options typed inline; beta is not read from them here. */
export function swish(x: tf.Tensor, options: { beta?: number; name?: string } = {}): tf.Tensor {
  return x.mul(tf.sigmoid(x));
}

/** Looks like an activation's name, computes a sum: not one. */
export function relu6Count(xs: number[], opts = { strict: true }): number {
  return xs.filter((v) => v > 0 && v < 6).length;
}

export function block(h: tf.Tensor, slopeFromConfig: number): tf.Tensor[] {
  const a = leakyWithOptions(h);
  const b = leakyWithOptions(h, { name: 'leaky' }, 0.3);
  const c = leakyWithOptions(h, {}, slopeFromConfig);
  const d = swish(h, { name: 'swish' });
  const n = relu6Count([1, 2, 7]);
  return [a, b, c, d, tf.scalar(n)];
}
`;

  it("reads the function's body past the braces of its parameters", () => {
    // Before: the first { of the parameter list was taken for the body, and the call was never read.
    expectTfjsLeaky(TS, SRC, 'leakyWithOptions', 0.2, 1);
    expectTfjsLeaky(TS, SRC, 'leakyWithOptions', 0.3, 2);
    expectCall(TS, SRC, 'swish', { id: 'silu', framework: 'tfjs', params: { beta: 1 } }, 1);
  });

  it('leaves a slope the call gives as a name, and a function that computes no activation', () => {
    assert.equal(hover(TS, SRC, 'leakyWithOptions', 3), undefined);
    assert.equal(hover(TS, SRC, 'relu6Count', 1), undefined);
  });
});

describe('JavaScript function values: parameter defaults and the arguments of their calls', () => {
  const SRC = `import * as tf from '@tensorflow/tfjs';

// Activations as values, the way small TF.js models pass them around.
export const leaky = (x, slope = 0.1) => tf.maximum(x, x.mul(slope));

export const leakyBlock = (x, slope = 0.1) => {
  const scaled = x.mul(slope);
  return tf.maximum(x, scaled);
};

export const softplus = function (x, beta = 1) {
  return tf.div(tf.log1p(tf.exp(tf.mul(beta, x))), beta);
};

/** Not an activation's constant: alpha comes from the enclosing scope, not the arrow's parameters. */
export const scaleAll = (xs, alpha) => xs.map((v) => tf.maximum(v, v.mul(alpha)));

export function head(h, cfg) {
  return [
    leaky(h),
    leaky(h, 0.3),
    leaky(h, cfg.slope),
    leakyBlock(h, 0.25),
    softplus(h, 2),
  ];
}
`;

  it("reads an arrow's expression body with the arrow's own defaults", () => {
    expectFormula(JS, SRC, 'tf.maximum(x, x.mul(slope))', {
      id: 'leaky_relu',
      framework: 'tfjs',
      params: { negative_slope: 0.1 },
    });
    expectTfjsLeaky(JS, SRC, 'leaky', 0.1, 1);
  });

  it("shows the slope a call passes, for an arrow's expression or block body and a function expression", () => {
    // Before: leakyBlock(h, 0.25) was shown with the default slope 0.1, which it does not compute.
    expectTfjsLeaky(JS, SRC, 'leaky', 0.3, 2);
    expectTfjsLeaky(JS, SRC, 'leakyBlock', 0.25, 1);
    expectCall(
      JS,
      SRC,
      'softplus',
      {
        id: 'softplus',
        framework: 'tfjs',
        params: { beta: 2 },
      },
      1,
    );
  });

  it('shows nothing for a slope the call gives as an expression, or a name from outside the arrow', () => {
    assert.equal(hover(JS, SRC, 'leaky', 3), undefined);
    assert.equal(hover(JS, SRC, 'tf.maximum(v, v.mul(alpha))'), undefined);
  });
});

describe('formulas: the framework a tensor method names', () => {
  it('reads tensor methods in JavaScript as TF.js and in C++ as LibTorch', () => {
    // No import names a library: the methods alone say which one (\`.mul\`, \`.sigmoid()\` on a tensor).
    const js = `export function swish(x) {
  return x.mul(x.sigmoid());
}
`;
    expectFormula(JS, js, 'x.mul(x.sigmoid())', { id: 'silu', framework: 'tfjs' });
    const cpp = `#include <vector>

at::Tensor swish(const at::Tensor& x) {
  return x * x.sigmoid();
}
`;
    expectFormula('cpp', cpp, 'x * x.sigmoid()', { id: 'silu', framework: 'libtorch' });
  });
});

describe('formulas over temporaries in braced bodies', () => {
  const JS_SRC = `// Swish over a temporary gate, and a gate that a branch may overwrite.
export function swish(x) {
  const gate = 1 / (1 + Math.exp(-x));
  return x * gate;
}

export function maybeSwish(x, plain) {
  let gate = 1 / (1 + Math.exp(-x));
  if (plain) {
    gate = 1;
  }
  return x * gate;
}

export function loopGate(xs) {
  const out = [];
  for (const x of xs) {
    const gate = 1 / (1 + Math.exp(-x));
    out.push(x * gate);
  }
  return out;
}

export const swishArrow = (x) => {
  const gate = 1 / (1 + Math.exp(-x));
  return x * gate;
};
`;

  it('reads a top-level temporary of a function or arrow body, also inside a loop body', () => {
    expectFormula(JS, JS_SRC, 'x * gate', { id: 'silu', framework: 'other' });
    expectFormula(JS, JS_SRC, 'x * gate', { id: 'silu', framework: 'other' }, 2);
    expectFormula(JS, JS_SRC, 'x * gate', { id: 'silu', framework: 'other' }, 3);
  });

  it('leaves a temporary a branch may have replaced', () => {
    // With plain set, the function returns x: not SiLU on every path.
    expectNoFormula(JS, JS_SRC, 'x * gate', 1);
  });

  const CPP_SRC = `#include <torch/torch.h>

// SiLU through a temporary, and a gate only defined inside a block that has ended.
torch::Tensor silu(const torch::Tensor& x) {
  auto gate = torch::sigmoid(x);
  return x * gate;
}

torch::Tensor scoped(const torch::Tensor& x, const torch::Tensor& gate) {
  {
    auto gate = torch::sigmoid(x);
    (void)gate;
  }
  return x * gate;
}
`;

  it('reads a C++ temporary, and not one from a block that has closed', () => {
    expectFormula('cpp', CPP_SRC, 'x * gate', { id: 'silu', framework: 'libtorch' });
    expectNoFormula('cpp', CPP_SRC, 'x * gate', 1);
  });
});
