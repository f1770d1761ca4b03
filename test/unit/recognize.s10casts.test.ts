/**
 * What the formula parser reads between a call's parentheses and after a value (formulas/expr.ts): casts
 * and borrows that are their operand, comparisons spelled as words, string literals written side by side,
 * C++'s explicit operator calls and subscripted numbers, and macro invocations whose input is no argument
 * list.
 *
 * Expected values come from the languages' rules and the frameworks' documentation, not from our code:
 * - TypeScript 4.9's `x satisfies T` checks x against T and evaluates to x (TypeScript handbook, release
 *   notes 4.9), so `tf.mul(x satisfies tf.Tensor, tf.sigmoid(x))` is x·σ(x), SiLU (tf.mul multiplies
 *   element-wise, tf.sigmoid is 1/(1 + e⁻ˣ), TF.js API docs). `as` and `satisfies` after a line break are
 *   no operators: the statement ends before them (TypeScript's parser breaks on a preceding line break,
 *   JavaScript's automatic semicolon insertion ends the line), so a variable named `as` on the next line is
 *   a statement of its own. `x instanceof C` is a boolean, and TF.js converts a boolean to 0 or 1, so
 *   x·σ(x instanceof C) is x times a constant, no activation.
 * - Rust's `&mut x` borrows x (The Rust Book, 4.2), and a `&mut Tensor` coerces to the `&Tensor` candle's
 *   `Tensor::mul` takes: x·tanh(ln(1 + eˣ)) is Mish (Misra, 2019). `name!(…)` is a macro invocation whose
 *   input is tokens (The Rust Reference, "Macros By Example"): the same invocation twice is one value.
 * - Python's `is`, `is not`, `in`, `not in` are comparisons (Python reference, 6.10): `None if out is None
 *   else out` is one expression, and NumPy's `maximum(x, 0, out=…)` is max(x, 0), ReLU, wherever it is
 *   stored. String literals written side by side are one literal (Python reference 2.4.2; C++ [lex.string]
 *   concatenation, translation phase 6), so a TensorFlow op's `name="a" "b"` is one name and changes no
 *   value (`tf.math.sigmoid(x, name=None)`).
 * - C++: a C-style cast `(double)n` is the operand converted ([expr.cast]), so (double)n/(1 + e^(−(double)n))
 *   is SiLU of n; `b.operator!()` and `operator!(b)` call the operator function by name ([over.oper]), one
 *   value each time for the same b; `0[p]` is `*(0 + p)`, the same element as `p[0]` ([expr.sub]). A
 *   function-like macro's arguments are token sequences split at top-level commas only ([cpp.replace]), so
 *   `LET(auto t = …; t)` is one macro invocation, here GNU's statement expression whose value is `t`.
 */
import assert from 'node:assert/strict';
import './freshModels';
import { recognizeAt } from '../../src/core';
import {
  expectFormula,
  expectFormulaOutsideStrings,
  expectNoFormula,
  expectNotWhole,
} from './formulaHelpers';
import { nthOffset } from './recognizeHelpers';

const TS = 'typescript';
const PY = 'python';
const CPP = 'cpp';
const RUST = 'rust';

describe('s10 casts: TypeScript `satisfies` is its operand, as `as` is', () => {
  const SRC = `/**
 * Gated activations for the on-device encoder (TF.js). Each input is checked against tf.Tensor where it
 * is used, so a change of the loader's types shows up here.
 */
import * as tf from '@tensorflow/tfjs';

type Activation = 'swish' | 'relu';

/** Swish (SiLU): x * sigmoid(x). */
export function swish(x: tf.Tensor): tf.Tensor {
  return tf.mul(x satisfies tf.Tensor, tf.sigmoid(x));
}

/** The gate of a GLU: the input times the sigmoid of the other half. */
export function glu(x: tf.Tensor, h: tf.Tensor): tf.Tensor {
  return tf.mul(h satisfies tf.Tensor, tf.sigmoid(x));
}

export const DEFAULT: Activation = 'swish';
`;

  it('reads x·σ(x) through `x satisfies T` as SiLU', () => {
    expectFormula(TS, SRC, 'tf.mul(x satisfies tf.Tensor, tf.sigmoid(x))', {
      id: 'silu',
      framework: 'tfjs',
    });
  });

  it('reads no activation when the checked value is another tensor', () => {
    expectNotWhole(TS, SRC, 'tf.mul(h satisfies tf.Tensor, tf.sigmoid(x))');
  });
});

describe('s10 casts: a line-start name `as` is a statement of its own', () => {
  const SRC = `// Gate with optional activation statistics: \`as\` is the collector, or undefined when off.
import * as tf from '@tensorflow/tfjs'

export function gate(x, as) {
  const g = tf.sigmoid(x)
  as?.scale * x
  return g
}

// A boolean is 0 or 1 to TF.js: this is x times a constant, whatever x holds.
export function constantGate(x) {
  return x * tf.sigmoid(x instanceof tf.Tensor)
}
`;

  it('does not join the sigmoid to the next line’s `* x` (no SiLU across statements)', () => {
    expectNoFormula(TS, SRC, 'tf.sigmoid(x)\n  as?.scale * x');
  });

  it('reads no SiLU in x·σ(x instanceof C), a boolean’s sigmoid', () => {
    expectNoFormula(TS, SRC, 'x * tf.sigmoid(x instanceof tf.Tensor)');
  });
});

describe('s10 casts: Rust `&mut x` is a borrow of x, `m!(a; b)` a macro’s value', () => {
  const SRC = `//! Mish for the audio encoder (candle). The clamp keeps exp() finite in half precision.
use candle_core::{Result, Tensor};

/// Clamps an expression to a range: \`clamped!(xs; lo, hi)\`.
macro_rules! clamped {
    ($x:expr; $lo:expr, $hi:expr) => {
        $x.clamp($lo, $hi)?
    };
}

/// Mish (Misra, 2019): x * tanh(softplus(x)); the softplus is written into a scratch tensor.
pub fn mish(xs: &Tensor) -> Result<Tensor> {
    xs.mul(&mut (xs.exp()? + 1.0)?.log()?.tanh()?)
}

/// Mish of the clamped input.
pub fn mish_clamped(xs: &Tensor) -> Result<Tensor> {
    clamped!(xs; -20.0, 20.0).mul(&(clamped!(xs; -20.0, 20.0).exp()? + 1.0)?.log()?.tanh()?)
}

/// Not Mish: the gate is computed from another tensor.
pub fn gated(xs: &Tensor, hs: &Tensor) -> Result<Tensor> {
    xs.mul(&mut (hs.exp()? + 1.0)?.log()?.tanh()?)
}
`;

  it('reads Mish through a mutable borrow `&mut (…)`', () => {
    expectFormula(RUST, SRC, 'xs.mul(&mut (xs.exp()? + 1.0)?.log()?.tanh()?)', {
      id: 'mish',
      framework: 'other',
    });
  });

  it('reads no Mish when the borrowed gate is of another tensor', () => {
    expectNotWhole(RUST, SRC, 'xs.mul(&mut (hs.exp()? + 1.0)?.log()?.tanh()?)');
  });

  it('reads Mish of a macro invocation written twice, `clamped!(xs; lo, hi)`', () => {
    const expr =
      'clamped!(xs; -20.0, 20.0).mul(&(clamped!(xs; -20.0, 20.0).exp()? + 1.0)?.log()?.tanh()?)';
    expectFormula(RUST, SRC, expr, { id: 'mish', framework: 'other' });
  });
});

describe('s10 casts: Python’s word comparisons and adjacent string literals', () => {
  const SRC = `"""Activations that may write into a caller's buffer (NumPy) and named TF ops."""
import numpy as np
import tensorflow as tf
import torch


def relu(x, out=None):
    """max(x, 0), into \`out\` when one is given."""
    return np.maximum(x, 0, out=None if out is None else out)


def relu_into(x, buffers, name="relu"):
    return np.maximum(x, 0, out=buffers[name] if name in buffers else None)


def relu_fresh(x, buffers, name="relu"):
    return np.maximum(x, 0, out=None if name not in buffers else buffers[name])


def relu_kept(x, keep=None):
    return np.maximum(x, 0, out=x if keep is not None else None)


def floor_one(x, out=None):
    # max(x, 1): a floor at one, no rectifier.
    return np.maximum(x, 1, out=None if out is None else out)


def noise_gate(shape):
    # Two independent draws: no activation of one value.
    return torch.rand(*shape) * torch.sigmoid(torch.rand(*shape))


def node_value(node):
    # A symbolic-regression node: \`node.operator\` holds its operand's value, SiLU-gated.
    return node.operator * torch.sigmoid(node.operator)


def swish(x):
    # The op's name is two literals side by side: one string, "block1_gate".
    return x * tf.sigmoid(x, name="block1" "_gate")
`;

  it('reads ReLU when out= is chosen with `is None`', () => {
    expectFormula(PY, SRC, 'np.maximum(x, 0, out=None if out is None else out)', {
      id: 'relu',
      framework: 'numpy',
    });
  });

  it('reads ReLU when out= is chosen with `in` and `not in`', () => {
    const relu = { id: 'relu', framework: 'numpy' };
    expectFormula(
      PY,
      SRC,
      'np.maximum(x, 0, out=buffers[name] if name in buffers else None)',
      relu,
    );
    const fresh = 'np.maximum(x, 0, out=None if name not in buffers else buffers[name])';
    expectFormula(PY, SRC, fresh, relu);
  });

  it('reads ReLU when out= is chosen with `is not None`', () => {
    expectFormula(PY, SRC, 'np.maximum(x, 0, out=x if keep is not None else None)', {
      id: 'relu',
      framework: 'numpy',
    });
  });

  it('reads no ReLU in max(x, 1) whatever out= is', () => {
    expectNotWhole(PY, SRC, 'np.maximum(x, 1, out=None if out is None else out)');
  });

  it('reads no SiLU in two random draws with unpacked shapes', () => {
    expectNotWhole(PY, SRC, 'torch.rand(*shape) * torch.sigmoid(torch.rand(*shape))');
  });

  it('reads SiLU of an attribute named `operator` (only C++ has operator names)', () => {
    expectFormula(PY, SRC, 'node.operator * torch.sigmoid(node.operator)', {
      id: 'silu',
      framework: 'pytorch',
    });
  });

  it('reads SiLU when the sigmoid’s name is two literals side by side', () => {
    expectFormulaOutsideStrings(PY, SRC, 'x * tf.sigmoid(x, name="block1" "_gate")', {
      id: 'silu',
      framework: 'tensorflow',
    });
  });
});

describe('s10 casts: C++ casts, operator calls, subscripted numbers and macros', () => {
  const SRC = `// Scalar reference kernels for the fused activation tests.
#include "fastmath.h"

using namespace math;

struct Gate {
  int open;
  int operator!() const { return open == 0; }
  explicit operator double() const { return open; }
};

struct ExpGate : Gate {
  explicit ExpGate(double scale);
};

int operator~(const Gate& g) { return g.open; }

// SiLU of an integer count, computed in double.
double silu_count(int n) {
  return (double)n / (1.0 + exp(-(double)n));
}

// Not SiLU: the two counts differ.
double ratio(int n, int m) {
  return (double)n / (1.0 + exp(-(double)m));
}

// Not SiLU: a parenthesized offset minus x is a difference, no cast.
double shifted(double x, double offset) {
  return x / (1.0 + exp((offset) - x));
}

// SiLU of the gate's closed flag (0 or 1) through its operator!.
double silu_closed(const Gate& b) {
  return b.operator!() / (1.0 + exp(-b.operator!()));
}

// The same through the free operator function, called by name.
double silu_open(const Gate& g) {
  return operator~(g) / (1.0 + exp(-operator~(g)));
}

// SiLU of the gate's flag through its conversion function, called by name.
double silu_flag(const Gate& b) {
  return b.operator double() / (1.0 + exp(-b.operator double()));
}

// SiLU of the first double in a raw buffer, through a pointer cast.
double silu_raw(const void* raw) {
  return ((const double*)raw)[0] / (1.0 + exp(-((const double*)raw)[0]));
}

// SiLU of a step count cast from a fixed-width integer type.
double silu_steps(long steps) {
  return (std::int64_t)steps / (1.0 + exp(-(std::int64_t)steps));
}

// The same with the type named from the global namespace.
double silu_global(long steps) {
  return (::std::int64_t)steps / (1.0 + exp(-(::std::int64_t)steps));
}

// SiLU of a value read through a reference cast.
double silu_ref(double v) {
  return (double&)v / (1.0 + exp(-(double&)v));
}

// The cast before \`new\` is of the pointer; the gate's scale is SiLU of t.
Gate* make_gate(double t) {
  return (Gate*) new ExpGate(t / (1.0 + exp(-t)));
}

// A callable scaler and a row, called and indexed through their operators by name.
struct Scale {
  double operator()(double v) const;
};
struct Row {
  double operator[](int i) const;
};

double silu_scaled(const Scale& f, double x) {
  return f.operator()(x) / (1.0 + exp(-f.operator()(x)));
}

double silu_row(const Row& row) {
  return row.operator[](0) / (1.0 + exp(-row.operator[](0)));
}

// SiLU of the first element: 0[p] is p[0].
double silu_first(const double* p) {
  return 0[p] / (1.0 + exp(-0[p]));
}

// Logs a scope's name, built from two literals, and passes the value through.
double scoped(const char* name, double v);

double silu_scoped(double x) {
  return scoped("block1" "/silu", x) / (1.0 + exp(-scoped("block1" "/silu", x)));
}
`;

  it('reads SiLU through a C-style cast `(double)n`', () => {
    expectFormula(CPP, SRC, '(double)n / (1.0 + exp(-(double)n))', {
      id: 'silu',
      framework: 'other',
    });
  });

  it('reads no SiLU when the casts are of two values', () => {
    expectNotWhole(CPP, SRC, '(double)n / (1.0 + exp(-(double)m))');
  });

  it('reads no SiLU in x/(1 + e^(offset − x)), a parenthesized name minus x', () => {
    expectNotWhole(CPP, SRC, 'x / (1.0 + exp((offset) - x))');
  });

  it('reads SiLU of an explicit member operator call `b.operator!()`', () => {
    expectFormula(CPP, SRC, 'b.operator!() / (1.0 + exp(-b.operator!()))', {
      id: 'silu',
      framework: 'other',
    });
  });

  it('reads SiLU of a free operator function called by name, `operator~(g)`', () => {
    expectFormula(CPP, SRC, 'operator~(g) / (1.0 + exp(-operator~(g)))', {
      id: 'silu',
      framework: 'other',
    });
  });

  it('reads SiLU of a conversion function called by name, `b.operator double()`', () => {
    expectFormula(CPP, SRC, 'b.operator double() / (1.0 + exp(-b.operator double()))', {
      id: 'silu',
      framework: 'other',
    });
  });

  it('reads SiLU through pointer, qualified and reference casts', () => {
    const silu = { id: 'silu', framework: 'other' };
    expectFormula(
      CPP,
      SRC,
      '((const double*)raw)[0] / (1.0 + exp(-((const double*)raw)[0]))',
      silu,
    );
    expectFormula(CPP, SRC, '(std::int64_t)steps / (1.0 + exp(-(std::int64_t)steps))', silu);
    expectFormula(CPP, SRC, '(::std::int64_t)steps / (1.0 + exp(-(::std::int64_t)steps))', silu);
    expectFormula(CPP, SRC, '(double&)v / (1.0 + exp(-(double&)v))', silu);
  });

  it('reads SiLU inside a `new` after a pointer cast', () => {
    expectFormula(CPP, SRC, 't / (1.0 + exp(-t))', { id: 'silu', framework: 'other' });
  });

  it('reads SiLU of `f.operator()(x)` and `row.operator[](0)`', () => {
    const silu = { id: 'silu', framework: 'other' };
    expectFormula(CPP, SRC, 'f.operator()(x) / (1.0 + exp(-f.operator()(x)))', silu);
    expectFormula(CPP, SRC, 'row.operator[](0) / (1.0 + exp(-row.operator[](0)))', silu);
  });

  it('reads the formula before an unfinished cast or operator name (the editor’s text mid-typing)', () => {
    const head =
      '#include "fastmath.h"\n\nusing namespace math;\n\ndouble f(double x, Gate g) {\n  return ';
    const silu = { id: 'silu', framework: 'other' };
    for (const tail of [' * (double', ' * g.operator', ' * operator']) {
      expectFormula(CPP, `${head}x / (1.0 + exp(-x))${tail}`, 'x / (1.0 + exp(-x))', silu);
    }
  });

  it('reads SiLU of a subscripted number `0[p]`', () => {
    expectFormula(CPP, SRC, '0[p] / (1.0 + exp(-0[p]))', { id: 'silu', framework: 'other' });
  });

  it('reads SiLU of a call whose argument is two adjacent literals', () => {
    const expr = 'scoped("block1" "/silu", x) / (1.0 + exp(-scoped("block1" "/silu", x)))';
    const start = nthOffset(SRC, expr);
    for (const word of ['scoped', 'x)', 'exp']) {
      const at = start + expr.indexOf(word) + 1;
      const got = recognizeAt(SRC, at, CPP);
      assert.equal(got?.id, 'silu', word);
      assert.equal(got.start, start, word);
      assert.equal(got.end, start + expr.length, word);
    }
  });
});

describe('s10 casts: a C++ macro invocation whose input is statements', () => {
  const SRC = `// Fused clamp + SiLU for the LibTorch export path.
#include <torch/torch.h>

// GNU statement expression: runs the statements, its value is the last one's.
#define LET(...) ({ __VA_ARGS__; })

torch::Tensor clamped_silu(const torch::Tensor& x) {
  return LET(auto t = x.clamp(-20, 20); t) * torch::sigmoid(LET(auto t = x.clamp(-20, 20); t));
}

// In place when asked: the condition's parentheses are no cast of x.
torch::Tensor swish_(torch::Tensor x, bool inplace) {
  if (inplace) x.mul_(torch::sigmoid(x));
  return x;
}

// Hard sigmoid: a parenthesized sum is no cast.
torch::Tensor hard_gate(const torch::Tensor& x) {
  return torch::clamp((x + 3.0) / 6.0, 0.0, 1.0);
}

torch::Tensor mixed(const torch::Tensor& x) {
  return LET(auto t = x.clamp(-20, 20); t) * torch::sigmoid(x);
}
`;

  it('reads SiLU of `LET(…; t)` written twice', () => {
    const expr =
      'LET(auto t = x.clamp(-20, 20); t) * torch::sigmoid(LET(auto t = x.clamp(-20, 20); t))';
    const start = nthOffset(SRC, expr);
    for (const word of ['LET', '* torch', 'sigmoid']) {
      const at = start + expr.indexOf(word) + 1;
      const got = recognizeAt(SRC, at, CPP);
      assert.equal(got?.id, 'silu', word);
      assert.equal(got.framework, 'libtorch', word);
      assert.equal(got.start, start, word);
      assert.equal(got.end, start + expr.length, word);
    }
  });

  it('reads SiLU over `x.mul_(σ(x))` alone after `if (inplace)`', () => {
    expectFormula(CPP, SRC, 'x.mul_(torch::sigmoid(x))', { id: 'silu', framework: 'libtorch' });
  });

  it('reads the hard sigmoid through a parenthesized sum `(x + 3.0)`', () => {
    expectFormula(CPP, SRC, 'torch::clamp((x + 3.0) / 6.0, 0.0, 1.0)', {
      id: 'hardsigmoid',
      framework: 'libtorch',
      params: { slope: 1 / 6 },
    });
  });

  it('reads no SiLU when the sigmoid is of x, not of the macro’s value', () => {
    expectNotWhole(CPP, SRC, 'LET(auto t = x.clamp(-20, 20); t) * torch::sigmoid(x)');
  });
});

describe('s10 casts: a C++ macro named like a LibTorch function is the macro', () => {
  // The preprocessor replaces a function-like macro's invocation before any name is looked up
  // ([cpp.replace]): with ACT_STUBS, `clamp_min(x; 0)` is `[&] { return x; 0; }()`, which is x, and
  // `sigmoid(x!)` is the constant 0.5 (its argument's tokens are dropped, never compiled). Neither is
  // LibTorch's function, so neither formula is an activation.
  const SRC = `// Activation stubs for the NaN hunt: with ACT_STUBS each op is replaced by a trivial one.
#include <torch/torch.h>

using namespace torch;

#ifdef ACT_STUBS
// Returns its first statement's value: the call sites pass \`x; lo\`, so the stub is the identity.
#define clamp_min(...) [&] { return __VA_ARGS__; }()
// A constant gate; \`x!\` marks an in-place input for the code generator and is never compiled here.
#define sigmoid(...) torch::full({1}, 0.5)
#endif

Tensor floor_at_zero(const Tensor& x) {
  return clamp_min(x; 0);
}

Tensor gated(const Tensor& x) {
  return x * sigmoid(x!);
}
`;

  it('reads no ReLU in `clamp_min(x; 0)`, a macro’s input', () => {
    expectNoFormula(CPP, SRC, 'clamp_min(x; 0)');
  });

  it('reads no SiLU in `x * sigmoid(x!)`, a macro’s input', () => {
    expectNoFormula(CPP, SRC, 'x * sigmoid(x!)');
  });
});
