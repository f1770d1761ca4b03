/**
 * Survivors of the mutation run over the code the seventh session's fixes added: a LibTorch member named
 * through `this->` beside the namespace's own function, and definitions without a body (TypeScript
 * overloads, Rust `extern` blocks) next to definitions with one, in languages where a definition may end
 * with `;` although it has a body.
 *
 * Expected values come from the frameworks' documentation and the languages' rules: LibTorch's
 * `GELUOptions().approximate("tanh")` selects the tanh approximation, while `torch::gelu(x)` with no options
 * is the exact GELU (approximate "none"); in Rust an item declared in the module (an `extern "C"` function)
 * shadows a name a glob import (`use candle_nn::ops::*`) brings in (the Reference, "Use declarations"), and
 * that foreign function's body is not in the file; a Python or Julia function defined twice, differently,
 * depending on a flag or an argument's type, has no one meaning at a call.
 */
import { expectCall, expectNothing } from './recognizeHelpers';

describe('LibTorch: `this->gelu` and `torch::gelu` in one class', () => {
  const SRC = `// distill_block.cpp: a student MLP whose activation is checked against the exact GELU.
#include <torch/torch.h>

using namespace torch;

struct StudentMlpImpl : nn::Module {
  explicit StudentMlpImpl(int64_t dim) {
    fc = register_module("fc", nn::Linear(dim, dim));
    gelu = register_module("gelu", nn::GELU(nn::GELUOptions().approximate("tanh")));
  }

  // How far the tanh approximation drifts from the exact curve on this batch.
  Tensor drift(Tensor x) { return (this->gelu(x) - torch::gelu(x)).abs().max(); }

  Tensor forward(Tensor x) { return this->gelu(fc->forward(x)); }

  nn::Linear fc{nullptr};
  nn::GELU gelu{nullptr};
};
TORCH_MODULE(StudentMlp);
`;

  it('reads the member through `this->` and the namespace function through `torch::`', () => {
    const tanh = { id: 'gelu', framework: 'libtorch', params: { approximate: 'tanh' } };
    expectCall('cpp', SRC, 'gelu', tanh, 2);
    expectCall(
      'cpp',
      SRC,
      'gelu',
      { id: 'gelu', framework: 'libtorch', params: { approximate: 'none' } },
      3,
    );
    expectCall('cpp', SRC, 'gelu', tanh, 4);
  });
});

describe('Rust: a foreign function shadows a glob import of the same name', () => {
  const SRC = `//! Calls the vendor's fused kernel for the gate; the candle ops are used elsewhere in the file.
use candle_core::{Result, Tensor};
use candle_nn::ops::*;

extern "C" {
    /// Fused logistic gate from libvendor_kernels.so (scalar fallback path).
    fn sigmoid(x: f64) -> f64;
}

pub fn scalar_gate(x: f64) -> f64 {
    unsafe { sigmoid(x) }
}

pub fn tensor_gate(xs: &Tensor) -> Result<Tensor> {
    softmax_last_dim(xs)
}
`;

  it('gives no hover on the foreign `sigmoid`, whose body is not in the file', () => {
    expectNothing('rust', SRC, 'sigmoid', 1);
  });

  it("still reads the glob import's other functions", () => {
    expectCall('rust', SRC, 'softmax_last_dim', {
      id: 'softmax',
      framework: 'candle',
      params: { dim: -1 },
    });
  });
});

describe('one function defined twice, differently', () => {
  it('Python: definitions chosen by a flag, one ending with `;`, give no hover at a call', () => {
    const SRC = `"""Activation used by the adapter layers; the tanh GELU is faster on old GPUs."""
import os

import torch.nn.functional as F

_FAST_GELU = os.environ.get("ADAPTER_FAST_GELU") == "1"

if _FAST_GELU:
    def act(x): return F.gelu(x, approximate="tanh");
else:
    def act(x): return F.gelu(x)


def adapter(h, down, up):
    return h + up(act(down(h)))
`;
    expectNothing('python', SRC, 'act', 2);
  });

  it('Julia: methods for scalars and arrays, one ending with `;`, give no hover at a call', () => {
    const SRC = `# gates.jl: scalar and array methods of one gate, written by two people.
using Flux

"Logistic gate for one value."
gate(x::Real) = 1 / (1 + exp(-x));
"Rectifier for whole arrays."
gate(x::AbstractArray) = max.(x, 0)

h = Dense(16 => 8)(rand(Float32, 16))
y = gate(h)
`;
    expectNothing('julia', SRC, 'gate', 2);
  });
});

describe('JavaScript: assignments in brace-less branches and in blocks', () => {
  const JS = 'javascript';

  it('an `else` without braces may assign: after it the name is either value', () => {
    const SRC = `import * as tf from '@tensorflow/tfjs';

// Activation of the hidden layers: ELU unless the config asks for a plain ReLU.
let act = tf.relu;
if (config.activation === 'relu') console.info('hidden layers: relu');
else act = tf.elu;

export function hidden(x) {
  return act(x);
}
`;
    expectNothing(JS, SRC, 'act', 2);
  });

  it('a condition with calls of its own still guards a brace-less assignment', () => {
    const SRC = `import * as tf from '@tensorflow/tfjs';

export function encoder(x, cfg) {
  let act = tf.relu;
  if (cfg.get('smooth')) act = tf.elu;
  return act(x);
}
`;
    expectNothing(JS, SRC, 'act', 2);
  });

  it("another function's own variable of the name is not the one a block assigns", () => {
    const SRC = `import * as tf from '@tensorflow/tfjs';

/** Activation shared by the blocks; \`forward\` resets it when asked. */
let act = tf.elu;

export function legacyHead(x) {
  const act = tf.sigmoid;
  return act(x);
}

export function forward(x, opts) {
  if (opts.reset) {
    act = tf.elu;
  }
  return act(x);
}
`;
    expectCall(JS, SRC, 'act', { id: 'sigmoid', framework: 'tfjs' }, 2);
    expectCall(JS, SRC, 'act', { id: 'elu', framework: 'tfjs', params: { alpha: 1 } }, 4);
  });
});

describe('Julia: an assignment inside a function makes a local', () => {
  it("the module's binding of the name is not the function's", () => {
    const SRC = `using Flux

act = relu

function forward(x, smooth)
    if smooth
        act = elu
    end
    return act.(x)
end
`;
    // In a function, \`act = elu\` declares a local \`act\` (Julia manual, "Scope of Variables"): when
    // \`smooth\` is false the call fails rather than using the module's relu.
    expectCall('julia', SRC, 'act', { id: 'elu', framework: 'flux', params: { alpha: 1 } }, 2);
  });
});
