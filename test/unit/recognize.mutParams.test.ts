/**
 * What a name means when the recognizer reads it through the code around it, not through a table alone: a
 * Rust model's own activation enum read by its `match` arms, a Rust field's declared type behind
 * references and lifetimes, Python names bound in branches or below the function that reads them, the
 * literal arguments that become a call's parameters, activations made from a string, and which Keras a
 * document is written against.
 *
 * Expected values come from the frameworks' documentation: candle's `Tensor::gelu` is the tanh
 * approximation and `gelu_erf` the exact GELU, `candle_nn::ops::softmax(xs, D::Minus1)` is over the last
 * axis; PyTorch's `F.leaky_relu(input, negative_slope=0.01, inplace=False)`, `F.gelu(input,
 * approximate='none')`, `nn.Softplus(beta=1.0, threshold=20.0)`, LibTorch's `SoftplusOptions` and
 * `ELUOptions` builders (same defaults), Keras' `ReLU(max_value=None, negative_slope=0.0, threshold=0.0)`;
 * Python's scoping (a function body reads a module-level name when it runs, a class body when the class is
 * defined, a name assigned in a function is local to all of it); Rust's match syntax (`A | B =>` patterns,
 * a block arm needs no comma, which is how rustfmt writes it). The value of an arm that does more than call
 * one activation (`xs * sigmoid(xs)` is SiLU, not the sigmoid) is not that activation.
 */
import assert from 'node:assert/strict';
import { recognizeAt, type RecognizedCall } from '../../src/core';
import { expectCall, expectNothing, hover, spanOf } from './recognizeHelpers';

const RS = 'rust';
const PY = 'python';
const EXACT = { approximate: 'none' };
const TANH = { approximate: 'tanh' };

/** What is recognized on the last name of the nth `path` (`HiddenAct::Gelu`), at its start, middle and end. */
function onLastName(
  lang: string,
  text: string,
  path: string,
  nth = 0,
): (RecognizedCall | undefined)[] {
  const [, end] = spanOf(text, path, nth);
  const start = end - path.slice(path.lastIndexOf(':') + 1).length;
  return [start, Math.floor((start + end) / 2), end].map((o) => recognizeAt(text, o, lang));
}

/** Asserts the variant named by the nth `path` reads as `id` with `params`, over the variant's own span. */
function expectVariant(text: string, path: string, id: string, params: object, nth = 0): void {
  const [, end] = spanOf(text, path, nth);
  for (const got of onLastName(RS, text, path, nth)) {
    assert.ok(got, `nothing on ${path} #${nth}`);
    assert.equal(got.id, id, path);
    assert.equal(got.framework, 'candle', path);
    assert.deepEqual(got.params, params, path);
    assert.equal(got.end, end, path);
  }
}

describe("Rust: a candle model's activation enum, read by what its match arms apply", () => {
  const SRC = `//! Feed-forward block of a small BERT-style encoder, written against candle.
use candle::{DType, Module, Result, Tensor, D};
use candle_nn::{linear, Linear, VarBuilder};

/// The activations a checkpoint's \`hidden_act\` may name.
#[derive(Debug, Clone, Copy, PartialEq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum HiddenAct {
    Gelu,
    GeluNew,
    GeluPytorchTanh,
    Relu,
    Swish,
    Silu,
    ReTanh,
    Relu2,
    Tanh,
    Softmax,
}

/// Configurations written before v2 named their activations this way.
mod legacy {
    #[derive(Debug, Clone, Copy)]
    pub enum HiddenAct {
        Gelu,
        Relu,
    }
}

impl HiddenAct {
    pub fn forward(&self, xs: &Tensor) -> Result<Tensor> {
        let dtype = xs.dtype();
        let (rows, cols) = xs.dims2()?;
        match self {
            Self::Gelu => {
                // erf drifts in half precision: compute it in f32.
                xs.to_dtype(DType::F32)?.gelu_erf()?.to_dtype(dtype)
            }
            Self::GeluPytorchTanh | HiddenAct::GeluNew => xs.gelu(),
            Self::Relu => xs.relu(),
            Self::Swish => xs * candle_nn::ops::sigmoid(xs)?,
            Self::Silu => candle_nn::ops::silu(xs),
            // Rectified tanh: max(0, tanh x).
            Self::ReTanh => xs.tanh()?.relu(),
            Self::Relu2 => xs.relu()?.sqr(),
            Self::Tanh => xs.reshape(vec![rows, cols])?.tanh(),
            Self::Softmax => candle_nn::ops::softmax(xs, D::Minus1)
        }
    }
}

/// v1 read "gelu" as the tanh approximation.
fn legacy_forward(act: legacy::HiddenAct, xs: &Tensor) -> Result<Tensor> {
    match act {
        legacy::HiddenAct::Gelu => xs.gelu(),
        legacy::HiddenAct::Relu => xs.relu(),
    }
}

/// The fused kernel only has the exact GELU: \`GeluNew\` falls back to it there.
fn fused_forward(act: HiddenAct, xs: &Tensor) -> Result<Tensor> {
    match act {
        HiddenAct::GeluNew => xs.gelu_erf(),
        _ => act.forward(xs),
    }
}

pub struct Intermediate {
    dense: Linear,
    act: HiddenAct,
}

impl Intermediate {
    pub fn new(vb: VarBuilder, hidden: usize, inter: usize) -> Result<Self> {
        let dense = linear(hidden, inter, vb.pp("dense"))?;
        Ok(Self { dense, act: HiddenAct::Gelu })
    }

    pub fn upgrade(old: legacy::HiddenAct) -> HiddenAct {
        match old {
            legacy::HiddenAct::Gelu => HiddenAct::GeluPytorchTanh,
            legacy::HiddenAct::Relu => HiddenAct::Relu,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_activation_keeps_the_shape() -> Result<()> {
        let xs = Tensor::zeros((2, 8), DType::F32, &candle::Device::Cpu)?;
        for act in [
            HiddenAct::Gelu,
            HiddenAct::GeluNew,
            HiddenAct::GeluPytorchTanh,
            HiddenAct::Relu,
            HiddenAct::Swish,
            HiddenAct::Silu,
            HiddenAct::ReTanh,
            HiddenAct::Relu2,
            HiddenAct::Tanh,
            HiddenAct::Softmax,
            legacy::HiddenAct::Gelu,
        ] {
            assert_eq!(act.forward(&xs)?.dims(), xs.dims());
        }
        Ok(())
    }
}
`;

  it('reads a block arm written without a comma (rustfmt) as its own arm only', () => {
    expectVariant(SRC, 'HiddenAct::Gelu', 'gelu', EXACT, 1);
    expectVariant(SRC, 'HiddenAct::Gelu', 'gelu', EXACT, 3);
  });

  it('reads an arm through calls that keep the values: a dtype round trip, a reshape', () => {
    expectVariant(SRC, 'HiddenAct::Tanh', 'tanh', {}, 0);
  });

  it('gives every alternative of an `A | B =>` pattern its arm', () => {
    expectVariant(SRC, 'HiddenAct::GeluPytorchTanh', 'gelu', TANH, 0);
    expectVariant(SRC, 'HiddenAct::GeluPytorchTanh', 'gelu', TANH, 1);
  });

  it('reads the last arm of a match, which ends at the closing brace', () => {
    expectVariant(SRC, 'HiddenAct::Softmax', 'softmax', { dim: -1 }, 0);
    expectVariant(SRC, 'HiddenAct::Relu', 'relu', {}, 2);
    expectVariant(SRC, 'HiddenAct::Relu', 'relu', {}, 3);
    expectVariant(SRC, 'HiddenAct::Silu', 'silu', { beta: 1 }, 0); // SiLU is swish with β = 1
  });

  it('shows nothing where the arms disagree or an arm does more than one activation', () => {
    // Exact GELU in the fused path, the tanh form elsewhere.
    for (const got of onLastName(RS, SRC, 'HiddenAct::GeluNew', 2)) {
      assert.equal(got, undefined);
    }
    // max(0, tanh x) is neither tanh nor ReLU.
    for (const got of onLastName(RS, SRC, 'HiddenAct::ReTanh', 0)) {
      assert.equal(got, undefined);
    }
    // ReLU squared is not ReLU.
    for (const got of onLastName(RS, SRC, 'HiddenAct::Relu2', 0)) {
      assert.ok(got === undefined || got.id === 'relu_squared', JSON.stringify(got));
    }
    // x·σ(x) is SiLU: the sigmoid inside it is not what the variant applies.
    for (const got of onLastName(RS, SRC, 'HiddenAct::Swish', 0)) {
      assert.ok(got === undefined || got.id === 'silu', JSON.stringify(got));
    }
  });

  it("does not give another module's enum of the same name this enum's arms", () => {
    // \`legacy::HiddenAct::Gelu\` is v1's tanh GELU; the exact GELU of this file's enum is not it.
    for (const got of onLastName(RS, SRC, 'legacy::HiddenAct::Gelu', 2)) {
      assert.ok(got === undefined || got.params.approximate === 'tanh', JSON.stringify(got));
    }
  });
});

describe('Python: names bound in branches, and module-level names bound below their use', () => {
  const SRC = `"""Activations for a small image classifier, chosen by configuration."""
import tensorflow as tf
import torch
import torch.nn.functional as F
from torch import nn

act = nn.ReLU()  # the module's default, shadowed below


def head_activation(x):
    # \`fast_gelu\` is bound at the bottom of the module: calls run after it is.
    return fast_gelu(x)


def mobile_block(x, small):
    if small:
        act = nn.Hardswish()
    # \`act\` is assigned in this function, so it is local to all of it: the module's ReLU is never read.
    return act(x)


def register_heads(registry, small):
    act = nn.ReLU()
    registry["relu"] = act

    @registry.register("mobile")
    def head(x):
        if small:
            act = nn.Hardswish()
        # \`act\` is assigned in \`head\`: its own local, never the ReLU above.
        return act(x)


def discriminator_block(x, training):
    if training:
        lrelu = nn.LeakyReLU(0.2)
    else:
        lrelu = nn.LeakyReLU(negative_slope=0.2)
    return lrelu(x)


def generator_block(x, wide):
    if wide:
        slope = nn.LeakyReLU(0.2)
    else:
        slope = nn.LeakyReLU(0.01)
    return slope(x)


def gate(x, backend):
    if backend == "torch":
        squash = torch.sigmoid
    else:
        squash = tf.math.sigmoid
    return squash(x)


def shadowed(x):
    y = swish(x)  # UnboundLocalError: \`swish\` is the local assigned below
    swish = nn.SiLU()
    return swish(y)


class Classifier(nn.Module):
    # A class body runs when the class is defined, before \`late_act\` is bound.
    default_act = late_act

    def forward(self, x):
        return out_act(x)


class Defaults:
    out_act = nn.Sigmoid()  # a class attribute: not the module-level name \`out_act\`


fast_gelu = nn.GELU(approximate="tanh")
late_act = nn.ReLU6()
`;

  it("reads a function body's use of a module-level name bound below the function", () => {
    expectCall(PY, SRC, 'fast_gelu', { id: 'gelu', framework: 'pytorch', params: TANH }, 1);
  });

  it('reads a name assigned in a branch of a function as local to that function', () => {
    expectCall(PY, SRC, 'act', { id: 'hardswish', framework: 'pytorch' }, 3);
    expectCall(PY, SRC, 'act', { id: 'hardswish', framework: 'pytorch' }, 8);
  });

  it('reads branches that build the same module the same, and shows nothing where they differ', () => {
    expectCall(
      PY,
      SRC,
      'lrelu',
      {
        id: 'leaky_relu',
        framework: 'pytorch',
        params: { negative_slope: 0.2 },
      },
      2,
    );
    expectNothing(PY, SRC, 'slope', 2); // 0.2 or 0.01
    expectNothing(PY, SRC, 'squash', 2); // PyTorch's sigmoid or TensorFlow's
  });

  it('does not read a name before a local assignment, in a class body, or a class attribute', () => {
    expectNothing(PY, SRC, 'swish', 0);
    expectNothing(PY, SRC, 'late_act', 1);
    expectNothing(PY, SRC, 'out_act', 0);
  });
});

describe('Python: a binding in a block closed before the use may not have run', () => {
  const SRC = `"""Gates of a mixture-of-experts router; the activation follows the checkpoint's flavour."""
import os

import torch.nn.functional as F

if os.environ.get("ROUTER_GELU") == "1":
    router_act = F.gelu
else:
    router_act = F.relu


def route(logits):
    # Called after the module ran: router_act is whichever branch was taken.
    return router_act(logits)


def gate(x, hard):
    squash = F.sigmoid
    if hard:
        squash = F.hardsigmoid
    else:
        # The hard gate above was not taken on this path.
        return squash(x)
    return x
`;

  it('shows nothing for a function reading a name the module binds in either branch', () => {
    expectNothing(PY, SRC, 'router_act', 3);
  });

  it('does not read a binding from the branch not taken', () => {
    const got = hover(PY, SRC, 'squash', 2);
    assert.ok(got === undefined || got.id === 'sigmoid', JSON.stringify(got));
  });
});

describe('literal arguments that become parameters, and arguments that are not literals', () => {
  const SRC = `"""Blocks of a small GAN, and the knobs a sweep turns."""
import pytest
import torch.nn.functional as F
from torch import nn


def discriminator_features(h, slope):
    a = F.leaky_relu(h, 0.2, True)  # in place: the third argument is \`inplace\`
    b = F.leaky_relu(h, min(0.3, slope))  # a computed slope: only known at run time
    return a + b


def mixer(h, mode, imgs):
    exact = F.gelu(h, approximate="none")
    chosen = F.gelu(h, approximate=mode)
    # Named tensors: the softmax runs over the dimension named "C".
    probs = F.softmax(imgs, dim="C")
    return exact, chosen, probs


def test_relu_rejects_none():
    with pytest.raises(TypeError):
        F.relu(None)
`;

  it('reads the slope and leaves the in-place flag out of the parameters', () => {
    expectCall(PY, SRC, 'leaky_relu', {
      id: 'leaky_relu',
      framework: 'pytorch',
      params: { negative_slope: 0.2 },
    });
  });

  it('keeps the default of a parameter given by an expression and names it as not read', () => {
    expectCall(
      PY,
      SRC,
      'leaky_relu',
      {
        id: 'leaky_relu',
        framework: 'pytorch',
        params: { negative_slope: 0.01 },
        nonLiteral: ['negative_slope'],
      },
      1,
    );
    expectCall(
      PY,
      SRC,
      'gelu',
      { id: 'gelu', framework: 'pytorch', params: EXACT, nonLiteral: ['approximate'] },
      1,
    );
    const probs = hover(PY, SRC, 'softmax', 1);
    assert.equal(probs?.id, 'softmax');
    assert.deepEqual(probs?.nonLiteral, ['dim']);
    assert.notEqual(probs?.params.dim, 'C');
  });

  it('shows no input value for a call given None', () => {
    expectCall(PY, SRC, 'relu', { id: 'relu', framework: 'pytorch' });
  });

  it('reads approximate="none" as the exact GELU', () => {
    expectCall(PY, SRC, 'gelu', { id: 'gelu', framework: 'pytorch', params: EXACT }, 0);
  });
});

describe('LibTorch options builders: every call of the chain is a keyword', () => {
  const SRC = `// Discriminator head of a small DCGAN, ported to LibTorch.
#include <torch/torch.h>

struct HeadImpl : torch::nn::Module {
  HeadImpl() {
    smooth = register_module(
        "smooth", torch::nn::Softplus(torch::nn::SoftplusOptions().beta(0.5).threshold(15)));
    elu = register_module("elu", torch::nn::ELU(torch::nn::ELUOptions().inplace(true).alpha(0.5)));
  }

  torch::Tensor forward(torch::Tensor x) { return smooth(elu(x)); }

  torch::nn::Softplus smooth{nullptr};
  torch::nn::ELU elu{nullptr};
};
TORCH_MODULE(Head);
`;

  it('reads the calls after the first one of a builder chain', () => {
    expectCall('cpp', SRC, 'Softplus', {
      id: 'softplus',
      framework: 'libtorch',
      params: { beta: 0.5, threshold: 15 },
    });
    expectCall('cpp', SRC, 'ELU', { id: 'elu', framework: 'libtorch', params: { alpha: 0.5 } });
  });
});

describe('attributes made from a string, and the statement that must end there', () => {
  const SRC = `"""Feed-forward blocks of a BERT-style encoder."""
from torch import nn
from transformers.activations import ACT2FN, get_activation


class Intermediate(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.dense = nn.Linear(config.hidden_size, config.intermediate_size)
        self.act = ACT2FN["gelu_new"]

    def forward(self, hidden):
        return self.act(self.dense(hidden))


class GatedIntermediate(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.act = get_activation("silu") if config.gated else nn.Identity()

    def forward(self, hidden):
        return self.act(hidden)


class CompactIntermediate(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.act = ACT2FN["relu"]; self.drop = nn.Dropout(config.dropout)

    def forward(self, hidden):
        return self.drop(self.act(hidden))
`;

  it('reads ACT2FN["gelu_new"] as the tanh GELU', () => {
    const got = hover(PY, SRC, 'act', 1);
    assert.equal(got?.id, 'gelu');
    assert.deepEqual(got?.params, TANH);
  });

  it('shows nothing for an attribute that is one of two things', () => {
    expectNothing(PY, SRC, 'act', 3);
  });

  it('reads a string-made attribute followed by a semicolon and another statement', () => {
    assert.equal(hover(PY, SRC, 'act', 5)?.id, 'relu');
  });
});

describe('which Keras a document is written against, by its imports', () => {
  const marked = (src: string, word: string): boolean | undefined => hover(PY, src, word)?.tfKeras;

  it('marks Keras reached through TensorFlow as tf.keras 2', () => {
    const root = `import tensorflow as tf\n\nact = tf.keras.layers.LeakyReLU()\n`;
    const sub = `from tensorflow.keras import layers\n\nact = layers.LeakyReLU()\n`;
    const mixed = `import numpy as np\nfrom tensorflow import keras\n\nact = keras.layers.LeakyReLU()\n`;
    const legacy = `import tf_keras as keras\n\nact = keras.layers.LeakyReLU()\n`;
    for (const src of [root, sub, mixed, legacy]) {
      assert.equal(marked(src, 'LeakyReLU'), true, src);
    }
  });

  it('does not mark Keras code whose imports say nothing of TensorFlow', () => {
    const cell = `import numpy as np\nfrom .blocks import conv_block\n\nact = layers.LeakyReLU()\n`;
    const got = hover(PY, cell, 'LeakyReLU');
    assert.equal(got?.framework, 'keras');
    assert.equal(got?.tfKeras, undefined);
  });

  it("reads ReLU's max_value=None as Keras' default, not as an expression", () => {
    const src = `from tensorflow import keras\n\ncapped = keras.layers.ReLU(max_value=None, negative_slope=0.1)\n`;
    const got = hover(PY, src, 'ReLU');
    assert.equal(got?.id, 'relu');
    assert.equal(got?.params.negative_slope, 0.1);
    assert.equal(got?.nonLiteral, undefined);
  });
});

describe("Rust: a field's declared type behind a reference, a lifetime or `mut`", () => {
  const SRC = `//! Read-only views over a trained block, to probe its activations without cloning weights.
use burn::prelude::*;
use burn::nn::*;

pub struct BlockView<'a, B: Backend> {
    fc: &'a Linear<B>,
    act: &'a Gelu,
    gate: &'a mut Sigmoid,
}

impl<'a, B: Backend> BlockView<'a, B> {
    pub fn forward(&mut self, x: Tensor<B, 2>) -> Tensor<B, 2> {
        let h = self.act.forward(self.fc.forward(x.clone()));
        h * self.gate.forward(x)
    }
}

pub struct Head {
    act: Relu,
}

pub struct Probe<'a> {
    head: &'a Head,
}

impl<'a> Probe<'a> {
    pub fn head_act<B: Backend>(&self, x: Tensor<B, 2>) -> Tensor<B, 2> {
        self.head.act.forward(x)
    }
}
`;

  it("reads the module type behind `&'a` and `&'a mut`", () => {
    expectCall(RS, SRC, 'act', { id: 'gelu', framework: 'burn' }, 1);
    expectCall(RS, SRC, 'gate', { id: 'sigmoid', framework: 'burn' }, 1);
    expectNothing(RS, SRC, 'fc', 1);
  });

  it('follows a field whose type is a reference to a struct of the file', () => {
    expectCall(RS, SRC, 'act', { id: 'relu', framework: 'burn' }, 3);
  });
});
