/**
 * What the recognizer must not hover: names that only contain an activation's name, definitions, variables
 * and flags, comments, docstrings and JSDoc, imports, init helpers, losses and layers that share a word, and
 * clamps that are not activations.
 */
import { expectFormula } from './formulaHelpers';
import { expectCall, expectNothing } from './recognizeHelpers';

const PY = 'python';

describe('recognizeAt: negatives in Python', () => {
  it('ignores names that merely contain an activation name', () => {
    const src =
      'n = relu_count(x)\nmy_relu_layer = build()\ny = F.relu_fused(x)\nz = torch.relux(x)';
    expectNothing(PY, src, 'relu_count');
    expectNothing(PY, src, 'my_relu_layer');
    expectNothing(PY, src, 'relu_fused');
    expectNothing(PY, src, 'relux');
  });

  it('ignores definitions, variables and flags', () => {
    const src = `def relu(x):
    return x

class GELU(nn.Module):
    pass

sigmoid = lambda v: v
use_gelu = True
self.relu = nn.ReLU()
y = self.relu(x)
`;
    expectNothing(PY, src, 'relu');
    expectNothing(PY, src, 'GELU');
    expectNothing(PY, src, 'sigmoid');
    expectNothing(PY, src, 'use_gelu');
    expectNothing(PY, src, 'relu', 1);
    // The call through the attribute is the module it was built as, not its name (attributes test).
    expectCall(PY, src, 'relu', { id: 'relu', framework: 'pytorch' }, 2);
    // …while the module on the right of the assignment is recognized.
    expectCall(PY, src, 'ReLU', { id: 'relu', framework: 'pytorch' }, 0);
  });

  it('ignores comments and docstrings', () => {
    const src = `# y = F.relu(x)
def f(x):
    """Applies F.gelu(x, approximate="tanh") and then nn.Softmax(dim=-1).

    >>> torch.sigmoid(torch.zeros(1))
    """
    return x  # F.tanh would also do
`;
    expectNothing(PY, src, 'relu');
    expectNothing(PY, src, 'gelu');
    expectNothing(PY, src, 'tanh');
    expectNothing(PY, src, 'Softmax');
    expectNothing(PY, src, 'sigmoid');
  });

  it('ignores a docstring whose opening is far above the cursor', () => {
    const prose = 'This line explains F.relu(x) in words.\n'.repeat(40);
    const src = `def f(x):\n    """Doc.\n${prose}    """\n    return F.relu(x)\n`;
    expectNothing(PY, src, 'relu', 20);
    expectCall(PY, src, 'relu', { id: 'relu', framework: 'pytorch' }, 40);
    const example = '    >>> y = F.gelu(x)\n'.repeat(30);
    const doctest = `def g(x):\n    """Doc.\n\n${example}    """\n    return F.gelu(x)\n`;
    expectNothing(PY, doctest, 'gelu', 25);
    expectCall(PY, doctest, 'gelu', { id: 'gelu', framework: 'pytorch' }, 30);
  });

  it('ignores imports', () => {
    const src = `from torch.nn.functional import relu, gelu
from torch.nn import (
    LeakyReLU,
)
import torch.nn.functional as F
y = relu(x)
`;
    expectNothing(PY, src, 'relu');
    expectNothing(PY, src, 'gelu');
    expectNothing(PY, src, 'LeakyReLU');
    expectCall(PY, src, 'relu', { id: 'relu', framework: 'pytorch' }, 1);
  });

  it('ignores init helpers and strings outside activation arguments', () => {
    const src = `gain = nn.init.calculate_gain('relu')
nn.init.kaiming_normal_(w, nonlinearity='relu')
conv = ConvNorm(a, b, w_init_gain='tanh')
g = nn.GELU(approximate='tanh')
print("relu")
`;
    expectNothing(PY, src, 'relu');
    expectNothing(PY, src, 'relu', 1);
    expectNothing(PY, src, 'tanh');
    expectNothing(PY, src, 'tanh', 1);
    expectNothing(PY, src, 'relu', 2);
  });

  it('ignores activation strings of layers from other libraries', () => {
    const src = `from sklearn.neural_network import MLPClassifier
from mylib import Block
clf = MLPClassifier(activation="relu")
blk = Block(activation="tanh")
`;
    expectNothing(PY, src, 'relu');
    expectNothing(PY, src, 'tanh');
  });

  it('ignores losses and layers that only share a word', () => {
    const src = `loss = tf.nn.softmax_cross_entropy_with_logits(labels, logits)
y = F.linear(x, w)
l = F.nll_loss(F.log_softmax(y, dim=1), t)
b = F.binary_cross_entropy_with_logits(y, t)
`;
    expectNothing(PY, src, 'softmax_cross_entropy_with_logits');
    expectNothing(PY, src, 'linear');
    expectNothing(PY, src, 'nll_loss');
    expectCall(PY, src, 'log_softmax', {
      id: 'log_softmax',
      framework: 'pytorch',
      params: { dim: 1 },
    });
  });

  it('ignores clamps that are not activations', () => {
    const src = `a = np.maximum(x, 1e-8)
b = np.maximum(a, b)
c = torch.clamp(x, min=eps)
d = np.clip(x, 0, 6)
`;
    expectNothing(PY, src, 'maximum');
    expectNothing(PY, src, 'maximum', 1);
    expectNothing(PY, src, 'clamp');
    expectNothing(PY, src, 'clip');
  });

  it("ignores method calls on the user's own objects and tensor methods with wrong arity", () => {
    const src = 'y = self.sigmoid(x)\nz = helper.tanh(a, b)\n';
    expectNothing(PY, src, 'sigmoid');
    expectNothing(PY, src, 'tanh');
  });
});

describe('recognizeAt: negatives in other languages', () => {
  it('JS: definitions, JSDoc examples, imports, strings elsewhere', () => {
    const src = `import { relu } from '@tensorflow/tfjs';
/**
 * Applies tf.sigmoid(x).
 * @example tf.leakyRelu(x, 0.2)
 */
function sigmoid(x) { return x; }
const gelu = (x) => x;
// tf.relu(x)
const name = 'relu';
`;
    expectNothing('javascript', src, 'relu');
    expectNothing('javascript', src, 'sigmoid');
    expectNothing('javascript', src, 'leakyRelu');
    expectNothing('javascript', src, 'sigmoid', 1);
    expectNothing('javascript', src, 'gelu');
    expectNothing('javascript', src, 'relu', 1);
    expectNothing('javascript', src, 'relu', 2);
  });

  it('Julia: definitions and docstrings', () => {
    const src = `"""
    myact(x) = relu(x)
"""
relu2(x) = max(x, 0)
function swish(x)
    x * σ(x)
end
sigmoid(x) = 1 / (1 + exp(-x))
`;
    expectNothing('julia', src, 'relu');
    expectNothing('julia', src, 'swish');
    expectNothing('julia', src, 'sigmoid');
    // The body is swish written out: hovering σ in it shows the whole expression (issue 9 §4).
    expectFormula('julia', src, 'x * σ(x)', { id: 'silu', framework: 'flux', params: { beta: 1 } });
  });

  it('C++ and Rust: declarations and comments', () => {
    const cpp = `torch::Tensor relu(torch::Tensor x);  // torch::gelu(x)
/* torch::sigmoid(x) */
`;
    expectNothing('cpp', cpp, 'relu');
    expectNothing('cpp', cpp, 'gelu');
    expectNothing('cpp', cpp, 'sigmoid');
    const rust = `fn relu(x: f32) -> f32 { x.max(0.0) }
// xs.gelu()?
let sigmoid = 1;
`;
    expectNothing('rust', rust, 'relu');
    expectNothing('rust', rust, 'gelu');
    expectNothing('rust', rust, 'sigmoid');
  });

  it('unknown languages get nothing', () => {
    expectNothing('markdown', 'F.relu(x)', 'relu');
    expectNothing('go', 'F.relu(x)', 'relu');
  });
});
