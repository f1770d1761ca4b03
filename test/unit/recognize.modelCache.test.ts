/**
 * The document-model cache (models.ts) answers for the text it is given, never for a text it saw before:
 * successive versions of a document often have the same length and differ in a few characters (one name
 * retyped), and the cache tells them apart although it compares a few sampled characters first. Expected
 * values are PyTorch's: `F.relu` is ReLU, `F.gelu` GELU.
 */
import assert from 'node:assert/strict';
import './freshModels';
import { recognizeAt } from '../../src/core';
import { documentModel, forgetModels } from '../../src/core/recognize/models';

/** A module whose activation name sits after `pad` spaces of indentation in a comment line. */
function version(pad: number, act: 'relu' | 'gelu'): string {
  return `import torch.nn.functional as F
#${' '.repeat(pad)}
def block(x):
    return F.${act}(x)


def head(x):
    return F.silu(x)
`;
}

describe('the document-model cache: one answer per text, not per length', () => {
  it('a retyped name in a text of the same length is read anew, wherever the change falls', () => {
    // The padding moves the changed character across every position a sampled compare could look at.
    for (let pad = 0; pad < 40; pad++) {
      const before = version(pad, 'relu');
      const after = version(pad, 'gelu');
      assert.equal(before.length, after.length);
      const at = before.indexOf('F.') + 3;
      assert.equal(recognizeAt(before, at, 'python')?.id, 'relu', `pad ${pad}: before`);
      assert.equal(recognizeAt(after, at, 'python')?.id, 'gelu', `pad ${pad}: after`);
      assert.equal(recognizeAt(before, at, 'python')?.id, 'relu', `pad ${pad}: before again`);
    }
  });

  it('five documents hovered in turn each keep their own answers', () => {
    const texts = [0, 1, 2, 3, 4].map((pad) => version(pad, pad % 2 === 0 ? 'relu' : 'gelu'));
    for (let round = 0; round < 3; round++) {
      texts.forEach((text, pad) => {
        const got = recognizeAt(text, text.indexOf('F.') + 3, 'python');
        assert.equal(got?.id, pad % 2 === 0 ? 'relu' : 'gelu', `round ${round}, document ${pad}`);
      });
    }
  });

  it('forgetting the cache makes the next model of a text anew (the unit tests start each test so)', () => {
    const text = version(2, 'relu');
    const first = documentModel(text, 'python');
    assert.equal(documentModel(text, 'python'), first, 'cached');
    forgetModels();
    const second = documentModel(text, 'python');
    assert.notEqual(second, first);
    assert.equal(second.count, first.count);
  });
});
