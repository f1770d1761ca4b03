/**
 * Survivors of the seventh mutation run of members.ts, bodies.ts and index.ts: LibTorch modules registered
 * under a name computed by an expression that holds a comma of its own (`c10::str("lrelu", index)`, a
 * lambda invoked in place), a module built by a constructor with two plain arguments under
 * `using namespace torch::nn` (`Threshold(0.1, 20.0)`), a Python function that normalizes the ReLU of its
 * input, and a LibTorch member named through `this->` like a function of `torch::` (a fix of this round).
 *
 * Expected values come from the frameworks' documentation and the languages' rules: LibTorch's
 * `LeakyReLUOptions().negative_slope(0.2)` sets the slope 0.2 (the module's default is 0.01),
 * `GELUOptions().approximate("tanh")` the tanh approximation (the default is exact, "none"), and
 * `ThresholdImpl(double threshold, double value)` replaces inputs not above `threshold` by `value`.
 * `register_module(name, module)` takes the name first, whatever expression computes it; a comma inside
 * that expression's own brackets separates nothing of register_module's. In C++, `this->gelu` names the
 * class's member `gelu` (a class member, never a namespace's function). `F.normalize(relu(x), dim=-1)`
 * divides by the L2 norm of the whole row: not an elementwise activation, so no hover on the function that
 * returns it, while the `relu` inside is PyTorch's ReLU.
 */
import { expectCall, expectNothing } from './recognizeHelpers';

const CPP = 'cpp';
const PY = 'python';

describe('LibTorch: a module registered under a name computed with commas of its own', () => {
  const SRC = `// critic.cpp: the stages of a patch critic; each names its modules after the stage's index.
#include <torch/torch.h>

#include <c10/util/StringUtil.h>
#include <string>

class CriticStageImpl : public torch::nn::Module {
 public:
  CriticStageImpl(int64_t channels, int64_t index) {
    conv = register_module(c10::str("conv", index),
                           torch::nn::Conv2d(torch::nn::Conv2dOptions(channels, 2 * channels, 4).stride(2)));
    lrelu = register_module(c10::str("lrelu", index),
                            torch::nn::LeakyReLU(torch::nn::LeakyReLUOptions().negative_slope(0.2)));
  }

  torch::Tensor forward(torch::Tensor x) { return lrelu(conv(x)); }

 private:
  torch::nn::Conv2d conv{nullptr};
  torch::nn::LeakyReLU lrelu{nullptr};
};
TORCH_MODULE(CriticStage);

class GatedStageImpl : public torch::nn::Module {
 public:
  GatedStageImpl(const std::string& prefix, int64_t index) {
    // The name is made once, in place: "<prefix>_gelu<index>".
    gelu = register_module([&prefix, index] {
      std::string stem = prefix, tag = "_gelu";
      return stem + tag + std::to_string(index);
    }(), torch::nn::GELU(torch::nn::GELUOptions().approximate("tanh")));
  }

  torch::Tensor forward(torch::Tensor x) { return x + gelu(x); }

 private:
  torch::nn::GELU gelu{nullptr};
};
TORCH_MODULE(GatedStage);
`;

  it('reads the options of a module registered under `c10::str(…)`', () => {
    const leaky = { id: 'leaky_relu', framework: 'libtorch', params: { negative_slope: 0.2 } };
    expectCall(CPP, SRC, 'lrelu', leaky, 2);
  });

  it('reads the options of a module registered under a name a lambda computes in place', () => {
    const tanhGelu = { id: 'gelu', framework: 'libtorch', params: { approximate: 'tanh' } };
    expectCall(CPP, SRC, 'gelu', tanhGelu, 1);
  });
});

describe('LibTorch: a module built from two plain arguments under `using namespace torch::nn`', () => {
  const SRC = `// clipped_head.cpp: a classifier head whose scores are clipped from below.
#include <torch/torch.h>

using namespace torch::nn;

struct ClippedHeadImpl : Module {
  explicit ClippedHeadImpl(int64_t features) {
    fc = register_module("fc", Linear(features, 10));
    // Stateless, so not registered: scores not above 0.1 become 20.
    clip = Threshold(0.1, 20.0);
  }

  torch::Tensor forward(torch::Tensor x) { return clip(fc(x)); }

  Linear fc{nullptr};
  Threshold clip{nullptr};
};
TORCH_MODULE(ClippedHead);
`;

  it('reads the threshold and the value the constructor passes', () => {
    const threshold = {
      id: 'threshold',
      framework: 'libtorch',
      params: { threshold: 0.1, value: 20 },
    };
    expectCall(CPP, SRC, 'clip', threshold, 1);
  });
});

describe('Python: a function that normalizes the ReLU of its input', () => {
  const SRC = `"""Projection head for contrastive pre-training: non-negative, unit-norm embeddings."""
import torch
from torch import nn
from torch.nn.functional import normalize, relu


def unit_relu(x):
    """ReLU features scaled to unit L2 norm along the last dimension."""
    return normalize(relu(x), dim=-1)


class ProjectionHead(nn.Module):
    def __init__(self, dim=256, out=128):
        super().__init__()
        self.fc = nn.Linear(dim, out)

    def forward(self, h):
        z = unit_relu(self.fc(h))
        return torch.cat([z, relu(h)], dim=-1)
`;

  it('gives no hover on the function: a normalized ReLU is no activation', () => {
    expectNothing(PY, SRC, 'unit_relu', 1);
  });

  it('still reads the ReLU inside it and beside it', () => {
    expectCall(PY, SRC, 'relu', { id: 'relu', framework: 'pytorch' }, 1);
    expectCall(PY, SRC, 'relu', { id: 'relu', framework: 'pytorch' }, 2);
  });
});

// Recognizer fixes found with these tests (CHANGELOG): each failed before its fix.

describe('LibTorch: a member named through `this->` like a function of torch', () => {
  const SRC = `// feed_forward.cpp: the transformer block's MLP.
#include <torch/torch.h>

using namespace torch;

struct FeedForwardImpl : nn::Module {
  explicit FeedForwardImpl(int64_t dim) {
    fc1 = register_module("fc1", nn::Linear(dim, 4 * dim));
    fc2 = register_module("fc2", nn::Linear(4 * dim, dim));
    gelu = register_module("gelu", nn::GELU(nn::GELUOptions().approximate("tanh")));
  }

  Tensor forward(Tensor x) { return fc2->forward(this->gelu(fc1->forward(x))); }

  nn::Linear fc1{nullptr};
  nn::Linear fc2{nullptr};
  nn::GELU gelu{nullptr};
};
TORCH_MODULE(FeedForward);
`;

  it('reads `this->gelu(…)` as the member, not as `torch::gelu`', () => {
    const tanhGelu = { id: 'gelu', framework: 'libtorch', params: { approximate: 'tanh' } };
    expectCall(CPP, SRC, 'gelu', tanhGelu, 2);
  });
});
