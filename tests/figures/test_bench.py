"""docs_build/figures/bench.py and bench_training.py: the speed page's chart and tables, from
the committed measurements."""

from __future__ import annotations

import copy
import itertools
import re
import statistics
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from docs_build.figures.bench import HATCH_ID, SERIES, load_bench, speed_chart, speed_table
from docs_build.figures.bench_training import WAYS, load_training_bench, training_table
from tests.figures.test_text_size import CSS
from tests.svg import SVG, parse


def test_the_speed_chart_is_drawn_from_the_committed_measurements() -> None:
    data = load_bench()
    figure = parse(speed_chart(data))
    root = figure.root
    caption = root.findtext("figcaption") or ""
    assert f"NumPy {data['machine']['numpy']}" in caption
    assert data["machine"]["date"][:10] in caption
    bars = [r for r in root.iter(f"{SVG}rect") if (r.get("class") or "").startswith("bar-")]
    assert len(bars) == 3 * len(data["speedup"]) + 3  # three bars a size, three legend swatches
    labels = set(figure.texts)
    assert {"plain loops (the lesson's code)", "NumPy, from lists", "NumPy, on arrays"} <= labels
    assert "NumPy starting from Python lists" in figure.title


def test_each_series_has_a_class_and_a_look_of_its_own_in_the_svg() -> None:
    """The legend swatch and the bars of a series share its class, no other series has it,
    and the plain loops are hatched by a pattern the figure holds (the NumPy bars are not)."""
    data = load_bench()
    svg = parse(speed_chart(data)).svg
    rects = [r for r in svg.iter(f"{SVG}rect") if (r.get("class") or "").startswith("bar-")]
    classes = [css for _, css, _, _ in SERIES]
    assert len(set(classes)) == len(SERIES)
    legend = next(g for g in svg.iter(f"{SVG}g") if g.get("class") == "legend")
    assert [r.get("class") for r in legend.iter(f"{SVG}rect")] == classes
    for css in classes:
        assert sum(r.get("class") == css for r in rects) == 1 + len(data["speedup"])
    patterns = {p.get("id") for p in svg.iter(f"{SVG}pattern")}
    fills = {css: {r.get("fill") for r in rects if r.get("class") == css} for css in classes}
    assert fills["bar-pure"] == {f"url(#{HATCH_ID})"}
    assert HATCH_ID in patterns
    assert fills["bar-lists"] == fills["bar-numpy"] == {None}  # painted by the CSS


def series_paint() -> dict[str, dict[str, str]]:
    """Each series class's declarations in figures.css (all palettes and media together)."""
    css = re.sub(r"/\*.*?\*/", "", CSS.read_text(), flags=re.DOTALL)
    paint: dict[str, dict[str, str]] = {css: {} for _, css, _, _ in SERIES}
    for selectors, body in re.findall(r"([^{}]+)\{([^}]*)\}", css):
        named = {s.strip().removeprefix(".nnfs-figure .") for s in selectors.split(",")}
        shared = named & paint.keys()
        assert len(shared) <= 1, f"one rule paints two series alike: {sorted(shared)}"
        for name in shared:
            for declaration in filter(None, (d.strip() for d in body.split(";"))):
                prop, _, value = declaration.partition(":")
                paint[name][prop.strip()] = value.strip()
    return paint


def test_no_two_series_are_painted_alike_by_the_css() -> None:
    """A CSS merge once gave the loops and the NumPy bars one rule, hence one colour (the
    browser test, tests/browser/test_figure_series.py, checks what is drawn)."""
    for (a, paint_a), (b, paint_b) in itertools.combinations(series_paint().items(), 2):
        assert paint_a != paint_b, f"{a} and {b}: {paint_a}"


def test_the_speed_chart_refuses_impossible_timings() -> None:
    data = copy.deepcopy(load_bench())
    data["speedup"][0]["loops_seconds"] = 0.0
    with pytest.raises(ValueError, match="positive"):
        speed_chart(data)


def test_the_speed_table_gives_one_row_of_ratios_per_size() -> None:
    data = load_bench()
    table = ET.fromstring(speed_table(data))
    cells = [[td.text for td in tr.iter("td")] for tr in table.iter("tr")][1:]
    assert len(cells) == len(data["speedup"])
    for row, measured in zip(cells, data["speedup"], strict=True):
        size = measured["shape"]
        assert row[0] == f"{size['batch']} × {size['features']} → {size['neurons']}"
        keys = ["loops_over_numpy_lists", "loops_over_numpy_arrays"]
        for text, key in zip(row[1:], keys, strict=True):
            assert text is not None
            assert float(text.rstrip("×").replace(",", "")) == pytest.approx(
                measured[key], rel=0.05, abs=0.05
            )


def _seconds(text: str) -> float:
    """`5.85 s`, `428 µs` or `1.2 ms` back to seconds."""
    number, unit = text.split()
    return float(number) * {"s": 1.0, "ms": 1e-3, "µs": 1e-6}[unit]


def test_the_training_table_shows_both_runs_and_names_the_machine() -> None:
    data = load_training_bench()
    t = data["training"]
    root = ET.fromstring(training_table(data))
    rows = root.findall("./table/tbody/tr")
    assert [ET.tostring(row[0], encoding="unicode").count("nnfs_ref") for row in rows] == [0, 1]
    for row, (way, _) in zip(rows, WAYS, strict=True):
        run, epoch = (_seconds(cell.text or "") for cell in row[1:])
        assert run == pytest.approx(t[way]["cpu_seconds"], rel=0.01)
        assert epoch == pytest.approx(t[way]["cpu_seconds"] / t["epochs"], rel=0.01)
    caption = root.findtext("figcaption") or ""
    machine = data["machine"]
    assert machine["date"][:10] in caption
    assert f"NumPy {machine['numpy']}" in caption
    assert f"median of {t['repeats']} runs" in caption
    assert f"{t['ratio']:.2f} times as long" in caption


def test_the_committed_training_timings_agree_with_each_other() -> None:
    t = load_training_bench()["training"]
    assert t["epochs"] == 10_001
    assert t["ratio"] == pytest.approx(t["nnfs_ref"]["cpu_seconds"] / t["book"]["cpu_seconds"])
    for way, _ in WAYS:
        runs = t[way]["cpu_seconds_each_run"]
        assert len(runs) == t["repeats"]
        assert t[way]["cpu_seconds"] == pytest.approx(statistics.median(runs))
        assert t[way]["last_line"].startswith("epoch: 10000, acc: ")


def test_the_training_table_refuses_impossible_timings(tmp_path: Path) -> None:
    data = copy.deepcopy(load_training_bench())
    data["training"]["book"]["cpu_seconds"] = 0.0
    with pytest.raises(ValueError, match="positive"):
        training_table(data)
    empty = tmp_path / "bench_training.json"
    empty.write_text('{"machine": {}}', encoding="utf-8")
    with pytest.raises(ValueError, match="make bench"):
        load_training_bench(empty)
