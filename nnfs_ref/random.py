"""Random numbers drawn as the book draws them, without touching NumPy's global state.

The book calls `nnfs.init()`, which seeds NumPy's global legacy generator with 0
and makes `np.random.randn` return float32. Here every function that needs random
numbers takes an explicit stream instead: a `numpy.random.RandomState` (the same
legacy algorithm, so the same numbers) or a seed to create one. Share one stream
and draw in the book's order (data, then layer 1, then layer 2) to get its digits.
"""

from __future__ import annotations

import numbers

import numpy as np
import numpy.typing as npt

from nnfs_ref._checks import show

__all__ = ["book_stream", "normal32"]

#: What a function that draws random numbers accepts: a stream, or a seed for a new one.
Stream = np.random.RandomState | int


def book_stream(seed: int = 0) -> np.random.RandomState:
    """A new random stream that gives the numbers `nnfs.init()` gives, seeded with `seed`.

    `nnfs.init()` seeds NumPy's global legacy generator with 0; this makes a private
    generator of the same kind, so NumPy's global state is never changed.

    ```pycon
    >>> from nnfs_ref.random import book_stream
    >>> rng = book_stream()
    >>> print(rng.randn(2))
    [1.76405235 0.40015721]

    ```
    """
    return _as_stream(seed, "book_stream")


def _as_stream(rng: object, func: str) -> np.random.RandomState:
    """`rng` itself if it is a `RandomState`, a new one if it is a seed; else TypeError."""
    if isinstance(rng, np.random.RandomState):
        return rng
    if isinstance(rng, numbers.Integral) and not isinstance(rng, bool):
        if not 0 <= int(rng) < 2**32:
            raise ValueError(f"{func}: a seed must be between 0 and 2**32 - 1; got {show(rng)}")
        return np.random.RandomState(int(rng))
    if isinstance(rng, np.random.Generator):
        raise TypeError(
            f"{func}: rng is a numpy.random.Generator, which draws other numbers than the "
            "book's generator; pass a numpy.random.RandomState or a whole-number seed"
        )
    raise TypeError(
        f"{func}: rng must be a numpy.random.RandomState or a whole-number seed; got {show(rng)}"
    )


def normal32(rng: Stream, *shape: int) -> npt.NDArray[np.float32]:
    """Standard normal numbers from `rng`, rounded to float32 as `nnfs.init()`'s `randn` does.

    The numbers are drawn in float64 (as `RandomState.randn` always does) and then
    rounded to float32, so the bits match the book's.

    ```pycon
    >>> from nnfs_ref.random import normal32
    >>> normal32(0, 2)
    array([1.7640524, 0.4001572], dtype=float32)

    ```
    """
    out: npt.NDArray[np.float32] = _as_stream(rng, "normal32").randn(*shape).astype(np.float32)
    return out
