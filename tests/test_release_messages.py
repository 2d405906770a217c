"""What `make build`, `make offline` and `make pdf` print when they cannot go on: the
named failures, or one line saying what to do, and never a traceback of ours.

`docs_build.site.release.main` is called in this process, as the Makefile calls it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from docs_build.site import release
from tests.slimcopy import slim_copy
from tests.test_build import LESSON, break_twice


def test_make_pdf_before_make_build_says_in_one_line_what_to_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CHROMIUM", sys.executable)  # found, wherever Chromium is missing
    status = release.main(["pdf", str(tmp_path / "site"), str(tmp_path / "dist")])
    out, err = capsys.readouterr()
    assert status != 0
    assert out == ""
    assert err.count("\n") == 1, err
    assert "make build" in err, err
    assert not (tmp_path / "dist").exists()


@pytest.mark.slow
def test_a_failed_build_prints_the_named_failures_and_no_traceback_of_ours(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    """`make build` starts with the offline copy: a broken page fails it."""
    project = slim_copy(tmp_path, ["index.md", LESSON.relative_to("docs").as_posix()])
    break_twice(project)
    monkeypatch.setattr(release, "ROOT", project)
    monkeypatch.setenv("PYTHONPATH", str(project))
    status = release.main(["offline", str(tmp_path / "dist")])
    _, err = capfd.readouterr()
    assert status != 0
    for named in (
        f"{LESSON.as_posix()}:66, block 'three-inputs' (pycon)",
        "block 'neuron-loop' (python): raised:",
    ):
        assert named in err, err
    assert "RuntimeError" not in err, err
    assert "release.py" not in err, err
    assert not list((tmp_path / "dist").glob("*.zip"))
