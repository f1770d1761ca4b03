/**
 * Imports, defaults, chained and listed assignments, and typed arrows, each in a whole file:
 * - TypeScript arrows whose return type holds brackets (`tf.Tensor | tf.Tensor[]`, `(tf.Tensor | null)`) are
 *   arrows, and calling one applies what its body applies (also when its expression holds an array literal,
 *   `tf.prelu(x, tf.tensor1d([0.25]))`);
 * - imports count where their word stands, also inside a statement (`export const tfn = require(…)`, a C++
 *   `using Act = …;` after `public:`), while `module.exports = { relu, … }`, `yield from map(relu, …)` and
 *   `raise … from err` import nothing; a Rust `use ::candle_nn::ops as cops;` is candle_nn's module, and
 *   `use burn::nn::*;` brings the submodule `activation` into scope;
 * - a Python string after `or` is the default an argument falls back to, as JavaScript's `??`/`||` are; a
 *   TypeScript parameter's default `activation = 'relu'` names TF.js' relu, as Python's does Keras';
 * - `self.a = self.b = module` assigns the module to both attributes; a TypeScript declaration list
 *   `let out: T, gate = tf.sigmoid;` initializes only `gate`; an element assignment (`seen[active] = True`)
 *   changes its container, not the mask it indexes with.
 *
 * Expected values come from the languages' rules and the frameworks' documentation: TypeScript's return type
 * annotation does not change what the body computes; ECMAScript's `export` declarations and CommonJS'
 * `module.exports` object; C++ member declarations after an access specifier; Python's `yield from`,
 * `raise … from`, `or` (the right operand when the left is falsy) and chained assignment (every target gets
 * the one value); Rust's paths (`::` names the crate root; a glob import brings a module's public items,
 * submodules included, into scope); JavaScript and C++ declarators (each `=` initializes its own name).
 * Python's subscript assignment stores into the container. Mathematics: `where(x > 0, x, 0)` is ReLU and
 * `where(x > 0, x, s·x)` leaky ReLU with slope s. TF.js' `tf.relu`, `tf.sigmoid`, `layers.leakyReLU({alpha})`
 * and `tf.prelu(x, alpha)` (slopes from a tensor), LibTorch's `torch::nn::GELU` (exact by default),
 * candle_nn's `ops::sigmoid`, burn's `activation::Gelu` (exact), Keras' "relu"/"softmax" strings,
 * transformers' "gelu_new" (the tanh approximation) and PyTorch's `nn.GELU(approximate="tanh")` and `relu`.
 */
import { expectFormula } from './formulaHelpers';
import { expectCall, expectNothing } from './recognizeHelpers';

describe('TypeScript: an arrow function whose return type holds brackets', () => {
  it('a union with an array type or a parenthesized union is still a return type', () => {
    const src = `import * as tf from '@tensorflow/tfjs';

/** Element-wise activations used by the custom layers below (they accept a tensor or a list of them). */
export type Activation = (x: tf.Tensor) => tf.Tensor | tf.Tensor[];

export const rectify = (x: tf.Tensor): tf.Tensor | tf.Tensor[] => tf.relu(x);

export const squash = (x: tf.Tensor): (tf.Tensor | null) => tf.sigmoid(x);

export function encode(h: tf.Tensor): tf.Tensor {
  const hidden = rectify(h) as tf.Tensor;
  return squash(hidden) ?? hidden;
}
`;
    expectCall('typescript', src, 'rectify', { id: 'relu', framework: 'tfjs' }, 1);
    expectCall('typescript', src, 'squash', { id: 'sigmoid', framework: 'tfjs' }, 1);
  });
});

describe('JavaScript: a CommonJS module that re-exports what it required', () => {
  it('`module.exports = { relu, …, gelu: require(…) }` rebinds no name it lists', () => {
    const src = `'use strict';
/**
 * Activations shared by the Node training scripts: TF.js' own ops where they exist, the rest written here.
 */
const tf = require('@tensorflow/tfjs-node');
const { relu, sigmoid } = require('@tensorflow/tfjs-node');

function hardSwish(x) {
  return tf.tidy(() => tf.mul(x, tf.div(tf.relu6(tf.add(x, 3)), 6)));
}

function encode(h) {
  return sigmoid(relu(h));
}

module.exports = { relu, sigmoid, hardSwish, gelu: require('./gelu'), encode };
`;
    expectCall('javascript', src, 'relu', { id: 'relu', framework: 'tfjs' }, 1);
    expectCall('javascript', src, 'sigmoid', { id: 'sigmoid', framework: 'tfjs' }, 1);
  });
});

describe('Imports that do not start their statement', () => {
  it('TypeScript: `export const tfn = require(…)` binds `tfn` to the package', () => {
    const src = `/**
 * Node backend for the trainer: the native bindings when installed, re-exported for the other modules.
 */
export const tfn = require('@tensorflow/tfjs-node');

export function buildHead(units: number) {
  const dense = tfn.layers.dense({ units });
  return [dense, tfn.layers.leakyReLU({ alpha: 0.1 })];
}
`;
    expectCall('typescript', src, 'leakyReLU', {
      id: 'leaky_relu',
      framework: 'tfjs',
      params: { negative_slope: 0.1 },
    });
  });

  it('C++: a type alias after `public:` names the module it aliases', () => {
    const src = `// A gated MLP block written against LibTorch's module API.
#include <torch/torch.h>

struct GatedMlpImpl : torch::nn::Module {
 public:
  using Act = torch::nn::GELU;

  GatedMlpImpl(int64_t dim, int64_t hidden)
      : up(register_module("up", torch::nn::Linear(dim, hidden))),
        act(register_module("act", Act())),
        down(register_module("down", torch::nn::Linear(hidden, dim))) {}

  torch::Tensor forward(torch::Tensor x) { return down(act(up(x))); }

 private:
  torch::nn::Linear up{nullptr};
  Act act{nullptr};
  torch::nn::Linear down{nullptr};
};
`;
    expectCall('cpp', src, 'act', { id: 'gelu', framework: 'libtorch' }, 2);
  });
});

describe('Rust: a `use` path that starts at the crate root', () => {
  it("`use ::candle_nn::ops as cops;` names candle_nn's ops, as without the leading `::`", () => {
    const src = `//! Gated feed-forward block (SwiGLU-style) on candle.
use ::candle_core::{Result, Tensor};
use ::candle_nn::ops as cops;
use candle_nn::{linear_no_bias, Linear, Module, VarBuilder};

pub struct GatedFfn {
    gate: Linear,
    up: Linear,
    down: Linear,
}

impl GatedFfn {
    pub fn new(dim: usize, hidden: usize, vb: VarBuilder) -> Result<Self> {
        Ok(Self {
            gate: linear_no_bias(dim, hidden, vb.pp("gate"))?,
            up: linear_no_bias(dim, hidden, vb.pp("up"))?,
            down: linear_no_bias(hidden, dim, vb.pp("down"))?,
        })
    }
}

impl Module for GatedFfn {
    fn forward(&self, xs: &Tensor) -> Result<Tensor> {
        let gate = cops::sigmoid(&self.gate.forward(xs)?)?;
        let up = self.up.forward(xs)?;
        self.down.forward(&(gate * up)?)
    }
}
`;
    expectCall('rust', src, 'sigmoid', { id: 'sigmoid', framework: 'candle' });
  });
});

describe('Python: `from` inside a statement is no import', () => {
  it('`yield from map(relu, chunks)` and `raise … from err` bind nothing', () => {
    const src = `"""Streaming inference: activations applied chunk by chunk so a long signal never sits in memory twice."""
from typing import Iterable, Iterator

import torch
from torch.nn.functional import relu


def rectified(chunks: Iterable[torch.Tensor]) -> Iterator[torch.Tensor]:
    """Yields each chunk with ReLU applied (negative samples clipped to zero)."""
    yield from map(relu, chunks)


def first_rectified(chunks: Iterable[torch.Tensor]) -> torch.Tensor:
    try:
        return next(rectified(chunks))
    except StopIteration as err:
        raise ValueError("no chunks") from err


def peak(x: torch.Tensor) -> torch.Tensor:
    return relu(x).amax()
`;
    expectCall('python', src, 'relu', { id: 'relu', framework: 'pytorch' }, 2);
    expectCall('python', src, 'relu', { id: 'relu', framework: 'pytorch' }, 1);
  });
});

describe('Python: a string after `or` is the default an argument falls back to', () => {
  it('Keras: `activation=activation or "relu"` and `layers.Activation(final_act or "softmax")`', () => {
    const src = `"""Small Keras classifier head whose activations can be configured by name."""
from tensorflow import keras
from tensorflow.keras import layers


def classifier_head(num_classes, hidden_units=128, activation=None, final_act=None, dropout=0.1):
    """A dense head: ReLU hidden units and a softmax output unless other activations are named."""
    return keras.Sequential(
        [
            layers.Dense(hidden_units, activation=activation or "relu"),
            layers.Dropout(dropout),
            layers.Dense(num_classes),
            layers.Activation(final_act or "softmax"),
        ]
    )
`;
    expectCall('python', src, 'relu', { id: 'relu', framework: 'keras' });
    expectCall('python', src, 'softmax', { id: 'softmax', framework: 'keras' }, 1);
  });

  it('transformers: `ACT2FN[getattr(config, "projection_act", None) or "gelu_new"]`', () => {
    const src = `import torch
from torch import nn
from transformers.activations import ACT2FN


class ProjectionHead(nn.Module):
    """Maps pooled encoder states into the contrastive space (GELU unless the config names another)."""

    def __init__(self, config):
        super().__init__()
        self.dense = nn.Linear(config.hidden_size, config.projection_dim)
        self.act = ACT2FN[getattr(config, "projection_act", None) or "gelu_new"]
        self.out = nn.Linear(config.projection_dim, config.projection_dim)

    def forward(self, pooled: torch.Tensor) -> torch.Tensor:
        return self.out(self.act(self.dense(pooled)))
`;
    expectCall('python', src, 'gelu_new', {
      id: 'gelu',
      framework: 'pytorch',
      params: { approximate: 'tanh' },
    });
  });
});

describe('Rust: a path through a glob import', () => {
  it('`use burn::nn::*;` brings `activation::Gelu` into scope', () => {
    const src = `use burn::nn::*;
use burn::prelude::*;

#[derive(Module, Debug)]
pub struct FeedForward<B: Backend> {
    up: Linear<B>,
    act: activation::Gelu,
    down: Linear<B>,
}

impl<B: Backend> FeedForward<B> {
    pub fn forward(&self, x: Tensor<B, 3>) -> Tensor<B, 3> {
        let h = self.up.forward(x);
        let h = self.act.forward(h);
        self.down.forward(h)
    }
}
`;
    expectCall(
      'rust',
      src,
      'forward',
      { id: 'gelu', framework: 'burn', params: { approximate: 'none' } },
      2,
    );
  });
});

describe('Python: attributes assigned in one chained assignment', () => {
  it('`self.left_act = self.right_act = nn.GELU(approximate="tanh")` gives both the module', () => {
    const src = `import torch
from torch import nn


class TwinGate(nn.Module):
    """Two gated branches that share one GELU module (the checkpoint stores it once under both names)."""

    def __init__(self, dim: int):
        super().__init__()
        self.left = nn.Linear(dim, dim)
        self.right = nn.Linear(dim, dim)
        self.left_act = self.right_act = nn.GELU(approximate="tanh")

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.left_act(self.left(x)) + self.right_act(self.right(x))
`;
    const tanhGelu = { id: 'gelu', framework: 'pytorch', params: { approximate: 'tanh' } };
    expectCall('python', src, 'left_act', tanhGelu, 1);
    expectCall('python', src, 'right_act', tanhGelu, 1);
  });
});

describe('TypeScript: a declaration list initializes only the declarator its `=` follows', () => {
  it('`let out: tf.Tensor2D, gate = tf.sigmoid;` binds `gate` to the sigmoid', () => {
    const src = `import * as tf from '@tensorflow/tfjs';

/** A two-layer encoder whose hidden activation can be switched to ELU for the smooth variant. */
export function encode(x: tf.Tensor2D, w1: tf.Tensor2D, w2: tf.Tensor2D, smooth = false): tf.Tensor2D {
  let hidden: tf.Tensor2D, act = tf.relu;
  if (smooth) {
    act = tf.elu;
  }
  hidden = act(tf.matMul(x, w1));
  return tf.matMul(hidden, w2);
}

export function project(x: tf.Tensor2D, w: tf.Tensor2D): tf.Tensor2D {
  let out: tf.Tensor2D, gate = tf.sigmoid;
  out = gate(tf.matMul(x, w));
  return out;
}
`;
    expectCall('typescript', src, 'gate', { id: 'sigmoid', framework: 'tfjs' }, 1);
    // ReLU, or ELU after the \`if (smooth)\` block: either may hold.
    expectNothing('typescript', src, 'act', 2);
  });
});

describe('Python: an element assignment changes its target, not its index', () => {
  it('`seen[active] = True` and `counts[positive] += 1` leave the masks as they were', () => {
    const src = `"""Activations that also record which hidden units fired, for dead-unit statistics during training."""
import torch


def relu_tracked(x: torch.Tensor, seen: torch.Tensor) -> torch.Tensor:
    """ReLU that marks every unit that was ever positive in \`seen\`."""
    active = x > 0
    seen[active] = True
    return torch.where(active, x, torch.zeros_like(x))


def leaky_tracked(x: torch.Tensor, counts: torch.Tensor, slope: float = 0.01) -> torch.Tensor:
    """Leaky ReLU that counts, per unit, how often it was on the positive side."""
    positive = x > 0
    counts[positive] += 1
    return torch.where(positive, x, slope * x)
`;
    expectFormula('python', src, 'torch.where(active, x, torch.zeros_like(x))', {
      id: 'relu',
      framework: 'pytorch',
    });
    expectFormula('python', src, 'torch.where(positive, x, slope * x)', {
      id: 'leaky_relu',
      framework: 'pytorch',
      params: { negative_slope: 0.01 },
    });
  });
});

describe('TypeScript: an arrow whose expression holds an array literal', () => {
  it('`(x) => tf.prelu(x, tf.tensor1d([0.25]))` is PReLU with its slopes from a tensor', () => {
    const src = `import * as tf from '@tensorflow/tfjs';

/** Parametric ReLU with a fixed learned slope exported from the Keras model (one channel). */
export const prelu = (x: tf.Tensor): tf.Tensor => tf.prelu(x, tf.tensor1d([0.25]));

export const relu = (x: tf.Tensor) => tf.relu(x);

export function head(h: tf.Tensor): tf.Tensor {
  return prelu(h);
}
`;
    expectCall(
      'typescript',
      src,
      'prelu',
      { id: 'prelu', framework: 'tfjs', nonLiteral: ['weight'] },
      2,
    );
  });
});

describe("TypeScript: an activation named as a parameter's default", () => {
  it("`function denseBlock(units, activation = 'relu')` and an arrow's `activation = 'sigmoid'`", () => {
    const src = `import * as tf from '@tensorflow/tfjs';

/**
 * A dense block for the tabular models: ReLU hidden units unless another activation is named, and an
 * output layer whose activation defaults to the sigmoid of a binary classifier.
 */
export function denseBlock(units: number, activation = 'relu'): tf.layers.Layer {
  return tf.layers.dense({ units, activation });
}

export const outputLayer = (units = 1, activation = 'sigmoid') =>
  tf.layers.dense({ units, activation, name: 'output' });

const saved = tf.io.browserLocalStorage('model-relu');
`;
    expectCall('typescript', src, 'relu', { id: 'relu', framework: 'tfjs' });
    expectCall('typescript', src, 'sigmoid', { id: 'sigmoid', framework: 'tfjs' }, 1);
    expectNothing('typescript', src, 'model-relu');
  });
});
