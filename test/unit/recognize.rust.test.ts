/**
 * burn and candle models as they are written (issue 9 §2 and §5): struct fields are declarations, modules
 * are applied through the field's declared type or what the constructor built, one field deeper
 * (`self.head.out`), through locals built from configs, candle's `Activation::X.forward(…)`, and a model's
 * own `enum HiddenAct` read by what its `match` arms apply. Each positive has a look-alike beside it.
 * Expected values come from burn's crates/burn-nn/src/activation/*.rs and burn-tensor's activation
 * functions, candle-nn's activation.rs (`Gelu` is gelu_erf, `NewGelu`/`GeluPytorchTanh` the tanh form) and
 * candle's Tensor methods (`gelu()` is the tanh approximation, `gelu_erf()` the exact GELU).
 */
import assert from 'node:assert/strict';
import { recognizeAt } from '../../src/core';
import { expectCall, expectNothing, hover, spanOf } from './recognizeHelpers';

const RS = 'rust';
const EXACT = { approximate: 'none' };
const TANH = { approximate: 'tanh' };

describe('Rust: struct fields and the modules they hold (burn)', () => {
  const MODEL = `use burn::nn::{Gelu, Linear, LinearConfig, Relu, Tanh};
use burn::prelude::*;

#[derive(Module, Debug)]
pub struct Encoder<B: Backend> {
    fc: Linear<B>,
    activation: Gelu,
}

#[derive(Module, Debug)]
pub struct Decoder<B: Backend> {
    fc: Linear<B>,
    activation: Relu,
}

pub struct Wrapper(Tanh);

impl<B: Backend> Encoder<B> {
    pub fn new(sizes: [usize; 2], device: &B::Device) -> Self {
        let fc = LinearConfig::new(sizes[0], sizes[1]).init(device);
        Self { fc, activation: Gelu::new() }
    }

    pub fn forward(&self, x: Tensor<B, 2>) -> Tensor<B, 2> {
        self.activation.forward(self.fc.forward(x))
    }
}

impl<B> Decoder<B>
where
    B: Backend,
{
    pub fn forward(&self, x: Tensor<B, 2>) -> Tensor<B, 2> {
        self.activation.forward(self.fc.forward(x))
    }
}
`;

  it('gives nothing on a field type, a tuple struct field or a non-activation field', () => {
    expectNothing(RS, MODEL, 'Gelu', 1);
    expectNothing(RS, MODEL, 'Relu', 1);
    expectNothing(RS, MODEL, 'Tanh', 1);
    expectNothing(RS, MODEL, 'Linear', 1);
  });

  it('reads the module a constructor builds for a field', () => {
    expectCall(RS, MODEL, 'Gelu', { id: 'gelu', framework: 'burn', params: EXACT }, 2);
  });

  it('applies a field through the type around the call, whatever the impl spells', () => {
    // `impl<B: Backend> Encoder<B>` with a `[usize; 2]` parameter before, and `impl<B> Decoder<B> where`.
    expectCall(RS, MODEL, 'activation', { id: 'gelu', framework: 'burn', params: EXACT }, 3);
    expectCall(RS, MODEL, 'activation', { id: 'relu', framework: 'burn' }, 4);
    expectNothing(RS, MODEL, 'fc', 5);
  });

  const NESTED = `use burn::nn::{Linear, Tanh};
use burn::prelude::*;

pub struct Head<B: Backend> {
    linear: Linear<B>,
    out: Tanh,
}

pub struct Tail<B: Backend> {
    out: Linear<B>,
}

pub struct Classifier<'a, B: Backend> {
    head: &'a Head<B>,
    tail: &'a Tail<B>,
}

impl<'a, B: Backend> Classifier<'a, B> {
    pub fn forward(&self, x: Tensor<B, 2>) -> Tensor<B, 2> {
        let x = self.head.out.forward(x);
        self.tail.out.forward(x)
    }
}
`;

  it('reads a field one level deeper through the declared type of the outer field', () => {
    expectCall(RS, NESTED, 'out', { id: 'tanh', framework: 'burn' }, 2);
    expectNothing(RS, NESTED, 'out', 3); // Tail's `out` is a Linear
    expectNothing(RS, NESTED, 'Tanh', 1);
  });
});

describe("Rust: fields built by a config's init (the burn book's pattern)", () => {
  const SRC = `use burn::nn::{LeakyRelu, LeakyReluConfig, Linear, LinearConfig};
use burn::prelude::*;

#[derive(Module, Debug)]
pub struct Model<B: Backend> {
    fc: Linear<B>,
    act: LeakyRelu,
}

#[derive(Module, Debug)]
pub struct Critic<B: Backend> {
    fc: Linear<B>,
    act: LeakyRelu,
}

#[derive(Config, Debug)]
pub struct ModelConfig {
    hidden: usize,
}

impl ModelConfig {
    pub fn init<B: Backend>(&self, device: &B::Device) -> Model<B> {
        Model {
            fc: LinearConfig::new(self.hidden, 10).init(device),
            act: LeakyReluConfig::new().with_negative_slope(0.2).init(),
        }
    }

    pub fn critic<B: Backend>(&self, device: &B::Device) -> Critic<B> {
        Critic {
            fc: LinearConfig::new(self.hidden, 1).init(device),
            act: LeakyReluConfig::new().with_negative_slope(0.1).init(),
        }
    }
}

impl<B: Backend> Model<B> {
    pub fn forward(&self, x: Tensor<B, 2>) -> Tensor<B, 2> {
        self.act.forward(self.fc.forward(x))
    }
}

impl<B: Backend> Critic<B> {
    pub fn forward(&self, x: Tensor<B, 2>) -> Tensor<B, 2> {
        self.act.forward(self.fc.forward(x))
    }
}
`;

  it('reads the field of the type the struct literal builds, not of the config around it', () => {
    const leaky = (slope: number) => ({
      id: 'leaky_relu',
      framework: 'burn',
      params: { negative_slope: slope },
    });
    expectCall(RS, SRC, 'act', leaky(0.2), 4);
    expectCall(RS, SRC, 'act', leaky(0.1), 5);
    expectNothing(RS, SRC, 'LeakyRelu', 1); // a field's type, configured elsewhere
    expectNothing(RS, SRC, 'fc', 4);
  });
});

describe("Rust: burn's ActivationConfig", () => {
  const SRC = `use burn::nn::{ActivationConfig, LeakyReluConfig};

#[derive(Config, Debug)]
pub struct MlpConfig {
    #[config(default = "ActivationConfig::GeluApproximate")]
    pub activation: ActivationConfig,
}

pub fn presets() -> [MlpConfig; 3] {
    [
        MlpConfig::new().with_activation(ActivationConfig::GeluApproximate),
        MlpConfig::new().with_activation(ActivationConfig::Relu),
        MlpConfig::new().with_activation(ActivationConfig::LeakyRelu(
            LeakyReluConfig::new().with_negative_slope(0.2),
        )),
    ]
}
`;

  it('reads the variants that need no config, and a wrapped variant at its inner config', () => {
    expectCall(RS, SRC, 'GeluApproximate', { id: 'gelu', framework: 'burn', params: TANH }, 1);
    expectCall(RS, SRC, 'Relu', { id: 'relu', framework: 'burn' });
    expectCall(
      RS,
      SRC,
      'LeakyReluConfig',
      {
        id: 'leaky_relu',
        framework: 'burn',
        params: { negative_slope: 0.2 },
      },
      1,
    );
  });

  it('gives nothing on the field type, the default string, or the path when burn is not imported', () => {
    expectNothing(RS, SRC, 'ActivationConfig', 2);
    expectNothing(RS, SRC, 'GeluApproximate', 0);
    const own = SRC.replace(
      'use burn::nn::{ActivationConfig, LeakyReluConfig};',
      'use burn::nn::LeakyReluConfig;',
    );
    expectNothing(RS, own, 'Relu');
  });
});

describe('Rust: locals built as modules (burn, candle)', () => {
  const SRC = `use burn::nn::{CeluConfig, EluConfig, HardSwish, LinearConfig, SoftplusConfig};
use burn::prelude::*;

pub fn block<B: Backend>(x: Tensor<B, 2>, device: &B::Device) -> Tensor<B, 2> {
    let celu = CeluConfig::new().with_alpha(2.0).init();
    let elu = EluConfig::new().init();
    let swish = HardSwish::new();
    let lin = LinearConfig::new(4, 4).init(device);
    let soft = SoftplusConfig::new().with_beta(2.0).init();
    let sharp = SoftplusConfig::new().with_threshold(10.0).init();
    let x = celu.forward(x);
    let x = elu.forward(x);
    let x = swish.forward(x);
    let x = soft.forward(x);
    let x = sharp.forward(x);
    let h = lin.forward(x);
    h.forward(x)
}
`;

  it('reads a local built by a config or a constructor, with its parameters', () => {
    expectCall(RS, SRC, 'celu', { id: 'celu', framework: 'burn', params: { alpha: 2 } }, 1);
    expectCall(RS, SRC, 'elu', { id: 'elu', framework: 'burn', params: { alpha: 1 } }, 1);
    expectCall(RS, SRC, 'swish', { id: 'hardswish', framework: 'burn' }, 1);
  });

  it('gives nothing for a local that holds another module or a tensor', () => {
    expectNothing(RS, SRC, 'lin', 1);
    expectNothing(RS, SRC, 'h', 1);
    expectNothing(RS, SRC, 'celu', 0); // the binding's own name
  });

  it("shows burn's softplus without PyTorch's threshold unless the code sets one", () => {
    const soft = hover(RS, SRC, 'soft', 1);
    assert.equal(soft?.id, 'softplus');
    assert.deepEqual(soft?.params, { beta: 2 });
    assert.deepEqual(hover(RS, SRC, 'sharp', 1)?.params, { beta: 1, threshold: 10 });
  });
});

describe("Rust: candle's Activation enum and a model's own", () => {
  const SRC = `use candle::{Module, Result, Tensor};
use candle_nn::Activation;

#[derive(Debug, Clone, Copy)]
pub enum HiddenAct {
    Gelu,
    GeluApproximate,
    Identity,
    Mixed,
}

impl Module for HiddenAct {
    fn forward(&self, xs: &Tensor) -> Result<Tensor> {
        match self {
            Self::Gelu => xs.gelu_erf(),
            Self::GeluApproximate => xs.gelu(),
            Self::Identity => Ok(xs.clone()),
            Self::Mixed => xs.relu(),
        }
    }
}

fn mixed_again(act: HiddenAct, xs: &Tensor) -> Result<Tensor> {
    match act {
        HiddenAct::Mixed => xs.silu(),
        _ => Ok(xs.clone()),
    }
}

struct HiddenActLayer {
    act: HiddenAct,
}

impl HiddenActLayer {
    fn new(act: HiddenAct) -> Self {
        Self { act }
    }
}

pub fn head(xs: &Tensor, configured: HiddenAct) -> Result<Tensor> {
    let exact = HiddenAct::Gelu;
    let fast = HiddenActLayer::new(HiddenAct::GeluApproximate);
    let plain = HiddenActLayer::new(configured);
    let ys = Activation::GeluPytorchTanh.forward(xs)?;
    let ys = Activation::Gelu.forward(&ys)?;
    let ys = OtherAct::Gelu.forward(&ys)?;
    let ys = HiddenAct::Identity.forward(&ys)?;
    let ys = HiddenAct::Mixed.forward(&ys)?;
    let ys = fast.forward(&ys)?;
    plain.forward(&ys)
}
`;

  it("reads candle_nn's Activation variants applied through Module::forward", () => {
    expectCall(RS, SRC, 'GeluPytorchTanh', { id: 'gelu', framework: 'candle', params: TANH });
    expectCall(RS, SRC, 'Gelu', { id: 'gelu', framework: 'candle', params: EXACT }, 3);
    expectNothing(RS, SRC, 'Gelu', 4); // OtherAct is no enum of this file, nor candle's
  });

  it('reads a variant of the enum by what its match arm applies', () => {
    expectCall(RS, SRC, 'Gelu', { id: 'gelu', framework: 'candle', params: EXACT }, 2);
    expectCall(RS, SRC, 'GeluApproximate', { id: 'gelu', framework: 'candle', params: TANH }, 2);
  });

  it('gives nothing on the variant declarations, an arm without activation, arms that disagree', () => {
    expectNothing(RS, SRC, 'Gelu', 0);
    expectNothing(RS, SRC, 'GeluApproximate', 0);
    expectNothing(RS, SRC, 'Identity', 2);
    expectNothing(RS, SRC, 'Mixed', 3);
  });

  it('reads a wrapper built from a variant, not one built from a value', () => {
    expectCall(RS, SRC, 'fast', { id: 'gelu', framework: 'candle', params: TANH }, 1);
    expectNothing(RS, SRC, 'plain', 1);
  });
});

describe('Rust: a function of this crate read by its tail expression', () => {
  const ACT = `use burn::tensor::{activation, backend::Backend, Tensor};

/// ReLU for the hidden layers.
pub fn hidden_act<B: Backend, const D: usize>(x: Tensor<B, D>) -> Tensor<B, D> {
    activation::relu(x)
}

/// Not an activation: the share of positive entries.
pub fn density<B: Backend, const D: usize>(x: Tensor<B, D>) -> Tensor<B, 1> {
    x.greater_elem(0.0).float().mean()
}
`;
  const USE = `use crate::act::{density, hidden_act};

pub fn step<B: Backend>(x: Tensor<B, 2>) -> Tensor<B, 2> {
    let d = density(x.clone());
    hidden_act(x)
}
`;

  it('reads a call of a function whose tail expression is an activation, here and across files', () => {
    const local = `${ACT}\npub fn step<B: Backend>(x: Tensor<B, 2>) -> Tensor<B, 2> {\n    hidden_act(x)\n}\n`;
    expectCall(RS, local, 'hidden_act', { id: 'relu', framework: 'burn' }, 1);
    const readImport = (s: string): string | undefined => (s === 'crate::act' ? ACT : undefined);
    const [s, e] = spanOf(USE, 'hidden_act', 1);
    const got = recognizeAt(USE, Math.floor((s + e) / 2), RS, { readImport });
    assert.equal(got?.id, 'relu');
    assert.equal(got?.definedAt?.module, 'crate::act');
  });

  it('gives nothing for a function whose tail expression is something else', () => {
    const readImport = (s: string): string | undefined => (s === 'crate::act' ? ACT : undefined);
    const [s, e] = spanOf(USE, 'density', 1);
    assert.equal(recognizeAt(USE, Math.floor((s + e) / 2), RS, { readImport }), undefined);
  });
});
