/**
 * Calls through `self.<name>(…)` in PyTorch modules: the call is the activation every assignment to
 * `self.<name>` in its class constructs, and no hover when the assignments disagree (branches that build
 * different activations, the same one with different parameters, methods that compute different GELUs), when
 * one of them is not one activation (a conditional expression, an inherited attribute, a method chosen by a
 * condition), or when the statement is still being typed. Statements that only use the attribute
 * (`self.act.register_forward_hook(…)`), assign another object's attribute (`encoder.act = …`,
 * `self.mlp.act = …`) or live in another class change nothing. Expected values: PyTorch's documented
 * defaults (GELU approximate 'none', LeakyReLU negative_slope 0.01), an argument that is an expression reported
 * as given but not read, and Python's rule that `;` ends a statement.
 */
import assert from 'node:assert/strict';
import { recognizeAt } from '../../src/core';
import { expectCall, expectNothing, nthOffset } from './recognizeHelpers';

const PY = 'python';

const MLP = `import torch
import torch.nn as nn
import torch.nn.functional as F
from keras import layers


class GELUMlp(nn.Module):
    """Feed-forward block; the activation can be swapped after loading."""

    def __init__(self, d, hidden, cfg, fast=False, gated=False, encoder=None):
        super().__init__()
        self.fc1 = nn.Linear(d, hidden)
        self.fc2 = nn.Linear(hidden, d)
        self.act = nn.GELU()
        self.act.register_forward_hook(self._log_stats)
        self.leak = nn.LeakyReLU(cfg["negative_slope"])
        self.gate = nn.GELU(approximate={True: "tanh", False: "none"}[fast])
        self.swish = nn.SiLU(); self.drop = nn.Dropout(0.1)
        if encoder is not None:
            # The pretrained encoder keeps its own activation slot; ours stays GELU.
            encoder.act = nn.Identity()
        self.mlp.act = nn.Tanh()
        if fast:
            self.smooth = self._gelu_tanh
        else:
            self.smooth = self._gelu_erf
        self.fixed = self._gelu_tanh
        self.picked = self._gelu_tanh if fast else self._gelu_erf
        self.late = self.base_activation
        if cfg.override_activation:
            self.late = nn.ReLU()
        if gated:
            self.slope = nn.LeakyReLU(0.1)
        else:
            self.slope = nn.LeakyReLU(0.2)
        if gated:
            self.squash = nn.ReLU()
        else:
            self.squash = nn.Tanh()
        self.post = None
        if cfg.post_activation:
            self.post = nn.GELU()

    def _gelu_tanh(self, x):
        return F.gelu(x, approximate="tanh")

    def _gelu_erf(self, x):
        return F.gelu(x)

    def _log_stats(self, module, inputs, output):
        print(output.mean())

    def forward(self, x):
        h = self.act(self.fc1(x))
        h = self.leak(h) + self.gate(h) + self.swish(h) + self.mlp.act(h)
        h = self.smooth(h) + self.fixed(h) + self.picked(h) + self.late(h)
        h = self.slope(h) + self.squash(h)
        for block in self.blocks:
            h = block.act(h)
        if self.post is not None:
            h = self.post(h)
        return self.fc2(h)
`;

describe('self.<attribute>(…): what the module built', () => {
  it('an attribute that is only used, or another object’s attribute, does not change the activation', () => {
    expectCall(
      PY,
      MLP,
      'act',
      { id: 'gelu', framework: 'pytorch', params: { approximate: 'none' } },
      4,
    );
  });

  it('a call of another object’s attribute is not the module’s own', () => {
    expectNothing(PY, MLP, 'act', 5);
    expectNothing(PY, MLP, 'act', 6);
  });

  it('a constructor whose argument indexes a config or a dict is read, the argument reported as not read', () => {
    expectCall(
      PY,
      MLP,
      'leak',
      {
        id: 'leaky_relu',
        framework: 'pytorch',
        params: { negative_slope: 0.01 },
        nonLiteral: ['negative_slope'],
      },
      1,
    );
    expectCall(
      PY,
      MLP,
      'gate',
      {
        id: 'gelu',
        framework: 'pytorch',
        params: { approximate: 'none' },
        nonLiteral: ['approximate'],
      },
      1,
    );
  });

  it('an assignment followed by another statement after `;` is read', () => {
    expectCall(PY, MLP, 'swish', { id: 'silu', framework: 'pytorch' }, 1);
  });

  it('a method assigned unconditionally is what its body computes', () => {
    expectCall(
      PY,
      MLP,
      'fixed',
      { id: 'gelu', framework: 'pytorch', params: { approximate: 'tanh' } },
      1,
    );
  });

  it('methods chosen by a branch or a conditional expression are no hover', () => {
    expectNothing(PY, MLP, 'smooth', 2);
    expectNothing(PY, MLP, 'picked', 1);
  });

  it('an inherited attribute maybe replaced by an activation is no hover', () => {
    expectNothing(PY, MLP, 'late', 2);
  });

  it('an attribute that may stay None is no hover', () => {
    expectNothing(PY, MLP, 'post', 3);
  });

  it('branches that build different activations, or one activation with different parameters, are no hover', () => {
    expectNothing(PY, MLP, 'slope', 2);
    expectNothing(PY, MLP, 'squash', 2);
  });
});

describe('self.<attribute>(…): assignments that are not one dotted path', () => {
  it('a parenthesized conditional expression assigned after the layer is no hover', () => {
    const src = `import torch.nn as nn


class Head(nn.Module):
    def __init__(self, d, gated):
        super().__init__()
        self.proj = nn.Linear(d, d)
        self.act = nn.GELU()
        if gated:
            self.act = (nn.GLU() if d % 2 == 0 else nn.Sigmoid())

    def forward(self, x):
        return self.act(self.proj(x))
`;
    expectNothing(PY, src, 'act', 2);
  });

  it('a constructor call still being typed is no hover', () => {
    const src = `import torch.nn as nn


class Gate(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.act = nn.LeakyReLU(cfg.get("negative_slope", 0.2)

    def forward(self, x):
        return self.act(x)
`;
    expectNothing(PY, src, 'act', 1);
  });
});

describe('self.<attribute>(…) in a file of many blocks', () => {
  /** A model file with `count` residual blocks, each building its own activation. */
  function blocks(count: number): string {
    const out = [
      '"""Residual blocks for the ablation: one class per variant."""',
      'import torch.nn as nn',
      '',
    ];
    for (let i = 0; i < count; i++) {
      out.push(
        '',
        `class Block${i}(nn.Module):`,
        `    """Variant ${i}: a linear layer and its activation."""`,
        '',
        '    def __init__(self, d):',
        '        super().__init__()',
        '        self.fc = nn.Linear(d, d)',
        i % 2 === 0 ? '        self.act = nn.GELU()' : '        self.act = nn.SiLU()',
        '',
        '    def forward(self, x):',
        '        return x + self.act(self.fc(x))',
        '',
      );
    }
    return out.join('\n');
  }

  it('every class reads its own assignment, however many classes assign the same attribute', () => {
    const src = blocks(12);
    for (let i = 0; i < 12; i++) {
      const got = recognizeAt(src, nthOffset(src, 'act(self.fc', i) + 1, PY);
      assert.equal(got?.id, i % 2 === 0 ? 'gelu' : 'silu', `Block${i}`);
    }
  });
});

describe('self.<field>(…) in Flax modules: the field declared in the class body', () => {
  const SRC = `from typing import Any, Callable

import flax.linen as nn
import jax.numpy as jnp


class MlpBlock(nn.Module):
    """Transformer MLP block; the activation is a field, as in the ViT reference code."""

    mlp_dim: int
    act: Callable = nn.gelu
    gate: "Callable" = nn.sigmoid
    dtype: Any = jnp.float32

    @nn.compact
    def __call__(self, inputs):
        x = nn.Dense(self.mlp_dim, dtype=self.dtype)(inputs)
        x = self.act(x) * self.gate(x)
        return nn.Dense(inputs.shape[-1], dtype=self.dtype)(self.norm(x))
`;

  it("is the field's default, with Flax's own defaults (gelu approximates with tanh)", () => {
    expectCall(
      PY,
      SRC,
      'act',
      { id: 'gelu', framework: 'flax', params: { approximate: 'tanh' } },
      1,
    );
  });

  it('reads a field whose annotation is written as a string', () => {
    expectCall(PY, SRC, 'gate', { id: 'sigmoid', framework: 'flax' }, 1);
  });

  it('a call of an attribute the class neither assigns nor declares is no hover', () => {
    expectNothing(PY, SRC, 'norm');
  });
});
