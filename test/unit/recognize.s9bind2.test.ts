/**
 * The ninth mutation session's second look at new binding code: survivors of tuple assignments read element
 * by element (bindings.ts `tupleValues`), Julia's anonymous functions (definitions.ts) and macro lookup
 * (local.ts), as tests of the right answer:
 * - a tuple's elements are split at commas outside brackets only (a call's arguments, a keyword argument's
 *   `=`, a comparison `==`, a Julia keyword list after `;` stay inside their element);
 * - a starred target gathers a list, and a starred element shifts the elements after it, so neither pairs
 *   by position; an element target (`table[name], act = …`) leaves the dict a dict; a chain
 *   (`a, b = pair = x, y`) never gives `a` an older `pair`'s element;
 * - a tuple assignment is read whatever follows it in the file, also when it is the file's last statement
 *   and ends with a trailing comma (or a trailing comma and `;`), when its right-hand side is on the next
 *   line, and when that side is long (255 tokens, within the 256 read);
 * - a Julia `if (…)` is no function: the names in its condition are no parameters, a variable it assigns
 *   is the function's, a function it defines is visible after its `end`;
 * - a Python `@` is matrix multiplication, not a macro call: `h @ swish(w)` calls the `def swish` above.
 *
 * Expected values come from the languages' rules and the frameworks' documentation:
 * - Python (the language reference, "Assignment statements", "Explicit line joining"): `a, b = x, y`
 *   binds a to x and b to y, also when a backslash continues the line after the `=`; a trailing comma
 *   (`x, y,`) makes the same tuple, also before a `;`; `a, *rest = x, y` binds rest to the list `[y]`;
 *   `a, b, c = *base, y` unpacks `base` first; `table[k], b = x, y` stores x into the dict; in a chain
 *   `a, b = p = x, y` every target gets the same tuple; a function reads a module's global when it is
 *   called, so a global assigned at the bottom of the module is what the function applies; `==` compares;
 *   `@` is the matrix multiplication operator (PEP 465).
 * - PyTorch: `nn.GELU(approximate="tanh")` is the tanh GELU; `nn.Softplus(beta=2, threshold=20)` is softplus
 *   with beta 2 and threshold 20; `F.gelu` is the exact GELU; `torch.sigmoid` the logistic sigmoid;
 *   `F.silu` is SiLU.
 * - Julia (the manual, "Functions: Destructuring assignment", "Control Flow", "Scope of Variables"):
 *   `a, b, c = x, y, z` destructures the tuple element by element (a line ending in `=` continues);
 *   `Dense(4 => 4; bias = false)` passes a keyword after `;` to one call; `if (cond) … end` is a
 *   conditional that introduces no scope and binds no names, so a variable it assigns is the function's
 *   and a function it defines is global; NNlib's `relu`, `sigmoid` and `softplus`; `x * sigmoid(x)` is
 *   SiLU (swish with beta 1).
 */
import assert from 'node:assert/strict';
import './freshModels';
import { recognizeAt } from '../../src/core';
import { expectCall, expectNothing, nthOffset } from './recognizeHelpers';

const PY = 'python';
const JL = 'julia';

/** What is recognized with the cursor inside the first character of the nth `needle`. */
function at(lang: string, text: string, needle: string, nth = 0) {
  return recognizeAt(text, nthOffset(text, needle, nth) + 1, lang);
}

const PYTORCH_GATED_UNITS = `"""Gated feed-forward units, each picking its activation pair in one line.

The pairs are built where they are used so that a sweep can swap one line per variant.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F


def gated_tanh_gelu(x: torch.Tensor, w: torch.Tensor, v: torch.Tensor) -> torch.Tensor:
    act, gate = nn.GELU(approximate="tanh"), torch.sigmoid
    return act(x @ w) * gate(x @ v)


def gated_softplus(x: torch.Tensor, w: torch.Tensor, v: torch.Tensor) -> torch.Tensor:
    act, gate = nn.Softplus(beta=2, threshold=20), nn.Sigmoid()
    return act(x @ w) * gate(x @ v)


def gated_named(x: torch.Tensor, w: torch.Tensor, name: str) -> torch.Tensor:
    act, exact = F.gelu, name == "gelu"
    h = act(x @ w)
    return h if exact else h.clamp(min=-4.0, max=4.0)


def gated_mixture(x: torch.Tensor, w: torch.Tensor, v: torch.Tensor) -> torch.Tensor:
    act, *gates = F.gelu, torch.sigmoid
    h = act(x @ w)
    for gate in gates:
        h = h * gate(x @ v)
    return h


def residual(x: torch.Tensor, block, norm: nn.LayerNorm, dropout: float = 0.1) -> torch.Tensor:
    """Pre-norm residual around any of the units above."""
    y = block(norm(x))
    y = F.dropout(y, p=dropout, training=True)
    return x + y


def init_weights(width: int, hidden: int, seed: int = 0):
    """Weights for one unit, scaled like nn.Linear's default init."""
    g = torch.Generator().manual_seed(seed)
    bound = 1.0 / width ** 0.5
    w = (torch.rand(width, hidden, generator=g) * 2 - 1) * bound
    v = (torch.rand(width, hidden, generator=g) * 2 - 1) * bound
    return w, v
`;

const PYTORCH_BOTTOM_PAIR = `"""Gated unit whose activation pair is set at the bottom, where a config import may override it."""
import torch
import torch.nn.functional as F


def gated_unit(x: torch.Tensor, w: torch.Tensor, v: torch.Tensor) -> torch.Tensor:
    return act(x @ w) * gate(x @ v)


act, gate = F.gelu, torch.sigmoid,`;

const PYTORCH_NOTEBOOK_PAIR = `# Exported from a notebook: each cell's lines joined with semicolons.
import torch
import torch.nn.functional as F

act, gate = F.silu, torch.sigmoid,; width = 64
x = torch.randn(8, width)
y = act(x) * gate(x)
`;

const PYTORCH_CONTINUED = `"""Activation pair on a continued line, as a formatter that wraps at 60 columns leaves it."""
import torch
import torch.nn.functional as F


def gated_unit(x: torch.Tensor, w: torch.Tensor, v: torch.Tensor) -> torch.Tensor:
    act, gate = \\
        F.gelu, torch.sigmoid
    return act(x @ w) * gate(x @ v)
`;

const FLUX_CONTINUED = `using Flux

function gated(x, W, V)
    act, gate =
        relu, sigmoid
    return act.(W * x) .* gate.(V * x)
end
`;

const FLUX_TRIPLE = `using Flux

"""A gated block: one projection through act, one through gate, a bias-free mixer between them."""
function gated(x)
    act, mixer, gate = relu, Dense(4 => 4; bias = false), sigmoid
    return act.(x) .* gate.(mixer(x))
end
`;

const FLUX_CONDITIONAL = `using Flux

act = relu

"""Applies the module's activation unless it was switched off."""
function maybe_activate(x)
    if (act !== identity)
        return act.(x)
    end
    return x
end
`;

const FLUX_GUARDED_DEF = `using Flux

# The gate is defined only where the fused kernels are missing; elsewhere the package provides it.
if (!isdefined(Main, :silu_gate))
    silu_gate(x) = x * sigmoid(x)
end

"""One gated projection."""
block(W, x) = silu_gate.(W * x)
`;

const PYTORCH_MATMUL = `"""Swish-gated projection written out by hand for the export script."""
import torch


def swish(x: torch.Tensor) -> torch.Tensor:
    return x * torch.sigmoid(x)


def project(h: torch.Tensor, w: torch.Tensor) -> torch.Tensor:
    return h @ swish(w)
`;

const PYTORCH_REGISTRY = `"""Activation registry filled while the model is built, with fallbacks for old configs."""
import torch
import torch.nn.functional as F

# Defaults of the 2021 configs; the current ones override them below.
pair = F.relu, torch.tanh


def register(x: torch.Tensor, name: str):
    table = {}
    table[name], act = F.silu, F.gelu
    return act(x), table


def current_pair(x: torch.Tensor, exact: bool):
    act, gate = pair = F.gelu, torch.sigmoid
    return act(x) * gate(x), pair


def reversed_pair(x: torch.Tensor):
    act, gate = (torch.sigmoid, F.gelu)[::-1]
    return act(x) * gate(x)


BASE = (0.5, F.gelu)


def scaled_unit(x: torch.Tensor, w: torch.Tensor, v: torch.Tensor):
    scale, act, gate = *BASE, torch.sigmoid
    return scale * act(x @ w) * gate(x @ v)
`;

/** 125 knots 0.00 … 6.20 of a lookup table: the tuple's right-hand side is 255 tokens long. */
const KNOTS = Array.from({ length: 125 }, (_, n) => (n * 0.05).toFixed(2)).join(', ');

const PYTORCH_SPLINE = `"""A tabulated activation: the exact GELU on the knots, interpolated in between."""
import torch
import torch.nn.functional as F

act, knots = F.gelu, [${KNOTS}]
grid = torch.tensor(knots)
table = act(grid)
`;

const FLUX_SMOOTH_SWITCH = `using Flux

"""Rectifies \`x\`, with a smooth rectifier when asked (the branch keeps one activation per call)."""
function activate(x, smooth::Bool)
    act = relu
    if (smooth)
        act = softplus
    end
    return act.(x)
end
`;

describe('bindings: a tuple assignment split into its elements', () => {
  it('commas, `=` and `==` inside an element’s brackets or operators stay in that element', () => {
    const tanh = at(PY, PYTORCH_GATED_UNITS, 'act(x @ w)');
    assert.equal(tanh?.id, 'gelu');
    assert.equal(tanh?.params.approximate, 'tanh');
    expectCall(PY, PYTORCH_GATED_UNITS, 'gate', { id: 'sigmoid', framework: 'pytorch' }, 1);
    const softplus = at(PY, PYTORCH_GATED_UNITS, 'act(x @ w)', 1);
    assert.equal(softplus?.id, 'softplus');
    assert.equal(softplus?.params.beta, 2);
    assert.equal(softplus?.params.threshold, 20);
    assert.equal(at(PY, PYTORCH_GATED_UNITS, 'gate(x @ v)', 1)?.id, 'sigmoid');
    const exact = at(PY, PYTORCH_GATED_UNITS, 'act(x @ w)', 2);
    assert.equal(exact?.id, 'gelu');
    assert.equal(exact?.params.approximate, 'none');
  });

  it('a starred target gathers a list: it holds no activation', () => {
    expectNothing(PY, PYTORCH_GATED_UNITS, 'gates', 1);
  });

  it('a right-hand side on the next line (Python after a backslash, Julia after `=`) is read', () => {
    expectCall(PY, PYTORCH_CONTINUED, 'act', { id: 'gelu', framework: 'pytorch' }, 1);
    expectCall(PY, PYTORCH_CONTINUED, 'gate', { id: 'sigmoid', framework: 'pytorch' }, 1);
    expectCall(JL, FLUX_CONTINUED, 'act', { id: 'relu', framework: 'flux' }, 1);
    expectCall(JL, FLUX_CONTINUED, 'gate', { id: 'sigmoid', framework: 'flux' }, 1);
  });

  it('Julia: a keyword list after `;` inside a call stays in its element', () => {
    expectCall(JL, FLUX_TRIPLE, 'act', { id: 'relu', framework: 'flux' }, 2);
    expectCall(JL, FLUX_TRIPLE, 'gate', { id: 'sigmoid', framework: 'flux' }, 2);
  });

  it('the file’s last statement, with a trailing comma, pairs its elements', () => {
    const gelu = at(PY, PYTORCH_BOTTOM_PAIR, 'act(x');
    assert.equal(gelu?.id, 'gelu');
    assert.equal(gelu?.params.approximate, 'none');
    assert.equal(at(PY, PYTORCH_BOTTOM_PAIR, 'gate(x')?.id, 'sigmoid');
  });

  it('a trailing comma before `;` still makes a pair', () => {
    expectCall(PY, PYTORCH_NOTEBOOK_PAIR, 'act', { id: 'silu', framework: 'pytorch' }, 1);
    expectCall(PY, PYTORCH_NOTEBOOK_PAIR, 'gate', { id: 'sigmoid', framework: 'pytorch' }, 1);
  });

  it('an element target is no name bound to an element: the dict stays a dict', () => {
    expectNothing(PY, PYTORCH_REGISTRY, 'table', 2);
  });

  it('a chain `a, b = pair = x, y` gives act no element of an older pair', () => {
    const got = at(PY, PYTORCH_REGISTRY, 'act(x) *');
    assert.ok(got === undefined || got.id === 'gelu', JSON.stringify(got));
    const reversed = at(PY, PYTORCH_REGISTRY, 'act(x) *', 1);
    assert.ok(reversed === undefined || reversed.id === 'gelu', JSON.stringify(reversed));
  });

  it('a starred element gives its items to the targets in order: act is BASE’s GELU, not sigmoid', () => {
    const act = at(PY, PYTORCH_REGISTRY, 'act(x @ w)');
    assert.ok(act === undefined || act.id === 'gelu', JSON.stringify(act));
    const gate = at(PY, PYTORCH_REGISTRY, 'gate(x @ v)');
    assert.ok(gate === undefined || gate.id === 'sigmoid', JSON.stringify(gate));
  });

  it('a long right-hand side within the tokens read still pairs its elements', () => {
    const got = at(PY, PYTORCH_SPLINE, 'act(grid)');
    assert.equal(got?.id, 'gelu');
    assert.equal(got?.params.approximate, 'none');
  });
});

describe('definitions and lookup: what is no function scope, what is no macro call', () => {
  it('Julia: the names in `if (…)` are no parameters; act is the global relu', () => {
    expectCall(JL, FLUX_CONDITIONAL, 'act', { id: 'relu', framework: 'flux' }, 2);
  });

  it('Julia: a variable assigned in `if (…)` is the function’s: after it, act is no longer surely relu', () => {
    const got = at(JL, FLUX_SMOOTH_SWITCH, 'act.(x)');
    assert.ok(got === undefined || got.id !== 'relu', JSON.stringify(got));
  });

  it('Julia: a function defined inside `if (…) … end` is visible after the `end` (x · σ(x), SiLU)', () => {
    assert.equal(at(JL, FLUX_GUARDED_DEF, 'silu_gate.(')?.id, 'silu');
  });

  it('Python: `h @ swish(w)` calls the def swish above (x · sigmoid(x), SiLU)', () => {
    assert.equal(at(PY, PYTORCH_MATMUL, 'swish(w)')?.id, 'silu');
  });
});
