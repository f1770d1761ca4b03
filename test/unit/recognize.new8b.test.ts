/**
 * Pins the answers that tell apart the surviving mutants of the eighth session's new code in rustEnums.ts
 * (a match arm that is a macro naming or rejecting the variant), members.ts (burn typed locals, LibTorch
 * members assigned in a constructor), instances.ts (a candle variant built, then copied) and match.ts
 * (JavaScript names used without a call).
 *
 * Expected values come from the Rust reference and the frameworks' documented names: `bail!` (candle_core
 * re-exports anyhow-style `bail!`) and `todo!()`/`unimplemented!()` return early or panic, so such an arm
 * applies nothing to the input; an outer attribute on a `let` statement (`#[allow(unused_mut)]`) belongs to
 * the statement, and a `let` binding is a local, never a field of the struct; `Activation::forward` applies
 * the activation and returns a tensor (a `Result<Tensor>`), not the activation; candle's
 * `Activation::Gelu` is the exact (erf) GELU, `Activation::LeakyRelu(slope)` leaky ReLU, `xs.relu()` ReLU,
 * `ops::silu` SiLU; burn's `Relu` and `Gelu` are unit-struct modules; LibTorch's `torch::relu` is ReLU and
 * `torch::sigmoid(t)` a tensor; TF.js exports `relu` and `elu` (the CDN build defines the global `tf`).
 */
import assert from 'node:assert/strict';
import { expectCall, expectNothing, hover } from './recognizeHelpers';

describe("Rust (candle): arms that reject the variant through a macro's path or with no message", () => {
  it('`candle_core::bail!(…)`, a message with a number and `todo!()` apply nothing', () => {
    const src = `use candle_core::{Result, Tensor};
use candle_nn::ops;

/// The MLP's activation, read from \`config.json\`'s "hidden_act".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MlpAct {
    Gelu,
    Silu,
    Relu,
}

impl MlpAct {
    pub fn forward(&self, xs: &Tensor) -> Result<Tensor> {
        match self {
            Self::Gelu => xs.gelu_erf(),
            Self::Silu => ops::silu(xs),
            Self::Relu => xs.relu(),
        }
    }

    /// The quantized path supports the smooth activations only.
    pub fn forward_q8(&self, xs: &Tensor) -> Result<Tensor> {
        match self {
            Self::Gelu => xs.gelu_erf(),
            Self::Silu => ops::silu(xs),
            Self::Relu => candle_core::bail!("relu is not supported in q8 kernels"),
        }
    }

    /// Packed kernels need a rank-2 input.
    pub fn forward_packed(&self, xs: &Tensor) -> Result<Tensor> {
        match self {
            Self::Gelu => candle_core::bail!("gelu: packed kernel expects rank {}", 2),
            Self::Silu => ops::silu(xs),
            Self::Relu => xs.relu(),
        }
    }

    /// Backward pass, written by hand for SiLU only so far.
    pub fn backward(&self, xs: &Tensor, grad: &Tensor) -> Result<Tensor> {
        match self {
            Self::Silu => {
                let s = ops::sigmoid(xs)?;
                grad.mul(&(s.clone() * (xs * (1.0 - &s)? + 1.0)?)?)
            }
            Self::Gelu => todo!(),
            Self::Relu => unimplemented!()
        }
    }
}

pub fn pick(name: &str) -> MlpAct {
    match name {
        "gelu" => MlpAct::Gelu,
        "relu" => MlpAct::Relu,
        _ => MlpAct::Silu,
    }
}
`;
    expectCall('rust', src, 'Relu', { id: 'relu', framework: 'candle' }, 5);
    expectCall('rust', src, 'Gelu', { id: 'gelu', framework: 'candle' }, 5);
  });
});

describe('Rust (burn): a typed local is no field, with or without an attribute on its `let`', () => {
  it('`self.act` stays the field `act: Relu`', () => {
    const src = `use burn::nn::{Gelu, Linear, Relu};
use burn::prelude::*;

#[derive(Module, Debug)]
pub struct Block<B: Backend> {
    proj: Linear<B>,
    act: Relu,
}

impl<B: Backend> Block<B> {
    pub fn forward(&self, x: Tensor<B, 2>) -> Tensor<B, 2> {
        self.act.forward(self.proj.forward(x))
    }

    /// A smoother variant for the ablation table.
    pub fn forward_smooth(&self, x: Tensor<B, 2>) -> Tensor<B, 2> {
        #[allow(unused_mut)]
        let mut act: Gelu = Gelu::new();
        act.forward(self.proj.forward(x))
    }

    pub fn forward_both(&self, x: Tensor<B, 2>) -> Tensor<B, 2> {
        let smooth: Gelu = Gelu::new();
        smooth.forward(self.act.forward(self.proj.forward(x)))
    }
}
`;
    expectCall('rust', src, 'act', { id: 'relu', framework: 'burn' }, 1);
    expectCall('rust', src, 'act', { id: 'relu', framework: 'burn' }, 4);
  });
});

describe('Rust (candle): a variant built and applied at once is a tensor, not the variant', () => {
  it('`let h = Activation::LeakyRelu(0.2).forward(&xs)?;` binds the output', () => {
    const src = `use candle_core::{Result, Tensor};
use candle_nn::{Activation, Module};

pub fn head(xs: &Tensor) -> Result<Tensor> {
    let leaky = Activation::LeakyRelu(0.1).clone().clone();
    let h = Activation::LeakyRelu(0.2).forward(xs);
    let g = Activation::LeakyRelu(0.3).forward(&leaky.forward(xs)?)?;
    let o = h?.add(&g)?;
    leaky.forward(&o)
}
`;
    expectCall(
      'rust',
      src,
      'leaky',
      { id: 'leaky_relu', framework: 'candle', params: { negative_slope: 0.1 } },
      2,
    );
  });
});

describe("LibTorch: a member assigned a function's result in the constructor", () => {
  it('`gate = torch::sigmoid(…)` holds a tensor; `act = torch::relu;` holds the function', () => {
    const src = `#include <torch/torch.h>

#include <functional>

// A gated projection: the gate starts at sigmoid(0) = 0.5 for every channel.
struct GatedImpl : torch::nn::Module {
  explicit GatedImpl(int64_t dim) : proj(register_module("proj", torch::nn::Linear(dim, dim))) {
    gate = torch::sigmoid(torch::zeros({dim}));
    act = torch::relu;
  }

  torch::Tensor forward(const torch::Tensor& x) {
    return act(proj->forward(x)) * gate;
  }

  torch::nn::Linear proj{nullptr};
  torch::Tensor gate;
  std::function<torch::Tensor(const torch::Tensor&)> act;
};
TORCH_MODULE(Gated);
`;
    expectCall('cpp', src, 'act', { id: 'relu', framework: 'libtorch' }, 1);
    expectNothing('cpp', src, 'gate', 1);
  });
});

describe('JavaScript: activation functions named without a call', () => {
  it('an imported `relu` and the global `tf` of a script-tag build are both TF.js', () => {
    const src = `import { relu } from '@tensorflow/tfjs';

/** Element-wise activations offered in the playground's drop-down. */
export const ACTIVATIONS = {
  relu,
  plainRelu: relu,
  // \`tf\` is the global the CDN build defines (<script src=".../tf.min.js">).
  elu: tf.elu,
};

export function apply(name, x) {
  return ACTIVATIONS[name](x);
}
`;
    expectCall('javascript', src, 'relu', { id: 'relu', framework: 'tfjs' }, 2);
    expectCall('javascript', src, 'elu', { id: 'elu', framework: 'tfjs' }, 1);
  });
});

describe("Rust (candle): a tuple field of a wrapper's tuple field", () => {
  it("`ActPair::new(Activation::Gelu).0.1` is the pair's second activation, not the GELU passed in", () => {
    const src = `use candle_core::{Result, Tensor};
use candle_nn::{Activation, Module};

/// The gate's activation and the output's, the output one fixed to ReLU.
pub struct ActPair(pub (Activation, Activation));

impl ActPair {
    pub fn new(gate: Activation) -> Self {
        Self((gate, Activation::Relu))
    }
}

pub fn output(xs: &Tensor) -> Result<Tensor> {
    let out_act = ActPair::new(Activation::Gelu).0.1;
    out_act.forward(xs)
}
`;
    // Rust's lexer reads \`.0.1\` as a field access then the float \`0.1\`, and rustc splits it into the
    // tuple indices 0 and 1: field 1 of the pair, whatever it holds, is not the \`gate\` argument.
    assert.notEqual(hover('rust', src, 'out_act', 1)?.id, 'gelu');
  });
});
