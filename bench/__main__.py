"""Time nnfs_ref.layer against raw NumPy and pure Python; write docs/data/bench.json.

`python -m bench` runs every benchmark; `python -m bench layer` only this one,
`python -m bench backprop` only bench/backprop.py's (docs/data/bench_backprop.json)
and `python -m bench training` only bench/training.py's, the book's training run
with nnfs_ref and with the book's own code (docs/data/bench_training.json).

Besides nnfs_ref (whose `pure` side checks its input, which costs time), each
size also times what a learner writes: the layer lesson's plain nested loops,
one sample at a time, and raw NumPy, both from Python lists (the conversion to
arrays included) and on ready-made arrays. The lesson's chart compares those.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import numpy as np

from bench import backprop, training
from bench.machine import describe, write_results
from bench.timing import best, best_interleaved
from nnfs_ref import pure, vectorized

OUT = Path(__file__).resolve().parent.parent / "docs" / "data" / "bench.json"


def overhead(batch: int = 1024, features: int = 512, neurons: int = 256) -> dict[str, Any]:
    """vectorized.layer time / raw `x @ w.T + b` time, on float64 arrays."""
    rng = np.random.default_rng(0)
    x = rng.standard_normal((batch, features))
    w = rng.standard_normal((neurons, features))
    b = rng.standard_normal(neurons)
    assert np.array_equal(vectorized.layer(x, w, b), x @ w.T + b)
    raw, ours = best_interleaved(lambda: x @ w.T + b, lambda: vectorized.layer(x, w, b), 5, 20)
    return {
        "shape": {"batch": batch, "features": features, "neurons": neurons},
        "raw_seconds": raw,
        "vectorized_seconds": ours,
        "ratio": ours / raw,
        "target_ratio": 1.10,
    }


def lesson_loops(
    batch: list[list[float]], weights: list[list[float]], biases: list[float]
) -> list[list[float]]:
    """The layer lesson's loops, run once per sample: no checks, nothing but floats."""
    outputs = []
    for inputs in batch:
        layer_outputs = []
        for neuron_weights, neuron_bias in zip(weights, biases):  # noqa: B905 (as the lesson)
            neuron_output = 0.0
            for x, w in zip(inputs, neuron_weights):  # noqa: B905
                neuron_output += x * w
            neuron_output += neuron_bias
            layer_outputs.append(neuron_output)
        outputs.append(layer_outputs)
    return outputs


def numpy_from_lists(
    batch: list[list[float]], weights: list[list[float]], biases: list[float]
) -> np.ndarray:
    """Raw NumPy handed the same lists: converting them is part of the work."""
    result: np.ndarray = np.dot(np.array(batch), np.array(weights).T) + biases
    return result


def speedup(batch: int, features: int, neurons: int) -> dict[str, Any]:
    """Each way's time for one layer on one batch, and how they compare."""
    rng = np.random.default_rng(1)
    xa = rng.standard_normal((batch, features))
    wa = rng.standard_normal((neurons, features))
    ba = rng.standard_normal(neurons)
    x, w, b = xa.tolist(), wa.tolist(), ba.tolist()
    pure_number = max(1, 20_000 // (batch * features * neurons))
    t_pure = best(lambda: pure.layer(x, w, b), pure_number, 3)
    t_lists = best(lambda: vectorized.layer(x, w, b), 20, 5)
    t_arrays = best(lambda: vectorized.layer(xa, wa, ba), 20, 5)
    expected = xa @ wa.T + ba
    assert np.allclose(lesson_loops(x, w, b), expected)
    assert np.allclose(numpy_from_lists(x, w, b), expected)
    t_loops = best(lambda: lesson_loops(x, w, b), pure_number, 5)
    t_np_lists = best(lambda: numpy_from_lists(x, w, b), 20, 5)
    t_np_arrays = best(lambda: np.dot(xa, wa.T) + ba, 20, 5)
    return {
        "shape": {"batch": batch, "features": features, "neurons": neurons},
        "pure_seconds": t_pure,
        "vectorized_lists_seconds": t_lists,
        "vectorized_arrays_seconds": t_arrays,
        "speedup_lists": t_pure / t_lists,
        "speedup_arrays": t_pure / t_arrays,
        # What a learner writes: the lesson's loops and raw NumPy.
        "loops_seconds": t_loops,
        "numpy_lists_seconds": t_np_lists,
        "numpy_arrays_seconds": t_np_arrays,
        "pure_over_loops": t_pure / t_loops,
        "loops_over_numpy_lists": t_loops / t_np_lists,
        "loops_over_numpy_arrays": t_loops / t_np_arrays,
    }


def layer_main() -> None:
    results: dict[str, Any] = {"machine": describe()}
    o = overhead()
    results["overhead"] = o
    s = o["shape"]
    print(
        f"layer {s['batch']}x{s['features']} -> {s['neurons']} neurons: "
        f"raw x @ w.T + b {o['raw_seconds'] * 1e3:.3f} ms, vectorized.layer "
        f"{o['vectorized_seconds'] * 1e3:.3f} ms, ratio {o['ratio']:.3f} "
        f"(target <= {o['target_ratio']:.2f})"
    )
    results["speedup"] = []
    for size in [(8, 4, 3), (64, 32, 16), (256, 128, 64)]:
        r = speedup(*size)
        results["speedup"].append(r)
        print(
            f"layer {size[0]}x{size[1]} -> {size[2]}: pure {r['pure_seconds'] * 1e3:.3f} ms; "
            f"vectorized is {r['speedup_lists']:.1f}x faster on lists, "
            f"{r['speedup_arrays']:.1f}x on arrays"
        )
        print(
            f"    lesson loops {r['loops_seconds'] * 1e3:.3f} ms (pure is "
            f"{r['pure_over_loops']:.1f}x slower); raw NumPy is "
            f"{r['loops_over_numpy_lists']:.1f}x faster from lists, "
            f"{r['loops_over_numpy_arrays']:.1f}x on arrays"
        )
    write_results(OUT, results)


#: The benchmarks by name, each writing its own file under docs/data.
BENCHMARKS = {"layer": layer_main, "backprop": backprop.main, "training": training.main}


def main(argv: list[str]) -> None:
    """Run the benchmarks named in `argv`, or all of them."""
    unknown = [name for name in argv if name not in BENCHMARKS]
    if unknown:
        raise SystemExit(f"unknown benchmark {unknown[0]!r}; choose from {', '.join(BENCHMARKS)}")
    for name in argv or list(BENCHMARKS):
        BENCHMARKS[name]()


if __name__ == "__main__":
    main(sys.argv[1:])
