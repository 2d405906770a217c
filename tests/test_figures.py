"""Figures drawn at build time: valid SVG, alt text, the page's numbers."""

from __future__ import annotations

import copy
import itertools
import xml.etree.ElementTree as ET

import pytest

from docs_build.figures.bench import load_bench, speed_chart, speed_table
from docs_build.figures.neuron import neuron_diagram
from tests.book_numbers import BIASES, INPUTS, WEIGHTS
from tests.svg import SVG, parse


def test_the_neuron_diagram_labels_inputs_weights_bias_and_output() -> None:
    figure = parse(neuron_diagram(INPUTS, WEIGHTS[0], BIASES[0]))  # role, alt text
    assert "it outputs 4.8" in figure.title
    assert {"2.5", "× −0.5", "+ 2", "4.8"} <= set(figure.texts)


def test_each_weight_label_sits_on_its_own_line_and_clear_of_the_others() -> None:
    root = parse(neuron_diagram(INPUTS, WEIGHTS[0], BIASES[0])).root
    lines = [e for e in root.iter(f"{SVG}line")][:4]  # input i to the neuron, in order
    labels = [t for t in root.iter(f"{SVG}text") if (t.text or "").startswith("× ")]
    boxes = [r for r in root.iter(f"{SVG}rect") if r.get("class") == "label-bg"]
    assert [t.text for t in labels] == ["× 0.2", "× 0.8", "× −0.5", "× 1"]
    for edge, label in zip(lines, labels, strict=True):
        x1, y1, x2, y2 = (float(edge.get(k) or 0) for k in ("x1", "y1", "x2", "y2"))
        x, y = float(label.get("x") or 0), float(label.get("y") or 0)
        assert abs((x - x1) * (y2 - y1) - (y - y1) * (x2 - x1)) / abs(x2 - x1) < 1.0
    spans = sorted((float(b.get("y") or 0), float(b.get("height") or 0)) for b in boxes)
    assert all(top + height <= below for (top, height), (below, _) in itertools.pairwise(spans))


def test_the_neuron_diagram_refuses_mismatched_lists() -> None:
    with pytest.raises(ValueError, match="3 inputs but 2 weights"):
        neuron_diagram([1, 2, 3], [0.1, 0.2], 0)


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
