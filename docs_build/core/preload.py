"""Which source files the zygote's preloaded modules come from, and whether they changed.

The zygote imports the `preload` modules once, for every worker. `mkdocs
serve` keeps the build process alive while the writer edits those files, so
the engine restarts the zygote as soon as one of them changed: a page never
runs old code. Nothing is imported here: the files are found on disk.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

#: Where this environment installs packages (a .venv inside the project included).
INSTALLED = Path(sys.prefix).resolve()


def source_files(modules: tuple[str, ...], within: Path) -> list[Path]:
    """The .py files under `within` of `modules` (a package: all of its files; `pkg.*`
    is `pkg`). An installed package, such as NumPy, is not listed file by file (even
    when the environment is a .venv inside the project): it does not change while a
    writer works."""
    files: list[Path] = []
    for name in modules:
        top, *rest = name.removesuffix(".*").split(".")
        spec = importlib.util.find_spec(top)
        if spec is None:
            continue
        if spec.submodule_search_locations:
            base = Path(next(iter(spec.submodule_search_locations))).joinpath(*rest)
        else:
            base = Path(spec.origin or "")
        where = base.resolve()
        if not where.is_relative_to(within) or where.is_relative_to(INSTALLED):
            continue
        if base.is_dir():
            files += sorted(base.rglob("*.py"))
        elif base.with_suffix(".py").is_file():
            files.append(base.with_suffix(".py"))
        elif base.is_file():
            files.append(base)
    return files


def stamp(modules: tuple[str, ...], within: Path) -> dict[Path, int]:
    """Modification time of each source file of `modules` under `within` (the project)."""
    return {path: path.stat().st_mtime_ns for path in source_files(modules, within.resolve())}
