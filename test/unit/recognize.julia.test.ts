/**
 * Julia/Flux as it is really written (#9 §2, §5): import lists continued over lines, struct fields, names
 * renamed on import or bound to a function, and broadcast results. Each positive shape has its look-alike.
 * Expected ids and defaults are NNlib's (logσ is log-sigmoid; relu6 and logsoftmax as documented).
 */
import { expectCall, expectNothing } from './recognizeHelpers';

const FLUX = 'flux';

describe('recognizeAt: Julia import lists continued over several lines', () => {
  const src = `using Flux
using NNlib: relu, gelu, elu,
    hardσ, relu6,
    logsoftmax
import Flux: softmax,
    sigmoid_fast

y = relu6.(x)
p = logsoftmax(y; dims=1)
`;

  it('the continuation lines are part of the import: no hover there', () => {
    expectNothing('julia', src, 'relu6', 0);
    expectNothing('julia', src, 'logsoftmax', 0);
    expectNothing('julia', src, 'sigmoid_fast', 0);
  });

  it('the same names used after the import are calls', () => {
    expectCall('julia', src, 'relu6', { id: 'relu6', framework: FLUX }, 1);
    expectCall('julia', src, 'logsoftmax', { id: 'log_softmax', framework: FLUX }, 1);
  });

  it('a line ending in an operator continues the expression; one ending in a name does not', () => {
    const sum = 'using Flux\n\nh = W * x .+\n    relu.(b)\n';
    expectCall('julia', sum, 'relu', { id: 'relu', framework: FLUX });
    const next = 'using NNlib: elu\nrelu6.(x)\n';
    expectCall('julia', next, 'relu6', { id: 'relu6', framework: FLUX });
  });
});

describe('recognizeAt: Julia struct fields are declarations', () => {
  const src = `using Flux

struct Encoder
    linear
    μ
    logσ::Dense
end

Encoder(n::Int) = Encoder(Dense(n => 2, tanh), Dense(n => 2), Dense(n => 2))

bernoulli(x) = x .* logσ.(x)
`;

  it('a field named like an activation is no hover, typed or not', () => {
    expectNothing('julia', src, 'logσ', 0);
    expectNothing('julia', 'struct Gate\n    relu6\nend\n', 'relu6');
  });

  it('outside the struct the name is the function again', () => {
    expectCall('julia', src, 'logσ', { id: 'logsigmoid', framework: FLUX }, 1);
  });

  it('an inner constructor is no field', () => {
    const inner = 'struct Act\n    f\n    Act() = new(relu)\nend\n';
    expectCall('julia', inner, 'relu', { id: 'relu', framework: FLUX });
  });
});

describe('recognizeAt: Julia names renamed or bound to an activation', () => {
  it('using M: f as g binds g to the function', () => {
    const src = 'using NNlib: logσ as logsigmoid_nnlib\n\nl = sum(logsigmoid_nnlib.(z))\n';
    expectNothing('julia', src, 'logσ');
    expectCall('julia', src, 'logsigmoid_nnlib', { id: 'logsigmoid', framework: FLUX }, 1);
  });

  it('a rename from another package is not the activation of the same name', () => {
    const src = 'using Plots: scatter as relu6\n\nrelu6(xs, ys)\n';
    expectNothing('julia', src, 'relu6', 1);
  });

  it('import M as N aliases the module', () => {
    const src = 'import NNlib as NN\n\ny = NN.relu6.(x)\nz = NNX.relu6.(x)\n';
    expectCall('julia', src, 'relu6', { id: 'relu6', framework: FLUX });
    expectNothing('julia', src, 'relu6', 1);
  });

  it('const f = NNlib.logσ binds the function; a broadcast result binds a tensor', () => {
    const src = `using Flux
const logsig = NNlib.logσ

function f(x)
    h = relu.(x)
    z = h .+ 1
    logsig.(z)
end
`;
    expectCall('julia', src, 'logsig', { id: 'logsigmoid', framework: FLUX }, 1);
    expectNothing('julia', src, 'h', 1);
  });
});

describe('recognizeAt: Julia anonymous functions bound to a name', () => {
  const src = `using Flux, Statistics

act = x -> leakyrelu(x, 0.2f0)
gate = (z) -> σ(z)
shift = x -> x .- mean(x)
other = x -> relu(bias)

model = Chain(Dense(2 => 8, act), Dense(8 => 8, gate), Dense(8 => 1, shift))
y = other.(x)
`;

  it('x -> leakyrelu(x, 0.2f0) and (z) -> σ(z) are those activations where the name is used', () => {
    expectCall(
      'julia',
      src,
      'act',
      { id: 'leaky_relu', framework: FLUX, params: { negative_slope: 0.2 } },
      1,
    );
    expectCall('julia', src, 'gate', { id: 'sigmoid', framework: FLUX }, 1);
  });

  it('a body that computes something else, or reads another name, is none', () => {
    expectNothing('julia', src, 'shift', 1);
    expectNothing('julia', src, 'other', 1);
  });
});
