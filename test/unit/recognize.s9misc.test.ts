/**
 * Hand-written hard sigmoids, rectifiers and clamps whose reading depends on the polynomial algebra
 * (formulas/algebra.ts), the clamp forms (formulas/hard.ts) and the sign tests (formulas/rectifiers.ts);
 * Rust enum variants whose arms name, write or reject them through a macro (rustEnums.ts).
 *
 * Expected values come from mathematics and the frameworks' documentation: ReLU6 is min(max(x, 0), 6)
 * (tf.nn.relu6, torch.nn.ReLU6) and `tf.minimum` is symmetric, so relu(min(6, x)) is ReLU6; relu(clamp(x,
 * lo, hi)) is clamp(x, max(lo, 0), hi), which is ReLU6 for lo ≤ 0 and hi = 6 and a plain clip to [2, 6] for
 * lo = 2; `jnp.clip`'s `min` and `max` default to None, "no clipping" on that side (JAX docs), so relu of a
 * clip with no bound is relu of its input; PyTorch's `F.relu` is ReLU whatever its argument. Keras' hard
 * sigmoid is clip(0.2·x + 0.5, 0, 1); PyTorch's Hardsigmoid is clip(x/6 + 1/2, 0, 1); NumPy's `x ** 0` is
 * 1 for every element (0 ** 0 too) and x / 0.0 is ±inf, so clip(x / 0.0 + 0.5, 0, 1) is a step, no ramp;
 * (x + 3)² − x² − 9 = 6x. `np.where(c, a, b)` takes a from the nonzero entries of c: where(x − 0, 0.01·x, x)
 * is 0.01·x for x ≠ 0 and 0 = 0.01·0 at 0, a line, no leaky ReLU; max(x, [x > 0]) is max(x, 1) above 0
 * (1 at x = 0.5, where ReLU is 0.5). SELU is λ·x above 0 and λ·α·(eˣ − 1) below, λ = 1.0507009…,
 * α = 1.6732632… (Klambauer et al. 2017; torch.nn.SELU's documentation quotes 1.0507 and 1.67326), so
 * 1.0507 with 1.67326 or 1.6732 is SELU as written, and λ with α = 1 (a scaled ELU) or α under λ = 1.5 is
 * none.
 *
 * Rust (formulas aside, rustEnums.ts: an enum variant read from the arms that match it): the standard
 * library's `format!`, `concat!`, `stringify!` give text, `write!`/`writeln!` a `fmt::Result`,
 * `print!`/`println!`/`eprint!`/`eprintln!` nothing, and `panic!`, `unreachable!`, `todo!`,
 * `unimplemented!` never return; anyhow's `anyhow!` builds an error and `bail!` (re-exported by candle_core)
 * returns one: such an arm applies nothing to the tensor, whatever its arguments or what follows (`?`).
 * A `macro_rules!` macro of the file computes whatever its body does, so its arm is no name. The derivative
 * of softplus log(1 + eˣ) is the logistic sigmoid, so a derivative `match` applying `ops::sigmoid` says
 * nothing about what the variant applies. candle's `gelu_erf` is GELU, `relu` ReLU, `ops::silu` SiLU,
 * `tanh` tanh, `ops::sigmoid` the sigmoid and `elu(alpha)` ELU.
 */
import assert from 'node:assert/strict';
import './freshModels';
import { expectFormula, expectNotWhole } from './formulaHelpers';
import { expectCall, hover } from './recognizeHelpers';

const PY = 'python';

describe('s9: clamps under a ReLU', () => {
  const TF_MOBILE = `"""Mobile-friendly activations for the on-device keyword spotter."""
import tensorflow as tf


def capped_relu(x):
    # ReLU6 the way the exported graph spells it: the cap first, then the rectifier.
    return tf.nn.relu(tf.minimum(6.0, x))


def gate(x, w):
    return tf.sigmoid(tf.matmul(x, w))
`;

  it('reads relu(minimum(6.0, x)) with the bound first as ReLU6', () => {
    expectFormula(PY, TF_MOBILE, 'tf.nn.relu(tf.minimum(6.0, x))', {
      id: 'relu6',
      framework: 'tensorflow',
      params: {},
    });
  });

  const TORCH_CLAMPS = `"""Clamped rectifiers for the int8 export path."""
import torch
import torch.nn.functional as F


class ClampedRelu(torch.nn.Module):
    """Rectifier followed by the quantizer's range; the floor is the calibration's lower edge."""

    def forward(self, x):
        # The calibrated range starts at 2, so the rectifier changes nothing here: a clip to [2, 6].
        banded = F.relu(torch.clamp(x, min=2.0, max=6.0))
        # A floor below zero is lifted by the rectifier: ReLU6.
        capped = F.relu(torch.clamp(x, min=-1.0, max=6.0))
        # Only a floor: the rectifier applied to a floored tensor.
        floored = F.relu(torch.clamp(x, min=-1.0))
        # A floor at zero: the rectifier changes nothing, the clamp is ReLU6 already.
        zero_floor = F.relu(torch.clamp(x, min=0.0, max=6.0))
        return banded + capped + floored + zero_floor
`;

  it('reads no ReLU6 from a ReLU of a clamp whose floor is above zero', () => {
    expectNotWhole(PY, TORCH_CLAMPS, 'F.relu(torch.clamp(x, min=2.0, max=6.0))');
  });

  it('reads ReLU6 from a ReLU of a clamp to [-1, 6] or [0, 6]', () => {
    expectFormula(PY, TORCH_CLAMPS, 'F.relu(torch.clamp(x, min=-1.0, max=6.0))', {
      id: 'relu6',
      framework: 'pytorch',
      params: {},
    });
    expectFormula(PY, TORCH_CLAMPS, 'F.relu(torch.clamp(x, min=0.0, max=6.0))', {
      id: 'relu6',
      framework: 'pytorch',
      params: {},
    });
  });

  it('hovers F.relu around a clamp that has only a floor', () => {
    expectCall(PY, TORCH_CLAMPS, 'relu', { id: 'relu', framework: 'pytorch' }, 2);
  });

  const JAX_FLOOR = `"""Optional floor for the value head (JAX)."""
import jax
import jax.numpy as jnp


def floored_relu(x, floor=None):
    # With no floor jnp.clip leaves x as it is (min and max default to None).
    return jax.nn.relu(jnp.clip(x, min=floor))
`;

  it('hovers jax.nn.relu around a clip with neither bound', () => {
    expectCall(PY, JAX_FLOOR, 'relu', { id: 'relu', framework: 'jax' });
  });
});

describe('s9: polynomials inside a hard sigmoid', () => {
  const GATES = `"""Piecewise-linear gates for the fixed-point LSTM kernels."""
import numpy as np


def poly_gate(x):
    # The gate polynomial evaluated term by term, lowest degree first: Keras' 0.5 + 0.2 x.
    return np.clip(0.5 * x ** 0 + 0.2 * x ** 1, 0.0, 1.0)


def squared_unit_gate(x):
    # The integer kernel only has a squaring unit: 6x is (x + 3)^2 - x^2 - 9.
    return np.clip(((x + 3.0) ** 2 - x ** 2 - 9.0) / 36.0 + 0.5, 0.0, 1.0)


def hard_step(x, temperature=0.0):
    # Temperature 0 is the forward pass's step; training anneals it from 1.
    return np.clip(x / temperature + 0.5, 0.0, 1.0)
`;

  it('reads a gate polynomial written with x ** 0 as the hard sigmoid', () => {
    expectFormula(PY, GATES, 'np.clip(0.5 * x ** 0 + 0.2 * x ** 1, 0.0, 1.0)', {
      id: 'hardsigmoid',
      framework: 'numpy',
      params: { slope: 0.2 },
    });
  });

  it('reads a line written through a squared binomial as the hard sigmoid', () => {
    expectFormula(PY, GATES, 'np.clip(((x + 3.0) ** 2 - x ** 2 - 9.0) / 36.0 + 0.5, 0.0, 1.0)', {
      id: 'hardsigmoid',
      framework: 'numpy',
      params: { slope: 1 / 6 },
    });
  });

  it('reads no hard sigmoid from x divided by a zero temperature', () => {
    expectNotWhole(PY, GATES, 'np.clip(x / temperature + 0.5, 0.0, 1.0)');
  });
});

describe('s9: comparisons that are no sign test', () => {
  const MASKS = `"""Masking helpers for the sparse count features."""
import numpy as np


def lift_positive(x):
    # Positive counts are at least one event; everything else is zero.
    return np.maximum(x, x > 0)


def damp_nonzero(x, threshold=0.0):
    # Entries away from the threshold are damped; entries at it are kept as they are.
    return np.where(x - threshold, 0.01 * x, x)
`;

  it('reads no ReLU from max(x, x > 0)', () => {
    expectNotWhole(PY, MASKS, 'np.maximum(x, x > 0)');
  });

  it('reads no leaky ReLU from a where on the truthiness of x - 0', () => {
    expectNotWhole(PY, MASKS, 'np.where(x - threshold, 0.01 * x, x)');
  });
});

describe('s9: SELU with its constants as documentation quotes them', () => {
  const REFERENCE = `"""Reference activations for the gradient-check suite (NumPy)."""
import numpy as np


def selu(x):
    # The constants as PyTorch's SELU documentation quotes them.
    return 1.0507 * np.where(x > 0, x, 1.67326 * (np.exp(x) - 1))


def selu_short(x):
    # lambda and alpha cut to four decimals.
    return np.where(x > 0, 1.0507 * x, 1.0507 * 1.6732 * (np.exp(x) - 1))


def scaled_elu(x, scale=1.0507, alpha=1.0):
    # A scaled ELU: SELU's scale without its alpha.
    return scale * np.where(x > 0, x, alpha * (np.exp(x) - 1))


def wide_elu(x, scale=1.5, alpha=1.6733):
    # SELU's alpha under another scale.
    return scale * np.where(x > 0, x, alpha * (np.exp(x) - 1))
`;

  it('reads SELU written with 1.0507 and 1.67326', () => {
    expectFormula(PY, REFERENCE, '1.0507 * np.where(x > 0, x, 1.67326 * (np.exp(x) - 1))', {
      id: 'selu',
      framework: 'numpy',
      params: {},
    });
  });

  it('reads SELU written with 1.0507 and 1.6732 inside the branches', () => {
    expectFormula(PY, REFERENCE, 'np.where(x > 0, 1.0507 * x, 1.0507 * 1.6732 * (np.exp(x) - 1))', {
      id: 'selu',
      framework: 'numpy',
      params: {},
    });
  });

  it('reads no SELU from its scale without its alpha, or its alpha under another scale', () => {
    expectNotWhole(PY, REFERENCE, 'scale * np.where(x > 0, x, alpha * (np.exp(x) - 1))', 0);
    expectNotWhole(PY, REFERENCE, 'scale * np.where(x > 0, x, alpha * (np.exp(x) - 1))', 1);
  });
});

describe('s9 (Rust, candle): a variant read from arms of a forward and a derivative match', () => {
  const MLP = `//! A two-layer MLP trained with hand-written backprop (no autograd), on candle tensors.
use candle_core::{Result, Tensor};
use candle_nn::ops;

/// log(1 + e^x), shared by the smooth variants.
macro_rules! softplus {
    ($x:expr) => {
        ($x.exp()? + 1.0)?.log()
    };
}

/// Launches a fused kernel by name (\`kernels/act.cu\`), the tensor by reference.
macro_rules! fused {
    ($name:literal, $x:expr) => {
        crate::kernels::launch_ref($name, $x)
    };
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Act {
    Sigmoid,
    Softplus,
    SmoothRelu,
    FusedSoftplus,
    LaunchedSoftplus,
    ContiguousSoftplus,
    NamedSoftplus,
}

impl Act {
    pub fn forward(&self, xs: &Tensor) -> Result<Tensor> {
        match self {
            Act::Sigmoid => ops::sigmoid(xs),
            Act::Softplus => (xs.exp()? + 1.0)?.log(),
            Act::SmoothRelu => softplus!(xs),
            Act::FusedSoftplus => fused!("softplus", &xs),
            Act::LaunchedSoftplus => crate::kernels::launch(("softplus", 1.0), xs),
            Act::ContiguousSoftplus => fused!("softplus", xs)?.contiguous(),
            Act::NamedSoftplus => fused!("softplus", xs),
        }
    }

    /// d act / dx at the pre-activation \`xs\`: softplus' derivative is the logistic sigmoid.
    pub fn derivative(&self, xs: &Tensor) -> Result<Tensor> {
        match self {
            Act::Sigmoid => {
                let s = ops::sigmoid(xs)?;
                s.clone() * (1.0 - &s)?
            }
            Act::Softplus => ops::sigmoid(xs),
            Act::SmoothRelu => ops::sigmoid(xs),
            Act::FusedSoftplus => ops::sigmoid(xs),
            Act::LaunchedSoftplus => ops::sigmoid(xs),
            Act::ContiguousSoftplus => ops::sigmoid(xs),
            Act::NamedSoftplus => ops::sigmoid(xs),
        }
    }
}

pub struct Layer {
    pub act: Act,
}

pub fn hidden_layer() -> Layer {
    Layer { act: Act::Softplus }
}

pub fn output_layer() -> Layer {
    Layer { act: Act::SmoothRelu }
}

pub fn fused_layers() -> [Layer; 4] {
    [
        Layer { act: Act::FusedSoftplus },
        Layer { act: Act::LaunchedSoftplus },
        Layer { act: Act::ContiguousSoftplus },
        Layer { act: Act::NamedSoftplus },
    ]
}
`;

  /** What the hover on the nth `word` reads: nothing, or the activation the forward match applies. */
  function expectNoneOr(word: string, nth: number, id: string): void {
    const got = hover('rust', MLP, word, nth);
    assert.ok(got === undefined || got.id === id, `${word} read as ${JSON.stringify(got)}`);
  }

  it('reads no sigmoid into a softplus variant from its derivative arm', () => {
    expectNoneOr('Softplus', 3, 'softplus');
  });

  it('reads no sigmoid into a variant applied by a user macro from its derivative arm', () => {
    expectNoneOr('SmoothRelu', 3, 'softplus');
  });

  it('reads no sigmoid into a variant applied by a user macro given a name and a reference', () => {
    expectNoneOr('FusedSoftplus', 3, 'softplus');
  });

  it('reads no sigmoid into a variant applied by a kernel chosen by a (name, beta) tuple', () => {
    expectNoneOr('LaunchedSoftplus', 3, 'softplus');
  });

  it('reads no sigmoid into a variant applied by a user macro whose result is made contiguous', () => {
    expectNoneOr('ContiguousSoftplus', 3, 'softplus');
  });

  it('reads no sigmoid into a variant applied by a user macro given a name and the input', () => {
    expectNoneOr('NamedSoftplus', 3, 'softplus');
  });
});

describe('s9 (Rust, candle): arms that write or reject the variant through a standard macro', () => {
  const BERT_ACT = `use std::fmt;

use candle_core::{Module, Result, Tensor};
use serde::Deserialize;

/// \`hidden_act\` of the checkpoint's config.json.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum HiddenAct {
    Gelu,
    GeluPytorchTanh,
    Relu,
}

impl fmt::Display for HiddenAct {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HiddenAct::Gelu => write!(f, "gelu")?,
            HiddenAct::GeluPytorchTanh => write!(f, "gelu_pytorch_tanh")?,
            HiddenAct::Relu => write!(f, "relu")?,
        }
        Ok(())
    }
}

impl Module for HiddenAct {
    fn forward(&self, xs: &Tensor) -> Result<Tensor> {
        match self {
            HiddenAct::Gelu => xs.gelu_erf(),
            HiddenAct::GeluPytorchTanh => xs.gelu(),
            HiddenAct::Relu => xs.relu(),
        }
    }
}

impl HiddenAct {
    /// The packed kernels exist for the smooth activations only.
    pub fn forward_packed(&self, xs: &Tensor) -> Result<Tensor> {
        match self {
            HiddenAct::Gelu => xs.gelu_erf(),
            HiddenAct::GeluPytorchTanh => xs.gelu(),
            HiddenAct::Relu => candle_core::bail!("relu: no packed kernel for rank {}", xs.rank()),
        }
    }
}

pub struct Config {
    pub hidden_act: HiddenAct,
    pub intermediate_act: HiddenAct,
}

impl Default for Config {
    fn default() -> Self {
        Self { hidden_act: HiddenAct::Gelu, intermediate_act: HiddenAct::Relu }
    }
}
`;

  it('reads a variant whose Display arm is `write!(f, "gelu")?`', () => {
    expectCall('rust', BERT_ACT, 'Gelu', { id: 'gelu', framework: 'candle' }, 4);
  });

  it('reads a variant whose packed arm bails with a message formatting the input’s rank', () => {
    expectCall('rust', BERT_ACT, 'Relu', { id: 'relu', framework: 'candle' }, 4);
  });
});

describe('s9 (Rust, candle): every standard text or early-return macro names its variant', () => {
  const BENCH = `//! Activation choice for the \`mlp-bench\` command-line tool.
use anyhow::anyhow;
use candle_core::{Result, Tensor};
use candle_nn::ops;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Act {
    Gelu,
    Relu,
    Silu,
    Tanh,
    Sigmoid,
    Elu,
}

impl Act {
    pub fn forward(&self, xs: &Tensor) -> Result<Tensor> {
        match self {
            Act::Gelu => xs.gelu_erf(),
            Act::Relu => xs.relu(),
            Act::Silu => ops::silu(xs),
            Act::Tanh => xs.tanh(),
            Act::Sigmoid => ops::sigmoid(xs),
            Act::Elu => xs.elu(1.0),
        }
    }

    /// Prints the choice; the verbose flag goes to stderr with it.
    pub fn announce(&self, verbose: bool) {
        match self {
            Act::Gelu => println!("activation: gelu"),
            Act::Relu => print!("activation: relu\\n"),
            Act::Silu => eprintln!("activation: silu (verbose={})", verbose),
            Act::Tanh => eprint!("activation: tanh\\n"),
            Act::Sigmoid => panic!("sigmoid is not benchmarked"),
            Act::Elu => unreachable!("elu is filtered out by the parser"),
        }
    }

    pub fn short_name(&self) -> &'static str {
        match self {
            Act::Gelu => concat!("ge", "lu"),
            Act::Relu => stringify!(relu),
            Act::Silu => "silu",
            Act::Tanh => "tanh",
            Act::Sigmoid => "sigmoid",
            Act::Elu => "elu",
        }
    }

    pub fn unsupported(&self) -> anyhow::Error {
        match self {
            Act::Elu => anyhow!("elu has no fused kernel"),
            _ => anyhow!("unsupported"),
        }
    }
}

pub const DEFAULTS: [Act; 6] = [Act::Gelu, Act::Relu, Act::Silu, Act::Tanh, Act::Sigmoid, Act::Elu];
`;
  const CASES: [string, string, number, string][] = [
    ['Gelu', 'gelu', 4, 'println! and concat!'],
    ['Relu', 'relu', 4, 'print! and stringify!'],
    ['Silu', 'silu', 4, 'eprintln! formatting an argument'],
    ['Tanh', 'tanh', 4, 'eprint!'],
    ['Sigmoid', 'sigmoid', 4, 'panic!'],
    ['Elu', 'elu', 5, 'unreachable! and anyhow!'],
  ];
  for (const [variant, id, nth, macros] of CASES) {
    it(`reads ${variant} past its ${macros} arms`, () => {
      expectCall('rust', BENCH, variant, { id, framework: 'candle' }, nth);
    });
  }
});
