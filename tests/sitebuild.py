"""Helpers for tests that build the site, or a modified copy of it."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from docs_build.site.safe_build import build_environment, strict_build_command

ROOT = Path(__file__).resolve().parent.parent


def mkdocs_build(
    project: Path, dest: Path, manifest: Path | None = None, dist: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the same strict build as `make build`, without -q (it hides warnings).

    `dist` is the folder holding the offline zip to publish (`make build`'s DIST_DIR).
    """
    extra = {}
    if manifest is not None:
        extra["DOCS_BUILD_MANIFEST"] = str(manifest)
    if dist is not None:
        extra["DIST_DIR"] = str(dist)
    return subprocess.run(
        strict_build_command(dest),
        cwd=project,
        env=build_environment(extra),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def run_pytest(
    project: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run pytest inside `project` as a maintainer would, in one process (no xdist workers)."""
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "0", *args]
    return subprocess.run(
        command, cwd=project, env=env, capture_output=True, text=True, timeout=600, check=False
    )


def project_version() -> str:
    """The version pyproject.toml gives nnfs_ref."""
    found = re.search(r'^version = "([^"]+)"', (ROOT / "pyproject.toml").read_text(), re.M)
    assert found, "pyproject.toml has no version"
    return found[1]


def copy_project(tmp: Path) -> Path:
    """A throwaway copy of the site's sources, safe to break."""
    project = tmp / "project"
    project.mkdir()
    for name in (
        "mkdocs.yml",
        "mkdocs-offline.yml",
        "pyproject.toml",
        "conftest.py",
        "README.md",
        "LICENSE",
    ):
        shutil.copy(ROOT / name, project / name)
    for name in ("docs", "docs_build", "nnfs_ref", "overrides"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    return project
