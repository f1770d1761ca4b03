/**
 * Plain names the code gives a meaning: a binding (`act = jax.nn.gelu`), a function defined here (nested
 * ones only inside their function, methods never by their bare name), a notebook's earlier cells, and names
 * imported from the workspace's own modules through the context's `readImport` (followed through one
 * re-export, `from .impl import *`, and no deeper). Expected values come from the languages' scoping rules
 * (Python: a module's own later `class Block` replaces a star-imported `Block`; a nested `def` is local to
 * its function; a method is reached through `self`), the frameworks' documented activations, and the host's
 * contract that `readImport` is asked only for modules the file imports. A name bound to something that is
 * not an activation (a tensor computed by a layer, a class that is no activation) is no hover.
 */
import assert from 'node:assert/strict';
import { recognizeAt, type RecognizeContext } from '../../src/core';
import { expectCall, expectNothing, spanOf } from './recognizeHelpers';

const PY = 'python';

/** What is recognized in the middle of the nth `word`, with a context. */
function hoverWith(text: string, word: string, nth: number, context: RecognizeContext, lang = PY) {
  const [s, e] = spanOf(text, word, nth);
  return recognizeAt(text, Math.floor((s + e) / 2), lang, context);
}

/** A `readImport` over a few module sources, recording every specifier it is asked for. */
function workspace(modules: Record<string, unknown>) {
  const asked: string[] = [];
  const readImport = (specifier: string): string | undefined => {
    asked.push(specifier);
    return Object.prototype.hasOwnProperty.call(modules, specifier)
      ? (modules[specifier] as string)
      : undefined;
  };
  return { asked, context: { readImport } };
}

describe('names imported from the workspace', () => {
  const LAYERS = `"""Shared building blocks of the project."""
import torch.nn as nn
from .acts import *


class Block(nn.Module):
    """A residual block: not an activation, whatever acts.py calls Block."""

    def forward(self, x):
        return x + self.body(x)


default_act = nn.SiLU()
`;
  const ACTS = `import torch
from torch import nn


class Block(nn.Module):
    def forward(self, x):
        return torch.sigmoid(x)


class QuickGELU(nn.Module):
    def forward(self, x):
        return x * torch.sigmoid(1.702 * x)
`;
  const REEXPORT = `"""Public activations: the implementations live in .impl."""
from .impl import *
`;
  const IMPL = `import torch
from torch import nn
from .kernels import *


class SwishLike(nn.Module):
    """x * sigmoid(x), written out for export to ONNX."""

    def forward(self, x):
        return x * torch.sigmoid(x)
`;
  const KERNELS = `import torch


def mish(x):
    return x * torch.tanh(torch.nn.functional.softplus(x))
`;

  it("a layer bound to a name in another module is that layer, defined at the binding's line there", () => {
    const src = 'from .layers import default_act, Block\n\nh = default_act(x)\nb = Block(h)\n';
    const { asked, context } = workspace({ '.layers': LAYERS, '.acts': ACTS });
    const got = hoverWith(src, 'default_act', 1, context);
    assert.equal(got?.id, 'silu');
    assert.equal(got?.framework, 'pytorch');
    assert.deepEqual(got?.definedAt, { line: 13, source: '', module: '.layers' });
    assert.deepEqual(asked, ['.layers']);
  });

  it("a module's own class replaces the one it star-imports: no hover for a block that is no activation", () => {
    const src = 'from .layers import default_act, Block\n\nh = default_act(x)\nb = Block(h)\n';
    const { asked, context } = workspace({ '.layers': LAYERS, '.acts': ACTS });
    assert.equal(hoverWith(src, 'Block', 1, context), undefined);
    assert.deepEqual(asked, ['.layers']);
  });

  it('a class re-exported through one star import is followed into its module', () => {
    const src = 'from .activations import SwishLike\n\ny = SwishLike()(x)\n';
    const { asked, context } = workspace({ '.activations': REEXPORT, '.impl': IMPL });
    const got = hoverWith(src, 'SwishLike', 1, context);
    assert.equal(got?.id, 'silu');
    assert.deepEqual(got?.definedAt?.module, '.impl');
    assert.deepEqual(asked, ['.activations', '.impl']);
  });

  it('a function re-exported two modules deep is not followed', () => {
    const src = 'from .activations import mish\n\ny = mish(x)\n';
    const { context } = workspace({ '.activations': REEXPORT, '.impl': IMPL, '.kernels': KERNELS });
    assert.equal(hoverWith(src, 'mish', 1, context), undefined);
    // One module closer, the same function is found.
    const near = 'from .impl import mish\n\ny = mish(x)\n';
    assert.equal(hoverWith(near, 'mish', 1, context)?.id, 'mish');
  });

  it('star imports are searched in order, past a module whose re-exports lack the name', () => {
    const src = 'from .activations import *\nfrom .acts import *\n\ny = QuickGELU()(x)\n';
    const { asked, context } = workspace({
      '.activations': REEXPORT,
      '.impl': IMPL,
      '.acts': ACTS,
    });
    const got = hoverWith(src, 'QuickGELU', 0, context);
    assert.equal(got?.id, 'quick_gelu');
    assert.deepEqual(got?.definedAt?.module, '.acts');
    assert.deepEqual(asked, ['.activations', '.impl', '.acts']);
  });

  it('a module the host cannot read is skipped, and the next star import is read', () => {
    const src = 'from .activations import *\nfrom .acts import *\n\ny = QuickGELU()(x)\n';
    const { context } = workspace({ '.activations': 42, '.acts': ACTS });
    assert.equal(hoverWith(src, 'QuickGELU', 0, context)?.id, 'quick_gelu');
  });

  it('a module imported whole is not searched for its members by a bare name', () => {
    const src = 'import helpers\n\ny = helpers.swish(x) + swish(x)\n';
    const { asked, context } = workspace({ helpers: KERNELS });
    assert.equal(hoverWith(src, 'swish', 1, context), undefined);
    assert.equal(hoverWith(src, 'helpers', 1, context), undefined);
    assert.deepEqual(asked, []);
  });
});

describe('names bound in this file', () => {
  it('a JAX function path bound to a name is that function', () => {
    const src = `"""MLP head for the JAX port."""
import jax
import jax.numpy as jnp

act = jax.nn.gelu
print(act)


def head(x, w):
    return act(jnp.dot(x, w))
`;
    expectCall(PY, src, 'act', { id: 'gelu', framework: 'jax' }, 2);
  });

  it('a layer built and bound to a name is that layer; a name bound to a layer’s output is not', () => {
    const src = `import torch
import torch.nn as nn

act = nn.GELU(approximate="tanh")
hidden = act(torch.randn(4, 8))
scores = hidden(x)
`;
    expectCall(
      PY,
      src,
      'act',
      { id: 'gelu', framework: 'pytorch', params: { approximate: 'tanh' } },
      1,
    );
    expectNothing(PY, src, 'hidden', 1);
  });

  it('LibTorch: a tensor a module computed is not the module', () => {
    const src = `#include <torch/torch.h>

torch::Tensor head(torch::nn::LeakyReLU lrelu, torch::Tensor h) {
  auto y = lrelu->forward(h);
  return y.sum(1) + torch::sum(y);
}
`;
    expectNothing('cpp', src, 'y', 2);
  });

  it('candle: a function path bound with let is that function', () => {
    const src = `use candle_core::{Result, Tensor};

fn gate(xs: &Tensor) -> Result<Tensor> {
    let act = candle_nn::ops::sigmoid;
    act(xs)
}
`;
    expectCall('rust', src, 'act', { id: 'sigmoid', framework: 'candle' }, 1);
  });

  it('bindings in branches that disagree are no hover', () => {
    const src = `import torch.nn.functional as F

if config.smooth:
    act = F.gelu
else:
    act = F.relu

y = act(x)
`;
    expectNothing(PY, src, 'act', 2);
  });
});

describe('functions defined in this file', () => {
  it('a nested function is seen only inside the function that defines it', () => {
    const src = `import torch


def encoder(x):
    def act(v):
        return torch.tanh(v)

    return act(x)


def decoder(z):
    def act(v):
        return torch.sigmoid(v)

    return act(z)
`;
    expectCall(PY, src, 'act', { id: 'tanh', framework: 'pytorch' }, 1);
    expectCall(PY, src, 'act', { id: 'sigmoid', framework: 'pytorch' }, 3);
  });

  it('a method is not what a bare name means inside its class', () => {
    const src = `from torch.nn.functional import gelu
import torch.nn as nn


class Block(nn.Module):
    def gelu(self, x):
        """Doubling helper kept from the prototype; not the activation."""
        return x * 2

    def forward(self, x):
        return gelu(x)
`;
    expectCall(PY, src, 'gelu', { id: 'gelu', framework: 'pytorch' }, 2);
  });

  it("a notebook cell's own function shadows the one of the cells above", () => {
    const preamble = 'import numpy as np\n\ndef act(z):\n    return 1 / (1 + np.exp(-z))\n';
    const cell = 'def act(z):\n    return np.tanh(z)\n\np = act(h)\n';
    const got = hoverWith(cell, 'act', 1, { preamble });
    assert.equal(got?.id, 'tanh');
    assert.equal(got?.framework, 'numpy');
    assert.equal(got?.definedAt?.line, 1);
  });

  it('a layer class, a function called with its own slope, and definitions in branches', () => {
    const src = `import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class ApproxGELU(nn.Module):
    """GELU with the tanh approximation, as in the original BERT code."""

    def forward(self, x):
        return F.gelu(x, approximate="tanh")


def leaky(x, slope=0.2):
    """Leaky ReLU with the slope of the DCGAN discriminator."""
    return F.leaky_relu(x, slope)


if USE_NUMPY:
    def relu(x):
        return np.maximum(x, 0)
else:
    def relu(x):
        return torch.clamp(x, min=0)

if SMOOTH:
    def squash(x):
        return torch.tanh(x)
else:
    def squash(x):
        return torch.sigmoid(x)

act = ApproxGELU()
head = nn.Sequential(nn.Linear(8, 8), Lambda(leaky))
y = act(x) + leaky(x, 0.3) + relu(x) + squash(x)
`;
    expectCall(
      PY,
      src,
      'act',
      { id: 'gelu', framework: 'pytorch', params: { approximate: 'tanh' } },
      1,
    );
    expectCall(
      PY,
      src,
      'leaky',
      { id: 'leaky_relu', framework: 'pytorch', params: { negative_slope: 0.2 } },
      1,
    );
    expectCall(
      PY,
      src,
      'leaky',
      { id: 'leaky_relu', framework: 'pytorch', params: { negative_slope: 0.3 } },
      2,
    );
    // Both branches compute ReLU: the name is ReLU whichever runs.
    const [s] = spanOf(src, 'relu', 2);
    assert.equal(recognizeAt(src, s + 1, PY)?.id, 'relu');
    // tanh in one branch, the logistic sigmoid in the other: no hover.
    expectNothing(PY, src, 'squash', 2);
  });
});
