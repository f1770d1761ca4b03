/**
 * Every framework as it is really written (issue 9 §5): burn, candle, TF.js (fused ops, tfjs-layers
 * internals), Keras 3 sources, Hugging Face transformers' activation names, NNlib's fast variants, and
 * each framework's own defaults. Expected values come from the frameworks' sources: burn's
 * crates/burn-nn/src/activation/*.rs and burn-tensor activation/base.rs, candle-nn's activation.rs and
 * ops.rs, tfjs-core's fused ops (leakyreluAlpha defaults to 0.2), transformers' activations.py.
 */
import assert from 'node:assert/strict';
import { listActivations } from '../../src/core';
import { hover, expectCall, expectNothing } from './recognizeHelpers';

const has = (id: string): boolean => listActivations().some((a) => a.id === id);

describe('spellings: burn', () => {
  const SRC = `//! A small MLP in burn.
use burn::nn::{CeluConfig, Gelu, HardSwish, LeakyReluConfig, Linear, LinearConfig, SoftplusConfig};
use burn::prelude::*;
use burn::tensor::activation::{gelu_approximate, log_softmax, relu, softmax};

#[derive(Module, Debug)]
pub struct Mlp<B: Backend> {
    fc1: Linear<B>,
    fc2: Linear<B>,
}

impl<B: Backend> Mlp<B> {
    pub fn forward(&self, x: Tensor<B, 3>) -> Tensor<B, 3> {
        let celu = CeluConfig::new().with_alpha(2.0).init();
        let leaky = LeakyReluConfig::new().with_negative_slope(0.2).init();
        let soft = SoftplusConfig::new().with_beta(2.0).init();
        let swish = HardSwish::new();
        let exact = Gelu::new();
        let tanh_gelu = Gelu::new_approximate();
        let h = relu(self.fc1.forward(x));
        let g = gelu_approximate(h);
        let p = softmax(g.clone(), 2);
        let q = burn::tensor::activation::leaky_relu(g, 0.1);
        let t = burn::tensor::activation::thresholded_relu(q, 0.5);
        log_softmax(p, 2)
    }
}
`;
  it('reads configs with their with_* parameters and burn defaults', () => {
    expectCall(
      'rust',
      SRC,
      'CeluConfig',
      { id: 'celu', framework: 'burn', params: { alpha: 2 } },
      1,
    );
    expectCall(
      'rust',
      SRC,
      'LeakyReluConfig',
      { id: 'leaky_relu', framework: 'burn', params: { negative_slope: 0.2 } },
      1,
    );
    // burn-nn's SoftplusConfig (up to 0.20, the Tensor<B, D> API) has only beta: no threshold to show.
    expectCall(
      'rust',
      SRC,
      'SoftplusConfig',
      { id: 'softplus', framework: 'burn', params: { beta: 2 } },
      1,
    );
    assert.equal(hover('rust', SRC, 'SoftplusConfig', 1)?.params.threshold, undefined);
    expectCall('rust', SRC, 'HardSwish', { id: 'hardswish', framework: 'burn' }, 1);
    expectCall(
      'rust',
      SRC,
      'Gelu',
      { id: 'gelu', framework: 'burn', params: { approximate: 'none' } },
      1,
    );
    expectCall('rust', SRC, 'new_approximate', {
      id: 'gelu',
      framework: 'burn',
      params: { approximate: 'tanh' },
    });
  });

  it('reads burn::tensor::activation functions imported bare and qualified, with dims', () => {
    expectCall('rust', SRC, 'relu', { id: 'relu', framework: 'burn' }, 1);
    expectCall(
      'rust',
      SRC,
      'gelu_approximate',
      {
        id: 'gelu',
        framework: 'burn',
        params: { approximate: 'tanh' },
      },
      1,
    );
    expectCall('rust', SRC, 'softmax', { id: 'softmax', framework: 'burn', params: { dim: 2 } }, 1);
    expectCall(
      'rust',
      SRC,
      'log_softmax',
      { id: 'log_softmax', framework: 'burn', params: { dim: 2 } },
      1,
    );
    expectCall('rust', SRC, 'leaky_relu', {
      id: 'leaky_relu',
      framework: 'burn',
      params: { negative_slope: 0.1 },
    });
    expectCall('rust', SRC, 'thresholded_relu', {
      id: 'threshold',
      framework: 'burn',
      params: { threshold: 0.5, value: 0 },
    });
  });

  it('gives nothing on the use lines and on the layer types that are not activations', () => {
    expectNothing('rust', SRC, 'CeluConfig');
    expectNothing('rust', SRC, 'relu');
    expectNothing('rust', SRC, 'Linear', 1);
    expectNothing('rust', SRC, 'fc1', 1);
  });
});

describe('spellings: candle', () => {
  const SRC = `use candle_core::{Module, Result, Tensor, D};
use candle_nn::ops::{log_softmax, softmax};
use candle_nn::{linear, Activation, Linear, VarBuilder};

pub struct Mlp {
    fc1: Linear,
    act: Activation,
}

impl Mlp {
    pub fn new(vb: VarBuilder) -> Result<Self> {
        let fc1 = linear(4, 4, vb.pp("fc1"))?;
        Ok(Self { fc1, act: Activation::GeluPytorchTanh })
    }

    pub fn forward(&self, xs: &Tensor) -> Result<Tensor> {
        let h = self.fc1.forward(xs)?.gelu_erf()?;
        let a = candle_nn::ops::softmax(&h, D::Minus1)?;
        let b = log_softmax(&h, D::Minus2)?;
        let c = candle_nn::ops::leaky_relu(&h, 0.1)?;
        let d = h.gelu()?;
        let exact = Activation::Gelu;
        let e = exact.forward(&d)?;
        a.add(&b)?.add(&c)?.add(&e)
    }
}
`;
  it('reads ops with D::Minus dims, exact and tanh GELU, and Activation variants', () => {
    expectCall(
      'rust',
      SRC,
      'softmax',
      { id: 'softmax', framework: 'candle', params: { dim: -1 } },
      1,
    );
    expectCall(
      'rust',
      SRC,
      'log_softmax',
      {
        id: 'log_softmax',
        framework: 'candle',
        params: { dim: -2 },
      },
      1,
    );
    expectCall('rust', SRC, 'leaky_relu', {
      id: 'leaky_relu',
      framework: 'candle',
      params: { negative_slope: 0.1 },
    });
    expectCall('rust', SRC, 'gelu_erf', {
      id: 'gelu',
      framework: 'candle',
      params: { approximate: 'none' },
    });
    expectCall('rust', SRC, 'gelu', {
      id: 'gelu',
      framework: 'candle',
      params: { approximate: 'tanh' },
    });
    expectCall('rust', SRC, 'GeluPytorchTanh', {
      id: 'gelu',
      framework: 'candle',
      params: { approximate: 'tanh' },
    });
    // Activation::Gelu is gelu_erf in candle-nn, unlike Tensor::gelu.
    expectCall('rust', SRC, 'Gelu', {
      id: 'gelu',
      framework: 'candle',
      params: { approximate: 'none' },
    });
  });

  it('gives nothing on use lists', () => {
    expectNothing('rust', SRC, 'softmax');
    expectNothing('rust', SRC, 'log_softmax');
  });
});

describe('spellings: TF.js', () => {
  const SRC = `import * as tfc from '@tensorflow/tfjs-core';
import { leakyRelu as lrelu, prelu } from '@tensorflow/tfjs-core';
import * as K from '../backend/tfjs_backend';

export function denseBlock(x: tfc.Tensor2D, w: tfc.Tensor2D, b: tfc.Tensor1D, slopes: tfc.Tensor) {
  const y = tfc.fused.matMul({ a: x, b: w, bias: b, activation: 'leakyrelu', leakyreluAlpha: 0.1 });
  const z = tfc.fused.matMul({ a: x, b: w, activation: 'leakyrelu' });
  const p = tfc.fused.matMul({ a: x, b: w, activation: 'prelu', preluActivationWeights: slopes });
  const q = lrelu(y, 0.3);
  const r = prelu(z, slopes);
  const s = K.hardSigmoid(p);
  const t = K.elu(q, 0.5);
  return tfc.sigmoid(tfc.add(r, tfc.add(s, t)));
}
`;
  it("reads fused ops' activations with their sibling options", () => {
    expectCall('typescript', SRC, 'leakyrelu', {
      id: 'leaky_relu',
      framework: 'tfjs',
      params: { negative_slope: 0.1 },
    });
    // Without leakyreluAlpha the fused op uses tf.leakyRelu's 0.2.
    expectCall(
      'typescript',
      SRC,
      'leakyrelu',
      { id: 'leaky_relu', framework: 'tfjs', params: { negative_slope: 0.2 } },
      1,
    );
    expectCall(
      'typescript',
      SRC,
      'prelu',
      { id: 'prelu', framework: 'tfjs', nonLiteral: ['weight'] },
      1,
    );
  });

  it('reads named imports with as, tfjs-core as tfc and tfjs-layers backend functions', () => {
    expectCall(
      'typescript',
      SRC,
      'lrelu',
      {
        id: 'leaky_relu',
        framework: 'tfjs',
        params: { negative_slope: 0.3 },
      },
      1,
    );
    expectCall('typescript', SRC, 'sigmoid', { id: 'sigmoid', framework: 'tfjs' });
    expectCall('typescript', SRC, 'hardSigmoid', {
      id: 'hardsigmoid',
      framework: 'tfjs',
      params: { slope: 0.2 },
    });
    expectCall('typescript', SRC, 'elu', { id: 'elu', framework: 'tfjs', params: { alpha: 0.5 } });
  });

  it('shows no PyTorch default for a prelu whose slopes are a tensor', () => {
    const got = hover('typescript', SRC, 'prelu', 2);
    assert.equal(got?.id, 'prelu');
    assert.equal(got?.params.weight, undefined);
    assert.deepEqual(got?.nonLiteral, ['weight']);
  });
});

describe('spellings: Keras 3 as its sources and applications write it', () => {
  const SRC = `from keras.src import activations
from keras.src import layers
from keras.src.activations import relu6
from keras.layers import Activation, Dense, LeakyReLU


def MobileNetLike(input_shape=None, alpha=1.0, classifier_activation="softmax"):
    """Builds a small MobileNet-like model.

    Args:
        classifier_activation: A str or callable, e.g. "softmax".
    """
    img = layers.Input(shape=input_shape)
    x = layers.Conv2D(16, 3)(img)
    x = Activation(relu6)(x)
    x = activations.hard_silu(x)
    x = LeakyReLU(negative_slope=0.2)(x)
    x = Dense(10, activation="leaky_relu")(x)
    x = layers.Activation("log_sigmoid")(x)
    return Dense(10, activation=classifier_activation)(x)
`;
  it('reads defaults in a signature, bare imported functions and layer classes imported by name', () => {
    expectCall('python', SRC, 'softmax', {
      id: 'softmax',
      framework: 'keras',
      params: { dim: -1 },
    });
    expectCall('python', SRC, 'relu6', { id: 'relu6', framework: 'keras' }, 1);
    expectCall('python', SRC, 'hard_silu', { id: 'hardswish', framework: 'keras' });
    expectCall(
      'python',
      SRC,
      'LeakyReLU',
      {
        id: 'leaky_relu',
        framework: 'keras',
        params: { negative_slope: 0.2 },
      },
      1,
    );
    // Keras 3's leaky_relu activation defaults to 0.2 (keras/src/activations/activations.py).
    expectCall('python', SRC, 'leaky_relu', {
      id: 'leaky_relu',
      framework: 'keras',
      params: { negative_slope: 0.2 },
    });
    expectCall('python', SRC, 'log_sigmoid', { id: 'logsigmoid', framework: 'keras' });
  });

  it('reads nothing in the docstring', () => {
    expectNothing('python', SRC, 'softmax', 1);
  });
});

describe('spellings: Hugging Face transformers', () => {
  const SRC = `from torch import nn
from transformers import PretrainedConfig
from transformers.activations import ACT2FN, get_activation


class TinyConfig(PretrainedConfig):
    def __init__(self, hidden_size=64, hidden_act="gelu_fast", **kwargs):
        super().__init__(**kwargs)
        self.hidden_act = hidden_act


class TinyMLP(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.act = ACT2FN["gelu_new"]
        self.exact = ACT2FN["gelu"]
        self.clip = get_activation("quick_gelu")
        self.other = ACT2FN[config.hidden_act]
        self.unknown = ACT2FN["laplace"]


config = TinyConfig(hidden_act="gelu_pytorch_tanh", activation_function="relu")
`;
  it('reads ACT2FN, get_activation and config strings with their meanings', () => {
    expectCall('python', SRC, 'gelu_fast', {
      id: 'gelu',
      framework: 'pytorch',
      params: { approximate: 'tanh' },
    });
    expectCall('python', SRC, 'gelu_new', {
      id: 'gelu',
      framework: 'pytorch',
      params: { approximate: 'tanh' },
    });
    expectCall('python', SRC, 'gelu', {
      id: 'gelu',
      framework: 'pytorch',
      params: { approximate: 'none' },
    });
    expectCall('python', SRC, 'gelu_pytorch_tanh', {
      id: 'gelu',
      framework: 'pytorch',
      params: { approximate: 'tanh' },
    });
    expectCall('python', SRC, 'relu', { id: 'relu', framework: 'pytorch' });
    if (has('quick_gelu')) {
      expectCall('python', SRC, 'quick_gelu', { id: 'quick_gelu', framework: 'pytorch' });
    } else {
      expectNothing('python', SRC, 'quick_gelu');
    }
  });

  it('gives nothing for names outside the catalogue and for non-literal keys', () => {
    expectNothing('python', SRC, 'laplace');
    expectNothing('python', SRC, 'hidden_act', 2);
  });
});

describe('spellings: NNlib fast variants and per-framework defaults', () => {
  it('reads sigmoid_fast, tanh_fast and logσ', () => {
    const src = `using Flux

model = Chain(Dense(10 => 5, sigmoid_fast), Dense(5 => 2, tanh_fast))
nll(x) = -sum(logσ.(x))
`;
    expectCall('julia', src, 'sigmoid_fast', { id: 'sigmoid', framework: 'flux' });
    expectCall('julia', src, 'tanh_fast', { id: 'tanh', framework: 'flux' });
    expectCall('julia', src, 'logσ', { id: 'logsigmoid', framework: 'flux' });
  });

  it("shows softplus' threshold only where the framework has it", () => {
    const src = `import jax
import tensorflow as tf
import torch.nn.functional as F

a = jax.nn.softplus(x)
b = tf.math.softplus(x)
c = F.softplus(x)
`;
    assert.equal(hover('python', src, 'softplus')?.params.threshold, undefined);
    assert.equal(hover('python', src, 'softplus', 1)?.params.threshold, undefined);
    assert.equal(hover('python', src, 'softplus', 2)?.params.threshold, 20);
  });
});

describe('spellings: TF.js bindings', () => {
  it('binds modules by import and require only, never by a const', () => {
    const src = `import * as tf from '@tensorflow/tfjs';
const np = require('@tensorflow/tfjs-node');

export function build(x) {
  // A local wrapper named like the module: the const is no import.
  const tf = withScope(tf, 'classifier');
  const y = tf.relu(x);
  return np.sigmoid(y);
}
`;
    expectCall('javascript', src, 'relu', { id: 'relu', framework: 'tfjs' });
    expectCall('javascript', src, 'sigmoid', { id: 'sigmoid', framework: 'tfjs' });
  });
});
