"""Part 1's worked numbers (examples A to D), checked in both modules."""

from __future__ import annotations

from types import ModuleType

import numpy as np
import pytest

from nnfs_ref import pure, vectorized
from tests.book_numbers import (
    A_BIAS,
    A_INPUTS,
    A_WEIGHTS,
    BATCH,
    BATCH_OUT,
    BIASES,
    DOT_A,
    DOT_B,
    INPUTS,
    LAYER_OUT,
    WEIGHTS,
)
from tests.modules import MODULES


@pytest.mark.parametrize("m", MODULES)
def test_neuron_three_inputs(m: ModuleType) -> None:
    out = m.neuron(A_INPUTS, A_WEIGHTS, A_BIAS)
    assert type(out) is float
    assert out == pytest.approx(2.3, rel=1e-12)
    assert repr(out) == "2.3"


@pytest.mark.parametrize("m", MODULES)
def test_neuron_four_inputs(m: ModuleType) -> None:
    out = m.neuron(INPUTS, WEIGHTS[0], BIASES[0])
    assert type(out) is float
    assert repr(out) == "4.8"


@pytest.mark.parametrize("m", MODULES)
def test_dot(m: ModuleType) -> None:
    out = m.dot(DOT_A, DOT_B)
    assert type(out) is float
    assert out == 20.0


@pytest.mark.parametrize("m", MODULES)
def test_layer_one_sample(m: ModuleType) -> None:
    out = m.layer(INPUTS, WEIGHTS, BIASES)
    assert m.shape(out) == (3,)
    assert np.allclose(out, LAYER_OUT, rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("m", MODULES)
def test_layer_batch(m: ModuleType) -> None:
    out = m.layer(BATCH, WEIGHTS, BIASES)
    assert m.shape(out) == (3, 3)
    assert np.allclose(out, BATCH_OUT, rtol=1e-12, atol=1e-12)


def test_return_kinds() -> None:
    assert isinstance(pure.layer(BATCH, WEIGHTS, BIASES), list)
    assert all(isinstance(row, list) for row in pure.layer(BATCH, WEIGHTS, BIASES))
    assert isinstance(pure.layer(BATCH[0], WEIGHTS, BIASES)[0], float)
    for out in (
        vectorized.layer(BATCH, WEIGHTS, BIASES),
        vectorized.layer(BATCH[0], WEIGHTS, BIASES),
        vectorized.add([1, 2], [3, 4]),
        vectorized.transpose([[1, 2]]),
        vectorized.matmul([[1]], [[2]]),
    ):
        assert isinstance(out, np.ndarray)
        assert out.dtype == np.float64
    assert type(vectorized.add(1, 2)) is float
    assert type(pure.add(1, 2)) is float


@pytest.mark.parametrize("m", MODULES)
def test_shape_is_tuple_of_ints(m: ModuleType) -> None:
    for x, expected in [(5, ()), ([1, 2], (2,)), ([[1, 2, 3]], (1, 3)), ([], (0,))]:
        got = m.shape(x)
        assert got == expected
        assert type(got) is tuple
        assert all(type(n) is int for n in got)
    assert m.shape(np.zeros((2, 3, 4))) == (2, 3, 4)


@pytest.mark.parametrize("m", MODULES)
def test_book_style_bias_row_is_accepted(m: ModuleType) -> None:
    # The book stores biases as np.zeros((1, n_neurons)).
    out = m.layer(BATCH, WEIGHTS, [BIASES])
    assert np.allclose(out, BATCH_OUT)


@pytest.mark.parametrize("m", MODULES)
def test_numpy_arrays_and_bools_are_accepted(m: ModuleType) -> None:
    assert m.dot(np.array(DOT_A), np.array(DOT_B, dtype=float)) == 20.0
    assert m.dot([True, False, True], [2, 3, 4]) == 6.0
    assert m.dot(np.array([True, True]), np.array([1, 2], dtype=np.int8)) == 3.0
    assert m.neuron(np.array([1, 2], dtype=np.float32), [1, 1], np.float64(0.5)) == 3.5
    assert np.allclose(m.layer(np.array(BATCH), np.array(WEIGHTS), np.array(BIASES)), BATCH_OUT)


@pytest.mark.parametrize("m", MODULES)
def test_nan_and_inf_follow_ieee(m: ModuleType) -> None:
    inf, nan = float("inf"), float("nan")
    assert np.isnan(m.dot([inf, 1.0], [0.0, 1.0]))
    assert m.dot([inf, 1.0], [1.0, 1.0]) == inf
    assert np.isnan(m.neuron([nan], [1.0], 0.0))
    assert np.isnan(m.add([inf], [-inf])[0])
    assert m.add([1e308], [1e308])[0] == inf
    out = m.layer([[inf, 1.0]], [[1.0, 0.0]], [-inf])
    assert np.isnan(out[0][0])


def test_vectorized_does_not_alias_inputs() -> None:
    m = np.array([[1.0, 2.0], [3.0, 4.0]])
    t = vectorized.transpose(m)
    t[0, 0] = 99.0
    assert m[0, 0] == 1.0
    a = np.array([1.0, 2.0])
    s = vectorized.add(a, a)
    assert isinstance(s, np.ndarray)
    s[0] = 99.0
    assert a[0] == 1.0
