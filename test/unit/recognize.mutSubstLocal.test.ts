/**
 * Parameters and fields read with their literal values (substitution.ts), names the code gives a meaning
 * (local.ts) and calls through `self.<name>` (attributes.ts), in the places the earlier tests left open.
 *
 * Expected values come from the languages' rules and the frameworks' documentation. Python: a parameter
 * assigned again in the body (`slope *= scale`) holds the new value where it is read after that statement,
 * so its default or the call's argument is no longer known there, and an assignment after the read changes
 * nothing before it; a function named without a call (`act = leaky`) keeps its defaults; a function nested
 * in another is local to it; a name bound in two branches is either binding. LibTorch: a `ModuleHolder`
 * is called like a function (`lrelu(h)` runs its forward), and what `forward` returns is a tensor. The
 * host's contract: `readImport` is asked only for modules the file imports. PyTorch's `F.leaky_relu(input,
 * negative_slope=0.01)` and `nn.LeakyReLU(negative_slope=0.01)`; `jax.nn.relu` and `torch.relu` are two
 * frameworks' functions, so a branch between them is not one activation. A hover anywhere in a return
 * expression that reads a parameter with a literal default shows the expression (parameterBodies.ts),
 * also on an attribute call inside it that is no activation. "No hover" where the word names the code's
 * own value.
 */
import assert from 'node:assert/strict';
import { recognizeAt } from '../../src/core';
import { expectCall, expectNothing, nthOffset } from './recognizeHelpers';

const PY = 'python';

/** What is recognized with the cursor just inside the nth `needle`. */
function at(text: string, needle: string, nth = 0, lang = PY) {
  return recognizeAt(text, nthOffset(text, needle, nth) + 1, lang);
}

describe('a parameter assigned again in the body is no longer its default', () => {
  const SRC = `"""Leaky activations for the critic; the slope can be scaled per layer."""
import torch
import torch.nn.functional as F


def scaled_leaky(x, slope=0.2, scale=None):
    """LeakyReLU whose slope the caller may scale (the default keeps 0.2)."""
    if scale is not None:
        slope *= scale
    return F.leaky_relu(x, slope)


def doubled_leaky(x, slope=0.1):
    slope = 2 * slope
    return F.leaky_relu(x, slope)


def logged_leaky(x, slope=0.3):
    y = F.leaky_relu(x, slope)
    slope = None  # not used past this point
    return y


def critic(h):
    return scaled_leaky(h, scale=0.5), doubled_leaky(h, 0.05), logged_leaky(h)
`;

  it('the return expression after the assignment has no known slope', () => {
    for (const nth of [0, 1]) {
      const got = at(SRC, 'F.leaky_relu(x, slope)', nth);
      // The library call may still be hovered by its own name, never as the whole expression with a value.
      assert.ok(
        got === undefined || got.params.negative_slope === undefined,
        `#${nth}: ${JSON.stringify(got)}`,
      );
    }
  });

  it('a call of such a function shows no slope it cannot know (0.1 in both, computed by the body)', () => {
    expectNothing(PY, SRC, 'scaled_leaky', 1);
    expectNothing(PY, SRC, 'doubled_leaky', 1);
  });

  it('an assignment after the read leaves the read its default', () => {
    expectCall(
      PY,
      SRC,
      'logged_leaky',
      { id: 'leaky_relu', framework: 'pytorch', params: { negative_slope: 0.3 } },
      1,
    );
  });
});

describe('what a name bound to a value means (local.ts)', () => {
  it('LibTorch: a module built in a function is that module; what its forward computes is a tensor', () => {
    const src = `#include <torch/torch.h>

// The discriminator's residual block: leaky rectifier, then a sum over the channels.
torch::Tensor disc_block(const torch::Tensor& h) {
  auto lrelu = torch::nn::LeakyReLU(torch::nn::LeakyReLUOptions().negative_slope(0.2));
  auto y = lrelu->forward(h);
  auto z = lrelu(h);
  return torch::sum(y, 1) + z;
}
`;
    // A ModuleHolder is called like a function: `lrelu(h)` runs LeakyReLU's forward.
    expectCall(
      'cpp',
      src,
      'lrelu',
      { id: 'leaky_relu', framework: 'libtorch', params: { negative_slope: 0.2 } },
      2,
    );
    expectNothing('cpp', src, 'y', 1);
  });

  it('Python: a layer built with a number is that layer at its use', () => {
    const src = `import torch
import torch.nn as nn

act = nn.LeakyReLU(0.2)
hidden = act(torch.randn(4, 8))
`;
    expectCall(
      PY,
      src,
      'act',
      { id: 'leaky_relu', framework: 'pytorch', params: { negative_slope: 0.2 } },
      1,
    );
  });

  it('a layer class of the file, built and bound to a name, is what its forward computes', () => {
    const src = `"""Layers kept from the model zoo's first release, for loading its checkpoints."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class ZooGELU(nn.Module):
    """The zoo's GELU: the tanh approximation the first checkpoints were trained with."""

    def forward(self, x):
        return F.gelu(x, approximate="tanh")


act = ZooGELU()
hidden = act(torch.randn(4, 8))
`;
    expectCall(
      PY,
      src,
      'act',
      { id: 'gelu', framework: 'pytorch', params: { approximate: 'tanh' } },
      1,
    );
  });

  it('a function named without a call keeps its defaults, whatever call comes next', () => {
    const src = `"""Activation registry for the discriminator."""
import torch
import torch.nn.functional as F


def leaky(x, slope=0.2):
    return F.leaky_relu(x, slope)


act = leaky
noise = F.dropout(torch.ones(4), 0.5)
`;
    expectCall(
      PY,
      src,
      'leaky',
      { id: 'leaky_relu', framework: 'pytorch', params: { negative_slope: 0.2 } },
      1,
    );
  });

  it('branches where one binding is no activation are no hover', () => {
    const src = `import torch
import torch.nn.functional as F

from .registry import make_activation

if config.activation == "relu":
    act = F.relu
else:
    act = make_activation(config.activation)

y = act(torch.randn(8))
`;
    expectNothing(PY, src, 'act', 2);
  });

  it('a function nested in another is not the name in the next notebook cell', () => {
    const src = `# %%
import torch
import torch.nn.functional as F


def act(x):
    return F.silu(x)


def block(h):
    def act(v):
        return F.gelu(v)

    return act(h)


# %%
act(torch.linspace(-3.0, 3.0, 7))
`;
    expectCall(PY, src, 'act', { id: 'silu', framework: 'pytorch', params: {} }, 3);
  });
});

describe('a return expression hovered on a constant, with a workspace to read imports from', () => {
  it('a name that neither the file nor the workspace defines still shows the expression', () => {
    const src = `import torch.nn.functional as F


def leaky(x, slope=0.2):
    return F.leaky_relu(x, slope, inplace=False)
`;
    const context = { readImport: () => undefined };
    const got = recognizeAt(src, nthOffset(src, 'False') + 2, PY, context);
    assert.equal(got?.id, 'leaky_relu');
    assert.equal(got?.framework, 'pytorch');
    assert.equal(got?.params.negative_slope, 0.2);
  });
});

describe('calls through self.<name> (attributes.ts)', () => {
  it('the same function from two frameworks, chosen by a branch, is no hover', () => {
    const src = `"""A classifier head that runs under PyTorch or, for export, under JAX."""
import jax
import torch
import torch.nn as nn


class Head(nn.Module):
    def __init__(self, width, use_jax=False):
        super().__init__()
        self.proj = nn.Linear(width, 10)
        if use_jax:
            self.act = jax.nn.relu
        else:
            self.act = torch.relu

    def forward(self, x):
        return self.proj(self.act(x))
`;
    expectNothing(PY, src, 'act', 2);
  });
});

describe('the workspace is asked only for modules the file imports', () => {
  /** Hovers the nth `word`, recording the specifiers `readImport` is asked for. */
  function asked(lang: string, text: string, word: string, nth: number): string[] {
    const specifiers: string[] = [];
    const readImport = (specifier: string): undefined => {
      specifiers.push(specifier);
      return undefined;
    };
    recognizeAt(text, nthOffset(text, word, nth) + 1, lang, { readImport });
    return specifiers;
  }

  it('Python: a module imported whole, used as a value', () => {
    const src = `"""Reloads the fused kernels after an edit, in an interactive session."""
import importlib

import gelu_kernels

importlib.reload(gelu_kernels)
`;
    const imported = ['importlib', 'gelu_kernels'];
    for (const specifier of asked(PY, src, 'gelu_kernels', 1)) {
      assert.ok(imported.includes(specifier), `asked for ${specifier}`);
    }
  });

  it('JavaScript: a module’s default export and a required module, used as values', () => {
    const src = `// Shared activations for the dense blocks.
import * as tf from '@tensorflow/tfjs';
import acts from './acts';
const gelu = require('./gelu');

export function describeBlock(x) {
  console.log(acts, gelu);
  return tf.relu(x);
}
`;
    const imported = ['@tensorflow/tfjs', './acts', './gelu'];
    for (const [word, nth] of [
      ['acts', 2],
      ['gelu', 2],
    ] as const) {
      for (const specifier of asked('js', src, word, nth)) {
        assert.ok(imported.includes(specifier), `${word}: asked for ${specifier}`);
      }
    }
  });
});

describe('a call through self.<name> inside a return expression that reads a parameter', () => {
  const SRC = `"""Critic head: normalize, project, then a leaky rectifier with the DCGAN slope."""
import torch.nn as nn
import torch.nn.functional as F


class Critic(nn.Module):
    def __init__(self, width, normalize=True):
        super().__init__()
        self.norm = (nn.LayerNorm(width) if normalize else nn.Identity())
        self.proj = nn.Linear(width, width)

    def forward(self, x, slope=0.2):
        return F.leaky_relu(self.proj(self.norm(x)), slope)

    def features(self, x, slope=0.2):
        return F.leaky_relu(self.backbone(x), slope)


# Patches for a pretrained model, attached at load time with types.MethodType.
def use_own_activation(self):
    self.act = self.activation


def patched_forward(self, x, slope=0.2):
    return F.leaky_relu(self.act(self.head(x)), slope)


head = nn.Linear(16, 16)  # the replacement head: \`model.head = head\`
`;
  const LEAKY = { id: 'leaky_relu', framework: 'pytorch', negative_slope: 0.2 };

  it('an attribute that is no activation leaves the hover to the return expression', () => {
    for (const needle of ['norm(x)', 'proj(self', 'backbone(x)', 'act(self', 'head(x)']) {
      const got = at(SRC, needle);
      const expr = SRC.slice(got?.start ?? 0, got?.end ?? 0);
      assert.equal(got?.id, LEAKY.id, needle);
      assert.equal(got?.framework, LEAKY.framework, needle);
      assert.equal(got?.params.negative_slope, LEAKY.negative_slope, needle);
      assert.ok(
        expr.startsWith('F.leaky_relu(') && expr.endsWith(', slope)'),
        `${needle}: ${expr}`,
      );
    }
  });
});
