/**
 * Texts longer than the document model lexes whole (generated code, vendored bundles): the model covers a
 * window around the hovered offset. A window that starts inside a docstring or a JSDoc comment reads the
 * code after it as prose and the prose as code; windows start at a top-level line (`class`, `def`,
 * `export function`, …) so that every call in such a file is read as in a short one.
 */
import assert from 'node:assert/strict';
import './freshModels';
import { recognizeAt } from '../../src/core';
import { MAX_MODEL_CHARS } from '../../src/core/recognize/models';

/** A PyTorch module whose docstrings are long and hold code-looking prose. */
const PYTHON_BLOCK = `

class GatedResidual(nn.Module):
    """A residual block with a leaky gate.

    The gate follows the usual recipe::

        h = self.proj(x)
        y = F.relu(h)          # in the paper; we use a leaky slope instead
        return x + y

    Notes
    -----
    The slope 0.2 keeps a gradient for negative inputs. Older checkpoints used
    "relu" here: loading them with strict=False is fine because the gate has no
    parameters. See the changelog for the 2.1 migration:

        - renamed \`act\` to \`gate\`
        - removed the \`inplace\` option (it broke torch.compile)
        - the block is scripted with torch.jit.script in export.py
    """

    def __init__(self, width: int, hidden: int) -> None:
        super().__init__()
        self.proj = nn.Linear(width, hidden)
        self.out = nn.Linear(hidden, width)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Applies the block.

        Shapes: x is (batch, width); so is the result. The hidden state is
        (batch, hidden). Nothing here is cached between calls.
        """
        h = self.proj(x)
        h = F.leaky_relu(h, negative_slope=0.2)
        return x + self.out(h)
`;

/** A TF.js module whose functions carry long JSDoc comments. */
const JS_BLOCK = `

/**
 * A dense layer followed by an ELU, as in the reference implementation.
 *
 * Example:
 *   const y = tf.relu(dense(x));   // the old version, kept for comparison
 *   y.print();
 *
 * The weights are created lazily on the first call; their initializer is
 * glorotUniform. Disposing the returned tensor is the caller's job: wrap the
 * call in tf.tidy when it runs in a loop.
 */
export function denseElu(x, kernel, bias) {
  const z = tf.add(tf.matMul(x, kernel), bias);
  return tf.elu(z);
}
`;

/** A file of `block` repeated past the longest text lexed whole, after `head`. */
function longFile(head: string, block: string): string {
  return head + block.repeat(Math.ceil((MAX_MODEL_CHARS * 1.3) / block.length));
}

/** Offsets of the `word` in `call` at `count` places spread over the text. */
function placesOf(text: string, call: string, word: string, count: number): number[] {
  const places: number[] = [];
  for (let k = 0; k < count; k++) {
    const at = text.indexOf(call, Math.floor((text.length * k) / count));
    // Every k finds one: a fixture that lost its calls must not pass a loop that runs zero times.
    assert.ok(at >= 0, `${call} after ${k}/${count} of the text`);
    places.push(at + call.indexOf(word) + 1);
  }
  return places;
}

describe('recognizer on texts longer than the document model lexes whole', () => {
  it('reads every call of a long Python file, docstrings or not, with its imports from the top', () => {
    const text = longFile(
      'import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n',
      PYTHON_BLOCK,
    );
    assert.ok(text.length > MAX_MODEL_CHARS);
    const places = placesOf(text, 'F.leaky_relu(h', 'leaky_relu', 48);
    assert.equal(places.length, 48);
    for (const at of places) {
      const found = recognizeAt(text, at, 'python');
      assert.equal(found?.id, 'leaky_relu', `offset ${at}`);
      assert.equal(found?.framework, 'pytorch');
      assert.equal(found?.params.negative_slope, 0.2);
    }
  });

  it('gives no hover on the code-looking examples inside the docstrings', () => {
    const text = longFile('import torch.nn.functional as F\n', PYTHON_BLOCK);
    for (const at of placesOf(text, 'y = F.relu(h)', 'relu', 24)) {
      assert.equal(recognizeAt(text, at, 'python'), undefined, `offset ${at}`);
    }
  });

  it('reads every call of a long JavaScript file with JSDoc comments, and none in the comments', () => {
    const text = longFile("import * as tf from '@tensorflow/tfjs';\n", JS_BLOCK);
    for (const at of placesOf(text, 'tf.elu(z)', 'elu', 32)) {
      const found = recognizeAt(text, at, 'javascript');
      assert.equal(found?.id, 'elu', `offset ${at}`);
      assert.equal(found?.framework, 'tfjs');
    }
    for (const at of placesOf(text, 'tf.relu(dense(x))', 'relu', 16)) {
      assert.equal(recognizeAt(text, at, 'javascript'), undefined, `offset ${at}`);
    }
  });
});
