"""The worked numbers of Part 2 (curriculum §9-11), as the site prints them.

Examples F, G and H come from one random stream, drawn in the book's order; the
printed digits are the book's. NumPy's own print formatting is used, as on a page.
"""

from __future__ import annotations

from types import ModuleType

import numpy as np
import pytest

from nnfs_ref import pure, vectorized
from nnfs_ref.activations import ReLU, Softmax
from nnfs_ref.datasets import spiral_data
from nnfs_ref.layers import Dense
from nnfs_ref.losses import CategoricalCrossentropy
from nnfs_ref.random import book_stream
from tests.book_numbers import (
    ACCURACY_PREDICTIONS,
    BATCH,
    BATCH_OUT,
    BIASES,
    BIASES2,
    BOOK_E,
    BOOK_F,
    BOOK_G,
    BOOK_H,
    LABELS,
    LAYER_OUT,
    ONE_HOT,
    PREDICTIONS,
    RELU_INPUTS,
    WEIGHTS,
    WEIGHTS2,
)
from tests.modules import MODULES


def test_example_e_two_layers_by_hand_in_part_1s_layout() -> None:
    hidden = vectorized.layer(BATCH, WEIGHTS, BIASES)
    out = vectorized.layer(hidden, WEIGHTS2, BIASES2)
    assert str(out) == BOOK_E
    by_hand = pure.layer(pure.layer(BATCH, WEIGHTS, BIASES), WEIGHTS2, BIASES2)
    assert np.allclose(by_hand, out, rtol=1e-12, atol=1e-12)


def test_example_e_with_dense_in_the_books_layout() -> None:
    """Weights of shape (inputs, neurons) are Part 1's weights transposed: the same numbers."""
    layer1, layer2 = Dense(4, 3, rng=0), Dense(3, 3, rng=0)
    layer1.weights, layer1.biases = np.array(WEIGHTS).T, np.array([BIASES])
    layer2.weights, layer2.biases = np.array(WEIGHTS2).T, np.array([BIASES2], dtype=float)
    layer1.forward(BATCH)
    layer2.forward(layer1.output)
    assert layer2.output.dtype == np.float64
    assert str(layer2.output) == BOOK_E
    expected = vectorized.layer(vectorized.layer(BATCH, WEIGHTS, BIASES), WEIGHTS2, BIASES2)
    assert np.allclose(layer2.output, expected, rtol=1e-12, atol=1e-12)


def test_spiral_data_first_rows() -> None:
    x, y = spiral_data(samples=100, classes=3, rng=0)
    assert (x.shape, str(x.dtype), y.shape, str(y.dtype)) == ((300, 2), "float32", (300,), "uint8")
    assert (
        str(x[:3])
        == "[[0.         0.        ]\n [0.00299556 0.00964661]\n [0.01288097 0.01556285]]"
    )
    assert np.array_equal(np.bincount(y), [100, 100, 100])
    assert list(y[99:101]) == [0, 1]


def test_examples_f_g_h_from_one_stream_in_the_books_order() -> None:
    rng = book_stream()
    x, y = spiral_data(samples=100, classes=3, rng=rng)
    dense1, relu, dense2, softmax = Dense(2, 3, rng=rng), ReLU(), Dense(3, 3, rng=rng), Softmax()
    dense1.forward(x)
    assert str(dense1.output[:5]) == BOOK_F
    relu.forward(dense1.output)
    dense2.forward(relu.output)
    softmax.forward(dense2.output)
    assert str(softmax.output[:5]) == BOOK_G
    loss = CategoricalCrossentropy().calculate(softmax.output, y)
    assert type(loss) is np.float32
    assert str(loss) == BOOK_H[0]  # its repr is np.float32(...) from NumPy 2 on
    assert [str(loss), vectorized.accuracy(softmax.output, y)] == BOOK_H
    assert dense1.inputs is x  # a float32 batch is stored as it is, for backward later
    assert relu.inputs is dense1.output


def test_drawing_in_another_order_gives_other_numbers() -> None:
    rng = book_stream()
    dense1 = Dense(2, 3, rng=rng)  # the layer first, then the data: not the book's order
    x, _ = spiral_data(samples=100, classes=3, rng=rng)
    dense1.forward(x)
    assert str(dense1.output[:5]) != BOOK_F
    fresh = Dense(2, 3, rng=1)  # another seed
    fresh.forward(x)
    assert str(fresh.output[:5]) != BOOK_F


@pytest.mark.parametrize("m", MODULES)
def test_relu_example(m: ModuleType) -> None:
    out = m.relu(RELU_INPUTS)
    assert list(out) == [0, 2, 0, 3.3, 0, 1.1, 2.2, 0]


@pytest.mark.parametrize("m", MODULES)
def test_softmax_example(m: ModuleType) -> None:
    out = np.asarray(m.softmax(LAYER_OUT))
    assert str(out) == "[0.89528266 0.02470831 0.08000903]"
    assert abs(float(np.sum(out)) - 1.0) < 1e-15


def test_softmax_subtracting_the_maximum_prevents_overflow() -> None:
    with pytest.warns(RuntimeWarning, match="overflow"):
        assert np.exp(np.array(1000.0)) == np.inf
    assert str(vectorized.softmax([1000.0, 999.0])) == str(vectorized.softmax([1.0, 0.0]))
    assert pure.softmax([1000.0, 999.0]) == pure.softmax([1.0, 0.0])


@pytest.mark.parametrize("m", MODULES)
def test_batch_softmax_example(m: ModuleType) -> None:
    out = np.asarray(m.softmax(BATCH_OUT))
    assert str(out) == (
        "[[8.95282664e-01 2.47083068e-02 8.00090293e-02]\n"
        " [9.99811129e-01 2.23163963e-05 1.66554348e-04]\n"
        " [5.13097164e-01 3.58333899e-01 1.28568936e-01]]"
    )


@pytest.mark.parametrize("m", MODULES)
def test_loss_of_one_sample(m: ModuleType) -> None:
    assert repr(m.cross_entropy(PREDICTIONS[0], LABELS[0])) == "0.35667494393873245"
    assert repr(m.cross_entropy(PREDICTIONS[0], ONE_HOT[0])) == "0.35667494393873245"


@pytest.mark.parametrize("targets", [LABELS, ONE_HOT], ids=["sparse", "one-hot"])
def test_loss_of_a_batch(targets: list[int] | list[list[int]]) -> None:
    assert (
        str(vectorized.cross_entropy(PREDICTIONS, targets)) == "[0.35667494 0.69314718 0.10536052]"
    )
    assert np.allclose(
        pure.cross_entropy(PREDICTIONS, targets), [0.35667494, 0.69314718, 0.10536052]
    )
    loss = CategoricalCrossentropy().calculate(PREDICTIONS, targets)
    assert type(loss) is np.float64
    assert repr(float(loss)) == "0.38506088005216804"


def test_clipping_keeps_a_zero_prediction_finite() -> None:
    with pytest.warns(RuntimeWarning, match="divide by zero"):
        assert -np.log(np.array(0.0)) == np.inf
    loss = np.asarray(vectorized.cross_entropy([[0.0, 1.0], [1.0, 0.0]], [0, 0]))
    assert np.all(np.isfinite(loss))
    assert loss[0] == pytest.approx(16.11809565)  # -log(1e-7)
    assert loss[1] == pytest.approx(1e-7)  # -log(1 - 1e-7): both ends are clipped


@pytest.mark.parametrize("m", MODULES)
def test_accuracy_example(m: ModuleType) -> None:
    assert repr(m.accuracy(ACCURACY_PREDICTIONS, LABELS)) == "0.6666666666666666"
    assert repr(m.accuracy(ACCURACY_PREDICTIONS, ONE_HOT)) == "0.6666666666666666"
