/**
 * Issue #12, ninth session (s9-fin-m): how members.ts tells a struct literal's field from a `where` bound.
 *
 * Rust (the Rust reference, "Struct expressions", "Where clauses", "Closure expressions", "Array and slice
 * types", "Const generics"): a struct expression's field value may be another struct expression
 * (`head: Head { act: Gelu::new() }`), which builds its own type's fields, however many fields come before
 * it; a `where` clause's bounds are separated by commas and may name array types (`[f32; 4]`, whose `;` is
 * inside the brackets) and const arguments written as blocks (`Tensor<B, { D }>`); the function body after
 * the last bound builds nothing, so a closure parameter `act: Relu` there is no field of a type named like
 * the bound's trait. burn's `Gelu::new()` is GELU and `Relu::new()` ReLU (burn::nn documentation).
 */
import './freshModels';
import { expectCall } from './recognizeHelpers';

/**
 * The whole-word occurrence number of `word` that is the member in the `nth` use of `anchor`
 * (`self.act.forward`), for expectCall.
 */
function memberIn(src: string, word: string, anchor: string, nth = 0): number {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = src.indexOf(anchor, at + 1);
  }
  const before = src.slice(0, at + anchor.indexOf(word));
  return (before.match(new RegExp(`\\b${word}\\b`, 'g')) ?? []).length;
}

describe('s9finm: a where clause whose earlier bound holds brackets, an array type and a const block', () => {
  // The comma before `H: Head {` separates two bounds of the same where clause: the brackets of
  // `Fn([f32; 4], Tensor<NdArray, { D }>)` belong to the first bound, so `calibrate`'s body is a function
  // body, not a `Head { … }` literal, and the struct model::Head keeps the GELU it declares.
  const SRC = `use burn::backend::NdArray;
use burn::nn::{Gelu, Relu};
use burn::prelude::*;

pub mod model {
    use super::*;

    /// The classifier head: a smooth gate before the logits.
    #[derive(Module, Debug)]
    pub struct Head {
        gate: Gelu,
    }

    impl Head {
        pub fn forward<B: Backend>(&self, x: Tensor<B, 2>) -> Tensor<B, 2> {
            self.gate.forward(x)
        }
    }
}

/// Calibration of the ablation's heads against a rectifier baseline on four probe values.
pub mod calibration {
    use super::*;

    pub trait Head {}

    pub fn calibrate<F, H, const D: usize>(probes: [f32; 4], warp: F, head: &H) -> f32
    where
        F: Fn([f32; 4], Tensor<NdArray, { D }>) -> f32, H: Head {
        let baseline = |x: f32, gate: Relu| gate.forward(Tensor::<NdArray, 1>::from_floats([x], &Default::default()));
        let _ = (baseline(probes[0], Relu::new()), head);
        warp(probes, Tensor::zeros([4; D], &Default::default()))
    }
}
`;

  it('`self.gate` in Head’s forward is GELU', () => {
    const nth = memberIn(SRC, 'gate', 'self.gate.forward');
    expectCall('rust', SRC, 'gate', { id: 'gelu', framework: 'burn' }, nth);
  });
});

describe('s9finm: a where clause on the impl, the literal built by its first function', () => {
  // `Self { act: …, head: Head { … } }`: the comma before `head` separates the literal's fields; the
  // `where B: Backend` of the impl further back closes no bracket of the literal, so `head: Head {` is a
  // field given a struct literal (Head's GELU), and the model's own act is the ReLU.
  const SRC = `use burn::nn::{Gelu, Relu};
use burn::prelude::*;

/// Classifier head: a smooth activation before the logits.
#[derive(Module, Debug)]
pub struct Head {
    act: Gelu,
}

#[derive(Module, Debug)]
pub struct Model<B: Backend> {
    proj: Linear<B>,
    act: Relu,
    head: Head,
}

impl<B> Model<B>
where
    B: Backend,
{
    pub fn new(device: &B::Device) -> Self {
        Self {
            proj: LinearConfig::new(256, 128).init(device),
            act: Relu::new(),
            head: Head { act: Gelu::new() },
        }
    }

    pub fn forward(&self, x: Tensor<B, 2>) -> Tensor<B, 2> {
        self.head.act.forward(self.act.forward(self.proj.forward(x)))
    }
}
`;

  it('`self.act` is the model’s ReLU, `self.head.act` the head’s GELU', () => {
    expectCall(
      'rust',
      SRC,
      'act',
      { id: 'relu', framework: 'burn' },
      memberIn(SRC, 'act', 'self.act.forward'),
    );
    expectCall(
      'rust',
      SRC,
      'act',
      { id: 'gelu', framework: 'burn' },
      memberIn(SRC, 'act', 'self.head.act'),
    );
  });
});

describe('s9finm: a long struct literal, its last field given a struct literal', () => {
  // A ResNet-style stem with many layers: the field `head: Head { … }` comes long after the literal's
  // `{`, and is still a field (Rust reference, "Struct expressions": any number of fields, any order).
  const SRC = `use burn::nn::conv::{Conv2d, Conv2dConfig};
use burn::nn::{BatchNorm, BatchNormConfig, Gelu, PaddingConfig2d, Relu};
use burn::prelude::*;

/// Classifier head: a smooth activation before the logits.
#[derive(Module, Debug)]
pub struct Head {
    act: Gelu,
}

/// Stem of the image classifier: three convolutions, each followed by batch norm, then the head.
#[derive(Module, Debug)]
pub struct Stem<B: Backend> {
    conv1: Conv2d<B>,
    bn1: BatchNorm<B, 2>,
    conv2: Conv2d<B>,
    bn2: BatchNorm<B, 2>,
    conv3: Conv2d<B>,
    bn3: BatchNorm<B, 2>,
    act: Relu,
    head: Head,
}

impl<B: Backend> Stem<B> {
    pub fn new(device: &B::Device) -> Self {
        Self {
            conv1: Conv2dConfig::new([3, 32], [3, 3]).with_stride([2, 2]).with_padding(PaddingConfig2d::Same).init(device),
            bn1: BatchNormConfig::new(32).with_epsilon(1e-5).init(device),
            conv2: Conv2dConfig::new([32, 32], [3, 3]).with_padding(PaddingConfig2d::Same).init(device),
            bn2: BatchNormConfig::new(32).with_epsilon(1e-5).init(device),
            conv3: Conv2dConfig::new([32, 64], [3, 3]).with_padding(PaddingConfig2d::Same).init(device),
            bn3: BatchNormConfig::new(64).with_epsilon(1e-5).init(device),
            act: Relu::new(),
            head: Head { act: Gelu::new() },
        }
    }

    pub fn forward(&self, x: Tensor<B, 4>) -> Tensor<B, 4> {
        let x = self.act.forward(self.bn1.forward(self.conv1.forward(x)));
        let x = self.act.forward(self.bn2.forward(self.conv2.forward(x)));
        let x = self.act.forward(self.bn3.forward(self.conv3.forward(x)));
        self.head.act.forward(x)
    }
}
`;

  it('`self.act` is the stem’s ReLU, `self.head.act` the head’s GELU', () => {
    expectCall(
      'rust',
      SRC,
      'act',
      { id: 'relu', framework: 'burn' },
      memberIn(SRC, 'act', 'self.act.forward', 2),
    );
    expectCall(
      'rust',
      SRC,
      'act',
      { id: 'gelu', framework: 'burn' },
      memberIn(SRC, 'act', 'self.head.act'),
    );
  });
});

describe('s9finm: an associated const after a method whose nested helper has a where clause', () => {
  // The comma after `act: Relu {}` separates the fields of the const's `Self { … }` literal (Rust
  // reference, "Associated constants", "Struct expressions"; burn's Relu and Gelu are field-less structs, so
  // `Relu {}` builds one in a const); the nested helper's `where T: Into<f32>` in the method before belongs
  // to that helper, so `head: Head { act: Gelu {} }` still builds Head's act, and the model's act is ReLU.
  const SRC = `use burn::nn::{Gelu, Relu};
use burn::prelude::*;

/// Classifier head: a smooth activation before the logits.
#[derive(Module, Debug)]
pub struct Head {
    act: Gelu,
}

#[derive(Module, Debug)]
pub struct Model {
    act: Relu,
    head: Head,
}

impl Model {
    /// Scale of the calibration probe; accepts any value that converts to f32.
    pub fn probe_scale(x: f32) -> f32 {
        fn halve<T>(x: T) -> f32
        where
            T: Into<f32>,
        {
            x.into() * 0.5
        }
        halve(x)
    }

    /// The reference model of the ablation: both layers hold no parameters, so it is a constant.
    pub const BASELINE: Self = Self { act: Relu {}, head: Head { act: Gelu {} } };

    pub fn forward<B: Backend>(&self, x: Tensor<B, 2>) -> Tensor<B, 2> {
        self.head.act.forward(self.act.forward(x))
    }
}
`;

  it('`self.act` is the model’s ReLU, `self.head.act` the head’s GELU', () => {
    expectCall(
      'rust',
      SRC,
      'act',
      { id: 'relu', framework: 'burn' },
      memberIn(SRC, 'act', 'self.act.forward'),
    );
    expectCall(
      'rust',
      SRC,
      'act',
      { id: 'gelu', framework: 'burn' },
      memberIn(SRC, 'act', 'self.head.act'),
    );
  });
});

describe('s9finm: a long where clause, every stage closure with its full bound', () => {
  // All of \`run\`'s predicates form one where clause (Rust reference, "Where clauses": a comma-separated
  // list ending at the body's brace), however long its \`Fn(…) -> … + Send + Sync + 'static\` bounds; the
  // comma before \`H: Head\` separates two of them, so the body is a function body, not a \`Head { … }\`
  // literal, and the closure parameter \`gate: Relu\` is no field of model::Head (its gate is GELU).
  const SRC = `use burn::backend::NdArray;
use burn::nn::{Gelu, Relu};
use burn::prelude::*;

pub mod model {
    use super::*;

    /// The classifier head: a smooth gate before the logits.
    #[derive(Module, Debug)]
    pub struct Head {
        gate: Gelu,
    }

    impl Head {
        pub fn forward<B: Backend>(&self, x: Tensor<B, 2>) -> Tensor<B, 2> {
            self.gate.forward(x)
        }
    }
}

/// The ablation runner: every stage is a closure the sweep swaps out, so each carries its full bound.
pub mod ablation {
    use super::*;

    pub trait Head {}

    pub fn run<B, Pre, Mix, Post, Loss, H>(pre: Pre, mix: Mix, post: Post, loss: Loss, head: &H) -> f32
    where
        B: Backend,
        Pre: Fn(Tensor<B, 2>) -> Tensor<B, 2> + Clone + Send + Sync + 'static,
        Mix: Fn(Tensor<B, 2>, Tensor<B, 2>) -> Tensor<B, 2> + Clone + Send + Sync + 'static,
        Post: Fn(Tensor<B, 2>) -> Tensor<B, 2> + Clone + Send + Sync + 'static,
        Loss: Fn(Tensor<B, 2>, Tensor<B, 2>) -> Tensor<B, 1> + Clone + Send + Sync,
        H: Head {
        let baseline = |x: f32, gate: Relu| gate.forward(Tensor::<NdArray, 1>::from_floats([x], &Default::default()));
        let _ = (baseline(1.0, Relu::new()), pre, mix, post, loss, head);
        0.0
    }
}
`;

  it('`self.gate` in Head’s forward is GELU', () => {
    const nth = memberIn(SRC, 'gate', 'self.gate.forward');
    expectCall('rust', SRC, 'gate', { id: 'gelu', framework: 'burn' }, nth);
  });
});
