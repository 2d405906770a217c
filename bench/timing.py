"""Timing helpers: best of N, and the CPU seconds of child processes and of the machine."""

from __future__ import annotations

import os
import timeit
from collections.abc import Callable
from pathlib import Path


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


def children_cpu() -> float:
    """CPU seconds of the child processes this process has waited for, so far (Unix)."""
    import resource  # not on Windows, where `make bench`'s other helpers still run

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def machine_cpu() -> float | None:
    """CPU seconds every process of this machine has used since it started (Linux's
    /proc/stat: all time but idle and waiting for I/O), or None where there is none."""
    try:
        fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    except OSError:
        return None
    ticks = [int(field) for field in fields[:8]]  # guest time is counted in user time
    return (sum(ticks) - ticks[3] - ticks[4]) / os.sysconf("SC_CLK_TCK")
