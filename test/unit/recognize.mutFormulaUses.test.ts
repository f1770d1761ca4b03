/**
 * A temporary's value read through the formula that uses it (formulas/uses.ts), where the other tests
 * leave it open: a value that is a number (`root_two = math.sqrt(2.0)`, `zero = torch.zeros_like(x)`), a
 * later `torch.exp` whose attribute name is spelled like the temporary `exp`, a name assigned twice (the
 * first value overwritten before the formula reads it), a use of the name in a branch between the value
 * and the formula, a use that is the file's last statement, and a method followed by a decorated one.
 *
 * Expected values come from mathematics and Python's rules: exp(s − max s) / Σ exp(s − max s) is softmax,
 * 0.5·x·(1 + erf(x / √2)) is exact GELU (Hendrycks & Gimpel), x·σ(1.702·x) is the sigmoid approximation
 * of GELU (the quick GELU), max(x, 0) is ReLU; √2 and a tensor of zeros are numbers, not activations;
 * `torch.exp` is an attribute of the module `torch`, not the local `exp`; after a second `e = …` the first
 * value of `e` is no longer read. "No hover" where the hovered word computes something that reaches no
 * activation.
 */
import assert from 'node:assert/strict';
import { recognizeAt } from '../../src/core';
import { expectFormula } from './formulaHelpers';
import { nthOffset } from './recognizeHelpers';

const PY = 'python';

/** What is recognized with the cursor inside `word`, at the nth occurrence of `context` in `text`. */
function hoverIn(
  text: string,
  context: string,
  word: string,
  nth = 0,
): ReturnType<typeof recognizeAt> {
  const at = nthOffset(text, context, nth) + context.indexOf(word) + 1;
  return recognizeAt(text, at, PY);
}

describe('uses: a temporary that holds a number is no part of the formula that reads it', () => {
  const SRC = `"""Exact GELU for the small transformer in this repository."""
import math

import torch


def gelu(x):
    """GELU through the error function (Hendrycks & Gimpel, 2016)."""
    root_two = math.sqrt(2.0)
    return 0.5 * x * (1.0 + torch.erf(x / root_two))
`;

  it('the formula itself is GELU', () => {
    expectFormula(PY, SRC, '0.5 * x * (1.0 + torch.erf(x / root_two))', {
      id: 'gelu',
      framework: 'pytorch',
    });
  });

  it('hovering the square root of 2 shows nothing', () => {
    assert.equal(hoverIn(SRC, 'math.sqrt(2.0)', 'sqrt'), undefined);
  });
});

describe('uses: a zero tensor is a number, no part of the ReLU that reads it', () => {
  const SRC = `"""ReLU for the ONNX export test: both operands of maximum are tensors."""
import torch


def relu_export(x):
    """max(x, 0), with the 0 as a tensor like x (some exporters reject a Python scalar)."""
    zero = torch.zeros_like(x)
    return torch.maximum(x, zero)
`;

  it('the maximum with zero is ReLU', () => {
    expectFormula(PY, SRC, 'torch.maximum(x, zero)', { id: 'relu', framework: 'pytorch' });
  });

  it('hovering zeros_like shows nothing: it names torch.zeros_like, whose value is the number 0', () => {
    assert.equal(hoverIn(SRC, 'torch.zeros_like(x)', 'zeros_like'), undefined);
  });
});

describe('uses: `torch.exp` is not a use of a temporary named exp', () => {
  const SRC = `"""Attention probe that logs the mean of exp(x) for the training dashboard."""
import torch
from torch import nn


class ProbeHead(nn.Module):
    def __init__(self):
        super().__init__()
        self.stats = {}

    def forward(self, x):
        exp = torch.exp(x)
        self.stats["exp_mean"] = exp.mean().item()
        return torch.exp(x) / torch.exp(x).sum(dim=-1, keepdim=True)
`;

  it('the returned expression is softmax', () => {
    expectFormula(PY, SRC, 'torch.exp(x) / torch.exp(x).sum(dim=-1, keepdim=True)', {
      id: 'softmax',
      framework: 'pytorch',
    });
  });

  it('hovering the logged exp shows nothing: its value only reaches the mean', () => {
    assert.equal(hoverIn(SRC, 'exp = torch.exp(x)', 'exp(x)'), undefined);
  });
});

describe('uses: a name assigned twice, and read in a branch', () => {
  const OVERWRITTEN = `"""NumPy reference softmax, kept for the overflow warning."""
import warnings

import numpy as np


def softmax(x, axis=-1):
    """Softmax along \`axis\`; warns when the unshifted exponential overflows."""
    e = np.exp(x)
    if not np.all(np.isfinite(e)):
        warnings.warn("exp overflowed; shifting by the row max")
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)
`;

  it('the first value of e is overwritten before the softmax reads e: no hover there', () => {
    assert.equal(hoverIn(OVERWRITTEN, 'e = np.exp(x)\n', 'exp'), undefined);
  });

  const LOGGED = `"""NumPy reference softmax with debug logging of the row sums."""
import logging

import numpy as np

log = logging.getLogger(__name__)


def softmax(x, axis=-1):
    """Softmax along \`axis\`, shifted by the row max."""
    e = np.exp(x)
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    if log.isEnabledFor(logging.DEBUG):
        log.debug("row sums %s", e.sum(axis=axis))
    return e / e.sum(axis=axis, keepdims=True)`;

  it('the second value is the softmax the return computes, past a use of e in a branch', () => {
    const value = 'np.exp(x - x.max(axis=axis, keepdims=True))';
    const got = hoverIn(LOGGED, value, 'exp');
    assert.equal(got?.id, 'softmax');
    assert.equal(got.framework, 'numpy');
    const start = nthOffset(LOGGED, value);
    assert.equal(got.start, start);
    assert.equal(got.end, start + value.length);
  });
});

describe('uses: a use followed by a decorated method', () => {
  const SRC = `"""GELU blocks for the vision backbone."""
import torch
from torch import nn


class QuickGELU(nn.Module):
    """The sigmoid approximation of GELU used by CLIP-style models."""

    def forward(self, x):
        scaled = 1.702 * x
        return x * torch.sigmoid(scaled)

    @torch.no_grad()
    def extra_repr(self):
        return "approximate='sigmoid'"
`;

  it('hovering the scaled input shows the sigmoid GELU over its value', () => {
    const value = '1.702 * x\n        return';
    const got = hoverIn(SRC, value, '1.702');
    assert.equal(got?.id, 'quick_gelu');
    const start = nthOffset(SRC, value);
    assert.equal(got.start, start);
    assert.equal(got.end, start + '1.702 * x'.length);
  });
});

describe('uses: the use is the last statement of the file', () => {
  const SRC = `"""Softmax over the last axis, the sum kept in a name of its own."""
import numpy as np


def softmax(x):
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    total = e.sum(axis=-1, keepdims=True)
    return e / total
`;

  it('hovering exp shows the softmax that the last line computes, over the value of e', () => {
    const value = 'np.exp(x - x.max(axis=-1, keepdims=True))';
    const got = hoverIn(SRC, value, 'exp');
    assert.equal(got?.id, 'softmax');
    assert.equal(got.framework, 'numpy');
    const start = nthOffset(SRC, value);
    assert.equal(got.start, start);
    assert.equal(got.end, start + value.length);
  });
});
