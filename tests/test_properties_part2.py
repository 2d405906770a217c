"""Property-based tests for Part 2: pure and vectorized agree, and the objects agree with both.

ReLU and accuracy are exact. Softmax and the loss use exp/log, which may differ in
the last bit between Python's math module and NumPy, and sum in other orders:
they are compared with a relative tolerance of 1e-12.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from nnfs_ref import pure, vectorized
from nnfs_ref.activations import ReLU, Softmax
from nnfs_ref.layers import Dense
from nnfs_ref.losses import CategoricalCrossentropy
from tests.test_properties import matrices, sizes, values, vectors

modest = settings(max_examples=100, deadline=None)
REL = 1e-12
TINY = 1e-300  # exp of very negative numbers underflows to subnormals: absolute floor
probabilities = st.floats(min_value=0.0, max_value=1.0)


def assert_close(got: Any, expected: Any) -> None:
    got, expected = np.asarray(got, dtype=np.float64), np.asarray(expected, dtype=np.float64)
    assert got.shape == expected.shape
    assert np.allclose(got, expected, rtol=REL, atol=TINY), (got, expected)


@st.composite
def batches(draw: st.DrawFn) -> list[list[float]]:
    return draw(matrices(draw(sizes), draw(sizes)))


@st.composite
def predictions_and_labels(draw: st.DrawFn) -> tuple[list[list[float]], list[int]]:
    rows, classes = draw(sizes), draw(sizes)
    row = st.lists(probabilities, min_size=classes, max_size=classes)
    p = draw(st.lists(row, min_size=rows, max_size=rows))
    labels = draw(st.lists(st.integers(0, classes - 1), min_size=len(p), max_size=len(p)))
    return p, labels


def one_hot(labels: list[int], classes: int) -> list[list[int]]:
    return [[int(j == k) for j in range(classes)] for k in labels]


@modest
@given(st.one_of(values, vectors(5), batches()))
def test_relu_is_exact_everywhere(x: Any) -> None:
    expected = np.maximum(0, np.asarray(x, dtype=np.float64))
    assert np.array_equal(pure.relu(x), expected)
    assert np.array_equal(vectorized.relu(x), expected)
    if np.ndim(x) == 2:
        layer = ReLU()
        layer.forward(np.asarray(x, dtype=np.float32))
        assert layer.output.dtype == np.float32
        assert np.array_equal(layer.output, np.maximum(0, np.asarray(x, dtype=np.float32)))


@modest
@given(st.one_of(vectors(4), batches()))
def test_softmax_agrees_and_sums_to_one(x: Any) -> None:
    p, v = pure.softmax(x), vectorized.softmax(x)
    assert_close(p, v)
    assert np.all((v >= 0) & (v <= 1))
    assert np.allclose(np.sum(v, axis=-1), 1.0, rtol=0, atol=1e-12)
    shifted = np.asarray(x) + 7.0  # the same number added to every input changes nothing
    assert np.allclose(vectorized.softmax(shifted), v, rtol=1e-9, atol=1e-12)


@modest
@given(batches())
def test_softmax_object_is_the_function_and_keeps_float32(x: list[list[float]]) -> None:
    x32 = np.asarray(x, dtype=np.float32)
    layer = Softmax()
    layer.forward(x32)
    assert layer.output.dtype == np.float32
    assert layer.output.tobytes() == vectorized.softmax(x32).tobytes()
    # float32 rounds x - max(x) to about |x| * 2**-24, and exp turns that into a relative error
    rtol = 2.0**-21 * (2.0 + float(np.max(np.abs(x32))))
    assert np.allclose(layer.output, pure.softmax(x32.tolist()), rtol=rtol, atol=1e-37)


@modest
@given(predictions_and_labels())
def test_cross_entropy_agrees_sparse_equals_one_hot(
    case: tuple[list[list[float]], list[int]],
) -> None:
    p, labels = case
    classes = len(p[0])
    losses = np.asarray(vectorized.cross_entropy(p, labels))
    assert_close(pure.cross_entropy(p, labels), losses)
    assert np.array_equal(vectorized.cross_entropy(p, one_hot(labels, classes)), losses)
    assert pure.cross_entropy(p, one_hot(labels, classes)) == pure.cross_entropy(p, labels)
    for i, row in enumerate(p):  # a batch is its samples, one by one
        assert pure.cross_entropy(row, labels[i]) == pure.cross_entropy(p, labels)[i]
        assert vectorized.cross_entropy(row, labels[i]) == float(losses[i])
    expected = [
        -math.log(min(max(row[k], 1e-7), 1 - 1e-7)) for row, k in zip(p, labels, strict=True)
    ]
    assert_close(losses, expected)
    mean = CategoricalCrossentropy().calculate(p, labels)
    assert np.isclose(mean, np.mean(expected), rtol=REL, atol=0)


@modest
@given(predictions_and_labels())
def test_accuracy_is_exact(case: tuple[list[list[float]], list[int]]) -> None:
    p, labels = case
    expected = float(np.mean(np.argmax(p, axis=1) == np.asarray(labels)))
    assert pure.accuracy(p, labels) == vectorized.accuracy(p, labels) == expected
    hot = one_hot(labels, len(p[0]))
    assert pure.accuracy(p, hot) == vectorized.accuracy(p, hot) == expected


@modest
@given(st.data())
def test_dense_equals_layer_with_the_other_layout(data: st.DataObject) -> None:
    batch, features, neurons = data.draw(sizes), data.draw(sizes), data.draw(sizes)
    x = np.asarray(data.draw(matrices(batch, features)))
    w = np.asarray(data.draw(matrices(neurons, features)))  # Part 1's (neurons, inputs)
    b = np.asarray(data.draw(vectors(neurons)))
    dense = Dense(features, neurons, rng=0)
    dense.weights, dense.biases = w.T.copy(), b.reshape(1, -1)  # the book's (inputs, neurons)
    dense.forward(x)
    scale = np.abs(x) @ np.abs(w).T + np.abs(b)
    expected = vectorized.layer(x, w, b)
    assert np.all(np.abs(dense.output - expected) <= 1e-9 * scale + 1e-12)


@modest
@given(st.data())
def test_dense_float32_is_the_float64_product_rounded(data: st.DataObject) -> None:
    """As after nnfs.init(): products in float64, rounded once to float32, then biases."""
    features, neurons = data.draw(st.integers(1, 2)), data.draw(sizes)
    dense = Dense(features, neurons, rng=data.draw(st.integers(0, 2**32 - 1)))
    x = np.asarray(data.draw(matrices(data.draw(sizes), features)), dtype=np.float32)
    dense.forward(x)
    exact = x.astype(np.float64) @ dense.weights.astype(np.float64)  # exact for 1-2 inputs
    assert dense.output.dtype == np.float32
    assert dense.output.tobytes() == (exact.astype(np.float32) + dense.biases).tobytes()
