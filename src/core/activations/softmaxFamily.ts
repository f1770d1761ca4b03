/**
 * Vector activations: each output depends on the whole input, so they come with a Jacobian instead of
 * a scalar derivative. `dim` is accepted and ignored (the input is one 1-D vector).
 */
import type { ParamSpec, Properties } from '../types';
import { fm, type VectorDef } from './def';
import { docLinks } from './docs';
import { SOURCE } from './sources';
import {
  glu as gluMath,
  logSoftmax as logSoftmaxMath,
  softmaxLike,
  sparsemax as sparsemaxMath,
} from './vectorMath';

/** The axis parameter of every vector activation (also the gated units'). */
export const dimParam: ParamSpec = {
  name: 'dim',
  symbol: '\\text{dim}',
  unicode: 'dim',
  default: -1,
  frameworkDefaults: { flux: 1 },
  description:
    'Axis to normalise over; a single vector has only one, so it does not change the values here.',
};

/** PyTorch's F.softmax/log_softmax/softmin without dim pick an axis themselves, with a warning. */
function implicitDim(fn: string) {
  return {
    frameworks: ['pytorch'] as const,
    text: `F.${fn} without dim picks an axis implicitly (deprecated, with a warning): pass dim.`,
    unlessGiven: 'dim',
    source: SOURCE.torchFunctional,
  };
}

/** NNlib normalises along the first dimension, Julia's column-major batch layout. */
function nnlibDims(fn: string) {
  return {
    frameworks: ['flux'] as const,
    text: `NNlib ${fn} normalises over dims=1 (each column), not the last axis.`,
    source: SOURCE.nnlibSoftmax,
  };
}

const PROB_PROPS: Properties = {
  range: '(0, 1), summing to 1',
  monotonic: true,
  zeroCentred: false,
  smooth: true,
  saturates: { left: true, right: true },
  bounded: { below: true, above: true },
  selfGated: false,
};

export const softmax: VectorDef = {
  kind: 'vector',
  info: {
    id: 'softmax',
    name: 'Softmax',
    family: 'Softmax family',
    summary: 'Exponentiate and normalise: a probability distribution over the entries.',
    params: [dimParam],
    properties: PROB_PROPS,
    notes: [
      'Invariant to adding a constant to every entry: computed as e^{z−max z}/Σ e^{z−max z} so nothing overflows.',
      'A soft winner-take-all: the largest entry dominates more as the gap grows.',
      '∂yᵢ/∂zⱼ = yᵢ(δᵢⱼ − yⱼ): pair with log-softmax and NLL (cross-entropy) for a clean gradient y − target.',
    ],
    docs: docLinks({
      pytorch: 'Softmax',
      keras: 'softmax',
      tensorflow: 'nn/softmax',
      jax: 'softmax',
      flux: 'softmax',
      tfjs: 'softmax',
    }),
    related: ['log_softmax', 'softmin', 'sparsemax', 'sigmoid'],
    differences: [
      nnlibDims('softmax'),
      implicitDim('softmax'),
      {
        frameworks: ['tfjs'],
        // Every TF.js spelling reports its axis default, so this one is shown to all TF.js softmax code.
        text: "The tf.layers.softmax layer's default axis is 1 (DEFAULT_AXIS = 1, though its doc comment says −1); tf.softmax and Keras use the last axis, so the two differ for 3-D inputs.",
        source: SOURCE.tfjsAdvancedActivations,
      },
    ],
    plotRange: [-4, 4],
  },
  apply: (z) => softmaxLike(z, 1),
  formulas: () => ({
    f: fm(
      '\\operatorname{softmax}(z)_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}',
      'softmax(z)ᵢ = e^(zᵢ)/Σⱼ e^(zⱼ)',
    ),
    df: fm(
      '\\frac{\\partial y_i}{\\partial z_j} = y_i(\\delta_{ij} - y_j)',
      '∂yᵢ/∂zⱼ = yᵢ(δᵢⱼ − yⱼ)',
    ),
  }),
};

export const logSoftmax: VectorDef = {
  kind: 'vector',
  info: {
    id: 'log_softmax',
    name: 'LogSoftmax',
    family: 'Softmax family',
    summary: 'log softmax(z) = z − log Σ e^z, computed without forming the softmax.',
    params: [dimParam],
    properties: { ...PROB_PROPS, range: '(−∞, 0]', bounded: { below: false, above: true } },
    notes: [
      'log-softmax = z − log Σ e^z: stable where log(softmax(z)) would give −∞ for a tiny probability.',
      'With NLLLoss it is cross-entropy, whose gradient with respect to z is softmax(z) minus the one-hot target.',
    ],
    docs: docLinks({
      pytorch: 'LogSoftmax',
      keras: 'log_softmax',
      tensorflow: 'nn/log_softmax',
      jax: 'log_softmax',
      flux: 'logsoftmax',
      tfjs: 'logSoftmax',
    }),
    related: ['softmax', 'logsigmoid'],
    differences: [nnlibDims('logsoftmax'), implicitDim('log_softmax')],
    plotRange: [-4, 4],
  },
  apply: (z) => logSoftmaxMath(z),
  formulas: () => ({
    f: fm('z_i - \\log \\sum_j e^{z_j}', 'zᵢ − log Σⱼ e^(zⱼ)'),
    df: fm(
      '\\frac{\\partial y_i}{\\partial z_j} = \\delta_{ij} - \\operatorname{softmax}(z)_j',
      '∂yᵢ/∂zⱼ = δᵢⱼ − softmax(z)ⱼ',
    ),
  }),
};

export const softmin: VectorDef = {
  kind: 'vector',
  info: {
    id: 'softmin',
    name: 'Softmin',
    family: 'Softmax family',
    summary: 'softmax(−z): the smallest entry gets the largest probability.',
    params: [dimParam],
    properties: PROB_PROPS,
    notes: [
      'softmin(z) = softmax(−z): each output decreases in its own input and increases in the others.',
      'Weights small values most, e.g. turning distances or costs into probabilities.',
    ],
    docs: docLinks({ pytorch: 'Softmin' }),
    related: ['softmax'],
    differences: [implicitDim('softmin')],
    plotRange: [-4, 4],
  },
  apply: (z) => softmaxLike(z, -1),
  formulas: () => ({
    f: fm('\\frac{e^{-z_i}}{\\sum_j e^{-z_j}}', 'e^(−zᵢ)/Σⱼ e^(−zⱼ)'),
    df: fm(
      '\\frac{\\partial y_i}{\\partial z_j} = -y_i(\\delta_{ij} - y_j)',
      '∂yᵢ/∂zⱼ = −yᵢ(δᵢⱼ − yⱼ)',
    ),
  }),
};

export const glu: VectorDef = {
  kind: 'vector',
  info: {
    id: 'glu',
    name: 'GLU',
    family: 'Gated linear units',
    summary: 'Gated linear unit: split the input into halves a, b and return a ⊙ σ(b).',
    params: [dimParam],
    properties: {
      range: '(−∞, ∞)',
      monotonic: false,
      zeroCentred: false,
      smooth: true,
      saturates: { left: false, right: false },
      bounded: { below: false, above: false },
      selfGated: false,
    },
    notes: [
      'Halves the size along dim: the second half gates the first (needs an even length).',
      'The gate σ(b) learns what to pass; variants (GEGLU, SwiGLU) swap σ for GELU or SiLU.',
    ],
    docs: docLinks({ pytorch: 'GLU', kerasSource: true, jax: 'glu' }),
    related: ['sigmoid', 'swiglu', 'geglu', 'reglu'],
    differences: [],
    plotRange: [-4, 4],
  },
  apply: (z) => gluMath(z),
  formulas: () => ({
    f: fm('a \\odot \\sigma(b),\\quad z = [a; b]', 'a ⊙ σ(b), z = [a; b]'),
    df: fm(
      '\\frac{\\partial y_i}{\\partial a_i} = \\sigma(b_i),\\; \\frac{\\partial y_i}{\\partial b_i} = a_i \\sigma(b_i)(1 - \\sigma(b_i))',
      '∂yᵢ/∂aᵢ = σ(bᵢ), ∂yᵢ/∂bᵢ = aᵢσ(bᵢ)(1 − σ(bᵢ))',
    ),
  }),
};

export const sparsemax: VectorDef = {
  kind: 'vector',
  info: {
    id: 'sparsemax',
    name: 'Sparsemax',
    family: 'Softmax family',
    summary: 'Projection onto the probability simplex: like softmax, but exact zeros.',
    params: [dimParam],
    properties: { ...PROB_PROPS, range: '[0, 1], summing to 1', smooth: false },
    notes: [
      'max(z − τ, 0) with τ chosen so the outputs sum to 1: small entries get exactly 0.',
      'Jacobian diag(s) − s sᵀ/|S| on the support S: piecewise linear.',
    ],
    docs: docLinks({ kerasSource: true }),
    related: ['softmax', 'sparse_sigmoid'],
    differences: [],
    plotRange: [-4, 4],
  },
  apply: (z) => sparsemaxMath(z),
  formulas: () => ({
    f: fm('\\max(z_i - \\tau(z), 0),\\; \\sum_i y_i = 1', 'max(zᵢ − τ(z), 0), Σᵢ yᵢ = 1'),
    df: fm(
      '\\frac{\\partial y_i}{\\partial z_j} = s_i\\left(\\delta_{ij} - \\frac{s_j}{|S|}\\right)',
      '∂yᵢ/∂zⱼ = sᵢ(δᵢⱼ − sⱼ/|S|)',
    ),
  }),
};
