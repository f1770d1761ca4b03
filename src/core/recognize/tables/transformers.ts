/**
 * Hugging Face transformers' activation names (src/transformers/activations.py, ACT2CLS), as they appear in
 * `ACT2FN["gelu_new"]`, `get_activation("quick_gelu")` and configs (`hidden_act="gelu_pytorch_tanh"`).
 * "gelu" and "gelu_python" are the exact erf GELU; "gelu_new", "gelu_fast", "gelu_pytorch_tanh" and
 * "gelu_python_tanh", "gelu_accurate" compute the tanh approximation; "quick_gelu" is x·σ(1.702x) and "relu2" relu(x)².
 * The modules are PyTorch's, so the framework is PyTorch.
 */
import { c, inCatalogue, names, type Spelling } from '../spelling';

const PT = 'pytorch';
const TANH_GELU = { approximate: 'tanh' };

/** Names whose catalogue id may not exist yet. */
function optional(pairs: readonly (readonly [string, string])[]): Record<string, Spelling> {
  return names(
    pairs.filter(([, id]) => inCatalogue(id)),
    (id) => c(id, PT),
  );
}

/** transformers activation strings → spelling. */
export const TRANSFORMERS_STRINGS: Readonly<Record<string, Spelling>> = {
  ...names(
    [
      ['gelu', 'gelu'],
      ['gelu_python', 'gelu'],
      ['relu', 'relu'],
      ['relu6', 'relu6'],
      ['leaky_relu', 'leaky_relu'],
      ['sigmoid', 'sigmoid'],
      ['silu', 'silu'],
      ['swish', 'silu'],
      ['tanh', 'tanh'],
      ['mish', 'mish'],
      ['linear', 'linear'],
      ['prelu', 'prelu'],
      ['hardswish', 'hardswish'],
    ],
    (id) => c(id, PT),
  ),
  gelu_new: c('gelu', PT, {}, TANH_GELU),
  gelu_fast: c('gelu', PT, {}, TANH_GELU),
  gelu_pytorch_tanh: c('gelu', PT, {}, TANH_GELU),
  gelu_accurate: c('gelu', PT, {}, TANH_GELU),
  gelu_python_tanh: c('gelu', PT, {}, TANH_GELU),
  ...optional([
    ['quick_gelu', 'quick_gelu'],
    ['relu2', 'relu_squared'],
  ]),
};

/** Configuration keywords that name a transformers activation. */
export const TRANSFORMERS_KWS = new Set([
  'hidden_act',
  'hidden_activation',
  'activation_function',
  'projector_hidden_act',
]);

/** Lookups that take a transformers activation name: `ACT2FN[...]`, `get_activation(...)`. */
export const TRANSFORMERS_LOOKUPS = new Set(['ACT2FN', 'ACT2CLS', 'get_activation']);
