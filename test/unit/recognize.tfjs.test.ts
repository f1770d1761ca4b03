/**
 * TF.js as it is really written (#9 §1, §2, §3, §5): code inside template literal substitutions, a default
 * activation after `??`/`||`, a local object named like the `tf` convention, function values assigned to
 * `this.act` or a name (arrow functions, `function` expressions, `tf.tidy(() => …)`), and functions
 * imported from another file. Each positive shape has its look-alike. Defaults are tfjs-core's (`tf.elu`
 * has alpha 1; `tf.leakyRelu` 0.2).
 */
import assert from 'node:assert/strict';
import { recognizeAt } from '../../src/core';
import { expectCall, expectNothing, spanOf } from './recognizeHelpers';

const TS = 'typescript';
const JS = 'javascript';
const TFJS = 'tfjs';
const IMPORT = "import * as tf from '@tensorflow/tfjs';\n";

describe('recognizeAt: code inside TF.js template literals', () => {
  const src = `${IMPORT}
export function label(x: tf.Tensor1D): string {
  return \`relu(x) = \${x.relu().dataSync()[0]}, elu \${\`nested \${tf.elu(x).toString()}\`}\`;
}
`;

  it('a call inside ${…} is a call, also in a template nested in a substitution', () => {
    expectCall(TS, src, 'relu', { id: 'relu', framework: TFJS }, 1);
    expectCall(TS, src, 'elu', { id: 'elu', framework: TFJS, params: { alpha: 1 } }, 1);
  });

  it('the template text around the substitutions stays text', () => {
    expectNothing(TS, src, 'relu', 0);
    expectNothing(TS, src, 'elu', 0);
    expectNothing(TS, src, 'nested');
  });

  it('an escaped \\${ is text, and an unclosed substitution costs nothing', () => {
    const escaped = `${IMPORT}const s = \`\\\${tf.relu(x)}\`;\n`;
    expectNothing(TS, escaped, 'relu');
    const open = `${IMPORT}const s = \`a \${tf.relu(x`;
    expectCall(TS, open, 'relu', { id: 'relu', framework: TFJS });
  });
});

describe('recognizeAt: a TF.js activation given as a default', () => {
  it('activation: opts.activation ?? "relu" (or ||) configures that activation when none is given', () => {
    const src = `${IMPORT}
const a = tf.layers.dense({ units: 8, activation: opts.activation ?? 'relu' });
const b = tf.layers.dense({ units: 8, activation: opts.act || 'tanh' });
`;
    expectCall(TS, src, 'relu', { id: 'relu', framework: TFJS });
    expectCall(TS, src, 'tanh', { id: 'tanh', framework: TFJS });
  });

  it('the same default under another key, or outside a config, is a name', () => {
    const src = `${IMPORT}
const a = tf.layers.dense({ units: 8, name: opts.name ?? 'relu' });
const b = opts.activation ?? 'tanh';
`;
    expectNothing(TS, src, 'relu');
    expectNothing(TS, src, 'tanh');
  });
});

describe('recognizeAt: a local object named like the tf convention', () => {
  it('const tf = { relu: … } without an import makes tf.relu the object’s', () => {
    const src = `export function cached(key: string) {
  const tf = { relu: (t: number) => t };
  return tf.relu(cache.get(key));
}
`;
    expectNothing(TS, src, 'relu', 1);
  });

  it('tf by convention, a parameter named tf, and a require stay TF.js', () => {
    expectCall(TS, 'const y = tf.relu(x);\n', 'relu', { id: 'relu', framework: TFJS });
    const param = 'export function head(tf, x) {\n  return tf.sigmoid(x);\n}\n';
    expectCall(JS, param, 'sigmoid', { id: 'sigmoid', framework: TFJS });
    const req = "const tf = require('@tensorflow/tfjs-node');\nconst y = tf.relu(x);\n";
    expectCall(JS, req, 'relu', { id: 'relu', framework: TFJS });
  });
});

describe('recognizeAt: TF.js functions assigned to this.act or to a name', () => {
  it('this.act = (x) => tf.elu(x) in the constructor, then this.act(x)', () => {
    const src = `${IMPORT}
class Gated extends tf.layers.Layer {
  constructor(config) {
    super(config);
    this.act = (x) => tf.elu(x);
    this.gate = function (x) {
      return tf.leakyRelu(x, 0.1);
    };
    this.norm = (x) => x.div(x.norm());
    this.shift = (x) => tf.elu(bias);
  }

  call(inputs) {
    const x = Array.isArray(inputs) ? inputs[0] : inputs;
    return this.gate(this.act(x)).add(this.norm(x)).add(this.shift(x));
  }
}
`;
    expectCall(JS, src, 'act', { id: 'elu', framework: TFJS, params: { alpha: 1 } }, 1);
    expectCall(
      JS,
      src,
      'gate',
      { id: 'leaky_relu', framework: TFJS, params: { negative_slope: 0.1 } },
      1,
    );
    expectNothing(JS, src, 'norm', 2);
    expectNothing(JS, src, 'shift', 1);
  });

  it('an arrow function, with tf.tidy around its math, called by its name', () => {
    const src = `${IMPORT}
const hardTanhish = (x: tf.Tensor): tf.Tensor =>
  tf.tidy(() => tf.relu6(x));
const rescale = (x: tf.Tensor) => tf.tidy(() => {
  const m = x.max();
  return x.div(m);
});
const pooled = (x) => pool.tidy(() => tf.relu6(x));

export function features(x: tf.Tensor) {
  return [hardTanhish(x), rescale(x), pooled(x)];
}
`;
    const got = recognizeAt(src, spanOf(src, 'hardTanhish', 1)[0] + 2, TS);
    assert.equal(got?.id, 'relu6');
    assert.equal(got?.definedAt?.source, 'tf.relu6(x)');
    expectNothing(TS, src, 'rescale', 1);
    expectNothing(TS, src, 'pooled', 1);
  });

  it('tf.tidy around a method chain, or around a block that returns the value', () => {
    const src = `${IMPORT}
/** Hard swish as in MobileNetV3: x * relu6(x + 3) / 6. */
export const hardSwish = (x: tf.Tensor): tf.Tensor =>
  tf.tidy(() => x.mul(tf.relu6(x.add(3))).div(6));
const gate = (x) => tf.tidy(() => tf.relu6(x.add(3)).div(6));
const smooth = (x) => tf.tidy(() => {
  const y = tf.elu(x);
  return y;
});
const noisy = (x) => tf.tidy(() => {
  tf.relu(x);
  return x;
});
const y = [hardSwish(a), gate(a), smooth(a), noisy(a)];
`;
    expectCall(TS, src, 'hardSwish', { id: 'hardswish', framework: TFJS }, 1);
    expectCall(
      TS,
      src,
      'gate',
      { id: 'hardsigmoid', framework: TFJS, params: { slope: 1 / 6 } },
      1,
    );
    expectCall(TS, src, 'smooth', { id: 'elu', framework: TFJS, params: { alpha: 1 } }, 1);
    // The block computes a relu and throws it away: the function returns its input.
    expectNothing(TS, src, 'noisy', 1);
  });

  it('a return inside a nested function is not the outer function’s', () => {
    const src = `${IMPORT}
const outer = (x) => {
  const inner = () => {
    return tf.relu(x);
  };
  return x;
};
const y = outer(z);
`;
    expectNothing(JS, src, 'outer', 1);
  });
});

describe('recognizeAt: TF.js activations imported from another file', () => {
  const act = `${IMPORT}
/** Swish, kept inside tidy. */
export function swish(x: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.elu(x));
}

export const clipped = (x: tf.Tensor): tf.Tensor =>
  tf.tidy(() => tf.relu6(x));

export const rescale = (x: tf.Tensor): tf.Tensor => x.sub(x.min());
`;
  const src = `import { swish as silu, clipped, rescale } from './act';

export function features(x) {
  return [silu(x), clipped(x), rescale(x)];
}
`;
  const readImport = (spec: string): string | undefined => (spec === './act' ? act : undefined);
  const hoverAt = (word: string): ReturnType<typeof recognizeAt> =>
    recognizeAt(src, spanOf(src, word, 1)[0] + 1, TS, { readImport });

  it('a function declaration and an arrow constant resolve through readImport', () => {
    const silu = hoverAt('silu');
    assert.equal(silu?.id, 'elu');
    assert.equal(silu?.definedAt?.module, './act');
    assert.equal(hoverAt('clipped')?.id, 'relu6');
    assert.equal(hoverAt('clipped')?.definedAt?.source, 'tf.relu6(x)');
  });

  it('an imported function that computes something else, or no context, gives nothing', () => {
    assert.equal(hoverAt('rescale'), undefined);
    assert.equal(recognizeAt(src, spanOf(src, 'clipped', 1)[0] + 1, TS), undefined);
  });
});

describe('recognizeAt: the activation names only TF.js fused ops know', () => {
  it("'leakyrelu' and 'prelu' in a fused op's config, with their siblings", () => {
    const src = `import { fused } from '@tensorflow/tfjs-core';
${IMPORT}
const a = fused.matMul({ a: x, b: w, activation: 'leakyrelu', leakyreluAlpha: slope });
const c = tf.fused.conv2d({ x, filter, strides: 1, pad: 'same', activation: 'prelu', preluActivationWeights: w });
`;
    expectCall(TS, src, 'leakyrelu', {
      id: 'leaky_relu',
      framework: TFJS,
      nonLiteral: ['negative_slope'],
    });
    expectCall(TS, src, 'prelu', { id: 'prelu', framework: TFJS, nonLiteral: ['weight'] });
  });

  it('the same names in a plain object or a tfjs-layers config are not activations', () => {
    const src = `${IMPORT}
const opts = { activation: 'leakyrelu', leakyreluAlpha: 0.1 };
const d = tf.layers.dense({ units: 4, activation: 'prelu' });
`;
    expectNothing(TS, src, 'leakyrelu');
    expectNothing(TS, src, 'prelu');
  });
});

describe("recognizeAt: exact GELU written with JavaScript's Math.SQRT2 and Math.SQRT1_2", () => {
  const src = `${IMPORT}
/** Exact GELU, x·Φ(x) = ½x(1 + erf(x/√2)): tfjs-core has no gelu op, so the layers spell it out. */
export function gelu(x: tf.Tensor): tf.Tensor {
  return tf.mul(tf.mul(x, 0.5), tf.add(1, tf.erf(tf.div(x, Math.SQRT2))));
}

export function geluScaled(x: tf.Tensor): tf.Tensor {
  return tf.mul(tf.mul(x, 0.5), tf.add(1, tf.erf(tf.mul(x, Math.SQRT1_2))));
}

export function notGelu(x: tf.Tensor): tf.Tensor {
  // erf(x·√2) is Φ(2x) rescaled: not GELU
  return tf.mul(tf.mul(x, 0.5), tf.add(1, tf.erf(tf.mul(x, Math.SQRT2))));
}
`;

  it('reads x/√2 and x·(1/√2) inside erf as the exact GELU', () => {
    for (const expr of [
      'tf.mul(tf.mul(x, 0.5), tf.add(1, tf.erf(tf.div(x, Math.SQRT2))))',
      'tf.mul(tf.mul(x, 0.5), tf.add(1, tf.erf(tf.mul(x, Math.SQRT1_2))))',
    ]) {
      const at = src.indexOf(expr);
      const got = recognizeAt(src, at + expr.indexOf('SQRT'), TS);
      assert.equal(got?.id, 'gelu', expr);
      assert.equal(got.framework, TFJS);
      assert.equal(got.params.approximate, 'none');
      assert.deepEqual([got.start, got.end], [at, at + expr.length]);
    }
  });

  it('shows nothing for erf(x·√2)', () => {
    const expr = 'tf.mul(tf.mul(x, 0.5), tf.add(1, tf.erf(tf.mul(x, Math.SQRT2))))';
    assert.equal(recognizeAt(src, src.lastIndexOf(expr) + expr.indexOf('SQRT'), TS), undefined);
  });
});
