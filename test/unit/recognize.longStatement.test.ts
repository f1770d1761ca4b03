/**
 * A hover deep inside one statement longer than the large window (1,500 tokens back): a model zoo's
 * registry written as one dict or object literal, the activation named in its last entry. The window then
 * starts inside the statement; what it holds is still read (a name or a string names its activation on its
 * own), as the small window's retry promises, rather than given up.
 *
 * Expected values come from the frameworks' documentation: `nn.GELU` is the exact GELU
 * (`approximate='none'` by default); TF.js' `activation: 'gelu'` is the layer's GELU activation.
 */
import assert from 'node:assert/strict';
import { hover } from './recognizeHelpers';

/** Entries before the hovered one: each writes at least 20 tokens, so 120 of them pass 1,500 by far. */
const ENTRIES = 120;

function pythonZoo(): string {
  const variants = Array.from(
    { length: ENTRIES },
    (_, i) =>
      `    "vit_${i}": dict(patch_size=16, embed_dim=${64 * ((i % 8) + 1)}, depth=${(i % 12) + 1}, ` +
      `num_heads=${(i % 6) + 1}, mlp_ratio=4.0),`,
  );
  return `"""Model zoo: every variant's constructor arguments, by name."""
import torch.nn as nn

from .vision_transformer import VisionTransformer

MODEL_CONFIGS = {
${variants.join('\n')}
    # The large variant keeps the reference implementation's activation.
    "vit_large_ref": dict(patch_size=16, embed_dim=1024, depth=24, num_heads=16, act_layer=nn.GELU),
}


def create_model(name: str) -> VisionTransformer:
    return VisionTransformer(**MODEL_CONFIGS[name])
`;
}

function tfjsZoo(): string {
  const variants = Array.from(
    { length: ENTRIES },
    (_, i) =>
      `  mlp${i}: { units: ${32 * ((i % 4) + 1)}, layers: ${(i % 5) + 1}, dropout: 0.1, useBias: true },`,
  );
  return `// Presets for the dense classifier, by name; the last one follows the paper.
import * as tf from '@tensorflow/tfjs';

export const PRESETS = {
${variants.join('\n')}
  paper: { units: 512, layers: 4, dropout: 0.1, useBias: true, activation: 'gelu' },
};

export function head(name) {
  const { units, activation } = PRESETS[name];
  return tf.layers.dense({ units, activation });
}
`;
}

describe('a hover past the large window, in one long statement', () => {
  it('reads nn.GELU in the last entry of a long Python config dict', () => {
    const found = hover('python', pythonZoo(), 'GELU');
    assert.equal(found?.id, 'gelu');
    assert.equal(found?.params.approximate, 'none');
    assert.equal(found?.framework, 'pytorch');
  });

  it("reads activation: 'gelu' in the last entry of a long TF.js presets object", () => {
    const found = hover('javascript', tfjsZoo(), 'gelu');
    assert.equal(found?.id, 'gelu');
    assert.equal(found?.framework, 'tfjs');
  });
});
