/**
 * Self-gated functions f(x) = x·g(x): GELU (exact and tanh), SiLU/Swish, Mish, LiSHT and Hardswish.
 * Gates are computed from e^{−|·|} so both tails stay finite; where a gate's derivative underflows to 0
 * the x-weighted terms are dropped instead of forming 0·∞.
 */
import { cases, fm, num, type ScalarDef } from './def';
import { docLinks } from './docs';
import { SOURCE } from './sources';
import { sech2, sigmoid, softplus } from './special';

export const GATED_PROPS = {
  range: '[≈−0.17, ∞)',
  monotonic: false,
  zeroCentred: false,
  smooth: true,
  saturates: { left: true, right: false },
  bounded: { below: true, above: false },
  selfGated: true,
};

export const silu: ScalarDef = {
  kind: 'scalar',
  info: {
    id: 'silu',
    name: 'SiLU (Swish)',
    family: 'Smooth gated',
    summary: 'Sigmoid-weighted linear unit x·σ(βx), also called Swish.',
    params: [
      {
        name: 'beta',
        symbol: '\\beta',
        unicode: 'β',
        default: 1,
        description: 'Gate sharpness (tf.nn.silu only): β → ∞ approaches ReLU, β = 0 gives x/2.',
      },
    ],
    properties: { ...GATED_PROPS, range: '[≈−0.28, ∞)' },
    notes: [
      'x·σ(x): smooth, non-monotonic, with a minimum ≈ −0.28 at x ≈ −1.28.',
      'Unbounded above like ReLU, bounded below: found by automated search (Swish) and used in EfficientNet.',
    ],
    docs: docLinks({
      pytorch: 'SiLU',
      keras: 'silu',
      tensorflow: 'nn/silu',
      jax: 'silu',
      flux: 'swish',
    }),
    related: ['gelu', 'mish', 'sigmoid', 'hardswish'],
    differences: [
      {
        frameworks: ['tensorflow'],
        text: 'Only tf.nn.silu/swish takes β; elsewhere β = 1.',
        source: SOURCE.tfNnImpl,
      },
    ],
    plotRange: [-5, 3],
    formulaVariants: [{}, { beta: 2 }],
  },
  bind(p) {
    const b = num(p, 'beta');
    if (b === 0) {
      // σ(0·x) = ½ for every x, also x = ±∞ (where 0·x would be NaN).
      return (x, o) => {
        o.y = x / 2;
        o.dy = 0.5;
        o.d2y = 0;
      };
    }
    return (x, o) => {
      const z = b * x;
      const e = Math.exp(-Math.abs(z));
      const r = 1 / (1 + e);
      const s = z >= 0 ? r : e * r;
      const sbar = z >= 0 ? e * r : r;
      const g = e * r * r;
      // A gate that underflowed to 0 gives 0, also at x = −∞.
      o.y = s === 0 ? 0 : x * s;
      o.dy = g === 0 ? s : s + z * g;
      o.d2y = g === 0 ? 0 : b * g * (2 + z * (sbar - s));
    };
  },
  kinks: () => [],
  formulas(p) {
    if (num(p, 'beta') === 1) {
      return {
        f: fm('x\\,\\sigma(x)', 'x·σ(x)'),
        df: fm('\\sigma(x)\\,\\left(1 + x\\,(1 - \\sigma(x))\\right)', 'σ(x)(1 + x(1 − σ(x)))'),
      };
    }
    return {
      f: fm('x\\,\\sigma(\\beta x)', 'x·σ(βx)'),
      df: fm(
        '\\sigma(\\beta x)\\,\\left(1 + \\beta x\\,(1 - \\sigma(\\beta x))\\right)',
        'σ(βx)(1 + βx(1 − σ(βx)))',
      ),
    };
  },
};

export const mish: ScalarDef = {
  kind: 'scalar',
  info: {
    id: 'mish',
    name: 'Mish',
    family: 'Smooth gated',
    summary: 'x·tanh(softplus(x)).',
    params: [],
    properties: { ...GATED_PROPS, range: '[≈−0.31, ∞)' },
    notes: [
      'Smooth and non-monotonic like SiLU, with a slightly deeper negative dip (≈ −0.31).',
      'Costs an exp, a log1p and a tanh per element.',
    ],
    docs: docLinks({ pytorch: 'Mish', keras: 'mish', jax: 'mish', flax: false, flux: 'mish' }),
    related: ['silu', 'gelu', 'softplus'],
    differences: [],
    plotRange: [-5, 3],
  },
  bind: () => (x, o) => {
    const t = Math.tanh(softplus(x));
    const s = sigmoid(x);
    const sp2 = sech2(softplus(x));
    o.y = t === 0 ? 0 : x * t;
    o.dy = sp2 === 0 || s === 0 ? t : t + x * s * sp2;
    o.d2y = sp2 === 0 || s === 0 ? 0 : s * sp2 * (2 + x * (1 - s - 2 * t * s));
  },
  kinks: () => [],
  formulas: () => ({
    f: fm(
      'x \\tanh(\\operatorname{softplus}(x)) = x \\tanh(\\log(1 + e^{x}))',
      'x·tanh(softplus(x)) = x·tanh(log(1 + eˣ))',
    ),
    df: fm(
      '\\tanh(\\operatorname{sp}(x)) + x\\,\\sigma(x)\\operatorname{sech}^2(\\operatorname{sp}(x))',
      'tanh(sp(x)) + x·σ(x)·sech²(sp(x))',
    ),
  }),
};

export const lisht: ScalarDef = {
  kind: 'scalar',
  info: {
    id: 'lisht',
    name: 'LiSHT',
    family: 'Smooth gated',
    summary: 'Linearly scaled hyperbolic tangent x·tanh(x).',
    params: [],
    properties: {
      range: '[0, ∞)',
      monotonic: false,
      zeroCentred: false,
      smooth: true,
      saturates: { left: false, right: false },
      bounded: { below: true, above: false },
      selfGated: false,
    },
    notes: [
      'Even function: negative inputs give the same output as positive ones, so the sign is lost.',
      'Non-negative and unbounded on both sides, with no dead region.',
    ],
    docs: docLinks({ flux: 'lisht' }),
    related: ['tanh', 'tanhshrink', 'silu'],
    differences: [],
    plotRange: [-3, 3],
  },
  bind: () => (x, o) => {
    const t = Math.tanh(x);
    const s2 = sech2(x);
    o.y = x * t;
    // sech² underflows to 0 long before x·sech² could matter (and x = ±∞ would make it NaN).
    o.dy = s2 === 0 ? t : t + x * s2;
    o.d2y = s2 === 0 ? 0 : 2 * s2 * (1 - x * t);
  },
  kinks: () => [],
  formulas: () => ({
    f: fm('x \\tanh(x)', 'x·tanh(x)'),
    df: fm('\\tanh(x) + x\\,(1 - \\tanh^2(x))', 'tanh(x) + x(1 − tanh²(x))'),
  }),
};

export const hardswish: ScalarDef = {
  kind: 'scalar',
  info: {
    id: 'hardswish',
    name: 'Hardswish',
    family: 'Smooth gated',
    summary: 'x·relu6(x + 3)/6: a piecewise-quadratic SiLU.',
    params: [],
    properties: {
      ...GATED_PROPS,
      range: '[−0.375, ∞)',
      smooth: false,
      continuousDerivatives: 0,
    },
    notes: [
      'A cheap SiLU for mobile nets (MobileNetV3): no exp, only a clamp and a product.',
      "f' itself jumps at ±3: x/3 + ½ inside gives −½ at −3 and 3/2 at 3, against 0 and 1 outside.",
    ],
    docs: docLinks({
      pytorch: 'Hardswish',
      keras: 'hard_silu',
      jax: 'hard_silu',
      flux: 'hardswish',
    }),
    related: ['silu', 'hardsigmoid', 'relu6'],
    differences: [
      {
        frameworks: ['pytorch', 'libtorch'],
        text: "Before PyTorch PR #148049 the backward used the closed interval: f'(−3) = −0.5 and f'(3) = 1.5; shown here are the outside values 0 and 1.",
        source: SOURCE.torchActivationCpu,
      },
      {
        frameworks: ['flux'],
        text: "NNlib's deriv_hardswish uses the closed interval: f'(−3) = −0.5 and f'(3) = 1.5 (shown here: 0 and 1).",
        source: SOURCE.nnlib,
      },
    ],
    plotRange: [-5, 4],
  },
  bind: () => (x, o) => {
    // x·(gate/6), not (x·gate)/6: the product would overflow for x near the float64 maximum.
    o.y = x <= -3 ? 0 : x * (Math.min(Math.max(x + 3, 0), 6) / 6);
    const inside = x > -3 && x < 3;
    o.dy = inside ? x / 3 + 0.5 : x >= 3 ? 1 : 0;
    o.d2y = inside ? 1 / 3 : 0;
  },
  kinks: () => [-3, 3],
  formulas: () => ({
    f: fm('x\\,\\frac{\\operatorname{ReLU6}(x + 3)}{6}', 'x·ReLU6(x + 3)/6'),
    df: cases(
      ['0', 'x \\le -3', '0', 'x ≤ −3'],
      ['\\frac{x}{3} + \\frac{1}{2}', '-3 < x < 3', 'x/3 + 1/2', '−3 < x < 3'],
      ['1', 'x \\ge 3', '1', 'x ≥ 3'],
    ),
  }),
};
