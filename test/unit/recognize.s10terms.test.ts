/**
 * How a hand-written formula's pieces become terms (formulas/terms.ts), tenth round: any row of a max that
 * is a tensor, C++'s comma operator inside a subscript, a TypeScript cast around a receiver, and Python's
 * floor division of two constants.
 *
 * Expected values come from the frameworks' documentation, the language standards and mathematics:
 * exp(x − c) / Σ exp(x − c) is softmax for any c constant along the reduced axis. `torch.amax(input, dim,
 * keepdim)` and NumPy's `np.max`/`np.amax(a, axis, keepdims)` return a tensor of maxima, so any row of a
 * kept max (`[1]`, `[2]`) still has the reduced axis of size 1, a shift softmax allows. `torch.max(input,
 * dim, keepdim)` and `Tensor.max(dim, keepdim)` return the named tuple (values, indices): `[0]` is the
 * values, `[1]` the indices (positions, so x − argmax is no softmax shift), and a row of the values
 * (`[0][1]`) is again a row of maxima. C++17 [expr.comma]: inside `[]` a comma is the comma operator, whose
 * value is its right operand (deprecated in C++20, ill-formed in C++23), so `m[0, 1]` is `m[1]`; a floating
 * index converts to `Tensor::operator[](int64_t)` by truncation toward zero ([conv.fpint]), so `m[0, 1.5]`
 * is `m[1]` too. Julia's `maximum(z; dims=1)` of a vector is a one-element vector, `A[]` reads the one
 * element of a one-element array, and `A[1]` of a matrix of maxima its first (linear indexing): one
 * number either way. TypeScript's `x as T` only tells the compiler a type ("type assertions are removed by the
 * compiler"), so `(x as tf.Tensor).mul(tf.sigmoid(x))` is x·σ(x), SiLU; Rust's `as` binds tighter than
 * `%` (the Rust Reference, operator precedence), so `n as f64 % 2.0` is (n as f64) % 2, no n. Python's
 * `a // b` is the floor of a / b: `7 // 2` is 3, `-7 // 2` is -4; Julia's `7 // 2` is the rational 7/2.
 */
import './freshModels';
import { expectFormula, expectNotWhole } from './formulaHelpers';

const PY = 'python';
const CPP = 'cpp';
const JL = 'julia';
const JS = 'typescript';

describe('terms: any row of a max that is a tensor', () => {
  const SRC = `"""Attention weights shared across heads: every head is shifted by the reference head's maxima."""
import numpy as np
import torch


def shared_shift_softmax(scores: torch.Tensor) -> torch.Tensor:
    # scores: (heads, queries, keys). torch.amax keeps a (heads, queries, 1) tensor; head 1's maxima
    # (queries, 1) broadcast over every head and are constant along the keys.
    e = torch.exp(scores - torch.amax(scores, dim=-1, keepdim=True)[1])
    return e / e.sum(dim=-1, keepdim=True)


def reference_row_softmax(logits: np.ndarray) -> np.ndarray:
    # logits: (layers, batch, classes); the third layer's maxima shift every layer.
    shifted = np.exp(logits - np.amax(logits, axis=-1, keepdims=True)[2])
    return shifted / np.sum(shifted, axis=-1, keepdims=True)


def values_row_softmax(scores: torch.Tensor) -> torch.Tensor:
    # Tensor.max(dim, keepdim) is (values, indices); [0][1] is a row of the values.
    e = torch.exp(scores - scores.max(-1, keepdim=True)[0][1])
    return e / e.sum(dim=-1, keepdim=True)


def numpy_element_softmax(logits: np.ndarray) -> np.ndarray:
    # ndarray.max keeps a (batch, 1) array of maxima; [1, 0] is the second row's maximum, one number.
    shifted = np.exp(logits - logits.max(axis=-1, keepdims=True)[1, 0])
    return shifted / shifted.sum(axis=-1, keepdims=True)


def argmax_shift(scores: torch.Tensor) -> torch.Tensor:
    # [1] of Tensor.max is the indices: positions, not values.
    e = torch.exp(scores - scores.max(-1, keepdim=True)[1])
    return e / e.sum(dim=-1, keepdim=True)


def kept_pair_shift(scores: torch.Tensor) -> torch.Tensor:
    best = scores.max(dim=-1, keepdim=True)
    e = torch.exp(scores - best[1])
    return e / e.sum(dim=-1, keepdim=True)


def function_pair_shift(scores: torch.Tensor) -> torch.Tensor:
    e = torch.exp(scores - torch.max(scores, -1, True)[1])
    return e / e.sum(dim=-1, keepdim=True)
`;

  it('reads softmax shifted by torch.amax(…, keepdim=True)[1] (a row of a tensor of maxima)', () => {
    expectFormula(PY, SRC, 'e / e.sum(dim=-1, keepdim=True)', {
      id: 'softmax',
      framework: 'pytorch',
      params: { dim: -1 },
    });
  });

  it('reads softmax shifted by np.amax(…, keepdims=True)[2]', () => {
    expectFormula(PY, SRC, 'shifted / np.sum(shifted, axis=-1, keepdims=True)', {
      id: 'softmax',
      framework: 'numpy',
      params: { dim: -1 },
    });
  });

  it('reads softmax shifted by x.max(-1, keepdim=True)[0][1], a row of the values', () => {
    expectFormula(
      PY,
      SRC,
      'e / e.sum(dim=-1, keepdim=True)',
      { id: 'softmax', framework: 'pytorch', params: { dim: -1 } },
      1,
    );
  });

  it('reads softmax shifted by ndarray.max(…, keepdims=True)[1, 0], one maximum', () => {
    expectFormula(PY, SRC, 'shifted / shifted.sum(axis=-1, keepdims=True)', {
      id: 'softmax',
      framework: 'numpy',
      params: { dim: -1 },
    });
  });

  it('reads no softmax shifted by the indices of Tensor.max or torch.max ([1] of the pair)', () => {
    for (const nth of [2, 3, 4]) {
      expectNotWhole(PY, SRC, 'e / e.sum(dim=-1, keepdim=True)', nth);
    }
  });
});

describe('terms: an element of a Julia maximum', () => {
  const SRC = `module StableSoftmax

# Column-wise softmax (features along dims=1), shifted by one maximum for stability.

"A score vector: maximum(z; dims=1) is a one-element vector, and z[] reads its one element."
vector_weights(z) = exp.(z .- maximum(z; dims=1)[]) ./ sum(exp.(z .- maximum(z; dims=1)[]); dims=1)

"A score matrix shifted by the first column's maximum (linear index 1)."
matrix_weights(z) = exp.(z .- maximum(z; dims=1)[1]) ./ sum(exp.(z .- maximum(z; dims=1)[1]); dims=1)

"Not one maximum: [1, :] is the row of column maxima, a vector Julia broadcasts down the first axis."
rowwise(z) = exp.(z .- maximum(z; dims=1)[1, :]) ./ sum(exp.(z .- maximum(z; dims=1)[1, :]); dims=1)

end
`;

  for (const spelled of ['[]', '[1]']) {
    it(`reads softmax over dims=1 shifted by maximum(z; dims=1)${spelled}`, () => {
      const m = `maximum(z; dims=1)${spelled}`;
      expectFormula(JL, SRC, `exp.(z .- ${m}) ./ sum(exp.(z .- ${m}); dims=1)`, {
        id: 'softmax',
        framework: 'other',
        params: { dim: 1 },
      });
    });
  }

  it('reads no softmax shifted by maximum(z; dims=1)[1, :], a vector along the first axis', () => {
    const m = 'maximum(z; dims=1)[1, :]';
    expectNotWhole(JL, SRC, `exp.(z .- ${m}) ./ sum(exp.(z .- ${m}); dims=1)`);
  });
});

describe('terms: a C++ subscript with a comma is the comma operator', () => {
  const SRC = `// Row-shifted softmax kernels (C++17, libtorch).
#include <torch/torch.h>

// scores: (heads, queries, keys); every head is shifted by head 1's maxima.
torch::Tensor shared_shift_softmax(const torch::Tensor& scores) {
  auto e = torch::exp(scores - torch::amax(scores, -1, true)[0, 1]);
  return e / e.sum(-1, true);
}

// A floating index converts to int64_t toward zero: [0, 1.5] is [1].
torch::Tensor truncated_row_softmax(const torch::Tensor& scores) {
  auto e = torch::exp(scores - torch::amax(scores, -1, true)[0, 1.5]);
  return e / e.sum(-1, true);
}

torch::Tensor plain_row_softmax(const torch::Tensor& scores) {
  auto e = torch::exp(scores - scores.amax(-1, true)[1]);
  return e / e.sum(-1, true);
}

// The comma's left operand is discarded: [head, 1] is [1].
torch::Tensor discarded_head_softmax(const torch::Tensor& scores, int64_t head) {
  auto e = torch::exp(scores - torch::amax(scores, -1, true)[head, 1]);
  return e / e.sum(-1, true);
}

// Each comma keeps only its right operand: [0, head, 1] is [1].
torch::Tensor chained_comma_softmax(const torch::Tensor& scores, int64_t head) {
  auto e = torch::exp(scores - torch::amax(scores, -1, true)[0, head, 1]);
  return e / e.sum(-1, true);
}
`;

  for (const [nth, spelled] of [
    [0, '[0, 1]'],
    [1, '[0, 1.5]'],
    [2, '.amax(-1, true)[1]'],
    [3, '[head, 1]'],
    [4, '[0, head, 1]'],
  ] as const) {
    it(`reads softmax shifted by a row of torch::amax written ${spelled}`, () => {
      expectFormula(
        CPP,
        SRC,
        'e / e.sum(-1, true)',
        { id: 'softmax', framework: 'libtorch', params: { dim: -1 } },
        nth,
      );
    });
  }
});

describe('terms: a cast around a receiver is the value it casts', () => {
  it('reads (x as tf.Tensor).mul(tf.sigmoid(x)) as SiLU', () => {
    const src = `import * as tf from '@tensorflow/tfjs';

/** SiLU for inputs typed loosely by the layer API. */
export function silu(x: tf.Tensor | tf.SymbolicTensor): tf.Tensor {
  return (x as tf.Tensor).mul(tf.sigmoid(x as tf.Tensor));
}

/** Gated by another input: no SiLU. */
export function gated(x: tf.Tensor | tf.SymbolicTensor, g: tf.Tensor): tf.Tensor {
  return (x as tf.Tensor).mul(tf.sigmoid(g));
}

/** Two different scalings of x: the cast inside each call is no end of the call. */
export function rescaled(x: tf.Tensor | tf.SymbolicTensor): tf.Tensor {
  return scale(x as tf.Tensor, 2).mul(tf.sigmoid(scale(x as tf.Tensor, 3)));
}

/** Members named \`as\` and \`as.shift\` (an activation scale and its shift) are no casts: no SiLU. */
export function memberNamedAs(cfg: { as: tf.Tensor & { shift: tf.Tensor } }): tf.Tensor {
  return cfg.as.mul(tf.sigmoid(cfg.as.shift));
}

/** A parameter named \`as\` (a contextual keyword, a valid name) is no cast either. */
export function parameterNamedAs(as: tf.Tensor & { shift: tf.Tensor }): tf.Tensor {
  return as.mul(tf.sigmoid(as.shift));
}

function scale(t: tf.Tensor, k: number): tf.Tensor {
  return t.mul(k);
}
`;
    expectFormula(JS, src, '(x as tf.Tensor).mul(tf.sigmoid(x as tf.Tensor))', {
      id: 'silu',
      framework: 'tfjs',
      params: { beta: 1 },
    });
    expectNotWhole(JS, src, '(x as tf.Tensor).mul(tf.sigmoid(g))');
    expectNotWhole(JS, src, 'scale(x as tf.Tensor, 2).mul(tf.sigmoid(scale(x as tf.Tensor, 3)))');
    expectNotWhole(JS, src, 'cfg.as.mul(tf.sigmoid(cfg.as.shift))');
    expectNotWhole(JS, src, 'as.mul(tf.sigmoid(as.shift))');
  });

  it('reads (x as tf.Tensor).mul(tf.sigmoid(x)) as SiLU, the cast on one side only', () => {
    const src = `import * as tf from '@tensorflow/tfjs';

export class Swish extends tf.layers.Layer {
  static className = 'Swish';

  call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0] : inputs;
      return ((x) as tf.Tensor).mul(tf.sigmoid(x));
    });
  }
}
`;
    expectFormula(JS, src, '((x) as tf.Tensor).mul(tf.sigmoid(x))', {
      id: 'silu',
      framework: 'tfjs',
      params: { beta: 1 },
    });
  });

  it('reads no SiLU in Rust where the cast binds into a remainder ((n as f64 % 2.0) is no n)', () => {
    const src = `//! Parity-weighted gates for the scalar reference kernels.

/// The parity of n, gated by the logistic of n: no SiLU of n.
pub fn parity_gate(n: i64) -> f64 {
    (n as f64 % 2.0) / (1.0 + (-(n as f64)).exp())
}

/// SiLU of n, cast once on each side.
pub fn silu_of_count(n: i64) -> f64 {
    (n as f64) / (1.0 + (-(n as f64)).exp())
}
`;
    expectNotWhole('rust', src, '(n as f64 % 2.0) / (1.0 + (-(n as f64)).exp())');
    expectFormula('rust', src, '(n as f64) / (1.0 + (-(n as f64)).exp())', {
      id: 'silu',
      framework: 'other',
      params: { beta: 1 },
    });
  });
});

describe('terms: floor division of two constants', () => {
  const SRC_FLOOR = `"""Swish with an integer slope chosen from the width."""
import torch

def swish_floor(x: torch.Tensor) -> torch.Tensor:
    # 7 // 2 is 3 in Python: floor division.
    return x * torch.sigmoid((7 // 2) * x)


def swish_negative(x: torch.Tensor) -> torch.Tensor:
    return x * torch.sigmoid(-(-7 // 2) * x)


def bucketed(x: torch.Tensor) -> torch.Tensor:
    return x * torch.sigmoid(x // 2)


def silu_of_buckets(x: torch.Tensor) -> torch.Tensor:
    # SiLU of the bucket index x // 2, whatever it is.
    return (x // 2) * torch.sigmoid(x // 2)


def silu_of_group_size(n: torch.Tensor) -> torch.Tensor:
    return (64 // n) * torch.sigmoid(64 // n)


def broken_gate(x: torch.Tensor) -> torch.Tensor:
    # Raises ZeroDivisionError for every input: no activation.
    return x * torch.sigmoid((1 // 0) * x)


def capped_gate(x: torch.Tensor) -> torch.Tensor:
    # The cap is the remainder 45 % 7, which is 3: clamp(x + 3, 0, 3) / 6 is no hard sigmoid.
    return torch.clamp(x + 3, 0, 45 % 7) / 6
`;

  it('reads x * torch.sigmoid((7 // 2) * x) as swish with β = 3 (Python floors)', () => {
    const src = SRC_FLOOR;
    expectFormula(PY, src, 'x * torch.sigmoid((7 // 2) * x)', {
      id: 'silu',
      framework: 'pytorch',
      params: { beta: 3 },
    });
    // -7 // 2 is -4 (the floor, not the truncation -3): β = 4.
    expectFormula(PY, src, 'x * torch.sigmoid(-(-7 // 2) * x)', {
      id: 'silu',
      framework: 'pytorch',
      params: { beta: 4 },
    });
    expectNotWhole(PY, src, 'x * torch.sigmoid(x // 2)');
    expectNotWhole(PY, src, 'torch.clamp(x + 3, 0, 45 % 7) / 6');
    expectNotWhole(PY, src, 'x * torch.sigmoid((1 // 0) * x)');
  });

  it('reads SiLU of a floor division with a variable ((x // 2) and (64 // n) are values of their own)', () => {
    for (const expr of ['(x // 2) * torch.sigmoid(x // 2)', '(64 // n) * torch.sigmoid(64 // n)']) {
      expectFormula(PY, SRC_FLOOR, expr, { id: 'silu', framework: 'pytorch', params: { beta: 1 } });
    }
  });

  it('reads Julia x * σ((7 // 2) * x) as swish with β = 7/2 (a rational)', () => {
    const src = `module Gates

using NNlib: σ

"Swish with the slope 7//2, kept exact as a rational."
swish72(x) = x * σ((7 // 2) * x)

end
`;
    expectFormula(JL, src, 'x * σ((7 // 2) * x)', {
      id: 'silu',
      framework: 'flux',
      params: { beta: 3.5 },
    });
  });
});
