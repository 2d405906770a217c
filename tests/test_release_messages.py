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
from tests.test_build import LESSON, break_twice, fence_line


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
        f"{LESSON.as_posix()}:{fence_line(LESSON, 'three-inputs')}, block 'three-inputs' (pycon)",
        "block 'neuron-loop' (python): raised:",
    ):
        assert named in err, err
    assert "RuntimeError" not in err, err
    assert "release.py" not in err, err
    assert not list((tmp_path / "dist").glob("*.zip"))


def test_make_pdf_writes_no_book_whose_page_numbers_moved_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The second print (with the contents' page numbers) must put every heading on the
    page the first print did, or the numbers would be wrong: then nothing is written.
    Chromium and PDFium are stood in for: the first print has `part1-layer` on page 12,
    the second on page 13."""
    site = tmp_path / "site"
    (site / "print_page").mkdir(parents=True)
    (site / "print_page/index.html").write_text("<html><head></head><body></body></html>")
    (site / "downloads").mkdir()
    (site / "downloads/nnfs_ref-0.1.0-py3-none-any.whl").write_bytes(b"")
    monkeypatch.setenv("CHROMIUM", sys.executable)
    printed: list[str] = []

    def print_pdf(page: Path, target: Path, chromium: str) -> Path:
        printed.append(page.read_text())
        target.write_bytes(b"%PDF-1.4")
        return target

    pages = iter([{"index": 3, "part1-layer": 12}, {"index": 3, "part1-layer": 13}])
    monkeypatch.setattr(release, "print_pdf", print_pdf)
    monkeypatch.setattr(release, "destinations", lambda pdf: next(pages))
    status = release.main(["pdf", str(site), str(tmp_path / "dist")])
    out, err = capsys.readouterr()
    assert status != 0
    assert out == ""
    assert err.count("\n") == 1, err
    assert '"part1-layer": [13, 12]' in err, err
    assert not list((tmp_path / "dist").glob("*.pdf*"))
    # The second print was of the page with the first print's numbers, the site untouched.
    assert "nnfs-contents-pages" not in printed[0]
    assert '[href="#part1-layer"]::after { content: "12"; }' in printed[1]
    assert "nnfs-contents-pages" not in (site / "print_page/index.html").read_text()
