"""nnfs_ref prints the same digits, and returns the same bytes, whatever the CPU.

NumPy picks SIMD code for float32 `exp`/`log` by CPU at run time, OpenBLAS picks its
matrix kernels by CPU, and glibc picks FMA or plain versions of `sin`, `exp` and
`log`. tests/same_digits.py computes examples F, G and H, the data sets and the small
examples; it runs here in fresh processes with the default choices and with each
limited to the oldest x86-64 code, and every run must give the same bytes and the
book's digits.
"""

from __future__ import annotations

import json
import platform
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from tests.book_numbers import BOOK_F, BOOK_G, BOOK_H, DISABLED
from tests.same_digits import json_of_child

SCRIPT = Path(__file__).resolve().parent / "same_digits.py"
X86_64 = platform.machine().lower() in ("x86_64", "amd64")


@cache
def run(configuration: str) -> dict[str, Any]:
    """Run the script in a fresh interpreter; NumPy reads these variables when imported."""
    return json_of_child([str(SCRIPT)], configuration)


@pytest.mark.skipif(not X86_64, reason="the feature names disabled here are x86-64's")
def test_the_limited_run_really_has_no_simd_extension_above_the_baseline() -> None:
    simd = run("limited")["simd"]
    assert simd["found"] == [], simd
    # A misspelt name disables nothing and only raises a hidden ImportWarning: each
    # name must be one NumPy knows, so it is listed as not found.
    assert set(DISABLED) <= set(simd["not_found"]), simd


def test_the_limited_run_really_uses_other_openblas_kernels() -> None:
    """OpenBLAS ignores a core name it does not know; threadpoolctl reports the one in use.

    (OpenBLAS 0.3.31 reports its Prescott kernels as "Katmai".)
    """
    default, limited = run("default")["simd"]["openblas"], run("limited")["simd"]["openblas"]
    assert len(default) == len(limited) == 1, (default, limited)  # one OpenBLAS, reported
    if default[0] in ("Prescott", "Katmai"):
        pytest.skip(f"this CPU's default OpenBLAS kernels are already the oldest: {default}")
    assert limited != default


def test_the_default_run_reports_its_simd_extensions() -> None:
    simd = run("default")["simd"]
    assert simd["baseline"], simd
    assert "<not printed>" not in simd["found"] + simd["not_found"], simd
    if X86_64:
        assert set(DISABLED) <= set(simd["found"] + simd["not_found"]), simd


@pytest.mark.parametrize("configuration", ["default", "limited", "no-fma-libm"])
def test_the_book_digits_for_f_g_h(configuration: str) -> None:
    results = run(configuration)["results"]
    assert results["F"] == BOOK_F
    assert results["G"] == BOOK_G
    assert results["H"] == BOOK_H


def test_limited_dispatch_gives_the_same_bytes() -> None:
    default, limited = run("default")["results"], run("limited")["results"]
    assert limited == default


def test_plain_libm_gives_the_same_bytes_except_float64_sine() -> None:
    default, plain = (json.loads(json.dumps(run(c)["results"])) for c in ("default", "no-fma-libm"))
    sine = default["bytes"].pop("sine"), plain["bytes"].pop("sine")
    assert plain == default
    # sine_data is float64, as in the book's package, and float64 sin is only
    # faithful to the last bit: compare it to within one unit in the last place.
    a, b = (np.frombuffer(bytes.fromhex(s), dtype=np.float64) for s in sine)
    assert np.all(np.abs(a - b) <= np.spacing(np.abs(a)))
