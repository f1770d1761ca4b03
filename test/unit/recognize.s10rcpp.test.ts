/**
 * C++ function scopes read back from a body's `{` (cppFunctions.ts) and JavaScript's `function` word that
 * starts no function (definitions.ts' anonymousFunction): cases the first tests of those scopes did not
 * reach. An explicit specialization of a member whose class template argument is itself a template
 * (`Head<std::vector<float>>::forward`), an explicit specialization of a function template
 * (`activate<kGelu>(…)`), a member specialised for `Pool<(kWidth > 2), float>`, a constructor defined
 * through an alias of its class (`Impl::GateImpl(…)`), a C++17 constructor declared with its template-id
 * (`GateImpl<Scalar>(…) : proj(…) {`) or a parenthesized name (`(MixerImpl)(…) : fc(…) {}`, [class.ctor]
 * allows the parentheses), an `-inl.h` file whose first token is a word (so that an `if` block and a lambda
 * body near the top are read back to the file's start), and a TypeScript module without semicolons where
 * `function` is an object's key.
 *
 * Expected values come from the languages' rules and the frameworks' documentation: C++ [basic.scope.block]
 * and [basic.scope.param] (a local is visible in its function's body only; a variable at namespace scope is
 * visible in every function after it, [basic.scope.namespace]); [temp.expl.spec] (an explicit
 * specialization of a member or of a function template is a function definition with its own body);
 * [class.qual] (after a nested-name-specifier that names a class, the class's own name names its
 * constructor, so `Impl::GateImpl` defines GateImpl's constructor when `Impl` aliases GateImpl); C++17
 * [class.ctor] accepts a constructor declared by its class's template-id (g++ -std=c++17 accepts it);
 * ECMAScript PropertyDefinition (`function` is an IdentifierName, allowed as a property key), automatic
 * semicolon insertion, and a module-level `if` that may or may not reassign a `let` (either value may be
 * held after it). LibTorch's `torch::nn::SiLU`, `GELU`, `Tanh` modules apply x·σ(x), GELU and tanh; TF.js'
 * `tf.relu`, `tf.elu` are ReLU and ELU.
 */
import assert from 'node:assert/strict';
import './freshModels';
import { recognizeAt } from '../../src/core';
import { nthOffset, spanOf } from './recognizeHelpers';

const CPP = 'cpp';
const TS = 'typescript';

/**
 * Asserts what the name `act` at the start of the nth `needle` means, over its whole span: `expected` an
 * activation's id and framework, or undefined for none.
 */
function expectAct(
  lang: string,
  src: string,
  needle: string,
  expected: { id: string; framework: string } | undefined,
  nth = 0,
): void {
  const at = nthOffset(src, needle, nth);
  const [s, e] = spanOf(src.slice(at), 'act').map((k) => k + at);
  assert.equal(s, at, `"${needle}" starts with act`);
  for (let offset = s; offset <= e; offset++) {
    const got = recognizeAt(src, offset, lang);
    const where = `"${needle}" #${nth} at ${offset}`;
    if (expected === undefined) {
      assert.equal(got, undefined, `${where} gave ${JSON.stringify(got)}`);
      continue;
    }
    assert.ok(got, `nothing for ${where}`);
    assert.equal(got.id, expected.id, where);
    assert.equal(got.framework, expected.framework, where);
    assert.deepEqual([got.start, got.end], [s, e], where);
  }
}

const SILU = { id: 'silu', framework: 'libtorch' };
const TANH = { id: 'tanh', framework: 'libtorch' };

// Heads specialised per feature container: the class template's argument is itself a template, so the
// qualifier before `::forward` nests angle brackets (`Head<std::vector<float>>`).
const SPECIALIZED = `// Output heads of the tabular model, one specialisation per feature container.
#include <torch/torch.h>

#include <utility>
#include <vector>

// The default activation of every head that does not pick its own.
auto act = torch::nn::SiLU();

template <typename Features>
struct Head {
  torch::Tensor forward(const torch::Tensor& x);
};

// Dense features are centred already: a bounded activation keeps the logits small.
template <>
torch::Tensor Head<std::vector<float>>::forward(const torch::Tensor& x) {
  auto act = torch::nn::Tanh();
  return act(x);
}

template <>
torch::Tensor Head<std::pair<std::vector<float>, std::vector<int64_t>>>::forward(const torch::Tensor& x) {
  auto act = torch::nn::Tanh();
  return act(x);
}

torch::Tensor head(const torch::Tensor& x) {
  return act(x);
}
`;

describe('s10rcpp: a member specialised for a nested template argument is its own scope', () => {
  it('each specialisation keeps its Tanh; the free head reads the file’s SiLU', () => {
    expectAct(CPP, SPECIALIZED, 'act(x);', TANH, 0);
    expectAct(CPP, SPECIALIZED, 'act(x);', TANH, 1);
    expectAct(CPP, SPECIALIZED, 'act(x);', SILU, 2);
  });
});

// Activations picked at compile time: explicit specializations of a function template, each with its own
// local, and a free function after them.
const SPECIALIZED_FUNCTIONS = `// Compile-time activation choice for the fused kernels' reference path.
#include <torch/torch.h>

enum Kind { kGelu, kTanh };

// The reference path's fallback activation.
auto act = torch::nn::SiLU();

template <Kind K>
torch::Tensor activate(const torch::Tensor& x);

template <>
torch::Tensor activate<kGelu>(const torch::Tensor& x) {
  auto act = torch::nn::GELU();
  return act(x);
}

template <>
torch::Tensor activate<kTanh>(const torch::Tensor& x) {
  auto act = torch::nn::Tanh();
  return act(x);
}

torch::Tensor fallback(const torch::Tensor& x) {
  return act(x);
}
`;

describe('s10rcpp: an explicit specialization of a function template is its own scope', () => {
  it('each specialization keeps its local; the fallback reads the file’s SiLU', () => {
    expectAct(CPP, SPECIALIZED_FUNCTIONS, 'act(x);', { id: 'gelu', framework: 'libtorch' }, 0);
    expectAct(CPP, SPECIALIZED_FUNCTIONS, 'act(x);', TANH, 1);
    expectAct(CPP, SPECIALIZED_FUNCTIONS, 'act(x);', SILU, 2);
  });
});

// A module's out-of-line members written through a short alias of its class (the qualifier names the
// class, and the class's own name after it names its constructor, [class.qual]).
const ALIASED_MEMBERS = `// Gated unit: out-of-line members of detail::GateImpl.
#include <torch/torch.h>

#include <cstdint>

namespace detail {
struct GateImpl : torch::nn::Module {
  explicit GateImpl(int64_t width);
  torch::Tensor forward(const torch::Tensor& x);
  torch::nn::Linear proj{nullptr};
  torch::Tensor probe;
};
}  // namespace detail

using Impl = detail::GateImpl;

// The file's activation, applied by every free function below.
auto act = torch::nn::SiLU();

Impl::GateImpl(int64_t width) {
  proj = register_module("proj", torch::nn::Linear(width, 2 * width));
  auto act = torch::nn::Tanh();
  // Warm the projection once so the first batch is not the slow one.
  probe = act(proj->forward(torch::zeros({1, width})));
}

torch::Tensor Impl::forward(const torch::Tensor& x) {
  auto halves = proj->forward(x).chunk(2, -1);
  return halves[0] * torch::sigmoid(halves[1]);
}

torch::Tensor stem(const torch::Tensor& x) {
  return act(x);
}
`;

describe('s10rcpp: a constructor defined through an alias of its class is its own scope', () => {
  it('the constructor keeps its Tanh; the stem reads the file’s SiLU', () => {
    expectAct(CPP, ALIASED_MEMBERS, 'act(proj', TANH);
    expectAct(CPP, ALIASED_MEMBERS, 'act(x)', SILU);
  });
});

// A pooling head specialised on a condition: a `>` inside parentheses among the class template's arguments
// (`Pool<(kWidth > 2), float>`), valid C++ ([temp.names]: a `>` in parentheses closes no argument list).
const PARENTHESIZED_ARGUMENT = `// Pooling heads of the sequence model; wide windows get their own forward.
#include <torch/torch.h>

constexpr int kWidth = 4;

// The head's activation unless a specialisation picks its own.
auto act = torch::nn::SiLU();

template <bool Wide, typename Scalar>
struct Pool {
  torch::Tensor forward(const torch::Tensor& x);
};

template <>
torch::Tensor Pool<(kWidth > 2), float>::forward(const torch::Tensor& x) {
  auto act = torch::nn::Tanh();
  return act(x.mean(-1));
}

torch::Tensor pooled(const torch::Tensor& x) {
  return act(x);
}
`;

describe('s10rcpp: a member specialised for a parenthesized condition is its own scope', () => {
  it('the specialisation keeps its Tanh; pooled reads the file’s SiLU', () => {
    expectAct(CPP, PARENTHESIZED_ARGUMENT, 'act(x.mean', TANH);
    expectAct(CPP, PARENTHESIZED_ARGUMENT, 'act(x);', SILU);
  });
});

// A C++17 module template whose constructor is declared with its template-id, as older LibTorch ports
// wrote it (C++20 requires the plain name; C++17 accepts both).
const TEMPLATE_ID_CTOR = `// Gated linear unit over a configurable scalar type (built with -std=c++17).
#include <torch/torch.h>

#include <cstdint>

// Shared activation of the stem and the final projection.
auto act = torch::nn::SiLU();

template <typename Scalar>
struct GateImpl : torch::nn::Module {
  GateImpl<Scalar>(int64_t width)
      : proj(register_module("proj", torch::nn::Linear(width, 2 * width))) {}

  torch::Tensor forward(torch::Tensor x) {
    auto halves = proj(x.to(torch::CppTypeToScalarType<Scalar>())).chunk(2, -1);
    return halves[0] * torch::sigmoid(halves[1]);
  }

  torch::nn::Linear proj{nullptr};
};

torch::Tensor stem(const torch::Tensor& x) {
  return act(x);
}
`;

// A channel mixer whose constructor's name is parenthesized: a vendor header defines a function-like macro
// Mixer(x), and the parentheses stop its expansion ([class.ctor] allows them around the name).
const PARENTHESIZED_CTOR = `// Channel mixer of the audio front end.
#include <torch/torch.h>

#include <cstdint>

// The front end's activation, applied after every mixer.
auto act = torch::nn::SiLU();

struct MixerImpl : torch::nn::Module {
  (MixerImpl)(int64_t width) : fc(register_module("fc", torch::nn::Linear(width, width))) {}

  torch::nn::Linear fc{nullptr};
};

torch::Tensor mix(MixerImpl& m, const torch::Tensor& x) {
  return act(m.fc(x));
}
`;

describe('s10rcpp: constructors declared by a template-id or a parenthesized name bind nothing of the file', () => {
  it('the stem after the template’s class reads the file’s SiLU', () => {
    expectAct(CPP, TEMPLATE_ID_CTOR, 'act(x)', SILU);
  });

  it('the function after the mixer reads the file’s SiLU', () => {
    expectAct(CPP, PARENTHESIZED_CTOR, 'act(m.fc', SILU);
  });
});

// An inline-definitions file included at the end of its header: its first token is the word `namespace`.
// An `if` block and a lambda body come after the namespace's activation.
const INLINE_FILE = `// Inline definitions for gates.h; included once, at the end of that header.
namespace gates {

// The activation every gate applies unless its options pick another.
inline auto act = torch::nn::SiLU();

inline torch::Tensor masked(const torch::Tensor& x, const torch::Tensor& mask) {
  if (mask.defined()) {
    return x * mask;
  }
  return x;
}

inline std::vector<torch::Tensor> each(const std::vector<torch::Tensor>& xs) {
  std::vector<torch::Tensor> out(xs.size());
  std::transform(xs.begin(), xs.end(), out.begin(), [](const torch::Tensor& t) { return t * 0.5; });
  return out;
}

inline torch::Tensor gate(const torch::Tensor& x) {
  return act(x);
}

}  // namespace gates
`;

describe('s10rcpp: an if block and a lambda near the top of a file that starts with a word', () => {
  it('the gate after them reads the namespace’s SiLU', () => {
    expectAct(CPP, INLINE_FILE, 'act(x)', SILU);
  });
});

// A TF.js module in the semicolon-free style: `function` is an object's key, no `;` ends that statement, and
// a module-level `if` block reassigns the activation.
const KEYED_TS = `import * as tf from '@tensorflow/tfjs'

// ReLU by default; ELU where the CPU backend runs (no fused ReLU kernels there).
let act = tf.relu

export const REGISTRY = [{ name: 'gate', function: tf.sigmoid }]

if (tf.getBackend() === 'cpu') {
  act = tf.elu
}

export function head(x: tf.Tensor): tf.Tensor {
  return act(x) as tf.Tensor
}
`;

describe('s10rcpp: “function” as an object key starts no function', () => {
  it('the module-level if block may have reassigned act: ReLU or ELU, neither is known', () => {
    expectAct(TS, KEYED_TS, 'act(x)', undefined);
  });
});
