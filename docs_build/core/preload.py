"""Which source files the zygote's preloaded modules come from, and whether they changed.

The zygote imports the `preload` modules once, for every worker. `mkdocs
serve` keeps the build process alive while the writer edits those files, so
the engine restarts the zygote as soon as one of them changed: a page never
runs old code. Nothing is imported here: the files are found on disk.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path


def source_files(modules: tuple[str, ...]) -> list[Path]:
    """The .py files of `modules` (a package: all of its files; `pkg.*` is `pkg`)."""
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
        if base.is_dir():
            files += sorted(base.rglob("*.py"))
        elif base.with_suffix(".py").is_file():
            files.append(base.with_suffix(".py"))
        elif base.is_file():
            files.append(base)
    return files


def stamp(modules: tuple[str, ...], within: Path) -> dict[Path, int]:
    """Modification time of each source file of `modules` under `within` (the project:
    installed packages such as NumPy do not change while a writer works)."""
    files = [path for path in source_files(modules) if path.resolve().is_relative_to(within)]
    return {path: path.stat().st_mtime_ns for path in files}
