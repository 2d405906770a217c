"""Turning arguments into NumPy arrays, with the same errors as `nnfs_ref.pure`.

`array` is Part 1's rule (every number becomes float64). `floats` is Part 2's: a
float32 array stays float32, the dtype the book computes in after `nnfs.init()`,
and anything else becomes float64 as in Part 1. The helpers below them compute
what must give the same bits on every CPU (`exp_rounded`, `log_rounded`) or is
needed fast on every training step (`row_max`).
"""

from __future__ import annotations

from typing import cast

import numpy as np
import numpy.typing as npt

from nnfs_ref import _checks

Array = npt.NDArray[np.float64]
Floats = npt.NDArray[np.float32] | npt.NDArray[np.float64]
_NUMERIC = "biuf"


def array(x: npt.ArrayLike, name: str, func: str) -> Array:
    """Convert to a float64 array, raising the same errors as `nnfs_ref.pure`."""
    if type(x) is np.ndarray and x.dtype.kind in _NUMERIC:  # fast path, no copy for float64
        return x.astype(np.float64, copy=False)
    try:
        arr = np.asarray(x)
    except (ValueError, TypeError) as exc:  # NumPy's "inhomogeneous shape" and friends
        _checks.convert(x, name, func)  # raises our message, naming the ragged row or bad value
        raise TypeError(f"{func}: {name} could not be read as numbers: {exc}") from exc
    if arr.dtype.kind in _NUMERIC:
        return arr.astype(np.float64, copy=False)
    _checks.convert(x, name, func)  # strings, None, complex: raises naming the value
    try:  # an object array of real numbers, e.g. Fraction or Decimal
        return np.asarray(x, dtype=np.float64)
    except (ValueError, TypeError) as exc:
        raise TypeError(f"{func}: {name} must hold numbers; got dtype {arr.dtype}") from exc


def floats(x: object, name: str, func: str) -> Floats:
    """A float32 array as it is; anything else as `array` converts it (float64)."""
    if type(x) is np.ndarray and x.dtype == np.float32:
        out: npt.NDArray[np.float32] = x
        return out
    return array(x, name, func)  # type: ignore[arg-type]


def exp_rounded(x: Floats) -> Floats:
    """`e ** x` computed in float64 and rounded to `x`'s dtype.

    NumPy's float32 `exp` gives other last digits with other SIMD code; a float64
    `exp` rounded to float32 gave the same bits with every code path tried, for
    every float32 input softmax meets (tests/test_exp_log_digest.py).
    """
    return cast(Floats, np.exp(x.astype(np.float64)).astype(x.dtype))


def log_rounded(x: Floats) -> Floats:
    """The natural logarithm computed in float64 and rounded to `x`'s dtype (see
    `exp_rounded`)."""
    return cast(Floats, np.log(x.astype(np.float64)).astype(x.dtype))


def row_max(x: Floats) -> Floats:
    """The largest value of each row (of `x` itself if a vector), with keepdims.

    Over a batch, taken from a transposed copy: NumPy reduces over its first axis faster
    than along short rows, and the largest value does not depend on the order.
    """
    if x.ndim == 2:
        out: Floats = np.maximum.reduce(np.ascontiguousarray(x.T), axis=0)[:, None]
        return out
    return np.maximum.reduce(x, axis=-1, keepdims=True)
