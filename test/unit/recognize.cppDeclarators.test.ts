/**
 * Two C++ definitions without a return type written before their name: a conversion function declared by
 * a parenthesized name (`(operator bool)() const`, [class.conv.fct] and [dcl.meaning]: a declarator may be
 * parenthesized), and a function a macro defines from a type and a name (`DEFINE_ACT(torch::Tensor
 * mix)(…)`, as ATen's `TORCH_META_FUNC` family writes definitions). Each body is its function's scope: its
 * local `act` is its own, and the file's `act` stays SiLU after it.
 *
 * Expected values come from those rules and LibTorch's documentation: `torch::nn::SiLU` is the SiLU,
 * `torch::nn::Tanh` the tanh.
 */
import assert from 'node:assert/strict';
import { recognizeAt } from '../../src/core';
import { nthOffset } from './recognizeHelpers';

const SRC = `#include <torch/torch.h>

#define DEFINE_ACT(signature) signature

// The file's activation.
auto act = torch::nn::SiLU();

struct Gate {
  torch::Tensor w;

 public:
  (operator bool)() const {
    auto act = torch::nn::Tanh();
    return act(w).sum().item<double>() > 0;
  }
};

DEFINE_ACT(torch::Tensor mix)(const torch::Tensor& x) {
  auto act = torch::nn::Tanh();
  return act(x) * x;
}

torch::Tensor head(const torch::Tensor& x) {
  return act(x);
}
`;

function idAt(needle: string): string | undefined {
  return recognizeAt(SRC, nthOffset(SRC, needle), 'cpp')?.id;
}

describe('C++ definitions with no return type before their name', () => {
  it("keeps a parenthesized conversion function's local Tanh inside it", () => {
    assert.equal(idAt('act(w)'), 'tanh');
  });

  it("keeps a macro-made function's local Tanh inside it", () => {
    assert.equal(idAt('act(x) * x'), 'tanh');
  });

  it("reads the file's SiLU after both", () => {
    assert.equal(idAt('act(x);\n}'), 'silu');
  });
});
