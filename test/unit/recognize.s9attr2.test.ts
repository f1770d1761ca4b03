/**
 * Attributes assigned by Python tuple assignments and one-line bodies, read by attributes.ts: pinned where
 * the second look at the ninth mutation round's tuple reader found its statement bounds untested.
 *
 * Expected values come from Python's language reference and PyTorch's documentation:
 * - "Assignment statements": a target list is the part of one statement before its `=`; another statement
 *   (`assert …, "…"` on the line above) or a compound header (`case "swiglu", False:`) is no part of it.
 *   A keyword argument (`use_reentrant=False`) inside a call's brackets assigns nothing, so
 *   `checkpoint(self.act, h, use_reentrant=False)` leaves `self.act` as it was.
 * - "Assignment statements" again: the value is evaluated before any target is assigned, so a call in the
 *   value (`self.act, self.calib = nn.Identity(), self.act(…)`) runs the attribute assigned above that
 *   statement, even when `self.act` is that statement's first target.
 * - "The match statement" (PEP 634): `case "swiglu", False:` is a sequence pattern, and a case's body may
 *   follow its `:` on the same line.
 * - PyTorch: `nn.GELU()`, `nn.GELU(approximate="tanh")`, `nn.SiLU`, `nn.Mish` are the activations of those
 *   names; `torch.utils.checkpoint.checkpoint(function, *args, use_reentrant=False)` calls `function` on
 *   `args`.
 */
import './freshModels';
import { expectCall, expectNothing } from './recognizeHelpers';

const PY = 'python';

describe('Python attributes: a keyword argument inside a call assigns nothing', () => {
  const src = `"""MLP block with optional activation checkpointing (saves memory on long sequences)."""
import torch.nn as nn
from torch.utils.checkpoint import checkpoint


class Mlp(nn.Module):
    def __init__(self, dim, hidden, grad_ckpt=False):
        super().__init__()
        self.fc1 = nn.Linear(dim, hidden)
        self.act = nn.GELU()
        self.fc2 = nn.Linear(hidden, dim)
        self.grad_ckpt = grad_ckpt

    def forward(self, x):
        h = self.fc1(x)
        if self.grad_ckpt and self.training:
            # Recompute the activation in the backward pass instead of storing its output.
            h = checkpoint(self.act, h, use_reentrant=False)
        else:
            h = self.act(h)
        return self.fc2(h)
`;

  it('`checkpoint(self.act, h, use_reentrant=False)` above the call leaves the GELU of `__init__`', () => {
    expectCall(PY, src, 'act', { id: 'gelu', framework: 'pytorch' }, 2);
  });
});

describe('Python tuple assignment: the statement above is not part of the target list', () => {
  const src = `"""Pre-norm transformer MLP with a configurable width."""
import torch.nn as nn


class TransformerMlp(nn.Module):
    def __init__(self, dim, ratio=4, drop=0.0):
        super().__init__()
        assert ratio > 1, "the hidden layer must be wider than the block"
        self.norm, self.act = nn.LayerNorm(dim), nn.GELU(approximate="tanh")
        self.fc1, self.fc2 = nn.Linear(dim, ratio * dim), nn.Linear(ratio * dim, dim)
        self.drop = nn.Dropout(drop)

    def forward(self, x):
        return x + self.drop(self.fc2(self.act(self.fc1(self.norm(x)))))
`;

  it('an `assert …, "…"` line above `self.norm, self.act = …`: GELU (tanh)', () => {
    expectCall(
      PY,
      src,
      'act',
      { id: 'gelu', framework: 'pytorch', params: { approximate: 'tanh' } },
      1,
    );
  });
});

describe('Python tuple assignment as a one-line `case` body', () => {
  const src = `"""Gated linear unit variants (Shazeer 2020), picked by name and by whether the gate has a bias."""
import torch.nn as nn


class GatedUnit(nn.Module):
    def __init__(self, dim, hidden, variant="swiglu", bias=False):
        super().__init__()
        self.proj = nn.Linear(dim, 2 * hidden, bias=bias)
        match variant, bias:
            case "swiglu", False: self.gate, self.act = nn.Identity(), nn.SiLU()
            case "swiglu", True: self.gate, self.act = nn.Sigmoid(), nn.SiLU()
            case _: raise ValueError(f"unknown variant {variant}")
        self.out = nn.Linear(hidden, dim, bias=bias)

    def forward(self, x):
        a, b = self.proj(x).chunk(2, dim=-1)
        return self.out(self.act(a) * self.gate(b))
`;

  it('the pattern `"swiglu", False` is no target: both cases build SiLU', () => {
    expectCall(PY, src, 'act', { id: 'silu', framework: 'pytorch' }, 2);
  });
});

describe('Python tuple assignment whose first target is called in its value', () => {
  const src = `"""Linear probe on a frozen feature extractor with a Mish bottleneck."""
import torch
import torch.nn as nn


class ProbeHead(nn.Module):
    def __init__(self, dim, classes):
        super().__init__()
        self.fc = nn.Linear(dim, dim)
        self.act = nn.Mish()
        self.head = nn.Linear(dim, classes)

    @torch.no_grad()
    def calibrate(self, x):
        """Keep the activation's output on a calibration batch, then freeze it to the identity."""
        self.act, self.calib = nn.Identity(), self.act(self.fc(x))

    def forward(self, x):
        return self.head(self.fc(x) + self.calib)
`;

  it('`self.act, self.calib = nn.Identity(), self.act(…)` calls the Mish assigned above', () => {
    expectCall(PY, src, 'act', { id: 'mish', framework: 'pytorch' }, 2);
  });
});

describe('Python tuple assignment: a starred target takes the values left over', () => {
  const src = `"""MobileNetV3-style stem and head, built from the config's stage list."""
import torch.nn as nn


class StemHead(nn.Module):
    def __init__(self, cin, dim, classes, p=0.2):
        super().__init__()
        *self.convs, self.act = nn.Conv2d(cin, dim, 3, stride=2, padding=1), nn.BatchNorm2d(dim), nn.Hardswish()
        self.pool, *self.extras, self.out_act = nn.AdaptiveAvgPool2d(1), nn.SiLU()
        self.head_act, *self.head = nn.GELU(approximate="tanh"), nn.Dropout(p), nn.Linear(dim, classes)

    def forward(self, x):
        for conv in self.convs:
            x = conv(x)
        h = self.pool(self.act(x)).flatten(1)
        h = self.out_act(h)
        for layer in self.head:
            h = self.head_act(layer(h))
        return h
`;

  it('`*self.convs, self.act = conv, norm, nn.Hardswish()`: the last value, hard swish', () => {
    expectCall(PY, src, 'act', { id: 'hardswish', framework: 'pytorch' }, 1);
  });

  it('`self.pool, *self.extras, self.out_act = pool, nn.SiLU()`: the star takes none, SiLU', () => {
    expectCall(PY, src, 'out_act', { id: 'silu', framework: 'pytorch' }, 1);
  });

  it('`self.head_act, *self.head = nn.GELU(…), drop, fc`: the first value, GELU (tanh)', () => {
    expectCall(
      PY,
      src,
      'head_act',
      { id: 'gelu', framework: 'pytorch', params: { approximate: 'tanh' } },
      1,
    );
  });
});

describe('Python tuple assignment: a starred target list unpacking one object', () => {
  const src = `"""Residual MLP whose layers can be rebuilt from a factory during a sweep."""
import torch.nn as nn

from .factory import build_layers


class ResidualMlp(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.blocks = nn.ModuleList([nn.Linear(dim, dim) for _ in range(3)])
        self.act = nn.ReLU()

    def rebuild(self, cfg):
        # The factory returns the blocks followed by their activation, as a list.
        *self.blocks, self.act = build_layers(cfg)

    def forward(self, x):
        for block in self.blocks:
            x = x + self.act(block(x))
        return x
`;

  it('`*self.blocks, self.act = build_layers(cfg)` assigns an unknown item: no one activation', () => {
    expectNothing(PY, src, 'act', 2);
  });
});

describe('Python tuple assignment: a trailing comma adds no item', () => {
  const src = `"""Squeeze-excitation gate and GELU branch of a ConvNeXt-style block."""
import torch.nn as nn


class GatedBranch(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.dw = nn.Conv2d(dim, dim, 7, padding=3, groups=dim)
        self.gate, self.act = nn.Sigmoid(), nn.GELU(),
        self.pw = nn.Conv2d(dim, dim, 1)

    def forward(self, x):
        h = self.dw(x)
        return self.pw(self.act(h) * self.gate(h))
`;

  it('`self.gate, self.act = nn.Sigmoid(), nn.GELU(),` pairs two values: GELU', () => {
    expectCall(PY, src, 'act', { id: 'gelu', framework: 'pytorch' }, 1);
  });

  it('and the sigmoid gate next to it', () => {
    expectCall(PY, src, 'gate', { id: 'sigmoid', framework: 'pytorch' }, 2);
  });
});

describe('Python tuple assignment: a starred target list unpacking a tuple held by a name', () => {
  const src = `"""Pre-activation residual branch whose last layer is a regularizer, not an activation."""
import torch.nn as nn


class PreActBranch(nn.Module):
    def __init__(self, dim, p=0.1):
        super().__init__()
        layers = nn.GELU(), nn.Linear(dim, dim), nn.Dropout(p)
        # The body is every layer but the last; the last one runs after the residual sum.
        *self.body, self.act = layers

    def forward(self, x):
        h = x
        for layer in self.body:
            h = layer(h)
        return self.act(x + h)
`;

  it('`*self.body, self.act = layers` gives `self.act` the last item, a dropout: no activation', () => {
    expectNothing(PY, src, 'act', 1);
  });
});
