/**
 * Survivors of imports, configStrings, definitions, activationStrings and literals (the runs on a744a03),
 * and the bugs found on the way: a transformers configuration's unannotated `*_activation` defaults (also
 * Keras-shaped ones, `classifier_activation="tanh"`) and a triple-quoted default, a destructured `require`
 * after a statement that ends in a bracket (semicolon-free JavaScript) and while a pattern is still being
 * typed, Julia method extensions (`NNlib.relu(x::Dual) = …`), short forms behind a macro at a file's start,
 * after `local` or behind a module-qualified macro, a Keras layer's `name` given before its activation, and
 * a slope still being typed at a file's end.
 *
 * Expected values come from the frameworks' documentation and the languages' rules: transformers' ACT2FN
 * maps "gelu" to the exact GELU, "gelu_new" to its tanh approximation and "tanh" to `nn.Tanh`, and a
 * configuration's activation parameters (Wav2Vec2Config's `feat_extract_activation`) are read through it;
 * TF.js `leakyRelu(x, alpha)` is a leaky ReLU with that slope; a destructuring `const { a, b: c } =
 * require(m)` binds `a` to `m.a` and `c` to `m.b`; in Julia `NNlib.relu(x::Dual) = …` adds a method to
 * NNlib's relu (a `relu` passed to `Dense` is still NNlib's), and `@inline f(x) = …`, `local f(x) = …` and
 * `Base.@propagate_inbounds f(x) = …` define `f` as `f(x) = …` does; Keras' `Activation(activation,
 * **kwargs)` takes a layer's `name` among its keyword arguments, which names the layer, not its function;
 * PyTorch's `LeakyReLU` is the layer whatever its argument, which is no literal until it is closed.
 */
import assert from 'node:assert/strict';
import { recognizeAt } from '../../src/core';
import { expectCall, expectNothing, nthOffset } from './recognizeHelpers';

const PY = 'python';
const JS = 'javascript';
const JL = 'julia';

describe('transformers configuration: an unannotated `*_activation` default of `__init__`', () => {
  const SRC = `"""Configuration of a small speech encoder, in the layout of transformers' own configurations."""
from transformers import PretrainedConfig


class TinySpeechConfig(PretrainedConfig):
    model_type = "tiny-speech"

    def __init__(
        self,
        hidden_size=256,
        num_hidden_layers=4,
        feat_extract_activation="gelu",
        adapter_proj_activation="gelu_new",
        **kwargs,
    ):
        super().__init__(**kwargs)
        self.hidden_size = hidden_size
        self.feat_extract_activation = feat_extract_activation
        self.adapter_proj_activation = adapter_proj_activation
`;

  it('reads the default through ACT2FN, as Wav2Vec2Config’s feat_extract_activation', () => {
    expectCall(PY, SRC, 'gelu', {
      id: 'gelu',
      framework: 'pytorch',
      params: { approximate: 'none' },
    });
    expectCall(PY, SRC, 'gelu_new', {
      id: 'gelu',
      framework: 'pytorch',
      params: { approximate: 'tanh' },
    });
  });
});

describe('JavaScript without semicolons: a destructured require after a call', () => {
  const SRC = `'use strict'

require('dotenv').config()
const { leakyRelu, elu: expLinear } = require('@tensorflow/tfjs')

function head(x) {
  return expLinear(leakyRelu(x, 0.3))
}

module.exports = { head }
`;

  it('binds the names it lists though the statement before ends in `)`', () => {
    expectCall(
      JS,
      SRC,
      'leakyRelu',
      { id: 'leaky_relu', framework: 'tfjs', params: { negative_slope: 0.3 } },
      1,
    );
    expectCall(JS, SRC, 'expLinear', { id: 'elu', framework: 'tfjs' }, 1);
  });
});

describe('JavaScript: a destructuring still being typed at the end of the file', () => {
  const SRC = `const tf = require('@tensorflow/tfjs')

function head(x) {
  return tf.relu(x)
}

const {
`;

  it('the earlier require is read as before', () => {
    expectCall(JS, SRC, 'relu', { id: 'relu', framework: 'tfjs', params: {} });
  });
});

describe('Julia: a method added to an NNlib activation is no function of the file’s own', () => {
  const SRC = `using Flux
using ForwardDiff: Dual, value

# At the kinks, pick one side's derivative for dual numbers instead of NaN.
NNlib.relu(x::Dual) = value(x) > 0 ? x : zero(x)
NNlib.hardtanh(x::Dual) = -1 < value(x) < 1 ? x : sign(value(x)) * one(x)

model = Chain(Dense(2 => 8, relu), Dense(8 => 1, hardtanh))
`;

  it('`relu` and `hardtanh` passed to Dense are NNlib’s', () => {
    expectCall(JL, SRC, 'relu', { id: 'relu', framework: 'flux', params: {} }, 1);
    expectCall(JL, SRC, 'hardtanh', { id: 'hardtanh', framework: 'flux' }, 1);
  });
});

describe('Julia: an included file that opens with `@inline f(x) = …`', () => {
  const SRC = `# Activations shared by this package's models; included from Models.jl.
@inline mysig(x) = 1 / (1 + exp(-x))

const DEFAULT_HEAD = Dense(3 => 1, mysig)
`;

  it('`mysig` is the logistic sigmoid it computes', () => {
    expectCall(JL, SRC, 'mysig', { id: 'sigmoid', framework: 'other', params: {} }, 1);
  });
});

describe('Keras: an Activation layer whose `name` comes first', () => {
  const SRC = `import keras
from keras import layers


def stem(inputs, filters=32):
    x = layers.Conv2D(filters, 3, strides=2, padding="same", use_bias=False)(inputs)
    x = layers.BatchNormalization()(x)
    # Named after the function, so the exported graph reads "swish" at this node.
    return layers.Activation(name="swish", activation="swish")(x)
`;

  it('the layer’s name is no activation; its activation is Keras’ swish', () => {
    expectNothing(PY, SRC, 'swish', 1);
    expectCall(PY, SRC, 'swish', { id: 'silu', framework: 'keras' }, 2);
  });
});

describe('PyTorch: a slope still being typed at the end of the file', () => {
  const SRC = `import torch.nn as nn

# The stem's activation; its slope is being written.
stem_act = nn.LeakyReLU((0.1
`;

  it('the layer is still PyTorch’s LeakyReLU, its slope not yet a literal', () => {
    const got = recognizeAt(SRC, nthOffset(SRC, 'LeakyReLU') + 2, PY);
    assert.deepEqual(got && [got.id, got.framework, got.nonLiteral], [
      'leaky_relu',
      'pytorch',
      ['negative_slope'],
    ]);
  });
});

describe('Julia: a short form after `local` or a module-qualified macro is a definition', () => {
  const LOCAL = `using Flux

function build_head(n)
    # A helper of this builder only: the logistic function, written out.
    local squash(x) = 1 / (1 + exp(-x))
    return Chain(Dense(n => 3, squash), Dense(3 => 1))
end
`;
  const QUALIFIED = `using Flux

# Indexing inside is checked by the caller.
Base.@propagate_inbounds squash(x) = 1 / (1 + exp(-x))

head = Chain(Dense(4 => 3, squash), Dense(3 => 1))
`;

  it('`local squash(x) = …` is the logistic sigmoid it computes', () => {
    expectCall(JL, LOCAL, 'squash', { id: 'sigmoid', framework: 'other', params: {} }, 1);
  });

  it('`Base.@propagate_inbounds squash(x) = …` is the logistic sigmoid it computes', () => {
    expectCall(JL, QUALIFIED, 'squash', { id: 'sigmoid', framework: 'other', params: {} }, 1);
  });
});

describe('transformers configuration: a Keras-shaped `*_activation` default and a triple-quoted one', () => {
  const SRC = `from transformers import PretrainedConfig


class TinyVisionConfig(PretrainedConfig):
    model_type = "tiny-vision"

    def __init__(self, image_size=224, classifier_activation="tanh", hidden_act: str = """gelu""", **kwargs):
        super().__init__(**kwargs)
        self.classifier_activation = classifier_activation
        self.hidden_act = hidden_act
`;

  it('an unannotated `classifier_activation` of a Config’s `__init__` is ACT2FN’s, as an annotated one', () => {
    expectCall(PY, SRC, 'tanh', { id: 'tanh', framework: 'pytorch' });
  });

  it('a triple-quoted default is spanned on its text', () => {
    expectCall(PY, SRC, 'gelu', {
      id: 'gelu',
      framework: 'pytorch',
      params: { approximate: 'none' },
    });
  });
});
