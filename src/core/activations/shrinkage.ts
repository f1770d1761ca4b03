/**
 * Shrinkage functions from sparse coding: they pull small inputs to 0. Gradients at ±λ follow PyTorch
 * (0 on the closed interval [−λ, λ]).
 */
import type { ParamSpec } from '../types';
import { cases, num, fm, type ScalarDef } from './def';
import { docLinks } from './docs';
import { SOURCE } from './sources';

const lambd: ParamSpec = {
  name: 'lambd',
  symbol: '\\lambda',
  unicode: 'λ',
  default: 0.5,
  min: 0,
  description: 'Half-width of the dead zone around 0 (must be ≥ 0).',
};

const SHRINK_PROPS = {
  range: '(−∞, ∞)',
  monotonic: true,
  zeroCentred: true,
  smooth: false,
  saturates: { left: false, right: false },
  bounded: { below: false, above: false },
  selfGated: false,
};

export const softshrink: ScalarDef = {
  kind: 'scalar',
  info: {
    id: 'softshrink',
    name: 'Softshrink',
    family: 'Shrinkage',
    summary: 'Soft thresholding: moves x towards 0 by λ, and to 0 inside [−λ, λ].',
    params: [lambd],
    properties: { ...SHRINK_PROPS, continuousDerivatives: 0 },
    notes: [
      'The proximal operator of λ|x|: the step behind ISTA and LASSO solvers.',
      'Gradient 0 inside [−λ, λ]: small inputs are switched off.',
    ],
    docs: docLinks({ pytorch: 'Softshrink', kerasSource: true, flux: 'softshrink' }),
    related: ['hardshrink', 'tanhshrink'],
    differences: [],
    plotRange: [-3, 3],
  },
  bind(p) {
    const l = num(p, 'lambd');
    return (x, o) => {
      o.y = x > l ? x - l : x < -l ? x + l : 0;
      o.dy = x > l || x < -l ? 1 : 0;
      o.d2y = 0;
    };
  },
  kinks: (p) => (num(p, 'lambd') === 0 ? [] : [-num(p, 'lambd'), num(p, 'lambd')]),
  formulas: () => ({
    f: cases(
      ['x - \\lambda', 'x > \\lambda', 'x − λ', 'x > λ'],
      ['x + \\lambda', 'x < -\\lambda', 'x + λ', 'x < −λ'],
      ['0', '|x| \\le \\lambda', '0', '|x| ≤ λ'],
    ),
    df: cases(['1', '|x| > \\lambda', '1', '|x| > λ'], ['0', '|x| \\le \\lambda', '0', '|x| ≤ λ']),
  }),
};

export const hardshrink: ScalarDef = {
  kind: 'scalar',
  info: {
    id: 'hardshrink',
    name: 'Hardshrink',
    family: 'Shrinkage',
    summary: 'Hard thresholding: x outside [−λ, λ], 0 inside.',
    params: [lambd],
    properties: { ...SHRINK_PROPS, range: '{0} ∪ (−∞, −λ) ∪ (λ, ∞)', continuousDerivatives: -1 },
    notes: [
      'Keeps large inputs unchanged and zeroes small ones: discontinuous at ±λ.',
      'The proximal operator of the ℓ₀ penalty.',
    ],
    docs: docLinks({ pytorch: 'Hardshrink', kerasSource: true }),
    related: ['softshrink', 'threshold'],
    differences: [
      {
        frameworks: ['keras'],
        text: "Keras calls λ 'threshold'.",
        source: SOURCE.keras3Activations,
      },
    ],
    plotRange: [-3, 3],
  },
  bind(p) {
    const l = num(p, 'lambd');
    return (x, o) => {
      const out = x > l || x < -l;
      o.y = out ? x : 0;
      o.dy = out ? 1 : 0;
      o.d2y = 0;
    };
  },
  kinks: (p) => (num(p, 'lambd') === 0 ? [] : [-num(p, 'lambd'), num(p, 'lambd')]),
  formulas: () => ({
    f: cases(['x', '|x| > \\lambda', 'x', '|x| > λ'], ['0', '|x| \\le \\lambda', '0', '|x| ≤ λ']),
    df: cases(['1', '|x| > \\lambda', '1', '|x| > λ'], ['0', '|x| \\le \\lambda', '0', '|x| ≤ λ']),
  }),
};

/** x − tanh x by its series near 0, where the subtraction would cancel every digit. */
function tanhshrinkSmall(x: number): number {
  const x2 = x * x;
  return x * x2 * (1 / 3 + x2 * (-2 / 15 + x2 * (17 / 315 + x2 * (-62 / 2835))));
}

export const tanhshrink: ScalarDef = {
  kind: 'scalar',
  info: {
    id: 'tanhshrink',
    name: 'Tanhshrink',
    family: 'Shrinkage',
    summary: 'x − tanh(x): flat near 0, linear (offset by ∓1) far out.',
    params: [],
    properties: { ...SHRINK_PROPS, smooth: true },
    notes: [
      "f'(x) = tanh²(x): almost no gradient near 0 (≈ x²), full gradient far out.",
      'Smooth counterpart of softshrink with λ ≈ 1.',
    ],
    docs: docLinks({ pytorch: 'Tanhshrink', kerasSource: true, flux: 'tanhshrink' }),
    related: ['softshrink', 'tanh', 'lisht'],
    differences: [],
    plotRange: [-3, 3],
  },
  bind: () => (x, o) => {
    const t = Math.tanh(x);
    const e = Math.exp(-2 * Math.abs(x));
    const d = 1 + e;
    o.y = Math.abs(x) < 0.01 ? tanhshrinkSmall(x) : x - t;
    o.dy = t * t;
    o.d2y = (2 * t * 4 * e) / (d * d);
  },
  kinks: () => [],
  formulas: () => ({
    f: fm('x - \\tanh(x)', 'x − tanh(x)'),
    df: fm('\\tanh^2(x)', 'tanh²(x)'),
  }),
};
