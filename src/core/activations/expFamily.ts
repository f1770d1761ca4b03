/**
 * Exponential-linear units and the plain exponential. Negative pieces use expm1 so that α(eˣ − 1) keeps
 * full precision near 0; PyTorch takes the x ≤ 0 branch at 0, which fixes elu'(0) = α.
 */
import { cases, fm, num, type ScalarDef } from './def';
import { docLinks } from './docs';
import { SOURCE, src, torchDoc } from './sources';

/** SELU's constants (Klambauer et al.): PyTorch's 1.6732632423543772848…, 1.0507009873554804934… in float64. */
export const SELU_ALPHA = 1.6732632423543772;
export const SELU_SCALE = 1.0507009873554805;

const ELU_PROPS = {
  range: '(−α, ∞)',
  monotonic: true,
  zeroCentred: false,
  smooth: false,
  saturates: { left: true, right: false },
  bounded: { below: true, above: false },
  selfGated: false,
};

/**
 * eᵘ − 1 given e = eᵘ: the subtraction is exact enough once eᵘ ≤ ½ (u < −0.69), so expm1 — a second
 * transcendental call — is only needed near 0, where e − 1 would cancel.
 */
function expm1Via(u: number, e: number): number {
  return u < -0.7 ? e - 1 : Math.expm1(u);
}

/** x for x > 0, a·expm1(x/s) below; f' = (a/s)·e^{x/s} below (s scales the input, as in CELU). */
function eluLike(a: number, s: number, scale: number) {
  const slope = (a / s) * scale;
  const curve = slope / s;
  const neg = a * scale;
  return (x: number, o: { y: number; dy: number; d2y: number }) => {
    if (x > 0) {
      o.y = scale * x;
      o.dy = scale;
      o.d2y = 0;
    } else {
      const e = Math.exp(x / s);
      o.y = neg * expm1Via(x / s, e);
      o.dy = slope * e;
      o.d2y = curve * e;
    }
  };
}

export const elu: ScalarDef = {
  kind: 'scalar',
  info: {
    id: 'elu',
    name: 'ELU',
    family: 'Exponential linear',
    summary: 'Exponential linear unit: x for x > 0, α(eˣ − 1) below.',
    params: [
      {
        name: 'alpha',
        symbol: '\\alpha',
        unicode: 'α',
        default: 1,
        description: 'Negative saturation level: f → −α as x → −∞.',
      },
    ],
    properties: { ...ELU_PROPS, continuousDerivatives: 1 },
    notes: [
      'α(eˣ − 1) for x < 0: negative outputs push the mean activation towards 0.',
      'Saturates softly at −α for very negative inputs, which makes it robust to noise; costs an exp.',
      {
        text: "Only C¹ at 0, and only for α = 1 (f'' still jumps from α to 0 there); PyTorch returns f'(0) = α.",
        source: SOURCE.torchActivationCpu,
      },
    ],
    docs: docLinks({
      pytorch: 'ELU',
      keras: 'elu',
      tensorflow: 'nn/elu',
      jax: 'elu',
      flux: 'elu',
      tfjs: 'elu',
    }),
    related: ['celu', 'selu', 'relu', 'leaky_relu'],
    differences: [
      {
        frameworks: ['tensorflow', 'tfjs'],
        text: 'tf.nn.elu and tf.elu fix α = 1.',
        source: src(
          'TensorFlow tf.nn.elu docs',
          'https://www.tensorflow.org/api_docs/python/tf/nn/elu',
        ),
      },
      {
        frameworks: ['tensorflow', 'tfjs', 'keras'],
        text: "TF's and TF.js' ELU gradient kernels return f'(0) = 1, and so does Keras on the TensorFlow backend (PyTorch, JAX: α).",
        source: SOURCE.tfReluFunctor,
      },
      {
        frameworks: ['flux'],
        text: "NNlib's deriv_elu returns f'(0) = 1 (PyTorch, JAX: α).",
        source: SOURCE.nnlib,
      },
    ],
    plotRange: [-4, 3],
  },
  bind: (p) => eluLike(num(p, 'alpha'), 1, 1),
  kernel(p) {
    const a = num(p, 'alpha');
    return (xs, y, dy, d2y) => {
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i];
        if (x > 0) {
          y[i] = x;
          dy[i] = 1;
          d2y[i] = 0;
        } else {
          const e = Math.exp(x);
          y[i] = a * expm1Via(x, e);
          dy[i] = a * e;
          d2y[i] = a * e;
        }
      }
    };
  },
  kinks: () => [0],
  formulas: () => ({
    f: cases(
      ['x', 'x > 0', 'x', 'x > 0'],
      ['\\alpha (e^{x} - 1)', 'x \\le 0', 'α(eˣ − 1)', 'x ≤ 0'],
    ),
    df: cases(['1', 'x > 0', '1', 'x > 0'], ['\\alpha e^{x}', 'x \\le 0', 'αeˣ', 'x ≤ 0']),
  }),
};

export const celu: ScalarDef = {
  kind: 'scalar',
  info: {
    id: 'celu',
    name: 'CELU',
    family: 'Exponential linear',
    summary: 'Continuously differentiable ELU: max(0, x) + min(0, α(e^{x/α} − 1)).',
    params: [
      {
        name: 'alpha',
        symbol: '\\alpha',
        unicode: 'α',
        default: 1,
        nonZero: true,
        description: 'Negative saturation level and input scale (must not be 0).',
      },
    ],
    properties: { ...ELU_PROPS, continuousDerivatives: 1 },
    notes: [
      "Scaling the input by 1/α makes f'(0) = 1 for every α, so the derivative is continuous.",
      'Equals ELU for α = 1.',
    ],
    docs: docLinks({ pytorch: 'CELU', kerasSource: true, jax: 'celu', flux: 'celu' }),
    related: ['elu', 'selu'],
    differences: [],
    plotRange: [-4, 3],
  },
  bind: (p) => eluLike(num(p, 'alpha'), num(p, 'alpha'), 1),
  kinks: () => [0],
  formulas: () => ({
    f: cases(
      ['x', 'x > 0', 'x', 'x > 0'],
      ['\\alpha (e^{x/\\alpha} - 1)', 'x \\le 0', 'α(e^(x/α) − 1)', 'x ≤ 0'],
    ),
    df: cases(['1', 'x > 0', '1', 'x > 0'], ['e^{x/\\alpha}', 'x \\le 0', 'e^(x/α)', 'x ≤ 0']),
  }),
};

export const selu: ScalarDef = {
  kind: 'scalar',
  info: {
    id: 'selu',
    name: 'SELU',
    family: 'Exponential linear',
    summary: 'Scaled ELU with fixed λ ≈ 1.0507, α ≈ 1.6733 that self-normalise activations.',
    params: [],
    properties: { ...ELU_PROPS, range: '(−λα, ∞)', zeroCentred: true, continuousDerivatives: 0 },
    notes: [
      'λ and α are chosen so that mean 0 and variance 1 are a fixed point through layers (with LeCun-normal init).',
      {
        text: "Self-normalising only with LeCun-normal weights (PyTorch: nonlinearity='linear', gain 1) and AlphaDropout; calculate_gain('selu') = 3/4 is an empirical value, not the self-normalising init.",
        source: torchDoc('SELU'),
      },
    ],
    gain: () => 0.75,
    docs: docLinks({
      pytorch: 'SELU',
      keras: 'selu',
      tensorflow: 'nn/selu',
      jax: 'selu',
      flux: 'selu',
      tfjs: 'selu',
    }),
    related: ['elu', 'celu'],
    differences: [
      {
        frameworks: ['tensorflow', 'keras'],
        text: "tf.nn.selu's gradient at 0 is λ (PyTorch, JAX: λα); Keras on the TensorFlow backend calls it, so there too.",
        source: SOURCE.tfReluFunctor,
      },
    ],
    plotRange: [-4, 3],
  },
  bind: () => eluLike(SELU_ALPHA, 1, SELU_SCALE),
  kinks: () => [0],
  formulas: () => ({
    f: cases(
      ['\\lambda x', 'x > 0', 'λx', 'x > 0'],
      ['\\lambda \\alpha (e^{x} - 1)', 'x \\le 0', 'λα(eˣ − 1)', 'x ≤ 0'],
    ),
    df: cases(
      ['\\lambda', 'x > 0', 'λ', 'x > 0'],
      ['\\lambda \\alpha e^{x}', 'x \\le 0', 'λαeˣ', 'x ≤ 0'],
    ),
  }),
};

export const exponential: ScalarDef = {
  kind: 'scalar',
  info: {
    id: 'exponential',
    name: 'Exponential',
    family: 'Exponential linear',
    summary: 'f(x) = eˣ.',
    params: [],
    properties: {
      range: '(0, ∞)',
      monotonic: true,
      zeroCentred: false,
      smooth: true,
      saturates: { left: true, right: false },
      bounded: { below: true, above: false },
      selfGated: false,
    },
    notes: [
      'Overflows to ∞ for x > 709 in float64 (x > 88 in float32): gradients explode rather than vanish.',
      'Used for strictly positive outputs such as rates or scales.',
    ],
    docs: docLinks({ keras: 'exponential' }),
    related: ['softplus', 'elu'],
    differences: [],
    plotRange: [-3, 2],
  },
  bind: () => (x, o) => {
    const e = Math.exp(x);
    o.y = e;
    o.dy = e;
    o.d2y = e;
  },
  kinks: () => [],
  formulas: () => ({ f: fm('e^{x}', 'eˣ'), df: fm('e^{x}', 'eˣ') }),
};
