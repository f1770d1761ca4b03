/**
 * Imports and aliases, as each language writes them, decide what a name means: `import torch.nn.functional as
 * tfn` makes `tfn.gelu` PyTorch's GELU, `use candle_nn::ops as cops;` makes `cops::sigmoid` candle's, `namespace
 * Fn = torch::nn::functional;` makes `Fn::gelu` LibTorch's, `using NNlib: logσ as lsig` makes `lsig` NNlib's
 * log-sigmoid. Expected values come from the languages' import rules (what an import statement binds, which
 * words start one, what a relative import keeps) and the frameworks' documented defaults (`torch.nn.functional
 * .gelu` is exact, approximate='none'; tf.keras 2's `hard_sigmoid` is 0.2x + 0.5, Keras 3's x/6 + 1/2). A
 * name no import binds, bound to some other module, or a statement that is no import is no hover; an import
 * line the user is still typing breaks nothing else. `importedModules` lists the modules the host reads
 * ahead, by each language's rule for a module of the user's own code.
 */
import assert from 'node:assert/strict';
import { importedModules, recognizeAt } from '../../src/core';
import { recognizeUnguarded } from '../../src/core/recognize';
import { expectCall, expectNothing, nthOffset } from './recognizeHelpers';

const PY = 'python';
const TS = 'typescript';
const CPP = 'cpp';
const RS = 'rust';
const JL = 'julia';

describe('Python import statements: what each form binds', () => {
  const SRC = `"""Feed-forward blocks of a small vision transformer, written against two frameworks."""
import os, torch.nn.functional as tfn, jax.nn as jnn
import logging
import flax.linen
from torch import nn


class Mlp(nn.Module):
    """Linear, exact GELU, linear (the ViT recipe)."""

    def forward(self, x):
        log = logging.getLogger(os.path.basename(__file__))
        log.debug("mlp input %s", x.shape)
        return self.fc2(tfn.gelu(self.fc1(x)))


def flax_head(x):
    # jax.nn.silu is x * sigmoid(x)
    h = jnn.silu(x)
    return flax.linen.sigmoid(h)
`;

  it('every alias of a comma-separated import is bound, each to its own module', () => {
    expectCall(PY, SRC, 'gelu', {
      id: 'gelu',
      framework: 'pytorch',
      params: { approximate: 'none' },
    });
    expectCall(PY, SRC, 'silu', { id: 'silu', framework: 'jax' }, 1);
  });

  it('a dotted import without an alias binds its first name', () => {
    expectCall(PY, SRC, 'sigmoid', { id: 'sigmoid', framework: 'flax' }, 1);
  });

  it('a module imported after an unaliased one keeps its own meaning', () => {
    const src = `import math, torch


def gate(x):
    # logistic gate of a GRU cell
    return torch.sigmoid(x)
`;
    expectCall(PY, src, 'sigmoid', { id: 'sigmoid', framework: 'pytorch' });
  });
});

describe('Python from-imports: relative packages keep their dots', () => {
  const SRC = `"""Model assembly: the project's own activations, next to a framework's."""
from . import schedules
from .acts import QuickGELU, swish as sw
from ..common.layers import *
from mypkg.blocks import (
    ResBlock,
    Stem as StemBlock,
)
from torch.nn.functional import silu as torch_silu


def head(x):
    return torch_silu(ResBlock(x)) + sw(x)


def tail(x):
    # gelu is not imported here: a name of the project's own, defined elsewhere
    return gelu(x)
`;

  it('the modules listed ahead: a package for `from . import`, each relative path with its dots', () => {
    assert.deepEqual(
      new Set(importedModules(SRC, PY)),
      new Set(['.', '.acts', '..common.layers', 'mypkg.blocks']),
    );
  });

  it('a name the from-imports do not list is no hover', () => {
    expectNothing(PY, SRC, 'gelu', 1);
  });

  it('a name renamed in a from-import is hovered under its new name', () => {
    expectCall(PY, SRC, 'torch_silu', { id: 'silu', framework: 'pytorch' }, 1);
  });

  it('a renamed function of the project is read from its module', () => {
    const acts = `import torch


def swish(x):
    return x * torch.sigmoid(x)
`;
    const asked: string[] = [];
    const readImport = (spec: string): string | undefined => {
      asked.push(spec);
      return spec === '.acts' ? acts : undefined;
    };
    const got = recognizeAt(SRC, nthOffset(SRC, 'sw(x)') + 1, PY, { readImport });
    assert.equal(got?.id, 'silu');
    assert.ok(asked.includes('.acts'), `asked for ${asked.join(', ')}`);
  });
});

describe('Keras generation: which hard_sigmoid an activation string means', () => {
  /** A layer whose class comes from a star import: only the imports say which Keras it is. */
  const body = `


def gate(units):
    # the gate of a small attention block
    return Dense(units, activation="hard_sigmoid")
`;
  const TF2 = { id: 'hardsigmoid', framework: 'keras', params: { slope: 0.2 } };
  const K3 = { id: 'hardsigmoid', framework: 'keras', params: { slope: 1 / 6 } };

  it('tf.keras 2 (0.2x + 0.5) under a TensorFlow or tf_keras import, Keras 3 (x/6 + 1/2) otherwise', () => {
    const cases: [string, typeof TF2][] = [
      ['from tensorflow.keras.layers import *', TF2],
      [
        'import os\nimport tensorflow as tf\nfrom tensorflow.keras.layers import Dense as TfDense',
        TF2,
      ],
      ['from tf_keras.layers import *', TF2],
      ['from tensorflow.keras import layers, models', TF2],
      ['import numpy as np\nfrom tf_keras import layers', TF2],
      ['import os\nfrom keras.layers import *', K3],
      ['from keras.src.legacy import tensorflow_compat', K3],
    ];
    for (const [head, expected] of cases) {
      expectCall(PY, head + body, 'hard_sigmoid', expected);
    }
  });

  it('a notebook cell: an earlier cell’s star import of tf.keras counts', () => {
    const cell = `import os${body}`;
    const at = nthOffset(cell, 'hard_sigmoid') + 2;
    const earlier = 'from tensorflow.keras.layers import *\n';
    assert.equal(recognizeAt(cell, at, PY, { preamble: earlier })?.params.slope, 0.2);
    assert.equal(recognizeAt(cell, at, PY, { preamble: 'import os\n' })?.params.slope, 1 / 6);
  });
});

describe('Python: names bound by an earlier notebook cell', () => {
  it('a star import of an earlier cell makes a bare name the framework’s', () => {
    const cell = `def block(x):
    # exact GELU between the two projections
    return gelu(x)
`;
    const at = nthOffset(cell, 'gelu(x') + 1;
    const preamble = 'import numpy as np\nfrom torch.nn.functional import *\n';
    const got = recognizeAt(cell, at, PY, { preamble });
    assert.equal(got?.id, 'gelu');
    assert.equal(got?.framework, 'pytorch');
    assert.equal(recognizeAt(cell, at, PY, { preamble: 'import numpy as np\n' }), undefined);
  });
});

describe('an import line still being typed breaks nothing', () => {
  const PY_USE = '\n\ndef f(x):\n    return torch.relu(x)\n';
  const PY_RELU = { id: 'relu', framework: 'pytorch' };
  const TS_USE = "import * as tf from '@tensorflow/tfjs';\nexport const y = tf.relu(x);\n";
  const TF_RELU = { id: 'relu', framework: 'tfjs' };
  const CPP_USE =
    '#include <torch/torch.h>\n\ntorch::Tensor f(torch::Tensor x) {\n  return torch::relu(x);\n}\n';
  const LT_RELU = { id: 'relu', framework: 'libtorch' };
  const RS_USE =
    'fn f<B: Backend>(x: Tensor<B, 2>) -> Tensor<B, 2> {\n    activation::gelu(x)\n}\n';
  const BURN_GELU = { id: 'gelu', framework: 'burn' };
  /** The language, the text (the unfinished line above or below the code), the word hovered, its meaning. */
  const cases: [string, string, string, { id: string; framework: string }][] = [
    [PY, `from .\nimport torch${PY_USE}`, 'relu', PY_RELU],
    [PY, `import torch.nn.functional as\nimport torch${PY_USE}`, 'relu', PY_RELU],
    [PY, `import torch${PY_USE}from torch.nn.functional import gelu, silu as`, 'relu', PY_RELU],
    [TS, `import * as tfx from\n${TS_USE}`, 'relu', TF_RELU],
    [TS, `${TS_USE}import tfx, { elu as`, 'relu', TF_RELU],
    [TS, `const nodeRequire = require\n${TS_USE}`, 'relu', TF_RELU],
    [CPP, `${CPP_USE}namespace`, 'relu', LT_RELU],
    [CPP, `${CPP_USE}namespace detail`, 'relu', LT_RELU],
    [CPP, `${CPP_USE}using`, 'relu', LT_RELU],
    [JL, 'using NNlib: logσ as\nf(x) = relu(x)\n', 'relu', { id: 'relu', framework: 'flux' }],
    [JL, 'import NNlib as\nf(x) = relu(x)\n', 'relu', { id: 'relu', framework: 'flux' }],
    [RS, `use burn::tensor::activation::{gelu as\n${RS_USE}`, 'gelu', BURN_GELU],
    [RS, `use burn::tensor::activation;\n${RS_USE}use`, 'gelu', BURN_GELU],
    [RS, `use burn::tensor::activation;\n${RS_USE}use candle_nn::ops`, 'gelu', BURN_GELU],
    [
      RS,
      `use burn::tensor::activation;\n${RS_USE}use burn::tensor::activation::gelu as`,
      'gelu',
      BURN_GELU,
    ],
  ];
  for (const [lang, text, word, expected] of cases) {
    const line = text
      .split('\n')
      .find((l) => /(\bas|\bfrom|^namespace.*|^using|^use[^;]*|\.|require)$/.test(l));
    it(`${lang}: ${JSON.stringify(line)}`, () => {
      const nth = lang === RS && text.startsWith('use burn::tensor::activation::{') ? 1 : 0;
      expectCall(lang, text, word, expected, nth);
    });
  }
});

describe('TypeScript and JavaScript: imports and requires bind modules, other declarations do not', () => {
  const SRC = `import * as tfc from '@tensorflow/tfjs-core';
import { elu as expLinear, selu } from '@tensorflow/tfjs';
import type { Tensor } from '@tensorflow/tfjs';
import * as lodash from 'lodash';
const DEBUG = false;
const tfn = require('@tensorflow/tfjs-node');
let count = 0;

/** Two activations of tfjs-core, one of tfjs-node, a renamed one. */
export function block(x: Tensor): Tensor {
  const a = tfc.relu(x);
  const b = expLinear(tfn.layers.leakyReLU({ alpha: 0.1 }).apply(a));
  count += 1;
  return lodash.relu6(selu(b));
}
`;

  it('a namespace import, a renamed named import and a require are the TF.js package', () => {
    expectCall(TS, SRC, 'relu', { id: 'relu', framework: 'tfjs' });
    expectCall(TS, SRC, 'expLinear', { id: 'elu', framework: 'tfjs', params: { alpha: 1 } }, 1);
    expectCall(TS, SRC, 'leakyReLU', {
      id: 'leaky_relu',
      framework: 'tfjs',
      params: { negative_slope: 0.1 },
    });
    expectCall(TS, SRC, 'selu', { id: 'selu', framework: 'tfjs' }, 1);
  });

  it('a namespace bound to another package is no hover', () => {
    expectNothing(TS, SRC, 'relu6');
  });

  it('a default import binds the package; a type-only import binds nothing', () => {
    const src =
      "import tfd from '@tensorflow/tfjs';\nimport type tft from '@tensorflow/tfjs';\nexport const y = tfd.layers.leakyReLU({ alpha: 0.1 });\nexport const z = tft.layers.leakyReLU({ alpha: 0.1 });\n";
    expectCall(TS, src, 'leakyReLU', {
      id: 'leaky_relu',
      framework: 'tfjs',
      params: { negative_slope: 0.1 },
    });
    expectNothing(TS, src, 'leakyReLU', 1);
  });

  it('`tf` imported from another package is that package’s, not TF.js', () => {
    expectNothing(TS, "import tf from 'mathlib';\nexport const y = tf.tanh(x);\n", 'tanh');
    expectNothing(TS, "const tf = require('mathlib');\nexport const y = tf.tanh(x);\n", 'tanh');
  });

  it('a package chosen at run time keeps `tf` TF.js by convention', () => {
    const src = `const tf = require(useGpu ? '@tensorflow/tfjs-node-gpu' : '@tensorflow/tfjs-node');

function activation() {
  return tf.layers.leakyReLU({ alpha: 0.1 });
}
`;
    expectCall('javascript', src, 'leakyReLU', {
      id: 'leaky_relu',
      framework: 'tfjs',
      params: { negative_slope: 0.1 },
    });
  });

  it('a UMD guard: the module is the one `require(…)` is called with', () => {
    const src = `const tfx = typeof require === 'function' ? require('@tensorflow/tfjs') : window.tf;

function activation() {
  return tfx.layers.leakyReLU({ alpha: 0.1 });
}
`;
    expectCall('javascript', src, 'leakyReLU', {
      id: 'leaky_relu',
      framework: 'tfjs',
      params: { negative_slope: 0.1 },
    });
  });

  it('a renamed name after a default import in the same statement', () => {
    const src =
      "import tf, { leakyRelu as leaky } from '@tensorflow/tfjs';\nexport const y = leaky(x, 0.1);\n";
    expectCall(
      TS,
      src,
      'leaky',
      { id: 'leaky_relu', framework: 'tfjs', params: { negative_slope: 0.1 } },
      1,
    );
  });

  it('a name the import does not list is no hover', () => {
    const src =
      "import { elu as expLinear } from '@tensorflow/tfjs';\nexport const y = relu(expLinear(x));\n";
    expectNothing(TS, src, 'relu');
  });

  it('a require after other declarators of the same statement', () => {
    const src =
      "const n = 2, tfx = require('@tensorflow/tfjs');\nconst act = tfx.layers.leakyReLU({ alpha: 0.1 });\n";
    expectCall('javascript', src, 'leakyReLU', {
      id: 'leaky_relu',
      framework: 'tfjs',
      params: { negative_slope: 0.1 },
    });
  });
});

describe('C++: namespace aliases, using-directives and using-declarations', () => {
  const SRC = `#include <torch/torch.h>
#include <vector>

using std::vector;
using torch::nn::GELU;
namespace Fn = torch::nn::functional;
namespace detail {
torch::Tensor relu(torch::Tensor x);  // clamps at 1, see detail.cpp
}

struct Block : torch::nn::Module {
  GELU act{nullptr};
  torch::Tensor forward(torch::Tensor x) {
    x = act(x);
    x = detail::relu(x);
    return Fn::silu(x);
  }
};
`;

  it('a namespace alias is its namespace: Fn::silu is torch::nn::functional::silu', () => {
    expectCall(CPP, SRC, 'silu', { id: 'silu', framework: 'libtorch' });
  });

  it('a class named by a using-declaration: a member of that type is its module', () => {
    expectCall(
      CPP,
      SRC,
      'act',
      { id: 'gelu', framework: 'libtorch', params: { approximate: 'none' } },
      1,
    );
  });

  it('a function of the code’s own namespace is no hover', () => {
    expectNothing(CPP, SRC, 'relu', 1);
  });

  it('a using-declaration of a function makes its bare name the function', () => {
    const src = `#include <torch/torch.h>
using torch::nn::functional::gelu;

torch::Tensor head(torch::Tensor x) {
  return gelu(x);
}
`;
    expectCall(CPP, src, 'gelu', { id: 'gelu', framework: 'libtorch' }, 1);
  });

  it('a type alias (`using Act = torch::nn::GELU;`) is the class it names', () => {
    const src = `#include <torch/torch.h>

using Act = torch::nn::GELU;
using Features = std::vector<torch::Tensor>;

struct Block : torch::nn::Module {
  Act act{nullptr};
  torch::Tensor forward(torch::Tensor x) {
    return act(x);
  }
};
`;
    expectCall(
      CPP,
      src,
      'act',
      { id: 'gelu', framework: 'libtorch', params: { approximate: 'none' } },
      1,
    );
  });

  it('a using-directive of torch makes bare names torch’s; of std, it does not', () => {
    const body = '\ntorch::Tensor head(torch::Tensor x) {\n  return gelu(x);\n}\n';
    expectCall(CPP, `using std::vector;\nusing namespace torch;\n${body}`, 'gelu', {
      id: 'gelu',
      framework: 'libtorch',
    });
    expectNothing(CPP, `using namespace std;\n${body}`, 'gelu');
  });
});

describe('Rust: use trees', () => {
  const SRC = `use candle_core::{Result, Tensor};
use candle_nn::ops::{self as cops, sigmoid as logistic};
use burn::tensor::{self, Distribution};
use burn::tensor::activation::{gelu as g, *};

fn candle_head(xs: &Tensor) -> Result<Tensor> {
    let a = logistic(xs)?;
    cops::softmax_last_dim(&a)
}

fn burn_head<B: Backend>(x: burn::tensor::Tensor<B, 2>) -> burn::tensor::Tensor<B, 2> {
    let y = tensor::activation::mish(x);
    silu(g(y))
}
`;

  it('a renamed item is its item', () => {
    expectCall(RS, SRC, 'logistic', { id: 'sigmoid', framework: 'candle' }, 1);
    expectCall(RS, SRC, 'g', { id: 'gelu', framework: 'burn', params: { approximate: 'none' } }, 1);
  });

  it('`self` binds the module the braces are in, renamed or not', () => {
    expectCall(RS, SRC, 'softmax_last_dim', {
      id: 'softmax',
      framework: 'candle',
      params: { dim: -1 },
    });
    expectCall(RS, SRC, 'mish', { id: 'mish', framework: 'burn' });
  });

  it('a tree nested in a tree, and the items after it', () => {
    const src = `use burn::{nn::{Gelu, Relu}, tensor::activation::{self as act}};

fn head<B: Backend>(x: Tensor<B, 2>) -> Tensor<B, 2> {
    act::mish(x)
}
`;
    expectCall(RS, src, 'mish', { id: 'mish', framework: 'burn' });
  });

  it('a glob in a tree makes bare names the module’s', () => {
    expectCall(RS, SRC, 'silu', { id: 'silu', framework: 'burn' });
  });

  it('a re-export imports too, with or without a visibility restriction', () => {
    const body = '\nfn head<B: Backend>(x: Tensor<B, 2>) -> Tensor<B, 2> {\n    act::gelu(x)\n}\n';
    for (const vis of ['pub', 'pub(crate)', 'pub(super)', 'pub(in crate::model)']) {
      expectCall(RS, `${vis} use burn::tensor::activation as act;\n${body}`, 'gelu', {
        id: 'gelu',
        framework: 'burn',
      });
    }
    expectNothing(RS, `pub(crate) fn act() {}\n${body}`, 'gelu');
  });

  it('the modules of the crate’s own code are listed ahead', () => {
    const src =
      'pub(crate) use crate::acts::{self as a, swish};\nuse crate::model::blocks::*;\nuse burn::nn::Relu;\n';
    assert.deepEqual(
      new Set(importedModules(src, RS)),
      new Set(['crate::acts', 'crate::model::blocks']),
    );
  });
});

describe('Julia: renaming imports', () => {
  const SRC = `module Blocks

using Flux
using NNlib: relu, σ
import NNlib: logσ as lsig
import Statistics as NN
import NNlib as NL

head(x) = σ.(x)
gate(x) = lsig(x)
norm(x) = NN.relu(x)
soft(x) = NL.softplus(x)

end
`;

  it('a member renamed by `as` is that member; a module renamed is that module', () => {
    expectCall(JL, SRC, 'lsig', { id: 'logsigmoid', framework: 'flux' }, 1);
    expectCall(JL, SRC, 'softplus', { id: 'softplus', framework: 'flux' });
  });

  it('names listed without `as` keep their own meaning', () => {
    expectCall(JL, SRC, 'σ', { id: 'sigmoid', framework: 'flux' }, 1);
  });

  it('each name of a list without `as` is itself', () => {
    const src = 'using NNlib: relu, softplus\n\nsmooth(x) = softplus(x)\n';
    expectCall(JL, src, 'softplus', { id: 'softplus', framework: 'flux' }, 1);
  });

  it('a module renamed to a name is not the framework', () => {
    expectNothing(JL, SRC, 'relu', 1);
  });
});

describe('an import far down a long module', () => {
  /** A module of many small helpers (thousands of tokens) before a function that imports lazily. */
  function longModule(): string {
    const helpers: string[] = [];
    for (let n = 0; n < 90; n++) {
      helpers.push(`def scale_${n}(x, factor=${n + 1}.0):
    """Scales a batch by a fixed factor (helper ${n})."""
    y = x * factor + ${n}
    return y / (1.0 + abs(factor))
`);
    }
    return `"""Preprocessing helpers; torch is imported only where it is needed."""
import math


${helpers.join('\n\n')}

def smooth_gate(x):
    import torch.nn.functional as tfn

    return tfn.softplus(x, beta=2.0)
`;
  }

  it('binds its names like one at the top', () => {
    const src = longModule();
    expectCall(PY, src, 'softplus', { id: 'softplus', framework: 'pytorch', params: { beta: 2 } });
  });
});

/**
 * Hugging Face configuration defaults: transformers reads `hidden_act`, and a `…Config` class's
 * `*_activation` parameters, through ACT2FN, whose table says "gelu_new" is the tanh approximation of
 * GELU, "tanh", "sigmoid" and "silu" the functions of those names.
 */
describe('Hugging Face configuration defaults', () => {
  const SRC = `"""Configuration of a tiny encoder, in the transformers style."""
from typing import Annotated, Optional, Union

from torch import nn
from transformers import PretrainedConfig
from typing_extensions import Doc


class TinyConfig(PretrainedConfig):
    model_type = "tiny"

    def __init__(
        self,
        hidden_size: int = 64,
        hidden_act: Optional[str] = "gelu_new",
        pooler_activation: Union[str, None] = "tanh",
        gate_activation: Annotated[str, Doc("gate nonlinearity")] = "sigmoid",
        head_activation_fn: str = "silu",
        **kwargs,
    ):
        super().__init__(**kwargs)
        self.hidden_act, self.gate_act = "gelu", "sigmoid"
        self.fallback_act = "relu",  # the trailing comma makes this a tuple


class ExportConfig(object):
    def __init__(self, output_activation: str = "sigmoid"):
        self.output_activation = output_activation


class TinyPooler(nn.Module):
    def __init__(self, config: TinyConfig, pooler_activation: str = "tanh"):
        super().__init__()
        self.dense = nn.Linear(config.hidden_size, config.hidden_size)


def build_head(dim, head_activation: str = "tanh"):
    return nn.Linear(dim, dim)


def tiny_config(hidden_act: str = "silu", num_layers: int = 2):
    return TinyConfig(num_hidden_layers=num_layers)
`;

  it('a default under an annotation with brackets, commas or a call is hovered, on the string’s text', () => {
    expectCall(PY, SRC, 'gelu_new', {
      id: 'gelu',
      framework: 'pytorch',
      params: { approximate: 'tanh' },
    });
    expectCall(PY, SRC, 'tanh', { id: 'tanh', framework: 'pytorch' });
    expectCall(PY, SRC, 'sigmoid', { id: 'sigmoid', framework: 'pytorch' });
  });

  it('hidden_act of a factory function’s first parameter', () => {
    expectCall(PY, SRC, 'silu', { id: 'silu', framework: 'pytorch' }, 1);
  });

  it('a parameter whose name only contains _activation is no hover', () => {
    expectNothing(PY, SRC, 'silu');
  });

  it('attributes assigned in the body are no parameter defaults', () => {
    expectNothing(PY, SRC, 'gelu');
    expectNothing(PY, SRC, 'sigmoid', 1);
    expectNothing(PY, SRC, 'relu');
  });

  it('*_activation outside a configuration: a class named …Config on no config base, a module, a function', () => {
    expectNothing(PY, SRC, 'sigmoid', 2);
    expectNothing(PY, SRC, 'tanh', 1);
    expectNothing(PY, SRC, 'tanh', 2);
  });

  it('a class-level hidden_act with a stray comma, and a lambda default, are no configuration parameter', () => {
    const src = `class TinyArgs:
    hidden_act = "gelu",  # a tuple, by mistake
    layers = 2


make_config = lambda hidden_act="gelu", layers=2: dict(act=hidden_act)
`;
    expectNothing(PY, src, 'gelu');
    expectNothing(PY, src, 'gelu', 1);
  });

  it('every string of the configuration and its look-alikes is read without an exception', () => {
    // recognizeAt turns an exception into "no hover"; its unguarded form shows it (as the fuzz test does).
    const texts = [
      SRC,
      'class TinyConfig(PretrainedConfig):\n    def __init__(self, hidden_act: str = "gelu"',
      'Namespace(act="gelu", layers=2)\n',
    ];
    for (const text of texts) {
      for (const m of text.matchAll(/"[a-z_]+"/g)) {
        const at = (m.index ?? 0) + 2;
        assert.doesNotThrow(() => recognizeUnguarded(text, at, PY), `at ${at}: ${m[0]}`);
      }
    }
  });

  it('the last parameter, a qualified annotation: hovered; the choices a Literal lists and a dataclass field: not', () => {
    const src = `import typing
from dataclasses import dataclass
from typing import Literal

from transformers import PretrainedConfig


class TinyVisionConfig(PretrainedConfig):
    def __init__(
        self,
        projector_hidden_act: typing.Optional[str] = "relu",
        hidden_act: Literal["quick_gelu", "gelu"] = "quick_gelu"
    ):
        super().__init__()


@dataclass
class TrainingArguments:
    hidden_act: str = "gelu"
    learning_rate: float = 1e-3
`;
    expectCall(PY, src, 'relu', { id: 'relu', framework: 'pytorch' });
    expectCall(PY, src, 'quick_gelu', { id: 'quick_gelu', framework: 'pytorch' }, 1);
    expectNothing(PY, src, 'quick_gelu');
    expectNothing(PY, src, 'gelu');
    expectNothing(PY, src, 'gelu', 1);
  });

  it('the same parameter in TypeScript is no hover: ACT2FN is a Python table', () => {
    const src = `export class TinyConfig {
  constructor(hidden_act: string = 'gelu', hiddenSize = 64) {}
}
`;
    expectNothing(TS, src, 'gelu');
  });

  it('a document that ends on the default (being typed) breaks nothing', () => {
    const src =
      'class TinyConfig(PretrainedConfig):\n    def __init__(self, hidden_act: str = "gelu"';
    expectNothing(PY, src, 'gelu');
  });

  it('a notebook cell that is one call: a keyword no configuration reads is no hover', () => {
    const cell = 'Namespace(act="gelu", layers=2)\n';
    expectNothing(PY, cell, 'gelu');
  });
});
