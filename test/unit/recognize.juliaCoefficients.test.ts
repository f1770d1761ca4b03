/**
 * Julia's numeric literal coefficients in hand-written formulas: a number written against a name or a `(`
 * multiplies it (`0.5x` is 0.5 * x, `2σ(2x)` is 2 * σ(2 * x)), binding tighter than `*` and `/` but looser
 * than `^`, so `2x^3` is 2 * x^3 and `1 / 2x` is 1 / (2 * x).
 *
 * Expected values come from the Julia manual ("Numeric Literal Coefficients") and mathematics: x · σ(βx) is
 * swish with slope β (NNlib's `σ` is the logistic sigmoid), 2σ(2x) − 1 = tanh(x), and
 * 0.5x(1 + tanh(√(2/π)(x + 0.044715x³))) is GELU's tanh approximation.
 */
import './freshModels';
import { expectFormula, expectNoFormula } from './formulaHelpers';

const JULIA = `module Gates

using NNlib: σ

export swish_half, tanh_from_sigmoid, gelu_approx

"""
    swish_half(x)

Swish with slope ½, as the ablation in section 3 uses it.
"""
swish_half(x) = x * σ(0.5x)

swish_f32(x::Float32) = x * σ(0.5f0x)

# tanh through the logistic, the identity the lecture notes derive
tanh_from_sigmoid(x) = 2σ(2x) - 1

function gelu_approx(x)
    return 0.5x * (1 + tanh(sqrt(2 / π) * (x + 0.044715x^3)))
end

# Not activations: the coefficient binds tighter than the division, and y is another array.
odd_gate(x) = x * σ(1 / 2x)
cross_gate(x, y) = x * σ(0.5y)

end
`;

describe('Julia numeric literal coefficients in a formula', () => {
  it('reads x * σ(0.5x) as swish with slope 0.5, also with a Float32 literal (0.5f0x)', () => {
    expectFormula('julia', JULIA, 'x * σ(0.5x)', {
      id: 'silu',
      framework: 'flux',
      params: { beta: 0.5 },
    });
    expectFormula('julia', JULIA, 'x * σ(0.5f0x)', {
      id: 'silu',
      framework: 'flux',
      params: { beta: 0.5 },
    });
  });

  it('reads 2σ(2x) - 1 as tanh', () => {
    expectFormula('julia', JULIA, '2σ(2x) - 1', { id: 'tanh', framework: 'flux' });
  });

  it("reads 0.5x(1 + tanh(√(2/π)(x + 0.044715x^3))) as GELU's tanh approximation", () => {
    expectFormula('julia', JULIA, '0.5x * (1 + tanh(sqrt(2 / π) * (x + 0.044715x^3)))', {
      id: 'gelu',
      framework: 'other',
      params: { approximate: 'tanh' },
    });
  });

  it('binds the coefficient tighter than the division (1 / 2x is no swish slope)', () => {
    expectNoFormula('julia', JULIA, 'x * σ(1 / 2x)');
  });

  it('does not read a coefficient of another array as swish', () => {
    expectNoFormula('julia', JULIA, 'x * σ(0.5y)');
  });
});
