"""The environments blocks run in: this machine's default code paths, and its oldest.

NumPy picks SIMD code for float32 `exp`/`log` (and more) by CPU at run time,
OpenBLAS picks matrix kernels by CPU, and glibc picks FMA or plain versions of
its maths functions. The *limited* environment asks each for the oldest code
this machine's binaries can run, read from NumPy itself, never typed in:

- NumPy: `NPY_ENABLE_CPU_FEATURES` set to NumPy's own compile-time baseline
  (`__cpu_baseline__`: `X86_V2` on x86-64 wheels, the NEON/ASIMD set on arm64).
  It is an allow-list, so an extension a future CPU adds is off too. (Where a
  NumPy has no baseline, every dispatch target is disabled by name instead.)
- OpenBLAS, where NumPy uses it (threadpoolctl says): its oldest kernels of the
  architecture (`Prescott` on x86-64, `ARMV8` on arm64). Accelerate on macOS
  has no such switch: there only NumPy's dispatch is limited.
- glibc on x86-64 Linux: `GLIBC_TUNABLES` without AVX2 and FMA, so `exp`,
  `log` and `sin` take their plain SSE2 versions. (glibc on arm64 has one
  version of each.)

The variables take effect in a process started with them, before NumPy is
imported: `limited_environment()` is for child processes.
"""

from __future__ import annotations

import platform
import sys
from typing import Any

#: OpenBLAS's oldest kernels, by machine architecture.
OLDEST_OPENBLAS = {"x86_64": "Prescott", "aarch64": "ARMV8", "arm64": "ARMV8"}
#: Other OpenBLAS kernel families the doc tests must pass under, by architecture.
OTHER_OPENBLAS = {"x86_64": ("Nehalem", "Sandybridge", "Haswell")}
#: The variables any of the environments sets; a child starts without the parent's.
VARIABLES = (
    "NPY_ENABLE_CPU_FEATURES",
    "NPY_DISABLE_CPU_FEATURES",
    "OPENBLAS_CORETYPE",
    "GLIBC_TUNABLES",
)


def machine() -> str:
    """`x86_64`, `aarch64` or `arm64` (macOS), as the CPU architecture names go."""
    name = platform.machine().lower()
    return "x86_64" if name == "amd64" else name


def _multiarray() -> Any:
    import importlib

    try:  # NumPy 2
        return importlib.import_module("numpy._core._multiarray_umath")
    except ImportError:  # NumPy 1.x
        return importlib.import_module("numpy.core._multiarray_umath")


def simd_baseline() -> list[str]:
    """The SIMD extensions NumPy was compiled to assume (they cannot be turned off)."""
    return list(_multiarray().__cpu_baseline__)


def simd_dispatch() -> list[str]:
    """The SIMD extensions above the baseline NumPy can dispatch to at run time."""
    return list(_multiarray().__cpu_dispatch__)


def simd_found() -> list[str]:
    """The SIMD extensions above the baseline this process dispatches to (empty when
    limited)."""
    features = _multiarray().__cpu_features__
    return [name for name in simd_dispatch() if features.get(name)]


def blas() -> dict[str, str]:
    """The BLAS NumPy's matrix products use: `internal_api` and `architecture`, if known."""
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        return {}
    import numpy  # noqa: F401  (loads the BLAS threadpoolctl reports)

    for library in threadpool_info():
        if library.get("user_api") == "blas":
            return {k: str(library.get(k, "")) for k in ("internal_api", "architecture")}
    return {}


def limited_environment() -> dict[str, str]:
    """The variables that limit this machine to its oldest code paths (see the module)."""
    env: dict[str, str] = {}
    baseline = simd_baseline()
    if baseline:
        env["NPY_ENABLE_CPU_FEATURES"] = " ".join(baseline)
    elif simd_dispatch():
        env["NPY_DISABLE_CPU_FEATURES"] = " ".join(simd_dispatch())
    oldest = OLDEST_OPENBLAS.get(machine())
    if oldest and blas().get("internal_api") == "openblas":
        env["OPENBLAS_CORETYPE"] = oldest
    if machine() == "x86_64" and sys.platform.startswith("linux"):
        env["GLIBC_TUNABLES"] = "glibc.cpu.hwcaps=-AVX2,-FMA"
    return env


def openblas_environments() -> dict[str, dict[str, str]]:
    """The other OpenBLAS kernel families of this architecture, each as an environment."""
    if blas().get("internal_api") != "openblas":
        return {}
    return {core: {"OPENBLAS_CORETYPE": core} for core in OTHER_OPENBLAS.get(machine(), ())}


def child_environment(base: dict[str, str], extra: dict[str, str]) -> dict[str, str]:
    """`base` (os.environ) without any code-path variable of its own, plus `extra`."""
    return {**{k: v for k, v in base.items() if k not in VARIABLES}, **extra}
