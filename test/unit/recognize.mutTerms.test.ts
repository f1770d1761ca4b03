/**
 * Hand-written formulas through the normalizer's less travelled paths (`formulas/terms.ts`): a Python
 * conditional whose branches differ, unary operators that are not negation (`~~x`, `!x`) beside the unary
 * plus that is, parameters filled in by a call (a number, `null`, a value the code does not spell), layers
 * built and applied at once (`nn.ReLU6(True)(x + 3.0) / 6.0`, Keras' `layers.ReLU(6.0)(…)`), Julia's `π` and
 * `Inf`, a formula at a script's top level, and a softmax over a temporary.
 *
 * Expected values are the mathematics and the frameworks' documented behaviour: x·σ(x) is SiLU, x·σ(1.702x)
 * the quick GELU, relu6(x + 3)/6 the hard sigmoid of slope 1/6 and x times it hard swish,
 * 0.5x(1 + tanh(√(2/π)(x + 0.044715x³))) GELU's tanh form, clamp(x, 0, ∞) and clip(x, 0, None) ReLU;
 * Keras' `ReLU(max_value, negative_slope, threshold)` is relu6 only with the slope and threshold 0, and
 * PyTorch's layers take `inplace` alone, which changes no value. Where the code computes no activation
 * (a truncated or negated-by-`!` argument, a cap it does not spell) there is no hover.
 */
import './freshModels';
import assert from 'node:assert/strict';
import { recognizeAt } from '../../src/core';
import { expectFormula, expectNoFormula } from './formulaHelpers';
import { expectCall, expectNothing } from './recognizeHelpers';

const PY = 'python';
const JS = 'javascript';
const TS = 'typescript';

describe('formula terms: a conditional expression', () => {
  const SRC = `import torch
from torch import nn


class GatedActivation(nn.Module):
    """Swish by default, the quick GELU when asked; a learned gate in the ablation."""

    def __init__(self, quick: bool = False, inplace: bool = False):
        super().__init__()
        self.quick = quick
        self.inplace = inplace

    def forward(self, x, gate):
        # Two different activations, one per branch: each branch is its own formula.
        y = x * torch.sigmoid(1.702 * x) if self.quick else x * torch.sigmoid(x)
        # One branch is no activation of x at all (the gate is another tensor).
        z = x * torch.sigmoid(x) if self.quick else x * gate
        # The same values either way, in place or not: the whole conditional is SiLU.
        w = x.mul_(torch.sigmoid(x)) if self.inplace else x.mul(torch.sigmoid(x))
        return y + z + w
`;

  it('shows the branch hovered when the branches compute different activations', () => {
    expectFormula(PY, SRC, 'x * torch.sigmoid(1.702 * x)', {
      id: 'quick_gelu',
      framework: 'pytorch',
    });
    expectFormula(PY, SRC, 'x * torch.sigmoid(x)', {
      id: 'silu',
      framework: 'pytorch',
      params: { beta: 1 },
    });
  });

  it('shows the activation branch when the other branch is no activation', () => {
    expectFormula(
      PY,
      SRC,
      'x * torch.sigmoid(x)',
      { id: 'silu', framework: 'pytorch', params: { beta: 1 } },
      1,
    );
    expectNoFormula(PY, SRC, 'x * gate');
  });

  it('shows the whole conditional when both branches compute the same activation', () => {
    expectFormula(
      PY,
      SRC,
      'x.mul_(torch.sigmoid(x)) if self.inplace else x.mul(torch.sigmoid(x))',
      { id: 'silu', framework: 'pytorch', params: { beta: 1 } },
    );
  });
});

describe('formula terms: unary operators', () => {
  const SRC = `// Activation helpers for a small plain-JavaScript network (numbers, not tensors).

/** ReLU: the comparison coerced to 0 or 1 with a unary plus. */
export const relu = (x) => x * +(x > 0);

/** The logistic function of the integer part of x (\`~~\` truncates): a lookup key, not a sigmoid of x. */
export const bucketWeight = (x) => 1 / (1 + Math.exp(-~~x));

/** A logistic weight of a flag: \`!x\` is true or false, not the negative of x. */
export const flagWeight = (x) => 1 / (1 + Math.exp(!x));

/** The logistic sigmoid, written with the minus in front of the exponential's argument. */
export const sigmoid = (x) => 1 / (1 + Math.exp(-x));
`;

  it('reads a unary plus as the value itself', () => {
    expectFormula(JS, SRC, 'x * +(x > 0)', { id: 'relu', framework: 'other' });
  });

  it('reads a unary minus as the negative', () => {
    expectFormula(JS, SRC, '1 / (1 + Math.exp(-x))', { id: 'sigmoid', framework: 'other' });
  });

  it('does not read a bitwise or logical not as a negative', () => {
    expectNoFormula(JS, SRC, '1 / (1 + Math.exp(-~~x))');
    expectNoFormula(JS, SRC, '1 / (1 + Math.exp(!x))');
  });
});

describe("formula terms: a function's parameters filled in by a call", () => {
  const SRC = `import * as tf from '@tensorflow/tfjs';

/** Swish with a sharpness: x * sigmoid(beta * x). */
function swish(x: tf.Tensor, beta = 1.0): tf.Tensor {
  return x.mul(tf.sigmoid(x.mul(beta)));
}

/** ReLU capped at \`cap\`; no cap when the cap is null. */
function cappedRelu(x: tf.Tensor, cap: number | null = 6): tf.Tensor {
  return tf.clipByValue(x, 0, cap);
}

export class GatedBlock {
  constructor(
    private readonly beta: number,
    private readonly cap: number,
  ) {}

  apply(h: tf.Tensor): tf.Tensor[] {
    const a = swish(h, this.beta);
    const b = swish(h, 2);
    const c = cappedRelu(h, null);
    const d = cappedRelu(h, this.cap);
    const e = swish(h, 'wide');
    return [a, b, c, d, e];
  }
}
`;

  it('shows a number passed for a parameter as its value', () => {
    expectCall(TS, SRC, 'swish', { id: 'silu', framework: 'tfjs', params: { beta: 2 } }, 2);
  });

  it('names a parameter passed a value the code does not spell', () => {
    expectCall(TS, SRC, 'swish', { id: 'silu', framework: 'tfjs', nonLiteral: ['beta'] }, 1);
  });

  it('reads a null cap as no cap: ReLU', () => {
    expectCall(TS, SRC, 'cappedRelu', { id: 'relu', framework: 'tfjs' }, 1);
  });

  it('shows nothing for a cap the code does not spell, or a string where a number belongs', () => {
    expectNothing(TS, SRC, 'cappedRelu', 2);
    expectNothing(TS, SRC, 'swish', 3);
  });
});

describe('formula terms: a formula inside a larger expression', () => {
  const SRC = `import numpy as np


def cross_entropy_grad(x, y):
    """The gradient of the binary cross-entropy with respect to the logits x: sigmoid(x) - y."""
    return -(y - 1 / (1 + np.exp(-x)))
`;

  it('shows the sigmoid inside a negated expression that is no activation itself', () => {
    expectFormula(PY, SRC, '1 / (1 + np.exp(-x))', { id: 'sigmoid', framework: 'numpy' });
  });
});

describe('formula terms: layers built and applied at once', () => {
  const SRC = `import torch
from torch import nn
from tensorflow.keras import layers


class HardGates(nn.Module):
    """Hard sigmoid and hard swish from PyTorch layers applied on the spot."""

    ACTIVATIONS = {"relu": nn.ReLU, "sigmoid": nn.Sigmoid}

    def __init__(self, inplace: bool = False):
        super().__init__()
        self.inplace = inplace

    def forward(self, x):
        a = nn.ReLU6(True)(x + 3.0) / 6.0
        b = nn.ReLU6(inplace=self.inplace)(x + 3.0) / 6.0
        c = x * nn.Sigmoid()(x)
        d = self.ACTIVATIONS["sigmoid"]()(x) + x * torch.sigmoid(x)
        e = self.blocks[0](x) + x * torch.sigmoid(x)
        return a + b + c + d + e


def keras_gates(x, cap):
    p = layers.ReLU(max_value=6.0)(x + 3.0) / 6.0
    q = layers.ReLU(6.0, 0.0, 0.0)(x + 3.0) / 6.0
    r = layers.ReLU(max_value=6.0, negative_slope=0.0, threshold=0.0)(x + 3.0) / 6.0
    s = layers.ReLU()(x) ** 2
    t = layers.ReLU(6.0, 0.1)(x + 3.0) / 6.0
    u = layers.ReLU(max_value=cap)(x + 3.0) / 6.0
    v = x * layers.ReLU(6.0)(x + 3.0) / 6.0
    w = layers.ReLU(6.0, threshold=1.0)(x + 3.0) / 6.0
    return p, q, r, s, t, u, v, w
`;
  const HARD_SIGMOID = { id: 'hardsigmoid', params: { slope: 1 / 6 } };

  it("reads PyTorch's ReLU6 layer, whatever its inplace flag, as relu6", () => {
    expectFormula(PY, SRC, 'nn.ReLU6(True)(x + 3.0) / 6.0', {
      ...HARD_SIGMOID,
      framework: 'pytorch',
    });
    expectFormula(PY, SRC, 'nn.ReLU6(inplace=self.inplace)(x + 3.0) / 6.0', {
      ...HARD_SIGMOID,
      framework: 'pytorch',
    });
    expectFormula(PY, SRC, 'x * nn.Sigmoid()(x)', {
      id: 'silu',
      framework: 'pytorch',
      params: { beta: 1 },
    });
  });

  it('shows the formula beside a layer looked up in a table or a list', () => {
    const silu = { id: 'silu', framework: 'pytorch', params: { beta: 1 } };
    expectFormula(PY, SRC, 'x * torch.sigmoid(x)', silu, 0);
    expectFormula(PY, SRC, 'x * torch.sigmoid(x)', silu, 1);
  });

  it("reads Keras' ReLU layer capped at 6 with slope and threshold 0, by position or keyword", () => {
    for (const form of [
      'layers.ReLU(max_value=6.0)(x + 3.0) / 6.0',
      'layers.ReLU(6.0, 0.0, 0.0)(x + 3.0) / 6.0',
      'layers.ReLU(max_value=6.0, negative_slope=0.0, threshold=0.0)(x + 3.0) / 6.0',
    ]) {
      expectFormula(PY, SRC, form, { ...HARD_SIGMOID, framework: 'keras' });
    }
    expectFormula(PY, SRC, 'x * layers.ReLU(6.0)(x + 3.0) / 6.0', {
      id: 'hardswish',
      framework: 'keras',
    });
    expectFormula(PY, SRC, 'layers.ReLU()(x) ** 2', { id: 'relu_squared', framework: 'keras' });
  });

  it("shows nothing for Keras' ReLU with a slope, a threshold or a cap the code does not spell", () => {
    expectNoFormula(PY, SRC, 'layers.ReLU(6.0, 0.1)(x + 3.0) / 6.0');
    expectNoFormula(PY, SRC, 'layers.ReLU(max_value=cap)(x + 3.0) / 6.0');
    expectNoFormula(PY, SRC, 'layers.ReLU(6.0, threshold=1.0)(x + 3.0) / 6.0');
  });
});

describe("formula terms: TF.js' tidy", () => {
  const SRC = `import * as tf from '@tensorflow/tfjs';

/** Swish, its intermediate tensors freed by tidy. */
export function swishTidy(x) {
  return tf.tidy(() => x.mul(tf.sigmoid(x)));
}

/** The same with tidy's optional name first (\`tf.tidy(nameOrFn, fn?)\`). */
export function swishNamed(x) {
  return tf.tidy('gate', () => x.mul(tf.sigmoid(x)));
}

/** A mistake: tidy wants a function, and throws on the tensor it is given. */
export function swishTensor(x) {
  return tf.tidy(x.mul(tf.sigmoid(x)));
}
`;
  const SILU = { id: 'silu', framework: 'tfjs', params: { beta: 1 } };

  it('reads tidy of a function as what the function computes', () => {
    expectFormula(JS, SRC, 'tf.tidy(() => x.mul(tf.sigmoid(x)))', SILU);
  });

  it("reads tidy with a name first the same way, from tidy's name and from the function", () => {
    const call = "tf.tidy('gate', () => x.mul(tf.sigmoid(x)))";
    const start = SRC.indexOf(call);
    for (const word of ['tidy', 'mul', 'sigmoid']) {
      const got = recognizeAt(SRC, SRC.indexOf(word, start) + 1, JS);
      assert.equal(got?.id, 'silu', word);
      assert.equal(got.framework, 'tfjs', word);
      assert.deepEqual([got.start, got.end], [start, start + call.length], word);
    }
  });

  it('does not read tidy of a tensor as the tensor', () => {
    expectFormula(JS, SRC, 'x.mul(tf.sigmoid(x))', SILU, 2);
    const tidy = SRC.indexOf('tf.tidy(x.mul') + 'tf.'.length;
    assert.equal(recognizeAt(SRC, tidy + 1, JS), undefined);
  });
});

describe('formula terms: subscripts and attributes of a call', () => {
  const SRC = `import torch
from torch import nn


class GatedHeads(nn.Module):
    """SiLU of the first output of a projection, and a softmax stabilized by the row maximum."""

    def forward(self, x):
        a = self.proj(x)[0] * torch.sigmoid(self.proj(x)[0])
        b = torch.sigmoid(self.rnn(x).output) * self.rnn(x).output
        c = torch.exp(x - x.max(dim=-1, keepdim=True)[0])
        d = c / torch.exp(x - x.max(dim=-1, keepdim=True).values).sum(dim=-1, keepdim=True)
        return a, b, c, d
`;

  it('reads a subscript or attribute of an unknown call as the variable', () => {
    const silu = { id: 'silu', framework: 'pytorch', params: { beta: 1 } };
    expectFormula(PY, SRC, 'self.proj(x)[0] * torch.sigmoid(self.proj(x)[0])', silu);
    expectFormula(PY, SRC, 'torch.sigmoid(self.rnn(x).output) * self.rnn(x).output', silu);
  });
});
