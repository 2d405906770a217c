"""nnfs_ref prints the same digits, and returns the same bytes, whatever the CPU.

NumPy picks SIMD code for float32 `exp`/`log` by CPU at run time, OpenBLAS picks its
matrix kernels by CPU, and glibc picks FMA or plain versions of `sin`, `exp` and
`log`. tests/same_digits.py computes examples F, G and H, the data sets and the small
examples; it runs here in fresh processes with the default choices and with each
limited to the oldest code this machine can run (docs_build/core/codepaths.py), and
both runs must give the same bytes and the book's digits.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from docs_build.core import codepaths
from tests.book_numbers import BOOK_F, BOOK_G, BOOK_H
from tests.same_digits import json_of_child

SCRIPT = Path(__file__).resolve().parent / "same_digits.py"


@cache
def run(configuration: str) -> dict[str, Any]:
    """Run the script in a fresh interpreter; NumPy reads these variables when imported."""
    return json_of_child([str(SCRIPT)], configuration)


def test_the_limited_run_really_has_no_simd_extension_above_the_baseline() -> None:
    """The allow-list is NumPy's own baseline: whatever this CPU has above it is off,
    including extensions no NumPy release knew when this test was written."""
    simd = run("limited")["simd"]
    assert simd["found"] == [], simd
    assert simd["baseline"] == codepaths.simd_baseline(), simd
    assert set(codepaths.simd_dispatch()) <= set(simd["not_found"]), simd


def test_a_limit_that_leaves_an_extension_on_is_caught() -> None:
    """The check above can fail: allowing one dispatch target leaves it found on a CPU
    that has it (NumPy reads the variable when imported, so this is a child process)."""
    default = run("default")["simd"]["found"]
    if not default:
        pytest.skip("this CPU has no SIMD extension above NumPy's baseline")
    allowed = " ".join([*codepaths.simd_baseline(), default[0]])
    child = json_of_child([str(SCRIPT), "--runtime"], "limited", NPY_ENABLE_CPU_FEATURES=allowed)
    assert child["simd"]["found"] == [default[0]], child


def test_the_limited_run_really_uses_other_openblas_kernels() -> None:
    """OpenBLAS ignores a core name it does not know; threadpoolctl reports the one in use.

    (OpenBLAS 0.3.31 reports its Prescott kernels as "Katmai".)
    """
    if "OPENBLAS_CORETYPE" not in codepaths.limited_environment():
        pytest.skip(f"NumPy's BLAS here is not OpenBLAS on a known CPU: {codepaths.blas()}")
    default, limited = run("default")["simd"]["openblas"], run("limited")["simd"]["openblas"]
    assert len(default) == len(limited) == 1, (default, limited)  # one OpenBLAS, reported
    if default[0] in ("Prescott", "Katmai", "ARMV8"):
        pytest.skip(f"this CPU's default OpenBLAS kernels are already the oldest: {default}")
    assert limited != default


def test_the_default_run_reports_its_simd_extensions() -> None:
    simd = run("default")["simd"]
    assert simd["baseline"], simd
    assert "<not printed>" not in simd["found"] + simd["not_found"], simd
    assert set(codepaths.simd_dispatch()) == set(simd["found"] + simd["not_found"]), simd


@pytest.mark.parametrize("configuration", ["default", "limited"])
def test_the_book_digits_for_f_g_h(configuration: str) -> None:
    results = run(configuration)["results"]
    assert results["F"] == BOOK_F
    assert results["G"] == BOOK_G
    assert results["H"] == BOOK_H


def test_the_oldest_code_paths_give_the_same_bytes_except_float64_sine() -> None:
    default, limited = (json.loads(json.dumps(run(c)["results"])) for c in ("default", "limited"))
    sine = default["bytes"].pop("sine"), limited["bytes"].pop("sine")
    assert limited == default
    # sine_data is float64, as in the book's package, and float64 sin is only
    # faithful to the last bit (glibc's FMA and plain versions may differ there):
    # compare it to within one unit in the last place.
    a, b = (np.frombuffer(bytes.fromhex(s), dtype=np.float64) for s in sine)
    assert np.all(np.abs(a - b) <= np.spacing(np.abs(a)))
