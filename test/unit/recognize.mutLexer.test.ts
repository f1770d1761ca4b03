/**
 * The lexer against each language's own lexical rules, on code written the way repositories write it: what
 * is a comment (Python's `#` even when it looks like Julia's `#=`, C's and JavaScript's `/* … *\/` that do
 * not nest, Julia's and Rust's that do, an empty one), what is a string (escaped quotes and backslash runs
 * before a docstring's closer, a string being typed that ends at its line, template literals with JSON
 * braces, a `$` that opens no substitution and the nesting limit, C++'s raw strings with their delimiter
 * and encoding prefixes, Rust's raw, byte and char literals), what is a number (C++14's digit separators,
 * an exponent's sign, a hexadecimal literal that ends in `e`, Rust's ranges and tuple fields, Julia's `2π`)
 * and what is an operator (Julia's transpose after a bracket, `!=` after a name, two-character operators).
 * Expected token lists come from those rules (the Python, C++, Rust, Julia and ECMAScript references);
 * hovers are what a user sees: a call that is code is hovered, one inside a comment or string is not.
 * The last block checks the lexer's range contract: `lex`/`tokenize` read `text[from, to)` and no further.
 */
import assert from 'node:assert/strict';
import { TokenBuffer } from '../../src/core/recognize/tokenBuffer';
import { lex, tokenize, type Lang, type Token } from '../../src/core/recognize/tokenizer';
import { expectFormula } from './formulaHelpers';
import { expectCall, expectNothing } from './recognizeHelpers';

/** The texts of the tokens of `src`, lexed whole. */
function texts(src: string, lang: Lang): string[] {
  return tokenize(src, 0, src.length, lang).map((t) => t.t);
}

/** `kind:text` of each token of `src`, lexed whole (kinds: id, num, str, p). */
function kinded(src: string, lang: Lang): string[] {
  return tokenize(src, 0, src.length, lang).map((t) => `${t.k}:${t.t}`);
}

describe('Python: comments, names and strings', () => {
  it('a `#=` banner is an ordinary line comment in Python, so the code under it is hovered', () => {
    const src = `import torch.nn.functional as F

#==================== feed-forward block ====================


def feed_forward(x, w1, w2):
    return F.gelu(x @ w1) @ w2
`;
    expectCall('python', src, 'gelu', {
      id: 'gelu',
      framework: 'pytorch',
      params: { approximate: 'none' },
    });
  });

  it('a name written right against a comment is still a name', () => {
    const src = `import torch.nn.functional as F

ACTIVATIONS = {
    "gelu": F.gelu# exact erf form
    , "silu": F.silu
}
`;
    expectCall('python', src, 'gelu', { id: 'gelu', framework: 'pytorch' }, 1);
    assert.deepEqual(kinded('f# the activation\nb#bias', 'python'), ['id:f', 'id:b']);
  });

  it('keywords that end or start in a prefix letter are not string prefixes', () => {
    assert.deepEqual(kinded('act = name or"relu"', 'python'), [
      'id:act',
      'p:=',
      'id:name',
      'id:or',
      'str:"relu"',
    ]);
    assert.deepEqual(kinded('mode = "tanh"if fast else"none"', 'python'), [
      'id:mode',
      'p:=',
      'str:"tanh"',
      'id:if',
      'id:fast',
      'id:else',
      'str:"none"',
    ]);
    // Python's prefixes are at most two letters: `rb"…"` is one string, `buf"…"` a name then a string.
    assert.deepEqual(kinded('rb"\\d" buf"x"', 'python'), ['str:rb"\\d"', 'id:buf', 'str:"x"']);
  });

  it('a docstring that quotes triple quotes with a backslash goes on past them', () => {
    const src = `import torch.nn.functional as F


def gelu_tanh(x):
    """Tanh-approximate GELU.

    Configs spell it \\"""F.gelu(x, approximate='tanh')\\""" as a string.
    """
    return F.gelu(x, approximate="tanh")
`;
    expectNothing('python', src, 'gelu');
    expectCall(
      'python',
      src,
      'gelu',
      { id: 'gelu', framework: 'pytorch', params: { approximate: 'tanh' } },
      1,
    );
  });

  it('a docstring ending in an escaped backslash closes at its quotes', () => {
    const src = `import torch.nn.functional as F


def load_and_activate(x):
    """Weights live under C:\\\\models\\\\"""
    return F.silu(x)
`;
    expectCall('python', src, 'silu', { id: 'silu', framework: 'pytorch' });
    const doc = '"""C:\\\\models\\\\"""';
    assert.deepEqual(texts(`${doc}\nx`, 'python'), [doc, 'x']);
  });

  it('an escaped quote does not close a string, and an escaped backslash does not escape the quote', () => {
    const src = `import torch.nn.functional as F
label = 'the model\\'s activation'; y = F.relu(x)
path = 'C:\\\\runs\\\\'; z = F.elu(x)
`;
    expectCall('python', src, 'relu', { id: 'relu', framework: 'pytorch' });
    expectCall('python', src, 'elu', { id: 'elu', framework: 'pytorch' });
  });

  it('a string being typed ends at its line, so the next lines are still code', () => {
    const src = `import torch.nn.functional as F

name = "swi
y = F.silu(x)
`;
    expectCall('python', src, 'silu', { id: 'silu', framework: 'pytorch' });
  });

  it('a hand-written GELU whose constant is written `.5` after `return`', () => {
    const src = `import math

import torch


def gelu(x):
    return .5 * x * (1 + torch.erf(x / math.sqrt(2)))
`;
    expectFormula('python', src, '.5 * x * (1 + torch.erf(x / math.sqrt(2)))', {
      id: 'gelu',
      framework: 'pytorch',
    });
  });

  it('Windows line endings, tabs, form feeds and vertical tabs are white space', () => {
    const src =
      'import torch.nn.functional as F\r\n\f\r\ndef block(x):\r\n\tx = F.relu(x)\r\n\treturn F.silu(x)\r\n';
    expectCall('python', src, 'relu', { id: 'relu', framework: 'pytorch' });
    expectCall('python', src, 'silu', { id: 'silu', framework: 'pytorch' });
    assert.deepEqual(texts('a\tb\r\nc\fd\ve', 'python'), ['a', 'b', 'c', 'd', 'e']);
  });
});

describe('JavaScript and TypeScript: comments and template literals', () => {
  const HEAD = "import * as tf from '@tensorflow/tfjs';\n";

  it('a product written without spaces opens no comment', () => {
    const src = `${HEAD}
export function swishThenRelu(x: tf.Tensor): tf.Tensor {
  const gated = tf.sigmoid(x)*x;
  const scaled = 2*gated;
  return tf.relu(scaled);
}
`;
    expectCall('typescript', src, 'relu', { id: 'relu', framework: 'tfjs' });
    assert.deepEqual(texts('a = (b)*c**2', 'js'), ['a', '=', '(', 'b', ')', '*', 'c', '**', '2']);
  });

  it('a nested generic type closes with two `>`, so the parameter after it keeps its default', () => {
    const src = `${HEAD}
export function leaky(x: tf.Tensor, cache: Map<string, Array<number>>, alpha = 0.2): tf.Tensor {
  return tf.maximum(x, tf.mul(x, alpha));
}
`;
    const expr = 'tf.maximum(x, tf.mul(x, alpha))';
    expectFormula('typescript', src, expr, {
      id: 'leaky_relu',
      framework: 'tfjs',
      params: { negative_slope: 0.2 },
    });
    assert.deepEqual(texts('a >> b; Array<Array<number>>', 'js').slice(-3), ['number', '>', '>']);
  });

  it('the code after a function that built a template string is still code', () => {
    const src = `${HEAD}
function describe(layer: number): string {
  const label = \`layer \${layer}\`;
  return label;
}

export const head = (x: tf.Tensor) => tf.sigmoid(x);
`;
    expectCall('typescript', src, 'sigmoid', {
      id: 'sigmoid',
      framework: 'tfjs',
    });
  });

  it('braces in a template are text unless `${` opens a substitution', () => {
    const src = `${HEAD}
const body = \`{"layers": [{"activation": "relu", "units": \${units}}]}\`;
const y = tf.elu(x);
`;
    expectNothing('javascript', src, 'relu');
    expectCall('javascript', src, 'elu', { id: 'elu', framework: 'tfjs' });
    assert.deepEqual(texts('`{"a": "relu"}`', 'js'), ['`{"a": "relu"}`']);
    assert.deepEqual(texts('`[{"a": "relu"}]`', 'js'), ['`[{"a": "relu"}]`']);
  });

  it('a `$` not followed by `{` is template text', () => {
    const src = `${HEAD}
const cmd = \`python train.py --act $ACT --out $HOME/relu\`;
const y = tf.selu(x);
`;
    expectNothing('javascript', src, 'relu');
    expectCall('javascript', src, 'selu', { id: 'selu', framework: 'tfjs' });
    assert.deepEqual(texts('`$A ${b}`', 'js'), ['`$A ${', 'b', '}`']);
  });

  it('substitutions nest 32 deep as code; a deeper `${` is template text', () => {
    const nested = (depth: number, inner: string): string =>
      depth === 0 ? inner : `\`\${${nested(depth - 1, inner)}}\``;
    const at32 = texts(nested(32, 'tf.relu(x)'), 'js');
    assert.ok(at32.includes('relu'), 'the code 32 substitutions deep is lexed');
    const at33 = texts(nested(33, 'tf.relu(x)'), 'js');
    assert.ok(!at33.includes('relu'), 'a 33rd substitution is text');
    assert.ok(at33.some((t) => t.includes('tf.relu(x)')));
  });
});

describe('C and C++: comments, raw strings, prefixes and digit separators', () => {
  const HEAD = '#include <torch/torch.h>\n\nnamespace F = torch::nn::functional;\n';

  it('block comments do not nest: a `/*` inside one is text and the first `*/` ends it', () => {
    const src = `${HEAD}
/* Old version: /* scaled */
torch::Tensor act(const torch::Tensor& x) { return torch::relu(x); }
`;
    expectCall('cpp', src, 'relu', { id: 'relu', framework: 'libtorch' });
  });

  it('the `/*/` comment toggle opens a comment that `*/` closes', () => {
    const src = `${HEAD}
torch::Tensor act(const torch::Tensor& x) {
  /*/ alternative: return torch::sigmoid(x); */
  return torch::tanh(x);
}
`;
    expectNothing('cpp', src, 'sigmoid');
    expectCall('cpp', src, 'tanh', { id: 'tanh', framework: 'libtorch' });
  });

  it("digit separators are part of the number: threshold(1'000) is 1000", () => {
    const src = `${HEAD}
torch::Tensor smooth(const torch::Tensor& x) {
  return F::softplus(x, F::SoftplusFuncOptions().beta(2).threshold(1'000));
}
`;
    expectCall('cpp', src, 'softplus', {
      id: 'softplus',
      framework: 'libtorch',
      params: { beta: 2, threshold: 1000 },
    });
    const loop = `${HEAD}
void refine(torch::Tensor h) { for (int64_t i = 0; i < 1'000; ++i) { h = torch::relu(h); } }
`;
    expectCall('cpp', loop, 'relu', { id: 'relu', framework: 'libtorch' });
    assert.deepEqual(kinded("n = 1'000'000 + 0xFF'FF; c = 'x';", 'cpp'), [
      'id:n',
      'p:=',
      "num:1'000'000",
      'p:+',
      "num:0xFF'FF",
      'p:;',
      'id:c',
      'p:=',
      "str:'x'",
      'p:;',
    ]);
  });

  it('a raw string is one token up to `)delimiter"`, with a delimiter of up to 16 characters', () => {
    const src = `${HEAD}
const char* kDoc = R"doc(Use torch::relu(x) before "pooling")doc";
const char* kLong = R"0123456789abcdef(torch::sigmoid(x))0123456789abcdef";
torch::Tensor act(const torch::Tensor& x) { return torch::tanh(x); }
`;
    expectNothing('cpp', src, 'relu');
    expectNothing('cpp', src, 'sigmoid');
    expectCall('cpp', src, 'tanh', { id: 'tanh', framework: 'libtorch' });
    assert.deepEqual(texts('u8R"(a)" LR"x(")x"', 'cpp'), ['u8R"(a)"', 'LR"x(")x"']);
    const sixteen = 'R"0123456789abcdef(say "relu")0123456789abcdef"';
    assert.deepEqual(kinded(`${sixteen};`, 'cpp'), [`str:${sixteen}`, 'p:;']);
  });

  it('an unterminated raw string runs to the end of the text', () => {
    const src = `${HEAD}
const char* kDoc = R"doc(
torch::Tensor act(const torch::Tensor& x) { return torch::relu(x); }
`;
    expectNothing('cpp', src, 'relu');
  });

  it('while a raw string is being typed (no `(` yet), the code below is still code', () => {
    const src = `${HEAD}
torch::Tensor act(const torch::Tensor& x) {
  const char* note = R"
  auto y = f(x);
  return torch::relu(y);
}
`;
    expectCall('cpp', src, 'relu', { id: 'relu', framework: 'libtorch' });
  });

  it('encoding prefixes belong to their string or char literal', () => {
    assert.deepEqual(
      kinded(
        'auto a = u8"relu"; auto b = L"a\\"b"; char16_t c = u\'x\'; wchar_t d = L\'\\\'\';',
        'cpp',
      ),
      [
        'id:auto',
        'id:a',
        'p:=',
        'str:u8"relu"',
        'p:;',
        'id:auto',
        'id:b',
        'p:=',
        'str:L"a\\"b"',
        'p:;',
        'id:char16_t',
        'id:c',
        'p:=',
        "str:u'x'",
        'p:;',
        'id:wchar_t',
        'id:d',
        'p:=',
        "str:L'\\''",
        'p:;',
      ],
    );
  });

  it('token pasting in a macro opens no raw string or prefixed literal', () => {
    const src = `${HEAD}
#define WIDEN(s) L##s
#define DECLARE_ACT(name) torch::Tensor name##_forward(const torch::Tensor& x)

DECLARE_ACT(gate) { return torch::sigmoid(x); }
`;
    expectCall('cpp', src, 'sigmoid', { id: 'sigmoid', framework: 'libtorch' });
    assert.deepEqual(texts('L##s', 'cpp'), ['L', '#', '#', 's']);
  });

  it('adjacent string literals are separate: C has no triple quotes', () => {
    assert.deepEqual(texts('puts("""relu""");', 'cpp'), [
      'puts',
      '(',
      '""',
      '"relu"',
      '""',
      ')',
      ';',
    ]);
  });

  it("a multi-character char literal is one token ('RIFF')", () => {
    assert.deepEqual(kinded("if (tag == 'RIFF') {", 'cpp'), [
      'id:if',
      'p:(',
      'id:tag',
      'p:==',
      "str:'RIFF'",
      'p:)',
      'p:{',
    ]);
  });
});

describe('Rust: raw, byte and char literals, nested comments, ranges and tuple fields', () => {
  it('raw strings end at their own closer: a backslash or a quote inside is text', () => {
    const src = `use candle_core::{Result, Tensor};

const CONFIG: &str = r#"{"activation": "relu", "note": "a \\"quoted\\" word"}"#;
const WEIGHTS: &str = r"C:\\weights\\";
const BYTES: &[u8] = br#"sigmoid"#;

fn head(xs: &Tensor) -> Result<Tensor> {
    candle_nn::ops::sigmoid(xs)
}
`;
    expectNothing('rust', src, 'relu');
    expectCall('rust', src, 'sigmoid', { id: 'sigmoid', framework: 'candle' }, 1);
    assert.deepEqual(kinded('r"\\d+" r#"a"b"# br"\\" cr"x"', 'rust'), [
      'str:r"\\d+"',
      'str:r#"a"b"#',
      'str:br"\\"',
      'str:cr"x"',
    ]);
    // Rust 1.77's C string literals: `c"…"` is a &CStr.
    assert.deepEqual(kinded('let name = c"relu";', 'rust'), [
      'id:let',
      'id:name',
      'p:=',
      'str:c"relu"',
      'p:;',
    ]);
  });

  it('an unterminated raw string runs to the end of the text', () => {
    const src = `use candle_core::{Result, Tensor};

const CONFIG: &str = r#"{"activation": "relu",
fn head(xs: &Tensor) -> Result<Tensor> {
    xs.relu()
}
`;
    expectNothing('rust', src, 'relu', 1);
  });

  it('a raw identifier `r#type` opens no raw string', () => {
    const src = `use candle_core::{Result, Tensor};

struct Block { r#type: u8 }

fn head(xs: &Tensor) -> Result<Tensor> {
    xs.relu()
}
`;
    expectCall('rust', src, 'relu', { id: 'relu', framework: 'candle' });
  });

  it('byte strings, byte chars and escaped chars are one literal; a lifetime is not', () => {
    assert.deepEqual(
      kinded(
        "let a = b\"relu\"; let nl = b'\\n'; let q = '\\''; let t = '\\t'; fn f<'a>() {}",
        'rust',
      ),
      [
        'id:let',
        'id:a',
        'p:=',
        'str:b"relu"',
        'p:;',
        'id:let',
        'id:nl',
        'p:=',
        "str:b'\\n'",
        'p:;',
        'id:let',
        'id:q',
        'p:=',
        "str:'\\''",
        'p:;',
        'id:let',
        'id:t',
        'p:=',
        "str:'\\t'",
        'p:;',
        'id:fn',
        'id:f',
        'p:<',
        "p:'",
        'id:a',
        'p:>',
        'p:(',
        'p:)',
        'p:{',
        'p:}',
      ],
    );
  });

  it('an empty block comment `/**/` closes where it ends', () => {
    const src = `use candle_core::{Result, Tensor};

fn head(xs: &Tensor /**/) -> Result<Tensor> {
    xs.relu()
}
`;
    expectCall('rust', src, 'relu', { id: 'relu', framework: 'candle' });
  });

  it('a range `0..n` is two numbers around `..`, and a tuple field after a call or index is a field', () => {
    assert.deepEqual(kinded('for i in 0..n {}', 'rust'), [
      'id:for',
      'id:i',
      'id:in',
      'num:0',
      'p:.',
      'p:.',
      'id:n',
      'p:{',
      'p:}',
    ]);
    assert.deepEqual(texts('split(x).0 + pairs[i].1', 'rust'), [
      'split',
      '(',
      'x',
      ')',
      '.',
      '0',
      '+',
      'pairs',
      '[',
      'i',
      ']',
      '.',
      '1',
    ]);
  });

  it("a newtype's field `.0` followed by a method: the method is hovered", () => {
    const src = `use candle_core::{Result, Tensor};

struct Hidden(Tensor);

impl Hidden {
    fn activated(&self) -> Result<Tensor> {
        self.0.relu()
    }
}
`;
    expectCall('rust', src, 'relu', { id: 'relu', framework: 'candle' });
  });
});

describe('Julia: transposes, chars, names with `!`, nested comments, commands and numbers', () => {
  const HEAD = 'using Flux\nusing LinearAlgebra\n';

  it('a quote after a closing bracket or a name is a transpose, and the code after it is code', () => {
    const src = `${HEAD}
function score(W1, W2, x, h, c)
    s = (W2 * h)' * relu.(W1 * x)
    t = [1.0, 2.0]' * sigmoid.(x)
    u = c' * tanh.(x)
    return s + t + u
end
`;
    expectCall('julia', src, 'relu', { id: 'relu', framework: 'flux' });
    expectCall('julia', src, 'sigmoid', { id: 'sigmoid', framework: 'flux' });
    expectCall('julia', src, 'tanh', { id: 'tanh', framework: 'flux' });
  });

  it("the factors of an LU or QR decomposition transpose: L', U', R'", () => {
    assert.deepEqual(kinded("y = U' \\ (L' \\ b) + R'", 'julia'), [
      'id:y',
      'p:=',
      'id:U',
      "p:'",
      'p:\\',
      'p:(',
      'id:L',
      "p:'",
      'p:\\',
      'id:b',
      'p:)',
      'p:+',
      'id:R',
      "p:'",
    ]);
    assert.deepEqual(kinded("x = A'\\b", 'julia'), ['id:x', 'p:=', 'id:A', "p:'", 'p:\\', 'id:b']);
  });

  it('a quote that follows no value opens a char literal', () => {
    assert.deepEqual(kinded("isvowel(c) = c in ('a', 'e')\nreturn 'x'", 'julia'), [
      'id:isvowel',
      'p:(',
      'id:c',
      'p:)',
      'p:=',
      'id:c',
      'id:in',
      'p:(',
      "str:'a'",
      'p:,',
      "str:'e'",
      'p:)',
      'id:return',
      "str:'x'",
    ]);
    assert.deepEqual(kinded(" 'a'", 'julia'), ["str:'a'"]);
  });

  it('a string macro such as r"…" is a name and a string, whose escaped quotes do not close it', () => {
    assert.deepEqual(kinded('m = match(r"act=\\"(\\w+)\\"", line)', 'julia'), [
      'id:m',
      'p:=',
      'id:match',
      'p:(',
      'id:r',
      'str:"act=\\"(\\w+)\\""',
      'p:,',
      'id:line',
      'p:)',
    ]);
  });

  it('`!=` right after a name is the operator, not part of the name', () => {
    assert.deepEqual(texts('if x!=0 relu!(y) end', 'julia'), [
      'if',
      'x',
      '!=',
      '0',
      'relu!',
      '(',
      'y',
      ')',
      'end',
    ]);
  });

  it('an empty nested comment `#==#` closes where it ends', () => {
    const src = `${HEAD}
#==#
y = relu.(x)
`;
    expectCall('julia', src, 'relu', { id: 'relu', framework: 'flux' });
  });

  it('a command in backticks is a string, on one line or three', () => {
    const src = `${HEAD}
run(\`python train.py --act relu\`)
cmd = \`\`\`
    python eval.py
    \`\`\`
y = sigmoid.(x)
`;
    expectNothing('julia', src, 'relu');
    expectCall('julia', src, 'sigmoid', { id: 'sigmoid', framework: 'flux' });
    assert.deepEqual(kinded('`ls` * ```\na\n```', 'julia'), ['str:`ls`', 'p:*', 'str:```\na\n```']);
  });

  it('a number juxtaposed with a name ends where the name starts (2π), and a sign belongs only to an exponent', () => {
    assert.deepEqual(kinded('σ = sqrt(2π); p = clamp.(q, 1f-7, 1-1e-7)', 'julia'), [
      'id:σ',
      'p:=',
      'id:sqrt',
      'p:(',
      'num:2',
      'id:π',
      'p:)',
      'p:;',
      'id:p',
      'p:=',
      'id:clamp',
      'p:.',
      'p:(',
      'id:q',
      'p:,',
      'num:1f-7',
      'p:,',
      'num:1',
      'p:-',
      'num:1e-7',
      'p:)',
    ]);
  });
});

describe('numbers and operators in every family', () => {
  it('a sign belongs to a number only after its exponent, and never after a hexadecimal digit e', () => {
    assert.deepEqual(texts('y = x**2-1 + 0.5e-3 * 2.5E+2', 'python'), [
      'y',
      '=',
      'x',
      '**',
      '2',
      '-',
      '1',
      '+',
      '0.5e-3',
      '*',
      '2.5E+2',
    ]);
    assert.deepEqual(texts('mask = 0xfe+1; eps = 1.0f-1e-6f;', 'cpp'), [
      'mask',
      '=',
      '0xfe',
      '+',
      '1',
      ';',
      'eps',
      '=',
      '1.0f',
      '-',
      '1e-6f',
      ';',
    ]);
  });

  it('a number may start with its dot, with any digit after it', () => {
    const src = `import torch.nn.functional as F


def smooth(x):
    return F.celu(x, alpha=.9)
`;
    expectCall('python', src, 'celu', {
      id: 'celu',
      framework: 'pytorch',
      params: { alpha: 0.9 },
    });
    assert.deepEqual(texts('a = [.9, 9., 99]', 'python'), [
      'a',
      '=',
      '[',
      '.9',
      ',',
      '9.',
      ',',
      '99',
      ']',
    ]);
  });

  it('a number that ends the text may end in its dot', () => {
    assert.deepEqual(kinded('alpha = 6.', 'python'), ['id:alpha', 'p:=', 'num:6.']);
  });

  it('two-character operators are one token: `::`, `:=`, `==`, `=>`, `>=`, `<=`, `!=`, `->`, `-=`, `+=`, `**`', () => {
    assert.deepEqual(
      texts('a::b := c == d => e >= f <= g != h -> i -= j += k ** l // m', 'python'),
      [
        'a',
        '::',
        'b',
        ':=',
        'c',
        '==',
        'd',
        '=>',
        'e',
        '>=',
        'f',
        '<=',
        'g',
        '!=',
        'h',
        '->',
        'i',
        '-=',
        'j',
        '+=',
        'k',
        '**',
        'l',
        '//',
        'm',
      ],
    );
    assert.deepEqual(texts('x > y; x < y; x = -y; x + +y', 'js'), [
      'x',
      '>',
      'y',
      ';',
      'x',
      '<',
      'y',
      ';',
      'x',
      '=',
      '-',
      'y',
      ';',
      'x',
      '+',
      '+',
      'y',
    ]);
  });
});

describe('the lexer reads its range and no further', () => {
  it('a range past the end of the text is cut at the end', () => {
    const src = 'y = F.relu(x)';
    assert.deepEqual(
      tokenize(src, 0, src.length + 40, 'python').map((t) => [t.t, t.s, t.e]),
      tokenize(src, 0, src.length, 'python').map((t) => [t.t, t.s, t.e]),
    );
  });

  it('a range that ends inside a name ends the name there', () => {
    const src = 'y = F.relu(x)\n';
    assert.deepEqual(texts(src.slice(0, 8), 'python'), ['y', '=', 'F', '.', 're']);
    assert.deepEqual(
      tokenize(src, 0, 8, 'python').map((t) => t.t),
      ['y', '=', 'F', '.', 're'],
    );
  });

  it('a range that ends inside a block comment or a comment line has no token from the comment', () => {
    const js = 'let a = 1; /* tf.relu(x) */ let b = 2;';
    const cut = js.indexOf('relu');
    assert.deepEqual(
      tokenize(js, 0, cut, 'js').map((t) => t.t),
      ['let', 'a', '=', '1', ';'],
    );
    const py = 'alpha = 1  # F.relu(x) at the end of the file';
    assert.deepEqual(
      tokenize(py, 0, py.indexOf('relu'), 'python').map((t) => t.t),
      ['alpha', '=', '1'],
    );
  });

  it('lex stops after the most tokens it may read and says where it stopped', () => {
    const src = 'y = F.relu(x)';
    const buf = new TokenBuffer(4, 0, src.length);
    const stopped = lex(src, 0, src.length, 'python', buf, 3);
    assert.equal(buf.count, 3);
    assert.equal(stopped, src.indexOf('F') + 1);
  });

  it('an unterminated string that ends the text in a backslash ends at the text end', () => {
    const src = 'path = "C:\\';
    const toks = tokenize(src, 0, src.length, 'python');
    assert.deepEqual(
      toks.map((t) => [t.k, t.t, t.e]),
      [
        ['id', 'path', 4],
        ['p', '=', 6],
        ['str', '"C:\\', src.length],
      ],
    );
  });
});

describe('a window of a text sees what the text cut there would', () => {
  /** Lexing `text[0, to)` must give the tokens of the text cut at `to` (the cut after `before`). */
  function expectWindowLikeCut(lang: Lang, text: string, before: string): void {
    const to = text.indexOf(before) + before.length;
    const spans = (toks: Token[]): string[] => toks.map((t) => `${t.k}:${t.s}-${t.e}`);
    assert.deepEqual(
      spans(tokenize(text, 0, to, lang)),
      spans(tokenize(text.slice(0, to), 0, to, lang)),
      `${lang} window ending after ${JSON.stringify(before)}`,
    );
  }

  it('docstrings: a window ending after one, one character after one, or after one ending in an escaped quote', () => {
    const src = `import torch.nn.functional as F


def act(x):
    """Say \\"hi\\""""
    return F.silu(x)


def gate(x):
    """Gate."""
    return F.sigmoid(x)
`;
    expectWindowLikeCut('python', src, 'return F.silu');
    expectWindowLikeCut('python', src, '"""Gate."""\n');
    expectWindowLikeCut('python', src, '"""Gate."""');
    expectWindowLikeCut('python', src, '"""Gate.""');
    expectWindowLikeCut('python', src, '"""Gat');
  });

  it('strings, template literals and numbers cut before their end', () => {
    expectWindowLikeCut('python', 'act = "relu"\nbeta = 12345\n', '"relu');
    expectWindowLikeCut('python', 'act = "relu"\nbeta = 12345\n', 'beta = 12');
    expectWindowLikeCut('js', 'const s = `layer ${i}`;\n', '`layer ');
    expectWindowLikeCut('js', 'const s = `layer ${i}`;\n', '`layer $');
    expectWindowLikeCut('js', 'const s = `layer ${i}`;\n', '`layer ${i}');
  });

  it('Rust raw strings and chars, C++ raw strings cut inside their delimiters', () => {
    expectWindowLikeCut('rust', 'let s = r##"{"a": 1}"##;\nlet c = \'x\';\n', 'r#');
    expectWindowLikeCut('rust', 'let s = r##"{"a": 1}"##;\nlet c = \'x\';\n', "'x");
    expectWindowLikeCut('cpp', 'auto s = R"json({"act": "relu"})json";\n', 'R"js');
  });
});
