/**
 * Function scopes where a definition has no keyword of its own: a C++ function's body (`torch::Tensor
 * block(…) {`, `auto f(…) -> T {`, `Net::Net(…) : fc(n) {`, templates, `noexcept`, `const`, operators) and a
 * JavaScript or TypeScript function expression (`function (x) {…}`, `function <T>(x: T) {…}`, a generator
 * `function* (…)`, a named expression `function elu6(x) {…}`). A variable declared in such a body, and each
 * of its parameters, is its own: a use in another function reads the file's binding.
 *
 * Expected values come from the languages' rules and the frameworks' documentation: C++ [basic.scope.block]
 * and [basic.scope.param] (a local and a parameter are visible in their function's body only; a block
 * declared by `if`, `for`, `while`, `switch` is part of the function, and an assignment there changes the
 * function's variable, so after `if (smooth) { act = torch::sigmoid; }` either function may be held);
 * ECMAScript's FunctionExpression (its parameters and `const` declarations belong to the expression's own
 * environment); a generator's call returns an iterator. LibTorch's `torch::nn::SiLU`, `GELU`, `Tanh`,
 * `Sigmoid`, `Hardtanh`, `Softplus`, `ReLU6`, `Mish` modules apply x·σ(x), GELU, tanh, σ and the clamp; TF.js' `tf.relu`, `tf.softplus`,
 * `tf.sigmoid`, `tf.tanh`, `tf.elu` are the functions of those names.
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

// A module-level activation, and free functions that declare their own `act` with every kind of signature
// C++ writes: `noexcept`, a trailing return type, a template, a lambda and a braced initializer nearby, a
// `std::function` parameter, and a parameter named `act`.
const FREE_FUNCTIONS = `// Gated residual blocks for the LibTorch port of the tabular model.
#include <torch/torch.h>

#include <functional>
#include <iostream>
#include <utility>

using ActFn = std::function<torch::Tensor(const torch::Tensor&)>;

// The stem's activation: one module shared by every block below.
auto act = torch::nn::SiLU();

struct GateImpl : torch::nn::Module {
  GateImpl(int64_t width) {
    proj = register_module("proj", torch::nn::Linear(width, 2 * width));
    auto act = torch::nn::Tanh();
    // Warm the projection once so the first batch is not the slow one.
    probe = act(proj(torch::zeros({1, width})));
  }

  torch::Tensor forward(torch::Tensor x) {
    auto halves = proj(x).chunk(2, -1);
    return halves[0] * torch::sigmoid(halves[1]);
  }

  torch::nn::Linear proj{nullptr};
  torch::Tensor probe;
};
TORCH_MODULE(Gate);

torch::Tensor smooth(const torch::Tensor& x) noexcept {
  auto act = torch::nn::GELU(torch::nn::GELUOptions().approximate("tanh"));
  return act(x);
}

auto gated(torch::Tensor x, torch::Tensor g) -> std::pair<torch::Tensor, torch::Tensor> {
  auto act = torch::nn::Sigmoid();
  return {x * act(g), g};
}

template <typename T>
T clipped(T x, double cap) {
  auto act = torch::nn::Hardtanh(torch::nn::HardtanhOptions().min_val(-cap).max_val(cap));
  return act(x);
}

torch::Tensor stem(const torch::Tensor& x) {
  torch::Tensor h{x};
  auto half = [](const torch::Tensor& t) { return t * 0.5; };
  return act(half(h));
}

torch::Tensor hooked(const torch::Tensor& x, std::function<void(const torch::Tensor&)> hook, ActFn act) {
  hook(x);
  return act(x);
}

int main() {
  Gate gate(8);
  auto x = torch::randn({4, 8});
  std::cout << stem(gate(x)) << std::endl;
}
`;

describe('s10scopes: a C++ function body is the scope of its locals and parameters', () => {
  it('a local of each free function is its own; another function reads the file’s SiLU', () => {
    expectAct(CPP, FREE_FUNCTIONS, 'act(half(h))', SILU);
    expectAct(CPP, FREE_FUNCTIONS, 'act(x);', { id: 'gelu', framework: 'libtorch' }, 0);
    expectAct(CPP, FREE_FUNCTIONS, 'act(g)', { id: 'sigmoid', framework: 'libtorch' });
    expectAct(CPP, FREE_FUNCTIONS, 'act(x);', { id: 'hardtanh', framework: 'libtorch' }, 1);
  });

  it('a constructor without an initializer list (its class the file’s first) keeps its local', () => {
    expectAct(CPP, FREE_FUNCTIONS, 'act(proj(', { id: 'tanh', framework: 'libtorch' });
  });

  it('a parameter named act after a std::function parameter is the caller’s function, not SiLU', () => {
    expectAct(CPP, FREE_FUNCTIONS, 'act(x);', undefined, 2);
  });
});

// Out-of-line members of a module declared in a header: a constructor with a member initializer list (one
// member in braces), a destructor, a `const` method, a call operator, a conversion, and a trailing return
// type, each declaring its own `act`.
const OUT_OF_LINE = `// residual.cpp: the residual block declared in residual.h.
#include "residual.h"

#include <torch/torch.h>

namespace tab {

// What the head applies after the last block.
auto act = torch::nn::SiLU();

ResidualImpl::ResidualImpl(int64_t width)
    : fc(register_module("fc", torch::nn::Linear(width, width))),
      norm(register_module("norm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({width})))) {
  auto act = torch::nn::Tanh();
  scale = act(torch::ones({width}));
}

Head::Head(int64_t width, int64_t classes)
    : out{register_module("out", torch::nn::Linear(width, classes))} {
  auto act = torch::nn::Softplus();
  bias = act(torch::zeros({classes}));
}

ResidualImpl::~ResidualImpl() {
  auto act = torch::nn::ReLU6();
  auto kept = act(scale);
  std::cerr << "released " << kept.sum().item<float>() << std::endl;
}

torch::Tensor ResidualImpl::forward(const torch::Tensor& x) const {
  auto act = torch::nn::GELU();
  return x + act(norm(fc(x)));
}

torch::Tensor Head::operator()(const torch::Tensor& x) const {
  auto act = torch::nn::Sigmoid();
  return act(out(x));
}

Head::operator bool() const {
  auto act = torch::nn::Mish();
  return act(bias).defined();
}

auto Head::logits(const torch::Tensor& x) const -> torch::Tensor {
  return out(act(x));
}

}  // namespace tab
`;

describe('s10scopes: out-of-line constructors, destructors, methods and operators are scopes', () => {
  it('each one’s local is its own; a method after them reads the namespace’s SiLU', () => {
    expectAct(CPP, OUT_OF_LINE, 'act(x))', SILU);
    expectAct(CPP, OUT_OF_LINE, 'act(torch::ones', { id: 'tanh', framework: 'libtorch' });
    expectAct(CPP, OUT_OF_LINE, 'act(torch::zeros', { id: 'softplus', framework: 'libtorch' });
    expectAct(CPP, OUT_OF_LINE, 'act(scale)', { id: 'relu6', framework: 'libtorch' });
    expectAct(CPP, OUT_OF_LINE, 'act(norm', { id: 'gelu', framework: 'libtorch' });
    expectAct(CPP, OUT_OF_LINE, 'act(out(x))', { id: 'sigmoid', framework: 'libtorch' });
    expectAct(CPP, OUT_OF_LINE, 'act(bias)', { id: 'mish', framework: 'libtorch' });
  });
});

// Blocks of control statements are no functions: an assignment in them changes the function's `act`, so
// after the block either function may be held. A preprocessor line or an OpenMP pragma ends in a word, as a
// return type does.
const CONTROL = `// Elementwise kernels of the CPU fallback path.
#include <torch/torch.h>

#include <functional>
#include <iostream>

using ActFn = std::function<torch::Tensor(const torch::Tensor&)>;

torch::Tensor activate(const torch::Tensor& x, int64_t kind, bool smooth) {
  ActFn act = torch::relu;
#ifdef ACT_LENS_TRACE
  std::cerr << "activate " << kind << std::endl;
#endif
  if (smooth) {
    act = torch::sigmoid;
  }
  return act(x);
}

torch::Tensor rows(const torch::Tensor& x, bool smooth) {
  auto out = torch::empty_like(x);
  ActFn act = torch::relu;
#pragma omp parallel for
  for (int64_t i = 0; i < x.size(0); ++i) {
    act = smooth ? ActFn(torch::sigmoid) : ActFn(torch::relu);
    out[i] = x[i] * 2;
  }
  return act(out);
}

torch::Tensor pick(const torch::Tensor& x, int64_t kind) {
  ActFn act = torch::relu;
#ifdef ACT_LENS_TRACE
  kind = 0;
#endif
  switch (kind) {
    case 1:
      std::cerr << "smooth gate" << std::endl;
      act = torch::sigmoid;
      break;
    default:
      break;
  }
  return act(x);
}

template <bool Smooth>
torch::Tensor fixed(const torch::Tensor& x) {
  ActFn act = torch::relu;
  if constexpr (Smooth) {
    act = torch::sigmoid;
  }
  return act(x);
}

torch::Tensor drain(const torch::Tensor& x, int64_t steps) {
  ActFn act = torch::relu;
#ifdef ACT_LENS_TRACE
  steps = 1;
#endif
  while (steps-- > 0) {
    act = torch::sigmoid;
  }
  return act(x);
}
`;

describe('s10scopes: if, for, switch, if constexpr and while blocks are no function scopes', () => {
  for (const [statement, needle, nth] of [
    ['if after #endif', 'act(x);', 0],
    ['for after an OpenMP pragma', 'act(out)', 0],
    ['switch after #endif', 'act(x);', 1],
    ['if constexpr', 'act(x);', 2],
    ['while after #endif', 'act(x);', 3],
  ] as const) {
    it(`an assignment in a ${statement} block leaves ReLU or sigmoid: neither is known`, () => {
      expectAct(CPP, CONTROL, needle, undefined, nth);
    });
  }
});

// Function expressions of a TF.js module: generic, anonymous, generators (anonymous and named), a named
// expression; each declares its own `act`, and a property named `function` is called, not defined.
const EXPRESSIONS = `/**
 * Activation helpers for the TF.js port of the tabular classifier.
 */
import * as tf from '@tensorflow/tfjs';
import { registry } from './registry';

// Default nonlinearity of the dense stack.
const act = tf.relu;

// Exposed to the expression language of the config files as \`act(x)\`.
registry.function('act', act);

/** Softplus for the variance head, generic over the tensor's rank. */
export const smooth = function <T extends tf.Tensor>(x: T): T {
  const act = tf.softplus;
  return act(x) as T;
};

/** Applies a caller's activation after a dense layer's affine part. */
export const applyWith = function <F extends (t: tf.Tensor) => tf.Tensor>(act: F, x: tf.Tensor): tf.Tensor {
  return act(x);
};

/** Gated unit: the sigmoid gate is local to the expression. */
export const gate = function (h: tf.Tensor): tf.Tensor {
  const act = tf.sigmoid;
  return tf.mul(h, act(h));
};

/** Batches for training, squashed one at a time. */
export const batches = function* (xs: tf.Tensor[]) {
  const act = tf.tanh;
  for (const x of xs) {
    yield act(x);
  }
};

/** The same, as a named generator the data pipeline registers. */
function* squashed(xs: tf.Tensor[]) {
  const act = tf.sigmoid;
  for (const x of xs) {
    yield act(x);
  }
}

export const named = function elu6(x: tf.Tensor): tf.Tensor {
  const act = tf.elu;
  return tf.minimum(act(x), 6);
};

export const dataset = tf.data.generator(() => squashed([tf.ones([2])]));

export function head(y: tf.Tensor): tf.Tensor {
  return act(y);
}
`;

describe('s10scopes: a JavaScript or TypeScript function expression is the scope of its own names', () => {
  const TFJS = (id: string): { id: string; framework: string } => ({ id, framework: 'tfjs' });

  it('the module’s ReLU reaches the function declared after every expression', () => {
    expectAct(TS, EXPRESSIONS, 'act(y)', TFJS('relu'));
  });

  it('each expression’s const is its own: generic, anonymous, generators, named', () => {
    expectAct(TS, EXPRESSIONS, 'act(x) as T', TFJS('softplus'));
    expectAct(TS, EXPRESSIONS, 'act(h)', TFJS('sigmoid'));
    expectAct(TS, EXPRESSIONS, 'act(x);', TFJS('tanh'), 1);
    expectAct(TS, EXPRESSIONS, 'act(x);', TFJS('sigmoid'), 2);
    expectAct(TS, EXPRESSIONS, 'act(x),', TFJS('elu'));
  });

  it('a generic expression’s parameter act (its constraint a function type) is the caller’s', () => {
    expectAct(TS, EXPRESSIONS, 'act(x);', undefined, 0);
  });

  it('registry.function(…) calls a property: the act passed to it is the module’s ReLU', () => {
    expectAct(TS, EXPRESSIONS, 'act);', TFJS('relu'));
  });
});

// Signatures with what may follow a parameter list (`noexcept(true)`, `-> decltype(…)`, `throw()`), return
// types ending in `>`, `*`, `&`, a member of a class template, parameters declared with `&`, `*` and a
// default, and a preprocessor line and a loop macro before a function and a block. (C++17: `throw()`.)
const SIGNATURES = `// Activation utilities shared by the LibTorch trainers: accessors, generic helpers and checks.
#include <torch/torch.h>

#include <functional>
#include <vector>

#define FOR_EACH_ROW(i, x) for (int64_t i = 0; i < (x).size(0); ++i)

using ActFn = std::function<torch::Tensor(const torch::Tensor&)>;

// Applied after every block unless a trainer passes its own.
auto act = torch::nn::SiLU();

#define CHECK_CONTIGUOUS(x) TORCH_CHECK((x).is_contiguous(), #x " must be contiguous")
torch::Tensor checked(const torch::Tensor& x, const ActFn& act) {
  CHECK_CONTIGUOUS(x);
  return act(x);
}

torch::Tensor through(const torch::Tensor& x, const ActFn* act) {
  return (*act)(x);
}

torch::Tensor defaulted(const torch::Tensor& x, ActFn act = torch::relu) {
  return act(x);
}

torch::Tensor stable(const torch::Tensor& x) noexcept(true) {
  auto act = torch::nn::Tanh();
  return act(x);
}

template <typename A, typename B>
auto scaled(A a, B b) -> decltype(a * b) {
  auto act = torch::nn::Sigmoid();
  return act(a * b);
}

torch::Tensor legacy(const torch::Tensor& x) throw() {
  auto act = torch::nn::ReLU6();
  return act(x);
}

std::vector<torch::Tensor> split_act(const torch::Tensor& x) {
  auto act = torch::nn::GELU();
  return act(x).chunk(2, -1);
}

torch::nn::Module* module_of(torch::nn::AnyModule& any) {
  auto act = torch::nn::Mish();
  any = torch::nn::AnyModule(act);
  return any.ptr().get();
}

const torch::Tensor& first_row(const std::vector<torch::Tensor>& rows) {
  auto act = torch::nn::Softplus();
  static torch::Tensor kept = act(rows.front());
  return kept;
}

template <typename B>
torch::Tensor Block<B>::forward(const torch::Tensor& x) {
  auto act = torch::nn::ELU();
  return act(x);
}

auto Block<float>::gated(const ActFn& act) const -> const torch::Tensor& {
  static torch::Tensor g = act(fc->weight);
  return g;
}

auto Block<float>::owner(const ActFn& act) -> torch::nn::Module* {
  static torch::nn::Functional f(act);
  return f.ptr().get();
}

torch::Tensor rows_of(const torch::Tensor& x, bool smooth) {
  ActFn gate = torch::relu;
  auto out = torch::empty_like(x);
  FOR_EACH_ROW(i, x) {
    if (smooth) {
      gate = torch::sigmoid;
    }
    out[i] = x[i];
  }
  return gate(out);
}

torch::Tensor head(const torch::Tensor& x) {
  return act(x);
}
`;

describe('s10scopes: what follows a parameter list, return types and parameters', () => {
  it('each function’s local is its own; the last one reads the file’s SiLU', () => {
    expectAct(CPP, SIGNATURES, 'act(x);', SILU, 5);
    expectAct(CPP, SIGNATURES, 'act(x);', { id: 'tanh', framework: 'libtorch' }, 2);
    expectAct(CPP, SIGNATURES, 'act(a * b)', { id: 'sigmoid', framework: 'libtorch' });
    expectAct(CPP, SIGNATURES, 'act(x);', { id: 'relu6', framework: 'libtorch' }, 3);
    expectAct(CPP, SIGNATURES, 'act(x).chunk', { id: 'gelu', framework: 'libtorch' });
    expectAct(CPP, SIGNATURES, 'act);', { id: 'mish', framework: 'libtorch' });
    expectAct(CPP, SIGNATURES, 'act(rows', { id: 'softplus', framework: 'libtorch' });
    expectAct(CPP, SIGNATURES, 'act(x);', { id: 'elu', framework: 'libtorch' }, 4);
  });

  it('a parameter named act (by reference, pointer, with a default) is the caller’s function', () => {
    expectAct(CPP, SIGNATURES, 'act(x);', undefined, 0);
    expectAct(CPP, SIGNATURES, 'act)(x)', undefined);
    expectAct(CPP, SIGNATURES, 'act(x);', undefined, 1);
    expectAct(CPP, SIGNATURES, 'act(fc', undefined);
    expectAct(CPP, SIGNATURES, 'act);', undefined, 1);
  });

  it('a loop macro’s block is no function: after it the gate may be ReLU or sigmoid', () => {
    expectAct(CPP, SIGNATURES.replace(/\bgate\b/g, 'act'), 'act(out)', undefined);
  });
});

// C++20: a trailing requires-clause after the parameter list.
const REQUIRES = `// Repeated activation for the fixed-depth unrolled blocks (C++20).
#include <torch/torch.h>

auto act = torch::nn::SiLU();

template <int N>
torch::Tensor repeated(torch::Tensor x) requires (N > 0) {
  auto act = torch::nn::Softsign();
  for (int i = 0; i < N; ++i) {
    x = act(x);
  }
  return x;
}

torch::Tensor head(const torch::Tensor& x) {
  return act(x);
}
`;

describe('s10scopes: a requires-clause after the parameter list', () => {
  it('the constrained template’s local is its own; head reads the file’s SiLU', () => {
    expectAct(CPP, REQUIRES, 'act(x);', { id: 'softsign', framework: 'libtorch' }, 0);
    expectAct(CPP, REQUIRES, 'act(x);', SILU, 1);
  });
});

// A function expression as a parameter's default (inside the signature of the file's first function, whose
// body is still to come), and a `for await` loop (a word before `(…) {`, as a C++ return type would be).
const STREAM = `/**
 * Streaming inference over a TF.js dataset, with a report hook the caller may replace.
 */
import * as tf from '@tensorflow/tfjs';

// The stack's default nonlinearity.
const act = tf.relu;

export function withReport(
  x: tf.Tensor,
  report = function (t: tf.Tensor): void {
    t.print();
  },
): tf.Tensor {
  const act = tf.elu;
  const y = act(x);
  report(y);
  return y;
}

export async function streamed(batches: AsyncIterable<tf.Tensor>, smooth: boolean): Promise<tf.Tensor[]> {
  let gate = tf.relu;
  const out: tf.Tensor[] = [];
  for await (const batch of batches) {
    if (smooth) {
      gate = tf.sigmoid;
    }
    out.push(batch);
  }
  return out.map((b) => gate(b));
}

export function head(y: tf.Tensor): tf.Tensor {
  return act(y);
}
`;

describe('s10scopes: a function expression in a signature, and a for await loop', () => {
  it('the first function’s body is its own scope: head reads the module’s ReLU', () => {
    expectAct(TS, STREAM, 'act(x)', { id: 'elu', framework: 'tfjs' });
    expectAct(TS, STREAM, 'act(y)', { id: 'relu', framework: 'tfjs' });
  });

  it('an assignment in a for await loop leaves ReLU or sigmoid: neither is known', () => {
    expectAct(TS, STREAM.replace(/\bgate\b/g, 'act'), 'act(b)', undefined);
  });
});

// A class declared with an export macro (`class TORCH_API Name`), whose constructor follows an access label
// and has a member initializer list; an out-of-line constructor without one; an operator spelled with one
// symbol; and a bare block after a declaration with parentheses (`std::vector<torch::Tensor> parts(2);`).
const EXPORTED = `// classifier.cpp: the exported classifier head and its evaluation helper.
#include <torch/torch.h>

#include <functional>
#include <vector>

using ActFn = std::function<torch::Tensor(const torch::Tensor&)>;

// The head's activation unless a caller chooses one.
auto act = torch::nn::SiLU();

class TORCH_API HeadImpl : public torch::nn::Module {
 public:
  HeadImpl(int64_t width, int64_t classes)
      : out(register_module("out", torch::nn::Linear(width, classes))) {
    auto act = torch::nn::Tanh();
    bias = act(torch::zeros({classes}));
  }

  torch::nn::Linear out{nullptr};
  torch::Tensor bias;
};

Classifier::Classifier(int64_t width) {
  auto act = torch::nn::Softplus();
  scale = act(torch::ones({width}));
}

torch::Tensor operator+(const Classifier& c, const torch::Tensor& x) {
  auto act = torch::nn::ReLU6();
  return act(c.scale) + x;
}

torch::Tensor evaluate(const torch::Tensor& x, bool smooth) {
  ActFn gate = torch::relu;
  std::vector<torch::Tensor> parts(2);
  {
    torch::NoGradGuard no_grad;
    if (smooth) {
      gate = torch::sigmoid;
    }
    parts[0] = x.detach();
  }
  return gate(parts[0]);
}

torch::Tensor head(const torch::Tensor& x) {
  return act(x);
}
`;

describe('s10scopes: an exported class’s constructor, an out-of-line constructor, an operator', () => {
  it('each one’s local is its own; head reads the file’s SiLU', () => {
    expectAct(CPP, EXPORTED, 'act(x)', SILU);
    expectAct(CPP, EXPORTED, 'act(torch::zeros', { id: 'tanh', framework: 'libtorch' });
    expectAct(CPP, EXPORTED, 'act(torch::ones', { id: 'softplus', framework: 'libtorch' });
    expectAct(CPP, EXPORTED, 'act(c.scale)', { id: 'relu6', framework: 'libtorch' });
  });

  it('a bare block is no function: after it the gate may be ReLU or sigmoid', () => {
    expectAct(CPP, EXPORTED.replace(/\bgate\b/g, 'act'), 'act(parts', undefined);
  });
});

// Parameters as C++ declares them: a name after `>`, a default after which more parameters follow, a
// default that takes the global's address, a callback type with named parameters of its own, and (under
// `using namespace torch::nn`) a parameter declared with the unqualified module type, named or not.
const PARAMETERS = `// Hooks and helpers of the activation registry (LibTorch).
#include <torch/torch.h>

#include <functional>
#include <string>

using namespace torch::nn;
using ActFn = std::function<torch::Tensor(const torch::Tensor&)>;

// What the registry applies when nothing is registered.
auto act = SiLU();

torch::Tensor wrapped(const torch::Tensor& x, std::function<torch::Tensor(const torch::Tensor&)> act) {
  return act(x);
}

torch::Tensor first(const ActFn& act, const torch::Tensor& x) {
  return act(x);
}

torch::Tensor scaled(const torch::Tensor& x, double gain = 1.0, const ActFn& act = torch::relu) {
  return gain * act(x);
}

torch::Tensor against(const torch::Tensor& x, const SiLU* reference = &act) {
  return act(x) - (*reference)(x);
}

void each(const std::function<void(const std::string& name, const ActFn& act)>& visit) {
  visit("stem", act);
}

torch::Tensor rescale(const torch::Tensor& x, const GELU& reference) {
  auto smooth = GELU(GELUOptions().approximate("tanh"));
  return smooth(x) - reference(x);
}

torch::Tensor tagged(const torch::Tensor& x, GELU) {
  auto smooth = GELU(GELUOptions().approximate("tanh"));
  return smooth(x);
}
`;

describe('s10scopes: which names of a C++ parameter list are parameters', () => {
  it('act after `>`, before a comma, and after a defaulted parameter, is the caller’s function', () => {
    for (const nth of [0, 1, 2]) {
      expectAct(CPP, PARAMETERS, 'act(x);', undefined, nth);
    }
  });

  it('a default’s `&act` and a callback type’s own `act` are the file’s SiLU, not parameters', () => {
    expectAct(CPP, PARAMETERS, 'act(x) -', SILU);
    expectAct(CPP, PARAMETERS, 'act);', SILU);
  });

  it('the module type of a parameter, named or not, still builds GELU', () => {
    for (const nth of [0, 1]) {
      const at = nthOffset(PARAMETERS, 'GELU(GELUOptions', nth);
      const got = recognizeAt(PARAMETERS, at + 1, CPP);
      assert.equal(got?.id, 'gelu', `GELU #${nth}`);
      assert.equal(got?.framework, 'libtorch');
    }
  });
});
