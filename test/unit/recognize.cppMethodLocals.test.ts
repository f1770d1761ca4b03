/**
 * A local declared inside a C++ method's body (`auto act = torch::nn::Tanh();` in a constructor) is that
 * method's: it is no member of the class, so another method's `act(x)` names the file's `act`. A member
 * declared in the class body, and one a constructor assigns without a declaration, are still members.
 *
 * Expected values come from C++'s scope rules ([basic.scope.block]: a name declared in a block is local to
 * it) and LibTorch's documentation: `torch::nn::SiLU` is the SiLU, `torch::nn::Tanh` the tanh,
 * `torch::nn::GELU` the exact GELU.
 */
import { expectCall } from './recognizeHelpers';

const SRC = `#include <torch/torch.h>

// The file's activation, shared by the blocks below.
auto act = torch::nn::SiLU();

struct BlockImpl : torch::nn::Module {
  BlockImpl(int64_t dim) : fc(register_module("fc", torch::nn::Linear(dim, dim))) {
    // A local used once to check the init; the block's own activation is the file's SiLU.
    auto act = torch::nn::Tanh();
    auto probe = act(torch::zeros({1, dim}));
    gate = register_module("gate", torch::nn::GELU());
  }

  torch::Tensor forward(torch::Tensor x) { return gate(act(fc(x))); }

  torch::nn::Linear fc;
  torch::nn::GELU gate{nullptr};
};
TORCH_MODULE(Block);
`;

const SHADOWS = `#include <torch/torch.h>

// The file's default activation.
auto act = torch::nn::SiLU();

struct GateImpl : torch::nn::Module {
  GateImpl() { act = register_module("act", torch::nn::GELU()); }

  // The member (GELU) hides the file's SiLU inside the class.
  torch::Tensor forward(torch::Tensor x) { return act(x); }

  // A local hides the member: this probe runs a ReLU.
  torch::Tensor probe(torch::Tensor x) {
    auto act = torch::nn::ReLU();
    auto baseline = this->act->forward(x);
    return act(x) - baseline;
  }

  torch::nn::GELU act{nullptr};
};
TORCH_MODULE(Gate);
`;

const BURN = `use burn::nn::{Gelu, Relu};
use burn::prelude::*;

#[derive(Module, Debug)]
pub struct Gate {
    act: Gelu,
}

impl Gate {
    /// The trained activation against a ReLU baseline on the same input.
    pub fn compare<B: Backend>(&self, x: Tensor<B, 2>) -> Tensor<B, 2> {
        let act = Relu::new();
        let baseline = act.forward(x.clone());
        self.act.forward(x) - baseline
    }
}
`;

describe('a local, a member and a global of one name', () => {
  it("reads a method's bare act(x) as the member, not the file's global", () => {
    expectCall('cpp', SHADOWS, 'act', { id: 'gelu', framework: 'libtorch' }, 3);
  });

  it("reads a method's local act(x) as the local, not the member", () => {
    expectCall('cpp', SHADOWS, 'act', { id: 'relu', framework: 'libtorch' }, 6);
  });

  it('reads this->act as the member beside a local of that name', () => {
    expectCall('cpp', SHADOWS, 'act', { id: 'gelu', framework: 'libtorch' }, 5);
  });

  it("reads Rust's self.act as the field beside a local of that name", () => {
    expectCall('rust', BURN, 'act', { id: 'gelu', framework: 'burn' }, 3);
  });
});

describe('a local declared in a C++ method is no member', () => {
  it("reads act(...) in forward as the file's SiLU", () => {
    expectCall('cpp', SRC, 'act', { id: 'silu', framework: 'libtorch' }, 3);
  });

  it("reads the constructor's own act(...) as its local Tanh", () => {
    expectCall('cpp', SRC, 'act', { id: 'tanh', framework: 'libtorch' }, 2);
  });

  it('keeps a member declared in the class body and assigned in the constructor', () => {
    expectCall('cpp', SRC, 'gate', { id: 'gelu', framework: 'libtorch' }, 2);
  });
});
