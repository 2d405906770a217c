"""A pytest plugin for the run under limited SIMD dispatch (tests/test_limited_dispatch.py).

Loaded with `-p tests.limited_dispatch` in a pytest started with NumPy's SIMD
dispatch and OpenBLAS's kernels limited (tests/book_numbers.LIMITED). It checks,
in that same process, that the limit took: a misspelt feature name would only
raise a hidden warning and disable nothing.
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
