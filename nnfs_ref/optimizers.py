"""The book's optimizers (chapter 10): SGD with decay and momentum, AdaGrad, RMSprop, Adam.

Each is used in the book's rhythm, once per training step, after `backward`:

    optimizer.pre_update_params()      # the learning rate for this step (decay)
    optimizer.update_params(dense1)    # each layer with weights, from its dweights, dbiases
    optimizer.update_params(dense2)
    optimizer.post_update_params()     # one step more

Decay: `current_learning_rate = learning_rate / (1 + decay * iterations)`. The
hyper-parameters keep the book's names and defaults. What an optimizer remembers
between steps (momentums, caches) is stored on the layer, as in the book. Updates are
element-wise arithmetic in the layer's dtype, correctly rounded on every CPU; Adam's
`beta ** step` is computed by repeated multiplication, not by the C library's `pow`.
"""

from __future__ import annotations

import numpy as np

from nnfs_ref._arrays import Floats
from nnfs_ref._optimizer_base import Optimizer, power, rate

__all__ = ["SGD", "Adagrad", "Adam", "Optimizer", "RMSprop"]


class SGD(Optimizer):
    """Stochastic gradient descent: step against the gradient; with `momentum`, keep
    a fraction of the previous step (the book's `Optimizer_SGD`)."""

    def __init__(self, learning_rate: float = 1.0, decay: float = 0.0, momentum: float = 0.0):
        super().__init__(learning_rate, decay)
        self.momentum = rate("SGD", "momentum", momentum)

    def _step(self, layer: object, name: str, grad: Floats, lr: float) -> Floats:
        if not self.momentum:
            return -lr * grad
        memory = self._memory(layer, f"{name}_momentums", grad)
        update = self.momentum * memory - lr * grad
        setattr(layer, f"{name}_momentums", update)
        return update


class Adagrad(Optimizer):
    """AdaGrad: divide each step by the root of that parameter's summed squared gradients."""

    def __init__(self, learning_rate: float = 1.0, decay: float = 0.0, epsilon: float = 1e-7):
        super().__init__(learning_rate, decay, epsilon)

    def _step(self, layer: object, name: str, grad: Floats, lr: float) -> Floats:
        cache = self._memory(layer, f"{name}_cache", grad) + grad**2
        setattr(layer, f"{name}_cache", cache)
        return -lr * grad / (np.sqrt(cache) + self.epsilon)


class RMSprop(Optimizer):
    """RMSProp: like AdaGrad, with a moving average (weight `rho`) of the squared gradients."""

    def __init__(
        self,
        learning_rate: float = 0.001,
        decay: float = 0.0,
        epsilon: float = 1e-7,
        rho: float = 0.9,
    ):
        super().__init__(learning_rate, decay, epsilon)
        self.rho = rate("RMSprop", "rho", rho)

    def _step(self, layer: object, name: str, grad: Floats, lr: float) -> Floats:
        cache = self.rho * self._memory(layer, f"{name}_cache", grad) + (1 - self.rho) * grad**2
        setattr(layer, f"{name}_cache", cache)
        return -lr * grad / (np.sqrt(cache) + self.epsilon)


class Adam(Optimizer):
    """Adam: momentum (`beta_1`) and RMSProp's cache (`beta_2`), both bias-corrected."""

    def __init__(
        self,
        learning_rate: float = 0.001,
        decay: float = 0.0,
        epsilon: float = 1e-7,
        beta_1: float = 0.9,
        beta_2: float = 0.999,
    ):
        super().__init__(learning_rate, decay, epsilon)
        self.beta_1 = rate("Adam", "beta_1", beta_1)
        self.beta_2 = rate("Adam", "beta_2", beta_2)
        self._corrections_at: tuple[float, float, int] | None = None  # (b1, b2, step)
        self._corrections_value = (0.0, 0.0)

    def _step(self, layer: object, name: str, grad: Floats, lr: float) -> Floats:
        b1, b2 = self.beta_1, self.beta_2
        momentum = b1 * self._memory(layer, f"{name}_momentums", grad) + (1 - b1) * grad
        cache = b2 * self._memory(layer, f"{name}_cache", grad) + (1 - b2) * grad**2
        setattr(layer, f"{name}_momentums", momentum)
        setattr(layer, f"{name}_cache", cache)
        correction_1, correction_2 = self._corrections(b1, b2, self.iterations + 1)
        corrected_momentum = momentum / correction_1
        corrected_cache = cache / correction_2
        return -lr * corrected_momentum / (np.sqrt(corrected_cache) + self.epsilon)

    def _corrections(self, b1: float, b2: float, step: int) -> tuple[float, float]:
        """`1 - b1 ** step` and `1 - b2 ** step`, computed once a step for every layer."""
        if self._corrections_at != (b1, b2, step):
            self._corrections_at = (b1, b2, step)
            self._corrections_value = (1 - power(b1, step), 1 - power(b2, step))
        return self._corrections_value
