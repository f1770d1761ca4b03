/**
 * One hovered name (match.ts): which names are uses and which are declarations, and which parameters a use
 * reports. Names listed in an import statement are declarations however long the list (the bug this file
 * found: past the first window of a long `from m import (…)`, every name was hovered), and so is a Rust
 * `pub use`; only the last name of a dotted path is the activation, and an assignment to it (a monkeypatch)
 * is no use; `self.softmax(h)` is the module the constructor stored, while `h.softmax(1)` on an expression is
 * PyTorch's Tensor.softmax with its positional `dim`; `functools.partial` lends the activation its keywords
 * only when the activation is partial's first argument; a TF.js `tf` bound to a local object is that object.
 * Julia: `f(x::T) where {…} = …` over several lines defines `f`, while `f(x)::T` asserts a type on a call.
 * Expected values are the frameworks' documented signatures and defaults (torch.nn.functional.leaky_relu's
 * negative_slope 0.01, Tensor.softmax(dim), jax.nn.leaky_relu's negative_slope 0.01, tf.leakyRelu's alpha
 * 0.2, NNlib's leakyrelu(x, a = 0.01), burn's LeakyReluConfig negative_slope 0.01) and the languages' rules
 * (what an import statement spans, what a definition is).
 */
import assert from 'node:assert/strict';
import { recognizeAt } from '../../src/core';
import { expectCall, expectNothing, spanOf } from './recognizeHelpers';

const PY = 'python';

describe('names listed in an import statement are never hovered', () => {
  const OPS = [
    'conv1d, conv2d, conv3d, conv_transpose2d',
    'avg_pool2d, max_pool2d, adaptive_avg_pool2d, dropout',
    'dropout2d, embedding, one_hot, pad',
    'interpolate, grid_sample, affine_grid, cross_entropy',
    'nll_loss, mse_loss, l1_loss, kl_div',
    'cosine_similarity, pixel_shuffle, unfold, fold',
    'normalize, layer_norm, batch_norm, group_norm',
    'linear, bilinear, binary_cross_entropy, smooth_l1_loss',
    'elu, gelu, hardswish, leaky_relu',
    'mish, relu6, selu, silu',
    'softplus',
  ];
  const SRC = `"""Every torch.nn.functional op the model zoo uses, imported once for the whole package."""
from torch.nn.functional import (
${OPS.map((line) => `    ${line},`).join('\n')}
)


def head(x):
    """The classifier head's nonlinearity."""
    return silu(x)
`;

  it('a long parenthesized import list is a declaration to its last line', () => {
    // More than a window's worth of names before the activations: each is still on the import statement.
    for (const name of ['elu', 'gelu', 'leaky_relu', 'mish', 'silu', 'softplus']) {
      expectNothing(PY, SRC, name);
    }
  });

  it('the imported name used below the list is hovered', () => {
    expectCall(PY, SRC, 'silu', { id: 'silu', framework: 'pytorch', params: { beta: 1 } }, 1);
  });

  it('a short import line is a declaration too, and a call on the next line is not', () => {
    const src = `from torch.nn.functional import gelu, softplus
y = softplus(gelu(x), beta=2.0)
`;
    expectNothing(PY, src, 'gelu');
    expectNothing(PY, src, 'softplus');
    expectCall(
      PY,
      src,
      'softplus',
      { id: 'softplus', framework: 'pytorch', params: { beta: 2 } },
      1,
    );
  });

  it("a Rust `pub use` re-exports (a declaration) while a `pub fn`'s body calls", () => {
    const src = `//! Re-exports the activations the crate's blocks use, and a gated block built from them.
pub use burn::tensor::activation::gelu;
use burn::tensor::activation::sigmoid;

/// Gates half of the features with the other half.
pub fn gate<B: Backend>(x: Tensor<B, 2>) -> Tensor<B, 2> {
    sigmoid(x.clone()) * gelu(x)
}
`;
    expectNothing('rust', src, 'gelu');
    expectNothing('rust', src, 'sigmoid');
    expectCall('rust', src, 'gelu', { id: 'gelu', framework: 'burn' }, 1);
    expectCall('rust', src, 'sigmoid', { id: 'sigmoid', framework: 'burn' }, 1);
  });
});

describe('PyTorch and JAX names: the last name of a path, its receiver, and functools.partial', () => {
  const SRC = `"""Classifier head with a softmax module, plus the utilities the training script patches in."""
import functools

import jax
import torch
import torch.nn.functional as F
from torch import nn

# Logged with each run so that the plots say which squashing was used.
ACTIVATION_NAME = torch.sigmoid.__name__


class Head(nn.Module):
    def __init__(self, width: int) -> None:
        super().__init__()
        self.proj = nn.Linear(width, 10)
        self.softmax = nn.Softmax(dim=-1)

    def forward(self, x):
        logits = self.proj(x)
        return self.softmax(logits)

    def scores(self, x):
        # Tensor.softmax's first positional argument is dim.
        return self.proj(x).softmax(1)

    def gated(self, h, res):
        return F.leaky_relu((h + res) * 0.5, 0.2)


# Keep the library's GELU, but make it the tanh approximation everywhere.
F.gelu = functools.partial(F.gelu, approximate="tanh")
slope_act = functools.partial(jax.nn.leaky_relu, negative_slope=0.2)
# Here the keyword is apply_activation's own, not leaky_relu's.
applied = functools.partial(apply_activation, jax.nn.leaky_relu, negative_slope=0.2)
`;

  it('a name followed by an attribute is not the activation (torch.sigmoid.__name__)', () => {
    expectNothing(PY, SRC, 'sigmoid');
  });

  it('the module a constructor stored in self.softmax is what self.softmax(logits) applies', () => {
    expectCall(PY, SRC, 'softmax', { id: 'softmax', framework: 'pytorch', params: { dim: -1 } }, 2);
  });

  it("a softmax method on an expression reads Tensor.softmax's positional dim", () => {
    expectCall(PY, SRC, 'softmax', { id: 'softmax', framework: 'pytorch', params: { dim: 1 } }, 4);
  });

  it('a first argument in extra parentheses is still the input, and the slope comes after it', () => {
    expectCall(PY, SRC, 'leaky_relu', {
      id: 'leaky_relu',
      framework: 'pytorch',
      params: { negative_slope: 0.2 },
    });
  });

  it('assigning to F.gelu (a monkeypatch) is no use; the partial on its right is', () => {
    expectNothing(PY, SRC, 'gelu', 0);
    expectCall(
      PY,
      SRC,
      'gelu',
      { id: 'gelu', framework: 'pytorch', params: { approximate: 'tanh' } },
      1,
    );
  });

  it("partial's keywords are the activation's when it is partial's first argument, not later", () => {
    expectCall(
      PY,
      SRC,
      'leaky_relu',
      { id: 'leaky_relu', framework: 'jax', params: { negative_slope: 0.2 } },
      1,
    );
    expectCall(
      PY,
      SRC,
      'leaky_relu',
      { id: 'leaky_relu', framework: 'jax', params: { negative_slope: 0.01 } },
      3,
    );
  });

  it('a hover reports exactly the activation, its parameters, framework and span', () => {
    const [start, end] = spanOf(SRC, 'leaky_relu', 1);
    assert.deepStrictEqual(recognizeAt(SRC, start + 1, PY), {
      id: 'leaky_relu',
      params: { negative_slope: 0.2 },
      framework: 'jax',
      start,
      end,
    });
  });
});

describe('TF.js: a tf bound to a local object is that object', () => {
  const SRC = `// Activation helpers for the browser demo; \`tf\` is the global the TF.js script tag defines.

/** A stand-in for tf used by the demo's unit tests: same names, plain numbers. */
function makeFakeOps() {
  return { relu: (v) => Math.max(v, 0), sigmoid: (v) => 1 / (1 + Math.exp(-v)) };
}

export function scoreWithFake(x) {
  const tf = makeFakeOps();
  const score = Math.round(100 * clampUnit(tf.sigmoid(x)));
  return score;
}

export function scoreWithTfjs(x) {
  return tf.sigmoid(x).mul(100).round();
}

export function leaky(x) {
  return tf.leakyRelu(x, 0.3);
}
`;

  it('tf.sigmoid deep inside an expression reads the local tf: nothing', () => {
    expectNothing('javascript', SRC, 'sigmoid', 1);
  });

  it('the global tf is TF.js', () => {
    expectCall('javascript', SRC, 'sigmoid', { id: 'sigmoid', framework: 'tfjs' }, 2);
    expectCall('javascript', SRC, 'leakyRelu', {
      id: 'leaky_relu',
      framework: 'tfjs',
      params: { negative_slope: 0.3 },
    });
  });
});

describe('Julia: a compact definition over several lines, and type assertions on calls', () => {
  const SRC = `"""
    Activations for the small Flux MLP, with the element type pinned for the GPU kernels.
"""
module TinyActs

using Flux
using NNlib: relu, leakyrelu

export gelu, hidden, stats

# The sigmoid approximation of GELU, kept in the argument's element type.
gelu(x::T) where {
    T<:AbstractFloat,
} = x * sigmoid(T(1.702) * x)

function hidden(h)
    relu.(h)::Matrix{Float32}
end

function stats(h)
    summary = (hidden = relu.(h)::Matrix{Float32}, count = length(h))
    shifted = leakyrelu((h .- 1), 0.2f0)
    relu(h)::Matrix{Float32}; scale = 2
    return summary, shifted, scale
end

end
`;
  const JL = 'julia';

  it('a where clause spread over lines still ends in the definition of gelu: no hover', () => {
    expectNothing(JL, SRC, 'gelu', 1);
  });

  it("a broadcast call with a type assertion, ending a function's body, is hovered", () => {
    expectCall(JL, SRC, 'relu', { id: 'relu', framework: 'flux' }, 1);
  });

  it('a type-asserted call as a named tuple field is hovered (the = after it names the next field)', () => {
    expectCall(JL, SRC, 'relu', { id: 'relu', framework: 'flux' }, 2);
  });

  it('a type-asserted call ended by ; is hovered though an assignment follows on its line', () => {
    expectCall(JL, SRC, 'relu', { id: 'relu', framework: 'flux' }, 3);
  });

  it("leakyrelu's slope is its second argument even after a parenthesized first one", () => {
    expectCall(
      JL,
      SRC,
      'leakyrelu',
      {
        id: 'leaky_relu',
        framework: 'flux',
        params: { negative_slope: 0.2 },
      },
      1,
    );
  });
});

describe('burn and LibTorch: builders, glob imports and declarations', () => {
  const BURN = `//! A two-layer MLP for the tabular baseline.
use burn::nn::{LeakyReluConfig, Linear, LinearConfig};
use burn::prelude::*;

#[derive(Module, Debug)]
pub struct Mlp<B: Backend> {
    fc1: Linear<B>,
    fc2: Linear<B>,
    act: Gelu,
}

impl<B: Backend> Mlp<B> {
    pub fn new(device: &B::Device) -> Self {
        Self {
            fc1: LinearConfig::new(16, 64).init(device),
            fc2: LinearConfig::new(64, 1).init(device),
            act: Gelu::new(),
        }
    }

    /// The residual branch: a leaky ReLU with the slope the paper uses.
    pub fn residual(&self, x: Tensor<B, 2>) -> Tensor<B, 2> {
        let leaky = LeakyReluConfig::new().with_negative_slope(0.2).init();
        leaky.forward(self.fc1.forward(x))
    }
}
`;

  it("a struct field's type is a declaration; Gelu::new() under a prelude glob is burn's GELU", () => {
    expectNothing('rust', BURN, 'Gelu', 0);
    expectCall('rust', BURN, 'Gelu', { id: 'gelu', framework: 'burn' }, 1);
  });

  it("LeakyReluConfig::new() builds burn's leaky ReLU with the slope set after it", () => {
    expectNothing('rust', BURN, 'LeakyReluConfig', 0);
    expectCall(
      'rust',
      BURN,
      'LeakyReluConfig',
      {
        id: 'leaky_relu',
        framework: 'burn',
        params: { negative_slope: 0.2 },
      },
      1,
    );
  });

  const CPP = `// LibTorch blocks of the speech model: a leaky ReLU with the paper's slope, two ways.
#include <torch/torch.h>

namespace F = torch::nn::functional;

torch::Tensor centred_leaky(const torch::Tensor& x) {
  // Centre first, then the ATen op with its slope as the second argument.
  return torch::leaky_relu((x - x.mean()), 0.2);
}

torch::Tensor block(const torch::Tensor& x) {
  torch::nn::LeakyReLU act(torch::nn::LeakyReLUOptions().negative_slope(0.1));
  torch::nn::ELU smooth{torch::nn::ELUOptions().alpha(0.5)};
  auto gelu = torch::nn::GELU();
  return smooth(act(gelu(x)));
}
`;

  it("torch::leaky_relu's slope follows a parenthesized input", () => {
    expectCall('cpp', CPP, 'leaky_relu', {
      id: 'leaky_relu',
      framework: 'libtorch',
      params: { negative_slope: 0.2 },
    });
  });

  it('modules declared with their options in parentheses or braces read those options', () => {
    expectCall('cpp', CPP, 'LeakyReLU', {
      id: 'leaky_relu',
      framework: 'libtorch',
      params: { negative_slope: 0.1 },
    });
    expectCall('cpp', CPP, 'ELU', { id: 'elu', framework: 'libtorch', params: { alpha: 0.5 } });
    expectCall('cpp', CPP, 'GELU', {
      id: 'gelu',
      framework: 'libtorch',
      params: { approximate: 'none' },
    });
  });
});

describe('a module bound at run time is still the module', () => {
  it('TF.js required through a computed package name: tf.sigmoid is TF.js', () => {
    const src = `// Server-side scoring: the GPU build of TF.js when the machine has one.
const useGpu = process.env.CUDA_VISIBLE_DEVICES !== undefined;
const tf = require(useGpu ? '@tensorflow/tfjs-node-gpu' : '@tensorflow/tfjs-node');

function score(x) {
  return tf.sigmoid(x);
}
module.exports = { score };
`;
    expectCall('javascript', src, 'sigmoid', { id: 'sigmoid', framework: 'tfjs' });
  });

  it('a Python np bound by importlib is NumPy (only TF.js code rebinds tf to its own objects)', () => {
    const src = `"""Runs on machines with or without a GPU: the array module is chosen at import time."""
import importlib
import os

np = importlib.import_module("cupy" if os.environ.get("USE_GPU") else "numpy")


def squash(x):
    return np.tanh(x)
`;
    expectCall(PY, src, 'tanh', { id: 'tanh', framework: 'numpy' });
  });
});

describe('a method on an expression is the tensor method, whatever the file imports by that name', () => {
  it("(q @ kᵀ).softmax(-2) reads Tensor.softmax's dim though softmax is imported from F", () => {
    const src = `"""Attention scores: the functional softmax for the mask, the tensor method for the logits."""
import torch
from torch.nn.functional import softmax


def attend(q, k, mask):
    masked = softmax(q @ k.transpose(-2, -1) + mask, dim=-1)
    plain = (q @ k.transpose(-2, -1)).softmax(-2)
    return masked, plain
`;
    expectCall(PY, src, 'softmax', { id: 'softmax', framework: 'pytorch', params: { dim: -1 } }, 2);
    expectCall(PY, src, 'softmax', { id: 'softmax', framework: 'pytorch', params: { dim: -2 } }, 3);
  });
});

describe("burn's config written as a struct literal", () => {
  it('LeakyReluConfig { negative_slope: 0.2 } reports the slope it lists', () => {
    const src = `//! The GAN's discriminator activation, configured the way the paper states it.
use burn::nn::{LeakyRelu, LeakyReluConfig};

/// DCGAN's discriminator uses a slope of 0.2 in every layer.
pub fn discriminator_act() -> LeakyRelu {
    LeakyReluConfig { negative_slope: 0.2 }.init()
}
`;
    expectCall(
      'rust',
      src,
      'LeakyReluConfig',
      {
        id: 'leaky_relu',
        framework: 'burn',
        params: { negative_slope: 0.2 },
      },
      1,
    );
  });
});

describe("Julia: methods added to NNlib's functions are definitions, not calls", () => {
  const SRC = `"""
Forward-mode duals for the activations of a small Flux model: each method extends NNlib's function.
"""
module DualActs

using NNlib
using ForwardDiff: Dual, value, partials

NNlib.softplus(d::Dual{T}) where {T} = Dual{T}(softplus(value(d)), sigmoid(value(d)) * partials(d))

NNlib.relu(d::Dual{T}) where {
    T<:Real,
} = value(d) > 0 ? d : zero(d)

NNlib.sigmoid(x::AbstractFloat)::typeof(x) = one(x) / (one(x) + exp(-x))

hidden(h) = NNlib.relu.(h)::Matrix{Float32}

end
`;
  const JL = 'julia';

  it('a method with a where clause, on one line or several, defines the function', () => {
    expectNothing(JL, SRC, 'softplus', 0);
    expectNothing(JL, SRC, 'relu', 0);
  });

  it('a method with a computed return type defines the function', () => {
    expectNothing(JL, SRC, 'sigmoid', 1);
  });

  it('a qualified broadcast with a type assertion on the right of a definition is a call', () => {
    expectCall(JL, SRC, 'relu', { id: 'relu', framework: 'flux' }, 1);
  });

  it('a type-asserted call on the last line of a file without a final newline is a call', () => {
    const src = `using NNlib\n\nh = randn(Float32, 4, 4)\nNNlib.relu.(h)::Matrix{Float32}`;
    expectCall(JL, src, 'relu', { id: 'relu', framework: 'flux' });
  });
});

describe("C++'s global namespace qualifier: ::torch::softmax is LibTorch's function", () => {
  const SRC = `// Class probabilities for the exported LibTorch model.
#include <torch/torch.h>

torch::Tensor probs(const torch::Tensor& logits) {
  auto p = ::torch::softmax(logits, 1);
  return p;
}

torch::Tensor log_probs(const torch::Tensor& logits) {
  return ::torch::log_softmax(logits, /*dim=*/1);
}

torch::Tensor scores(const torch::Tensor& logits) {
  return logits.softmax(1);
}
`;

  it('torch::softmax(input, dim) reads dim from its second argument after a leading ::', () => {
    expectCall('cpp', SRC, 'softmax', { id: 'softmax', framework: 'libtorch', params: { dim: 1 } });
  });

  it('after return, ::torch::log_softmax is the function too', () => {
    expectCall('cpp', SRC, 'log_softmax', {
      id: 'log_softmax',
      framework: 'libtorch',
      params: { dim: 1 },
    });
  });

  it("the tensor method's only argument is its dim", () => {
    expectCall(
      'cpp',
      SRC,
      'softmax',
      { id: 'softmax', framework: 'libtorch', params: { dim: 1 } },
      1,
    );
  });
});
