/**
 * C++ function scopes read back from a body's `{` (cppFunctions.ts' pointerDeclarator): functions that
 * return a reference or an rvalue reference to a function (`torch::Tensor (&pick(int kind))(…) {`,
 * `(&&pick(…))`), each a function with its own body; and a constructor with a conditional `explicit(false)`
 * in a file whose second token is `&` (an implementation fragment that starts with `Tensor& scratch();`),
 * whose body is still its own; a subscript operator declared by a parenthesized name, `(operator[])(…)`.
 *
 * Expected values come from the language's rules and LibTorch's documentation: C++ [dcl.ref] and [dcl.fct]
 * (in `T (&f(P))(Q)` and `T (&&f(P))(Q)` the function is `f` with parameters `P`, returning a reference to
 * a function taking `Q`; an rvalue reference to a function binds to a function lvalue, [dcl.init.ref]),
 * [class.ctor] and [dcl.fct.spec] (`explicit(false) GateImpl(…)` declares GateImpl's constructor),
 * [dcl.meaning] and [over.sub] (a declarator-id, also
 * `operator[]`, may be parenthesized; `operator[]` is a member function with its own body), [basic.scope.block] (a local is visible in its function's body only) and [basic.scope.namespace] (a
 * variable at namespace scope is visible in every function after it). LibTorch's `torch::nn::SiLU` and
 * `Tanh` modules apply x·σ(x) and tanh.
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

// Reference-returning dispatch for exported heads: pick_ref returns an lvalue reference to a function,
// pick_rvalue an rvalue reference (both bind to the function lvalues relu_fn and tanh_fn); each warms its
// own Tanh up, and the heads after them use the file's SiLU.
const REFERENCES = `// Reference-returning activation dispatch for the LibTorch C API shim.
#include <torch/torch.h>

namespace heads {

// The heads' shared activation.
auto act = torch::nn::SiLU();

torch::Tensor relu_fn(const torch::Tensor& x) { return torch::relu(x); }
torch::Tensor tanh_fn(const torch::Tensor& x) { return torch::tanh(x); }

// kind: 0 for ReLU, anything else for tanh.
torch::Tensor (&pick_ref(int kind))(const torch::Tensor&) {
  auto act = torch::nn::Tanh();
  act(torch::zeros({8}));  // warm the kernel up once
  return kind == 0 ? relu_fn : tanh_fn;
}

torch::Tensor head_a(const torch::Tensor& x) { return act(x); }

torch::Tensor (&&pick_rvalue(int kind))(const torch::Tensor&) {
  auto act = torch::nn::Tanh();
  act(torch::zeros({8}));  // warm the kernel up once
  if (kind == 0) {
    return relu_fn;
  }
  return tanh_fn;
}

torch::Tensor head_b(const torch::Tensor& x) { return act(x); }

}  // namespace heads
`;

describe('C++ functions returning references to functions (s10v-cpp)', () => {
  it('each keeps its Tanh; the head after each reads the file’s SiLU', () => {
    for (let nth = 0; nth < 2; nth++) {
      expectAct(REFERENCES, 'act(torch::zeros({8}))', TANH, nth);
      expectAct(REFERENCES, 'act(x)', SILU, nth);
    }
  });
});

// An implementation fragment included by gate.h inside namespace gates, after its includes and its
// \`using torch::Tensor;\` (so it has no includes of its own and starts with a declaration). The gate's
// constructor is conditionally explicit (C++20) and warms its own Tanh up; the head after the class uses
// the file's SiLU.
const FRAGMENT = `Tensor& scratch();  // defined in gate.cpp

// gate_impl.inl: included by gate.h inside namespace gates; do not include it directly.

// The gate's activation.
auto act = torch::nn::SiLU();

struct GateImpl : torch::nn::Module {
  explicit(false) GateImpl(int64_t n) {
    auto act = torch::nn::Tanh();
    act(torch::zeros({n}));  // warm the kernel up once
    weight = register_parameter("weight", torch::randn({n, n}));
  }

  Tensor weight;
};

Tensor head(const Tensor& x) { return act(x); }
`;

describe('C++ constructor with explicit(false) in a fragment that starts with `Tensor&` (s10v-cpp)', () => {
  it('the constructor keeps its Tanh; the head after the class reads the file’s SiLU', () => {
    expectAct(FRAGMENT, 'act(torch::zeros({n}))', TANH, 0);
    expectAct(FRAGMENT, 'act(x)', SILU, 0);
  });
});

// A batch of rows whose subscript operator is declared by a parenthesized name (a guard against a
// function-like macro of the same spelling); it squashes the row with its own Tanh, and the head after
// the class uses the file's SiLU.
const ROWS = `// Macro-proof row access for the LibTorch port.
#include <torch/torch.h>

namespace rows {

// The head's activation.
auto act = torch::nn::SiLU();

struct Rows {
  torch::Tensor data;

  torch::Tensor (operator[])(int64_t i) const {
    auto act = torch::nn::Tanh();
    return act(data.select(0, i));
  }

  int64_t size() const { return data.size(0); }
};

torch::Tensor head(const torch::Tensor& x) { return act(x); }

}  // namespace rows
`;

describe('C++ operator[] declared by a parenthesized name (s10v-cpp)', () => {
  it('operator[] keeps its Tanh; the head after the class reads the file’s SiLU', () => {
    expectAct(ROWS, 'act(data.select(0, i))', TANH, 0);
    expectAct(ROWS, 'act(x)', SILU, 0);
  });
});
