"""The plain-loops versus NumPy timing chart, drawn from `make bench` results.

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


#: The chart's bars, top to bottom in each group: key, CSS class, legend, short label.
SERIES = (
    ("loops_seconds", "bar-pure", "plain loops (the lesson's code)", "loops"),
    ("numpy_lists_seconds", "bar-lists", "NumPy, from lists", "lists"),
    ("numpy_arrays_seconds", "bar-numpy", "NumPy, on arrays", "arrays"),
)
_CHAR = 7.3  # width of one 12px monospace character, for laying out the legend


def speed_chart(data: dict[str, Any]) -> str:
    """Bars on a log scale: the lesson's loops, NumPy from lists, NumPy on arrays."""
    rows = data["speedup"]
    times = [r[key] for r in rows for key, *_ in SERIES]
    if min(times) <= 0:
        raise ValueError("timings must be positive")
    low, high = math.floor(math.log10(min(times))), math.ceil(math.log10(max(times)))
    left, width, bar, gap, pitch = 150, 380, 16, 4, 76

    def x_of(seconds: float) -> float:
        return left + width * (math.log10(seconds) - low) / (high - low)

    body: list[str] = []
    x = 10.0
    for _, css, legend, _ in SERIES:
        body += [rect(x, 8, 14, 14, css), text(x + 20, 15, legend, "tick", "start")]
        x += 20 + _CHAR * len(legend) + 24
    bottom = 40 + pitch * len(rows)
    for power in range(low, high + 1):
        x = x_of(10.0**power)
        body += [
            line(x, 30, x, bottom, "grid"),
            text(x, bottom + 20, _milliseconds(10.0**power), "tick"),
        ]
    for i, r in enumerate(rows):
        s = r["shape"]
        y = 40 + pitch * i
        middle = y + (len(SERIES) * (bar + gap) - gap) / 2
        size = f"{s['batch']}×{s['features']} → {s['neurons']}"
        body.append(text(left - 10, middle, size, "label", "end"))
        for j, (key, css, _, short) in enumerate(SERIES):
            top = y + j * (bar + gap)
            end = x_of(r[key])
            body.append(rect(left, top, end - left, bar, css))
            label = f"{short} {_milliseconds(r[key])}"
            body.append(text(end + 6, top + bar / 2, label, "tick", "start"))
    m = data["machine"]
    summary = "; ".join(
        f"{r['shape']['batch']} samples × {r['shape']['features']} features → "
        f"{r['shape']['neurons']} neurons: plain loops {_milliseconds(r['loops_seconds'])}, "
        f"NumPy from lists {_milliseconds(r['numpy_lists_seconds'])}, "
        f"NumPy on arrays {_milliseconds(r['numpy_arrays_seconds'])}"
        for r in rows
    )
    alt = (
        "Time of one layer on a batch: the lesson's plain loops, NumPy starting from "
        f"Python lists, and NumPy on ready-made arrays (log scale). {summary}."
    )
    caption = (
        f"Measured by make bench on {m['date'][:10]}: {m['processor']} ({m['cpu_count']} cores), "
        f"Python {m['python']}, NumPy {m['numpy']}. Log scale: each grid line is "
        f"ten times the one before."
    )
    return figure(660, bottom + 40, alt, body, caption)
