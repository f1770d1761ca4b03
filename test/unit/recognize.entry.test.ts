/**
 * `recognizeAt`'s entry: what it answers at the edges of a text, for arguments no editor sends, with and
 * without a context, and how deep it follows the user's own definitions. Expected values: VS Code hovers at
 * any offset from 0 to the text's length (the end included), so the first and last tokens of a text are
 * hovered like any other; a bad argument is no hover, never an exception (the core's contract, which
 * `recognizeUnguarded`, the same function without its safety net, must keep too); the activations are
 * PyTorch's names for them.
 */
import assert from 'node:assert/strict';
import './freshModels';
import { recognizeAt, type RecognizeContext } from '../../src/core';
import { recognizeUnguarded } from '../../src/core/recognize';
import { nthOffset } from './recognizeHelpers';

const PY = 'python';

describe('recognizeAt at the edges of a text', () => {
  it('the last token of a text without a final newline is hovered at the very end', () => {
    const text = 'from torch import nn\n\n# the block shared by every stage\nact = nn.ReLU';
    assert.equal(recognizeAt(text, text.length, PY)?.id, 'relu');
    assert.equal(recognizeAt(text, text.length - 2, PY)?.id, 'relu');
  });

  it('a formula at the very start of a text is hovered at offset 0', () => {
    const text = '1 / (1 + np.exp(-logits))  # the gate, written out as in the paper\n';
    assert.equal(recognizeAt(text, 0, PY)?.id, 'sigmoid');
    // Flux's broadcast at the start of a Julia script.
    assert.equal(recognizeAt('sigmoid.(W * x .+ b)\n', 0, 'julia')?.id, 'sigmoid');
  });
});

describe('recognizeAt given arguments no editor sends', () => {
  const text = 'import torch.nn.functional as F\n\ny = F.relu(x)  # the gate\n';
  const cases: [string, unknown, unknown, unknown][] = [
    ['an offset in a comment', text, nthOffset(text, 'gate'), PY],
    ['an offset between tokens', text, nthOffset(text, '  #') + 1, PY],
    ['a text that is not a string', undefined, 0, PY],
    ['a language id that is not a string', text, 0, undefined],
    ['an unknown language', text, nthOffset(text, 'relu'), 'cobol'],
    ['a fractional offset', text, nthOffset(text, 'relu') + 0.5, PY],
    ['a NaN offset', text, NaN, PY],
    ['a negative offset', text, -1, PY],
    ['an offset past the end', text, text.length + 1, PY],
  ];
  for (const [what, t, offset, lang] of cases) {
    it(`${what}: no hover, and no exception even without the safety net`, () => {
      const call = (f: typeof recognizeAt) =>
        f(t as string, offset as number, lang as string, undefined);
      assert.equal(call(recognizeAt), undefined);
      assert.equal(call(recognizeUnguarded), undefined);
    });
  }

  it('the same text with valid arguments is hovered (the cases above fail for their argument only)', () => {
    assert.equal(recognizeUnguarded(text, nthOffset(text, 'relu'), PY)?.id, 'relu');
  });

  it('a context that is null or not an object is ignored', () => {
    const at = nthOffset(text, 'relu');
    for (const context of [null, 'preamble', 7]) {
      const got = recognizeUnguarded(text, at, PY, context as unknown as RecognizeContext);
      assert.equal(got?.id, 'relu', String(context));
    }
  });
});

describe('answers with and without a context', () => {
  const act =
    '"""Activations shared by the models."""\nimport torch.nn.functional as F\n\n\ndef act(x):\n    return F.silu(x)\n';
  const mish =
    '"""Activations shared by the models."""\nimport torch.nn.functional as F\n\n\ndef act(x):\n    return F.mish(x)\n';
  const text = 'from .layers import act\n\n\ndef block(h):\n    return act(h)\n';
  const at = nthOffset(text, 'act(h)') + 1;
  const reading = (source: string): RecognizeContext => ({
    readImport: (spec) => (spec === '.layers' ? source : undefined),
  });

  it('an answer found through one context is not given for another, nor for none', () => {
    assert.equal(recognizeAt(text, at, PY, reading(act))?.id, 'silu');
    assert.equal(recognizeAt(text, at, PY, reading(mish))?.id, 'mish');
    assert.equal(recognizeAt(text, at, PY), undefined, 'without the module the name is unknown');
    assert.equal(recognizeAt(text, at, PY, reading(act))?.id, 'silu');
  });

  it('an answer found without a context is not given when a context says more', () => {
    assert.equal(recognizeAt(text, at, PY), undefined);
    assert.equal(recognizeAt(text, at, PY, reading(mish))?.id, 'mish');
  });
});

describe('following the user’s own definitions', () => {
  /** `f0` calls `f1` … calls `f{n-1}`, which applies GELU; the hover is on `f0(h)`. */
  function chain(n: number): string {
    let text =
      '"""A model whose activation is wrapped a few times."""\nimport torch.nn.functional as F\n\n\n';
    for (let i = 0; i < n; i++) {
      const body = i === n - 1 ? 'F.gelu(x)' : `f${i + 1}(x)`;
      text += `def f${i}(x):\n    """Layer ${i} of the wrapper."""\n    return ${body}\n\n\n`;
    }
    return `${text}y = f0(h)\n`;
  }
  const hoverF0 = (text: string) => recognizeAt(text, nthOffset(text, 'f0(h)') + 1, PY);

  it('a definition calling definitions is followed three deep', () => {
    for (const n of [1, 2, 3]) {
      assert.equal(hoverF0(chain(n))?.id, 'gelu', `${n} deep`);
    }
  });

  it('a deeper chain is not followed: recognition does bounded work', () => {
    assert.equal(hoverF0(chain(4)), undefined);
    assert.equal(hoverF0(chain(6)), undefined);
  });

  it('definitions calling each other give no hover and no exception', () => {
    const text =
      'def a(x):\n    """Ping."""\n    return b(x)\n\n\ndef b(x):\n    """Pong."""\n    return a(x)\n\n\ny = a(h)\n';
    assert.equal(recognizeUnguarded(text, nthOffset(text, 'a(h)'), PY), undefined);
  });
});
