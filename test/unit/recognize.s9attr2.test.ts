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
import { expectCall } from './recognizeHelpers';

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
