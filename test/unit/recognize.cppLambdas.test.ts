/**
 * A C++ lambda's body is a scope: its parameters and locals are its own ([expr.prim.lambda]: the
 * lambda-declarator's parameters and the compound statement's names are local to the lambda), so the file's
 * `act` is neither hidden by them outside nor visible through them inside. An array declared with a braced
 * initializer (`float w[2]{…}`) and a subscript are no lambdas.
 *
 * Expected values come from that rule and LibTorch's documentation: `torch::silu` is the SiLU,
 * `torch::nn::Tanh` the tanh.
 */
import assert from 'node:assert/strict';
import { recognizeAt } from '../../src/core';
import { nthOffset } from './recognizeHelpers';

const SRC = `#include <torch/torch.h>

#include <functional>

using ActFn = std::function<torch::Tensor(const torch::Tensor&)>;

// The file's activation.
ActFn act = torch::silu;

torch::Tensor mix(const torch::Tensor& x) {
  // Applies whatever it is given; its own parameter hides the file's act.
  auto apply = [](const torch::Tensor& t, const ActFn& act) mutable -> torch::Tensor { return act(t); };
  auto gated = [&] {
    auto act = torch::nn::Tanh();
    return act(x);
  }();
  float weights[2]{0.5f, 1.0f};
  return apply(x, torch::relu) * weights[0] + gated + act(x);
}

ActFn pick(bool smooth) {
  if (smooth) {
    return [](const torch::Tensor& t) { auto act = torch::nn::Tanh(); return act(t); };
  }
  return act;
}

auto chooser = [](int kind) -> torch::Tensor (*)(const torch::Tensor&) {
  auto act = torch::nn::Tanh();
  return kind == 0 ? torch::relu : torch::sigmoid;
};

torch::Tensor head(const torch::Tensor& x) {
  std::vector<torch::Tensor> parts{x, x};
  auto first = parts[0] + act(x);
  return first;
}
`;

function idAt(needle: string, nth = 0): string | undefined {
  return recognizeAt(SRC, nthOffset(SRC, needle, nth), 'cpp')?.id;
}

describe('a C++ lambda is a scope', () => {
  it("reads a lambda's parameter named act as no activation (it is whatever the caller passes)", () => {
    assert.equal(idAt('act(t); };'), undefined);
  });

  it("reads a lambda's local as its own: the Tanh inside, the file's SiLU after it", () => {
    assert.equal(idAt('act(x);\n  }();'), 'tanh');
    assert.equal(idAt('act(x);\n}'), 'silu');
  });

  it('reads a lambda returning a function pointer as a scope (its Tanh stays inside)', () => {
    assert.equal(idAt('act(x);\n  return first'), 'silu');
  });

  it('reads a lambda returned by a function as a scope too', () => {
    assert.equal(idAt('act(t); };\n  }'), 'tanh');
    assert.equal(idAt('act(x);\n  return first'), 'silu');
  });
});
