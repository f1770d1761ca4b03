/**
 * Recognizer on PyTorch code: functional calls, modules, tensor methods, aliases through imports, calls
 * split over lines, nested calls, non-literal arguments and every numeric literal form Python has.
 */
import assert from 'node:assert/strict';
import { recognizeAt } from '../../src/core';
import { expectCall, hover } from './recognizeHelpers';
import { readPytorchReference } from '../pytorchReference';

const PY = 'python';
const PT = 'pytorch';

const MODEL = `import torch
import torch.nn as nn
import torch.nn.functional as F


class MLP(nn.Module):
    """A small MLP."""

    def __init__(self, d_in: int, d_hidden: int, slope: float = 0.1):
        super().__init__()
        self.fc1 = nn.Linear(d_in, d_hidden)
        self.act = nn.LeakyReLU(0.2, inplace=True)
        self.elu = nn.ELU(alpha=0.5)
        self.sp = nn.Softplus(beta=2, threshold=10)
        self.clip = nn.Hardtanh(-2, 2)
        self.head = nn.Softmax(dim=-1)
        self.prelu = nn.PReLU(init=0.1)
        self.gelu = nn.GELU(approximate="tanh")
        self.slope = slope

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = F.relu(self.fc1(x))
        h = F.dropout(F.relu(self.fc1(h)), 0.5)
        h = F.leaky_relu(h, negative_slope=self.slope)
        h = torch.nn.functional.gelu(
            h,
            approximate="tanh",
        )
        h = torch.sigmoid(h) * h.tanh()
        h = F.relu_(h)
        h.relu_()
        return h.softmax(-1)
`;

describe('recognizeAt: PyTorch modules', () => {
  it('reads positional and keyword literals of nn modules', () => {
    expectCall(PY, MODEL, 'LeakyReLU', {
      id: 'leaky_relu',
      framework: PT,
      params: { negative_slope: 0.2 },
    });
    expectCall(PY, MODEL, 'ELU', { id: 'elu', framework: PT, params: { alpha: 0.5 } });
    expectCall(PY, MODEL, 'Softplus', {
      id: 'softplus',
      framework: PT,
      params: { beta: 2, threshold: 10 },
    });
    expectCall(PY, MODEL, 'Hardtanh', {
      id: 'hardtanh',
      framework: PT,
      params: { min_val: -2, max_val: 2 },
    });
    expectCall(PY, MODEL, 'Softmax', { id: 'softmax', framework: PT, params: { dim: -1 } });
    expectCall(PY, MODEL, 'PReLU', { id: 'prelu', framework: PT, params: { weight: 0.1 } });
    expectCall(PY, MODEL, 'GELU', { id: 'gelu', framework: PT, params: { approximate: 'tanh' } });
  });

  it('shows PyTorch defaults when the code gives none', () => {
    const src = 'act = nn.LeakyReLU()\ng = nn.GELU()\nsp = nn.Softplus()\nr = nn.RReLU()';
    expectCall(PY, src, 'LeakyReLU', {
      id: 'leaky_relu',
      framework: PT,
      params: { negative_slope: 0.01 },
    });
    expectCall(PY, src, 'GELU', { id: 'gelu', framework: PT, params: { approximate: 'none' } });
    expectCall(PY, src, 'Softplus', {
      id: 'softplus',
      framework: PT,
      params: { beta: 1, threshold: 20 },
    });
    expectCall(PY, src, 'RReLU', {
      id: 'rrelu',
      framework: PT,
      params: { lower: 1 / 8, upper: 1 / 3 },
    });
  });
});

describe('recognizeAt: PyTorch functions and methods', () => {
  it('recognizes functional calls, nested calls and in-place forms', () => {
    expectCall(PY, MODEL, 'relu', { id: 'relu', framework: PT });
    // The 0.5 belongs to dropout, not to relu.
    expectCall(PY, MODEL, 'relu', { id: 'relu', framework: PT }, 1);
    expectCall(PY, MODEL, 'relu_', { id: 'relu', framework: PT });
    expectCall(PY, MODEL, 'relu_', { id: 'relu', framework: PT }, 1);
    expectCall(PY, MODEL, 'sigmoid', { id: 'sigmoid', framework: PT });
    expectCall(PY, MODEL, 'tanh', { id: 'tanh', framework: PT }, 2);
    expectCall(PY, MODEL, 'softmax', { id: 'softmax', framework: PT, params: { dim: -1 } });
  });

  it('reads a call split over several lines', () => {
    expectCall(
      PY,
      MODEL,
      'gelu',
      { id: 'gelu', framework: PT, params: { approximate: 'tanh' } },
      1,
    );
  });

  it('reports keyword expressions as not literal and keeps the default', () => {
    expectCall(PY, MODEL, 'leaky_relu', {
      id: 'leaky_relu',
      framework: PT,
      params: { negative_slope: 0.01 },
      nonLiteral: ['negative_slope'],
    });
  });

  it('reports a numeric literal input as arg', () => {
    expectCall(PY, 'y = F.relu(-2.0)', 'relu', { id: 'relu', framework: PT, arg: -2 });
    expectCall(PY, 'y = torch.tanh(torch.tensor(0.5))', 'tanh', { id: 'tanh', framework: PT });
  });

  it('parses every Python numeric literal form', () => {
    const cases: [string, number][] = [
      ['1e-2', 0.01],
      ['.1', 0.1],
      ['-0.5', -0.5],
      ['6.0', 6],
      ['1/3', 1 / 3],
      ['2.', 2],
      ['1_0e-1', 1],
      ['(0.25)', 0.25],
    ];
    for (const [lit, value] of cases) {
      expectCall(PY, `F.leaky_relu(x, ${lit})`, 'leaky_relu', {
        id: 'leaky_relu',
        framework: PT,
        params: { negative_slope: value },
      });
    }
  });
});

describe('recognizeAt: PyTorch aliases', () => {
  it('follows import aliases', () => {
    const fn = 'import torch.nn.functional as fn\n\ny = fn.silu(x)\n';
    expectCall(PY, fn, 'silu', { id: 'silu', framework: PT });
    const fromImport = 'from torch.nn import ReLU, Mish as M\n\nlayers = [ReLU(), M()]\n';
    expectCall(PY, fromImport, 'ReLU', { id: 'relu', framework: PT }, 1);
    expectCall(PY, fromImport, 'M', { id: 'mish', framework: PT }, 1);
    const fromTorch = 'from torch import nn\nact = nn.SiLU()\n';
    expectCall(PY, fromTorch, 'SiLU', { id: 'silu', framework: PT });
    const fnImport = 'from torch.nn.functional import softplus\ny = softplus(x, beta=3)\n';
    expectCall(PY, fnImport, 'softplus', { id: 'softplus', framework: PT, params: { beta: 3 } }, 1);
  });

  it('works on a snippet without imports by convention', () => {
    expectCall(PY, 'F.celu(x, 2.0)', 'celu', { id: 'celu', framework: PT, params: { alpha: 2 } });
    expectCall(PY, 'nn.Hardshrink(lambd=1)', 'Hardshrink', {
      id: 'hardshrink',
      framework: PT,
      params: { lambd: 1 },
    });
  });

  it('reads PyTorch Transformer activation strings', () => {
    const src = 'layer = nn.TransformerEncoderLayer(512, 8, activation="gelu")';
    expectCall(PY, src, 'gelu', { id: 'gelu', framework: PT, params: { approximate: 'none' } });
  });
});

describe('recognizeAt: parameter names match real PyTorch', () => {
  // Every parameterised case in the PyTorch reference, written as a functional call with keyword arguments
  // (the keyword names are PyTorch's own), must come back with the same parameters.
  const fixture = readPytorchReference();
  // The gated units are compositions (a * F.silu(b), …) in the reference, not torch.nn.functional names.
  const composed = new Set(['swiglu', 'geglu', 'reglu']);
  const cases = [...fixture.scalar, ...fixture.vector].filter(
    (c) => Object.keys(c.params).length > 0 && c.id !== 'prelu' && !composed.has(c.id),
  );

  it('has parameterised cases to check', () => {
    assert.ok(cases.length >= 10);
  });

  for (const c of cases) {
    it(`F.${c.id}(x, ${JSON.stringify(c.params)})`, () => {
      const kwargs = Object.entries(c.params)
        .map(([k, v]) => `${k}=${typeof v === 'string' ? `'${v}'` : String(v)}`)
        .join(', ');
      const src = `y = F.${c.id}(x, ${kwargs})`;
      const got = hover(PY, src, c.id);
      assert.ok(got, src);
      assert.equal(got.id, c.id);
      for (const [k, v] of Object.entries(c.params)) {
        assert.equal(got.params[k], v, `${k} in ${src}`);
      }
    });
  }

  it('reads PReLU weight from the module constructor', () => {
    const weight = fixture.scalar.find((c) => c.id === 'prelu' && 'weight' in c.params);
    assert.ok(weight);
    const src = `act = nn.PReLU(num_parameters=1, init=${String(weight.params.weight)})`;
    assert.equal(
      recognizeAt(src, src.indexOf('PReLU') + 2, PY)?.params.weight,
      weight.params.weight,
    );
  });
});
