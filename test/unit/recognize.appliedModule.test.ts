/**
 * A local bound to a module built and applied in one expression holds the module's output, a tensor: no
 * activation is shown on it (`g = nn.GELU()(x)`, candle's `let h = Activation::LeakyRelu(0.2).forward(xs)?;`),
 * while a local bound to the module itself shows it where it is applied.
 *
 * Expected values come from the frameworks' documentation: `nn.GELU()` builds the module and calling it
 * returns the activated tensor (PyTorch); candle's `Activation::LeakyRelu(0.2)` is the module and
 * `Module::forward` returns a `Result<Tensor>`; `torch::nn::GELU()->forward(x)` returns a tensor (LibTorch).
 */
import assert from 'node:assert/strict';
import './freshModels';
import { recognizeAt } from '../../src/core';

const PYTORCH = `"""Two gated branches for the ablation table."""
import torch
import torch.nn as nn


def branches(x: torch.Tensor, w: torch.Tensor) -> torch.Tensor:
    gelu = nn.GELU(approximate="tanh")
    applied = nn.GELU(approximate="tanh")(x @ w)
    return applied + gelu(x)
`;

const CANDLE = `use candle_core::{Result, Tensor};
use candle_nn::{Activation, Module};

/// A residual branch with a leaky gate, as in the model card's example.
fn residual(xs: &Tensor) -> Result<Tensor> {
    let act = Activation::LeakyRelu(0.2);
    let gated = Activation::LeakyRelu(0.2).forward(xs)?;
    let again = act.forward(&gated)?;
    gated + again
}
`;

const LIBTORCH = `#include <torch/torch.h>

// One GELU built and applied on the spot, for a quick check of the exported graph.
torch::Tensor check(const torch::Tensor& x) {
  auto out = torch::nn::GELU()->forward(x);
  return out.sum();
}
`;

function hover(text: string, needle: string, lang: string) {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, needle);
  return recognizeAt(text, at + 1, lang);
}

describe('a local holding a module applied where it is built', () => {
  it('PyTorch: nn.GELU(…)(x) bound to a name is its output; the module bound to a name is GELU', () => {
    assert.equal(hover(PYTORCH, 'applied + gelu', 'python'), undefined);
    const got = hover(PYTORCH, 'gelu(x)', 'python');
    assert.equal(got?.id, 'gelu');
    assert.equal(got?.params.approximate, 'tanh');
  });

  it('candle: Activation::LeakyRelu(0.2).forward(xs)? bound to a name is its output', () => {
    assert.equal(hover(CANDLE, 'gated + again', 'rust'), undefined);
    const got = hover(CANDLE, 'act.forward(&gated)', 'rust');
    assert.equal(got?.id, 'leaky_relu');
    assert.equal(got?.params.negative_slope, 0.2);
  });

  it('LibTorch: torch::nn::GELU()->forward(x) bound to a name is its output', () => {
    assert.equal(hover(LIBTORCH, 'out.sum()', 'cpp'), undefined);
  });
});
