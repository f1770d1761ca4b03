/**
 * The eighth mutation session's "left" survivors of the non-formula files, as tests of the right answer,
 * and the recognizer fixes they needed:
 * - C++23's explicit object parameter: a member function declared `f(this auto& self, …)` reaches the
 *   members through `self`, as Rust's methods do (`self.act(x)`, one field deeper `self.head.act(x)`);
 * - Julia's list of modules with a rename (`import LinearAlgebra, NNlib as NL`);
 * - C++: `template <class Input>` before a member function is no class definition (the members of the
 *   class around it are read inside);
 * - Rust: a struct's associated constants matched on like an enum's variants (`ActKind::GELU =>`).
 *
 * Expected values come from the language rules and the frameworks' documentation: C++23 (P0847, "Deducing
 * this") makes `self` in `this auto& self` the object the member function is called on, so `self.act` is
 * the member `act` of the class (or of the class of its field `head`); LibTorch's `torch::nn::GELU` is the
 * GELU module (approximate "none" by default) and `torch::nn::SiLU` the SiLU module.
 * C++ ([temp.param]): `class Input` in `template <class Input>` declares a type parameter, no class, so
 * `act` inside that member template is a member of the class around it; `torch::nn::Sigmoid` is the
 * sigmoid module. Julia's manual ("Modules", "Renaming with as"): `import A, B as C` imports A and binds C to module B; NNlib's `softplus`
 * and `gelu` are the functions Flux re-exports. Rust (the reference, "Path patterns"): a path pattern may
 * name an associated constant of a type deriving `PartialEq` and `Eq`, so `ActKind::GELU => xs.gelu_erf()`
 * is the arm taken for that constant; candle's `gelu_erf` is the exact GELU and `relu` ReLU.
 */
import { expectCall } from './recognizeHelpers';

const CPP = 'cpp';
const JULIA = 'julia';
const RUST = 'rust';

const CPP23_BLOCK = `// Feed-forward block written with C++23 deducing-this, so that const and non-const
// callers share one forward() body.
#include <torch/torch.h>

#include <utility>

namespace tiny {

/// The projection head: a linear layer, then SiLU.
struct Head {
  torch::nn::Linear proj{nullptr};
  torch::nn::SiLU act;

  explicit Head(int64_t d) : proj(torch::nn::LinearOptions(d, d)) {}
};

class Block {
 public:
  explicit Block(int64_t d) : up_(torch::nn::LinearOptions(d, 4 * d)), head(4 * d) {}

  // self is the object forward() is called on (P0847).
  torch::Tensor forward(this auto&& self, const torch::Tensor& x) {
    auto h = self.act(self.up_(x));
    return self.head.act(self.head.proj(h));
  }

 private:
  torch::nn::Linear up_{nullptr};
  torch::nn::GELU act;
  Head head;
};

}  // namespace tiny
`;

const JULIA_GATE = `"""
    TinyGate

A gated MLP block for Flux. The gate calls NNlib directly so that it also runs on plain arrays.
"""
module TinyGate

import LinearAlgebra, NNlib as NL
using Flux: Dense

struct GatedMLP
    up::Dense
    gate::Dense
    down::Dense
end

GatedMLP(d::Int, h::Int) = GatedMLP(Dense(d => h), Dense(d => h), Dense(h => d))

function (m::GatedMLP)(x)
    g = NL.softplus.(m.gate(x))
    y = m.down(NL.gelu.(m.up(x)) .* g)
    return y ./ LinearAlgebra.norm(y)
end

end # module
`;

const CANDLE_CONSTS = `//! Activation selection for a small candle MLP. The kind is stored in checkpoints as one byte,
//! so it is a newtype with associated constants rather than an enum.
use candle_core::{Result, Tensor};
use candle_nn::{Linear, Module};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActKind(u8);

impl ActKind {
    pub const GELU: ActKind = ActKind(0);
    pub const RELU: ActKind = ActKind(1);

    pub fn from_byte(b: u8) -> Option<Self> {
        (b < 2).then_some(ActKind(b))
    }
}

fn activate(kind: ActKind, xs: &Tensor) -> Result<Tensor> {
    match kind {
        ActKind::GELU => xs.gelu_erf(),
        ActKind::RELU => xs.relu(),
        _ => candle_core::bail!("unknown activation byte {}", kind.0),
    }
}

pub struct Mlp {
    fc1: Linear,
    fc2: Linear,
    act: ActKind,
}

impl Mlp {
    pub fn new(fc1: Linear, fc2: Linear) -> Self {
        Self { fc1, fc2, act: ActKind::GELU }
    }

    pub fn relu(fc1: Linear, fc2: Linear) -> Self {
        Self { fc1, fc2, act: ActKind::RELU }
    }
}

impl Module for Mlp {
    fn forward(&self, xs: &Tensor) -> Result<Tensor> {
        let h = activate(self.act, &self.fc1.forward(xs)?)?;
        self.fc2.forward(&h)
    }
}
`;

const CPP_MEMBER_TEMPLATE = `// A residual block whose forward() is a member template, so that it takes a tensor or a
// tensor view alike.
#include <torch/torch.h>

struct GateImpl : torch::nn::Module {
  explicit GateImpl(int64_t d)
      : proj(register_module("proj", torch::nn::Linear(d, d))),
        act(register_module("act", torch::nn::Sigmoid())) {}

  torch::Tensor forward(const torch::Tensor& x) { return x * act(proj(x)); }

  torch::nn::Linear proj{nullptr};
  torch::nn::Sigmoid act{nullptr};
};
TORCH_MODULE(Gate);

struct ResidualImpl : torch::nn::Module {
  explicit ResidualImpl(int64_t d)
      : fc(register_module("fc", torch::nn::Linear(d, d))),
        act(register_module("act", torch::nn::SiLU())) {}

  template <class Input>
  torch::Tensor forward(const Input& x) {
    return x + act(fc(x));
  }

  torch::nn::Linear fc{nullptr};
  torch::nn::SiLU act{nullptr};
};
TORCH_MODULE(Residual);
`;

describe("recognizer: the eighth session's left survivors of the non-formula files", () => {
  describe('C++23: members reached through the explicit object parameter `self`', () => {
    it("`self.act(…)` is the class's own GELU member", () => {
      expectCall(CPP, CPP23_BLOCK, 'act', { id: 'gelu', framework: 'libtorch' }, 1);
    });

    it("`self.head.act(…)` is the SiLU member of the field's class `Head`", () => {
      expectCall(CPP, CPP23_BLOCK, 'act', { id: 'silu', framework: 'libtorch' }, 2);
    });
  });

  describe('Julia: `import A, B as C` binds C to module B', () => {
    it("`NL.softplus` and `NL.gelu` are NNlib's functions", () => {
      expectCall(JULIA, JULIA_GATE, 'softplus', { id: 'softplus', framework: 'flux' });
      expectCall(JULIA, JULIA_GATE, 'gelu', { id: 'gelu', framework: 'flux' });
    });
  });

  describe('Rust: associated constants matched on as an activation kind', () => {
    it('`ActKind::GELU` is the exact GELU its arm applies, `ActKind::RELU` ReLU', () => {
      expectCall(RUST, CANDLE_CONSTS, 'GELU', { id: 'gelu', framework: 'candle' }, 2);
      expectCall(RUST, CANDLE_CONSTS, 'RELU', { id: 'relu', framework: 'candle' }, 2);
    });
  });

  describe("C++: a member template's `template <class Input>` declares no class", () => {
    it('`act(fc(x))` in the member template is the SiLU member of `ResidualImpl`', () => {
      expectCall(CPP, CPP_MEMBER_TEMPLATE, 'act', { id: 'silu', framework: 'libtorch' }, 6);
      expectCall(CPP, CPP_MEMBER_TEMPLATE, 'act', { id: 'sigmoid', framework: 'libtorch' }, 2);
    });
  });
});
