"""Keras 3 model: activations named as strings, layers and functions."""
import keras
from keras import layers

model = keras.Sequential(
    [
        layers.Dense(64, activation="relu"),
        layers.Dense(64, activation="swish"),
        layers.LeakyReLU(negative_slope=0.1),
        layers.Dense(32),
        layers.Activation("gelu"),
        layers.Dense(10, activation="softmax"),
    ]
)

y = keras.activations.selu(keras.ops.ones((2, 2)))
h = keras.activations.hard_sigmoid(y)
