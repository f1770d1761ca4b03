/**
 * `importedModules(text, languageId)`: the modules of the user's own code a file imports, which the host
 * reads ahead of a hover so that `recognizeAt` can follow an imported activation into its file. What counts
 * as the user's own is each language's rule for a local module: in Python any package but the frameworks
 * and the standard modules the core knows (relative imports included), in JavaScript and TypeScript a
 * relative specifier (`./`, `../`; a bare one is an npm package), in Rust a path under `crate::`. A name
 * imported from a package (`from . import schedules`) is looked up in that package, `.`. Julia and
 * C++ code is not followed into other files. The oracle for "what the host must read" is the recognizer
 * itself asking: every specifier `readImport` is asked for while hovering the file's uses must have been
 * listed ahead.
 */
import assert from 'node:assert/strict';
import './freshModels';
import { importedModules, recognizeAt } from '../../src/core';
import { nthOffset } from './recognizeHelpers';

const TRAIN_PY = `"""Training entry point: builds the model from the project's own blocks."""
import os
import sys
import torch
import torch.nn.functional as F
import numpy as np
from einops import rearrange
from transformers.activations import ACT2FN
from .activations import GELUTanh, QuickGELU
from . import schedules
from ..common.layers import Swish as SwishLayer
from mymodels.blocks import ResBlock
from utils.acts import *


def head(x):
    return QuickGELU()(x) + SwishLayer()(x) + F.relu(x) + ResBlock(x) + mish(x)
`;

const MODEL_TS = `import * as tf from '@tensorflow/tfjs';
import { Layer } from '@tensorflow/tfjs-layers';
import { swish, mish as softMish } from './activations';
import { hardSwish } from '../ops/hard';

export function block(x: tf.Tensor): tf.Tensor {
  return swish(x).add(softMish(x)).add(hardSwish(x));
}
`;

const MODEL_RS = `use burn::nn::{Gelu, Relu};
use candle_nn::ops;
use crate::activations::{swish, HardSwish};
use crate::model::blocks::*;

pub fn head(xs: &Tensor) -> Result<Tensor> {
    swish(xs)
}
`;

/** Every specifier `readImport` is asked for while each of `uses` is hovered in `text`. */
function askedFor(text: string, lang: string, uses: readonly string[]): Set<string> {
  const asked = new Set<string>();
  const readImport = (specifier: string): string | undefined => {
    asked.add(specifier);
    return undefined;
  };
  for (const use of uses) {
    recognizeAt(text, nthOffset(text, use) + 1, lang, { readImport });
  }
  return asked;
}

describe('importedModules: the modules of the user’s own code a file imports', () => {
  it('Python: relative imports, project packages and star imports; never a framework or the standard library', () => {
    assert.deepEqual(
      new Set(importedModules(TRAIN_PY, 'python')),
      new Set(['.activations', '.', '..common.layers', 'mymodels.blocks', 'utils.acts']),
    );
  });

  it('TypeScript and JavaScript: relative specifiers only, not npm packages', () => {
    for (const lang of ['typescript', 'javascript', 'typescriptreact']) {
      assert.deepEqual(
        new Set(importedModules(MODEL_TS, lang)),
        new Set(['./activations', '../ops/hard']),
        lang,
      );
    }
  });

  it('Rust: paths under crate::, written with ::', () => {
    assert.deepEqual(
      new Set(importedModules(MODEL_RS, 'rust')),
      new Set(['crate::activations', 'crate::model::blocks']),
    );
  });

  it('lists every module the recognizer asks the host for while hovering the file', () => {
    for (const [text, lang, uses] of [
      [TRAIN_PY, 'python', ['QuickGELU()', 'SwishLayer()', 'ResBlock(x)', 'mish(x)']],
      [MODEL_TS, 'typescript', ['swish(x)', 'softMish(x)', 'hardSwish(x)']],
      [MODEL_RS, 'rust', ['swish(xs)']],
    ] as const) {
      const listed = new Set(importedModules(text, lang));
      const asked = askedFor(text, lang, uses);
      assert.ok(asked.size > 0, `${lang}: the hovers ask for some module`);
      for (const specifier of asked) {
        assert.ok(
          listed.has(specifier),
          `${lang}: "${specifier}" is asked for but was not listed ahead`,
        );
      }
    }
  });

  it('nothing for Julia and C++, which are not followed into other files, nor for bad input', () => {
    assert.deepEqual(importedModules('using Flux\nusing .Acts: swish\n', 'julia'), []);
    assert.deepEqual(importedModules('#include "acts.h"\nauto y = act(x);\n', 'cpp'), []);
    assert.deepEqual(importedModules('from .acts import swish\n', 'cobol'), []);
    assert.deepEqual(importedModules(42 as unknown as string, 'python'), []);
  });

  it('a file importing from many modules lists at most 32 of them, in the order written', () => {
    const many = Array.from({ length: 40 }, (_, i) => `from pkg${i}.mod import f${i}`).join('\n');
    const listed = importedModules(many, 'python');
    assert.equal(listed.length, 32);
    assert.deepEqual(listed.slice(0, 2), ['pkg0.mod', 'pkg1.mod']);
  });
});
