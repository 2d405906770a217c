"""Every block shows its published output (tests/data/published_outputs.json).

The same check runs on every CI platform (`make test-platform`); here it reads
the results this run's doc tests stored. A deliberate change of an output is
recorded with `make published`.
"""

from __future__ import annotations

import json
from pathlib import Path

from docs_build.core.cache import ExecutionCache, results_by_block
from docs_build.published import PUBLISHED, compare, digests
from tests.conftest import Results


def test_every_block_shows_its_published_output(both_results: Results) -> None:
    report = compare(both_results.default)
    assert not report.problems(), "\n".join([*report.problems(), report.summary()])
    assert report.compared == len(results_by_block(both_results.default)) > 300


def test_a_changed_or_missing_block_is_named(tmp_path: Path) -> None:
    before, after = ExecutionCache(tmp_path / "before"), ExecutionCache(tmp_path / "after")
    before.store("k1", [("4.8", None), ("1.21", None)], "docs/a.md", ["x", "y"])
    before.store("k2", [("2.385", None)], "docs/b.md", ["z"])
    after.store("k1", [("4.8", None), ("1.2100000000000002", None)], "docs/a.md", ["x", "y"])
    published = tmp_path / "published.json"
    published.write_text(json.dumps(digests(tmp_path / "before")))
    report = compare(tmp_path / "after", published)
    assert report.different == ["docs/a.md, block 'y'"]
    assert report.missing == ["docs/b.md, block 'z'"]
    assert report.compared == 2
    assert "2 blocks compared" in report.summary()
    assert "1 differ, 1 not run" in report.summary()


def test_the_published_file_is_the_one_checked() -> None:
    assert PUBLISHED.is_file()
    assert any(page.startswith("nnfs_ref/") for page in json.loads(PUBLISHED.read_text()))
