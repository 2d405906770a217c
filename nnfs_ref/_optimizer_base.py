"""What every optimizer shares: the hyper-parameter checks, decay, and the update rhythm."""

from __future__ import annotations

import math
import numbers

import numpy as np

from nnfs_ref import _backward
from nnfs_ref._arrays import Floats
from nnfs_ref._checks import show


def _number(owner: str, name: str, value: object) -> float:
    if not isinstance(value, numbers.Real) or isinstance(value, bool):
        raise TypeError(f"{owner}: {name} must be a number; got {show(value)}")
    if not math.isfinite(value):
        raise ValueError(f"{owner}: {name} must be finite; got {value!r}")
    return float(value)


def positive(owner: str, name: str, value: object) -> float:
    """A hyper-parameter that must be above 0, such as a learning rate."""
    number = _number(owner, name, value)
    if number <= 0:
        raise ValueError(f"{owner}: {name} must be greater than 0; got {number!r}")
    return number


def at_least_zero(owner: str, name: str, value: object) -> float:
    number = _number(owner, name, value)
    if number < 0:
        raise ValueError(f"{owner}: {name} must be 0 or more; got {number!r}")
    return number


def rate(owner: str, name: str, value: object) -> float:
    """A fraction kept from one step to the next: momentum, rho, beta_1, beta_2, in [0, 1)."""
    number = _number(owner, name, value)
    if not 0 <= number < 1:
        raise ValueError(f"{owner}: {name} must be at least 0 and less than 1; got {number!r}")
    return number


def power(base: float, exponent: int) -> float:
    """`base ** exponent` by repeated squaring: the same bits on every platform."""
    result, square = 1.0, base
    while exponent:
        if exponent & 1:
            result *= square
        square *= square
        exponent >>= 1
    return result


#: (parameter, its gradient, the prefix of what optimizers keep on the layer for it)
PARAMETERS = (("weights", "dweights", "weight"), ("biases", "dbiases", "bias"))


class Optimizer:
    """The book's rhythm: `pre_update_params()`, `update_params(layer)` for each layer,
    `post_update_params()`. Subclasses define `_step`, the update of one parameter."""

    def __init__(self, learning_rate: float, decay: float, epsilon: float | None = None) -> None:
        owner = type(self).__name__
        self.learning_rate = positive(owner, "learning_rate", learning_rate)
        self.current_learning_rate = self.learning_rate
        self.decay = at_least_zero(owner, "decay", decay)
        self.iterations = 0
        if epsilon is not None:
            self.epsilon = positive(owner, "epsilon", epsilon)

    def pre_update_params(self) -> None:
        """Set `current_learning_rate = learning_rate / (1 + decay * iterations)`."""
        if self.decay:
            self.current_learning_rate = self.learning_rate * (
                1.0 / (1.0 + self.decay * self.iterations)
            )

    def update_params(self, layer: object) -> None:
        """Step `layer.weights` and `layer.biases` using its `dweights` and `dbiases`."""
        func = f"{type(self).__name__}.update_params"
        if getattr(layer, "weights", None) is None or getattr(layer, "biases", None) is None:
            raise TypeError(
                f"{func}: takes a layer with weights and biases, such as Dense; got {show(layer)}"
            )
        pairs = []
        for param_name, grad_name, memory_prefix in PARAMETERS:  # check both before a change
            param = _backward.stored(layer, param_name, func)
            grad = _backward.stored(layer, grad_name, func)
            if grad.shape != param.shape:
                raise ValueError(
                    f"{func}: {grad_name} has shape {grad.shape} but {param_name} has shape "
                    f"{param.shape}; call backward again after changing the layer"
                )
            _backward.finite(grad, grad_name, func)
            pairs.append((param, grad, memory_prefix))
        for param, grad, memory_prefix in pairs:
            param += self._step(layer, memory_prefix, grad, self.current_learning_rate)

    def post_update_params(self) -> None:
        """Count the step: decay and Adam's bias correction depend on `iterations`."""
        self.iterations += 1

    def _memory(self, layer: object, attribute: str, grad: Floats) -> Floats:
        """What this optimizer kept on `layer` under `attribute`, or zeros the first time."""
        found = getattr(layer, attribute, None)
        if found is None:
            return np.zeros_like(grad)
        if found.shape != grad.shape:
            raise ValueError(
                f"{type(self).__name__}.update_params: the layer's {attribute} has shape "
                f"{found.shape} but its gradient has shape {grad.shape}; a layer whose shape "
                "changed needs a new optimizer state (delete that attribute)"
            )
        out: Floats = found
        return out

    def _step(self, layer: object, name: str, grad: Floats, lr: float) -> Floats:
        raise NotImplementedError
