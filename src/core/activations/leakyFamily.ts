/**
 * Leaky ReLUs: fixed (leaky_relu), learned (prelu) and randomized (rrelu, evaluation mode) negative
 * slopes. All return the negative slope as the derivative at 0, as PyTorch does.
 */
import { cases, num, type ScalarDef } from './def';
import { docLinks } from './docs';
import { SOURCE, torchDoc } from './sources';

const KINKED_LINEAR = {
  monotonic: true,
  smooth: false,
  selfGated: false,
  /** f is continuous, f′ jumps at the kink. */
  continuousDerivatives: 0,
};

/** The shared numerics of leaky_relu, prelu and rrelu (eval mode): slope `a` below 0. */
function leaky(a: number) {
  return (x: number, o: { y: number; dy: number; d2y: number }) => {
    // a = 0 gives 0 even at x = −∞, where 0·x would be NaN.
    o.y = x > 0 ? x : a === 0 ? 0 : a * x;
    o.dy = x > 0 ? 1 : a;
    o.d2y = 0;
  };
}

/** The formula of a leaky ReLU with slope symbol `s` (TeX) / `u` (Unicode). */
function leakyFormulas(s: string, u: string) {
  return {
    f: cases(['x', 'x > 0', 'x', 'x > 0'], [`${s} x`, 'x \\le 0', `${u}x`, 'x ≤ 0']),
    df: cases(['1', 'x > 0', '1', 'x > 0'], [s, 'x \\le 0', u, 'x ≤ 0']),
  };
}

const LEAKY_PROPS = {
  ...KINKED_LINEAR,
  range: '(−∞, ∞)',
  zeroCentred: false,
  saturates: { left: false, right: false },
  bounded: { below: false, above: false },
};

export const leakyRelu: ScalarDef = {
  kind: 'scalar',
  info: {
    id: 'leaky_relu',
    name: 'Leaky ReLU',
    family: 'ReLU family',
    summary: 'ReLU with a small slope for negative inputs: max(αx, x) for α < 1.',
    params: [
      {
        name: 'negative_slope',
        symbol: '\\alpha',
        unicode: 'α',
        default: 0.01,
        frameworkDefaults: { tensorflow: 0.2, tfjs: 0.2, keras: 0.2 },
        description: 'Slope for x < 0; keeps a gradient flowing through negative inputs.',
      },
    ],
    properties: LEAKY_PROPS,
    notes: [
      'max(αx, x): negative inputs keep a small gradient α, so units cannot die.',
      {
        text: 'The derivative at 0 is a convention; PyTorch returns α.',
        source: SOURCE.torchActivationCpu,
      },
    ],
    gain: (p) => {
      const a = typeof p.negative_slope === 'number' ? p.negative_slope : 0.01;
      return Math.sqrt(2 / (1 + a * a));
    },
    docs: docLinks({
      pytorch: 'LeakyReLU',
      keras: 'leaky_relu',
      tensorflow: 'nn/leaky_relu',
      jax: 'leaky_relu',
      flux: 'leakyrelu',
      tfjs: 'leakyRelu',
    }),
    related: ['relu', 'prelu', 'rrelu', 'elu'],
    differences: [
      {
        frameworks: ['tensorflow', 'tfjs'],
        text: 'tf.nn.leaky_relu and tf.leakyRelu default to α = 0.2, the TF.js LeakyReLU layer to 0.3 (PyTorch, JAX, Flax, NNlib: 0.01).',
        source: SOURCE.tfNnOps,
      },
      {
        frameworks: ['keras'],
        text: "keras.activations.leaky_relu and the string 'leaky_relu' default to α = 0.2, the LeakyReLU layer to 0.3 (PyTorch: 0.01).",
        source: SOURCE.keras3LeakyReluLayer,
      },
      {
        frameworks: ['jax', 'flax'],
        text: "jax.nn.leaky_relu's gradient at 0 is 1 (PyTorch: α); Flax re-exports it.",
        source: SOURCE.jaxNn,
      },
      {
        frameworks: ['keras'],
        text: "Keras' gradient at 0 depends on the backend: α on TensorFlow, 1 on JAX.",
        source: SOURCE.keras3JaxNn,
      },
    ],
    plotRange: [-3, 3],
  },
  bind: (p) => leaky(num(p, 'negative_slope')),
  kinks: () => [0],
  formulas: () => leakyFormulas('\\alpha', 'α'),
};

export const prelu: ScalarDef = {
  kind: 'scalar',
  info: {
    id: 'prelu',
    name: 'PReLU',
    family: 'ReLU family',
    summary: 'Leaky ReLU whose negative slope a is learned.',
    params: [
      {
        name: 'weight',
        symbol: 'a',
        unicode: 'a',
        default: 0.25,
        frameworkDefaults: { keras: 0, tfjs: 0, flax: 0.01 },
        description: 'The learned slope for x < 0 (its initial value).',
      },
    ],
    properties: LEAKY_PROPS,
    notes: [
      {
        text: 'max(ax, x) with a learned per layer or per channel, initialised to 0.25 in PyTorch.',
        source: torchDoc('PReLU'),
      },
      'Do not apply weight decay to a: it pushes the slope towards plain ReLU.',
    ],
    docs: docLinks({ pytorch: 'PReLU', tfjs: 'prelu' }),
    related: ['leaky_relu', 'rrelu', 'relu'],
    differences: [
      {
        frameworks: ['keras', 'tfjs'],
        text: 'Keras and TF.js PReLU layers initialise the slope to 0.',
        source: SOURCE.keras3PRelu,
      },
      {
        frameworks: ['keras'],
        text: "Keras' PReLU gradient at 0 is 0 (PyTorch: a).",
        source: SOURCE.keras3PRelu,
      },
      {
        frameworks: ['flax'],
        text: "Flax's PReLU initialises the slope to 0.01 (negative_slope_init) and its gradient at 0 is 1 (PyTorch: 0.25 and a).",
        source: SOURCE.flaxLinen,
      },
    ],
    plotRange: [-3, 3],
  },
  bind: (p) => leaky(num(p, 'weight')),
  kinks: () => [0],
  formulas: () => leakyFormulas('a', 'a'),
};

export const rrelu: ScalarDef = {
  kind: 'scalar',
  info: {
    id: 'rrelu',
    name: 'RReLU',
    family: 'ReLU family',
    summary: 'Randomized leaky ReLU; in evaluation mode the slope is (l + u)/2.',
    params: [
      {
        name: 'lower',
        symbol: 'l',
        unicode: 'l',
        default: 1 / 8,
        description: 'Lower bound of the random negative slope drawn in training.',
      },
      {
        name: 'upper',
        symbol: 'u',
        unicode: 'u',
        default: 1 / 3,
        description: 'Upper bound of the random negative slope drawn in training.',
      },
    ],
    properties: LEAKY_PROPS,
    notes: [
      'In training each negative input gets a slope drawn from U(l, u); shown here is evaluation mode, slope (l + u)/2.',
      'The randomness acts as a regulariser, like a small dropout on the negative side.',
    ],
    docs: docLinks({ pytorch: 'RReLU' }),
    related: ['leaky_relu', 'prelu'],
    differences: [],
    plotRange: [-3, 3],
  },
  check(p) {
    if (num(p, 'lower') > num(p, 'upper')) {
      throw new Error(`rrelu: parameter 'lower' (${p.lower}) must not exceed 'upper' (${p.upper})`);
    }
  },
  // l/2 + u/2 rather than (l + u)/2: the sum overflows for bounds near the float64 maximum.
  bind: (p) => leaky(num(p, 'lower') / 2 + num(p, 'upper') / 2),
  kinks: () => [0],
  formulas: () => leakyFormulas('\\tfrac{l + u}{2}', '(l + u)/2'),
};
