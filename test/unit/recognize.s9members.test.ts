/**
 * Issue #12, ninth session (members, match, instances, resolve, document): member declarations read from
 * Rust structs and LibTorch constructors, a local that shadows an imported function, and a local holding a
 * function's result.
 *
 * Expected values come from the languages' rules and the frameworks' documentation. Rust: `let act: Gelu;`
 * declares a local of the function it is in (deferred initialization, the Rust reference's "let
 * statements"; clippy's `needless_late_init` lint names the pattern), not a field of the type, so
 * `self.act` stays the struct's field; a `let` binding shadows an imported function of the same name
 * from its statement on, so `relu.forward(…)` after `let relu = Gelu::new();` applies GELU, while `relu(…)`
 * before it is burn's ReLU. burn's `Gelu::new()` is the exact GELU; `Relu` is ReLU. C++: the first
 * entry of a constructor's member initializer list (right after its `:`) initializes its member like any
 * other entry ([class.base.init]); LibTorch's `GELUOptions().approximate("tanh")` selects the tanh
 * approximation, and `torch::nn::GELU` built without options the exact form ("none"). JavaScript:
 * `$` starts an identifier like a letter (ECMAScript IdentifierStart), so `$relu` is a function like
 * `relu`, and `h = $relu(…)` holds its result, a tensor — no activation. Julia's `x::Float32` asserts x's
 * type and yields x, so `NNlib.relu(x::Float32)` is ReLU of the input. Python: a classmethod receives its
 * class as `cls`, so its input is the parameter after it; 1 / (1 + e^(−z)) is the logistic sigmoid.
 * C++: a local declared after a `default:` label belongs to that block ([basic.scope.block]), so another
 * method's `act` is its own; a constructor declared after `public:` is a declaration, no entry of an
 * initializer list (the list follows a constructor's parameters, [class.base.init]). Rust: a field's value
 * `gate(Activation::Sigmoid, proj)` is what the helper `gate` returns (a projection), whatever it is
 * passed. LibTorch: `torch::sigmoid(t)` returns a tensor, so a member assigned it holds values, not the
 * function. SciPy's `constants.golden` and math.js's `math.phi` are the number φ ≈ 1.618 (their
 * documentation), so φ·σ(φ) is a constant, like π·σ(π) and 2·σ(2): no activation of an input. Python's
 * `F.gelu += t` calls `type(t).__radd__(t, F.gelu)` (functions define no `+`; the language reference,
 * "Augmented assignment statements") and binds F.gelu to its result, so the target is no GELU. Rust: in
 * `burn::tensor::activation::sigmoid(x)` the segment `activation` names burn's module, not the function's
 * local `activation`, so the function is the sigmoid of its input x.
 *
 * Fixes: Python's `nn.ReLU.forward(self, x)` runs ReLU's forward on x; a braced member initializer
 * (`act{…}`) initializes like parentheses ([class.base.init]); LibTorch's `ModuleHolder::ptr()` returns the
 * shared pointer to the same module, and Rust's `to_owned()` on a `Clone` type returns a copy;
 * `LeakyReLUOptions().negative_slope(0.2)` gives slope 0.2. A Rust struct literal builds the type it names,
 * also as a field's value (`head: Head { act: Gelu::new() }`) and with a lowercase name.
 */
import assert from 'node:assert/strict';
import './freshModels';
import { recognizeAt } from '../../src/core';
import { expectNotWhole } from './formulaHelpers';
import { expectCall, expectNothing, spanOf } from './recognizeHelpers';

describe('s9members: a typed local is no field, whatever precedes its `let`', () => {
  const SRC = `use burn::nn::{Gelu, Linear, Relu};
use burn::prelude::*;

/// A projection followed by ReLU; the smooth variant swaps in GELU for one call.
#[derive(Module, Debug)]
pub struct Block<B: Backend> {
    proj: Linear<B>,
    act: Relu,
}

impl<B: Backend> Block<B> {
    pub fn forward(&self, x: Tensor<B, 2>) -> Tensor<B, 2> {
        self.act.forward(self.proj.forward(x))
    }

    /// The ablation's smooth variant: the local is initialized after its declaration.
    pub fn forward_smooth(&self, x: Tensor<B, 2>) -> Tensor<B, 2> {
        #[allow(clippy::needless_late_init)]
        let act: Gelu;
        act = Gelu::new();
        act.forward(self.proj.forward(x))
    }
}
`;

  it('`self.act` is the field `act: Relu`, not the local `let act: Gelu;`', () => {
    expectCall('rust', SRC, 'act', { id: 'relu', framework: 'burn' }, 1);
  });

  it('the local `act` is the GELU assigned to it', () => {
    expectCall('rust', SRC, 'act', { id: 'gelu', framework: 'burn' }, 4);
  });
});

describe('s9members: a local that shadows an imported function', () => {
  const SRC = `use burn::nn::{Gelu, Linear};
use burn::prelude::*;
use burn::tensor::activation::relu;

/// Two activations in a row: ReLU on the projection, then GELU.
pub fn head<B: Backend>(x: Tensor<B, 2>, proj: &Linear<B>) -> Tensor<B, 2> {
    let hidden = relu(proj.forward(x));
    // From here on \`relu\` is the local module, not the imported function.
    let relu = Gelu::new();
    relu.forward(hidden)
}
`;

  it('`relu.forward(…)` after `let relu = Gelu::new();` is GELU', () => {
    expectCall('rust', SRC, 'relu', { id: 'gelu', framework: 'burn' }, 4);
  });

  it('`relu(…)` before the `let` is still burn’s ReLU', () => {
    expectCall('rust', SRC, 'relu', { id: 'relu', framework: 'burn' }, 1);
  });
});

describe('s9members: the first entry of a LibTorch initializer list', () => {
  const SRC = `#include <torch/torch.h>

// The classifier head of the GPT-2 style model: tanh-approximated GELU, then the output projection.
struct ClassifierHeadImpl : torch::nn::Module {
  ClassifierHeadImpl(int64_t d, int64_t classes)
      : act(register_module("act", torch::nn::GELU(torch::nn::GELUOptions().approximate("tanh")))),
        out(register_module("out", torch::nn::Linear(d, classes))) {}

  torch::Tensor forward(torch::Tensor x) { return out(act(x)); }

  torch::nn::GELU act{nullptr};
  torch::nn::Linear out{nullptr};
};
TORCH_MODULE(ClassifierHead);
`;

  it('`act(x)` is the tanh GELU the list’s first entry builds, not the declared type’s default', () => {
    expectCall(
      'cpp',
      SRC,
      'act',
      { id: 'gelu', framework: 'libtorch', params: { approximate: 'tanh' } },
      2,
    );
  });
});

describe('s9members: a JavaScript function named with a leading `$`', () => {
  const SRC = `import * as tf from '@tensorflow/tfjs';
// The playground defines its own relu/sigmoid helpers; the library's are imported under $-names.
import { relu as $relu, sigmoid as $sigmoid } from '@tensorflow/tfjs';

/** A gated linear unit over the rectified projection. */
export function gatedUnit(x, w) {
  const h = $relu(tf.matMul(x, w));
  const g = $sigmoid(h);
  return tf.mul(h, g);
}
`;

  it('`h` holds $relu’s result, a tensor: no activation', () => {
    expectNothing('javascript', SRC, 'h', 1);
  });
});

describe('s9members: a local declared after a case label stays in its block', () => {
  const SRC = `#include <torch/torch.h>

// An activation chosen at construction: ReLU, or the exact GELU; a leaky ReLU for the ablation.
struct SwitchableImpl : torch::nn::Module {
  explicit SwitchableImpl(int64_t kind) : kind_(kind) {}

  torch::Tensor forward(torch::Tensor x) {
    switch (kind_) {
      case 0:
        return torch::relu(x);
      default:
        torch::nn::GELU act;
        return act(x);
    }
  }

  torch::Tensor forward_leaky(torch::Tensor x) {
    torch::nn::LeakyReLU act(torch::nn::LeakyReLUOptions().negative_slope(0.2));
    return act(x);
  }

  int64_t kind_;
};
TORCH_MODULE(Switchable);
`;

  it('`act` in forward_leaky is its own leaky ReLU, never the GELU of the switch', () => {
    // The switch's \`act\` lives in forward's block only ([basic.scope.block]); the class has no member act.
    for (const nth of [2, 3]) {
      const [s, e] = spanOf(SRC, 'act', nth);
      for (const offset of [s, e]) {
        assert.notEqual(recognizeAt(SRC, offset, 'cpp')?.id, 'gelu');
      }
    }
  });
});

describe('s9members: a user function’s input, read through a type assertion and after `cls`', () => {
  it('Julia: `relu32(x) = NNlib.relu(x::Float32)` reads its input x; `relu32(h)` is ReLU', () => {
    const src = `using NNlib

# Single-precision rectifier for the GPU kernels: the assertion rejects Float64 input.
relu32(x) = NNlib.relu(x::Float32)

function head(h)
    return relu32(h)
end
`;
    expectCall('julia', src, 'relu32', { id: 'relu', framework: 'flux' }, 1);
  });

  it('Python: a classmethod’s input is its first parameter after `cls`: 1 / (1 + e^(−z)) is the sigmoid', () => {
    const src = `"""Gates of the recurrent cell, with the squashing function shared by every instance."""
import numpy as np


class GatedCell:
    def __init__(self, w):
        self.w = w
        self.gate_fn = self.squash

    @classmethod
    def squash(cls, z):
        return 1.0 / (1.0 + np.exp(-z))

    def step(self, x, h):
        gate = self.gate_fn(x @ self.w + h)
        return gate * h
`;
    expectCall('python', src, 'gate_fn', { id: 'sigmoid', framework: 'numpy' }, 1);
  });
});

describe('s9members: a constructor declared after an access label is no member initializer', () => {
  const SRC = `#include <torch/torch.h>

// A gated residual unit, x + x·σ(x): the gate module is given by the caller.
class GatedImpl : public torch::nn::Module {
 public:
  GatedImpl(torch::nn::Sigmoid gate) : gate_(register_module("gate", gate)) {}

  static GatedImpl standard() { return GatedImpl(torch::nn::Sigmoid()); }

  torch::Tensor forward(const torch::Tensor& x) { return x + x * gate_(x); }

 private:
  torch::nn::Sigmoid gate_{nullptr};
};
`;

  it('the constructor’s name, declared or called, is the unit, not its sigmoid gate', () => {
    expectNothing('cpp', SRC, 'GatedImpl', 1);
    expectNothing('cpp', SRC, 'GatedImpl', 3);
  });

  it('`gate_(x)` is the sigmoid its declaration gives', () => {
    expectCall('cpp', SRC, 'gate_', { id: 'sigmoid', framework: 'libtorch' }, 1);
  });
});

describe('s9members: a Rust helper called in a struct literal is no member initializer', () => {
  const SRC = `use candle_core::{Module, Result, Tensor};
use candle_nn::{Activation, Linear};

/// The gate's projection; the activation it feeds is only logged when it is built.
pub struct GateProj {
    proj: Linear,
}

impl Module for GateProj {
    fn forward(&self, xs: &Tensor) -> Result<Tensor> {
        self.proj.forward(xs)
    }
}

fn gate(feeds: Activation, proj: Linear) -> GateProj {
    log::debug!("gate projection feeding {feeds:?}");
    GateProj { proj }
}

pub struct Block {
    gate: GateProj,
    act: Activation,
}

impl Block {
    pub fn new(proj: Linear) -> Self {
        Self {
            gate: gate(Activation::Sigmoid, proj),
            act: Activation::Gelu,
        }
    }

    pub fn forward(&self, xs: &Tensor) -> Result<Tensor> {
        let g = self.gate.forward(xs)?;
        self.act.forward(&g)
    }
}
`;

  it('`self.gate` is the projection the helper returns, not the Sigmoid passed to it', () => {
    expectNothing('rust', SRC, 'gate', 6);
  });

  it('`self.act` is the GELU variant', () => {
    expectCall('rust', SRC, 'act', { id: 'gelu', framework: 'candle' }, 2);
  });
});

describe('s9members: a LibTorch member assigned a function’s result holds a tensor', () => {
  const SRC = `#include <torch/torch.h>

// A projection scaled by a per-channel gate that starts at sigmoid(0) = 0.5 and is trained from there.
struct ScaledImpl : torch::nn::Module {
  explicit ScaledImpl(int64_t dim) : proj(register_module("proj", torch::nn::Linear(dim, dim))) {
    gate = torch::sigmoid(torch::zeros({dim}));
    register_parameter("gate", gate);
  }

  // C++23's explicit object parameter: members are named through self.
  torch::Tensor forward(this auto& self, const torch::Tensor& x) {
    return self.proj->forward(x) * self.gate;
  }

  torch::nn::Linear proj{nullptr};
  torch::Tensor gate;
};
TORCH_MODULE(Scaled);
`;

  it('`self.gate` is the tensor torch::sigmoid returned, no sigmoid', () => {
    expectNothing('cpp', SRC, 'gate', 4);
  });
});

describe('s9members: a library’s constant is a number, not the formula’s variable', () => {
  it('Python: SciPy’s golden ratio in φ·σ(φ) is a constant, as π and 2.0 are', () => {
    const src = `"""Normalizing constants for the SiLU-gated units."""
import numpy as np
from scipy import constants, special

# SiLU's values at pi, at the golden ratio and at 2: the units are rescaled so that these map to 1.
SILU_AT_PI = np.pi * special.expit(np.pi)
SILU_AT_PHI = constants.golden * special.expit(constants.golden)
SILU_AT_TWO = 2.0 * special.expit(2.0)
`;
    expectNotWhole('python', src, 'np.pi * special.expit(np.pi)');
    expectNotWhole('python', src, 'constants.golden * special.expit(constants.golden)');
    expectNotWhole('python', src, '2.0 * special.expit(2.0)');
  });

  it('JavaScript: math.js’s phi in tf.mul(φ, tf.sigmoid(φ)) is a constant, as Math.PI is', () => {
    const src = `import * as tf from '@tensorflow/tfjs';
import * as math from 'mathjs';

// SiLU's values at pi and at the golden ratio: the gated units are rescaled so that these map to 1.
export const SILU_AT_PI = tf.mul(Math.PI, tf.sigmoid(Math.PI));
export const SILU_AT_PHI = tf.mul(math.phi, tf.sigmoid(math.phi));
`;
    expectNotWhole('javascript', src, 'tf.mul(Math.PI, tf.sigmoid(Math.PI))');
    expectNotWhole('javascript', src, 'tf.mul(math.phi, tf.sigmoid(math.phi))');
  });
});

describe('s9members: a library function as the target of an augmented assignment', () => {
  const SRC = `"""Call tracing for the profiler: \`fn += tracer\` replaces a function by a traced wrapper."""
import torch
import torch.nn.functional as F


class Tracer:
    def __init__(self, log):
        self.log = log

    def __radd__(self, fn):
        def traced(*args, **kwargs):
            self.log.append(fn.__name__)
            return fn(*args, **kwargs)

        return traced


CALLS = []
F.gelu += Tracer(CALLS)


def block(x):
    return F.gelu(x) + torch.relu(x)
`;

  it('`F.gelu += Tracer(CALLS)` rebinds F.gelu to what __radd__ returns: no GELU on the target', () => {
    expectNothing('python', SRC, 'gelu', 0);
  });

  it('the call after it still computes GELU through the wrapper', () => {
    expectCall('python', SRC, 'gelu', { id: 'gelu', framework: 'pytorch' }, 1);
  });
});

describe('s9members: a path segment named like a local of the function', () => {
  const SRC = `use burn::prelude::*;

use crate::config::GateConfig;

/// The block's gate: a sigmoid; the configured activation is only logged, for the run's report.
pub fn gate<B: Backend>(x: Tensor<B, 2>, cfg: &GateConfig) -> Tensor<B, 2> {
    let activation = cfg.activation.clone();
    log::debug!("gate activation: {activation:?}");
    burn::tensor::activation::sigmoid(x)
}

pub fn gated<B: Backend>(h: Tensor<B, 2>, cfg: &GateConfig) -> Tensor<B, 2> {
    h.clone() * gate(h, cfg)
}
`;

  it('`gate(h, cfg)` is the sigmoid of its input; the local `activation` is only logged', () => {
    expectCall('rust', SRC, 'gate', { id: 'sigmoid', framework: 'burn' }, 3);
  });
});

// ---- Fixes: these tests were red before this session's source changes. ----

describe('s9members fix: Python’s unbound `forward` named through the class', () => {
  const SRC = `"""A rectifier that counts the units it switched off, for the dead-unit monitor."""
import torch
from torch import nn


class CountingReLU(nn.ReLU):
    def __init__(self):
        super().__init__(inplace=False)
        self.dead = 0

    def forward(self, x):
        out = nn.ReLU.forward(self, x)
        self.dead += int((out == 0).sum())
        return out
`;

  it('`nn.ReLU.forward(self, x)` applies ReLU', () => {
    expectCall('python', SRC, 'ReLU', { id: 'relu', framework: 'pytorch' }, 1);
  });
});

describe('s9members fix: a LibTorch member initialized with braces in the initializer list', () => {
  const SRC = `#include <torch/torch.h>

// The discriminator's hidden block: a leaky ReLU with slope 0.2, as in the DCGAN paper.
struct HiddenImpl : torch::nn::Module {
  HiddenImpl(int64_t d, int64_t hidden)
      : fc1{register_module("fc1", torch::nn::Linear(d, hidden))},
        act{register_module("act", torch::nn::LeakyReLU(torch::nn::LeakyReLUOptions().negative_slope(0.2)))},
        fc2{register_module("fc2", torch::nn::Linear(hidden, d))} {}

  torch::Tensor forward(torch::Tensor x) { return fc2(act(fc1(x))); }

  torch::nn::Linear fc1{nullptr}, fc2{nullptr};
  torch::nn::LeakyReLU act{nullptr};
};
TORCH_MODULE(Hidden);
`;

  it('`act(…)` is the leaky ReLU with slope 0.2 its braced initializer builds', () => {
    expectCall(
      'cpp',
      SRC,
      'act',
      { id: 'leaky_relu', framework: 'libtorch', params: { negative_slope: 0.2 } },
      2,
    );
  });

  it('the linear layers beside it stay no activation', () => {
    expectNothing('cpp', SRC, 'fc2', 2);
  });
});

describe('s9members fix: a module kept through a copying call', () => {
  it('LibTorch: `torch::nn::GELU(opts).ptr()` is the same GELU, applied with `->forward`', () => {
    const src = `#include <torch/torch.h>

// Applies the tanh-approximated GELU through a shared pointer, as the plugin registry stores modules.
torch::Tensor smooth(const torch::Tensor& x) {
  auto act = torch::nn::GELU(torch::nn::GELUOptions().approximate("tanh")).ptr();
  return act->forward(x);
}
`;
    expectCall(
      'cpp',
      src,
      'act',
      { id: 'gelu', framework: 'libtorch', params: { approximate: 'tanh' } },
      1,
    );
  });

  it('candle: `Activation::LeakyRelu(0.2).to_owned()` is the same leaky ReLU', () => {
    const src = `use candle_core::{Result, Tensor};
use candle_nn::{Activation, Module};

/// The discriminator's activation, owned by the caller's pipeline.
pub fn discriminate(xs: &Tensor) -> Result<Tensor> {
    let leaky = Activation::LeakyRelu(0.2).to_owned();
    leaky.forward(xs)
}
`;
    expectCall(
      'rust',
      src,
      'leaky',
      { id: 'leaky_relu', framework: 'candle', params: { negative_slope: 0.2 } },
      1,
    );
  });
});

describe('s9members fix: a struct literal given as a field’s value builds its own type', () => {
  const burnModel = (
    headType: string,
    preamble: string,
  ): string => `${preamble}use burn::nn::{Gelu, Relu};
use burn::prelude::*;

#[derive(Module, Debug)]
pub struct ${headType} {
    act: Gelu,
}

#[derive(Module, Debug)]
pub struct Model {
    head: ${headType},
    act: Relu,
}

impl Model {
    pub fn new() -> Self {
        Self {
            head: ${headType} { act: Gelu::new() },
            act: Relu::new(),
        }
    }

    pub fn forward<B: Backend>(&self, x: Tensor<B, 2>) -> Tensor<B, 2> {
        self.act.forward(self.head.act.forward(x))
    }
}
`;

  it('`head: Head { act: Gelu::new() }` builds Head’s act: `self.act` stays the model’s ReLU', () => {
    const src = burnModel('Head', '// The model and its classifier head.\n');
    expectCall('rust', src, 'act', { id: 'relu', framework: 'burn' }, 4);
    expectCall('rust', src, 'act', { id: 'gelu', framework: 'burn' }, 5);
  });

  it('the same with a lowercase type name (generated code allows non-camel-case types)', () => {
    const src = burnModel(
      'head',
      "// Generated from the ONNX graph: node types keep the graph's names.\n#![allow(non_camel_case_types)]\n",
    );
    expectCall('rust', src, 'act', { id: 'relu', framework: 'burn' }, 4);
    expectCall('rust', src, 'act', { id: 'gelu', framework: 'burn' }, 5);
  });
});
