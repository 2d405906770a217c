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
import subprocess
import sys

import pytest

from tests.book_numbers import LIMITED
from tests.limited_dispatch import CONFIRMATION
from tests.sitebuild import ROOT


@pytest.mark.slow
def test_part_2_passes_with_simd_and_openblas_limited() -> None:
    env = {**os.environ, **LIMITED}
    command = [
        sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "0",
        "-p", "tests.limited_dispatch",
        "docs/part2", "tests/test_worked_numbers_part2.py", "tests/test_properties_part2.py",
    ]  # fmt: skip
    run = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False
    )
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert CONFIRMATION in run.stdout


def test_the_plugin_refuses_a_run_that_is_not_limited() -> None:
    env = {k: v for k, v in os.environ.items() if k not in LIMITED}
    command = [
        sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "0",
        "-p", "tests.limited_dispatch", "--collect-only", "tests/test_fences.py",
    ]  # fmt: skip
    run = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    if "found': []" in run.stdout:  # a CPU with no extension above the baseline
        pytest.skip("this CPU has no SIMD extension above the baseline to disable")
    assert run.returncode != 0
    assert "the limit did not take" in run.stdout + run.stderr
