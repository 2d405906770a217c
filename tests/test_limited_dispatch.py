"""Part 2 passes unchanged with NumPy's SIMD dispatch and OpenBLAS's kernels limited.

NumPy's float32 exp and log, and OpenBLAS's matrix products, give other last
digits on other CPUs. Part 2's pages and the nnfs_ref tests of its functions
run again here in a pytest of their own, started with the oldest x86-64 code
only (tests/book_numbers.LIMITED); tests/limited_dispatch.py checks in that
process that the limit took. Every output must be the same. (Part 2's
notebooks run under the same limit in tests/test_notebooks.py, whose kernels
for Part 2 are started with it.)
"""

from __future__ import annotations

import os

import pytest

from tests import limited_dispatch
from tests.book_numbers import LIMITED
from tests.limited_dispatch import CONFIRMATION
from tests.same_digits import runtime
from tests.sitebuild import ROOT, run_pytest


@pytest.mark.slow
def test_part_2_passes_with_simd_and_openblas_limited() -> None:
    run = run_pytest(
        ROOT,
        *("-p", "tests.limited_dispatch", "docs/part2"),
        *("tests/test_worked_numbers_part2.py", "tests/test_properties_part2.py"),
        env={**os.environ, **LIMITED},
    )
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert CONFIRMATION in run.stdout  # the plugin was loaded, and found the limit took


def test_the_plugin_refuses_a_run_that_is_not_limited(request: pytest.FixtureRequest) -> None:
    """This process is not limited: the plugin's check must stop a run like it."""
    if not runtime()["found"]:
        pytest.skip("this CPU has no SIMD extension above the baseline to disable")
    with pytest.raises(pytest.UsageError, match="the limit did not take"):
        limited_dispatch.pytest_configure(request.config)
