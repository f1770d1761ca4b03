/**
 * The formula parser's newer readings (`formulas/expr.ts`): JavaScript's `||` and a `|` written against its
 * operand, a line still being typed that ends with `|`, TypeScript casts to tuple types inside a call's
 * arguments, and Julia's numeric literal coefficients written against a `(` or in compact code without
 * spaces.
 *
 * Expected values come from the languages and from mathematics. In JavaScript `a || b` and `a | 0` are
 * values (ECMAScript, "Binary Logical Operators", "Binary Bitwise Operators"), so `(h || h0) / (1 +
 * Math.exp(-(h || h0)))` is SiLU, x / (1 + e⁻ˣ) (Elfwing et al., 2018), of the value `h || h0`. A
 * TypeScript `x as T` assertion has no effect at run time whatever the type, a tuple type `[A, B]` too
 * (TypeScript Handbook, "Type Assertions", "Tuple Types"), and `tf.mul`/`tf.sigmoid` take a `TensorLike`
 * (TF.js API), so `tf.mul(v as [number, number], tf.sigmoid(v as [number, number]))` is SiLU of v. In
 * Julia a numeric literal written against a `(` or a name multiplies it (Julia manual, "Numeric Literal
 * Coefficients"): `0.7978845608(x + 0.044715x^3)` is √(2/π)·(x + 0.044715x³), and
 * 0.5x(1 + tanh(√(2/π)(x + 0.044715x³))) is GELU's tanh approximation (Hendrycks and Gimpel, 2016).
 */
import './freshModels';
import { expectFormula, expectNoFormula } from './formulaHelpers';

const TS = 'typescript';
const SILU_PLAIN = { id: 'silu', framework: 'other', params: { beta: 1 } };
const SILU_TFJS = { id: 'silu', framework: 'tfjs', params: { beta: 1 } };
const GELU_TANH = { id: 'gelu', framework: 'other', params: { approximate: 'tanh' } };

describe('JavaScript: `||` and a `|` written against its operand are values in a formula', () => {
  const SRC = `/**
 * Scalar gates of the fixed-point recurrent cell, mirrored from the WASM kernel for the tests.
 * The accumulator is truncated to int32 with \`|0\`, as the kernel does; a missing hidden state falls
 * back to the initial one.
 */
export interface CellState {
  h?: number;
  acc: number;
}

/** SiLU of the hidden state, or of the initial state when the cell has none yet. */
export function gatedHidden(state: CellState, h0: number): number {
  const h = state.h;
  return (h || h0) / (1 + Math.exp(-(h || h0)));
}

/** SiLU of the accumulator truncated to int32. */
export function gatedAccumulator(state: CellState): number {
  const acc = state.acc * 256;
  return (acc|0) / (1 + Math.exp(-(acc|0)));
}

/** The flags word for the logs: no activation. */
export function flags(a: number, b: number): number {
  return (a|b) || 0;
}
`;

  it('reads SiLU of `h || h0`', () => {
    expectFormula(TS, SRC, '(h || h0) / (1 + Math.exp(-(h || h0)))', SILU_PLAIN);
  });

  it('reads SiLU of `acc|0` (a `|` against both operands is no logical or)', () => {
    expectFormula(TS, SRC, '(acc|0) / (1 + Math.exp(-(acc|0)))', SILU_PLAIN);
  });
});

describe('JavaScript: a last line still being typed that ends with `|`', () => {
  // The last line is being typed: its author is about to truncate the value with `|0`.
  const SRC = `/** Quantized SiLU for the int8 demo. */
export function siluQ(x) {
  const y = x / (1 + Math.exp(-x)) |`;

  it('reads SiLU over the formula before the `|`', () => {
    expectFormula('javascript', SRC, 'x / (1 + Math.exp(-x))', SILU_PLAIN);
  });
});

describe('TypeScript: a cast to a tuple type inside a call is its value', () => {
  const SRC = `/**
 * The critic's two-unit head, gated with SiLU. The head comes back from the worker as plain JSON, so
 * it is cast to the pair it holds; TF.js takes the array as a TensorLike.
 */
import * as tf from '@tensorflow/tfjs';

export function gatedHead(v: unknown): tf.Tensor {
  return tf.mul(v as [number, number], tf.sigmoid(v as [number, number]));
}

/** The head's summary and its size, gated alike; the worker sends either shape. */
export function gatedSummary(v: unknown): tf.Tensor {
  return tf.mul(v as [{ mean: number }, number], tf.sigmoid(v as [{ mean: number }, number]));
}

export function gatedEither(v: unknown): tf.Tensor {
  return tf.mul(v as ({ mean: number } | number[]), tf.sigmoid(v as ({ mean: number } | number[])));
}

/** The head with its kind, for the inspector panel. */
export function tagged(x: tf.Tensor) {
  return { y: tf.mul(x, tf.sigmoid(x)), kind: 'silu' as 'silu' | 'gelu' };
}

/** The head with the layer's config, for the inspector panel; the config's type is written inline. */
export function inspected(x: tf.Tensor, raw: unknown) {
  return {
    config: raw as { units: number; activation: 'silu' | 'gelu' },
    y: tf.mul(x, tf.sigmoid(x)),
  };
}

export function pair(v: unknown): [number, number] {
  return v as [number, number];
}
`;

  it('reads SiLU of v over `tf.mul(v as [number, number], tf.sigmoid(…))`', () => {
    expectFormula(
      TS,
      SRC,
      'tf.mul(v as [number, number], tf.sigmoid(v as [number, number]))',
      SILU_TFJS,
    );
  });

  it('reads SiLU over casts to types holding an object type (`[{ mean: number }, number]`, `({…} | number[])`)', () => {
    expectFormula(
      TS,
      SRC,
      'tf.mul(v as [{ mean: number }, number], tf.sigmoid(v as [{ mean: number }, number]))',
      SILU_TFJS,
    );
    expectFormula(
      TS,
      SRC,
      'tf.mul(v as ({ mean: number } | number[]), tf.sigmoid(v as ({ mean: number } | number[])))',
      SILU_TFJS,
    );
  });

  it('reads SiLU in an object literal whose other value is cast to a literal type', () => {
    expectFormula(TS, SRC, 'tf.mul(x, tf.sigmoid(x))', SILU_TFJS);
  });

  it('reads SiLU after a value cast to an inline object type, in the same object literal', () => {
    expectFormula(TS, SRC, 'tf.mul(x, tf.sigmoid(x))', SILU_TFJS, 1);
  });
});

describe('Julia: numeric literal coefficients against `(` and in compact code', () => {
  const SRC = `module FastGelu

export gelu_poly, gelu_compact

# √(2/π) written out, as the CUDA kernel this mirrors does.
"""
    gelu_poly(x)

GELU, tanh approximation, with the constant √(2/π) ≈ 0.7978845608 inlined.
"""
gelu_poly(x) = 0.5x * (1 + tanh(0.7978845608(x + 0.044715x^3)))

# The same in the compact style of the reference notebook.
gelu_compact(x) = 0.5x*(1+tanh(sqrt(2/π)*(x+0.044715x^3)))

# Not an activation: the cubic alone.
cubic(x) = x + 0.044715x^3

end
`;

  it('reads 0.5x * (1 + tanh(0.7978845608(x + 0.044715x^3))) as GELU (a coefficient against `(`)', () => {
    expectFormula('julia', SRC, '0.5x * (1 + tanh(0.7978845608(x + 0.044715x^3)))', GELU_TANH);
  });

  it('reads 0.5x*(1+tanh(sqrt(2/π)*(x+0.044715x^3))) as GELU (no spaces: `1+tanh` is a sum)', () => {
    expectFormula('julia', SRC, '0.5x*(1+tanh(sqrt(2/π)*(x+0.044715x^3)))', GELU_TANH);
  });
});

describe('Rust: `a & &b` is a bitwise and with a borrowed operand, tighter than a comparison', () => {
  const SRC = `//! Integer kernels of the quantized MLP, checked against the float reference.

/// ReLU of the accumulator with its sign-extension bits masked off; mask comes from the layer's
/// quantization table, which hands out references.
pub fn relu_masked(q: i32, mask: &i32) -> i32 {
    (q & mask) * ((q & mask > 0) as i32)
}

/// The same with the mask owned: the operator takes a borrow of it.
pub fn relu_masked_owned(q: i32, mask: i32) -> i32 {
    (q & &mask) * ((q & &mask > 0) as i32)
}

/// Bits that are set in both, for the debug dump: no activation.
pub fn common(q: i32, mask: i32) -> bool {
    q & &mask != 0 && q > 0
}
`;

  it('reads (q & &mask) * ((q & &mask > 0) as i32) as ReLU of q & mask', () => {
    expectFormula('rust', SRC, '(q & &mask) * ((q & &mask > 0) as i32)', {
      id: 'relu',
      framework: 'other',
    });
  });
});

describe('TypeScript: a call argument cast to a literal type is its value', () => {
  const SRC = `/**
 * Telemetry of the gate values, sent with the activation's kind; the kind comes from the config as a
 * plain string and is narrowed to the names the dashboard knows.
 */
import { record } from './telemetry';

export function gateTelemetry(h: number, kind: string): void {
  record(kind as 'silu', h * (1 / (1 + Math.exp(-h))));
}

export function kindTelemetry(kind: string): void {
  record(kind as 'silu' | 'gelu', 0);
}
`;

  it("reads SiLU in the argument after `kind as 'silu'`", () => {
    expectFormula(TS, SRC, 'h * (1 / (1 + Math.exp(-h)))', SILU_PLAIN);
  });
});

// A reading fixed on this branch (red on f5bad68: a parenthesized coefficient showed nothing).
describe('Julia: a parenthesized expression written against a name multiplies it', () => {
  const SRC = `module GeluForms

export gelu_factored

"""
    gelu_factored(x)

GELU, tanh approximation, with the factor (1 + tanh(…)) written first, as in the paper's equation 3.
"""
gelu_factored(x) = 0.5(1 + tanh(sqrt(2 / π) * (x + 0.044715x^3)))x

# Not an activation: the factor times another array.
mixed(x, y) = 0.5(1 + tanh(sqrt(2 / π) * (x + 0.044715x^3)))y

end
`;

  it('reads 0.5(1 + tanh(sqrt(2 / π) * (x + 0.044715x^3)))x as GELU', () => {
    expectFormula('julia', SRC, '0.5(1 + tanh(sqrt(2 / π) * (x + 0.044715x^3)))x', GELU_TANH);
  });

  it('reads no GELU when the factor multiplies another array', () => {
    expectNoFormula('julia', SRC, '0.5(1 + tanh(sqrt(2 / π) * (x + 0.044715x^3)))y');
  });
});
