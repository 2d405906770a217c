"""Compute Part 2's worked examples with nnfs_ref and print them, bytes and digits, as JSON.

Run as a script by tests/test_same_digits_on_every_cpu.py in each of
`CONFIGURATIONS` (the default, and the oldest code paths of NumPy's SIMD
dispatch, OpenBLAS and glibc: docs_build/core/codepaths.py), so that each run
imports NumPy afresh with the environment it was given; `json_of_child` starts
such a run. It also reports what `np.show_runtime()` printed about SIMD
extensions and OpenBLAS's kernels, captured in this same process.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import subprocess
import sys
from typing import Any

import numpy as np

from docs_build.core.codepaths import child_environment, limited_environment
from nnfs_ref import vectorized
from nnfs_ref.activations import ReLU, Softmax
from nnfs_ref.datasets import sine_data, spiral_data, vertical_data
from nnfs_ref.layers import Dense
from nnfs_ref.losses import CategoricalCrossentropy
from nnfs_ref.random import book_stream, normal32
from tests.book_numbers import BATCH_OUT, LABELS, PREDICTIONS

#: The environments a child process can start with: NumPy reads them when imported.
CONFIGURATIONS = {"default": {}, "limited": limited_environment()}


def json_of_child(argv: list[str], configuration: str, **extra: str) -> dict[str, Any]:
    """Run `python argv...` in a fresh interpreter with `configuration` (and `extra`
    variables on top); its printed JSON."""
    done = subprocess.run(
        [sys.executable, *argv],
        env=child_environment(dict(os.environ), {**CONFIGURATIONS[configuration], **extra}),
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def runtime() -> dict[str, list[str]]:
    """What `np.show_runtime()` prints: SIMD extensions, and the OpenBLAS core in use.

    NumPy lists `baseline`, `found` and `not_found` SIMD extensions; with threadpoolctl
    installed it also names the `architecture` of the kernels OpenBLAS picked.
    """
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        np.show_runtime()
    text = printed.getvalue()
    lists = {}
    for key in ("baseline", "found", "not_found"):
        match = re.search(rf"'{key}':\s*\[(.*?)\]", text, re.DOTALL)
        lists[key] = re.findall(r"'([^']+)'", match.group(1)) if match else ["<not printed>"]
    lists["openblas"] = re.findall(r"'architecture':\s*'([^']+)'", text)
    return lists


def worked_examples() -> dict[str, Any]:
    """Examples F, G and H, the data sets, and the small examples, as bytes and as printed."""
    rng = book_stream(0)
    x, y = spiral_data(samples=100, classes=3, rng=rng)
    dense1 = Dense(2, 3, rng=rng)
    relu = ReLU()
    dense2 = Dense(3, 3, rng=rng)
    softmax = Softmax()
    dense1.forward(x)
    relu.forward(dense1.output)
    dense2.forward(relu.output)
    softmax.forward(dense2.output)
    loss = CategoricalCrossentropy().calculate(softmax.output, y)
    out: dict[str, Any] = {
        "F": str(dense1.output[:5]),
        "G": str(softmax.output[:5]),
        "H": [str(loss), vectorized.accuracy(softmax.output, y)],
        "bytes": {
            "spiral X": x.tobytes().hex(),
            "spiral y": y.tobytes().hex(),
            "dense1": dense1.output.tobytes().hex(),
            "dense2": dense2.output.tobytes().hex(),
            "softmax": softmax.output.tobytes().hex(),
            "loss": loss.tobytes().hex(),
        },
    }
    for seed, samples, classes in [(1, 7, 4), (123, 50, 2)]:
        for name, make in [("spiral", spiral_data), ("vertical", vertical_data)]:
            points, labels = make(samples, classes, rng=seed)
            key = f"{name} {seed} {samples} {classes}"
            out["bytes"][key] = points.tobytes().hex() + labels.tobytes().hex()
    wide = Dense(64, 16, rng=5)  # 64 products per output: the summation order matters
    wide.forward(normal32(6, 300, 64))
    out["bytes"]["dense 64 inputs"] = wide.output.tobytes().hex()
    out["bytes"]["sine"] = b"".join(a.tobytes() for a in sine_data()).hex()
    out["small"] = [
        str(vectorized.softmax(BATCH_OUT)),
        str(vectorized.softmax(np.array(BATCH_OUT, dtype=np.float32))),
        repr(vectorized.cross_entropy(PREDICTIONS[0], LABELS[0])),
        repr(float(CategoricalCrossentropy().calculate(PREDICTIONS, LABELS))),
        str(vectorized.cross_entropy(PREDICTIONS, LABELS)),
    ]
    return out


if __name__ == "__main__":
    if sys.argv[1:] == ["--runtime"]:
        print(json.dumps({"simd": runtime()}))
    else:
        print(json.dumps({"simd": runtime(), "results": worked_examples()}))
