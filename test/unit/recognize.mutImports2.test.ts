/**
 * More import forms and configuration defaults, each read the way its language reads it. Pinned here: a
 * destructured `require` (`const { leakyRelu, elu: expLinear } = require(…)`, over several lines); a
 * TF.js `require` whose declarator is written with a fallback (`(… && window.tf) || require(…)`), a chained
 * assignment (`const tfjs = window.tf = require(…)`), a ternary of two calls, or inside a call with other
 * arguments; a type-only default import, which loads no module; code written inside ATen's own namespace
 * `at`, where `at::relu` is still ATen's relu; a Rust re-export still being typed at the end of a file; and
 * Hugging Face configuration defaults under long or lambda-holding annotations, with a `u` prefix, next to
 * strings that are no parameter default (a keyword argument of a call in the configuration's method).
 *
 * Expected values come from the languages' rules (a JS declarator binds the name before its `=`, a destructuring pattern each name it lists, under
 * its new name after `:`; a chained
 * assignment binds every target to the same value; `import type` is erased by the compiler; C++ opening
 * `namespace at` adds to that namespace, it does not rename it; a Python annotation ends at the parameter's
 * `=`, and a `:` inside a lambda in it is the lambda's; a string prefix is no part of the string's value),
 * from the frameworks' documentation (tfjs-layers' `leakyReLU({alpha})` is leaky ReLU with that slope;
 * `at::relu`, `at::gelu` are ATen's, exact GELU by default; burn's `activation::gelu` is exact GELU), and
 * from transformers' ACT2FN table ("gelu_new" is the tanh approximation of GELU, "quick_gelu" x·σ(1.702x),
 * "sigmoid" the logistic function; TF.js `elu` has no α of its own: it is 1). "No hover" where a string is no parameter's default.
 */
import assert from 'node:assert/strict';
import { importedModules } from '../../src/core';
import { recognizeUnguarded } from '../../src/core/recognize';
import { expectCall, expectNothing } from './recognizeHelpers';

const PY = 'python';
const TS = 'typescript';
const CPP = 'cpp';
const RS = 'rust';

const LEAKY = (slope: number) => ({
  id: 'leaky_relu',
  framework: 'tfjs',
  params: { negative_slope: slope },
});

describe('TypeScript: the name a require initializes, however the declarator is written', () => {
  const SRC = `// Loads TF.js in Node or in the page, whichever is there, and builds the model's activations.
import { cpuOps, gpuOps } from './ops.js';

const tfx = (typeof window !== 'undefined' && window.tf) || require('@tensorflow/tfjs');
// expose the namespace to the page's inline scripts as well
const tfjs = window.tf = require('@tensorflow/tfjs');
const tfn = hasCuda() ? require('@tensorflow/tfjs-node-gpu') : require('@tensorflow/tfjs-node');
const backend = pickBackend(cpuOps, gpuOps, require('@tensorflow/tfjs'));

export function activations() {
  return [
    tfx.layers.leakyReLU({ alpha: 0.1 }),
    tfjs.layers.leakyReLU({ alpha: 0.2 }),
    tfn.layers.leakyReLU({ alpha: 0.3 }),
    gpuOps.relu(backend.zeros([1])),
  ];
}
`;

  it('a declarator whose value starts with a bracket: the name before `=` is TF.js', () => {
    expectCall(TS, SRC, 'leakyReLU', LEAKY(0.1));
  });

  it('a chained assignment: the declared name is the module too, not only the global', () => {
    expectCall(TS, SRC, 'leakyReLU', LEAKY(0.2), 1);
  });

  it('a ternary between two calls: the name is the package either way', () => {
    expectCall(TS, SRC, 'leakyReLU', LEAKY(0.3), 2);
  });

  it('a require among other arguments binds none of them: gpuOps stays the project’s own', () => {
    expectNothing(TS, SRC, 'relu');
  });

  it('a product before the declarator: the name after the comma is the module', () => {
    const src = `// Sizes the staging buffer, then loads the core ops.
const BYTES = 4 * (ROWS * COLS), tfc = require('@tensorflow/tfjs-core');

export const rectify = (x: Tensor): Tensor => tfc.relu(x);
`;
    expectCall(TS, src, 'relu', { id: 'relu', framework: 'tfjs' });
  });
});

describe('JavaScript: a destructured require binds each name it lists', () => {
  const SRC = `// The activations of a small dense model, taken from the TF.js namespace by name.
const {
  leakyRelu,
  elu: expLinear,
} = require('@tensorflow/tfjs');
const { relu } = require('./legacy-acts.js');

function block(x) {
  return expLinear(leakyRelu(x, 0.2));
}

function legacyBlock(x) {
  return relu(x);
}

module.exports = { block, legacyBlock };
`;

  it('a listed name and a renamed one are the package’s functions', () => {
    expectCall('javascript', SRC, 'leakyRelu', LEAKY(0.2), 1);
    expectCall('javascript', SRC, 'expLinear', { id: 'elu', framework: 'tfjs' }, 1);
  });

  it('a name taken from the project’s own module is its own, and that module is listed ahead', () => {
    expectNothing('javascript', SRC, 'relu', 1);
    assert.deepEqual(importedModules(SRC, 'javascript'), ['./legacy-acts.js']);
  });
});

describe('TypeScript: a type-only default import loads no module', () => {
  it('only the value import is listed ahead', () => {
    const src = `import type Acts from './acts.js';
import { swish } from './swish.js';

export const table: Acts = { swish };
`;
    assert.deepEqual(importedModules(src, TS), ['./swish.js']);
  });
});

describe('C++: code written inside ATen’s own namespaces', () => {
  const SRC = `// A fused kernel kept next to ATen's native ops, so it is written in their namespaces.
#include <ATen/ATen.h>

namespace at {
namespace native {

Tensor rectified_gelu(const Tensor& self) {
  // clamp the exact GELU at zero from below
  return at::relu(at::gelu(self));
}

}  // namespace native
}  // namespace at
`;

  it('`namespace at {` adds to ATen: at::relu and at::gelu are still ATen’s', () => {
    expectCall(CPP, SRC, 'relu', { id: 'relu', framework: 'libtorch' });
    expectCall(CPP, SRC, 'gelu', {
      id: 'gelu',
      framework: 'libtorch',
      params: { approximate: 'none' },
    });
  });
});

describe('Rust: a visibility still being typed at the end of a file breaks nothing', () => {
  const BODY = `use burn::tensor::activation;

/// The feed-forward block's nonlinearity.
fn ffn_act<B: Backend>(x: Tensor<B, 2>) -> Tensor<B, 2> {
    activation::gelu(x)
}
`;
  for (const tail of ['pub', 'pub(crate', 'pub(crate)']) {
    it(JSON.stringify(tail), () => {
      expectCall(RS, BODY + tail, 'gelu', {
        id: 'gelu',
        framework: 'burn',
        params: { approximate: 'none' },
      });
    });
  }
});

describe('Hugging Face configuration defaults: annotations and prefixes', () => {
  const SRC = `"""Configuration of a small gated encoder, in the transformers style."""
from typing import Annotated, Callable, Union

from torch import Tensor
from transformers import PretrainedConfig
from transformers.activations import ACT2FN

from .validation import Validator


class GatedEncoderConfig(PretrainedConfig):
    model_type = "gated-encoder"

    def __init__(
        self,
        hidden_size: int = 256,
        hidden_act: Union[str, Callable[[Tensor], Tensor], None] = "gelu_new",
        projector_hidden_act: str = u"quick_gelu",
        gate_activation: Annotated[str, Validator(lambda s: s in ACT2FN)] = "sigmoid",
        **kwargs,
    ):
        super().__init__(**kwargs)
        self.hidden_size = hidden_size

    def to_export_dict(self):
        # the exporter's own option, read by the exporter, not by ACT2FN
        return export_options(self.to_dict(), output_gate_activation="sigmoid")
`;

  it('a default under a fifteen-token annotation', () => {
    expectCall(PY, SRC, 'gelu_new', {
      id: 'gelu',
      framework: 'pytorch',
      params: { approximate: 'tanh' },
    });
  });

  it('a `u` prefix: the hover covers the string’s text only', () => {
    expectCall(PY, SRC, 'quick_gelu', { id: 'quick_gelu', framework: 'pytorch' });
  });

  it('a lambda’s `:` inside the annotation is not the parameter’s', () => {
    expectCall(PY, SRC, 'sigmoid', { id: 'sigmoid', framework: 'pytorch' });
  });

  it('a keyword argument of a call in a configuration’s method is no parameter default', () => {
    expectNothing(PY, SRC, 'sigmoid', 1);
  });

  it('a one-line factory: a lambda’s default after an annotated parameter is no default of that parameter', () => {
    const src = `from typing import Callable

from transformers.activations import ACT2FN


def make_activation(hidden_act: str) -> Callable: return (lambda name="gelu", scale=1.0: ACT2FN[name])
`;
    expectNothing(PY, src, 'gelu');
  });

  it('a notebook cell that starts with a string is read without an exception', () => {
    // recognizeAt turns an exception into "no hover"; its unguarded form shows it.
    const cell = '"gelu", "gelu_new", "quick_gelu"\n';
    for (const m of cell.matchAll(/"[a-z_]+"/g)) {
      const at = (m.index ?? 0) + 2;
      assert.doesNotThrow(() => recognizeUnguarded(cell, at, PY), `at ${at}: ${m[0]}`);
    }
  });
});
