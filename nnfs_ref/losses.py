"""Losses as objects, as the book writes them: `calculate(output, y)` is the mean loss.

`Loss.calculate` averages the per-sample losses that a subclass's `forward` returns,
as the book's `Loss` class does, so later losses only need a `forward` (and, from
chapter 9, a `backward`).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from nnfs_ref._arrays import Floats
from nnfs_ref._vectorized_nn import sample_losses

__all__ = ["CategoricalCrossentropy", "Loss"]


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

    def forward(self, y_pred: npt.ArrayLike, y_true: npt.ArrayLike) -> Floats:
        """The loss of each sample (row) of `y_pred` for the targets `y_true`."""
        return sample_losses("CategoricalCrossentropy", y_pred, y_true, batch_only=True)
