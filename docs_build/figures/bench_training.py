"""The speed page's training table, drawn from `make bench`'s committed results.

docs/data/bench_training.json is written by `python -m bench training` (part of
`make bench`) and committed: the book's Adam run of 10,001 epochs timed with the
book's own float32 code and with `nnfs_ref`, with the machine it ran on.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

from docs_build import PROJECT_ROOT
from docs_build.figures.bench import _milliseconds, load_results, measured_on

BENCH_FILE = PROJECT_ROOT / "docs" / "data" / "bench_training.json"
#: The table's rows: the key in the file and how the row names the code.
WAYS = (("book", "the book's code"), ("nnfs_ref", "<code>nnfs_ref</code>"))


def load_training_bench(path: Path = BENCH_FILE) -> dict[str, Any]:
    """The committed timings of the training run."""
    data = load_results(path, "training")
    if not all(way in data["training"] for way, _ in WAYS):
        raise ValueError(f"{path} has no training measurements; run `make bench`")
    return data


def training_table(data: dict[str, Any]) -> str:
    """A table: each way's CPU time for a whole run and for one epoch, and the ratio."""
    t = data["training"]
    rows = []
    for way, name in WAYS:
        run = t[way]["cpu_seconds"]
        if run <= 0:
            raise ValueError("timings must be positive")
        epoch = _milliseconds(run / t["epochs"])
        rows.append(f"<tr><td>{name}</td><td>{_milliseconds(run)}</td><td>{epoch}</td></tr>")
    caption = (
        f"{measured_on(data['machine'])}; CPU time, the median of "
        f"{t['repeats']} runs of each, taking turns. nnfs_ref took "
        f"{t['ratio']:.2f} times as long as the book's code."
    )
    return (
        f"<figure><table><thead><tr><th>code</th><th>{t['epochs']:,} epochs</th>"
        f"<th>one epoch</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
        f"<figcaption>{escape(caption)}</figcaption></figure>"
    )
