/**
 * LibTorch modules kept as class members (issue 9 §2 and §5): declared in the class body
 * (`torch::nn::LeakyReLU lrelu{nullptr};`) and built in the constructor with `register_module` and an
 * options builder, then applied as `lrelu(x)` or `lrelu->forward(x)`; a member shadows the function of
 * the same name under `using namespace torch`. Options builders name their methods after the parameter,
 * `lambda` for PyTorch's `lambd`. Values from the PyTorch C++ API (torch/nn/options/activation.h:
 * LeakyReLUOptions negative_slope 0.01, HardshrinkOptions lambda 0.5, SoftmaxOptions(dim)).
 */
import { expectCall, expectNothing } from './recognizeHelpers';

const CPP = 'cpp';
const LT = 'libtorch';

describe('LibTorch: class members built in the constructor', () => {
  const SRC = `#include <torch/torch.h>

using namespace torch;

class CriticImpl : public torch::nn::Module {
 public:
  CriticImpl() {
    fc = register_module("fc", torch::nn::Linear(64, 1));
    lrelu = register_module("lrelu", torch::nn::LeakyReLU(torch::nn::LeakyReLUOptions().negative_slope(0.2)));
    out = register_module("out", torch::nn::Sigmoid());
    shrink = torch::nn::Hardshrink(torch::nn::HardshrinkOptions().lambda(0.25));
    register_module("softmax", softmax);
  }

  torch::Tensor forward(torch::Tensor x) {
    x = lrelu(fc(x));
    x = lrelu->forward(x);
    x = shrink(x);
    x = softmax(x);
    return out(x);
  }

 private:
  torch::nn::Linear fc{nullptr};
  torch::nn::LeakyReLU lrelu{nullptr};
  torch::nn::Sigmoid out{nullptr};
  torch::nn::Hardshrink shrink{nullptr};
  torch::nn::Softmax softmax{torch::nn::SoftmaxOptions(1)};
};
TORCH_MODULE(Critic);

torch::Tensor normalize(torch::Tensor logits) {
  return softmax(logits, 0);
}
`;

  it('reads a member called as a function or with ->, with the options it was registered with', () => {
    const slope = { negative_slope: 0.2 };
    expectCall(CPP, SRC, 'lrelu', { id: 'leaky_relu', framework: LT, params: slope }, 2);
    expectCall(CPP, SRC, 'lrelu', { id: 'leaky_relu', framework: LT, params: slope }, 3);
    expectCall(CPP, SRC, 'out', { id: 'sigmoid', framework: LT }, 2);
  });

  it("reads an options builder's `lambda` as hardshrink's lambd", () => {
    const lambd = { lambd: 0.25 };
    expectCall(CPP, SRC, 'Hardshrink', { id: 'hardshrink', framework: LT, params: lambd });
    expectCall(CPP, SRC, 'shrink', { id: 'hardshrink', framework: LT, params: lambd }, 1);
  });

  it("reads a member over the namespace's function of the same name", () => {
    expectCall(CPP, SRC, 'softmax', { id: 'softmax', framework: LT, params: { dim: 1 } }, 2);
    // Outside the class, `softmax` is torch::softmax with its own dim.
    expectCall(CPP, SRC, 'softmax', { id: 'softmax', framework: LT, params: { dim: 0 } }, 4);
  });

  it('gives nothing on members that are not activations and on member declarations', () => {
    expectNothing(CPP, SRC, 'fc', 2);
    expectNothing(CPP, SRC, 'lrelu', 4);
    expectNothing(CPP, SRC, 'out', 3);
    expectNothing(CPP, SRC, 'softmax', 1); // the module passed to register_module
    expectNothing(CPP, SRC, 'x', 4); // a tensor: `x = lrelu->forward(x)` binds what the module returns
  });

  it('lets what the constructor registers replace a default-constructed member', () => {
    const src = `#include <torch/torch.h>

struct Block : torch::nn::Module {
  Block() {
    act = register_module("act", torch::nn::LeakyReLU(torch::nn::LeakyReLUOptions().negative_slope(0.3)));
  }
  torch::Tensor forward(torch::Tensor x) {
    return act(x) + gate(x) + this->act->forward(x) + other->act(x);
  }
  torch::nn::LeakyReLU act;
  torch::nn::Sigmoid gate;
};
`;
    const slope = { negative_slope: 0.3 };
    expectCall(CPP, src, 'act', { id: 'leaky_relu', framework: LT, params: slope }, 2);
    expectCall(CPP, src, 'gate', { id: 'sigmoid', framework: LT });
    expectCall(CPP, src, 'act', { id: 'leaky_relu', framework: LT, params: slope }, 3);
    expectNothing(CPP, src, 'act', 4); // another object's member
    expectNothing(CPP, src, 'act', 5);
  });

  it('reads a local built by calling a module type, applied with ->', () => {
    const src = `#include <torch/torch.h>

torch::Tensor head(torch::Tensor x) {
  auto act = torch::nn::GELU(torch::nn::GELUOptions().approximate("tanh"));
  auto lin = torch::nn::Linear(8, 8);
  auto y = torch::relu(x);
  x = lin->forward(x);
  x = y->forward(x);
  return act->forward(x);
}
`;
    const tanh = { approximate: 'tanh' };
    expectCall(CPP, src, 'act', { id: 'gelu', framework: LT, params: tanh }, 1);
    expectNothing(CPP, src, 'lin', 1);
    expectNothing(CPP, src, 'y', 1); // a tensor, whatever computed it
  });
});
