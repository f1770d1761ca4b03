/**
 * Sigmoid-shaped functions. Everything goes through e^{−|x|} so neither tail overflows nor loses its
 * relative precision (σ'(x) = e^{−|x|}/(1 + e^{−|x|})² instead of σ(1 − σ)).
 */
import { cases, fm, type ScalarDef } from './def';
import { docLinks } from './docs';
import { SOURCE } from './sources';

export const SIGMOID_PROPS = {
  range: '(0, 1)',
  monotonic: true,
  zeroCentred: false,
  smooth: true,
  saturates: { left: true, right: true },
  bounded: { below: true, above: true },
  selfGated: false,
};

export const sigmoid: ScalarDef = {
  kind: 'scalar',
  info: {
    id: 'sigmoid',
    name: 'Sigmoid',
    family: 'Sigmoid family',
    summary: 'Logistic function σ(x) = 1/(1 + e^{−x}), squashing into (0, 1).',
    params: [],
    properties: SIGMOID_PROPS,
    notes: [
      "Saturates on both sides: σ' = σ(1 − σ) ≤ 0.25, so each sigmoid layer scales the gradient by at most ¼ (times the weights): in a deep stack of sigmoids the gradient vanishes.",
      'Not zero-centred: outputs are always positive, which makes weight updates zig-zag.',
      'Still the right choice for gates and for a probability output.',
    ],
    gain: () => 1,
    docs: docLinks({
      pytorch: 'Sigmoid',
      keras: 'sigmoid',
      tensorflow: 'math/sigmoid',
      jax: 'sigmoid',
      flux: 'sigmoid',
      tfjs: 'sigmoid',
    }),
    related: ['tanh', 'hardsigmoid', 'logsigmoid', 'softsign'],
    differences: [],
    plotRange: [-6, 6],
  },
  bind: () => (x, o) => {
    const e = Math.exp(-Math.abs(x));
    const r = 1 / (1 + e);
    const g = e * r * r;
    o.y = x >= 0 ? r : e * r;
    o.dy = g;
    o.d2y = g * (x >= 0 ? e - 1 : 1 - e) * r;
  },
  kernel: () => (xs, y, dy, d2y) => {
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i];
      const e = Math.exp(-Math.abs(x));
      const r = 1 / (1 + e);
      const g = e * r * r;
      y[i] = x >= 0 ? r : e * r;
      dy[i] = g;
      d2y[i] = g * (x >= 0 ? e - 1 : 1 - e) * r;
    }
  },
  kinks: () => [],
  formulas: () => ({
    f: fm('\\sigma(x) = \\frac{1}{1 + e^{-x}}', 'σ(x) = 1/(1 + e^(−x))'),
    df: fm('\\sigma(x)\\,(1 - \\sigma(x))', 'σ(x)(1 − σ(x))'),
  }),
};

export const tanh: ScalarDef = {
  kind: 'scalar',
  info: {
    id: 'tanh',
    name: 'Tanh',
    family: 'Sigmoid family',
    summary: 'Hyperbolic tangent, squashing into (−1, 1).',
    params: [],
    properties: { ...SIGMOID_PROPS, range: '(−1, 1)', zeroCentred: true },
    notes: [
      'tanh(x) = 2σ(2x) − 1: a rescaled sigmoid, zero-centred.',
      "tanh'(0) = 1, four times sigmoid's, but it still saturates on both sides.",
    ],
    gain: () => 5 / 3,
    docs: docLinks({
      pytorch: 'Tanh',
      keras: 'tanh',
      tensorflow: 'math/tanh',
      jax: 'tanh',
      flux: 'tanh',
      tfjs: 'tanh',
    }),
    related: ['sigmoid', 'hardtanh', 'softsign', 'tanhshrink'],
    differences: [],
    plotRange: [-4, 4],
  },
  bind: () => (x, o) => {
    const t = Math.tanh(x);
    const e = Math.exp(-2 * Math.abs(x));
    const d = 1 + e;
    // sech² from e^{−2|x|}: 1 − t² would lose every digit once t rounds to ±1.
    o.y = t;
    o.dy = (4 * e) / (d * d);
    o.d2y = -2 * t * o.dy;
  },
  kinks: () => [],
  formulas: () => ({
    f: fm(
      '\\tanh(x) = \\frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}',
      'tanh(x) = (eˣ − e^(−x))/(eˣ + e^(−x))',
    ),
    df: fm('1 - \\tanh^2(x)', '1 − tanh²(x)'),
  }),
};

export const logsigmoid: ScalarDef = {
  kind: 'scalar',
  info: {
    id: 'logsigmoid',
    name: 'LogSigmoid',
    family: 'Sigmoid family',
    summary: 'log σ(x) = −softplus(−x).',
    params: [],
    properties: {
      ...SIGMOID_PROPS,
      range: '(−∞, 0)',
      saturates: { left: false, right: true },
      bounded: { below: false, above: true },
    },
    notes: [
      'Computed as min(x, 0) − log1p(e^{−|x|}): log(σ(x)) directly would give −∞ for x < −745.',
      "f'(x) = σ(−x): the gradient never vanishes on the left.",
    ],
    docs: docLinks({
      pytorch: 'LogSigmoid',
      kerasSource: true,
      tensorflow: 'math/log_sigmoid',
      jax: 'log_sigmoid',
      flux: 'logsigmoid',
      tfjs: 'logSigmoid',
    }),
    related: ['sigmoid', 'softplus', 'log_softmax'],
    differences: [],
    plotRange: [-6, 4],
  },
  bind: () => (x, o) => {
    const e = Math.exp(-Math.abs(x));
    const d = 1 + e;
    o.y = Math.min(x, 0) - Math.log1p(e);
    o.dy = x >= 0 ? e / d : 1 / d;
    o.d2y = -e / (d * d);
  },
  kinks: () => [],
  formulas: () => ({
    f: fm('\\log \\sigma(x) = -\\log(1 + e^{-x})', 'log σ(x) = −log(1 + e^(−x))'),
    df: fm('\\sigma(-x) = 1 - \\sigma(x)', 'σ(−x) = 1 − σ(x)'),
  }),
};

export const softsign: ScalarDef = {
  kind: 'scalar',
  info: {
    id: 'softsign',
    name: 'Softsign',
    family: 'Sigmoid family',
    summary: 'x/(1 + |x|): a tanh-like squash with polynomial tails.',
    params: [],
    properties: {
      ...SIGMOID_PROPS,
      range: '(−1, 1)',
      zeroCentred: true,
      smooth: false,
      continuousDerivatives: 1,
    },
    notes: [
      'Approaches ±1 polynomially (f′ = 1/(1 + |x|)²), so it saturates more gently than tanh.',
      "Not smooth: f'' jumps at 0.",
    ],
    docs: docLinks({
      pytorch: 'Softsign',
      keras: 'softsign',
      tensorflow: 'nn/softsign',
      jax: 'soft_sign',
      flux: 'softsign',
    }),
    related: ['tanh', 'sigmoid'],
    differences: [],
    plotRange: [-6, 6],
  },
  bind: () => (x, o) => {
    const d = 1 + Math.abs(x);
    o.y = Number.isFinite(x) ? x / d : Math.sign(x);
    o.dy = 1 / (d * d);
    o.d2y = x === 0 ? 0 : (-2 * Math.sign(x)) / (d * d * d);
  },
  kinks: () => [0],
  formulas: () => ({
    f: fm('\\frac{x}{1 + |x|}', 'x/(1 + |x|)'),
    df: fm('\\frac{1}{(1 + |x|)^2}', '1/(1 + |x|)²'),
  }),
};

export const sparseSigmoid: ScalarDef = {
  kind: 'scalar',
  info: {
    id: 'sparse_sigmoid',
    name: 'Sparse sigmoid',
    family: 'Sigmoid family',
    summary: '½·clip(x + 1, 0, 2): exactly 0 or 1 outside [−1, 1].',
    params: [],
    properties: { ...SIGMOID_PROPS, range: '[0, 1]', smooth: false, continuousDerivatives: 0 },
    notes: [
      'The 2-D case of sparsemax: reaches exactly 0 and 1, unlike σ.',
      {
        text: "The gradient at ±1 is a convention: JAX's clip splits it between the two sides (0.25, shown here); PyTorch has no sparse_sigmoid.",
        source: SOURCE.jaxNn,
      },
    ],
    docs: docLinks({ kerasSource: true, jax: 'sparse_sigmoid', flax: false }),
    related: ['sigmoid', 'hardsigmoid', 'sparsemax'],
    differences: [
      {
        frameworks: ['keras'],
        text: "Keras' gradient at ±1 depends on the backend: 0 on TensorFlow, 0.25 on JAX (JAX's convention, shown here).",
        source: SOURCE.keras3TfNn,
      },
    ],
    plotRange: [-3, 3],
  },
  bind: () => (x, o) => {
    o.y = 0.5 * Math.min(Math.max(x + 1, 0), 2);
    o.dy = x > -1 && x < 1 ? 0.5 : x === -1 || x === 1 ? 0.25 : 0;
    o.d2y = 0;
  },
  kinks: () => [-1, 1],
  convention: () => ({ owner: "JAX's", source: SOURCE.jaxNn }),
  formulas: () => ({
    f: fm('\\tfrac{1}{2} \\min(\\max(x + 1, 0), 2)', '½·min(max(x + 1, 0), 2)'),
    df: cases(
      ['\\tfrac{1}{2}', '-1 < x < 1', '1/2', '−1 < x < 1'],
      ['0', '|x| > 1', '0', '|x| > 1'],
    ),
  }),
};
