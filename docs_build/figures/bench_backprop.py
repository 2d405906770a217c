"""The backprop-layer lesson's timing table, drawn from `make bench`'s committed results.

docs/data/bench_backprop.json is written by `python -m bench backprop` (part of
`make bench`) and committed, so the page shows real measurements, with the machine
they were taken on, and every build shows the same ones.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

from docs_build import PROJECT_ROOT
from docs_build.figures.bench import _milliseconds, _times, load_results, measured_on

BENCH_FILE = PROJECT_ROOT / "docs" / "data" / "bench_backprop.json"


def load_backprop_bench(path: Path = BENCH_FILE) -> dict[str, Any]:
    """The committed measurements of softmax + cross-entropy's two backward paths."""
    return load_results(path, "softmax_backward")


def machine_of(data: dict[str, Any]) -> str:
    """What the measurements ran on, in one sentence."""
    runs = {r["runs"] for r in data["softmax_backward"]}
    best = f"the best of {runs.pop()} runs of each" if len(runs) == 1 else "the best run of each"
    return f"{measured_on(data['machine'])}; {best}."


def backprop_speed_table(data: dict[str, Any]) -> str:
    """A table: each batch, the time of each path, and how many times faster the combined one is.

    Three columns, as Material gives each at least 5rem: more would not fit a phone."""
    rows = []
    for r in data["softmax_backward"]:
        separate, combined = r["separate_seconds"], r["combined_seconds"]
        if min(separate, combined) <= 0:
            raise ValueError("timings must be positive")
        shape = r["shape"]
        rows.append(
            f"<tr><td>{shape['samples']} × {shape['classes']}</td>"
            f"<td>{_milliseconds(separate)} / {_milliseconds(combined)}</td>"
            f"<td>{_times(separate / combined)}</td></tr>"
        )
    return (
        "<figure><table><thead><tr><th>batch</th><th>separate / combined</th>"
        "<th>speed-up</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
        f"<figcaption>{escape(machine_of(data))}</figcaption></figure>"
    )
