"""`make build`: a strict build that replaces site/ only when it succeeded.

MkDocs empties its output folder before it builds, so a failed `mkdocs build`
leaves site/ empty or half-written. This builds into a fresh folder next to
site/, checks the result has a home page, and only then swaps it in: a failed
build exits non-zero and leaves the previous good site/ as it was.

    python -m docs_build.site.safe_build SITE_DIR [mkdocs build options]
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path


def strict_build_command(site: Path, config: Path | None = None) -> list[str]:
    """The site's one build command: strict, into `site`, of `config` (default: the
    working folder's mkdocs.yml). Never with -q: it hides warnings."""
    config_option = ["-f", str(config)] if config is not None else []
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", *config_option,
            "-d", str(site)]  # fmt: skip


def build_environment(extra: dict[str, str] | None = None) -> dict[str, str]:
    """This environment, without MkDocs' notice about version 2, plus `extra`."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(extra or {})}


def build(site: Path, options: list[str]) -> int:
    """Build into a sibling of `site`, then swap it in; the exit status."""
    site = site.resolve()
    fresh = site.with_name(f"{site.name}.building")
    old = site.with_name(f"{site.name}.previous")
    for folder in (fresh, old):
        shutil.rmtree(folder, ignore_errors=True)
    status = subprocess.call([*strict_build_command(fresh), *options], env=build_environment())
    if status == 0 and not (fresh / "index.html").is_file():
        print(f"the build wrote no {fresh / 'index.html'}: keeping {site}", file=sys.stderr)
        status = 1
    if status != 0:
        shutil.rmtree(fresh, ignore_errors=True)
        print(f"build failed: {site} is left as it was", file=sys.stderr)
        return status
    if site.exists():
        site.rename(old)
    fresh.rename(site)
    shutil.rmtree(old, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(build(Path(sys.argv[1]), sys.argv[2:]))
