/**
 * One hovered name (match.ts), second round: what is an import statement in Rust (a braced `pub use` list,
 * however long), the value of a Julia file that another file `include`s (its last expression, one name or a
 * named tuple), C++ names scoped by a type (`Calibration<float>::threshold`, `decltype(calib)::threshold`)
 * against the global namespace (`::torch::relu_(h);`), which call's keywords are an activation's (only
 * `functools.partial`'s, not `jnp.apply_along_axis`'s), a Python conditional expression and walrus, and which
 * `=` after a Julia call makes it a definition.
 *
 * Expected values come from the languages' rules: Rust's `use` declarations (with or without `pub`) bind
 * names and apply nothing; Julia's `include` returns the file's last expression, and a keyword argument after
 * a comma (`dims = 1`) or inside a bracket defines nothing; in C++ a name qualified by a class (or a
 * `decltype`) is that class's member, never namespace `torch`'s function, while a leading `::` is the global
 * namespace; in Python `a if (c) else b` takes no arguments and `(name := value)` binds the name. And from
 * the frameworks' documentation: NNlib's `swish(x) = x * σ(x)` (SiLU), `leakyrelu(x, a)`, `relu`, `σ`;
 * LibTorch's `torch::threshold(self, threshold, value)` and in-place `torch::relu_`; `jax.nn.softmax`'s
 * default `axis=-1` (`jnp.apply_along_axis`'s own `axis` picks the slices); `torch.nn.LeakyReLU`'s default
 * `negative_slope=0.01`. "No hover" where the word names something else.
 */
import { expectCall, expectNothing } from './recognizeHelpers';

const PY = 'python';
const JL = 'julia';
const CPP = 'cpp';
const RS = 'rust';

describe('Rust: a braced `pub use` list re-exports names, however long', () => {
  it('the names in `pub use a::{…};` are declarations; the calls below are uses', () => {
    const src = `//! Activations shared by the crate's blocks, re-exported for the model crates.
pub use burn::tensor::activation::{gelu, sigmoid};

/// Gates half of the features with the other half.
pub fn gate<B: Backend>(x: Tensor<B, 2>) -> Tensor<B, 2> {
    sigmoid(x.clone()) * gelu(x)
}
`;
    expectNothing(RS, src, 'gelu', 0);
    expectNothing(RS, src, 'sigmoid', 0);
    expectCall(RS, src, 'sigmoid', { id: 'sigmoid', framework: 'burn', params: {} }, 1);
    expectCall(RS, src, 'gelu', { id: 'gelu', framework: 'burn' }, 1);
  });

  it('a restricted re-export (`pub(crate) use`, `pub(in crate::blocks) use`) declares its names too', () => {
    // The bug this test found: the word after `pub` was `(`, so these lines were read as code.
    const src = `//! Helpers visible inside the crate only.
pub(crate) use burn::tensor::activation::{relu, silu};
pub(in crate::blocks) use burn::tensor::activation::softplus;

/// The feed-forward block's two activations, summed.
pub(crate) fn mixed<B: Backend>(x: Tensor<B, 2>) -> Tensor<B, 2> {
    relu(x.clone()) + silu(x.clone()) + softplus(x, 1.0)
}
`;
    expectNothing(RS, src, 'relu', 0);
    expectNothing(RS, src, 'silu', 0);
    expectNothing(RS, src, 'softplus', 0);
    expectCall(RS, src, 'relu', { id: 'relu', framework: 'burn', params: {} }, 1);
    expectCall(RS, src, 'silu', { id: 'silu', framework: 'burn', params: { beta: 1 } }, 1);
  });

  const LAYERS = [
    'BatchNorm, BatchNormConfig, Dropout, DropoutConfig',
    'Embedding, EmbeddingConfig, GroupNorm, GroupNormConfig',
    'LayerNorm, LayerNormConfig, Linear, LinearConfig',
    'Lstm, LstmConfig, RmsNorm, RmsNormConfig',
    'PositionalEncoding, PositionalEncodingConfig',
    'Gelu, HardSigmoid, HardSigmoidConfig, LeakyRelu, LeakyReluConfig',
    'PRelu, PReluConfig, Relu, Sigmoid, SwiGlu, SwiGluConfig, Tanh',
  ];
  const PRELUDE = `//! The workspace prelude: the layers every model crate builds with, in one import.
use burn::prelude::*;

pub use burn::nn::conv::{Conv1d, Conv1dConfig, Conv2d, Conv2dConfig};
pub use burn::nn::{
${LAYERS.map((line) => `    ${line},`).join('\n')}
};
`;

  it('past the first window of a long prelude list, each activation is still re-exported: no hover', () => {
    for (const name of ['Gelu', 'LeakyRelu', 'LeakyReluConfig', 'Relu', 'Sigmoid', 'Tanh']) {
      expectNothing(RS, PRELUDE, name);
    }
  });
});

describe('Julia: the value of an included file is its last expression', () => {
  it('a file whose whole value is one name (no final newline) names NNlib’s swish', () => {
    const src = `# config/activation.jl: included by train.jl, which takes this file's value.
using NNlib

swish`;
    expectCall(JL, src, 'swish', { id: 'silu', framework: 'flux', params: { beta: 1 } });
  });

  it('a named tuple opening the last line names relu and σ', () => {
    const src = `# config/activations.jl: included by train.jl; the file's value is its last expression.
using Flux

(hidden = relu, output = σ)`;
    expectCall(JL, src, 'relu', { id: 'relu', framework: 'flux', params: {} });
    expectCall(JL, src, 'σ', { id: 'sigmoid', framework: 'flux', params: {} });
  });
});

describe('C++: a name scoped by a type is that type’s member; a leading :: is the global namespace', () => {
  const SRC = `// Decision thresholds for the detector's scores, calibrated per class on the validation set.
#include <torch/torch.h>
#include <vector>

using namespace torch;

template <typename T>
struct Calibration {
  // The score above which a detection is kept: the given quantile of the validation scores.
  static T threshold(const std::vector<T>& scores, double quantile);
};

Tensor keep_mask(const Tensor& scores, const std::vector<float>& validation) {
  auto cut = Calibration<float>::threshold(validation, 0.95);
  return scores > cut;
}

Tensor keep_mask_of(const Tensor& scores, const std::vector<float>& validation) {
  Calibration<float> calib;
  auto cut = decltype(calib)::threshold(validation, 0.9);
  return scores > cut;
}

Tensor denoise(const Tensor& x) {
  // Values at or below 0.1 are noise: set them to zero.
  return threshold(x, 0.1, 0.0);
}

void rectify_(Tensor& h) {
  ::torch::relu_(h);
}
`;

  it('Calibration<float>::threshold is the class template’s static member, not torch::threshold', () => {
    expectNothing(CPP, SRC, 'threshold', 1);
  });

  it('decltype(calib)::threshold is the same member', () => {
    expectNothing(CPP, SRC, 'threshold', 2);
  });

  it('an unqualified threshold under `using namespace torch` is torch::threshold(self, threshold, value)', () => {
    expectCall(
      CPP,
      SRC,
      'threshold',
      {
        id: 'threshold',
        framework: 'libtorch',
        params: { threshold: 0.1, value: 0 },
      },
      3,
    );
  });

  it('a statement opening with ::torch::relu_ applies LibTorch’s in-place relu', () => {
    expectCall(CPP, SRC, 'relu_', { id: 'relu', framework: 'libtorch', params: {} });
  });
});

describe('Python: which keywords and parentheses near an activation are its own', () => {
  it('jnp.apply_along_axis’s axis picks the slices: softmax keeps its default axis -1', () => {
    const src = `"""Class probabilities of a batch of logits, row by row."""
import jax
import jax.numpy as jnp


def row_probs(logits):
    return jnp.apply_along_axis(jax.nn.softmax, axis=1, arr=logits)
`;
    expectCall(PY, src, 'softmax', { id: 'softmax', framework: 'jax', params: { dim: -1 } });
  });

  it('a parenthesized condition after `nn.LeakyReLU if` is no argument of LeakyReLU', () => {
    const src = `"""The MLP block's activation: leaky when a slope is configured."""
from torch import nn


class Block(nn.Module):
    def __init__(self, width, slope=None):
        super().__init__()
        self.fc = nn.Linear(width, width)
        act = nn.LeakyReLU if (slope is not None) else nn.ReLU
        self.act = act()
`;
    expectCall(PY, src, 'LeakyReLU', {
      id: 'leaky_relu',
      framework: 'pytorch',
      params: { negative_slope: 0.01 },
    });
  });

  it('a walrus that rebinds an imported name binds it: no hover there', () => {
    const src = `"""Activation for the sweep: the registry's entry when there is one, else JAX's GELU."""
from jax.nn import gelu

from sweep.registry import REGISTRY

if (gelu := REGISTRY.get("hidden_act", gelu)) is None:
    raise ValueError("the registry maps hidden_act to None")
`;
    expectNothing(PY, src, 'gelu', 1);
  });
});

describe('Julia: an `=` after a call on the same line that defines nothing', () => {
  const SRC = `"""
Hidden features of the small Flux MLP, normalised over the batch.
"""
module Features

using Flux

function features(W, x, b)
    h = Flux.normalise(
        leakyrelu.(W * x .+ b, 0.2f0), dims = 1)
    return h
end

function block(h)
    relu.(h)::Matrix{Float32} .+ Flux.normalise(h, dims = 1)
end

end
`;

  it('a broadcast call opening a line, then a keyword argument after a comma, is a call', () => {
    expectCall(JL, SRC, 'leakyrelu', {
      id: 'leaky_relu',
      framework: 'flux',
      params: { negative_slope: 0.2 },
    });
  });

  it('a type-asserted call with a keyword argument inside a later call is a call', () => {
    expectCall(JL, SRC, 'relu', { id: 'relu', framework: 'flux', params: {} });
  });
});
