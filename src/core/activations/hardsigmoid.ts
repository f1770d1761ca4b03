/**
 * Hardsigmoid in both conventions: relu6(x + 3)/6 (PyTorch, Keras 3, JAX) and clip(0.2x + 0.5, 0, 1)
 * (tf.keras 2, TF.js), chosen by the slope parameter. Each follows its owners at the kinks: PyTorch's
 * backward is 0 on the boundary, while tf.clip_by_value and TF.js' clipByValue pass the slope at both ends.
 */
import { cases, fm, num, type ScalarDef } from './def';
import { docLinks } from './docs';
import { SOURCE } from './sources';
import { SIGMOID_PROPS } from './sigmoidFamily';

/** PyTorch's hardsigmoid backward multiplies by the float32 constant 1.0f/6.0f, even for float64. */
const PYTORCH_ONE_SIXTH = Math.fround(1 / 6);

/** True for the PyTorch/Keras 3 slope (relu6(x + 3)/6), as opposed to tf.keras 2's 0.2 or others. */
function isSixth(s: number): boolean {
  return Math.abs(s - 1 / 6) < 1e-12;
}

export const hardsigmoid: ScalarDef = {
  kind: 'scalar',
  info: {
    id: 'hardsigmoid',
    name: 'Hardsigmoid',
    family: 'Sigmoid family',
    summary: 'Piecewise-linear sigmoid: clip(s·x + 1/2, 0, 1).',
    params: [
      {
        name: 'slope',
        symbol: 's',
        unicode: 's',
        default: 1 / 6,
        frameworkDefaults: { tensorflow: 0.2, tfjs: 0.2 },
        min: 0,
        exclusiveMin: true,
        description:
          'Slope of the linear middle: 1/6 in PyTorch, Keras 3, JAX; 0.2 in tf.keras 2 and TF.js.',
      },
    ],
    properties: { ...SIGMOID_PROPS, range: '[0, 1]', smooth: false, continuousDerivatives: 0 },
    notes: [
      'Cheap sigmoid for mobile nets: no exp, only a clamp.',
      'Gradient is exactly 0 outside the linear band: saturated units stop learning.',
    ],
    docs: docLinks({
      pytorch: 'Hardsigmoid',
      keras: 'hard_sigmoid',
      jax: 'hard_sigmoid',
      flux: 'hardsigmoid',
    }),
    related: ['sigmoid', 'hardswish', 'hardtanh'],
    differences: [
      {
        frameworks: ['keras', 'tfjs'],
        text: 'tf.keras 2 and TF.js use clip(0.2x + 0.5, 0, 1), kinks at ±2.5, gradient 0.2 at both ends; Keras 3, PyTorch and JAX use relu6(x + 3)/6, kinks at ±3.',
        source: SOURCE.tfKeras2Backend,
      },
      {
        frameworks: ['keras'],
        text: "Keras 3's gradient at ±3 depends on the backend: 1/6 on TensorFlow (tf.clip_by_value), 0 on JAX and PyTorch.",
        source: SOURCE.keras3TfNn,
      },
    ],
    plotRange: [-5, 5],
    formulaVariants: [{}, { slope: 0.2 }, { slope: 0.25 }],
  },
  bind(p) {
    const s = num(p, 'slope');
    if (isSixth(s)) {
      return (x, o) => {
        o.y = Math.min(Math.max(x + 3, 0), 6) / 6;
        o.dy = x > -3 && x < 3 ? PYTORCH_ONE_SIXTH : 0;
        o.d2y = 0;
      };
    }
    const h = 0.5 / s;
    return (x, o) => {
      o.y = Math.min(Math.max(s * x + 0.5, 0), 1);
      // Closed interval: clip_by_value's gradient passes the slope on both boundaries.
      o.dy = x >= -h && x <= h ? s : 0;
      o.d2y = 0;
    };
  },
  convention: (p) =>
    isSixth(num(p, 'slope'))
      ? { owner: "PyTorch's", source: SOURCE.torchActivationCpu }
      : { owner: "tf.clip_by_value's (tf.keras 2, TF.js)", source: SOURCE.tfClipGrad },
  kinks: (p) => {
    const h = isSixth(num(p, 'slope')) ? 3 : 0.5 / num(p, 'slope');
    return [-h, h];
  },
  formulas(p) {
    const s = num(p, 'slope');
    if (isSixth(s)) {
      return {
        f: fm('\\frac{\\operatorname{ReLU6}(x + 3)}{6}', 'ReLU6(x + 3)/6'),
        df: cases(
          ['\\tfrac{1}{6}', '-3 < x < 3', '1/6', '−3 < x < 3'],
          ['0', '\\text{otherwise}', '0', 'otherwise'],
        ),
      };
    }
    if (s === 0.2) {
      return {
        f: fm('\\max(0, \\min(1, 0.2x + 0.5))', 'max(0, min(1, 0.2x + 0.5))'),
        df: cases(
          ['0.2', '-2.5 \\le x \\le 2.5', '0.2', '−2.5 ≤ x ≤ 2.5'],
          ['0', '\\text{otherwise}', '0', 'otherwise'],
        ),
      };
    }
    return {
      f: fm('\\max(0, \\min(1, s x + \\tfrac{1}{2}))', 'max(0, min(1, sx + 1/2))'),
      df: cases(
        ['s', '|x| \\le \\frac{1}{2s}', 's', '|x| ≤ 1/(2s)'],
        ['0', '\\text{otherwise}', '0', 'otherwise'],
      ),
    };
  },
};
