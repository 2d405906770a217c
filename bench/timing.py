"""Best-of-N timing helpers."""

from __future__ import annotations

import timeit
from collections.abc import Callable


def best(fn: Callable[[], object], number: int, repeat: int) -> float:
    """Best (smallest) time of one call, in seconds, over `repeat` runs of `number` calls."""
    return min(timeit.Timer(fn).repeat(repeat=repeat, number=number)) / number


def best_interleaved(
    a: Callable[[], object], b: Callable[[], object], number: int, repeat: int
) -> tuple[float, float]:
    """Best times of `a` and `b`, alternating runs so drift in the machine hits both alike."""
    ta, tb = timeit.Timer(a), timeit.Timer(b)
    times_a, times_b = [], []
    for _ in range(repeat):
        times_a.append(ta.timeit(number))
        times_b.append(tb.timeit(number))
    return min(times_a) / number, min(times_b) / number
