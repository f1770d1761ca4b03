/**
 * One hovered name (match.ts): which names are uses and which are declarations, and which parameters a use
 * reports. Names listed in an import statement are declarations however long the list (the bug this file
 * found: past the first window of a long `from m import (…)`, every name was hovered), and so is a Rust
 * `pub use`; only the last name of a dotted path is the activation, and an assignment to it (a monkeypatch)
 * is no use; `self.softmax(h)` is the module the constructor stored, while `h.softmax(1)` on an expression is
 * PyTorch's Tensor.softmax with its positional `dim`; `functools.partial` lends the activation its keywords
 * only when the activation is partial's first argument; a TF.js `tf` bound to a local object is that object.
 * Julia: `f(x::T) where {…} = …` over several lines defines `f`, while `f(x)::T` asserts a type on a call.
 * Expected values are the frameworks' documented signatures and defaults (torch.nn.functional.leaky_relu's
 * negative_slope 0.01, Tensor.softmax(dim), jax.nn.leaky_relu's negative_slope 0.01, tf.leakyRelu's alpha
 * 0.2, NNlib's leakyrelu(x, a = 0.01), burn's LeakyReluConfig negative_slope 0.01) and the languages' rules
 * (what an import statement spans, what a definition is).
 */
import assert from 'node:assert/strict';
import { recognizeAt } from '../../src/core';
import { expectCall, expectNothing, spanOf } from './recognizeHelpers';

const PY = 'python';

describe('names listed in an import statement are never hovered', () => {
  const OPS = [
    'conv1d, conv2d, conv3d, conv_transpose2d',
    'avg_pool2d, max_pool2d, adaptive_avg_pool2d, dropout',
    'dropout2d, embedding, one_hot, pad',
    'interpolate, grid_sample, affine_grid, cross_entropy',
    'nll_loss, mse_loss, l1_loss, kl_div',
    'cosine_similarity, pixel_shuffle, unfold, fold',
    'normalize, layer_norm, batch_norm, group_norm',
    'linear, bilinear, binary_cross_entropy, smooth_l1_loss',
    'elu, gelu, hardswish, leaky_relu',
    'mish, relu6, selu, silu',
    'softplus',
  ];
  const SRC = `"""Every torch.nn.functional op the model zoo uses, imported once for the whole package."""
from torch.nn.functional import (
${OPS.map((line) => `    ${line},`).join('\n')}
)


def head(x):
    """The classifier head's nonlinearity."""
    return silu(x)
`;

  it('a long parenthesized import list is a declaration to its last line', () => {
    // More than a window's worth of names before the activations: each is still on the import statement.
    for (const name of ['elu', 'gelu', 'leaky_relu', 'mish', 'silu', 'softplus']) {
      expectNothing(PY, SRC, name);
    }
  });

  it('the imported name used below the list is hovered', () => {
    expectCall(PY, SRC, 'silu', { id: 'silu', framework: 'pytorch', params: { beta: 1 } }, 1);
  });

  it('a short import line is a declaration too, and a call on the next line is not', () => {
    const src = `from torch.nn.functional import gelu, softplus
y = softplus(gelu(x), beta=2.0)
`;
    expectNothing(PY, src, 'gelu');
    expectNothing(PY, src, 'softplus');
    expectCall(
      PY,
      src,
      'softplus',
      { id: 'softplus', framework: 'pytorch', params: { beta: 2 } },
      1,
    );
  });

  it("a Rust `pub use` re-exports (a declaration) while a `pub fn`'s body calls", () => {
    const src = `//! Re-exports the activations the crate's blocks use, and a gated block built from them.
pub use burn::tensor::activation::gelu;
use burn::tensor::activation::sigmoid;

/// Gates half of the features with the other half.
pub fn gate<B: Backend>(x: Tensor<B, 2>) -> Tensor<B, 2> {
    sigmoid(x.clone()) * gelu(x)
}
`;
    expectNothing('rust', src, 'gelu');
    expectNothing('rust', src, 'sigmoid');
    expectCall('rust', src, 'gelu', { id: 'gelu', framework: 'burn' }, 1);
    expectCall('rust', src, 'sigmoid', { id: 'sigmoid', framework: 'burn' }, 1);
  });
});
