/**
 * Activations named by strings where a layer is configured, and the literal values read from arguments:
 * which calls and keywords take an activation by name (Keras `activation=` and `Activation(…)`, PyTorch's
 * Transformer layers, TF.js config objects and fused ops, transformers' `ACT2FN[…]` and `hidden_act=`),
 * which strings are only look-alikes, the span of a string's contents, and the value of a fraction.
 *
 * Expected values come from outside our code: the frameworks' documentation (Keras' and tf.keras' activation
 * names, `torch.nn.TransformerEncoderLayer(activation="relu" | "gelu")`, tfjs-layers' activation
 * identifiers, `tf.fused.matMul`'s `leakyreluAlpha` with tf.leakyRelu's default 0.2, transformers' ACT2CLS
 * table, GemmaConfig's `hidden_activation`, `keras.activations.get(identifier)` and
 * `get_activation(activation_string)`), PyTorch's defaults (`nn.RReLU(lower=1/8, upper=1/3)`), and
 * the languages' rules (Python's `/` is left-associative, so `1 / 5 / 2` is 0.1; a triple-quoted string's
 * contents start after its three quotes). "No hover" where the string names something else.
 */
import { expectCall, expectNothing } from './recognizeHelpers';

const PY = 'python';
const TS = 'typescript';

describe('TypeScript: a string inside its value is no activation, unless it is a fallback', () => {
  // A union of literal types lists the names a config may hold; no layer is configured there.
  const SRC = `import * as tf from '@tensorflow/tfjs';

/** The activations this block accepts, as tfjs-layers spells them. */
export interface BlockOptions {
  units: number;
  kernel: { activation: 'relu' | 'elu' };
  gate: {activation: 'sigmoid'|'hardSigmoid'};
}

export function block(opts: BlockOptions): tf.layers.Layer {
  return tf.layers.dense({units: opts.units, activation: opts.kernel.activation ?? 'relu'});
}
`;

  it('gives nothing on the second member of a union, spaced or not', () => {
    expectNothing(TS, SRC, 'elu');
    expectNothing(TS, SRC, 'hardSigmoid');
  });

  it('still reads the fallback after ??', () => {
    expectCall(TS, SRC, 'relu', { id: 'relu', framework: 'tfjs' }, 1);
  });
});

describe("TypeScript: 'leakyrelu' is a fused op's name only inside tf.fused's call", () => {
  // tfjs-layers has no 'leakyrelu' identifier (its layer is tf.layers.leakyReLU): outside
  // tf.fused.matMul / conv2d / depthwiseConv2d the string configures nothing.
  const SRC = `import * as tf from '@tensorflow/tfjs';
import { denseBlock, type DenseBlockOptions } from './blocks';

export function buildHead(fused: { options?: DenseBlockOptions }, inputs: tf.SymbolicTensor) {
  const options = fused.options !== undefined ? fused.options : {units: 8, activation: 'leakyrelu'};
  const block = denseBlock(options);
  return block.apply(inputs);
}

export function buildTrunk(inputs: tf.SymbolicTensor) {
  const fused = denseBlock({units: 32, activation: 'leakyrelu'});
  return fused.apply(inputs);
}
`;

  it('gives nothing on an options object chosen next to a field of a variable named fused', () => {
    expectNothing(TS, SRC, 'leakyrelu', 0);
  });

  it('gives nothing on the options of a call assigned to a variable named fused', () => {
    expectNothing(TS, SRC, 'leakyrelu', 1);
  });
});

describe("TypeScript: a fused op's options long enough that the first window starts inside them", () => {
  // tf.fused.matMul({a, b, transposeA, transposeB, bias, activation, leakyreluAlpha}); tf.leakyRelu's
  // alpha defaults to 0.2. Each object opens 64 down to 61 tokens before its 'leakyrelu'.
  const SRC = `import * as tf from '@tensorflow/tfjs';

/** The encoder's dense step, fused: matmul, bias and activation in one kernel. */
export function encoderStep(inputs: tf.Tensor3D, kernel: tf.Tensor2D, bias: tf.Tensor1D): tf.Tensor2D {
  const [batch, steps, width] = inputs.shape;
  return tf.fused.matMul({
    a: tf.reshape(inputs, [batch * steps, width]) as tf.Tensor2D,
    b: kernel,
    transposeA: false,
    transposeB: false,
    bias: tf.add(bias, tf.scalar(0.01)).reshape([kernel.shape[1]]),
    activation: 'leakyrelu',
    leakyreluAlpha: 0.1,
  });
}

/** The decoder's step: its kernel is stored transposed. */
export function decoderStep(inputs: tf.Tensor3D, kernel: tf.Tensor2D, bias: tf.Tensor1D): tf.Tensor2D {
  const width = inputs.shape[2];
  return tf.fused.matMul({
    a: tf.reshape(inputs, [-1, width]) as tf.Tensor2D,
    b: kernel,
    transposeA: false,
    transposeB: true,
    bias: tf.add(bias, tf.scalar(0.01)).reshape([kernel.shape[0]]),
    activation: 'leakyrelu',
  });
}

/** The projection of the pooled features. */
export function poolStep(pooled: tf.Tensor3D, kernel: tf.Tensor2D, bias: tf.Tensor1D): tf.Tensor2D {
  const [batch, , width] = pooled.shape;
  const units = kernel.shape[1];
  return tf.fused.matMul({
    a: tf.reshape(pooled.mean(1), [batch, width]) as tf.Tensor2D,
    b: kernel,
    transposeA: false,
    transposeB: false,
    bias: tf.add(bias, tf.scalar(0.01)).reshape([units]),
    activation: 'leakyrelu',
    leakyreluAlpha: 0.3,
  });
}

/** The head: one logit per class, from the flattened features. */
export function headStep(features: tf.Tensor3D, kernel: tf.Tensor2D, bias: tf.Tensor1D): tf.Tensor2D {
  const [batch, steps, width] = features.shape;
  return tf.fused.matMul({
    a: tf.reshape(features, [batch, steps * width]) as tf.Tensor2D,
    b: kernel,
    transposeA: false,
    transposeB: false,
    bias: tf.add(bias, tf.scalar(-0.01)).reshape([-1]),
    activation: 'leakyrelu',
    leakyreluAlpha: 0.05,
  });
}
`;

  it("reads each fused op's slope, or tf.leakyRelu's default", () => {
    const slopes = [0.1, 0.2, 0.3, 0.05];
    slopes.forEach((slope, n) => {
      expectCall(
        TS,
        SRC,
        'leakyrelu',
        { id: 'leaky_relu', framework: 'tfjs', params: { negative_slope: slope } },
        n,
      );
    });
  });
});

describe('Julia: a Hugging Face name in Julia is the program’s own string', () => {
  // ACT2FN and hidden_act are transformers' (Python) names; a Julia port's Dict and NamedTuple
  // hold the program's own strings, whatever NNlib function they are later mapped to.
  const SRC = `"""
Reads a Hugging Face checkpoint's settings and picks the matching NNlib activation.
"""
module HFSettings

using NNlib: gelu, relu, swish

const ACT2FN = Dict("gelu" => gelu, "relu" => relu, "silu" => swish)
const FALLBACK = ACT2FN["relu"]
const TINY = (hidden_size = 128, hidden_act = "silu")

activation(settings) = get(ACT2FN, settings.hidden_act, FALLBACK)

end
`;

  it('gives nothing on an ACT2FN lookup', () => {
    expectNothing('julia', SRC, 'relu', 3);
  });

  it('gives nothing on hidden_act in a NamedTuple', () => {
    expectNothing('julia', SRC, 'silu', 1);
  });
});

describe('Python: the callee of a string named by a keyword', () => {
  it("reads a Transformer layer at a statement's start (a notebook cell's last line) as PyTorch's", () => {
    // torch.nn.TransformerEncoderLayer(..., activation="relu" | "gelu"): the exact erf GELU.
    const src = `# %% [markdown]
# A single encoder layer, printed to check its settings.

# %%
import torch
from torch import nn

nn.TransformerEncoderLayer(d_model=64, nhead=4, dim_feedforward=128, activation="gelu")
`;
    expectCall(PY, src, 'gelu', {
      id: 'gelu',
      framework: 'pytorch',
      params: { approximate: 'none' },
    });
  });

  it('gives nothing on a keyword of a call through a registry (the callee is not named)', () => {
    const src = `"""Blocks chosen by name from the config; each block takes its own activation."""
from torch import nn

from .blocks import ConvBlock, MLPBlock

BLOCKS = {"conv": ConvBlock, "mlp": MLPBlock}


class Stage(nn.Module):
    def __init__(self, kind: str, dim: int):
        super().__init__()
        self.block = BLOCKS[kind](dim, activation="gelu")

    def forward(self, x):
        return self.block(x)
`;
    expectNothing(PY, src, 'gelu');
  });
});

describe('Python: look-alikes of activations.get and Activation', () => {
  const SRC = `"""Records what each named layer outputs, for the activation-statistics notebook."""
import torch
from torch import nn


class Recorder:
    def __init__(self, model: nn.Module):
        self.activations = {}
        for name, module in model.named_children():
            module.register_forward_hook(self.hook(name))
        self.activations.setdefault("relu", [])

    def hook(self, name):
        def record(module, inputs, output):
            self.activations.setdefault(name, []).append(output.detach())

        return record


def activation_names(config: dict) -> list:
    activations = config.get("activations", {})
    return [activations.get(i, "tanh") for i in range(config["depth"])]
`;

  it('gives nothing on the key of a dictionary of recorded outputs named activations', () => {
    expectNothing(PY, SRC, 'relu', 0);
  });

  it("gives nothing on the default of a dictionary's get (the second argument)", () => {
    expectNothing(PY, SRC, 'tanh');
  });
});

describe('C++: a hexadecimal literal with a two-letter suffix', () => {
  it('reads 0x1LL as 1', () => {
    // C++: an integer literal's suffix may be ll/LL/ul/ULL; 0x1LL is the long long 1.
    const src = `// Generated by the exporter: every integer is written in hexadecimal.
#include <torch/torch.h>

torch::Tensor gate(const torch::Tensor& x) {
  return torch::glu(x, 0x1LL);
}
`;
    expectCall('cpp', src, 'glu', { id: 'glu', framework: 'libtorch', params: { dim: 1 } });
  });
});

describe('bugs fixed: fractions of literals are read as the language computes them', () => {
  const SRC = `"""Discriminator with the slopes written as the paper states them."""
import torch.nn.functional as F
from torch import nn


class Discriminator(nn.Module):
    def __init__(self, width=128):
        super().__init__()
        self.conv = nn.Conv2d(3, width, 4, stride=2)
        # The randomized slope is drawn from [1/8, 1/3] by default; this model halves the lower bound.
        self.act = nn.RReLU(lower=(1 / 8) / 2, upper=(1)/(3))
        self.skip_act = nn.LeakyReLU(1 / (100 / 2))  # one fiftieth
        self.head = nn.Linear(width, 1)

    def forward(self, x):
        h = F.leaky_relu(self.conv(x), 1 / 5 / 2)
        return self.head(self.act(h).flatten(1))
`;

  it('divides from the left: 1 / 5 / 2 is 0.1', () => {
    expectCall(PY, SRC, 'leaky_relu', {
      id: 'leaky_relu',
      framework: 'pytorch',
      params: { negative_slope: 0.1 },
    });
  });

  it('divides by a parenthesized fraction as a whole: 1 / (100 / 2) is 0.02', () => {
    expectCall(PY, SRC, 'LeakyReLU', {
      id: 'leaky_relu',
      framework: 'pytorch',
      params: { negative_slope: 0.02 },
    });
  });

  it('reads a parenthesized numerator and denominator', () => {
    expectCall(PY, SRC, 'RReLU', {
      id: 'rrelu',
      framework: 'pytorch',
      params: { lower: 1 / 16, upper: 1 / 3 },
    });
  });
});

describe('bugs fixed: a string named by a transformers keyword, and a triple-quoted string', () => {
  it("reads GemmaConfig's hidden_activation as transformers' name, not as a Keras string", () => {
    const src = `"""A tiny Gemma for the tokenizer pipeline's tests."""
from transformers import GemmaConfig, GemmaForCausalLM

config = GemmaConfig(
    vocab_size=1024,
    hidden_size=64,
    intermediate_size=128,
    num_hidden_layers=2,
    hidden_activation="gelu_pytorch_tanh",
)
model = GemmaForCausalLM(config)
`;
    expectCall(PY, src, 'gelu_pytorch_tanh', {
      id: 'gelu',
      framework: 'pytorch',
      params: { approximate: 'tanh' },
    });
  });

  it("spans a triple-quoted string's contents, after its three quotes", () => {
    const src = `"""Output head generated from a template (the template quotes every string three times)."""
import keras
from keras import layers


def head(num_classes):
    return layers.Dense(num_classes, activation="""softmax""")
`;
    expectCall(PY, src, 'softmax', { id: 'softmax', framework: 'keras', params: { dim: -1 } });
  });
});

describe('bugs fixed: a lookup by name given its name by keyword', () => {
  // keras.activations.get(identifier); transformers.activations.get_activation(activation_string), whose
  // "gelu_new" is the tanh approximation.
  const SRC = `"""Activations looked up by name, with the keyword spelled out."""
import keras
from transformers.activations import get_activation

gate = keras.activations.get(identifier="hard_sigmoid")
mlp_act = get_activation(activation_string="gelu_new")
`;

  it("reads keras.activations.get's identifier", () => {
    expectCall(PY, SRC, 'hard_sigmoid', {
      id: 'hardsigmoid',
      framework: 'keras',
      params: { slope: 1 / 6 },
    });
  });

  it("reads get_activation's activation_string", () => {
    expectCall(PY, SRC, 'gelu_new', {
      id: 'gelu',
      framework: 'pytorch',
      params: { approximate: 'tanh' },
    });
  });
});
