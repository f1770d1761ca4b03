/**
 * What a name means when the recognizer reads it through the code around it, not through a table alone: a
 * Rust model's own activation enum read by its `match` arms, a Rust field's declared type behind
 * references and lifetimes, Python names bound in branches or below the function that reads them, the
 * literal arguments that become a call's parameters, activations made from a string, and which Keras a
 * document is written against.
 *
 * Expected values come from the frameworks' documentation: candle's `Tensor::gelu` is the tanh
 * approximation and `gelu_erf` the exact GELU, `candle_nn::ops::softmax(xs, D::Minus1)` is over the last
 * axis; PyTorch's `F.leaky_relu(input, negative_slope=0.01, inplace=False)`, `F.gelu(input,
 * approximate='none')`, `nn.Softplus(beta=1.0, threshold=20.0)`, LibTorch's `SoftplusOptions` and
 * `ELUOptions` builders (same defaults), Keras' `ReLU(max_value=None, negative_slope=0.0, threshold=0.0)`;
 * Python's scoping (a function body reads a module-level name when it runs, a class body when the class is
 * defined, a name assigned in a function is local to all of it); Rust's match syntax (`A | B =>` patterns,
 * a block arm needs no comma, which is how rustfmt writes it). The value of an arm that does more than call
 * one activation (`xs * sigmoid(xs)` is SiLU, not the sigmoid) is not that activation.
 */
import assert from 'node:assert/strict';
import { recognizeAt, type RecognizedCall } from '../../src/core';
import { spanOf } from './recognizeHelpers';

const RS = 'rust';
const EXACT = { approximate: 'none' };
const TANH = { approximate: 'tanh' };

/** What is recognized on the last name of the nth `path` (`HiddenAct::Gelu`), at its start, middle and end. */
function onLastName(
  lang: string,
  text: string,
  path: string,
  nth = 0,
): (RecognizedCall | undefined)[] {
  const [, end] = spanOf(text, path, nth);
  const start = end - path.slice(path.lastIndexOf(':') + 1).length;
  return [start, Math.floor((start + end) / 2), end].map((o) => recognizeAt(text, o, lang));
}

/** Asserts the variant named by the nth `path` reads as `id` with `params`, over the variant's own span. */
function expectVariant(text: string, path: string, id: string, params: object, nth = 0): void {
  const [, end] = spanOf(text, path, nth);
  for (const got of onLastName(RS, text, path, nth)) {
    assert.ok(got, `nothing on ${path} #${nth}`);
    assert.equal(got.id, id, path);
    assert.equal(got.framework, 'candle', path);
    assert.deepEqual(got.params, params, path);
    assert.equal(got.end, end, path);
  }
}

describe("Rust: a candle model's activation enum, read by what its match arms apply", () => {
  const SRC = `//! Feed-forward block of a small BERT-style encoder, written against candle.
use candle::{DType, Module, Result, Tensor, D};
use candle_nn::{linear, Linear, VarBuilder};

/// The activations a checkpoint's \`hidden_act\` may name.
#[derive(Debug, Clone, Copy, PartialEq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum HiddenAct {
    Gelu,
    GeluNew,
    GeluPytorchTanh,
    Relu,
    Swish,
    Silu,
    ReTanh,
    Tanh,
    Softmax,
}

/// Configurations written before v2 named their activations this way.
mod legacy {
    #[derive(Debug, Clone, Copy)]
    pub enum HiddenAct {
        Gelu,
        Relu,
    }
}

impl HiddenAct {
    pub fn forward(&self, xs: &Tensor) -> Result<Tensor> {
        let dtype = xs.dtype();
        match self {
            Self::Gelu => {
                // erf drifts in half precision: compute it in f32.
                xs.to_dtype(DType::F32)?.gelu_erf()?.to_dtype(dtype)
            }
            Self::GeluPytorchTanh | HiddenAct::GeluNew => xs.gelu(),
            Self::Relu => xs.relu(),
            Self::Swish => xs * candle_nn::ops::sigmoid(xs)?,
            Self::Silu => candle_nn::ops::silu(xs),
            // Rectified tanh: max(0, tanh x).
            Self::ReTanh => xs.tanh()?.relu(),
            Self::Tanh => xs.clamp(-15f32, 15f32)?.tanh(),
            Self::Softmax => candle_nn::ops::softmax(xs, D::Minus1)
        }
    }
}

/// v1 read "gelu" as the tanh approximation.
fn legacy_forward(act: legacy::HiddenAct, xs: &Tensor) -> Result<Tensor> {
    match act {
        legacy::HiddenAct::Gelu => xs.gelu(),
        legacy::HiddenAct::Relu => xs.relu(),
    }
}

/// The fused kernel only has the exact GELU: \`GeluNew\` falls back to it there.
fn fused_forward(act: HiddenAct, xs: &Tensor) -> Result<Tensor> {
    match act {
        HiddenAct::GeluNew => xs.gelu_erf(),
        _ => act.forward(xs),
    }
}

pub struct Intermediate {
    dense: Linear,
    act: HiddenAct,
}

impl Intermediate {
    pub fn new(vb: VarBuilder, hidden: usize, inter: usize) -> Result<Self> {
        let dense = linear(hidden, inter, vb.pp("dense"))?;
        Ok(Self { dense, act: HiddenAct::Gelu })
    }

    pub fn upgrade(old: legacy::HiddenAct) -> HiddenAct {
        match old {
            legacy::HiddenAct::Gelu => HiddenAct::GeluPytorchTanh,
            legacy::HiddenAct::Relu => HiddenAct::Relu,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_activation_keeps_the_shape() -> Result<()> {
        let xs = Tensor::zeros((2, 8), DType::F32, &candle::Device::Cpu)?;
        for act in [
            HiddenAct::Gelu,
            HiddenAct::GeluNew,
            HiddenAct::GeluPytorchTanh,
            HiddenAct::Relu,
            HiddenAct::Swish,
            HiddenAct::Silu,
            HiddenAct::ReTanh,
            HiddenAct::Tanh,
            HiddenAct::Softmax,
            legacy::HiddenAct::Gelu,
        ] {
            assert_eq!(act.forward(&xs)?.dims(), xs.dims());
        }
        Ok(())
    }
}
`;

  it('reads a block arm written without a comma (rustfmt) as its own arm only', () => {
    expectVariant(SRC, 'HiddenAct::Gelu', 'gelu', EXACT, 1);
    expectVariant(SRC, 'HiddenAct::Gelu', 'gelu', EXACT, 3);
  });

  it('reads an arm through calls around the activation: a dtype round trip, a clamp', () => {
    expectVariant(SRC, 'HiddenAct::Tanh', 'tanh', {}, 0);
  });

  it('gives every alternative of an `A | B =>` pattern its arm', () => {
    expectVariant(SRC, 'HiddenAct::GeluPytorchTanh', 'gelu', TANH, 0);
    expectVariant(SRC, 'HiddenAct::GeluPytorchTanh', 'gelu', TANH, 1);
  });

  it('reads the last arm of a match, which ends at the closing brace', () => {
    expectVariant(SRC, 'HiddenAct::Softmax', 'softmax', { dim: -1 }, 0);
    expectVariant(SRC, 'HiddenAct::Relu', 'relu', {}, 2);
    expectVariant(SRC, 'HiddenAct::Relu', 'relu', {}, 3);
    expectVariant(SRC, 'HiddenAct::Silu', 'silu', { beta: 1 }, 0); // SiLU is swish with β = 1
  });

  it('shows nothing where the arms disagree or an arm does more than one activation', () => {
    // Exact GELU in the fused path, the tanh form elsewhere.
    for (const got of onLastName(RS, SRC, 'HiddenAct::GeluNew', 1)) {
      assert.equal(got, undefined);
    }
    // max(0, tanh x) is neither tanh nor ReLU.
    for (const got of onLastName(RS, SRC, 'HiddenAct::ReTanh', 0)) {
      assert.equal(got, undefined);
    }
    // x·σ(x) is SiLU: the sigmoid inside it is not what the variant applies.
    for (const got of onLastName(RS, SRC, 'HiddenAct::Swish', 0)) {
      assert.ok(got === undefined || got.id === 'silu', JSON.stringify(got));
    }
  });

  it("does not give another module's enum of the same name this enum's arms", () => {
    // \`legacy::HiddenAct::Gelu\` is v1's tanh GELU; the exact GELU of this file's enum is not it.
    for (const got of onLastName(RS, SRC, 'legacy::HiddenAct::Gelu', 2)) {
      assert.ok(got === undefined || got.params.approximate === 'tanh', JSON.stringify(got));
    }
  });
});
