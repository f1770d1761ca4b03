/**
 * Which model a hover reads (models.ts): a text of up to MAX_MODEL_TOKENS tokens is lexed whole, a denser or
 * longer one (minified bundles, deep nesting, generated data, a text crafted to fool the token estimate) by
 * windows around the hovered offset, and the same text keeps its choice from hover to hover.
 */
import assert from 'node:assert/strict';
import './freshModels';
import { recognizeAt } from '../../src/core';
import {
  documentModel,
  estimatedTokens,
  MAX_MODEL_CHARS,
  MAX_MODEL_TOKENS,
} from '../../src/core/recognize/models';
import { TokenBuffer } from '../../src/core/recognize/tokenBuffer';
import { lex, type Lang } from '../../src/core/recognize/tokenizer';

/** The tokens the lexer reads in `text`. */
function countTokens(text: string, lang: Lang): number {
  const buf = new TokenBuffer(text.length >> 2, 0, text.length);
  lex(text, 0, text.length, lang, buf);
  return buf.count;
}

const MODULE = `import torch.nn as nn
import torch.nn.functional as F


class Block(nn.Module):
    """A block.

    The docstring says F.relu(x) in prose.
    """

    def forward(self, x):
        return F.leaky_relu(self.fc(x), negative_slope=0.2)
`;

/** `block` repeated to at least `chars` characters. */
function repeated(block: string, chars: number): string {
  return block.repeat(Math.ceil(chars / block.length));
}

/** A copy of `text` no cache has seen (one more trailing space per call). */
let fresh = 0;
function unseen(text: string): string {
  fresh++;
  return `${text}${' '.repeat(fresh)}`;
}

describe('document model policy: whole texts and windows', () => {
  // The estimate only chooses between two bounded costs (and an underestimate is cut at twice the limit):
  // a sample that starts inside a docstring reads it inverted, so a third off is within what it needs.
  it('estimates the token count of real code within a third of the count', () => {
    for (const [block, lang] of [
      [MODULE, 'python'],
      ['var a=tf.relu(b),c=tf.leakyRelu(d,.1),e=f(g[h],s(i));', 'js'],
      ['let y = candle_nn::ops::sigmoid(&x)?; // gate\n', 'rust'],
    ] as const) {
      const text = repeated(block, 400_000);
      const counted = countTokens(text, lang);
      const estimate = estimatedTokens(text, lang);
      assert.ok(
        Math.abs(estimate - counted) <= counted / 3,
        `${lang}: estimated ${estimate}, counted ${counted}`,
      );
    }
  });

  it('lexes a text of up to MAX_MODEL_TOKENS tokens whole', () => {
    const text = unseen(repeated(MODULE, 400_000));
    assert.ok(countTokens(text, 'python') <= MAX_MODEL_TOKENS);
    const model = documentModel(text, 'python', text.length >> 1);
    assert.equal(model.from, 0);
    assert.equal(model.to, text.length);
    assert.equal(model.complete, true);
  });

  it('reads a denser text by windows around the offset, and every call in it still', () => {
    const text = unseen(
      repeated('var a=tf.relu(b),c=tf.leakyRelu(d,.1),e=f(g[h],s(i));', 1_000_000),
    );
    assert.ok(text.length < MAX_MODEL_CHARS);
    const at = text.indexOf('leakyRelu', text.length >> 1) + 3;
    const model = documentModel(text, 'js', at);
    assert.ok(model.from > 0 && model.to < text.length, `window [${model.from}, ${model.to})`);
    assert.ok(model.from <= at && at < model.to);
    assert.ok(model.to - model.from <= 160 * 1024);
    const found = recognizeAt(text, at, 'javascript');
    assert.equal(found?.id, 'leaky_relu');
    assert.equal(found?.params.negative_slope, 0.1);
  });

  it('keeps reading a windowed text by windows on later hovers (no whole lex of a seen text)', () => {
    const text = unseen(repeated('f(g(h(i(j(k(l(m(', 1_000_000)) + 'F.gelu(x)';
    const end = text.length - 3;
    const first = documentModel(text, 'python', 10);
    const copy = `${text} `.slice(0, text.length);
    const later = documentModel(copy, 'python', end);
    assert.ok(first.to < text.length);
    assert.ok(later.from > 0, 'a window at the end, not a whole lex');
    assert.equal(documentModel(text, 'python', 10), first);
  });

  it('counts the tokens of a text of up to MAX_MODEL_CHARS characters, and reads a longer one by windows', () => {
    // A notebook export whose outputs were pasted in as comments: few tokens, many characters.
    const tail = 'import torch.nn.functional as F\n\ny = F.gelu(x)\n';
    const comment =
      '# loss 0.4213 | acc 0.8810 | lr 3e-4 | grad-norm 1.02 | step time 412 ms | tokens/s 9120\n';
    const sparse = (chars: number): string =>
      `${repeated(comment, chars).slice(0, chars - tail.length - 1)}\n${tail}`;
    const atLimit = sparse(MAX_MODEL_CHARS);
    assert.equal(atLimit.length, MAX_MODEL_CHARS);
    const whole = documentModel(atLimit, 'python', atLimit.length - 5);
    assert.deepEqual(
      [whole.from, whole.to],
      [0, atLimit.length],
      'exactly at the limit: lexed whole',
    );
    const longer = sparse(MAX_MODEL_CHARS + 1000);
    assert.ok(countTokens(longer, 'python') < 100, 'few tokens');
    const at = longer.lastIndexOf('gelu') + 2;
    const window = documentModel(longer, 'python', at);
    assert.ok(window.from > 0, `past the limit: window [${window.from}, ${window.to})`);
    assert.equal(recognizeAt(longer, at, 'python')?.id, 'gelu');
  });

  it('stops lexing a text that fools the estimate at twice the token limit, then reads it by windows', () => {
    // Sparse where the samples fall (every 1/15 of the text, 2 kB each) and dense everywhere else.
    const length = 1_500_000;
    const samples = 16;
    const sparse = new Set<number>();
    for (let k = 0; k < samples; k++) {
      sparse.add(Math.floor(((length - 2048) * k) / (samples - 1) / 4096));
    }
    let text = '';
    for (let page = 0; text.length < length; page++) {
      const piece =
        sparse.has(page) || sparse.has(page - 1) ? '#'.repeat(4095) : 'a,'.repeat(2047) + 'a';
      text += `${piece}\n`;
    }
    text = unseen(text.slice(0, length));
    assert.ok(estimatedTokens(text, 'python') <= MAX_MODEL_TOKENS, 'the text fools the estimate');
    assert.ok(countTokens(text, 'python') > 2 * MAX_MODEL_TOKENS);
    const model = documentModel(text, 'python', length >> 1);
    assert.ok(model.from > 0 && model.to < text.length, `window [${model.from}, ${model.to})`);
    assert.ok(model.count < MAX_MODEL_TOKENS);
  });
});

/**
 * Weights written out as Python (a demo that needs no data files): rows of numbers, dense enough to be read by
 * windows, with a layer function every `every` rows (none when 0) calling GELU through the head's alias.
 */
function exportedWeights(chars: number, every: number): string {
  let text = `"""Weights exported from the training run, written out as Python so the demo needs no files."""
import torch
import torch.nn.functional as ops


`;
  for (let k = 0; text.length < chars; k++) {
    const row = Array.from({ length: 16 }, (_, j) => (((k * 16 + j) % 97) / 97).toFixed(4));
    text += `W_${k} = [${row.join(', ')}]\n`;
    if (every > 0 && k % every === every - 1) {
      text += `\n\ndef layer_${k}(x):\n    """Layer ${k}."""\n    return ops.gelu(x)\n\n\n`;
    }
  }
  return `${text}\n\ndef head(x):\n    return ops.gelu(x)\n`;
}

describe('document model policy: where a window starts', () => {
  // 32 kB: the least context models.ts keeps before the hovered offset's own chunk.
  const CONTEXT = 32 * 1024;

  it('a call far down a windowed file reads the imports at its top', () => {
    const text = unseen(exportedWeights(900_000, 300));
    const at = text.lastIndexOf('ops.gelu') + 5;
    const model = documentModel(text, 'python', at);
    assert.ok(model.from > 0, 'read by a window');
    // `ops` is torch.nn.functional here, not Keras' `ops`: only the import at the top says so.
    const call = recognizeAt(text, at, 'python');
    assert.equal(call?.id, 'gelu');
    assert.equal(call?.framework, 'pytorch');
  });

  it('starts at a top-level line before the offset when one is near, so it starts in code', () => {
    // A layer every 200 rows: about every 22 kB, less than the 32 kB a window start looks back.
    const text = unseen(exportedWeights(900_000, 200));
    for (const share of [0.3, 0.5, 0.9]) {
      const at = text.indexOf('ops.gelu', Math.floor(text.length * share)) + 5;
      const model = documentModel(text, 'python', at);
      assert.equal(text[model.from - 1], '\n', `${share}: at a line start`);
      assert.match(text.slice(model.from, model.from + 10), /^def layer_/, `${share}`);
      assert.ok(model.from <= at - CONTEXT, `${share}: a chunk of context before the offset`);
      assert.ok(model.to > at);
      assert.equal(recognizeAt(text, at, 'python')?.id, 'gelu');
    }
  });

  it('starts at a line start when no top-level line is near', () => {
    const text = unseen(exportedWeights(900_000, 0));
    const at = text.lastIndexOf('ops.gelu') + 5;
    const model = documentModel(text, 'python', at);
    assert.ok(model.from > 0 && model.from <= at - CONTEXT, `window [${model.from}, ${model.to})`);
    assert.equal(text[model.from - 1], '\n');
    assert.match(text.slice(model.from, model.from + 4), /^W_\d/);
    assert.equal(recognizeAt(text, at, 'python')?.id, 'gelu');
  });
});
