"""`make timings`: how long the suite, the build and the live preview take.

Prints, each figure measured on this machine now:

- warm `make test` (lint included): wall time, CPU time of the processes it
  waited for and of the whole machine (Chromium's processes are not waited for:
  only the second counts them; it is exact when nothing else runs), the 15
  slowest tests, the MkDocs renders it made and how many times each block ran,
  by kind and environment (docs_build/core/tally.py);
- one strict build of the site;
- `make serve`, from saving a page to the browser being told to reload, and
  from its start to the first page served, first start and restarts
  (`bench.serve_restart`);
- the CPU each page's blocks take, part by part, with Part 3's budget (40 s per
  environment; `--pages` alone prints only this).

Targets live here, as figures to read, not in tests that would flake on a busy
machine. Run with `python -m bench.timings [--skip-test] [--skip-serve]`.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

from bench import serve_restart
from bench.serve_reload import measure, summary
from bench.timing import children_cpu, machine_cpu
from docs_build.core import tally
from docs_build.site.safe_build import build_environment, strict_build_command

ROOT = Path(__file__).resolve().parents[1]


class Timing(NamedTuple):
    wall: float  # seconds
    cpu: float  # CPU seconds of the command and every process it waited for
    output: str
    status: int
    machine: float | None  # CPU seconds of the whole machine meanwhile (None off Linux)


def timed(command: list[str], **options: object) -> Timing:
    cpu, whole, start = children_cpu(), machine_cpu(), time.perf_counter()
    run = subprocess.run(command, capture_output=True, text=True, check=False, **options)  # type: ignore[call-overload]
    wall, after = time.perf_counter() - start, machine_cpu()
    machine = None if whole is None or after is None else after - whole
    return Timing(wall, children_cpu() - cpu, run.stdout + run.stderr, run.returncode, machine)


#: Blocks whose executions `make timings` lists one by one: Part 3's training runs.
HEAVY_BLOCKS = (
    "sgd-train-plain",
    "sgd-train-decay",
    "sgd-train-momentum",
    "adapt-train-adagrad",
    "adapt-train-rmsprop",
    "adapt-train-adam",
)


def make_test() -> None:
    with tempfile.TemporaryDirectory() as folder:
        counted = Path(folder) / "tally.tsv"
        env = {**os.environ, tally.VARIABLE: str(counted)}
        wall, cpu, output, status, whole = timed(
            ["make", "test", "PYTEST_ARGS=--durations=15"], cwd=ROOT, env=env
        )
        counts = tally.read(counted)
    verdict = "passed" if status == 0 else f"FAILED (exit {status})"
    machine = "" if whole is None else f", {whole:.1f} s CPU on the whole machine"
    print(
        f"Warm make test: {wall:.1f} s wall, {cpu:.1f} s CPU of its processes{machine}, {verdict}"
    )
    for line in tally.summary(counts, HEAVY_BLOCKS):
        print(f"  {line}")
    match = re.search(r"=+ slowest 15 durations =+\n(.*?)\n(?:=|\n)", output, re.DOTALL)
    if match:
        print("Slowest 15:")
        for line in match[1].strip().splitlines():
            print(f"  {line}")
    summary = [line for line in output.splitlines() if re.search(r"\d+ passed", line)]
    if summary:
        print(f"  {summary[-1].strip('= ')}")


def strict_build() -> None:
    """The hosted site's strict build alone (`make build` also builds the offline copy)."""
    with tempfile.TemporaryDirectory() as folder:
        command = strict_build_command(Path(folder))
        wall, cpu, output, status, _ = timed(command, cwd=ROOT, env=build_environment())
    verdict = "" if status == 0 else f" FAILED (exit {status}):\n{output[-2000:]}"
    print(f"Strict build (the hosted site): {wall:.1f} s wall, {cpu:.1f} s CPU{verdict}")


#: CPU seconds Part 3's blocks may take together, in one environment.
PART3_BUDGET = 40.0


def page_cpu() -> None:
    """CPU seconds of each page's doc tests, less pytest's own start (an empty run)."""
    python = str(ROOT / ".venv" / "bin" / "python")
    command = [python, "-m", "pytest", "-q", "-n", "0", "-p", "no:cacheprovider"]
    base = timed([*command, "--co", "docs/index.md"], cwd=ROOT).cpu
    print(f"Doc tests per page (CPU seconds, less {base:.1f} s of pytest start-up):")
    for part in sorted((ROOT / "docs").glob("part*")):
        total = 0.0
        for page in sorted(part.glob("*.md")):
            run = timed([*command, str(page.relative_to(ROOT))], cwd=ROOT)
            cpu, status = run.cpu, run.status
            cost = max(cpu - base, 0.0)
            total += cost
            flag = "" if status == 0 else f"  FAILED (exit {status})"
            print(f"  {page.relative_to(ROOT / 'docs')!s:40} {cost:6.1f}{flag}")
        budget = f" (budget {PART3_BUDGET:.0f} s)" if part.name == "part3" else ""
        print(f"  {part.name} total {total:.1f} s{budget}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-test", action="store_true", help="do not time make test")
    parser.add_argument("--skip-serve", action="store_true", help="do not time make serve")
    parser.add_argument("--pages", action="store_true", help="only the CPU of each page")
    options = parser.parse_args()
    print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} before starting\n")
    page_cpu()
    if options.pages:
        return
    strict_build()
    if not options.skip_serve:
        page = "docs/part1/layer.md"
        print(summary(page, measure(ROOT, page, 5)))
        print(serve_restart.summary(serve_restart.measure(ROOT, 2)))
    if not options.skip_test:
        make_test()


if __name__ == "__main__":
    main()
