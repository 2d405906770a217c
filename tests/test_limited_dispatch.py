"""Every block of the site shows the same bytes with the oldest code paths of this machine.

NumPy's float32 exp and log, OpenBLAS's matrix products and glibc's maths give
other last digits with other CPU code. The doc tests of docs/ and nnfs_ref/ run
once in the default environment (the suite's own doc tests) and once more in a
pytest of their own started with NumPy's SIMD dispatch at its baseline,
OpenBLAS's oldest kernels and glibc without FMA (docs_build/core/codepaths.py;
tests/limited_dispatch.py checks in that process that the limit took). Each
run stores what every block showed (tests/conftest.py), and the two must be
byte-identical, block by block: hidden lines, figures and docstring examples
included.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from docs_build.core.cache import RESULTS_VARIABLE, block_name, results_by_block, results_folder
from docs_build.core.codepaths import child_environment, limited_environment
from docs_build.core.fences import find_fences
from docs_build.core.kinds import KINDS
from tests import limited_dispatch
from tests.conftest import Results
from tests.limited_dispatch import CONFIRMATION
from tests.same_digits import runtime
from tests.sitebuild import ROOT, copy_project, run_pytest


def differences(default: Path, limited: Path) -> list[str]:
    """Each block whose output differs between two results folders, named by page and id."""
    one, other = results_by_block(default), results_by_block(limited)
    found = [f"{page}, block '{block}': run only in the default environment"
             for page, block in sorted(one.keys() - other.keys())]  # fmt: skip
    found += [f"{page}, block '{block}': run only in the limited environment"
              for page, block in sorted(other.keys() - one.keys())]  # fmt: skip
    for page, block in sorted(one.keys() & other.keys()):
        a, b = one[(page, block)], other[(page, block)]
        if a != b:
            found.append(
                f"{page}, block '{block}' shows other output with the oldest code paths.\n"
                f"default:\n{a['failure'] or a['shown']}\nlimited:\n{b['failure'] or b['shown']}"
            )
    return found


def test_every_block_shows_the_same_with_the_oldest_code_paths(both_results: Results) -> None:
    found = differences(both_results.default, both_results.limited)
    assert not found, "\n\n".join(found)
    blocks = results_by_block(both_results.default)
    executed = {
        (path.relative_to(ROOT).as_posix(), block_name(fence))
        for path in sorted((ROOT / "docs").rglob("*.md"))
        for fence in find_fences(path.read_text())
        if fence.executed and fence.language in KINDS
    }
    assert {key for key in blocks if key[0].startswith("docs/")} == executed  # all, compared
    assert sum(page.startswith("nnfs_ref/") for page, _ in blocks) > 5  # docstrings too


def test_the_doc_tests_pass_with_the_oldest_code_paths(both_results: Results) -> None:
    run = json.loads((both_results.limited.parent.parent / "results-limited.json").read_text())
    assert run["code"] == 0, run["log"][-6000:]
    assert CONFIRMATION in run["log"]  # the plugin was loaded, and found the limit took


SCRATCH = """# Scratch

```python exec="on" id="scratch-clock"
import time
print(time.time())
```

```python exec="on" id="scratch-blas"
import numpy as np
inputs = [[1, 2, 3, 2.5], [2, 5, -1, 2], [-1.5, 2.7, 3.3, -0.8]]
weights = [[0.2, 0.8, -0.5, 1], [0.5, -0.91, 0.26, -0.5], [-0.26, -0.27, 0.17, 0.87]]
print(float(np.dot(inputs, np.array(weights).T)[1, 1]))
```
"""


@pytest.mark.slow
def test_a_block_whose_output_depends_on_the_machine_fails_naming_it(tmp_path: Path) -> None:
    """A clock, and a float64 BLAS product printed in full: the comparison names both."""
    project = copy_project(tmp_path)
    (project / "docs/scratch.md").write_text(SCRATCH)
    folders = {}
    for name, extra in [("default", {}), ("limited", limited_environment())]:
        env = child_environment(dict(os.environ), extra)
        env[RESULTS_VARIABLE] = folders[name] = str(tmp_path / name)
        run = run_pytest(project, "docs/scratch.md", env=env)
        assert run.returncode == 0, run.stdout  # each passes on its own
    found = differences(*(results_folder(Path(folders[n]), project) for n in folders))
    named = "\n".join(found)
    assert "docs/scratch.md, block 'scratch-clock' shows other output" in named, named
    if limited_environment().get("OPENBLAS_CORETYPE") and runtime()["openblas"] not in (
        ["Prescott"],
        ["Katmai"],
    ):
        assert "docs/scratch.md, block 'scratch-blas' shows other output" in named, named


def test_the_plugin_refuses_a_run_that_is_not_limited(request: pytest.FixtureRequest) -> None:
    """This process is not limited: the plugin's check must stop a run like it."""
    if not runtime()["found"]:
        pytest.skip("this CPU has no SIMD extension above the baseline to disable")
    with pytest.raises(pytest.UsageError, match="the limit did not take"):
        limited_dispatch.pytest_configure(request.config)
