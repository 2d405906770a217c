"""`nnfs_ref._fixed` sums in one order, the same as a plain loop, bit for bit.

That order is what makes a layer's float32 results the same on every CPU, so it is
checked against the plainest possible code over shapes hypothesis draws: every path
`matmul` can take (float32 factors in one einsum; other factors multiplied all at once
or one slice at a time, then summed), the shapes where NumPy would sum pairwise (one
number per slice), and signed zeros, compared byte for byte.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from nnfs_ref import _fixed

modest = settings(max_examples=150, deadline=None)
# Values over many orders of magnitude, so a change of order changes the rounding.
SMALL = float(np.float32(1e-6))
finite = (
    st.floats(-1e6, 1e6, width=32) | st.floats(-SMALL, SMALL, width=32) | st.sampled_from([-0.0])
)
#: "as float64": the same numbers in float64 arrays, so float32 factors take the paths
#: for float64 ones too (their products are exact either way, so the loop is the same).
PATHS = ("as drawn", "as float64", "as float64, slice by slice")


def loop_matmul(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The definition: out[s, n] = ((0.0 + a[s,0] b[0,n]) + a[s,1] b[1,n]) + …, in float64."""
    rows, inner = a.shape
    out = np.zeros((rows, b.shape[1]))
    for s in range(rows):
        for n in range(b.shape[1]):
            total = 0.0
            for k in range(inner):
                total = total + float(a[s, k]) * float(b[k, n])
            out[s, n] = total
    return out


@contextlib.contextmanager
def steered(path: str) -> Iterator[None]:
    """Send `matmul` down the slice-by-slice path whatever the shapes, if `path` says so."""
    with pytest.MonkeyPatch.context() as patch:
        if path.endswith("slice by slice"):
            patch.setattr(_fixed, "MAX_PRODUCTS", 0)
        yield


def as_path(path: str, *arrays: np.ndarray) -> list[np.ndarray]:
    return [x.astype(np.float64) if path != "as drawn" else x for x in arrays]


def factor(
    rng: np.random.Generator, shape: tuple[int, int], dtype: type, special: bool
) -> np.ndarray:
    """Numbers over twelve orders of magnitude, so a change of order changes the rounding;
    a fifth of them zeros of either sign, so a change of where a sum starts shows too;
    with `special`, a tenth NaN or infinite."""
    x: np.ndarray = (rng.standard_normal(shape) * 10.0 ** rng.integers(-6, 7, shape)).astype(dtype)
    zeros = rng.random(shape) < 0.2
    x[zeros] = rng.choice([0.0, -0.0], zeros.sum())
    if special:
        odd = rng.random(shape) < 0.1
        x[odd] = rng.choice([np.nan, np.inf, -np.inf], odd.sum())
    return x


@st.composite
def factor_pairs(draw: st.DrawFn, special: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """Factors of shapes (S, K) and (K, N), float32 or float64 (whose products, unlike
    float32's, are not exact in float64)."""
    s, k, n = (draw(st.integers(1, 24)) for _ in range(3))
    dtypes = draw(st.sampled_from([(np.float32,) * 2, (np.float32, np.float64), (np.float64,) * 2]))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    return factor(rng, (s, k), dtypes[0], special), factor(rng, (k, n), dtypes[1], special)


def same_bits(x: np.ndarray, y: np.ndarray) -> bool:
    """Equal byte for byte, except that any NaN equals any NaN (its sign and payload
    depend on which factor came first, not on the order of the sum)."""
    x, y = np.where(np.isnan(x), np.nan, x), np.where(np.isnan(y), np.nan, y)
    return x.dtype == y.dtype and x.shape == y.shape and x.tobytes() == y.tobytes()


@pytest.mark.parametrize("path", PATHS)
@modest
@given(pair=factor_pairs())
def test_matmul_is_the_plain_loop_bit_for_bit(
    pair: tuple[np.ndarray, np.ndarray], path: str
) -> None:
    expected = loop_matmul(*pair)
    a, b = as_path(path, *pair)
    with steered(path):
        assert same_bits(_fixed.matmul(a, b), expected)
        assert same_bits(_fixed.matmul(a, b, np.float32), expected.astype(np.float32))
        assert same_bits(_fixed.matmul(b.T, a.T), expected.T)  # the transposed layout too


@pytest.mark.parametrize("path", PATHS)
@modest
@given(pair=factor_pairs(special=True))
def test_nan_and_infinity_go_where_the_loop_puts_them(
    pair: tuple[np.ndarray, np.ndarray], path: str
) -> None:
    a, b = as_path(path, *pair)
    with np.errstate(all="ignore"):
        expected = loop_matmul(a, b)
        with steered(path):
            assert same_bits(_fixed.matmul(a, b), expected)


@pytest.mark.parametrize(
    "shape",
    # The training run's products, and single rows or columns: einsum must never make
    # the number of the term (k) its inner loop, where it would sum in another order.
    [
        *[(300, 2, 64), (300, 64, 3), (64, 300, 3), (300, 3, 64), (2, 300, 64), (300, 64, 2)],
        *[(1, 200, 5), (5, 200, 1), (1, 200, 1), (1, 1, 1)],
    ],
)
def test_wide_and_narrow_shapes_sum_like_the_loop(shape: tuple[int, int, int]) -> None:
    s, k, n = shape
    rng = np.random.default_rng(k * s + n)
    a, b = factor(rng, (s, k), np.float32, False), factor(rng, (k, n), np.float32, False)
    expected = loop_matmul(a, b)
    assert same_bits(_fixed.matmul(a, b), expected)
    assert same_bits(_fixed.matmul(a, b, np.float32), expected.astype(np.float32))


def test_a_product_with_no_terms_is_zero() -> None:
    out = _fixed.matmul(np.ones((2, 0), np.float32), np.ones((0, 3), np.float32), np.float32)
    assert same_bits(out, np.zeros((2, 3), np.float32))


@modest
@given(st.integers(1, 40), st.integers(1, 4), st.data())
def test_sum_first_axis_adds_in_order(rows: int, cols: int, data: st.DataObject) -> None:
    terms = data.draw(arrays(np.float64, (rows, cols), elements=finite))
    expected = terms[0] + 0.0
    for row in terms[1:]:
        expected = expected + row
    assert same_bits(_fixed.sum_first_axis(terms), expected)
    as_float32 = terms.astype(np.float32)
    expected_sums = loop_matmul(np.ones((1, rows)), as_float32).astype(np.float32)
    assert same_bits(_fixed.column_sums(as_float32, np.float32), expected_sums)


def test_numpy_alone_would_sum_a_single_column_pairwise() -> None:
    """Why `sum_first_axis` has its loop: NumPy's own reduction of one column differs."""
    terms = np.array([[1e16], [1.0], [1.0], [1.0], [1.0], [1.0], [1.0], [1.0], [1.0], [-1e16]])
    assert float(np.add.reduce(terms, axis=0)[0]) != float(_fixed.sum_first_axis(terms)[0])


def test_a_sum_of_negative_zeros_is_positive_zero_on_every_path() -> None:
    """NumPy's reduction starts from 0.0, and so does every other path."""
    a, b = np.full((1, 3), -0.0, np.float32), np.ones((3, 1), np.float32)
    assert same_bits(_fixed.matmul(a, b), np.zeros((1, 1)))
    assert same_bits(_fixed.sum_first_axis(np.full((3, 1), -0.0)), np.zeros(1))
