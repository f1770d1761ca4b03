/**
 * Small recognizer parts read through the hover: the arms of a Rust activation enum's `match` (one arm
 * scaling its input inside the call; a second `match` mapping the variants to names), a Python
 * `a if cond else b` whose condition holds a conditional of its own, and a Python subclass whose base
 * name the module rebinds.
 *
 * Expected values come from the languages' rules and the frameworks' documentation. candle-nn's
 * `ops::softmax(xs, dim)` is the softmax over `dim`, whatever tensor it is given: dividing the logits by a
 * temperature first (`&(xs / t)?`, a reference to a temporary) changes the input, not the function
 * applied; an arm that is a string (`Self::Gelu => "gelu"`) applies nothing, so the variant is what
 * `forward` applies, and candle's `gelu_erf` is the exact (erf) GELU. In Python `x if c else y` binds
 * looser than a parenthesized condition, so a conditional inside the parentheses is part of `c`; when
 * both branches apply ReLU (`F.relu_` is the in-place form, torch docs) the expression applies ReLU. A module-level assignment rebinds a name an import bound before it
 * (Python's name binding), so `class C(GELU)` after `GELU = FusedGELU` subclasses FusedGELU, whose
 * `approximate` attribute this file does not show.
 */
import assert from 'node:assert/strict';
import { hover } from './recognizeHelpers';

const PY = 'python';
const RS = 'rust';

describe('Rust: an activation enum whose arm scales its input inside the call', () => {
  const SRC = `//! Classification head with a configurable output activation (candle).
use candle::{Module, Result, Tensor, D};
use candle_nn::Linear;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum HeadAct {
    Softmax,
    Sigmoid,
}

/// A linear projection followed by the output activation; the logits are divided by a temperature.
pub struct Head {
    proj: Linear,
    act: HeadAct,
    temperature: f64,
}

impl Module for Head {
    fn forward(&self, xs: &Tensor) -> Result<Tensor> {
        let xs = self.proj.forward(xs)?;
        match self.act {
            HeadAct::Softmax => candle_nn::ops::softmax(&(xs / self.temperature)?, D::Minus1),
            HeadAct::Sigmoid => candle_nn::ops::sigmoid(&xs),
        }
    }
}

pub fn multi_class(proj: Linear) -> Head {
    Head { proj, act: HeadAct::Softmax, temperature: 1.5 }
}
`;

  it('reads the variant as softmax: arithmetic and a reference inside the call are its input', () => {
    const got = hover(RS, SRC, 'Softmax', 2);
    assert.equal(got?.id, 'softmax');
    assert.equal(got?.framework, 'candle');
  });
});

describe('Python: a conditional whose condition holds a parenthesized conditional', () => {
  const SRC = `"""ReLU that works in place when no autograd graph needs its input."""
import torch
import torch.nn.functional as F


def relu_saving_memory(x, training):
    # In training the input is kept for backward unless it needs no grad; in eval it never is.
    return F.relu_(x) if (not x.requires_grad if training else True) else F.relu(x)


def mlp(x, w1, w2, training=False):
    h = relu_saving_memory(x @ w1, training)
    return h @ w2
`;

  it('reads ReLU: the inner else belongs to the condition, both branches apply ReLU', () => {
    const got = hover(PY, SRC, 'relu_saving_memory', 1);
    assert.equal(got?.id, 'relu');
    assert.equal(got?.framework, 'pytorch');
  });
});

describe('Python: a subclass whose base name the module rebinds after importing it', () => {
  const SRC = `"""GELU for the text encoder; the fused kernel takes torch's class name when it is built."""
import torch.nn.functional as F
from torch.nn import GELU

from .kernels import FusedGELU

# Configs name the activation "GELU"; the fused kernel answers to that name from here on.
GELU = FusedGELU


class ConfiguredGELU(GELU):
    def forward(self, input):
        return F.gelu(input, approximate=self.approximate)


def encoder_activation():
    return ConfiguredGELU(approximate="tanh")
`;

  it('does not take approximate from torch.nn.GELU: the base is FusedGELU', () => {
    const got = hover(PY, SRC, 'ConfiguredGELU', 1);
    assert.equal(got?.id, 'gelu');
    assert.notEqual(got?.params.approximate, 'tanh');
    assert.deepEqual(got?.nonLiteral, ['approximate']);
  });
});

describe('Rust: an activation enum that also maps its variants to names', () => {
  const SRC = `//! Hidden activation of the encoder, as the config file names it (candle).
use candle::{Module, Result, Tensor};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HiddenAct {
    Gelu,
    Relu,
}

impl HiddenAct {
    /// The name the config file uses for this activation.
    pub fn name(&self) -> &'static str {
        match self {
            Self::Gelu => "gelu",
            Self::Relu => "relu",
        }
    }
}

impl Module for HiddenAct {
    fn forward(&self, xs: &Tensor) -> Result<Tensor> {
        match self {
            Self::Gelu => xs.gelu_erf(),
            Self::Relu => xs.relu(),
        }
    }
}

pub fn default_act() -> HiddenAct {
    HiddenAct::Gelu
}
`;

  it('reads the variant by what forward applies: the name arms apply nothing', () => {
    const got = hover(RS, SRC, 'Gelu', 3);
    assert.equal(got?.id, 'gelu');
    assert.equal(got?.framework, 'candle');
    assert.equal(got?.params.approximate, 'none');
  });
});
