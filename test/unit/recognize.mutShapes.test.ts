/**
 * Hand-written activations next to the near misses a reviewer would catch: a sign, an exponent or a
 * coefficient typed wrong, a product where a quotient belongs, a clamp bound given by keyword, a comparison
 * written with zero on the left, ELU's `a·exp(x) − a` spelling, squared ReLU's spellings, a softmax's axis
 * given as None or computed (a dimension named as not read), swish with a learned β passed through softplus
 * or exp (SiLU, β not spelled), and a formula that is part of a larger expression (times a gain, plus a
 * bias, divided by 6). Expected values are the mathematics: e^x / (1 + e^x) is σ(x), (e^{2x} − 1) /
 * (e^{2x} + 1) is tanh(x), a·e^x − a is a·(e^x − 1) (ELU with α = a), max(x, 0)² is squared ReLU,
 * clip(x, 0, ∞) is ReLU, a sum over axis None is a softmax over every element. A look-alike computes some other function (σ(2x), tanh(x / 2),
 * coth x, 2·SiLU, x·σ(−x), softmax(2x)), which no catalogue entry is: no hover, or only a library
 * function's own name. A formula inside a larger expression is hovered over the formula alone, and the
 * rest of the expression shows nothing.
 */
import assert from 'node:assert/strict';
import { recognizeAt } from '../../src/core';
import { expectFormula, expectNoFormula } from './formulaHelpers';
import { hover } from './recognizeHelpers';

const PY = 'python';

describe('hand-written sigmoid and tanh through exp, and their mistyped neighbours', () => {
  const SRC = `"""Logistic helpers for a small NumPy classifier, with the variants a review flagged."""
import numpy as np


def sigmoid_from_odds(x):
    # e^x / (1 + e^x): the logistic function written from the odds.
    return np.exp(x) / (1 + np.exp(x))


def sigmoid_sign_slip(x):
    # Review: the exponents disagree; this is e^{2x} / (1 + e^x), not a probability.
    return np.exp(x) / (1 + np.exp(-x))


def steep_sigmoid(x):
    # sigma(2x): a sharper logistic, used for soft thresholds.
    return 1 / (1 + np.exp(-2 * x))


def doubled_steep_sigmoid(x):
    # 2 sigma(2x): tanh before its "- 1".
    return 2 / (1 + np.exp(-2 * x))


def tanh_from_sigmoid(x):
    return 2 / (1 + np.exp(-2 * x)) - 1


def tanh_from_exp(x):
    return (np.exp(2 * x) - 1) / (np.exp(2 * x) + 1)


def tanh_symmetric(x):
    return (np.exp(x) - np.exp(-x)) / (np.exp(x) + np.exp(-x))


def half_angle_tanh(x):
    # tanh(x / 2), the same thing as 2 sigma(x) - 1.
    return (np.exp(x) - 1) / (np.exp(x) + 1)


def half_angle_tanh_expanded(x):
    # (e^{2x} - 1) / (e^x + 1)^2 = tanh(x / 2) again, the square multiplied out.
    return (np.exp(2 * x) - 1) / (np.exp(2 * x) + 2 * np.exp(x) + 1)


def coth(x):
    return (np.exp(x) + np.exp(-x)) / (np.exp(x) - np.exp(-x))


def sinh_double(x):
    # (e^x - e^{-x})(e^x + e^{-x}) / 2 = sinh(2x).
    return (np.exp(x) - np.exp(-x)) * (np.exp(x) + np.exp(-x)) / 2


def tanh_typos(x):
    a = (np.exp(x) - 1) / (np.exp(2 * x) + 1)
    b = (np.exp(2 * x) - 1) / (2 * np.exp(2 * x) + 1)
    c = (np.exp(x) - np.exp(-x)) / (np.exp(x) + np.exp(x))
    d = (2 * np.exp(x) - np.exp(-x)) / (np.exp(x) + np.exp(-x))
    return a, b, c, d
`;

  it('reads e^x / (1 + e^x) as the sigmoid and both exp spellings of tanh', () => {
    expectFormula(PY, SRC, 'np.exp(x) / (1 + np.exp(x))', { id: 'sigmoid', framework: 'numpy' });
    expectFormula(PY, SRC, '2 / (1 + np.exp(-2 * x)) - 1', { id: 'tanh', framework: 'numpy' });
    expectFormula(PY, SRC, '(np.exp(2 * x) - 1) / (np.exp(2 * x) + 1)', {
      id: 'tanh',
      framework: 'numpy',
    });
    expectFormula(PY, SRC, '(np.exp(x) - np.exp(-x)) / (np.exp(x) + np.exp(-x))', {
      id: 'tanh',
      framework: 'numpy',
    });
  });

  it('shows nothing for a sigmoid whose exponents disagree, or a steeper sigmoid', () => {
    for (const expr of [
      'np.exp(x) / (1 + np.exp(-x))',
      '1 / (1 + np.exp(-2 * x))',
      '2 / (1 + np.exp(-2 * x))',
    ]) {
      expectNoFormula(PY, SRC, expr);
    }
  });

  it('shows nothing for tanh(x/2), coth, sinh(2x) or tanh with a mistyped exponent or coefficient', () => {
    for (const expr of [
      '(np.exp(x) - 1) / (np.exp(x) + 1)',
      '(np.exp(2 * x) - 1) / (np.exp(2 * x) + 2 * np.exp(x) + 1)',
      '(np.exp(x) + np.exp(-x)) / (np.exp(x) - np.exp(-x))',
      '(np.exp(x) - np.exp(-x)) * (np.exp(x) + np.exp(-x)) / 2',
      '(np.exp(x) - 1) / (np.exp(2 * x) + 1)',
      '(np.exp(2 * x) - 1) / (2 * np.exp(2 * x) + 1)',
      '(np.exp(x) - np.exp(-x)) / (np.exp(x) + np.exp(x))',
      '(2 * np.exp(x) - np.exp(-x)) / (np.exp(x) + np.exp(-x))',
    ]) {
      expectNoFormula(PY, SRC, expr);
    }
  });
});

describe('hand-written log-sigmoid, swish, softsign and GELU beside their near misses', () => {
  const SRC = `import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class LogSigmoidHead(nn.Module):
    """log sigma(x) = -softplus(-x), the stable way."""

    def forward(self, x):
        return -F.softplus(-x)


def swish_sign_slip(x):
    # x sigma(-x): the gate's sign is flipped, so large inputs are switched off.
    return x / (1 + torch.exp(x))


def swish_doubled(x):
    # 2 x sigma(x): twice SiLU, no activation of its own.
    return 2 * x * torch.sigmoid(x)


def softsign(x):
    return x / (1 + torch.abs(x))


def softsign_inverted(x):
    # multiplied where it should divide: grows like x^2.
    return x * (1 + torch.abs(x))


def swish(x, beta=1.0):
    return x / (1 + torch.exp(-x * beta))


class LearnedSwish(nn.Module):
    """Swish with a learned beta kept positive through softplus or exp."""

    def __init__(self):
        super().__init__()
        self.beta_raw = nn.Parameter(torch.zeros(1))
        self.log_beta = nn.Parameter(torch.zeros(1))

    def forward(self, x):
        a = x * torch.sigmoid(F.softplus(self.beta_raw) * x)
        b = x * torch.sigmoid(torch.exp(self.log_beta) * x)
        # look-alikes: the learned factor multiplies x twice, or a function of x
        c = x * torch.sigmoid(self.beta_raw * x * x)
        d = x * torch.sigmoid(torch.tanh(self.beta_raw * x) * x)
        return a, b, c, d


class GainedActivations(nn.Module):
    def __init__(self, gain, bias):
        super().__init__()
        self.gain = gain
        self.bias = bias

    def forward(self, x):
        a = x * torch.sigmoid(x) * self.gain
        b = 0.5 * x * (1 + torch.erf(x / math.sqrt(2.0))) * self.gain
        c = 2 * torch.sigmoid(2 * x) - 1 + self.bias
        d = x * (x > 0) * self.gain
        return a, b, c, d
`;

  it('reads -softplus(-x) with a library softplus as log-sigmoid', () => {
    expectFormula(PY, SRC, '-F.softplus(-x)', { id: 'logsigmoid', framework: 'pytorch' });
  });

  it('reads x / (1 + |x|) as softsign and a swish whose beta defaults to 1 as SiLU', () => {
    expectFormula(PY, SRC, 'x / (1 + torch.abs(x))', { id: 'softsign', framework: 'pytorch' });
    expectFormula(PY, SRC, 'x / (1 + torch.exp(-x * beta))', {
      id: 'silu',
      framework: 'pytorch',
      params: { beta: 1 },
    });
  });

  it('reads swish whose beta is a learned value passed through softplus or exp as SiLU with beta not spelled', () => {
    for (const expr of [
      'x * torch.sigmoid(F.softplus(self.beta_raw) * x)',
      'x * torch.sigmoid(torch.exp(self.log_beta) * x)',
    ]) {
      expectFormula(PY, SRC, expr, { id: 'silu', framework: 'pytorch' });
      const got = recognizeAt(SRC, SRC.indexOf(expr), PY);
      assert.deepEqual(got?.nonLiteral, ['beta'], expr);
    }
    expectNoFormula(PY, SRC, 'x * torch.sigmoid(self.beta_raw * x * x)');
    expectNoFormula(PY, SRC, 'x * torch.sigmoid(torch.tanh(self.beta_raw * x) * x)');
  });

  it('shows nothing for x·σ(−x), 2·SiLU or x·(1 + |x|)', () => {
    for (const expr of [
      'x / (1 + torch.exp(x))',
      '2 * x * torch.sigmoid(x)',
      'x * (1 + torch.abs(x))',
    ]) {
      expectNoFormula(PY, SRC, expr);
    }
  });

  it('hovers SiLU, GELU, tanh and a ReLU mask beside a gain or a bias over the activation alone', () => {
    const silu = SRC.indexOf('x * torch.sigmoid(x) * self.gain');
    expectFormula(
      PY,
      SRC,
      'x * torch.sigmoid(x)',
      { id: 'silu', framework: 'pytorch', params: { beta: 1 } },
      SRC.slice(0, silu).split('x * torch.sigmoid(x)').length - 1,
    );
    expectFormula(PY, SRC, '0.5 * x * (1 + torch.erf(x / math.sqrt(2.0)))', {
      id: 'gelu',
      framework: 'pytorch',
      params: { approximate: 'none' },
    });
    expectFormula(PY, SRC, '2 * torch.sigmoid(2 * x) - 1', { id: 'tanh', framework: 'pytorch' });
    // No library function in x * (x > 0): the framework is the array library the file imports.
    expectFormula(PY, SRC, 'x * (x > 0)', { id: 'relu', framework: 'pytorch' });
    for (const [word, nth] of [
      ['gain', 3],
      ['gain', 4],
      ['gain', 5],
      ['bias', 3],
    ] as const) {
      assert.equal(hover(PY, SRC, word, nth), undefined, `${word} #${nth} is no activation`);
    }
  });
});

describe('hand-written ReLU family: clamp keywords, comparisons with zero first, ELU as a sum', () => {
  const SRC = `import numpy as np
import tensorflow as tf
import torch


def relu_numpy_keywords(x):
    return np.clip(x, a_min=0, a_max=None)


def relu_tf_keywords(x):
    return tf.clip_by_value(x, clip_value_min=0.0, clip_value_max=np.inf)


def negative_part(x):
    # the part a ReLU removes, kept for a split-sign penalty
    return np.minimum(x, 0)


def clamps(x):
    # bounded ranges: none of these is a ReLU
    a = np.clip(x, a_min=0, a_max=1)
    b = torch.clamp(x, min=0, max=6)
    c = tf.clip_by_value(x, clip_value_min=0.0, clip_value_max=6.0)
    return a, b, c


def relu_squared_grad(x):
    # d/dx relu(x)^2 = 2 x [x > 0]
    return 2 * x * (x > 0)


def leaky_at_or_below_zero(x):
    return np.where(x <= 0, 0.01 * x, x)


def leaky_zero_first(x):
    return np.where(0 > x, 0.2 * x, x)


def leaky_zero_first_inclusive(x):
    return np.where(0 >= x, 0.3 * x, x)


def thresholds(x):
    a = np.where(0.5 < x, x, 0)
    b = np.where(x <= 1.0, 0, x)
    return a, b


def elu_as_sum(x):
    return np.where(x > 0, x, 0.5 * np.exp(x) - 0.5)


def elu_typos(x):
    a = np.where(x > 0, x, 0.4 * np.exp(x) - 1)
    b = np.where(x > 0, x, 0.4 * np.exp(2 * x) - 0.4)
    c = np.where(x > 0, x, 0.4 * np.expm1(x) - 0.4)
    return a, b, c
`;

  it('reads a clip open above, with its bounds given by keyword, as ReLU', () => {
    expectFormula(PY, SRC, 'np.clip(x, a_min=0, a_max=None)', { id: 'relu', framework: 'numpy' });
    expectFormula(PY, SRC, 'tf.clip_by_value(x, clip_value_min=0.0, clip_value_max=np.inf)', {
      id: 'relu',
      framework: 'tensorflow',
    });
  });

  it('shows nothing for min(x, 0), a clip bounded above by keyword, or the gradient 2x·[x > 0]', () => {
    for (const expr of [
      'np.minimum(x, 0)',
      'np.clip(x, a_min=0, a_max=1)',
      'torch.clamp(x, min=0, max=6)',
      'tf.clip_by_value(x, clip_value_min=0.0, clip_value_max=6.0)',
      '2 * x * (x > 0)',
    ]) {
      expectNoFormula(PY, SRC, expr);
    }
  });

  it('reads leaky ReLU from x <= 0 and from comparisons with zero on the left', () => {
    expectFormula(PY, SRC, 'np.where(x <= 0, 0.01 * x, x)', {
      id: 'leaky_relu',
      framework: 'numpy',
      params: { negative_slope: 0.01 },
    });
    expectFormula(PY, SRC, 'np.where(0 > x, 0.2 * x, x)', {
      id: 'leaky_relu',
      framework: 'numpy',
      params: { negative_slope: 0.2 },
    });
    expectFormula(PY, SRC, 'np.where(0 >= x, 0.3 * x, x)', {
      id: 'leaky_relu',
      framework: 'numpy',
      params: { negative_slope: 0.3 },
    });
  });

  it('shows nothing for a threshold other than zero, written either way round', () => {
    expectNoFormula(PY, SRC, 'np.where(0.5 < x, x, 0)');
    expectNoFormula(PY, SRC, 'np.where(x <= 1.0, 0, x)');
  });

  it('reads a·exp(x) − a as ELU with α = a, and not a sum whose constant or exponent is off', () => {
    expectFormula(PY, SRC, 'np.where(x > 0, x, 0.5 * np.exp(x) - 0.5)', {
      id: 'elu',
      framework: 'numpy',
      params: { alpha: 0.5 },
    });
    for (const expr of [
      'np.where(x > 0, x, 0.4 * np.exp(x) - 1)',
      'np.where(x > 0, x, 0.4 * np.exp(2 * x) - 0.4)',
      'np.where(x > 0, x, 0.4 * np.expm1(x) - 0.4)',
    ]) {
      expectNoFormula(PY, SRC, expr);
    }
  });
});

describe('hand-written squared ReLU and its look-alikes', () => {
  const SRC = `import numpy as np
import torch
import torch.nn.functional as F


def relu_squared_pow(x):
    return torch.pow(F.relu(x), 2)


def relu_squared_numpy(x):
    return np.maximum(x, 0) ** 2


def relu_squared_mask(x):
    return (x * (x > 0)) ** 2


def tanh_grad(x):
    return 1 - torch.tanh(x) ** 2


def doubled_relu(x):
    return F.relu(x) * 2.0


def half_relu_squared(x):
    # relu(x)^2 / 2: the energy whose gradient is relu(x)
    return 0.5 * F.relu(x) * F.relu(x)
`;

  it('reads pow(relu(x), 2) and the square of a hand-written ReLU as squared ReLU', () => {
    expectFormula(PY, SRC, 'torch.pow(F.relu(x), 2)', { id: 'relu_squared', framework: 'pytorch' });
    expectFormula(PY, SRC, 'np.maximum(x, 0) ** 2', { id: 'relu_squared', framework: 'numpy' });
    // No library function in it: the framework is the first array library the file imports.
    expectFormula(PY, SRC, '(x * (x > 0)) ** 2', { id: 'relu_squared', framework: 'pytorch' });
  });

  it('shows nothing for tanh(x)², 2·relu(x) or relu(x)²/2', () => {
    for (const expr of ['torch.tanh(x) ** 2', 'F.relu(x) * 2.0', '0.5 * F.relu(x) * F.relu(x)']) {
      expectNoFormula(PY, SRC, expr);
    }
  });
});

describe('hand-written hard sigmoid and hard swish: what a capped ReLU times x is not', () => {
  const SRC = `import numpy as np
import tensorflow as tf


def relu6_unit_range(x):
    # ReLU6 rescaled to [0, 1] for 8-bit export; no +3 shift, so no hard sigmoid.
    return tf.minimum(tf.nn.relu(x), 6.0) / 6.0


def swish_keras_gate(x):
    # x times the slope-0.2 hard sigmoid: hard swish uses slope 1/6.
    return x * np.clip(0.2 * x + 0.5, 0, 1)


def hard_swish(x, cap=6.0):
    """x * relu6(x + 3) / 6, with the cap of a quantized export as a parameter."""
    return x * np.minimum(np.maximum(x + 3, 0), cap) / cap


class ScaledRelu6(tf.Module):
    def __init__(self, gain):
        super().__init__()
        self.gain = gain

    def __call__(self, x):
        return tf.minimum(tf.nn.relu(x), 6.0) * self.gain
`;

  it('hovers relu6(x)/6 as the ReLU6 inside it, not as one activation', () => {
    expectFormula(PY, SRC, 'tf.minimum(tf.nn.relu(x), 6.0)', {
      id: 'relu6',
      framework: 'tensorflow',
    });
    assert.equal(hover(PY, SRC, '6.0', 1), undefined, 'the division by 6 is outside the ReLU6');
  });

  it('hovers ReLU6 times a gain over the ReLU6 alone', () => {
    expectFormula(
      PY,
      SRC,
      'tf.minimum(tf.nn.relu(x), 6.0)',
      { id: 'relu6', framework: 'tensorflow' },
      1,
    );
    assert.equal(hover(PY, SRC, 'gain', 3), undefined, 'the gain is outside the ReLU6');
  });

  it('reads hard swish with its cap a parameter from every token, the inner maximum included', () => {
    expectFormula(PY, SRC, 'x * np.minimum(np.maximum(x + 3, 0), cap) / cap', {
      id: 'hardswish',
      framework: 'numpy',
    });
  });

  it('hovers x times the slope-0.2 hard sigmoid as that hard sigmoid, not as hard swish', () => {
    expectFormula(PY, SRC, 'np.clip(0.2 * x + 0.5, 0, 1)', {
      id: 'hardsigmoid',
      framework: 'numpy',
      params: { slope: 0.2 },
    });
    const product = SRC.indexOf('x * np.clip(0.2 * x + 0.5, 0, 1)');
    assert.equal(
      recognizeAt(SRC, product, PY),
      undefined,
      'the factor x is outside the hard sigmoid',
    );
  });
});

describe('hand-written softmax: the reduction axis and near misses', () => {
  const SRC = `import numpy as np
import torch


def softmax_all(x):
    return np.exp(x) / np.sum(np.exp(x), axis=None)


def softmax_all_positional(x):
    return np.exp(x) / np.sum(np.exp(x), None)


def softmax_last(x):
    return torch.exp(x) / torch.exp(x).sum(-1, keepdim=True)


def softmax_stable(logits):
    e = np.exp(logits - logits.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def tempered(x):
    # softmax(2x): a sharpened distribution, not softmax of x
    return np.exp(x / 0.5) / np.sum(np.exp(x / 0.5))


def log_energy(x):
    return x - np.log(np.sum(np.square(x)))
`;

  it('reads axis=None, by keyword or by position, as a softmax over every element', () => {
    for (const [expr, nth] of [
      ['np.exp(x) / np.sum(np.exp(x), axis=None)', 0],
      ['np.exp(x) / np.sum(np.exp(x), None)', 1],
    ] as const) {
      expectFormula(PY, SRC, expr, { id: 'softmax', framework: 'numpy' });
      const got = hover(PY, SRC, 'None', nth);
      assert.equal(got?.id, 'softmax');
      assert.ok(!('dim' in got.params), `no dimension for ${expr}`);
    }
  });

  it('reads a positional dim of a method sum', () => {
    expectFormula(PY, SRC, 'torch.exp(x) / torch.exp(x).sum(-1, keepdim=True)', {
      id: 'softmax',
      framework: 'pytorch',
      params: { dim: -1 },
    });
  });

  it('reads a softmax over a temporary from every token, the axis included', () => {
    expectFormula(PY, SRC, 'e / e.sum(axis=-1, keepdims=True)', {
      id: 'softmax',
      framework: 'numpy',
      params: { dim: -1 },
    });
  });

  it('shows nothing for a softmax of 2x or a log of a sum of squares', () => {
    expectNoFormula(PY, SRC, 'np.exp(x / 0.5) / np.sum(np.exp(x / 0.5))');
    expectNoFormula(PY, SRC, 'x - np.log(np.sum(np.square(x)))');
  });
});

describe('hand-written softmax over an axis the code computes', () => {
  const SRC = `"""Attention heads whose normalizing axis is configured, not written."""
import tensorflow as tf
import torch
from torch import nn


class ScaledSoftmax(nn.Module):
    def __init__(self, dim=-1):
        super().__init__()
        self.dim = dim

    def forward(self, scores):
        e = torch.exp(scores - scores.amax(dim=self.dim, keepdim=True))
        return e / e.sum(dim=self.dim, keepdim=True)

    def positional(self, scores):
        return torch.exp(scores) / torch.sum(torch.exp(scores), self.dim, keepdim=True)

    def log_probs(self, scores):
        return scores - torch.logsumexp(scores, dim=self.dim, keepdim=True)


def keras_head(logits):
    e = tf.exp(logits)
    return e / tf.reduce_sum(e, axis=[-1], keepdims=True)


def flat(logits):
    # every element at once: a distribution over the whole tensor
    return torch.exp(logits) / torch.exp(logits).sum()
`;

  function expectAxisNotRead(expr: string, id: string, framework: string): void {
    expectFormula(PY, SRC, expr, { id, framework });
    const got = recognizeAt(SRC, SRC.indexOf(expr), PY);
    assert.ok(got !== undefined && !('dim' in got.params), `no dimension value for ${expr}`);
    assert.deepEqual(got.nonLiteral, ['dim'], `the dimension is named as not read for ${expr}`);
  }

  it('names the dimension as given but not read, by keyword, by position and in a list', () => {
    expectAxisNotRead('e / e.sum(dim=self.dim, keepdim=True)', 'softmax', 'pytorch');
    expectAxisNotRead(
      'torch.exp(scores) / torch.sum(torch.exp(scores), self.dim, keepdim=True)',
      'softmax',
      'pytorch',
    );
    expectAxisNotRead(
      'scores - torch.logsumexp(scores, dim=self.dim, keepdim=True)',
      'log_softmax',
      'pytorch',
    );
    expectAxisNotRead('e / tf.reduce_sum(e, axis=[-1], keepdims=True)', 'softmax', 'tensorflow');
  });

  it('a sum with no axis is over every element: no dimension, none missing', () => {
    const expr = 'torch.exp(logits) / torch.exp(logits).sum()';
    expectFormula(PY, SRC, expr, { id: 'softmax', framework: 'pytorch' });
    const got = recognizeAt(SRC, SRC.indexOf(expr), PY);
    assert.ok(got !== undefined && !('dim' in got.params));
    assert.equal(got.nonLiteral, undefined);
  });
});
