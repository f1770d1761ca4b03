/**
 * Pinned where the last mutation round found new code untested: attributes.ts's pairing of tuple targets
 * with values when the values are fewer items than the targets but unpack to as many (a starred item
 * `*tail`), Julia's juxtaposition after a call (`σ(x)x`), and the juxtaposition being Julia's only (a Rust
 * cast written against its parenthesized operand, `(v)as f64`).
 *
 * Expected values come from the languages' references, PyTorch's documentation and mathematics:
 * - Julia's manual, "Numeric Literal Coefficients", and its parser: a value ending in `)` written against a
 *   name multiplies it (`(x - 1)x`; the parser treats the `)` of a call the same way), so `σ(x)x` is
 *   σ(x) · x, SiLU (NNlib's `σ` is the logistic sigmoid); `σ(x)y` multiplies another array, no activation.
 * - The Rust Reference, "Type cast expressions": `(v)as f64` is `v` converted, the same value, so
 *   1 / (1 + e^(-v)) is the logistic sigmoid; no whitespace is needed between `)` and `as`.
 * - "Expression lists" (PEP 448): a starred item `*tail` in an expression list unpacks its iterable in
 *   place, so `nn.Sigmoid(), *tail` is a tuple of 1 + len(tail) values and
 *   `self.gate, self.act, self.drop = nn.Sigmoid(), *tail` gives `self.act` the value `tail[0]`.
 * - "Assignment statements": a target list without a starred target takes the values one by one, in
 *   order, so in `self.norm, self.act, self.drop = *head, nn.GELU()` (head of two) `self.act` is
 *   `head[1]` and only `self.drop` is the GELU.
 * - The modules come from the caller (`*tail`, `head`), so no activation is known for `self.act`.
 *   PyTorch: `nn.Sigmoid()` and `nn.GELU()` are the activations of those names.
 */
import './freshModels';
import { expectFormula, expectNoFormula } from './formulaHelpers';
import { expectNothing } from './recognizeHelpers';

const PY = 'python';

describe('Python tuple assignment: a starred value after a known item', () => {
  const src = `"""Gated feed-forward block; callers pass the activation and dropout they want."""
import torch.nn as nn


class GatedFeedForward(nn.Module):
    def __init__(self, dim, hidden, *tail_modules):
        super().__init__()
        self.proj_in = nn.Linear(dim, 2 * hidden)
        # tail_modules = (activation, dropout), e.g. (nn.GELU(), nn.Dropout(0.1))
        self.gate, self.act, self.drop = nn.Sigmoid(), *tail_modules
        self.proj_out = nn.Linear(hidden, dim)

    def forward(self, x):
        value, gate = self.proj_in(x).chunk(2, dim=-1)
        h = self.act(value) * self.gate(gate)
        return self.proj_out(self.drop(h))
`;

  it('`self.gate, self.act, self.drop = nn.Sigmoid(), *tail_modules`: self.act is no sigmoid', () => {
    expectNothing(PY, src, 'act', 1);
  });
});

describe('Python tuple assignment: a starred value before a known item', () => {
  const src = `"""Classifier head built from a caller's (norm, activation) pair and a fixed GELU."""
import torch.nn as nn


class ClassifierHead(nn.Module):
    def __init__(self, dim, num_classes, head):
        super().__init__()
        # head = (norm, activation), both chosen by the config
        self.norm, self.act, self.drop_act = *head, nn.GELU()
        self.fc = nn.Linear(dim, num_classes)

    def forward(self, x):
        x = self.act(self.norm(x))
        return self.fc(self.drop_act(x))
`;

  it('`self.norm, self.act, self.drop_act = *head, nn.GELU()`: self.act is head[1], no GELU', () => {
    expectNothing(PY, src, 'act', 1);
  });
});

describe('Julia: a call written against a name multiplies it', () => {
  const src = `module GateRef

using NNlib: σ

export swish_ref

# Swish with the gate written first, as in the paper's appendix: σ(x)·x.
swish_ref(x) = σ(x)x

# Not an activation: the gate of x scales another array.
gated_ref(x, y) = σ(x)y

end
`;

  it('reads σ(x)x as SiLU', () => {
    expectFormula('julia', src, 'σ(x)x', { id: 'silu', framework: 'flux' });
  });

  it('reads no activation in σ(x)y, a gate of x on another array', () => {
    expectNoFormula('julia', src, 'σ(x)y');
  });
});

describe('Rust: a parenthesized operand written against `as` is cast, not multiplied', () => {
  const src = `//! Reference activations the kernel tests compare against.

/// The logistic function of one value, computed in f64.
pub fn sigmoid_ref(v: f32) -> f64 {
    1.0 / (1.0 + (-(v)as f64).exp())
}

/// Not an activation: a plain widening of the input.
pub fn widen(v: f32) -> f64 {
    (v)as f64
}
`;

  it('reads 1.0 / (1.0 + (-(v)as f64).exp()) as the sigmoid', () => {
    expectFormula('rust', src, '1.0 / (1.0 + (-(v)as f64).exp())', {
      id: 'sigmoid',
      framework: 'other',
    });
  });
});
