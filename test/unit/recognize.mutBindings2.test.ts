/**
 * Where definitions begin and end, and which parameters bind a name, in the forms the first binding tests
 * left open: a Rust file whose very first signature takes an `impl Fn` parameter, a Rust `mut` parameter
 * holding a closure, a closure parameter whose `Fn(…)` bound sits in the generics, a Julia generic function
 * declared without methods (`function gate end`) at the end of a file, Julia `try` and `if` blocks (blocks,
 * not definitions), a Julia one-line definition without parameters (`curves() = [… for σ in …]`) and one
 * behind a macro (`@inline mysig(x) = …`), and a Python function on a cell's first line whose body is
 * indented by one space.
 *
 * Expected values come from the languages' rules: Rust's `impl Trait` in argument position is a type, not
 * an impl block, a generic bound (`F: Fn(T) -> T`) is no parameter list, and a parameter (also a `mut` one)
 * is the function's own name only inside its body; Julia's `function f end` declares a function with no
 * methods, `try … end` and `if … end` are blocks that define nothing, a comprehension's variable is local to
 * it, and `@inline f(x) = …` defines `f` as the plain short form does (the macro only asks the compiler to
 * inline it); Python ends a block at the first line indented no deeper than its header, whatever the
 * width. From the frameworks and mathematics: burn's `gelu` is exact GELU; NNlib's `softmax`, `relu` and `σ`
 * take no parameters besides `dims`; 1 / (1 + e⁻ˣ) is the logistic sigmoid. "No hover" where the word names
 * the code's own value.
 */
import assert from 'node:assert/strict';
import { recognizeAt } from '../../src/core';
import { expectCall, expectNothing, spanOf } from './recognizeHelpers';

describe('a Rust file whose first definition takes an `impl Fn` parameter', () => {
  const SRC = `//! Gates for a small burn MLP; the caller passes the gate as a closure.
use burn::tensor::activation::gelu;
use burn::tensor::{backend::Backend, Tensor};

pub fn smooth<B: Backend>(x: Tensor<B, 2>, gelu: impl Fn(Tensor<B, 2>) -> Tensor<B, 2>) -> Tensor<B, 2> {
    gelu(x)
}

pub fn plain<B: Backend>(x: Tensor<B, 2>) -> Tensor<B, 2> {
    gelu(x)
}
`;

  it('the closure parameter shadows burn’s gelu only in its own function', () => {
    expectNothing('rust', SRC, 'gelu', 2); // smooth's gelu(x)
    expectCall('rust', SRC, 'gelu', { id: 'gelu', framework: 'burn', params: {} }, 3);
  });
});

describe('a Rust `mut` parameter holding a stateful closure', () => {
  const SRC = `//! Applies a caller's gate twice; the gate counts its calls, so it is FnMut.
use burn::tensor::activation::gelu;
use burn::tensor::{backend::Backend, Tensor};

pub fn twice<B: Backend, F>(mut gelu: F, x: Tensor<B, 2>) -> Tensor<B, 2>
where
    F: FnMut(Tensor<B, 2>) -> Tensor<B, 2>,
{
    let h = gelu(x);
    gelu(h)
}

pub fn plain<B: Backend>(x: Tensor<B, 2>) -> Tensor<B, 2> {
    gelu(x)
}
`;

  it('`mut gelu: F` is the function’s own closure in its body', () => {
    expectNothing('rust', SRC, 'gelu', 2); // let h = gelu(x)
    expectNothing('rust', SRC, 'gelu', 3); // gelu(h)
    expectCall('rust', SRC, 'gelu', { id: 'gelu', framework: 'burn', params: {} }, 4);
  });
});

describe('a Rust closure parameter whose bound is in the generics', () => {
  const SRC = `//! Blocks that take the caller's gate as a generic closure.
use burn::tensor::activation::gelu;
use burn::tensor::{backend::Backend, Tensor};

pub fn gated<B: Backend, F: Fn(Tensor<B, 2>) -> Tensor<B, 2>>(x: Tensor<B, 2>, gelu: F) -> Tensor<B, 2> {
    x.clone() * gelu(x)
}

pub fn plain<B: Backend>(x: Tensor<B, 2>) -> Tensor<B, 2> {
    gelu(x)
}
`;

  it('`gelu: F` with `F: Fn(…)` declared before the list is the function’s own closure', () => {
    expectNothing('rust', SRC, 'gelu', 2); // x.clone() * gelu(x)
    expectCall('rust', SRC, 'gelu', { id: 'gelu', framework: 'burn', params: {} }, 3);
  });
});

describe('Julia: a function declared without methods, and blocks that define nothing', () => {
  const GENERIC = `module Gates

using Flux

export gate, block

block(n) = Chain(Dense(n => n, relu), Dense(n => n))

"""
    gate(x)

The gate every layer of this package applies; each backend adds its own method.
"""
function gate end

end # module
`;

  it('a file that ends with `function gate end` (no parameter list after it) is read', () => {
    expectCall('julia', GENERIC, 'relu', { id: 'relu', framework: 'flux', params: {} });
  });

  const TRY = `using Flux

function safe_probs(logits)
    try
        softmax(logits; dims = 1)
    catch err
        @warn "falling back to uniform probabilities" err
        softmax(zero(logits); dims = 1)
    end
end

if relu(-1f0) == 0
    head = Dense(4 => 2, relu)
end
`;

  it('a call opening a `try` block is NNlib’s softmax, and so is the one in its `catch`', () => {
    expectCall('julia', TRY, 'softmax', { id: 'softmax', framework: 'flux', params: {} }, 0);
    expectCall('julia', TRY, 'softmax', { id: 'softmax', framework: 'flux', params: {} }, 1);
  });

  it('a call opening an `if` condition is NNlib’s relu, and so is the activation in its block', () => {
    expectCall('julia', TRY, 'relu', { id: 'relu', framework: 'flux', params: {}, arg: -1 }, 0);
    expectCall('julia', TRY, 'relu', { id: 'relu', framework: 'flux', params: {} }, 1);
  });
});

describe('a Julia one-line definition without parameters keeps its comprehension’s variable', () => {
  const SRC = `using Flux

# Every candidate on the same grid, for the README's plots.
const GRID = -3f0:0.5f0:3f0
curves() = [σ.(GRID) for σ in (relu, gelu, tanh)]

gate = Dense(4 => 1, σ)
`;

  it('after `curves() = […for σ in …]`, σ is NNlib’s logistic sigmoid again', () => {
    expectCall('julia', SRC, 'σ', { id: 'sigmoid', framework: 'flux', params: {} }, 2);
  });
});

describe('a Julia one-line definition behind a macro', () => {
  const SRC = `using Flux

# The logistic function, inlined into the broadcast kernels.
@inline mysig(x) = 1 / (1 + exp(-x))

model = Chain(Dense(2 => 3, mysig), Dense(3 => 1))
`;

  it('`@inline mysig(x) = …` is the function it computes, as without the macro', () => {
    expectCall('julia', SRC, 'mysig', { id: 'sigmoid', framework: 'other', params: {} }, 1);
  });
});

describe('a notebook cell that opens with a function indented by one space', () => {
  // Python takes any indentation width for a block, one space too; the block ends at the next line
  // indented no deeper than its header.
  const PREAMBLE = 'import torch\nfrom torch.nn.functional import relu\n';
  const CELL = `def squash(x):
 relu = x.clamp(min=0)
 return relu / (1 + relu)

y = relu(torch.randn(3))
`;

  it('the local `relu` stays in the function: the cell’s last line calls torch’s relu', () => {
    const [s, e] = spanOf(CELL, 'relu', 3);
    const got = recognizeAt(CELL, s + 1, 'python', { preamble: PREAMBLE });
    assert.deepEqual(got && [got.id, got.framework, got.start, got.end], ['relu', 'pytorch', s, e]);
  });
});
