"""Collect every executed block of the site and the package's docstring examples;
run a few named files in one process, the whole suite on every core."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from docs_build.sybil_collector import docs_and_docstrings

pytest_collect_file = docs_and_docstrings(Path(__file__).resolve().parent).pytest()


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`-n auto`: no workers when only files were named (`pytest docs/part1/layer.md`
    starts faster in one process), else one per core."""
    paths = [arg.split("::")[0] for arg in config.args]
    if paths and all(Path(path).is_file() for path in paths):
        return 0
    return len(os.sched_getaffinity(0))
