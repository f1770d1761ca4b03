/**
 * Survivors of the s10 changes (issue #12): plain-number maxima whose variable is no input of an arrow or
 * function around them (next to a sigmoid that must still be read), a call's last argument bound in the
 * file to a value the code cannot fold, a Rust field borrowed into a local of its own name, and a C++
 * module whose member shares its name with the namespace function a formula reads.
 *
 * Expected values come from outside our code:
 * - Mathematics: 1 / (1 + e^(−z)) is the logistic sigmoid, max(0, x) is ReLU (as PyTorch documents them).
 *   Clamping a probability with `Math.max(1e-7, p)` (`max(1e-7, p)`) keeps
 *   the log finite; the sigmoid inside is still the sigmoid.
 * - JavaScript's rules: an arrow's expression body reads a name it does not declare from the function
 *   around it; a `switch` block inside a method is no function of its own, so `x` there is the method's
 *   first parameter.
 * - PyTorch's documentation: `F.leaky_relu(input, negative_slope=0.01)` and `F.elu(input, alpha=1.0)`
 *   take their parameter after the input, positionally or by keyword; whatever the value, the call is
 *   that activation.
 * - Rust's rules: `&self.act` is the field `act`, whatever a `let act` binds; burn's `Gelu` is the exact
 *   GELU.
 * - C++'s rules and LibTorch's documentation: in a member function a bare name finds the class member first
 *   ([class.member.lookup]); a `torch::nn::Sigmoid` member called as `sigmoid(x)` is the sigmoid, so
 *   `x * sigmoid(x)` is x·σ(x), the SiLU.
 */
import './freshModels';
import { expectFormula } from './formulaHelpers';
import { expectCall, expectNothing } from './recognizeHelpers';

const JS = 'javascript';
const PY = 'python';
const OTHER = 'other';

/** Logistic regression on plain numbers, with a hidden layer whose activation is picked by name. */
const LOGISTIC_JS = `'use strict';
// Logistic regression on plain numbers, trained by stochastic gradient descent (no tensor library).

const EPOCHS = 200;

// The prior probability of the positive class, clamped away from 0 so that its log stays finite.
const bias = Number(process.env.PRIOR_LOGIT ?? 0);
const prior = Math.max(1e-7, 1 / (1 + Math.exp(-bias)));

class LogisticRegression {
  constructor(features, { rate = 0.1, kind = 'relu' } = {}) {
    this.weights = new Array(features).fill(0);
    this.rate = rate;
    this.kind = kind;
  }

  /** The hidden units' activation, by name. */
  activate(x) {
    switch (this.kind) {
      case 'relu': {
        return Math.max(0, x);
      }
      default:
        return x;
    }
  }

  /** The log loss of one logit against each label, the probability clamped as the prior is. */
  loss(logit, labels) {
    return labels.map((y) => -y * Math.log(Math.max(1e-7, 1 / (1 + Math.exp(-logit)))));
  }

  fit(rows, labels) {
    for (let epoch = 0; epoch < EPOCHS; epoch++) {
      rows.forEach((row, i) => {
        const z = row.reduce((s, v, j) => s + v * this.weights[j], 0);
        const err = 1 / (1 + Math.exp(-z)) - labels[i];
        row.forEach((v, j) => {
          this.weights[j] -= this.rate * err * v;
        });
      });
    }
    return prior;
  }
}

module.exports = { LogisticRegression };
`;

/** The same prior in a Python script: a module-level maximum of a sigmoid. */
const PRIOR_PY = `"""Prior of the positive class for the calibration report."""
import math
import os

bias = float(os.environ.get("PRIOR_LOGIT", "0"))
# Clamped away from 0 so that the log loss of the prior stays finite.
prior = max(1e-7, 1 / (1 + math.exp(-bias)))
print(f"prior={prior:.4f} log-loss={-math.log(prior):.4f}")
`;

describe('a plain-number maximum whose variable is no function input', () => {
  it('reads the sigmoid inside an arrow that clamps a logit it does not declare', () => {
    expectFormula(JS, LOGISTIC_JS, '1 / (1 + Math.exp(-logit))', {
      id: 'sigmoid',
      framework: OTHER,
    });
  });

  it('reads the sigmoid inside a maximum at the top level of a module', () => {
    expectFormula(JS, LOGISTIC_JS, '1 / (1 + Math.exp(-bias))', {
      id: 'sigmoid',
      framework: OTHER,
    });
    expectFormula(PY, PRIOR_PY, '1 / (1 + math.exp(-bias))', { id: 'sigmoid', framework: OTHER });
  });

  it("reads Math.max(0, x) in a method's switch block as the method input's ReLU", () => {
    expectFormula(JS, LOGISTIC_JS, 'Math.max(0, x)', { id: 'relu', framework: OTHER });
  });
});

/** Activations whose parameters the module computes from the environment and a config file. */
const CONFIGURED_PY = `"""Activations of the tabular MLP, their parameters read at import time."""
import json
import os

import torch
import torch.nn.functional as F

with open(os.environ.get("MLP_CONFIG", "mlp.json")) as fh:
    config = json.load(fh)

LEAKY_SLOPE = float(os.environ.get("LEAKY_SLOPE", "0.01"))
ELU_ALPHA = config["elu_alpha"]


def leaky(x):
    """Leaky ReLU with the deployment's slope."""
    return F.leaky_relu(x, LEAKY_SLOPE)


def smooth(x):
    return F.elu(x, alpha=ELU_ALPHA)


def half_leaky(x):
    """The gentler slope of the warm-up epochs."""
    return F.leaky_relu(x, LEAKY_SLOPE / 2)


def clipped(x):
    return F.hardtanh(x, LEAKY_SLOPE - 1.0, 1.0)


def by_name(x):
    return F.leaky_relu(negative_slope=LEAKY_SLOPE, input=x)


def shifted(x):
    """Leaky ReLU of the input moved by the calibration offset."""
    return F.leaky_relu(x + ELU_ALPHA, LEAKY_SLOPE / 2)


def bounded(x):
    """Leaky ReLU of the input clamped to [-6, 6], then moved by the offset."""
    return F.leaky_relu(torch.clamp(x, -6.0, 6.0) + ELU_ALPHA, LEAKY_SLOPE)


def gained(x):
    """The input amplified by the deployment's gain, limited to [0, the configured ceiling]."""
    return torch.nn.Hardtanh(0.0, LEAKY_SLOPE * 100)(ELU_ALPHA * x)


def encode(feats):
    h = leaky(feats) + smooth(feats) + half_leaky(feats) + by_name(feats)
    return h + clipped(feats) + shifted(feats) + bounded(feats) + gained(feats)
`;

describe("a call's last argument bound in the file to a computed value", () => {
  it('is leaky ReLU with a slope the code does not spell, positionally', () => {
    expectCall(
      PY,
      CONFIGURED_PY,
      'leaky',
      { id: 'leaky_relu', framework: 'pytorch', nonLiteral: ['negative_slope'] },
      1,
    );
  });

  it('is ELU with an alpha the code does not spell, by keyword', () => {
    expectCall(
      PY,
      CONFIGURED_PY,
      'smooth',
      { id: 'elu', framework: 'pytorch', nonLiteral: ['alpha'] },
      1,
    );
  });

  it('is leaky ReLU or hardtanh when the later argument is an expression of that value', () => {
    expectCall(
      PY,
      CONFIGURED_PY,
      'half_leaky',
      { id: 'leaky_relu', framework: 'pytorch', nonLiteral: ['negative_slope'] },
      1,
    );
    expectCall(
      PY,
      CONFIGURED_PY,
      'clipped',
      { id: 'hardtanh', framework: 'pytorch', params: { max_val: 1 }, nonLiteral: ['min_val'] },
      1,
    );
  });

  it('is leaky ReLU when the slope is passed by keyword before the input', () => {
    expectCall(
      PY,
      CONFIGURED_PY,
      'by_name',
      { id: 'leaky_relu', framework: 'pytorch', nonLiteral: ['negative_slope'] },
      1,
    );
  });

  it('is no activation of the input when the first argument moves it by that value', () => {
    expectNothing(PY, CONFIGURED_PY, 'shifted', 1);
    expectNothing(PY, CONFIGURED_PY, 'bounded', 1);
    expectNothing(PY, CONFIGURED_PY, 'gained', 1);
  });
});

const BORROWED_RS = `use burn::nn::{Gelu, Linear, LinearConfig};
use burn::prelude::*;

/// Transformer feed-forward block.
#[derive(Module, Debug)]
pub struct Mlp<B: Backend> {
    fc1: Linear<B>,
    fc2: Linear<B>,
    act: Gelu,
}

impl<B: Backend> Mlp<B> {
    pub fn forward(&self, x: Tensor<B, 3>) -> Tensor<B, 3> {
        // Borrowed once: the gated half and the residual half go through the same activation.
        let act = &self.act;
        let h = self.fc1.forward(x);
        let [gate, value] = h.chunk(2, 2).try_into().unwrap();
        self.fc2.forward(act.forward(gate) * value)
    }
}
`;

describe('a Rust field borrowed into a local of its own name', () => {
  it('reads &self.act as the field (GELU)', () => {
    expectCall('rust', BORROWED_RS, 'act', { id: 'gelu', framework: 'burn' }, 2);
  });
});

const SWISH_CPP = `#include <torch/torch.h>

using namespace torch;

// Swish as EfficientNet's LibTorch port writes it: the input times its sigmoid gate.
struct SwishImpl : nn::Module {
  SwishImpl() { sigmoid = register_module("sigmoid", nn::Sigmoid()); }

  Tensor forward(Tensor x) { return x * sigmoid(x); }

  nn::Sigmoid sigmoid{nullptr};
};
TORCH_MODULE(Swish);
`;

describe('a C++ formula whose call is a member of the class', () => {
  it('reads x * sigmoid(x) as SiLU, not the member alone', () => {
    expectFormula('cpp', SWISH_CPP, 'x * sigmoid(x)', { id: 'silu', framework: 'libtorch' });
  });
});
