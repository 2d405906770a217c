"""A pytest plugin for the run with the oldest code paths (tests/test_limited_dispatch.py).

Loaded with `-p tests.limited_dispatch` in a pytest started with NumPy's SIMD
dispatch, OpenBLAS's kernels and glibc limited (docs_build/core/codepaths.py).
It checks, in that same process, that the limit took: NumPy found no SIMD
extension above its baseline.
"""

from __future__ import annotations

import pytest

from tests.same_digits import runtime

CONFIRMATION = "SIMD dispatch limited: no extension found above the baseline"


def pytest_configure(config: pytest.Config) -> None:
    found = runtime()["found"]
    if found:
        raise pytest.UsageError(f"NumPy still dispatches to {found}: the limit did not take")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    terminalreporter.write_line(CONFIRMATION)
