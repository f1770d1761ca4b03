/**
 * Members declared in a type and applied through the instance (members.ts), in the places where the
 * declaration and the use are told apart by the code around them: a burn struct built by a config's `init`
 * after a braced expression, structs whose `where` clause ends in `Backend {`, `pub` fields, a top-level
 * `const` struct literal, a local shadowing a field's name, a field reached through another field whose
 * type differs per struct or per cargo feature, a TF.js subclass reusing its parent's member, members a
 * constructor sets differently on two branches or in two constructors, another object's member of the
 * same name, and a file where one member name is declared in eight types. Hovering the method
 * (`forward`, `apply`) shows what the member computes, over the method's name.
 *
 * Expected values are the frameworks' documented defaults and the code's own arguments: burn's `Gelu` is
 * the exact GELU and `LeakyReluConfig`'s negative slope defaults to 0.01; tfjs-layers' `leakyReLU` alpha is
 * the negative slope (default 0.3), `elu` has alpha 1; LibTorch's `torch::nn::GELU()` is the exact GELU.
 * Where two branches or two constructors build different modules, which one runs is decided at run time:
 * no hover. A member of an object whose type the file does not show gives no hover either.
 */
import { expectCall, expectNothing } from './recognizeHelpers';

const RS = 'rust';
const JS = 'javascript';
const CPP = 'cpp';
const EXACT = { approximate: 'none' };

describe('burn: which struct a field belongs to, told by the braces around it', () => {
  const SRC = `//! Feed-forward blocks for a small burn transformer encoder.
use burn::nn;
use burn::nn::{Dropout, DropoutConfig, Gelu, LeakyRelu, LeakyReluConfig, Linear, LinearConfig, Relu, Sigmoid};
use burn::prelude::*;

/// The block every encoder layer starts from.
pub const DEFAULT_FFN: FeedForwardConfig = FeedForwardConfig { d_model: 256, expansion: 4, dropout: 0.1 };

#[derive(Module, Debug)]
pub struct FeedForward<B>
where
    B: Backend {
    fc: Linear<B>,
    dropout: Option<Dropout>,
    act: LeakyRelu,
}

#[derive(Module, Debug)]
pub struct Gate<B>
where
    B: Backend {
    proj: Linear<B>,
    act: Gelu,
}

#[derive(Module, Debug)]
pub struct Attention<B: Backend> {
    pub query: Linear<B>,
    pub act: LeakyRelu,
}

#[derive(Module, Debug)]
pub struct Pooler<B: Backend> {
    pub dense: Linear<B>,
    pub squash: Relu,
}

#[derive(Config, Debug)]
pub struct FeedForwardConfig {
    d_model: usize,
    expansion: usize,
    dropout: f64,
}

impl FeedForwardConfig {
    pub fn init<B: Backend>(&self, device: &B::Device) -> FeedForward<B> {
        let hidden = self.d_model * self.expansion;
        FeedForward {
            fc: LinearConfig::new(self.d_model, hidden).init(device),
            dropout: if self.dropout > 0.0 { Some(DropoutConfig::new(self.dropout).init()) } else { None },
            act: LeakyReluConfig::new().with_negative_slope(0.2).init(),
        }
    }

    pub fn attention<B: Backend>(&self, device: &B::Device) -> Attention<B> {
        Attention {
            query: LinearConfig::new(self.d_model, self.d_model).init(device),
            act: nn::LeakyReluConfig::new().with_negative_slope(0.3).init(),
        }
    }
}

impl<B: Backend> FeedForward<B> {
    pub fn forward(&self, x: Tensor<B, 3>) -> Tensor<B, 3> {
        let x = self.act.forward(self.fc.forward(x));
        match &self.dropout {
            Some(dropout) => dropout.forward(x),
            None => x,
        }
    }
}

impl<B: Backend> Gate<B> {
    pub fn forward(&self, x: Tensor<B, 3>) -> Tensor<B, 3> {
        // The gate squashes its own projection; this sigmoid is a local, not the field.
        let act: Sigmoid = Sigmoid::new();
        let weights = act.forward(self.proj.forward(x.clone()));
        self.act.forward(x) * weights
    }
}

impl<B: Backend> Attention<B> {
    pub fn scores(&self, x: Tensor<B, 3>) -> Tensor<B, 3> {
        self.act.forward(self.query.forward(x))
    }
}

impl<B: Backend> Pooler<B> {
    pub fn forward(&self, x: Tensor<B, 2>) -> Tensor<B, 2> {
        self.squash.forward(self.dense.forward(x))
    }
}

/// A residual connection around any feed-forward block.
pub fn residual<B: Backend>(x: Tensor<B, 3>, block: &FeedForward<B>) -> Tensor<B, 3> {
    x.clone() + block.forward(x)
}
`;
  const leaky = (slope: number) => ({
    id: 'leaky_relu',
    framework: 'burn',
    params: { negative_slope: slope },
  });

  it('reads a field the config builds after a braced `if … { } else { }` value in the same literal', () => {
    expectCall(RS, SRC, 'act', leaky(0.2), 5);
  });

  it('keeps the fields of two structs whose `where` clauses both end in `Backend {` apart', () => {
    expectCall(RS, SRC, 'act', { id: 'gelu', framework: 'burn', params: EXACT }, 8);
  });

  it('reads a literal of a type whose name starts with A, built through the `nn::` module path', () => {
    expectCall(RS, SRC, 'act', leaky(0.3), 9);
  });

  it('reads a `pub` field by its declared type', () => {
    expectCall(RS, SRC, 'squash', { id: 'relu', framework: 'burn' }, 1);
  });

  it('shows the local sigmoid on the local, and the field on `self.act`', () => {
    expectCall(RS, SRC, 'act', { id: 'sigmoid', framework: 'burn' }, 7);
    expectNothing(RS, SRC, 'act', 6); // the local's declaration `let act: Sigmoid`
  });

  it('shows what the member computes when the hovered word is `forward`', () => {
    expectCall(RS, SRC, 'forward', leaky(0.2), 2);
    expectCall(RS, SRC, 'forward', { id: 'gelu', framework: 'burn', params: EXACT }, 8);
    expectNothing(RS, SRC, 'forward', 1); // the method's own definition
    expectNothing(RS, SRC, 'forward', 3); // `self.fc.forward`: a Linear
    expectCall(RS, SRC, 'forward', { id: 'relu', framework: 'burn' }, 12); // `self.squash.forward`
    expectNothing(RS, SRC, 'forward', 15); // `block.forward(x)`: a whole block, not an activation
  });

  it('gives nothing on field declarations, the config constant and the literal fields', () => {
    for (const nth of [0, 1, 2, 3, 4]) {
      expectNothing(RS, SRC, 'act', nth);
    }
    expectNothing(RS, SRC, 'DEFAULT_FFN');
    expectNothing(RS, SRC, 'fc', 2);
  });
});

describe('burn: a field reached through another field', () => {
  const SRC = `//! Task heads over a shared backbone (burn).
use burn::nn::{Linear, LinearConfig, Sigmoid, Tanh};
use burn::prelude::*;

#[derive(Module, Debug)]
pub struct ClassHead<B: Backend> {
    linear: Linear<B>,
    act: Tanh,
}

#[derive(Module, Debug)]
pub struct ScoreHead<B: Backend> {
    linear: Linear<B>,
    act: Sigmoid,
}

#[derive(Module, Debug)]
pub struct Classifier<B: Backend> {
    backbone: Linear<B>,
    head: ClassHead<B>,
}

#[derive(Module, Debug)]
pub struct Scorer<B: Backend> {
    backbone: Linear<B>,
    head: ScoreHead<B>,
}

// The ranker calibrates its scores only when the feature is on.
#[cfg(feature = "calibrated")]
#[derive(Module, Debug)]
pub struct Ranker<B: Backend> {
    head: ScoreHead<B>,
}

#[cfg(not(feature = "calibrated"))]
#[derive(Module, Debug)]
pub struct Ranker<B: Backend> {
    head: ClassHead<B>,
}

impl<B: Backend> Classifier<B> {
    pub fn new(device: &B::Device) -> Self {
        Self {
            backbone: LinearConfig::new(64, 64).init(device),
            head: ClassHead { linear: LinearConfig::new(64, 10).init(device), act: Tanh::new() },
        }
    }

    pub fn forward(&self, x: Tensor<B, 2>) -> Tensor<B, 2> {
        let x = self.head.linear.forward(self.backbone.forward(x));
        self.head.act.forward(x.clone())
    }
}

impl<B: Backend> Scorer<B> {
    pub fn forward(&self, x: Tensor<B, 2>) -> Tensor<B, 2> {
        let x = self.head.linear.forward(self.backbone.forward(x));
        self.head.act.forward(x)
    }
}

impl<B: Backend> Ranker<B> {
    pub fn forward(&self, x: Tensor<B, 2>) -> Tensor<B, 2> {
        self.head.act.forward(self.head.linear.forward(x))
    }
}

// \`Ensemble\` is declared in ensemble.rs; the type of its \`stage\` field is not visible here.
impl<B: Backend> Ensemble<B> {
    pub fn forward(&self, x: Tensor<B, 2>) -> Tensor<B, 2> {
        self.stage.act.forward(x)
    }
}
`;

  it('reads the inner field in the type the outer field is declared with, also when it is built too', () => {
    // Classifier's `head` is declared `ClassHead<B>` and built as a `ClassHead { … }` literal.
    expectCall(RS, SRC, 'act', { id: 'tanh', framework: 'burn' }, 3);
    expectCall(RS, SRC, 'act', { id: 'sigmoid', framework: 'burn' }, 4);
  });

  it('gives nothing when the outer field has a different type per cargo feature', () => {
    expectNothing(RS, SRC, 'act', 5);
  });

  it('gives nothing when the outer type is declared in another file', () => {
    expectNothing(RS, SRC, 'act', 6);
  });
});

describe('burn: one member name declared in eight blocks', () => {
  const SRC = `//! The stages of a small vision backbone; every stage names its activation \`act\`.
use burn::nn::conv::{Conv2d, Conv2dConfig};
use burn::nn::{Gelu, Linear, Relu, Sigmoid, Tanh};
use burn::prelude::*;

#[derive(Module, Debug)]
pub struct Stem<B: Backend> {
    conv: Conv2d<B>,
    act: Relu,
}

#[derive(Module, Debug)]
pub struct Expand<B: Backend> {
    conv: Conv2d<B>,
    act: Gelu,
}

#[derive(Module, Debug)]
pub struct Squeeze<B: Backend> {
    fc: Linear<B>,
    act: Sigmoid,
}

#[derive(Module, Debug)]
pub struct Project<B: Backend> {
    conv: Conv2d<B>,
    act: Tanh,
}

#[derive(Module, Debug)]
pub struct Mixer<B: Backend> {
    conv: Conv2d<B>,
    act: Gelu,
}

#[derive(Module, Debug)]
pub struct Router<B: Backend> {
    fc: Linear<B>,
    act: Sigmoid,
}

#[derive(Module, Debug)]
pub struct Pool<B: Backend> {
    fc: Linear<B>,
    act: Tanh,
}

#[derive(Module, Debug)]
pub struct Head<B: Backend> {
    fc: Linear<B>,
    act: Relu,
}

impl<B: Backend> Stem<B> {
    pub fn forward(&self, x: Tensor<B, 4>) -> Tensor<B, 4> {
        self.act.forward(self.conv.forward(x))
    }
}

impl<B: Backend> Squeeze<B> {
    pub fn forward(&self, x: Tensor<B, 2>) -> Tensor<B, 2> {
        self.act.forward(self.fc.forward(x))
    }
}

impl<B: Backend> Head<B> {
    pub fn forward(&self, x: Tensor<B, 2>) -> Tensor<B, 2> {
        self.act.forward(self.fc.forward(x))
    }
}
`;

  it("reads each block's own field", () => {
    // (`act` #0 is in the file's doc comment.)
    expectCall(RS, SRC, 'act', { id: 'relu', framework: 'burn' }, 9);
    expectCall(RS, SRC, 'act', { id: 'sigmoid', framework: 'burn' }, 10);
    expectCall(RS, SRC, 'act', { id: 'relu', framework: 'burn' }, 11);
  });
});

describe('TF.js: a member used through `this`, in the class and in a subclass', () => {
  const SRC = `/**
 * Custom TF.js layers for the sequence tagger: a residual block, a configurable one, a halved variant.
 */
import * as tf from '@tensorflow/tfjs';

/** Dense projection followed by a leaky ReLU, added back to the input. */
class ResidualBlock extends tf.layers.Layer {
  constructor(config) {
    super(config);
    this.dense = tf.layers.dense({ units: config.units });
    this.act = tf.layers.leakyReLU({ alpha: 0.2 });
  }

  call(inputs) {
    const x = Array.isArray(inputs) ? inputs[0] : inputs;
    return tf.add(x, this.act.apply(this.dense.apply(x)));
  }

  static get className() {
    return 'ResidualBlock';
  }
}

/** Whatever activation layer the caller configured. */
class ConfiguredBlock extends tf.layers.Layer {
  constructor(config) {
    super(config);
    this.act = config.activationLayer;
  }

  call(inputs) {
    return this.act.apply(inputs);
  }
}

/** The residual block with its output halved; it reuses the parent's activation. */
class HalfResidualBlock extends ResidualBlock {
  call(inputs) {
    return this.act.apply(super.call(inputs)).mul(0.5);
  }
}

/** Applies the activation of any layer handed in; which one is not known here. */
export function activateWith(layer, x) {
  return layer.act.apply(x);
}
`;
  const leaky = { id: 'leaky_relu', framework: 'tfjs', params: { negative_slope: 0.2 } };

  it('reads this.act in the class that builds it, on the member and on `apply`', () => {
    expectCall(JS, SRC, 'act', leaky, 1);
    expectCall(JS, SRC, 'apply', leaky, 0);
    expectNothing(JS, SRC, 'apply', 1); // the dense layer
  });

  it("reads the parent's member in a subclass that declares none of its own", () => {
    expectCall(JS, SRC, 'act', leaky, 4);
    expectCall(JS, SRC, 'apply', leaky, 3);
  });

  it('gives nothing for a member the caller configures, or for another object’s member', () => {
    expectNothing(JS, SRC, 'act', 2);
    expectNothing(JS, SRC, 'act', 3);
    expectNothing(JS, SRC, 'act', 5);
    expectNothing(JS, SRC, 'apply', 4);
  });
});

describe('TF.js: a member the constructor sets on two branches', () => {
  const SRC = `import * as tf from '@tensorflow/tfjs';

/** Smooth or sharp depending on the config: which one runs is decided at construction. */
export class SwitchableBlock extends tf.layers.Layer {
  constructor(config) {
    super(config);
    if (config.smooth) {
      this.act = tf.layers.elu();
    } else {
      this.act = tf.layers.reLU();
    }
    if (config.steep) {
      this.gate = tf.layers.leakyReLU({ alpha: 0.3 });
    } else {
      this.gate = tf.layers.leakyReLU({ alpha: 0.1 });
    }
    this.out = tf.layers.elu();
    if (config.rebuild) {
      // Rebuilt with the same settings so that its weights are fresh.
      this.out = tf.layers.elu();
    }
  }

  call(inputs) {
    return this.out.apply(this.gate.apply(this.act.apply(inputs)));
  }
}
`;

  it('gives nothing when the branches build different activations, or one with different settings', () => {
    expectNothing(JS, SRC, 'act', 2);
    expectNothing(JS, SRC, 'gate', 2);
    expectNothing(JS, SRC, 'apply', 1);
    expectNothing(JS, SRC, 'apply', 2);
  });

  it('reads a member both assignments build alike', () => {
    expectCall(JS, SRC, 'out', { id: 'elu', framework: 'tfjs', params: { alpha: 1 } }, 2);
    expectCall(JS, SRC, 'apply', { id: 'elu', framework: 'tfjs', params: { alpha: 1 } }, 0);
  });
});

describe('LibTorch: members registered by several constructors or branches', () => {
  const SRC = `// Encoder, decoder and critic of the LibTorch port of the tagger.
#include <torch/torch.h>

#include <functional>

/// Hooks a caller may install around the heads: plain functions, not modules.
struct Hooks {
  std::function<torch::Tensor(torch::Tensor)> act;
};

class EncoderImpl : public torch::nn::Module {
 public:
  EncoderImpl() { act = register_module("act", torch::nn::GELU()); }

  explicit EncoderImpl(int64_t width) : fc(register_module("fc", torch::nn::Linear(width, width))) {
    act = register_module("act", torch::nn::GELU());
  }

  torch::Tensor forward(torch::Tensor x, const Hooks& hooks) {
    x = act(fc(x));
    return hooks.act ? hooks.act(x) : x;
  }

 private:
  torch::nn::Linear fc{nullptr};
  torch::nn::GELU act{nullptr};
};
TORCH_MODULE(Encoder);

class DecoderImpl : public torch::nn::Module {
 public:
  explicit DecoderImpl(bool smooth) {
    if (smooth) {
      act = register_module("act", torch::nn::Tanh());
    } else {
      act = register_module("act", torch::nn::ReLU());
    }
  }

  torch::Tensor forward(torch::Tensor x) { return act->forward(x); }

 private:
  torch::nn::AnyModule act;
};
TORCH_MODULE(Decoder);

class CriticImpl : public torch::nn::Module {
 public:
  CriticImpl() {
    lrelu = register_module("lrelu", torch::nn::LeakyReLU(torch::nn::LeakyReLUOptions().negative_slope(0.2)));
  }
  explicit CriticImpl(bool gentle) {
    lrelu = register_module("lrelu", torch::nn::LeakyReLU(torch::nn::LeakyReLUOptions().negative_slope(0.1)));
  }

  torch::Tensor forward(torch::Tensor x) { return lrelu(x); }

 private:
  torch::nn::LeakyReLU lrelu{nullptr};
};
TORCH_MODULE(Critic);
`;

  it('reads a member two constructors register alike', () => {
    expectCall(CPP, SRC, 'act', { id: 'gelu', framework: 'libtorch', params: EXACT }, 5);
  });

  it("gives nothing on a hook's member of the same name", () => {
    expectNothing(CPP, SRC, 'act', 6);
    expectNothing(CPP, SRC, 'act', 7);
  });

  it('gives nothing when branches or constructors register different modules or settings', () => {
    expectNothing(CPP, SRC, 'act', 13);
    expectNothing(CPP, SRC, 'lrelu', 4);
  });
});

describe('LibTorch: members declared in a header, under an access label, with `=` initializers', () => {
  const SRC = `// gated_head.h: the module's declaration; gated_head.cpp registers the projection.
#pragma once
#include <torch/torch.h>

/// Scores a hidden state: a gated projection smoothed by a softplus.
class GatedHeadImpl : public torch::nn::Module {
 public:
  explicit GatedHeadImpl(int64_t width);

  torch::Tensor forward(torch::Tensor x) {
    auto h = act(proj(x));
    return smooth(h) * gate(h);
  }

 private:
  torch::nn::ReLU act{nullptr};
  torch::nn::Linear proj{nullptr};
  torch::nn::Sigmoid gate = nullptr;
  torch::nn::Softplus smooth = torch::nn::Softplus(torch::nn::SoftplusOptions().beta(2.0));
};
TORCH_MODULE(GatedHead);

/// The same head with its leaky activation configured where it is declared.
struct LeakyHeadImpl : torch::nn::Module {
  torch::Tensor forward(torch::Tensor x) { return lrelu(x); }

 protected:
  torch::nn::LeakyReLU lrelu = torch::nn::LeakyReLU(torch::nn::LeakyReLUOptions().negative_slope(0.2));
};
TORCH_MODULE(LeakyHead);

/// Builds the GELU the config asks for; defined in activations.cpp.
torch::nn::GELU make_gelu(const HeadOptions& options);

struct GeluHeadImpl : torch::nn::Module {
  torch::Tensor forward(torch::Tensor x) { return head_act(proj(x)); }

 private:
  torch::nn::Linear proj{nullptr};
  torch::nn::GELU head_act = make_gelu(HeadOptions{});
};
`;

  it('reads the first member declared after `private:` by its type', () => {
    expectCall(CPP, SRC, 'act', { id: 'relu', framework: 'libtorch' }, 0);
    expectNothing(CPP, SRC, 'proj', 0);
  });

  it('reads a member declared `= nullptr` by its type', () => {
    expectCall(CPP, SRC, 'gate', { id: 'sigmoid', framework: 'libtorch' }, 0);
  });

  it('reads the options of the module a member is initialized with after `=`', () => {
    const softplus = { id: 'softplus', framework: 'libtorch', params: { beta: 2, threshold: 20 } };
    expectCall(CPP, SRC, 'smooth', softplus, 0);
    const leaky = { id: 'leaky_relu', framework: 'libtorch', params: { negative_slope: 0.2 } };
    expectCall(CPP, SRC, 'lrelu', leaky, 0);
  });

  it('reads a member initialized by a factory by its declared type', () => {
    expectCall(CPP, SRC, 'head_act', { id: 'gelu', framework: 'libtorch' }, 0);
  });

  it('gives nothing on the declarations themselves', () => {
    expectNothing(CPP, SRC, 'act', 1);
    expectNothing(CPP, SRC, 'gate', 1);
    expectNothing(CPP, SRC, 'smooth', 1);
    expectNothing(CPP, SRC, 'lrelu', 1);
    expectNothing(CPP, SRC, 'head_act', 1);
  });
});
