/**
 * How a hand-written formula's pieces become terms (formulas/terms.ts), ninth round: a library call
 * whose result goes to `out=`, a Julia `Ref` read with `r[]`, a flag choosing between two softmax
 * dimensions the code computes or names, a NumPy max gathered row by row, a reduction of a value that
 * depends on the variable used as a slope, a named constant of a library that is no variable, a logarithm
 * given its base, one element of a max several subscripts deep, a reduction's dtype given by position, an
 * attribute path's dots, a boolean fill value, and TF.js' tidy named through an assignment.
 *
 * Expected values come from the frameworks' documentation and the languages' rules: `torch.clamp(input,
 * min, max, *, out)` writes min(max(x, min), max) into `out` and returns it, so `min=0` with no `max` is
 * ReLU; Julia's `r[]` reads the value a `Ref` holds, and NNlib's `σ` is the logistic function, so
 * `r[] * σ(r[])` is x·σ(x), SiLU; a conditional expression is one activation only when both branches
 * compute one and the same (a softmax over `x.ndim - 1` and one over `x.ndim - 3`, or over the named
 * dimensions 'C' and 'W', differ; so do slopes read from two different attributes, `self.head.s` and
 * `self.heads`); NumPy's integer-array indexing `m[rows, 0]` of a `(B, 1)` max is a `(B,)` vector, which
 * broadcasts along the last axis, so `x - m[rows, 0]` shifts each column by another row's max and the
 * quotient is no softmax; x·σ(β·x) is swish only for a β free of x, and
 * `torch.sum(x @ w, dim=-1, keepdim=True)` depends on x; `scipy.constants.golden` is the number φ, so
 * φ·expit(φ) is a number, not a function of an input (as `math.pi * expit(math.pi)` is). Python's
 * `math.log(x, base)` and Rust's `f64::log(self, base)` are log(x)/log(base), Julia's `log(b, x)` takes the
 * base first: log₂4 = 2 in all three. exp(x − c) / Σ exp(x − c) is softmax for any c constant along the
 * reduced axis, and one element of a max (`values[0][0]` of a `(B, T, 1)` max, `[0][0][0][0]` of a
 * `(B, H, Q, 1)` one) is one number. `np.sum(a, axis, dtype, out, keepdims)`: a dtype only sets the
 * accumulator's type. NumPy computes with False as 0, so `np.where(x > 0, x, False)` is ReLU. TF.js'
 * `tf.tidy(nameOrFn, fn?)` with two arguments takes the name first and returns what `fn` returns; an
 * assignment expression passes its value. NumPy's `m[:, 0]` and `m[..., 0]` of a kept max drop the kept
 * axis again: the shift varies along the reduced axis, no softmax.
 */
import './freshModels';
import { expectFormula, expectFormulaOutsideStrings, expectNotWhole } from './formulaHelpers';

const PY = 'python';
const JL = 'julia';

describe('terms: the out= keyword dropped, the other keywords kept', () => {
  it('reads torch.clamp(h, min=0.0, out=buf) as ReLU written into a buffer', () => {
    const src = `"""Activation kernels that write into preallocated buffers (no allocation per step)."""
import torch


class BufferedRelu:
    def __init__(self, shape):
        self.buf = torch.empty(shape)

    def __call__(self, h):
        # min=0 with no max: the negative part is cut, the result lands in self.buf.
        return torch.clamp(h, min=0.0, out=self.buf)

    def reset(self):
        self.buf.zero_()
`;
    expectFormula(PY, src, 'torch.clamp(h, min=0.0, out=self.buf)', {
      id: 'relu',
      framework: 'pytorch',
      params: {},
    });
  });
});

describe('terms: an empty subscript is no max', () => {
  it('reads r[] * σ(r[]) on a Julia Ref as SiLU', () => {
    const src = `module ScalarGates

using NNlib

"""
    silu!(out, r)

SiLU of the scalar a \`Ref\` holds, written into \`out\`.
"""
function silu!(out::Base.RefValue{Float32}, r::Base.RefValue{Float32})
    out[] = r[] * σ(r[])
    return out
end

end # module
`;
    expectFormula(JL, src, 'r[] * σ(r[])', { id: 'silu', framework: 'flux', params: { beta: 1 } });
  });
});

describe('terms: a softmax dimension the code computes is compared as written', () => {
  it('reads no one softmax where a flag picks the dimension x.ndim - 1 or x.ndim - 3', () => {
    const src = `"""Attention weights over the channel axis, channels last or channels first."""
import torch


def channel_weights(scores, channels_last=True):
    e = torch.exp(scores)
    return e / e.sum(scores.ndim - 1, keepdim=True) if channels_last else e / e.sum(scores.ndim - 3, keepdim=True)


def token_weights(scores):
    return torch.softmax(scores, dim=1)
`;
    expectNotWhole(
      PY,
      src,
      'e / e.sum(scores.ndim - 1, keepdim=True) if channels_last else e / e.sum(scores.ndim - 3, keepdim=True)',
    );
    expectFormula(PY, src, 'e / e.sum(scores.ndim - 3, keepdim=True)', {
      id: 'softmax',
      framework: 'pytorch',
      params: {},
    });
  });
});

describe('terms: a max subscripted by an index array is no max', () => {
  it('reads no softmax shifted by np.max(…, keepdims=True)[rows, 0]', () => {
    const src = `"""Row-wise scores, shifted by the gathered row maxima (a port of a gather-based kernel)."""
import numpy as np


def shifted_scores(x):
    rows = np.arange(x.shape[0])
    # m[rows, 0] is a (B,) vector: it broadcasts along the last axis, not along the rows.
    return np.exp(x - np.max(x, axis=1, keepdims=True)[rows, 0]) / np.sum(np.exp(x - np.max(x, axis=1, keepdims=True)[rows, 0]), axis=1, keepdims=True)


def softmax(x):
    e = np.exp(x - np.max(x, axis=1, keepdims=True))
    return e / np.sum(e, axis=1, keepdims=True)
`;
    expectNotWhole(
      PY,
      src,
      'np.exp(x - np.max(x, axis=1, keepdims=True)[rows, 0]) / np.sum(np.exp(x - np.max(x, axis=1, keepdims=True)[rows, 0]), axis=1, keepdims=True)',
    );
    expectFormula(PY, src, 'e / np.sum(e, axis=1, keepdims=True)', {
      id: 'softmax',
      framework: 'numpy',
      params: { dim: 1 },
    });
  });
});

describe('terms: a reduction of something that depends on the variable is no slope', () => {
  it('reads no swish where the slope is torch.sum(x @ w, …)', () => {
    const src = `"""A gate whose slope is each row's projected energy (an input-dependent swish)."""
import torch
import torch.nn as nn


class EnergyGate(nn.Module):
    def __init__(self, width):
        super().__init__()
        self.w = nn.Parameter(torch.randn(width, width) / width)

    def forward(self, x):
        return gate(x, self.w)


def gate(x, w):
    # The slope is computed from x itself: x * sigmoid(s(x) * x) is no swish.
    return x * torch.sigmoid(torch.sum(x @ w, dim=-1, keepdim=True) * x)
`;
    expectNotWhole(PY, src, 'x * torch.sigmoid(torch.sum(x @ w, dim=-1, keepdim=True) * x)');
  });
});

describe('terms: a named constant of a library is no variable', () => {
  it('reads no SiLU of scipy.constants.golden', () => {
    const src = `"""Reference values the gate kernels' tests compare against."""
import scipy.constants
import scipy.special


def silu_at_golden_ratio():
    # A number: SiLU evaluated at phi, computed once with SciPy.
    return scipy.constants.golden * scipy.special.expit(scipy.constants.golden)


def silu(x):
    # SciPy's logistic function applied to an array: x * expit(x) is SiLU.
    return x * scipy.special.expit(x)
`;
    expectNotWhole(PY, src, 'scipy.constants.golden * scipy.special.expit(scipy.constants.golden)');
  });
});

describe('terms: a logarithm given its base, folded', () => {
  it('reads x·σ(log₂(depth)·x) with depth=4 as swish with β = 2 (Python math.log(x, base))', () => {
    const src = `"""Swish whose slope grows with the network's depth, in bits."""
import math

import torch


def depth_swish(x, depth=4):
    # math.log(x, base) is log(x) / log(base): log2(4) = 2.
    return x * torch.sigmoid(math.log(depth, 2) * x)


def plain_swish(x):
    return x * torch.sigmoid(x)
`;
    expectFormula(PY, src, 'x * torch.sigmoid(math.log(depth, 2) * x)', {
      id: 'silu',
      framework: 'pytorch',
      params: { beta: 2 },
    });
  });

  it('reads Julia x * σ(log(2, 4) * x), base first, as swish with β = 2', () => {
    const src = `module DepthGates

using NNlib

# log(b, x) is the base-b logarithm of x: log(2, 4) == 2.
depth_swish(x) = x * σ(log(2, 4) * x)

end # module
`;
    expectFormula(JL, src, 'x * σ(log(2, 4) * x)', {
      id: 'silu',
      framework: 'flux',
      params: { beta: 2 },
    });
  });

  it('reads Rust x / (1 + e^(−log₂4·x)) as swish with β = 2 (f64::log takes the base)', () => {
    const src = `//! Scalar reference activations for the kernel tests.

/// Swish with slope log2(4) = 2, written out.
pub fn depth_swish(x: f64) -> f64 {
    x / (1.0 + (-(4.0_f64.log(2.0)) * x).exp())
}

pub fn identity(x: f64) -> f64 {
    x
}
`;
    expectFormula('rust', src, 'x / (1.0 + (-(4.0_f64.log(2.0)) * x).exp())', {
      id: 'silu',
      framework: 'other',
      params: { beta: 2 },
    });
  });
});

describe('terms: one element of a max, several subscripts deep', () => {
  it('reads softmax shifted by x.max(-1, keepdim=True)[0][0][0], one maximum of a 3-D tensor', () => {
    const src = `"""Token scores (batch, time, vocab) shifted by one maximum for stability."""
import torch


def token_probs(x):
    # values[0][0] of a (B, T, 1) max is one number: a shift softmax allows.
    return torch.exp(x - x.max(-1, keepdim=True)[0][0][0]) / torch.exp(x - x.max(-1, keepdim=True)[0][0][0]).sum(-1, keepdim=True)
`;
    expectFormula(
      PY,
      src,
      'torch.exp(x - x.max(-1, keepdim=True)[0][0][0]) / torch.exp(x - x.max(-1, keepdim=True)[0][0][0]).sum(-1, keepdim=True)',
      { id: 'softmax', framework: 'pytorch', params: { dim: -1 } },
    );
  });

  it('reads softmax shifted by one maximum of 4-D attention scores, [0][0][0][0] under the values', () => {
    const src = `"""Attention probabilities over the keys, scores shaped (batch, heads, queries, keys)."""
import torch


def attention_probs(scores):
    top = scores.max(-1, keepdim=True)[0][0][0][0][0]
    return torch.exp(scores - top) / torch.exp(scores - top).sum(-1, keepdim=True)
`;
    expectFormula(
      PY,
      src,
      'torch.exp(scores - top) / torch.exp(scores - top).sum(-1, keepdim=True)',
      { id: 'softmax', framework: 'pytorch', params: { dim: -1 } },
    );
  });
});

describe('terms: a reduction’s dtype given by position', () => {
  it('reads e / np.sum(e, -1, np.float64, keepdims=True) as softmax over the last axis', () => {
    const src = `"""Class probabilities, summed in double precision."""
import numpy as np


def probabilities(x):
    e = np.exp(x - np.max(x, axis=-1, keepdims=True))
    # np.sum(a, axis, dtype, out, keepdims): float64 only sets the accumulator's type.
    return e / np.sum(e, -1, np.float64, keepdims=True)
`;
    expectFormula(PY, src, 'e / np.sum(e, -1, np.float64, keepdims=True)', {
      id: 'softmax',
      framework: 'numpy',
      params: { dim: -1 },
    });
  });
});

describe('terms: a keyword’s string value is compared as written', () => {
  it('reads no one softmax where a flag picks the named dimension C or W', () => {
    const src = `"""Channel weights over named tensors (torch named tensors: dims named N, C, H, W)."""
import torch


def channel_weights(x, over_channels=True):
    e = torch.exp(x)
    return e / e.sum(dim='C', keepdim=True) if over_channels else e / e.sum(dim='W', keepdim=True)
`;
    expectNotWhole(
      PY,
      src,
      "e / e.sum(dim='C', keepdim=True) if over_channels else e / e.sum(dim='W', keepdim=True)",
    );
    expectFormulaOutsideStrings(PY, src, "e / e.sum(dim='W', keepdim=True)", {
      id: 'softmax',
      framework: 'pytorch',
      params: {},
    });
  });
});

describe('terms: an attribute path keeps its dots', () => {
  it('reads no one swish where a flag picks self.head.s or self.heads as the slope', () => {
    const src = `"""Gate whose slope is the classifier head's scale, or the number of heads."""
import torch
import torch.nn as nn


class ScaledGate(nn.Module):
    def __init__(self, head, heads, per_head=True):
        super().__init__()
        self.head = head  # holds the head's scale s (ArcFace-style)
        self.heads = heads
        self.per_head = per_head

    def forward(self, x):
        return x * torch.sigmoid(self.head.s * x) if self.per_head else x * torch.sigmoid(self.heads * x)
`;
    expectNotWhole(
      PY,
      src,
      'x * torch.sigmoid(self.head.s * x) if self.per_head else x * torch.sigmoid(self.heads * x)',
    );
    expectFormula(PY, src, 'x * torch.sigmoid(self.heads * x)', {
      id: 'silu',
      framework: 'pytorch',
      params: {},
    });
  });
});

describe('terms: a boolean literal is the 0 or 1 it is in arithmetic', () => {
  it('reads np.where(x > 0, x, False) as ReLU', () => {
    const src = `"""Rectifier written with a boolean fill value."""
import numpy as np


def rectify(x):
    # False is 0 wherever NumPy computes with it: the negative entries become 0.0.
    return np.where(x > 0, x, False)


def positive_mask(x):
    return x > 0
`;
    expectFormula(PY, src, 'np.where(x > 0, x, False)', {
      id: 'relu',
      framework: 'numpy',
      params: {},
    });
  });
});

describe('terms: TF.js tidy named through an assignment', () => {
  it("reads tf.tidy(scope = 'swish', () => x.mul(tf.sigmoid(x))) as SiLU", () => {
    const src = `import * as tf from '@tensorflow/tfjs';

/** The scope name the last kernel ran under, for the profiler's log. */
let scope;

/** Swish, its intermediate tensors freed by tidy under a name (\`tf.tidy(nameOrFn, fn?)\`). */
export function swish(x) {
  return tf.tidy(scope = 'swish', () => x.mul(tf.sigmoid(x)));
}

export function lastScope() {
  return scope;
}
`;
    expectFormulaOutsideStrings(
      'javascript',
      src,
      "tf.tidy(scope = 'swish', () => x.mul(tf.sigmoid(x)))",
      { id: 'silu', framework: 'tfjs', params: { beta: 1 } },
    );
  });
});

describe('terms: a subscript with a slice is no element of a max', () => {
  it('reads no softmax shifted by a column or the last axis of a kept max ([:, 0], [..., 0])', () => {
    const src = `"""Scores shifted by the row maxima with the kept axis dropped again (a broadcasting bug)."""
import numpy as np


def column_shifted(x):
    # m[:, 0] is (B,): it broadcasts along the last axis, not along the rows.
    return np.exp(x - np.max(x, axis=1, keepdims=True)[:, 0]) / np.sum(np.exp(x - np.max(x, axis=1, keepdims=True)[:, 0]), axis=1)


def last_axis_shifted(x):
    return np.exp(x - np.max(x, axis=-1, keepdims=True)[..., 0]) / np.sum(np.exp(x - np.max(x, axis=-1, keepdims=True)[..., 0]), axis=-1)


def softmax(x):
    return np.exp(x - np.max(x, -1, keepdims=True)[0, 0]) / np.sum(np.exp(x - np.max(x, -1, keepdims=True)[0, 0]), -1, keepdims=True)
`;
    expectNotWhole(
      PY,
      src,
      'np.exp(x - np.max(x, axis=1, keepdims=True)[:, 0]) / np.sum(np.exp(x - np.max(x, axis=1, keepdims=True)[:, 0]), axis=1)',
    );
    expectNotWhole(
      PY,
      src,
      'np.exp(x - np.max(x, axis=-1, keepdims=True)[..., 0]) / np.sum(np.exp(x - np.max(x, axis=-1, keepdims=True)[..., 0]), axis=-1)',
    );
    expectFormula(
      PY,
      src,
      'np.exp(x - np.max(x, -1, keepdims=True)[0, 0]) / np.sum(np.exp(x - np.max(x, -1, keepdims=True)[0, 0]), -1, keepdims=True)',
      { id: 'softmax', framework: 'numpy', params: { dim: -1 } },
    );
  });
});
