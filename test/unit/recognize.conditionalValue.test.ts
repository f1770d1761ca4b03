/**
 * A Python name assigned a conditional expression (`act = nn.GELU() if exact else nn.Identity()`) holds one
 * of two values, so where it is used it is no one activation; the same name assigned the layer alone is
 * that layer.
 *
 * Expected values come from Python's language reference (a conditional expression evaluates to one of its
 * two operands, chosen at run time) and PyTorch's documentation (`nn.GELU()` defaults to
 * `approximate='none'`; `nn.Identity` is no activation).
 */
import './freshModels';
import { expectCall, expectNothing } from './recognizeHelpers';

const PYTHON = `"""MLP heads for the ablation: the activation is switched off for the linear probe."""
import torch.nn as nn
import torch.nn.functional as F
from transformers.activations import ACT2FN


def probe_head(dim: int, exact: bool) -> nn.Module:
    act = nn.GELU() if exact else nn.Identity()
    return nn.Sequential(nn.Linear(dim, dim), act, nn.Linear(dim, 1))


def gated_head(dim: int, gated: bool) -> nn.Module:
    gate = ACT2FN["gelu"] if gated else None
    layers = [nn.Linear(dim, dim)]
    if gate is not None:
        layers.append(gate)
    return nn.Sequential(*layers)


def gate(h, exact: bool):
    act = F.gelu if exact else F.relu
    return act(h)


def plain_head(dim: int, deep: bool) -> nn.Module:
    act = nn.GELU()
    if deep:
        return nn.Sequential(nn.Linear(dim, dim), act, nn.Linear(dim, dim), act, nn.Linear(dim, 1))
    return nn.Sequential(nn.Linear(dim, dim), act, nn.Linear(dim, 1))
`;

describe('a Python name assigned a conditional expression', () => {
  it('is no one activation where it is used (a layer or an identity)', () => {
    expectNothing('python', PYTHON, 'act', 1);
  });

  it('is no one activation when the first choice is made by name (ACT2FN["gelu"] or None)', () => {
    expectNothing('python', PYTHON, 'gate', 2);
  });

  it('is no one activation when the choices are functions named by their paths (F.gelu or F.relu)', () => {
    expectNothing('python', PYTHON, 'act', 3);
  });

  it('is the layer where the name is assigned the layer alone, an `if` statement after it (the control)', () => {
    expectCall(
      'python',
      PYTHON,
      'act',
      { id: 'gelu', framework: 'pytorch', params: { approximate: 'none' } },
      5,
    );
  });
});
