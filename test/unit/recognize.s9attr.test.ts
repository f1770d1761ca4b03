/**
 * Attributes assigned by Python tuple assignments (`self.gate, self.act = nn.Sigmoid(), nn.GELU()`), read
 * element-wise by attributes.ts: pinned where the ninth mutation round left its new tuple reader untested.
 *
 * Expected values come from Python's language reference and PyTorch's documentation:
 * - "Assignment statements": a target list gets the value's items element-wise, left to right; a comma
 *   inside brackets (`nn.Linear(dim, hidden)`, `[1, 2, 4]`, `{"dim": dim}`) belongs to that item, and a
 *   line of its own is another statement. A target list whose value does not unpack into as many items
 *   (`self.act, self.norm = factory(…)`) gives each target an item no literal names.
 * - A target may be a subscription (`self.blocks[0]`, `self.swapped["act"]`) or starred (PEP 3132: `*self.convs`
 *   takes the values left over, one when there are as many values as targets); the others still pair by
 *   place.
 * - "Conditional expressions": `nn.GELU() if exact else nn.SiLU()` is one item, and it chooses between two
 *   activations: no one activation.
 * - An attribute path `self.act.inplace` (or `child.act`) assigns an attribute of another object, not
 *   `self.act` itself.
 * - "Assignment statements" again: the value is evaluated before any target is assigned, so a call in the
 *   value (`h, self.act = self.act(x), nn.GELU()`) runs the attribute assigned above that statement.
 * - "Compound statements": a header's body may follow its `:` on the same line (`if gated: self.act = …`,
 *   `else: …`, `def use_relu(self): self.act = nn.ReLU()`); those are assignments as an indented body is.
 * - PyTorch: `nn.GELU(approximate="tanh")`, `nn.LeakyReLU(0.1)` (negative_slope 0.1), `nn.Softplus(beta=2.0)`,
 *   `nn.ReLU`, `nn.SiLU` are the activations of those names with those parameters.
 * - transformers' activations registry: `ACT2FN["gelu_new"]` is the tanh approximation of GELU
 *   (NewGELUActivation) and `get_activation("sigmoid")` is `nn.Sigmoid`.
 */
import './freshModels';
import { expectCall, expectNothing } from './recognizeHelpers';

const PY = 'python';

describe('Python tuple assignment: items split only at top-level commas, one statement each', () => {
  const src = `"""Gated MLP blocks for a small vision transformer: the layers are built in pairs, one tuple a line."""
import torch
import torch.nn as nn


class GatedMLP(nn.Module):
    """Two projections, a leaky gate and a GELU branch (tanh approximation, as the reference code)."""

    def __init__(self, dim, hidden, drop=0.0):
        super().__init__()
        self.fc_in, self.act = nn.Linear(dim, 2 * hidden), nn.GELU(approximate="tanh")
        self.dilations, self.gate = [1, 2, 4], nn.LeakyReLU(0.1, inplace=False)
        self.config, self.out_act = {"dim": dim, "hidden": hidden}, nn.Softplus(beta=2.0)
        self.fc_out, self.drop = nn.Linear(hidden, dim), nn.Dropout(drop)

    def forward(self, x):
        a, b = self.fc_in(x).chunk(2, dim=-1)
        h = self.act(a) * self.gate(b)
        return self.out_act(self.drop(self.fc_out(h)))
`;

  it('a call with a comma in its arguments is one item: the second target is GELU (tanh)', () => {
    expectCall(
      PY,
      src,
      'act',
      { id: 'gelu', framework: 'pytorch', params: { approximate: 'tanh' } },
      1,
    );
  });

  it('a list display is one item: the second target is leaky ReLU (slope 0.1)', () => {
    expectCall(
      PY,
      src,
      'gate',
      { id: 'leaky_relu', framework: 'pytorch', params: { negative_slope: 0.1 } },
      2,
    );
  });

  it('a dict display is one item: the second target is softplus (β = 2)', () => {
    expectCall(
      PY,
      src,
      'out_act',
      { id: 'softplus', framework: 'pytorch', params: { beta: 2 } },
      1,
    );
  });
});

describe('Python tuple assignment: a conditional expression item chooses', () => {
  const src = `"""Feed-forward block whose activation is picked by the config."""
import torch.nn as nn


class FeedForward(nn.Module):
    def __init__(self, dim, hidden, exact=True, p=0.1):
        super().__init__()
        self.up, self.down = nn.Linear(dim, hidden), nn.Linear(hidden, dim)
        self.act, self.drop = nn.GELU() if exact else nn.SiLU(), nn.Dropout(p)
        self.gate, self.scale = nn.Sigmoid(), 1.0 / hidden

    def forward(self, x):
        h = self.act(self.up(x)) * self.gate(self.up(x))
        return self.down(self.drop(h)) * self.scale
`;

  it('`nn.GELU() if exact else nn.SiLU()` as the first item: no one activation', () => {
    expectNothing(PY, src, 'act', 1);
  });

  it('the look-alike next to it: a sigmoid followed by a number is the sigmoid', () => {
    expectCall(PY, src, 'gate', { id: 'sigmoid', framework: 'pytorch' }, 1);
  });
});

describe('Python tuple assignment: targets that are attributes of other objects', () => {
  const src = `"""Residual block whose activation can be tuned on children for ablations."""
import torch.nn as nn


class ResidualBlock(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.norm = nn.LayerNorm(dim)
        self.fc = nn.Linear(dim, dim)
        self.act = nn.ReLU(inplace=True)

    def make_exact(self, child):
        """Give a child block the exact GELU and a sigmoid gate (the ablation's baseline)."""
        child.act, child.gate = nn.GELU(), nn.Sigmoid()

    def keep_inputs(self):
        # Forward hooks need the input kept: turn the in-place op off and widen the norm's epsilon.
        self.act.inplace, self.norm.eps = False, 1e-5

    def forward(self, x):
        return x + self.act(self.fc(self.norm(x)))
`;

  it('`child.act, child.gate = …` and `self.act.inplace, … = …` leave `self.act` the ReLU', () => {
    expectCall(PY, src, 'act', { id: 'relu', framework: 'pytorch' }, 3);
  });
});

describe('Python tuple assignment as the last statement of a file', () => {
  const src = `"""Squeeze-and-excitation block with a SiLU bottleneck, plus a smoke test."""
import torch
import torch.nn as nn


class SqueezeExcite(nn.Module):
    def __init__(self, channels, reduction=4):
        super().__init__()
        self.reduce = nn.Conv2d(channels, channels // reduction, 1)
        self.act = nn.SiLU()
        self.expand = nn.Conv2d(channels // reduction, channels, 1)

    def forward(self, x):
        s = x.mean((2, 3), keepdim=True)
        return x * torch.sigmoid(self.expand(self.act(self.reduce(s))))


if __name__ == "__main__":
    block = SqueezeExcite(32)
    x, mask = torch.randn(2, 32, 8, 8), None`;

  it('the file ends inside the value: the attributes above still read (SiLU)', () => {
    expectCall(PY, src, 'act', { id: 'silu', framework: 'pytorch' }, 1);
  });
});

/** A windowed-sinc low-pass filter's taps, written out as a hard-coded table in source code does. */
function lowPassTaps(count: number): string {
  const taps: string[] = [];
  const mid = (count - 1) / 2;
  for (let n = 0; n < count; n++) {
    const t = (n - mid) / 4;
    const sinc = t === 0 ? 1 : Math.sin(Math.PI * t) / (Math.PI * t);
    const hann = 0.5 - 0.5 * Math.cos((2 * Math.PI * n) / (count - 1));
    taps.push((sinc * hann * 0.25).toFixed(6));
  }
  return taps.join(', ');
}

describe('Python tuple assignment whose value is longer than the reader looks', () => {
  const src = `"""Anti-aliased activation for a neural vocoder: upsample, SiLU, low-pass, downsample."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class AntiAliasedSiLU(nn.Module):
    """The low-pass filter's taps are fixed: a Hann-windowed sinc with the cutoff at a quarter band."""

    def __init__(self):
        super().__init__()
        self.act = nn.SiLU()
        self.taps, self.pad = torch.tensor([${lowPassTaps(221)}]), 110

    def forward(self, x):
        up = F.interpolate(x, scale_factor=2.0, mode="linear")
        h = self.act(up)
        return F.conv1d(h, self.taps.view(1, 1, -1), padding=self.pad)[..., ::2]
`;

  it('a 221-tap table in the tuple leaves the attribute above readable (SiLU)', () => {
    expectCall(PY, src, 'act', { id: 'silu', framework: 'pytorch' }, 1);
  });
});

describe('Python tuple assignment whose value unpacks one object', () => {
  const src = `"""Transformer block whose activation and norm can be swapped by a factory (ablation runs)."""
import torch.nn as nn


class Block(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.fc = nn.Linear(dim, dim)
        self.act, self.norm = nn.GELU(), nn.LayerNorm(dim)

    def swap_layers(self, factory):
        """Replace the activation and the norm by the pair a factory builds for this width."""
        self.act, self.norm = factory(self.fc.in_features)

    def forward(self, x):
        return self.norm(x + self.act(self.fc(x)))
`;

  it('`self.act, self.norm = factory(…)` assigns something else too: no one activation', () => {
    expectNothing(PY, src, 'act', 2);
  });
});

describe('Python: an assignment in the call’s own statement comes after the call', () => {
  const src = `"""Activation annealing: the tanh approximation of GELU while warming up, then the exact GELU."""
import torch.nn as nn


class AnnealedMLP(nn.Module):
    def __init__(self, dim, hidden):
        super().__init__()
        self.up, self.down = nn.Linear(dim, hidden), nn.Linear(hidden, dim)
        self.act = nn.GELU(approximate="tanh")

    def warmup_step(self, x):
        # The last warm-up step still runs the approximation, then switches to the exact GELU.
        h, self.act = self.act(self.up(x)), nn.GELU()
        return self.down(h)

    def forward(self, x):
        return self.down(self.act(self.up(x)))
`;

  it('the value `self.act(…)` is evaluated before `self.act` is reassigned: GELU (tanh)', () => {
    expectCall(
      PY,
      src,
      'act',
      { id: 'gelu', framework: 'pytorch', params: { approximate: 'tanh' } },
      2,
    );
  });

  it('after the warm-up step it may be either GELU: no one activation', () => {
    expectNothing(PY, src, 'act', 3);
  });
});

describe('Python: a compound statement’s body on the header’s line assigns too', () => {
  const src = `"""Gated units for a speech encoder; the int8 export path swaps in ReLU."""
import torch.nn as nn


class GatedUnit(nn.Module):
    def __init__(self, dim, gated=True):
        super().__init__()
        self.proj = nn.Linear(dim, dim)
        if gated: self.gate, self.act = nn.Sigmoid(), nn.SiLU()
        else: self.gate, self.act = nn.Identity(), nn.SiLU()

    def forward(self, x): return self.gate(x) * self.act(self.proj(x))


class ExportableFF(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.fc = nn.Linear(dim, dim)
        self.act = nn.GELU()

    def use_relu(self): self.act = nn.ReLU()  # int8 kernels have no GELU

    def forward(self, x):
        return self.act(self.fc(x))
`;

  it('both branches of a one-line `if`/`else` build SiLU: SiLU', () => {
    expectCall(PY, src, 'act', { id: 'silu', framework: 'pytorch' }, 2);
  });

  it('the branches build a sigmoid and an identity: no one activation', () => {
    expectNothing(PY, src, 'gate', 2);
  });

  it('a one-line method body reassigns GELU to ReLU: no one activation', () => {
    expectNothing(PY, src, 'act', 5);
  });
});

describe('Python tuple assignment: an activation made by its name, then another item', () => {
  const src = `"""BERT-style intermediate layer whose activations come from transformers' registry."""
import torch.nn as nn
from transformers.activations import ACT2FN, get_activation


class Intermediate(nn.Module):
    def __init__(self, hidden, inner, dropout=0.1):
        super().__init__()
        self.act, self.dropout = ACT2FN["gelu_new"], nn.Dropout(dropout)
        self.dense, self.gate = nn.Linear(hidden, inner), get_activation("sigmoid")

    def forward(self, x):
        h = self.act(self.dense(x)) * self.gate(self.dense(x))
        return self.dropout(h)
`;

  it('`ACT2FN["gelu_new"]` as the first item: GELU (tanh)', () => {
    expectCall(
      PY,
      src,
      'act',
      { id: 'gelu', framework: 'pytorch', params: { approximate: 'tanh' } },
      1,
    );
  });

  it('`get_activation("sigmoid")` as the last item: sigmoid', () => {
    expectCall(PY, src, 'gate', { id: 'sigmoid', framework: 'pytorch' }, 1);
  });
});

describe('Python tuple assignment with a subscript or a starred target', () => {
  const src = `"""MobileNetV3-style stem and head; the export path records which activation it swapped in."""
import torch.nn as nn


class Stem(nn.Module):
    def __init__(self, dim):
        super().__init__()
        *self.convs, self.act = nn.Conv2d(3, dim, 3, stride=2, padding=1), nn.Hardswish()
        self.blocks = nn.ModuleList([nn.Identity(), nn.Identity()])
        self.blocks[0], self.gate = nn.BatchNorm2d(dim), nn.Hardsigmoid()

    def forward(self, x):
        h = self.act(self.convs[0](x))
        return self.blocks[0](h) * self.gate(h)


class Head(nn.Module):
    def __init__(self, dim, classes):
        super().__init__()
        self.fc = nn.Linear(dim, classes)
        self.act = nn.GELU()
        self.swapped = {}

    def use_relu(self):
        self.act, self.swapped["act"] = nn.ReLU(), "gelu"

    def forward(self, x):
        return self.fc(self.act(x))
`;

  it('a starred target before it takes one value: the second target is hard swish', () => {
    expectCall(PY, src, 'act', { id: 'hardswish', framework: 'pytorch' }, 1);
  });

  it('a subscript target before it: the second target is hard sigmoid', () => {
    expectCall(PY, src, 'gate', { id: 'hardsigmoid', framework: 'pytorch' }, 1);
  });

  it('a subscript target after it: `self.act` is reassigned ReLU, so no one activation', () => {
    expectNothing(PY, src, 'act', 5);
  });
});
