/**
 * The ninth mutation session's survivors of bindings.ts, branches.ts, local.ts and definitions.ts, as tests
 * of the right answer, and the recognizer fixes they needed:
 * - a local bound to a module built and then applied (`->forward(x)`) holds its output, while a module
 *   built and moved (`.to(device)`) or passed to a free function named `forward` is still the module;
 * - a local bound to a hand-written formula's value (`y = 0.5 * x * (1 + tanh(…))`) holds a tensor;
 * - a JavaScript named function expression is a function scope; a C++ `class`/`struct` after `,` or `(`
 *   names a type (a template parameter, an elaborated parameter type), no class body;
 * - a Python closure's variable assigned after the closure in a method reaches the closure, also when the
 *   method runs to the end of the file;
 * - tuple assignments read element by element (`act, gate = F.gelu, torch.sigmoid`), destructuring
 *   assignments, element assignments, varargs, C++ declarator lists, and Rust's
 *   double dereference `**slot = …`;
 * - a Julia macro is reached by `@name` only, and a Julia anonymous `function (x) … end` is a scope.
 *
 * Expected values come from the languages' rules and the frameworks' documentation:
 * - LibTorch: `torch::nn::GELU()->forward(x)` returns a tensor; `torch::nn::GELU()` is the GELU module,
 *   approximate "none" by default. PyTorch: `nn.Module.to(device)` returns the module itself, so
 *   `nn.GELU(approximate="tanh").to(device)` is the tanh GELU; a formula's value is a tensor, as
 *   `y = F.relu(x)` is. candle: `Activation::LeakyRelu(0.2)` is the leaky ReLU with slope 0.2.
 * - JavaScript (ECMA-262, function expressions and `const`): the name of a named function expression and a
 *   `const` inside its body are scoped to that function, so the outer `const act = tf.relu` is what the
 *   outer `act(…)` calls; a destructuring default (`[units, act = tf.relu] = spec`,
 *   `{ units, act = tf.relu } = options`) applies only when the element or property is undefined, so `act`
 *   is whatever they hold; a destructured element (`[logits, softmax] = …`) shadows the imported `softmax`
 *   in its function; `gate, act = tf.sigmoid, tf.relu` is one comma expression that assigns
 *   `act = tf.sigmoid` alone, so the hoisted `var gate` stays undefined. TF.js'
 *   `tf.softmax(logits, dim = -1)`.
 * - C++ ([temp.param], [dcl.type.elab]): `class Input` in `template <typename Scalar, class Input>`
 *   declares a type parameter and `struct prof_ctx*` in a parameter list names a type, neither a class
 *   body, so `act` in those member functions is the member of the class around them; a declarator list
 *   `ActFn gate, act = torch::relu;` initializes only `act`.
 * - Python (the language reference, "Naming and binding"): a closure reads its enclosing function's
 *   variable when it is called, so `act` assigned after `def head` is what `head` applies; `*act` in a
 *   parameter list binds a tuple named `act` in the function; `table["gelu"] = F.gelu` stores into the
 *   dict, `table` stays a dict.
 * - Rust (the reference, "Method-call expressions"): `slot.forward(xs)` dereferences `slot` as far as needed,
 *   so after `*slot = Activation::Gelu` or `**slot = Activation::Gelu` it runs GELU (candle: `Gelu` is the
 *   exact GELU); a reference pattern `&softmax: &bool` binds `softmax` to the bool inside its function
 *   ("Reference patterns"), while `probs` calls the imported `candle_nn::ops::softmax`.
 * - Julia: `local act, gate = relu, sigmoid` destructures the tuple, so `gate` is `sigmoid`, never `relu`;
 *   `σ[j] = v` calls `setindex!`, which no function has, so there `σ` is an array, not NNlib's σ; a macro
 *   `macro leakyrelu(ex)` defines `@leakyrelu` and leaves the name `leakyrelu` to NNlib's leakyrelu (slope
 *   0.01 by default); an anonymous `function (act, x) … end` binds its own `act`, and a variable it assigns
 *   is its local (the manual, "Scope of Variables"); Flux's `Dense(in => out, σ)` applies σ, so
 *   `act = relu` passed there is ReLU, whatever long element assignment the file makes before it.
 */
import assert from 'node:assert/strict';
import './freshModels';
import { recognizeAt } from '../../src/core';
import { expectCall, expectNothing, nthOffset } from './recognizeHelpers';

const PY = 'python';
const JS = 'javascript';
const CPP = 'cpp';
const RS = 'rust';
const JL = 'julia';

/** What is recognized with the cursor inside the first character of the nth `needle`. */
function at(lang: string, text: string, needle: string, nth = 0) {
  return recognizeAt(text, nthOffset(text, needle, nth) + 1, lang);
}

const LIBTORCH_APPLIED = `#include <torch/torch.h>

// One GELU applied on the spot for the exported graph, one kept as a module for the check.
torch::Tensor check(const torch::Tensor& x) {
  auto out = torch::nn::GELU()->forward(x);
  auto gelu = torch::nn::GELU();
  return out + gelu(x);
}
`;

const PYTORCH_MOVED = `"""A feed-forward block built once and moved to the training device."""
import torch
import torch.nn as nn


def build_ffn(width: int, device: torch.device):
    proj = nn.Linear(width, 4 * width).to(device)
    act = nn.GELU(approximate="tanh").to(device)
    return lambda x: act(proj(x))
`;

const CANDLE_FREE_FORWARD = `use candle_core::{Result, Tensor};
use candle_nn::{Activation, Module};

/// Applies a block's activation; kept free so that the tests can call it on any activation.
fn forward(act: &Activation, xs: &Tensor) -> Result<Tensor> {
    act.forward(xs)
}

fn residual(xs: &Tensor) -> Result<Tensor> {
    let act = Activation::LeakyRelu(0.2);
    forward(&act, xs)? + xs
}
`;

const GELU_NEW = `"""GELU as GPT-2 wrote it, before PyTorch had the tanh approximation."""
import math

import torch


def gelu_new(x: torch.Tensor) -> torch.Tensor:
    y = 0.5 * x * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * torch.pow(x, 3.0))))
    return y
`;

describe('local: what a module built in the value is', () => {
  it('LibTorch: GELU()->forward(x) bound to a name is a tensor; GELU() bound to a name is GELU', () => {
    expectNothing(CPP, LIBTORCH_APPLIED, 'out', 1);
    expectCall(CPP, LIBTORCH_APPLIED, 'gelu', { id: 'gelu', framework: 'libtorch' }, 1);
  });

  it('PyTorch: nn.GELU(approximate="tanh").to(device) is still the tanh GELU', () => {
    expectCall(
      PY,
      PYTORCH_MOVED,
      'act',
      { id: 'gelu', framework: 'pytorch', params: { approximate: 'tanh' } },
      1,
    );
  });

  it('candle: a module passed to a free function named forward is still the leaky ReLU', () => {
    const got = at(RS, CANDLE_FREE_FORWARD, 'act, xs)?');
    assert.equal(got?.id, 'leaky_relu');
    assert.equal(got?.params.negative_slope, 0.2);
  });

  it('Python: a name bound to a formula’s value holds a tensor, no activation', () => {
    expectNothing(PY, GELU_NEW, 'y', 1);
  });
});

const TFJS_NAMED_CALLBACK = `import * as tf from '@tensorflow/tfjs';

/** Scores every batch with a sigmoid head, then rectifies the pooled score. */
export function scoreAll(batches) {
  const act = tf.relu;
  const scored = batches.map(function scoreOne(x) {
    const act = tf.sigmoid;
    return act(x);
  });
  return act(tf.stack(scored).mean(0));
}
`;

const CPP_ELABORATED = `// Two blocks of a small LibTorch encoder. Their members take an optional profiling context
// declared with C's elaborated \`struct\`, so the same header compiles for the C tracing shim.
#include <torch/torch.h>

struct GateImpl : torch::nn::Module {
  explicit GateImpl(int64_t d)
      : proj(register_module("proj", torch::nn::Linear(d, d))),
        act(register_module("act", torch::nn::Sigmoid())) {}

  torch::Tensor forward(const torch::Tensor& x) { return x * act(proj(x)); }

  torch::nn::Linear proj{nullptr};
  torch::nn::Sigmoid act{nullptr};
};
TORCH_MODULE(Gate);

struct FeedForwardImpl : torch::nn::Module {
  explicit FeedForwardImpl(int64_t d)
      : fc(register_module("fc", torch::nn::Linear(d, d))),
        act(register_module("act", torch::nn::SiLU())) {}

  torch::Tensor forward(struct prof_ctx* ctx, const torch::Tensor& x) {
    return fc(act(x));
  }

  template <typename Scalar, class Input>
  torch::Tensor scaled(const Input& x, Scalar s) {
    return s * act(fc(x));
  }

  torch::nn::Linear fc{nullptr};
  torch::nn::SiLU act{nullptr};
};
TORCH_MODULE(FeedForward);
`;

describe('definitions: scopes and type names', () => {
  it('JavaScript: the const of a named function expression stays inside it', () => {
    expectCall(JS, TFJS_NAMED_CALLBACK, 'act', { id: 'sigmoid', framework: 'tfjs' }, 2);
    expectCall(JS, TFJS_NAMED_CALLBACK, 'act', { id: 'relu', framework: 'tfjs' }, 3);
  });

  it('C++: struct after ( and class after , name types; act is each class’s own member', () => {
    expectCall(CPP, CPP_ELABORATED, 'act', { id: 'sigmoid', framework: 'libtorch' }, 2);
    const inForward = at(CPP, CPP_ELABORATED, 'act(x)');
    assert.equal(inForward?.id, 'silu');
    assert.equal(inForward?.framework, 'libtorch');
    const inTemplate = at(CPP, CPP_ELABORATED, 'act(fc(x))');
    assert.equal(inTemplate?.id, 'silu');
    assert.equal(inTemplate?.framework, 'libtorch');
  });
});

const CLOSURE_METHOD = `"""A transformer block whose head is a closure over the activation chosen below it."""
import torch.nn as nn
import torch.nn.functional as F


class Block(nn.Module):
    def __init__(self, width):
        super().__init__()
        self.proj = nn.Linear(width, width)

    def forward(self, x):
        def head(h):
            return act(self.proj(h))

        act = F.gelu
        return head(x)
`;

const CLOSURE_METHOD_THEN_HELPER = `${CLOSURE_METHOD}

def count_parameters(model):
    return sum(p.numel() for p in model.parameters())
`;

describe('branches: a closure’s variable assigned after the closure', () => {
  it('in a method followed by more code, act is the GELU assigned below the closure', () => {
    const got = at(PY, CLOSURE_METHOD_THEN_HELPER, 'act(self');
    assert.equal(got?.id, 'gelu');
    assert.equal(got?.params.approximate, 'none');
  });
});

const FLUX_LOCAL_TUPLE = `using Flux

"""A gated unit: act on one projection, gate on the other."""
function gated(x, W, V)
    local act, gate = relu, sigmoid
    act.(W * x) .* gate.(V * x)
end
`;

const TFJS_DESTRUCTURED = `import { argMax, sigmoid, softmax } from '@tensorflow/tfjs';

/** Class probabilities and the winning class of one batch. */
export function classify(model, x) {
  const [logits, softmax] = model.predict(x);
  return { logits, label: argMax(softmax, -1), gate: sigmoid(logits) };
}

export const probabilities = (logits) => softmax(logits);
`;

const PY_TABLE = `"""Activation tables filled by name."""
import torch.nn.functional as F


def apply(name, x):
    table = {}
    table["gelu"] = F.gelu
    table["relu"] = F.relu
    return table[name](x)
`;

const JULIA_RUNNING_STD = `using Flux, Statistics

include("running_stats.jl")  # the running σ buffer, one entry per feature

"""Update the running standard deviation of each feature of a batch."""
function track!(xs)
    for j in axes(xs, 1)
        σ[j] = std(xs[j, :])
    end
    return σ
end
`;

const TFJS_SPEC_DEFAULT = `import * as tf from '@tensorflow/tfjs';

/**
 * One dense layer from a compact spec: [units, activation]. The activation may be
 * left out of the spec, and then the layer rectifies.
 */
export function denseFromSpec(x, spec) {
  const [units, act = tf.relu] = spec;
  const kernel = tf.randomNormal([x.shape[1], units]);
  return act(tf.matMul(x, kernel));
}
`;

const TFJS_OPTIONS_DEFAULT = `import * as tf from '@tensorflow/tfjs';

/** One dense layer from an options object; without an activation the layer rectifies. */
export function denseFromOptions(x, options) {
  const { units, act = tf.relu } = options;
  const kernel = tf.randomNormal([x.shape[1], units]);
  return act(tf.matMul(x, kernel));
}
`;

const JULIA_INCLUDED_BAND = `# Included by train.jl once the model is built (W is its first layer's weight, Flux is loaded there):
# zero the off-diagonal band the paper keeps frozen, then build the probe head.
W[diagind(W, 1)[begin + 1:end - 1] .+ (band_offsets[1] + band_offsets[2] + band_offsets[3] - band_offsets[4])] .= 0.0f0

act = relu
probe = Chain(Dense(size(W, 1) => 16, act), Dense(16 => 2))
`;

const JS_PORTED_SCRIPT = `'use strict'
// Ported from the Python notebook; in JavaScript this line is one comma expression, which sets act alone.
gate, act = tf.sigmoid, tf.relu
var gate, act

function head(x) {
  return gate ? tf.mul(act(x), gate(x)) : act(x)
}
`;

const PY_VARARGS = `"""Activations for the ablation runs."""
import torch.nn.functional as F

act = F.gelu  # the default activation of this module


def mixture(x, *act):
    """The mean of the given activations applied to x."""
    return sum(a(x) for a in act) / len(act)
`;

const CANDLE_REF_PATTERN = `use candle_core::{Result, Tensor, D};
use candle_nn::ops::softmax;

/// Attention weights over the last axis; \`&softmax\` is off for the raw-logit dump.
fn weights(scores: &Tensor, &softmax: &bool) -> Result<Tensor> {
    if softmax {
        return candle_nn::ops::softmax(scores, D::Minus1);
    }
    Ok(scores.clone())
}

fn probs(scores: &Tensor) -> Result<Tensor> {
    softmax(scores, D::Minus1)
}
`;

describe('bindings: what each target of an assignment holds', () => {
  it('Julia: the second name of local act, gate = relu, sigmoid is never relu', () => {
    const got = at(JL, FLUX_LOCAL_TUPLE, 'gate.(');
    assert.ok(got === undefined || got.id === 'sigmoid', JSON.stringify(got));
  });

  it('JavaScript: a destructured element shadows the imported softmax', () => {
    expectNothing(JS, TFJS_DESTRUCTURED, 'softmax', 2);
    expectCall(
      JS,
      TFJS_DESTRUCTURED,
      'softmax',
      { id: 'softmax', framework: 'tfjs', params: { dim: -1 } },
      3,
    );
  });

  it('Python: a dict filled item by item stays a dict', () => {
    expectNothing(PY, PY_TABLE, 'table', 3);
  });

  it('Julia: σ assigned by index is an array, not NNlib’s σ', () => {
    expectNothing(JL, JULIA_RUNNING_STD, 'σ', 1);
  });

  it('JavaScript: a destructuring default is not the only value the name may hold', () => {
    expectNothing(JS, TFJS_SPEC_DEFAULT, 'act', 1);
    expectNothing(JS, TFJS_OPTIONS_DEFAULT, 'act', 1);
  });

  it('Rust: the reference pattern &softmax binds a bool that shadows the imported softmax', () => {
    expectNothing(RS, CANDLE_REF_PATTERN, 'softmax', 3);
    expectCall(RS, CANDLE_REF_PATTERN, 'softmax', { id: 'softmax', framework: 'candle' }, 5);
  });

  it('Julia: a subscript target longer than the target window is skipped, the file still read', () => {
    expectCall(JL, JULIA_INCLUDED_BAND, 'act', { id: 'relu', framework: 'flux' }, 1);
  });

  it('JavaScript: a comma expression `gate, act = …` assigns act alone; gate stays undefined', () => {
    expectNothing(JS, JS_PORTED_SCRIPT, 'gate', 3);
  });

  it('Python: varargs *act is a tuple that shadows the module’s act', () => {
    expectNothing(PY, PY_VARARGS, 'act', 3);
  });
});

const LIBTORCH_DECLARATORS = `// A two-layer head whose activation is picked once, as a plain function pointer.
#include <torch/torch.h>

using ActFn = at::Tensor (*)(const at::Tensor&);

at::Tensor head(const at::Tensor& x, const at::Tensor& w1, const at::Tensor& w2) {
  ActFn gate, act = torch::relu;
  return act(x.matmul(w1)).matmul(w2);
}

// Two experts picked per call, and a fallback for the tokens no expert takes.
at::Tensor route(const at::Tensor& x, bool smooth) {
  ActFn experts[2], fallback = torch::sigmoid;
  experts[0] = smooth ? torch::tanh : torch::relu;
  experts[1] = torch::relu;
  return experts[0](x) + experts[1](x) + fallback(x);
}
`;

const FLUX_MACRO = `using Flux

"""\`@leakyrelu ex\` rectifies \`ex\` with a fixed slope, fused into the caller's broadcast."""
macro leakyrelu(ex)
    esc(:(max.(0.1f0 .* $ex, $ex)))
end

function block(W, x)
    h = leakyrelu.(W * x)
    return @leakyrelu(W * h)
end
`;

const FLUX_ANONYMOUS = `using Flux

act = relu

# The gate applied after every block; the caller passes the activation to gate with.
gate = function (act, x)
    act.(x) .* x
end

smooth = function (x)
    act = softplus
    act.(x)
end

y = act.(randn(Float32, 4))
`;

const CANDLE_SLOTS = `use candle_core::{Result, Tensor};
use candle_nn::{Activation, Module};

/// Points the shared slot at GELU, then runs it once to warm the kernels.
fn install_one(slot: &mut Activation, xs: &Tensor) -> Result<Tensor> {
    *slot = Activation::Gelu;
    slot.forward(xs)
}

/// The same through the registry's double indirection.
fn install_two(slot: &mut &mut Activation, xs: &Tensor) -> Result<Tensor> {
    **slot = Activation::Gelu;
    slot.forward(xs)
}
`;

describe('definitions: a Julia macro', () => {
  it('@leakyrelu(…) is the macro defined above, not NNlib’s leakyrelu with its 0.01 slope', () => {
    const got = at(JL, FLUX_MACRO, 'leakyrelu(W * h)');
    assert.ok(got === undefined || got.params.negative_slope === 0.1, JSON.stringify(got));
  });
});

const PYTORCH_TUPLE = `"""A gated linear unit with the activation pair picked in one line."""
import torch
import torch.nn.functional as F


def gated_unit(x: torch.Tensor, w: torch.Tensor, v: torch.Tensor) -> torch.Tensor:
    act, gate = F.gelu, torch.sigmoid
    return act(x @ w) * gate(x @ v)


def swish_unit(x: torch.Tensor, w: torch.Tensor, v: torch.Tensor) -> torch.Tensor:
    act, gate = F.silu, torch.tanh,
    return act(x @ w) * gate(x @ v)


def configured_unit(x: torch.Tensor, w: torch.Tensor, v: torch.Tensor, config) -> torch.Tensor:
    act, gate = config.activations()
    return act(x @ w) * gate(x @ v)
`;

describe('fixes: bindings the recognizer missed', () => {
  it('Python: a closure’s variable assigned below it in a method that ends the file', () => {
    const got = at(PY, CLOSURE_METHOD, 'act(self');
    assert.equal(got?.id, 'gelu');
    assert.equal(got?.params.approximate, 'none');
  });

  it('C++: the initialized declarator of a list without a keyword holds its value', () => {
    expectCall(CPP, LIBTORCH_DECLARATORS, 'act', { id: 'relu', framework: 'libtorch' }, 1);
    expectCall(CPP, LIBTORCH_DECLARATORS, 'fallback', { id: 'sigmoid', framework: 'libtorch' }, 2);
  });

  it('Julia: a plain name is NNlib’s function, whatever macro shares its name', () => {
    expectCall(
      JL,
      FLUX_MACRO,
      'leakyrelu',
      { id: 'leaky_relu', framework: 'flux', params: { negative_slope: 0.01 } },
      2,
    );
  });

  it('Rust: **slot = Activation::Gelu sets what slot reaches, as *slot = … does', () => {
    for (const nth of [0, 1]) {
      const got = at(RS, CANDLE_SLOTS, 'slot.forward', nth);
      assert.equal(got?.id, 'gelu');
      assert.equal(got?.params.approximate, 'none');
    }
  });

  it('Python and Julia: a tuple assignment gives each target its own element', () => {
    expectCall(
      PY,
      PYTORCH_TUPLE,
      'act',
      { id: 'gelu', framework: 'pytorch', params: { approximate: 'none' } },
      1,
    );
    expectCall(PY, PYTORCH_TUPLE, 'gate', { id: 'sigmoid', framework: 'pytorch' }, 1);
    // A trailing comma still makes a pair; one value unpacked tells nothing about its parts.
    expectCall(PY, PYTORCH_TUPLE, 'act', { id: 'silu', framework: 'pytorch' }, 3);
    expectCall(PY, PYTORCH_TUPLE, 'gate', { id: 'tanh', framework: 'pytorch' }, 3);
    expectNothing(PY, PYTORCH_TUPLE, 'act', 5);
    expectNothing(PY, PYTORCH_TUPLE, 'gate', 5);
    expectCall(JL, FLUX_LOCAL_TUPLE, 'act', { id: 'relu', framework: 'flux' }, 2);
    expectCall(JL, FLUX_LOCAL_TUPLE, 'gate', { id: 'sigmoid', framework: 'flux' }, 2);
  });

  it('Julia: an anonymous function’s parameters and assignments are its own', () => {
    expectNothing(JL, FLUX_ANONYMOUS, 'act', 2);
    expectCall(JL, FLUX_ANONYMOUS, 'act', { id: 'softplus', framework: 'flux' }, 4);
    expectCall(JL, FLUX_ANONYMOUS, 'act', { id: 'relu', framework: 'flux' }, 5);
  });
});
