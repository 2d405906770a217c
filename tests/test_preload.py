"""The zygote's preloaded modules: the project's files are watched, installed ones are not.

`mkdocs serve` keeps one engine for the whole session; when a writer edits a
preloaded module of the project, the next page runs the new code.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from docs_build.core.engine import Engine
from docs_build.core.fences import find_fences
from docs_build.core.preload import source_files
from docs_build.core.settings import Limits

BLOCK = '```pycon exec="on" id="value"\n>>> import helper\n>>> helper.VALUE\n1\n```\n'


def test_installed_packages_are_not_watched_even_in_a_venv_inside_the_project() -> None:
    around_the_venv = Path(sys.prefix).resolve().parent  # as for a .venv in the project
    files = source_files(("numpy", "docs_build.core"), around_the_venv)
    assert not any("numpy" in path.parts for path in files)
    project = Path(__file__).resolve().parent.parent
    if project.is_relative_to(around_the_venv):
        assert Path(project, "docs_build/core/engine.py") in files


def test_an_edited_preloaded_module_is_imported_again_for_the_next_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    helper = tmp_path / "helper.py"
    helper.write_text("VALUE = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))  # the build finds the module's file
    engine = Engine(tmp_path, Limits(preload=("helper",)))
    try:
        fence = find_fences(BLOCK)[0]
        assert engine.run("one.md", fence).failure is None
        engine.end_page("one.md")
        helper.write_text("VALUE = 2\n")
        later = helper.stat().st_mtime_ns + 1_000_000_000
        os.utime(helper, ns=(later, later))  # a new time even on a coarse clock
        failure = engine.run("two.md", fence).failure
        assert failure is not None, "the page ran the module as it was before the edit"
        assert "2" in failure, failure
    finally:
        engine.close()
