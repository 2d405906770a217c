"""What the benchmark ran on."""

from __future__ import annotations

import datetime
import json
import os
import platform
from pathlib import Path
from typing import Any

import numpy as np


def describe() -> dict[str, Any]:
    info: dict[str, Any] = {
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "platform": platform.platform(),
        "machine": platform.machine(),
        "processor": platform.processor() or _cpu_model(),
        "cpu_count": os.cpu_count(),
        "python": platform.python_version(),
        "numpy": np.__version__,
        "env": {k: os.environ[k] for k in sorted(os.environ) if _is_blas_var(k)},
    }
    try:
        config: Any = np.show_config(mode="dicts")
        info["blas"] = config["Build Dependencies"]["blas"]
    except Exception:  # older NumPy, or a build without this section
        info["blas"] = None
    try:
        import threadpoolctl

        info["threadpools"] = threadpoolctl.threadpool_info()
    except ImportError:
        info["threadpools"] = "threadpoolctl not installed"
    return info


def _is_blas_var(name: str) -> bool:
    return name.startswith(("OPENBLAS", "OMP_", "MKL_", "BLIS_")) or name == "NPY_BLAS_ORDER"


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return ""


def write_results(path: Path, results: dict[str, Any]) -> None:
    """Save one benchmark's results (with `describe()` in them) where the pages read them."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path}")
