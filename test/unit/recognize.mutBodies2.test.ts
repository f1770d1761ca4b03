/**
 * User-defined activations read from their bodies (`src/core/recognize/bodies.ts`), second round: a
 * returned expression that only starts or ends with an activation (a residual branch, a skip connection, a
 * parenthesized sum), a layer applied to a parenthesized argument, a member that shares a local's name, a
 * bare `return` (Python's early exit, Julia's `nothing`) against Rust's `return` continued on the next line,
 * a Julia `if inplace` branch that returns what an in-place helper gives back, a Julia function without
 * parameters, a JavaScript temporary followed by an empty statement (`;;`), and a body source of exactly
 * 120 characters (the hover's documented cut).
 *
 * Expected values come from the languages and the frameworks' documentation: Python's bare `return` and a
 * body without `return` give `None`, and Julia's `return` at a line's end gives `nothing` (the Julia manual,
 * "The return Keyword"), while a Rust `return` reads its expression on to the `;`; a function without a
 * parameter is a function of no input; SiLU is x·σ(x); x + GELU(Wx) and Wx + x·σ(x) are residual blocks, not GELU or SiLU;
 * `F.elu(x, alpha)` is ELU with the given α (PyTorch's `torch.nn.functional.elu`), `nn.GELU()` is exact GELU
 * (`approximate='none'`), NNlib's `softplus` is log(1 + eˣ) and its `σ` the logistic function;
 * 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715x³))) is GELU's tanh approximation (√(2/π) = 0.79788456080286535588…).
 */
import assert from 'node:assert/strict';
import { recognizeAt } from '../../src/core';
import { expectCall, expectNothing, spanOf } from './recognizeHelpers';

const PY = 'python';

/** The one-line body source the hover shows for the nth `word`. */
function sourceOf(lang: string, text: string, word: string, nth: number): string | undefined {
  const [s, e] = spanOf(text, word, nth);
  return recognizeAt(text, Math.floor((s + e) / 2), lang)?.definedAt?.source;
}

describe('user-defined activations: an activation at one end of a larger expression', () => {
  const SRC = `"""Residual blocks of a small MLP: each adds its input back, so none of them is an activation."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class ResidualGELU(nn.Module):
    """x + dropout(GELU(Wx)), the two terms wrapped the way black wraps a long sum."""

    def __init__(self, width):
        super().__init__()
        self.fc = nn.Linear(width, width)
        self.drop = nn.Dropout(0.1)

    def forward(self, x):
        return (
            x
            + self.drop(F.gelu(self.fc(x)))
        )


class ProjectedSiLU(nn.Module):
    """A projected shortcut plus SiLU written out: Wx + x * sigmoid(x)."""

    def __init__(self, width):
        super().__init__()
        self.proj = nn.Linear(width, width)

    def forward(self, x):
        return self.proj(x) + x * torch.sigmoid(x)


class SiLUShortcut(nn.Module):
    """SiLU written out, then the shortcut added: x * sigmoid(x) + Wx."""

    def __init__(self, width):
        super().__init__()
        self.shortcut = nn.Linear(width, width)

    def forward(self, x):
        return x * torch.sigmoid(x) + self.shortcut(x)


def encode(h):
    return ResidualGELU(64)(h) + ProjectedSiLU(64)(h) + SiLUShortcut(64)(h)
`;

  it('a parenthesized sum whose second term holds GELU is no activation', () => {
    expectNothing(PY, SRC, 'ResidualGELU', 1);
  });

  it('a sum whose last term is SiLU written out is no activation', () => {
    expectNothing(PY, SRC, 'ProjectedSiLU', 1);
  });

  it('a sum whose first term is SiLU written out is no activation', () => {
    expectNothing(PY, SRC, 'SiLUShortcut', 1);
  });
});

describe('user-defined activations: what the layer applies, and to what', () => {
  const SRC = `"""Layers whose forward applies one activation, kept in a field."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class StandardizedGELU(nn.Module):
    """Standardizes with fixed statistics, then applies GELU."""

    def __init__(self, mean, std):
        super().__init__()
        self.mean = mean
        self.std = std
        self.act = nn.GELU()

    def forward(self, x):
        return self.act((x - self.mean) / self.std)


class LearnedELU(nn.Module):
    """ELU with a learned alpha; the value used is logged on every call."""

    def __init__(self):
        super().__init__()
        self.alpha = nn.Parameter(torch.ones(1))
        self.history = []

    def forward(self, x):
        alpha = self.alpha.detach()
        self.history.append(float(alpha))
        return F.elu(x, self.alpha)


def head(h):
    return StandardizedGELU(0.0, 1.0)(h) + LearnedELU()(h)
`;

  it('a field layer applied to a parenthesized expression of the input is that layer', () => {
    expectCall(
      PY,
      SRC,
      'StandardizedGELU',
      { id: 'gelu', framework: 'pytorch', params: { approximate: 'none' } },
      1,
    );
  });

  it('a member named like a local (self.alpha beside alpha) is the member, not the local', () => {
    expectCall(
      PY,
      SRC,
      'LearnedELU',
      { id: 'elu', framework: 'pytorch', nonLiteral: ['alpha'] },
      1,
    );
  });
});

describe('user-defined activations: a return with nothing after it on its line', () => {
  const TORCH = `"""In-place helpers: they change their argument and return None."""
import torch


def relu_inplace_(x, enabled=True):
    """Applies ReLU in place; does nothing when disabled."""
    if not enabled:
        return
    torch.relu_(x)


def step(h):
    relu_inplace_(h)
    return h
`;

  it('Python: an early bare return, then an in-place call, returns None: no activation', () => {
    expectNothing(PY, TORCH, 'relu_inplace_', 1);
  });

  const CANDLE = `//! Scalar activations for the reference checks of the candle kernels.

/// The logistic function; the expression is long enough to go on the line after \`return\`.
fn logistic(x: f64) -> f64 {
    return
        1.0 / (1.0 + (-x).exp());
}

pub fn check(g: f64) -> f64 {
    logistic(g)
}
`;

  it('Rust: return reads on to the semicolon across a line break', () => {
    expectCall('rust', CANDLE, 'logistic', { id: 'sigmoid', framework: 'other' }, 2);
  });

  const FLUX = `using Flux

"""Gating for the attention scores. Julia reads a bare \`return\` as \`return nothing\`."""
function gate(x)
    return
        σ.(x)
end

scores = gate(h)
`;

  it('Julia: a return at the end of its line returns nothing (before: the next line was read)', () => {
    expectNothing('julia', FLUX, 'gate', 1);
  });
});

describe('user-defined activations: a temporary followed by an empty statement', () => {
  const TFJS = `import * as tf from '@tensorflow/tfjs';

/** SiLU through a temporary; the stray second semicolon is an empty statement. */
export function swish(x) {
  const gated = x.mul(tf.sigmoid(x));;
  return gated;
}

export const out = (h) => swish(h);
`;

  it('the value bound before `;;` is read whole', () => {
    expectCall(
      'javascript',
      TFJS,
      'swish',
      { id: 'silu', framework: 'tfjs', params: { beta: 1 } },
      1,
    );
  });
});

describe('Julia: an in-place branch and a function of no input', () => {
  const INPLACE = `using Flux

"""Writes softplus into \`x\`; like \`fill!\`'s callers expect of a \`!\` helper, returns \`nothing\`."""
function softplus_into!(x)
    x .= softplus.(x)
    return nothing
end

"""Softplus; with \`inplace = true\` it overwrites \`x\` and gives back what the helper returns."""
function act(x; inplace = false)
    if inplace
        return softplus_into!(x)
    end
    return softplus.(x)
end

y = act(h)
`;

  it('every return counts in Julia, the one under `if inplace` too: here it returns nothing', () => {
    expectNothing('julia', INPLACE, 'act', 1);
  });

  const GLOBAL = `using Flux

x = randn(Float32, 16)

"""The reference curve for the plots: SiLU of the sample above, which it takes from the global."""
function reference()
    x .* σ.(x)
end

curve = reference()
`;

  it('a function without parameters computes no activation of an input', () => {
    expectNothing('julia', GLOBAL, 'reference', 2);
  });
});

describe('user-defined activations: the source line at the 120-character cut', () => {
  const SRC = `import torch


def gelu_tanh(hidden_state):
    return 0.5 * hidden_state * (1.0 + torch.tanh(0.797884560802865356 * (hidden_state + 0.044715 * torch.pow(hidden_state, 3.0))))


out = gelu_tanh(h)
`;

  it('a body of exactly 120 characters is shown whole', () => {
    const body = SRC.split('\n')[4].trim().slice('return '.length);
    assert.equal(body.length, 120, 'the fixture returns a 120-character expression');
    expectCall(
      PY,
      SRC,
      'gelu_tanh',
      { id: 'gelu', framework: 'pytorch', params: { approximate: 'tanh' } },
      1,
    );
    assert.equal(sourceOf(PY, SRC, 'gelu_tanh', 1), body);
  });
});
