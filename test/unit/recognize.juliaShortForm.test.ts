/**
 * Julia's compact form `f(x) = body` defines a method (Julia manual, "Functions": the assignment form). The
 * name on its left is a definition, never a call, wherever the line sits: first in the file, after `using`,
 * after an assignment, a comment, a blank line or another definition's `end`, with or without type
 * annotations. The name used later is what the body computes, not what the library's function of that
 * name is.
 */
import { strict as assert } from 'node:assert';
import { expectCall, expectNothing } from './recognizeHelpers';

/** Lines that may come before a definition, each ending the statement before it differently. */
const BEFORE = [
  '',
  'using Flux\n',
  'using NNlib: relu, σ\n\n',
  'β = 2\n',
  '# the logistic function, written out\n',
  'function layer(x)\n    W * x\nend\n',
  'const scale = 0.5; ',
];

/** Compact definitions that shadow an NNlib name, the name's first occurrence being the definition. */
const DEFINITIONS: readonly [name: string, line: string][] = [
  ['sigmoid', 'sigmoid(x) = 1 / (1 + exp(-x))'],
  ['sigmoid', 'sigmoid(x::Real) = one(x) / (one(x) + exp(-x))'],
  ['relu', 'relu(x) = max(zero(x), x)'],
  ['swish', 'swish(x; β = 1) = x * σ(β * x)'],
  ['gelu', 'gelu(x) = x / 2 * (1 + erf(x / sqrt(2)))'],
  ['gelu', 'gelu(x::T) where {T<:AbstractFloat} = x / 2 * (1 + erf(x / sqrt(T(2))))'],
  ['relu6', 'relu6(x::T) where T<:Real = min(max(x, zero(T)), T(6))'],
  ['tanh_fast', 'tanh_fast(x)::Float32 = tanh(x)'],
];

describe('Julia compact definitions f(x) = … are not calls', () => {
  it('the defined name is no hover after every kind of preceding line', () => {
    let checked = 0;
    for (const before of BEFORE) {
      for (const [name, line] of DEFINITIONS) {
        const nth = before.includes(`${name},`) || before.includes(`${name}\n`) ? 1 : 0;
        expectNothing('julia', `${before}${line}\n`, name, nth);
        checked++;
      }
    }
    assert.equal(checked, BEFORE.length * DEFINITIONS.length);
  });

  it('a call of the same name on its own line is still a call (the check reads the `=` after `)`)', () => {
    expectCall('julia', 'using Flux\ny = sigmoid(x)\n', 'sigmoid', {
      id: 'sigmoid',
      framework: 'flux',
    });
    // A type assertion after a call on the right of `=`, even with another assignment after `;`.
    expectCall('julia', 'using Flux\ny = relu(x)::Vector{Float32}; z = 1\n', 'relu', {
      id: 'relu',
      framework: 'flux',
    });
    // `==` compares: the call is evaluated, nothing is defined.
    expectCall('julia', 'using Flux\nok = relu(x) == x\n', 'relu', {
      id: 'relu',
      framework: 'flux',
    });
  });
});
