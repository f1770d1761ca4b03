/**
 * The assignments after the first in one JavaScript or C++ statement: a declaration list's later
 * declarators and a comma expression's later operands each bind their name.
 *
 * Expected values come from the languages' rules: in JavaScript `let a = x, b = y;` declares and
 * initializes both (ECMA-262, VariableDeclarationList) and `a = x, b = y;` evaluates both assignments (the
 * comma operator); in C++ `T a = x, b = y;` initializes both declarators ([dcl.decl]) and `a *= k, b = y;`
 * evaluates both operands ([expr.comma]). `act` then holds `tf.relu` / `torch::relu`, the ReLU.
 */
import assert from 'node:assert/strict';
import { recognizeAt } from '../../src/core';
import { nthOffset } from './recognizeHelpers';

const TFJS = `/**
 * A gated residual block for the on-device classifier.
 */
import * as tf from '@tensorflow/tfjs';
import { relu } from '@tensorflow/tfjs';

let warm = false;

export function warmup(h) {
  // One expression statement: flag the warm-up and run the ReLU once to compile its kernel.
  warm = true, relu(h);
  return warm;
}

export function gatedBlock(x, residual) {
  let gate = tf.sigmoid, act = tf.relu;
  const h = act(x);
  return tf.add(residual, tf.mul(gate(x), h));
}

export function resetBlock(x) {
  let scale = 1.0, smooth = tf.softplus;
  // Reassigned in one comma expression before the block runs.
  scale = 0.5, smooth = tf.elu;
  return smooth(x).mul(scale);
}

export function configured(x, opts) {
  // A destructuring pattern's defaults: act is opts.act when given, so no one activation.
  const { units = 64, act = tf.relu } = opts;
  return act(tf.layers.dense({ units }).apply(x));
}

export function smoothed(x) {
  const act = tf.tanh;
  const wrap = (t, act = tf.relu) => act(t);
  return tf.add(act(x), wrap(x));
}

export function chained(x) {
  let gate, act;
  gate = act = tf.relu;
  return gate(act(x));
}

export function deferred(x) {
  let act = tf.tanh;
  // Assigns only when called; the block below runs before any call.
  const useRelu = () => act = tf.relu;
  const y = act(x);
  useRelu();
  return y;
}

export function padded(x) {
  const pad = (t, n = 2) => tf.pad(t, [[n, n]]), act = tf.tanh;
  return act(pad(x));
}
`;

const PYTORCH = `"""Feed-forward blocks built by small factories."""
import torch.nn as nn

act = nn.ReLU()
# A lambda's defaults are its own parameters, not assignments in the module.
make = lambda dim, act=nn.GELU: nn.Sequential(nn.Linear(dim, dim), act())


def head(x):
    return act(x)
`;

const LIBTORCH = `#include <torch/torch.h>

#include <functional>

using ActFn = std::function<torch::Tensor(const torch::Tensor&)>;

// The decoder's activation is chosen once per step; the gate stays a sigmoid.
torch::Tensor decode_step(torch::Tensor x, double scale, double decay) {
  ActFn gate = torch::sigmoid, act = torch::relu;
  auto h = act(x);
  return gate(x) * h * scale;
}

ActFn act = torch::relu;

// A local declared without a value shadows the file's act: calling it throws std::bad_function_call.
torch::Tensor cold_step(torch::Tensor x) {
  ActFn gate = torch::sigmoid, act, fallback = torch::relu;
  return act(x) + fallback(x) * gate(x);
}

torch::Tensor warm_step(torch::Tensor x, double scale, double decay) {
  ActFn act = torch::sigmoid;
  scale *= decay, act = torch::relu;
  return act(x) * scale;
}
`;

function idAt(lang: string, text: string, needle: string, nth = 0): string | undefined {
  return recognizeAt(text, nthOffset(text, needle, nth), lang)?.id;
}

describe('later assignments in one statement', () => {
  it("binds a JavaScript declaration list's second declarator", () => {
    assert.equal(idAt('javascript', TFJS, 'act(x)'), 'relu');
    assert.equal(idAt('javascript', TFJS, 'gate(x)'), 'sigmoid');
  });

  it("binds a JavaScript comma expression's second assignment (the newest value)", () => {
    assert.equal(idAt('javascript', TFJS, 'smooth(x)'), 'elu');
  });

  it('binds a declarator after an arrow function whose defaults sit inside its parentheses', () => {
    assert.equal(idAt('javascript', TFJS, 'act(pad'), 'tanh');
  });

  it('leaves a destructuring default unbound (the option may replace it)', () => {
    assert.equal(idAt('javascript', TFJS, 'act(tf.layers'), undefined);
  });

  it("keeps an arrow function's parameter default out of the enclosing function", () => {
    assert.equal(idAt('javascript', TFJS, 'act(x), wrap'), 'tanh');
  });

  it("keeps a Python lambda's default out of the module (no comma expressions in Python)", () => {
    assert.equal(idAt('python', PYTORCH, 'act(x)'), 'relu');
  });

  it("reads a comma expression's later call as a call, not a declaration", () => {
    assert.equal(idAt('javascript', TFJS, 'relu(h)'), 'relu');
  });

  it("binds a chain's later target", () => {
    assert.equal(idAt('javascript', TFJS, 'act(x))'), 'relu');
  });

  it("leaves an assignment inside an arrow function's body to the call (it has not run)", () => {
    assert.equal(idAt('javascript', TFJS, 'act(x);\n  useRelu'), 'tanh');
  });

  it('binds a C++ declarator without a value as no activation (it shadows the global)', () => {
    assert.equal(idAt('cpp', LIBTORCH, 'act(x)', 1), undefined);
  });

  it("binds a C++ declaration list's second declarator", () => {
    assert.equal(idAt('cpp', LIBTORCH, 'act(x)'), 'relu');
    assert.equal(idAt('cpp', LIBTORCH, 'gate(x)'), 'sigmoid');
  });

  it("binds a C++ comma expression's assignment after a compound one (not the declaration's sigmoid)", () => {
    assert.equal(idAt('cpp', LIBTORCH, 'act(x)', 2), 'relu');
  });
});
