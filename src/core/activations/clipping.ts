/**
 * Piecewise-linear clamps and steps: hardtanh, threshold and the identity. Gradients at the edges follow
 * PyTorch: 0 on the boundary itself.
 */
import { cases, fm, num, type ScalarDef } from './def';
import { docLinks } from './docs';
import { SOURCE, torchDoc } from './sources';

export const hardtanh: ScalarDef = {
  kind: 'scalar',
  info: {
    id: 'hardtanh',
    name: 'Hardtanh',
    family: 'Piecewise linear',
    summary: 'The identity clamped to [min_val, max_val]: a piecewise-linear tanh.',
    params: [
      {
        name: 'min_val',
        symbol: 'a',
        unicode: 'a',
        default: -1,
        description: 'Lower clamp: outputs below it are cut to it.',
      },
      {
        name: 'max_val',
        symbol: 'b',
        unicode: 'b',
        default: 1,
        description: 'Upper clamp (must exceed min_val).',
      },
    ],
    properties: {
      range: '[−1, 1]',
      monotonic: true,
      zeroCentred: true,
      smooth: false,
      continuousDerivatives: 0,
      saturates: { left: true, right: true },
      bounded: { below: true, above: true },
      selfGated: false,
    },
    notes: [
      'A cheap stand-in for tanh: zero-centred and bounded, but the gradient is exactly 0 outside the band.',
      'Units pushed outside [a, b] stop learning, as with a saturated tanh.',
    ],
    docs: docLinks({ pytorch: 'Hardtanh', kerasSource: true, jax: 'hard_tanh', flux: 'hardtanh' }),
    related: ['tanh', 'relu6', 'softsign'],
    differences: [
      {
        frameworks: ['jax', 'flax', 'keras'],
        text: 'jax.nn.hard_tanh (also in Flax) and Keras on either backend give gradient 1 on the boundaries (PyTorch: 0).',
        source: SOURCE.jaxNn,
      },
    ],
    plotRange: [-3, 3],
  },
  check(p) {
    if (!(num(p, 'min_val') < num(p, 'max_val'))) {
      throw new Error(
        `hardtanh: parameter 'max_val' (${p.max_val}) must be greater than 'min_val' (${p.min_val})`,
      );
    }
  },
  bind(p) {
    const a = num(p, 'min_val');
    const b = num(p, 'max_val');
    return (x, o) => {
      o.y = x < a ? a : x > b ? b : x;
      o.dy = x > a && x < b ? 1 : 0;
      o.d2y = 0;
    };
  },
  kinks: (p) => [num(p, 'min_val'), num(p, 'max_val')],
  formulas: () => ({
    f: fm('\\min(\\max(x, a), b)', 'min(max(x, a), b)'),
    df: cases(['1', 'a < x < b', '1', 'a < x < b'], ['0', '\\text{otherwise}', '0', 'otherwise']),
  }),
};

export const threshold: ScalarDef = {
  kind: 'scalar',
  info: {
    id: 'threshold',
    name: 'Threshold',
    family: 'Piecewise linear',
    summary: 'x above a threshold θ, a constant value v at or below it.',
    params: [
      {
        name: 'threshold',
        symbol: '\\theta',
        unicode: 'θ',
        default: 1,
        description:
          'Inputs at or below it are replaced (PyTorch requires it; 1 as in Flux/TF.js).',
      },
      {
        name: 'value',
        symbol: 'v',
        unicode: 'v',
        default: 0,
        description: 'The replacement value (PyTorch requires it; 0 as in thresholded ReLU).',
      },
    ],
    properties: {
      range: '{0} ∪ (1, ∞)',
      monotonic: true,
      zeroCentred: false,
      smooth: false,
      continuousDerivatives: -1,
      saturates: { left: true, right: false },
      bounded: { below: true, above: false },
      selfGated: false,
    },
    notes: [
      'Discontinuous at θ unless v = θ: the jump carries no gradient.',
      {
        text: 'With v = 0 it is the thresholded ReLU of Flux (trelu) and TF.js (thresholdedReLU).',
        source: SOURCE.nnlib,
      },
    ],
    docs: docLinks({ pytorch: 'Threshold', kerasSource: true, flux: 'trelu' }),
    related: ['relu', 'hardshrink'],
    differences: [
      {
        frameworks: ['pytorch'],
        text: 'PyTorch has no defaults: threshold and value must be given.',
        source: torchDoc('Threshold'),
      },
    ],
    plotRange: [-3, 3],
  },
  bind(p) {
    const t = num(p, 'threshold');
    const v = num(p, 'value');
    return (x, o) => {
      o.y = x > t ? x : v;
      o.dy = x > t ? 1 : 0;
      o.d2y = 0;
    };
  },
  kinks: (p) => [num(p, 'threshold')],
  formulas: () => ({
    f: cases(['x', 'x > \\theta', 'x', 'x > θ'], ['v', 'x \\le \\theta', 'v', 'x ≤ θ']),
    df: cases(['1', 'x > \\theta', '1', 'x > θ'], ['0', 'x \\le \\theta', '0', 'x ≤ θ']),
  }),
};

export const linear: ScalarDef = {
  kind: 'scalar',
  info: {
    id: 'linear',
    name: 'Linear (identity)',
    family: 'Piecewise linear',
    summary: 'No activation: f(x) = x.',
    params: [],
    properties: {
      range: '(−∞, ∞)',
      monotonic: true,
      zeroCentred: true,
      smooth: true,
      saturates: { left: false, right: false },
      bounded: { below: false, above: false },
      selfGated: false,
    },
    notes: [
      'A stack of linear layers is one linear map: depth buys nothing without a nonlinearity.',
      {
        text: "Keras' default when activation=None; the usual output for regression.",
        source: SOURCE.keras3Activations,
      },
    ],
    gain: () => 1,
    docs: docLinks({ pytorch: 'Identity', keras: 'linear', jax: 'identity' }),
    related: ['relu', 'tanh'],
    differences: [],
    plotRange: [-3, 3],
  },
  bind: () => (x, o) => {
    o.y = x;
    o.dy = 1;
    o.d2y = 0;
  },
  kinks: () => [],
  formulas: () => ({ f: fm('x', 'x'), df: fm('1', '1') }),
};
