"""Losses as objects, as the book writes them: `calculate(output, y)` is the mean loss.

`Loss.calculate` averages the per-sample losses that a subclass's `forward` returns,
as the book's `Loss` class does, so later losses only need a `forward` (and, from
chapter 9, a `backward(dvalues, y_true)` that sets `dinputs`).
`SoftmaxCategoricalCrossentropy` is softmax and this loss in one object, with the
short gradient the two have together (the book's
`Activation_Softmax_Loss_CategoricalCrossentropy`).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from nnfs_ref import _backward
from nnfs_ref._arrays import Floats, floats
from nnfs_ref._vectorized_nn import labels_of, sample_losses
from nnfs_ref.activations import Softmax

__all__ = ["CategoricalCrossentropy", "Loss", "SoftmaxCategoricalCrossentropy"]


class Loss:
    """The common part of every loss: `calculate` is the mean of `forward`'s per-sample losses.

    ```pycon
    >>> import numpy as np
    >>> from nnfs_ref.losses import Loss
    >>> class Squared(Loss):
    ...     def forward(self, y_pred, y_true):
    ...         return (y_pred - y_true) ** 2
    >>> print(Squared().calculate(np.array([1.0, 2.0]), np.array([1.0, 4.0])))
    2.0

    ```
    """

    def forward(self, y_pred: npt.ArrayLike, y_true: npt.ArrayLike) -> Floats:
        """One loss per sample; each kind of loss defines its own."""
        raise NotImplementedError(f"{type(self).__name__} must define forward(y_pred, y_true)")

    def calculate(self, output: npt.ArrayLike, y: npt.ArrayLike) -> np.floating:
        """The mean of `forward(output, y)`, a NumPy number of the predictions' dtype."""
        losses = self.forward(output, y)
        mean: np.floating = np.mean(losses)
        return mean


class CategoricalCrossentropy(Loss):
    """Categorical cross-entropy: `-log` of the probability predicted for the correct class.

    Predictions are a batch, one row of probabilities per sample; targets are class
    indices (sparse) or one-hot rows. Predictions are clipped to `[1e-7, 1 - 1e-7]`
    first, so a probability of 0 gives a large finite loss instead of infinity.
    A float32 batch gives float32 losses; the logarithm is computed in float64.

    ```pycon
    >>> from nnfs_ref.losses import CategoricalCrossentropy
    >>> predictions = [[0.7, 0.1, 0.2], [0.1, 0.5, 0.4], [0.02, 0.9, 0.08]]
    >>> loss = CategoricalCrossentropy()
    >>> print(loss.forward(predictions, [0, 1, 1]))
    [0.35667494 0.69314718 0.10536052]
    >>> print(loss.calculate(predictions, [0, 1, 1]))
    0.38506088005216804
    >>> print(loss.calculate(predictions, [[1, 0, 0], [0, 1, 0], [0, 1, 0]]))
    0.38506088005216804

    ```
    """

    dinputs: Floats

    def forward(self, y_pred: npt.ArrayLike, y_true: npt.ArrayLike) -> Floats:
        """The loss of each sample (row) of `y_pred` for the targets `y_true`."""
        return sample_losses("CategoricalCrossentropy", y_pred, y_true, batch_only=True)

    def backward(self, dvalues: object, y_true: object) -> None:
        """`dinputs`: `-1 / p / samples` at each sample's correct class, 0 elsewhere.

        `dvalues` are the predictions the loss was computed from. As in the book the
        gradient uses them unclipped, so a correct class predicted with probability 0
        has no finite gradient: that is refused with a ValueError naming the sample.

        ```pycon
        >>> from nnfs_ref.losses import CategoricalCrossentropy
        >>> loss = CategoricalCrossentropy()
        >>> loss.backward([[0.5, 0.25, 0.25], [0.1, 0.8, 0.1]], [0, 1])
        >>> print(loss.dinputs)
        [[-1.     0.     0.   ]
         [ 0.    -0.625  0.   ]]

        ```
        """
        func = "CategoricalCrossentropy.backward"
        p = floats(dvalues, "dvalues", func)
        labels = labels_of(func, p, y_true, batch_only=True)
        samples = np.arange(len(p))
        with np.errstate(divide="ignore"):
            picked = -1 / p[samples, labels]
        _backward.finite(picked[:, None], "the gradient -1/p of the correct classes", func)
        out = np.zeros_like(p)
        out[samples, labels] = picked
        self.dinputs = out / len(p)


class SoftmaxCategoricalCrossentropy:
    """Softmax followed by categorical cross-entropy, with their gradient in one step.

    `forward(inputs, y_true)` sets `output` (the softmax) and returns the mean loss.
    `backward(dvalues, y_true)` takes that softmax output and sets
    `dinputs = (dvalues - one_hot) / samples`: the same gradient as the two backward
    passes one after the other, with far less work.

    ```pycon
    >>> from nnfs_ref.losses import SoftmaxCategoricalCrossentropy
    >>> combined = SoftmaxCategoricalCrossentropy()
    >>> softmax_outputs = [[0.7, 0.1, 0.2], [0.1, 0.5, 0.4], [0.02, 0.9, 0.08]]
    >>> combined.backward(softmax_outputs, [0, 1, 1])
    >>> print(combined.dinputs)
    [[-0.1         0.03333333  0.06666667]
     [ 0.03333333 -0.16666667  0.13333333]
     [ 0.00666667 -0.03333333  0.02666667]]

    ```
    """

    output: Floats
    dinputs: Floats

    def __init__(self) -> None:
        self.activation = Softmax()
        self.loss = CategoricalCrossentropy()

    def forward(self, inputs: object, y_true: npt.ArrayLike) -> np.floating:
        """Softmax of `inputs` into `output`; returns the mean loss against `y_true`."""
        self.activation.forward(inputs)
        self.output = self.activation.output
        return self.loss.calculate(self.output, y_true)

    def backward(self, dvalues: object, y_true: object) -> None:
        """`dinputs = (dvalues - one_hot(y_true)) / samples`; `dvalues` is the softmax output."""
        func = "SoftmaxCategoricalCrossentropy.backward"
        p = floats(dvalues, "dvalues", func)
        labels = labels_of(func, p, y_true, batch_only=True)
        _backward.finite(p, "dvalues", func)
        out = p.copy()
        out[np.arange(len(p)), labels] -= 1
        self.dinputs = out / len(p)
