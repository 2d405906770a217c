"""Activation functions as objects, as the book writes them: `forward(inputs)` sets `output`.

They compute what `nnfs_ref.vectorized.relu` and `softmax` compute (the same code):
a float32 batch stays float32, and softmax's exponential is computed in float64 and
rounded back, which gives the book's digits on every CPU. From chapter 9 each also has
`backward(dvalues)`, which sets `dinputs`, the gradient with respect to its inputs.
"""

from __future__ import annotations

import numpy as np

from nnfs_ref import _backward, _checks_nn, _fixed
from nnfs_ref._arrays import Floats, floats
from nnfs_ref._vectorized_nn import relu_of, softmax_of

__all__ = ["ReLU", "Softmax"]


class ReLU:
    """The rectified linear unit: `output = max(0, inputs)`, value by value.

    ```pycon
    >>> from nnfs_ref.activations import ReLU
    >>> relu = ReLU()
    >>> relu.forward([[0, 2, -1, 3.3], [-2.7, 1.1, 2.2, -100]])
    >>> print(relu.output)
    [[0.  2.  0.  3.3]
     [0.  1.1 2.2 0. ]]

    ```
    """

    inputs: Floats
    output: Floats
    dinputs: Floats

    def forward(self, inputs: object) -> None:
        """Store `inputs` and set `output` to `max(0, inputs)`."""
        x = floats(inputs, "inputs", "ReLU.forward")
        _checks_nn.check_activation("ReLU.forward", x.shape, "inputs", least=2)
        self.inputs = x
        self.output = relu_of(x)

    def backward(self, dvalues: object) -> None:
        """`dinputs` is `dvalues` where the input was above 0, and 0 elsewhere.

        At exactly 0, where ReLU has no derivative, the gradient is 0, as in the book.

        ```pycon
        >>> from nnfs_ref.activations import ReLU
        >>> relu = ReLU()
        >>> relu.forward([[1.0, -2.0, 0.0, 3.0]])
        >>> relu.backward([[5.0, 6.0, 7.0, 8.0]])
        >>> print(relu.dinputs)
        [[5. 0. 0. 8.]]

        ```
        """
        func = "ReLU.backward"
        x = _backward.stored(self, "inputs", func)
        d = _backward.gradient(dvalues, x, func, "inputs")
        self.dinputs = np.where(x <= 0, d.dtype.type(0), d)


class Softmax:
    """Softmax of each row: exponentiate (after subtracting the row's maximum), then normalise.

    Each output row is positive and sums to 1, so it reads as one probability per class.

    ```pycon
    >>> from nnfs_ref.activations import Softmax
    >>> softmax = Softmax()
    >>> softmax.forward([[4.8, 1.21, 2.385], [8.9, -1.81, 0.2], [1.41, 1.051, 0.026]])
    >>> print(softmax.output)
    [[8.95282664e-01 2.47083068e-02 8.00090293e-02]
     [9.99811129e-01 2.23163963e-05 1.66554348e-04]
     [5.13097164e-01 3.58333899e-01 1.28568936e-01]]

    ```
    """

    inputs: Floats
    output: Floats
    dinputs: Floats

    def forward(self, inputs: object) -> None:
        """Store `inputs` and set `output` to the softmax of each row."""
        x = floats(inputs, "inputs", "Softmax.forward")
        _checks_nn.check_activation("Softmax.forward", x.shape, "inputs", least=2)
        self.inputs = x
        self.output = softmax_of(x)

    def backward(self, dvalues: object) -> None:
        """`dinputs`: each row's Jacobian times its gradient, `s * (d - s · d)`.

        The Jacobian of softmax is `diag(s) - s sᵀ` for an output row `s`; times the
        row's gradient `d` it is `s * d - s (s · d)`, computed here in float64 (the dot
        product summed in order) and rounded to the output's dtype.

        ```pycon
        >>> from nnfs_ref.activations import Softmax
        >>> softmax = Softmax()
        >>> softmax.forward([[1.0, 2.0, 3.0]])
        >>> softmax.backward([[0.0, 0.0, 1.0]])
        >>> print(softmax.dinputs)
        [[-0.05989202 -0.1628034   0.22269543]]

        ```
        """
        func = "Softmax.backward"
        s = _backward.stored(self, "output", func)
        d = _backward.gradient(dvalues, s, func)
        s64, d64 = s.astype(np.float64), d.astype(np.float64)
        dot = _fixed.sum_first_axis(np.moveaxis(s64 * d64, -1, 0))
        self.dinputs = (s64 * (d64 - dot[..., None])).astype(np.result_type(s, d))
