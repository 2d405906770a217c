"""nnfs_ref never changes NumPy's global state, unlike `nnfs.init()`.

`nnfs.init()` replaces `np.dot`, `np.zeros`, `np.eye` and `np.random.randn` and seeds
the global generator. Using every part of nnfs_ref must leave all of them, the
global generator's state, the error settings and the print options as they were.
"""

from __future__ import annotations

import pickle
from typing import Any

import numpy as np

from nnfs_ref import pure, vectorized
from nnfs_ref.activations import ReLU, Softmax
from nnfs_ref.datasets import sine_data, spiral_data, vertical_data
from nnfs_ref.layers import Dense
from nnfs_ref.losses import CategoricalCrossentropy
from nnfs_ref.random import book_stream, normal32


def snapshot() -> dict[str, Any]:
    return {
        "functions": [np.dot, np.zeros, np.eye, np.random.randn, np.matmul, np.exp, np.log],
        "random state": pickle.dumps(np.random.get_state()),
        "errors": np.geterr(),
        "print options": np.get_printoptions(),
        "default dtype": (
            np.zeros(1).dtype,
            np.eye(1).dtype,
            getattr(np.random.randn, "__self__", None),
        ),
    }


def use_everything() -> None:
    rng = book_stream()
    x, y = spiral_data(50, 3, rng=rng)
    vertical_data(5, 2, rng=1)
    sine_data(10)
    normal32(2, 3)
    dense1, relu, dense2, softmax = Dense(2, 4, rng=rng), ReLU(), Dense(4, 3, rng=rng), Softmax()
    dense1.forward(x)
    relu.forward(dense1.output)
    dense2.forward(relu.output)
    softmax.forward(dense2.output)
    CategoricalCrossentropy().calculate(softmax.output, y)
    for module in (pure, vectorized):
        module.relu([[-1.0, float("nan"), 2.0]])
        module.softmax([[1000.0, -1000.0, float("inf")]])  # would warn without errstate
        module.cross_entropy([[0.0, 1.0]], [0])
        module.accuracy([[0.1, 0.9]], [[0, 1]])
        module.layer([[1.0, 2.0]], [[3.0, 4.0]], [0.5])


def test_using_every_part_leaves_numpy_as_it_was() -> None:
    np.random.seed(12345)  # a state of the global generator that seeding with 0 would change
    before = snapshot()
    use_everything()
    after = snapshot()
    for key in before:
        assert after[key] == before[key], key
    assert all(a is b for a, b in zip(after["functions"], before["functions"], strict=True))


def test_the_global_generator_is_not_drawn_from() -> None:
    np.random.seed(7)
    expected = np.random.RandomState(7).randn(5)
    use_everything()
    assert np.array_equal(np.random.randn(5), expected)


def test_a_seed_and_a_stream_give_the_same_numbers() -> None:
    a, b = spiral_data(20, 2, rng=3), spiral_data(20, 2, rng=np.random.RandomState(3))
    assert a[0].tobytes() == b[0].tobytes()
    assert a[1].tobytes() == b[1].tobytes()
    assert Dense(2, 2, rng=3).weights.tobytes() == Dense(2, 2, rng=book_stream(3)).weights.tobytes()
