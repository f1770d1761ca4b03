/**
 * Which binding of a local may hold at a use, in Julia (blocks closed by `end`, whose words inside
 * brackets — `h[end]`, a generator's `for` — close and open nothing), JavaScript (brace blocks: a variable
 * named `end` closes none, and statements sharing a line still run in order) and Rust (candle); and which
 * arms of a Rust activation enum's `match` apply an activation (an arm that only names its variant —
 * `true`, `1`, `"gelu".to_string()`, a `Display` impl's `write!(f, "gelu")` — applies none). A JavaScript
 * function that assigns a name it does not declare assigns the enclosing scope's variable (ECMAScript's
 * scoping), so the module's value still counts after a block that may not have run; a `let` of its own
 * shadows it. An assignment that is the whole body of a brace-less `if (…)` or `else` runs only on that
 * branch. A Julia lambda's parameter (`act -> …` inside `map`) is bound to each element mapped over,
 * whatever a global of the same name holds.
 *
 * Expected values come from the languages' rules and the frameworks' names. Straight-line code runs every
 * assignment in order, so the last one before a use holds; a body of `if … end` / `if (…) { … }` runs only
 * when its condition holds, so after the block the name holds either value; a loop that binds nothing
 * leaves the name alone; in Julia `h[end]` is the last index and a generator's `for` lies inside its
 * parentheses, neither opens nor closes a block. Flux exports `relu`, `elu` and `σ` (sigmoid); TF.js has
 * `tf.relu` and `tf.elu`; candle's `Activation::Gelu` and `xs.gelu_erf()` are the exact (erf) GELU,
 * `xs.relu()` is ReLU, `xs.silu()` is SiLU, and an `Activation` taken from a config may be any variant.
 */
import { expectCall, expectNothing } from './recognizeHelpers';

describe('Julia: block words inside brackets and straight-line rebinding', () => {
  it('a script that rebinds the name for its output layer uses the new one after a loop', () => {
    const src = `# Two-layer network written out by hand: ReLU hidden units, a sigmoid output.
using Flux

W1, b1 = randn(Float32, 16, 4), zeros(Float32, 16)
W2, b2 = randn(Float32, 1, 16), zeros(Float32, 1)
x = rand(Float32, 4)

act = relu
h = act.(W1 * x .+ b1)

# the output is a probability: squash it
act = σ
h[end] = 0f0  # the last hidden unit is dropped
for i in eachindex(h)
    h[i] = clamp(h[i], -6f0, 6f0)
end
y = act.(W2 * h .+ b2)
`;
    expectCall('julia', src, 'act', { id: 'relu', framework: 'flux' }, 1);
    expectCall('julia', src, 'act', { id: 'sigmoid', framework: 'flux' }, 3);
  });

  it('a function that ends with the name returns its last binding', () => {
    const src = `module Heads

using Flux

"""
    head_activation(task)

The output head's activation: hidden layers use ReLU, a regression head none, other heads σ.
"""
function head_activation(task::Symbol)
    act = relu
    if task === :regression
        return identity
    end
    act = σ
    act
end

end
`;
    expectCall('julia', src, 'act', { id: 'sigmoid', framework: 'flux' }, 2);
  });

  it('a generator inside an `if … end` block opens no block', () => {
    const src = `module Blocks

using Flux

"""
    block(x, leaky)

Rescale \`x\` to at most 1 in magnitude when \`leaky\`, and apply ELU there; ReLU otherwise.
"""
function block(x, leaky)
    act = relu
    if leaky
        act = elu
        scale = maximum(abs(v) for v in x)
        x = x ./ scale
    end
    return act.(x)
end

end
`;
    expectNothing('julia', src, 'act', 2);
  });
});

describe('Julia: a lambda parameter named like a global activation', () => {
  it('the parameter of `act -> forward(act, x)` is each function mapped over, not the global', () => {
    const src = `# Compare activations on one batch (REPL session; \`;\` keeps the output quiet).
using Flux

act = relu;
forward(f, x) = f.(x)
x = randn(Float32, 8);
y = forward(act, x);
acts = [relu, elu, σ];
ys = map(act -> forward(act, x), acts);
`;
    expectCall('julia', src, 'act', { id: 'relu', framework: 'flux' }, 1);
    expectNothing('julia', src, 'act', 2);
  });
});

describe('JavaScript: straight-line rebinding read in brace code', () => {
  it('a variable named `end` closes no block', () => {
    const src = `// Throughput of ELU after a ReLU warm-up, in runs per time budget (node benchmark script).
const tf = require('@tensorflow/tfjs-node')

function throughput (x, warmup, budgetMs) {
  let act = tf.relu
  for (let i = 0; i < warmup; i++) tf.dispose(act(x))
  act = tf.elu
  const end = Date.now() + budgetMs
  let runs = 0
  for (; Date.now() < end; runs++) tf.dispose(act(x))
  return runs
}

module.exports = { throughput }
`;
    expectCall('javascript', src, 'act', { id: 'relu', framework: 'tfjs' }, 1);
    expectCall('javascript', src, 'act', { id: 'elu', framework: 'tfjs' }, 3);
  });

  it('statements that share a line run in order', () => {
    const src = `// A quick look at ELU's negative side next to ReLU (run with node).
const tf = require('@tensorflow/tfjs')

const x = tf.linspace(-3, 3, 7); let act = tf.relu
act(x).print()
x.print(); act = tf.elu
act(x).print()
`;
    expectCall('javascript', src, 'act', { id: 'relu', framework: 'tfjs' }, 1);
    expectCall('javascript', src, 'act', { id: 'elu', framework: 'tfjs' }, 3);
  });
});

describe('JavaScript: a function assigning a variable it does not declare', () => {
  it('after a block that assigns the module-level variable, either value may hold', () => {
    const src = `const tf = require('@tensorflow/tfjs')

// The activation the encoders share; an encoder asked for ELU switches it for good.
let act = tf.relu

function encoder (x, opts) {
  if (opts.elu) {
    act = tf.elu
  }
  return act(x)
}

function decoder (x, opts) {
  let act = tf.sigmoid
  if (opts.sharp) {
    act = tf.sigmoid
  }
  return act(x)
}

module.exports = { encoder, decoder }
`;
    expectNothing('javascript', src, 'act', 2);
    expectCall('javascript', src, 'act', { id: 'sigmoid', framework: 'tfjs' }, 5);
  });
});

describe('JavaScript and C++: an assignment that is the whole body of a brace-less `if`', () => {
  it('may not have run, so either value may hold after it', () => {
    const src = `import * as tf from '@tensorflow/tfjs';

/** The gate of a gated unit; a smooth gate uses ELU. */
export function gate(x: tf.Tensor, smooth: boolean): tf.Tensor {
  let act = tf.relu;
  if (smooth) act = tf.elu;
  return act(x);
}

/** Dropout is only for training; the activation stays the same. */
export function hidden(x: tf.Tensor, training: boolean): tf.Tensor {
  let act = tf.relu;
  if (training) x = tf.dropout(x, 0.1);
  else act = tf.relu;
  return act(x);
}
`;
    expectNothing('typescript', src, 'act', 2);
    expectCall('typescript', src, 'act', { id: 'relu', framework: 'tfjs' }, 5);
  });

  it('LibTorch: a module rebound in a brace-less `if` is no longer certain', () => {
    const src = `#include <torch/torch.h>

// The head's activation: GELU, or its tanh approximation when asked for speed.
torch::Tensor head(const torch::Tensor& x, bool fast) {
  auto act = torch::nn::GELU();
  if (fast) act = torch::nn::GELU(torch::nn::GELUOptions().approximate("tanh"));
  return act->forward(x);
}
`;
    expectNothing('cpp', src, 'act', 2);
  });
});

describe('Rust (candle): activations bound in branches and enum arms that apply nothing', () => {
  it('an activation replaced from the config inside a block may be any variant', () => {
    const src = `use candle_core::{Result, Tensor};
use candle_nn::{Activation, Module};

pub struct MlpConfig {
    pub hidden_act: Option<Activation>,
}

/// The MLP's activation: GELU unless the config names one.
pub fn mlp_act(xs: &Tensor, cfg: &MlpConfig) -> Result<Tensor> {
    let mut act = Activation::Gelu;
    let h = act.forward(xs)?;
    if let Some(a) = cfg.hidden_act {
        act = a;
    }
    act.forward(&h)
}
`;
    expectCall('rust', src, 'act', { id: 'gelu', framework: 'candle' }, 1);
    expectNothing('rust', src, 'act', 3);
  });

  it('arms that are one literal (`true`, `1`) do not hide what `forward` applies', () => {
    const src = `//! The hidden activation of a small encoder (candle).
use candle::{Result, Tensor};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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

    /// Whether the activation is smooth at 0 (picks the initialisation).
    pub fn is_smooth(&self) -> bool {
        match self {
            Self::Gelu => true,
            Self::Relu => false,
        }
    }

    /// The tag stored in a checkpoint's header.
    pub fn tag(&self) -> u8 {
        match self { Self::Gelu => 1, Self::Relu => 2 }
    }
}

pub fn default_act() -> HiddenAct {
    HiddenAct::Gelu
}

pub fn fast_act() -> HiddenAct {
    HiddenAct::Relu
}
`;
    expectCall(
      'rust',
      src,
      'Gelu',
      { id: 'gelu', framework: 'candle', params: { approximate: 'none' } },
      4,
    );
    expectCall('rust', src, 'Relu', { id: 'relu', framework: 'candle' }, 4);
  });
  it('a `Display` impl and a `name()` returning `String` name the variants, they apply nothing', () => {
    const src = `//! Activation enum of a small decoder (candle); printed in the run's config log.
use std::fmt;

use candle::{Result, Tensor};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Act {
    Gelu,
    Silu,
}

impl Act {
    pub fn forward(&self, xs: &Tensor) -> Result<Tensor> {
        match self {
            Act::Gelu => xs.gelu_erf(),
            Act::Silu => xs.silu(),
        }
    }

    /// The name used in \`config.json\`.
    pub fn name(&self) -> String {
        match self {
            Act::Gelu => "gelu".to_string(),
            Act::Silu => "silu".into(),
        }
    }
}

impl fmt::Display for Act {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Act::Gelu => write!(f, "gelu"),
            Act::Silu => write!(f, "silu"),
        }
    }
}

pub const DEFAULT_ACT: Act = Act::Gelu;
pub const GATED_ACT: Act = Act::Silu;
`;
    expectCall(
      'rust',
      src,
      'Gelu',
      { id: 'gelu', framework: 'candle', params: { approximate: 'none' } },
      4,
    );
    expectCall('rust', src, 'Silu', { id: 'silu', framework: 'candle' }, 4);
  });
});
