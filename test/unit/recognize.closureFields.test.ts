/**
 * A Rust closure's typed parameters (`|h: Tensor<B, 2>, act: Relu|`) are the closure's own bindings (Rust
 * reference, "Closure expressions"), not fields of the type whose `impl` holds the function: `self.act`
 * stays the field its struct declares. A `|` after a value is bitwise or, and the field after it in a
 * struct literal is still a field.
 *
 * A file holds at most eight members of one name that are told apart, so the bitwise-or literals have a file of
 * their own. Expected values come from burn's documentation: `burn::nn::Gelu` is the exact GELU, `Relu` the ReLU.
 */
import { expectCall } from './recognizeHelpers';

const BLOCK = `use burn::nn::{Gelu, Linear, LinearConfig, Relu};
use burn::prelude::*;

/// Feed-forward block with a smooth activation.
#[derive(Module, Debug)]
pub struct Block<B: Backend> {
    fc: Linear<B>,
    act: Gelu,
}

impl<B: Backend> Block<B> {
    pub fn forward(&self, x: Tensor<B, 2>) -> Tensor<B, 2> {
        // A ReLU baseline on the same input, for the calibration log.
        let baseline = |h: Tensor<B, 2>, act: Relu| act.forward(h);
        let _ = baseline(x.clone(), Relu::new());
        self.act.forward(self.fc.forward(x))
    }

}

/// The same block behind a hook the tracer installs; the hook's own ReLU is its parameter.
#[derive(Module, Debug)]
pub struct Traced {
    act: Gelu,
}

impl Traced {
    pub fn forward<B: Backend>(&self, x: Tensor<B, 2>) -> Tensor<B, 2> {
        let hook = move |scale: f32, act: Relu| scale;
        let _ = hook(1.0, Relu::new());
        // An or-pattern in parentheses (irrefutable: both arms bind an f32) holds a bar of its own.
        let pick = |(Ok(v) | Err(v)): Result<f32, f32>, act: Relu| act.forward(Tensor::<B, 1>::from_floats([v], &x.device()));
        let _ = pick(Ok(1.0), Relu::new());
        self.act.forward(x)
    }

    pub fn baseline<B: Backend>() -> impl Fn(Tensor<B, 2>, Relu) -> Tensor<B, 2> {
        return |h: Tensor<B, 2>, act: Relu| act.forward(h);
    }
}

`;

/**
 * A gate whose activation is a type parameter: its one struct literal says which (burn's ReLU), after a
 * field computed with a bitwise or.
 */
const gate = (literal: string): string => `use burn::nn::Relu;
use burn::prelude::*;

#[derive(Module, Debug)]
pub struct Gate<A> {
    mask: u32,
    act: A,
    bits: u32,
    on: fn() -> bool,
}

impl Gate<Relu> {
    pub fn parse(text: &str, flags: [u32; 2]) -> Result<Self, std::num::ParseIntError> {
        let base = 0b01;
        Ok(${literal})
    }

    pub fn apply<B: Backend>(&self, x: Tensor<B, 2>) -> Tensor<B, 2> {
        self.act.forward(x)
    }
}
`;

describe("a Rust closure's typed parameters are no fields", () => {
  it("keeps the struct's Gelu for self.act beside a closure's `act: Relu` parameter", () => {
    expectCall('rust', BLOCK, 'act', { id: 'gelu', framework: 'burn' }, 3);
  });

  it('keeps it beside a `move` closure, an or-pattern parameter and a returned closure', () => {
    expectCall('rust', BLOCK, 'act', { id: 'gelu', framework: 'burn' }, 8);
  });

  for (const [mask, before] of [
    ['mask: (base) | 0b100, act: Relu::new(), bits: base | 0b1000, on: || false', 'a `)`'],
    ['mask: flags[0] | 0b100, act: Relu::new(), bits: base | 0b1000, on: || false', 'a `]`'],
    ['mask: 0b01 | base, act: Relu::new(), bits: base | 0b1000, on: || false', 'a number'],
    ['mask: { base } | 0b100, act: Relu::new(), bits: base | 0b1000, on: || false', 'a block'],
    ['on: || true, act: Relu::new(), mask: base, bits: base | 0b1000', "a closure's `||`"],
    ['mask: base | 0b100, act: Relu::new(), bits: base | 0b1000, on: || false', 'a name'],
    [
      'mask: u32::from_str_radix(text, 2)? | 0b1, act: Relu::new(), bits: 0 | 0b1, on: || true',
      'a `?`',
    ],
  ] as const) {
    it(`reads a field after a bitwise or after ${before} in a struct literal`, () => {
      expectCall('rust', gate(`Gate { ${mask} }`), 'act', { id: 'relu', framework: 'burn' }, 2);
    });
  }
});
