/**
 * User-defined activations whose parameter comes from outside the file, Rust wrappers built by a method
 * called `new`, and a candle model's own enum whose arms call a crate function named like a text macro.
 *
 * Expected values come from outside our code:
 * - PyTorch's documentation: `F.leaky_relu(input, negative_slope=0.01)`, `F.elu(input, alpha=1.0)` and
 *   `F.hardtanh(input, min_val=-1.0, max_val=1.0)` take their parameters after the input, positionally or by
 *   keyword. Python's rules: a name read in a function and bound nowhere in the module comes from the
 *   module's globals, here a star import (`from .config import *`), so its value is not in the file; a
 *   function that applies the activation to `x + OFFSET`, or to a linear layer's output, is no activation of
 *   its argument.
 * - Rust's rules: only `name!(…)` invokes a macro; `print(xs)` calls the function `print` the crate
 *   defines. A method `new(&self, …)` is called on a value and computes from it (here an override read from
 *   the environment), unlike the associated function `Type::new(…)`.
 * - candle's documentation: `Tensor::gelu_erf` is the exact GELU, `Tensor::gelu` the tanh approximation,
 *   `Tensor::tanh` and `Tensor::relu` what they name.
 */
import { expectCall, expectNothing } from './recognizeHelpers';

const PY = 'python';
const RS = 'rust';

describe('user-defined activations: a parameter from a star import', () => {
  const SRC = `"""Activation helpers for the tabular MLP.

The slopes and the calibration offset live in \`\`config.py\`\` and come in by the star import, as the
training scripts expect.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.functional import hardtanh

from .config import *


def leaky(x):
    """Leaky ReLU with the project-wide slope."""
    y = F.leaky_relu(x, LEAKY_SLOPE)
    return y


def smooth(x):
    return F.elu(x, alpha=ELU_ALPHA)


def clipped(x):
    return F.hardtanh(x, CLIP_LOW, CLIP_HIGH)


def swish_into(x):
    """SiLU, its sigmoid written into the preallocated scratch buffer."""
    return x * torch.sigmoid(x, out=SCRATCH)


def capped(x):
    return (hardtanh(x, CLIP_LOW, CLIP_HIGH))


def shifted(x):
    """Leaky ReLU of the input moved by the calibration offset."""
    return F.leaky_relu(x + OFFSET, LEAKY_SLOPE)


def bounded(x):
    """Leaky ReLU of the input clamped from the calibrated floor to 6."""
    return F.leaky_relu(torch.clamp(x, CLAMP_LOW, 6.0), LEAKY_SLOPE)


def recentred(x):
    return F.leaky_relu(negative_slope=0.2, input=OFFSET + x)


def wrapped(x):
    return (F.leaky_relu(x, LEAKY_SLOPE))


class Block(nn.Module):
    """A linear layer and its activation: a layer, not an activation."""

    def __init__(self, width):
        super().__init__()
        self.fc = nn.Linear(width, width)

    def forward(self, x):
        h = self.fc(x)
        return F.leaky_relu(h, LEAKY_SLOPE)


def encode(feats):
    a = leaky(feats)
    b = smooth(feats)
    c = clipped(feats) + capped(feats) + swish_into(feats)
    d = shifted(feats) + bounded(feats) + recentred(feats) + wrapped(feats)
    return Block(feats.shape[-1])(a + b + c + d)
`;

  it('a wrapper passing a star-imported slope is leaky ReLU with a slope the code does not spell', () => {
    expectCall(
      PY,
      SRC,
      'leaky',
      { id: 'leaky_relu', framework: 'pytorch', nonLiteral: ['negative_slope'] },
      1,
    );
  });

  it('the same in a return in parentheses, by a path or a name imported alone', () => {
    expectCall(
      PY,
      SRC,
      'wrapped',
      { id: 'leaky_relu', framework: 'pytorch', nonLiteral: ['negative_slope'] },
      1,
    );
    expectCall(
      PY,
      SRC,
      'capped',
      { id: 'hardtanh', framework: 'pytorch', nonLiteral: ['min_val', 'max_val'] },
      1,
    );
  });

  it('a star-imported value passed by keyword or as a later positional argument is not read', () => {
    expectCall(PY, SRC, 'smooth', { id: 'elu', framework: 'pytorch', nonLiteral: ['alpha'] }, 1);
    expectCall(
      PY,
      SRC,
      'clipped',
      { id: 'hardtanh', framework: 'pytorch', nonLiteral: ['min_val', 'max_val'] },
      1,
    );
  });

  it("a formula calling a function with a star-imported keyword argument reads the call's value", () => {
    expectCall(PY, SRC, 'swish_into', { id: 'silu', framework: 'pytorch', params: { beta: 1 } }, 1);
  });

  it('a star-imported name in the input or in an inner call is no parameter of the activation', () => {
    expectNothing(PY, SRC, 'shifted', 1);
    expectNothing(PY, SRC, 'bounded', 1);
    expectNothing(PY, SRC, 'recentred', 1);
  });

  it('a layer applying the activation to its linear output stays no activation', () => {
    expectNothing(PY, SRC, 'Block', 1);
  });
});

describe('Rust: a function passing a glob-imported slope to candle', () => {
  const SRC = `//! The policy head's activations; the constants come from the crate's config module.
use candle::{Result, Tensor};
use crate::config::*;

/// Leaky ReLU with the slope the config module exports.
fn leaky(xs: &Tensor) -> Result<Tensor> {
    candle_nn::ops::leaky_relu(xs, LEAKY_SLOPE)
}

pub fn head(h: &Tensor, proj: &candle_nn::Linear) -> Result<Tensor> {
    let a = leaky(h)?;
    proj.forward(&a)
}
`;

  it('is leaky ReLU with a slope the code does not spell', () => {
    expectCall(
      RS,
      SRC,
      'leaky',
      { id: 'leaky_relu', framework: 'candle', nonLiteral: ['negative_slope'] },
      1,
    );
  });
});

describe("Rust: a model's enum whose arm calls the crate's own function named like a macro", () => {
  const SRC = `//! Activations of the encoder, and the previews the training loop prints.
use candle::{Module, Result, Tensor};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HiddenAct {
    Gelu,
    GeluApproximate,
    Relu,
}

/// Squashes a tensor into (-1, 1) for the terminal heat map (the crate's function, not \`print!\`).
fn print(xs: &Tensor) -> Result<Tensor> {
    xs.tanh()
}

impl Module for HiddenAct {
    fn forward(&self, xs: &Tensor) -> Result<Tensor> {
        match self {
            HiddenAct::Gelu => xs.gelu_erf(),
            HiddenAct::GeluApproximate => xs.gelu(),
            HiddenAct::Relu => xs.relu(),
        }
    }
}

impl HiddenAct {
    /// What the heat map shows for each activation.
    pub fn preview(&self, xs: &Tensor) -> Result<Tensor> {
        match self {
            HiddenAct::Gelu => print(xs),
            HiddenAct::GeluApproximate => xs.gelu(),
            HiddenAct::Relu => xs.relu(),
        }
    }
}

pub struct EncoderConfig {
    pub hidden_size: usize,
    pub hidden_act: HiddenAct,
}

pub fn small() -> EncoderConfig {
    EncoderConfig { hidden_size: 256, hidden_act: HiddenAct::Gelu }
}

pub fn fast() -> EncoderConfig {
    EncoderConfig { hidden_size: 256, hidden_act: HiddenAct::GeluApproximate }
}
`;

  it('a variant whose arms apply GELU in forward and tanh through the crate function is no hover', () => {
    expectNothing(RS, SRC, 'Gelu', 3);
  });

  it('a variant whose arms all apply the tanh GELU is that GELU', () => {
    expectCall(
      RS,
      SRC,
      'GeluApproximate',
      { id: 'gelu', framework: 'candle', params: { approximate: 'tanh' } },
      3,
    );
  });
});

describe('Rust: a wrapper built by a method called new on a value', () => {
  const SRC = `//! One place that turns a config's activation into a layer, with an override for debugging runs.
use candle::{Module, Result, Tensor};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HiddenAct {
    Gelu,
    GeluApproximate,
    Relu,
}

impl Module for HiddenAct {
    fn forward(&self, xs: &Tensor) -> Result<Tensor> {
        match self {
            Self::Gelu => xs.gelu_erf(),
            Self::GeluApproximate => xs.gelu(),
            Self::Relu => xs.relu(),
        }
    }
}

pub struct HiddenActLayer {
    act: HiddenAct,
}

impl HiddenActLayer {
    pub fn new(act: HiddenAct) -> Self {
        Self { act }
    }
}

impl Module for HiddenActLayer {
    fn forward(&self, xs: &Tensor) -> Result<Tensor> {
        self.act.forward(xs)
    }
}

/// The activation block's config, finished by \`init\` as burn-style configs are.
pub struct ActConfig {
    act: HiddenAct,
}

impl ActConfig {
    pub fn new(act: HiddenAct) -> Self {
        Self { act }
    }

    pub fn init(&self) -> HiddenActLayer {
        HiddenActLayer::new(self.act)
    }
}

/// Builds activation layers; \`ACT_OVERRIDE\` set in the environment replaces every one of them.
pub struct ActFactory {
    override_act: Option<HiddenAct>,
}

impl ActFactory {
    /// The override named by \`ACT_OVERRIDE\` (\`relu\` or \`gelu\`), if any.
    pub fn from_env() -> Self {
        let override_act = match std::env::var("ACT_OVERRIDE").as_deref() {
            Ok("relu") => Some(HiddenAct::Relu),
            Ok("gelu") => Some(HiddenAct::Gelu),
            _ => None,
        };
        Self { override_act }
    }

    /// \`fallback\` replaces every activation when \`ACT_OVERRIDE\` is set at all.
    pub fn with_fallback(fallback: HiddenAct) -> Self {
        let active = std::env::var("ACT_OVERRIDE").is_ok();
        Self { override_act: if active { Some(fallback) } else { None } }
    }

    pub fn new(&self, act: HiddenAct) -> HiddenActLayer {
        HiddenActLayer::new(self.override_act.unwrap_or(act))
    }
}

pub fn encode(xs: &Tensor, factory: &ActFactory) -> Result<Tensor> {
    let exact = HiddenActLayer::new(HiddenAct::Gelu);
    let fast = ActConfig::new(HiddenAct::GeluApproximate).init();
    let built = ActFactory::from_env().new(HiddenAct::Gelu);
    let guarded = ActFactory::with_fallback(HiddenAct::Relu).new(HiddenAct::Gelu);
    let picked = factory.new(HiddenAct::GeluApproximate);
    let ys = exact.forward(xs)?;
    let ys = fast.forward(&ys)?;
    let ys = built.forward(&ys)?;
    let ys = guarded.forward(&ys)?;
    picked.forward(&ys)
}
`;

  it("a wrapper built by its type's constructor from one variant is that variant", () => {
    expectCall(
      RS,
      SRC,
      'exact',
      { id: 'gelu', framework: 'candle', params: { approximate: 'none' } },
      1,
    );
  });

  it('a config built by its constructor from one variant and finished by init is that variant', () => {
    expectCall(
      RS,
      SRC,
      'fast',
      { id: 'gelu', framework: 'candle', params: { approximate: 'tanh' } },
      1,
    );
  });

  it('a layer from a method new of a value, which may override the variant, is no hover', () => {
    expectNothing(RS, SRC, 'built', 1);
    expectNothing(RS, SRC, 'guarded', 1);
    expectNothing(RS, SRC, 'picked', 1);
  });
});
