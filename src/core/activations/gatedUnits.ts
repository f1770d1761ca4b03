/**
 * Gated linear units beyond GLU (Shazeer, "GLU Variants Improve Transformer", 2020): the input is split as
 * F.glu splits it, first half a, second half b, and the output is a ⊙ act(b) with act = SiLU (SwiGLU),
 * exact GELU (GEGLU) or ReLU (ReGLU). The gates reuse the scalar entries' numerics, so each unit is exactly
 * a * F.silu(b), a * F.gelu(b), a * F.relu(b) with PyTorch's derivatives.
 */
import type { Properties, VectorEvaluation } from '../types';
import { fm, type PointFn, type VectorDef } from './def';
import { gelu } from './gelu';
import { relu } from './reluFamily';
import { silu } from './smoothGated';
import { dimParam } from './softmaxFamily';
import { SOURCE, src } from './sources';

/** y = a ⊙ g(b) for z = [a; b]; the Jacobian is n/2 × n with g(bᵢ) and aᵢ·g′(bᵢ) per row. */
export function gatedUnit(id: string, z: readonly number[], gate: PointFn): VectorEvaluation {
  if (z.length % 2 !== 0) {
    throw new Error(
      `${id}: input length must be even (it is split into two halves), got ${z.length}`,
    );
  }
  const h = z.length / 2;
  const o = { y: 0, dy: 0, d2y: 0 };
  const y: number[] = [];
  const jacobian: number[][] = [];
  for (let i = 0; i < h; i++) {
    const a = z[i];
    gate(z[h + i], o);
    y.push(a * o.y);
    const row = new Array<number>(z.length).fill(0);
    row[i] = o.y;
    row[h + i] = a * o.dy;
    jacobian.push(row);
  }
  return { y, jacobian };
}

const GATED_UNIT_PROPS: Properties = {
  range: '(−∞, ∞)',
  monotonic: false,
  zeroCentred: false,
  smooth: true,
  saturates: { left: false, right: false },
  bounded: { below: false, above: false },
  selfGated: false,
};

const SILU_GATE = silu.bind({ beta: 1 });
const GELU_GATE = gelu.bind({ approximate: 'none' });
const RELU_GATE = relu.bind({ negative_slope: 0, max_value: Infinity, threshold: 0 });

const SHAZEER = src(
  'GLU Variants Improve Transformer (Shazeer, 2020)',
  'https://arxiv.org/abs/2002.05202',
);

/** The TeX/Unicode pair of a ⊙ act(b) and its two partial derivatives. */
function gatedFormulas(tex: string, uni: string, dTex: string, dUni: string) {
  return {
    f: fm(`a \\odot ${tex}(b),\\quad z = [a; b]`, `a ⊙ ${uni}(b), z = [a; b]`),
    df: fm(
      `\\frac{\\partial y_i}{\\partial a_i} = ${tex}(b_i),\\; \\frac{\\partial y_i}{\\partial b_i} = a_i\\,${dTex}`,
      `∂yᵢ/∂aᵢ = ${uni}(bᵢ), ∂yᵢ/∂bᵢ = aᵢ·${dUni}`,
    ),
  };
}

export const swiglu: VectorDef = {
  kind: 'vector',
  info: {
    id: 'swiglu',
    name: 'SwiGLU',
    family: 'Gated linear units',
    summary: 'Gated linear unit with a SiLU gate: split z into a, b and return a ⊙ SiLU(b).',
    params: [dimParam],
    properties: GATED_UNIT_PROPS,
    notes: [
      'The feed-forward block of LLaMA, PaLM and Mistral: (xW) ⊙ SiLU(xV), then a down projection.',
      {
        text: 'Split as F.glu splits: the first half is the value a, the second half goes through the gate (some codebases gate the first half instead).',
        source: SHAZEER,
      },
    ],
    docs: {},
    related: ['glu', 'geglu', 'reglu', 'silu'],
    differences: [],
    plotRange: [-4, 4],
  },
  apply: (z) => gatedUnit('swiglu', z, SILU_GATE),
  formulas: () =>
    gatedFormulas(
      '\\operatorname{SiLU}',
      'SiLU',
      '\\sigma(b_i)\\left(1 + b_i(1 - \\sigma(b_i))\\right)',
      'σ(bᵢ)(1 + bᵢ(1 − σ(bᵢ)))',
    ),
};

export const geglu: VectorDef = {
  kind: 'vector',
  info: {
    id: 'geglu',
    name: 'GEGLU',
    family: 'Gated linear units',
    summary: 'Gated linear unit with an exact GELU gate: a ⊙ GELU(b).',
    params: [dimParam],
    properties: GATED_UNIT_PROPS,
    notes: [
      'The gated feed-forward of T5 v1.1 and Gemma (Gemma gates with the tanh GELU; shown here is the exact one).',
      { text: 'Same split as F.glu: value a first, gate input b second.', source: SHAZEER },
    ],
    docs: {},
    related: ['glu', 'swiglu', 'reglu', 'gelu'],
    differences: [],
    plotRange: [-4, 4],
  },
  apply: (z) => gatedUnit('geglu', z, GELU_GATE),
  formulas: () =>
    gatedFormulas(
      '\\operatorname{GELU}',
      'GELU',
      '\\left(\\Phi(b_i) + b_i\\,\\varphi(b_i)\\right)',
      '(Φ(bᵢ) + bᵢ·φ(bᵢ))',
    ),
};

export const reglu: VectorDef = {
  kind: 'vector',
  info: {
    id: 'reglu',
    name: 'ReGLU',
    family: 'Gated linear units',
    summary: 'Gated linear unit with a ReLU gate: a ⊙ max(0, b).',
    params: [dimParam],
    properties: { ...GATED_UNIT_PROPS, smooth: false },
    notes: [
      'Outputs are exactly 0 wherever the gate input is negative, whatever the value a.',
      {
        text: "∂y/∂b at b = 0 is 0: PyTorch's relu′(0) = 0 convention, carried into the gate.",
        source: SOURCE.torchActivation,
      },
    ],
    docs: {},
    related: ['glu', 'swiglu', 'geglu', 'relu'],
    differences: [],
    plotRange: [-4, 4],
  },
  apply: (z) => gatedUnit('reglu', z, RELU_GATE),
  formulas: () => gatedFormulas('\\operatorname{ReLU}', 'ReLU', '[b_i > 0]', '[bᵢ > 0]'),
};
