/**
 * What the seventh session's "left" mutants of the non-formula recognizer files exposed, and the fixes they
 * led to: a brace-less loop body that rebinds an activation; a star-imported Python name used without a
 * call; burn fields after an attribute, and parameters that are no fields; a TypeScript destructured
 * require with a type annotation; Julia's `@.`; burn's activations built or applied through their type
 * (`Gelu::default()`, `Relu.forward(x)`, `Gelu::forward(&act, x)`); candle variants copied or unwrapped
 * (`.clone()`, a newtype's `.0`); a Python file that starts with `def`, and a closure's later variable;
 * a C++ member being typed at the file's end; a LibTorch `std::function` member; Rust enum arms that name,
 * reject or differentiate a variant; a parenthesized variable holding a call; TypeScript return types that
 * hold an object type.
 *
 * Expected values come from the languages' rules and the frameworks' documented names. A brace-less loop
 * body runs zero or more times (ECMAScript and C++ iteration statements), so after it the name may hold
 * either value; Python resolves a closure's free variable in the enclosing scope when the closure runs
 * (LEGB), and a name bound only under an `if` holds that value wherever it is read without a NameError;
 * Julia's `@.` dots every call and `=` of its expression (`@. f(x) = v` is `f.(x) .= v`, no method); Rust
 * rejects a method named without a call (E0615). Keras' `keras.activations.relu`/`softmax`, PyTorch's
 * `torch.nn.functional.gelu(approximate="tanh")`, TF.js' `tf.relu`/`tf.elu`/`tf.sigmoid`/`tf.relu6`,
 * LibTorch's `torch::nn::GELU`/`torch::sigmoid`/`torch::tanh`/`torch::relu`, burn's unit structs `Gelu`
 * and `Relu` (both `Default`), candle's `Activation::LeakyRelu(slope)`, `xs.gelu_erf()` (exact GELU),
 * `xs.relu()`, `xs.tanh()` and `ops::silu`; x·σ(x) is SiLU and tanh' = 1 − tanh².
 */
import { expectFormula } from './formulaHelpers';
import { expectCall, expectNothing } from './recognizeHelpers';

describe('TypeScript: an assignment that is the whole body of a brace-less loop', () => {
  it('the last listed activation may replace ReLU, or the list may be empty', () => {
    const src = `import * as tf from '@tensorflow/tfjs';

const NAMED: Record<string, (x: tf.Tensor) => tf.Tensor> = { elu: tf.elu, selu: tf.selu };

/** The hidden activation: ReLU unless the config lists another; the last one listed wins. */
export function hidden(x: tf.Tensor, names: string[]): tf.Tensor {
  let act = tf.relu;
  for (const name of names) act = NAMED[name] ?? act;
  return act(x);
}

/** Overrides popped off a stack of configs: the one pushed first is applied. */
export function stacked(x: tf.Tensor, overrides: string[]): tf.Tensor {
  let act = tf.relu;
  while (overrides.length > 0) act = NAMED[overrides.pop() ?? ''] ?? act;
  return act(x);
}

/** A loop that rebinds nothing leaves the activation alone. */
export function plain(x: tf.Tensor, steps: number): tf.Tensor {
  let act = tf.relu;
  for (let i = 0; i < steps; i++) x = tf.add(x, 1);
  return act(x);
}
`;
    expectNothing('typescript', src, 'act', 3);
    expectNothing('typescript', src, 'act', 7);
    expectCall('typescript', src, 'act', { id: 'relu', framework: 'tfjs' }, 9);
  });
});

describe('Python: a name a star import brings in, used without a call', () => {
  it('Keras: `activation=relu` after `from keras.activations import *` is Keras ReLU', () => {
    const src = `"""A small classifier for the digits set, written for a workshop."""
from keras import layers, models
from keras.activations import *


def build(num_classes: int = 10) -> models.Sequential:
    model = models.Sequential(
        [
            layers.Input(shape=(64,)),
            layers.Dense(128, activation=relu),
            layers.Dense(num_classes, activation=softmax),
        ]
    )
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    return model
`;
    expectCall('python', src, 'relu', { id: 'relu', framework: 'keras' });
    expectCall('python', src, 'softmax', { id: 'softmax', framework: 'keras' });
  });

  it('PyTorch: `partial(gelu, approximate="tanh")` after `from torch.nn.functional import *`', () => {
    const src = `from functools import partial

import torch
from torch import nn
from torch.nn.functional import *


class FeedForward(nn.Module):
    def __init__(self, dim: int, hidden: int):
        super().__init__()
        self.up = nn.Linear(dim, hidden)
        self.down = nn.Linear(hidden, dim)
        self.act = partial(gelu, approximate="tanh")

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.down(self.act(self.up(x)))
`;
    expectCall('python', src, 'gelu', {
      id: 'gelu',
      framework: 'pytorch',
      params: { approximate: 'tanh' },
    });
  });
});

describe('Rust (burn): struct fields behind an attribute, and parameters named like a field', () => {
  it('a field after `#[module(skip)]` is read like any other field', () => {
    const src = `use burn::nn::{Gelu, Linear, LinearConfig};
use burn::prelude::*;

#[derive(Module, Debug)]
pub struct Mlp<B: Backend> {
    fc1: Linear<B>,
    fc2: Linear<B>,
    /// Stateless: nothing to save in the record.
    #[module(skip)]
    act: Gelu,
}

impl<B: Backend> Mlp<B> {
    pub fn forward(&self, x: Tensor<B, 2>) -> Tensor<B, 2> {
        let h = self.act.forward(self.fc1.forward(x));
        self.fc2.forward(h)
    }
}
`;
    expectCall('rust', src, 'act', { id: 'gelu', framework: 'burn' }, 1);
  });

  it('a parameter `act: Relu` is no field: `self.act` is still the field `act: Gelu`', () => {
    const src = `use burn::nn::{Gelu, Linear, LinearConfig, Relu};
use burn::prelude::*;

#[derive(Module, Debug)]
pub struct Mlp<B: Backend> {
    fc1: Linear<B>,
    fc2: Linear<B>,
    act: Gelu,
}

impl<B: Backend> Mlp<B> {
    pub fn forward(&self, x: Tensor<B, 2>) -> Tensor<B, 2> {
        let h = self.act.forward(self.fc1.forward(x));
        self.fc2.forward(h)
    }

    /// The same layers with another activation in between, for the ablation table.
    pub fn forward_with(&self, x: Tensor<B, 2>, act: Relu) -> Tensor<B, 2> {
        self.fc2.forward(act.forward(self.fc1.forward(x)))
    }
}
`;
    expectCall('rust', src, 'act', { id: 'gelu', framework: 'burn' }, 1);
  });

  it('nor is the first parameter of an associated function, nor a typed local', () => {
    const src = `use burn::nn::{Gelu, Linear, LinearConfig, Relu};
use burn::prelude::*;

#[derive(Module, Debug)]
pub struct Mlp<B: Backend> {
    fc1: Linear<B>,
    fc2: Linear<B>,
    act: Gelu,
}

impl<B: Backend> Mlp<B> {
    pub fn forward(&self, x: Tensor<B, 2>) -> Tensor<B, 2> {
        let h = self.act.forward(self.fc1.forward(x));
        self.fc2.forward(h)
    }

    /// Applies another activation to a hidden state (the ablation table's baseline).
    pub fn apply(act: Relu, h: Tensor<B, 2>) -> Tensor<B, 2> {
        act.forward(h)
    }

    pub fn forward_relu(&self, x: Tensor<B, 2>) -> Tensor<B, 2> {
        let act: Relu = Relu::new();
        self.fc2.forward(act.forward(self.fc1.forward(x)))
    }
}
`;
    expectCall('rust', src, 'act', { id: 'gelu', framework: 'burn' }, 1);
    expectCall('rust', src, 'act', { id: 'relu', framework: 'burn' }, 5);
  });
});

describe('TypeScript: a destructured require with a type annotation', () => {
  it('`const { relu, elu: expLinear }: typeof tfTypes = require(…)` binds both names', () => {
    const src = `// Node script: trains the toy gate on the CPU backend.
import type * as tfTypes from '@tensorflow/tfjs';

const { relu, elu: expLinear }: typeof tfTypes = require('@tensorflow/tfjs');
const { sigmoid }: typeof import('@tensorflow/tfjs') = require('@tensorflow/tfjs');

/** A smooth gate: ELU of ReLU, squashed. */
export function gate(x: tfTypes.Tensor): tfTypes.Tensor {
  return sigmoid(expLinear(relu(x)));
}
`;
    expectCall('typescript', src, 'relu', { id: 'relu', framework: 'tfjs' }, 1);
    expectCall('typescript', src, 'expLinear', { id: 'elu', framework: 'tfjs' }, 1);
    expectCall('typescript', src, 'sigmoid', { id: 'sigmoid', framework: 'tfjs' }, 1);
  });
});

describe('Julia: `@.` before a call and `=` makes a broadcast assignment, not a method', () => {
  it('`@. silu_gate(x) = x * σ(x)` defines nothing (it lowers to `silu_gate.(x) .= x .* σ.(x)`)', () => {
    const src = `using Flux

# Gates for the mixer block.
gelu_gate(x) = x * σ(1.702f0 * x)

# Tried to define a broadcasting method in one line; \`@.\` turns the whole line into a broadcast
# assignment into \`silu_gate.(x)\`, so nothing is defined and the call below fails.
@. silu_gate(x) = x * σ(x)

h = randn(Float32, 16)
y = silu_gate(h)
`;
    expectNothing('julia', src, 'silu_gate', 2);
  });
});

describe('Rust: an activation built or applied through its type', () => {
  it('burn: `Gelu::default()`, the unit struct `Relu.forward(…)` and `Gelu::forward(&act, …)`', () => {
    const src = `use burn::nn::{Gelu, Linear, LinearConfig, Relu};
use burn::prelude::*;

/// burn's activations are unit structs: built with \`default()\`, or used as the value itself.
pub fn block<B: Backend>(x: Tensor<B, 2>, fc: &Linear<B>) -> Tensor<B, 2> {
    let gelu = Gelu::default();
    let h = Relu.forward(fc.forward(x));
    let h = Gelu::forward(&gelu, h);
    gelu.forward(h)
}
`;
    expectCall('rust', src, 'Gelu', { id: 'gelu', framework: 'burn' }, 1);
    expectCall('rust', src, 'Relu', { id: 'relu', framework: 'burn' }, 1);
    expectCall('rust', src, 'Gelu', { id: 'gelu', framework: 'burn' }, 2);
    expectCall('rust', src, 'gelu', { id: 'gelu', framework: 'burn' }, 2);
  });

  it("candle: a variant copied with `.clone()` is the variant; a tensor's `.clone()` is not", () => {
    const src = `use candle_core::{Result, Tensor};
use candle_nn::{Activation, Module};

pub fn heads(xs: &Tensor) -> Result<(Tensor, Tensor)> {
    let leaky = Activation::LeakyRelu(0.2).clone();
    let h = leaky.forward(xs)?;
    let gated = Activation::Gelu.forward(&h)?.clone();
    Ok((h, gated))
}
`;
    expectCall(
      'rust',
      src,
      'leaky',
      { id: 'leaky_relu', framework: 'candle', params: { negative_slope: 0.2 } },
      1,
    );
    expectNothing('rust', src, 'gated', 1);
  });
});

describe('Python: a file whose first statement is a `def`', () => {
  it("the function's local is not the module-level name bound under an `if`", () => {
    const src = `# SPDX-License-Identifier: MIT
# Benchmark script: the activation is picked once, from the environment.
def tanh_gate(x):
    act = torch.tanh
    return x * act(x)


import os

import torch

if os.environ.get("BENCH_ACT", "relu") == "relu":
    act = torch.relu
y = act(torch.randn(1024))
`;
    expectCall('python', src, 'act', { id: 'tanh', framework: 'pytorch' }, 1);
    expectCall('python', src, 'act', { id: 'relu', framework: 'pytorch' }, 3);
  });
});

describe("Python: a closure's variable the enclosing function assigns after the nested `def`", () => {
  it('is read when the closure runs: GELU (LEGB: the enclosing scope, at call time)', () => {
    const src = `import torch
import torch.nn.functional as F


def make_head(scale: float):
    """A scaled GELU head; \`act\` is looked up when the head is called, after it is set below."""

    def head(h: torch.Tensor) -> torch.Tensor:
        return scale * act(h)

    act = F.gelu
    return head


def make_tail():
    def tail(h: torch.Tensor) -> torch.Tensor:
        return F.silu(h)

    return tail
`;
    expectCall('python', src, 'act', { id: 'gelu', framework: 'pytorch' }, 1);
  });
});

describe('C++: a member declaration still being typed at the end of the file', () => {
  it('`torch::nn::GELU act` with nothing after it is LibTorch GELU', () => {
    // The file as the editor holds it while the member's name has just been typed: no `;`, no `}` yet.
    const src = `#include <torch/torch.h>

// The MLP block of the encoder, ported from the PyTorch version.
struct MlpImpl : torch::nn::Module {
  torch::nn::Linear fc1{nullptr}, fc2{nullptr};
  torch::nn::GELU act`;
    expectCall('cpp', src, 'GELU', { id: 'gelu', framework: 'libtorch' });
  });
});

describe('LibTorch: a `std::function` member assigned a function in the constructor', () => {
  it('`act = torch::sigmoid;` makes `act(x)` sigmoid; two branches that differ make it none', () => {
    const src = `#include <functional>
#include <torch/torch.h>

using Activation = std::function<torch::Tensor(const torch::Tensor&)>;

// A head whose activation is chosen at construction time.
struct HeadImpl : torch::nn::Module {
  HeadImpl(int64_t in, int64_t out, bool smooth) {
    fc = register_module("fc", torch::nn::Linear(in, out));
    if (smooth) {
      act = torch::tanh;
    } else {
      act = torch::relu;
    }
  }
  torch::Tensor forward(torch::Tensor x) {
    x = torch::relu(x);
    return act(fc->forward(x));
  }
  torch::nn::Linear fc{nullptr};
  Activation act;
};

// The gate squashes to (0, 1).
struct GateImpl : torch::nn::Module {
  GateImpl() { act = torch::sigmoid; }
  torch::Tensor forward(torch::Tensor x) { return x * act(x); }
  Activation act;
};
`;
    expectNothing('cpp', src, 'act', 2);
    expectCall('cpp', src, 'act', { id: 'sigmoid', framework: 'libtorch' }, 5);
  });
});

describe("Rust (candle): a model's activation enum with arms that name or reject the variant", () => {
  it('`format!("gelu")` and `bail!("…")` arms apply nothing: the `forward` arms decide', () => {
    const src = `use candle_core::{bail, Result, Tensor};
use candle_nn::ops;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum HiddenAct {
    Gelu,
    Silu,
    Relu,
}

impl HiddenAct {
    pub fn forward(&self, xs: &Tensor) -> Result<Tensor> {
        match self {
            Self::Gelu => xs.gelu_erf(),
            Self::Silu => ops::silu(xs),
            Self::Relu => xs.relu(),
        }
    }

    /// The name written to saved configs.
    pub fn name(&self) -> String {
        match self {
            Self::Gelu => format!("gelu"),
            Self::Silu => format!("silu"),
            Self::Relu => "relu".to_string(),
        }
    }

    /// Fused kernels exist only for the smooth activations.
    pub fn fused(&self, xs: &Tensor) -> Result<Tensor> {
        match self {
            Self::Gelu => xs.gelu_erf(),
            Self::Silu => ops::silu(xs),
            Self::Relu => bail!("no fused kernel for {}", "relu"),
        }
    }
}

pub fn default_act(small: bool) -> HiddenAct {
    if small { HiddenAct::Relu } else { HiddenAct::Gelu }
}
`;
    expectCall('rust', src, 'Relu', { id: 'relu', framework: 'candle' }, 4);
    expectCall('rust', src, 'Gelu', { id: 'gelu', framework: 'candle' }, 4);
  });
});

describe('Rust (candle): a derivative `match` beside the forward one', () => {
  it("`Self::Tanh => 1.0 - y.sqr()?` (tanh' = 1 − tanh²) applies no activation: Tanh is tanh", () => {
    const src = `use candle_core::{bail, Result, Tensor};

/// The recurrent cell's activation, with the derivative the hand-written backward pass needs.
#[derive(Debug, Clone, Copy)]
pub enum CellAct {
    Tanh,
    Gelu,
}

impl CellAct {
    pub fn forward(&self, xs: &Tensor) -> Result<Tensor> {
        match self {
            Self::Tanh => xs.tanh(),
            Self::Gelu => xs.gelu_erf(),
        }
    }

    /// d act / dx, in terms of the output \`y\`.
    pub fn derivative(&self, y: &Tensor) -> Result<Tensor> {
        match self {
            Self::Tanh => 1.0 - y.sqr()?,
            Self::Gelu => bail!("no closed form in terms of the output"),
        }
    }
}

pub const CELL_ACT: CellAct = CellAct::Tanh;
`;
    expectCall('rust', src, 'Tanh', { id: 'tanh', framework: 'candle' }, 3);
  });
});

describe('Python: a parenthesized variable that holds a call', () => {
  it('`(x @ self.weight.t()) * torch.sigmoid(x @ self.weight.t())` is SiLU of the projection', () => {
    const src = `import torch
from torch import nn


class SwishProjection(nn.Module):
    """A linear projection followed by SiLU, fused into one expression."""

    def __init__(self, dim: int, hidden: int):
        super().__init__()
        self.weight = nn.Parameter(torch.randn(hidden, dim) / dim**0.5)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return (x @ self.weight.t()) * torch.sigmoid(x @ self.weight.t())
`;
    expectFormula('python', src, '(x @ self.weight.t()) * torch.sigmoid(x @ self.weight.t())', {
      id: 'silu',
      framework: 'pytorch',
      params: { beta: 1 },
    });
  });
});

describe('TypeScript: a function whose return type holds an object type', () => {
  it('a branded return type (`tf.Tensor & { readonly gated?: true }`) keeps the function readable', () => {
    const src = `import * as tf from '@tensorflow/tfjs';

/** Tensors that went through a gate carry a brand, so raw tensors are not passed downstream. */
type Brand<K extends string> = { readonly [key in K]?: true };

const gate = (x: tf.Tensor): tf.Tensor & { readonly gated?: true } => tf.sigmoid(x);

const clip = function (x: tf.Tensor): tf.Tensor & Brand<'clipped'> & { readonly max?: 6 } {
  return tf.relu6(x);
};

export function head(h: tf.Tensor): tf.Tensor {
  return clip(gate(h));
}
`;
    expectCall('typescript', src, 'gate', { id: 'sigmoid', framework: 'tfjs' }, 2);
    expectCall('typescript', src, 'clip', { id: 'relu6', framework: 'tfjs' }, 1);
  });
});

describe("Rust (candle): a wrapper's field taken right after building it", () => {
  it("a newtype's `.0` reads like a named field: `ActLayer::new(HiddenAct::Gelu).0` is GELU", () => {
    const src = `use candle_core::{Result, Tensor};

/// The activation as a layer (a newtype, so it can carry trait impls of its own).
pub struct ActLayer(HiddenAct);

#[derive(Debug, Clone, Copy)]
pub enum HiddenAct {
    Gelu,
    Relu,
}

impl HiddenAct {
    pub fn forward(&self, xs: &Tensor) -> Result<Tensor> {
        match self {
            Self::Gelu => xs.gelu_erf(),
            Self::Relu => xs.relu(),
        }
    }
}

impl ActLayer {
    pub fn new(act: HiddenAct) -> Self {
        Self(act)
    }
}

pub fn head(xs: &Tensor) -> Result<Tensor> {
    let act = ActLayer::new(HiddenAct::Gelu).0;
    act.forward(xs)
}
`;
    expectCall('rust', src, 'act', { id: 'gelu', framework: 'candle' }, 3);
  });
});
