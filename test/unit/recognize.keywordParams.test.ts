/**
 * Numbers given by keyword are read as the numbers they are, for every parameter of the call: PyTorch's
 * `negative_slope=`, `alpha=`, `beta=`/`threshold=`, Keras' `negative_slope=`, JAX's `alpha=`. Only GELU's
 * `approximate` turns a boolean into a form (`jax.nn.gelu(x, approximate=False)` is the erf form), and a
 * boolean elsewhere is no number.
 *
 * Expected values are the literals written in the code and the frameworks' documented defaults: PyTorch
 * `nn.Softplus(beta=1.0, threshold=20.0)`, `nn.ELU(alpha=1.0)`; JAX `gelu(x, approximate=True)` (the tanh
 * form unless told otherwise), `elu(x, alpha=1.0)`; Keras 3 `LeakyReLU(negative_slope=0.3)`.
 */
import { expectCall } from './recognizeHelpers';

const PY = 'python';

describe('numbers given by keyword', () => {
  it('PyTorch layers and functions take each keyword number as written', () => {
    const src = `"""Discriminator blocks for a small GAN (DCGAN-style, leaky activations)."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class Discriminator(nn.Module):
    def __init__(self, channels: int = 64) -> None:
        super().__init__()
        self.conv = nn.Conv2d(3, channels, kernel_size=4, stride=2, padding=1)
        self.smooth = nn.Softplus(beta=2.0, threshold=15.0)
        self.elu = nn.ELU(alpha=0.5, inplace=False)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = F.leaky_relu(self.conv(x), negative_slope=0.2, inplace=True)
        return self.smooth(self.elu(h))
`;
    expectCall(PY, src, 'Softplus', {
      id: 'softplus',
      framework: 'pytorch',
      params: { beta: 2, threshold: 15 },
    });
    expectCall(PY, src, 'ELU', { id: 'elu', framework: 'pytorch', params: { alpha: 0.5 } });
    expectCall(PY, src, 'leaky_relu', {
      id: 'leaky_relu',
      framework: 'pytorch',
      params: { negative_slope: 0.2 },
    });
  });

  it('JAX: a boolean `approximate` picks GELU’s form; `alpha` stays a number', () => {
    const src = `"""Activations of the Flax encoder, spelled out for the config dump."""
import jax
import jax.numpy as jnp


def encoder_act(x: jnp.ndarray) -> jnp.ndarray:
    return jax.nn.gelu(x, approximate=False)


def decoder_act(x: jnp.ndarray) -> jnp.ndarray:
    return jax.nn.elu(x, alpha=0.25)
`;
    expectCall(PY, src, 'gelu', { id: 'gelu', framework: 'jax', params: { approximate: 'none' } });
    expectCall(PY, src, 'elu', { id: 'elu', framework: 'jax', params: { alpha: 0.25 } });
  });
});
