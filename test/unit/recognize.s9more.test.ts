/**
 * Survivors of the ninth round's new code in imports.ts, activationStrings.ts and formulas/terms.ts: a Julia
 * import list continued after a trailing comma, TF.js fused ops' siblings written as accessors, strings in
 * a TF.js layer config that are or are not its activation's name, a logarithm
 * given its base where the value or the base is no constant, the larger or smaller of two constants as a
 * slope, a max's element followed by a slice, a Rust enum arm that writes its variant's name to a file, and
 * TF.js' tidy given a third argument.
 *
 * Expected values come from the languages' rules and the libraries' documentation: Julia continues an
 * `import M: a,` list on the next line, and `import NNlib: sigmoid as sig` binds `sig` to NNlib's logistic
 * function (exported by Flux too). TF.js' `fused.matMul({…, activation: 'leakyrelu', leakyreluAlpha})`
 * destructures `leakyreluAlpha = 0.2`: an object holding only a setter for it reads undefined there, so the
 * default 0.2 applies; a getter for another property (`get bias()`) is no slope, and `leakyreluAlpha: 0.1`
 * is the slope; a shorthand property `get` (a variable passed along) is no accessor, and a config without
 * `leakyreluAlpha` gets 0.2. A TF.js layer takes its activation's name from its config object (`activation: 'relu'`);
 * a conditional expression's value is one of its branches, so `c ? act : 'relu'` may give 'relu';
 * `(scaled ? 's' : '') + 'elu'` is 'selu' or 'elu', and `!!'sigmoid'` is `true`, neither the string
 * written; `tf.layers.dense(args)` takes one argument, and `activation = 'tanh'` in a call is an
 * assignment whose value is passed as the ignored second. x·σ(β·x) is swish (PyTorch's SiLU for β = 1) for any β free of x; `math.log(v, base)` of an
 * attribute is such a β, whose value no literal gives. NumPy's `maximum(a, b)` and `minimum(a, b)` are the larger
 * and the smaller value: `np.maximum(1.0, 2.0)` is 2, `np.minimum(4.0, 1.5)` is 1.5. exp(x − c) / Σ exp(x − c)
 * is softmax for any c constant along the reduced axis; NumPy's `m[0, :]` and `m[0, ...]` of a `(B, 1)` max
 * are `m[0]`, the first row's maximum (NumPy indexing: a trailing slice or ellipsis keeps the axes after the
 * integers; broadcasting aligns the last axes). Rust's `std::fs::write(path, contents)` writes bytes to a
 * file and returns `io::Result<()>`: an arm calling it applies nothing, and candle's `Tensor::gelu_erf` is
 * the exact (erf) GELU. TF.js' `tf.tidy(nameOrFn, fn?)` declares two parameters: with two or more arguments
 * the second is the function it runs and returns the result of, and JavaScript drops a third.
 */
import './freshModels';
import { expectCall, expectNothing } from './recognizeHelpers';
import { expectFormula, expectFormulaOutsideStrings } from './formulaHelpers';

const PY = 'python';
const JS = 'javascript';
const JL = 'julia';
const RS = 'rust';

describe('Julia: an import list continued after a trailing comma', () => {
  it('`import NNlib: celu,` then `sigmoid as sig` on the next line binds `sig` to NNlib’s sigmoid', () => {
    const src = `module Gates

# Gating helpers; NNlib's logistic function is renamed so it does not clash with the field names below.
import NNlib: celu,
    sigmoid as sig

export gate

struct Gate
    W::Matrix{Float32}
end

gate(g::Gate, x::AbstractVector) = sig.(g.W * x) .* x

end # module
`;
    expectCall(JL, src, 'sig', { id: 'sigmoid', framework: 'flux' }, 1);
  });
});

describe('TF.js fused ops: accessors that are no slope', () => {
  const src = `import * as tf from '@tensorflow/tfjs';

/** Fused dense steps of the critic; the config object records what is assigned to it. */
export function criticStep(x, w, cfg) {
  return tf.fused.matMul({
    a: x,
    b: w,
    activation: 'leakyrelu',
    set leakyreluAlpha(value) {
      cfg.requestedSlope = value;
    },
  });
}

/** The actor's step reads its bias from the live config. */
export function actorStep(x, w, cfg) {
  return tf.fused.matMul({
    a: x,
    b: w,
    activation: 'leakyrelu',
    get bias() {
      return cfg.bias;
    },
    leakyreluAlpha: 0.1,
  });
}
`;

  it('a setter alone gives no value to read: the 0.2 default', () => {
    expectCall(JS, src, 'leakyrelu', {
      id: 'leaky_relu',
      framework: 'tfjs',
      params: { negative_slope: 0.2 },
    });
  });

  it('a getter of another property is no slope: leakyreluAlpha: 0.1 is', () => {
    expectCall(
      JS,
      src,
      'leakyrelu',
      { id: 'leaky_relu', framework: 'tfjs', params: { negative_slope: 0.1 } },
      1,
    );
  });
});

describe('TF.js fused ops: a long config whose last property is the shorthand `get`', () => {
  it('no leakyreluAlpha among the siblings: leaky ReLU with the 0.2 default', () => {
    const src = `import * as tf from '@tensorflow/tfjs';
import { get } from './registry';

/** One fused dense step; the tracer's fields and the registry lookup ride along in the config. */
export function step(x, w, cfg, scope) {
  return tf.fused.matMul({
    activation: 'leakyrelu',
    a: x,
    b: w,
    transposeA: cfg.transposeA,
    transposeB: cfg.transposeB,
    bias: cfg.bias,
    label: cfg.label,
    step: cfg.step,
    trace: cfg.trace,
    scope,
    get
  });
}
`;
    expectCall(JS, src, 'leakyrelu', {
      id: 'leaky_relu',
      framework: 'tfjs',
      params: { negative_slope: 0.2 },
    });
  });
});

describe('TF.js: a string is a layer’s activation only where the config gives it', () => {
  const src = `import * as tf from '@tensorflow/tfjs';

/** A stack of dense layers; the hidden ones take the caller's activation, ReLU by default. */
export function classifier(sizes, act, scaled) {
  const model = tf.sequential();
  sizes.forEach((units, i) => {
    const hidden = i < sizes.length - 1;
    model.add(tf.layers.dense({ units, activation: hidden && act ? act : 'relu' }));
  });
  // SELU when the inputs are standardized, ELU otherwise: the name is built from a prefix.
  model.add(tf.layers.dense({ units: 8, activation: (scaled ? 's' : '') + 'elu' }));
  // !! turns any value into a boolean: this layer is given true, no activation's name.
  model.add(tf.layers.dense({ units: 1, activation: !!'sigmoid' }));
  return model;
}

/** Ported from the Keras model: JavaScript has no keyword arguments, so dense() gets one config object. */
let activation;
export function portedHead() {
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, inputShape: [32] }, activation = 'tanh'));
  model.add(tf.layers.dense({ units: 10, activation: 'softmax' }));
  return model;
}
`;

  it("a conditional's last branch (`hidden && act ? act : 'relu'`) is ReLU", () => {
    expectCall(JS, src, 'relu', { id: 'relu', framework: 'tfjs' });
  });

  it("a piece of a name built by `+` (`(scaled ? 's' : '') + 'elu'`) is no activation", () => {
    expectNothing(JS, src, 'elu');
  });

  it("a string turned into a boolean (`!!'sigmoid'`) is no activation", () => {
    expectNothing(JS, src, 'sigmoid');
  });

  it("a string assigned inside a call's arguments (`dense({…}, activation = 'tanh')`) configures nothing", () => {
    expectNothing(JS, src, 'tanh');
    expectCall(JS, src, 'softmax', { id: 'softmax', framework: 'tfjs', params: { dim: -1 } });
  });
});

describe('terms: a logarithm given its base, of a value no literal gives', () => {
  const src = `"""Depth-scaled gates: the slope grows with the log of the depth (or shrinks with the log of the base)."""
import math

import torch
from torch import nn


class DepthGate(nn.Module):
    def __init__(self, depth, base=2.0):
        super().__init__()
        self.depth = depth
        self.base = base

    def forward(self, x):
        # log2(depth) as the slope: x * sigmoid(beta * x), a swish whose beta the config gives.
        return x * torch.sigmoid(math.log(self.depth, 2) * x)

    def shrink(self, x):
        return x * torch.sigmoid(math.log(8.0, self.base) * x)
`;

  it('math.log(self.depth, 2) as the slope: swish with a slope no literal gives', () => {
    expectFormula(PY, src, 'x * torch.sigmoid(math.log(self.depth, 2) * x)', {
      id: 'silu',
      framework: 'pytorch',
      params: {},
      nonLiteral: ['beta'],
    });
  });

  it('math.log(8.0, self.base) as the slope: swish with a slope no literal gives', () => {
    expectFormula(PY, src, 'x * torch.sigmoid(math.log(8.0, self.base) * x)', {
      id: 'silu',
      framework: 'pytorch',
      params: {},
      nonLiteral: ['beta'],
    });
  });
});

describe('terms: the larger or smaller of two constants, folded', () => {
  const src = `"""Swish variants for the tabular model (NumPy reference implementations used by the unit tests)."""
import numpy as np
from scipy.special import expit


def swish_floored(x):
    # Slopes under 1 trained poorly in the ablation: floor the configured slope at 1.
    floor = 1.0
    configured = 2.0
    beta = np.maximum(floor, configured)
    return x * expit(beta * x)


def swish_capped(x):
    # A slope over 1.5 saturated the gate: cap the configured slope.
    cap = 1.5
    configured = 4.0
    beta = np.minimum(configured, cap)
    return x * expit(beta * x)
`;

  it('np.maximum(1.0, 2.0) as the slope: swish with β = 2', () => {
    expectFormula(PY, src, 'x * expit(beta * x)', {
      id: 'silu',
      framework: 'numpy',
      params: { beta: 2 },
    });
  });

  it('np.minimum(4.0, 1.5) as the slope: swish with β = 1.5', () => {
    expectFormula(
      PY,
      src,
      'x * expit(beta * x)',
      { id: 'silu', framework: 'numpy', params: { beta: 1.5 } },
      1,
    );
  });
});

describe('terms: a slice after a max’s element keeps the kept axis (Python)', () => {
  const src = `"""Batch scores shifted by the first row's maximum: one number, so the shift cancels in the quotient."""
import numpy as np


def probabilities(x):
    # m[0, :] of a (B, 1) max is the (1,) maximum of the first row, the same for every row.
    e = np.exp(x - np.max(x, axis=-1, keepdims=True)[0, :])
    return e / np.sum(e, axis=-1, keepdims=True)


def probabilities_ellipsis(x):
    e = np.exp(x - np.max(x, axis=-1, keepdims=True)[0, ...])
    return e / np.sum(e, axis=-1, keepdims=True)
`;

  it('np.max(x, axis=-1, keepdims=True)[0, :] as the shift: softmax over the last axis', () => {
    expectFormula(PY, src, 'e / np.sum(e, axis=-1, keepdims=True)', {
      id: 'softmax',
      framework: 'numpy',
      params: { dim: -1 },
    });
  });

  it('[0, ...] as the shift: softmax over the last axis', () => {
    expectFormula(
      PY,
      src,
      'e / np.sum(e, axis=-1, keepdims=True)',
      { id: 'softmax', framework: 'numpy', params: { dim: -1 } },
      1,
    );
  });
});

describe('Rust enums: an arm that writes the variant’s name with std::fs::write', () => {
  it('`HiddenAct::Gelu => std::fs::write(…, "gelu")` in a save method: the variant is still GELU', () => {
    const src = `use candle_core::{Result, Tensor};
use std::path::Path;

#[derive(Clone, Copy, Debug)]
pub enum HiddenAct {
    Gelu,
    Relu,
}

impl HiddenAct {
    pub fn forward(&self, xs: &Tensor) -> Result<Tensor> {
        match self {
            HiddenAct::Gelu => xs.gelu_erf(),
            HiddenAct::Relu => xs.relu(),
        }
    }

    /// Records the activation next to the checkpoint, so the loader can rebuild the head.
    pub fn save(&self, dir: &Path) -> std::io::Result<()> {
        match self {
            HiddenAct::Gelu => std::fs::write(dir.join("act.txt"), "gelu"),
            HiddenAct::Relu => std::fs::write(dir.join("act.txt"), "relu"),
        }
    }
}

pub fn head(xs: &Tensor) -> Result<Tensor> {
    let act = HiddenAct::Gelu;
    act.forward(xs)
}
`;
    expectCall(
      RS,
      src,
      'Gelu',
      { id: 'gelu', framework: 'candle', params: { approximate: 'none' } },
      3,
    );
  });
});

describe('terms: TF.js tidy given an argument past its two', () => {
  it("reads tf.tidy('gate', () => x.mul(tf.sigmoid(x)), step) as SiLU", () => {
    const src = `import * as tf from '@tensorflow/tfjs';

/** Swish under a named scope; the step is passed along for a profiler that was removed since. */
export function swish(x, step) {
  return tf.tidy('gate', () => x.mul(tf.sigmoid(x)), step);
}
`;
    expectFormulaOutsideStrings(JS, src, "tf.tidy('gate', () => x.mul(tf.sigmoid(x)), step)", {
      id: 'silu',
      framework: 'tfjs',
      params: { beta: 1 },
    });
  });
});
