"""A dense layer as an object, in the book's layout: weights of shape (inputs, neurons).

From chapter 3 on the book stores one column of weights per neuron, so a batch of
shape (samples, inputs) times the weights gives (samples, neurons) with no transpose.
Part 1's `layer` (in `pure` and `vectorized`) keeps the other layout, (neurons, inputs).
"""

from __future__ import annotations

import numpy as np

from nnfs_ref import _checks_nn
from nnfs_ref._arrays import Floats, floats
from nnfs_ref.random import Stream, _as_stream, normal32

__all__ = ["Dense"]


def _product(inputs: Floats, weights: Floats) -> np.ndarray[tuple[int, int], np.dtype[np.float64]]:
    """`inputs @ weights` in float64, summed in a fixed order, the same on every CPU.

    `nnfs.init()` computes `np.dot` in float64 and rounds to float32. BLAS libraries pick
    their summation order by CPU; here each output sums its products from the first
    input to the last, with plain element-wise NumPy arithmetic (correctly rounded
    everywhere). Products of float32 numbers are exact in float64.
    """
    x, w = inputs.astype(np.float64), weights.astype(np.float64)
    out = x[:, :1] * w[:1]
    for k in range(1, w.shape[0]):
        out += x[:, k : k + 1] * w[k : k + 1]
    return out


class Dense:
    """A layer of `n_neurons` neurons, each connected to all `n_inputs` inputs.

    `weights` has shape `(n_inputs, n_neurons)`: `0.01 * noise` drawn from `rng` and
    rounded to float32, as after `nnfs.init()`. `biases` starts at zero, shape
    `(1, n_neurons)`. `forward(inputs)` stores `inputs` and
    `output = inputs @ weights + biases`: the product is computed in float64 and
    rounded to the layer's dtype (float32, or float64 if you set float64 weights or
    biases), as `nnfs.init()`'s `np.dot` does, and it is the same on every CPU.

    ```pycon
    >>> from nnfs_ref.layers import Dense
    >>> dense = Dense(2, 3, rng=0)
    >>> print(dense.weights)
    [[ 0.01764052  0.00400157  0.00978738]
     [ 0.02240893  0.01867558 -0.00977278]]
    >>> dense.forward([[1.0, 2.0], [0.5, -1.0]])
    >>> print(dense.output)
    [[ 0.06245838  0.04135273 -0.00975818]
     [-0.01358867 -0.01667479  0.01466647]]

    ```
    """

    weights: Floats
    biases: Floats
    inputs: Floats
    output: Floats

    def __init__(self, n_inputs: int, n_neurons: int, *, rng: Stream) -> None:
        n_inputs = _checks_nn.count("Dense", "n_inputs", n_inputs)
        n_neurons = _checks_nn.count("Dense", "n_neurons", n_neurons)
        stream = _as_stream(rng, "Dense")
        self.weights = np.float32(0.01) * normal32(stream, n_inputs, n_neurons)
        self.biases = np.zeros((1, n_neurons), dtype=np.float32)

    def forward(self, inputs: object) -> None:
        """Compute `output = inputs @ weights + biases` for a batch, one row per sample."""
        func = "Dense.forward"
        x = floats(inputs, "inputs", func)
        w = floats(self.weights, "weights", func)
        b = floats(self.biases, "biases", func)
        _checks_nn.check_dense(x.shape, w.shape, b.shape)
        dtype = np.result_type(w, b)
        self.inputs = x
        self.output = _product(x, w).astype(dtype) + b.reshape(1, -1).astype(dtype)
