/**
 * The document model's own questions (document.ts), which every reader of the recognizer asks: which token
 * a hovered offset is in, whether a token is a given bracket or name, where a bracket closes, where a
 * statement starts and which line an offset is on. The expected answers are read off the source text by
 * the languages' lexical rules (what a token, a comment, a statement and a line are), never from the
 * model itself.
 */
import assert from 'node:assert/strict';
import './freshModels';
import { DocumentModel } from '../../src/core/recognize/document';
import { documentModel } from '../../src/core/recognize/models';
import type { Lang } from '../../src/core/recognize/tokenizer';

const MODULE = `import torch
import torch.nn.functional as F


class GatedBlock(torch.nn.Module):
    """Gates a projection: F.relu(x) in a docstring is prose."""

    def forward(self, x, scale=2.0):
        h = self.proj(x)  # (batch, 2 * width)
        gate, value = h.chunk(2, dim=-1)
        out = value * F.sigmoid(gate) ** 2
        return F.relu(out[:, 0] + {"bias": scale}["bias"])
`;

/** The model of `text`, lexed whole. */
function modelOf(text: string, lang: Lang = 'python'): DocumentModel {
  const model = documentModel(text, lang);
  assert.equal(model.from, 0);
  assert.equal(model.to, text.length);
  return model;
}

/** The index of the token that starts at the first occurrence of `piece` in the text. */
function tokenStartingAt(model: DocumentModel, piece: string): number {
  const at = model.text.indexOf(piece);
  assert.ok(at >= 0, `"${piece}" is in the text`);
  return tokenStartingAtOffset(model, at);
}

/** The index of the token that starts at `at`. */
function tokenStartingAtOffset(model: DocumentModel, at: number): number {
  for (let i = 0; i < model.count; i++) {
    if (model.starts[i] === at) {
      return i;
    }
  }
  throw new Error(`no token starts at ${at}`);
}

describe('document model: the token at an offset', () => {
  const model = modelOf(MODULE);
  const relu = MODULE.lastIndexOf('relu');

  it('is the token whose span holds the offset, its end included', () => {
    const i = model.tokenAt(relu + 2);
    assert.equal(model.tokenText(i), 'relu');
    assert.equal(model.tokenAt(relu + 4), i, 'just after the name, before its "("');
  });

  it('prefers the name when a punctuation token ends where the name starts', () => {
    // `F.relu`: the offset between `.` and `relu` is the end of `.` and the start of `relu`.
    assert.equal(model.tokenText(model.tokenAt(relu)), 'relu');
  });

  it('keeps a name or a string when punctuation starts where it ends', () => {
    const bias = MODULE.indexOf('"bias"');
    assert.equal(
      model.tokenText(model.tokenAt(bias + 6)),
      '"bias"',
      'before the ":" after the key',
    );
  });

  it('takes the first of two punctuation tokens that touch', () => {
    // `[:, 0]`: `[` ends where `:` starts; neither is a name, so the first one holds the offset.
    const open = MODULE.indexOf('[:');
    assert.equal(model.tokenText(model.tokenAt(open + 1)), '[');
  });

  it('is none in whitespace, in a comment and after the last token', () => {
    assert.equal(model.tokenAt(MODULE.indexOf('# (batch') + 4), -1, 'comment');
    assert.equal(model.tokenAt(MODULE.indexOf('\n\n\nclass') + 2), -1, 'blank line');
    assert.equal(model.tokenAt(MODULE.length), -1, 'after the final line break');
    const tight = modelOf('y = F.gelu(x)');
    assert.equal(tight.tokenText(tight.tokenAt(13)), ')', 'the end of a text ending in a token');
    assert.equal(tight.tokenAt(14), -1, 'past the end of the text');
  });

  it('is none in an empty text', () => {
    assert.equal(modelOf('').tokenAt(0), -1);
  });
});

describe('document model: punctuation and names', () => {
  const model = modelOf(MODULE);

  it('tells a one-character bracket by its spelling', () => {
    const open = tokenStartingAt(model, '(x)  #');
    assert.equal(model.isPunct(open, '('), true);
    assert.equal(model.isPunct(open, '['), false);
    assert.equal(model.isPunct(open, ')'), false);
  });

  it('tells a two-character operator apart from one that shares its first character', () => {
    const power = tokenStartingAt(model, '** 2');
    assert.equal(model.tokenText(power), '**', 'Python power is one token');
    assert.equal(model.isPunct(power, '**'), true);
    assert.equal(model.isPunct(power, '*'), false, 'a longer token is not its first character');
    const js = modelOf('const gate = (x) => tf.sigmoid(x);\nconst same = a == b;\n', 'js');
    const arrow = tokenStartingAt(js, '=>');
    assert.equal(js.tokenText(arrow), '=>');
    assert.equal(js.isPunct(arrow, '=>'), true);
    assert.equal(js.isPunct(arrow, '=='), false, 'same first character, different second');
  });

  it('answers no for a name, a number, a string and positions outside the text', () => {
    assert.equal(model.isPunct(tokenStartingAt(model, 'forward'), 'forward'), false);
    assert.equal(model.isPunct(tokenStartingAt(model, '2.0'), '2.0'), false);
    assert.equal(model.isPunct(-1, 'import'), false);
    assert.equal(model.isPunct(model.count, '('), false);
  });

  it('tells a name by its whole spelling, not a prefix or another kind of token', () => {
    const relu = tokenStartingAt(model, 'relu(out');
    assert.equal(model.isWord(relu, 'relu'), true);
    assert.equal(model.isWord(relu, 'rel'), false, 'a prefix');
    assert.equal(model.isWord(relu, 'relu6'), false, 'a longer name');
    const bias = tokenStartingAt(model, '"bias"');
    assert.equal(model.isWord(bias, '"bias"'), false, 'a string is not a name');
    const paren = tokenStartingAt(model, '(out');
    assert.equal(model.isWord(paren, '('), false, 'punctuation is not a name');
    assert.equal(model.isWord(-1, 'import'), false);
  });
});

describe('document model: the bracket that closes another', () => {
  const model = modelOf(MODULE);
  const open = tokenStartingAt(model, '(out[');
  const close = tokenStartingAtOffset(model, MODULE.lastIndexOf(')'));

  it('skips the brackets of every kind nested inside', () => {
    // `(out[:, 0] + {"bias": scale}["bias"])`: square brackets and a dict inside the call.
    assert.equal(model.closing(open, model.count), close);
    const square = tokenStartingAt(model, '[:');
    assert.equal(model.tokenText(model.closing(square, model.count)), ']');
    assert.equal(model.closing(square, model.count), tokenStartingAt(model, '] +'));
    const brace = tokenStartingAt(model, '{"bias"');
    assert.equal(model.closing(brace, model.count), tokenStartingAt(model, '}['));
  });

  it('looks only before the limit: a bracket at the limit is not found', () => {
    assert.equal(model.closing(open, close), -1);
    assert.equal(model.closing(open, close + 1), close);
  });

  it('is none for a bracket the text never closes', () => {
    const typing = modelOf('y = F.softmax(torch.cat([a, b], dim=1');
    const call = tokenStartingAt(typing, '(torch');
    assert.equal(typing.closing(call, typing.count), -1);
  });

  it('pairs brackets in C++ and Rust the same way', () => {
    const cpp = modelOf('auto y = torch::softmax(x.view({n, -1}), /*dim=*/1);\n', 'cpp');
    const call = tokenStartingAt(cpp, '(x.view');
    assert.equal(cpp.closing(call, cpp.count), tokenStartingAt(cpp, ');'));
    const rust = modelOf('let y = candle_nn::ops::softmax(&xs.i((.., 0))?, 1)?;\n', 'rust');
    const arg = tokenStartingAt(rust, '(&xs');
    assert.equal(rust.closing(arg, rust.count), tokenStartingAt(rust, ')?;'));
  });
});

describe('document model: where a statement starts', () => {
  const model = modelOf(MODULE);
  const first = tokenStartingAt(model, 'out = value');
  const sigmoid = tokenStartingAt(model, 'sigmoid');

  it('is the statement’s first token when it is within reach', () => {
    // `out = value * F.sigmoid`: `sigmoid` is the sixth token of its statement.
    assert.equal(sigmoid - first, 6);
    assert.equal(model.statementStart(sigmoid, 20), first);
    assert.equal(model.statementStart(sigmoid, 6), first, 'exactly as far back as allowed');
  });

  it('is unknown (-1) when the statement starts further back than allowed', () => {
    assert.equal(model.statementStart(sigmoid, 5), -1);
    assert.equal(model.statementStart(sigmoid, 1), -1);
  });

  it('is the token itself when it starts its statement', () => {
    assert.equal(model.statementStart(first, 0), first);
  });

  it('is the text’s first token when the reach goes back to it', () => {
    const model2 = modelOf('import torch.nn.functional as F\n');
    const last = model2.count - 1;
    assert.equal(model2.statementStart(last, last), 0);
    assert.equal(model2.statementStart(last, last + 10), 0);
  });
});

describe('document model: the line of an offset', () => {
  it('counts lines from 1, a line break belonging to the line it ends', () => {
    const text = 'import torch\nx = torch.relu(y)\n\nz = x\n';
    const model = modelOf(text);
    assert.equal(model.lineOf(0), 1);
    assert.equal(model.lineOf(text.indexOf('\n')), 1, 'the line break');
    assert.equal(model.lineOf(text.indexOf('x =')), 2, 'the first character of a line');
    assert.equal(model.lineOf(text.indexOf('relu')), 2);
    assert.equal(model.lineOf(text.indexOf('\n\n') + 1), 3, 'an empty line');
    assert.equal(model.lineOf(text.indexOf('z =')), 4);
    assert.equal(model.lineOf(text.length), 5, 'after the final line break');
  });

  it('counts a line break at the very start of the text', () => {
    const text = '\nimport torch\n';
    const model = modelOf(text);
    assert.equal(model.lineOf(0), 1);
    assert.equal(model.lineOf(1), 2);
    assert.equal(model.lineOf(text.length - 1), 2);
  });

  it('gives the same answers asked again in another order', () => {
    const text = MODULE;
    const model = modelOf(text);
    const relu = text.lastIndexOf('relu');
    const lines = text.slice(0, relu).split('\n').length;
    assert.equal(model.lineOf(relu), lines);
    assert.equal(model.lineOf(0), 1);
    assert.equal(model.lineOf(relu), lines);
  });
});

describe('document model: tokens as objects', () => {
  // More than two chunks of 256 tokens: objects are made a chunk at a time.
  const rows = Array.from({ length: 120 }, (_, k) => `w_${k} = F.relu(x_${k})`).join('\n');
  const model = modelOf(`import torch.nn.functional as F\n${rows}\n`);

  it('gives each token its kind, span and text, across chunk boundaries', () => {
    assert.ok(model.count > 600);
    for (const i of [0, 255, 256, 257, 511, 512, model.count - 1]) {
      const t = model.token(i);
      assert.equal(t.s, model.starts[i]);
      assert.equal(t.e, model.ends[i]);
      assert.equal(t.t, model.text.slice(t.s, t.e));
    }
    const relu = tokenStartingAt(model, 'relu(x_100)');
    assert.deepEqual(
      { k: model.token(relu).k, t: model.token(relu).t, st: model.token(relu).st },
      { k: 'id', t: 'relu', st: false },
    );
    const w = tokenStartingAt(model, 'w_100');
    assert.equal(model.token(w).st, true, 'a row starts a statement');
    assert.equal(model.token(w).nl, true, 'and a line');
  });

  it('slices a range of tokens in order, and nothing for an empty range', () => {
    const w = tokenStartingAt(model, 'w_99 ');
    const row = model.slice(w, w + 8).map((t) => t.t);
    assert.deepEqual(row, ['w_99', '=', 'F', '.', 'relu', '(', 'x_99', ')']);
    assert.deepEqual(model.slice(w, w), []);
    assert.deepEqual(
      model.fresh(w, w + 3).map((t) => t.t),
      ['w_99', '=', 'F'],
    );
  });
});
