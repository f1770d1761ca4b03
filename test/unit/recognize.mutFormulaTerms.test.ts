/**
 * How a hand-written formula's pieces become terms (formulas/terms.ts): a keyword bound that names a
 * parameter defaulting to `None`, a layer's setting read beside its input, a variable that is an
 * attribute of a batch, a subscript of a call that is no max, and a Julia struct field that holds a
 * function.
 *
 * Expected values come from the frameworks' documentation and the languages' rules: SELU is
 * scale·x above 0 and scale·α·(eˣ − 1) below (scale ≈ 1.0507, α ≈ 1.6733, torch.nn.SELU); PyTorch's
 * Hardsigmoid is 0 below −3, 1 above 3 and x/6 + 1/2 between, which is the ramp (x − low)/(high − low)
 * for low = −3, high = 3; x·σ(x/√τ) is swish with slope 1/√τ; `torch.clamp` with
 * `max=None` has no upper bound, so `clamp(x, min=0)` is ReLU; `nn.ReLU6(inplace=…)` computes
 * min(max(x, 0), 6) whatever `inplace` is, so x·ReLU6(x + 3)/6 is hard swish; x·σ(x) is SiLU whatever the
 * variable is spelled (`batch.x` is one value read twice); `self.score(h)[0]` is the first row of the
 * scores, not the scores, so σ(s[0])·s is no SiLU; a Julia call `g.σ.(x)` calls the struct's field `σ`,
 * a function the caller chose, not Flux's logistic. TF.js' `tf.tidy(nameOrFn, fn?)` takes the name first
 * when it is given two arguments and returns what `fn` returns; NumPy's `zeros_like(a, dtype=…)` is an array
 * of zeros whatever the dtype, so maximum(x, zeros) is ReLU. PyTorch's `torch.max(input, dim, keepdim)`
 * returns (values, indices), so `x.max(-1, True)[0]` is each row's maximum kept as a column, and
 * exp(x − max) / Σ exp(x − max) is softmax over dimension −1; the same holds for `m[0]` and `m.values`
 * after `m = x.max(dim=-1, keepdim=True)` (a torch.return_types.max named tuple).
 */
import assert from 'node:assert/strict';
import './freshModels';
import { recognizeAt } from '../../src/core';
import { expectFormula, expectNoFormula } from './formulaHelpers';
import { nthOffset } from './recognizeHelpers';

const PY = 'python';

describe('terms: a keyword bound read through the function’s own names', () => {
  it('a parameter defaulting to None as clamp’s max leaves the top open: ReLU', () => {
    const src = `"""Capped rectifier used by the quantized blocks."""
import torch


def capped_relu(x, cap=None):
    # With the default cap the top stays open: a plain rectifier.
    return torch.clamp(x, min=0.0, max=cap)
`;
    expectFormula(PY, src, 'torch.clamp(x, min=0.0, max=cap)', {
      id: 'relu',
      framework: 'pytorch',
      params: {},
    });
  });

  it('a layer setting spelled as a config attribute does not become the formula’s variable', () => {
    const src = `"""Hard sigmoid for the mobile blocks, its ReLU6 built where it is applied."""
import torch.nn as nn


def hard_gate(x, cfg):
    # inplace only decides where ReLU6 writes; the value is ReLU6(x + 3) / 6 either way.
    return nn.ReLU6(inplace=cfg.inplace)(x + 3.0) / 6.0


def make_head(width):
    return nn.Linear(width, 10)
`;
    expectFormula(PY, src, 'nn.ReLU6(inplace=cfg.inplace)(x + 3.0) / 6.0', {
      id: 'hardsigmoid',
      framework: 'pytorch',
      params: { slope: 1 / 6 },
    });
  });
});

describe('terms: constants folded before the patterns read them', () => {
  it('SELU with scale·α written as the product of the two constants', () => {
    const src = `"""Self-normalizing activation written from the paper's definition."""
import torch


def selu(x):
    # scale * x above zero, scale * alpha * (exp(x) - 1) below.
    return torch.where(x > 0, 1.0507009873554805 * x, 1.0507009873554805 * 1.6732632423543772 * torch.expm1(x))
`;
    expectFormula(
      PY,
      src,
      'torch.where(x > 0, 1.0507009873554805 * x, 1.0507009873554805 * 1.6732632423543772 * torch.expm1(x))',
      { id: 'selu', framework: 'pytorch' },
    );
  });

  it('a ramp from low to high, divided by their difference, is the hard sigmoid', () => {
    const src = `"""Piecewise-linear gate: a ramp from low to high, flat outside it."""
import torch


def hard_sigmoid(x, low=-3.0, high=3.0):
    return torch.clamp((x - low) / (high - low), 0.0, 1.0)
`;
    expectFormula(PY, src, 'torch.clamp((x - low) / (high - low), 0.0, 1.0)', {
      id: 'hardsigmoid',
      framework: 'pytorch',
      params: { slope: 1 / 6 },
    });
  });

  it('a ramp across [−limit, limit] written x/(2·limit) + 1/2 is the hard sigmoid', () => {
    const src = `"""Hard sigmoid whose linear part spans [-limit, limit]."""
import torch


def hard_sigmoid(x, limit=3.0):
    return torch.clamp(x / (2.0 * limit) + 0.5, 0.0, 1.0)
`;
    expectFormula(PY, src, 'torch.clamp(x / (2.0 * limit) + 0.5, 0.0, 1.0)', {
      id: 'hardsigmoid',
      framework: 'pytorch',
      params: { slope: 1 / 6 },
    });
  });
});

describe('terms: a square root of a value the code does not spell', () => {
  it('x·σ(x/√τ) with τ an attribute is swish whose slope the code computes', () => {
    const src = `"""Swish whose slope is set by a temperature kept on the module."""
import math

import torch
import torch.nn as nn


class TemperedSwish(nn.Module):
    def __init__(self, tau):
        super().__init__()
        self.tau = tau

    def forward(self, x):
        return x * torch.sigmoid(x / math.sqrt(self.tau))
`;
    expectFormula(PY, src, 'x * torch.sigmoid(x / math.sqrt(self.tau))', {
      id: 'silu',
      framework: 'pytorch',
      params: {},
    });
  });
});

describe('terms: dotted names and subscripts as the variable', () => {
  it('an attribute of a held state, read plain and through a gate temporary, is one variable: SiLU', () => {
    const src = `"""Recurrent cell whose output is its hidden state, self-gated."""
import torch


class GatedCell(torch.nn.Module):
    def __init__(self, state):
        super().__init__()
        self.state = state

    def forward(self):
        state = self.state
        # state.h holds the hidden features; SiLU keeps small negatives.
        gate = state.h.sigmoid()
        return state.h * gate
`;
    expectFormula(PY, src, 'state.h * gate', {
      id: 'silu',
      framework: 'pytorch',
      params: { beta: 1 },
    });
  });

  it('the first row of a projection gating the whole projection is no SiLU', () => {
    const src = `"""Gate every row by the score of the first (the CLS token)."""
import torch
import torch.nn as nn


class FirstRowGate(nn.Module):
    def __init__(self, width):
        super().__init__()
        self.score = nn.Linear(width, width)

    def forward(self, h):
        return torch.sigmoid(self.score(h)[0]) * self.score(h)
`;
    expectNoFormula(PY, src, 'torch.sigmoid(self.score(h)[0]) * self.score(h)');
  });

  it('the sigmoid’s first row gating every row is no SiLU', () => {
    const src = `"""Row gates for the set encoder."""
import torch


def gate_by_first_row(h):
    # One gate for the whole set, taken from its first element.
    return h * torch.sigmoid(h)[0]
`;
    expectNoFormula(PY, src, 'h * torch.sigmoid(h)[0]');
  });
});

describe('terms: a function name that is no library’s', () => {
  it('`g.σ.(x)` calls the field, not Flux’s σ: no SiLU', () => {
    const src = `# A gate whose activation the caller chooses (identity, tanh, σ, ...).
using Flux

struct Gated{F}
    σ::F
end

Flux.@functor Gated

(g::Gated)(x) = x .* g.σ.(x)
`;
    expectNoFormula('julia', src, 'x .* g.σ.(x)');
  });

  it('a Python name imported from the project is never read as Flux’s', () => {
    const src = `"""Self-gated units built on the package's own sigmoid."""
import numpy as np

from .functional import sigmoid


def self_gate(x: np.ndarray) -> np.ndarray:
    return x * sigmoid(x)
`;
    const start = nthOffset(src, 'x * sigmoid(x)');
    for (let offset = start; offset <= start + 'x * sigmoid(x)'.length; offset++) {
      const got = recognizeAt(src, offset, PY);
      assert.notEqual(got?.framework, 'flux', `offset ${offset - start}`);
    }
  });
});

describe('terms: calls read whatever their optional arguments', () => {
  it('TF.js tidy named by a constant is the function it runs: SiLU', () => {
    const src = `import * as tf from '@tensorflow/tfjs';

/** Scope name shared by the profiler's memory report. */
const SCOPE = 'swish';

export function swish(x: tf.Tensor): tf.Tensor {
  return tf.tidy(SCOPE, () => x.mul(tf.sigmoid(x)));
}
`;
    expectFormula('typescript', src, 'tf.tidy(SCOPE, () => x.mul(tf.sigmoid(x)))', {
      id: 'silu',
      framework: 'tfjs',
      params: { beta: 1 },
    });
  });

  it('NumPy zeros_like with a dtype is still zeros: maximum with it is ReLU', () => {
    const src = `"""Rectifier for the float16 inference path."""
import numpy as np


def relu(x: np.ndarray) -> np.ndarray:
    # Zeros in x's own dtype, so float16 stays float16.
    return np.maximum(x, np.zeros_like(x, dtype=x.dtype))
`;
    expectFormula(PY, src, 'np.maximum(x, np.zeros_like(x, dtype=x.dtype))', {
      id: 'relu',
      framework: 'numpy',
      params: {},
    });
  });
});

describe('terms: a variable named like a library convention', () => {
  it('a parameter named `activations` (Keras’ convention name) is still the formula’s variable: SiLU', () => {
    const src = `"""Feature probes: self-gated hidden activations."""
import torch


def self_gated(activations: torch.Tensor) -> torch.Tensor:
    return activations * torch.sigmoid(activations)
`;
    expectFormula(PY, src, 'activations * torch.sigmoid(activations)', {
      id: 'silu',
      framework: 'pytorch',
      params: { beta: 1 },
    });
  });
});

describe('terms: the max values of a PyTorch max', () => {
  it('PyTorch softmax shifted by `x.max(-1, True)[0]` (keepdim by position) is softmax over -1', () => {
    const src = `"""Numerically stable softmax over the last dimension."""
import torch


def stable_softmax(x: torch.Tensor) -> torch.Tensor:
    # torch.max(input, dim, keepdim) returns (values, indices); [0] is the values.
    e = torch.exp(x - x.max(-1, True)[0])
    return e / e.sum(-1, keepdim=True)
`;
    expectFormula(PY, src, 'e / e.sum(-1, keepdim=True)', {
      id: 'softmax',
      framework: 'pytorch',
      params: { dim: -1 },
    });
  });

  it('a temporary max read through `[0]` or `.values` is the max’s values: softmax over -1', () => {
    const src = `"""Softmax over the last dimension, the row maximum kept in a temporary."""
import torch


def softmax_first(x: torch.Tensor) -> torch.Tensor:
    m = x.max(dim=-1, keepdim=True)
    e = torch.exp(x - m[0])
    return e / e.sum(dim=-1, keepdim=True)


def softmax_values(x: torch.Tensor) -> torch.Tensor:
    m = x.max(dim=-1, keepdim=True)
    e = torch.exp(x - m.values)
    return e / e.sum(dim=-1, keepdim=True)
`;
    for (const nth of [0, 1]) {
      expectFormula(
        PY,
        src,
        'e / e.sum(dim=-1, keepdim=True)',
        { id: 'softmax', framework: 'pytorch', params: { dim: -1 } },
        nth,
      );
    }
  });
});
