/**
 * Python as real projects write it (issue #9 §2, §3, §5): names in import statements, tf.keras 2's backend
 * and its Keras generation, activations made by name (`get_activation`, `ACT2FN[…]`, `Activation("…")`),
 * class-level fields, Hugging Face configuration defaults, layers built and applied in a body, bindings in
 * branches and below a function, parameters of user definitions (defaults, a call's own arguments), and
 * PyTorch's `inplace` branches. Each positive shape has a look-alike beside it that must stay unhovered.
 *
 * Expected values come from the frameworks' docs and sources: tf.keras 2 `backend.relu(x, alpha=0.0,
 * max_value=None, threshold=0.0)` and `hard_sigmoid` = clip(0.2x + 0.5, 0, 1); transformers' ACT2CLS
 * ("gelu" is the exact erf GELU, "gelu_pytorch_tanh"/"gelu_new" the tanh approximation, "silu" nn.SiLU);
 * flax.linen's `gelu(x, approximate=True)`; numpy's `maximum`/`where` formulas as the catalogue defines them.
 */
import assert from 'node:assert/strict';
import { recognizeAt, type RecognizeContext } from '../../src/core';
import { expectCall, expectNothing, hover, spanOf } from './recognizeHelpers';

const PY = 'python';

describe('Python: names in an import statement are declarations', () => {
  const src = `from .activations import GELUTanh, QuickGELU
from torch.nn.functional import gelu, relu as rectify


class QuickGELU:
    def forward(self, x):
        return x * torch.sigmoid(1.702 * x)


def block(x):
    return rectify(x) + gelu(x) + QuickGELU()(x)
`;

  it('no hover on the imported names, whole file or on the line alone', () => {
    expectNothing(PY, src, 'GELUTanh');
    expectNothing(PY, src, 'QuickGELU');
    expectNothing(PY, src, 'gelu');
    expectNothing(PY, src, 'rectify');
    const line = 'from .activations import GELUTanh, QuickGELU\n';
    expectNothing(PY, line, 'QuickGELU');
  });

  it('the same names are hovered where the code uses them', () => {
    expectCall(PY, src, 'rectify', { id: 'relu', framework: 'pytorch' }, 1);
    expectCall(PY, src, 'gelu', { id: 'gelu', framework: 'pytorch' }, 1);
  });
});

describe('Python: tf.keras 2 backend functions and the Keras generation', () => {
  const tf2 = `import tensorflow as tf
from tensorflow.keras import backend as K
from tensorflow.keras import layers


def head(x):
    y = K.relu(x, alpha=0.0, max_value=6.0)
    z = K.hard_sigmoid(y)
    w = layers.ReLU()(z)
    return K.softmax(w, axis=-1)
`;

  it('K.relu, K.hard_sigmoid, K.softmax with tf.keras 2 defaults, marked tf.keras 2', () => {
    expectCall(PY, tf2, 'relu', {
      id: 'relu',
      framework: 'keras',
      params: { negative_slope: 0, max_value: 6, threshold: 0 },
    });
    expectCall(PY, tf2, 'hard_sigmoid', {
      id: 'hardsigmoid',
      framework: 'keras',
      params: { slope: 0.2 },
    });
    expectCall(PY, tf2, 'softmax', { id: 'softmax', framework: 'keras', params: { dim: -1 } });
    assert.equal(hover(PY, tf2, 'relu')?.tfKeras, true);
    assert.equal(hover(PY, tf2, 'ReLU')?.tfKeras, true);
  });

  it('Keras 3 code is not marked, and Keras 3 has no backend activations', () => {
    const k3 = `import keras
import tensorflow as tf
from keras import backend as K
from keras import layers

y = layers.ReLU()(x)
z = K.relu(x)
`;
    const relu = hover(PY, k3, 'ReLU');
    assert.equal(relu?.id, 'relu');
    assert.equal(relu?.tfKeras, undefined);
    expectNothing(PY, k3, 'relu', 0);
  });

  it('other frameworks are never marked', () => {
    const pt = 'import tensorflow as tf\nimport torch\ny = torch.relu(x)\n';
    assert.equal(hover(PY, pt, 'relu')?.tfKeras, undefined);
  });
});

describe('Python: attributes made by name and class-level fields', () => {
  const hf = `from torch import nn
from .activations import ACT2FN, get_activation


class Mlp(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.act_fn = get_activation("silu")
        self.transform = ACT2FN["gelu_new"]
        self.chosen = ACT2FN[config.hidden_act]
        self.named = get_activation(config.act)

    def forward(self, x):
        x = self.transform(self.act_fn(x))
        return self.named(self.chosen(x))
`;

  it('get_activation("silu") and ACT2FN["gelu_new"] make the attribute that activation', () => {
    expectCall(PY, hf, 'act_fn', { id: 'silu', framework: 'pytorch' }, 1);
    expectCall(
      PY,
      hf,
      'transform',
      {
        id: 'gelu',
        framework: 'pytorch',
        params: { approximate: 'tanh' },
      },
      1,
    );
  });

  it('a name chosen at run time (ACT2FN[config.hidden_act]) is no hover', () => {
    expectNothing(PY, hf, 'chosen', 1);
    expectNothing(PY, hf, 'named', 1);
  });

  it('Keras: self.act = layers.Activation("sigmoid"), then self.act(b)', () => {
    const src = `import keras
from keras import layers


class Gated(layers.Layer):
    def __init__(self):
        super().__init__()
        self.act = layers.Activation("sigmoid")
        self.out = layers.Dense(4)

    def call(self, a, b):
        return self.out(a * self.act(b))
`;
    expectCall(PY, src, 'act', { id: 'sigmoid', framework: 'keras' }, 1);
    expectNothing(PY, src, 'out', 1);
  });

  it('Flax: a field declared in the class body (act_fn: Callable = nn.gelu)', () => {
    const src = `from typing import Callable
from flax import linen as nn


class MlpBlock(nn.Module):
    mlp_dim: int
    act_fn: Callable = nn.gelu
    norm_fn: Callable = make_norm()

    @nn.compact
    def __call__(self, x):
        x = self.act_fn(nn.Dense(self.mlp_dim)(x))
        return self.norm_fn(x)


class Other(nn.Module):
    @nn.compact
    def __call__(self, x):
        return self.act_fn(x)
`;
    expectCall(
      PY,
      src,
      'act_fn',
      {
        id: 'gelu',
        framework: 'flax',
        params: { approximate: 'tanh' },
      },
      1,
    );
    expectNothing(PY, src, 'norm_fn', 1);
    // Another class does not see MlpBlock's field.
    expectNothing(PY, src, 'act_fn', 2);
  });
});

describe('Python: Hugging Face configuration defaults', () => {
  const src = `from .configuration_utils import PretrainedConfig


class TinyConfig(PretrainedConfig):
    def __init__(
        self,
        hidden_act: str = "gelu",
        classifier_activation: str = "tanh",
        model_type: str = "relu",
        **kwargs,
    ):
        super().__init__(**kwargs)


class GemmaLike(PretrainedConfig):
    def __init__(self, hidden_size=256, hidden_activation="gelu_pytorch_tanh", **kwargs):
        super().__init__(**kwargs)


class Settings:
    def __init__(self, classifier_activation: str = "tanh", **kwargs):
        self.classifier_activation = classifier_activation
`;

  it('hidden_act, hidden_activation and a Config class’s *_activation parameters', () => {
    expectCall(PY, src, 'gelu', {
      id: 'gelu',
      framework: 'pytorch',
      params: { approximate: 'none' },
    });
    expectCall(PY, src, 'tanh', { id: 'tanh', framework: 'pytorch' });
    expectCall(PY, src, 'gelu_pytorch_tanh', {
      id: 'gelu',
      framework: 'pytorch',
      params: { approximate: 'tanh' },
    });
  });

  it('on the line alone: an annotated parameter with its trailing comma', () => {
    const line = '        hidden_act: str = "gelu",\n';
    expectCall(PY, line, 'gelu', { id: 'gelu', framework: 'pytorch' });
  });

  it('look-alikes: another parameter, a class that is no configuration, a dataclass field', () => {
    expectNothing(PY, src, 'relu');
    expectNothing(PY, src, 'tanh', 1);
    const fields = `from dataclasses import dataclass


@dataclass
class ModelArgs:
    hidden_activation: str = "silu"
    hidden_act: str = "gelu"
`;
    expectNothing(PY, fields, 'silu');
    expectNothing(PY, fields, 'gelu');
  });
});

describe('Python: a layer built and applied in a function body', () => {
  const src = `from keras import layers


def relu(x):
    return layers.ReLU()(x)


def hard_swish(x):
    return layers.Activation("hard_swish")(x)


def dense(x):
    return layers.Dense(8)(x)


def other(x, h):
    return layers.ReLU()(h)


def build(x):
    x = relu(x)
    x = hard_swish(x)
    x = dense(x)
    return other(x, x)
`;

  it('the function is the activation of the layer it applies to its input', () => {
    expectCall(PY, src, 'relu', { id: 'relu', framework: 'keras' }, 1);
    expectCall(PY, src, 'hard_swish', { id: 'hardswish', framework: 'keras' }, 1);
  });

  it('a layer that is no activation, or applied to something else, is no hover', () => {
    expectNothing(PY, src, 'dense', 1);
    expectNothing(PY, src, 'other', 1);
  });
});

describe('Python: bindings in branches and below a function', () => {
  it('if/else bindings must agree', () => {
    const src = `import torch.nn.functional as F


def build(x, small, deep):
    if small:
        act = F.relu
    else:
        act = F.hardswish
    y = act(x)
    if deep:
        gate = F.sigmoid
    else:
        gate = F.sigmoid
    z = gate(y)
    act = F.gelu
    return act(z)
`;
    expectNothing(PY, src, 'act', 2);
    expectCall(PY, src, 'gate', { id: 'sigmoid', framework: 'pytorch' }, 2);
    expectCall(PY, src, 'act', { id: 'gelu', framework: 'pytorch' }, 4);
  });

  it('a function reads a module-level binding made below it', () => {
    const src = `from .activations import get_activation


class Clipped:
    def forward(self, x):
        return torch.clip(gelu(x), -10, 10) + swish(x)


gelu = get_activation("gelu")
swish = get_activation("silu")
swish = get_activation("relu")
`;
    expectCall(PY, src, 'gelu', {
      id: 'gelu',
      framework: 'pytorch',
      params: { approximate: 'none' },
    });
    // Bound twice below: which one the function sees depends on when it runs.
    expectNothing(PY, src, 'swish');
  });

  it('module-level code before the binding does not see it', () => {
    const src = `from .activations import get_activation

y = gelu(x)
gelu = get_activation("gelu")
`;
    expectNothing(PY, src, 'gelu');
  });
});

describe('Python: user definitions read their parameters', () => {
  const src = `import numpy as np


def leaky(x, a=0.3):
    return np.maximum(a * x, x)


def scaled(x, a=2.0):
    return a * x


def run(v, slope):
    p = leaky(v)
    q = leaky(v, 0.1)
    r = leaky(v, a=0.05)
    s = leaky(v, slope)
    t = scaled(v)
    return p, q, r, s, t
`;

  it('a literal default is the parameter; a call’s literal argument overrides it', () => {
    expectCall(
      PY,
      src,
      'leaky',
      {
        id: 'leaky_relu',
        framework: 'numpy',
        params: { negative_slope: 0.3 },
      },
      1,
    );
    expectCall(
      PY,
      src,
      'leaky',
      {
        id: 'leaky_relu',
        framework: 'numpy',
        params: { negative_slope: 0.1 },
      },
      2,
    );
    expectCall(
      PY,
      src,
      'leaky',
      {
        id: 'leaky_relu',
        framework: 'numpy',
        params: { negative_slope: 0.05 },
      },
      3,
    );
  });

  it('hovering the body shows the definition with its defaults', () => {
    const got = hover(PY, src, 'maximum');
    assert.equal(got?.id, 'leaky_relu');
    assert.equal(got?.params.negative_slope, 0.3);
    const [s] = spanOf(src, 'np', 1);
    assert.equal(got?.start, s);
  });

  it('an argument that is not a literal, or a body that is no activation: no hover', () => {
    expectNothing(PY, src, 'leaky', 4);
    expectNothing(PY, src, 'scaled', 1);
    expectNothing(PY, src, 'a', 3);
  });

  it('a Flax module’s literal field read as self.beta', () => {
    const flax = `import jax
from flax import linen as nn


class Swish(nn.Module):
    beta: float = 1.0

    @nn.compact
    def __call__(self, x):
        return x * jax.nn.sigmoid(self.beta * x)


class Tilted(nn.Module):
    beta: float = 1.0

    @nn.compact
    def __call__(self, x):
        return self.beta * x


def block(x):
    return Tilted()(Swish()(x))
`;
    expectCall(PY, flax, 'Swish', { id: 'silu', framework: 'jax' }, 1);
    expectNothing(PY, flax, 'Tilted', 1);
  });
});

describe('Python: PyTorch inplace branches compute the same values', () => {
  const src = `import torch
import torch.nn.functional as F


def swish(x, inplace: bool = False):
    return x.mul_(x.sigmoid()) if inplace else x * torch.sigmoid(x)


def hard_sigmoid(x, inplace: bool = False):
    if inplace:
        return x.add_(3.0).clamp_(0.0, 6.0).div_(6.0)
    else:
        return F.relu6(x + 3.0) / 6.0


def maybe(x, training: bool = False):
    return x * torch.sigmoid(x) if training else x


def pick(x, fast: bool = False):
    if fast:
        return F.relu(x)
    return F.gelu(x)


def features(x):
    return swish(x) + hard_sigmoid(x) + maybe(x) + pick(x)
`;

  it('the branch taken without the flag decides', () => {
    expectCall(PY, src, 'swish', { id: 'silu', framework: 'pytorch' }, 1);
    expectCall(
      PY,
      src,
      'hard_sigmoid',
      {
        id: 'hardsigmoid',
        framework: 'pytorch',
        params: { slope: 1 / 6 },
      },
      1,
    );
  });

  it('any other condition: both branches must agree', () => {
    expectNothing(PY, src, 'maybe', 1);
    expectNothing(PY, src, 'pick', 1);
  });
});

describe('Python: across files, names imported by a glob', () => {
  it('a layer class from `from .act import *` used as a default argument', () => {
    const act = `import torch.nn.functional as F
from torch import nn


class HardSigmoid(nn.Module):
    def __init__(self, inplace: bool = False):
        super().__init__()
        self.inplace = inplace

    def forward(self, x):
        if self.inplace:
            return x.add_(3.0).clamp_(0.0, 6.0).div_(6.0)
        return F.relu6(x + 3.0) / 6.0
`;
    const blocks = `from torch import nn
from .act import *


class SqueezeExcite(nn.Module):
    def __init__(self, channels, gate_layer=HardSigmoid):
        super().__init__()
        self.gate = gate_layer()
`;
    const context: RecognizeContext = { readImport: (m) => (m === '.act' ? act : undefined) };
    const [s, e] = spanOf(blocks, 'HardSigmoid');
    const got = recognizeAt(blocks, Math.floor((s + e) / 2), PY, context);
    assert.equal(got?.id, 'hardsigmoid');
    assert.equal(got?.params.slope, 1 / 6);
    assert.equal(got?.definedAt?.module, '.act');
  });
});

describe('Python: a subclass of a library activation is built with its base’s arguments', () => {
  const src = `import torch.nn.functional as F
from torch import nn


class PReLU(nn.PReLU):
    def __init__(self, num_parameters: int = 1, init: float = 0.25, inplace: bool = False):
        super().__init__(num_parameters=num_parameters, init=init)

    def forward(self, input):
        return F.prelu(input, self.weight)


class Halved(nn.PReLU):
    def forward(self, input):
        return input * 0.5


def blocks():
    return [PReLU(init=0.1), PReLU(1, 0.1), Halved(init=0.1)]
`;

  it('keyword arguments follow nn.PReLU(num_parameters=1, init=0.25)', () => {
    expectCall(PY, src, 'PReLU', { id: 'prelu', framework: 'pytorch', params: { weight: 0.1 } }, 3);
  });

  it('positional arguments may be reordered by the subclass: the body’s reading stays', () => {
    const got = hover(PY, src, 'PReLU', 4);
    assert.equal(got?.id, 'prelu');
    assert.deepEqual(got?.nonLiteral, ['weight']);
  });

  it('a subclass whose body computes something else is no hover', () => {
    expectNothing(PY, src, 'Halved', 1);
  });
});

describe('Python: a method assigned to an attribute', () => {
  const src = `import math
import torch
from torch import nn


class GELUActivation(nn.Module):
    def __init__(self, use_gelu_python: bool = False):
        super().__init__()
        if use_gelu_python:
            self.act = self._gelu_python
        else:
            self.act = nn.functional.gelu
        self.post = self._rescale

    def _gelu_python(self, input):
        return input * 0.5 * (1.0 + torch.erf(input / math.sqrt(2.0)))

    def _rescale(self, input):
        return input * 1.5

    def forward(self, input):
        return self.post(self.act(input))
`;

  it('both assignments compute the exact GELU: self.act is GELU', () => {
    expectCall(
      PY,
      src,
      'act',
      {
        id: 'gelu',
        framework: 'pytorch',
        params: { approximate: 'none' },
      },
      2,
    );
  });

  it('a method that computes no activation makes no hover', () => {
    expectNothing(PY, src, 'post', 1);
  });
});
