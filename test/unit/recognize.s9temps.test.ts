/**
 * Which value a name inside a formula stands for, where the name is a parameter of an arrow function,
 * a shadowing parameter of an inner arrow, a default of a Python 3.12 generic function, or a temporary
 * assigned in a branch (`formulas/temporaries.ts`, `formulas/parameters.ts`): arrows with a return-type
 * annotation (`: Tensor`, `: typeof x`, `: Tensor | null`, `: T & Tensor`, an object type), a bare-parameter
 * arrow passed beside a name, a generic `def` far into a module, a script whose first token opens a block,
 * an options object's own defaults (`{ slope = 0.2 } = {}`), closures' blocks, Rust match arms, and
 * temporaries that only a branch or a loop without braces assigns.
 *
 * Expected values come from the languages and the mathematics: a TypeScript arrow's return-type annotation
 * (after the parameter list's `:`) names no parameter, so `slope` stays the parameter with default 0.2
 * (TypeScript handbook, "Functions"); an arrow's bare parameter (`slope => …`) shadows the enclosing
 * function's parameter inside its body, and an arrow's body ends at a comma of the argument list around it
 * (ECMAScript, ArrowFunction: ConciseBody is an AssignmentExpression); a destructured parameter's
 * default (`{ slope = 0.2 }`) applies when the object passed has no such property, as `{}` has not
 * (ECMAScript, "Destructuring assignment"), and a closure reads the variables of the function around it
 * but its own parameters; a Python 3.12 type-parameter list
 * (`def f[F: np.floating](…)`, PEP 695) comes before the parameter list whatever the function's place in
 * the file; a statement that only a branch or a loop runs (`if (c) s = 0.5;`, `for (…) s = v;`,
 * `else s = 0.5;`, ECMAScript "IfStatement" / "ForStatement" with a statement body) may not run, so the
 * value after it is not that assignment's; a Rust match arm's pattern (`Some(zero) =>`) binds its names for
 * the arm (The Rust Reference, "Match expressions"). max(x, s·x) and where(x > 0, x, s·x) are leaky ReLU
 * with slope s; max(x, 0) is ReLU.
 */
import assert from 'node:assert/strict';
import { recognizeAt } from '../../src/core';
import { expectFormula } from './formulaHelpers';
import { expectCall, nthOffset } from './recognizeHelpers';

const TS = 'typescript';
const JS = 'javascript';
const PY = 'python';
const TFJS_LEAKY = { id: 'leaky_relu', framework: 'tfjs' };

/** The recognition at the nth `needle`, hovered one character in. */
function hoverIn(lang: string, src: string, needle: string, nth = 0) {
  return recognizeAt(src, nthOffset(src, needle, nth) + 1, lang);
}

describe('s9 temporaries: arrows with a return-type annotation', () => {
  const SRC = `import * as tf from '@tensorflow/tfjs';
import { Tensor } from '@tensorflow/tfjs';

/** Leaky ReLU variants for the activation zoo; each keeps its slope as a default parameter. */
export const leakyNamed = (x: Tensor, slope = 0.2): Tensor => tf.maximum(x, tf.mul(x, slope));

/** Same type out as in: the annotation names the parameter's type, not a parameter. */
export const leakySameType = (x: Tensor, slope = 0.1): typeof x => tf.maximum(x, tf.mul(x, slope));

/** Null for an empty batch, which the caller skips. */
export const leakyOrNull = (x: Tensor, slope = 0.3): Tensor | null =>
  x.size === 0 ? null : tf.maximum(x, tf.mul(x, slope));

/** Keeps the caller's tensor subtype. */
export const leakyKeep = <T extends Tensor>(x: T, slope = 0.05): T & Tensor =>
  tf.maximum(x, tf.mul(x, slope)) as T & Tensor;

/** The activation and the mask of its positive part, for the sparsity monitor. */
export const leakyWithMask = (x: tf.Tensor, slope = 0.25): { y: tf.Tensor; mask: tf.Tensor } => ({
  y: tf.maximum(x, tf.mul(x, slope)),
  mask: tf.greater(x, 0),
});
`;

  const cases: [string, number, number][] = [
    ['a plain type name', 0, 0.2],
    ['`typeof x`', 1, 0.1],
    ['a union `Tensor | null`', 2, 0.3],
    ['an intersection `T & Tensor`', 3, 0.05],
    ['an object type', 4, 0.25],
  ];
  for (const [what, nth, slope] of cases) {
    it(`reads the default slope ${slope} past ${what}`, () => {
      expectFormula(
        TS,
        SRC,
        'tf.maximum(x, tf.mul(x, slope))',
        { ...TFJS_LEAKY, params: { negative_slope: slope } },
        nth,
      );
    });
  }
});

describe('s9 temporaries: a bare-parameter arrow passed before the parameter', () => {
  const SRC = `import * as tf from '@tensorflow/tfjs';

import { withProfile } from './profiling';

/**
 * Row-wise leaky ReLU under the profiler; the slope is passed along so that the profile's label
 * names the curve.
 */
export function leakyRows(x, slope = 0.2) {
  return withProfile((r) => r, x).concat(withProfile(r => tf.maximum(r, tf.mul(r, slope)), slope));
}
`;

  it("reads the function's default: the arrow's body ends before `, slope`", () => {
    expectFormula(JS, SRC, 'tf.maximum(r, tf.mul(r, slope))', {
      ...TFJS_LEAKY,
      params: { negative_slope: 0.2 },
    });
  });
});

describe("s9 temporaries: an inner arrow's bare parameter shadows the function's", () => {
  const SRC = `import * as tf from '@tensorflow/tfjs';

const SLOPES = [0.01, 0.1, 0.3];

/** One leaky ReLU per slope of the sweep, for the comparison plot. */
export function leakySweep(x, slope = 0.2) {
  const curves = SLOPES.map(slope => {
    return tf.maximum(x, tf.mul(x, slope));
  });
  return { curves, reference: tf.maximum(x, tf.mul(x, slope)) };
}
`;

  it("does not give the arrow's slope the function's default", () => {
    // Inside the arrow, slope is 0.01, 0.1 and 0.3 in turn.
    const got = hoverIn(JS, SRC, 'tf.maximum(x, tf.mul(x, slope))', 0);
    assert.notEqual(got?.params.negative_slope, 0.2, JSON.stringify(got));
  });

  it("reads the function's default outside the arrow", () => {
    expectFormula(
      JS,
      SRC,
      'tf.maximum(x, tf.mul(x, slope))',
      { ...TFJS_LEAKY, params: { negative_slope: 0.2 } },
      1,
    );
  });
});

describe('s9 temporaries: a Python 3.12 generic function far into its module', () => {
  const SRC = `"""NumPy reference activations for the export checks: every function takes and returns arrays."""
from __future__ import annotations

import math
from typing import Final

import numpy as np
from numpy.typing import NDArray

EPS: Final = 1e-12
SQRT_2_OVER_PI: Final = math.sqrt(2.0 / math.pi)


def softplus(x: NDArray[np.float64], beta: float = 1.0) -> NDArray[np.float64]:
    """log(1 + exp(beta * x)) / beta, computed without overflow for large inputs."""
    return np.logaddexp(0.0, beta * x) / beta


def gelu_tanh(x: NDArray[np.float64]) -> NDArray[np.float64]:
    """The tanh approximation of GELU used by GPT-2."""
    inner = SQRT_2_OVER_PI * (x + 0.044715 * np.power(x, 3))
    return 0.5 * x * (1.0 + np.tanh(inner))


def check_close(a: NDArray[np.float64], b: NDArray[np.float64], tol: float = 1e-6) -> None:
    """Raises when the two arrays differ by more than tol anywhere."""
    worst = float(np.max(np.abs(a - b)))
    if worst > tol:
        raise AssertionError(f"max difference {worst} over tolerance {tol}")


def summary(x: NDArray[np.float64]) -> dict[str, float]:
    """Mean, spread and extremes, for the report's table."""
    return {
        "mean": float(np.mean(x)),
        "std": float(np.std(x)),
        "min": float(np.min(x)),
        "max": float(np.max(x)),
        "zeros": float(np.mean(np.abs(x) < EPS)),
    }


def leaky_relu[F: np.floating](x: NDArray[F], slope: float = 0.2) -> NDArray[F]:
    """max(x, slope * x), keeping the input's float type."""
    return np.where(x > 0, x, slope * x)
`;

  it("reads the slope's default after the type parameters", () => {
    expectFormula(PY, SRC, 'np.where(x > 0, x, slope * x)', {
      id: 'leaky_relu',
      framework: 'numpy',
      params: { negative_slope: 0.2 },
    });
  });
});

describe('s9 temporaries: a script whose first token opens a block', () => {
  // No import: tf.js comes from the page's script tag. Comments are no tokens, so the block's `{` is the
  // file's first token.
  const SRC = `// Pasted into the demo page's console (tf.js is loaded by its script tag): the leaky curve the
// docs plot, in a block so that its names do not leak into the page's globals.
{
  const x = tf.linspace(-3, 3, 7);
  const slope = 0.2;
  const y = tf.maximum(x, tf.mul(x, slope));
  y.print();
}
`;

  it("reads the block's const slope", () => {
    expectFormula(JS, SRC, 'tf.maximum(x, tf.mul(x, slope))', {
      ...TFJS_LEAKY,
      params: { negative_slope: 0.2 },
    });
  });
});

describe('s9 temporaries: a comprehension whose element ends with the parameter', () => {
  const SRC = `"""Per-sample smooth activations for the calibration report."""
import torch


def softplus_samples(xs: list[torch.Tensor], beta: float = 2.0) -> list[torch.Tensor]:
    """Softplus of each sample, sharpened by beta (PyTorch's Softplus: log(1 + exp(beta * x)) / beta)."""
    return [torch.log1p(torch.exp(beta * x)) / beta for x in xs]
`;

  it("reads beta's default though the token before the comprehension's for is beta", () => {
    // The comprehension binds x only; beta is the function's parameter, 2.0 by default.
    expectFormula(PY, SRC, 'torch.log1p(torch.exp(beta * x)) / beta', {
      id: 'softplus',
      framework: 'pytorch',
      params: { beta: 2.0 },
    });
  });
});

describe("s9 temporaries: a labeled loop's var target after the loop", () => {
  const SRC = `import * as tf from '@tensorflow/tfjs';

const CANDIDATES = [0.3, 0.1, 0.01];

/** Leaky ReLU with the widest candidate slope that keeps every row above the floor, when tuning. */
export function leakyTuned(x, rows, floor, tuning) {
  var slope = 0.2;
  if (tuning) {
    search: for (var slope of CANDIDATES) {
      for (const row of rows) {
        if (tf.min(tf.mul(row, slope)).dataSync()[0] < floor) continue search;
      }
      break;
    }
  }
  return tf.maximum(x, tf.mul(x, slope));
}
`;

  it('does not read the slope assigned before the loop', () => {
    // `var` declares one variable for the whole function: after a tuning run slope is the candidate the
    // loop stopped at (or its last), not 0.2.
    const got = hoverIn(JS, SRC, 'tf.maximum(x, tf.mul(x, slope))');
    assert.notEqual(got?.params.negative_slope, 0.2, JSON.stringify(got));
  });
});

describe("s9 parameters: an options object's own defaults", () => {
  const SRC = `import * as tf from '@tensorflow/tfjs';

export interface LeakyOptions {
  slope?: number;
  scale?: number;
}

/** Leaky ReLU with the options object the layer configs pass through. */
export function leaky(x: tf.Tensor, { slope = 0.2, scale = 1.0 }: LeakyOptions = {}): tf.Tensor {
  return tf.maximum(x, tf.mul(x, slope));
}

/** The same with the slope renamed for the body. */
export function leakyRenamed(x: tf.Tensor, { slope: s = 0.3 } = {}): tf.Tensor {
  return tf.maximum(x, tf.mul(x, s));
}

export function discriminatorBlock(h: tf.Tensor): tf.Tensor[] {
  return [leaky(h), leaky(h, { slope: 0.5 })];
}
`;

  it('reads the default of a name the pattern binds', () => {
    expectFormula(TS, SRC, 'tf.maximum(x, tf.mul(x, slope))', {
      ...TFJS_LEAKY,
      params: { negative_slope: 0.2 },
    });
  });

  it('reads the default of a renamed binding', () => {
    expectFormula(TS, SRC, 'tf.maximum(x, tf.mul(x, s))', {
      ...TFJS_LEAKY,
      params: { negative_slope: 0.3 },
    });
  });

  it('gives a call without options the default', () => {
    // leaky(h) destructures {}: slope is undefined there, so its default 0.2 applies.
    expectCall(
      TS,
      SRC,
      'leaky',
      { id: 'leaky_relu', framework: 'tfjs', params: { negative_slope: 0.2 } },
      1,
    );
  });

  it("does not give a call's own options the default", () => {
    // leaky(h, { slope: 0.5 }) computes max(h, 0.5h).
    const got = hoverIn(TS, SRC, 'leaky(h, {');
    assert.notEqual(got?.params.negative_slope, 0.2, JSON.stringify(got));
  });
});

describe('s9 temporaries: an assignment that only a branch or a loop without braces makes', () => {
  const SRC = `import * as tf from '@tensorflow/tfjs';

/** Leaky ReLU whose slope widens for the discriminator's first block. */
export function leakyFirst(x, first) {
  let slope = 0.2;
  if (first) slope = 0.5;
  return tf.maximum(x, tf.mul(x, slope));
}

/** The slope of the last preset when any is given. */
export function leakyPreset(x, presets) {
  let slope = 0.2;
  for (const p of presets) slope = 0.5;
  return tf.maximum(x, tf.mul(x, slope));
}

/** A wide slope unless the caller asks for the narrow one. */
export function leakyNarrow(x, narrow) {
  let slope = 0.2;
  if (narrow) {
    slope = 0.01;
  } else slope = 0.5;
  return tf.maximum(x, tf.mul(x, slope));
}
`;

  for (const [what, nth] of [
    ['`if (first) slope = 0.5;`', 0],
    ['`for (…) slope = 0.5;`', 1],
    ['`} else slope = 0.5;`', 2],
  ] as const) {
    it(`does not take 0.5 after ${what}, which may not run`, () => {
      // At run time slope is 0.2 or 0.5 after the first two (0.01 or 0.5 after the third): no one literal.
      const got = hoverIn(JS, SRC, 'tf.maximum(x, tf.mul(x, slope))', nth);
      assert.notEqual(got?.params.negative_slope, 0.5, JSON.stringify(got));
    });
  }
});

describe("s9 temporaries: a one-name arrow's block reads the function's temporaries", () => {
  const SRC = `import * as tf from '@tensorflow/tfjs';

/** Leaky ReLU of each row, through a named row function the profiler can label. */
export function leakyRows(rows) {
  const slope = 0.2;
  const leakyRow = r => {
    const y = tf.maximum(r, tf.mul(r, slope));
    return y;
  };
  return rows.map(leakyRow);
}
`;

  it('reads the const slope the arrow closes over', () => {
    expectFormula(JS, SRC, 'tf.maximum(r, tf.mul(r, slope))', {
      ...TFJS_LEAKY,
      params: { negative_slope: 0.2 },
    });
  });

  it("does not give the arrow's own parameter the function's default", () => {
    const src = `import * as tf from '@tensorflow/tfjs';

const SLOPES = [0.01, 0.1, 0.3];

/** One curve per slope of the sweep; the function's own slope is only the legend's reference. */
export function leakyCurves(x, slope = 0.2) {
  const curveFor = slope => {
    return tf.maximum(x, tf.mul(x, slope));
  };
  return { curves: SLOPES.map(curveFor), reference: slope };
}
`;
    // curveFor is called with 0.01, 0.1 and 0.3.
    const got = hoverIn(JS, src, 'tf.maximum(x, tf.mul(x, slope))');
    assert.notEqual(got?.params.negative_slope, 0.2, JSON.stringify(got));
  });
});

describe("s9 temporaries: a Rust closure's block reads the function's temporaries", () => {
  const SRC = `use burn::tensor::{backend::Backend, Tensor};

/// ReLU of every tensor of a batch when clipping is on; the others pass through.
pub fn relu_all<B: Backend, const D: usize>(xs: Vec<Tensor<B, D>>, clip: bool) -> Vec<Tensor<B, D>> {
    let zero = 0.0;
    let act = |v: Tensor<B, D>| {
        if clip {
            v.clamp_min(zero)
        } else {
            v
        }
    };
    xs.into_iter().map(act).collect()
}
`;

  it('reads clamp_min of the captured zero as ReLU', () => {
    expectFormula('rust', SRC, 'v.clamp_min(zero)', { id: 'relu', framework: 'other' });
  });

  it("does not read the closure's own parameter as the function's let", () => {
    const src = `use burn::tensor::{backend::Backend, Tensor};

/// Each tensor floored at its own level; a level of zero or less leaves the tensor as it is.
pub fn floored_all<B: Backend, const D: usize>(xs: Vec<Tensor<B, D>>, levels: Vec<f64>) -> Vec<Tensor<B, D>> {
    let zero = 0.0;
    let act = |v: Tensor<B, D>, zero: f64| {
        if zero > 0.0 {
            v.clamp_min(zero)
        } else {
            v
        }
    };
    xs.into_iter().zip(levels).map(|(v, level)| act(v, level)).collect()
}
`;
    // Here zero is the closure's level, above 0: max(v, level) is no ReLU.
    const got = hoverIn('rust', src, 'v.clamp_min(zero)');
    assert.notEqual(got?.id, 'relu', JSON.stringify(got));
  });
});

describe("s9 temporaries: an arrow's body ends at a comma of its own level", () => {
  const SRC = `import * as tf from '@tensorflow/tfjs';

/** The activation, and a helper the caller uses to halve the slope for the next block. */
export function leakyAndHalf(x, slope = 0.2) {
  const halve = slope => slope / 2, y = tf.maximum(x, tf.mul(x, slope));
  return { y, next: halve(slope) };
}
`;

  it("reads the function's slope in the declarator after the arrow's", () => {
    expectFormula(JS, SRC, 'tf.maximum(x, tf.mul(x, slope))', {
      ...TFJS_LEAKY,
      params: { negative_slope: 0.2 },
    });
  });
});

describe("s9 temporaries: a Rust match arm's pattern binds its names", () => {
  const SRC = `use burn::tensor::{backend::Backend, Tensor};

/// ReLU by default; a caller may raise the floor (a thresholded ReLU without the shift).
pub fn floored<B: Backend, const D: usize>(x: Tensor<B, D>, floor: Option<f64>) -> Tensor<B, D> {
    let zero = 0.0;
    match floor {
        Some(zero) => x.clamp_min(zero),
        None => x.clamp_min(zero),
    }
}
`;

  it("does not read the arm's zero as the let's 0.0", () => {
    // In the first arm zero is the caller's floor: max(x, floor), ReLU only when the floor is 0.
    const got = hoverIn('rust', SRC, 'x.clamp_min(zero)', 0);
    assert.notEqual(got?.id, 'relu', JSON.stringify(got));
  });

  it("reads the let's zero in the arm that binds none", () => {
    expectFormula('rust', SRC, 'x.clamp_min(zero)', { id: 'relu', framework: 'other' }, 1);
  });
});

describe("s9 temporaries: a Rust match's last arm, written without a trailing comma", () => {
  const SRC = `use burn::tensor::{backend::Backend, Tensor};

/// Softplus with the config's sharpness, 1 when the config leaves it out.
pub fn softplus<B: Backend, const D: usize>(x: Tensor<B, D>, sharpness: Option<f64>) -> Tensor<B, D> {
    let beta = 1.0;
    match sharpness {
        None => (x.clone() * beta).exp().log1p() / beta,
        Some(beta) => (x.clone() * beta).exp().log1p() / beta
    }
}
`;
  const SOFTPLUS = '(x.clone() * beta).exp().log1p() / beta';

  it("reads the let's beta in the arm that binds none", () => {
    // log(1 + exp(βx)) / β with β = 1.
    expectFormula('rust', SRC, SOFTPLUS, {
      id: 'softplus',
      framework: 'other',
      params: { beta: 1 },
    });
  });

  it("does not give the last arm's beta the let's 1.0", () => {
    // In the last arm beta is the config's sharpness, whose value the code does not spell.
    const at = nthOffset(SRC, SOFTPLUS, 1);
    for (const offset of [at + SOFTPLUS.length - 2, at + 12]) {
      const got = recognizeAt(SRC, offset, 'rust');
      assert.notEqual(got?.params.beta, 1, JSON.stringify(got));
    }
  });
});
