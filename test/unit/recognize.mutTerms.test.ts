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
import { expectCall, expectNothing, type Expected } from './recognizeHelpers';

const PY = 'python';
const JS = 'javascript';
const TS = 'typescript';

/**
 * The first `expr` is recognized as `expected`, over the whole of it, from each of `words` in it: for a
 * formula holding a string (`float("inf")`, `tf.tidy('gate', …)`), whose string is no place to hover it.
 */
function expectFormulaFrom(
  lang: string,
  src: string,
  expr: string,
  words: readonly string[],
  expected: Expected,
): void {
  const start = src.indexOf(expr);
  assert.ok(start >= 0, expr);
  for (const word of words) {
    const got = recognizeAt(src, src.indexOf(word, start) + 1, lang);
    assert.equal(got?.id, expected.id, word);
    assert.equal(got.framework, expected.framework, word);
    assert.deepEqual([got.start, got.end], [start, start + expr.length], word);
    assert.deepEqual(got.params, { ...got.params, ...expected.params }, word);
    assert.deepEqual(got.nonLiteral, expected.nonLiteral, word);
  }
}

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
import torch
import torch.nn.functional as F


def cross_entropy_grad(x, y):
    """The gradient of the binary cross-entropy with respect to the logits x: sigmoid(x) - y."""
    return -(y - 1 / (1 + np.exp(-x)))


def residual(x, h, weight):
    """A projection of h plus the SiLU of x: only the second term is an activation."""
    return F.linear(h, weight) + x * torch.sigmoid(x)
`;

  it('shows the sigmoid inside a negated expression that is no activation itself', () => {
    expectFormula(PY, SRC, '1 / (1 + np.exp(-x))', { id: 'sigmoid', framework: 'numpy' });
  });

  it('shows the SiLU added to a projection that is no formula', () => {
    expectFormula(PY, SRC, 'x * torch.sigmoid(x)', {
      id: 'silu',
      framework: 'pytorch',
      params: { beta: 1 },
    });
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
        # Typos: ReLU6 takes \`inplace\` alone, so both raise a TypeError and compute nothing.
        f = nn.ReLU6(inplce=True)(x + 3.0) / 6.0
        g = nn.ReLU6(True, 6.0)(x + 3.0) / 6.0
        return a + b + c + d + e + f + g


def keras_gates(x, cap):
    p = layers.ReLU(max_value=6.0)(x + 3.0) / 6.0
    q = layers.ReLU(6.0, 0.0, 0.0)(x + 3.0) / 6.0
    r = layers.ReLU(max_value=6.0, negative_slope=0.0, threshold=0.0)(x + 3.0) / 6.0
    s = layers.ReLU()(x) ** 2
    t = layers.ReLU(6.0, 0.1)(x + 3.0) / 6.0
    u = layers.ReLU(max_value=cap)(x + 3.0) / 6.0
    k = layers.ReLU(max_value=cap)(x) ** 2
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

  it('shows nothing for a PyTorch layer given a keyword or an argument it does not take', () => {
    expectNoFormula(PY, SRC, 'nn.ReLU6(inplce=True)(x + 3.0) / 6.0');
    expectNoFormula(PY, SRC, 'nn.ReLU6(True, 6.0)(x + 3.0) / 6.0');
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
    expectNoFormula(PY, SRC, 'layers.ReLU(max_value=cap)(x) ** 2');
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
    expectFormulaFrom(JS, SRC, call, ['tidy', 'mul', 'sigmoid'], SILU);
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

describe('formula terms: constants folded and factors of one dropped', () => {
  const SRC = `import numpy as np


def selu(x, scale=1.0507009873554805, alpha=1.6732632423543772):
    """SELU (Klambauer et al. 2017) with its two constants as defaults."""
    return np.where(x > 0, scale * x, scale * alpha * (np.exp(x) - 1))


def softmax_tempered(x, temperature=1.0):
    """Softmax of x / temperature; the default temperature 1 leaves x as it is."""
    e = np.exp(x / temperature)
    return e / e.sum(axis=-1, keepdims=True)


def softmax_scaled(x, scale=1.0):
    """Softmax of scale * x; the default scale 1 leaves x as it is."""
    e = np.exp(scale * x)
    return e / e.sum(axis=-1, keepdims=True)


def softmax_inverse(x, inv_temperature=1.0):
    """Softmax of x times an inverse temperature; the default 1 leaves x as it is."""
    e = np.exp(x * inv_temperature)
    return e / e.sum(axis=-1, keepdims=True)


def softmax_sharp(x, scale=2.0):
    """Softmax of 2x: no softmax of x."""
    e = np.exp(scale * x)
    return e / e.sum(axis=-1, keepdims=True)
`;

  it('multiplies constants given as defaults', () => {
    expectFormula(PY, SRC, 'np.where(x > 0, scale * x, scale * alpha * (np.exp(x) - 1))', {
      id: 'selu',
      framework: 'numpy',
    });
  });

  it('drops a division or a multiplication by a default of one', () => {
    const softmax = { id: 'softmax', framework: 'numpy', params: { dim: -1 } };
    expectFormula(PY, SRC, 'e / e.sum(axis=-1, keepdims=True)', softmax, 0);
    expectFormula(PY, SRC, 'e / e.sum(axis=-1, keepdims=True)', softmax, 1);
    expectFormula(PY, SRC, 'e / e.sum(axis=-1, keepdims=True)', softmax, 2);
    expectNoFormula(PY, SRC, 'e / e.sum(axis=-1, keepdims=True)', 3);
  });
});

describe('formula terms: names and calls that stand for values', () => {
  const SRC = `import jax.numpy as jnp
import torch  # only for the data loader
from torch import nn


def log_softmax(x):
    """Log-softmax with the row maximum subtracted first (a method call, then jnp's functions)."""
    return (x - x.max(axis=-1, keepdims=True)) - jnp.log(jnp.sum(jnp.exp(x - x.max(axis=-1, keepdims=True)), axis=-1, keepdims=True))


def relu_unbounded(x):
    return torch.clamp(x, 0.0, float("inf"))


def relu_capped(x, cap):
    return torch.clamp(x, 0.0, float(cap))


def gated(x):
    return conv(x) * torch.sigmoid(conv(x))


class Swish(nn.Module):
    def forward(self, x):
        return x * torch.sigmoid(self.cfg.beta * x)

    def hard(self, x):
        # torch.add(input, other, alpha) is input + alpha * other: x + 6 here, no hard sigmoid.
        return torch.clamp(torch.add(x, 3.0, alpha=2.0), 0.0, 6.0) / 6.0

    def gate(self, x):
        return self.proj(x) * torch.sigmoid(self.proj(x))
`;

  it("takes the framework from the library's functions, not from a method every array has", () => {
    expectFormula(
      PY,
      SRC,
      '(x - x.max(axis=-1, keepdims=True)) - jnp.log(jnp.sum(jnp.exp(x - x.max(axis=-1, keepdims=True)), axis=-1, keepdims=True))',
      { id: 'log_softmax', framework: 'jax', params: { dim: -1 } },
    );
  });

  it('reads float("inf") as an open upper bound, and float of a name as no bound known', () => {
    expectFormulaFrom(PY, SRC, 'torch.clamp(x, 0.0, float("inf"))', ['clamp', 'x', 'float'], {
      id: 'relu',
      framework: 'pytorch',
    });
    expectNoFormula(PY, SRC, 'torch.clamp(x, 0.0, float(cap))');
  });

  it('reads an unknown call or method call as the variable', () => {
    const silu = { id: 'silu', framework: 'pytorch', params: { beta: 1 } };
    expectFormula(PY, SRC, 'conv(x) * torch.sigmoid(conv(x))', silu);
    expectFormula(PY, SRC, 'self.proj(x) * torch.sigmoid(self.proj(x))', silu);
  });

  it("names an attribute of the object's configuration as a parameter the code does not spell", () => {
    const words = ['x', 'sigmoid', 'self', 'cfg', 'beta'];
    expectFormulaFrom(PY, SRC, 'x * torch.sigmoid(self.cfg.beta * x)', words, {
      id: 'silu',
      framework: 'pytorch',
      nonLiteral: ['beta'],
    });
  });

  it('does not read torch.add with alpha as a plain sum', () => {
    expectNoFormula(PY, SRC, 'torch.clamp(torch.add(x, 3.0, alpha=2.0), 0.0, 6.0) / 6.0');
  });
});

describe('formula terms: Julia', () => {
  const SRC = `module Activations

using NNlib

# The tanh approximation of GELU (Hendrycks & Gimpel), with π.
gelu_tanh(x) = 0.5 * x * (1 + tanh(sqrt(2 / π) * (x + 0.044715 * x^3)))

# The same with the ASCII name of π.
gelu_ascii(x) = 0.5 * x * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 * x^3)))

# A ReLU clamped at infinity: no cap.
relu_open(x) = clamp(x, 0, Inf)

end
`;

  it('reads π, pi and Inf as the constants', () => {
    const gelu = { id: 'gelu', framework: 'other', params: { approximate: 'tanh' } };
    expectFormula('julia', SRC, '0.5 * x * (1 + tanh(sqrt(2 / π) * (x + 0.044715 * x^3)))', gelu);
    expectFormula('julia', SRC, '0.5 * x * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 * x^3)))', gelu);
    expectFormula('julia', SRC, 'clamp(x, 0, Inf)', { id: 'relu', framework: 'other' });
  });
});

describe('formula terms: a softmax over a temporary', () => {
  const SRC = `import numpy as np


def tempered_softmax(logits, temperature=2.0):
    """Softmax of the logits divided by a temperature: a softmax of z, not of the logits."""
    z = logits / temperature
    return np.exp(z) / np.exp(z).sum(axis=-1, keepdims=True)
`;

  it('reads the formula over the temporary as written', () => {
    expectFormula(PY, SRC, 'np.exp(z) / np.exp(z).sum(axis=-1, keepdims=True)', {
      id: 'softmax',
      framework: 'numpy',
      params: { dim: -1 },
    });
  });
});

describe('formula terms: keyword arguments no pattern reads', () => {
  const SRC = `import numpy as np
import torch


def softmax_accumulated(x, dtype):
    """Softmax over the last axis, the sum accumulated in \`dtype\` (any: the values are the same)."""
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True, dtype=dtype)


def softmax_default_dtype(x):
    return torch.exp(x) / torch.sum(torch.exp(x), dim=-1, keepdim=True, dtype=torch.get_default_dtype())
`;

  it('reads the softmax whatever the dtype its sum is accumulated in', () => {
    expectFormula(PY, SRC, 'e / e.sum(axis=-1, keepdims=True, dtype=dtype)', {
      id: 'softmax',
      framework: 'numpy',
      params: { dim: -1 },
    });
    expectFormula(
      PY,
      SRC,
      'torch.exp(x) / torch.sum(torch.exp(x), dim=-1, keepdim=True, dtype=torch.get_default_dtype())',
      { id: 'softmax', framework: 'pytorch', params: { dim: -1 } },
    );
  });
});
