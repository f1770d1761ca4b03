/**
 * Helpers for the pitfall tests: files written the way real repositories are (imports, docstrings, a class
 * or function around the line under test), and the checks every positive case makes — one finding of the
 * rule on exactly the expected text, the fix giving exactly the expected code, and the fixed file re-parsed:
 * no pitfall left there, and the recognizer reading the new call with the expected axis.
 */
import assert from 'node:assert/strict';
import './freshModels';
import { findPitfalls, recognizeAt, type Pitfall, type PitfallRule } from '../../src/core';

/** A PyTorch module whose forward pass holds `body` (lines at the method's indentation). */
export function torchModule(body: string, imports = ''): string {
  return `"""Classifier head used by the ablation scripts."""
import torch
import torch.nn as nn
import torch.nn.functional as F
${imports}

class Head(nn.Module):
    """Projects features to class scores."""

    def __init__(self, d_model: int, n_classes: int) -> None:
        super().__init__()
        self.proj = nn.Linear(d_model, n_classes)

    def forward(self, x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
        logits = self.proj(x)
${indent(body, 8)}
        return out
`;
}

/** A module of functions with the given imports and one function holding `body`. */
export function functionFile(imports: string, body: string, params = 'x, y=None'): string {
  return `"""Numerics helpers shared by the training and evaluation scripts."""
${imports}

__all__ = ["step"]


def step(${params}):
    """One step of the computation; see the design notes."""
${indent(body, 4)}
    return out
`;
}

export function indent(body: string, n: number): string {
  const pad = ' '.repeat(n);
  return body
    .split('\n')
    .map((l) => (l.length > 0 ? pad + l : l))
    .join('\n');
}

export interface Expected {
  readonly rule: PitfallRule;
  /** The flagged expression as written. */
  readonly flagged: string;
  /** The code the (first) fix puts in its place; undefined: the finding offers no fix. */
  readonly fixed?: string;
  /** After the fix, the recognizer reads this name (first occurrence in `fixed`) as `id` with `dim`. */
  readonly reads?: { readonly name: string; readonly id: string; readonly dim?: number };
}

/** The one finding of `rule` in `text`; fails on none or several. */
export function onlyFinding(lang: string, text: string, rule: PitfallRule): Pitfall {
  const found = findPitfalls(text, lang).filter((p) => p.rule === rule);
  assert.equal(
    found.length,
    1,
    `expected one ${rule}, got ${JSON.stringify(found.map((p) => text.slice(p.start, p.end)))}`,
  );
  return found[0];
}

/** Checks a positive case end to end and returns the fixed text (or the original when there is no fix). */
export function expectPitfall(lang: string, text: string, e: Expected): string {
  const p = onlyFinding(lang, text, e.rule);
  assert.equal(text.slice(p.start, p.end), e.flagged);
  assert.equal(p.severity, e.rule === 'handwritten-overflow' ? 'information' : 'warning');
  assert.ok(!p.message.includes(e.flagged), 'the message quotes no file text');
  if (e.fixed === undefined) {
    assert.equal(p.fix, undefined, 'no fix expected');
    return text;
  }
  assert.ok(p.fix, 'a fix expected');
  const fixed = e.fixed;
  const fixedText = text.slice(0, p.fix.start) + p.fix.replacement + text.slice(p.fix.end);
  // Exactly the flagged text replaced by the expected code, nothing else in the file touched.
  assert.equal(fixedText, text.slice(0, p.start) + fixed + text.slice(p.end));
  const left = findPitfalls(fixedText, lang).filter(
    (q) => q.rule === e.rule && q.start < p.start + fixed.length && q.end > p.start,
  );
  assert.deepEqual(
    left.map((q) => fixedText.slice(q.start, q.end)),
    [],
    'no pitfall after the fix',
  );
  if (e.reads) {
    const offset = p.start + fixed.indexOf(e.reads.name);
    assert.ok(fixed.includes(e.reads.name), `${e.reads.name} in the fixed code`);
    const call = recognizeAt(fixedText, offset, lang);
    assert.equal(call?.id, e.reads.id, 'the recognizer reads the fixed call');
    assert.equal(call?.params.dim, e.reads.dim, 'with the same axis');
  }
  return fixedText;
}

/** No finding at all (of `rule`, when given) in `text`. */
export function expectClean(lang: string, text: string, rule?: PitfallRule): void {
  const found = findPitfalls(text, lang).filter((p) => rule === undefined || p.rule === rule);
  assert.deepEqual(
    found.map((p) => `${p.rule}: ${text.slice(p.start, p.end)}`),
    [],
    'no pitfall expected',
  );
}
