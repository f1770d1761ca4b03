/**
 * Members applied through their instance (members.ts), second round: a field reached through another
 * field where the use is not a method call (`(&self.head.act, &self.score.act)`), a struct literal of a
 * type whose name starts with Z, a field built by a constructor that takes an activation as its argument,
 * nine blocks naming their activation alike, LibTorch members default-constructed one after the other
 * beside a file-level module assigned in `main`, and TF.js members inherited from a base class in another
 * file, next to a module-level constant, an options object, another object's member of the same name and a
 * pre-class function constructor. The last part pins this round's recognizer fixes: burn `pub(crate)`
 * fields, a one-line `if (…) this.act = …`, LibTorch `register_module` under a computed name, and a module
 * named without `torch::nn::` under `using namespace torch::nn`.
 *
 * Expected values come from the frameworks' documentation and the language: burn's `Tanh`, `Sigmoid` and
 * `Gelu` take no options (the exact GELU), `LeakyReluConfig::with_negative_slope(0.2)` gives the slope
 * 0.2; LibTorch's default `torch::nn::GELU` is the exact GELU; `tf.sigmoid` is the logistic sigmoid. A
 * field that holds a whole block (`head: ClassHead<B>`) applies no activation of its own, and a member set
 * by a base class declared elsewhere has no visible value: no hover on either. Where a file declares one
 * member name in more blocks than the recognizer reads, it may give no hover, but never another block's
 * activation.
 */
import assert from 'node:assert/strict';
import { expectCall, expectNothing, hover } from './recognizeHelpers';

const RS = 'rust';
const JS = 'javascript';
const CPP = 'cpp';

describe('burn: fields of the heads of a multi-task model', () => {
  const SRC = `//! Heads for a multi-task model (burn): a class head, a score head and a zero-shot head.
use burn::nn::{LeakyRelu, LeakyReluConfig, Linear, LinearConfig, Sigmoid, Tanh};
use burn::prelude::*;

#[derive(Module, Debug)]
pub struct ClassHead<B: Backend> {
    linear: Linear<B>,
    act: Tanh,
}

impl<B: Backend> ClassHead<B> {
    pub fn new(act: Tanh, linear: Linear<B>) -> Self {
        Self { linear, act }
    }

    pub fn forward(&self, x: Tensor<B, 2>) -> Tensor<B, 2> {
        self.act.forward(self.linear.forward(x))
    }
}

#[derive(Module, Debug)]
pub struct ScoreHead<B: Backend> {
    linear: Linear<B>,
    act: Sigmoid,
}

#[derive(Module, Debug)]
pub struct MultiTask<B: Backend> {
    backbone: Linear<B>,
    head: ClassHead<B>,
    score: ScoreHead<B>,
}

impl<B: Backend> MultiTask<B> {
    pub fn new(device: &B::Device) -> Self {
        Self {
            backbone: LinearConfig::new(64, 64).init(device),
            head: ClassHead::new(Tanh::new(), LinearConfig::new(64, 10).init(device)),
            score: ScoreHead { linear: LinearConfig::new(64, 1).init(device), act: Sigmoid::new() },
        }
    }

    /// The heads' activations, for the model summary.
    pub fn activations(&self) -> (&Tanh, &Sigmoid) {
        (&self.head.act, &self.score.act)
    }

    pub fn forward(&self, x: Tensor<B, 2>) -> (Tensor<B, 2>, Tensor<B, 2>) {
        let h = self.backbone.forward(x);
        let s = self.score.act.forward(self.score.linear.forward(h.clone()));
        (self.head.forward(h), s)
    }
}

#[derive(Module, Debug)]
pub struct ZeroShotHead<B: Backend> {
    proj: Linear<B>,
    act: LeakyRelu,
}

#[derive(Config, Debug)]
pub struct ZeroShotHeadConfig {
    d_model: usize,
}

impl ZeroShotHeadConfig {
    pub fn init<B: Backend>(&self, device: &B::Device) -> ZeroShotHead<B> {
        ZeroShotHead {
            proj: LinearConfig::new(self.d_model, self.d_model).init(device),
            act: LeakyReluConfig::new().with_negative_slope(0.2).init(),
        }
    }
}

impl<B: Backend> ZeroShotHead<B> {
    pub fn forward(&self, x: Tensor<B, 2>) -> Tensor<B, 2> {
        self.act.forward(self.proj.forward(x))
    }
}

impl<B: Backend> ScoreHead<B> {
    /// The activation, for exporters that fuse it.
    pub fn activation(&self) -> &Sigmoid {
        &self.act
    }

    /// The probability of the other class: σ(−z) = 1 − σ(z).
    pub fn complement(&self, z: Tensor<B, 2>) -> Tensor<B, 2> {
        self.act.forward(-z)
    }
}
`;

  it('reads a field through another field where it is borrowed, not called', () => {
    // `(&self.head.act, &self.score.act)`: the fields' types, ClassHead's Tanh and ScoreHead's Sigmoid.
    expectCall(RS, SRC, 'act', { id: 'tanh', framework: 'burn' }, 6);
    expectCall(RS, SRC, 'act', { id: 'sigmoid', framework: 'burn' }, 7);
    expectCall(RS, SRC, 'act', { id: 'sigmoid', framework: 'burn' }, 8);
  });

  it('gives nothing on a field holding a whole head built with an activation argument', () => {
    // `head: ClassHead::new(Tanh::new(), …)`: the head applies its linear layer too.
    expectNothing(RS, SRC, 'head', 6); // (#0–#2 are in the doc comment)
    expectNothing(RS, SRC, 'forward', 7);
  });

  it('reads a field borrowed through `self`, and the method applying it to a negated input', () => {
    expectCall(RS, SRC, 'act', { id: 'sigmoid', framework: 'burn' }, 12);
    expectCall(RS, SRC, 'forward', { id: 'sigmoid', framework: 'burn' }, 11);
  });

  it('reads the literal of a type whose name starts with Z in its config’s `init`', () => {
    const leaky = { id: 'leaky_relu', framework: 'burn', params: { negative_slope: 0.2 } };
    expectCall(RS, SRC, 'act', leaky, 11);
  });
});

describe('burn: nine stages that all name their activation `act`', () => {
  const STAGES = ['Stem', 'Down1', 'Down2', 'Down3', 'Bottleneck', 'Up1', 'Up2', 'Up3'];
  const stage = (name: string, act: string): string => `#[derive(Module, Debug)]
pub struct ${name}<B: Backend> {
    conv: Conv2d<B>,
    act: ${act},
}
`;
  const SRC = `//! The stages of a small U-Net (burn); every stage names its activation \`act\`.
use burn::nn::conv::Conv2d;
use burn::nn::{Gelu, Relu};
use burn::prelude::*;

${STAGES.map((name) => stage(name, 'Relu')).join('\n')}
/// The output stage smooths the map before the 1×1 projection.
${stage('Output', 'Gelu')}
impl<B: Backend> Output<B> {
    pub fn forward(&self, x: Tensor<B, 4>) -> Tensor<B, 4> {
        self.act.forward(self.conv.forward(x))
    }
}
`;

  it("never shows the other stages' ReLU on the output stage's GELU", () => {
    // (`act` #0 is in the file's doc comment; #1–#9 are the declarations.)
    const got = hover(RS, SRC, 'act', 10);
    assert.ok(got === undefined || got.id === 'gelu', JSON.stringify(got));
  });
});

describe('LibTorch: members default-constructed one after the other, and a module assigned in main', () => {
  const SRC = `// tagger_head.cpp: the tagger's output head and a quick shape check.
#include <torch/torch.h>

#include <iostream>

struct TaggerHeadImpl : torch::nn::Module {
  TaggerHeadImpl() { proj = register_module("proj", torch::nn::Linear(128, 128)); }

  torch::Tensor forward(torch::Tensor x) { return squash(act(proj(x))); }

  torch::nn::Linear proj{nullptr};
  torch::nn::GELU act;
  torch::nn::Tanh squash;
};
TORCH_MODULE(TaggerHead);

torch::nn::Sequential probe{nullptr};

int main() {
  probe = torch::nn::Sequential(torch::nn::Linear(128, 2), torch::nn::LogSoftmax(1));
  TaggerHead head;
  auto y = probe->forward(head->forward(torch::randn({4, 128})));
  std::cout << y.sizes() << std::endl;
}
`;

  it('reads each default-constructed member by its own type', () => {
    expectCall(CPP, SRC, 'act', {
      id: 'gelu',
      framework: 'libtorch',
      params: { approximate: 'none' },
    });
    expectCall(CPP, SRC, 'squash', { id: 'tanh', framework: 'libtorch' });
  });

  it('gives nothing on the file-level Sequential', () => {
    expectNothing(CPP, SRC, 'probe', 2);
  });
});

describe('TF.js: members set by a base class in another file', () => {
  const SRC = `/**
 * Output heads of the tagger (TF.js); the base layer lives in ./baseHead.js.
 */
import * as tf from '@tensorflow/tfjs';
import { BaseHead } from './baseHead.js';

/** The activation the functional heads share. */
export const act = tf.layers.reLU();

/** Options for the heads built below. */
export const headOptions = { units: 16, act: tf.layers.elu() };

/** A dense projection followed by the base head's activation (which BaseHead sets). */
export class ProjectedHead extends BaseHead {
  constructor(config) {
    super(config);
    this.proj = tf.layers.dense({ units: config.units });
  }

  call(inputs) {
    return this.act.apply(this.proj.apply(inputs));
  }
}

/** Squashes scores with a plain function rather than a layer. */
export class ScoreHead extends tf.layers.Layer {
  constructor(config) {
    super(config);
    this.squash = tf.sigmoid;
    this.scale = config.scale;
  }

  call(inputs) {
    return this.squash(tf.mul(inputs, this.scale));
  }
}

/** The pre-class helper some callers still construct with \`new LegacyNorm()\`. */
export function LegacyNorm(config) {
  this.norm = tf.layers.layerNormalization({ axis: config.axis });
}

export function buildHead() {
  const head = new ProjectedHead(headOptions);
  head.act = tf.layers.reLU(); // this instance only: others keep what BaseHead sets
  return head;
}
`;

  it('gives nothing on a member the base class sets, whatever else in the file is named alike', () => {
    // The constant \`act\`, the options' \`act\` and \`head.act\` are not the member BaseHead sets.
    expectNothing(JS, SRC, 'act', 2);
    expectNothing(JS, SRC, 'apply', 0);
  });

  it('reads a member that holds a function of tf', () => {
    expectCall(JS, SRC, 'squash', { id: 'sigmoid', framework: 'tfjs' }, 1);
  });
});

// Recognizer fixes found with these tests (CHANGELOG): each failed before its fix.

describe('burn: fields with a restricted visibility', () => {
  const SRC = `//! The projection block of the encoder; the crate's trainer reads its fields.
use burn::nn::{Gelu, Linear, Sigmoid};
use burn::prelude::*;

#[derive(Module, Debug)]
pub struct Projection<B: Backend> {
    pub(crate) fc: Linear<B>,
    pub(crate) act: Gelu,
    pub(in crate::encoder) gate: Sigmoid,
    pub(super) scale: f64,
}

impl<B: Backend> Projection<B> {
    pub fn forward(&self, x: Tensor<B, 2>) -> Tensor<B, 2> {
        let h = self.act.forward(self.fc.forward(x.clone()));
        h.mul(self.gate.forward(x)).mul_scalar(self.scale)
    }
}
`;

  it('reads a `pub(crate)` field and a `pub(in path)` field', () => {
    expectCall(
      RS,
      SRC,
      'act',
      { id: 'gelu', framework: 'burn', params: { approximate: 'none' } },
      1,
    );
    expectCall(RS, SRC, 'gate', { id: 'sigmoid', framework: 'burn' }, 1);
  });
});

describe('TF.js: members assigned in a one-line `if`', () => {
  const SRC = `import * as tf from '@tensorflow/tfjs';

/** A block whose activation is smooth when the config asks for it. */
export class SmoothableBlock extends tf.layers.Layer {
  constructor(config) {
    super(config);
    this.dense = tf.layers.dense({ units: config.units });
    this.act = tf.layers.reLU();
    if (config.smooth) this.act = tf.layers.elu();
    if (config.gated) this.gate = tf.layers.leakyReLU({ alpha: 0.1 });
  }

  call(inputs) {
    const h = this.act.apply(this.dense.apply(inputs));
    return this.gate ? this.gate.apply(h) : h;
  }
}
`;

  it('gives nothing on a member the one-line `if` may rebuild as another activation', () => {
    expectNothing(JS, SRC, 'act', 2);
  });

  it('reads a member only a one-line `if` builds', () => {
    const leaky = { id: 'leaky_relu', framework: 'tfjs', params: { negative_slope: 0.1 } };
    expectCall(JS, SRC, 'gate', leaky, 2);
  });
});

describe('LibTorch: modules registered under a computed name, or named without `torch::nn::`', () => {
  const SRC = `// critic.cpp: the discriminator's blocks; each registers its modules under the block's prefix.
#include <torch/torch.h>

#include <string>

class CriticBlockImpl : public torch::nn::Module {
 public:
  explicit CriticBlockImpl(const std::string& prefix) {
    fc = register_module(prefix + "_fc", torch::nn::Linear(256, 256));
    lrelu = register_module(prefix + "_lrelu",
                            torch::nn::LeakyReLU(torch::nn::LeakyReLUOptions().negative_slope(0.2)));
  }

  torch::Tensor forward(torch::Tensor x) { return lrelu(fc(x)); }

 private:
  torch::nn::Linear fc{nullptr};
  torch::nn::LeakyReLU lrelu{nullptr};
};
TORCH_MODULE(CriticBlock);

using namespace torch::nn;

struct CriticOutputImpl : Module {
  CriticOutputImpl() { act = register_module("act", LeakyReLU(LeakyReLUOptions().negative_slope(0.1))); }

  torch::Tensor forward(torch::Tensor x) { return act(x); }

  LeakyReLU act{nullptr};
};
TORCH_MODULE(CriticOutput);
`;

  it('reads the options a module registered under a computed name is built with', () => {
    const leaky = { id: 'leaky_relu', framework: 'libtorch', params: { negative_slope: 0.2 } };
    expectCall(CPP, SRC, 'lrelu', leaky, 1);
  });

  it('reads a module built by its unqualified name under `using namespace torch::nn`', () => {
    const leaky = { id: 'leaky_relu', framework: 'libtorch', params: { negative_slope: 0.1 } };
    expectCall(CPP, SRC, 'act', leaky, 2);
  });
});
