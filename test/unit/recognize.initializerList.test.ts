/**
 * A LibTorch module member built in the constructor's initializer list (`gelu(register_module("gelu",
 * torch::nn::GELU(torch::nn::GELUOptions().approximate("tanh"))))`) is what a use of the member computes,
 * over the type its declaration names (`torch::nn::GELU gelu{nullptr};`, which holds nothing yet).
 *
 * Expected values come from LibTorch's documentation: `torch::nn::GELUOptions().approximate("tanh")` makes
 * the tanh approximation, and `torch::nn::LeakyReLUOptions().negative_slope(0.2)` a slope of 0.2; a module
 * built with default options is GELU's exact form ("none") and a slope of 0.01.
 */
import assert from 'node:assert/strict';
import './freshModels';
import { recognizeAt } from '../../src/core';

const FEED_FORWARD = `#include <torch/torch.h>

// The GPT-2 feed-forward block: tanh-approximated GELU between two projections.
struct FeedForwardImpl : torch::nn::Module {
  FeedForwardImpl(int64_t d, int64_t hidden)
      : fc1(register_module("fc1", torch::nn::Linear(d, hidden))),
        gelu(register_module("gelu", torch::nn::GELU(torch::nn::GELUOptions().approximate("tanh")))),
        fc2(register_module("fc2", torch::nn::Linear(hidden, d))),
        leaky(torch::nn::LeakyReLU(torch::nn::LeakyReLUOptions().negative_slope(0.2))) {
    register_module("leaky", leaky);
  }

  torch::Tensor forward(torch::Tensor x) {
    auto h = this->gelu(fc1(x));
    return fc2(leaky(h)) + torch::max(h, torch::zeros_like(h));
  }

  torch::nn::Linear fc1{nullptr}, fc2{nullptr};
  torch::nn::GELU gelu{nullptr};
  torch::nn::LeakyReLU leaky{nullptr};
};
TORCH_MODULE(FeedForward);

// A plain GELU built with its defaults, for the ablation.
struct PlainImpl : torch::nn::Module {
  PlainImpl() : act(register_module("act", torch::nn::GELU())) {}
  torch::Tensor forward(torch::Tensor x) { return act(x); }
  torch::nn::GELU act{nullptr};
};
TORCH_MODULE(Plain);

// A gate that an ablation swaps for another squashing function.
struct GateImpl : torch::nn::Module {
  GateImpl() : gate(register_module("gate", torch::nn::Sigmoid())) {}
  void replace_gate(torch::nn::Tanh other) { gate = register_module("gate", other); }
  void use_tanh() { replace_gate(torch::nn::Tanh()); }
  torch::Tensor forward(torch::Tensor x) { return x * gate(x); }
  torch::nn::AnyModule gate;
};
TORCH_MODULE(Gate);
`;

function hoverAt(needle: string, shift: number) {
  return recognizeAt(FEED_FORWARD, FEED_FORWARD.indexOf(needle) + shift, 'cpp');
}

describe('LibTorch: a member built in the constructor initializer list', () => {
  it('this->gelu(…) is the tanh-approximated GELU its initializer builds', () => {
    const got = hoverAt('this->gelu(fc1', 'this->'.length + 1);
    assert.equal(got?.id, 'gelu');
    assert.equal(got?.framework, 'libtorch');
    assert.equal(got?.params.approximate, 'tanh');
  });

  it("leaky(h) is the LeakyReLU with the slope its initializer gives (the list's last entry)", () => {
    const got = hoverAt('leaky(h)', 1);
    assert.equal(got?.id, 'leaky_relu');
    assert.equal(got?.params.negative_slope, 0.2);
  });

  it('a member built with default options keeps the defaults', () => {
    const got = hoverAt('return act(x)', 'return '.length + 1);
    assert.equal(got?.id, 'gelu');
    assert.equal(got?.params.approximate, 'none');
  });

  it('a method whose parameter is a module is no member built in an initializer list', () => {
    // `replace_gate(torch::nn::Tanh other) {` has a name, parentheses and a body's brace, but no list's
    // `:` or `,` before it: calling it applies no activation.
    assert.equal(hoverAt('replace_gate(torch::nn::Tanh());', 1), undefined);
  });

  it('the linear layers built beside them are no activation', () => {
    assert.equal(hoverAt('fc2(leaky', 1), undefined);
  });
});
