/**
 * Calls through attributes: a model builds its activation in __init__ (`self.act = nn.LeakyReLU(0.2)`) and
 * calls it in forward (`self.act(h)`). The call is that activation when every assignment agrees, and nothing
 * otherwise.
 */
import { expectCall, expectNothing } from './recognizeHelpers';

const TORCH = `import torch.nn as nn
import torch.nn.functional as F


class Block(nn.Module):
    def __init__(self, d, use_gelu=False):
        super().__init__()
        self.fc = nn.Linear(d, d)
        self.act = nn.LeakyReLU(0.2, inplace=True)
        self.gate = nn.GELU(approximate="tanh")
        self.fn = F.silu
        self.pick = nn.GELU() if use_gelu else nn.ReLU()
        if use_gelu:
            self.branch = nn.GELU()
        else:
            self.branch = nn.ReLU()
        self.same = nn.Tanh()
        # self.same = nn.Tanh() kept from an older version
        self.alias = self.act
        self.activation = make_activation("relu")

    def forward(self, x):
        h = self.fc(x)
        h = self.gate(self.act(h))
        h = self.fn(h) + self.same(h)
        h = self.pick(h) + self.branch(h)
        return self.alias(h) + self.activation(h) + other.self.act(h)
`;

const KERAS = `import keras
from keras import layers


class Head(keras.Model):
    def __init__(self):
        super().__init__()
        self.dense = layers.Dense(10)
        self.act = layers.LeakyReLU()

    def call(self, x):
        return self.act(self.dense(x))
`;

describe('recognizeAt: calls through self.<attribute>', () => {
  it('is the activation the attribute was built as, with its parameters', () => {
    expectCall(
      'python',
      TORCH,
      'act',
      { id: 'leaky_relu', framework: 'pytorch', params: { negative_slope: 0.2 } },
      2,
    );
    expectCall(
      'python',
      TORCH,
      'gate',
      { id: 'gelu', framework: 'pytorch', params: { approximate: 'tanh' } },
      1,
    );
    expectCall(
      'python',
      KERAS,
      'act',
      { id: 'leaky_relu', framework: 'keras', params: { negative_slope: 0.3 } },
      1,
    );
  });

  it('follows a function assigned without a call, and ignores commented-out assignments', () => {
    expectCall('python', TORCH, 'fn', { id: 'silu', framework: 'pytorch' }, 1);
    expectCall('python', TORCH, 'same', { id: 'tanh', framework: 'pytorch' }, 2);
  });

  it("reads what was built, not the attribute's name", () => {
    const src =
      'class M(nn.Module):\n    def __init__(self):\n        self.relu = nn.GELU()\n\n    def forward(self, x):\n        return self.relu(x)\n';
    expectCall('python', src, 'relu', { id: 'gelu', framework: 'pytorch' }, 1);
  });

  it('gives nothing for layers that are not activations', () => {
    expectNothing('python', TORCH, 'fc', 1);
    expectNothing('python', KERAS, 'dense', 1);
  });

  it('gives nothing when branches or a conditional expression choose between activations', () => {
    expectNothing('python', TORCH, 'branch', 2);
    expectNothing('python', TORCH, 'pick', 1);
  });

  it('gives nothing for aliases, factories and attributes of other objects', () => {
    expectNothing('python', TORCH, 'alias', 1);
    expectNothing('python', TORCH, 'activation', 1);
    expectNothing('python', TORCH, 'act', 3);
  });
});
