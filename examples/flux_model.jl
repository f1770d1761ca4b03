# Flux / NNlib: activations are plain functions passed to layers.
using Flux

model = Chain(
    Dense(10 => 5, relu),
    Dense(5 => 5, σ),
    Dense(5 => 3, gelu),
    softmax,
)

y = leakyrelu(-1.5f0, 0.2f0)
p = softmax(randn(Float32, 3, 4); dims=1)
