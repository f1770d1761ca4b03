/**
 * Survivors of the mutation run over the seventh session's new code in `definitions.ts` (a Julia short form
 * behind macros), `rustEnums.ts` (enum arms that only name their variant) and `index.ts` (a LibTorch member
 * named like a torch function), and two bugs found on the way: a `writeln!` arm and a constant arm hid what a
 * candle enum's `forward` applies.
 *
 * Expected values come from the languages' rules and the frameworks' documentation: in Julia `@inline f(x) =
 * …` and `Base.@propagate_inbounds f(x) = …` define `f` as `f(x) = …` does, whatever line stands before the
 * macro and also on a file's first line, and `1 / (1 + exp(-x))` is the logistic sigmoid; candle's
 * `Tensor::gelu_erf` is the exact GELU, `Tensor::tanh`, `Tensor::relu` and `candle_nn::ops::sigmoid` the
 * functions they name, and a `match` arm that writes the variant's name (`write!(line, "gelu").unwrap()`,
 * `writeln!(out, "…")`) or returns a constant (a gain `5.0 / 3.0`, as `torch.nn.init.calculate_gain` gives
 * for tanh) applies nothing; LibTorch's
 * `GELUOptions().approximate("tanh")` selects GELU's tanh approximation, and a module holder called through
 * `->forward` is that module.
 */
import { expectCall } from './recognizeHelpers';

const JL = 'julia';
const SIGMOID = { id: 'sigmoid', framework: 'other', params: {} };

describe('Julia: a short form behind `@inline` after a function that returns a name', () => {
  const SRC = `# Activations and the head of the scoring model; included from Scoring.jl.
using Flux

function lecun_tanh(x)
    y = 1.7159f0 * tanh(2x / 3)
    return y
end

@inline mysig(x) = 1 / (1 + exp(-x))

head = Chain(Dense(16 => 8, lecun_tanh), Dense(8 => 1, mysig))
`;

  it('`mysig` is the logistic sigmoid it computes; the `end` and `y` before the macro are no macro', () => {
    expectCall(JL, SRC, 'mysig', SIGMOID, 1);
  });
});

describe('Julia: module-qualified macros on a file’s first line and before another macro', () => {
  const SRC = `# Pointwise helpers of the gating layer; included from Gates.jl, which loads Flux.
Base.@propagate_inbounds gate(x) = 1 / (1 + exp(-x))

Base.@propagate_inbounds @inline squash(x) = 1 / (1 + exp(-x))

const GATE = Dense(8 => 8, gate)
const OUT = Dense(8 => 1, squash)
`;

  it('`Base.@propagate_inbounds gate(x) = …` as the first statement defines `gate`', () => {
    expectCall(JL, SRC, 'gate', SIGMOID, 1);
  });

  it('`Base.@propagate_inbounds @inline squash(x) = …` defines `squash`', () => {
    expectCall(JL, SRC, 'squash', SIGMOID, 1);
  });
});

describe('Rust (candle): an enum applied in `forward` and named by `write!(…).unwrap()`', () => {
  const SRC = `//! Activations of the vision tower (candle); the names are what \`config.json\` spells.
use std::fmt::Write;

use candle_core::{Result, Tensor};
use candle_nn::ops;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Act {
    Gelu,
    Sigmoid,
}

impl Act {
    pub fn forward(&self, xs: Tensor) -> Result<Tensor> {
        match self {
            Act::Gelu => xs.gelu_erf(),
            Act::Sigmoid => ops::sigmoid(&xs),
        }
    }

    /// Appends the name \`config.json\` uses to the model's summary line.
    pub fn push_name(&self, line: &mut String) {
        match self {
            Act::Gelu => write!(line, "gelu").unwrap(),
            Act::Sigmoid => write!(line, "sigmoid").unwrap(),
        }
    }
}

pub const TOWER_ACT: Act = Act::Gelu;
pub const GATE_ACT: Act = Act::Sigmoid;
`;

  it('`Act::Gelu` is the exact GELU `forward` applies; writing its name applies nothing', () => {
    expectCall(
      'rust',
      SRC,
      'Gelu',
      { id: 'gelu', framework: 'candle', params: { approximate: 'none' } },
      3,
    );
  });

  it('`Act::Sigmoid` is the sigmoid of `ops::sigmoid(&xs)`', () => {
    expectCall('rust', SRC, 'Sigmoid', { id: 'sigmoid', framework: 'candle' }, 3);
  });
});

describe('Rust (candle): arms that print the variant or give its init gain apply nothing', () => {
  const PRINTED = `//! Activations of the encoder (candle), and the lines they print in the model summary.
use std::io::{self, Write};

use candle_core::{Result, Tensor};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Act {
    Gelu,
    Tanh,
}

impl Act {
    pub fn forward(&self, xs: &Tensor) -> Result<Tensor> {
        match self {
            Self::Gelu => xs.gelu_erf(),
            Self::Tanh => xs.tanh(),
        }
    }

    /// One line of the model summary.
    pub fn describe(&self, out: &mut impl Write) -> io::Result<()> {
        match self {
            Self::Gelu => writeln!(out, "activation: exact GELU"),
            Self::Tanh => writeln!(out, "activation: tanh"),
        }
    }
}

pub const ENCODER_ACT: Act = Act::Gelu;
pub const POOLER_ACT: Act = Act::Tanh;
`;
  const GAINS = `//! Activations of the critic (candle), with the gains its initialiser uses.
use candle_core::{Result, Tensor};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Act {
    Relu,
    Tanh,
}

impl Act {
    pub fn forward(&self, xs: &Tensor) -> Result<Tensor> {
        match self {
            Self::Relu => xs.relu(),
            Self::Tanh => xs.tanh(),
        }
    }

    /// Recommended gain for the layer before this activation (as \`torch.nn.init.calculate_gain\`).
    pub fn gain(&self) -> f64 {
        match self {
            Self::Relu => 2f64.sqrt(),
            Self::Tanh => 5.0 / 3.0,
        }
    }
}

pub const HIDDEN_ACT: Act = Act::Relu;
pub const VALUE_ACT: Act = Act::Tanh;
`;

  it('`writeln!(out, "…")` in a summary does not hide what `forward` applies', () => {
    expectCall(
      'rust',
      PRINTED,
      'Gelu',
      { id: 'gelu', framework: 'candle', params: { approximate: 'none' } },
      3,
    );
    expectCall('rust', PRINTED, 'Tanh', { id: 'tanh', framework: 'candle' }, 3);
  });

  it('a constant gain (`5.0 / 3.0`, `2f64.sqrt()`) does not hide what `forward` applies', () => {
    expectCall('rust', GAINS, 'Tanh', { id: 'tanh', framework: 'candle' }, 3);
    expectCall('rust', GAINS, 'Relu', { id: 'relu', framework: 'candle' }, 3);
  });
});

describe('LibTorch: a GELU member named `gelu` called through `->forward`', () => {
  const SRC = `// mlp_block.cpp: the feed-forward half of a ViT block, GELU in its tanh form as in the reference weights.
#include <torch/torch.h>

using namespace torch;

struct MlpBlockImpl : nn::Module {
  MlpBlockImpl(int64_t dim, int64_t hidden) {
    fc1 = register_module("fc1", nn::Linear(dim, hidden));
    gelu = register_module("gelu", nn::GELU(nn::GELUOptions().approximate("tanh")));
    fc2 = register_module("fc2", nn::Linear(hidden, dim));
  }

  Tensor forward(Tensor x) {
    x = gelu->forward(fc1->forward(x));
    return fc2->forward(x);
  }

  nn::Linear fc1{nullptr}, fc2{nullptr};
  nn::GELU gelu{nullptr};
};
TORCH_MODULE(MlpBlock);
`;

  it('`gelu->forward(…)` is the member, GELU with the tanh approximation, not `torch::gelu`', () => {
    expectCall(
      'cpp',
      SRC,
      'gelu',
      { id: 'gelu', framework: 'libtorch', params: { approximate: 'tanh' } },
      2,
    );
  });
});
