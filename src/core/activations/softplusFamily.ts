/**
 * Smooth ReLUs without a gate: softplus (with PyTorch's linear switch above the threshold), squareplus
 * and sparse_plus.
 */
import { cases, fm, num, type ScalarDef } from './def';
import { docLinks } from './docs';
import { SOURCE } from './sources';

const SOFT_RELU_PROPS = {
  range: '(0, ∞)',
  monotonic: true,
  zeroCentred: false,
  smooth: true,
  saturates: { left: true, right: false },
  bounded: { below: true, above: false },
  selfGated: false,
};

export const softplus: ScalarDef = {
  kind: 'scalar',
  info: {
    id: 'softplus',
    name: 'Softplus',
    family: 'Smooth ReLU',
    summary: 'log(1 + eˣ): a smooth ReLU whose derivative is the sigmoid.',
    params: [
      {
        name: 'beta',
        symbol: '\\beta',
        unicode: 'β',
        default: 1,
        // Below this, log(2)/β overflows: softplus would be ∞ everywhere.
        min: 1e-300,
        exclusiveMin: true,
        description: 'Sharpness: larger β hugs ReLU more closely.',
      },
      {
        name: 'threshold',
        symbol: 't',
        unicode: 't',
        default: 20,
        description:
          'Above βx > t PyTorch returns x itself (a numerical shortcut, not part of the math).',
      },
    ],
    properties: SOFT_RELU_PROPS,
    notes: [
      "f'(x) = σ(x): softplus is the integral of the sigmoid.",
      'Never exactly 0, so no dead units, but gradients still fade for very negative inputs.',
      {
        text: 'PyTorch switches to f(x) = x when βx > threshold (20): a jump of about 2·10⁻⁹ there.',
        source: SOURCE.torchActivationCpu,
      },
    ],
    docs: docLinks({
      pytorch: 'Softplus',
      keras: 'softplus',
      tensorflow: 'math/softplus',
      jax: 'softplus',
      flux: 'softplus',
      tfjs: 'softplus',
    }),
    related: ['relu', 'sigmoid', 'logsigmoid', 'squareplus'],
    differences: [
      {
        frameworks: ['keras', 'tensorflow', 'jax', 'flax', 'tfjs', 'flux'],
        text: 'No β and no threshold parameter here: β = 1 (PyTorch and burn take β).',
        source: SOURCE.jaxNn,
      },
      {
        frameworks: ['tensorflow', 'tfjs', 'keras'],
        text: "TF's and TF.js' kernels switch formula too, within machine epsilon: f(x) = x above −(log ε + 2) (≈ 13.9 in float32) and eˣ below log ε + 2; Keras on the TensorFlow backend uses them.",
        source: SOURCE.tfSoftplus,
      },
      {
        frameworks: ['burn'],
        text: "burn's softplus takes β but has no threshold switch.",
        source: SOURCE.burnActivation,
      },
    ],
    plotRange: [-4, 4],
    formulaVariants: [{}, { beta: 2 }],
  },
  bind(p) {
    const b = num(p, 'beta');
    const t = num(p, 'threshold');
    return (x, o) => {
      const z = b * x;
      if (z > t) {
        o.y = x;
        o.dy = 1;
        o.d2y = 0;
        return;
      }
      const e = Math.exp(-Math.abs(z));
      const r = 1 / (1 + e);
      o.y = (Math.max(z, 0) + Math.log1p(e)) / b;
      o.dy = z >= 0 ? r : e * r;
      o.d2y = b * e * r * r;
    };
  },
  kernel(p) {
    const b = num(p, 'beta');
    const t = num(p, 'threshold');
    return (xs, y, dy, d2y) => {
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i];
        const z = b * x;
        if (z > t) {
          y[i] = x;
          dy[i] = 1;
          d2y[i] = 0;
        } else {
          const e = Math.exp(-Math.abs(z));
          const r = 1 / (1 + e);
          y[i] = ((z > 0 ? z : 0) + Math.log1p(e)) / b;
          dy[i] = z >= 0 ? r : e * r;
          d2y[i] = b * e * r * r;
        }
      }
    };
  },
  kinks: () => [],
  switches: (p) => [num(p, 'threshold') / num(p, 'beta')],
  formulas(p) {
    if (num(p, 'beta') === 1) {
      return { f: fm('\\log(1 + e^{x})', 'log(1 + eˣ)'), df: fm('\\sigma(x)', 'σ(x)') };
    }
    return {
      f: fm('\\tfrac{1}{\\beta}\\log(1 + e^{\\beta x})', '(1/β)·log(1 + e^(βx))'),
      df: fm('\\sigma(\\beta x)', 'σ(βx)'),
    };
  },
};

export const squareplus: ScalarDef = {
  kind: 'scalar',
  info: {
    id: 'squareplus',
    name: 'Squareplus',
    family: 'Smooth ReLU',
    summary: '(x + √(x² + b))/2: a softplus-like curve built from a square root.',
    params: [
      {
        name: 'b',
        symbol: 'b',
        unicode: 'b',
        default: 4,
        min: 0,
        exclusiveMin: true,
        description: 'Curvature near 0: b → 0 approaches ReLU.',
      },
    ],
    properties: SOFT_RELU_PROPS,
    notes: [
      'Algebraic, no exp or log: cheaper than softplus with the same shape.',
      'f(0) = √b/2, so with b = 4 it passes through (0, 1).',
    ],
    docs: docLinks({ kerasSource: true, jax: 'squareplus', flax: false }),
    related: ['softplus', 'relu'],
    differences: [],
    plotRange: [-4, 4],
  },
  bind(p) {
    const b = num(p, 'b');
    const rb = Math.sqrt(b);
    return (x, o) => {
      const r = Math.hypot(x, rb);
      // For x < 0, x + r cancels: use b/(r − x) instead.
      o.y = x >= 0 ? 0.5 * x + 0.5 * r : b / (2 * (r - x));
      o.dy = x === Infinity ? 1 : x >= 0 ? 0.5 + (0.5 * x) / r : b / (2 * r * (r - x));
      o.d2y = b / (2 * r * r * r);
    };
  },
  kinks: () => [],
  formulas: () => ({
    f: fm('\\frac{x + \\sqrt{x^2 + b}}{2}', '(x + √(x² + b))/2'),
    df: fm('\\frac{1}{2}\\left(1 + \\frac{x}{\\sqrt{x^2 + b}}\\right)', '½(1 + x/√(x² + b))'),
  }),
};

export const sparsePlus: ScalarDef = {
  kind: 'scalar',
  info: {
    id: 'sparse_plus',
    name: 'Sparse plus',
    family: 'Smooth ReLU',
    summary: '0 below −1, (x + 1)²/4 between, x above 1.',
    params: [],
    properties: { ...SOFT_RELU_PROPS, range: '[0, ∞)', smooth: false, continuousDerivatives: 1 },
    notes: [
      'A softplus that reaches exactly 0: sparse outputs with a continuous derivative.',
      "f' is continuous; f'' jumps at ±1.",
    ],
    docs: docLinks({ kerasSource: true, jax: 'sparse_plus', flax: false }),
    related: ['softplus', 'relu', 'sparse_sigmoid'],
    differences: [],
    plotRange: [-3, 3],
  },
  bind: () => (x, o) => {
    if (x <= -1) {
      o.y = 0;
      o.dy = 0;
      o.d2y = 0;
    } else if (x >= 1) {
      o.y = x;
      o.dy = 1;
      o.d2y = 0;
    } else {
      o.y = ((x + 1) * (x + 1)) / 4;
      o.dy = (x + 1) / 2;
      o.d2y = 0.5;
    }
  },
  kinks: () => [-1, 1],
  formulas: () => ({
    f: cases(
      ['0', 'x \\le -1', '0', 'x ≤ −1'],
      ['\\tfrac{1}{4}(x + 1)^2', '-1 < x < 1', '(x + 1)²/4', '−1 < x < 1'],
      ['x', 'x \\ge 1', 'x', 'x ≥ 1'],
    ),
    df: cases(
      ['0', 'x \\le -1', '0', 'x ≤ −1'],
      ['\\tfrac{1}{2}(x + 1)', '-1 < x < 1', '(x + 1)/2', '−1 < x < 1'],
      ['1', 'x \\ge 1', '1', 'x ≥ 1'],
    ),
  }),
};
