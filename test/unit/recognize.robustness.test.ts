/**
 * The recognizer never throws and stays consistent on hostile input: a seeded fuzz of 100,000 random and
 * mutated snippets, bad arguments, and huge inputs (a 1 MB single-line file, an unclosed bracket, deep
 * nesting). Speed is measured in bench/recognize.bench.ts, not asserted here.
 */
import assert from 'node:assert/strict';
import './freshModels';
import { recognizeAt, type RecognizedCall } from '../../src/core';
import { recognizeUnguarded } from '../../src/core/recognize';
import { mulberry32 as prng } from './coreRandom';

const LANGS = [
  'python',
  'javascript',
  'typescript',
  'julia',
  'cpp',
  'c',
  'rust',
  'typescriptreact',
  'x',
];

/** Snippets with the language they are written in. */
const SEEDS_BY_LANG: readonly (readonly [string, string])[] = [
  ['python', 'y = F.leaky_relu(x, negative_slope=0.2)'],
  ['python', 'self.act = nn.LeakyReLU(0.2, inplace=True)'],
  ['python', 'h = torch.nn.functional.gelu(\n    h,\n    approximate="tanh",\n)'],
  ['python', 'layers.Dense(64, activation="relu")'],
  ['python', 'act = partial(nn.gelu, approximate=False)'],
  ['python', 'c = 1 / (1 + np.exp(-x))'],
  ['javascript', "model.add(tf.layers.dense({units: 10, activation: 'softmax'}))"],
  ['julia', 'Dense(10 => 5, relu)\nx -> softmax(x; dims=1)'],
  ['cpp', 'torch::nn::LeakyReLU(torch::nn::LeakyReLUOptions().negative_slope(0.2))'],
  ['rust', 'let leaky = LeakyReluConfig::new().with_negative_slope(0.2).init();'],
  ['python', 'def relu(x):\n    """F.relu(x)"""\n    return np.maximum(0, x)'],
  ['python', 'from torch.nn import (\n    ReLU,\n)\n/* x */ #= y =# \'a\' `b${c}` r#"raw"#'],
];

const SEEDS = SEEDS_BY_LANG.map(([, text]) => text);

const NOISE = `()[]{}<>=,.:;'"\`#/*\\\n\t -+_0123456789eEfx.relu gelu σ€\u{1F600}\ud800 import from def fn use`;

function mutate(rand: () => number, s: string): string {
  const edits = 1 + Math.floor(rand() * 6);
  for (let k = 0; k < edits; k++) {
    const at = Math.floor(rand() * (s.length + 1));
    const r = rand();
    if (r < 0.4) {
      s = s.slice(0, at) + NOISE[Math.floor(rand() * NOISE.length)] + s.slice(at);
    } else if (r < 0.7) {
      s = s.slice(0, at) + s.slice(at + 1 + Math.floor(rand() * 4));
    } else if (r < 0.85) {
      s = s.slice(0, at) + SEEDS[Math.floor(rand() * SEEDS.length)] + s.slice(at);
    } else {
      s = s.slice(at) + s.slice(0, at);
    }
  }
  return s;
}

function randomText(rand: () => number): string {
  const n = Math.floor(rand() * 80);
  let s = '';
  for (let i = 0; i < n; i++) {
    s += NOISE[Math.floor(rand() * NOISE.length)];
  }
  return s;
}

/** What every result must satisfy, whatever the input. */
function checkResult(text: string, got: RecognizedCall | undefined, where: string): void {
  if (got === undefined) {
    return;
  }
  assert.ok(got.id.length > 0, where);
  assert.ok(got.start >= 0 && got.start <= got.end && got.end <= text.length, `span: ${where}`);
  for (const [k, v] of Object.entries(got.params)) {
    assert.ok(
      typeof v === 'string' || typeof v === 'boolean' || Number.isFinite(v),
      `param ${k}=${String(v)}: ${where}`,
    );
  }
  if (got.arg !== undefined) {
    assert.ok(Number.isFinite(got.arg), `arg: ${where}`);
  }
}

describe('recognizeAt: robustness', () => {
  it('survives 100,000 random and mutated inputs (seed 20261128)', () => {
    const rand = prng(20261128);
    let recognized = 0;
    for (let i = 0; i < 100_000; i++) {
      const [seedLang, seed] = SEEDS_BY_LANG[Math.floor(rand() * SEEDS_BY_LANG.length)];
      const text = rand() < 0.75 ? mutate(rand, seed) : randomText(rand);
      // Half the cases use the snippet's own language and put the cursor on a letter, where names are.
      const aimed = rand() < 0.5;
      const lang = aimed ? seedLang : LANGS[Math.floor(rand() * LANGS.length)];
      let offset = Math.floor(rand() * (text.length + 3)) - 1;
      if (aimed) {
        const letters = [...text.matchAll(/[a-zA-Zσ]/g)].map((m) => m.index);
        offset = letters.length > 0 ? letters[Math.floor(rand() * letters.length)] : offset;
      }
      const where = `case ${i}: ${JSON.stringify(text)} @${offset} ${lang}`;
      let got: RecognizedCall | undefined;
      try {
        got = recognizeUnguarded(text, offset, lang);
      } catch (e) {
        assert.fail(`threw ${e instanceof Error ? e.stack : String(e)} on ${where}`);
      }
      checkResult(text, got, where);
      recognized += got === undefined ? 0 : 1;
    }
    // The mutations keep many snippets valid: the fuzz must exercise the recognizing paths too.
    assert.ok(recognized > 3000, `only ${recognized} inputs recognized`);
  });

  it('answers undefined to bad arguments', () => {
    const bad: [unknown, unknown, unknown][] = [
      [null, 0, 'python'],
      [undefined, 0, 'python'],
      [42, 0, 'python'],
      ['F.relu(x)', -1, 'python'],
      ['F.relu(x)', 10, 'python'],
      ['F.relu(x)', 3.5, 'python'],
      ['F.relu(x)', NaN, 'python'],
      ['F.relu(x)', Infinity, 'python'],
      ['F.relu(x)', 3, null],
      ['F.relu(x)', 3, 'constructor'],
      ['F.relu(x)', 3, '__proto__'],
      ['', 0, 'python'],
    ];
    for (const [t, o, l] of bad) {
      assert.equal(
        recognizeAt(t as string, o as number, l as string),
        undefined,
        `${String(t)} ${o} ${l}`,
      );
    }
    // The same call with valid arguments is recognized, so the undefined above is not an accident.
    assert.equal(recognizeAt('F.relu(x)', 3, 'python')?.id, 'relu');
  });

  it('handles a 1 MB single-line file and unclosed, deeply nested brackets', () => {
    const unit = 'a=tf.relu(b),c=tf.leakyRelu(d,.1),e=f(g[h]),';
    const big = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const mid = big.indexOf('leakyRelu', 500_000) + 3;
    const got = recognizeAt(big, mid, 'javascript');
    assert.equal(got?.id, 'leaky_relu');
    assert.equal(got?.params.negative_slope, 0.1);
    const unclosed = `y = F.relu(${'('.repeat(200_000)}`;
    assert.equal(recognizeAt(unclosed, 6, 'python')?.id, 'relu');
    const nested = `${'f('.repeat(50_000)}F.gelu(x)${')'.repeat(50_000)}`;
    assert.equal(recognizeAt(nested, nested.indexOf('gelu') + 1, 'python')?.id, 'gelu');
    const string = `s = "${'x'.repeat(1_000_000)}`;
    assert.equal(recognizeAt(string, 500_000, 'python'), undefined);
  });
});
