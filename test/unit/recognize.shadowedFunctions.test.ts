/**
 * A function the code passes in under a library function's name is the caller's function, not the
 * library's: in `function gate(σ, x) … x .* σ.(x)` the `σ` is whatever `gate` was given, so the line is no
 * SiLU, while the same expression beside it with Flux's `σ` is. The same holds for a Python parameter
 * named `sigmoid` under `from torch import sigmoid`, and a TF.js one under `import { sigmoid }`.
 *
 * Expected values come from the languages' scoping rules (a parameter shadows a module-level or imported
 * name inside its function) and the frameworks' definitions: Flux's `σ` and `torch.sigmoid`/`tf.sigmoid`
 * are the logistic sigmoid, so x·σ(x) written with them is SiLU.
 */
import { expectFormula, expectNoFormula } from './formulaHelpers';

describe('a parameter named like a library function is the caller’s function', () => {
  it('Julia: `σ` passed to `gate(σ, x)` is not Flux’s σ; the short form beside it uses Flux’s', () => {
    const src = `module Gates

using Flux

"""
    gate(σ, x)

Multiply \`x\` elementwise by a gate that the caller's squashing function \`σ\` computes from it.
"""
function gate(σ, x)
    return x .* σ.(x)
end

# With Flux's logistic σ the same gate is SiLU (swish with β = 1).
swish_gate(x) = x .* σ.(x)

end
`;
    expectNoFormula('julia', src, 'x .* σ.(x)', 0);
    expectFormula('julia', src, 'x .* σ.(x)', { id: 'silu', framework: 'flux' }, 1);
  });

  it('Python: a `sigmoid` parameter shadows `from torch import sigmoid` inside its function only', () => {
    const src = `"""Gated activations with a pluggable squashing function."""
import torch
from torch import sigmoid


def gated(x, sigmoid):
    """Gate \`x\` with whatever squashing function the caller passes as \`sigmoid\`."""
    return x * sigmoid(x)


def swish(x):
    return x * sigmoid(x)


if __name__ == "__main__":
    h = torch.randn(4)
    print(gated(h, torch.tanh), swish(h))
`;
    expectNoFormula('python', src, 'x * sigmoid(x)', 0);
    expectFormula('python', src, 'x * sigmoid(x)', { id: 'silu', framework: 'pytorch' }, 1);
  });

  it('TypeScript: a `sigmoid` parameter shadows TF.js’ imported `sigmoid`', () => {
    const src = `import * as tf from '@tensorflow/tfjs';
import { sigmoid } from '@tensorflow/tfjs';

/** Gates \`x\` with the squashing function the caller passes. */
export function gated(x: tf.Tensor, sigmoid: (t: tf.Tensor) => tf.Tensor): tf.Tensor {
  return x.mul(sigmoid(x));
}

/** SiLU: x · sigmoid(x). */
export function swish(x: tf.Tensor): tf.Tensor {
  return x.mul(sigmoid(x));
}
`;
    expectNoFormula('typescript', src, 'x.mul(sigmoid(x))', 0);
    expectFormula('typescript', src, 'x.mul(sigmoid(x))', { id: 'silu', framework: 'tfjs' }, 1);
  });
});
