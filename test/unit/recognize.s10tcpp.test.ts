/**
 * C++ function scopes read back from a body's `{` (cppFunctions.ts' functionName): explicit
 * specializations whose template arguments start with a symbol (`shift<-1>(…)`) and explicit
 * specializations of an operator template (`Activation::operator()<kGelu>(…)`,
 * `operator< <kGelu>(…)`), and functions or constructors declared by a parenthesized name
 * (`torch::Tensor (max)(…)`, `(PoolImpl)(…) : fc(…) {`, `((MixerImpl))(…)`), each a function with its
 * own body.
 *
 * Expected values come from the language's rules and LibTorch's documentation: C++ [basic.scope.block] and
 * [basic.scope.param] (a local is visible in its function's body only; a variable at namespace scope is
 * visible in every function after it, [basic.scope.namespace]); [temp.expl.spec] (an explicit
 * specialization of a function template, also of a member template or an operator function template, is a
 * function definition with its own body; a non-type template argument may be `-1`, [temp.arg.nontype]);
 * [over.oper] (an operator function's name is `operator` and its symbol, here followed by explicit
 * template arguments, [temp.names]); [dcl.meaning] and [class.ctor] (a declarator-id may be enclosed in
 * parentheses, also a constructor's, and the parentheses nest). LibTorch's `torch::nn::SiLU`, `GELU`,
 * `Tanh` modules apply x·σ(x), GELU and tanh.
 */
import assert from 'node:assert/strict';
import './freshModels';
import { recognizeAt } from '../../src/core';
import { nthOffset, spanOf } from './recognizeHelpers';

const CPP = 'cpp';
const SILU = { id: 'silu', framework: 'libtorch' };
const GELU = { id: 'gelu', framework: 'libtorch' };
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

// Causal token shifts for a sequence mixer: the template is specialised for a shift of -1 (the previous
// token) and +1; each specialization gates with its own local, and the mixer after them uses the file's SiLU.
const SHIFTS = `// Token-shift mixing (RWKV-style) for the LibTorch port.
#include <torch/torch.h>

namespace mixing {

// The mixer's gate activation.
auto act = torch::nn::SiLU();

template <int Offset>
torch::Tensor shift(const torch::Tensor& x);

// Previous token: pad one step at the front, drop the last.
template <>
torch::Tensor shift<-1>(const torch::Tensor& x) {
  auto act = torch::nn::Tanh();
  auto padded = torch::nn::functional::pad(x, torch::nn::functional::PadFuncOptions({0, 0, 1, 0}));
  return act(padded.slice(/*dim=*/1, 0, x.size(1)));
}

// Next token: pad one step at the back, drop the first.
template <>
torch::Tensor shift<1>(const torch::Tensor& x) {
  auto act = torch::nn::GELU();
  auto padded = torch::nn::functional::pad(x, torch::nn::functional::PadFuncOptions({0, 0, 0, 1}));
  return act(padded.slice(/*dim=*/1, 1, x.size(1) + 1));
}

torch::Tensor mix(const torch::Tensor& x, const torch::Tensor& mu) {
  auto shifted = shift<-1>(x);
  return act(x * mu + shifted * (1 - mu));
}

}  // namespace mixing
`;

describe('s10tcpp: a specialization for a negative argument is its own scope', () => {
  it('each shift keeps its local; the mixer reads the file’s SiLU', () => {
    expectAct(SHIFTS, 'act(padded', TANH, 0);
    expectAct(SHIFTS, 'act(padded', GELU, 1);
    expectAct(SHIFTS, 'act(x * mu', SILU, 0);
  });
});

// A functor whose call operator is a member template, specialised per activation kind out of line; a free
// head after them.
const OPERATOR_SPECIALIZATIONS = `// Activation functors for the exported TorchScript-free inference path.
#include <torch/torch.h>

enum Kind { kGelu, kTanh };

// The head's default activation.
auto act = torch::nn::SiLU();

struct Activation {
  template <Kind K>
  torch::Tensor operator()(const torch::Tensor& x) const;
};

template <>
torch::Tensor Activation::operator()<kGelu>(const torch::Tensor& x) const {
  auto act = torch::nn::GELU();
  return act(x);
}

template <>
torch::Tensor Activation::operator()<kTanh>(const torch::Tensor& x) const {
  auto act = torch::nn::Tanh();
  return act(x);
}

torch::Tensor head(const torch::Tensor& x) {
  return act(x);
}
`;

// Tagged activations ordered by their mean response: the `operator<` template is specialised for GELU; the
// head after it uses the file's activation.
const ORDERING = `// Ranking of tagged activations for the calibration report.
#include <torch/torch.h>

enum Kind { kGelu, kTanh };

template <Kind K>
struct Tagged {
  torch::Tensor value;
};

// The head's default activation.
auto act = torch::nn::SiLU();

template <Kind K>
bool operator<(const Tagged<K>& a, const Tagged<K>& b);

// Orders two GELU-tagged activations by their mean response.
template <>
bool operator< <kGelu>(const Tagged<kGelu>& a, const Tagged<kGelu>& b) {
  auto act = torch::nn::Tanh();
  return act(a.value).mean().item<float>() < act(b.value).mean().item<float>();
}

torch::Tensor head(const torch::Tensor& x) {
  return act(x);
}
`;

describe('s10tcpp: an explicit specialization of an operator template is its own scope', () => {
  it('each call operator keeps its local; the head reads the file’s SiLU', () => {
    expectAct(OPERATOR_SPECIALIZATIONS, 'act(x);', GELU, 0);
    expectAct(OPERATOR_SPECIALIZATIONS, 'act(x);', TANH, 1);
    expectAct(OPERATOR_SPECIALIZATIONS, 'act(x);', SILU, 2);
  });

  it('the specialised operator< keeps its Tanh; the head reads the file’s SiLU', () => {
    expectAct(ORDERING, 'act(a.value)', TANH, 0);
    expectAct(ORDERING, 'act(b.value)', TANH, 0);
    expectAct(ORDERING, 'act(x);', SILU, 0);
  });
});

// Helpers shared with the Windows build: declarator names in parentheses so that <windows.h>'s `max`
// macro never expands, a module whose constructor is declared the same way, and a free head after them.
const PARENTHESIZED_NAMES = `// Pooling helpers; compiled with <windows.h> on the Windows runners.
#include <torch/torch.h>

// The head's activation.
auto act = torch::nn::SiLU();

// Elementwise maximum of two bounded responses.
torch::Tensor (max)(const torch::Tensor& a, const torch::Tensor& b) {
  auto act = torch::nn::Tanh();
  return torch::maximum(act(a), act(b));
}

struct PoolImpl : torch::nn::Module {
  (PoolImpl)(int64_t width) : fc(register_module("fc", torch::nn::Linear(width, width))) {
    auto act = torch::nn::GELU();
    fc->weight.data().copy_(act(fc->weight.data()));
  }

  torch::nn::Linear fc{nullptr};
};

torch::Tensor head(PoolImpl& pool, const torch::Tensor& x) {
  return act(pool.fc(x));
}
`;

// A constructor whose name is in two pairs of parentheses ([dcl.meaning] nests them): it has no local, so
// the function after it reads the file's activation.
const DOUBLY_PARENTHESIZED = `// Mixer used by the Windows build.
#include <torch/torch.h>

// The front end's activation, applied after every mixer.
auto act = torch::nn::SiLU();

struct MixerImpl : torch::nn::Module {
  ((MixerImpl))(int64_t width) : fc(register_module("fc", torch::nn::Linear(width, width))) {}

  torch::nn::Linear fc{nullptr};
};

torch::Tensor mix(MixerImpl& m, const torch::Tensor& x) {
  return act(m.fc(x));
}
`;

describe('s10tcpp: a function or constructor declared by a parenthesized name is its own scope', () => {
  it('(max) and (PoolImpl) keep their locals; the head reads the file’s SiLU', () => {
    expectAct(PARENTHESIZED_NAMES, 'act(a)', TANH, 0);
    expectAct(PARENTHESIZED_NAMES, 'act(b)', TANH, 0);
    expectAct(PARENTHESIZED_NAMES, 'act(fc->', GELU, 0);
    expectAct(PARENTHESIZED_NAMES, 'act(pool', SILU, 0);
  });

  it('the function after a doubly parenthesized constructor reads the file’s SiLU', () => {
    expectAct(DOUBLY_PARENTHESIZED, 'act(m.fc', SILU, 0);
  });
});
