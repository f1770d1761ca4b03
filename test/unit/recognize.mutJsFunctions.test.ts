/**
 * Function values read for what they compute (src/core/recognize/jsFunctions.ts, juliaLambda.ts) and Julia
 * struct fields (juliaFields.ts), hovered where the name is used.
 *
 * JavaScript/TypeScript: a function value is an activation when every `return` of its own body (or its
 * arrow's expression) computes the same one. Where the expected values come from:
 * - ECMAScript statements: the braces after `if (…)`, `for (…)`, `while (…)`, `switch (…)`, `catch (…)` and
 *   `with (…)` open blocks of the same function, so their `return`s are the function's; the braces after
 *   `=> ` or after a parameter list open another function, whose `return`s are not. A function that hands
 *   its input back on some path, or computes two different activations, is none of them: no hover.
 * - ECMAScript's automatic semicolon insertion: `return` followed by a line break returns undefined (a
 *   restricted production), and a line that follows a complete value starts a new statement.
 * - TypeScript syntax: a return type (`: tf.Tensor<tf.Rank> =>`), type parameters (`<T extends …>(x: T)`),
 *   `async` arrows and named function expressions are functions like the others.
 * - tfjs-core: `tf.tidy(fn)` returns what `fn` returns (it only disposes intermediate tensors), also when
 *   imported under another name; `tf.elu` has alpha 1 and `tf.leakyRelu` alpha 0.2.
 *
 * Julia: `x -> …` and `(x) -> …` are anonymous functions (the Julia manual); a struct's fields are the names
 * alone or typed (`name::T`) on their own line in its body, and in a `Base.@kwdef` struct a field's default
 * value (`activation = relu`) is a value like any other, hovered as what it is; NNlib names: `logσ` is
 * log-sigmoid, `hardσ` hard sigmoid (slope 1/6), `leakyrelu(x, a)` has slope a.
 */
import assert from 'node:assert/strict';
import { recognizeAt } from '../../src/core';
import { expectCall, expectNothing, spanOf } from './recognizeHelpers';

const TS = 'typescript';
const JS = 'javascript';
const JULIA = 'julia';
const TFJS = 'tfjs';
const FLUX = 'flux';

describe('TF.js function values: the returns of their own block', () => {
  const src = `import * as tf from '@tensorflow/tfjs';

const SKIP_RANKS = [0];

/** ReLU on feature maps; a rank-0 tensor (a loss value) passes through untouched. */
export const rectifyMaps = function (x) {
  for (const rank of SKIP_RANKS) {
    if (x.rank === rank) {
      return x;
    }
  }
  return tf.relu(x);
};

/** tf.relu takes any TensorLike; x.relu() needs a Tensor. Both are ReLU. */
export const rectify = function (x) {
  if (!(x instanceof tf.Tensor)) {
    return tf.relu(x);
  }
  return x.relu();
};

/** Skips the nonlinearity for layers the options mark as linear (and tells whoever listens). */
export const reluUnlessLinear = (x) => {
  if (options.skip(x)) {
    (options.onSkip ?? noop)(x);
    return x;
  }
  return tf.relu(x);
};

/** Integer inputs are clipped at 6, floats are not: two different activations. */
export const capped = (x) => {
  if (x.dtype === 'int32') {
    return tf.relu6(x);
  }
  return tf.relu(x);
};

export const reluOrPass = function (x) {
  switch (typeof x) {
    case 'number':
    case 'bigint':
      return x;
  }
  return tf.relu(x);
};

/** ReLU, falling back to the input when the backend rejects it (a string tensor, say). */
export const reluOrInput = function (x) {
  try {
    return tf.relu(x);
  } catch (err) {
    return x;
  }
};

/** ReLU once the backend is up; after three polls without one, the input is handed back. */
export const reluWhenReady = function (x) {
  let polls = 0;
  while (tf.getBackend() === undefined) {
    if (++polls > 3) {
      return x;
    }
  }
  return tf.relu(x);
};

export function head(h) {
  return [
    rectifyMaps(h),
    rectify(h),
    reluUnlessLinear(h),
    capped(h),
    reluOrPass(h),
    reluOrInput(h),
    reluWhenReady(h),
  ];
}
`;

  it('returns that agree (tf.relu(x) in an if block, x.relu() after it) make the function ReLU', () => {
    expectCall(TS, src, 'rectify', { id: 'relu', framework: TFJS }, 1);
  });

  it('a function that hands its input back inside an if, for, while, switch or catch block is no activation', () => {
    for (const name of [
      'rectifyMaps',
      'reluUnlessLinear',
      'reluOrPass',
      'reluOrInput',
      'reluWhenReady',
    ]) {
      expectNothing(TS, src, name, 1);
    }
  });

  it('a function that returns relu6 on one path and relu on the other is neither', () => {
    expectNothing(TS, src, 'capped', 1);
  });

  it("a with block is the function's own block too (a classic script, sloppy mode)", () => {
    const script = `// demo.js: loaded by a <script> tag after tf.min.js, so tf is a global.
var settings = { linear: false };

var activate = function (x) {
  with (settings) {
    if (linear) {
      return x;
    }
  }
  return tf.relu(x);
};

var rectifyAll = function (x) {
  with (settings) {
    return tf.relu(x);
  }
};

var y = activate(input).add(rectifyAll(input));
`;
    expectNothing(JS, script, 'activate', 1);
    expectCall(JS, script, 'rectifyAll', { id: 'relu', framework: TFJS }, 1);
  });
});

describe('TF.js function values: returns of nested functions are theirs', () => {
  const src = `import * as tf from '@tensorflow/tfjs';

/** ELU, after checking the dtype (the message is built only when the check fails). */
export const eluChecked = (x) => {
  tf.util.assert(x.dtype === 'float32', () => {
    return \`elu expects float32, got \${x.dtype}\`;
  });
  return tf.elu(x);
};

/** ReLU that logs a warning, asynchronously, when its input holds a NaN. */
export const reluLogged = function (x) {
  x.data().then(function (values) {
    if (values.some(Number.isNaN)) {
      console.warn('NaN before relu');
    }
    return values;
  });
  return tf.relu(x);
};

export const features = (h) => [eluChecked(h), reluLogged(h)];
`;

  it('the return of an arrow callback before the last return is not the outer function’s', () => {
    expectCall(TS, src, 'eluChecked', { id: 'elu', framework: TFJS, params: { alpha: 1 } }, 1);
  });

  it('the return of a function callback (after an if block of its own) is not the outer function’s', () => {
    expectCall(TS, src, 'reluLogged', { id: 'relu', framework: TFJS }, 1);
  });
});

describe('TF.js function values: the heads a function expression may have', () => {
  const src = `import * as tf from '@tensorflow/tfjs';

/** Waits for the backend, then squashes. */
export const sigmoidAsync = async (x) => {
  await tf.ready();
  return tf.sigmoid(x);
};

// A named function expression: the name is only visible inside it (stack traces show it).
const clip6 = function relu6Activation(x) {
  return tf.relu6(x);
};

const smooth = x => tf.elu(x);

const rectified = (x: tf.Tensor<tf.Rank>): tf.Tensor<tf.Rank> => tf.relu(x);

/** Keeps the input's own tensor type (Tensor2D in, Tensor2D out). */
const rectifyTyped = <T extends tf.Tensor>(x: T): T => tf.relu(x);

export async function layer(h: tf.Tensor) {
  const gated = await sigmoidAsync(h);
  return [gated, clip6(h), smooth(h), rectified(h), rectifyTyped(h)];
}
`;

  it('an async arrow computes its returned value', () => {
    expectCall(TS, src, 'sigmoidAsync', { id: 'sigmoid', framework: TFJS }, 1);
  });

  it('a named function expression is read like an anonymous one', () => {
    expectCall(TS, src, 'clip6', { id: 'relu6', framework: TFJS }, 1);
  });

  it('an arrow with one bare parameter (x => …) is read', () => {
    expectCall(TS, src, 'smooth', { id: 'elu', framework: TFJS, params: { alpha: 1 } }, 1);
  });

  it('a return type with type arguments (tf.Tensor<tf.Rank>) does not hide the arrow', () => {
    expectCall(TS, src, 'rectified', { id: 'relu', framework: TFJS }, 1);
  });

  it('a generic arrow (<T extends tf.Tensor>(x: T): T => …) is read like any arrow', () => {
    expectCall(TS, src, 'rectifyTyped', { id: 'relu', framework: TFJS }, 1);
  });
});

describe('TF.js function values: where the expression ends', () => {
  it('a parenthesised value is no function, even with an arrow on the next line', () => {
    const src = `import * as tf from '@tensorflow/tfjs';

export function residual(x, skip) {
  const mixed = (x + skip) * 0.5;
  const act = (x) => tf.relu(x);
  return act(mixed);
}
`;
    expectNothing(JS, src, 'mixed', 1);
    expectCall(JS, src, 'act', { id: 'relu', framework: TFJS }, 1);
  });

  it('an arrow ends at the comma before the next declarator', () => {
    const src = `import * as tf from '@tensorflow/tfjs';

const relu = (x) => tf.relu(x),
  double = (x) => x.mul(2);

export const out = relu(tf.tensor1d([-1, 0, 2]));
`;
    expectCall(JS, src, 'relu', { id: 'relu', framework: TFJS }, 1);
  });

  describe('code written without semicolons', () => {
    const src = `import * as tf from '@tensorflow/tfjs'

const act = (x) => tf.relu(x)

const gate = (x) => {
  const check = () => {
    if (x.isDisposed) return
  }
  check()
  return tf.sigmoid(x)
}

// Returns undefined: a line break after return ends the statement.
const broken = function (x) {
  return
    tf.relu(x)
}

export function forward (h) {
  return [act(h), gate(h), broken(h)]
}
`;

    it('an arrow ends where the next line starts a statement', () => {
      expectCall(JS, src, 'act', { id: 'relu', framework: TFJS }, 1);
    });

    it("a bare return closing a nested arrow's if is that arrow's, not the outer function's", () => {
      expectCall(JS, src, 'gate', { id: 'sigmoid', framework: TFJS }, 1);
    });

    it('return followed by a line break returns nothing: no hover', () => {
      expectNothing(JS, src, 'broken', 1);
    });
  });

  it('a function declaration whose return is followed by a line break returns nothing too', () => {
    const declared = `import * as tf from '@tensorflow/tfjs';

/** Rectifies the input (or, as formatted here, returns undefined). */
function rectify(x) {
  return
    tf.relu(x);
}

/** The same, written on one line. */
function rectifyOneLine(x) {
  return tf.relu(x);
}

export const y = [rectify(h), rectifyOneLine(h)];
`;
    expectNothing(JS, declared, 'rectify', 1);
    expectCall(JS, declared, 'rectifyOneLine', { id: 'relu', framework: TFJS }, 1);
  });
});

describe("TF.js tidy: the value is its function's", () => {
  const src = `import * as tf from '@tensorflow/tfjs';
import { tidy as scoped, relu } from '@tensorflow/tfjs';

/** Intermediate tensors are freed by the renamed tidy. */
export const kept = (x) => scoped(() => relu(x));

export const keptBlock = (x) => tf.tidy(() => {
  const y = tf.elu(x);
  return y;
});

export const twoWays = (x) => tf.tidy(() => {
  if (x.dtype === 'int32') {
    return tf.relu6(x);
  }
  return tf.relu(x);
});

export const doubled = (x) => tf.tidy(() => tf.relu(x)).mul(2);

export const outputs = (h) => [kept(h), keptBlock(h), twoWays(h), doubled(h)];
`;

  it('tidy imported under another name still returns the arrow’s value', () => {
    expectCall(TS, src, 'kept', { id: 'relu', framework: TFJS }, 1);
  });

  it('tidy around a block returns what the block returns', () => {
    expectCall(TS, src, 'keptBlock', { id: 'elu', framework: TFJS, params: { alpha: 1 } }, 1);
  });

  it('tidy around a block with two different returns is neither', () => {
    expectNothing(TS, src, 'twoWays', 1);
  });

  it("tidy's result scaled afterwards is no activation", () => {
    expectNothing(TS, src, 'doubled', 1);
  });
});

describe('TF.js tidy imported under another name: the hover shows the value tidy returns', () => {
  const src = `import * as tf from '@tensorflow/tfjs';
import { tidy as scoped, relu, relu6, sigmoid } from '@tensorflow/tfjs';

/** Hard sigmoid, relu6(x + 3) / 6, its intermediates freed. */
export const hardSigmoid = (x) => scoped(() => relu6(x.add(3)).div(6));

export const swish = (x) => scoped(() => {
  const gate = sigmoid(x);
  return x.mul(gate);
});

export const rectify = (x) => scoped(() => {
  return relu(x);
});

export const clipped = (x) => tf.tidy(() => tf.relu6(x));

// tidy's optional name first: tf.tidy(nameOrFn, fn?).
export const namedSwish = (x) => scoped('silu', () => x.mul(sigmoid(x)));

export const twoWays = (x) => scoped(() => {
  if (x.dtype === 'int32') {
    return relu6(x);
  }
  return relu(x);
});

export const outputs = (h) => [
  hardSigmoid(h),
  swish(h),
  rectify(h),
  clipped(h),
  namedSwish(h),
  twoWays(h),
];
`;
  const used = (name: string): ReturnType<typeof recognizeAt> =>
    recognizeAt(src, spanOf(src, name, 1)[0] + 1, TS);

  it('an arrow expression with two calls in it: the expression inside tidy', () => {
    const got = used('hardSigmoid');
    assert.equal(got?.id, 'hardsigmoid');
    assert.equal(got?.params.slope, 1 / 6);
    assert.equal(got?.definedAt?.source, 'relu6(x.add(3)).div(6)');
  });

  it('a block: the expression its return gives', () => {
    assert.equal(used('swish')?.id, 'silu');
    assert.equal(used('swish')?.definedAt?.source, 'x.mul(gate)');
    assert.equal(used('rectify')?.id, 'relu');
    assert.equal(used('rectify')?.definedAt?.source, 'relu(x)');
  });

  it('tf.tidy(() => tf.relu6(x)) shows tf.relu6(x)', () => {
    assert.equal(used('clipped')?.id, 'relu6');
    assert.equal(used('clipped')?.definedAt?.source, 'tf.relu6(x)');
  });

  it('a name before the function: the whole call is read, still SiLU', () => {
    assert.equal(used('namedSwish')?.id, 'silu');
  });

  it('a block returning two different activations is neither', () => {
    expectNothing(TS, src, 'twoWays', 1);
  });
});

describe('TF.js: a function without parameters computes no activation of an input', () => {
  it('a warm-up arrow running relu on zeros is no activation', () => {
    const src = `import * as tf from '@tensorflow/tfjs';

// Compiles the shaders once, before the first real batch.
const warmUp = () => tf.relu(tf.zeros([1, 8]));

export function init() {
  warmUp();
}
`;
    expectNothing(TS, src, 'warmUp', 1);
  });
});

describe('TF.js: a name bound to a library function, called', () => {
  it('const act = tf.leakyRelu; act(h, 0.3) is that function', () => {
    const src = `import * as tf from '@tensorflow/tfjs';

const act = tf.leakyRelu;

export function block(h) {
  return act(h);
}
`;
    const got = recognizeAt(src, spanOf(src, 'act', 1)[0] + 1, JS);
    assert.equal(got?.id, 'leaky_relu');
    assert.equal(got?.params.negative_slope, 0.2);
  });
});

describe('Julia struct fields', () => {
  const src = `module Autoencoders

using Flux

"""
    VAE(encoder, μ, logσ, decoder)

A variational autoencoder: the encoder, the heads of the mean and of the log-std, the decoder.
"""
struct VAE{E,D}
    encoder::E
    μ
    logσ
    decoder::D
    VAE(e, m, s, d) = new{typeof(e),typeof(d)}(e, m, s, d)
end

mutable struct Gate
    relu6
    σ::Function
end

"""Settings of a Dense head, built by keyword."""
Base.@kwdef struct HeadConfig
    hidden::Int = 64
    activation = relu
    gate::Function = hardσ
end

function default_activation()
    relu
end

kl(m::VAE, x) = sum(logσ.(m.encoder(x)))
score(g::Gate, x) = relu6.(x) .* σ.(x)

end
`;

  it('an untyped field between typed ones, the last field and a mutable struct’s fields are no hover', () => {
    expectNothing(JULIA, src, 'logσ', 1);
    expectNothing(JULIA, src, 'relu6', 0);
    expectNothing(JULIA, src, 'σ', 0);
  });

  it('the same names outside the structs are the functions', () => {
    expectCall(JULIA, src, 'logσ', { id: 'logsigmoid', framework: FLUX }, 2);
    expectCall(JULIA, src, 'relu6', { id: 'relu6', framework: FLUX }, 1);
    expectCall(JULIA, src, 'σ', { id: 'sigmoid', framework: FLUX }, 1);
  });

  it("a @kwdef field's default value is the activation it names", () => {
    expectCall(JULIA, src, 'relu', { id: 'relu', framework: FLUX }, 0);
    expectCall(JULIA, src, 'hardσ', {
      id: 'hardsigmoid',
      framework: FLUX,
      params: { slope: 1 / 6 },
    });
  });

  it('a name alone in a function body is the value it returns, not a field', () => {
    expectCall(JULIA, src, 'relu', { id: 'relu', framework: FLUX }, 1);
  });
});

describe('Julia anonymous functions bound to a name', () => {
  const src = `using Flux

# Activations picked per layer (the paper's slope for the hidden layers).
act = (h) -> leakyrelu(h, 0.1f0)
gate = x -> hardσ(x)
centred = (x) -> relu(x) .- 0.5f0

model = Chain(Dense(4 => 16, act), Dense(16 => 16, centred), Dense(16 => 1, gate))
`;

  it('(h) -> leakyrelu(h, 0.1f0) and x -> hardσ(x) are those activations where the names are used', () => {
    expectCall(
      JULIA,
      src,
      'act',
      { id: 'leaky_relu', framework: FLUX, params: { negative_slope: 0.1 } },
      1,
    );
    expectCall(JULIA, src, 'gate', { id: 'hardsigmoid', framework: FLUX }, 1);
  });

  it('a lambda whose body goes on past the activation is none', () => {
    expectNothing(JULIA, src, 'centred', 1);
  });
});
