"""The optimizers against the update rules written out independently, step by step.

A small float64 layer stands in for a network: each step sets fresh gradients (drawn
by hypothesis), then runs the book's rhythm. The reference below is the rule as the
chapter states it, in float64 with Python's own `**`; nnfs_ref must agree to 1e-12.
A mutant (Adam without bias correction, momentum that forgets its sign) must not.
"""

from __future__ import annotations

import inspect
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from nnfs_ref import optimizers
from nnfs_ref._optimizer_base import power

SHAPE = (3, 2)
gradients = st.lists(arrays(np.float64, SHAPE, elements=st.floats(-10, 10)), min_size=1, max_size=6)


class Layer:
    """The attributes an optimizer reads: weights, biases and their gradients."""

    def __init__(self) -> None:
        self.weights = np.linspace(-1, 1, 6).reshape(SHAPE)
        self.biases = np.array([[0.5, -0.5]])
        self.dweights = np.zeros(SHAPE)
        self.dbiases = np.zeros((1, 2))


def reference(kind: str, settings_: dict[str, float], grads: list[np.ndarray]) -> np.ndarray:
    """The weights after each gradient in `grads`, by the chapter's formulas."""
    lr0, decay = settings_["learning_rate"], settings_.get("decay", 0.0)
    w = Layer().weights.copy()
    m, v = np.zeros(SHAPE), np.zeros(SHAPE)
    for t, g in enumerate(grads):
        lr = lr0 / (1 + decay * t)
        if kind == "SGD":
            m = settings_.get("momentum", 0.0) * m - lr * g
            w = w + m
        elif kind == "Adagrad":
            v = v + g**2
            w = w - lr * g / (np.sqrt(v) + 1e-7)
        elif kind == "RMSprop":
            rho = settings_.get("rho", 0.9)
            v = rho * v + (1 - rho) * g**2
            w = w - lr * g / (np.sqrt(v) + 1e-7)
        else:
            b1, b2 = 0.9, 0.999
            m = b1 * m + (1 - b1) * g
            v = b2 * v + (1 - b2) * g**2
            m_hat, v_hat = m / (1 - b1 ** (t + 1)), v / (1 - b2 ** (t + 1))
            w = w - lr * m_hat / (np.sqrt(v_hat) + 1e-7)
    out: np.ndarray = w
    return out


def run(optimizer: Any, grads: list[np.ndarray]) -> np.ndarray:
    layer = Layer()
    for g in grads:
        layer.dweights = g
        optimizer.pre_update_params()
        optimizer.update_params(layer)
        optimizer.post_update_params()
    return layer.weights


#: The book's six settings of chapter 10 (curriculum, Part 3).
BOOK_SETTINGS = [
    ("SGD", {"learning_rate": 1.0}),
    ("SGD", {"learning_rate": 1.0, "decay": 1e-3}),
    ("SGD", {"learning_rate": 1.0, "decay": 1e-3, "momentum": 0.9}),
    ("Adagrad", {"learning_rate": 1.0, "decay": 1e-4}),
    ("RMSprop", {"learning_rate": 0.02, "decay": 1e-5, "rho": 0.999}),
    ("Adam", {"learning_rate": 0.05, "decay": 5e-7}),
]


@pytest.mark.parametrize(("kind", "kwargs"), BOOK_SETTINGS)
@settings(max_examples=30, deadline=None)
@given(grads=gradients)
def test_each_rule_matches_the_formula(
    kind: str, kwargs: dict[str, float], grads: list[np.ndarray]
) -> None:
    got = run(getattr(optimizers, kind)(**kwargs), grads)
    assert np.allclose(got, reference(kind, kwargs, grads), rtol=1e-12, atol=1e-12)


class AdamWithoutCorrection(optimizers.Adam):
    """Adam whose bias correction is forgotten (its first steps are then far too small)."""

    def _step(self, layer: object, name: str, grad: Any, lr: float) -> Any:
        b1, b2 = self.beta_1, self.beta_2
        m = b1 * self._memory(layer, f"{name}_momentums", grad) + (1 - b1) * grad
        v = b2 * self._memory(layer, f"{name}_cache", grad) + (1 - b2) * grad**2
        setattr(layer, f"{name}_momentums", m)
        setattr(layer, f"{name}_cache", v)
        return -lr * m / (np.sqrt(v) + self.epsilon)


class MomentumAdded(optimizers.SGD):
    """SGD with momentum that adds the gradient step instead of subtracting it."""

    def _step(self, layer: object, name: str, grad: Any, lr: float) -> Any:
        update = self.momentum * self._memory(layer, f"{name}_momentums", grad) + lr * grad
        setattr(layer, f"{name}_momentums", update)
        return update


def test_the_comparison_catches_broken_rules() -> None:
    grads = [np.full(SHAPE, 0.5), np.full(SHAPE, -0.25)]
    adam = {"learning_rate": 0.05}
    assert np.allclose(run(optimizers.Adam(**adam), grads), reference("Adam", adam, grads))
    assert not np.allclose(
        run(AdamWithoutCorrection(**adam), grads), reference("Adam", adam, grads)
    )
    sgd = {"learning_rate": 1.0, "momentum": 0.9}
    assert not np.allclose(run(MomentumAdded(**sgd), grads), reference("SGD", sgd, grads))


def test_the_book_defaults() -> None:
    defaults = {
        name: {k: p.default for k, p in inspect.signature(cls).parameters.items()}
        for name, cls in [
            ("SGD", optimizers.SGD),
            ("Adagrad", optimizers.Adagrad),
            ("RMSprop", optimizers.RMSprop),
            ("Adam", optimizers.Adam),
        ]
    }
    assert defaults == {
        "SGD": {"learning_rate": 1.0, "decay": 0.0, "momentum": 0.0},
        "Adagrad": {"learning_rate": 1.0, "decay": 0.0, "epsilon": 1e-7},
        "RMSprop": {"learning_rate": 0.001, "decay": 0.0, "epsilon": 1e-7, "rho": 0.9},
        "Adam": {
            "learning_rate": 0.001,
            "decay": 0.0,
            "epsilon": 1e-7,
            "beta_1": 0.9,
            "beta_2": 0.999,
        },
    }


def test_decay_uses_the_steps_taken_so_far() -> None:
    """The first step uses the full rate; after 10,000 steps, lr0 / (1 + 10,000 decay)."""
    sgd = optimizers.SGD(decay=1e-3)
    sgd.pre_update_params()
    assert sgd.current_learning_rate == 1.0
    sgd.iterations = 10_000
    sgd.pre_update_params()
    assert sgd.current_learning_rate == 1.0 * (1.0 / (1.0 + 1e-3 * 10_000))


def test_biases_are_updated_with_their_own_memory() -> None:
    layer = Layer()
    layer.dbiases = np.array([[1.0, -1.0]])
    optimizers.SGD(learning_rate=0.5, momentum=0.5).update_params(layer)
    assert layer.biases.tolist() == [[0.0, 0.0]]
    assert getattr(layer, "bias_momentums").tolist() == [[-0.5, 0.5]]  # noqa: B009


@settings(max_examples=200, deadline=None)
@given(st.floats(0, 0.9999), st.integers(0, 20_000))
def test_power_is_close_to_pow(base: float, exponent: int) -> None:
    assert power(base, exponent) == pytest.approx(base**exponent, rel=1e-12, abs=1e-300)
