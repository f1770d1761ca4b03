/**
 * ReLU (with Keras' negative_slope, max_value and threshold), ReLU6 and squared ReLU. relu'(0) = 0 as in
 * PyTorch.
 */
import type { Formula, ParamSpec } from '../types';
import {
  cases,
  fm,
  num,
  PYTORCH_CONVENTION,
  type Piece,
  type Resolved,
  type ScalarDef,
} from './def';
import { docLinks } from './docs';
import { paper, SOURCE } from './sources';

const KINKED_LINEAR = {
  monotonic: true,
  smooth: false,
  selfGated: false,
  /** f is continuous, f′ jumps at the kink. */
  continuousDerivatives: 0,
};

/** relu's plain form applies when Keras' extras keep their defaults. */
function isPlainRelu(p: Resolved): boolean {
  return (
    num(p, 'negative_slope') === 0 && num(p, 'max_value') === Infinity && num(p, 'threshold') === 0
  );
}

const reluParams: ParamSpec[] = [
  {
    name: 'negative_slope',
    symbol: '\\alpha',
    unicode: 'α',
    default: 0,
    description: 'Keras only: slope below the threshold (0 gives plain ReLU).',
  },
  {
    name: 'max_value',
    symbol: 'm',
    unicode: 'm',
    default: Infinity,
    min: 0,
    max: Infinity,
    description: 'Keras only: saturation value (∞ for none, 6 gives ReLU6).',
  },
  {
    name: 'threshold',
    symbol: '\\theta',
    unicode: 'θ',
    default: 0,
    description: 'Keras only: inputs at or below it are zeroed (or leak with negative_slope).',
  },
];

/** Pieces of Keras relu's f′ below its threshold. */
const SLOPE_BELOW_CLOSED: Piece = ['\\alpha', 'x \\le \\theta', 'α', 'x ≤ θ'];
const SLOPE_BELOW_OPEN: Piece = ['\\alpha', 'x < \\theta', 'α', 'x < θ'];
const ZERO_AT_THRESHOLD: Piece = ['0', 'x = \\theta', '0', 'x = θ'];

/**
 * Keras relu with its extras, piece by piece as bind() computes it (TensorFlow's gradients). Each kink
 * point sits in the piece whose value autograd returns there: f′(θ) = 0 (nothing passes x·[x > θ], and
 * relu(θ − x)′ = 0 at θ) unless Keras hands the case to leaky_relu (m = ∞, θ = 0: α at 0); the slope-1
 * piece is closed at m through tf.clip_by_value, open through relu6 (θ = 0, m = 6); with θ < 0 the clip
 * at 0 zeroes θ < x < 0; with θ ≥ m nothing passes the clip.
 */
function kerasReluFormulas(a: number, m: number, t: number): { f: Formula; df: Formula } {
  const leak: Piece = ['\\alpha (x - \\theta)', 'x \\le \\theta', 'α(x − θ)', 'x ≤ θ'];
  const below: Piece[] = a === 0 ? [SLOPE_BELOW_CLOSED] : [ZERO_AT_THRESHOLD, SLOPE_BELOW_OPEN];
  if (m === Infinity) {
    return {
      f: cases(['x', 'x > \\theta', 'x', 'x > θ'], leak),
      df: cases(['1', 'x > \\theta', '1', 'x > θ'], ...(t === 0 ? [SLOPE_BELOW_CLOSED] : below)),
    };
  }
  if (t < 0) {
    return {
      f: cases(
        ['\\min(x, m)', 'x > 0', 'min(x, m)', 'x > 0'],
        ['0', '\\theta < x \\le 0', '0', 'θ < x ≤ 0'],
        leak,
      ),
      df: cases(
        ['1', '0 \\le x \\le m', '1', '0 ≤ x ≤ m'],
        ['0', 'x > m', '0', 'x > m'],
        a === 0
          ? ['0', '\\theta < x < 0', '0', 'θ < x < 0']
          : ['0', '\\theta \\le x < 0', '0', 'θ ≤ x < 0'],
        a === 0 ? SLOPE_BELOW_CLOSED : SLOPE_BELOW_OPEN,
      ),
    };
  }
  const f = cases(['\\min(x, m)', 'x > \\theta', 'min(x, m)', 'x > θ'], leak);
  if (t >= m) {
    // A threshold at or above the cap: f jumps from the leak straight to m, where it stays.
    const above: Piece =
      a === 0 ? ['0', 'x > \\theta', '0', 'x > θ'] : ['0', 'x \\ge \\theta', '0', 'x ≥ θ'];
    return { f, df: cases(above, a === 0 ? SLOPE_BELOW_CLOSED : SLOPE_BELOW_OPEN) };
  }
  const viaRelu6 = t === 0 && m === 6;
  return {
    f,
    df: cases(
      viaRelu6
        ? ['1', '\\theta < x < m', '1', 'θ < x < m']
        : ['1', '\\theta < x \\le m', '1', 'θ < x ≤ m'],
      viaRelu6 ? ['0', 'x \\ge m', '0', 'x ≥ m'] : ['0', 'x > m', '0', 'x > m'],
      ...below,
    ),
  };
}

export const relu: ScalarDef = {
  kind: 'scalar',
  info: {
    id: 'relu',
    name: 'ReLU',
    family: 'ReLU family',
    summary: 'Rectified linear unit: max(0, x).',
    params: reluParams,
    properties: {
      ...KINKED_LINEAR,
      range: '[0, ∞)',
      zeroCentred: false,
      saturates: { left: true, right: false },
      bounded: { below: true, above: false },
    },
    notes: [
      'No saturation for x > 0, so gradients pass unchanged through active units.',
      'Dead for x < 0: a unit whose input stays negative never learns again; a small positive bias init such as 0.1 keeps units alive.',
      {
        text: "relu'(0) is a convention: the derivative is undefined there and software returns a one-sided value (0 in PyTorch).",
        source: SOURCE.torchActivation,
      },
    ],
    gain: () => Math.SQRT2,
    docs: docLinks({
      pytorch: 'ReLU',
      keras: 'relu',
      tensorflow: 'nn/relu',
      jax: 'relu',
      flux: 'relu',
      tfjs: 'relu',
    }),
    related: ['leaky_relu', 'gelu', 'silu', 'elu', 'relu6'],
    differences: [
      {
        frameworks: ['keras'],
        text: 'Keras relu also takes negative_slope, max_value and threshold; the defaults give plain ReLU.',
        source: SOURCE.keras3Activations,
      },
      {
        frameworks: ['keras'],
        text: "At max_value the slope is the backend's: TensorFlow's and PyTorch's clip pass 1 (shown), JAX's splits the tie (½); at max_value = 6 with threshold 0 Keras calls relu6 instead, whose slope at 6 is 0.",
        onlyIfGiven: 'max_value',
        source: SOURCE.keras3JaxNn,
      },
      {
        frameworks: ['tfjs'],
        text: "tf.layers.reLU({maxValue}) clips with clipByValue, whose slope at maxValue is 1, also at 6; the values shown are Keras' (relu6: 0 at 6).",
        onlyIfGiven: 'max_value',
        source: SOURCE.tfjsAdvancedActivations,
      },
    ],
    plotRange: [-3, 3],
    // One of each form kerasReluFormulas writes: with and without a leak, uncapped (θ = 0 is leaky_relu's
    // case), capped through relu6 or clip_by_value, capped under a negative threshold or below θ.
    formulaVariants: [
      {},
      { negative_slope: 0.1 },
      { threshold: 1 },
      { threshold: 1, negative_slope: 0.1 },
      { max_value: 6 },
      { max_value: 6, negative_slope: 0.1 },
      { max_value: 1 },
      { max_value: 1, negative_slope: 0.1 },
      { max_value: 1, threshold: -1 },
      { max_value: 1, threshold: -1, negative_slope: 0.1 },
      { max_value: 1, threshold: 2 },
      { max_value: 1, threshold: 2, negative_slope: 0.1 },
    ],
  },
  bind(p) {
    if (isPlainRelu(p)) {
      return (x, o) => {
        o.y = x > 0 ? x : 0;
        o.dy = x > 0 ? 1 : 0;
        o.d2y = 0;
      };
    }
    const a = num(p, 'negative_slope');
    const m = num(p, 'max_value');
    const t = num(p, 'threshold');
    if (m === Infinity && t === 0) {
      // Keras hands this case to leaky_relu, whose slope at 0 is the negative slope.
      return (x, o) => {
        o.y = x > 0 ? x : a * x;
        o.dy = x > 0 ? 1 : a;
        o.d2y = 0;
      };
    }
    // Keras: x·[x > θ], clipped to [0, m], minus α·relu(θ − x). Gradients as on TensorFlow, Keras' default
    // backend: at θ = 0, m = 6 Keras calls relu6, whose gradient is 0 at 0 and at 6; otherwise
    // tf.clip_by_value passes the gradient on both bounds of [0, m], so f′ = 1 at x = m (and at x = 0
    // when θ < 0), where only relu's own kink at 0 (θ = 0) stops it.
    const viaRelu6 = t === 0 && m === 6;
    return (x, o) => {
      let pos = x > t ? x : 0;
      let dpos = x > t ? 1 : 0;
      if (m !== Infinity) {
        pos = Math.min(Math.max(pos, 0), m);
        // (x > θ = 0 already puts relu6's x above 0.)
        dpos = x > t && (viaRelu6 ? x < m : x >= 0 && x <= m) ? 1 : 0;
      }
      // a = 0 must add nothing even at x = −∞, where 0·(t − x) would be NaN.
      o.y = pos - (x < t && a !== 0 ? a * (t - x) : 0);
      o.dy = dpos + (x < t ? a : 0);
      o.d2y = 0;
    };
  },
  // Keras' extras are computed as Keras on TensorFlow, its default backend, differentiates them.
  convention: (p) =>
    isPlainRelu(p)
      ? PYTORCH_CONVENTION
      : { owner: "Keras' (TensorFlow backend)", source: SOURCE.tfKeras2Backend },
  kernel(p) {
    if (!isPlainRelu(p)) {
      return undefined;
    }
    return (xs, y, dy, d2y) => {
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i];
        // x > 0 is false for NaN: the x === x test keeps NaN in, NaN out.
        y[i] = x > 0 ? x : x === x ? 0 : NaN;
        dy[i] = x > 0 ? 1 : x === x ? 0 : NaN;
        d2y[i] = x === x ? 0 : NaN;
      }
    };
  },
  kinks(p) {
    const t = num(p, 'threshold');
    const m = num(p, 'max_value');
    const out = [t];
    if (m !== Infinity) {
      out.push(m);
      if (t < 0) {
        out.push(0);
      }
    }
    return [...new Set(out)].sort((a, b) => a - b);
  },
  formulas(p) {
    if (isPlainRelu(p)) {
      return {
        f: fm('\\max(0, x)', 'max(0, x)'),
        df: cases(['1', 'x > 0', '1', 'x > 0'], ['0', 'x \\le 0', '0', 'x ≤ 0']),
      };
    }
    return kerasReluFormulas(num(p, 'negative_slope'), num(p, 'max_value'), num(p, 'threshold'));
  },
};

export const relu6: ScalarDef = {
  kind: 'scalar',
  info: {
    id: 'relu6',
    name: 'ReLU6',
    family: 'ReLU family',
    summary: 'ReLU capped at 6: min(max(0, x), 6).',
    params: [],
    properties: {
      ...KINKED_LINEAR,
      range: '[0, 6]',
      zeroCentred: false,
      saturates: { left: true, right: true },
      bounded: { below: true, above: true },
    },
    notes: [
      'The cap at 6 keeps activations in a range that quantises well (MobileNet).',
      'Gradient is 0 below 0 and above 6: units can die on both sides.',
    ],
    docs: docLinks({
      pytorch: 'ReLU6',
      keras: 'relu6',
      tensorflow: 'nn/relu6',
      jax: 'relu6',
      flux: 'relu6',
      tfjs: 'relu6',
    }),
    related: ['relu', 'hardtanh', 'hardswish'],
    differences: [
      {
        frameworks: ['tfjs'],
        text: "The tf.relu6 op's gradient at x = 6 is 1 (PyTorch: 0); the layers' activation 'relu6' computes minimum(6, relu(x)), whose gradient at 6 is 0.",
        source: SOURCE.tfjsRelu6Grad,
      },
    ],
    plotRange: [-2, 8],
  },
  bind: () => (x, o) => {
    o.y = Math.min(Math.max(x, 0), 6);
    o.dy = x > 0 && x < 6 ? 1 : 0;
    o.d2y = 0;
  },
  kinks: () => [0, 6],
  formulas: () => ({
    f: fm('\\min(\\max(0, x), 6)', 'min(max(0, x), 6)'),
    df: cases(['1', '0 < x < 6', '1', '0 < x < 6'], ['0', '\\text{otherwise}', '0', 'otherwise']),
  }),
};

export const reluSquared: ScalarDef = {
  kind: 'scalar',
  info: {
    id: 'relu_squared',
    name: 'Squared ReLU',
    family: 'ReLU family',
    summary: 'relu(x)²: zero below 0, a parabola above.',
    params: [],
    properties: {
      ...KINKED_LINEAR,
      range: '[0, ∞)',
      zeroCentred: false,
      saturates: { left: true, right: false },
      bounded: { below: true, above: false },
      continuousDerivatives: 1,
    },
    notes: [
      {
        text: "Found by architecture search for Transformer feed-forward layers (Primer): f' = 2·relu(x) is continuous, f'' jumps from 0 to 2 at 0.",
        source: paper(
          'Primer: Searching for Efficient Transformers (So et al., 2021)',
          '2109.08668',
        ),
      },
      'Grows quadratically: large inputs get large gradients, so it pairs with normalisation.',
    ],
    docs: {},
    related: ['relu', 'gelu', 'sparse_plus'],
    differences: [],
    plotRange: [-2, 2],
  },
  bind: () => (x, o) => {
    const r = x > 0 ? x : 0;
    o.y = r * r;
    o.dy = 2 * r;
    o.d2y = x > 0 ? 2 : 0;
  },
  kinks: () => [0],
  formulas: () => ({
    f: fm('\\max(0, x)^2', 'max(0, x)²'),
    df: cases(['2x', 'x > 0', '2x', 'x > 0'], ['0', 'x \\le 0', '0', 'x ≤ 0']),
  }),
};
