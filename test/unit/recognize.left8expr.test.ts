/**
 * The formula reader's grammar (`formulas/expr.ts`) on values written through an operand or a bracket the
 * reader must not lose: Python's `~keep` and JavaScript's `!kT` as call arguments inside a softmax written
 * by hand, a module called with unpacked arguments (`self.gru(*inputs)[0]`), an awaited value
 * (`(await t.data())[0]`), an element of a Julia adjoint (`W'[:, j]`), and TypeScript's untyped optional
 * arrow parameter `(x?) =>`, which is no part of the arrow's body; and a long formula at the end of an
 * activation registry holding many calls before it (the reader's depth bound must count nesting, not lists).
 *
 * Expected values come from the languages and from mathematics. Python's `~` is the bitwise (for bool
 * tensors, logical) not (Python reference, "Unary arithmetic and bitwise operations"), JavaScript's `!` the
 * logical not (ECMAScript, "Logical NOT Operator"): one operand like any other. `Tensor.masked_fill(mask, v)`
 * returns a tensor of the input's shape (PyTorch docs) and TF.js `a.matMul(b, transposeA, transposeB)` a
 * tensor (TF.js API), so exp(v) / Σ₋₁ exp(v) over either is softmax over dimension −1 whatever v is.
 * `f(*args)` calls f with the unpacked arguments (Python reference, "Calls"); `nn.GRU` returns the pair
 * (output, h_n) (PyTorch docs), so `[0]` is the output tensor. `await p` is the promise's value (ECMAScript,
 * "Await"); `t.data()` resolves to the tensor's values. Julia's `W'` is the adjoint of W, another array
 * (Julia manual, "Linear Algebra"), so `W'[:, j]` is a vector. In TypeScript `(x?) => body` is an arrow
 * function whose body is `body` (TypeScript Handbook, "Optional Parameters"). v·σ(v) is SiLU (Elfwing et
 * al., 2018) of any value v; v / (1 + e⁻ᵛ) is the same. 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))) is the
 * tanh approximation of GELU (Hendrycks & Gimpel, 2016; PyTorch `nn.GELU(approximate='tanh')`).
 */
import './freshModels';
import { expectFormula } from './formulaHelpers';

describe('Python: `~mask` is an operand inside a masked softmax written by hand', () => {
  const SRC = `"""Attention over padded token sequences: keys past a sequence's length get no weight."""
import torch
from torch import nn


class MaskedAttention(nn.Module):
    def __init__(self, dim: int):
        super().__init__()
        self.scale = dim ** -0.5

    def forward(self, q, k, v, keep):
        # keep is a bool mask, True at real keys; ~keep marks the padding.
        s = q @ k.transpose(-2, -1) * self.scale
        w = torch.exp(s.masked_fill(~keep, -1e9)) / torch.exp(s.masked_fill(~keep, -1e9)).sum(-1, keepdim=True)
        return w @ v
`;

  it('reads softmax over dim -1 of the masked scores', () => {
    expectFormula(
      'python',
      SRC,
      'torch.exp(s.masked_fill(~keep, -1e9)) / torch.exp(s.masked_fill(~keep, -1e9)).sum(-1, keepdim=True)',
      { id: 'softmax', framework: 'pytorch', params: { dim: -1 } },
    );
  });
});

describe('Python: a call with unpacked arguments `f(*xs)` is a value', () => {
  const SRC = `"""Recurrent encoder whose output is gated by its own sigmoid (SiLU) before the projection."""
import torch
from torch import nn


class GatedEncoder(nn.Module):
    def __init__(self, d_in: int, d_hidden: int):
        super().__init__()
        self.gru = nn.GRU(d_in, d_hidden, batch_first=True)
        self.proj = nn.Linear(d_hidden, d_hidden)

    def forward(self, *inputs):
        # inputs is (x,) or (x, h0); nn.GRU returns (output, h_n).
        return self.proj(self.gru(*inputs)[0] * torch.sigmoid(self.gru(*inputs)[0]))
`;

  it('reads SiLU over the GRU output `self.gru(*inputs)[0]`', () => {
    expectFormula('python', SRC, 'self.gru(*inputs)[0] * torch.sigmoid(self.gru(*inputs)[0])', {
      id: 'silu',
      framework: 'pytorch',
      params: { beta: 1 },
    });
  });
});

describe('JavaScript (TF.js): `!flag` is an operand, `(await t.data())[0]` a value', () => {
  const SRC = `/** Reranker scores: attention weights on the GPU, and the gated score of the top item read back. */
import * as tf from '@tensorflow/tfjs';

// Weights of queries q over keys k; k is [n, d] unless kT says it is stored as [d, n] already.
export function attentionWeights(q, k, kT) {
  return tf.exp(q.matMul(k, false, !kT)).div(tf.exp(q.matMul(k, false, !kT)).sum(-1, true));
}

// SiLU of the first logit, as a plain number for the UI.
export async function gatedTopScore(logits) {
  return (await logits.data())[0] / (1 + Math.exp(-(await logits.data())[0]));
}
`;

  it('reads softmax over dim -1 of the scores `q.matMul(k, false, !kT)`', () => {
    expectFormula(
      'javascript',
      SRC,
      'tf.exp(q.matMul(k, false, !kT)).div(tf.exp(q.matMul(k, false, !kT)).sum(-1, true))',
      { id: 'softmax', framework: 'tfjs', params: { dim: -1 } },
    );
  });

  it('reads SiLU over the awaited first element', () => {
    expectFormula(
      'javascript',
      SRC,
      '(await logits.data())[0] / (1 + Math.exp(-(await logits.data())[0]))',
      { id: 'silu', framework: 'other', params: { beta: 1 } },
    );
  });
});

describe("Julia: an element of an adjoint `W'[:, j]` is a value", () => {
  const SRC = `module TiedGates

using Flux

# The decoder shares the encoder's weights: its j-th unit reads row j of W, i.e. column j of W'.
function tied_unit(W::AbstractMatrix, j::Integer)
    # SiLU (x .* σ.(x)) of that column, elementwise.
    return W'[:, j] .* σ.(W'[:, j])
end

end
`;

  it("reads SiLU over the column `W'[:, j]`", () => {
    expectFormula('julia', SRC, "W'[:, j] .* σ.(W'[:, j])", {
      id: 'silu',
      framework: 'flux',
      params: { beta: 1 },
    });
  });
});

describe('TypeScript: an untyped optional parameter `(x?) =>` is no part of the body', () => {
  const SRC = `/** Loose activation table for the playground (the sandbox compiles without noImplicitAny). */
import * as tf from '@tensorflow/tfjs';

export const ACTIVATIONS = {
  relu: tf.relu,
  swish: (x?) => x * tf.sigmoid(x),
};
`;

  it('reads SiLU over the arrow body only', () => {
    expectFormula('typescript', SRC, 'x * tf.sigmoid(x)', {
      id: 'silu',
      framework: 'tfjs',
      params: { beta: 1 },
    });
  });
});

describe('Python: a long formula at the end of a large activation registry', () => {
  const SRC = `"""Activation registry for the config-driven model zoo: names in the YAML map to modules."""
import math

import torch
from torch import nn

ACTIVATIONS = {
    "relu": nn.ReLU(),
    "relu6": nn.ReLU6(),
    "leaky_relu": nn.LeakyReLU(0.01),
    "elu": nn.ELU(),
    "selu": nn.SELU(),
    "celu": nn.CELU(),
    "gelu": nn.GELU(),
    "silu": nn.SiLU(),
    "mish": nn.Mish(),
    "tanh": nn.Tanh(),
    "sigmoid": nn.Sigmoid(),
    "softplus": nn.Softplus(),
    "softsign": nn.Softsign(),
    "hardswish": nn.Hardswish(),
    "hardsigmoid": nn.Hardsigmoid(),
    "logsigmoid": nn.LogSigmoid(),
    "tanhshrink": nn.Tanhshrink(),
    "prelu": nn.PReLU(),
    "rrelu": nn.RReLU(),
    # The tanh approximation of GELU as in the original BERT code (Hendrycks & Gimpel, 2016).
    "gelu_tanh": lambda x: 0.5 * x * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * x ** 3))),
}
`;

  it('reads the tanh approximation of GELU from its first token', () => {
    expectFormula(
      'python',
      SRC,
      '0.5 * x * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * x ** 3)))',
      { id: 'gelu', framework: 'pytorch', params: { approximate: 'tanh' } },
    );
  });
});
