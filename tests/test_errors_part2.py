"""Part 2's error paths: the exception class and the key words of each message.

Functions that exist in both `pure` and `vectorized` raise the same class with the
same message: `CASES` below, run with Part 1's in tests/test_errors.py. The
objects, data sets and random streams have their own cases, run here.
Never an IndexError from deep inside, never a silently wrong answer.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any, cast

import numpy as np
import pytest

from nnfs_ref import pure, vectorized
from nnfs_ref.activations import ReLU, Softmax
from nnfs_ref.datasets import sine_data, spiral_data, vertical_data
from nnfs_ref.layers import Dense
from nnfs_ref.losses import CategoricalCrossentropy, Loss
from nnfs_ref.random import book_stream, normal32
from tests.book_numbers import LABELS, ONE_HOT, PREDICTIONS
from tests.error_paths import Case, message
from tests.modules import MODULES

P = PREDICTIONS  # a short name for the table below

# (id, function, args, exception class, words the message must contain)
CASES: list[Case] = [
    # labels out of range: NumPy would index silently from the end, or raise IndexError
    ("label-high", "cross_entropy", (P, [0, 1, 3]), ValueError, ["targets[2] is 3", "0 to 2"]),
    ("label-negative", "cross_entropy", (P, [0, -1, 1]), ValueError, ["targets[1] is -1"]),
    ("label-one-sample", "cross_entropy", (P[0], 3), ValueError, ["targets is 3", "3 classes"]),
    ("accuracy-label", "accuracy", (P, [0, 1, 5]), ValueError, ["accuracy:", "targets[2] is 5"]),
    # labels of the wrong dtype
    ("label-float", "cross_entropy", (P, [0, 1.0, 1]), TypeError, ["targets[1]", "1.0 (float)"]),
    (
        "label-float-array",
        "cross_entropy",
        (P, np.array([0.0, 1.0, 1.0])),
        TypeError,
        ["targets[0] must be a class index (a whole number)", "float64"],
    ),
    ("label-bool", "cross_entropy", (P, [0, True, 1]), TypeError, ["targets[1]", "True (bool)"]),
    ("label-bool-array", "accuracy", (P, np.array([1, 0, 1], bool)), TypeError, [repr(np.True_)]),
    ("label-str", "cross_entropy", (P, "abc"), TypeError, ["targets must be a number", "'abc'"]),
    ("label-scalar-float", "cross_entropy", (P[0], 1.0), TypeError, ["targets must be a class"]),
    # targets of the wrong shape
    ("labels-short", "cross_entropy", (P, [0, 1]), ValueError, ["2 labels", "3 rows"]),
    ("labels-column", "cross_entropy", (P, [[0], [1], [1]]), ValueError, ["column", "(3, 1)"]),
    (
        "one-hot-narrow",
        "cross_entropy",
        (P, [[1, 0], [0, 1], [0, 1]]),
        ValueError,
        ["targets is a matrix of shape (3, 2)", "3 labels", "(3, 3)"],
    ),
    (
        "one-hot-transposed",
        "accuracy",
        ([[0.5, 0.5, 0.0], [0.2, 0.2, 0.6]], [[1, 0], [0, 0], [0, 1]]),
        ValueError,
        ["looks transposed", "(3, 2)", "(2, 3)", "targets.T"],
    ),
    ("one-hot-two-ones", "cross_entropy", (P, [[1, 0, 0], [0, 1, 1], [0, 1, 0]]), ValueError, []),
    ("one-hot-no-one", "accuracy", (P, [[1, 0, 0], [0, 0, 0], [0, 1, 0]]), ValueError, []),
    ("one-hot-swapped", "cross_entropy", (ONE_HOT, P), ValueError, ["targets[0] is not one-hot"]),
    ("one-hot-one-sample", "cross_entropy", (P[0], [0, 1]), ValueError, ["one-hot vector of len"]),
    # predictions
    ("not-probability", "cross_entropy", ([[1.2, -0.1, 0.1]], [0]), ValueError, ["[0][0] is 1.2"]),
    ("logits", "cross_entropy", ([2.0, -1.0], 0), ValueError, ["predictions[0] is 2.0"]),
    ("pred-scalar", "cross_entropy", (0.7, 0), ValueError, ["a vector (one sample) or a matrix"]),
    ("pred-3d", "cross_entropy", (np.zeros((2, 2, 2)), [0, 1]), ValueError, ["(2, 2, 2)"]),
    ("pred-empty", "cross_entropy", (np.zeros((0, 3)), []), ValueError, ["empty", "(0, 3)"]),
    ("accuracy-vector", "accuracy", (P[0], [0]), ValueError, ["must be a matrix", "[predictions]"]),
    # activations
    ("relu-3d", "relu", (np.zeros((2, 2, 2)),), ValueError, ["relu: x must be a number, a vec"]),
    ("relu-empty", "relu", ([],), ValueError, ["relu: x is empty"]),
    ("relu-str", "relu", (["a"],), TypeError, ["relu: x[0] must be a number"]),
    ("softmax-scalar", "softmax", (1.0,), ValueError, ["softmax: x must be a vector"]),
    ("softmax-3d", "softmax", (np.zeros((1, 1, 1)),), ValueError, ["(1, 1, 1)"]),
    ("softmax-empty", "softmax", ([[]],), ValueError, ["softmax: x is empty (shape (1, 0))"]),
    ("softmax-ragged", "softmax", ([[1, 2], [3]],), ValueError, ["x is ragged"]),
]


def _forward(layer: Dense | ReLU | Softmax, inputs: object) -> Callable[[], object]:
    return lambda: layer.forward(inputs)


def _dense_with(weights: Any, biases: Any) -> Dense:
    layer = Dense(2, 3, rng=0)
    layer.weights, layer.biases = weights, biases
    return layer


# (id, call, exception class, words the message must contain)
OBJECT_CASES: list[tuple[str, Callable[[], object], type[Exception], list[str]]] = [
    (  # an array subclass takes no shortcut: the masked label is checked like any other
        "accuracy-masked-labels",
        lambda: vectorized.accuracy(P, np.ma.array([0, 1, 7], mask=[False, False, True])),
        TypeError,
        ["accuracy: targets[2] must be a class index", "MaskedConstant"],
    ),
    (
        "dense-features",
        _forward(Dense(2, 3, rng=0), np.zeros((300, 3))),
        ValueError,
        ["3 features (shape (300, 3))", "2 inputs (weights of shape (2, 3))", "Dense(3, 3)"],
    ),
    (
        "dense-chain",
        _forward(Dense(3, 3, rng=0), np.zeros((5, 4), np.float32)),
        ValueError,
        ["4 features", "create the layer as Dense(4, 3)"],
    ),
    (
        "dense-transposed-inputs",
        _forward(Dense(2, 3, rng=0), np.zeros((2, 300))),
        ValueError,
        ["look transposed", "inputs.T", "(300, 2)"],
    ),
    ("dense-vector", _forward(Dense(2, 3, rng=0), [1.0, 2.0]), ValueError, ["[inputs]"]),
    ("dense-str", _forward(Dense(2, 3, rng=0), [["a", 1]]), TypeError, ["inputs[0][0]"]),
    ("dense-biases", _forward(_dense_with(np.zeros((2, 3)), [[0, 0]]), [[1, 2]]), ValueError, []),
    ("dense-weights", _forward(_dense_with([1, 2], [[0]]), [[1, 2]]), ValueError, ["(inputs, "]),
    ("dense-zero", lambda: Dense(0, 3, rng=0), ValueError, ["Dense: n_inputs must be at least"]),
    (
        "dense-float",
        lambda: Dense(2, cast(Any, 3.0), rng=0),
        TypeError,
        ["n_neurons must be a whole"],
    ),
    (
        "dense-rng",
        lambda: Dense(2, 3, rng=cast(Any, None)),
        TypeError,
        ["RandomState or a whole-number"],
    ),
    (
        "default-rng",
        lambda: Dense(2, 3, rng=cast(Any, np.random.default_rng(0))),
        TypeError,
        ["Generator, which draws other numbers"],
    ),
    ("relu-vector", _forward(ReLU(), [1.0, -2.0]), ValueError, ["ReLU.forward: inputs must"]),
    ("softmax-vector", _forward(Softmax(), [1.0, 2.0]), ValueError, ["Softmax.forward"]),
    (
        "loss-vector",
        lambda: CategoricalCrossentropy().calculate(P[0], [0]),
        ValueError,
        ["CategoricalCrossentropy: predictions must be a matrix", "[predictions]"],
    ),
    (
        "loss-label",
        lambda: CategoricalCrossentropy().calculate(P, [0, 1, 3]),
        ValueError,
        ["CategoricalCrossentropy: targets[2] is 3"],
    ),
    ("loss-base", lambda: Loss().calculate(P, LABELS), NotImplementedError, ["forward"]),
    ("spiral-samples", lambda: spiral_data(-5, 3, rng=0), ValueError, ["samples", "-5"]),
    ("spiral-classes", lambda: spiral_data(100, -1, rng=0), ValueError, ["classes", "-1"]),
    ("spiral-uint8", lambda: spiral_data(2, 300, rng=0), ValueError, ["at most 256", "uint8"]),
    (
        "vertical-float",
        lambda: vertical_data(cast(Any, 1.5), 3, rng=0),
        TypeError,
        ["samples", "1.5"],
    ),
    ("vertical-zero", lambda: vertical_data(10, 0, rng=0), ValueError, ["classes", "at least 1"]),
    ("sine-zero", lambda: sine_data(0), ValueError, ["sine_data: samples must be at least 1"]),
    ("sine-bool", lambda: sine_data(True), TypeError, ["True (bool)"]),
    ("seed-negative", lambda: spiral_data(10, 3, rng=-1), ValueError, ["2**32 - 1", "-1"]),
    ("seed-huge", lambda: book_stream(2**32), ValueError, ["book_stream: a seed"]),
    ("seed-str", lambda: normal32(cast(Any, "0"), 2), TypeError, ["normal32: rng", "'0' (str)"]),
]
OBJECT_IDS = [case[0] for case in OBJECT_CASES]


@pytest.mark.parametrize(("case", "call", "exc", "words"), OBJECT_CASES, ids=OBJECT_IDS)
def test_object_error_path(
    case: str, call: Callable[[], object], exc: type[Exception], words: list[str]
) -> None:
    with pytest.raises(exc) as info:
        call()
    assert type(info.value) is exc
    for word in words:
        assert word in str(info.value), (case, str(info.value))


def raised_messages() -> set[str]:
    """Every message the cases above raise (for the reference page's table)."""
    messages = set()
    for _case, func, args, exc, _words in CASES:
        messages.add(message(pure, func, args, exc))
    for _case, call, exc, _words in OBJECT_CASES:
        with pytest.raises(exc) as info:
            call()
        messages.add(str(info.value))
    return messages


@pytest.mark.parametrize("m", MODULES)
def test_nothing_is_silently_wrong_for_valid_edge_cases(m: ModuleType) -> None:
    # A probability of exactly 0 or 1 is valid: clipping keeps the loss finite.
    assert m.cross_entropy([0.0, 1.0], 0) == pytest.approx(-np.log(1e-7))
    assert m.cross_entropy([0.0, 1.0], 1) == pytest.approx(-np.log(1 - 1e-7))
    # Labels may be any integer type, one-hot rows any number type.
    assert m.accuracy(P, np.array(LABELS, dtype=np.uint8)) == 1.0
    assert m.accuracy(P, [[1.0, 0.0, 0.0], [0, 1, 0], [False, True, False]]) == 1.0


@pytest.mark.parametrize("m", MODULES)
def test_nan_flows_through_as_in_numpy(m: ModuleType) -> None:
    nan = float("nan")
    assert np.isnan(m.relu([-0.0, nan])).tolist() == [False, True]
    assert np.all(np.isnan(m.softmax([[nan, 1.0], [-np.inf, -np.inf]])))
    assert np.isnan(m.cross_entropy([[nan, 0.1, 0.2]], [0])[0])
    assert m.accuracy([[nan, 1.0], [0.2, 0.1]], [0, 0]) == 1.0  # argmax stops at a NaN
    with pytest.raises(ValueError, match=r"targets\[0\] is not one-hot: \[nan, 1.0\]"):
        m.cross_entropy([[0.5, 0.5]], [[nan, 1]])
