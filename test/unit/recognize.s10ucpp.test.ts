/**
 * C++ function scopes read back from a body's `{` (cppFunctions.ts' functionName): an operator whose
 * symbol is `>` (`bool operator>(…) {`) right after code with a `<` in it (`a.score < b.score`), which is no
 * template argument list: the operator is still a function with its own body; and functions that return a
 * function pointer (`torch::Tensor (*pick(int kind))(const torch::Tensor&) {`, `(*default_act())`,
 * `auto f(…) -> torch::Tensor (*)(const torch::Tensor&) {`, a member pointer `(Head::*)`), each a function
 * with its own body; operators declared by a parenthesized name (`(operator())(…)`, `(operator==)(…)`).
 *
 * Expected values come from the language's rules and LibTorch's documentation: C++ [over.oper] (an
 * operator function's name is `operator` and its symbol; `operator>` is declared like any function, its
 * `>` closes no template argument list, [temp.names]), [basic.scope.block] (a local is visible in its
 * function's body only) and [basic.scope.namespace] (a variable at namespace scope is visible in every
 * function after it); [dcl.fct] and [dcl.ptr] (in `T (*f(P))(Q)` the function is `f` with parameters `P`,
 * returning a pointer to a function taking `Q`; a trailing return type may be such a pointer type,
 * [dcl.decl]); [dcl.meaning] (a declarator-id, also an operator-function-id, may be parenthesized).
 * LibTorch's `torch::nn::SiLU` and `Tanh` modules apply x·σ(x) and tanh.
 */
import assert from 'node:assert/strict';
import './freshModels';
import { recognizeAt } from '../../src/core';
import { nthOffset, spanOf } from './recognizeHelpers';

const CPP = 'cpp';
const SILU = { id: 'silu', framework: 'libtorch' };
const TANH = { id: 'tanh', framework: 'libtorch' };

/** Asserts that the name `act` at the start of the nth `needle` means `expected`, over its whole span. */
function expectAct(
  src: string,
  needle: string,
  expected: { id: string; framework: string },
  nth: number,
): void {
  const at = nthOffset(src, needle, nth);
  const [s, e] = spanOf(src.slice(at), 'act').map((k) => k + at);
  assert.equal(s, at, `"${needle}" starts with act`);
  for (let offset = s; offset <= e; offset++) {
    const got = recognizeAt(src, offset, CPP);
    const where = `"${needle}" #${nth} at ${offset}`;
    assert.ok(got, `nothing for ${where}`);
    assert.equal(got.id, expected.id, where);
    assert.equal(got.framework, expected.framework, where);
    assert.deepEqual([got.start, got.end], [s, e], where);
  }
}

// A mixture-of-experts router: experts are ordered by score (operator< and operator>, the latter on
// tanh-squashed scores so that outliers do not dominate) and the gate after them uses the file's SiLU.
const ROUTER = `// Top-k expert routing for the LibTorch port.
#include <algorithm>
#include <vector>
#include <torch/torch.h>

namespace routing {

// The router's gate activation.
auto act = torch::nn::SiLU();

struct Expert {
  double score;
  int64_t index;
};

bool operator<(const Expert& a, const Expert& b) { return a.score < b.score; }

bool operator>(const Expert& a, const Expert& b) {
  // Compare squashed scores: a single huge logit must not decide the order alone.
  auto act = torch::nn::Tanh();
  auto sa = act(torch::full({1}, a.score));
  auto sb = act(torch::full({1}, b.score));
  return sa.item().toDouble() > sb.item().toDouble();
}

std::vector<Expert> rank(std::vector<Expert> experts) {
  std::sort(experts.begin(), experts.end(), [](const Expert& a, const Expert& b) { return a > b; });
  return experts;
}

torch::Tensor gate(const torch::Tensor& x, const torch::Tensor& w) {
  return act(torch::matmul(x, w));
}

}  // namespace routing
`;

describe('C++ operator> after a less-than comparison (s10u-cpp)', () => {
  it('operator> keeps its Tanh; the gate after it reads the file’s SiLU', () => {
    expectAct(ROUTER, 'act(torch::full({1}, a.score))', TANH, 0);
    expectAct(ROUTER, 'act(torch::full({1}, b.score))', TANH, 0);
    expectAct(ROUTER, 'act(torch::matmul(x, w))', SILU, 0);
  });
});

// Activation dispatch for exported heads: functions that return function pointers (the C style that
// predates aliases, and a trailing return type), each warming up its own Tanh; the heads after each of
// them use the file's SiLU.
const DISPATCH = `// Function-pointer dispatch of head activations for the LibTorch C API shim.
#include <torch/torch.h>

namespace heads {

// The heads' shared activation.
auto act = torch::nn::SiLU();

torch::Tensor relu_fn(const torch::Tensor& x) { return torch::relu(x); }
torch::Tensor tanh_fn(const torch::Tensor& x) { return torch::tanh(x); }

struct Head {
  torch::Tensor forward(const torch::Tensor& x) { return relu_fn(x); }
  torch::Tensor forward_fast(const torch::Tensor& x) { return tanh_fn(x); }
};

// kind: 0 for ReLU, anything else for tanh.
torch::Tensor (*pick(int kind))(const torch::Tensor&) {
  auto act = torch::nn::Tanh();
  act(torch::zeros({8}));  // warm the kernel up once
  return kind == 0 ? relu_fn : tanh_fn;
}

torch::Tensor head_a(const torch::Tensor& x) { return act(x); }

torch::Tensor (*default_act())(const torch::Tensor&) {
  auto act = torch::nn::Tanh();
  act(torch::zeros({8}));  // warm the kernel up once
  return tanh_fn;
}

torch::Tensor head_b(const torch::Tensor& x) { return act(x); }

auto pick_fast(bool fast) -> torch::Tensor (*)(const torch::Tensor&) {
  auto act = torch::nn::Tanh();
  act(torch::zeros({8}));  // warm the kernel up once
  return fast ? relu_fn : tanh_fn;
}

torch::Tensor head_c(const torch::Tensor& x) { return act(x); }

auto pick_method(bool fast) -> torch::Tensor (Head::*)(const torch::Tensor&) {
  auto act = torch::nn::Tanh();
  act(torch::zeros({8}));  // warm the kernel up once
  return fast ? &Head::forward_fast : &Head::forward;
}

torch::Tensor head_d(const torch::Tensor& x) { return act(x); }

}  // namespace heads
`;

describe('C++ functions returning function pointers (s10u-cpp)', () => {
  it('each keeps its Tanh; the head after each reads the file’s SiLU', () => {
    for (let nth = 0; nth < 4; nth++) {
      expectAct(DISPATCH, 'act(torch::zeros({8}))', TANH, nth);
      expectAct(DISPATCH, 'act(x)', SILU, nth);
    }
  });
});

// A gate whose operators are declared by parenthesized names (a guard against function-like macros of the
// same spelling); each warms its own Tanh up, and the head after the class uses the file's SiLU.
const GUARDED = `// Macro-proof gate operators for the LibTorch port.
#include <torch/torch.h>

namespace gates {

// The gate's activation.
auto act = torch::nn::SiLU();

struct Gate {
  torch::Tensor weight;

  torch::Tensor (operator())(const torch::Tensor& x) const {
    auto act = torch::nn::Tanh();
    return act(torch::matmul(x, weight));
  }

  friend bool (operator==)(const Gate& a, const Gate& b) {
    auto act = torch::nn::Tanh();
    return torch::allclose(act(a.weight), act(b.weight));
  }
};

torch::Tensor head(const torch::Tensor& x) { return act(x); }

}  // namespace gates
`;

describe('C++ operators declared by a parenthesized name (s10u-cpp)', () => {
  it('each keeps its Tanh; the head after them reads the file’s SiLU', () => {
    expectAct(GUARDED, 'act(torch::matmul(x, weight))', TANH, 0);
    expectAct(GUARDED, 'act(a.weight)', TANH, 0);
    expectAct(GUARDED, 'act(x)', SILU, 0);
  });
});
