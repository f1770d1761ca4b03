/**
 * Activation strings, attribute chains and tuples, Julia module lists, TypeScript return types, subclasses
 * and nested module classes: pinned where the ninth mutation round found them untested or answered wrong
 * (activationStrings.ts, attributes.ts, imports.ts, jsFunctions.ts, baseClass.ts, classFields.ts).
 *
 * Expected values come from the languages' rules and the frameworks' documentation:
 * - Julia's manual ("Modules", "Renaming with as"): `import A as B, C as D` binds B to module A and D to
 *   module C; Flux re-exports NNlib's `relu` and `softplus` (softplus(x) = log(1 + eˣ)). `import Base: +, *`
 *   imports two operators to extend: the import ends with its line, and the next line's import is read.
 * - Python's data model: `torch.nn.modules.activation.GELU` is the class `torch.nn.GELU` re-exports, so an
 *   attribute built from it in `__init__` and called in `forward` is GELU (tanh approximation as given).
 * - TypeScript's grammar: a return type annotation may be any type, an object type (`{ a: T; b: U }`,
 *   members separated by `;`) inside a union, an intersection or a generic's arguments included; the
 *   function's body is the block (or, for an arrow, the expression) after the whole type. TF.js' `tf.relu`,
 *   `tf.sigmoid`, `tf.elu` (α = 1) and `tf.selu` are the activations of those names.
 * - ECMAScript's destructuring: `const [activation = 'tanh'] = spec` gives `activation` the value 'tanh'
 *   when the spec has none, as a parameter's default does; a string in `console.log(…)` configures nothing.
 * - `a && 'relu'` is 'relu' whenever `a` is truthy and `a` otherwise; tfjs-layers types a layer's
 *   `activation` as an ActivationIdentifier (a name) or undefined, and Keras' `activations.get` raises
 *   ValueError for `False` (neither None, a string, a dict nor a callable): the string is the only
 *   activation such a config can name. Python's `use_gelu and "gelu"` reads the same way.
 * - TF.js' fused ops read `leakyreluAlpha` as a property: a getter (or a method) supplies it, so the
 *   slope is not the 0.2 default and no literal gives it.
 * - A parameter's default names what the function passes on: `final_activation_fn="sigmoid"` handed to
 *   Keras' `Dense(activation=…)` is Keras' sigmoid (the `_fn` spelling is common in real code: Uni-Mol's
 *   `pooler_activation_fn="tanh"`, Modulus' `mlp_activation_fn="silu"`); a `use_activation_checkpointing`
 *   flag names none.
 * - PyTorch's `nn.Softmax(dim=-1)` stores `dim` as `self.dim`; a subclass that keeps its `__init__` and
 *   returns `F.log_softmax(x, self.dim)` computes log-softmax over dimension −1.
 * - Calling a class builds an instance: `self.act_layer = self.Activation` then `self.act_layer()` builds the
 *   nested module whose forward is `F.gelu(x)` (PyTorch's exact GELU, approximate='none'), as
 *   `Activation()` would.
 * - Python's tuple assignment (`self.gate, self.act = nn.Sigmoid(), nn.GELU(…)`) assigns element-wise:
 *   `self.gate` is the sigmoid and `self.act` the GELU.
 */
import './freshModels';
import { expectCall, expectNothing } from './recognizeHelpers';

const PY = 'python';
const JS = 'javascript';
const TS = 'typescript';
const JL = 'julia';

describe('Julia: a list of renamed modules binds every alias', () => {
  const src = `module Heads

# NNlib for the smooth activations, Flux for the layers: both renamed to keep the namespace small.
import NNlib as NL, Flux as FX

export head

function head(W, x)
    h = FX.relu.(W * x)
    return NL.softplus.(h)
end

end # module
`;

  it('the first alias names NNlib', () => {
    expectCall(JL, src, 'softplus', { id: 'softplus', framework: 'flux' });
  });

  it('the alias after a renamed module names its own module (Flux)', () => {
    expectCall(JL, src, 'relu', { id: 'relu', framework: 'flux' });
  });
});

describe('Julia: an import list ending in an operator ends with its line', () => {
  it('`import Base: +, *` then `import NNlib as NL`: `NL.softplus` is NNlib’s', () => {
    const src = `module Duals

# Extend Base's operators for the dual numbers below.
import Base: +, *
import NNlib as NL

struct Dual
    v::Float64
    d::Float64
end

+(a::Dual, b::Dual) = Dual(a.v + b.v, a.d + b.d)
*(a::Dual, b::Dual) = Dual(a.v * b.v, a.v * b.d + a.d * b.v)

smooth(x::AbstractArray) = NL.softplus.(x)

end # module
`;
    expectCall(JL, src, 'softplus', { id: 'softplus', framework: 'flux' });
  });
});

describe('Python: an attribute built from a class spelled by its five-name module path', () => {
  it('`self.act = torch.nn.modules.activation.GELU(…)` makes `self.act(h)` GELU', () => {
    const src = `"""Feed-forward block; the activation is spelled by the module that defines it."""
import torch
import torch.nn as nn


class FeedForward(nn.Module):
    def __init__(self, dim, hidden):
        super().__init__()
        self.up = nn.Linear(dim, hidden)
        self.act = torch.nn.modules.activation.GELU(approximate="tanh")
        self.down = nn.Linear(hidden, dim)

    def forward(self, x):
        return self.down(self.act(self.up(x)))
`;
    expectCall(
      PY,
      src,
      'act',
      { id: 'gelu', framework: 'pytorch', params: { approximate: 'tanh' } },
      1,
    );
  });
});

describe('TypeScript: object types in a function’s return type', () => {
  const src = `import * as tf from '@tensorflow/tfjs';

/** Activations of the gating head; each may report that it skipped its input. */
export const gate = (x: tf.Tensor): tf.Tensor | Readonly<{ skipped: true }> => tf.sigmoid(x);

export const rectify = (x: tf.Tensor): tf.Tensor & { readonly kind: 'activation'; readonly name: string } =>
  Object.assign(tf.relu(x), { kind: 'activation' as const, name: 'relu' });

export const safeElu = function (x: tf.Tensor): { error: string } | tf.Tensor {
  return tf.elu(x);
};

export const maybeSelu = function (x: tf.Tensor): tf.Tensor | { skipped: true; reason: string } {
  return tf.selu(x);
};

export function head(h: tf.Tensor): unknown[] {
  return [gate(h), safeElu(h), maybeSelu(h)];
}
`;

  it('an arrow whose return type holds an object type as a generic’s argument', () => {
    expectCall(TS, src, 'gate', { id: 'sigmoid', framework: 'tfjs' }, 1);
  });

  it('a function expression whose return type starts with an object type', () => {
    expectCall(TS, src, 'safeElu', { id: 'elu', framework: 'tfjs', params: { alpha: 1 } }, 1);
  });

  it('a function expression whose return type ends with an object type with `;`-separated members', () => {
    expectCall(TS, src, 'maybeSelu', { id: 'selu', framework: 'tfjs' }, 1);
  });
});

describe('JavaScript: an activation named as an array pattern’s default', () => {
  it("`const [activation = 'tanh', units = 64] = spec` names TF.js’ tanh", () => {
    const src = `import * as tf from '@tensorflow/tfjs';

/** Builds the classifier head from a compact spec: \`[activation, units]\`, both optional. */
export function headFrom(spec) {
  const [activation = 'tanh', units = 64] = spec;
  console.log('head activation', activation ?? 'tanh');
  return tf.layers.dense({ units, activation });
}
`;
    expectCall(JS, src, 'tanh', { id: 'tanh', framework: 'tfjs' });
    expectNothing(JS, src, 'tanh', 1);
  });
});

describe('a string after `&&` / `and` is the activation a flag switches on', () => {
  it("TF.js: `activation: useRelu && 'relu'`", () => {
    const src = `import * as tf from '@tensorflow/tfjs';

/** Value head of the policy network; the hidden layer is rectified only when asked. */
export function valueHead(useRelu) {
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, inputShape: [128], activation: useRelu && 'relu' }));
  model.add(tf.layers.dense({ units: 1, name: 'relu_free_output' }));
  return model;
}
`;
    expectCall(JS, src, 'relu', { id: 'relu', framework: 'tfjs' });
  });

  it('Keras: `activation=use_gelu and "gelu"`', () => {
    const src = `"""Dense head whose hidden activation is switched on by a flag."""
from tensorflow import keras


def make_head(units, use_gelu):
    return keras.Sequential([
        keras.layers.Dense(units, activation=use_gelu and "gelu"),
        keras.layers.Dense(1, name="logits"),
    ])
`;
    expectCall(PY, src, 'gelu', { id: 'gelu', framework: 'keras' });
  });
});

describe('TF.js fused ops: `leakyreluAlpha` given by a getter or a method', () => {
  const src = `import * as tf from '@tensorflow/tfjs';

/** Dense steps of the policy head; the slope is read from the live config at run time. */
export function policyStep(x, w, cfg) {
  return tf.fused.matMul({
    a: x,
    b: w,
    activation: 'leakyrelu',
    get leakyreluAlpha() {
      return cfg.slope;
    },
  });
}

export function criticStep(x, w, cfg) {
  return tf.fused.matMul({
    a: x,
    b: w,
    activation: 'leakyrelu',
    leakyreluAlpha() {
      return cfg.slope;
    },
  });
}
`;

  it('a getter: leaky ReLU whose slope no literal gives', () => {
    expectCall(JS, src, 'leakyrelu', {
      id: 'leaky_relu',
      framework: 'tfjs',
      nonLiteral: ['negative_slope'],
    });
  });

  it('a method: not the 0.2 default either', () => {
    expectCall(
      JS,
      src,
      'leakyrelu',
      { id: 'leaky_relu', framework: 'tfjs', nonLiteral: ['negative_slope'] },
      1,
    );
  });
});

describe('Python: attributes assigned by one tuple assignment', () => {
  const src = `"""Gated feed-forward block: a sigmoid gate and a GELU branch, built in one statement."""
import torch.nn as nn


class GatedFeedForward(nn.Module):
    def __init__(self, dim, hidden):
        super().__init__()
        self.gate_proj, self.up_proj = nn.Linear(dim, hidden), nn.Linear(dim, hidden)
        self.gate, self.act = nn.Sigmoid(), nn.GELU(approximate="tanh")
        self.down = nn.Linear(hidden, dim)

    def forward(self, x):
        return self.down(self.gate(self.gate_proj(x)) * self.act(self.up_proj(x)))
`;

  it('the first target is the first value: sigmoid', () => {
    expectCall(PY, src, 'gate', { id: 'sigmoid', framework: 'pytorch' }, 2);
  });

  it('the second target is the second value: GELU (tanh)', () => {
    expectCall(
      PY,
      src,
      'act',
      { id: 'gelu', framework: 'pytorch', params: { approximate: 'tanh' } },
      1,
    );
  });
});

describe('Python: a subclass of another activation is built with its base’s arguments', () => {
  it('`LogSoftmax(nn.Softmax)` returning `F.log_softmax(x, self.dim)`, built with `dim=-1`', () => {
    const src = `"""Output heads for the classifier."""
import torch.nn as nn
import torch.nn.functional as F


class LogSoftmax(nn.Softmax):
    """Softmax's module returning log-probabilities (keeps Softmax's \`dim\` handling)."""

    def forward(self, x):
        return F.log_softmax(x, self.dim)


class Classifier(nn.Module):
    def __init__(self, dim, classes):
        super().__init__()
        self.proj = nn.Linear(dim, classes)
        self.out = LogSoftmax(dim=-1)

    def forward(self, x):
        return self.out(self.proj(x))
`;
    expectCall(
      PY,
      src,
      'LogSoftmax',
      { id: 'log_softmax', framework: 'pytorch', params: { dim: -1 } },
      1,
    );
  });
});

describe('Python: the `_fn` spelling of a prefixed activation keyword', () => {
  it('`final_activation_fn="sigmoid"` as a parameter default is Keras’ sigmoid', () => {
    const src = `"""Small CNN for multi-label tagging of product photos."""
import keras
from keras import layers


def custom_model(input_shape, num_classes, final_activation_fn="sigmoid"):
    inputs = keras.Input(shape=input_shape)
    x = layers.Conv2D(32, 3, activation="relu")(inputs)
    x = layers.GlobalAveragePooling2D()(x)
    outputs = layers.Dense(num_classes, activation=final_activation_fn)(x)
    return keras.Model(inputs, outputs, name="tagger")


def checkpoint_config(use_activation_checkpointing="sigmoid"):
    return {"checkpoint": use_activation_checkpointing}
`;
    expectCall(PY, src, 'sigmoid', { id: 'sigmoid', framework: 'keras' });
    expectNothing(PY, src, 'sigmoid', 1);
  });
});

describe('Python: a nested module class stored in an attribute and called to build the module', () => {
  it('`self.act_layer = self.Activation`, then `self.act_layer()` builds GELU', () => {
    const src = `"""Transformer block whose activation class can be swapped by subclasses."""
import torch.nn as nn
import torch.nn.functional as F


class Block(nn.Module):
    class Activation(nn.Module):
        """Exact GELU; subclasses replace the class to try other activations."""

        def forward(self, x):
            return F.gelu(x)

    def __init__(self, dim):
        super().__init__()
        self.norm = nn.LayerNorm(dim)
        self.proj = nn.Linear(dim, dim)
        self.act_layer = self.Activation
        self.act = self.act_layer()

    def forward(self, x):
        return x + self.act(self.proj(self.norm(x)))
`;
    expectCall(
      PY,
      src,
      'act_layer',
      { id: 'gelu', framework: 'pytorch', params: { approximate: 'none' } },
      1,
    );
  });
});
