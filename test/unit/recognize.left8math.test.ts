/**
 * Hand-written softmaxes shifted by one element or one row of a max, softmaxes whose sum takes its later
 * arguments by position, rectifiers whose bound is a function of a constant, and JavaScript files that
 * start with an arrow function or a constant (formulas/terms.ts, softmax.ts, temporaries.ts).
 *
 * Expected values come from mathematics and the frameworks' documentation. Softmax is exp(x) / Σ exp(x)
 * along the reduced axis, and exp(x − c) / Σ exp(x − c) = exp(x) / Σ exp(x) for any c constant along that
 * axis. PyTorch's `Tensor.max(dim, keepdim)` returns the pair (values, indices), so `[0]` is the values (one
 * maximum per row, shape (n, 1) with keepdim) and `[0][0]` the first row's maximum; NumPy's
 * `np.max(x, -1, keepdims=True)[0, 0]` is one maximum; `.values` is the pair's values. Each is constant
 * along the reduced axis, so each shifted formula is softmax. `torch.sum(input, dim, keepdim)` takes keepdim
 * third by position and `numpy.sum(a, axis, dtype, out, keepdims)` keepdims fifth: neither changes a value.
 * PyTorch's `Tensor.data` is the same values outside autograd; `.T` transposes, so `m.values.T` lays one
 * row's maxima along the reduced axis and the shift varies there: no softmax.
 * log(1) = 0 and e⁰ = 1, so max(x, log 1) is ReLU and x·σ(e⁰·x) is SiLU (x·σ(x)).
 * JavaScript: a parameter default is the parameter's value when the call gives none, and a function's
 * parameter shadows a module constant of the same name (ECMAScript's scoping), wherever in the file the
 * arrow or the constant stands, the first token included. TF.js `tf.maximum(x, tf.mul(slope, x))` is
 * max(x, slope·x): leaky ReLU with negative_slope = slope for 0 < slope < 1.
 * A dimension named by position (`e.sum('C', keepdim=True)`, PyTorch's named tensors) is no number to show.
 * Python: an attribute of an imported module of the project (`batch_cache.features`) is a value like any
 * variable, so m·σ(m) is SiLU of it.
 */
import assert from 'node:assert/strict';
import './freshModels';
import { expectFormula, expectNoFormula } from './formulaHelpers';
import { recognizedAtStart } from './recognizeHelpers';

const PY = 'python';
const JS = 'javascript';

describe('left8math: softmax shifted by one element of a max', () => {
  const SRC = `"""Numerically stable softmax variants used by the export path.

ONNX export traces these; the shift only guards exp() against overflow.
"""
import numpy as np
import torch


def first_row_shift(x):
    # One scalar shift for the whole batch: cheaper than one per row and just as exact.
    return torch.exp(x - x.max(-1, keepdim=True)[0][0]) / torch.exp(x - x.max(-1, keepdim=True)[0][0]).sum(-1, keepdim=True)


def values_shift(x):
    m = x.max(dim=-1, keepdim=True)
    e = torch.exp(x - m.values[0])
    return e / e.sum(dim=-1, keepdim=True)


def attr_values_shift(x):
    e = torch.exp(x - x.max(dim=-1, keepdim=True).values[0])
    return e / e.sum(dim=-1, keepdim=True)


def numpy_scalar_shift(x):
    e = np.exp(x - np.max(x, -1, keepdims=True)[0, 0])
    return e / np.sum(e, axis=-1, keepdims=True)


def not_a_softmax(x):
    # Indices, not values: x.max(-1)[1] is where each maximum sits.
    return x.max(-1)[1]
`;

  it('reads a shift by [0][0] of a PyTorch max as softmax', () => {
    expectFormula(
      PY,
      SRC,
      'torch.exp(x - x.max(-1, keepdim=True)[0][0]) / torch.exp(x - x.max(-1, keepdim=True)[0][0]).sum(-1, keepdim=True)',
      { id: 'softmax', framework: 'pytorch', params: { dim: -1 } },
    );
  });

  it('reads a shift by m.values[0] after m = x.max(…) as softmax', () => {
    expectFormula(PY, SRC, 'e / e.sum(dim=-1, keepdim=True)', {
      id: 'softmax',
      framework: 'pytorch',
      params: { dim: -1 },
    });
  });

  it('reads a shift by x.max(…).values[0] as softmax', () => {
    expectFormula(
      PY,
      SRC,
      'e / e.sum(dim=-1, keepdim=True)',
      { id: 'softmax', framework: 'pytorch', params: { dim: -1 } },
      1,
    );
  });

  it('reads a shift by one NumPy maximum [0, 0] as softmax', () => {
    expectFormula(PY, SRC, 'e / np.sum(e, axis=-1, keepdims=True)', {
      id: 'softmax',
      framework: 'numpy',
      params: { dim: -1 },
    });
  });
});

describe('left8math: the values of a max bound to a name, through one more attribute', () => {
  const SRC = `"""Softmax heads kept in sync with the training graph (PyTorch)."""
import torch


def detached_shift(logits):
    m = logits.max(dim=-1, keepdim=True)
    # .data is the same tensor outside autograd: the shift is still each row's maximum.
    e = torch.exp(logits - m.values.data)
    return e / e.sum(dim=-1, keepdim=True)


def transposed_shift(logits):
    m = logits.max(dim=-1, keepdim=True)
    # Not a softmax: the transpose lays one row's maxima along the reduced axis (a square batch).
    e = torch.exp(logits - m.values.T)
    return e / e.sum(dim=-1, keepdim=True)
`;

  it('reads a shift by m.values.data as softmax', () => {
    expectFormula(PY, SRC, 'e / e.sum(dim=-1, keepdim=True)', {
      id: 'softmax',
      framework: 'pytorch',
      params: { dim: -1 },
    });
  });

  it('reads no softmax shifted by m.values.T, which varies along the reduced axis', () => {
    expectNoFormula(PY, SRC, 'e / e.sum(dim=-1, keepdim=True)', 1);
  });
});

describe('left8math: a sum taking its later arguments by position', () => {
  const SRC = `"""Reference softmax kernels for the C++ port's unit tests."""
import numpy as np


def softmax_keepdims(x):
    e = np.exp(x - np.max(x, axis=1, keepdims=True))
    # numpy.sum(a, axis, dtype, out, keepdims): keepdims by position, as the C++ reference spells it.
    return e / np.sum(e, 1, None, None, True)
`;

  it('reads np.sum(e, 1, None, None, True) as softmax over axis 1', () => {
    expectFormula(PY, SRC, 'e / np.sum(e, 1, None, None, True)', {
      id: 'softmax',
      framework: 'numpy',
      params: { dim: 1 },
    });
  });
});

describe('left8math: a named dimension given by position', () => {
  const SRC = `"""Channel softmax on named tensors (PyTorch's named tensor API)."""
import torch


def channel_softmax(x):
    # x is named ('N', 'C', 'H', 'W'); Tensor.sum takes the dimension's name by position too.
    e = torch.exp(x)
    return e / e.sum('C', keepdim=True)
`;

  it('shows softmax over a dimension named by position, its dimension not read', () => {
    const formula = "e / e.sum('C', keepdim=True)";
    const got = recognizedAtStart(PY, SRC, formula);
    assert.equal(got?.id, 'softmax');
    assert.equal(got.framework, 'pytorch');
    assert.deepEqual(got.nonLiteral, ['dim']);
  });
});

describe('left8math: a rectifier bound that is a function of a constant', () => {
  const SRC = `"""Activations whose constants were written in log space by the config generator."""
import math

import numpy as np
import torch


def relu_from_log(x):
    # The generator emits every floor as log(value); log(1.0) is a floor of zero.
    return np.maximum(x, np.log(1.0))


def silu_from_exp(x):
    # The temperature is stored as a log; exp(0) is a temperature of one.
    return x * torch.sigmoid(math.exp(0) * x)
`;

  it('reads np.maximum(x, np.log(1.0)) as ReLU', () => {
    expectFormula(PY, SRC, 'np.maximum(x, np.log(1.0))', { id: 'relu', framework: 'numpy' });
  });

  it('reads x * torch.sigmoid(math.exp(0) * x) as SiLU', () => {
    expectFormula(PY, SRC, 'x * torch.sigmoid(math.exp(0) * x)', {
      id: 'silu',
      framework: 'pytorch',
    });
  });
});

describe('left8math: a JavaScript file that is one arrow function, or starts with a constant', () => {
  // Loaded by the demo's model loader as `eval(fs.readFileSync(file, 'utf8'))`: the file is one arrow
  // expression, and its value is the activation; `tf` is the page's global.
  const EXPRESSION = `(x, slope = 0.2) => tf.maximum(x, tf.mul(slope, x))
`;
  const BLOCK = `(x, slope = 0.2) => {
  // Leaky ReLU for the demo page: the loader evaluates this file and calls its value.
  const y = tf.maximum(x, tf.mul(slope, x));
  return y;
}
`;
  // A browser script (TF.js from a <script> tag): no imports, so the first token is the module constant's.
  const SCRIPT = `const slope = 0.01;

function leaky(x, slope = 0.2) {
  return tf.maximum(x, tf.mul(slope, x));
}

function activate(x) {
  return leaky(x, slope);
}
`;

  it('reads the default of an arrow whose parameter list is the file’s first token', () => {
    expectFormula(JS, EXPRESSION, 'tf.maximum(x, tf.mul(slope, x))', {
      id: 'leaky_relu',
      framework: 'tfjs',
      params: { negative_slope: 0.2 },
    });
  });

  it('reads the default of a block-bodied arrow that starts the file', () => {
    expectFormula(JS, BLOCK, 'tf.maximum(x, tf.mul(slope, x))', {
      id: 'leaky_relu',
      framework: 'tfjs',
      params: { negative_slope: 0.2 },
    });
  });

  it('reads a function’s own default when the file starts with a constant of the same name', () => {
    expectFormula(JS, SCRIPT, 'tf.maximum(x, tf.mul(slope, x))', {
      id: 'leaky_relu',
      framework: 'tfjs',
      params: { negative_slope: 0.2 },
    });
  });
});

describe('left8math: an attribute of a project module as the variable', () => {
  const SRC = `"""Sanity checks run on the cached batch before training starts."""
import torch

import batch_cache


def gated_features():
    # batch_cache.features is a tensor the cache module loaded at import: SiLU of it.
    return batch_cache.features * torch.sigmoid(batch_cache.features)
`;

  it('reads SiLU of batch_cache.features', () => {
    expectFormula(PY, SRC, 'batch_cache.features * torch.sigmoid(batch_cache.features)', {
      id: 'silu',
      framework: 'pytorch',
    });
  });
});
