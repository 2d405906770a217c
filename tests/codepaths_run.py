"""`make test-codepaths`: the doc tests under each other OpenBLAS kernel family of this CPU.

`make test` compares every block with the default code paths and with the oldest
(docs_build/core/codepaths.py). OpenBLAS has more kernel families between them
(on x86-64: Nehalem, Sandybridge, Haswell), and a matrix product can round
differently in each: the doc tests must pass under every one. `.ci/run` runs
this after `make test`; it takes a pytest of the doc tests per family.
"""

from __future__ import annotations

import os
import sys

from docs_build.core.codepaths import child_environment, openblas_environments
from tests.sitebuild import ROOT, run_pytest


def main() -> int:
    families = openblas_environments()
    if not families:
        print(
            "NumPy here does not use OpenBLAS on a CPU with several kernel families: nothing to do"
        )
        return 0
    failed = []
    for name, extra in families.items():
        run = run_pytest(ROOT, "docs", "nnfs_ref", env=child_environment(dict(os.environ), extra))
        last = run.stdout.strip().splitlines()[-1] if run.stdout.strip() else run.stderr[-500:]
        print(f"OpenBLAS {name}: {last}")
        if run.returncode != 0:
            failed.append(name)
            print(run.stdout[-6000:])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
