"""`nnfs_ref._fixed` sums in one order, the same as a plain loop, bit for bit.

That order is what makes a layer's float32 results the same on every CPU, so it is
checked against the plainest possible code over shapes hypothesis draws, the shapes
where NumPy would sum pairwise (one number per slice) included.
"""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from nnfs_ref import _fixed

modest = settings(max_examples=150, deadline=None)
# Values over many orders of magnitude, so a change of order changes the rounding.
SMALL = float(np.float32(1e-6))
finite = st.floats(-1e6, 1e6, width=32) | st.floats(-SMALL, SMALL, width=32)


def loop_matmul(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The definition: out[s, n] = ((a[s,0] b[0,n] + a[s,1] b[1,n]) + …), in float64."""
    rows, inner = a.shape
    out = np.zeros((rows, b.shape[1]))
    for s in range(rows):
        for n in range(b.shape[1]):
            total = 0.0
            for k in range(inner):
                total = total + float(a[s, k]) * float(b[k, n])
            out[s, n] = total
    return out


@st.composite
def factor_pairs(draw: st.DrawFn) -> tuple[np.ndarray, np.ndarray]:
    s, k, n = (draw(st.integers(1, 24)) for _ in range(3))
    a = draw(arrays(np.float32, (s, k), elements=finite))
    b = draw(arrays(np.float32, (k, n), elements=finite))
    return a, b


@modest
@given(factor_pairs())
def test_matmul_is_the_plain_loop_bit_for_bit(pair: tuple[np.ndarray, np.ndarray]) -> None:
    a, b = pair
    assert np.array_equal(_fixed.matmul(a, b), loop_matmul(a, b))


@modest
@given(factor_pairs())
def test_the_slice_by_slice_path_gives_the_same_bits(pair: tuple[np.ndarray, np.ndarray]) -> None:
    a, b = pair
    saved = _fixed.MAX_PRODUCTS
    _fixed.MAX_PRODUCTS = 0
    try:
        assert np.array_equal(_fixed.matmul(a, b), loop_matmul(a, b))
    finally:
        _fixed.MAX_PRODUCTS = saved


@modest
@given(st.integers(1, 40), st.integers(1, 4), st.data())
def test_sum_first_axis_adds_in_order(rows: int, cols: int, data: st.DataObject) -> None:
    terms = data.draw(arrays(np.float64, (rows, cols), elements=finite))
    expected = terms[0].copy()
    for row in terms[1:]:
        expected = expected + row
    assert np.array_equal(_fixed.sum_first_axis(terms), expected)


def test_numpy_alone_would_sum_a_single_column_pairwise() -> None:
    """Why `sum_first_axis` has its loop: NumPy's own reduction of one column differs."""
    terms = np.array([[1e16], [1.0], [1.0], [1.0], [1.0], [1.0], [1.0], [1.0], [1.0], [-1e16]])
    assert float(np.add.reduce(terms, axis=0)[0]) != float(_fixed.sum_first_axis(terms)[0])
