/**
 * How a name's bindings flow to its use: which statements bind a name (assignments, augmented assignments,
 * annotated assignments, function parameters, struct members) and which do not (a comparison, a membership
 * test, an attribute or a C++ qualified type at a statement's start), which binding of a Python name holds
 * at a use after branches (a block still open at the use, a line that dedents right after the use, a bare
 * expression line between), and a module-level name bound below the function that reads it.
 *
 * Expected values come from the languages' rules: Python binds a name by `=`, by an augmented assignment
 * (`out += skip` makes `out` a new value, no longer the first one) and by a parameter, never by `==` or
 * `in`; an assignment to `ctx.sig` binds an attribute, not the name `sig`; a function body reads a
 * module-level name when it runs, and a local of another function is not that name; a Julia function's
 * parameters (before or after `;`, after a typed or defaulted one) are the function's own names, so `σ`
 * there is not Flux's logistic. The frameworks' documented defaults: `nn.GELU()` is exact GELU
 * (`approximate='none'`), `F.silu`, `F.gelu`, `torch::relu` and `torch::sigmoid` take no parameters,
 * Flux's `σ` is the logistic sigmoid. "No hover" where the word names the code's own value.
 */
import assert from 'node:assert/strict';
import { recognizeAt } from '../../src/core';
import { expectFormula, expectNoFormula } from './formulaHelpers';
import { expectCall, expectNothing, nthOffset } from './recognizeHelpers';

const PY = 'python';

describe('which Python binding holds at a use after branches', () => {
  it('a use that is the last line of its branch reads the branch’s binding, though the next line dedents', () => {
    const src = `"""Activation factory for the MLP blocks."""
import torch.nn as nn


def make_activation(name):
    act = nn.ReLU()
    if name == "gelu":
        act = nn.GELU()
        return act
    return act


def make_head(width):
    return nn.Linear(width, 1)
`;
    expectCall(PY, src, 'act', { id: 'gelu', framework: 'pytorch', params: {} }, 2);
  });

  it('a bare expression line between the binding and the use does not close a block', () => {
    const src = `# %% [markdown]
# Compare ReLU and GELU on the same inputs.

# %%
import torch
import torch.nn.functional as F

x = torch.linspace(-3, 3, 7)
act = F.relu
act(x)

# %%
act = F.gelu
x
act(x)
`;
    expectCall(PY, src, 'act', { id: 'relu', framework: 'pytorch', params: {} }, 1);
    expectCall(PY, src, 'act', { id: 'gelu', framework: 'pytorch', params: {} }, 3);
  });
});

describe('a module-level name bound below the function that reads it', () => {
  const src = `"""Feed-forward blocks; the shared activation is chosen at the bottom of the module."""
import torch.nn.functional as F


def feed_forward(x, w1, w2):
    return act(x @ w1) @ w2


act = F.silu


def gated(x, w1, w3):
    act = F.sigmoid
    return act(x @ w1) * (x @ w3)
`;

  it('is read at the use, and a local of the same name in a later function is not that binding', () => {
    expectCall(PY, src, 'act', { id: 'silu', framework: 'pytorch', params: {} }, 0);
    expectCall(PY, src, 'act', { id: 'sigmoid', framework: 'pytorch', params: {} }, 3);
  });
});

describe('statements that test a name do not bind it', () => {
  it('a membership test `if activation in …:` leaves the activation bound before it', () => {
    const src = `import torch
import torch.nn.functional as F

SMOOTH = (F.gelu, F.silu)

activation = F.gelu
if activation in SMOOTH:
    print("smooth activation: keeping the learning rate")
hidden = activation(torch.randn(8, 16))
`;
    expectCall(PY, src, 'activation', { id: 'gelu', framework: 'pytorch', params: {} }, 3);
  });

  it('a comparison `if act_fn == …:` leaves the activation bound before it', () => {
    const src = `import torch
import torch.nn.functional as F

act_fn = F.silu
if act_fn == F.silu:
    init_gain = 1.0
hidden = act_fn(torch.randn(8, 16))
`;
    expectCall(PY, src, 'act_fn', { id: 'silu', framework: 'pytorch', params: {} }, 2);
  });

  it('an attribute assignment `self.gate = gate` leaves the temporary `gate` its value', () => {
    const src = `import torch
import torch.nn as nn


class Swish(nn.Module):
    """x * sigmoid(x), keeping the last gate for the activation-statistics hook."""

    def forward(self, x):
        gate = torch.sigmoid(x)
        self.gate = gate
        return x * gate
`;
    expectFormula(PY, src, 'x * gate', { id: 'silu', framework: 'pytorch' });
  });
});

describe('augmented assignments give a temporary a new value', () => {
  it('a temporary read after `out += skip` is no longer the activation it started as', () => {
    const src = `import torch


def swish(x):
    out = x * torch.sigmoid(x)
    return out


def residual_swish(x, skip):
    out = x * torch.sigmoid(x)
    out += skip
    return out
`;
    assert.ok(recognizeAt(src, nthOffset(src, 'return out', 0) + 8, PY), 'control: out is SiLU');
    expectNoFormula(PY, src, 'return out', 1);
  });

  it('a temporary read after `y -= log 2` (shifted softplus) is no longer softplus', () => {
    const src = `import math
import torch.nn.functional as F


def shifted_softplus(x):
    """SchNet's ssp: softplus shifted to pass through the origin."""
    y = F.softplus(x)
    y -= math.log(2.0)
    return y
`;
    expectNoFormula(PY, src, 'return y');
  });

  it('a temporary read after `y /= 2` or `y **= 2` is no longer the activation it started as', () => {
    const src = `import torch


def swish(x):
    y = x * torch.sigmoid(x)
    return y


def half_swish(x):
    y = x * torch.sigmoid(x)
    y /= 2
    return y


def squared_swish(x):
    y = x * torch.sigmoid(x)
    y **= 2
    return y
`;
    expectFormula(PY, src, 'y', { id: 'silu', framework: 'pytorch' }, 1);
    expectNoFormula(PY, src, 'return y', 1);
    expectNoFormula(PY, src, 'return y', 2);
  });
});

describe('annotated assignments', () => {
  it('a `Callable[[Tensor], Tensor]` annotation keeps the single target and its value', () => {
    const src = `from typing import Callable

import torch
import torch.nn.functional as F
from torch import Tensor

act: Callable[[Tensor], Tensor] = F.gelu
hidden = act(torch.randn(4, 4))
`;
    expectCall(PY, src, 'act', { id: 'gelu', framework: 'pytorch', params: {} }, 1);
  });
});

describe('C++ statements that start with a qualified type', () => {
  const src = `#include <torch/torch.h>

// A two-layer perceptron in LibTorch's module style.
struct MLPImpl : torch::nn::Module {
  MLPImpl(int64_t in, int64_t hidden)
      : fc1(register_module("fc1", torch::nn::Linear(in, hidden))),
        fc2(register_module("fc2", torch::nn::Linear(hidden, 1))) {}

  torch::Tensor forward(torch::Tensor x) {
    torch::Tensor h = torch::relu(fc1->forward(x));
    return torch::sigmoid(fc2->forward(h));
  }

  torch::nn::Linear fc1{nullptr}, fc2{nullptr};
};
TORCH_MODULE(MLP);
`;

  it('`torch::Tensor h = …` and a `torch::nn::Linear` member do not rebind `torch`', () => {
    expectCall('cpp', src, 'relu', { id: 'relu', framework: 'libtorch', params: {} });
    expectCall('cpp', src, 'sigmoid', { id: 'sigmoid', framework: 'libtorch', params: {} });
  });
});

describe('Julia parameters shadow Flux’s σ', () => {
  const src = `module TinyLayers

using Flux

"Applies the gate the caller passes; σ is that gate, not Flux's logistic."
function apply(σ, x)
    return σ.(x)
end

function mask_rows(x::AbstractMatrix{Float32}, σ)
    return σ.(x) .> 0.5f0
end

function dense(x, W = randn(Float32, 4, 4), σ = identity)
    return σ.(W * x)
end

function dense_kw(x, W; σ = relu)
    return σ.(W * x)
end

logistic(x) = σ.(x)

end
`;

  it('a first parameter, one after a parametric type, one after a call default, a keyword one', () => {
    expectNothing('julia', src, 'σ', 2);
    expectNothing('julia', src, 'σ', 4);
    expectNothing('julia', src, 'σ', 6);
    expectNothing('julia', src, 'σ', 8);
  });

  it('outside those functions σ is Flux’s sigmoid', () => {
    expectCall('julia', src, 'σ', { id: 'sigmoid', framework: 'flux', params: {} }, 9);
  });
});
