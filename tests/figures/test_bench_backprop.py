"""docs_build/figures/bench_backprop.py: the backward-pass timing table, from the committed file."""

from __future__ import annotations

import copy
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from docs_build.figures.bench_backprop import backprop_speed_table, load_backprop_bench


def test_the_table_shows_every_measurement_and_names_the_machine() -> None:
    data = load_backprop_bench()
    root = ET.fromstring(backprop_speed_table(data))
    assert root.tag == "figure"
    rows = root.findall("./table/tbody/tr")
    assert len(rows) == len(data["softmax_backward"])
    for row, run in zip(rows, data["softmax_backward"], strict=True):
        cells = [td.text or "" for td in row]
        assert cells[0] == f"{run['shape']['samples']} × {run['shape']['classes']}"
        ratio = run["separate_seconds"] / run["combined_seconds"]
        assert cells[2] == (f"{ratio:.1f}×" if ratio < 10 else f"{ratio:,.0f}×")
    caption = root.findtext("figcaption") or ""
    machine = data["machine"]
    assert machine["processor"] in caption
    assert f"NumPy {machine['numpy']}" in caption
    assert machine["date"][:10] in caption
    assert f"the best of {data['softmax_backward'][0]['runs']} runs" in caption


def test_the_committed_file_holds_the_lessons_batch_and_the_spiral_datas() -> None:
    shapes = [
        (r["shape"]["samples"], r["shape"]["classes"])
        for r in load_backprop_bench()["softmax_backward"]
    ]
    assert shapes[:2] == [(3, 3), (300, 3)]


def test_a_file_without_measurements_or_with_a_zero_time_is_refused(tmp_path: Path) -> None:
    empty = tmp_path / "bench.json"
    empty.write_text('{"machine": {}, "softmax_backward": []}')
    with pytest.raises(ValueError, match="run `make bench`"):
        load_backprop_bench(empty)
    data = copy.deepcopy(load_backprop_bench())
    data["softmax_backward"][0]["combined_seconds"] = 0.0
    with pytest.raises(ValueError, match="positive"):
        backprop_speed_table(data)
