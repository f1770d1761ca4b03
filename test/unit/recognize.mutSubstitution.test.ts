/**
 * A user-defined activation's parameters read with their literal values (substitution.ts), hovered in its
 * `return` expression (parameterBodies.ts) or at a call, and PyTorch's `inplace` branches (inplace.ts).
 *
 * The wrappers call a library activation with a parameter of their own (`F.leaky_relu(x, slope)`): only
 * the parameter's literal value makes the call one activation with known constants. Expected values come
 * from Python's rules for binding arguments to parameters (by position, by keyword in any order, a
 * trailing comma adds no argument, `*extra` takes the positional rest, parameters before `/` are
 * positional, an annotation `Annotated[float, Field(gt=0)]` holds no default of its own), from
 * class-level fields read as `self.<name>` (a local of a method is no field), and from the frameworks'
 * documented signatures: `F.leaky_relu(input, negative_slope=0.01)`, `F.hardtanh(input, min_val=-1.0,
 * max_val=1.0)`, `F.softplus(input, beta=1.0, threshold=20.0)`, `F.elu(input, alpha=1.0)`,
 * `jax.nn.elu(x, alpha=1.0)`, hard sigmoid relu6(x + 3) / 6 (slope 1/6). A parameter whose value is no
 * literal (no default, `None`, `1.0 / 3`) leaves the activation unknown: no hover. In timm's convention a
 * branch taken only when `inplace` (or `self.inplace`) is set computes the same values in place (here
 * through a compiled kernel the recognizer cannot read), so the other branch decides; any other
 * condition (`self.training`, `inplace or tracing`) makes both branches count, and they disagree.
 */
import assert from 'node:assert/strict';
import { recognizeAt } from '../../src/core';
import { expectCall, expectNothing, nthOffset, type Expected } from './recognizeHelpers';

const PY = 'python';

/**
 * Offsets in the nth `expr` a hover in a return expression is tried at: its first character (the module
 * of the library call) and every bracket, comma and operator. A name the function binds (its input, a
 * parameter) means that binding, and a library function's own name shows that function's call.
 */
function probes(text: string, expr: string, nth: number): number[] {
  const start = nthOffset(text, expr, nth);
  const out = [start];
  // Not right after a word: that offset is the word's end, which VS Code counts as on the word.
  for (const m of expr.matchAll(/(?<!\w)[^\w\s.]/g)) {
    out.push(start + (m.index ?? 0));
  }
  return out;
}

/** Asserts the nth `expr` (a whole return expression) is hovered as `expected` with its own span. */
function expectBody(text: string, expr: string, expected: Expected, nth = 0): void {
  const start = nthOffset(text, expr, nth);
  for (const offset of probes(text, expr, nth)) {
    const got = recognizeAt(text, offset, PY);
    const where = `"${expr}" #${nth} at ${offset - start}`;
    assert.ok(got, `nothing recognized for ${where}`);
    assert.equal(got.id, expected.id, where);
    assert.equal(got.framework, expected.framework, where);
    assert.equal(text.slice(got.start, got.end), expr, `span of ${where}`);
    for (const [name, value] of Object.entries(expected.params ?? {})) {
      assert.equal(got.params[name], value, `param ${name} of ${where}`);
    }
    assert.equal(got.nonLiteral, undefined, `nonLiteral of ${where}`);
  }
}

/** Asserts no hover covers the nth `expr` as a whole (its library call name may still show that call). */
function expectNoBody(text: string, expr: string, nth = 0): void {
  const start = nthOffset(text, expr, nth);
  for (const offset of probes(text, expr, nth)) {
    const got = recognizeAt(text, offset, PY);
    assert.ok(
      got === undefined || got.end - got.start < expr.length,
      `"${expr}" #${nth} at ${offset - start} gave ${JSON.stringify(got)}`,
    );
  }
}

describe('PyTorch wrappers read their parameters’ literal defaults and a call’s literal arguments', () => {
  const SRC = `"""Activation wrappers shared by the discriminator and the generator."""
from typing import Annotated

import torch
import torch.nn.functional as F
from pydantic import Field


def leaky(x, slope=0.2):
    """LeakyReLU with the DCGAN slope."""
    return F.leaky_relu(x, slope)


def clipped(x, lo=-2.0, hi=+2.0):
    # The critic's output range.
    return F.hardtanh(x, lo, hi)


def smooth(x, beta: float = 2, threshold: int = 10):
    return F.softplus(x, beta, threshold)


def elu_act(x, /, alpha: Annotated[float, Field(gt=0)] = 0.5):
    return F.elu(x, alpha=alpha)


def leaky_compat(x, *extra, slope=0.1, **options):
    """Extra arguments are accepted for the old API and ignored."""
    return F.leaky_relu(x, slope)


def elu_third(x, alpha=1.0 / 3):
    return F.elu(x, alpha)


def leaky_any(x, slope):
    return F.leaky_relu(x, slope)


def leaky_fine(x, slope=1e-2):
    return F.leaky_relu(x, slope)


def leaky_eval(x, slope=0.2, train=None):
    del train  # the same at training and inference
    return F.leaky_relu(x, slope)


def leaky_logged(x, tags: dict = {"stage": "disc", "norm": False}, slope=0.2):
    return F.leaky_relu(x, slope)


def leaky_head(x, cls: int = 0, slope=0.2):
    """Leaky ReLU on one head's logits; \`cls\` is the index of the head."""
    return F.leaky_relu(x, slope)


def leaky_from(x, cfg, slope=0.2):
    """The config's slope wins over the default."""
    return F.leaky_relu(x, cfg.slope)


def leaky_scaled(x, cfg=None, slope=0.2):
    return F.leaky_relu(x, slope * cfg.scale)


def features(h):
    a = clipped(h, -0.5)
    b = clipped(
        h,
        -0.5,
    )
    c = clipped(h, hi=3.0)
    d = elu_act(h, 0.25)
    e = leaky_compat(h, 0.5)
    f = leaky(slope=0.05, x=h)
    g = smooth(h, 4)
    k = leaky_logged(h, {"stage": "gen", "norm": True}, 0.1)
    m = leaky_head(h, 3, 0.05)
    return a, b, c, d, e, f, g, k, m
`;

  it('a wrapper’s return expression is hovered with its defaults, signed ones too', () => {
    expectBody(SRC, 'F.leaky_relu(x, slope)', {
      id: 'leaky_relu',
      framework: 'pytorch',
      params: { negative_slope: 0.2 },
    });
    expectBody(SRC, 'F.hardtanh(x, lo, hi)', {
      id: 'hardtanh',
      framework: 'pytorch',
      params: { min_val: -2, max_val: 2 },
    });
    expectBody(SRC, 'F.softplus(x, beta, threshold)', {
      id: 'softplus',
      framework: 'pytorch',
      params: { beta: 2, threshold: 10 },
    });
    expectBody(
      SRC,
      'F.leaky_relu(x, slope)',
      {
        id: 'leaky_relu',
        framework: 'pytorch',
        params: { negative_slope: 0.01 },
      },
      3,
    );
  });

  it('an annotated default is read past the brackets of its annotation', () => {
    expectBody(SRC, 'F.elu(x, alpha=alpha)', {
      id: 'elu',
      framework: 'pytorch',
      params: { alpha: 0.5 },
    });
  });

  it('a dict’s commas, in a default or an argument, separate no parameters', () => {
    expectBody(
      SRC,
      'F.leaky_relu(x, slope)',
      { id: 'leaky_relu', framework: 'pytorch', params: { negative_slope: 0.2 } },
      5,
    );
    expectCall(
      PY,
      SRC,
      'leaky_logged',
      { id: 'leaky_relu', framework: 'pytorch', params: { negative_slope: 0.1 } },
      1,
    );
  });

  it('keyword-only parameters after *extra and **options keep their defaults', () => {
    expectBody(
      SRC,
      'F.leaky_relu(x, slope)',
      {
        id: 'leaky_relu',
        framework: 'pytorch',
        params: { negative_slope: 0.1 },
      },
      1,
    );
  });

  it('a parameter with no literal value (an expression, no default, None read) gives no hover', () => {
    expectNoBody(SRC, 'F.elu(x, alpha)');
    expectNoBody(SRC, 'F.leaky_relu(x, slope)', 2);
    expectBody(
      SRC,
      'F.leaky_relu(x, slope)',
      {
        id: 'leaky_relu',
        framework: 'pytorch',
        params: { negative_slope: 0.2 },
      },
      4,
    );
  });

  it('a call’s literal arguments bind by position and by keyword, as Python binds them', () => {
    const hardtanh = (min: number, max: number) => ({
      id: 'hardtanh',
      framework: 'pytorch',
      params: { min_val: min, max_val: max },
    });
    expectCall(PY, SRC, 'clipped', hardtanh(-0.5, 2), 1);
    // A trailing comma adds no argument: `hi` keeps its default.
    expectCall(PY, SRC, 'clipped', hardtanh(-0.5, 2), 2);
    expectCall(PY, SRC, 'clipped', hardtanh(-2, 3), 3);
    // Parameters before `/` are positional: 0.25 is alpha.
    expectCall(PY, SRC, 'elu_act', { id: 'elu', framework: 'pytorch', params: { alpha: 0.25 } }, 1);
    // 0.5 goes to *extra; the keyword-only slope keeps 0.1.
    expectCall(
      PY,
      SRC,
      'leaky_compat',
      { id: 'leaky_relu', framework: 'pytorch', params: { negative_slope: 0.1 } },
      1,
    );
    // A later parameter named cls is a parameter like any other (only a first one is a receiver).
    expectCall(
      PY,
      SRC,
      'leaky_head',
      { id: 'leaky_relu', framework: 'pytorch', params: { negative_slope: 0.05 } },
      1,
    );
    // Keyword arguments in any order.
    expectCall(
      PY,
      SRC,
      'leaky',
      { id: 'leaky_relu', framework: 'pytorch', params: { negative_slope: 0.05 } },
      1,
    );
    expectCall(
      PY,
      SRC,
      'smooth',
      { id: 'softplus', framework: 'pytorch', params: { beta: 4, threshold: 10 } },
      1,
    );
  });

  it('an attribute named like a parameter (cfg.slope) is not the parameter', () => {
    // The body reads no parameter's value: only the library call's own name is hovered.
    expectNoBody(SRC, 'F.leaky_relu(x, cfg.slope)');
    // The object whose attribute is read is no value read either: slope is, and the product is unknown.
    const expr = 'F.leaky_relu(x, slope * cfg.scale)';
    const got = recognizeAt(SRC, nthOffset(SRC, expr), PY);
    assert.equal(got?.id, 'leaky_relu');
    assert.equal(got && SRC.slice(got.start, got.end), expr);
    assert.deepEqual(got?.nonLiteral, ['negative_slope']);
  });

  it('hovering the return keyword or the statement before shows nothing', () => {
    expectNothing(PY, SRC, 'return', 0);
    expectNothing(PY, SRC, 'del');
  });
});

describe('a return expression is hovered as the function it ends', () => {
  const SRC = `import torch
import torch.nn as nn
import torch.nn.functional as F


def leaky(x, slope=0.2, fused=True):
    if fused:
        return F.leaky_relu(x, slope)
    return torch.where(x > 0, x, x * slope)


def leaky_steps(x, slope=0.2):
    yield F.leaky_relu(x, slope)


class Dense(nn.Module):
    def forward(self, x, training=False):
        return F.relu(self.fc(x))


def leaky_last(x, negative_slope=0.3):
    return F.leaky_relu(x, negative_slope)


negative_slope, gain = 0.01, 2.0
y = gain * leaky_last(torch.randn(8), negative_slope)
z = leaky_last(torch.randn(8))


def leaky_tail(x, slope=0.1):
    return F.leaky_relu(x, slope)
`;

  it('an early return is one expression of its own, up to its line’s end', () => {
    expectBody(SRC, 'F.leaky_relu(x, slope)', {
      id: 'leaky_relu',
      framework: 'pytorch',
      params: { negative_slope: 0.2 },
    });
  });

  it('the last function of the file is read up to the file’s end', () => {
    expectBody(
      SRC,
      'F.leaky_relu(x, slope)',
      {
        id: 'leaky_relu',
        framework: 'pytorch',
        params: { negative_slope: 0.1 },
      },
      2,
    );
  });

  it('a yield or a return that reads no parameter is no parameter body', () => {
    expectNoBody(SRC, 'F.leaky_relu(x, slope)', 1);
    expectNothing(PY, SRC, 'fc');
    expectNothing(PY, SRC, 'self', 1);
  });

  it('a function followed by a module-level name like its parameter reads only its own body', () => {
    expectBody(SRC, 'F.leaky_relu(x, negative_slope)', {
      id: 'leaky_relu',
      framework: 'pytorch',
      params: { negative_slope: 0.3 },
    });
    expectCall(
      PY,
      SRC,
      'leaky_last',
      { id: 'leaky_relu', framework: 'pytorch', params: { negative_slope: 0.3 } },
      2,
    );
  });
});

describe('Flax fields read as self.<name>', () => {
  const SRC = `"""Flax activations with their constants as module fields."""
from typing import Annotated, Tuple

import jax
import jax.numpy as jnp
from annotated_types import Interval
from flax import linen as nn


class Elu(nn.Module):
    """ELU after a convolution, with the slope the paper tuned."""

    kernel_size: Tuple[int, int] = (3, 3)
    alpha: float = 0.5
    approximate: bool = False

    @nn.compact
    def __call__(self, x):
        return jax.nn.elu(x, self.alpha)


class Gelu(nn.Module):
    approximate: bool = False

    @nn.compact
    def __call__(self, x):
        return jax.nn.gelu(x, approximate=self.approximate)


class ConfiguredElu(nn.Module):
    alpha: float = 0.5  # used when the caller's config has none

    def __call__(self, x, config):
        return jax.nn.elu(x, config.alpha)


class LearnedElu(nn.Module):
    def setup(self):
        alpha = 1.0  # the initial value of a learned slope
        self.alpha = self.param("alpha", nn.initializers.constant(alpha), ())

    def __call__(self, x):
        return jax.nn.elu(x, self.alpha)


class CheckedElu(nn.Module):
    # The bound is checked by the config loader; the default is a third.
    alpha: Annotated[float, Interval(ge=-1.0)] = 1.0 / 3

    def __call__(self, x):
        return jax.nn.elu(x, self.alpha)


def head(x):
    return Gelu()(CheckedElu()(x))


class LateElu(nn.Module):
    def __call__(self, x):
        return jax.nn.elu(x, self.alpha)

    alpha: float = 0.3

`;

  it('a field after a field with a tuple default is read', () => {
    expectBody(SRC, 'jax.nn.elu(x, self.alpha)', {
      id: 'elu',
      framework: 'jax',
      params: { alpha: 0.5 },
    });
  });

  it('a field declared after the method, at the end of the file, is read', () => {
    expectBody(
      SRC,
      'jax.nn.elu(x, self.alpha)',
      { id: 'elu', framework: 'jax', params: { alpha: 0.3 } },
      3,
    );
  });

  it('a field whose long statement is an expression, not a literal, leaves its value unknown', () => {
    // 1.0 / 3 is no literal; its first number is not the field's value.
    expectNoBody(SRC, 'jax.nn.elu(x, self.alpha)', 2);
  });

  it('a field that is no number is not read: gelu’s approximate stays unknown', () => {
    const got = recognizeAt(SRC, nthOffset(SRC, 'Gelu()') + 1, PY);
    assert.equal(got?.id, 'gelu');
    assert.equal(got?.framework, 'jax');
    assert.deepEqual(got?.nonLiteral, ['approximate']);
  });

  it('another object’s attribute named like a field is not the field', () => {
    expectNoBody(SRC, 'jax.nn.elu(x, config.alpha)');
  });

  it('a local of another method is no field: a learned slope is not known', () => {
    expectNoBody(SRC, 'jax.nn.elu(x, self.alpha)', 1);
  });
});

describe('PyTorch inplace branches: the branch taken without the flag decides', () => {
  const SRC = `"""timm-style activations; the in-place path runs a fused kernel."""
import torch
import torch.nn as nn
import torch.nn.functional as F

from . import _fused


def hard_sigmoid(x, inplace: bool = False):
    # The fused kernel takes and returns a list of tensors.
    return _fused.hard_sigmoid_([x])[0] if inplace else F.relu6(x + 3.0) / 6.0


def hard_sigmoid_traced(x, inplace: bool = False):
    return _fused.hard_sigmoid_(x) if inplace or torch.jit.is_tracing() else F.relu6(x + 3.0) / 6.0


def hard_sigmoid_tuned(x, inplace: bool = False):
    return _fused.hard_sigmoid_(x, config={"block": 256 if x.is_cuda else 64}) if inplace else F.relu6(x + 3.0) / 6.0


def hard_sigmoid_block(x, inplace: bool = False):
    if inplace:
        x = x.contiguous()
        return _fused.hard_sigmoid_(x)
    return F.relu6(x + 3.0) / 6.0


def hard_sigmoid_scripted(x, inplace: bool = False):
    if torch.jit.is_scripting():
        return F.relu6(x + 3.0) / 6.0
    elif inplace:
        return _fused.hard_sigmoid_(x)
    return F.relu6(x + 3.0) / 6.0


class HardSigmoid(nn.Module):
    def __init__(self, inplace: bool = False):
        super().__init__()
        self.inplace = inplace

    def forward(self, x):
        return _fused.hard_sigmoid_(x) if self.inplace else F.relu6(x + 3.0) / 6.0


class HardSigmoidBlock(HardSigmoid):
    def forward(self, x):
        if self.inplace:
            _fused.check(x)
            return _fused.hard_sigmoid_(x)
        return F.relu6(x + 3.0) / 6.0


class HardSigmoidTrain(nn.Module):
    def forward(self, x):
        return _fused.hard_sigmoid_(x) if self.training else F.relu6(x + 3.0) / 6.0


class SiluTrain(nn.Module):
    def forward(self, x):
        # The same function either way: the product saves memory when training.
        return x * torch.sigmoid(x) if self.training else F.silu(x)


class HardSigmoidTrainBlock(nn.Module):
    def forward(self, x):
        if self.training:
            return _fused.hard_sigmoid_(x)
        return F.relu6(x + 3.0) / 6.0


class HardSigmoidTraced(HardSigmoid):
    def forward(self, x):
        if self.inplace or torch.jit.is_tracing():
            return _fused.hard_sigmoid_(x)
        return F.relu6(x + 3.0) / 6.0


def net(x):
    y = hard_sigmoid(x) + hard_sigmoid_traced(x) + hard_sigmoid_block(x) + hard_sigmoid_tuned(x)
    y = y + hard_sigmoid_scripted(x)
    y = y + HardSigmoid()(x) + HardSigmoidBlock()(x) + HardSigmoidTrain()(x)
    return y + HardSigmoidTrainBlock()(x) + HardSigmoidTraced()(x) + SiluTrain()(x)
`;
  const HARD_SIGMOID = { id: 'hardsigmoid', framework: 'pytorch' };

  it('`… if inplace else …` and `if inplace:`, with the flag a parameter or self.inplace', () => {
    for (const [name, nth] of [
      ['hard_sigmoid', 1],
      ['hard_sigmoid_block', 1],
      ['hard_sigmoid_tuned', 1],
      // An `elif inplace:` block is taken only when the flag is set too.
      ['hard_sigmoid_scripted', 1],
      ['HardSigmoid', 1],
      ['HardSigmoidBlock', 1],
    ] as const) {
      const [s] = [nthOffset(SRC, `${name}(`, nth)];
      const got = recognizeAt(SRC, s + 1, PY);
      assert.equal(got?.id, HARD_SIGMOID.id, name);
      assert.equal(got?.framework, HARD_SIGMOID.framework, name);
      assert.ok(Math.abs((got?.params.slope as number) - 1 / 6) < 1e-12, name);
    }
  });

  it('any other condition makes both branches count: when they agree, that activation', () => {
    expectCall(PY, SRC, 'SiluTrain', { id: 'silu', framework: 'pytorch' }, 1);
  });

  it('any other condition makes both branches count, and they disagree: no hover', () => {
    for (const [name, nth] of [
      ['hard_sigmoid_traced', 1],
      ['HardSigmoidTrain', 1],
      ['HardSigmoidTrainBlock', 1],
      ['HardSigmoidTraced', 1],
    ] as const) {
      expectNothing(PY, SRC, name, nth);
    }
  });
});

describe('a PyTorch module’s class-level constants read as self.<name>', () => {
  const SRC = `import torch
import torch.nn as nn
import torch.nn.functional as F


class Clipped(nn.Module):
    """Hard tanh with a symmetric bound shared by every instance."""

    bound = 2.0

    def __init__(self, inplace: bool = False):
        super().__init__()
        self.inplace = inplace

    def forward(self, x):
        return F.hardtanh(x, -self.bound, self.bound, self.inplace)


def critic_head(x):
    return Clipped()(x)
`;

  it('a negated constant and the constant itself; an attribute set in __init__ is no constant', () => {
    expectBody(SRC, 'F.hardtanh(x, -self.bound, self.bound, self.inplace)', {
      id: 'hardtanh',
      framework: 'pytorch',
      params: { min_val: -2, max_val: 2 },
    });
    expectCall(
      PY,
      SRC,
      'Clipped',
      { id: 'hardtanh', framework: 'pytorch', params: { min_val: -2, max_val: 2 } },
      1,
    );
  });
});
