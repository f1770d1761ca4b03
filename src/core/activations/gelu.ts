/**
 * GELU, exact (x·Φ(x) through erfc) and tanh-approximated (as x·σ(2u), so 1 + tanh u never cancels), and
 * quick GELU x·σ(1.702x), the sigmoid approximation CLIP trained with.
 */
import { fm, type ScalarDef } from './def';
import { docLinks } from './docs';
import { erfc, INV_SQRT_2PI, SQRT1_2, SQRT_2_OVER_PI } from './special';
import { GATED_PROPS, silu } from './smoothGated';
import { paper, SOURCE, src } from './sources';

const GELU_KAPPA = 0.044715;

/** Exact GELU x·Φ(x), with Φ through erfc so the left tail keeps its digits. */
function geluExact(x: number, o: { y: number; dy: number; d2y: number }): void {
  const cdf = 0.5 * erfc(-x * SQRT1_2);
  const pdf = INV_SQRT_2PI * Math.exp(-0.5 * x * x);
  // Where Φ or φ has underflowed to 0 its product with x is 0, also at x = ±∞ (∞·0 would be NaN).
  o.y = cdf === 0 ? 0 : x * cdf;
  o.dy = pdf === 0 ? cdf : cdf + x * pdf;
  o.d2y = pdf === 0 ? 0 : pdf * (2 - x * x);
}

/** GELU's tanh form 0.5x(1 + tanh u), written as x·σ(2u) so 1 + tanh u never cancels. */
function geluTanh(x: number, o: { y: number; dy: number; d2y: number }): void {
  const x2 = x * x;
  const u = SQRT_2_OVER_PI * (x + GELU_KAPPA * x2 * x);
  const e = Math.exp(-2 * Math.abs(u));
  const r = 1 / (1 + e);
  const gate = u >= 0 ? r : e * r;
  o.y = gate === 0 ? 0 : x * gate;
  const s2 = 4 * e * r * r;
  if (s2 === 0) {
    o.dy = gate;
    o.d2y = 0;
    return;
  }
  const t = u >= 0 ? (1 - e) * r : (e - 1) * r;
  const du = SQRT_2_OVER_PI * (1 + 3 * GELU_KAPPA * x2);
  o.dy = gate + 0.5 * x * s2 * du;
  o.d2y = s2 * (du + x * (3 * SQRT_2_OVER_PI * GELU_KAPPA * x - t * du * du));
}

export const gelu: ScalarDef = {
  kind: 'scalar',
  info: {
    id: 'gelu',
    name: 'GELU',
    family: 'Smooth gated',
    summary:
      'Gaussian error linear unit x·Φ(x): the input weighted by how likely it is to be positive.',
    params: [
      {
        name: 'approximate',
        symbol: '\\text{approximate}',
        unicode: 'approximate',
        default: 'none',
        frameworkDefaults: { jax: 'tanh', flax: 'tanh', flux: 'tanh' },
        choices: ['none', 'tanh'],
        description:
          "'none' is the exact x·Φ(x); 'tanh' the cheaper tanh approximation (BERT, GPT-2).",
      },
    ],
    properties: GATED_PROPS,
    notes: [
      'A smooth ReLU: x·Φ(x) is ≈ 0 for x ≪ 0 and ≈ x for x ≫ 0, but dips to ≈ −0.17 near x = −0.75.',
      'Non-monotonic: the small negative bump keeps a gradient for slightly negative inputs.',
      'The tanh approximation differs from the exact form by < 10⁻³; which one a framework uses by default varies.',
    ],
    docs: docLinks({
      pytorch: 'GELU',
      keras: 'gelu',
      tensorflow: 'nn/gelu',
      jax: 'gelu',
      flux: 'gelu',
    }),
    related: ['silu', 'relu', 'mish'],
    differences: [
      {
        frameworks: ['jax', 'flax'],
        text: "jax.nn.gelu (and Flax's nn.gelu, which re-exports it) defaults to the tanh approximation; PyTorch and tf.nn.gelu are exact.",
        source: SOURCE.jaxNn,
      },
      {
        frameworks: ['flux'],
        text: 'NNlib gelu is gelu_tanh, the tanh approximation; gelu_erf is the exact form.',
        source: SOURCE.nnlib,
      },
      {
        frameworks: ['keras'],
        text: 'keras.ops.gelu defaults to the tanh approximation; keras.activations.gelu and the string "gelu" are exact.',
        source: SOURCE.keras3Activations,
      },
    ],
    plotRange: [-4, 3],
    formulaVariants: [{ approximate: 'none' }, { approximate: 'tanh' }],
  },
  bind: (p) => (p.approximate === 'tanh' ? geluTanh : geluExact),
  kernel(p) {
    if (p.approximate === 'tanh') {
      return undefined;
    }
    return (xs, y, dy, d2y) => {
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i];
        const cdf = 0.5 * erfc(-x * SQRT1_2);
        const pdf = INV_SQRT_2PI * Math.exp(-0.5 * x * x);
        y[i] = cdf === 0 ? 0 : x * cdf;
        dy[i] = pdf === 0 ? cdf : cdf + x * pdf;
        d2y[i] = pdf === 0 ? 0 : pdf * (2 - x * x);
      }
    };
  },
  kinks: () => [],
  formulas(p) {
    if (p.approximate === 'tanh') {
      return {
        f: fm(
          '\\tfrac{x}{2}\\left(1 + \\tanh\\!\\left(\\sqrt{2/\\pi}\\,(x + 0.044715 x^{3})\\right)\\right)',
          'x/2·(1 + tanh(√(2/π)(x + 0.044715x³)))',
        ),
        df: fm(
          '\\tfrac{1}{2}(1 + \\tanh u) + \\tfrac{x}{2}\\operatorname{sech}^2(u)\\,\\sqrt{2/\\pi}\\,(1 + 0.134145 x^{2}),\\; u = \\sqrt{2/\\pi}\\,(x + 0.044715 x^{3})',
          '½(1 + tanh u) + (x/2)·sech²(u)·√(2/π)(1 + 0.134145x²), u = √(2/π)(x + 0.044715x³)',
        ),
      };
    }
    return {
      f: fm(
        'x\\,\\Phi(x) = \\tfrac{x}{2}\\left(1 + \\operatorname{erf}(x/\\sqrt{2})\\right)',
        'x·Φ(x) = x/2·(1 + erf(x/√2))',
      ),
      df: fm('\\Phi(x) + x\\,\\varphi(x)', 'Φ(x) + x·φ(x)'),
    };
  },
};

/** CLIP's constant: σ(1.702x) approximates Φ(x). */
const QUICK_GELU_BETA = 1.702;

export const quickGelu: ScalarDef = {
  kind: 'scalar',
  info: {
    id: 'quick_gelu',
    name: 'Quick GELU',
    family: 'Smooth gated',
    summary: 'x·σ(1.702x): the sigmoid approximation of GELU used by CLIP.',
    params: [],
    properties: { ...GATED_PROPS, range: '[≈−0.16, ∞)' },
    notes: [
      {
        text: 'OpenAI trained CLIP with x·σ(1.702x); Hugging Face transformers calls it quick_gelu, and a CLIP checkpoint needs it rather than GELU.',
        source: src(
          'Hugging Face transformers src/transformers/activations.py (v4.46.0)',
          'https://github.com/huggingface/transformers/blob/v4.46.0/src/transformers/activations.py',
        ),
      },
      {
        text: 'Within 0.021 of exact GELU everywhere (largest near x = ±2.3); it is SiLU with β = 1.702.',
        source: paper('Gaussian Error Linear Units (Hendrycks and Gimpel, 2016)', '1606.08415'),
      },
    ],
    docs: {},
    related: ['gelu', 'silu'],
    differences: [],
    plotRange: [-4, 3],
  },
  bind: () => silu.bind({ beta: QUICK_GELU_BETA }),
  kinks: () => [],
  formulas: () => ({
    f: fm('x\\,\\sigma(1.702\\,x)', 'x·σ(1.702x)'),
    df: fm(
      '\\sigma(1.702x)\\left(1 + 1.702x\\,(1 - \\sigma(1.702x))\\right)',
      'σ(1.702x)(1 + 1.702x(1 − σ(1.702x)))',
    ),
  }),
};
