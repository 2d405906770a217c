"""Central finite differences in float64, and the relative error the gradient tests use.

`numerical(f, x)` perturbs each element of `x` in place by ±h and returns
`(f(x + h) - f(x - h)) / 2h` for each; `relative_error` compares two gradients with
a floor, so that values near zero do not blow the ratio up.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import numpy.typing as npt

F64 = npt.NDArray[np.float64]


def numerical(f: Callable[[], float], x: F64, h: float = 1e-5) -> F64:
    """The gradient of `f()` with respect to the array `x` (changed in place, then restored)."""
    grad = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        saved = x[index]
        x[index] = saved + h
        up = f()
        x[index] = saved - h
        down = f()
        x[index] = saved
        grad[index] = (up - down) / (2 * h)
    return grad


def relative_error(analytic: npt.ArrayLike, numeric: npt.ArrayLike) -> float:
    """max |a - n| / max(|a| + |n|, 1e-4): 0 for equal gradients, about 1 for unrelated ones.

    The floor keeps a gradient that is truly 0 (where rounding leaves the difference
    quotient at about 1e-10) from counting as a large relative error.
    """
    a, n = np.asarray(analytic, dtype=np.float64), np.asarray(numeric, dtype=np.float64)
    assert a.shape == n.shape, (a.shape, n.shape)
    return float(np.max(np.abs(a - n) / np.maximum(np.abs(a) + np.abs(n), 1e-4)))
