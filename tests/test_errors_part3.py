"""Part 3's error paths: backward passes and optimizers refuse bad input by name.

A backward before any forward, a gradient of the wrong shape, a NaN or infinite
gradient, an update before any backward, and hyper-parameters out of range: each is
a ValueError or TypeError whose message starts with the object and method and names
what it got. Never an AttributeError or IndexError from inside, never a silent NaN.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

from nnfs_ref import optimizers
from nnfs_ref.activations import ReLU, Softmax
from nnfs_ref.layers import Dense
from nnfs_ref.losses import CategoricalCrossentropy, SoftmaxCategoricalCrossentropy

X = [[1.0, 2.0], [0.5, -1.0], [3.0, 0.0]]
ADAM: Any = optimizers.Adam  # called with arguments of the wrong type on purpose
NAN = float("nan")


def _dense(backward: bool = False) -> Dense:
    layer = Dense(2, 3, rng=0)
    layer.forward(X)
    if backward:
        layer.backward(np.ones((3, 3)))
    return layer


def _after_forward(obj: ReLU | Softmax, inputs: object) -> ReLU | Softmax:
    obj.forward(inputs)
    return obj


def _update(optimizer: optimizers.Optimizer, layer: object) -> Callable[[], object]:
    return lambda: optimizer.update_params(layer)


def _reshaped_weights() -> Dense:
    layer = _dense(backward=True)
    layer.weights = np.zeros((2, 4), dtype=np.float32)
    return layer


def _nan_gradient(name: str = "dweights") -> Dense:
    layer = _dense(backward=True)
    getattr(layer, name)[0, 1] = NAN
    return layer


Call = Callable[[], object]
#: (id, call, exception class, words the message must contain)
CASES: list[tuple[str, Call, type[Exception], list[str]]] = [
    # backward before forward
    ("dense-first", lambda: Dense(2, 3, rng=0).backward([[1.0, 1.0, 1.0]]), ValueError,
     ["Dense.backward: call forward(inputs) first", "no inputs"]),
    ("relu-first", lambda: ReLU().backward([[1.0]]), ValueError, ["ReLU.backward: call forward"]),
    ("softmax-first", lambda: Softmax().backward([[1.0]]), ValueError,
     ["Softmax.backward: call forward", "no output"]),
    # a gradient of the wrong shape
    ("dense-shape", lambda: _dense().backward(np.ones((3, 2))), ValueError,
     ["dvalues has shape (3, 2)", "output of shape (3, 3)"]),
    ("dense-transposed", lambda: _dense().backward(np.ones((3, 3)).T[:, :2]), ValueError,
     ["dvalues has shape (3, 2)"]),
    ("relu-shape", lambda: _after_forward(ReLU(), [[1.0, -1.0]]).backward([[1.0]]), ValueError,
     ["ReLU.backward: dvalues has shape (1, 1)", "inputs of shape (1, 2)"]),
    ("softmax-shape", lambda: _after_forward(Softmax(), [[1.0, 2.0]]).backward([1.0, 2.0]),
     ValueError, ["Softmax.backward: dvalues has shape (2,)", "output of shape (1, 2)"]),
    # gradients that are not numbers, or not finite
    ("dense-text", lambda: _dense().backward("abc"), TypeError, ["Dense.backward: dvalues"]),
    ("dense-nan", lambda: _dense().backward([[1.0, NAN, 1.0]] * 3), ValueError,
     ["Dense.backward: dvalues holds nan at [0, 1]", "must be finite"]),
    ("relu-inf", lambda: _after_forward(ReLU(), [[1.0]]).backward([[float("inf")]]), ValueError,
     ["dvalues holds inf at [0, 0]"]),
    ("loss-zero", lambda: CategoricalCrossentropy().backward([[0.0, 1.0]], [0]), ValueError,
     ["CategoricalCrossentropy.backward", "-inf at [0, 0]"]),
    ("loss-label", lambda: CategoricalCrossentropy().backward([[0.5, 0.5]], [2]), ValueError,
     ["CategoricalCrossentropy.backward: targets[0] is 2"]),
    ("combined-label", lambda: SoftmaxCategoricalCrossentropy().backward([[0.5, 0.5]], [0, 1]),
     ValueError, ["SoftmaxCategoricalCrossentropy.backward: targets has 2 labels"]),
    # optimizers
    ("update-first", _update(optimizers.SGD(), _dense()), ValueError,
     ["SGD.update_params: call backward(dvalues) first", "no dweights"]),
    ("update-not-layer", _update(optimizers.Adam(), ReLU()), TypeError,
     ["Adam.update_params: takes a layer with weights and biases, such as Dense; got <nnfs"]),
    ("update-reshaped", _update(optimizers.SGD(), _reshaped_weights()), ValueError,
     ["dweights has shape (2, 3) but weights has shape (2, 4)"]),
    ("update-nan", _update(optimizers.RMSprop(), _nan_gradient()), ValueError,
     ["RMSprop.update_params: dweights holds nan at [0, 1]"]),
    ("lr-zero", lambda: optimizers.SGD(learning_rate=0), ValueError,
     ["SGD: learning_rate must be greater than 0; got 0.0"]),
    ("lr-text", lambda: ADAM(learning_rate="0.1"), TypeError,
     ["Adam: learning_rate must be a number; got '0.1' (str)"]),
    ("decay-negative", lambda: optimizers.Adagrad(decay=-1e-4), ValueError,
     ["Adagrad: decay must be 0 or more"]),
    ("momentum-one", lambda: optimizers.SGD(momentum=1.0), ValueError,
     ["SGD: momentum must be at least 0 and less than 1; got 1.0"]),
    ("rho-bool", lambda: optimizers.RMSprop(rho=True), TypeError,
     ["RMSprop: rho must be a number"]),
    ("beta-nan", lambda: optimizers.Adam(beta_2=NAN), ValueError,
     ["Adam: beta_2 must be finite; got nan"]),
    ("epsilon-zero", lambda: optimizers.Adam(epsilon=0.0), ValueError, ["Adam: epsilon must be"]),
]  # fmt: skip


@pytest.mark.parametrize(("case", "call", "exc", "words"), CASES, ids=[c[0] for c in CASES])
def test_error_path(case: str, call: Call, exc: type[Exception], words: list[str]) -> None:
    with pytest.raises(exc) as info:
        call()
    assert type(info.value) is exc  # exactly ValueError or TypeError, never a subclass
    for word in words:
        assert word in str(info.value), (case, str(info.value))


def raised_messages() -> set[str]:
    """Every message the cases above raise (for the reference page's table)."""
    messages = set()
    for _case, call, exc, _words in CASES:
        with pytest.raises(exc) as info:
            call()
        messages.add(str(info.value))
    return messages


@pytest.mark.parametrize("name", ["dweights", "dbiases"])
def test_a_failed_update_changes_nothing(name: str) -> None:
    """The NaN is found before any parameter moves: weights and biases are as they were."""
    layer = _nan_gradient(name)
    weights, biases = layer.weights.copy(), layer.biases.copy()
    with pytest.raises(ValueError, match=f"{name} holds nan"):
        optimizers.SGD().update_params(layer)
    assert np.array_equal(layer.weights, weights)
    assert np.array_equal(layer.biases, biases)
