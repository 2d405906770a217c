"""The pure-Python versus NumPy timing chart, drawn from `make bench` results.

The data file (docs/data/bench.json) is written by `make bench` and committed,
so the chart shows real measurements and the build stays reproducible.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from docs_build.figures.svg import figure, line, rect, text

BENCH_FILE = Path(__file__).resolve().parents[2] / "docs" / "data" / "bench.json"


def load_bench(path: Path = BENCH_FILE) -> dict[str, Any]:
    """The committed benchmark results."""
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    if not data.get("speedup"):
        raise ValueError(f"{path} has no speedup measurements; run `make bench`")
    return data


def _milliseconds(seconds: float) -> str:
    if seconds >= 1:
        return f"{seconds:.3g} s"
    ms = seconds * 1e3
    return f"{ms:.3g} ms" if ms >= 1 else f"{ms * 1e3:.3g} µs"


def speed_chart(data: dict[str, Any]) -> str:
    """Bars on a log scale: pure.layer and vectorized.layer time for each size."""
    rows = data["speedup"]
    times = [t for r in rows for t in (r["pure_seconds"], r["vectorized_arrays_seconds"])]
    if min(times) <= 0:
        raise ValueError("timings must be positive")
    low, high = math.floor(math.log10(min(times))), math.ceil(math.log10(max(times)))
    left, width, bar = 150, 400, 18

    def x_of(seconds: float) -> float:
        return left + width * (math.log10(seconds) - low) / (high - low)

    body: list[str] = [
        rect(left, 8, 14, 14, "bar-pure"),
        text(left + 20, 15, "pure Python (nnfs_ref.pure)", "tick", "start"),
        rect(left + 230, 8, 14, 14, "bar-numpy"),
        text(left + 250, 15, "NumPy (nnfs_ref.vectorized)", "tick", "start"),
    ]
    for power in range(low, high + 1):
        x = x_of(10.0**power)
        body += [
            line(x, 30, x, 40 + 70 * len(rows), "grid"),
            text(x, 60 + 70 * len(rows), _milliseconds(10.0**power), "tick"),
        ]
    for i, r in enumerate(rows):
        s = r["shape"]
        y = 40 + 70 * i
        body.append(
            text(
                left - 10, y + bar, f"{s['batch']}×{s['features']} → {s['neurons']}", "label", "end"
            )
        )
        for j, (key, css) in enumerate(
            (("pure_seconds", "bar-pure"), ("vectorized_arrays_seconds", "bar-numpy"))
        ):
            top = y + j * (bar + 4)
            body.append(rect(left, top, x_of(r[key]) - left, bar, css))
            body.append(
                text(x_of(r[key]) + 6, top + bar / 2, _milliseconds(r[key]), "tick", "start")
            )
    m = data["machine"]
    summary = "; ".join(
        f"{r['shape']['batch']} samples × {r['shape']['features']} features → "
        f"{r['shape']['neurons']} neurons: pure {_milliseconds(r['pure_seconds'])}, "
        f"NumPy {_milliseconds(r['vectorized_arrays_seconds'])}"
        for r in rows
    )
    alt = f"Time of one layer on a batch, pure Python against NumPy (log scale). {summary}."
    caption = (
        f"Measured by make bench on {m['date'][:10]}: {m['processor']} ({m['cpu_count']} cores), "
        f"Python {m['python']}, NumPy {m['numpy']}. Log scale: each grid line is "
        f"ten times the one before."
    )
    return figure(620, 80 + 70 * len(rows), alt, body, caption)
