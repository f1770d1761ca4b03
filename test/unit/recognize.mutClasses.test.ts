/**
 * Activations a class holds and a local built as a module, read the way a user hovers them.
 *
 * Python: `self.act = self._gelu` is the method the class itself defines (a helper of the same name nested
 * in another method is that method's local); a method or field the class does not define here (a base's,
 * from another file) is not known. A subclass of a library activation (timm's `class PReLU(nn.PReLU)`) is
 * built with its base's keyword arguments, but only the parameters its own `forward` leaves to the module
 * (`self.weight`, `self.beta`, `self.approximate`) come from them: PyTorch's `F.gelu(x)` is the exact form
 * whatever `approximate` the module was built with, and `F.softplus(x, beta)` uses its own threshold of 20
 * (torch.nn.functional docs), whatever `threshold` the module holds.
 *
 * Rust and C++: burn's `PReluConfig::with_alpha` sets the learned slope's start; candle's
 * `Activation::LeakyRelu(s)` and `Activation::Elu(a)` are variants whose `forward` is `leaky_relu(xs, s)`
 * and `xs.elu(a)` (candle-nn's activation.rs); a local used other than through `forward` (cloned) computes
 * nothing, nor does a model built from an activation (an MLP). LibTorch's module holder has no `forward`
 * member (torch/nn/pimpl.h: only `->`, `*` and `operator()` reach the module), so `act.forward(x)` is no
 * call of the module.
 */
import assert from 'node:assert/strict';
import { recognizeUnguarded } from '../../src/core/recognize';
import { expectCall, expectNothing, hover, nthOffset, type Expected } from './recognizeHelpers';

const PY = 'python';
const RS = 'rust';
const CPP = 'cpp';

describe('Python: a method assigned to an attribute, and members the class does not define', () => {
  const SRC = `"""Activation modules for a speech encoder, ported from an older checkpoint format."""
import math

import torch
from torch import nn

from .blocks import ConvBlockBase


class GELUActivation(nn.Module):
    """Exact GELU through erf; the ONNX exporter traces a sigmoid approximation instead."""

    def __init__(self):
        super().__init__()
        self.act = self._gelu

    def _gelu(self, x):
        return x * 0.5 * (1.0 + torch.erf(x / math.sqrt(2.0)))

    def export_graph(self, x):
        # A helper local to the exporter, not the class's method.
        def _gelu(t):
            return t * torch.sigmoid(1.702 * t)

        return _gelu(x)

    def forward(self, x):
        return self.act(x)


class ConvBlock(ConvBlockBase):
    """Its activation method and the norm_fn field are set up by the base class."""

    def __init__(self, channels):
        super().__init__(channels)
        self.act = self._activation

    def forward(self, x):
        return self.norm_fn(self.act(x))
`;

  it("reads the class's own method, not a helper of the same name nested in another method", () => {
    expectCall(
      PY,
      SRC,
      'act',
      { id: 'gelu', framework: 'pytorch', params: { approximate: 'none' } },
      1,
    );
  });

  it('shows nothing for a method or a field only the base class (another file) defines, and reads them without an exception', () => {
    expectNothing(PY, SRC, 'act', 3);
    expectNothing(PY, SRC, 'norm_fn', 1);
    // recognizeAt turns an exception into "no hover"; the unguarded entry point shows there is none.
    assert.equal(recognizeUnguarded(SRC, nthOffset(SRC, 'act(x)', 1) + 1, PY), undefined);
    assert.equal(recognizeUnguarded(SRC, nthOffset(SRC, 'norm_fn(') + 1, PY), undefined);
  });
});

describe("Python: a subclass of a library activation built with its base's keyword arguments", () => {
  const SRC = `"""Activation layers for the image backbone (timm style: classes passed as act_layer)."""
import torch
import torch.nn.functional as F
from torch import nn

from .registry import RegistryMixin

# The library class under a second name, kept for checkpoints that pickled it.
PReLUBase = nn.PReLU


class RegisteredPReLU(nn.PReLU, RegistryMixin):
    """PReLU listed in the layer registry under its class name."""

    def forward(self, input):
        return F.prelu(input, self.weight)


class AliasedPReLU(PReLUBase):
    def forward(self, input):
        return F.prelu(input, self.weight)


class StemPReLU(nn.PReLU):
    """PReLU that takes the device and dtype as one dict, as the stem builder passes them."""

    def __init__(self, num_parameters=1, init=0.25, factory_kwargs=None):
        super().__init__(num_parameters, init, **(factory_kwargs or {}))

    def forward(self, input):
        return F.prelu(input, self.weight)


class ExactGELU(nn.GELU):
    """Always the erf form, whatever \`approximate\` a config passes on."""

    def forward(self, input):
        return F.gelu(input)


class TanhGELU(nn.GELU):
    def forward(self, input):
        return F.gelu(input, approximate="tanh")


class ConfiguredGELU(nn.GELU):
    def forward(self, input):
        return F.gelu(input, approximate=self.approximate)


class Softplus(nn.Softplus):
    """Softplus with a module-held beta; the threshold stays the function's own."""

    def forward(self, input):
        return F.softplus(input, self.beta)


def make_stem(cfg):
    return nn.Sequential(
        RegisteredPReLU(init=0.1),
        AliasedPReLU(init=0.1),
        StemPReLU(init=0.2, factory_kwargs={"device": "cuda", "dtype": torch.float16}),
        ExactGELU(approximate="tanh"),
        TanhGELU(approximate="none"),
        ConfiguredGELU(approximate="tanh"),
        Softplus(beta=2.0, threshold=5.0),
    )
`;
  const prelu = (weight: number): Expected => ({
    id: 'prelu',
    framework: 'pytorch',
    params: { weight },
  });

  it('reads the first base of two: the slope given by keyword', () => {
    expectCall(PY, SRC, 'RegisteredPReLU', prelu(0.1), 1);
  });

  it('reads the slope after a dict-valued keyword argument', () => {
    expectCall(PY, SRC, 'StemPReLU', prelu(0.2), 1);
  });

  it('still shows a PReLU whose base is named through a module-level alias', () => {
    const got = hover(PY, SRC, 'AliasedPReLU', 1);
    assert.equal(got?.id, 'prelu');
    assert.equal(got?.framework, 'pytorch');
  });

  it('keeps the GELU form the forward fixes, whatever approximate the base is given', () => {
    expectCall(
      PY,
      SRC,
      'ExactGELU',
      { id: 'gelu', framework: 'pytorch', params: { approximate: 'none' } },
      1,
    );
    expectCall(
      PY,
      SRC,
      'TanhGELU',
      { id: 'gelu', framework: 'pytorch', params: { approximate: 'tanh' } },
      1,
    );
  });

  it('reads approximate from the base where the forward passes self.approximate', () => {
    expectCall(
      PY,
      SRC,
      'ConfiguredGELU',
      { id: 'gelu', framework: 'pytorch', params: { approximate: 'tanh' } },
      1,
    );
  });

  it("takes beta from the base and keeps F.softplus's own threshold of 20", () => {
    expectCall(
      PY,
      SRC,
      'Softplus',
      { id: 'softplus', framework: 'pytorch', params: { beta: 2, threshold: 20 } },
      3,
    );
  });
});

describe('Rust: locals that hold a module, and locals that do not apply one', () => {
  const SRC = `//! The feed-forward part of a small encoder, with burn and candle modules side by side.
use burn::nn::{Gelu, PRelu, PReluConfig};
use burn::prelude::*;
use candle::{Module, Result, Tensor as CTensor};
use candle_nn::{Activation, Linear};

#[derive(Debug, Clone, Copy)]
pub enum HiddenAct {
    Gelu,
    Relu,
}

impl Module for HiddenAct {
    fn forward(&self, xs: &CTensor) -> Result<CTensor> {
        match self {
            Self::Gelu => xs.gelu_erf(),
            Self::Relu => xs.relu(),
        }
    }
}

/// Two linear layers with the activation between them.
pub struct Mlp {
    fc1: Linear,
    fc2: Linear,
    act: HiddenAct,
}

impl Mlp {
    fn new(act: HiddenAct) -> Self {
        todo!("random fc1 and fc2")
    }
}

pub struct Block<B: Backend> {
    prelu: PRelu<B>,
    gelu: Gelu,
}

pub fn block<B: Backend>(x: Tensor<B, 2>, device: &B::Device) -> Block<B> {
    // The learned slope starts at 0.1 instead of burn's 0.25.
    let prelu: PRelu<B> = PReluConfig::new().with_alpha(0.1).init(device);
    let gelu = Gelu::new();
    let _ = prelu.forward(x);
    Block { prelu, gelu: gelu.clone() }
}

pub fn head(xs: &CTensor) -> Result<CTensor> {
    let act = HiddenAct::Gelu;
    let mlp = Mlp::new(act);
    let leaky = Activation::LeakyRelu(0.2);
    let elu = Activation::Elu(1.5);
    let ys = mlp.forward(xs)?;
    let ys = leaky.forward(&ys)?;
    let ys = elu.forward(&ys)?;
    act.forward(&ys)
}
`;

  it('reads a local whose type is written out (a generic type before the =)', () => {
    expectCall(RS, SRC, 'prelu', { id: 'prelu', framework: 'burn', params: { weight: 0.1 } }, 2);
  });

  it('shows nothing on a module local that is cloned, not applied', () => {
    expectNothing(RS, SRC, 'gelu', 3);
  });

  it('shows nothing on a model built from an activation local', () => {
    expectNothing(RS, SRC, 'mlp', 1);
    expectCall(
      RS,
      SRC,
      'act',
      { id: 'gelu', framework: 'candle', params: { approximate: 'none' } },
      4,
    );
  });

  it("reads candle's Activation variants that carry their parameter", () => {
    expectCall(
      RS,
      SRC,
      'leaky',
      { id: 'leaky_relu', framework: 'candle', params: { negative_slope: 0.2 } },
      1,
    );
    expectCall(RS, SRC, 'elu', { id: 'elu', framework: 'candle', params: { alpha: 1.5 } }, 1);
  });
});

describe('C++: a LibTorch module holder is applied with ->, not .', () => {
  const SRC = `// A head whose activation is built in the forward pass.
#include <torch/torch.h>

torch::Tensor head(torch::Tensor x) {
  auto act = torch::nn::GELU(torch::nn::GELUOptions().approximate("tanh"));
  auto y = act->forward(x);
  return act.forward(y);  // does not compile: the holder has no forward member
}
`;

  it('reads the local applied with ->forward and nothing on .forward', () => {
    expectCall(
      CPP,
      SRC,
      'act',
      { id: 'gelu', framework: 'libtorch', params: { approximate: 'tanh' } },
      1,
    );
    expectNothing(CPP, SRC, 'act', 2);
  });
});
