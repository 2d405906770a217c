"""Time `make serve` from its start to the first page served, on a cold start and on restarts.

Copies the project to a temporary folder and starts `mkdocs serve` there as
`make serve` does, once with nothing cached (the first start), then
`--restarts` times more, each after the last server stopped (SIGTERM, as
`timeout` sends). For each start: the seconds from starting the process to
the first answer of the home page (HTTP 200), the CPU seconds the server took
from start to stop (with the processes it waited for: on a busy machine, a
steadier figure than the wall time), and the build's "N blocks replayed from
the execution cache, M run" line. Prints each start and the restarts'
median; `make timings` prints a first start and two restarts.

    python -m bench.serve_restart [PROJECT] [--restarts 3]
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from bench.serve_reload import copy_project, free_port
from bench.timing import children_cpu

#: The build's line on the execution cache.
REPLAYED = re.compile(r"(\d+) blocks replayed from the execution cache, (\d+) run")


@dataclass(frozen=True)
class Start:
    seconds: float  # from starting the process to the home page's first answer
    cpu: float  # CPU seconds of the server and the processes it waited for, start to stop
    replayed: int
    ran: int

    def __str__(self) -> str:
        blocks = f"{self.replayed} blocks replayed, {self.ran} run"
        return f"{self.seconds:5.1f} s to the first page ({self.cpu:5.1f} s CPU), {blocks}"


def answered(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as answer:
            return int(answer.status) == 200
    except (urllib.error.URLError, OSError):
        return False


def start(project: Path, log: Path, seconds: float = 600) -> Start:
    """Start `mkdocs serve` in `project` as `make serve` does, wait for the home page, stop."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project)}
    env["NNFS_PRINT_BOOK"] = "false"  # as `make serve` runs it
    port = free_port()
    command = [sys.executable, "-m", "mkdocs", "serve", "--strict", "-a", f"127.0.0.1:{port}"]
    with log.open("w") as out:
        cpu = children_cpu()
        began = time.monotonic()
        server = subprocess.Popen(command, cwd=project, env=env, stdout=out, stderr=out)
        try:
            deadline = began + seconds
            while not answered(f"http://127.0.0.1:{port}/"):
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"no page served:\n{log.read_text()[-3000:]}")
                time.sleep(0.05)
            took = time.monotonic() - began
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=60)
    found = REPLAYED.findall(log.read_text())
    replayed, ran = (int(n) for n in found[0]) if found else (0, 0)
    return Start(took, children_cpu() - cpu, replayed, ran)


def measure(project: Path, restarts: int) -> list[Start]:
    """The first start (nothing cached), then `restarts` restarts, in one copy of `project`."""
    with tempfile.TemporaryDirectory() as folder:
        copy = copy_project(project, Path(folder))
        return [start(copy, Path(folder) / f"serve-{n}.log") for n in range(restarts + 1)]


def summary(starts: list[Start]) -> str:
    first, *again = starts
    lines = [f"make serve, first start: {first}"]
    lines += [f"make serve, restart {n}:   {each}" for n, each in enumerate(again, 1)]
    if again:
        ordered = sorted(again, key=lambda each: each.seconds)
        lines.append(f"make serve, restarts' median: {ordered[len(ordered) // 2]}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", nargs="?", default=str(Path(__file__).resolve().parents[1]))
    parser.add_argument("--restarts", type=int, default=3)
    args = parser.parse_args()
    print(summary(measure(Path(args.project), args.restarts)))


if __name__ == "__main__":
    main()
