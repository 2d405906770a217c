"""The plain-loops versus NumPy timing chart, drawn from `make bench` results.

The data file (docs/data/bench.json) is written by `make bench` and committed,
so the chart shows real measurements and the build stays reproducible.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from docs_build import PROJECT_ROOT
from docs_build.figures.svg import figure, line, rect, text

BENCH_FILE = PROJECT_ROOT / "docs" / "data" / "bench.json"


def load_results(path: Path, key: str) -> dict[str, Any]:
    """A committed `make bench` results file, which must hold measurements under `key`."""
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    if not data.get(key):
        raise ValueError(f"{path} has no {key} measurements; run `make bench`")
    return data


def measured_on(machine: dict[str, Any]) -> str:
    """When and on what a benchmark ran: date, processor, cores, Python and NumPy."""
    m = machine
    return (
        f"Measured on {m['date'][:10]}: {m['processor']} ({m['cpu_count']} cores), "
        f"Python {m['python']}, NumPy {m['numpy']}"
    )


def load_bench(path: Path = BENCH_FILE) -> dict[str, Any]:
    """The committed benchmark results."""
    return load_results(path, "speedup")


def _milliseconds(seconds: float) -> str:
    if seconds >= 1:
        return f"{seconds:.3g} s"
    ms = seconds * 1e3
    return f"{ms:.3g} ms" if ms >= 1 else f"{ms * 1e3:.3g} µs"


#: The chart's bars, top to bottom in each group: key, CSS class, legend, short label.
#: Each series has a colour and a look of its own (docs/stylesheets/figures.css): the
#: loops hatched, NumPy from lists a dashed outline, NumPy on arrays solid, so that no
#: reader needs the colours to tell them apart.
SERIES = (
    ("loops_seconds", "bar-pure", "plain loops (the lesson's code)", "loops"),
    ("numpy_lists_seconds", "bar-lists", "NumPy, from lists", "lists"),
    ("numpy_arrays_seconds", "bar-numpy", "NumPy, on arrays", "arrays"),
)
#: The loops' hatching: diagonal stripes on a tint, both drawn in the series colour.
HATCH_ID = "nnfs-speed-hatch"
HATCH = (
    f'<defs><pattern id="{HATCH_ID}" patternUnits="userSpaceOnUse" width="5" height="5" '
    'patternTransform="rotate(45)">'
    '<rect width="5" height="5" class="hatch-bg"/>'
    '<line x1="1" y1="0" x2="1" y2="5" class="hatch-line"/></pattern></defs>'
)
#: Fills given in the SVG itself (a pattern); the other series are filled by the CSS.
_FILLS = {"bar-pure": f"url(#{HATCH_ID})"}
WIDTH = 420  # narrow enough that 14px text stays above 11px on a phone
_CHAR = 8.5  # width of one 14px monospace character, to keep tick labels apart


def _bar(x: float, y: float, width: float, height: float, css: str) -> str:
    """A bar or a legend swatch of one series, with that series' fill."""
    drawn = rect(x, y, width, height, css)
    fill = _FILLS.get(css)
    return drawn.replace("/>", f' fill="{fill}"/>') if fill else drawn


def speed_chart(data: dict[str, Any]) -> str:
    """Bars on a log scale: the lesson's loops, NumPy from lists, NumPy on arrays."""
    rows = data["speedup"]
    times = [r[key] for r in rows for key, *_ in SERIES]
    if min(times) <= 0:
        raise ValueError("timings must be positive")
    low, high = math.floor(math.log10(min(times))), math.ceil(math.log10(max(times)))
    # Bars start at `left`; the longest label ("loops 99.7 ms") must still fit after a bar.
    left, axis, bar, gap = 24, 276, 18, 4

    def x_of(seconds: float) -> float:
        return left + axis * (math.log10(seconds) - low) / (high - low)

    body: list[str] = [HATCH, '<g class="legend">']
    for i, (_, css, legend, _) in enumerate(SERIES):
        y = 8 + 22 * i
        body += [_bar(10, y, 14, 14, css), text(32, y + 7, legend, "tick", "start")]
    body.append("</g>")
    top = 8 + 22 * len(SERIES) + 16
    group = 24 + len(SERIES) * (bar + gap) + 12
    bottom = top + group * len(rows)
    powers = range(low, high + 1)
    # Label every grid line when the labels fit between them, else every other one.
    step = 1 if axis / (high - low) >= _CHAR * 7 else 2
    for power in powers:
        x = x_of(10.0**power)
        if (power - low) % step == 0:
            body.append(text(x, bottom + 16, _milliseconds(10.0**power), "tick"))
    for i, r in enumerate(rows):
        s = r["shape"]
        y = top + group * i
        # Grid lines behind the bars only, so that they do not cross the heading.
        bars_end = y + group - 4 if i < len(rows) - 1 else bottom
        body += [line(x_of(10.0**p), y + 20, x_of(10.0**p), bars_end, "grid") for p in powers]
        heading = f"{s['batch']} samples × {s['features']} features → {s['neurons']} neurons"
        body.append(text(10, y + 10, heading, "axis-label", "start"))
        for j, (key, css, _, short) in enumerate(SERIES):
            bar_top = y + 24 + j * (bar + gap)
            end = x_of(r[key])
            body.append(_bar(left, bar_top, end - left, bar, css))
            label = f"{short} {_milliseconds(r[key])}"
            body.append(text(end + 6, bar_top + bar / 2, label, "tick", "start"))
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
        f"{measured_on(data['machine'])}. Log scale: each grid line is ten times the one before."
    )
    return figure(WIDTH, bottom + 30, alt, body, caption)


def _times(ratio: float) -> str:
    return f"{ratio:.1f}×" if ratio < 10 else f"{ratio:,.0f}×"


def speed_table(data: dict[str, Any]) -> str:
    """The same measurements as ratios: how many times faster NumPy is than the loops."""
    rows = "".join(
        f"<tr><td>{r['shape']['batch']} × {r['shape']['features']} → {r['shape']['neurons']}</td>"
        f"<td>{_times(r['loops_over_numpy_lists'])}</td>"
        f"<td>{_times(r['loops_over_numpy_arrays'])}</td></tr>"
        for r in data["speedup"]
    )
    return (
        "<table><thead><tr><th>samples × features → neurons</th>"
        "<th>NumPy from lists</th><th>NumPy on arrays</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )
