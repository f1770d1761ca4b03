/**
 * Survivors of the ninth round's new code in formulas/temporaries.ts (which `{ … }` block is a Rust
 * closure's, whose parameters then shadow the function's `let`s), formulas/terms.ts (folding a two-argument
 * operation of two constants; a max's element followed by a slice) and rustEnums.ts (arms that apply
 * nothing).
 *
 * Expected values come from the languages, the libraries' documentation and the mathematics. A Rust
 * closure's parameters (`|zero: f64|`) are in scope only in its own body; a block after a finished
 * statement (a guard's `{ … }` after a closure's `;`) or after a bitwise `|` (`flags | { … }`,
 * `lo | RELU_APPLIED | { … }`) is a block expression, no closure's, and reads the function's `let`; a
 * closure's return type may be an array type (`-> [f64; 2]`), whose `;` is part of the type (The Rust
 * Reference, "Closure expressions", "Array types", "Block expressions"). `clamp_min(0.0)` is max(x, 0),
 * ReLU. x·σ(β·x) is swish for any β free of x (√(2³/T) with a learned T is one the code does not spell).
 * TF.js' `tf.maximum(a, b)` / `tf.minimum(a, b)` are the larger / smaller of two arguments, numbers
 * included, so `tf.maximum(0.01, 0.02)` is 0.02; max(x, s·x) is leaky ReLU with slope s. Julia's
 * `maximum(x; dims=1)[1, 1]` is one number, a shift softmax allows; `[1, 1, :]` is a vector, and Julia
 * broadcasts it along the first axis, the one reduced, so it is no such shift. `std::fmt::format` returns a
 * String and `std::fs::read_to_string` an `io::Result<String>`: neither applies an activation, and candle's
 * `gelu_erf` is the exact GELU; a variant whose arms apply the logistic in one method and GELU in another
 * has no one activation.
 */
import assert from 'node:assert/strict';
import { recognizeAt } from '../../src/core';
import { expectFormula } from './formulaHelpers';
import { expectCall, expectNothing, nthOffset } from './recognizeHelpers';

const RS = 'rust';
const RELU = { id: 'relu', framework: 'other' };

/** The recognition at the nth `needle`, hovered one character in. */
function hoverIn(lang: string, src: string, needle: string, nth = 0) {
  return recognizeAt(src, nthOffset(src, needle, nth) + 1, lang);
}

describe("s9 temporaries: a block after a closure's statement is no closure's", () => {
  const SRC = `use burn::tensor::{backend::Backend, Tensor};

use crate::profile::Profiler;

/// ReLU of the activations while training, then widened by a margin the caller picks per layer.
pub fn relu_with_margin<B: Backend>(x: Tensor<B, 2>, margin: f64, train: bool, prof: &Profiler) -> Tensor<B, 2> {
    let zero = 0.0;
    let widen = |zero: f64| -> f64 { zero + margin };
    {
        // The guard times the activation only; it is dropped at the end of this block.
        let _scope = prof.scope("relu");
        if train {
            return x.clamp_min(zero).add_scalar(widen(0.0));
        }
    }
    x
}
`;

  it("reads the function's zero in the guard's block, not the earlier closure's parameter", () => {
    expectFormula(RS, SRC, 'x.clamp_min(zero)', RELU);
  });
});

describe("s9 temporaries: a block after Rust's | reads past an earlier closure", () => {
  const SRC = `use burn::tensor::{backend::Backend, Tensor};

/// Flag bit set when the ReLU ran.
const RELU_APPLIED: u8 = 0b0000_0010;

/// ReLU of the activations when every scale is positive, recording in the flags whether it ran.
pub fn relu_flagged<B: Backend>(x: Tensor<B, 2>, flags: u8, scales: &[f64]) -> (Tensor<B, 2>, u8) {
    let apply = scales.iter().all(|s| *s > 0.0);
    let zero = 0.0;
    let mut out = x.clone();
    let flags = flags | {
        if apply {
            out = x.clamp_min(zero);
        }
        if apply { RELU_APPLIED } else { 0 }
    };
    (out, flags)
}
`;

  it("reads the function's zero in the block", () => {
    // \`flags | { … }\` is a bitwise or; the \`|s|\` closure far above binds nothing here.
    expectFormula(RS, SRC, 'x.clamp_min(zero)', RELU);
  });
});

describe("s9 temporaries: a block after a chain of Rust's |, no closure's", () => {
  const SRC = `use burn::tensor::{backend::Backend, Int, Tensor};

/// Flag bit set when the ReLU ran; the low bit is the layer's level, zero for hidden layers.
const RELU_APPLIED: u8 = 0b0000_0010;

/// ReLU of integer activations when asked, with the step's flags.
pub fn relu_flagged<B: Backend>(x: Tensor<B, 2, Int>, apply: bool) -> (Tensor<B, 2, Int>, u8) {
    let lo = 0;
    let mut out = x.clone();
    let flags = lo | RELU_APPLIED | {
        if apply {
            out = x.clamp_min(lo);
        }
        u8::from(apply)
    };
    (out, flags)
}
`;

  it("reads the function's lo in the block", () => {
    // \`lo | RELU_APPLIED | { … }\` is two bitwise ors: neither \`lo\` nor \`RELU_APPLIED\` is a parameter.
    expectFormula(RS, SRC, 'x.clamp_min(lo)', RELU);
  });
});

describe('s9 temporaries: a Rust closure whose return type is an array', () => {
  const SRC = `use burn::tensor::{backend::Backend, Tensor};

/// Each tensor with its copy floored at the tensor's own level, for the paired loss.
pub fn floored_pairs<B: Backend>(xs: Vec<Tensor<B, 2>>, levels: Vec<f64>) -> Vec<[Tensor<B, 2>; 2]> {
    let zero = 0.0;
    let pair = |v: Tensor<B, 2>, zero: f64| -> [Tensor<B, 2>; 2] {
        if 0.0 < zero {
            [v.clone().clamp_min(zero), v]
        } else {
            [v.clone(), v]
        }
    };
    xs.into_iter().zip(levels).map(|(v, level)| pair(v, level)).collect()
}

/// Each tensor with its ReLU, when clipping is on.
pub fn relu_pairs<B: Backend>(xs: Vec<Tensor<B, 2>>, clip: bool) -> Vec<[Tensor<B, 2>; 2]> {
    let zero = 0.0;
    let pair = |v: Tensor<B, 2>| -> [Tensor<B, 2>; 2] {
        if clip {
            [v.clone().clamp_min(zero), v]
        } else {
            [v.clone(), v]
        }
    };
    xs.into_iter().map(pair).collect()
}
`;

  it("does not read the closure's zero as the function's let", () => {
    // max(v, level) with a positive level is no ReLU.
    const got = hoverIn(RS, SRC, 'clamp_min(zero)');
    assert.notEqual(got?.id, 'relu', JSON.stringify(got));
  });

  it('reads clamp_min of the captured zero as ReLU', () => {
    expectFormula(RS, SRC, 'v.clone().clamp_min(zero)', RELU, 1);
  });
});

describe('s9 terms: a power of two constants inside a slope the code does not spell', () => {
  const SRC = `"""Temperature-scaled swish for the distillation student (the teacher's temperature is learned)."""
import math

import torch
from torch import nn


class TempSwish(nn.Module):
    def __init__(self, temperature: float = 1.0):
        super().__init__()
        self.temperature = nn.Parameter(torch.tensor(temperature))

    def forward(self, x):
        # β = √(2³ / T): the gate sharpens as the temperature falls.
        return x * torch.sigmoid(math.sqrt(math.pow(2.0, 3.0) / self.temperature) * x)
`;

  it('reads x·σ(√(2³/T)·x) as swish with a β the code does not spell', () => {
    expectFormula(
      'python',
      SRC,
      'x * torch.sigmoid(math.sqrt(math.pow(2.0, 3.0) / self.temperature) * x)',
      {
        id: 'silu',
        framework: 'pytorch',
        params: {},
        nonLiteral: ['beta'],
      },
    );
  });
});

describe('s9 terms: a Julia maximum subscripted by integers and a slice', () => {
  const SRC = `module Scores

export colscores, rowshifted

"""Column probabilities of a (classes, batch) matrix, shifted by the first column's maximum."""
colscores(x) = exp.(x .- maximum(x; dims=1)[1, 1]) ./ sum(exp.(x .- maximum(x; dims=1)[1, 1]); dims=1)

"""Scores of a (classes, batch, steps) array shifted by the first sample's maxima, one per step."""
rowshifted(x) = exp.(x .- maximum(x; dims=1)[1, 1, :]) ./ sum(exp.(x .- maximum(x; dims=1)[1, 1, :]); dims=1)

end
`;

  it('reads a shift by one maximum ([1, 1]) as softmax over dims=1', () => {
    // maximum(x; dims=1)[1, 1] is one number: the shift cancels in the quotient.
    expectFormula(
      'julia',
      SRC,
      'exp.(x .- maximum(x; dims=1)[1, 1]) ./ sum(exp.(x .- maximum(x; dims=1)[1, 1]); dims=1)',
      {
        id: 'softmax',
        framework: 'other',
        params: { dim: 1 },
      },
    );
  });

  it('does not read a shift by a vector of maxima ([1, 1, :]) as softmax', () => {
    // Julia broadcasts from the first axis: the (steps,) vector varies along dims=1, so no softmax.
    const got = hoverIn('julia', SRC, 'exp.(x .- maximum(x; dims=1)[1, 1, :]) ./');
    assert.notEqual(got?.id, 'softmax', JSON.stringify(got));
  });
});

describe("s9 terms: TF.js' maximum and minimum of two numbers, folded", () => {
  const SRC = `import * as tf from '@tensorflow/tfjs';

/** Leaky ReLU whose slope (the paper's 0.01) is floored at 0.02, below which the ablation diverged. */
export function leakyFloored(x) {
  return tf.maximum(x, tf.mul(x, tf.maximum(0.01, 0.02)));
}

/** Leaky ReLU whose configured slope 0.3 is capped at the paper's 0.01. */
export function leakyCapped(x) {
  return tf.maximum(x, tf.mul(x, tf.minimum(0.3, 0.01)));
}
`;

  it('tf.maximum(0.01, 0.02) as the slope: leaky ReLU with slope 0.02', () => {
    expectFormula('javascript', SRC, 'tf.maximum(x, tf.mul(x, tf.maximum(0.01, 0.02)))', {
      id: 'leaky_relu',
      framework: 'tfjs',
      params: { negative_slope: 0.02 },
    });
  });

  it('tf.minimum(0.3, 0.01) as the slope: leaky ReLU with slope 0.01', () => {
    expectFormula('javascript', SRC, 'tf.maximum(x, tf.mul(x, tf.minimum(0.3, 0.01)))', {
      id: 'leaky_relu',
      framework: 'tfjs',
      params: { negative_slope: 0.01 },
    });
  });
});

describe('s9 Rust enums: arms calling std::fmt and std::fs functions apply nothing', () => {
  const SRC = `use candle_core::{Result, Tensor};
use std::{fmt, fs};

#[derive(Clone, Copy, Debug)]
pub enum HiddenAct {
    Gelu,
    Relu,
}

impl HiddenAct {
    pub fn forward(&self, xs: &Tensor) -> Result<Tensor> {
        match self {
            HiddenAct::Gelu => xs.gelu_erf(),
            HiddenAct::Relu => xs.relu(),
        }
    }

    /// The key the exporter writes the activation under.
    pub fn key(&self, prefix: &str) -> String {
        match self {
            HiddenAct::Gelu => fmt::format(format_args!("{prefix}.gelu")),
            HiddenAct::Relu => fmt::format(format_args!("{prefix}.relu")),
        }
    }

    /// The source of the fused kernel, shipped next to the binary.
    pub fn kernel_source(&self) -> std::io::Result<String> {
        match self {
            HiddenAct::Gelu => fs::read_to_string("kernels/gelu.cu"),
            HiddenAct::Relu => fs::read_to_string("kernels/relu.cu"),
        }
    }
}

pub fn head(xs: &Tensor) -> Result<Tensor> {
    let act = HiddenAct::Gelu;
    act.forward(xs)
}
`;

  it('the variant is the exact GELU its forward arm applies', () => {
    // fmt::format returns a String, fs::read_to_string an io::Result<String>: neither applies an activation.
    expectCall(
      RS,
      SRC,
      'Gelu',
      { id: 'gelu', framework: 'candle', params: { approximate: 'none' } },
      4,
    );
  });
});

describe('s9 Rust enums: a lowercase variant whose arms disagree', () => {
  const SRC = `use candle_core::{Result, Tensor};

/// Gates of the mixer, spelled as in the paper's table (full-scale and half-scale).
#[allow(non_camel_case_types)]
#[derive(Clone, Copy, Debug)]
pub enum Gate {
    fs,
    hs,
}

impl Gate {
    pub fn forward(&self, xs: &Tensor) -> Result<Tensor> {
        match self {
            Gate::fs => candle_nn::ops::sigmoid(xs),
            Gate::hs => xs.relu(),
        }
    }

    /// The gate the distilled student uses in place of the teacher's.
    pub fn student(&self, xs: &Tensor) -> Result<Tensor> {
        match self {
            Gate::fs => xs.gelu_erf(),
            Gate::hs => xs.relu(),
        }
    }
}

pub fn mix(xs: &Tensor) -> Result<Tensor> {
    let gate = Gate::fs;
    gate.forward(xs)
}
`;

  it('shows nothing for Gate::fs, which applies the logistic in one method and GELU in another', () => {
    // \`xs.gelu_erf()\` is a method of the tensor: no call of a std::fs function, whatever the variant's name.
    expectNothing(RS, SRC, 'fs', 3);
  });
});

describe("s9 temporaries: a block after Rust's | just below an earlier closure", () => {
  const SRC = `use burn::tensor::{backend::Backend, Tensor};

/// Flag bit set when the ReLU ran.
const RELU_APPLIED: u8 = 0b0000_0010;

/// ReLU of the activations when every scale is positive, recording in the flags whether it ran.
pub fn relu_flagged<B: Backend>(x: Tensor<B, 2>, flags: u8, scales: &[f64]) -> (Tensor<B, 2>, u8) {
    let mut out = x.clone();
    let apply = scales.iter().all(|s| *s > 0.0);
    let zero = 0.0;
    let flags = flags | {
        if apply {
            out = x.clamp_min(zero);
        }
        if apply { RELU_APPLIED } else { 0 }
    };
    (out, flags)
}
`;

  it("reads the function's zero in the block", () => {
    // The \`|s|\` closure ends with its statement's \`;\`: \`zero\` after it is no closure's parameter.
    expectFormula(RS, SRC, 'x.clamp_min(zero)', RELU);
  });
});
