/**
 * Literal arguments, attributes and names the code binds, as a hover reports them.
 *
 * Literals: a parameter's value is the number, string or constant the code writes, read by each language's
 * lexical rules (Python's `.25`, `1e-3`, prefixed and triple-quoted strings; C/C++'s `0.2f`, `1L`, `1UL`
 * suffixes; Rust's `0.2_f64`, `1usize` and hex with a type suffix; Julia's Float32 `0.2f0`, `1f-10` and its
 * imaginary `im`; JavaScript's template literals; candle's `D::Minus1`/`D::Minus2` counting dims from the
 * end). An expression (`x.ndim - 1`, `1 / n`, `0.1 * 2`, `1 / 0`) is no literal: the parameter is reported
 * as given but not read, and its documented default stays. A text that is no literal in any of our languages
 * (`1u0`, `1.2.3f0`) has no value.
 */
import assert from 'node:assert/strict';
import { recognizeAt } from '../../src/core';
import { evalLiteral, parseNumber, stringValue } from '../../src/core/recognize/literals';
import { tokenize } from '../../src/core/recognize/tokenizer';
import { expectCall, nthOffset } from './recognizeHelpers';

const PY = 'python';

/** What is recognized with the cursor just inside the nth `needle` (a call's name at its start). */
function at(lang: string, text: string, needle: string, nth = 0) {
  return recognizeAt(text, nthOffset(text, needle, nth) + 1, lang);
}

describe('numeric literals as Python parameters', () => {
  const SRC = `"""Activation choices for a small attention block, some computed from the config."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class Head(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        # Symmetric clamp written with an explicit plus sign.
        self.clamp = nn.Hardtanh(min_val=-2.0, max_val=+2.0)
        self.leak = nn.LeakyReLU(negative_slope=.25)
        self.tiny = nn.LeakyReLU(1e-3)
        self.tinier = nn.LeakyReLU(1e-10)
        self.scaled = nn.LeakyReLU(negative_slope=0.1 * 2)
        self.half = nn.ELU(alpha=(1) / 2)

    def forward(self, logits, x, n):
        p = F.softmax(logits, dim=logits.ndim - 1)
        g = F.glu(x, dim=-n)
        r = F.rrelu(x, lower=1 / 8, upper=1 / n)
        s = F.softplus(x, beta=n / 2)
        q = F.leaky_relu(x, negative_slope=1 / 0)
        return p, g, r, s, q
`;

  it('reads signed, leading-dot and exponent numbers as written', () => {
    expectCall(PY, SRC, 'Hardtanh', {
      id: 'hardtanh',
      framework: 'pytorch',
      params: { min_val: -2, max_val: 2 },
    });
    expectCall(PY, SRC, 'LeakyReLU', {
      id: 'leaky_relu',
      framework: 'pytorch',
      params: { negative_slope: 0.25 },
    });
    expectCall(
      PY,
      SRC,
      'LeakyReLU',
      { id: 'leaky_relu', framework: 'pytorch', params: { negative_slope: 0.001 } },
      1,
    );
    expectCall(
      PY,
      SRC,
      'LeakyReLU',
      { id: 'leaky_relu', framework: 'pytorch', params: { negative_slope: 1e-10 } },
      2,
    );
  });

  it('reads a fraction of two numbers, also with the numerator in parentheses', () => {
    expectCall(PY, SRC, 'ELU', { id: 'elu', framework: 'pytorch', params: { alpha: 0.5 } });
    const r = at(PY, SRC, 'rrelu');
    assert.equal(r?.params.lower, 1 / 8);
  });

  it('reports an expression as a parameter given but not read, keeping the default', () => {
    expectCall(
      PY,
      SRC,
      'LeakyReLU',
      {
        id: 'leaky_relu',
        framework: 'pytorch',
        params: { negative_slope: 0.01 },
        nonLiteral: ['negative_slope'],
      },
      3,
    );
    expectCall(PY, SRC, 'softmax', { id: 'softmax', framework: 'pytorch', nonLiteral: ['dim'] });
    assert.equal(at(PY, SRC, 'softmax')?.params.dim, undefined);
    expectCall(PY, SRC, 'glu', {
      id: 'glu',
      framework: 'pytorch',
      params: { dim: -1 },
      nonLiteral: ['dim'],
    });
    expectCall(PY, SRC, 'rrelu', {
      id: 'rrelu',
      framework: 'pytorch',
      params: { lower: 1 / 8, upper: 1 / 3 },
      nonLiteral: ['upper'],
    });
    expectCall(PY, SRC, 'softplus', {
      id: 'softplus',
      framework: 'pytorch',
      params: { beta: 1, threshold: 20 },
      nonLiteral: ['beta'],
    });
  });

  it('does not divide by a literal zero', () => {
    expectCall(PY, SRC, 'leaky_relu', {
      id: 'leaky_relu',
      framework: 'pytorch',
      params: { negative_slope: 0.01 },
      nonLiteral: ['negative_slope'],
    });
  });
});

describe('numeric literals with C++, Rust and Julia suffixes', () => {
  it('LibTorch: f, F, L and UL suffixes and digit separators', () => {
    const src = `#include <torch/torch.h>

namespace F = torch::nn::functional;

// Scores of the ranking head, with the slopes used in the paper.
torch::Tensor head(torch::Tensor x) {
  auto a = torch::softmax(x, 1L);
  auto b = torch::leaky_relu(x, 0.2f);
  auto c = F::leaky_relu(x, F::LeakyReLUFuncOptions().negative_slope(2e-1F));
  auto d = torch::softmax(x, /*dim=*/1UL);
  auto e = torch::elu(x, 1'000);
  return a + b + c + d + e;
}
`;
    assert.equal(at('cpp', src, 'softmax(x, 1L')?.params.dim, 1);
    assert.equal(at('cpp', src, 'leaky_relu(x, 0')?.params.negative_slope, 0.2);
    assert.equal(at('cpp', src, 'leaky_relu(x, F')?.params.negative_slope, 0.2);
    assert.equal(at('cpp', src, 'softmax(x, /*')?.params.dim, 1);
    assert.equal(at('cpp', src, 'elu(x, 1')?.params.alpha, 1000);
  });

  it("candle: D::Minus1 and D::Minus2 count from the end; another enum's Minus1 is not a dim", () => {
    const src = `use candle_core::{Result, Tensor, D};
use candle_nn::ops;

/// The project's own axis names, unrelated to candle's D.
enum Axis {
    Minus1,
}

fn attention(scores: &Tensor, xs: &Tensor) -> Result<Tensor> {
    let p = ops::softmax(scores, D::Minus1)?;
    let q = ops::softmax(scores, candle_core::D::Minus2)?;
    let r = ops::softmax(scores, Axis::Minus1)?;
    let s = ops::softmax(scores, 1usize)?;
    let h = ops::leaky_relu(xs, 0.2_f64)?;
    let k = ops::leaky_relu(xs, 2e-1f64)?;
    let u = ops::softmax(scores, 0x1usize)?;
    p.add(&q)?.add(&r)?.add(&s)?.add(&h)?.add(&k)?.add(&u)
}
`;
    assert.equal(at('rust', src, 'softmax(scores, D')?.params.dim, -1);
    assert.equal(at('rust', src, 'softmax(scores, c')?.params.dim, -2);
    const other = at('rust', src, 'softmax(scores, A');
    assert.equal(other?.params.dim, undefined);
    assert.deepEqual(other?.nonLiteral, ['dim']);
    assert.equal(at('rust', src, 'softmax(scores, 1')?.params.dim, 1);
    assert.equal(at('rust', src, 'leaky_relu(xs, 0')?.params.negative_slope, 0.2);
    assert.equal(at('rust', src, 'leaky_relu(xs, 2')?.params.negative_slope, 0.2);
    assert.equal(at('rust', src, 'softmax(scores, 0x')?.params.dim, 1);
  });

  it('Flux: Float32 literals with f as the exponent marker; an imaginary number is no slope', () => {
    const src = `using Flux

# Leaky slopes tried in the ablation, as Float32 literals.
a = leakyrelu.(x, 0.2f0)
b = leakyrelu.(x, .5f0)
c = leakyrelu.(x, 1f-10)
d = leakyrelu.(x, 0.5f0im)
`;
    assert.equal(at('julia', src, 'leakyrelu', 0)?.params.negative_slope, 0.2);
    assert.equal(at('julia', src, 'leakyrelu', 1)?.params.negative_slope, 0.5);
    assert.equal(at('julia', src, 'leakyrelu', 2)?.params.negative_slope, 1e-10);
    const complex = at('julia', src, 'leakyrelu', 3);
    assert.equal(complex?.params.negative_slope, 0.01);
    assert.deepEqual(complex?.nonLiteral, ['negative_slope']);
  });
});

describe('parseNumber: one numeric token by the lexical rules of our languages', () => {
  it('reads every spelling a language allows', () => {
    const cases: [string, number][] = [
      ['0x1F', 31],
      ['0X10', 16],
      ['0x10u', 16],
      ['0x1Fi32', 31],
      ['0b101', 5],
      ['0B11u8', 3],
      ['0o17', 15],
      ['1_000', 1000],
      ["1'000", 1000],
      ['2.0f64', 2],
      ['2.0_f64', 2],
      ['0.2f0', 0.2],
      ['.5f0', 0.5],
      ['1f-10', 1e-10],
      ['0.2f', 0.2],
      ['10UL', 10],
      ['1i32', 1],
      ['1e16', 1e16],
      ['1e-8', 1e-8],
      ['.25', 0.25],
      ['6.', 6],
    ];
    for (const [raw, value] of cases) {
      assert.equal(parseNumber(raw), value, raw);
    }
  });

  it('has no value for what no language reads as one number', () => {
    for (const raw of ['10x1F', '0x1Fzz', '0b102', '0o9', '1.2.3f0', '0.5f0im', '1u0']) {
      assert.equal(parseNumber(raw), undefined, raw);
    }
  });
});

describe('string literals: the value between the quotes', () => {
  /** The value of each string token of `src`. */
  function strings(src: string, lang: 'python' | 'js'): string[] {
    return tokenize(src, 0, src.length, lang)
      .filter((t) => t.k === 'str')
      .map(stringValue);
  }

  it('Python: prefixes and triple quotes are not part of the value', () => {
    assert.deepEqual(strings(`a = r"relu" + f'gelu' + """tanh""" + ''''''`, 'python'), [
      'relu',
      'gelu',
      'tanh',
      '',
    ]);
  });

  it('a string still being typed at the end of the file is read up to the end', () => {
    assert.deepEqual(strings('act = nn.GELU(approximate="tanh', 'python'), ['tanh']);
    assert.deepEqual(strings('act = nn.GELU(approximate="""ta', 'python'), ['ta']);
    assert.deepEqual(strings('act = nn.GELU(approximate="""tanh"', 'python'), ['tanh"']);
    const src = 'import torch.nn as nn\nact = nn.GELU(approximate="tanh';
    assert.equal(at(PY, src, 'GELU')?.params.approximate, 'tanh');
  });

  it('GELU given a raw or triple-quoted string reads its approximation', () => {
    const src = `import torch.nn as nn

fast = nn.GELU(approximate=r"tanh")
exact = nn.GELU(approximate="""none""")
`;
    assert.equal(at(PY, src, 'GELU', 0)?.params.approximate, 'tanh');
    assert.equal(at(PY, src, 'GELU', 1)?.params.approximate, 'none');
  });

  it('TF.js: an activation named in a template literal without substitutions', () => {
    const src = `import * as tf from '@tensorflow/tfjs';

// The hidden layers share one activation, spelled with backticks by the generator.
export const hidden = tf.layers.dense({ units: 64, activation: \`relu\` });
`;
    const [s] = [nthOffset(src, 'relu')];
    const got = recognizeAt(src, s + 1, 'javascript');
    assert.equal(got?.id, 'relu');
    assert.equal(got?.framework, 'tfjs');
  });

  it('TF.js: text between the substitutions of a template literal names no activation', () => {
    const src = `import * as tf from '@tensorflow/tfjs';

// The generator splices the activation's name from the config.
export const hidden = tf.layers.dense({ units: 64, activation: \`\${prefix}relu\${suffix}\` });
`;
    assert.equal(recognizeAt(src, nthOffset(src, 'relu') + 1, 'javascript'), undefined);
  });
});

describe('evalLiteral: the value of an argument written as tokens', () => {
  /** The literal value of a whole Python argument. */
  function value(arg: string) {
    const toks = tokenize(arg, 0, arg.length, 'python');
    return evalLiteral(toks, 0, toks.length, 'python');
  }

  it('reads constants, signs and parenthesized fractions', () => {
    assert.equal(value('True'), true);
    assert.equal(value('None'), null);
    assert.equal(value('+2.0'), 2);
    assert.equal(value('(1) / 8'), 1 / 8);
    assert.equal(value('(-0.5)'), -0.5);
  });

  it('has no value for expressions, names or a division by zero', () => {
    for (const arg of [
      'x.ndim - 1',
      '-n',
      '0.1 * 2',
      '1 / n',
      'n / 2',
      '1 / 0',
      '~0',
      'toString',
    ]) {
      assert.equal(value(arg), undefined, arg);
    }
  });
});
