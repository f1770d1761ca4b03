/**
 * Names mean what the code binds them to: local bindings shadow activation names, layers assigned to a
 * name or attribute are that activation, and functions, lambdas and layer classes the code defines are
 * recognized by what their body computes — never by their name — here, in another file of the workspace
 * (through the context's readImport) or in a notebook's earlier cells (the context's preamble).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { recognizeAt, type RecognizeContext } from '../../src/core';
import { expectCall, expectNothing, spanOf } from './recognizeHelpers';

const PY = 'python';

/** What is recognized in the middle of the nth `word`, with a context. */
function hoverWith(
  lang: string,
  text: string,
  word: string,
  nth: number,
  context: RecognizeContext,
) {
  const [s, e] = spanOf(text, word, nth);
  return recognizeAt(text, Math.floor((s + e) / 2), lang, context);
}

describe('bindings shadow activation names', () => {
  it('Julia: σ bound to a number, logσ bound by a tuple assignment', () => {
    const src = `using Flux

function encode(encoder, x)
    μ, logσ = encoder(x)
    σ = 0.2f0
    z = μ .+ σ .* randn(Float32, size(μ))
    return z, logσ(z)
end

m = Dense(10 => 5, σ)
`;
    expectNothing('julia', src, 'σ', 1);
    expectNothing('julia', src, 'logσ', 1);
    // Outside the function the binding is not visible: σ is Flux's sigmoid again.
    expectCall('julia', src, 'σ', { id: 'sigmoid', framework: 'flux' }, 2);
  });

  it('Python: a parameter named sigmoid, a module-level relu = …', () => {
    const src = `from torch.nn.functional import relu, sigmoid


def gate(x, sigmoid):
    return sigmoid(x)


y = sigmoid(h)
relu = make_activation()
z = relu(y)
`;
    expectNothing(PY, src, 'sigmoid', 2);
    expectCall(PY, src, 'sigmoid', { id: 'sigmoid', framework: 'pytorch' }, 3);
    expectNothing(PY, src, 'relu', 2);
  });

  it('a name assigned a layer is that layer; a name assigned a result is not', () => {
    const src = `import torch.nn as nn
import torch.nn.functional as F

act = nn.GELU(approximate="tanh")
h = act(x)
y = F.relu(x)
z = y(x)
`;
    expectCall(
      PY,
      src,
      'act',
      { id: 'gelu', framework: 'pytorch', params: { approximate: 'tanh' } },
      1,
    );
    expectNothing(PY, src, 'y', 1);
  });

  it('JS: a const shadows an imported activation', () => {
    const src =
      "import { relu } from '@tensorflow/tfjs';\n\nfunction f(x) {\n  const relu = (v) => v;\n  return relu(x);\n}\n";
    expectNothing('javascript', src, 'relu', 2);
  });
});

describe('user-defined activations are recognized by their body', () => {
  it('a NumPy sigmoid with a docstring, called later', () => {
    const src = `import numpy as np


def sigmoid(z):
    """The logistic function, elementwise."""
    return 1.0 / (1.0 + np.exp(-z))


def forward(W, x):
    return sigmoid(W @ x)
`;
    const [s, e] = spanOf(src, 'sigmoid', 1);
    const got = recognizeAt(src, s + 2, PY);
    assert.equal(got?.id, 'sigmoid');
    assert.equal(got?.framework, 'numpy');
    assert.deepEqual([got?.start, got?.end], [s, e]);
    assert.deepEqual(got?.definedAt, { line: 4, source: '1.0 / (1.0 + np.exp(-z))' });
  });

  it('a def named relu that computes something else is no activation', () => {
    const src = `import numpy as np


def relu(z):
    return np.maximum(z, 0.1)


def leaky(z):
    return z * 2


y = relu(x) + leaky(x)
`;
    expectNothing(PY, src, 'relu', 1);
    expectNothing(PY, src, 'leaky', 1);
  });

  it('a layer class whose forward wraps a library call, with its parameters', () => {
    const src = `import torch
import torch.nn as nn
import torch.nn.functional as F


class GELUTanh(nn.Module):
    """GELU with the tanh approximation."""

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return F.gelu(x, approximate="tanh")


class Block(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.fc = nn.Linear(d, d)
        self.act = GELUTanh()

    def forward(self, x):
        return self.act(self.fc(x))
`;
    const [s] = spanOf(src, 'act', 1);
    const got = recognizeAt(src, s + 1, PY);
    assert.equal(got?.id, 'gelu');
    assert.equal(got?.params.approximate, 'tanh');
    assert.equal(got?.definedAt?.line, 6);
    assert.equal(got?.definedAt?.source, 'F.gelu(x, approximate="tanh")');
    expectCall(
      PY,
      src,
      'GELUTanh',
      { id: 'gelu', framework: 'pytorch', params: { approximate: 'tanh' } },
      1,
    );
  });

  it('a layer that applies its activation to a temporary is a layer, not an activation', () => {
    const src = `from keras import layers, ops


class LeakyBlock(layers.Layer):
    def __init__(self, units):
        super().__init__()
        self.dense = layers.Dense(units)

    def call(self, inputs):
        h = self.dense(inputs)
        return ops.leaky_relu(h, negative_slope=0.1)


class Leaky(layers.Layer):
    def call(self, inputs):
        return ops.leaky_relu(inputs, negative_slope=0.1)


x = LeakyBlock(64)(x)
y = Leaky()(x)
`;
    expectNothing(PY, src, 'LeakyBlock', 1);
    expectCall(
      PY,
      src,
      'Leaky',
      { id: 'leaky_relu', framework: 'keras', params: { negative_slope: 0.1 } },
      1,
    );
  });

  it('a lambda and a Julia short-form function', () => {
    const py = 'import numpy as np\n\nact = lambda x: np.maximum(0, x)\nh = act(W @ x)\n';
    expectCall(PY, py, 'act', { id: 'relu', framework: 'numpy' }, 1);
    const jl = 'using Flux\n\nmysig(x) = 1 / (1 + exp(-x))\nm = Dense(10 => 5, mysig)\n';
    expectCall('julia', jl, 'mysig', { id: 'sigmoid', framework: 'other' }, 1);
  });

  it('two definitions that disagree are no hover', () => {
    const src = `import numpy as np

if USE_RELU:
    def act(x):
        return np.maximum(0, x)
else:
    def act(x):
        return 1 / (1 + np.exp(-x))

y = act(x)
`;
    expectNothing(PY, src, 'act', 2);
  });
});

describe('attribute calls resolve in the enclosing class', () => {
  it('two classes assign different activations to self.act: each class its own', () => {
    const src = `import torch.nn as nn


class A(nn.Module):
    def __init__(self):
        super().__init__()
        self.act = nn.ReLU()

    def forward(self, x):
        return self.act(x)


class B(nn.Module):
    def __init__(self):
        super().__init__()
        self.act = nn.Tanh()

    def forward(self, x):
        return self.act(x)
`;
    expectCall(PY, src, 'act', { id: 'relu', framework: 'pytorch' }, 1);
    expectCall(PY, src, 'act', { id: 'tanh', framework: 'pytorch' }, 3);
  });
});

describe('context: other files and notebook cells', () => {
  const act = `import math
import torch
from torch import nn


class GELUTanh(nn.Module):
    def forward(self, input: torch.Tensor) -> torch.Tensor:
        return nn.functional.gelu(input, approximate="tanh")


class QuickGELU(nn.Module):
    def forward(self, input):
        return input * torch.sigmoid(1.702 * input)
`;
  const readImport = (spec: string): string | undefined => (spec === '.act' ? act : undefined);

  it('from .act import GELUTanh resolves through readImport', () => {
    const src =
      'from .act import GELUTanh\n\n\nclass MLP:\n    def __init__(self):\n        self.act = GELUTanh()\n';
    const got = hoverWith(PY, src, 'GELUTanh', 1, { readImport });
    assert.equal(got?.id, 'gelu');
    assert.equal(got?.params.approximate, 'tanh');
    assert.deepEqual(got?.definedAt, {
      line: 6,
      source: 'nn.functional.gelu(input, approximate="tanh")',
      module: '.act',
    });
    // Without the context the name is unknown, as before.
    expectNothing(PY, src, 'GELUTanh', 1);
    // A star import reaches the module too.
    const star = 'from .act import *\n\nm = GELUTanh()\n';
    assert.equal(hoverWith(PY, star, 'GELUTanh', 0, { readImport })?.id, 'gelu');
  });

  it('a context that throws or answers garbage costs nothing', () => {
    const src = 'from .act import GELUTanh\nm = GELUTanh()\n';
    const throwing = (): string => {
      throw new Error('disk on fire');
    };
    assert.equal(hoverWith(PY, src, 'GELUTanh', 1, { readImport: throwing }), undefined);
    const garbage = (() => 42) as unknown as (s: string) => string;
    assert.equal(hoverWith(PY, src, 'GELUTanh', 1, { readImport: garbage }), undefined);
  });

  it('a notebook cell uses the imports and definitions of the cells above', () => {
    const preamble =
      'import numpy as np\nimport torch.nn.functional as F\n\ndef sigmoid(z):\n    return 1 / (1 + np.exp(-z))\n';
    const cell = 'h = F.leaky_relu(x, 0.2)\np = sigmoid(h)\n';
    assert.equal(hoverWith(PY, cell, 'leaky_relu', 0, { preamble })?.params.negative_slope, 0.2);
    assert.equal(hoverWith(PY, cell, 'sigmoid', 0, { preamble })?.id, 'sigmoid');
    // Without the cells above, `sigmoid` is just a name.
    expectNothing(PY, cell, 'sigmoid');
  });
});

describe('members declared in a type, called through the instance', () => {
  it('burn: a struct field declared as an activation module, per struct', () => {
    const src = `use burn::nn::{Gelu, Relu};
use burn::prelude::*;

#[derive(Module, Debug)]
pub struct Encoder {
    activation: Gelu,
}

#[derive(Module, Debug)]
pub struct Decoder {
    activation: Relu,
}

impl Encoder {
    pub fn forward<B: Backend>(&self, x: Tensor<B, 2>) -> Tensor<B, 2> {
        self.activation.forward(x)
    }
}

impl Decoder {
    pub fn forward<B: Backend>(&self, x: Tensor<B, 2>) -> Tensor<B, 2> {
        self.activation.forward(x)
    }
}
`;
    expectCall(
      'rust',
      src,
      'activation',
      { id: 'gelu', framework: 'burn', params: { approximate: 'none' } },
      2,
    );
    expectCall('rust', src, 'activation', { id: 'relu', framework: 'burn' }, 3);
    expectNothing('rust', src, 'activation', 0); // the declaration itself
  });

  it('burn: a field built with a config builder in the constructor', () => {
    const src = `use burn::nn::{LeakyRelu, LeakyReluConfig};

pub struct Block {
    act: LeakyRelu,
}

impl Block {
    pub fn new() -> Self {
        Self { act: LeakyReluConfig::new().with_negative_slope(0.2).init() }
    }

    pub fn forward(&self, x: Tensor<B, 2>) -> Tensor<B, 2> {
        self.act.forward(x)
    }
}
`;
    const got = hoverWith('rust', src, 'act', 2, {});
    assert.equal(got?.id, 'leaky_relu');
  });

  it('LibTorch: class members called with -> and as functions; other members are not activations', () => {
    const src = `#include <torch/torch.h>

struct Net : torch::nn::Module {
  torch::Tensor forward(torch::Tensor x) {
    x = relu->forward(fc->forward(x));
    return act(x);
  }
  torch::nn::Linear fc{nullptr};
  torch::nn::ReLU relu{nullptr};
  torch::nn::GELU act;
};
`;
    expectCall('cpp', src, 'relu', { id: 'relu', framework: 'libtorch' });
    expectCall('cpp', src, 'act', {
      id: 'gelu',
      framework: 'libtorch',
      params: { approximate: 'none' },
    });
    expectNothing('cpp', src, 'fc');
  });

  it('TF.js: this.act set in the constructor, applied in call', () => {
    const src = `import * as tf from '@tensorflow/tfjs';

class Block extends tf.layers.Layer {
  constructor() {
    super({});
    this.dense = tf.layers.dense({units: 8});
    this.act = tf.layers.leakyReLU({alpha: 0.1});
  }

  call(x) {
    return this.act.apply(this.dense.apply(x));
  }
}
`;
    expectCall(
      'javascript',
      src,
      'act',
      { id: 'leaky_relu', framework: 'tfjs', params: { negative_slope: 0.1 } },
      1,
    );
    expectNothing('javascript', src, 'dense', 1);
  });
});
