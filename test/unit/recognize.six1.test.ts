/**
 * The sixth mutation session's "left" survivors of match.ts, members.ts and bodies.ts, as tests of the right
 * answer, and the recognizer fixes some of them needed (the tests after the marker near the end):
 * - files still being typed: the hover on a module or activation name that is the last thing in the
 *   document (`torch::nn::GELU` at the end of a C++ class being written, `Gelu::` in Rust, `relu.` in Julia)
 *   shows what that name is, as it does once the line is finished;
 * - burn's associated functions: `Gelu::default()` builds the default module, `Gelu::new_approximate()` the
 *   tanh one; a field after an attribute; Rust paths from the crate root (`::burn::…`);
 * - a field whose activation the constructor picks at run time (no single answer);
 * - Python names a star import brings, used without a call; a function returning `not relu(x)`;
 * - a TF.js member bound to another member's method; a LibTorch `std::function` member.
 *
 * Expected values come from the languages' rules and the frameworks' documentation: Python's
 * `from module import *` binds every public name of the module (the language reference, "The import
 * statement"), so `relu` is `keras.activations.relu` (Keras 3: `negative_slope=0.0`, `threshold=0.0`;
 * `gelu(x, approximate=False)`, the exact GELU; `softmax(x, axis=-1)`); Python's `not` returns a bool.
 * LibTorch's `torch::nn::GELU` is the GELU module and `torch::relu` the ReLU function; burn's `nn::Gelu` is
 * the GELU module, which derives `Default` (`Gelu::new()` is `Self::default()`, the exact GELU) and, since
 * burn 0.21, has `new_approximate()` for the tanh approximation; burn's `#[module(skip)]` is a field
 * attribute of the `Module` derive; a Rust path starting with `::` names an extern crate (the Rust
 * reference, "Paths"). candle's `Activation::Gelu` is its GELU variant and `xs.gelu_erf()` the exact GELU;
 * TF.js `tf.layers.elu({alpha})` the ELU layer, and `Function.prototype.bind` (ECMAScript) returns the same
 * function with `this` fixed; Flux's `relu` is NNlib's ReLU.
 */
import assert from 'node:assert/strict';
import { expectCall, expectNothing, hover } from './recognizeHelpers';

const PY = 'python';
const CPP = 'cpp';
const RUST = 'rust';
const JULIA = 'julia';
const JS = 'javascript';

const BURN_MLP = `//! Two MLP variants on burn: exact GELU, or the tanh approximation used by GPT-2.
use burn::nn::{Gelu, Linear, LinearConfig};
use burn::prelude::*;

#[derive(Module, Debug)]
pub struct Mlp<B: Backend> {
    fc: Linear<B>,
    act: Gelu,
}

impl<B: Backend> Mlp<B> {
    pub fn exact(d: usize, device: &B::Device) -> Self {
        Self {
            fc: LinearConfig::new(d, d).init(device),
            act: Gelu::default(),
        }
    }

    pub fn approximate(d: usize, device: &B::Device) -> Self {
        Self {
            fc: LinearConfig::new(d, d).init(device),
            act: Gelu::new_approximate(),
        }
    }

    /// The given activation, or the exact GELU when none is given.
    pub fn with_activation(d: usize, act: Option<Gelu>, device: &B::Device) -> Self {
        Self {
            fc: LinearConfig::new(d, d).init(device),
            act: act.unwrap_or_else(Gelu::default),
        }
    }
}
`;

describe('C++: a LibTorch member still being typed at the end of the file', () => {
  const HEADER = `// gated_block.h: a residual block with a smooth gate (work in progress).
#pragma once
#include <torch/torch.h>

struct GatedBlockImpl : torch::nn::Module {
  explicit GatedBlockImpl(int64_t dim) : fc(register_module("fc", torch::nn::Linear(dim, dim))) {}

  torch::Tensor forward(torch::Tensor x) { return x + fc(x); }

  torch::nn::Linear fc;
`;

  it('reads the module type typed last', () => {
    const src = `${HEADER}  torch::nn::GELU`;
    expectCall(CPP, src, 'GELU', { id: 'gelu', framework: 'libtorch' });
  });

  it('reads the module type before the member name typed last', () => {
    const src = `${HEADER}  torch::nn::GELU gate`;
    expectCall(CPP, src, 'GELU', { id: 'gelu', framework: 'libtorch' });
  });
});

describe('Rust: burn and candle code still being typed at the end of the file', () => {
  const BURN = `//! A feed-forward block (the constructor is being written).
use burn::nn::Gelu;
use burn::prelude::*;

#[derive(Module, Debug)]
pub struct FeedForward<B: Backend> {
    linear: nn::Linear<B>,
    act: Gelu,
}

impl<B: Backend> FeedForward<B> {
    pub fn forward(&self, x: Tensor<B, 3>) -> Tensor<B, 3> {
        self.act.forward(self.linear.forward(x))
    }
}

impl<B: Backend> FeedForward<B> {
    pub fn new(d_model: usize, device: &B::Device) -> Self {
        Self {
            linear: nn::LinearConfig::new(d_model, d_model).init(device),
`;

  it('reads a module type whose path is typed up to `::`', () => {
    const src = `${BURN}            act: Gelu::`;
    expectCall(RUST, src, 'Gelu', { id: 'gelu', framework: 'burn' }, 2);
  });

  it('reads the field through `self` while its value is typed up to `::new`', () => {
    const src = `${BURN}            act: Gelu::new`;
    expectCall(RUST, src, 'act', { id: 'gelu', framework: 'burn' }, 1);
  });

  const CANDLE = `//! Gated projection on candle (work in progress).
use candle_core::{Result, Tensor};
use candle_nn::{Activation, Linear, Module};

pub struct Gate {
    proj: Linear,
}

impl Gate {
    pub fn forward(&self, xs: &Tensor) -> Result<Tensor> {
        let h = self.proj.forward(xs)?;
        let g = Activation::Gelu`;

  it('reads an activation variant typed last', () => {
    expectCall(RUST, CANDLE, 'Gelu', { id: 'gelu', framework: 'candle' });
  });

  it('reads an activation variant typed up to the `.` of its method', () => {
    expectCall(RUST, `${CANDLE}.`, 'Gelu', { id: 'gelu', framework: 'candle' });
  });
});

describe("Rust: a model's own activation enum applied in a line still being typed", () => {
  const SRC = `//! Activations chosen by the config (candle).
use candle_core::{Module, Result, Tensor};

#[derive(Debug, Clone, Copy)]
pub enum HiddenAct {
    Gelu,
    Relu,
}

impl Module for HiddenAct {
    fn forward(&self, xs: &Tensor) -> Result<Tensor> {
        match self {
            Self::Gelu => xs.gelu_erf(),
            Self::Relu => xs.relu(),
        }
    }
}

pub fn mlp(xs: &Tensor) -> Result<Tensor> {
    let h = HiddenAct::Gelu.forward`;

  it("reads the variant by what its arm computes (candle's erf GELU)", () => {
    expectCall(RUST, SRC, 'Gelu', { id: 'gelu', framework: 'candle' }, 2);
  });
});

describe('Julia: a broadcast typed up to its dot at the end of the file', () => {
  const SRC = `# mlp.jl: a two-layer perceptron written by hand (work in progress).
using Flux

struct TwoLayer
    W1::Matrix{Float32}
    W2::Matrix{Float32}
end

function (m::TwoLayer)(x)
    h = relu.`;

  it('reads the activation before the dot', () => {
    expectCall(JULIA, SRC, 'relu', { id: 'relu', framework: 'flux' });
  });
});

describe('burn: an associated function other than a default constructor', () => {
  it('never reads it as the module built with its defaults', () => {
    // \`Gelu::new_approximate()\` is burn's tanh GELU: whatever the hover shows, not the exact one.
    const got = hover(RUST, BURN_MLP, 'Gelu', 3);
    assert.ok(got === undefined || got.params.approximate === 'tanh', JSON.stringify(got));
  });
});

describe('candle: a field whose activation the constructor picks at run time', () => {
  const SRC = `//! A candle MLP whose activation the config picks.
use candle_core::{Module, Result, Tensor};
use candle_nn::{linear, Activation, Linear, VarBuilder};

pub struct Mlp {
    fc: Linear,
    act: Activation,
}

impl Mlp {
    pub fn new(vb: VarBuilder, dim: usize, smooth: bool) -> Result<Self> {
        let mut act = Activation::Relu;
        if smooth {
            act = Activation::Gelu;
        }
        Ok(Self { fc: linear(dim, dim, vb.pp("fc"))?, act })
    }
}

impl Module for Mlp {
    fn forward(&self, xs: &Tensor) -> Result<Tensor> {
        self.act.forward(&self.fc.forward(xs)?)
    }
}
`;

  it('gives no hover on the field: ReLU or GELU, decided by smooth', () => {
    expectNothing(RUST, SRC, 'act', 4);
  });

  it('still reads each variant where it is written', () => {
    expectCall(RUST, SRC, 'Relu', { id: 'relu', framework: 'candle' });
    expectCall(RUST, SRC, 'Gelu', { id: 'gelu', framework: 'candle' });
  });
});

describe('LibTorch: modules built from options the constructor computes', () => {
  const SRC = `// critic.cpp: a patch critic whose leak is a constructor argument.
#include <torch/torch.h>

namespace {
torch::nn::LeakyReLUOptions leak(double slope) {
  return torch::nn::LeakyReLUOptions().negative_slope(slope);
}
}  // namespace

struct CriticImpl : torch::nn::Module {
  CriticImpl(int64_t in, double slope) {
    auto gate_options = torch::nn::LeakyReLUOptions().negative_slope(slope);
    fc = register_module("fc", torch::nn::Linear(in, 1));
    // The first stage leaks half as much.
    act = register_module("act", torch::nn::LeakyReLU(leak(0.5 * slope)));
    gate = register_module("gate", torch::nn::LeakyReLU(gate_options));
  }

  torch::Tensor forward(torch::Tensor x) { return gate(act(fc(x))); }

  torch::nn::Linear fc{nullptr};
  torch::nn::LeakyReLU act{nullptr};
  torch::nn::LeakyReLU gate{nullptr};
};
TORCH_MODULE(Critic);
`;

  it('reads the module the constructor registers, its slope not a literal of the code', () => {
    const leaky = { id: 'leaky_relu', framework: 'libtorch', nonLiteral: ['negative_slope'] };
    expectCall(CPP, SRC, 'act', leaky, 2);
    expectCall(CPP, SRC, 'gate', leaky, 2);
  });
});

describe('Rust: a plain call named like a field', () => {
  // Rust has no implicit `self`: a plain `act(x)` calls a function in scope, never the field `act` (a
  // field holding a callable is called as `(self.act)(x)`; the Rust reference, "Call expressions").
  const SRC = `//! A block whose field and a crate function share a name.
use burn::nn::{Gelu, Linear};
use burn::prelude::*;

use crate::activations::*;

#[derive(Module, Debug)]
pub struct Block<B: Backend> {
    fc: Linear<B>,
    act: Gelu,
}

impl<B: Backend> Block<B> {
    pub fn forward(&self, x: Tensor<B, 2>) -> Tensor<B, 2> {
        // The crate's own \`act\` (a free function), not the field: a field is called as \`(self.act)(x)\`.
        let h = act(self.fc.forward(x));
        self.act.forward(h)
    }
}
`;

  it('does not read the field for the crate function of the same name', () => {
    expectNothing(RUST, SRC, 'act', 3);
  });

  it('reads the field through self', () => {
    expectCall(RUST, SRC, 'act', { id: 'gelu', framework: 'burn' }, 4);
  });
});

describe('LibTorch: an accessor that returns a member module', () => {
  const SRC = `// gated_mlp.h: an MLP block that exposes its activation to the caller.
#pragma once
#include <torch/torch.h>

class GatedMlpImpl : public torch::nn::Module {
 public:
  explicit GatedMlpImpl(int64_t dim) {
    fc = register_module("fc", torch::nn::Linear(dim, dim));
    act = register_module("act", torch::nn::GELU(torch::nn::GELUOptions().approximate("tanh")));
  }

  torch::Tensor forward(torch::Tensor x) { return activation()->forward(fc(x)); }

  // The block's GELU (the tanh approximation), for callers that apply it themselves.
  torch::nn::GELU activation() const { return act; }

 private:
  torch::nn::Linear fc{nullptr};
  torch::nn::GELU act{nullptr};
};
TORCH_MODULE(GatedMlp);
`;

  it("never shows the declared type's default for the accessor's call", () => {
    // The member was registered with GELUOptions().approximate("tanh"): whatever the hover on the
    // accessor shows, it is not the exact GELU the type alone would build.
    const got = hover(CPP, SRC, 'activation', 1);
    assert.ok(got === undefined || got.params.approximate === 'tanh', JSON.stringify(got));
  });
});

describe('TF.js worker: `self` is the global scope, not an instance', () => {
  const SRC = `// inference.worker.js: scores batches off the main thread.
importScripts('tf.min.js');

class ScoreHead {
  constructor(units) {
    this.dense = tf.layers.dense({ units });
    this.act = tf.layers.elu();
  }

  apply(x) {
    return this.act.apply(this.dense.apply(x));
  }
}

const head = new ScoreHead(8);
// In a worker \`self\` is the global scope (WorkerGlobalScope), not a ScoreHead.
self.act = tf.sigmoid;
self.onmessage = (event) => {
  const scores = tf.tidy(() => self.act(head.apply(tf.tensor2d(event.data))));
  self.postMessage(scores.arraySync());
};
`;

  it("never reads a class member for the worker's global", () => {
    // `self.act` is the global `act` the worker assigned (`tf.sigmoid`), not ScoreHead's ELU layer.
    const got = hover(JS, SRC, 'act', 3);
    assert.ok(got === undefined || got.id === 'sigmoid', JSON.stringify(got));
  });
});

describe('TF.js: a method added to a class from outside its body', () => {
  const SRC = `// heads.js: the current head class, a legacy constructor kept for old checkpoints, and a patch.
import * as tf from '@tensorflow/tfjs';

export class ScoreHead {
  constructor(units) {
    this.dense = tf.layers.dense({ units });
    this.act = tf.layers.elu();
  }
}

/** @deprecated Checkpoints before v2 used a ReLU head. */
export function LegacyHead(units) {
  this.dense = tf.layers.dense({ units });
  this.act = tf.layers.reLU();
}

// Added outside the class body: \`this\` is still a ScoreHead.
ScoreHead.prototype.score = function (x) {
  return this.act.apply(this.dense.apply(x));
};
`;

  it("never reads the legacy constructor's member for the class's method", () => {
    // `ScoreHead.prototype.score` runs on a ScoreHead (ELU), never on a LegacyHead (ReLU).
    const got = hover(JS, SRC, 'act', 2);
    assert.ok(got === undefined || got.id === 'elu', JSON.stringify(got));
  });
});

describe('burn: a field two levels down a value that is not self', () => {
  const SRC = `//! A block and its config: the config names the head's activation, the block holds the built head.
use burn::nn::{Gelu, Linear, LinearConfig};
use burn::prelude::*;

#[derive(Config, Debug)]
pub struct HeadConfig {
    pub d_model: usize,
    #[config(default = false)]
    pub act: bool,
}

#[derive(Config, Debug)]
pub struct BlockConfig {
    pub head: HeadConfig,
}

#[derive(Module, Debug)]
pub struct Head<B: Backend> {
    fc: Linear<B>,
    act: Gelu,
}

#[derive(Module, Debug)]
pub struct Block<B: Backend> {
    head: Head<B>,
}

impl<B: Backend> Block<B> {
    pub fn forward(&self, x: Tensor<B, 2>) -> Tensor<B, 2> {
        self.head.act.forward(self.head.fc.forward(x))
    }

    /// Whether a block built from \`config\` would apply an activation after its head.
    pub fn activates(config: &BlockConfig) -> bool {
        config.head.act
    }
}
`;

  it("reads self.head.act as the head's GELU", () => {
    expectCall(RUST, SRC, 'act', { id: 'gelu', framework: 'burn' }, 2);
  });

  it("does not read the block's head through a config of the same shape", () => {
    // `config.head` is a HeadConfig, whose `act` is a bool: no activation.
    expectNothing(RUST, SRC, 'act', 3);
  });
});

// Recognizer fixes found with these tests (CHANGELOG): each failed before its fix.

describe('Python: names a star import brings, used without a call', () => {
  const SRC = `"""A small Keras classifier for tabular data; the activations come in through a star import."""
from keras.activations import *
from keras import layers, models


def build_classifier(num_features, num_classes=10):
    """Two hidden layers, softmax scores."""
    return models.Sequential(
        [
            layers.Input(shape=(num_features,)),
            layers.Dense(64, activation=relu),
            layers.Dense(32, activation=gelu),
            layers.Dense(num_classes, activation=softmax),
        ]
    )


def calibrated(logits, relu_floor=0.0):
    # A keyword argument named like an activation is no use of it.
    return sigmoid(logits) + relu_floor
`;

  it('reads a star-imported activation passed as a layer argument', () => {
    const relu = { id: 'relu', framework: 'keras', params: { negative_slope: 0, threshold: 0 } };
    expectCall(PY, SRC, 'relu', relu);
    expectCall(PY, SRC, 'gelu', {
      id: 'gelu',
      framework: 'keras',
      params: { approximate: 'none' },
    });
    expectCall(PY, SRC, 'softmax', { id: 'softmax', framework: 'keras' }, 1);
  });

  it('still reads a call through the star import, and not a parameter named like none', () => {
    expectCall(PY, SRC, 'sigmoid', { id: 'sigmoid', framework: 'keras' });
    expectNothing(PY, SRC, 'relu_floor');
  });
});

describe('TF.js: a member assigned a bound method of another member', () => {
  const SRC = `// Gated dense block for a small TF.js model.
import * as tf from '@tensorflow/tfjs';

export class GatedDense {
  constructor(units) {
    this.dense = tf.layers.dense({ units });
    this.gate = tf.layers.elu({ alpha: 0.5 });
    // A plain function for the functional path below; bind keeps the layer as \`this\`.
    this.act = this.gate.apply.bind(this.gate);
  }

  call(x) {
    return this.act(this.dense.apply(x));
  }
}
`;

  it('reads the bound method as the layer it belongs to', () => {
    const elu = { id: 'elu', framework: 'tfjs', params: { alpha: 0.5 } };
    expectCall(JS, SRC, 'gate', elu, 1);
    expectCall(JS, SRC, 'act', elu, 1);
  });
});

describe('Python: a function that returns `not` of an activation', () => {
  const SRC = `"""Dead-unit checks for a small ReLU network."""
import torch
from torch.nn.functional import relu


def inactive(x):
    """True when the unit's ReLU output is zero (x is a 0-d tensor)."""
    return not relu(x)


def rectified(x):
    return relu(x)


def dead_fraction(pre_acts):
    dead = sum(1 for h in pre_acts if inactive(h))
    return dead / len(pre_acts), rectified(pre_acts[0])
`;

  it('gives no hover on the function: `not` makes a bool of the ReLU', () => {
    expectNothing(PY, SRC, 'inactive', 1);
  });

  it('still reads the ReLU inside it and the function that returns it alone', () => {
    expectCall(PY, SRC, 'relu', { id: 'relu', framework: 'pytorch' }, 1);
    expectCall(PY, SRC, 'relu', { id: 'relu', framework: 'pytorch' }, 2);
    expectCall(PY, SRC, 'rectified', { id: 'relu', framework: 'pytorch' }, 1);
  });
});

describe('burn: a struct field after an attribute', () => {
  const SRC = `//! Feed-forward block of a small burn transformer.
use burn::nn::{Dropout, DropoutConfig, Gelu, Linear, LinearConfig};
use burn::prelude::*;

#[derive(Module, Debug)]
pub struct FeedForward<B: Backend> {
    linear_inner: Linear<B>,
    linear_outer: Linear<B>,
    dropout: Dropout,
    /// Holds no parameters: burn's derive is told to leave it out.
    #[module(skip)]
    act: Gelu,
}

impl<B: Backend> FeedForward<B> {
    pub fn forward<const D: usize>(&self, x: Tensor<B, D>) -> Tensor<B, D> {
        let h = self.act.forward(self.linear_inner.forward(x));
        self.linear_outer.forward(self.dropout.forward(h))
    }
}
`;

  it('reads the field through self', () => {
    expectCall(RUST, SRC, 'act', { id: 'gelu', framework: 'burn' }, 1);
  });
});

describe('burn: activation modules built with `default()`', () => {
  it('reads `Gelu::default()` as the exact GELU module', () => {
    const exact = { id: 'gelu', framework: 'burn', params: { approximate: 'none' } };
    expectCall(RUST, BURN_MLP, 'Gelu', exact, 2);
  });

  it('reads `Gelu::default` passed as the function that builds it', () => {
    const exact = { id: 'gelu', framework: 'burn', params: { approximate: 'none' } };
    expectCall(RUST, BURN_MLP, 'Gelu', exact, 5);
  });
});

describe('Rust: a path from the crate root, `::burn::…`', () => {
  const SRC = `//! A gated MLP that names burn's functions by absolute paths (a macro-heavy crate does this to stay
//! clear of local modules named like burn's).
use burn::prelude::*;

pub fn gated<B: Backend>(x: Tensor<B, 2>, gate: Tensor<B, 2>) -> Tensor<B, 2> {
    let h = ::burn::tensor::activation::gelu(x);
    h * ::burn::tensor::activation::sigmoid(gate)
}
`;

  it('reads the function the path names', () => {
    expectCall(RUST, SRC, 'gelu', { id: 'gelu', framework: 'burn' });
    expectCall(RUST, SRC, 'sigmoid', { id: 'sigmoid', framework: 'burn' });
  });
});

describe('LibTorch: a `std::function` member assigned a function of `torch::`', () => {
  const SRC = `// head.cpp: a classifier head whose activation is chosen at construction.
#include <torch/torch.h>

#include <functional>

struct HeadImpl : torch::nn::Module {
  HeadImpl(int64_t in, int64_t out, bool smooth) : fc(register_module("fc", torch::nn::Linear(in, out))) {
    if (smooth) {
      act = torch::sigmoid;
    } else {
      act = torch::relu;
    }
    scale = 0.5;
  }

  torch::Tensor forward(torch::Tensor x) { return act(fc(x)) * scale; }

  torch::nn::Linear fc{nullptr};
  std::function<torch::Tensor(const torch::Tensor&)> act;
  double scale = 1.0;
};
TORCH_MODULE(Head);

struct ReluHeadImpl : torch::nn::Module {
  explicit ReluHeadImpl(int64_t in) : fc(register_module("fc", torch::nn::Linear(in, 1))) {
    act = torch::relu;
  }

  torch::Tensor forward(torch::Tensor x) { return act(fc(x)); }

  torch::nn::Linear fc{nullptr};
  std::function<torch::Tensor(const torch::Tensor&)> act;
};
`;

  it('reads the function the constructor assigns', () => {
    expectCall(CPP, SRC, 'act', { id: 'relu', framework: 'libtorch' }, 5);
  });

  it('gives no hover when the constructor picks one of two at run time', () => {
    expectNothing(CPP, SRC, 'act', 2);
  });
});

describe('burn: stateless modules applied by their type', () => {
  const SRC = `//! Helpers that apply burn's stateless activations without keeping a module around.
use burn::nn::{Relu, Sigmoid, Tanh};
use burn::prelude::*;

/// \`Relu\` and \`Sigmoid\` are unit structs: the type's name is the module.
pub fn gated<B: Backend>(x: Tensor<B, 2>, gate: Tensor<B, 2>) -> Tensor<B, 2> {
    Relu.forward(x) * Sigmoid.forward(gate)
}

/// The method called through its type, the receiver passed first.
pub fn squashed<B: Backend>(act: &Tanh, x: Tensor<B, 2>) -> Tensor<B, 2> {
    Tanh::forward(act, x)
}

/// The method as a function value, for a table of output squashers.
pub fn squashers<B: Backend>() -> [fn(&Tanh, Tensor<B, 2>) -> Tensor<B, 2>; 1] {
    [Tanh::forward]
}
`;

  it('reads a unit struct applied with .forward', () => {
    expectCall(RUST, SRC, 'Relu', { id: 'relu', framework: 'burn' }, 2);
    expectCall(RUST, SRC, 'Sigmoid', { id: 'sigmoid', framework: 'burn' }, 2);
  });

  it('reads Type::forward(&module, x)', () => {
    expectCall(RUST, SRC, 'Tanh', { id: 'tanh', framework: 'burn' }, 2);
  });

  it('reads Type::forward passed as a function', () => {
    expectCall(RUST, SRC, 'Tanh', { id: 'tanh', framework: 'burn' }, 4);
  });
});
