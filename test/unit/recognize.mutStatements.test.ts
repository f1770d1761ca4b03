/**
 * Where statements start, seen through what a hover shows: a temporary, an import or a call on the line
 * after a complete statement is read as a statement of its own; the continuation lines of an expression,
 * a call's arguments or a declaration are not. Expected values come from each language's rules: Python ends
 * a statement at a line end outside brackets; JavaScript without semicolons ends one where the next line
 * cannot continue it (after a number, a string, `)`, `]` or a name; not after `=`); C++ ends one at `;` and
 * at a preprocessor line's end, and a line that starts with `.` or `-` inside a call continues it; a `{`
 * opens a block after a condition however the condition ends (`if power == 2 {`, `if mode == "squared" {`
 * in Rust), after `;` and after `{`; a Rust attribute (`#[cfg(…)]`, `#![allow(…)]`) belongs to the item
 * after it, which starts a statement (a `use` there is an import). Long generated files are read by windows
 * that may start inside a function: its closing brace then has no opening one, and what follows is read as
 * in a short file. The activations are the frameworks' own (LibTorch's LeakyReLU with the slope written,
 * 0.1, not its default 0.01; burn's `relu`); a formula is the mathematics (e^x / (1 + e^x) and
 * 1 / (1 + e^−x) are σ(x), r·r with r = relu(x) is squared ReLU, GELU's tanh form), and hovering a
 * temporary's value shows the formula that uses it, over the value.
 */
import assert from 'node:assert/strict';
import { recognizeAt } from '../../src/core';
import { MAX_MODEL_CHARS } from '../../src/core/recognize/models';
import { expectFormula } from './formulaHelpers';
import { expectCall, expectNothing, nthOffset } from './recognizeHelpers';

const PY = 'python';
const JS = 'javascript';
const CPP = 'cpp';
const RS = 'rust';

describe('statements: Python brackets hold a statement over its lines', () => {
  const SRC = `"""Feed-forward helpers for the encoder, formatted by black."""
import math

import torch
import torch.nn.functional as F


def gelu_tanh(x):
    # The tanh approximation, wrapped where the line got too long.
    return 0.5 * x * (
        1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * torch.pow(x, 3.0)))
    )


def feed_forward(x, w1, b1):
    h = torch.addmm(
        b1,
        x,
        w1.t(),
    )
    F.relu_(h)
    return h
`;

  it('reads a formula whose parentheses span three lines', () => {
    const formula = `0.5 * x * (
        1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * torch.pow(x, 3.0)))
    )`;
    expectFormula(PY, SRC, formula, {
      id: 'gelu',
      framework: 'pytorch',
      params: { approximate: 'tanh' },
    });
  });

  it('a call on the line after a closing parenthesis is a statement of its own', () => {
    expectCall(PY, SRC, 'relu_', { id: 'relu', framework: 'pytorch' });
  });
});

describe('statements: JavaScript without semicolons', () => {
  const SRC = `// Logistic gates for the browser demo, written with tf ops (standard style: no semicolons).
import * as tf from '@tensorflow/tfjs'

export function gateAfterNumber(x) {
  const floor = 0.05
  const e = tf.exp(x)
  return tf.maximum(floor, tf.div(e, tf.add(1, e)))
}

export function gateAfterString(x) {
  const scope = 'logistic-gate'
  const e = tf.exp(x)
  return tf.div(e, tf.add(1, e))
}

export function gateAfterCall(x) {
  const started = performance.now()
  const e = tf.exp(x)
  return tf.div(e, tf.add(1, e))
}

export function gateAfterIndex(x) {
  const width = x.shape[1]
  const e = tf.exp(x)
  return tf.reshape(tf.div(e, tf.add(1, e)), [-1, width])
}

export function gateAfterName(x, layer) {
  const bias = layer.bias
  const e = tf.exp(x)
  return tf.div(e, tf.add(1, e))
}

export function gateAfterLongName(x, layer) {
  const units = layer.outputUnits
  const e = tf.exp(x)
  return tf.div(e, tf.add(1, e))
}

export function gateWrapped(x) {
  const e =
    tf.exp(x)
  return tf.div(e, tf.add(1, e))
}
`;
  const GATE = 'tf.div(e, tf.add(1, e))';
  const SIGMOID = { id: 'sigmoid', framework: 'tfjs' };

  it('a temporary declared after a line ending in a number or a string is read', () => {
    expectFormula(JS, SRC, GATE, SIGMOID, 0);
    expectFormula(JS, SRC, GATE, SIGMOID, 1);
  });

  it('a temporary declared after a line ending in ")", "]" or a name is read', () => {
    expectFormula(JS, SRC, GATE, SIGMOID, 2);
    expectFormula(JS, SRC, GATE, SIGMOID, 3);
    expectFormula(JS, SRC, GATE, SIGMOID, 4);
    expectFormula(JS, SRC, GATE, SIGMOID, 5); // a name longer than any keyword
  });

  it('a temporary whose value is on the line after its "=" is read', () => {
    expectFormula(JS, SRC, GATE, SIGMOID, 6);
    // Hovering the value's function shows the formula that uses it, over the value.
    const value = nthOffset(SRC, 'tf.exp(x)', 6);
    const got = recognizeAt(SRC, value + 'tf.e'.length, JS);
    assert.equal(got?.id, 'sigmoid');
    assert.deepEqual([got.start, got.end], [value, value + 'tf.exp(x)'.length]);
  });
});

describe('statements: a window of a long generated C++ file that starts inside a function', () => {
  /** One generated gate: a temporary declared right after an if block. */
  const gate = (i: number): string => `
torch::Tensor gate_${i}(const torch::Tensor& x, bool clamp) {
  torch::Tensor h = x;
  if (clamp) {
    h = h.clamp(-30, 30);
  }
  auto e = torch::exp(h);
  return e / (1 + e);
}
`;
  const parts = ['// Generated gates, one per output channel.\n#include <torch/torch.h>\n'];
  let length = 0;
  for (let i = 0; length <= MAX_MODEL_CHARS; i++) {
    parts.push(gate(i));
    length += parts[parts.length - 1].length;
  }
  const SRC = parts.join('');

  it('reads the temporary after a block in every part of the file', () => {
    // Windows start at a line start; most land inside a function, whose closing brace then has no
    // opening one in the window.
    for (let i = 500; i < parts.length - 1; i += 700) {
      const at = SRC.indexOf('e / (1 + e)', SRC.indexOf(`gate_${i}(`));
      const got = recognizeAt(SRC, at + 4, CPP);
      assert.equal(got?.id, 'sigmoid', `gate_${i}`);
      assert.deepEqual([got.start, got.end], [at, at + 'e / (1 + e)'.length], `gate_${i}`);
    }
  });
});

describe('statements: C++ preprocessor lines and blocks', () => {
  const SRC = `// Activation block for the LibTorch port of the classifier (GNU style).
#include <torch/torch.h>
#include <cmath>
using namespace torch;

#define GATE_SCALE 2.0

static Tensor
relu(const Tensor& x)
{
  return x.clamp_min(0);
}

Tensor gate(const Tensor& x) {
  Tensor y = x * torch::sigmoid(x);
  {
    torch::NoGradGuard no_grad;
    auto e = torch::exp(x);
    auto s = e / (1 + e);
  }
  return sigmoid(y);
}

Tensor logistic_of_scores(const Tensor& attention_scores_before_gate) {
  auto negative_exponential_of_scores = torch::exp(
      -attention_scores_before_gate);
  return 1 / (1 + negative_exponential_of_scores);
}

Tensor calibrated(const Tensor& logits) {
  {
    // Statistics only: no graph.
    torch::NoGradGuard no_grad;
    auto t = torch::exp(logits);
    auto p = t / (1 + t);
    stats.update(p);
  }
  return logits;
}
`;

  it('a using directive after #include lines is read', () => {
    expectCall(CPP, SRC, 'sigmoid', { id: 'sigmoid', framework: 'libtorch' }, 1);
  });

  it('a function whose return type is on the line before its name is a declaration, not a call', () => {
    expectNothing(CPP, SRC, 'relu');
  });

  it('a temporary whose call is wrapped after its "(" is read', () => {
    expectFormula(CPP, SRC, '1 / (1 + negative_exponential_of_scores)', {
      id: 'sigmoid',
      framework: 'libtorch',
    });
  });

  it('a temporary in a scope block is read, after a statement or first in a function', () => {
    expectFormula(CPP, SRC, 'e / (1 + e)', { id: 'sigmoid', framework: 'libtorch' });
    expectFormula(CPP, SRC, 't / (1 + t)', { id: 'sigmoid', framework: 'libtorch' });
  });
});

describe('statements: C++ options chained over several lines', () => {
  const SRC = `// Classifier head with a leaky gate, formatted by clang-format.
#include <torch/torch.h>

struct HeadImpl : torch::nn::Module {
  HeadImpl() {
    act = register_module("act", torch::nn::LeakyReLU(torch::nn::LeakyReLUOptions()
                                                          .negative_slope(0.1)
                                                          .inplace(true)));
  }

  torch::Tensor forward(torch::Tensor x) {
    auto y = torch::nn::functional::elu(x, torch::nn::functional::ELUFuncOptions()
        .alpha(0.5));
    return act(y);
  }

  torch::nn::LeakyReLU act{nullptr};
};
`;

  it('reads an option set on a line of its own inside the call', () => {
    expectCall(CPP, SRC, 'LeakyReLU', {
      id: 'leaky_relu',
      framework: 'libtorch',
      params: { negative_slope: 0.1 },
    });
    expectCall(CPP, SRC, 'elu', { id: 'elu', framework: 'libtorch', params: { alpha: 0.5 } });
  });

  it('reads the member registered in the constructor where forward calls it', () => {
    expectCall(CPP, SRC, 'act', { id: 'leaky_relu', framework: 'libtorch' }, 2);
  });
});

describe('statements: Rust blocks after a literal and items after an attribute', () => {
  const BURN = `use burn::tensor::{activation::relu, backend::Backend, Tensor};

/// Squared ReLU for the sparse head, chosen by the configured power.
pub fn sparse_head<B: Backend>(x: Tensor<B, 2>, power: usize, mode: &str) -> Tensor<B, 2> {
    if power == 2 {
        let r = relu(x);
        return r.clone() * r;
    }
    if mode == "squared" {
        let r = relu(x);
        return r.clone() * r;
    }
    x
}
`;

  it('a temporary in the block of a condition ending in a number or a string is read', () => {
    expectFormula(RS, BURN, 'r.clone() * r', { id: 'relu_squared', framework: 'burn' });
    expectFormula(RS, BURN, 'r.clone() * r', { id: 'relu_squared', framework: 'burn' }, 1);
  });

  const CANDLE = `#![allow(clippy::needless_return)]
use candle_nn::ops::sigmoid;
use candle_core::{Result, Tensor};
#[cfg(feature = "attention")]
use candle_nn::ops::softmax_last_dim;

#[inline]
pub fn gate(x: &Tensor) -> Result<Tensor> {
    sigmoid(x)
}

#[cfg(feature = "attention")]
pub fn attend(scores: &Tensor) -> Result<Tensor> {
    softmax_last_dim(scores)
}
`;

  it('a use after an inner or an outer attribute is an import', () => {
    expectNothing(RS, CANDLE, 'sigmoid');
    expectCall(RS, CANDLE, 'sigmoid', { id: 'sigmoid', framework: 'candle' }, 1);
    expectNothing(RS, CANDLE, 'softmax_last_dim');
    expectCall(RS, CANDLE, 'softmax_last_dim', { id: 'softmax', framework: 'candle' }, 1);
  });
});
