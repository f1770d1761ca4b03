/**
 * Julia struct fields and names bound to activations, as Flux code writes them: one-line structs whose
 * fields sit between semicolons or end right before `end`, a field named like an activation next to inner
 * constructors that pass NNlib's function of the same name, a constructor choosing its function in an `if`,
 * a name bound to an activation function or an anonymous function, and a recursive anonymous function that
 * ends the file (its own name inside it is no activation). Expected values come from Julia's
 * rules and NNlib's names: `;` separates the statements of a struct's body as a line break does; a field
 * binds no variable (inside an inner constructor `σ` is still the global function, Julia manual,
 * "Constructors"); a member read `g.σ` is the field; NNlib's σ is the sigmoid, relu the rectifier, swish is
 * x·σ(x) (SiLU).
 */
import { expectCall, expectNothing } from './recognizeHelpers';

const JL = 'julia';
const FLUX = 'flux';

describe('Julia: fields of a struct are declarations, its constructors read the globals', () => {
  const SRC = `"""
Gated layers for a small Flux model. The gate's nonlinearity is a field; NNlib's functions are the defaults.
"""
module Gates

using Flux

# One-line structs list their fields between semicolons.
struct Pair; gate; σ; end
struct Gated; σ end

struct Gate{F}
    W::Matrix{Float32}
    σ::F
    # No variable is bound for a field: the default gate passed here is NNlib's sigmoid.
    Gate(W::Matrix{Float32}) = new{typeof(σ)}(W, σ)
end

(g::Gate)(x) = g.σ.(g.W * x)

struct Switch{F}
    f::F
    function Switch(kind::Symbol)
        f = if kind === :sigmoid
            σ
        else
            relu
        end
        new{typeof(f)}(f)
    end
end

gate(x) = σ.(x)

end
`;

  it('a field between semicolons in a one-line struct is no hover', () => {
    expectNothing(JL, SRC, 'σ', 0);
  });

  it('a field right before the struct’s end on the same line is no hover', () => {
    expectNothing(JL, SRC, 'σ', 1);
  });

  it('a typed field is no hover, and the field read through the instance is none either', () => {
    expectNothing(JL, SRC, 'σ', 2);
    expectNothing(JL, SRC, 'σ', 5);
  });

  it('σ passed by an inner constructor is NNlib’s sigmoid, beside a field of that name', () => {
    expectCall(JL, SRC, 'σ', { id: 'sigmoid', framework: FLUX }, 3);
    expectCall(JL, SRC, 'σ', { id: 'sigmoid', framework: FLUX }, 4);
  });

  it('a function named alone on a line in an inner constructor’s if is that function', () => {
    expectCall(JL, SRC, 'σ', { id: 'sigmoid', framework: FLUX }, 6);
    expectCall(JL, SRC, 'relu', { id: 'relu', framework: FLUX });
  });

  it('after the structs σ is the sigmoid again', () => {
    expectCall(JL, SRC, 'σ', { id: 'sigmoid', framework: FLUX }, 7);
  });
});

describe('Julia: a name bound to an activation function where a layer takes it', () => {
  const SRC = `using Flux

# The hidden nonlinearity, chosen once for every layer below.
act = swish
gate = (z) -> σ(z)
scale = x -> 2f0 .* x

model = Chain(Dense(4 => 16, act), Dense(16 => 16, gate), Dense(16 => 1, scale))
`;

  it('act = swish makes act the SiLU where Dense takes it', () => {
    expectCall(JL, SRC, 'act', { id: 'silu', framework: FLUX }, 1);
  });

  it('(z) -> σ(z) is the sigmoid; x -> 2f0 .* x is no activation', () => {
    expectCall(JL, SRC, 'gate', { id: 'sigmoid', framework: FLUX }, 1);
    expectNothing(JL, SRC, 'scale', 1);
  });
});

describe('Julia: a recursive anonymous function at the end of a file', () => {
  // No line follows the function: the file ends inside its body, as it does while the line is typed.
  const SRC = `using Flux

# Warm-up lengths grow like the Fibonacci numbers.
fib = n -> n < 2 ? n : fib(n - 1) + fib(n - 2)`;

  it('its own name called inside it shows nothing', () => {
    expectNothing(JL, SRC, 'fib', 1);
    expectNothing(JL, SRC, 'fib', 2);
  });
});
