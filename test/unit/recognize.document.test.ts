/**
 * The document model: a whole text lexed once, so that a comment or string opened far above the hovered
 * place is known (issue #12's bug: a call in a `/* … *\/` or `#= … =#` opened more than ~240 characters above
 * was hovered), statements start where the language says, declarations spread over several lines are not
 * uses, and every construct of our languages' string syntax is one token.
 */
import assert from 'node:assert/strict';
import { recognizeAt } from '../../src/core';
import { documentModel } from '../../src/core/recognize/models';
import { tokenize } from '../../src/core/recognize/tokenizer';
import { expectCall, expectNothing } from './recognizeHelpers';

/** Distances (in characters of filler) between a comment's opener and the call inside it. */
const DISTANCES = [0, 1, 40, 239, 240, 241, 500, 3999, 4000, 4001, 7000, 33_000, 70_000];

/** Filler that looks like prose in a comment: words and line breaks, no closer of any syntax. */
function filler(n: number): string {
  const words = 'the layer applies an activation to each hidden unit and then normalises it ';
  let s = '';
  while (s.length < n) {
    s += s.length % 400 > 330 ? '\n  ' : words;
  }
  return s.slice(0, n);
}

/** One comment syntax: the opener, the closer, the code around, the call and the hovered word. */
interface Syntax {
  readonly lang: string;
  readonly head: string;
  readonly open: string;
  readonly close: string;
  readonly call: string;
  readonly word: string;
  readonly expected: { id: string; framework: string };
}

const SYNTAXES: readonly Syntax[] = [
  {
    lang: 'javascript',
    head: "import * as tf from '@tensorflow/tfjs';\n",
    open: '/**\n * Example:\n * ',
    close: '\n */\n',
    call: 'const y = tf.relu(x);\n',
    word: 'relu',
    expected: { id: 'relu', framework: 'tfjs' },
  },
  {
    lang: 'typescript',
    head: "import * as tf from '@tensorflow/tfjs';\n",
    open: '/* ',
    close: ' */\n',
    call: 'const y = tf.sigmoid(x);\n',
    word: 'sigmoid',
    expected: { id: 'sigmoid', framework: 'tfjs' },
  },
  {
    lang: 'cpp',
    head: '#include <torch/torch.h>\n',
    open: '/*\n',
    close: '\n*/\n',
    call: 'auto y = torch::relu(x);\n',
    word: 'relu',
    expected: { id: 'relu', framework: 'libtorch' },
  },
  {
    lang: 'rust',
    head: 'use candle_nn::ops;\n',
    // Rust block comments nest: the inner pair must not end the outer comment.
    open: '/* outer /* inner */ still outer\n',
    close: '\n*/\n',
    call: 'let y = ops::sigmoid(&x)?;\n',
    word: 'sigmoid',
    expected: { id: 'sigmoid', framework: 'candle' },
  },
  {
    lang: 'julia',
    head: 'using Flux\n',
    // Julia block comments nest too.
    open: '#= outer #= inner =# still outer\n',
    close: '\n=#\n',
    call: 'y = relu.(x)\n',
    word: 'relu',
    expected: { id: 'relu', framework: 'flux' },
  },
  {
    lang: 'python',
    head: 'import torch.nn.functional as F\n\n\ndef block(x):\n',
    open: '    """Applies the block.\n\n    ',
    close: '\n    """\n',
    call: '    y = F.gelu(x)\n',
    word: 'gelu',
    expected: { id: 'gelu', framework: 'pytorch' },
  },
  {
    lang: 'python',
    head: 'import torch.nn.functional as F\n\n',
    open: "x = r'''\n",
    close: "\n'''\n",
    call: 'y = F.silu(x)\n',
    word: 'silu',
    expected: { id: 'silu', framework: 'pytorch' },
  },
];

describe('document model: comments and strings opened far above', () => {
  for (const s of SYNTAXES) {
    it(`${s.lang} ${JSON.stringify(s.open.slice(0, 12))}: no hover inside at every distance, a hover after`, () => {
      for (const d of DISTANCES) {
        const inside = `${s.head}${s.open}${filler(d)}\n${s.call}${filler(20)}${s.close}`;
        expectNothing(s.lang, inside, s.word);
        const after = `${inside}${s.call}`;
        expectCall(s.lang, after, s.word, s.expected, 1);
      }
    });
  }
});

describe('document model: statements start where the language says', () => {
  it('Python: a call after a line that ends in a name', () => {
    const src =
      'import torch.nn.functional as F\n\nh = a + b\nF.relu_(h)\nh = h * scale\nF.silu(h)\n';
    expectCall('python', src, 'relu_', { id: 'relu', framework: 'pytorch' });
    expectCall('python', src, 'silu', { id: 'silu', framework: 'pytorch' });
  });

  it('Julia: a broadcast call after a line that ends in a name', () => {
    const src = 'using Flux\n\nfunction f(W, x)\n    x = W * x\n    relu.(x)\nend\n';
    expectCall('julia', src, 'relu', { id: 'relu', framework: 'flux' });
  });

  it('JavaScript without semicolons', () => {
    const src =
      "import * as tf from '@tensorflow/tfjs'\n\nconst y = x\ntf.relu(y)\nconst z = y\ntf.elu(z)\n";
    expectCall('javascript', src, 'relu', { id: 'relu', framework: 'tfjs' });
    expectCall('javascript', src, 'elu', { id: 'elu', framework: 'tfjs' });
  });

  it('a name after a type name on the same line is still a declaration', () => {
    expectNothing('cpp', 'using namespace torch;\nTensor relu(Tensor x);\n', 'relu');
    expectNothing(
      'python',
      'from torch.nn.functional import relu\ndef relu(x):\n    pass\n',
      'relu',
      1,
    );
  });
});

describe('document model: declarations spread over lines are not uses', () => {
  it("Python's parenthesized import continues over its lines", () => {
    const src =
      'from torch.nn.functional import (\n    relu,\n    gelu,\n)\n\ny = relu(x)\nz = gelu(y)\n';
    expectNothing('python', src, 'relu');
    expectNothing('python', src, 'gelu');
    expectCall('python', src, 'relu', { id: 'relu', framework: 'pytorch' }, 1);
    expectCall('python', src, 'gelu', { id: 'gelu', framework: 'pytorch' }, 1);
  });

  it("Rust's use lists and enum variants", () => {
    const src = `use candle_nn::ops::{
    sigmoid,
    softmax_last_dim,
};
use burn::nn::*;

pub enum Act {
    Gelu,
    Relu(Relu),
}

fn f(x: &Tensor) -> Result<Tensor> {
    sigmoid(x)
}
`;
    expectNothing('rust', src, 'sigmoid');
    expectNothing('rust', src, 'softmax_last_dim');
    expectNothing('rust', src, 'Gelu');
    expectNothing('rust', src, 'Relu');
    expectNothing('rust', src, 'Relu', 1);
    expectCall('rust', src, 'sigmoid', { id: 'sigmoid', framework: 'candle' }, 1);
  });

  it('every name of a Rust use list is imported, not only the first', () => {
    const src =
      'use candle_nn::ops::{sigmoid, softmax, silu};\n\nlet a = softmax(&x, 1)?;\nlet b = silu(&x)?;\n';
    expectCall('rust', src, 'softmax', { id: 'softmax', framework: 'candle' }, 1);
    expectCall('rust', src, 'silu', { id: 'silu', framework: 'candle' }, 1);
  });

  it('JS multi-line named imports', () => {
    const src = "import {\n  relu,\n  elu,\n} from '@tensorflow/tfjs';\n\nconst y = relu(x);\n";
    expectNothing('javascript', src, 'relu');
    expectNothing('javascript', src, 'elu');
    expectCall('javascript', src, 'relu', { id: 'relu', framework: 'tfjs' }, 1);
  });

  it('only import and require statements bind module aliases in JS', () => {
    // A string that happens to name a TF.js package does not make `ops` the package.
    const src = "const ops = '@tensorflow/tfjs-core';\nops.relu(x);\n";
    expectNothing('javascript', src, 'relu');
    const req = "const tf = require('@tensorflow/tfjs');\ntf.relu(x);\n";
    expectCall('javascript', req, 'relu', { id: 'relu', framework: 'tfjs' });
  });
});

describe('document model: string syntax', () => {
  const texts = (src: string, lang: 'js' | 'rust' | 'cpp' | 'python'): string[] =>
    tokenize(src, 0, src.length, lang).map((t) => t.t);

  it('JS template literals: text pieces, and the code of nested substitutions and templates', () => {
    assert.deepEqual(texts('a = `x ${f(`y ${"}"} z`)} w`; tf.relu(b)', 'js'), [
      'a',
      '=',
      '`x ${',
      'f',
      '(',
      '`y ${',
      '"}"',
      '} z`',
      ')',
      '} w`',
      ';',
      'tf',
      '.',
      'relu',
      '(',
      'b',
      ')',
    ]);
    const src =
      "import * as tf from '@tensorflow/tfjs';\nconst s = `${a} ${`tf.relu(x)`}`;\ntf.elu(x);\n";
    expectNothing('javascript', src, 'relu');
    expectCall('javascript', src, 'elu', { id: 'elu', framework: 'tfjs' });
  });

  it('Rust raw strings and lifetimes', () => {
    assert.deepEqual(texts(`let s = r#"a "quoted" ops::relu(x)"#; f::<'a>(b'x')`, 'rust'), [
      'let',
      's',
      '=',
      'r#"a "quoted" ops::relu(x)"#',
      ';',
      'f',
      '::',
      '<',
      "'",
      'a',
      '>',
      '(',
      "b'x'",
      ')',
    ]);
  });

  it('C++ raw strings with delimiters', () => {
    assert.deepEqual(texts('auto s = R"py(torch.relu(x) )" )py"; g(x);', 'cpp'), [
      'auto',
      's',
      '=',
      'R"py(torch.relu(x) )" )py"',
      ';',
      'g',
      '(',
      'x',
      ')',
      ';',
    ]);
    const src =
      '#include <torch/torch.h>\nauto doc = R"(\n  torch::relu(x)\n)";\nauto y = torch::gelu(x);\n';
    expectNothing('cpp', src, 'relu');
    expectCall('cpp', src, 'gelu', { id: 'gelu', framework: 'libtorch' });
  });

  it('Python f-strings and raw strings', () => {
    assert.deepEqual(texts('s = rf"{F.relu(x)}" + fr\'\\d\'', 'python'), [
      's',
      '=',
      'rf"{F.relu(x)}"',
      '+',
      "fr'\\d'",
    ]);
  });
});

describe('document model: cache', () => {
  it('gives the same model for the same text and for an equal copy, another for another text', () => {
    const text = 'import torch\ny = torch.relu(x)\n';
    const a = documentModel(text, 'python');
    assert.equal(documentModel(text, 'python'), a);
    const copy = `${text} `.slice(0, text.length);
    assert.equal(documentModel(copy, 'python'), a);
    assert.notEqual(documentModel(`${text}z = 1\n`, 'python'), a);
    assert.notEqual(documentModel(text, 'julia'), a);
  });

  it('answers on a long file after an edit (a new text) from the new model', () => {
    const before = `import torch.nn.functional as F\n${'x = 1\n'.repeat(5000)}y = F.relu(x)\n`;
    const at = before.indexOf('relu') + 1;
    assert.equal(recognizeAt(before, at, 'python')?.id, 'relu');
    // Opening a docstring above turns the call into prose.
    const after = before.replace('x = 1\n', '"""\n');
    assert.equal(recognizeAt(after, at, 'python'), undefined);
  });
});
