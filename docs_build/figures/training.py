"""The optimizer lessons: loss and accuracy against epoch, one line per training run.

Each run has a style of its own, so that no reader needs the colours: a colour, a dash
pattern and a marker shape (docs/stylesheets/figures.css, `.run-0` to `.run-5`). The
markers sit on every tenth logged point, each run's shifted by one, so that runs that
overlap still show their marks. The chart is 360 units wide, like Part 2's plots.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy.typing as npt

from docs_build.figures.grids import figure_of
from docs_build.figures.plots import Box, Point, floats, increasing
from docs_build.figures.svg import fmt, line, nice_ticks, text

#: (name for the alt text, marker drawn around a point), one per style; the circle
#: is a path too, so that every marker is filled the same way.
STYLES = (
    ("solid line, circles", "m-4 0a4 4 0 1 0 8 0a4 4 0 1 0-8 0z"),
    ("dashed line, squares", "m-3.5-3.5h7v7h-7z"),
    ("dotted line, triangles", "m0-4.5 4.5 8h-9z"),
    ("dash-dot line, diamonds", "m0-5 5 5-5 5-5-5z"),
    ("long dashes, crosses", "m-5-1.5h3.5v-3.5h3v3.5h3.5v3h-3.5v3.5h-3v-3.5h-3.5z"),
    ("short dashes, bars", "m-5-2h10v4h-10z"),
)
WIDTH, LEFT, PLOT_W, PLOT_H = 360, 54, 280, 120
LEGEND_ROW = 20
#: Every MARK_EVERY-th logged point of a run carries its marker.
MARK_EVERY = 10

#: A run: its name, the epochs logged, and the accuracy and loss at each.
Run = tuple[str, npt.ArrayLike, npt.ArrayLike, npt.ArrayLike]


def _series(run: Run) -> tuple[str, list[Point], list[Point]]:
    name, epochs, accuracies, losses = run
    xs = floats(epochs, f"the epochs of {name}")
    increasing(xs, f"the epochs of {name}")
    acc, loss = (
        floats(accuracies, f"the accuracies of {name}"),
        floats(losses, f"the losses of {name}"),
    )
    if not len(xs) == len(acc) == len(loss):
        raise ValueError(f"{name}: {len(xs)} epochs, {len(acc)} accuracies, {len(loss)} losses")
    if not all(0 <= a <= 1 for a in acc) or min(loss) < 0:
        raise ValueError(f"{name}: accuracies must lie in [0, 1] and losses be 0 or more")
    return name, list(zip(xs, acc, strict=True)), list(zip(xs, loss, strict=True))


def _marks(box: Box, points: Sequence[Point], style: int) -> str:
    """The run's marker on every MARK_EVERY-th point, starting at a point of its own."""
    shape = STYLES[style][1]
    chosen = points[1 + style % MARK_EVERY :: MARK_EVERY]
    d = "".join(f"M{box.x(x):.1f} {box.y(y):.1f}{shape}" for x, y in chosen)
    return f'<path class="run-mark run-{style}" d="{d}"/>'


def _panel(box: Box, title: str, y_ticks: list[float], x_ticks: list[float]) -> list[str]:
    body = [text(box.left, box.top - 12, title, "p2-title", "start"), *box.frame()]
    body += [line(box.left, box.y(v), box.left + box.width, box.y(v), "grid") for v in y_ticks]
    body += box.ticks(x_ticks, y_ticks)
    return body


def training_chart(runs: Sequence[Run], name: str, first_style: int = 0) -> str:
    """Loss (upper plot) and accuracy (lower plot) against epoch for each run.

    `runs` holds (name, epochs, accuracies, losses); run `i` is drawn in style
    `first_style + i` of STYLES, so two charts can share the styles without repeating
    one. `name` makes the plots' clip ids: unique on the page.
    """
    if not runs or first_style < 0 or first_style + len(runs) > len(STYLES):
        raise ValueError(f"need 1 to {len(STYLES) - first_style} runs, got {len(runs)}")
    series = [_series(run) for run in runs]
    last = max(p[-1][0] for _, p, _ in series)
    top_loss = max(v for _, _, loss in series for _, v in loss) * 1.05  # room above the top
    legend_h = LEGEND_ROW * len(series) + 10
    loss_box = Box(f"{name}-loss", LEFT, legend_h + 30, PLOT_W, PLOT_H, (0, last), (0, top_loss))
    acc_top = loss_box.top + PLOT_H + 58
    acc_box = Box(f"{name}-acc", LEFT, acc_top, PLOT_W, PLOT_H, (0, last), (0.0, 1.0))
    x_ticks = nice_ticks(0, last, 4)
    body: list[str] = []
    body += _panel(loss_box, "loss", nice_ticks(0, top_loss, 4), x_ticks)
    body += _panel(acc_box, "accuracy", [0.0, 0.25, 0.5, 0.75, 1.0], x_ticks)
    body.append(text(LEFT + PLOT_W / 2, acc_box.top + PLOT_H + 32, "epoch", "axis-label"))
    described = []
    for i, (label, acc, loss) in enumerate(series):
        style = first_style + i
        css = f"run-line run-{style}"
        for box, points in ((loss_box, loss), (acc_box, acc)):
            body += [box.curve(points, css), _marks(box, points, style)]
        y = 12 + LEGEND_ROW * i
        body += [
            line(12, y, 52, y, css),
            f'<path class="run-mark run-{style}" d="M32 {y}{STYLES[style][1]}"/>',
            text(62, y, label, "p2-tick", "start"),
        ]
        described.append(
            f"{label} ({STYLES[style][0]}): loss from {loss[0][1]:.3f} to {loss[-1][1]:.3f}, "
            f"accuracy from {acc[0][1]:.3f} to {acc[-1][1]:.3f}"
        )
    alt = (
        f"Two plots against the epoch, from 0 to {fmt(last)}: the loss above, the accuracy "
        f"below, one line per run. " + "; ".join(described) + "."
    )
    return figure_of(WIDTH, acc_box.top + PLOT_H + 46, alt, body)
