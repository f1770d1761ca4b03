/**
 * Activation names written as strings: where a string is an activation's name and where it is only text.
 *
 * Expected values come from the frameworks' documentation and the languages' rules: TF.js layers take
 * their activation by name in the `activation` field of their config (`tf.layers.dense({activation:
 * 'relu'})`), so a parameter default `activation = 'relu'` of a function building such a layer names
 * ReLU, while the same word as a chart label or a log message is text; Keras' `Dense(…, activation=…)`
 * takes a name, and Python's conditional expression `a if c else b` is `b` whenever `c` is false, so
 * `activation=None if linear else "relu"` names ReLU for the non-linear layers (as `act or "relu"`
 * does).
 */
import './freshModels';
import { expectCall, expectNothing } from './recognizeHelpers';

describe('JavaScript: an activation name is read only where an activation is configured', () => {
  it('a parameter default names the activation; a chart label and a log message do not', () => {
    const src = `// Builds the dense stack and plots each activation's response for the docs page.
import * as tf from '@tensorflow/tfjs';

export function denseBlock(units, activation = 'relu') {
  return tf.layers.dense({ units, activation, kernelInitializer: 'heNormal' });
}

export function plotResponses(chart, xs) {
  const ys = xs.map((x) => Math.max(0, x));
  chart.addSeries({ label: 'relu', color: '#1f77b4', values: ys });
  console.log('tanh');
  return chart;
}
`;
    expectCall('javascript', src, 'relu', { id: 'relu', framework: 'tfjs' });
    expectNothing('javascript', src, 'relu', 1);
    expectNothing('javascript', src, 'tanh');
  });

  it('a call with a name as the last tokens of the file (no semicolon) is no configuration', () => {
    const src = `// Prints the activation the exported checkpoint was trained with (standard style: no semicolons).
const fs = require('fs')
const path = require('path')

const meta = JSON.parse(fs.readFileSync(path.join(__dirname, 'model.json'), 'utf8'))
console.log(meta.activation === undefined ? 'unknown' : 'configured')
console.log('relu')`;
    expectNothing('javascript', src, 'relu');
  });
});

describe('Python: a string after a conditional expression’s `else` is the value an argument falls back to', () => {
  it('Keras: `activation=None if linear else "relu"` names ReLU', () => {
    const src = `"""Regression head: ReLU hidden layers, or a purely linear stack when asked for."""
from tensorflow import keras
from tensorflow.keras import layers


def regression_head(widths, linear=False):
    """One dense layer per width, then a single linear output unit."""
    model = keras.Sequential()
    for width in widths:
        model.add(layers.Dense(width, activation=None if linear else "relu"))
    model.add(layers.Dense(1))
    return model
`;
    expectCall('python', src, 'relu', { id: 'relu', framework: 'keras' });
  });
});

describe('Python: every target of a chained assignment gets its value', () => {
  it('`self.act = act = nn.GELU()` and `self.gate = self.encoder.gate = nn.Sigmoid()`', () => {
    const src = `"""Adapter block that shares its activation modules with the wrapped encoder."""
import torch
import torch.nn as nn


class SharedActAdapter(nn.Module):
    def __init__(self, encoder, dim, bottleneck=64):
        super().__init__()
        self.encoder = encoder
        self.down = nn.Linear(dim, bottleneck)
        self.up = nn.Linear(bottleneck, dim)
        # One module object under two names: the encoder's blocks call the same instance.
        self.act = act = nn.GELU()
        self.gate = self.encoder.gate = nn.Sigmoid()
        self.register_module("shared_act", act)

    def forward(self, x):
        h = self.act(self.down(x))
        return x + self.gate(h) * self.up(h)
`;
    expectCall('python', src, 'act', { id: 'gelu', framework: 'pytorch' }, 3);
    expectCall('python', src, 'gate', { id: 'sigmoid', framework: 'pytorch' }, 2);
  });
});
