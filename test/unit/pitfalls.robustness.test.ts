/**
 * findPitfalls as a whole: ignore comments, a notebook's earlier cells, messages built from the core's numbers
 * and never from the file, no false finding in the repository's whole-file fixtures, and no exception on a
 * seeded fuzz of mutated snippets or on bad arguments. Speed is measured in bench/pitfalls.bench.ts.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findPitfalls, PITFALL_RULES } from '../../src/core';
import { findUnguarded } from '../../src/core/pitfalls';
import { mulberry32 } from './coreRandom';
import { expectClean, functionFile, onlyFinding, torchModule } from './pitfallsHelpers';

describe('findPitfalls: ignore comments', () => {
  const line = 'out = torch.log(F.softmax(logits, dim=1))';

  it('# activation-lens: ignore[rule] silences that rule on its line', () => {
    expectClean('python', torchModule(`${line}  # activation-lens: ignore[log-of-softmax]`));
  });

  it('a list of rules', () => {
    expectClean(
      'python',
      torchModule(`${line}  # activation-lens: ignore[implicit-softmax-dim, log-of-softmax]`),
    );
  });

  it('another rule named does not silence this one', () => {
    const file = torchModule(`${line}  # activation-lens: ignore[implicit-softmax-dim]`);
    onlyFinding('python', file, 'log-of-softmax');
  });

  it('only its own line', () => {
    const file = torchModule(`# activation-lens: ignore[log-of-softmax]\n${line}`);
    onlyFinding('python', file, 'log-of-softmax');
  });

  it('the last line of a flagged expression split over lines', () => {
    const file = torchModule(
      'out = torch.log(\n    F.softmax(logits, dim=1)\n)  # activation-lens: ignore[log-of-softmax]',
    );
    expectClean('python', file);
  });

  it('// in TypeScript and C++', () => {
    const ts = `import * as tf from '@tensorflow/tfjs';\nconst y = tf.log(tf.softmax(x)); // activation-lens: ignore[log-of-softmax]\n`;
    const cpp = `#include <torch/torch.h>\nauto y = torch::log(torch::softmax(x, 1)); // activation-lens: ignore[log-of-softmax]\n`;
    expectClean('typescript', ts);
    expectClean('cpp', cpp);
    onlyFinding('typescript', ts.replace('// activation', '# activation'), 'log-of-softmax');
  });
});

describe('findPitfalls: context', () => {
  it("a notebook cell's fix uses the functional alias imported in an earlier cell", () => {
    const cell = 'scores = torch.log(torch.sigmoid(model(x)))\n';
    const alone = onlyFinding('python', cell, 'log-of-softmax');
    assert.equal(alone.fix?.replacement, 'torch.nn.functional.logsigmoid(model(x))');
    const [withImports] = findPitfalls(cell, 'python', {
      preamble: 'import torch\nimport torch.nn.functional as F\n',
    });
    assert.equal(withImports.fix?.replacement, 'F.logsigmoid(model(x))');
  });
});

describe('findPitfalls: messages', () => {
  const msg = (lang: string, file: string) => findPitfalls(file, lang)[0].message;

  it('log of softmax: softmax(1000, 0) = [1, 0] in float64, log gives [0, −∞]; log_softmax [0, −1000]', () => {
    const m = msg('python', torchModule('out = torch.log(F.softmax(zzqLogits, dim=1))'));
    assert.ok(m.includes('softmax(1000, 0) underflows to [1, 0]; log gives [0, −∞]'), m);
    assert.ok(m.includes('[0, −1000]'), m);
  });

  it('log of sigmoid: sigmoid(−800) = 0 in float64; logsigmoid(−800) = −800', () => {
    const m = msg('python', torchModule('out = torch.log(torch.sigmoid(zzqLogits))'));
    assert.ok(m.includes('sigmoid(−800) underflows to 0; log gives −∞'), m);
    assert.ok(m.includes('(−800) = −800'), m);
  });

  it('overflow: exp is finite up to ln(1.797e308) ≈ 709.8 (float64), ln(3.403e38) ≈ 88.72 (float32)', () => {
    const m = msg('python', functionFile('import numpy as np', 'out = np.log(1 + np.exp(x))'));
    assert.ok(m.includes('709.8') && m.includes('88.72'), m);
    assert.ok(m.includes('log(1 + exp(1000)) = ∞ where softplus(1000) = 1000'), m);
  });

  it('softmax into cross_entropy: two classes cannot go below log(1 + e^−1) = 0.3133', () => {
    const m = msg('python', torchModule('out = F.cross_entropy(F.softmax(zzqLogits, dim=1), y)'));
    assert.ok(m.includes('0.3133') && m.includes('F.cross_entropy'), m);
  });

  it('never quotes the file', () => {
    const files: readonly (readonly [string, string])[] = [
      ['python', torchModule('out = torch.log(F.softmax(zzqLogits, dim=1))')],
      ['python', torchModule('out = F.softmax(zzqLogits)')],
      ['python', torchModule('out = F.cross_entropy(zzqLogits.softmax(1), y)')],
      [
        'python',
        functionFile('import numpy as np', 'out = np.exp(zzq) / np.sum(np.exp(zzq))', 'zzq'),
      ],
    ];
    for (const [lang, file] of files) {
      const found = findPitfalls(file, lang);
      assert.equal(found.length, 1);
      assert.ok(!found[0].message.includes('zzq'), found[0].message);
      assert.ok(!(found[0].fix?.title ?? '').includes('zzq'));
    }
  });
});

/** Findings a reviewer confirmed in the whole-file fixtures: file → [rule, flagged text]. */
const CONFIRMED: Readonly<Record<string, readonly (readonly [string, string])[]>> = {
  'corpus/numpy/formulas_by_hand.py': [
    ['handwritten-overflow', 'np.log(1 + np.exp(x))'],
    ['handwritten-overflow', 'np.log1p(np.exp(x))'],
    ['handwritten-overflow', 'np.exp(x) / np.sum(np.exp(x))'],
    ['handwritten-overflow', '1 / (1 + np.exp(-1.702 * x))'],
    ['handwritten-overflow', '1.0 / (1.0 + math.exp(-v))'],
  ],
  'pitfalls/train_classifier.py': [
    ['implicit-softmax-dim', 'nn.Softmax()'],
    ['log-of-softmax', 'torch.log(F.softmax(model(tokens, offsets), dim=1))'],
    ['handwritten-overflow', 'np.exp(z) / np.sum(np.exp(z), axis=-1, keepdims=True)'],
    ['double-activation', 'F.softmax(logits, dim=1)'],
  ],
  'corpus/numpy/network_from_scratch.py': [['handwritten-overflow', '1.0 / (1.0 + np.exp(-z))']],
  // float32 softplus by hand: exp overflows to inf above x ≈ 88.7.
  'corpus/keras/custom_layer_call.py': [
    ['handwritten-overflow', 'tf.math.log(1.0 + tf.math.exp(x))'],
  ],
  // `from numpy import exp`: exp(-x) overflows (a RuntimeWarning and 0) below x ≈ −709.
  'corpus/numpy/exercises.py': [['handwritten-overflow', '1 / (1 + exp(-x))']],
  // Mish's softplus by hand: exp(z) overflows to inf above z ≈ 709.8 (float64), log1p(inf) is inf.
  'corpus/numpy/layers_from_scratch.py': [['handwritten-overflow', 'np.log1p(np.exp(z))']],
};

const LANG_BY_EXT: Readonly<Record<string, string>> = {
  py: 'python',
  ts: 'typescript',
  js: 'javascript',
  jl: 'julia',
  cpp: 'cpp',
  h: 'cpp',
  rs: 'rust',
};

describe('findPitfalls: whole-file fixtures', () => {
  const files = ['test/fixtures', 'examples'].flatMap((dir) =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => [dir, f] as const),
  );
  it('has whole files of every language to read', () => {
    const langs = new Set(files.map(([, f]) => LANG_BY_EXT[f.split('.').pop() ?? '']));
    assert.ok(files.length > 50, `${files.length} files`);
    for (const lang of new Set(Object.values(LANG_BY_EXT))) {
      assert.ok(langs.has(lang), lang);
    }
    // A confirmed finding whose file was moved would otherwise never be compared.
    for (const file of Object.keys(CONFIRMED)) {
      assert.ok(
        files.some(([, f]) => f === file),
        file,
      );
    }
  });
  for (const [dir, file] of files) {
    const lang = LANG_BY_EXT[file.split('.').pop() ?? ''];
    if (lang === undefined) {
      continue;
    }
    it(`${dir}/${file}: only the confirmed findings`, () => {
      const text = readFileSync(join(dir, file), 'utf8');
      const found = findPitfalls(text, lang).map((p) => [p.rule, text.slice(p.start, p.end)]);
      assert.deepEqual(found, CONFIRMED[file] ?? []);
    });
  }
});

describe('findPitfalls: hostile input', () => {
  const SEEDS: readonly (readonly [string, string])[] = [
    ['python', torchModule('out = torch.log(F.softmax(logits, dim=1))')],
    ['python', torchModule('out = F.cross_entropy(F.softmax(logits, dim=1), y) + F.softmax(x)')],
    ['python', functionFile('import numpy as np', 'out = np.exp(x) / np.sum(np.exp(x), axis=1)')],
    [
      'python',
      'model = keras.Sequential([layers.Dense(1, activation="sigmoid")])\nmodel.compile(loss=keras.losses.BinaryCrossentropy(from_logits=True))',
    ],
    ['python', 'y = 1 / (1 + np.exp(-x)) + np.log1p(np.exp(x))'],
    ['typescript', 'const y = tf.log(tf.softmax(x)); x.softmax().log()'],
    ['julia', 'y = log.(softmax(x; dims=1)) .+ log.(σ.(x))'],
    ['cpp', 'auto y = torch::log(torch::softmax(x, 1)); /* x */ x.softmax(1).log();'],
  ];
  const NOISE = `()[]{}=,.:;'"\`#/*\\\n\t -+_01e.softmax log exp sum σ\u{1F600}\ud800 def for`;

  it('never throws on 20,000 mutated snippets; every span and fix lies inside the text', () => {
    const rand = mulberry32(1313);
    let findings = 0;
    for (let n = 0; n < 20_000; n++) {
      const [lang, seed] = SEEDS[n % SEEDS.length];
      let s = seed;
      for (let k = 0, edits = 1 + Math.floor(rand() * 5); k < edits; k++) {
        const at = Math.floor(rand() * (s.length + 1));
        s =
          rand() < 0.5
            ? s.slice(0, at) + NOISE[Math.floor(rand() * NOISE.length)] + s.slice(at)
            : s.slice(0, at) + s.slice(at + 1 + Math.floor(rand() * 4));
      }
      for (const p of findUnguarded(s, lang)) {
        findings++;
        assert.ok(
          0 <= p.start && p.start < p.end && p.end <= s.length,
          `span in ${JSON.stringify(s)}`,
        );
        assert.ok(PITFALL_RULES.includes(p.rule));
        for (const f of [p.fix, ...(p.alternatives ?? [])]) {
          assert.ok(f === undefined || (0 <= f.start && f.start <= f.end && f.end <= s.length));
        }
      }
    }
    // The seeds are pitfalls: most mutated copies still hold one, so the checks above did run.
    assert.ok(findings > 5_000, `${findings} findings checked`);
  });

  it('bad arguments give an empty list', () => {
    assert.deepEqual(findPitfalls(undefined as unknown as string, 'python'), []);
    assert.deepEqual(findPitfalls('torch.log(torch.softmax(x, 1))', 'plaintext'), []);
    assert.deepEqual(findPitfalls('torch.log(torch.softmax(x, 1))', '__proto__'), []);
    assert.deepEqual(findPitfalls('', 'python'), []);
  });

  it('an unclosed bracket and an unclosed docstring cost nothing and find nothing', () => {
    expectClean('python', `x = torch.log(F.softmax(${'('.repeat(50_000)}`);
    expectClean('python', `"""${'torch.log(F.softmax(x, dim=1))\n'.repeat(2_000)}`);
  });
});
