"""docs_build/figures/bench.py: the speed chart and table, from the committed measurements."""

from __future__ import annotations

import copy
import xml.etree.ElementTree as ET

import pytest

from docs_build.figures.bench import load_bench, speed_chart, speed_table
from tests.svg import SVG, parse


def test_the_speed_chart_is_drawn_from_the_committed_measurements() -> None:
    data = load_bench()
    figure = parse(speed_chart(data))
    root = figure.root
    caption = root.findtext("figcaption") or ""
    assert f"NumPy {data['machine']['numpy']}" in caption
    assert data["machine"]["date"][:10] in caption
    bars = [r for r in root.iter(f"{SVG}rect")]
    assert len(bars) == 3 * len(data["speedup"]) + 3  # three bars a size, three legend swatches
    labels = set(figure.texts)
    assert {"plain loops (the lesson's code)", "NumPy, from lists", "NumPy, on arrays"} <= labels
    assert "NumPy starting from Python lists" in figure.title


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
