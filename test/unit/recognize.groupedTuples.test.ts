/**
 * Tuple assignments of attributes written with brackets: a target list enclosed in parentheses or square
 * brackets, and a value that is one parenthesized tuple or list. Python's reference ("Assignment
 * statements") assigns such a target list as the bare one, item by item, and `(a, b)` / `[a, b]` on the
 * right are the same two values (a trailing comma adds none); `(a, b)[::-1]` is the reversed pair.
 *
 * Expected values come from that rule and PyTorch's documentation: `nn.GELU()` is the exact GELU,
 * `nn.Sigmoid()` the logistic sigmoid.
 */
import assert from 'node:assert/strict';
import { recognizeAt } from '../../src/core';
import { nthOffset } from './recognizeHelpers';

const block = (assignment: string): string => `"""Gated feed-forward block."""
import torch
import torch.nn as nn


class GatedBlock(nn.Module):
    """y = act(W1 x) * gate(W2 x): the activation and gate are chosen once."""

    def __init__(self, dim: int) -> None:
        super().__init__()
        self.up = nn.Linear(dim, 4 * dim)
        self.proj = nn.Linear(dim, 4 * dim)
        ${assignment}

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.act(self.up(x)) * self.gate(self.proj(x))
`;

function actId(assignment: string): string | undefined {
  const src = block(assignment);
  return recognizeAt(src, nthOffset(src, 'act(self') + 1, 'python')?.id;
}

/** A file whose first statement is two tokens (`import torch`) and one whose third token is an `=`. */
const bare = (head: string): string => `${head}
import torch.nn as nn


class Gate(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.gate, self.act = nn.Sigmoid(), nn.GELU()

    def forward(self, x):
        return self.gate(x) * self.act(x)
`;

describe('tuple assignments of attributes written with brackets', () => {
  for (const assignment of [
    '(self.gate, self.act) = nn.Sigmoid(), nn.GELU()',
    '[self.gate, self.act] = nn.Sigmoid(), nn.GELU()',
    '(self.gate, self.act) = (nn.Sigmoid(), nn.GELU())',
    'self.gate, self.act = (nn.Sigmoid(), nn.GELU(),)',
    'self.gate, self.act = [nn.Sigmoid(), nn.GELU()]',
    'self.gate, self.act = [nn.Sigmoid(), nn.GELU(),]',
  ]) {
    it(`gives self.act the GELU in \`${assignment}\``, () => {
      assert.equal(actId(assignment), 'gelu');
    });
  }

  it('gives each target of a parenthesized list its own item', () => {
    assert.equal(actId('(self.act, self.gate) = nn.Sigmoid(), nn.GELU()'), 'sigmoid');
  });

  it('reads no item of a bracketed value that is not the whole value (a reversed pair)', () => {
    assert.equal(actId('self.gate, self.act = (nn.Sigmoid(), nn.GELU())[::-1]'), undefined);
  });

  for (const head of ['import torch', '__version__, = ("0.4.1",)']) {
    it(`gives the first target its item in a file starting \`${head}\``, () => {
      const src = bare(head);
      assert.equal(recognizeAt(src, nthOffset(src, 'gate(x)'), 'python')?.id, 'sigmoid');
      assert.equal(recognizeAt(src, nthOffset(src, 'act(x)'), 'python')?.id, 'gelu');
    });
  }

  it('reads a compared tuple of attributes as no assignment', () => {
    const guard =
      'self.gate, self.act = nn.Sigmoid(), nn.GELU()\n        ' +
      '(self.gate, self.act) == (None, None) and warnings.warn("block built without layers")';
    assert.equal(actId(guard), 'gelu');
  });

  it('reads no item of a parenthesized value a call follows', () => {
    assert.equal(actId('self.gate, self.act = (nn.Sigmoid(), nn.GELU()).__iter__()'), undefined);
  });
});
