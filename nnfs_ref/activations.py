"""Activation functions as objects, as the book writes them: `forward(inputs)` sets `output`.

They compute what `nnfs_ref.vectorized.relu` and `softmax` compute (the same code):
a float32 batch stays float32, and softmax's exponential is computed in float64 and
rounded back, which gives the book's digits on every CPU.
"""

from __future__ import annotations

from nnfs_ref import _checks_nn
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

    def forward(self, inputs: object) -> None:
        """Store `inputs` and set `output` to `max(0, inputs)`."""
        x = floats(inputs, "inputs", "ReLU.forward")
        _checks_nn.check_activation("ReLU.forward", x.shape, "inputs", least=2)
        self.inputs = x
        self.output = relu_of(x)


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

    def forward(self, inputs: object) -> None:
        """Store `inputs` and set `output` to the softmax of each row."""
        x = floats(inputs, "inputs", "Softmax.forward")
        _checks_nn.check_activation("Softmax.forward", x.shape, "inputs", least=2)
        self.inputs = x
        self.output = softmax_of(x)
