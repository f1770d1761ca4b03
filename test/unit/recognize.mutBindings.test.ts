/**
 * Names the code binds itself, and the definitions whose extents say where such a name is visible: a function's
 * parameters (after generic parameters, past list, tuple and dict defaults, behind `*`, `mut`, `&`), a loop
 * variable (`for act in (relu, gelu)`, `for (const act of …)`), a plain or annotated assignment (`a = …`,
 * `a: T = …`, Julia's `a::T = …`, `let mut a = …`), Julia's short-form definition `f(x) = …`. Each shadows
 * an imported activation of the same name inside the function that holds it (or the whole file, at the top
 * level), and nowhere else: a function ends at its dedent (Python), at the brace closing its body (C-like) or
 * at its `end` (Julia). A name bound to a path or a layer (`act = nn.GELU()`) shows that activation.
 *
 * Expected values come from the languages' scoping rules (a parameter, a loop variable or a local is the
 * code's own name inside its function; Python's loop variable outlives its loop; a class body is no function;
 * a Rust `impl Trait` in a signature is a type, not an impl block) and from the frameworks' documented
 * defaults (`nn.GELU()` is exact GELU, `approximate='none'`; burn's `Gelu::new()` likewise; `torch.relu`,
 * `tf.relu` and Flux's `relu` take no parameters). "No hover" where the word names the code's own value.
 */
import assert from 'node:assert/strict';
import { recognizeAt } from '../../src/core';
import { expectNothing, spanOf } from './recognizeHelpers';

/** Asserts the nth `word` shows `id` of `framework` over the word's span, at its start, middle and end. */
function expectShown(
  lang: string,
  src: string,
  word: string,
  nth: number,
  id: string,
  framework: string,
): void {
  const [s, e] = spanOf(src, word, nth);
  for (const offset of [s, Math.floor((s + e) / 2), e]) {
    const got = recognizeAt(src, offset, lang);
    const where = `${lang} "${word}" #${nth} at ${offset}`;
    assert.ok(got, `nothing recognized for ${where}`);
    assert.equal(got.id, id, where);
    assert.equal(got.framework, framework, where);
    assert.deepEqual([got.start, got.end], [s, e], `span of ${where}`);
  }
}

describe('Python parameters shadow an import only inside their own function', () => {
  const SRC = `"""Activation helpers for a small MLP trainer."""
import torch
import torch.nn as nn
from torch.nn import Mish
from torch.nn.functional import gelu, relu

act = nn.GELU()


def apply_act(x, act):
    # The caller's function: the module-level GELU is shadowed here.
    return act(x)


def mlp(x, widths=[64, 32], relu=None):
    # A default list before the parameter: still a parameter of mlp.
    for w in widths:
        x = torch.nn.functional.linear(x, torch.randn(w, x.shape[-1]))
    return relu(x)


def gated(x, mask):
    return torch.where(mask, relu(x), x)


def pick(x, name="gelu", table=(relu, gelu)):
    # Names inside a default tuple are values, not parameters.
    return gelu(x)


def scaled(x, *, gain=1.0, **relu):
    return gain * relu(x)


async def stream(batches, gelu):
    async for b in batches:
        yield gelu(b)


class ScaledMish(Mish):
    """Mish times a fixed gain, for the residual branch."""

    def __init__(self, gain=1.0):
        super().__init__()
        self.gain = gain
        self.inner = Mish()


hidden = act(torch.randn(4, 8))
`;

  it('a parameter named like the module-level layer is the caller’s function in its body', () => {
    expectNothing('python', SRC, 'act', 1); // def apply_act(x, act)
    expectNothing('python', SRC, 'act', 2); // return act(x)
  });

  it('after the function, the module-level `act = nn.GELU()` shows exact GELU again', () => {
    expectShown('python', SRC, 'act', 3, 'gelu', 'pytorch');
    assert.equal(recognizeAt(SRC, spanOf(SRC, 'act', 3)[0], 'python')?.params.approximate, 'none');
  });

  it('a parameter after a list default shadows the import', () => {
    expectNothing('python', SRC, 'relu', 1); // relu=None
    expectNothing('python', SRC, 'relu', 2); // return relu(x)
  });

  it('a function without such a parameter calls the imported relu, also as a call’s argument', () => {
    expectShown('python', SRC, 'relu', 3, 'relu', 'pytorch'); // torch.where(mask, relu(x), x)
  });

  it('names listed in a default tuple do not shadow the import in the body', () => {
    expectShown('python', SRC, 'gelu', 3, 'gelu', 'pytorch'); // return gelu(x)
  });

  it('a `**relu` parameter (behind the unpacking stars) shadows the import', () => {
    expectNothing('python', SRC, 'relu', 6); // return gain * relu(x)
  });

  it('an `async def` binds its parameters like a `def`', () => {
    expectNothing('python', SRC, 'gelu', 5); // yield gelu(b)
  });

  it('a class’s base is not a parameter: `Mish()` in its body is torch’s Mish', () => {
    expectShown('python', SRC, 'Mish', 3, 'mish', 'pytorch');
  });
});

describe('loop variables shadow an import from the loop on', () => {
  const PY = `"""Compare candidate gates on one batch."""
import torch
from torch.nn.functional import relu, silu


def compare(x):
    means = []
    # \`silu\` below is the loop's variable, bound to each candidate in turn.
    for silu in (torch.tanh, torch.sigmoid):
        means.append(silu(x).mean())
    # Python keeps the loop variable after the loop: still torch.sigmoid.
    return means, silu(x)


def baseline(x):
    return silu(x), relu(x)
`;

  it('a Python loop over a parenthesized tuple binds its variable (no call of `in`)', () => {
    expectNothing('python', PY, 'silu', 2); // for silu in (…)
    expectNothing('python', PY, 'silu', 3); // means.append(silu(x)…)
  });

  it('the Python loop variable is still bound after its loop, in the same function', () => {
    expectNothing('python', PY, 'silu', 4);
  });

  it('another function sees the imported silu', () => {
    expectShown('python', PY, 'silu', 5, 'silu', 'pytorch');
    expectShown('python', PY, 'relu', 1, 'relu', 'pytorch');
  });

  const TS = `import * as tf from '@tensorflow/tfjs';
import { relu, sigmoid, elu } from '@tensorflow/tfjs';

/** Runs every candidate gate on one batch. */
export function sweep(x: tf.Tensor, candidates: Array<(t: tf.Tensor) => tf.Tensor>): tf.Tensor[] {
  const outs: tf.Tensor[] = [];
  for (const sigmoid of candidates) {
    outs.push(sigmoid(x));
  }
  return outs;
}

export function gate(x: tf.Tensor): tf.Tensor {
  let elu = tf.relu;
  return sigmoid(elu(x));
}

export function blend(x: tf.Tensor, mix: (a: tf.Tensor, relu: tf.Tensor) => tf.Tensor, opts = { clip: true }): tf.Tensor {
  const sigmoid = opts.clip ? tf.relu : tf.elu;
  return mix(sigmoid(x), relu(x));
}

export const head = (x: tf.Tensor): tf.Tensor => relu(sigmoid(x));
`;

  it('a `for (const … of …)` variable shadows the imported sigmoid in the loop', () => {
    expectNothing('typescript', TS, 'sigmoid', 1);
    expectNothing('typescript', TS, 'sigmoid', 2);
  });

  it('`let elu = tf.relu` makes `elu(x)` tf.relu, and the import is untouched elsewhere', () => {
    expectShown('typescript', TS, 'elu', 2, 'relu', 'tfjs');
    expectShown('typescript', TS, 'sigmoid', 3, 'sigmoid', 'tfjs');
  });

  it('a parameter name inside a function type is no parameter of the function', () => {
    expectShown('typescript', TS, 'relu', 4, 'relu', 'tfjs'); // mix(sigmoid(x), relu(x))
  });

  it('a conditional local shadows sigmoid only in its function, whose body follows a `{}` default', () => {
    expectNothing('typescript', TS, 'sigmoid', 5); // mix(sigmoid(x), …)
    expectShown('typescript', TS, 'sigmoid', 6, 'sigmoid', 'tfjs'); // head
    expectShown('typescript', TS, 'relu', 5, 'relu', 'tfjs');
  });
});

describe('Rust bindings: `let mut`, parameters after generics, `impl Trait` in signatures', () => {
  const SRC = `//! Feed-forward blocks for a small burn model.
use burn::nn::{Gelu, Linear};
use burn::tensor::activation::gelu;
use burn::tensor::{backend::Backend, Tensor};

/// A gate the caller picks, kept as a trait object.
pub trait Gate<B: Backend> {
    fn apply(&self, gelu: Tensor<B, 2>, scale: [f32; 2]) -> Tensor<B, 2>;
}

pub fn block<B: Backend>(x: Tensor<B, 2>, fc: &Linear<B>) -> Tensor<B, 2> {
    let mut act = Gelu::new();
    act.forward(fc.forward(x))
}

/// \`gelu\` here is the caller's closure, not burn's function.
pub fn smooth<B: Backend>(x: Tensor<B, 2>, gelu: impl Fn(Tensor<B, 2>) -> Tensor<B, 2>) -> Tensor<B, 2> {
    gelu(x)
}

pub fn stack<B: Backend>(xs: Vec<Tensor<B, 2>>) -> impl Iterator<Item = Tensor<B, 2>> {
    xs.into_iter()
}

pub fn mixed<B: Backend>(mut gelu: Tensor<B, 2>, x: Tensor<B, 2>) -> Tensor<B, 2> {
    gelu = gelu.add(x);
    gelu
}

pub fn plain<B: Backend>(x: Tensor<B, 2>) -> Tensor<B, 2> {
    gelu(x)
}
`;

  it('`let mut act = Gelu::new()` makes `act.forward` burn’s exact GELU', () => {
    expectShown('rust', SRC, 'act', 1, 'gelu', 'burn');
    assert.equal(recognizeAt(SRC, spanOf(SRC, 'act', 1)[0], 'rust')?.params.approximate, 'none');
  });

  it('a parameter after generic parameters shadows burn’s gelu in its function', () => {
    expectNothing('rust', SRC, 'gelu', 4); // smooth's gelu(x)
  });

  it('a `mut` parameter shadows burn’s gelu', () => {
    expectNothing('rust', SRC, 'gelu', 7); // gelu = gelu.add(x)
  });

  it('`impl Fn` and `-> impl Iterator` open no impl block: later functions call burn’s gelu', () => {
    expectShown('rust', SRC, 'gelu', 9, 'gelu', 'burn');
  });
});

describe('Julia bindings and the extents of its blocks', () => {
  const SRC = `using Flux

# Noise scale for the denoiser; the name is NNlib's sigmoid, the value is a Float32.
σ::Float32 = Float32(0.1)

mysig(x) = 1 / (1 + exp(-x))

function encoder(xs, n)
    last = xs[end]
    window = view(xs, :, 2:end)
    cache = Dict{Symbol, Any}()
    if n > 1
        relu = 0.2f0
    end
    for i in 1:n
        last = last .+ relu
    end
    return Dense(n, n, relu)
end

mutable struct Stats
    elu
    count::Int
end

model = Chain(Dense(2, 3, mysig), Dense(3, 1, σ))
head = Dense(3, 1, relu)
tail = Dense(3, 1, elu)
`;

  it('a typed global `σ::Float32 = …` is a number, not NNlib’s sigmoid', () => {
    expectNothing('julia', SRC, 'σ', 1);
  });

  it('a short-form definition is the function it computes, not a binding', () => {
    expectShown('julia', SRC, 'mysig', 1, 'sigmoid', 'other');
  });

  it('a local in an `if` inside a function shadows relu there, past `xs[end]` and inner blocks', () => {
    expectNothing('julia', SRC, 'relu', 1);
    expectNothing('julia', SRC, 'relu', 2);
  });

  it('after the function’s `end`, relu is Flux’s again', () => {
    expectShown('julia', SRC, 'relu', 3, 'relu', 'flux');
  });

  it('a field of a `mutable struct` is bound only in the struct', () => {
    expectNothing('julia', SRC, 'elu', 0);
    expectShown('julia', SRC, 'elu', 1, 'elu', 'flux');
  });

  const NESTED = `using Flux

function train!(model, data, opt)
    for (x, y) in data
        loss(m) = Flux.mse(m(x), y)
        Flux.train!(loss, model, [(x, y)], opt)
    end
    relu = 0.1f0
    return relu
end

head = Dense(3, 1, relu)
`;

  it('a local after a nested short-form definition stays in the outer function', () => {
    expectNothing('julia', NESTED, 'relu', 1);
    expectShown('julia', NESTED, 'relu', 2, 'relu', 'flux');
  });
});

describe('function extents: a local stays in the function that holds it', () => {
  const TS = `import * as tf from '@tensorflow/tfjs';
import { relu } from '@tensorflow/tfjs';

/** Trains one step; the helper is declared inside a block, the rectifier slope is a local. */
export function step(x: tf.Tensor, warm: boolean): tf.Tensor {
  if (warm) {
    function clipGrad(g: tf.Tensor, bounds = { lo: -1, hi: 1 }): tf.Tensor {
      return tf.clipByValue(g, bounds.lo, bounds.hi);
    }
    x = clipGrad(x);
    console.log(\`warm-up step, shape \${x.shape}\`);
  }
  const relu = 0.01;
  return tf.mul(x, relu);
}

export const probe = (x: tf.Tensor): tf.Tensor => relu(x);
`;

  it('a local after a helper declared in a block belongs to the outer function', () => {
    expectNothing('typescript', TS, 'relu', 2);
    expectShown('typescript', TS, 'relu', 3, 'relu', 'tfjs');
  });

  const PY = `"""Lookup tables for the activation sweep."""
from torch.nn.functional import gelu, relu, silu


def pick(name):
    table = {
"relu": relu,
"silu": silu,
    }
    gelu = table.get(name, relu)
    return gelu


def outer(x):
    def inner(y):
        return y * 2

    relu = inner
    return relu(x)


probe = gelu(relu(0.5))
`;

  it('a dict continued at column 0 does not end the Python function', () => {
    expectNothing('python', PY, 'gelu', 1);
    expectShown('python', PY, 'gelu', 3, 'gelu', 'pytorch');
  });

  it('a local after a nested function belongs to the outer one', () => {
    expectNothing('python', PY, 'relu', 5);
    expectShown('python', PY, 'relu', 6, 'relu', 'pytorch');
  });
});

describe('class fields and methods that hold an activation', () => {
  const SRC = `"""Flax and PyTorch blocks whose activation is a class field or a method."""
import math
from typing import Callable

import flax.linen as nn
import torch
from torch import nn as tnn


class MlpBlock(nn.Module):
    features: int
    act_fn: Callable = nn.gelu

    @nn.compact
    def __call__(self, x):
        x = nn.Dense(self.features)(x)
        return self.act_fn(x)


class GatedBlock(MlpBlock):
    act_fn: Callable = nn.silu

    def setup(self):
        # A local of setup, not a field of the class.
        act_fn = nn.relu
        self.proj = nn.Dense(4)

    def __call__(self, x):
        return self.act_fn(self.proj(x))


class Ambiguous(nn.Module):
    act_fn: Callable = nn.gelu
    act_fn = nn.tanh

    def __call__(self, x):
        return self.act_fn(x)


class Paired(nn.Module):
    act_fn, gate_fn = nn.gelu, nn.sigmoid

    def __call__(self, x):
        return self.act_fn(x) * self.gate_fn(x)


class GELUActivation(tnn.Module):
    """Exact GELU through erf, as older transformers code wrote it."""

    def __init__(self):
        super().__init__()
        self.act = self._gelu_python

    def _gelu_python(self, x):
        return x * 0.5 * (1.0 + torch.erf(x / math.sqrt(2.0)))

    def forward(self, x):
        return self.act(x)


class VersionedGELU(tnn.Module):
    """Picks its formula by the torch version: which one runs is decided at import time."""

    def __init__(self):
        super().__init__()
        self.act = self._gelu

    if hasattr(torch, "erf"):
        def _gelu(self, x):
            return x * 0.5 * (1.0 + torch.erf(x / math.sqrt(2.0)))
    else:
        def _gelu(self, x):
            return x * torch.sigmoid(1.702 * x)

    def forward(self, x):
        return self.act(x)


class Inherited(GELUActivation):
    def __init__(self):
        super().__init__()
        self.act = self._fast

    def forward(self, x):
        return self.act(x)
`;

  it('a Flax field `act_fn: Callable = nn.gelu` makes `self.act_fn(x)` GELU (tanh form, Flax’s default)', () => {
    expectShown('python', SRC, 'act_fn', 1, 'gelu', 'flax');
    assert.equal(
      recognizeAt(SRC, spanOf(SRC, 'act_fn', 1)[0], 'python')?.params.approximate,
      'tanh',
    );
  });

  it('a subclass’s own field wins, and a local of one of its methods is no field', () => {
    expectShown('python', SRC, 'act_fn', 4, 'silu', 'flax');
  });

  it('a field bound twice in one class body is ambiguous: no hover', () => {
    expectNothing('python', SRC, 'act_fn', 7);
  });

  it('fields bound together by a tuple assignment pair element by element: GELU and sigmoid', () => {
    // `act_fn, gate_fn = nn.gelu, nn.sigmoid` binds act_fn to nn.gelu and gate_fn to nn.sigmoid (Python's
    // assignment statement unpacks the tuple in order).
    expectShown('python', SRC, 'act_fn', 9, 'gelu', 'flax');
    expectShown('python', SRC, 'gate_fn', 1, 'sigmoid', 'flax');
  });

  it('`self.act = self._gelu_python` is the method’s body: exact GELU', () => {
    expectShown('python', SRC, 'act', 1, 'gelu', 'pytorch');
    assert.equal(recognizeAt(SRC, spanOf(SRC, 'act', 1)[0], 'python')?.params.approximate, 'none');
  });

  it('a method defined in both branches of an `if` in the class body is not one activation', () => {
    expectNothing('python', SRC, 'act', 3);
  });

  it('a method the class does not define (a base’s) shows nothing', () => {
    expectNothing('python', SRC, 'act', 5);
  });
});

describe('targets in parentheses, and a notebook cell that opens with a definition', () => {
  const JL = `using Flux

function reparameterize(encoder, x)
    (μ, logσ) = encoder(x)
    return μ .+ exp.(logσ) .* randn(Float32, size(μ))
end

gate = Dense(4, 4, logσ)
`;

  it('`(μ, logσ) = encoder(x)` binds logσ in the function: no log-sigmoid there', () => {
    expectNothing('julia', JL, 'logσ', 1);
  });

  it('outside the function, logσ is NNlib’s log-sigmoid', () => {
    expectShown('julia', JL, 'logσ', 2, 'logsigmoid', 'flux');
  });

  const PREAMBLE = 'import torch\nfrom torch.nn.functional import relu\n';
  const CELL = `def squash(x):
    relu = x.clamp(min=0)
    return relu / (1 + relu)

y = relu(torch.randn(3))
`;

  it('a function on the cell’s first line ends at the next top-level line', () => {
    const [s, e] = spanOf(CELL, 'relu', 3);
    const got = recognizeAt(CELL, s + 1, 'python', { preamble: PREAMBLE });
    assert.deepEqual(got && [got.id, got.framework, got.start, got.end], ['relu', 'pytorch', s, e]);
    assert.equal(
      recognizeAt(CELL, spanOf(CELL, 'relu', 1)[0], 'python', { preamble: PREAMBLE }),
      undefined,
    );
  });
});

describe('a Rust signature with an array type keeps the body that follows it', () => {
  const SRC = `use burn::tensor::activation::gelu;
use burn::tensor::{backend::Backend, Tensor};

/// Lower and upper clip of the gate, as an array.
pub fn thresholds() -> [f32; 2] {
    let gelu = 0.5;
    [gelu, 1.0]
}

pub fn plain<B: Backend>(x: Tensor<B, 2>) -> Tensor<B, 2> {
    gelu(x)
}
`;

  it('a local of a function returning `[f32; 2]` stays in it', () => {
    expectNothing('rust', SRC, 'gelu', 2); // [gelu, 1.0]
    expectShown('rust', SRC, 'gelu', 3, 'gelu', 'burn');
  });
});
