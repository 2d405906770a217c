"""Time `make serve` from saving a page to the browser being told to reload.

Copies the project to a temporary folder, starts `mkdocs serve` there, waits
for the first build, then appends a sentence to one lesson page a few times
and measures, each time, from the write to MkDocs' "Reloading browsers".
Prints the times; used by `make timings`.

    python -m bench.serve_reload [PROJECT] [--page docs/part1/layer.md] [--edits 5]
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

COPIED = (
    "mkdocs.yml",
    "pyproject.toml",
    "README.md",
    "LICENSE",
    "docs",
    "docs_build",
    "nnfs_ref",
    "overrides",
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def wait_for(log: Path, text: str, count: int, seconds: float) -> float:
    """Wait until `text` appears `count` times in the log; the time it happened."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        written = log.read_text()
        if written.count(text) >= count:
            return time.monotonic()
        if "Aborted" in written:
            raise RuntimeError(f"the server's build failed:\n{written[-2000:]}")
        time.sleep(0.02)
    raise TimeoutError(f"no {count}x {text!r} after {seconds} s:\n{log.read_text()[-2000:]}")


def copy_project(project: Path, into: Path) -> Path:
    """A copy of what `make serve` reads, as `into`/project."""
    copy = into / "project"
    copy.mkdir()
    for name in COPIED:
        source = project / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy(source, copy / name)
    return copy


def measure(project: Path, page: str, edits: int) -> list[float]:
    with tempfile.TemporaryDirectory() as folder:
        copy = copy_project(project, Path(folder))
        log = copy / "serve.log"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(copy)}
        env["NNFS_PRINT_BOOK"] = "false"  # as `make serve` runs it
        command = [
            sys.executable,
            "-m",
            "mkdocs",
            "serve",
            "--strict",
            "-a",
            f"127.0.0.1:{free_port()}",
        ]
        with log.open("w") as out:
            server = subprocess.Popen(command, cwd=copy, env=env, stdout=out, stderr=out)
            try:
                wait_for(log, "Serving on", 1, 300)
                times = []
                for number in range(1, edits + 1):
                    before = log.read_text().count("Reloading browsers")
                    time.sleep(1)  # let the watcher settle between edits
                    start = time.monotonic()
                    with (copy / page).open("a") as text:
                        text.write(f"\nEdited {number}.\n")
                    done = wait_for(log, "Reloading browsers", before + 1, 120)
                    times.append(done - start)
                return times
            finally:
                server.terminate()
                server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", nargs="?", default=str(Path(__file__).resolve().parents[1]))
    parser.add_argument("--page", default="docs/part1/layer.md")
    parser.add_argument("--edits", type=int, default=5)
    args = parser.parse_args()
    print(summary(args.page, measure(Path(args.project), args.page, args.edits)))


def summary(page: str, times: list[float]) -> str:
    ordered = sorted(times)
    return (
        f"make serve, save to reload ({page}, {len(times)} edits): "
        f"median {ordered[len(ordered) // 2]:.2f} s, "
        f"min {ordered[0]:.2f} s, max {ordered[-1]:.2f} s"
    )


if __name__ == "__main__":
    main()
