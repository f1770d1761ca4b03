/**
 * User-defined activations read from their bodies (`src/core/recognize/bodies.ts`), hovered where they are
 * called: which `return` counts (not a nested helper's, not one of two that disagree), what a body without a
 * `return` gives back (Julia's and Rust's last expression, JavaScript's `undefined`), how the returned
 * expression is delimited (outer parentheses, a conditional expression, a temporary with a `;`), which names
 * it may read (its first parameter, Rust's `mut` binding it, paths and members that are not names), and the
 * one-line source the hover shows (whitespace collapsed, cut at 120 characters on a character boundary).
 *
 * Expected values come from the languages and the mathematics: Python returns the value of its `return`
 * statement and `None` without one; JavaScript functions without `return` give `undefined`; Julia returns
 * the value of a function's last expression and Rust that of a block's last expression without `;`;
 * 1 / (1 + e^(−z)) is the logistic sigmoid with or without parentheses around it; clamp(x + 3, 0, 6) / 6 is
 * PyTorch's hardsigmoid (slope 1/6); e / Σe with e = exp(x − max x) is softmax; 2σ(x) − 1 is tanh(x / 2),
 * which no catalogue entry is. A function whose result depends on which of two different activations a
 * branch picks computes neither.
 */
import assert from 'node:assert/strict';
import { recognizeAt, type RecognizedCall } from '../../src/core';
import { expectCall, expectNothing, spanOf } from './recognizeHelpers';

const PY = 'python';
const JS = 'javascript';

/** What is recognized in the middle of the nth `word` (the name of a called user-defined function). */
function hovered(
  lang: string,
  text: string,
  word: string,
  nth: number,
): RecognizedCall | undefined {
  const [s, e] = spanOf(text, word, nth);
  return recognizeAt(text, Math.floor((s + e) / 2), lang);
}

/** The one-line body source the hover shows for the nth `word`. */
function sourceOf(lang: string, text: string, word: string, nth: number): string | undefined {
  return hovered(lang, text, word, nth)?.definedAt?.source;
}

describe('user-defined activations: which return statement counts', () => {
  const SRC = `"""Activation helpers for a small PyTorch encoder."""
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class TanhGELU(nn.Module):
    """GELU through tanh, as in the GPT-2 reference code."""

    def __init__(self):
        super().__init__()
        self.scale = 0.5

    def forward(self, x):
        return F.gelu(x, approximate="tanh")


def gelu_with_helper(x):
    def halve(v):
        # A helper for debugging plots; not what the outer function returns.
        return v * 0.5

    return F.gelu(x, approximate="tanh")


def by_name(x, kind):
    if kind == "relu":
        return F.relu(x)
    return F.gelu(x)


def train_switch(x, training=True):
    return F.relu(x) if training else F.gelu(x)


def relu_or_identity(x, training=True):
    return F.relu(x) if training else x


def swish_inplace(x, inplace=False):
    return x.mul_(torch.sigmoid(x)) if inplace else x.mul(torch.sigmoid(x))


def hidden(h):
    return (
        TanhGELU()(h)
        + gelu_with_helper(h)
        + by_name(h, "relu")
        + train_switch(h)
        + relu_or_identity(h)
        + swish_inplace(h)
    )
`;

  it('a layer class is what its forward returns, even with __init__ defined first', () => {
    expectCall(
      PY,
      SRC,
      'TanhGELU',
      {
        id: 'gelu',
        framework: 'pytorch',
        params: { approximate: 'tanh' },
      },
      1,
    );
  });

  it("a nested helper's return is not the outer function's", () => {
    expectCall(
      PY,
      SRC,
      'gelu_with_helper',
      {
        id: 'gelu',
        framework: 'pytorch',
        params: { approximate: 'tanh' },
      },
      1,
    );
    assert.equal(sourceOf(PY, SRC, 'gelu_with_helper', 1), 'F.gelu(x, approximate="tanh")');
  });

  it('two returns of different activations, or branches that disagree, give no hover', () => {
    expectNothing(PY, SRC, 'by_name', 1);
    expectNothing(PY, SRC, 'train_switch', 1);
    // One branch is the identity: the function is ReLU only while training.
    expectNothing(PY, SRC, 'relu_or_identity', 1);
  });

  it('the inplace conditional is hovered as one expression, exactly', () => {
    expectCall(
      PY,
      SRC,
      'swish_inplace',
      {
        id: 'silu',
        framework: 'pytorch',
        params: { beta: 1 },
      },
      1,
    );
    assert.equal(
      sourceOf(PY, SRC, 'swish_inplace', 1),
      'x.mul_(torch.sigmoid(x)) if inplace else x.mul(torch.sigmoid(x))',
    );
  });
});

describe('user-defined activations: the returned expression as written', () => {
  const SRC = `"""NumPy and PyTorch activations written out by hand."""
import numpy as np
import torch
import torch.nn.functional as F


def logistic(z):
    # Parenthesized the way a formula is often copied from a paper.
    return (1.0 / (1.0 + np.exp(-z)))


def logistic_call(z):
    return (torch.sigmoid(z))


def hard_sigmoid(x):
    return (x + 3.0).clamp(0.0, 6.0) / 6.0


def stable_softmax(x):
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def rescaled_sigmoid(x):
    # 2 sigma(x) - 1 = tanh(x / 2): a sigmoid stretched to (-1, 1), not the sigmoid itself.
    return torch.sigmoid(x) * 2 - 1


def probabilities(logits):
    return F.softmax(logits, dim=-1, dtype=torch.float32)


def quick_gelu(x):
    return x * torch.sigmoid(
        1.702   *   x
    )


scores = logistic(h) + logistic_call(h) + hard_sigmoid(h) + stable_softmax(h)
scores = scores + rescaled_sigmoid(h) + probabilities(h) + quick_gelu(h)
`;

  it('a formula inside parentheses is the formula (before: no hover)', () => {
    expectCall(PY, SRC, 'logistic', { id: 'sigmoid', framework: 'numpy' }, 1);
    assert.deepEqual(hovered(PY, SRC, 'logistic', 1)?.definedAt, {
      line: 7,
      source: '1.0 / (1.0 + np.exp(-z))',
    });
    expectCall(PY, SRC, 'logistic_call', { id: 'sigmoid', framework: 'pytorch' }, 1);
    assert.equal(sourceOf(PY, SRC, 'logistic_call', 1), 'torch.sigmoid(z)');
  });

  it('a parenthesized start that is not the whole expression is not taken off', () => {
    expectCall(
      PY,
      SRC,
      'hard_sigmoid',
      {
        id: 'hardsigmoid',
        framework: 'pytorch',
        params: { slope: 1 / 6 },
      },
      1,
    );
    assert.equal(sourceOf(PY, SRC, 'hard_sigmoid', 1), '(x + 3.0).clamp(0.0, 6.0) / 6.0');
  });

  it('a softmax through a temporary that starts the returned expression', () => {
    expectCall(
      PY,
      SRC,
      'stable_softmax',
      {
        id: 'softmax',
        framework: 'numpy',
        params: { dim: -1 },
      },
      1,
    );
    assert.equal(sourceOf(PY, SRC, 'stable_softmax', 1), 'e / e.sum(axis=-1, keepdims=True)');
  });

  it('a recognized call inside a larger expression does not make the body that activation', () => {
    expectNothing(PY, SRC, 'rescaled_sigmoid', 1);
  });

  it('a member such as torch.float32 is not a name the body reads', () => {
    expectCall(
      PY,
      SRC,
      'probabilities',
      {
        id: 'softmax',
        framework: 'pytorch',
        params: { dim: -1 },
      },
      1,
    );
  });

  it('a body spread over lines is shown on one line, runs of spaces collapsed', () => {
    expectCall(PY, SRC, 'quick_gelu', { id: 'quick_gelu', framework: 'pytorch' }, 1);
    assert.equal(sourceOf(PY, SRC, 'quick_gelu', 1), 'x * torch.sigmoid( 1.702 * x )');
  });
});

describe('user-defined activations: the source line shown is cut at 120 characters', () => {
  const LONG = `import math

import torch


def gelu_tanh(hidden_states):
    return 0.5 * hidden_states * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (hidden_states + 0.044715 * torch.pow(hidden_states, 3.0))))


def gelu_tanh_short(x):
    return 0.5 * x * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * torch.pow(x, 3.0))))


out = gelu_tanh(h) + gelu_tanh_short(h)
`;

  it('a body longer than 120 characters is cut to 119 and an ellipsis', () => {
    const body = LONG.split('\n')[6].trim().slice('return '.length);
    assert.ok(body.length > 120);
    expectCall(
      PY,
      LONG,
      'gelu_tanh',
      {
        id: 'gelu',
        framework: 'pytorch',
        params: { approximate: 'tanh' },
      },
      1,
    );
    assert.equal(sourceOf(PY, LONG, 'gelu_tanh', 1), `${body.slice(0, 119)}…`);
  });

  it('a body of 120 characters or fewer is shown whole', () => {
    const body = LONG.split('\n')[10].trim().slice('return '.length);
    assert.ok(body.length <= 120);
    assert.equal(sourceOf(PY, LONG, 'gelu_tanh_short', 1), body);
  });

  it('the cut never splits a character outside the Basic Multilingual Plane', () => {
    // The comment's 𝜋 (U+1D70B, two UTF-16 units) falls on the cut: it goes whole, the line ends before it.
    const lead =
      '0.5 * x * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * torch.pow(x, 3.0))))';
    const comment = '# the tanh fit uses sqrt(2/𝜋), Hendrycks and Gimpel';
    const src = `import math

import torch


def gelu_commented(x):
    return ${lead.slice(0, -1)}  ${comment}
    )


y = gelu_commented(h)
`;
    const line = `${lead.slice(0, -1)} ${comment} )`;
    const pi = line.indexOf('𝜋');
    assert.equal(pi, 118, 'the fixture puts the high surrogate at the cut');
    assert.equal(sourceOf(PY, src, 'gelu_commented', 1), `${line.slice(0, 118)}…`);
  });
});

describe('user-defined activations in JavaScript, Rust and Julia', () => {
  const TFJS = `import * as tf from '@tensorflow/tfjs';

/** Leaky ReLU by hand; the slope may be given per call. */
function leaky(x, slope = 0.2) {
  return tf.maximum(x, x.mul(slope));
}

function sigmoidAct(x) {
  const out = tf.sigmoid(x);
  return out;
}

// Logs only: a JavaScript function without return gives undefined.
function traceRelu(x) {
  tf.relu(x).print()
  tf.relu(x)
}

export function encoder(h, g) {
  return [leaky(h, 0.1), leaky(g, 0.3), leaky(g), sigmoidAct(h), traceRelu(h)];
}
`;

  it('each call of one function shows the slope it passes', () => {
    const expected = [0.1, 0.3, 0.2];
    expected.forEach((slope, i) => {
      expectCall(
        JS,
        TFJS,
        'leaky',
        {
          id: 'leaky_relu',
          framework: 'tfjs',
          params: { negative_slope: slope },
        },
        i + 1,
      );
    });
  });

  it('a temporary assigned with a semicolon and returned is its value', () => {
    expectCall(JS, TFJS, 'sigmoidAct', { id: 'sigmoid', framework: 'tfjs' }, 1);
    assert.equal(sourceOf(JS, TFJS, 'sigmoidAct', 1), 'tf.sigmoid(x)');
  });

  it('a function that returns nothing is no activation, even without semicolons', () => {
    expectNothing(JS, TFJS, 'traceRelu', 1);
  });

  const CANDLE = `use candle_core::{Result, Tensor};
use candle_nn::ops;

/// SiLU on a tensor taken by value.
fn silu_owned(mut xs: Tensor) -> Result<Tensor> {
    ops::silu(&xs)
}

/// The logistic function on one scalar.
fn sigmoid_scalar(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

/// The same function as a unit struct, for code that wants a type.
struct Sigmoid;

fn relu_discarded(xs: &Tensor) {
    xs.relu();
}

pub fn block(h: Tensor, g: f32) {
    let a = silu_owned(h.clone());
    let b = sigmoid_scalar(g);
    let c = relu_discarded(&h);
}
`;

  it("Rust: a parameter bound with mut is the function's input", () => {
    expectCall(
      'rust',
      CANDLE,
      'silu_owned',
      {
        id: 'silu',
        framework: 'candle',
        params: { beta: 1 },
      },
      1,
    );
  });

  it("Rust: the block's last expression is returned, whatever item follows; with a semicolon nothing is", () => {
    expectCall('rust', CANDLE, 'sigmoid_scalar', { id: 'sigmoid', framework: 'other' }, 1);
    assert.equal(sourceOf('rust', CANDLE, 'sigmoid_scalar', 1), '1.0 / (1.0 + (-x).exp())');
    expectNothing('rust', CANDLE, 'relu_discarded', 1);
  });

  const FLUX = `using Flux

"""Swish, broadcast over an array."""
function swish_broadcast(x)
    return NNlib.swish.(x)
end

"""ReLU, broadcast by name."""
function relu_broadcast(x)
    return relu.(x)
end

"""The value of the last expression is returned."""
function relu_last(x)
    n = length(x)
    relu.(x)
end

y = swish_broadcast(h) .+ relu_broadcast(h) .+ relu_last(h)
`;

  it('Julia: a broadcast call by path or by bare name is the function (before: no hover by name)', () => {
    expectCall(
      'julia',
      FLUX,
      'swish_broadcast',
      {
        id: 'silu',
        framework: 'flux',
        params: { beta: 1 },
      },
      1,
    );
    expectCall('julia', FLUX, 'relu_broadcast', { id: 'relu', framework: 'flux' }, 1);
    assert.equal(sourceOf('julia', FLUX, 'relu_broadcast', 1), 'relu.(x)');
  });

  it("Julia: a function without return is its last expression's value", () => {
    expectCall('julia', FLUX, 'relu_last', { id: 'relu', framework: 'flux' }, 1);
    assert.equal(sourceOf('julia', FLUX, 'relu_last', 1), 'relu.(x)');
  });
});

describe('user-defined activations: branches, nested classes and calls that disagree', () => {
  const TORCH = `import torch
import torch.nn as nn
import torch.nn.functional as F


def hard_sigmoid(x, inplace: bool = False):
    if inplace:
        return x.add_(3.0).clamp_(0.0, 6.0).div_(6.0)
    return F.relu6(x + 3.0) / 6.0


class GatedGELU(nn.Module):
    """GELU times a sigmoid gate: a gated unit, not GELU and not a sigmoid."""

    class Gate(nn.Module):
        def forward(self, x):
            return torch.sigmoid(x)

    def __init__(self):
        super().__init__()
        self.gate = GatedGELU.Gate()

    def forward(self, x):
        return F.gelu(x) * self.gate(x)


y = hard_sigmoid(h) + GatedGELU()(h)
`;

  it('the branch under `if inplace:` is the same function in place; the other return decides', () => {
    expectCall(
      PY,
      TORCH,
      'hard_sigmoid',
      { id: 'hardsigmoid', framework: 'pytorch', params: { slope: 1 / 6 } },
      1,
    );
    assert.equal(sourceOf(PY, TORCH, 'hard_sigmoid', 1), 'F.relu6(x + 3.0) / 6.0');
  });

  it("a layer class is its own forward, not a nested class's", () => {
    expectNothing(PY, TORCH, 'GatedGELU', 2);
  });

  const FLUX = `using Flux

"""ReLU; with \`inplace = true\` it overwrites \`x\` and returns nothing."""
function relu_maybe_inplace(x; inplace = false)
    if inplace
        x .= relu.(x)
        return nothing
    end
    return relu.(x)
end

y = relu_maybe_inplace(h)
`;

  it("Julia: every return counts, `if inplace` included (PyTorch's convention is Python's)", () => {
    expectNothing('julia', FLUX, 'relu_maybe_inplace', 1);
  });

  const TFJS = `import * as tf from '@tensorflow/tfjs';

function leaky(x, slope = 0.2) {
  return tf.maximum(x, x.mul(slope));
}

/** The slope depends on the phase: no single activation. */
function phased(x, training) {
  if (training) {
    return leaky(x, 0.1);
  }
  return leaky(x, 0.3);
}

/** Both phases use one slope. */
function steady(x, training) {
  if (training) {
    return leaky(x, 0.1);
  }
  return leaky(x, 0.1);
}

export const out = (h) => [phased(h, true), steady(h, false)];
`;

  it('two returns calling one function with different slopes are no activation', () => {
    expectNothing(JS, TFJS, 'phased', 1);
    expectCall(
      JS,
      TFJS,
      'steady',
      { id: 'leaky_relu', framework: 'tfjs', params: { negative_slope: 0.1 } },
      1,
    );
  });
});

describe('user-defined activations: layers built and applied, paths in arguments', () => {
  const KERAS = `import tensorflow as tf
from tensorflow.keras import layers


def gelu_layer(x):
    return tf.keras.layers.Activation("gelu")(x)


def relu_layer(x):
    return layers.ReLU()(x)


def gelu_layer_indexed(x):
    return layers.Activation("gelu")(x)[0]


y = gelu_layer(h) + relu_layer(h) + gelu_layer_indexed(h)
`;

  it('Keras: a layer made by its name, or by its class, and applied once', () => {
    expectCall(
      PY,
      KERAS,
      'gelu_layer',
      { id: 'gelu', framework: 'keras', params: { approximate: 'none' } },
      1,
    );
    assert.equal(sourceOf(PY, KERAS, 'gelu_layer', 1), 'tf.keras.layers.Activation("gelu")(x)');
    expectCall(PY, KERAS, 'relu_layer', { id: 'relu', framework: 'keras' }, 1);
    // Indexing the result takes one row of it: no longer the activation of x.
    expectNothing(PY, KERAS, 'gelu_layer_indexed', 1);
  });

  const CANDLE = `use candle_core::{Result, Tensor, D};
use candle_nn::ops;

/// Softmax over the last dimension, named through the D enum.
fn probs(xs: &Tensor) -> Result<Tensor> {
    ops::softmax(xs, D::Minus1)
}

pub fn head(h: &Tensor) -> Result<Tensor> {
    probs(h)
}
`;

  it('Rust: a path such as D::Minus1 is not a name the body reads', () => {
    expectCall(
      'rust',
      CANDLE,
      'probs',
      { id: 'softmax', framework: 'candle', params: { dim: -1 } },
      1,
    );
  });
});

describe("Julia's short-form definitions with defaults", () => {
  const SRC = `using Flux

# The activation is chosen once, when the model is built; \`verbose\` only logs.
act(x; verbose = false) = gelu(x)
act_plain(x) = gelu(x)

model = Chain(Dense(4 => 8), x -> act.(x), Dense(8 => 2))
y = act(h) .+ act_plain(h)
`;

  it("the body is what follows the `=` after the parameter list (before: a default's `=`)", () => {
    // NNlib's gelu is the tanh approximation.
    expectCall(
      'julia',
      SRC,
      'act',
      { id: 'gelu', framework: 'flux', params: { approximate: 'tanh' } },
      2,
    );
    assert.equal(sourceOf('julia', SRC, 'act', 2), 'gelu(x)');
    expectCall(
      'julia',
      SRC,
      'act_plain',
      { id: 'gelu', framework: 'flux', params: { approximate: 'tanh' } },
      1,
    );
  });
});
