"""docs_build/figures/training.py: loss and accuracy against epoch, one style per run.

A run must be told apart without its colour: each has its own dash pattern (CSS, by
class) and marker shape, in the plots and in the legend.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

import pytest

from docs_build.figures.training import MARK_EVERY, STYLES, training_chart
from tests.figures.lessons import RUN_NAMES, training_runs
from tests.svg import SVG, parse


def paths_of(svg: ET.Element, style: int) -> list[str]:
    """The marker paths of one run: on the loss plot, on the accuracy plot, in the legend."""
    return [
        p.get("d") or ""
        for p in svg.iter(f"{SVG}path")
        if p.get("class") == f"run-mark run-{style}"
    ]


def first_x(d: str) -> float:
    found = re.match(r"M([\d.]+)", d)
    assert found
    return float(found[1])


def test_every_run_has_a_line_per_plot_and_a_legend_entry() -> None:
    figure = parse(training_chart(training_runs(), "six"))
    assert set(RUN_NAMES) <= set(figure.texts)
    assert {"loss", "accuracy", "epoch", "0", "5000", "10000"} <= set(figure.texts)
    lines = [p.get("class") or "" for p in figure.svg.iter(f"{SVG}polyline")]
    assert sorted(lines) == sorted(f"run-line run-{k}" for k in range(6) for _ in range(2))
    drawn = [line.get("class") or "" for line in figure.svg.iter(f"{SVG}line")]
    legend = [css for css in drawn if "run-" in css]
    assert legend == [f"run-line run-{k}" for k in range(6)]


def test_each_run_has_its_own_marker_staggered_along_the_line() -> None:
    runs = training_runs()
    figure = parse(training_chart(runs, "six"))
    shapes = set()
    for k in range(6):
        plot_loss, plot_acc, swatch = paths_of(figure.svg, k)
        points = len(runs[k][1])
        expected = len(range(1 + k % MARK_EVERY, points, MARK_EVERY))
        assert plot_loss.count("M") == plot_acc.count("M") == expected
        fragments = set(re.split(r"M[\d.]+ [\d.]+", plot_loss + swatch)) - {""}
        assert len(fragments) == 1
        shapes |= fragments
    assert len(shapes) == len(STYLES)
    # Each run's first marker sits one logged point later than the previous run's.
    firsts = [first_x(paths_of(figure.svg, k)[0]) for k in range(6)]
    assert firsts == sorted(firsts)
    assert len(set(firsts)) == 6


def test_a_second_chart_goes_on_with_the_next_styles() -> None:
    figure = parse(training_chart(training_runs()[3:], "adapt", first_style=3))
    classes = {p.get("class") for p in figure.svg.iter(f"{SVG}polyline")}
    assert classes == {"run-line run-3", "run-line run-4", "run-line run-5"}
    assert "dash-dot line, diamonds" in figure.title
    assert 'clipPath id="p2-clip-adapt-loss"' in training_chart(training_runs()[3:], "adapt", 3)


def test_the_alt_text_gives_each_run_from_start_to_end() -> None:
    figure = parse(training_chart(training_runs()[:1], "one"))
    assert figure.title.startswith("Two plots against the epoch, from 0 to 10000")
    assert "SGD (solid line, circles): loss from 1.099 to 0.150" in figure.title
    assert "accuracy from 0.360 to 0.968" in figure.title


def test_the_loss_axis_reaches_the_highest_loss() -> None:
    name, epochs, acc, loss = training_runs()[0]
    spiked = [*loss[:50], 2.5, *loss[51:]]
    figure = parse(training_chart([(name, epochs, acc, spiked)], "spike"))
    assert {"0", "1", "2"} <= set(figure.texts)
    frame = next(r for r in figure.svg.iter(f"{SVG}rect") if r.get("class") == "plot-frame")
    loss_line = next(figure.svg.iter(f"{SVG}polyline")).get("points") or ""
    highest = min(float(point.split(",")[1]) for point in loss_line.split())
    assert float(frame.get("y") or 0) < highest < float(frame.get("y") or 0) + 10


@pytest.mark.parametrize(
    ("runs", "first", "message"),
    [
        ([], 0, "need 1 to 6 runs"),
        (training_runs()[:2], 5, "need 1 to 1 runs"),
        ([("r", [0, 100], [0.5], [1.0, 0.9])], 0, "2 epochs, 1 accuracies, 2 losses"),
        ([("r", [100, 0], [0.5, 0.6], [1.0, 0.9])], 0, "the epochs of r must increase"),
        ([("r", [0, 100], [0.5, 1.5], [1.0, 0.9])], 0, "accuracies must lie in"),
        ([("r", [0, 100], [0.5, 0.6], [1.0, float("nan")])], 0, "finite"),
    ],
)
def test_training_chart_rejects_bad_input(runs: list[Any], first: int, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        training_chart(runs, "bad", first_style=first)
