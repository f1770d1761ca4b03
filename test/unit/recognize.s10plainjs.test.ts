/**
 * Activations written on plain numbers, as neural networks built from scratch write them (brain.js,
 * convnetjs and synaptic style JavaScript; NumPy-free teaching Python): conditionals that compare the
 * input with zero (`x > 0 ? x : 0.01 * x`, `z if z > 0 else alpha * (math.exp(z) - 1)`) and the maximum and
 * minimum of two numbers (`Math.max(0, x)`, `max(0.0, z)`), next to the index and size code that clamps
 * with the same functions and must stay unhovered.
 *
 * Expected values come from mathematics and PyTorch's documented definitions:
 * ReLU is max(0, x); LeakyReLU is x for x > 0 and slope·x below (so max(x, s·x) for 0 < s < 1 is it);
 * ELU is x above 0 and α·(eˣ − 1) below; SELU is scale·ELU with α ≈ 1.6733 and scale ≈ 1.0507; PyTorch's
 * Hardsigmoid is min(max(x/6 + 1/2, 0), 1). A conditional `c ? a : b` (JavaScript) and `a if c else b`
 * (Python) compute `a` where `c` holds and `b` elsewhere, which is what `np.where(c, a, b)` computes, so
 * each reads as the `np.where` spelling does (`>` and `>=` alike: both agree at 0, where both branches are
 * 0). `Math.max` takes any number of values and Python's `max` also one iterable, so only a call with two
 * values is a maximum of two. A JavaScript default parameter (`(x, slope = 0.01) => …`) is the value the
 * body reads when the function is called with its input alone, as an activation table calls it.
 */
import assert from 'node:assert/strict';
import './freshModels';
import { recognizeAt } from '../../src/core';
import { expectFormula, expectNoFormula, expectNotWhole } from './formulaHelpers';
import { nthOffset } from './recognizeHelpers';

const JS = 'javascript';
const PY = 'python';
const OTHER = 'other';

/** A from-scratch multilayer perceptron: an activation table, its derivatives, and index bookkeeping. */
const NETWORK_JS = `'use strict';
// A small feed-forward network on plain numbers (no tensor library), in the style of brain.js.
const { Identity } = require('./layers');

const activations = {
  sigmoid: (x) => 1 / (1 + Math.exp(-x)),
  relu: (x) => Math.max(0, x),
  leakyRelu: (x) => (x > 0 ? x : 0.01 * x),
  elu: (x) => (x >= 0 ? x : Math.exp(x) - 1),
  prelu: (x, slope = 0.25) => Math.max(x, slope * x),
  hardSigmoid: (x) => Math.max(0, Math.min(1, x / 6 + 0.5)),
  hardSigmoidCapped: (x, cap = 0.9) => Math.min(1, Math.max(0, x / 6 + 0.5), cap),
};

const derivatives = {
  relu: (x) => (x > 0 ? 1 : 0),
  leakyRelu: (x) => (x > 0 ? 1 : 0.01),
};

class NeuralNetwork {
  constructor(sizes, { activation = 'relu', useBias = true, leaky = false, custom } = {}) {
    this.sizes = sizes;
    this.activate = activations[activation];
    this.leaky = leaky;
    this.custom = custom ?? ((x) => (x > 0 ? x : 0.02 * x));
    this.stack = [useBias ? this.biasLayer : new Identity(), (x) => (x > 0 ? x : 0.05 * x)];
    this.fallback = leaky ? activations.leakyRelu : function (x) { return x > 0 ? x : 0.03 * x; };
    this.derivative = derivatives[activation];
    this.useBias = useBias;
  }

  /** The index of the previous layer, never below the input layer. */
  previousLayer(layer) {
    return Math.max(0, layer - 1);
  }

  widest(a, b) {
    return Math.max(a.length, b.length);
  }

  rectify(x) {
    return this.leaky ? Math.max(x, 0.01 * x) : Math.max(0, x);
  }

  layerStarts() {
    return Array.from(this.sizes, (_, layer) => Math.max(0, layer));
  }

  clampIndex(i, n) {
    return Math.max(0, Math.min(i, n - 1));
  }

  feedForward(input) {
    let values = input;
    for (let layer = 1; layer < this.sizes.length; layer++) {
      const from = Math.max(0, layer);
      const next = [];
      for (let j = 0; j < this.sizes[layer]; j++) {
        let sum = 0;
        for (let k = 0; k < values.length; k++) {
          sum += this.weights[from][j][k] * values[k];
        }
        const total = this.useBias ? sum + this.biases[layer][j] : sum;
        next.push(this.activate(total));
      }
      values = next;
    }
    return values;
  }
}

module.exports = { NeuralNetwork, activations };
`;

/** A convnetjs-style layer whose forward pass is a method of its input, and rates mapped with a default. */
const LAYERS_JS = `// Activation layers of a from-scratch convnet: each maps a plain array of numbers.
export class LeakyReluLayer {
  constructor(opt = {}) {
    this.slope = opt.slope ?? 0.01;
  }

  activate(x) {
    return x <= 0 ? 0.01 * x : x;
  }

  forward(inputs) {
    return inputs.map((x) => this.activate(x));
  }

  trace(x) {
    // Logged per value: whether it passes, and x as the leak leaves it.
    return { passes: x > 0, x: 0.01 * x };
  }
}

// Registered by name; the registry calls each with the input alone, so the default slope holds.
export const ACTIVATIONS = new Map();
ACTIVATIONS.set('leaky', (x, slope = 0.01) => x > 0 ? x : x * slope);

export class ReluLayer {
  activate(v) {
    return Math.max(v, 0);
  }

  forward(inputs) {
    const out = new Array(inputs.length);
    for (let i = 0; i < inputs.length; i++) {
      out[i] = Math.max(0, inputs[i]);
    }
    return out;
  }
}

export const reluBlock = x => {
  return Math.max(0, x);
};

export function padWidth(cells, n) {
  return Math.max(0, n);
}

export const selu = (x) => 1.0507 * (0 < x ? x : 1.67326 * (Math.exp(x) - 1));
export const largestOfThree = (x) => Math.max(0, x, 1);
`;

/** A NumPy-free teaching neuron in Python. */
const NEURON_PY = `"""A single artificial neuron, in plain Python: no NumPy, only the math module."""
import math
import random


class Neuron:
    def __init__(self, n_inputs, activation="relu", alpha=1.0, halve=False):
        self.weights = [random.uniform(-1.0, 1.0) for _ in range(n_inputs)]
        self.bias = 0.0
        self.activation = activation
        self.alpha = alpha
        self.halve = halve

    @staticmethod
    def relu(z):
        return max(0.0, z)

    @staticmethod
    def relu_derivative(z):
        return 1.0 if z > 0 else 0.0

    @staticmethod
    def leaky_relu(z, slope=0.01):
        return slope * z if z <= 0 else z

    @staticmethod
    def elu(z, alpha=1.0):
        return z if z > 0 else alpha * (math.exp(z) - 1)

    @staticmethod
    def positive_part(z):
        return z if 0 < z else 0.0

    @staticmethod
    def largest_magnitude(z):
        return max(0.0, z, key=abs)

    def gate(self, z):
        return self.max(0.0, z)

    def max(self, a, b):
        return b if abs(b) > abs(a) else a

    @staticmethod
    def steep_swish(z):
        beta = max(-2.0, 1.0, key=abs)  # the steeper slope of the two, sign kept
        return z / (1 + math.exp(-beta * z))

    @staticmethod
    def window_start(k, values):
        for k in range(len(values)):
            yield max(0, k)

    @staticmethod
    def row_of(i, shape):
        i, _ = divmod(i, shape[1])
        return max(0, i)

    @staticmethod
    def unfinished(z):
        return (... if NotImplemented else z if z > 0 else 0.2 * z)

    def forward(self, inputs):
        start = max(0, len(inputs) - len(self.weights))
        z = sum(w * x for w, x in zip(self.weights, inputs[start:])) + self.bias
        for i in range(len(inputs)):
            j = max(0, i)
        biggest = max(self.weights)
        smallest = min(self.weights, key=abs)
        scaled = z * 0.5 if self.halve else z
        return self.relu(scaled)
`;

/**
 * Asserts that `expr` reads as activation `id` with `params` from its first and last character and from
 * every word and number in it. The framework is not asserted: a formula that calls no function names no
 * library (the recognizer reports its Python default for those).
 */
function expectActivation(
  lang: string,
  text: string,
  expr: string,
  id: string,
  params: Record<string, number>,
): void {
  const start = nthOffset(text, expr);
  const words = [...expr.matchAll(/[\p{L}\p{N}_.]+/gu)].map((m) => start + (m.index ?? 0));
  for (const offset of [start, start + expr.length, ...words]) {
    const got = recognizeAt(text, offset, lang);
    const where = `"${expr}" at ${offset - start}`;
    assert.ok(got, `nothing recognized for ${where}`);
    assert.equal(got.id, id, where);
    assert.equal(got.start, start, where);
    assert.equal(got.end, start + expr.length, where);
    assert.deepEqual(got.params, params, where);
  }
}

describe('recognizeAt: plain-number activations (from-scratch networks)', () => {
  describe('JavaScript: an activation table and its network', () => {
    it("reads Math.max(0, x) as ReLU and Math.max(x, slope * x) as leaky ReLU with the default's slope", () => {
      expectFormula(JS, NETWORK_JS, 'Math.max(0, x)', { id: 'relu', framework: OTHER });
      expectFormula(JS, NETWORK_JS, 'Math.max(x, slope * x)', {
        id: 'leaky_relu',
        framework: OTHER,
        params: { negative_slope: 0.25 },
      });
    });

    it('reads conditionals on the sign of x as leaky ReLU and ELU', () => {
      expectFormula(JS, NETWORK_JS, '(x > 0 ? x : 0.01 * x)', {
        id: 'leaky_relu',
        framework: OTHER,
        params: { negative_slope: 0.01 },
      });
      expectFormula(JS, NETWORK_JS, '(x >= 0 ? x : Math.exp(x) - 1)', {
        id: 'elu',
        framework: OTHER,
        params: { alpha: 1 },
      });
    });

    it("reads Math.max and Math.min around a ramp as PyTorch's hard sigmoid (slope 1/6)", () => {
      expectFormula(JS, NETWORK_JS, 'Math.max(0, Math.min(1, x / 6 + 0.5))', {
        id: 'hardsigmoid',
        framework: OTHER,
        params: { slope: 1 / 6 },
      });
    });

    it('keeps the sigmoid as before', () => {
      expectFormula(JS, NETWORK_JS, '1 / (1 + Math.exp(-x))', { id: 'sigmoid', framework: OTHER });
    });

    it('reads no derivative: a step is 1 or 0 (or the slope), no activation', () => {
      expectNoFormula(JS, NETWORK_JS, '(x > 0 ? 1 : 0)');
      expectNoFormula(JS, NETWORK_JS, '(x > 0 ? 1 : 0.01)');
    });

    it('reads no index or size clamping: a layer index, lengths, a loop counter', () => {
      expectNoFormula(JS, NETWORK_JS, 'Math.max(0, layer - 1)');
      expectNoFormula(JS, NETWORK_JS, 'Math.max(a.length, b.length)');
      expectNoFormula(JS, NETWORK_JS, 'Math.max(0, Math.min(i, n - 1))');
      expectNoFormula(JS, NETWORK_JS, 'Math.max(0, layer)');
    });

    it('reads no conditional on a flag whose branches differ, though each branch is an activation', () => {
      expectNoFormula(JS, NETWORK_JS, 'this.useBias ? sum + this.biases[layer][j] : sum');
      expectNotWhole(JS, NETWORK_JS, 'this.leaky ? Math.max(x, 0.01 * x) : Math.max(0, x)');
      expectFormula(JS, NETWORK_JS, 'Math.max(0, x)', { id: 'relu', framework: OTHER }, 1);
    });

    it('reads an arrow after ??, after a conditional whose branch is a `new`, and in a function expression', () => {
      expectFormula(JS, NETWORK_JS, '(x > 0 ? x : 0.02 * x)', {
        id: 'leaky_relu',
        framework: OTHER,
        params: { negative_slope: 0.02 },
      });
      expectFormula(JS, NETWORK_JS, '(x > 0 ? x : 0.05 * x)', {
        id: 'leaky_relu',
        framework: OTHER,
        params: { negative_slope: 0.05 },
      });
      expectFormula(JS, NETWORK_JS, 'x > 0 ? x : 0.03 * x', {
        id: 'leaky_relu',
        framework: OTHER,
        params: { negative_slope: 0.03 },
      });
    });

    it("reads no Math.min of three values, and no max of an arrow's later parameter (Array.from's index)", () => {
      expectNotWhole(JS, NETWORK_JS, 'Math.min(1, Math.max(0, x / 6 + 0.5), cap)');
      expectNoFormula(JS, NETWORK_JS, 'Math.max(0, layer))');
    });
  });

  describe('JavaScript: activation layers', () => {
    it('reads x <= 0 with its branches swapped, and Math.max(v, 0) in a method of its input', () => {
      expectFormula(JS, LAYERS_JS, 'x <= 0 ? 0.01 * x : x', {
        id: 'leaky_relu',
        framework: OTHER,
        params: { negative_slope: 0.01 },
      });
      expectFormula(JS, LAYERS_JS, 'Math.max(v, 0)', { id: 'relu', framework: OTHER });
    });

    it("reads an arrow's expression body ending with its default parameter (slope 0.01)", () => {
      expectFormula(JS, LAYERS_JS, 'x > 0 ? x : x * slope', {
        id: 'leaky_relu',
        framework: OTHER,
        params: { negative_slope: 0.01 },
      });
    });

    it('reads SELU written as its scale times a conditional with 0 < x', () => {
      expectFormula(JS, LAYERS_JS, '1.0507 * (0 < x ? x : 1.67326 * (Math.exp(x) - 1))', {
        id: 'selu',
        framework: OTHER,
      });
    });

    it('reads a one-name arrow with a block body, and no max of a later parameter (a width)', () => {
      expectFormula(JS, LAYERS_JS, 'Math.max(0, x)', { id: 'relu', framework: OTHER });
      expectNoFormula(JS, LAYERS_JS, 'Math.max(0, n)');
    });

    it('reads no element of an array (out[i] = Math.max(0, inputs[i])): only a function of its input is', () => {
      expectNoFormula(JS, LAYERS_JS, 'Math.max(0, inputs[i])');
    });

    it("reads no object literal whose entries follow a sign test: a key and its value are no conditional's branches", () => {
      expectNoFormula(JS, LAYERS_JS, '{ passes: x > 0, x: 0.01 * x }');
    });

    it('reads no Math.max of three values: the largest of 0, x and 1 is no ReLU', () => {
      expectNotWhole(JS, LAYERS_JS, 'Math.max(0, x, 1)');
    });
  });

  describe('Python: a teaching neuron on plain floats', () => {
    it('reads the built-in max(0.0, z) as ReLU', () => {
      expectFormula(PY, NEURON_PY, 'max(0.0, z)', { id: 'relu', framework: OTHER });
    });

    it('reads conditional expressions on the sign of z: leaky ReLU (swapped), ELU, ReLU', () => {
      expectActivation(PY, NEURON_PY, 'slope * z if z <= 0 else z', 'leaky_relu', {
        negative_slope: 0.01,
      });
      expectFormula(PY, NEURON_PY, 'z if z > 0 else alpha * (math.exp(z) - 1)', {
        id: 'elu',
        framework: OTHER,
        params: { alpha: 1 },
      });
      expectActivation(PY, NEURON_PY, 'z if 0 < z else 0.0', 'relu', {});
    });

    it('reads a conditional after a placeholder conditional on Ellipsis', () => {
      expectActivation(PY, NEURON_PY, 'z if z > 0 else 0.2 * z', 'leaky_relu', {
        negative_slope: 0.2,
      });
    });

    it("reads no max with key=, no class's own max, no input rebound as a loop counter", () => {
      expectNotWhole(PY, NEURON_PY, 'max(0.0, z, key=abs)');
      expectNoFormula(PY, NEURON_PY, 'self.max(0.0, z)');
      expectNoFormula(PY, NEURON_PY, 'max(0, k)');
      expectNoFormula(PY, NEURON_PY, 'max(0, i)');
    });

    it('folds no max with key=: max(-2.0, 1.0, key=abs) is -2.0, so z·σ(βz) has no slope 1', () => {
      const expr = 'z / (1 + math.exp(-beta * z))';
      const got = recognizeAt(NEURON_PY, nthOffset(NEURON_PY, expr) + 1, PY);
      assert.ok(got === undefined || got.params.beta === -2, JSON.stringify(got));
    });

    it('reads no derivative, size clamp, loop counter, reduction or flag', () => {
      expectNoFormula(PY, NEURON_PY, '1.0 if z > 0 else 0.0');
      expectNoFormula(PY, NEURON_PY, 'max(0, len(inputs) - len(self.weights))');
      expectNoFormula(PY, NEURON_PY, 'max(0, i)', 1);
      expectNoFormula(PY, NEURON_PY, 'max(self.weights)');
      expectNoFormula(PY, NEURON_PY, 'min(self.weights, key=abs)');
      expectNoFormula(PY, NEURON_PY, 'z * 0.5 if self.halve else z');
    });
  });

  describe('the kink side: > and >= read as np.where reads them', () => {
    const WHERE_PY = `import numpy as np


def leaky_gt(x):
    return np.where(x > 0, x, 0.01 * x)


def leaky_ge(x):
    return np.where(x >= 0, x, 0.01 * x)


def leaky_gt_plain(x):
    return x if x > 0 else 0.01 * x


def leaky_ge_plain(x):
    return x if x >= 0 else 0.01 * x
`;
    it('gives the conditional the reading of the np.where with the same comparison', () => {
      const pairs = [
        ['np.where(x > 0, x, 0.01 * x)', 'x if x > 0 else 0.01 * x'],
        ['np.where(x >= 0, x, 0.01 * x)', 'x if x >= 0 else 0.01 * x'],
      ];
      for (const [where, plain] of pairs) {
        const a = recognizeAt(WHERE_PY, nthOffset(WHERE_PY, where), PY);
        const b = recognizeAt(WHERE_PY, nthOffset(WHERE_PY, plain), PY);
        assert.ok(a && b, `${where} / ${plain}`);
        assert.equal(b.id, a.id);
        assert.deepEqual(b.params, a.params);
        assert.equal(b.id, 'leaky_relu');
      }
    });
  });
});

describe('recognizeAt: plain-number maxima only where the language has them', () => {
  const IMPORTED_JS = `// Elementwise helpers of this project, imported by name.
import { max } from './vector.js';

export const shifted = (x) => max(0, x);
`;
  const FIRST_JS = `(x) => Math.max(0, x);
`;
  const FIRST_BLOCK_JS = `(x) => {
  return Math.max(0, x);
};
`;

  it('reads no max imported from a project module: JavaScript has no built-in max', () => {
    expectNoFormula(JS, IMPORTED_JS, 'max(0, x)');
  });

  it('reads an arrow that is the first thing in its file', () => {
    expectFormula(JS, FIRST_JS, 'Math.max(0, x)', { id: 'relu', framework: OTHER });
    expectFormula(JS, FIRST_BLOCK_JS, 'Math.max(0, x)', { id: 'relu', framework: OTHER });
  });
});
