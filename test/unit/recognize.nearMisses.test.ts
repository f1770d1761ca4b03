/**
 * Whole files full of near misses (names, strings, comments and docstrings that mention activations, clamps,
 * losses, definitions) in which no offset at all may be recognized.
 */
import assert from 'node:assert/strict';
import './freshModels';
import { recognizeAt } from '../../src/core';

function recognizedAnywhere(text: string, lang: string): string[] {
  const hits: string[] = [];
  for (let offset = 0; offset <= text.length; offset++) {
    const got = recognizeAt(text, offset, lang);
    if (got !== undefined) {
      hits.push(`${offset} ${text.slice(got.start, got.end)} -> ${got.id}`);
    }
  }
  return [...new Set(hits.map((h) => h.slice(h.indexOf(' ') + 1)))];
}

const PYTHON = `"""Utilities around relu, gelu and softmax.

>>> F.relu(torch.tensor([-1.0]))
>>> nn.LeakyReLU(0.2)
"""
import torch
import torch.nn.functional as F
from torch.nn.functional import relu, gelu  # re-exported: F.relu

relu_count = 0
use_gelu = True
sigmoid = None
ACTIVATIONS = {"relu": 1, "tanh": 2}


def relu6(x, cap=6.0):
    '''A relu6 written by hand: torch.clamp(x, 0, cap).'''
    return torch.clamp(x, 0, cap)


class Softplus:
    def softplus(self, x):
        return self.softplus_impl(x)


def init(m):
    torch.nn.init.kaiming_uniform_(m.weight, nonlinearity="relu")
    gain = torch.nn.init.calculate_gain("tanh")
    conv = ConvNorm(1, 2, w_init_gain="tanh")
    eps = np.maximum(m.weight, 1e-8)
    loss = F.nll_loss(x, y) + F.binary_cross_entropy_with_logits(x, y)
    out = F.linear(x, m.weight)
    ce = tf.nn.softmax_cross_entropy_with_logits(labels=y, logits=x)
    self.sigmoid(x)
    return my_relu_layer(relu_count(x), gelu_flag=True)
`;

const TYPESCRIPT = `import * as tf from '@tensorflow/tfjs';
import { relu, sigmoid } from '@tensorflow/tfjs';

/**
 * Wraps tf.relu(x) and tf.layers.dense({activation: 'relu'}).
 * @example tf.leakyRelu(x, 0.2)
 */
export function reluCount(xs: number[]): number {
  const sigmoid = (v: number) => v; // shadows tf's sigmoid
  const label = 'relu';
  return xs.filter((x) => x > 0).length + tf.clipByValue(t, 0, 6).size;
}
function gelu(x: number): number {
  return x;
}
`;

const JULIA = `"""
    act(x) = relu(x)

Uses \`σ\` and \`softmax\`.
"""
module Acts
export relu2
using Flux: relu
#= relu(x) and
   softmax(x; dims=1) =#
relu2(x) = max(x, zero(x))  # not NNlib.relu
function swish2(x)
    return x * one(x)
end
relu_count = 3
end
`;

describe('recognizeAt: whole files of near misses', () => {
  it('Python', () => {
    assert.deepEqual(recognizedAnywhere(PYTHON, 'python'), []);
  });
  it('TypeScript', () => {
    assert.deepEqual(recognizedAnywhere(TYPESCRIPT, 'typescript'), []);
  });
  it('Julia', () => {
    assert.deepEqual(recognizedAnywhere(JULIA, 'julia'), []);
  });
  it('the same files do hold recognizable calls once one is added (the scan is not blind)', () => {
    const added = `${PYTHON}\ny = F.relu(x)\n`;
    assert.deepEqual(recognizedAnywhere(added, 'python'), ['relu -> relu']);
  });
});
