/**
 * Which default an options object's names stand for (`formulas/parameters.ts`: `parameterNamed`,
 * `objectPattern`, `patternBindings`, `callArguments`) and which block reads a function's temporaries
 * (`formulas/temporaries.ts`): options objects beside other parameters, with a default object that gives
 * values, with keys, nested defaults and member reads that bind nothing, first in a factory; an assignment
 * that opens a branch's block; a Rust closure's own parameters (also past a return type) and a block that
 * is the operand of a bitwise `|`.
 *
 * Expected values come from the languages and the mathematics. A destructured parameter's default
 * (`{ slope = 0.2 }`) applies when the object passed has no such property, as `{}` has not; the parameter's
 * own default (`= {}`, `= { slope: 0.1 }`, `= leakyDefaults()`) is the object destructured when the call
 * passes none, so `{ slope = 0.2 } = { slope: 0.1 }` gives 0.1 there; `{ slope: s = 0.3 }` binds `s`, not
 * `slope`, and names inside a default (`PRESET.slope`, an arrow's `{ slope }`) bind nothing (ECMAScript,
 * "Destructuring assignment" and "Default parameters"). A call that passes an options object gives the
 * pattern that object's properties, not the defaults; a parameter after an options object is still its own
 * parameter. Inside a block, the latest assignment before a use is the value there (straight-line code).
 * A Rust closure's parameters (`|v, zero: f64|`, with or without `-> Type`) shadow the function's
 * `let zero` in the closure's body, and `a | { … }` is a bitwise or whose block binds nothing of its own
 * (The Rust Reference, "Closure expressions", "Block expressions"). max(x, s·x) is leaky ReLU with slope
 * s; max(x, 0) is ReLU.
 */
import assert from 'node:assert/strict';
import { recognizeAt } from '../../src/core';
import { expectFormula } from './formulaHelpers';
import { expectCall, nthOffset } from './recognizeHelpers';

const TS = 'typescript';
const TFJS_LEAKY = { id: 'leaky_relu', framework: 'tfjs' };

/** The recognition at the nth `needle`, hovered one character in. */
function hoverIn(lang: string, src: string, needle: string, nth = 0) {
  return recognizeAt(src, nthOffset(src, needle, nth) + 1, lang);
}

describe('s9 parameters: options objects beside other parameters', () => {
  const SRC = `import * as tf from '@tensorflow/tfjs';

export interface LeakyOptions {
  slope?: number;
}

/** Leaky ReLU whose training flag comes before the options (the flag only picks the dtype). */
export function leakyTraining(x: tf.Tensor, training: boolean, { slope = 0.2 }: LeakyOptions = {}): tf.Tensor {
  return tf.maximum(x, tf.mul(x, slope));
}

/** Options without a default object: the caller always passes one. */
export function leakyRequired(x: tf.Tensor, { slope = 0.3 }: LeakyOptions, inplace = false): tf.Tensor {
  return tf.maximum(x, tf.mul(x, slope));
}

/** The options object last, with no default object either. */
export function leakyLast(x: tf.Tensor, { slope = 0.1 }: LeakyOptions): tf.Tensor {
  const y = tf.maximum(x, tf.mul(x, slope));
  return y;
}

/** A scope name, then the options the layer config passes through. */
export function leakyScoped(x: tf.Tensor, { name = 'leaky' } = {}, { slope = 0.25 }: LeakyOptions = {}): tf.Tensor {
  return tf.maximum(x, tf.mul(x, slope));
}

export function discriminatorBlock(h: tf.Tensor): tf.Tensor[] {
  return [leakyScoped(h, { name: 'd1' })];
}
`;

  it('reads the default of an options object after a plain parameter', () => {
    expectFormula(TS, SRC, 'tf.maximum(x, tf.mul(x, slope))', {
      ...TFJS_LEAKY,
      params: { negative_slope: 0.2 },
    });
  });

  it('reads the default of an options object followed by another parameter', () => {
    expectFormula(
      TS,
      SRC,
      'tf.maximum(x, tf.mul(x, slope))',
      { ...TFJS_LEAKY, params: { negative_slope: 0.3 } },
      1,
    );
  });

  it('reads the default of the last options object, which has no default object', () => {
    expectFormula(
      TS,
      SRC,
      'tf.maximum(x, tf.mul(x, slope))',
      { ...TFJS_LEAKY, params: { negative_slope: 0.1 } },
      2,
    );
  });

  it('reads the default of the second options object', () => {
    expectFormula(
      TS,
      SRC,
      'tf.maximum(x, tf.mul(x, slope))',
      { ...TFJS_LEAKY, params: { negative_slope: 0.25 } },
      3,
    );
  });

  it("gives a call that passes only the first options object the second one's default", () => {
    // leakyScoped(h, { name: 'd1' }) destructures {} for the slope: its default 0.25 applies.
    expectCall(TS, SRC, 'leakyScoped', { ...TFJS_LEAKY, params: { negative_slope: 0.25 } }, 1);
  });
});

describe('s9 parameters: an options object whose own default gives values', () => {
  const SRC = `import * as tf from '@tensorflow/tfjs';

/** The preset the discriminator uses unless a config says otherwise. */
function leakyDefaults() {
  return { slope: 0.1 };
}

/** Leaky ReLU; without options, the preset's slope. */
export function leakyPreset(x, { slope = 0.2 } = leakyDefaults()) {
  return tf.maximum(x, tf.mul(x, slope));
}

/** Leaky ReLU; without options, the default object's slope. */
export function leakyInline(x, { slope = 0.2 } = { slope: 0.05 }) {
  return tf.maximum(x, tf.mul(x, slope));
}

const dtype = 'float32';

/** Leaky ReLU; without options, the settings the exported models were trained with. */
export function leakyExported(x, { slope = 0.2 } = { dtype, slope: 0.1 }) {
  return tf.maximum(x, tf.mul(x, slope));
}
`;

  for (const [what, nth] of [
    ['a call', 0],
    ['an object literal', 1],
    ['an object literal with a shorthand property first', 2],
  ] as const) {
    it(`does not take the pattern's 0.2 when the default object is ${what}`, () => {
      // Without options the default object is destructured: its slope (0.1, 0.05, 0.1) wins over 0.2.
      const got = hoverIn('javascript', SRC, 'tf.maximum(x, tf.mul(x, slope))', nth);
      assert.notEqual(got?.params.negative_slope, 0.2, JSON.stringify(got));
    });
  }
});

describe('s9 parameters: which names an options object binds', () => {
  const SRC = `import * as tf from '@tensorflow/tfjs';

/** The slope every block of the discriminator shares. */
const slope = 0.01;

/**
 * Leaky ReLU at the shared slope and at the caller's own (\`{ slope: s }\`): the two feature maps the
 * auxiliary loss compares.
 */
export function leakyPair(x, { name = 'aux', slope: s = 0.3 } = {}) {
  const shared = tf.maximum(x, tf.mul(x, slope));
  const own = tf.maximum(x, tf.mul(x, s));
  return [shared, own];
}

/** Leaky ReLU whose slope is the second option. */
export function leakyNamed(x, { name = 'leaky', alpha = 0.25 } = {}) {
  return tf.maximum(x, tf.mul(x, alpha));
}

const PRESET = { slope: 0.3 };

/** Leaky ReLU whose clipping bound defaults to the preset's slope (a member read, no binding). */
export function leakyClipped(x, { clip = PRESET.slope, slope = 0.05 } = {}) {
  return tf.clipByValue(tf.maximum(x, tf.mul(x, slope)), -clip, clip);
}

/** Leaky ReLU whose options also carry a logger, which reports the slope in force when called. */
export function leakyLogged(x, { log = (msg) => console.debug(msg, { slope }), slope = 0.15 } = {}) {
  log('leaky');
  return tf.maximum(x, tf.mul(x, slope));
}
`;

  it('reads the renamed binding, not the key, as the option', () => {
    expectFormula('javascript', SRC, 'tf.maximum(x, tf.mul(x, s))', {
      ...TFJS_LEAKY,
      params: { negative_slope: 0.3 },
    });
  });

  it("does not give the module's slope the default of the option renamed from slope", () => {
    // Here slope is the module's 0.01: `slope: s` binds s only.
    const got = hoverIn('javascript', SRC, 'tf.maximum(x, tf.mul(x, slope))');
    assert.notEqual(got?.params.negative_slope, 0.3, JSON.stringify(got));
  });

  it('reads the default of a binding after a comma', () => {
    expectFormula('javascript', SRC, 'tf.maximum(x, tf.mul(x, alpha))', {
      ...TFJS_LEAKY,
      params: { negative_slope: 0.25 },
    });
  });

  it("reads the option's default, not the member read in another option's default", () => {
    expectFormula(
      'javascript',
      SRC,
      'tf.maximum(x, tf.mul(x, slope))',
      { ...TFJS_LEAKY, params: { negative_slope: 0.05 } },
      1,
    );
  });

  it("reads the option's default, not the shorthand inside the logger's default", () => {
    expectFormula(
      'javascript',
      SRC,
      'tf.maximum(x, tf.mul(x, slope))',
      { ...TFJS_LEAKY, params: { negative_slope: 0.15 } },
      2,
    );
  });
});

describe("s9 parameters: a call's options object gives options without defaults", () => {
  const SRC = `import * as tf from '@tensorflow/tfjs';

/** tf.leakyRelu with the slope the layer config holds. */
export function actOnly(x, { alpha }) {
  return tf.leakyRelu(x, alpha);
}

/** The same, with a name for the profiler. */
export function actNamed(x, { alpha, name }) {
  return tf.leakyRelu(x, alpha);
}

/** The config calls the slope "slope". */
export function actRenamed(x, { slope: alpha }) {
  return tf.leakyRelu(x, alpha);
}

export function head(h) {
  const a = actOnly(h, { alpha: 0.1 });
  const b = actNamed(h, { alpha: 0.1, name: 'b' });
  return actRenamed(tf.add(a, b), { slope: 0.1 });
}
`;

  for (const call of ['actOnly', 'actNamed', 'actRenamed']) {
    it(`reads ${call}(…) as leaky ReLU of the slope its options give`, () => {
      // Each computes tf.leakyRelu(h, 0.1): the slope is the options', not tf.leakyRelu's default.
      const got = hoverIn('javascript', SRC, `${call}(`, 1);
      assert.equal(got?.id, 'leaky_relu', JSON.stringify(got));
      assert.ok(got.nonLiteral?.includes('negative_slope'), JSON.stringify(got));
    });
  }
});

describe("s9 temporaries: an assignment that opens a branch's block", () => {
  const SRC = `import * as tf from '@tensorflow/tfjs';

/** Leaky ReLU; warm-up steps use a wider slope. */
export function leakyWarm(x, warm) {
  let slope = 0.2;
  if (warm) {
    slope = 0.5;
    return tf.maximum(x, tf.mul(x, slope));
  }
  return tf.maximum(x, tf.mul(x, slope));
}
`;

  it('reads the value the block assigns before the use', () => {
    expectFormula('javascript', SRC, 'tf.maximum(x, tf.mul(x, slope))', {
      ...TFJS_LEAKY,
      params: { negative_slope: 0.5 },
    });
  });
});

describe("s9 temporaries: a Rust closure's parameter, read after a comparison", () => {
  const SRC = `use burn::tensor::{backend::Backend, Tensor};

/// Each tensor floored at its own level when the level is positive; the others pass through.
pub fn floored_all<B: Backend, const D: usize>(xs: Vec<Tensor<B, D>>, levels: Vec<f64>) -> Vec<Tensor<B, D>> {
    let zero = 0.0;
    let floor = |v: Tensor<B, D>, zero: f64| {
        if 0.0 < zero {
            v.clamp_min(zero)
        } else {
            v
        }
    };
    xs.into_iter().zip(levels).map(|(v, level)| floor(v, level)).collect()
}
`;

  it("does not read the closure's zero as the function's let", () => {
    // max(v, level) with a positive level is no ReLU.
    const got = hoverIn('rust', SRC, 'v.clamp_min(zero)');
    assert.notEqual(got?.id, 'relu', JSON.stringify(got));
  });
});

describe('s9 parameters: a plain parameter before a defaulted one', () => {
  const SRC = `import * as tf from '@tensorflow/tfjs';

/** Leaky ReLU; the tag only names the op in profiles (kept for the old call sites). */
export function leakyTagged(x, tag, slope = 0.2) {
  return tf.maximum(x, tf.mul(x, slope));
}

export function block(h) {
  return leakyTagged(h, 'd1');
}
`;

  it("gives a call that passes the tag the slope's default", () => {
    // leakyTagged(h, 'd1') leaves slope undefined: its default 0.2 applies.
    expectCall(
      'javascript',
      SRC,
      'leakyTagged',
      { ...TFJS_LEAKY, params: { negative_slope: 0.2 } },
      1,
    );
  });
});

describe('s9 parameters: a factory whose options object is its first parameter', () => {
  const SRC = `import * as tf from '@tensorflow/tfjs';

/** A leaky ReLU whose slope is fixed when the model is built: \`makeLeaky({ slope: 0.1 })(h)\`. */
export function makeLeaky({ slope = 0.2 } = {}) {
  return (x) => tf.maximum(x, tf.mul(x, slope));
}

/** Leaky ReLU of a feature map passed in the options with its slope. */
export function leakyOf({ x, slope = 0.3 }) {
  return tf.maximum(x, tf.mul(x, slope));
}

export function head(h) {
  return leakyOf({ x: h, slope: 0.5 });
}
`;

  it("reads the options' default in the function the factory returns", () => {
    // makeLeaky() destructures {}: the returned function computes max(x, 0.2x).
    expectFormula('javascript', SRC, 'tf.maximum(x, tf.mul(x, slope))', {
      ...TFJS_LEAKY,
      params: { negative_slope: 0.2 },
    });
  });

  it('reads the default of an option beside the input', () => {
    expectFormula(
      'javascript',
      SRC,
      'tf.maximum(x, tf.mul(x, slope))',
      { ...TFJS_LEAKY, params: { negative_slope: 0.3 } },
      1,
    );
  });

  it("does not give a call's own options the default", () => {
    // leakyOf({ x: h, slope: 0.5 }) computes max(h, 0.5h).
    const got = hoverIn('javascript', SRC, 'leakyOf({ x');
    assert.notEqual(got?.params.negative_slope, 0.3, JSON.stringify(got));
  });
});

describe("s9 temporaries: a Rust closure's parameter, with a return type", () => {
  const SRC = `use burn::tensor::{backend::Backend, Tensor};

/// Each tensor floored at its own level when the level is positive; the others pass through.
pub fn floored_all<B: Backend, const D: usize>(xs: Vec<Tensor<B, D>>, levels: Vec<f64>) -> Vec<Tensor<B, D>> {
    let zero = 0.0;
    let floor = |v: Tensor<B, D>, zero: f64| -> Tensor<B, D> {
        if 0.0 < zero {
            v.clamp_min(zero)
        } else {
            v
        }
    };
    xs.into_iter().zip(levels).map(|(v, level)| floor(v, level)).collect()
}

/// ReLU of every tensor when clipping is on.
pub fn relu_all<B: Backend, const D: usize>(xs: Vec<Tensor<B, D>>, clip: bool) -> Vec<Tensor<B, D>> {
    let zero = 0.0;
    let act = |v: Tensor<B, D>| -> Tensor<B, D> {
        if clip {
            v.clamp_min(zero)
        } else {
            v
        }
    };
    xs.into_iter().map(act).collect()
}
`;

  it("does not read the closure's zero as the function's let", () => {
    // max(v, level) with a positive level is no ReLU.
    const got = hoverIn('rust', SRC, 'v.clamp_min(zero)');
    assert.notEqual(got?.id, 'relu', JSON.stringify(got));
  });

  it('reads clamp_min of the captured zero as ReLU', () => {
    expectFormula('rust', SRC, 'v.clamp_min(zero)', { id: 'relu', framework: 'other' }, 1);
  });
});

describe("s9 temporaries: a block that is the operand of Rust's |, no closure's", () => {
  const SRC = `use burn::tensor::{backend::Backend, Tensor};

/// Flag bit set when the ReLU ran.
const RELU_APPLIED: u8 = 0b0000_0010;

/// ReLU of the activations when asked, recording in the step's flags whether it ran.
pub fn relu_flagged<B: Backend>(x: Tensor<B, 2>, flags: u8, apply: bool) -> (Tensor<B, 2>, u8) {
    let zero = 0.0;
    let mut out = x.clone();
    let flags = flags | {
        if apply {
            out = x.clamp_min(zero);
        }
        if apply { RELU_APPLIED } else { 0 }
    };
    (out, flags)
}
`;

  it("reads the function's zero in the block", () => {
    // \`flags | { … }\` is a bitwise or whose right operand is a block: the block binds no zero of its own.
    expectFormula('rust', SRC, 'x.clamp_min(zero)', { id: 'relu', framework: 'other' });
  });
});
