"""Train the book's network with nnfs_ref and with the book's own way; time both.

The run is chapter 10's Adam run: `spiral_data(100, 3)`, dense 2→64, ReLU, dense
64→3, softmax with cross-entropy, Adam (learning rate 0.05, decay 5e-7), 10,001
epochs. Each run has a process of its own (`nnfs.init()` changes NumPy for the
whole process), the two ways take turns, and the medians of their CPU times are
compared. Writes docs/data/bench_training.json; `python -m bench training` runs
only this.
"""

from __future__ import annotations

import importlib
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.machine import describe, write_results

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "data" / "bench_training.json"
EPOCHS = 10_001
WAYS = ("nnfs_ref", "book")
#: What each way's training imports, imported before it is timed.
IMPORTS = {
    "book": ("nnfs", "nnfs.datasets"),
    "nnfs_ref": ("nnfs_ref.layers", "nnfs_ref.losses", "nnfs_ref.optimizers", "nnfs_ref.datasets"),
}


def train_nnfs_ref(epochs: int) -> list[str]:
    """The same run with nnfs_ref; the log line of every 100th epoch."""
    from bench.book_network import train_loop
    from nnfs_ref.activations import ReLU
    from nnfs_ref.datasets import spiral_data
    from nnfs_ref.layers import Dense
    from nnfs_ref.losses import SoftmaxCategoricalCrossentropy
    from nnfs_ref.optimizers import Adam
    from nnfs_ref.random import book_stream

    rng = book_stream(0)
    X, y = spiral_data(100, 3, rng=rng)  # noqa: N806 (the book's name)
    dense1, activation1 = Dense(2, 64, rng=rng), ReLU()
    dense2 = Dense(64, 3, rng=rng)
    loss_activation = SoftmaxCategoricalCrossentropy()
    optimizer = Adam(learning_rate=0.05, decay=5e-7)
    network = (dense1, activation1, dense2, loss_activation)
    return train_loop(X, y, network, optimizer, epochs)


def child(way: str, epochs: int) -> dict[str, Any]:
    """Run one way in this process: its CPU and wall-clock seconds and its last log line."""
    if way == "book":
        from bench.book_network import train
    else:
        train = train_nnfs_ref
    for module in IMPORTS[way]:  # before the clock starts
        importlib.import_module(module)
    cpu, wall = time.process_time(), time.perf_counter()
    log = train(epochs)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    return {"cpu_seconds": cpu, "wall_seconds": wall, "last_line": log[-1]}


def run_child(way: str, epochs: int) -> dict[str, Any]:
    """`child(way, epochs)` in a fresh Python process."""
    command = [sys.executable, "-m", "bench.training", "--child", way, str(epochs)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def measure(repeats: int = 5, epochs: int = EPOCHS) -> dict[str, Any]:
    """`repeats` runs of each way, taking turns; medians, per epoch and per run."""
    runs: dict[str, list[dict[str, Any]]] = {way: [] for way in WAYS}
    for _ in range(repeats):
        for way in WAYS:
            runs[way].append(run_child(way, epochs))
    result: dict[str, Any] = {"epochs": epochs, "repeats": repeats}
    for way in WAYS:
        cpu = statistics.median(r["cpu_seconds"] for r in runs[way])
        result[way] = {
            "cpu_seconds": cpu,
            "wall_seconds": statistics.median(r["wall_seconds"] for r in runs[way]),
            "cpu_seconds_per_epoch": cpu / epochs,
            "cpu_seconds_each_run": [r["cpu_seconds"] for r in runs[way]],
            "last_line": runs[way][0]["last_line"],
        }
    result["ratio"] = result["nnfs_ref"]["cpu_seconds"] / result["book"]["cpu_seconds"]
    result["target_ratio"] = 1.5
    return result


def main(repeats: int = 5) -> None:
    results = {"machine": describe(), "training": measure(repeats)}
    t = results["training"]
    for way in WAYS:
        print(
            f"{way:8s} {t['epochs']:,} epochs: {t[way]['cpu_seconds']:.2f} s CPU "
            f"(median of {repeats}), {t[way]['cpu_seconds_per_epoch'] * 1e3:.3f} ms an epoch; "
            f"{t[way]['last_line']}"
        )
    print(f"nnfs_ref / book: {t['ratio']:.2f} (target <= {t['target_ratio']:.2f})")
    write_results(OUT, results)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        print(json.dumps(child(sys.argv[2], int(sys.argv[3]))))
    else:
        main()
