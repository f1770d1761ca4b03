/**
 * Activations held in locals and named by strings, read the way a user hovers them: a burn or candle module
 * built into a local and applied with `.forward(…)`, a LibTorch module applied with `->forward(…)` (and a
 * member or global of the same name beside it, which is another object). Expected values come from the
 * frameworks: burn's `Gelu` is the exact (erf) GELU and its configs' `with_*` set the named parameter;
 * candle-nn's `Activation::Gelu` is `gelu_erf` and a model's own enum means what its `match` arm applies
 * (`xs.gelu()` is candle's tanh approximation); LibTorch's `torch::nn::GELU` defaults to the exact form.
 * A local that holds a tensor, a tuple, a layer configured with an activation among other arguments, or a
 * closure parameter is no activation the code names: no hover.
 */
import assert from 'node:assert/strict';
import { recognizeUnguarded } from '../../src/core/recognize';
import { expectCall, expectNothing, hover, nthOffset, type Expected } from './recognizeHelpers';

const RS = 'rust';
const CPP = 'cpp';
const PY = 'python';
const EXACT = { approximate: 'none' };
const TANH = { approximate: 'tanh' };

describe('Rust: a burn module built into a local and applied with forward', () => {
  const SRC = `//! Feed-forward blocks for a small burn classifier.
use burn::nn::{Gelu, LeakyReluConfig, Relu, Sigmoid, SoftplusConfig, Tanh};
use burn::prelude::*;

struct Stage<B: Backend> {
    act: Relu,
    scale: Tensor<B, 1>,
}

pub fn stage_forward<B: Backend>(state: &Stage<B>, x: Tensor<B, 2>) -> Tensor<B, 2> {
    // The local is the GELU; \`state.act\` is the struct's own field.
    let act = Gelu::new();
    let x = state.act.forward(x);
    act.forward(x)
}

pub fn gate<B: Backend>(x: Tensor<B, 2>) -> Tensor<B, 2> {
    let leaky = LeakyReluConfig::new().with_negative_slope(0.05).init();
    let paired = (Sigmoid::new(), Tanh::new());
    let eager = Relu::new().forward(x.clone());
    let x = leaky.forward(x);
    let x = paired.forward(x);
    eager.forward(x)
}
`;

  it('hovers a local built by a constructor where it is applied, over the local alone', () => {
    expectCall(RS, SRC, 'act', { id: 'gelu', framework: 'burn', params: EXACT }, 4);
  });

  it('reads a config chain ending in init, with the parameter its with_ call sets', () => {
    expectCall(
      RS,
      SRC,
      'leaky',
      { id: 'leaky_relu', framework: 'burn', params: { negative_slope: 0.05 } },
      1,
    );
  });

  it('does not give a field the meaning of a local of the same name', () => {
    assert.notEqual(hover(RS, SRC, 'act', 3)?.id, 'gelu');
  });

  it('gives nothing for a tuple of modules or a tensor a module returned', () => {
    expectNothing(RS, SRC, 'paired', 1);
    expectNothing(RS, SRC, 'eager', 1);
  });
});

describe("Rust: candle's Activation and a model's own enum wrapped in a layer", () => {
  const SRC = `//! A candle encoder block with its activation picked from the config.
use candle::{Module, Result, Tensor};
use candle_nn::{Activation, Linear};

#[derive(Debug, Clone, Copy)]
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
    span: tracing::Span,
}

impl HiddenActLayer {
    fn new(act: HiddenAct) -> Result<Self> {
        let span = tracing::span!(tracing::Level::TRACE, "hidden-act");
        Ok(Self { act, span })
    }
}

/// Two linear layers with the activation between them.
pub struct Mlp {
    fc1: Linear,
    fc2: Linear,
    act: HiddenAct,
}

impl Mlp {
    fn new(hidden: usize, act: HiddenAct) -> Result<Self> {
        todo!("load fc1 and fc2 from the var builder")
    }
    fn init(act: HiddenAct) -> Self {
        todo!("random fc1 and fc2")
    }
}

pub fn encode(xs: &Tensor, hidden: usize, layers: &[Linear]) -> Result<Tensor> {
    let exact = Activation::Gelu;
    let fast = HiddenActLayer::new(HiddenAct::GeluApproximate)?;
    let sized = Mlp::new(hidden, HiddenAct::Relu)?;
    let wide = Mlp::new(HiddenAct::Relu, hidden)?;
    let mlp = Mlp::init(HiddenAct::Gelu);
    let ys = exact.forward(xs)?;
    let ys = fast.forward(&ys)?;
    let ys = sized.forward(&ys)?;
    let ys = wide.forward(&ys)?;
    let ys = mlp.forward(&ys)?;
    layers.iter().try_fold(ys, |h, layer| layer.forward(&h))
}
`;

  it('reads a local holding an Activation variant', () => {
    expectCall(RS, SRC, 'exact', { id: 'gelu', framework: 'candle', params: EXACT }, 1);
  });

  it('reads a wrapper whose fallible constructor takes one variant (the ? after it)', () => {
    expectCall(RS, SRC, 'fast', { id: 'gelu', framework: 'candle', params: TANH }, 1);
  });

  it('gives nothing for a layer given a variant among other arguments or built by another call', () => {
    expectNothing(RS, SRC, 'sized', 1);
    expectNothing(RS, SRC, 'wide', 1);
    expectNothing(RS, SRC, 'mlp', 1);
  });

  it('gives nothing for a closure parameter applied with forward', () => {
    expectNothing(RS, SRC, 'layer', 1);
  });
});

describe('C++: a LibTorch module in a local applied with ->forward', () => {
  const SRC = `// A LibTorch head with its activations built in the forward pass.
#include <torch/torch.h>

torch::nn::Linear proj{nullptr};

struct HeadImpl : torch::nn::Module {
  torch::Tensor forward(torch::Tensor x) {
    auto gelu = torch::nn::GELU();
    auto proj = torch::nn::Sigmoid();
    auto lin = torch::nn::Linear(4, 4);
    x = ::proj->forward(x);   // the global projection, not the local
    x = this->gelu->forward(x);  // the member ReLU
    x = lin->forward(x);
    x = proj->forward(x);
    return gelu->forward(x);
  }
  torch::nn::ReLU gelu;
};
`;

  it('hovers a local built by calling the module type', () => {
    expectCall(CPP, SRC, 'gelu', { id: 'gelu', framework: 'libtorch', params: EXACT }, 2);
    expectCall(CPP, SRC, 'proj', { id: 'sigmoid', framework: 'libtorch' }, 3);
  });

  it('does not give a global or a member the meaning of a local of the same name', () => {
    expectNothing(CPP, SRC, 'proj', 2);
    assert.notEqual(hover(CPP, SRC, 'gelu', 1)?.id, 'gelu');
  });

  it('gives nothing for a local holding a module that is no activation', () => {
    expectNothing(CPP, SRC, 'lin', 1);
  });
});

describe('C++: a module holder declared empty and assigned later', () => {
  const SRC = `// A block whose activation is built in the forward pass.
#include <torch/torch.h>

struct BlockImpl : torch::nn::Module {
  torch::Tensor forward(torch::Tensor x) {
    torch::nn::GELU act{nullptr};
    act = torch::nn::GELU(torch::nn::GELUOptions().approximate("tanh"));
    return act->forward(x);
  }
};
`;

  it('reads the module assigned, with its options', () => {
    expectCall(CPP, SRC, 'act', { id: 'gelu', framework: 'libtorch', params: TANH }, 2);
  });
});

describe('Python: Keras activations named by strings (tf_keras, Keras 2)', () => {
  const SRC = `"""A small Keras classifier with its activations named by strings."""
import tf_keras as keras
from tf_keras import layers


def build_classifier(num_classes, head_activation=None):
    inputs = keras.Input(shape=(28, 28, 1))
    x = layers.Conv2D(32, (3, 3), activation="relu", kernel_initializer="he_normal")(inputs)
    x = layers.Flatten()(x)
    x = layers.Dense(64, activation="hard_sigmoid")(x)
    x = layers.Activation("gelu", name="gelu")(x)
    x = layers.Dense(64, activation=head_activation)(x)
    gate = keras.activations.get("swish")
    outputs = layers.Dense(num_classes, activation=u"softmax")(x)
    return keras.Model(inputs, outputs, name="relu")


DEFAULT_ACTIVATION = "gelu"
`;

  it('reads activation= after a tuple argument, with the string alone as the span', () => {
    expectCall(PY, SRC, 'relu', { id: 'relu', framework: 'keras' });
  });

  it("reads tf_keras's hard_sigmoid as Keras 2's (slope 0.2)", () => {
    expectCall(PY, SRC, 'hard_sigmoid', {
      id: 'hardsigmoid',
      framework: 'keras',
      params: { slope: 0.2 },
    });
  });

  it("reads Activation's first argument and activations.get, not a layer's name", () => {
    expectCall(PY, SRC, 'gelu', { id: 'gelu', framework: 'keras', params: EXACT }, 0);
    expectNothing(PY, SRC, 'gelu', 1);
    expectCall(PY, SRC, 'swish', { id: 'silu', framework: 'keras', params: { beta: 1 } });
    expectNothing(PY, SRC, 'relu', 1);
  });

  it('reads a u-prefixed string over its contents', () => {
    expectCall(PY, SRC, 'softmax', { id: 'softmax', framework: 'keras', params: { dim: -1 } });
  });

  it('gives nothing on an initializer, or a constant that is no layer argument (the last token)', () => {
    expectNothing(PY, SRC, 'he_normal');
    expectNothing(PY, SRC, 'gelu', 2);
  });

  it('gives nothing on a string that does not end its argument yet (a call being typed)', () => {
    const typing = `${SRC}\n\ndef unfinished():\n    return layers.Activation("tanh"`;
    expectNothing(PY, typing, 'tanh');
  });
});

describe('Python: PyTorch and transformers activations named by strings', () => {
  const SRC = `"""Encoder weights initialised for the activation the layers use."""
import torch
from torch import nn
from transformers import BertConfig
from transformers.activations import ACT2FN, get_activation

ACTIVATION_NAMES = {"gelu": "GELU", "relu": "ReLU"}


class Encoder(nn.Module):
    def __init__(self, d_model=512):
        super().__init__()
        self.layer = nn.TransformerEncoderLayer(d_model, 8, activation="gelu", batch_first=True)
        self.proj = nn.Linear(d_model, d_model)
        nn.init.kaiming_normal_(self.proj.weight, nonlinearity="relu")
        self.gain = nn.init.calculate_gain("tanh")
        self.act = ACT2FN["gelu_new"]
        self.fast = get_activation("gelu_fast")
        self.label = ACTIVATION_NAMES["relu"]
        self.config = BertConfig(hidden_act="quick_gelu")
`;

  it("reads a Transformer layer's activation as PyTorch's", () => {
    expectCall(PY, SRC, 'gelu', { id: 'gelu', framework: 'pytorch', params: EXACT }, 1);
  });

  it('gives nothing on a nonlinearity named for an initializer or a gain', () => {
    expectNothing(PY, SRC, 'relu', 1);
    expectNothing(PY, SRC, 'tanh');
  });

  it("reads transformers' ACT2FN, get_activation and hidden_act", () => {
    expectCall(PY, SRC, 'gelu_new', { id: 'gelu', framework: 'pytorch', params: TANH });
    expectCall(PY, SRC, 'gelu_fast', { id: 'gelu', framework: 'pytorch', params: TANH });
    expectCall(PY, SRC, 'quick_gelu', { id: 'quick_gelu', framework: 'pytorch' });
  });

  it("gives nothing on a key of the user's own dictionary, where it is written or looked up", () => {
    expectNothing(PY, SRC, 'gelu', 0);
    expectNothing(PY, SRC, 'relu', 0);
    expectNothing(PY, SRC, 'relu', 2);
  });
});

describe('TypeScript: TF.js activations named in config objects', () => {
  const SRC = `import * as tf from '@tensorflow/tfjs';

/** Options a caller may leave out. */
interface HeadOptions {
  units: number;
  activation?: string;
}

/** A dense head that is always ReLU (a type, not a layer). */
type ReluHead = { units: number; activation: 'relu' };

export function head(opts: HeadOptions): tf.layers.Layer[] {
  return [
    tf.layers.conv2d({filters: 8, kernelSize: [3, 3], activation: 'relu'}),
    tf.layers.dense({units: opts.units, activation: opts.activation ?? 'sigmoid'}),
    tf.layers.dense({units: opts.units, activation: opts.activation || 'tanh'}),
    tf.layers.dense({'units': 4, 'activation': 'softmax'}),
    tf.layers.dense({units: 4, activation: 'leakyrelu'}),
    tf.layers.dense({units: 4, kernelInitializer: 'heNormal', name: 'relu'}),
  ];
}
`;
  const TS = 'typescript';

  it('reads activation: after an array, and the fallbacks after ?? and ||', () => {
    expectCall(TS, SRC, 'relu', { id: 'relu', framework: 'tfjs' }, 1);
    expectCall(TS, SRC, 'sigmoid', { id: 'sigmoid', framework: 'tfjs' });
    expectCall(TS, SRC, 'tanh', { id: 'tanh', framework: 'tfjs' });
  });

  it('reads a fallback after a call with several arguments as the activation', () => {
    const src = `import * as tf from '@tensorflow/tfjs';
import { pick } from './options';

export const head = (opts: Record<string, string>) =>
  tf.layers.dense({units: 4, activation: pick(opts, 'activation', 'act') ?? 'elu'});
`;
    expectCall(TS, src, 'elu', { id: 'elu', framework: 'tfjs' });
  });

  it('reads quoted keys as keys', () => {
    expectCall(TS, SRC, 'softmax', { id: 'softmax', framework: 'tfjs', params: { dim: -1 } });
  });

  it("gives nothing on a type's literal, a layer name, or a fused op's name outside a fused op", () => {
    expectNothing(TS, SRC, 'relu', 0);
    expectNothing(TS, SRC, 'relu', 2);
    expectNothing(TS, SRC, 'leakyrelu');
  });
});

describe("TypeScript: TF.js fused ops' leakyrelu and prelu", () => {
  const SRC = `import * as tf from '@tensorflow/tfjs';

export function denseBlock(a: tf.Tensor2D, b: tf.Tensor2D, slopes: tf.Tensor): tf.Tensor2D[] {
  const leakyreluAlpha = 0.1;
  const preluActivationWeights = slopes;
  return [
    tf.fused.matMul({a, b, activation: 'leakyrelu', leakyreluAlpha}),
    tf.fused.matMul({a, b, activation: 'prelu', preluActivationWeights}),
    tf.fused.matMul({a, b, 'activation': 'leakyrelu', 'leakyreluAlpha': 0.3}),
    tf.fused.matMul({a, b, activation: 'leakyrelu'}),
  ];
}
`;
  const TS = 'typescript';

  it("takes the slope from a quoted sibling key, else tf.leakyRelu's 0.2", () => {
    const slope = (n: number): unknown => hover(TS, SRC, 'leakyrelu', n)?.params.negative_slope;
    expectCall(
      TS,
      SRC,
      'leakyrelu',
      {
        id: 'leaky_relu',
        framework: 'tfjs',
        params: { negative_slope: 0.3 },
      },
      1,
    );
    assert.equal(slope(2), 0.2);
  });

  it('reads a shorthand sibling as a value the hover cannot know', () => {
    expectCall(
      TS,
      SRC,
      'leakyrelu',
      {
        id: 'leaky_relu',
        framework: 'tfjs',
        params: { negative_slope: 0.2 },
        nonLiteral: ['negative_slope'],
      },
      0,
    );
    expectCall(TS, SRC, 'prelu', { id: 'prelu', framework: 'tfjs', nonLiteral: ['weight'] });
  });

  it('reads the slope of a fused op still being typed', () => {
    const typing = `import * as tf from '@tensorflow/tfjs';\nconst y = tf.fused.matMul({a, b, activation: 'leakyrelu', leakyreluAlpha: 0.05,`;
    expectCall(TS, typing, 'leakyrelu', {
      id: 'leaky_relu',
      framework: 'tfjs',
      params: { negative_slope: 0.05 },
    });
  });
});

describe("Python: a subclass of PyTorch's PReLU built with its base's keyword arguments", () => {
  // nn.PReLU(num_parameters=1, init=0.25): `init` is the slope a hover shows as the weight.
  const SRC = `"""Activation layers for the image backbone (timm style: classes passed as act_layer)."""
import torch.nn.functional as F
from torch import nn


class PReLU(nn.PReLU):
    """PReLU that accepts (and ignores) inplace, so it can stand where ReLU stands."""

    def __init__(self, num_parameters: int = 1, init: float = 0.25, inplace: bool = False):
        super().__init__(num_parameters=num_parameters, init=init)

    def forward(self, input):
        return F.prelu(input, self.weight)


def make_stem(channels, slope, sizes, overrides):
    act_layer = PReLU
    return nn.Sequential(
        PReLU(num_parameters=channels, init=0.1),
        PReLU(init=slope),
        PReLU(channels, init=0.2),
        PReLU(num_parameters=sizes[0], init=0.3),
        PReLU(init=0.4, **overrides),
        PReLU(
            num_parameters=channels,
            init=0.5,
        ),
    )
`;
  const LEARNED: Expected = { id: 'prelu', framework: 'pytorch', nonLiteral: ['weight'] };

  it('reads the slope given by keyword, also after a subscript and before a trailing comma', () => {
    const slope = (weight: number): Expected => ({
      id: 'prelu',
      framework: 'pytorch',
      params: { weight },
    });
    expectCall(PY, SRC, 'PReLU', slope(0.1), 4);
    expectCall(PY, SRC, 'PReLU', slope(0.3), 7);
    expectCall(PY, SRC, 'PReLU', slope(0.5), 9);
  });

  it('shows a slope given by a variable as one the hover cannot know', () => {
    expectCall(PY, SRC, 'PReLU', LEARNED, 5);
  });

  it("keeps the body's reading when a positional or ** argument may stand for the slope", () => {
    expectCall(PY, SRC, 'PReLU', LEARNED, 6);
    expectCall(PY, SRC, 'PReLU', LEARNED, 8);
  });

  it('reads the class passed uncalled, as timm passes act_layer', () => {
    expectCall(PY, SRC, 'PReLU', LEARNED, 3);
  });
});

// recognizeAt turns an exception into "no hover"; these inputs give no hover either way, so the unguarded
// entry point is what shows the recognizer reading them without tripping over the document's end.
describe('documents that end at a string or are cut off while typed (read without an exception)', () => {
  it('a module constant at the very end of the file', () => {
    const SRC = `"""Defaults shared by the training scripts."""\n\nDEFAULT_ACTIVATION = "gelu"`;
    assert.equal(recognizeUnguarded(SRC, nthOffset(SRC, 'gelu') + 1, PY), undefined);
  });

  it('a config key being typed as the last thing in the file', () => {
    const SRC = `import * as tf from '@tensorflow/tfjs';\n\nconst hidden = tf.layers.dense({units: 64, 'activation'`;
    assert.equal(
      recognizeUnguarded(SRC, nthOffset(SRC, 'activation') + 1, 'typescript'),
      undefined,
    );
  });

  it('a notebook cell that only lists activation names (the list opens the cell)', () => {
    const SRC = `["relu", "gelu", "tanh"]`;
    assert.equal(recognizeUnguarded(SRC, nthOffset(SRC, 'relu') + 1, PY), undefined);
  });

  it('a closure parameter applied with forward (a name with no binding in scope)', () => {
    const SRC = `use candle::{Module, Result, Tensor};
use candle_nn::Linear;

pub fn stack(xs: &Tensor, layers: &[Linear]) -> Result<Tensor> {
    layers.iter().try_fold(xs.clone(), |h, layer| layer.forward(&h))
}
`;
    assert.equal(recognizeUnguarded(SRC, nthOffset(SRC, 'layer.forward') + 1, RS), undefined);
  });
});
