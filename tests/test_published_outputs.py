"""Every block shows its published output (tests/data/published_outputs.json).

The same check runs on every CI platform (`make test-platform`); here it reads
the results this run's doc tests stored. A deliberate change of an output is
recorded with `make published`.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from docs_build.core.cache import results_by_block
from docs_build.published import PUBLISHED, compare, digests
from tests.conftest import Results


def test_every_block_shows_its_published_output(both_results: Results) -> None:
    report = compare(both_results.default)
    assert not report.problems(), "\n".join([*report.problems(), report.summary()])
    assert report.compared == len(results_by_block(both_results.default)) > 300


def test_a_changed_or_missing_block_is_named(both_results: Results, tmp_path: Path) -> None:
    results = tmp_path / "results"
    shutil.copytree(both_results.default, results)
    published = tmp_path / "published.json"
    published.write_text(json.dumps(digests(results)))
    first, second = sorted(results.glob("*.json"))[:2]
    session = json.loads(first.read_text())
    session["blocks"][0]["shown"] += "!"
    first.write_text(json.dumps(session))
    gone = json.loads(second.read_text())
    second.unlink()
    report = compare(results, published)
    changed = f"{session['page']}, block '{session['blocks'][0]['id']}'"
    assert report.different == [changed]
    assert set(report.missing) == {f"{gone['page']}, block '{b['id']}'" for b in gone["blocks"]}
    assert f"{report.compared} blocks compared" in report.summary()


def test_the_published_file_is_the_one_checked() -> None:
    assert PUBLISHED.is_file()
    assert any(page.startswith("nnfs_ref/") for page in json.loads(PUBLISHED.read_text()))
