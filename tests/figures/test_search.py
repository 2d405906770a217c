"""docs_build/figures/search.py: the lowest loss so far of each random-search run."""

from __future__ import annotations

import pytest

from docs_build.figures.search import X_TITLE, last_drop, search_figure
from tests.figures.lessons import search_runs
from tests.svg import SVG, parse


def test_search_figure_describes_each_run_and_its_look() -> None:
    figure = parse(search_figure(search_runs(), zoom=(1.075, 1.105)))
    assert "for 3 runs" in figure.title
    assert (
        "try 1: new weights, vertical data (dashed line, squares): 1.0987 after 1 iteration, "
        "1.0964 after 10000, last lowered at iteration 9450" in figure.title
    )
    assert "(solid line, circles): 1.0988 after 1 iteration, 0.1728 after 10000" in figure.title
    assert "(dotted line, triangles)" in figure.title
    assert "last lowered at iteration 5415" in figure.title
    assert "magnifies losses from 1.075 to 1.105" in figure.title
    labels = {label for label, _ in search_runs()}
    assert labels | {"1", "10", "100", "1000", "10000", X_TITLE} <= set(figure.texts)


def test_search_figure_draws_a_staircase_per_run_in_each_plot() -> None:
    svg = parse(search_figure(search_runs(), zoom=(1.075, 1.105))).svg
    lines = [p.get("class") for p in svg.iter(f"{SVG}polyline")]
    assert lines == ["p2-target", "p2-curve", "p3-dotted"] * 2
    first = next(svg.iter(f"{SVG}polyline")).get("points", "").split()
    assert len(first) == 2 + 2 * 2  # start, two drops of two points each, end


def test_markers_tell_the_runs_apart_by_shape() -> None:
    svg = parse(search_figure(search_runs(), zoom=(1.075, 1.105))).svg
    shapes = {
        tag: len([e for e in svg.iter(f"{SVG}{tag}") if e.get("class") == "p3-marker"])
        for tag in ("rect", "circle", "polygon")
    }
    # One in the legend, one per decade (1 to 10000) in the upper plot; in the
    # magnified plot only those inside its band (the vertical run drops out of it).
    assert shapes["rect"] == 1 + 5 + 5
    assert shapes["polygon"] == 1 + 5 + 5
    assert shapes["circle"] == 1 + 5 + 2


def test_last_drop_counts_from_zero() -> None:
    assert last_drop([3.0, 2.0, 2.0, 1.0, 1.0]) == 3
    assert last_drop([1.0, 1.0]) == 0


def test_search_figure_rejects_bad_runs() -> None:
    runs = search_runs()
    with pytest.raises(ValueError, match="need 1 to 3 runs, got 4"):
        search_figure([*runs, runs[0]], zoom=(1.0, 1.1))
    with pytest.raises(ValueError, match="same number of iterations"):
        search_figure([runs[0], ("short", [1.0, 0.5])], zoom=(1.0, 1.1))
    with pytest.raises(ValueError, match="'up' must never increase"):
        search_figure([("up", [1.0, 2.0])], zoom=(1.0, 1.1))
    with pytest.raises(ValueError, match="low < high"):
        search_figure(runs, zoom=(1.1, 1.0))
