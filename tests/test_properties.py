"""Property-based tests: pure, vectorized and raw NumPy agree.

Tolerance: results may differ only by rounding in the order of summation, so an
output that sums terms t_k is compared with abs tolerance 1e-9 * (sum |t_k|) + 1e-12,
i.e. a relative error of 1e-9 measured against the size of the terms.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from nnfs_ref import pure, vectorized

modest = settings(max_examples=100, deadline=None)

REL = 1e-9
ABS = 1e-12
values = st.floats(min_value=-1e3, max_value=1e3, allow_nan=False, allow_infinity=False)
sizes = st.integers(min_value=1, max_value=6)


def vectors(n: int) -> st.SearchStrategy[list[float]]:
    return st.lists(values, min_size=n, max_size=n)


def matrices(rows: int, cols: int) -> st.SearchStrategy[list[list[float]]]:
    return st.lists(vectors(cols), min_size=rows, max_size=rows)


def assert_close(got: Any, expected: Any, scale: Any) -> None:
    got, expected, scale = np.asarray(got), np.asarray(expected), np.asarray(scale)
    assert got.shape == expected.shape
    assert np.all(np.abs(got - expected) <= REL * scale + ABS), (got, expected)


@st.composite
def vector_pair(draw: st.DrawFn) -> tuple[list[float], list[float]]:
    n = draw(sizes)
    return draw(vectors(n)), draw(vectors(n))


@st.composite
def matrix_pair(draw: st.DrawFn) -> tuple[list[list[float]], list[list[float]]]:
    n, k, m = draw(sizes), draw(sizes), draw(sizes)
    return draw(matrices(n, k)), draw(matrices(k, m))


@st.composite
def layer_args(draw: st.DrawFn) -> tuple[list[list[float]], list[list[float]], list[float]]:
    batch, features, neurons = draw(sizes), draw(sizes), draw(sizes)
    x, w = draw(matrices(batch, features)), draw(matrices(neurons, features))
    return x, w, draw(vectors(neurons))


@modest
@given(vector_pair())
def test_dot_agrees(pair: tuple[list[float], list[float]]) -> None:
    a, b = pair
    scale = np.abs(a) @ np.abs(b)
    p, v = pure.dot(a, b), vectorized.dot(a, b)
    assert type(p) is float
    assert type(v) is float
    assert_close(p, np.dot(a, b), scale)
    assert_close(v, np.dot(a, b), scale)
    assert_close(p, v, scale)


@modest
@given(vector_pair(), values)
def test_neuron_agrees(pair: tuple[list[float], list[float]], bias: float) -> None:
    x, w = pair
    scale = np.abs(x) @ np.abs(w) + abs(bias)
    expected = np.dot(x, w) + bias
    assert_close(pure.neuron(x, w, bias), expected, scale)
    assert_close(vectorized.neuron(x, w, bias), expected, scale)


@modest
@given(st.data())
def test_add_is_exact(data: st.DataObject) -> None:
    shape = data.draw(st.sampled_from([(), (3,), (2, 4)]))
    rows, cols = (*shape, 1, 1)[:2]
    a: Any
    b: Any
    if len(shape) == 0:
        a, b = data.draw(values), data.draw(values)
    elif len(shape) == 1:
        a, b = data.draw(vectors(rows)), data.draw(vectors(rows))
    else:
        a, b = data.draw(matrices(rows, cols)), data.draw(matrices(rows, cols))
    expected = np.add(a, b)
    assert np.array_equal(pure.add(a, b), expected)
    assert np.array_equal(vectorized.add(a, b), expected)


@modest
@given(matrix_pair())
def test_matmul_agrees(pair: tuple[list[list[float]], list[list[float]]]) -> None:
    a, b = pair
    scale = np.abs(a) @ np.abs(b)
    expected = np.asarray(a) @ np.asarray(b)
    assert_close(pure.matmul(a, b), expected, scale)
    assert_close(vectorized.matmul(a, b), expected, scale)


@modest
@given(st.data())
def test_transpose_reverses_shape(data: st.DataObject) -> None:
    m = data.draw(matrices(data.draw(sizes), data.draw(sizes)))
    for module in (pure, vectorized):
        t = module.transpose(m)
        assert module.shape(t) == module.shape(m)[::-1]
        assert np.array_equal(t, np.asarray(m).T)
        assert np.array_equal(module.transpose(t), m)


@modest
@given(layer_args())
def test_layer_agrees_and_batch_equals_per_sample(
    args: tuple[list[list[float]], list[list[float]], list[float]],
) -> None:
    x, w, b = args
    scale = np.abs(x) @ np.abs(w).T + np.abs(b)
    expected = np.asarray(x) @ np.asarray(w).T + np.asarray(b)
    p, v = pure.layer(x, w, b), vectorized.layer(x, w, b)
    assert_close(p, expected, scale)
    assert_close(v, expected, scale)
    for i, sample in enumerate(x):
        assert pure.layer(sample, w, b) == p[i]
        assert_close(vectorized.layer(sample, w, b), v[i], scale[i])


@modest
@given(st.data())
def test_shape_matches_numpy(data: st.DataObject) -> None:
    m = data.draw(matrices(data.draw(sizes), data.draw(sizes)))
    assert pure.shape(m) == vectorized.shape(m) == np.shape(m)
    assert pure.shape(m[0]) == vectorized.shape(m[0]) == np.shape(m[0])
