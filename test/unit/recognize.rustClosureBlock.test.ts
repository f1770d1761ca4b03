/**
 * In Rust a `{` after `|` opens a block: a closure's body (`|v, zero: f64| { … }`, `|| { … }`) or a block
 * operand of `|`. A closure's own parameter then stands for the value its caller passes, not for the
 * function's `let` of the same name, while a name the closure captures is the function's.
 *
 * Expected values come from the Rust reference (closure expressions: the parameters are bound by the call;
 * other names are captured from the environment) and burn's documentation (`clamp_min(0.0)` is ReLU).
 */
import './freshModels';
import { expectFormula, expectNoFormula } from './formulaHelpers';

const RUST = `//! Floors for the activations of the probe heads.
use burn::tensor::{backend::Backend, Tensor};

/// Each head is floored at the value its config gives; the default head at zero.
pub fn floor_heads<B: Backend>(xs: Vec<Tensor<B, 2>>, floors: &[f64]) -> Vec<Tensor<B, 2>> {
    let zero = 0.0;
    let floor = |v: Tensor<B, 2>, zero: f64| { v.clamp_min(zero) };
    xs.into_iter().zip(floors).map(|(v, f)| floor(v, *f)).collect()
}

/// The default heads: a ReLU on each, through a closure that captures the floor.
pub fn relu_heads<B: Backend>(xs: Vec<Tensor<B, 2>>) -> Vec<Tensor<B, 2>> {
    let zero = 0.0;
    let floor = |v: Tensor<B, 2>| { v.clamp_min(zero) };
    xs.into_iter().map(floor).collect()
}
`;

describe('a Rust closure body after |…| {', () => {
  it("reads the closure's own parameter as the caller's value, not the function's let (no ReLU)", () => {
    expectNoFormula('rust', RUST, 'v.clamp_min(zero)');
  });

  it('reads a captured name as the function’s let (ReLU)', () => {
    expectFormula('rust', RUST, 'v.clamp_min(zero)', { id: 'relu', framework: 'other' }, 1);
  });
});
