/**
 * The formula reader at the edges of what it parses (`formulas/expr.ts`) and of the token window it reads
 * (`recognize/index.ts`): TypeScript casts to a tuple type and inside nested subscripts, lines still being
 * typed that end inside a cast or a subscript, a Python statement followed by one that begins with `(`,
 * and a formula longer than the first window read around the hovered token.
 *
 * Expected values come from the languages and from mathematics. TypeScript's `x as T` is a type assertion
 * with no effect at run time, whatever the type (a name, `tf.Tensor<R>`, `T[]` or a tuple `[A, B]`)
 * (TypeScript Handbook, "Type Assertions"; tuple types in "Object Types"), so `(o as [number, number])[0]`
 * is `o[0]`. SiLU is x·σ(x) = x / (1 + e⁻ˣ) (Elfwing et al., 2018). In Python a newline outside brackets
 * ends a statement (Python reference, "Logical lines", "Implicit line joining"), so a line that begins
 * with `(` starts a new statement and is no call of the line before. A formula is one expression however
 * its lines are broken inside brackets: hovering any of its tokens reads the whole of it.
 */
import './freshModels';
import { expectFormula, expectFormulaOutsideStrings, expectNoFormula } from './formulaHelpers';

const TS = 'typescript';
const SILU_TFJS = { id: 'silu', framework: 'tfjs', params: { beta: 1 } };
const SILU_PLAIN = { id: 'silu', framework: 'other', params: { beta: 1 } };

describe('TypeScript: casts to a tuple type and inside nested subscripts are their value', () => {
  const SRC = `/**
 * Scalar references for the critic's gates, compared against the TF.js kernels in the tests.
 * The critic returns its two heads as a plain pair; \`order\` sorts the units by their score.
 */
import * as tf from '@tensorflow/tfjs';

/** SiLU of the first head's value. */
export function firstHeadSilu(out: unknown): number {
  return (out as [number, number])[0] / (1 + Math.exp(-(out as [number, number])[0]));
}

/** SiLU of the i-th unit in score order. */
export function rankedSilu(v: Float32Array, order: Int32Array, i: unknown): number {
  return v[order[i as number]] / (1 + Math.exp(-v[order[i as number]]));
}

/** The pair itself, for the logs: no activation. */
export function heads(out: unknown): [number, number] {
  const [a, b] = out as [number, number];
  return [a, b];
}

export function swish(x: tf.Tensor): tf.Tensor {
  return tf.mul(x, tf.sigmoid(x));
}
`;

  it('reads SiLU of the first element of a value cast to a tuple type', () => {
    expectFormula(
      TS,
      SRC,
      '(out as [number, number])[0] / (1 + Math.exp(-(out as [number, number])[0]))',
      SILU_PLAIN,
    );
  });

  it('reads SiLU of an element whose index is cast inside another subscript `v[order[i as number]]`', () => {
    expectFormula(
      TS,
      SRC,
      'v[order[i as number]] / (1 + Math.exp(-v[order[i as number]]))',
      SILU_PLAIN,
    );
  });

  it('still reads SiLU in the function after a destructured tuple cast', () => {
    expectFormula(TS, SRC, 'tf.mul(x, tf.sigmoid(x))', SILU_TFJS);
  });
});

describe('TypeScript: a last line still being typed inside a cast', () => {
  // The model file's last function; its return line is being typed, the text ending inside the cast.
  const HEAD = `/** Activations of the demo model, as TF.js functions of a tensor. */
import * as tf from '@tensorflow/tfjs';

export function relu(x: tf.Tensor): tf.Tensor {
  return tf.relu(x);
}

export function swish(x: tf.Tensor): tf.Tensor {
  return tf.mul(x, tf.sigmoid(x)) as`;

  it('reads SiLU when the text ends at `as`', () => {
    expectFormula(TS, HEAD, 'tf.mul(x, tf.sigmoid(x))', SILU_TFJS);
  });

  it('reads SiLU when the text ends inside the type arguments `as tf.Tensor<`', () => {
    expectFormula(TS, `${HEAD} tf.Tensor<`, 'tf.mul(x, tf.sigmoid(x))', SILU_TFJS);
  });

  it('reads SiLU when the text ends at an array type’s `[` (`as tf.Tensor[`)', () => {
    expectFormula(TS, `${HEAD} tf.Tensor[`, 'tf.mul(x, tf.sigmoid(x))', SILU_TFJS);
  });
});

describe('Python: a last line still being typed inside a subscript', () => {
  it('reads SiLU of the parenthesized product before a `[` that ends the text', () => {
    const src = `"""Gated heads for the token classifier."""
import torch


def gate(h):
    # The first channel of the gated features; the subscript is being typed.
    return (h * torch.sigmoid(h))[`;
    expectFormula('python', src, '(h * torch.sigmoid(h))', {
      id: 'silu',
      framework: 'pytorch',
      params: { beta: 1 },
    });
  });
});

describe('Python and Julia: the statement on the next line is no part of the formula', () => {
  it('reads SiLU when the next statement begins with `(` (Python)', () => {
    const src = `"""Gradient check of the hand-written SiLU against F.silu."""
import torch
import torch.nn.functional as F


def check_silu_grad(x, g):
    x = x.detach().requires_grad_()
    y = x * torch.sigmoid(x)
    (y * g).sum().backward()
    manual = x.grad.clone()
    x.grad = None
    (F.silu(x) * g).sum().backward()
    return torch.allclose(manual, x.grad)
`;
    expectFormula('python', src, 'x * torch.sigmoid(x)', {
      id: 'silu',
      framework: 'pytorch',
      params: { beta: 1 },
    });
  });

  it('reads SiLU when the next statement begins with `(` (Julia)', () => {
    const src = `# Range of the hand-written SiLU on a grid, for the plot's axis.
using Flux

xs = collect(-6.0:0.1:6.0)
ys = xs .* σ.(xs)
(lo, hi) = extrema(ys)
println("SiLU range: ", lo, " .. ", hi)
`;
    expectFormula('julia', src, 'xs .* σ.(xs)', {
      id: 'silu',
      framework: 'flux',
      params: { beta: 1 },
    });
  });
});

describe('a formula broken over lines past the first window read', () => {
  it('reads SiLU of a long subscript from every token, the sigmoid’s name too', () => {
    const src = `"""Pooled gate of the encoder's hidden states (first half of the CLS token's features)."""
import torch
from torch import nn


class GatedPooler(nn.Module):
    def __init__(self, config, layer_index=-1):
        super().__init__()
        self.config = config
        self.layer_index = layer_index

    def forward(self, outputs):
        gated = torch.sigmoid(
            outputs.encoder_hidden_states[self.layer_index][:, 0, : self.config.hidden_size // 2]
        ) * (
            outputs.encoder_hidden_states[self.layer_index][:, 0, : self.config.hidden_size // 2]
        )
        return gated
`;
    expectFormula(
      'python',
      src,
      `torch.sigmoid(
            outputs.encoder_hidden_states[self.layer_index][:, 0, : self.config.hidden_size // 2]
        ) * (
            outputs.encoder_hidden_states[self.layer_index][:, 0, : self.config.hidden_size // 2]
        )`,
      { id: 'silu', framework: 'pytorch', params: { beta: 1 } },
    );
  });
});

describe('TypeScript: casts to an indexed access type and to a parenthesized union are their value', () => {
  const SRC = `/**
 * The recurrent cell's gated output for the TF.js port. The cell hands back an untyped record; its fields
 * are cast where they are used.
 */
import * as tf from '@tensorflow/tfjs';

type CellOutput = { out: tf.Tensor; state: tf.Tensor };

export function gatedOut(h: unknown): tf.Tensor {
  return tf.mul(h as CellOutput['out'], tf.sigmoid(h as CellOutput['out']));
}

export function gatedWeights(w: unknown): tf.Tensor {
  return tf.mul(w as (tf.Tensor | tf.Variable), tf.sigmoid(w as (tf.Tensor | tf.Variable)));
}

export function state(h: unknown): tf.Tensor {
  return (h as CellOutput).state;
}
`;

  it("reads SiLU over a value cast to `CellOutput['out']`", () => {
    // Hovering inside the string literal type `'out'` reads the string, so only the code around it is hovered.
    expectFormulaOutsideStrings(
      TS,
      SRC,
      "tf.mul(h as CellOutput['out'], tf.sigmoid(h as CellOutput['out']))",
      SILU_TFJS,
    );
  });

  it('reads SiLU over a value cast to `(tf.Tensor | tf.Variable)`', () => {
    expectFormula(
      TS,
      SRC,
      'tf.mul(w as (tf.Tensor | tf.Variable), tf.sigmoid(w as (tf.Tensor | tf.Variable)))',
      SILU_TFJS,
    );
  });
});

describe('JavaScript: a ternary whose condition ends with a formula', () => {
  it('reads the logistic sigmoid before the `?` of a Bernoulli sample, without the `?`', () => {
    const src = `/**
 * Bernoulli sampling of a restricted Boltzmann machine's hidden units, for one step of contrastive
 * divergence (CD-1): each unit is on with the probability σ(z) of its total input.
 */
export function sampleHidden(weights, visible, bias) {
  return bias.map((b, j) => {
    let z = b;
    for (let i = 0; i < visible.length; i++) {
      z += weights[i][j] * visible[i];
    }
    return Math.random() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
  });
}
`;
    expectFormula('javascript', src, '1 / (1 + Math.exp(-z))', {
      id: 'sigmoid',
      framework: 'other',
      params: {},
    });
  });
});

describe('Rust (candle): a borrowed tail `&r * &r` and a macro around a formula', () => {
  const SRC = `//! Activations for the feed-forward blocks (candle), with scalar references for the kernel tests.
use std::sync::Arc;

use candle_core::{Result, Tensor};

/// Squared ReLU (So et al., 2021, "Primer"), the block's function value as its tail expression.
pub fn relu_squared(xs: &Tensor) -> Result<Tensor> {
    let r = xs.relu()?;
    &r * &r
}

pub struct Config {
    pub gain: f64,
}

fn gain(cfg: &Config) -> f64 {
    cfg.gain
}

/// SiLU of one value scaled by the shared config's gain (reborrowed out of its Arc).
pub fn scaled_silu(x: f64, cfg: Arc<Config>) -> f64 {
    let y = x / (1.0 + (-x).exp()) * gain(&*cfg);
    y
}

/// SiLU of one value, printed while the kernels are being debugged.
pub fn traced_silu(x: f64) -> f64 {
    dbg!(x / (1.0 + (-x).exp()))
}
`;

  it('reads squared ReLU over the whole `&r * &r`, its first `&` too', () => {
    expectFormula('rust', SRC, '&r * &r', { id: 'relu_squared', framework: 'other', params: {} });
  });

  it('reads SiLU before a product with a reborrow `&*cfg`', () => {
    expectFormula('rust', SRC, 'x / (1.0 + (-x).exp())', SILU_PLAIN);
  });

  it('reads SiLU inside `dbg!(…)` over the formula, not the macro’s parentheses', () => {
    expectFormula('rust', SRC, 'x / (1.0 + (-x).exp())', SILU_PLAIN, 1);
  });
});

describe('JavaScript: `&&` is the logical and', () => {
  it('reads SiLU of `h && h.out`, the value a null guard gives', () => {
    const src = `// Gate of the legacy widget: built for old browsers, so no optional chaining.
export function gate(h) {
  return (h && h.out) * (1 / (1 + Math.exp(-(h && h.out))));
}

export function isReady(h) {
  return h && h.out && h.out.length > 0;
}
`;
    expectFormula(
      'javascript',
      src,
      '(h && h.out) * (1 / (1 + Math.exp(-(h && h.out))))',
      SILU_PLAIN,
    );
  });
});

describe('JavaScript: a power broken after `**`', () => {
  it('reads squared ReLU over both lines, from the exponent on the second line too', () => {
    const src = `/** Reference curves for the docs page's plots (plain numbers, no tensors). */

/** ReLU: x above 0, else 0 (a comparison is 1 or 0 in arithmetic). */
export function relu(x) {
  return x * (x > 0);
}

/** Squared ReLU (So et al., 2021, "Primer"), the exponent on a line of its own. */
export function reluSquared(preActivation) {
  return (preActivation * (preActivation > 0)) **
    2;
}
`;
    expectFormula(
      'javascript',
      src,
      `(preActivation * (preActivation > 0)) **
    2`,
      { id: 'relu_squared', framework: 'other', params: {} },
    );
  });
});

describe('Python: a comprehension filter is no conditional expression', () => {
  it('reads SiLU over the iterable only, when a second filter repeats it', () => {
    const src = `"""Rows of the gated features that carry any signal (a debugging helper)."""
import torch


def live_rows(x):
    # The second filter is redundant (a tensor is never None) but valid: Python keeps every filter.
    return [r for r in x * torch.sigmoid(x) if r.any() if x * torch.sigmoid(x) is not None]
`;
    expectFormula('python', src, 'x * torch.sigmoid(x)', {
      id: 'silu',
      framework: 'pytorch',
      params: { beta: 1 },
    });
  });
});

describe('Rust: a match arm on the unit value is no JavaScript arrow', () => {
  it('reads SiLU over the arm’s value, not from the pattern `()`', () => {
    const src = `//! Scalar references for the activation kernels' tests.

/// SiLU of one value. The match on \`()\` stands where a feature switch was removed; one arm is left.
pub fn silu_ref(x: f64) -> f64 {
    match () {
        () => x / (1.0 + (-x).exp()),
    }
}
`;
    expectFormula('rust', src, 'x / (1.0 + (-x).exp())', SILU_PLAIN);
  });
});

describe("Julia: an adjoint `h'` is a value of its own", () => {
  const SRC = `# Row-vector SiLU of a dense layer's pre-activations, for the attention scores' plot.
using Flux

function row_silu(W, x, b)
    h = W * x .+ b
    gated = h' .* σ.(h')
    mixed = h .* σ.(h')
    return gated, mixed
end
`;

  it("reads SiLU of the adjoint in `h' .* σ.(h')`", () => {
    expectFormula('julia', SRC, "h' .* σ.(h')", {
      id: 'silu',
      framework: 'flux',
      params: { beta: 1 },
    });
  });

  it("reads no SiLU in `h .* σ.(h')`: h and its adjoint are different arrays", () => {
    expectNoFormula('julia', SRC, "h .* σ.(h')");
  });
});
