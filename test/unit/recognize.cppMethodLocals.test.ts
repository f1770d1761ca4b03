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
