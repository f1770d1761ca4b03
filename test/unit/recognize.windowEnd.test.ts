/**
 * A formula broken over lines inside a call's brackets is read whole from its first tokens too: the
 * recognizer's small window ends at a line end and, when nothing was found in it and the statement goes on
 * past it, the statement is read again in the large window (as it already was when the window's start cut
 * the statement).
 *
 * Expected values come from mathematics and PyTorch's documentation: exp(z − max z) / Σ exp(z − max z)
 * along `dim=-1` is `torch.softmax(z, dim=-1)` (the shift cancels), and the hover spans the whole
 * expression.
 */
import assert from 'node:assert/strict';
import { recognizeAt } from '../../src/core';
import { nthOffset } from './recognizeHelpers';

const SRC = `"""Attention written out for an export path that has no fused softmax kernel."""
import torch


def attention_weights(logits: torch.Tensor) -> torch.Tensor:
    """Row-wise softmax of the attention logits, shifted by the row maximum for stability."""
    return torch.exp(
        logits - torch.amax(logits, dim=-1, keepdim=True)
    ) / torch.sum(
        torch.exp(logits - torch.amax(logits, dim=-1, keepdim=True)),
        dim=-1,
        keepdim=True,
    )
`;

describe('a formula longer than the small window after the hovered token', () => {
  const start = nthOffset(SRC, 'torch.exp(');
  const end = SRC.lastIndexOf(')') + 1;

  for (const [needle, shift] of [
    ['torch.exp(', 0],
    ['torch.exp(', 'torch.'.length],
    ['/ torch.sum', 0],
    ['keepdim=True,', 0],
  ] as const) {
    it(`is the softmax along the last dim, hovered at \`${needle}\` + ${shift}`, () => {
      const got = recognizeAt(SRC, nthOffset(SRC, needle) + shift, 'python');
      assert.equal(got?.id, 'softmax');
      assert.equal(got?.framework, 'pytorch');
      assert.deepEqual(got?.params, { dim: -1 });
      assert.equal(got?.start, start);
      assert.equal(got?.end, end);
    });
  }
});
