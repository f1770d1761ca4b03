"""JAX and Flax: note jax.nn.gelu uses the tanh approximation by default."""
from functools import partial

import jax
import jax.numpy as jnp
from flax import linen as nn


class Block(nn.Module):
    features: int = 128

    @nn.compact
    def __call__(self, x):
        x = nn.Dense(self.features)(x)
        x = nn.gelu(x)
        x = nn.Dense(self.features)(x)
        return jax.nn.softmax(x, axis=-1)


exact_gelu = partial(nn.gelu, approximate=False)
print(jax.nn.relu(jnp.array([-1.0, 2.0])), jax.nn.leaky_relu(jnp.ones(3)), jax.nn.gelu(jnp.zeros(2)))
