"""A dense layer as an object, in the book's layout: weights of shape (inputs, neurons).

From chapter 3 on the book stores one column of weights per neuron, so a batch of
shape (samples, inputs) times the weights gives (samples, neurons) with no transpose.
Part 1's `layer` (in `pure` and `vectorized`) keeps the other layout, (neurons, inputs).
"""

from __future__ import annotations

import numpy as np

from nnfs_ref import _backward, _checks_nn, _fixed
from nnfs_ref._arrays import Floats, floats
from nnfs_ref.random import Stream, _as_stream, normal32

__all__ = ["Dense"]


class Dense:
    """A layer of `n_neurons` neurons, each connected to all `n_inputs` inputs.

    `weights` has shape `(n_inputs, n_neurons)`: `0.01 * noise` drawn from `rng` and
    rounded to float32, as after `nnfs.init()`. `biases` starts at zero, shape
    `(1, n_neurons)`. `forward(inputs)` stores `inputs` and
    `output = inputs @ weights + biases`: the product is computed in float64 and
    rounded to the layer's dtype (float32, or float64 if you set float64 weights or
    biases), as `nnfs.init()`'s `np.dot` does, and it is the same on every CPU.
    `backward(dvalues)` (chapter 9) takes the gradient of the loss with respect to
    `output` and sets `dweights = inputs.T @ dvalues`, `dbiases` (the column sums of
    `dvalues`) and `dinputs = dvalues @ weights.T`, summed in the same fixed order.

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
    dweights: Floats
    dbiases: Floats
    dinputs: Floats

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
        self.inputs = x
        output = _fixed.matmul(x, w, np.result_type(w, b))
        output += b.reshape(1, -1)  # in the output's dtype, which b's fits
        self.output = output

    def backward(self, dvalues: object) -> None:
        """Set `dweights`, `dbiases` and `dinputs` from `dvalues`, the gradient of the output.

        ```pycon
        >>> from nnfs_ref.layers import Dense
        >>> dense = Dense(2, 3, rng=0)
        >>> dense.forward([[1.0, 2.0], [0.5, -1.0]])
        >>> dense.backward([[1.0, 0.0, 0.0], [0.0, 0.0, 2.0]])
        >>> print(dense.dweights)
        [[ 1.  0.  1.]
         [ 2.  0. -2.]]
        >>> print(dense.dbiases)
        [[1. 0. 2.]]

        ```
        """
        func = "Dense.backward"
        x = _backward.stored(self, "inputs", func)
        d = _backward.gradient(dvalues, _backward.stored(self, "output", func), func)
        w = floats(self.weights, "weights", func)
        dtype = np.result_type(w, self.biases)
        self.dweights = _fixed.matmul(x.T, d, dtype)
        self.dbiases = _fixed.column_sums(d, dtype)
        self.dinputs = _fixed.matmul(d, w.T, np.result_type(x, d, w))
