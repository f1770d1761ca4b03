/**
 * Formulas written over several statements of one function body (issue 9 §3, §4): temporaries
 * (`e = np.exp(…)` then `return e / e.sum(…)`), parameter defaults (`slope=0.2`), a call's own literal
 * arguments, and the same reading in user-defined activations' bodies. Expected ids and parameters are the
 * math done by hand: exp(x − max x) / Σ exp(x − max x) along axis a is softmax along a; where(x > 0, x, s·x)
 * is leaky ReLU with slope s; relu(x)·relu(x) is squared ReLU.
 */
import assert from 'node:assert/strict';
import { recognizeAt } from '../../src/core';
import { expectFormula, expectNoFormula } from './formulaHelpers';
import { expectCall, hover, recognizedAtStart as at } from './recognizeHelpers';

const PY = 'python';

describe('formulas through a function body: temporaries', () => {
  const NUMPY = `"""Softmax three ways, for the course notes."""
import numpy as np
import jax.numpy as jnp


def softmax_stable(x, axis=-1):
    shifted = x - x.max(axis=axis, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=axis, keepdims=True)


def softmax_columns(z):
    e = np.exp(z - np.max(z, axis=0, keepdims=True))
    return e / np.sum(e, axis=0, keepdims=True)


def softmax_jax(x):
    sm = jnp.exp(x - jnp.max(x, axis=-1, keepdims=True))
    return sm / sm.sum(axis=-1, keepdims=True)


def normalize(x):
    e = x ** 2
    return e / e.sum(axis=-1, keepdims=True)


def in_a_loop(x, steps):
    for _ in range(steps):
        e = np.exp(x)
    return e / e.sum(axis=-1, keepdims=True)


def in_a_branch(x, stable):
    if stable:
        e = np.exp(x - x.max())
    else:
        e = np.exp(x)
    return e / e.sum()


def reassigned_in_a_loop(x):
    e = np.exp(x)
    for _ in range(3):
        y = e / e.sum()
        e = e * 2
    return y
`;

  it('reads softmax through one and two temporaries, its axis from the parameter default', () => {
    expectFormula(PY, NUMPY, 'e / e.sum(axis=axis, keepdims=True)', {
      id: 'softmax',
      framework: 'numpy',
      params: { dim: -1 },
    });
    expectFormula(PY, NUMPY, 'e / np.sum(e, axis=0, keepdims=True)', {
      id: 'softmax',
      framework: 'numpy',
      params: { dim: 0 },
    });
    expectFormula(PY, NUMPY, 'sm / sm.sum(axis=-1, keepdims=True)', {
      id: 'softmax',
      framework: 'jax',
      params: { dim: -1 },
    });
  });

  it("hovering a temporary's value shows the formula that uses it", () => {
    const got = at(PY, NUMPY, 'exp(shifted)');
    assert.equal(got?.id, 'softmax');
    assert.equal(NUMPY.slice(got.start, got.end), 'np.exp(shifted)');
    // The max subtracted alone is no activation: only the use right after a value counts.
    assert.equal(at(PY, NUMPY, 'max(axis=axis'), undefined);
  });

  it('leaves a temporary that is not an exp, or one assigned in a loop or a branch', () => {
    expectNoFormula(PY, NUMPY, 'e / e.sum(axis=-1, keepdims=True)', 0);
    expectNoFormula(PY, NUMPY, 'e / e.sum(axis=-1, keepdims=True)', 1);
    expectNoFormula(PY, NUMPY, 'e / e.sum()', 0);
    expectNoFormula(PY, NUMPY, 'e / e.sum()', 1);
  });

  it('reads squared ReLU through a temporary in PyTorch and in burn', () => {
    const torch = `import torch
from torch import nn


class ReLUSquared(nn.Module):
    def forward(self, input):
        relu_applied = nn.functional.relu(input)
        squared = torch.square(relu_applied)
        return squared
`;
    expectFormula(PY, torch, 'torch.square(relu_applied)', {
      id: 'relu_squared',
      framework: 'pytorch',
    });
    // The temporary's own value stays the activation it is.
    expectCall(PY, torch, 'relu', { id: 'relu', framework: 'pytorch' });

    const burn = `use burn::tensor::{activation::relu, backend::Backend, Tensor};

pub fn squared_relu<B: Backend, const D: usize>(x: Tensor<B, D>) -> Tensor<B, D> {
    let r = relu(x);
    r.clone() * r
}

pub fn doubled<B: Backend, const D: usize>(x: Tensor<B, D>) -> Tensor<B, D> {
    let r = x.clone();
    r.clone() * r
}
`;
    expectFormula('rust', burn, 'r.clone() * r', { id: 'relu_squared', framework: 'burn' });
    expectNoFormula('rust', burn, 'r.clone() * r', 1);
  });

  it("reads TF.js's GELU through `const` temporaries, from the value too", () => {
    const ts = `import * as tfc from '@tensorflow/tfjs-core';

export class Gelu {
  apply(x: Tensor): Tensor {
    return tidy(() => {
      const sqrtTwo = Math.sqrt(2);
      const cdf = tfc.mul(0.5, tfc.add(1, tfc.erf(tfc.div(x, sqrtTwo))));
      return tfc.mul(x, cdf);
    });
  }
}

export function notGelu(x: Tensor): Tensor {
  const cdf = tfc.mul(0.5, tfc.add(1, tfc.erf(tfc.div(x, 2))));
  return tfc.mul(x, cdf);
}
`;
    expectFormula('typescript', ts, 'tfc.mul(x, cdf)', {
      id: 'gelu',
      framework: 'tfjs',
      params: { approximate: 'none' },
    });
    assert.equal(at('typescript', ts, 'erf')?.id, 'gelu');
    // erf(x / 2) is not Φ(x): no GELU, from the use or from the value.
    expectNoFormula('typescript', ts, 'tfc.mul(x, cdf)', 1);
    assert.equal(at('typescript', ts, 'erf', 1), undefined);
  });

  it('does not read a layer output as part of a formula', () => {
    const src = `import torch


class Block(torch.nn.Module):
    def forward(self, x):
        h = self.fc(x)
        return h * torch.sigmoid(h)
`;
    // The formula over h is SiLU of h; hovering the layer call that made h shows nothing.
    expectFormula(PY, src, 'h * torch.sigmoid(h)', { id: 'silu', framework: 'pytorch' });
    assert.equal(at(PY, src, 'fc'), undefined);
  });
});

describe('formulas through a function body: parameters and call arguments', () => {
  const SRC = `import numpy as np


def leaky(x, slope=0.2):
    return np.where(x > 0, x, slope * x)


def elu(x, alpha=1.0):
    return np.where(x > 0, x, alpha * (np.exp(x) - 1))


def selu(x):
    alpha = 1.6732632423543772
    scale = 1.0507009873554805
    return scale * np.where(x > 0, x, alpha * np.expm1(x))


def no_default(x, slope):
    return np.where(x > 0, x, slope * x)


def input_default(x=0.5, y=None):
    return np.maximum(x, 0)


def run(x, s):
    a = leaky(x)
    b = leaky(x, 0.4)
    c = leaky(x, slope=0.3)
    d = leaky(x, s)
    return a + b + c + d
`;

  it('reads a parameter default and a local literal as the formula’s constants', () => {
    expectFormula(PY, SRC, 'np.where(x > 0, x, slope * x)', {
      id: 'leaky_relu',
      framework: 'numpy',
      params: { negative_slope: 0.2 },
    });
    expectFormula(PY, SRC, 'np.where(x > 0, x, alpha * (np.exp(x) - 1))', {
      id: 'elu',
      framework: 'numpy',
      params: { alpha: 1 },
    });
    expectFormula(PY, SRC, 'scale * np.where(x > 0, x, alpha * np.expm1(x))', {
      id: 'selu',
      framework: 'numpy',
    });
  });

  it('leaves a parameter without a default, and never replaces the input', () => {
    expectNoFormula(PY, SRC, 'np.where(x > 0, x, slope * x)', 1);
    expectFormula(PY, SRC, 'np.maximum(x, 0)', { id: 'relu', framework: 'numpy' });
  });

  it("reads a call of the definition with the call's own literal arguments", () => {
    const slope = (word: string, nth: number): unknown =>
      hover(PY, SRC, word, nth)?.params.negative_slope;
    assert.equal(slope('leaky', 1), 0.2);
    assert.equal(slope('leaky', 2), 0.4);
    assert.equal(slope('leaky', 3), 0.3);
    // An expression for the slope: the default would be a wrong value, so no hover.
    assert.equal(hover(PY, SRC, 'leaky', 4), undefined);
  });
});

describe('user-defined activations whose body has temporaries', () => {
  it('recognizes a softmax written with temporaries where it is called', () => {
    const src = `import numpy as np


def softmax(z, axis=0):
    e = np.exp(z - np.max(z, axis=axis, keepdims=True))
    return e / np.sum(e, axis=axis, keepdims=True)


def layer(z):
    h = np.tanh(z)
    return h / h.sum()


probs = softmax(scores)
other = layer(scores)
`;
    const got = hover(PY, src, 'softmax', 1);
    assert.equal(got?.id, 'softmax');
    assert.deepEqual(got?.params, { dim: 0 });
    assert.equal(got?.definedAt?.line, 4);
    assert.equal(hover(PY, src, 'layer', 1), undefined);
  });

  it('recognizes a Rust function whose last expression is the formula', () => {
    const src = `use burn::tensor::{activation::relu, backend::Backend, Tensor};

pub fn squared_relu<B: Backend, const D: usize>(x: Tensor<B, D>) -> Tensor<B, D> {
    let r = relu(x);
    r.clone() * r
}

pub fn forward<B: Backend>(x: Tensor<B, 2>) -> Tensor<B, 2> {
    squared_relu(x)
}
`;
    expectCall('rust', src, 'squared_relu', { id: 'relu_squared', framework: 'burn' }, 1);
  });

  it('does not read a call listed in an import statement', () => {
    const src = `use crate::act::{relu_density, squared_relu};\n`;
    const act = `use burn::tensor::activation::relu;\npub fn squared_relu(x: T) -> T {\n    let r = relu(x);\n    r.clone() * r\n}\n`;
    const [s] = [src.indexOf('squared_relu')];
    const got = recognizeAt(src, s + 3, 'rust', {
      readImport: (m) => (m === 'crate::act' ? act : undefined),
    });
    assert.equal(got, undefined);
  });
});

describe('user-defined activations: what the body computes of its input', () => {
  const SRC = `"""Activations from the exercises, with a temperature and a shifted input."""
import numpy as np
import torch
from numpy import exp


def softmax(v, temperature=1.0):
    z = v / temperature
    z = z - z.max()
    return exp(z) / exp(z).sum()


def sharpened(v, temperature=0.5):
    z = v / temperature
    return exp(z) / exp(z).sum()


def stable(v):
    z = v
    z = z - z.max(axis=-1, keepdims=True)
    return np.exp(z) / np.exp(z).sum(axis=-1, keepdims=True)


def shifted_swish(x):
    h = x + 1.0
    return h * torch.sigmoid(h)


p = softmax(logits)
q = sharpened(logits)
r = stable(logits)
s = shifted_swish(features)
h = features + 1.0
t = h * torch.sigmoid(h)
`;

  it('reads a temperature whose default is 1 and a temporary reassigned from itself', () => {
    assert.equal(at(PY, SRC, 'softmax(logits)')?.id, 'softmax');
    const r = at(PY, SRC, 'stable(logits)');
    assert.equal(r?.id, 'softmax');
    assert.deepEqual(r?.params, { dim: -1 });
  });

  it('leaves a body that computes the activation of something else than its input', () => {
    // softmax(v / 0.5) is softmax at temperature 0.5, and silu(x + 1) is shifted: neither is the activation.
    assert.equal(at(PY, SRC, 'sharpened(logits)'), undefined);
    assert.equal(at(PY, SRC, 'shifted_swish(features)'), undefined);
  });

  it('still reads a formula over a temporary where it is written: silu of h', () => {
    assert.equal(at(PY, SRC, 'torch.sigmoid(h)', 1)?.id, 'silu');
  });
});
