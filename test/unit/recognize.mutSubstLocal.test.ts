/**
 * Parameters and fields read with their literal values (substitution.ts), names the code gives a meaning
 * (local.ts) and calls through `self.<name>` (attributes.ts), in the places the earlier tests left open.
 *
 * Expected values come from Python's rules (a parameter assigned again in the body, `slope *= scale`, holds
 * the new value where it is read after that statement, so its default or the call's argument is no longer
 * known there; an assignment after the read changes nothing before it) and from the frameworks' documented
 * signatures: `F.leaky_relu(input, negative_slope=0.01)`, `F.hardtanh(input, min_val=-1.0, max_val=1.0)`,
 * `F.elu(input, alpha=1.0)`. "No hover" where the word names the code's own value.
 */
import assert from 'node:assert/strict';
import { recognizeAt } from '../../src/core';
import { expectCall, expectNothing, nthOffset } from './recognizeHelpers';

const PY = 'python';

/** What is recognized with the cursor just inside the nth `needle`. */
function at(text: string, needle: string, nth = 0, lang = PY) {
  return recognizeAt(text, nthOffset(text, needle, nth) + 1, lang);
}

describe('a parameter assigned again in the body is no longer its default', () => {
  const SRC = `"""Leaky activations for the critic; the slope can be scaled per layer."""
import torch
import torch.nn.functional as F


def scaled_leaky(x, slope=0.2, scale=None):
    """LeakyReLU whose slope the caller may scale (the default keeps 0.2)."""
    if scale is not None:
        slope *= scale
    return F.leaky_relu(x, slope)


def doubled_leaky(x, slope=0.1):
    slope = 2 * slope
    return F.leaky_relu(x, slope)


def logged_leaky(x, slope=0.3):
    y = F.leaky_relu(x, slope)
    slope = None  # released for the logger below
    return y


def critic(h):
    return scaled_leaky(h), doubled_leaky(h, 0.05), logged_leaky(h)
`;

  it('the return expression after the assignment has no known slope', () => {
    for (const nth of [0, 1]) {
      const got = at(SRC, 'F.leaky_relu(x, slope)', nth);
      // The library call may still be hovered by its own name, never as the whole expression with a value.
      assert.ok(
        got === undefined || got.params.negative_slope === undefined,
        `#${nth}: ${JSON.stringify(got)}`,
      );
    }
  });

  it('a call of such a function shows no slope it cannot know', () => {
    expectNothing(PY, SRC, 'scaled_leaky', 1);
    expectNothing(PY, SRC, 'doubled_leaky', 1);
  });

  it('an assignment after the read leaves the read its default', () => {
    expectCall(
      PY,
      SRC,
      'logged_leaky',
      { id: 'leaky_relu', framework: 'pytorch', params: { negative_slope: 0.3 } },
      1,
    );
  });
});
