"""nnfs_ref gives exactly the bytes of the book's package, `nnfs` 0.5.1, after `nnfs.init()`.

`nnfs.init()` patches NumPy for the whole process, so the book's package only ever
runs in a child process (the script below), and this process checks that it never
imported `nnfs`: the nnfs_ref side runs where `init()` never ran.
"""

from __future__ import annotations

import json
import subprocess
import sys
from functools import cache
from typing import Any

import numpy as np
import numpy.typing as npt
import pytest

from nnfs_ref.activations import ReLU, Softmax
from nnfs_ref.datasets import sine_data, spiral_data, vertical_data
from nnfs_ref.layers import Dense
from nnfs_ref.losses import CategoricalCrossentropy
from nnfs_ref.random import book_stream
from tests.book_numbers import BOOK_F, BOOK_G, BOOK_H
from tests.same_digits import json_of_child

# (data set, seed, samples, classes)
CASES = [
    ("spiral", 0, 100, 3),
    ("spiral", 1, 7, 4),
    ("spiral", 2, 1, 1),
    ("spiral", 123, 250, 5),
    ("spiral", 2**32 - 1, 33, 256),
    ("vertical", 0, 100, 3),
    ("vertical", 7, 3, 6),
    ("vertical", 99, 1, 1),
    ("sine", 0, 1000, 0),
    ("sine", 0, 17, 0),
]

# A child process: the book's package, used as the book uses it, with our own code.
BOOK_SCRIPT = """
import json, sys
import numpy as np
import nnfs
from nnfs.datasets import sine_data, spiral_data, vertical_data

def record(*arrays):
    return [[a.dtype.str, list(a.shape), a.tobytes().hex()] for a in arrays]

nnfs.init()
out = {"cases": []}
for name, seed, samples, classes in json.loads(sys.argv[1]):
    np.random.seed(seed)
    if name == "sine":
        out["cases"].append(record(*sine_data(samples)))
    else:
        make = spiral_data if name == "spiral" else vertical_data
        out["cases"].append(record(*make(samples, classes)))

# One stream for everything, in the book's order: spiral data, vertical data, a layer.
np.random.seed(5)
shared = [*spiral_data(10, 2), *vertical_data(4, 3), 0.01 * np.random.randn(2, 4)]
out["shared"] = record(*shared)

# Examples F, G and H: two dense layers, ReLU, softmax, loss, accuracy.
np.random.seed(0)
x, y = spiral_data(samples=100, classes=3)
hidden = np.dot(x, 0.01 * np.random.randn(2, 3)) + np.zeros((1, 3))
scores = np.dot(np.maximum(0, hidden), 0.01 * np.random.randn(3, 3)) + np.zeros((1, 3))
exps = np.exp(scores - np.max(scores, axis=1, keepdims=True))
probabilities = exps / np.sum(exps, axis=1, keepdims=True)
picked = np.clip(probabilities, 1e-7, 1 - 1e-7)[range(len(y)), y]
loss = np.mean(-np.log(picked))
accuracy = np.mean(np.argmax(probabilities, axis=1) == y)
out["F"], out["G"] = str(hidden[:5]), str(probabilities[:5])
out["H"] = [str(loss), float(accuracy)]
out["network"] = record(hidden, scores, probabilities, loss)
print(json.dumps(out))
"""


@cache
def book(configuration: str) -> dict[str, Any]:
    return json_of_child(["-c", BOOK_SCRIPT, json.dumps(CASES)], configuration)


def record(*arrays: npt.NDArray[Any]) -> list[list[Any]]:
    return [[a.dtype.str, list(a.shape), a.tobytes().hex()] for a in arrays]


def network() -> list[list[Any]]:
    """Examples F, G and H with nnfs_ref, in this process."""
    rng = book_stream(0)
    x, y = spiral_data(samples=100, classes=3, rng=rng)
    dense1, relu, dense2, softmax = Dense(2, 3, rng=rng), ReLU(), Dense(3, 3, rng=rng), Softmax()
    dense1.forward(x)
    relu.forward(dense1.output)
    dense2.forward(relu.output)
    softmax.forward(dense2.output)
    loss = CategoricalCrossentropy().calculate(softmax.output, y)
    return record(dense1.output, dense2.output, softmax.output, np.asarray(loss))


@pytest.fixture(autouse=True)
def _nnfs_never_ran_here() -> None:
    assert "nnfs" not in sys.modules, "nnfs was imported in the test process"


@pytest.mark.parametrize("case", range(len(CASES)), ids=[" ".join(map(str, c)) for c in CASES])
def test_data_sets_are_the_bytes_of_nnfs(case: int) -> None:
    name, seed, samples, classes = CASES[case]
    if name == "sine":
        ours = record(*sine_data(samples))
    else:
        make = spiral_data if name == "spiral" else vertical_data
        ours = record(*make(samples, classes, rng=seed))
    assert ours == book("default")["cases"][case]


def test_one_shared_stream_draws_in_the_book_order() -> None:
    rng = np.random.RandomState(5)
    shared: list[npt.NDArray[Any]] = [*spiral_data(10, 2, rng=rng), *vertical_data(4, 3, rng=rng)]
    shared.append(Dense(2, 4, rng=rng).weights)
    assert record(*shared) == book("default")["shared"]


def test_f_g_h_are_the_bytes_of_nnfs_under_the_baseline_dispatch() -> None:
    """With float32 exp limited to the baseline code, the book's own recipe gives its digits."""
    result = book("limited")
    assert (result["F"], result["G"], result["H"]) == (BOOK_F, BOOK_G, BOOK_H)
    assert network() == result["network"]


def test_f_and_h_from_nnfs_under_the_default_dispatch() -> None:
    """Whatever the CPU, F and H; G's last digits depend on the CPU's float32 exp in nnfs."""
    result = book("default")
    assert (result["F"], result["H"]) == (BOOK_F, BOOK_H)
    ours = network()
    assert ours[:2] == result["network"][:2]  # both dense layers: the same bytes
    theirs = np.frombuffer(bytes.fromhex(result["network"][2][2]), dtype=np.float32)
    mine = np.frombuffer(bytes.fromhex(ours[2][2]), dtype=np.float32)
    assert np.allclose(theirs, mine, rtol=1e-6, atol=0)


# Part 1's functions, called after and without `nnfs.init()` in a child process.
AFTER_INIT = """
import sys
import numpy as np
if sys.argv[1] == "init":
    import nnfs
    nnfs.init()
from nnfs_ref import pure, vectorized
x = [[1.0, 2.0, 3.0, 2.5], [2.0, 5.0, -1.0, 2.0]]
w = [[0.2, 0.8, -0.5, 1.0], [0.5, -0.91, 0.26, -0.5]]
print(repr(vectorized.neuron(x[0], w[0], 2.0)), repr(vectorized.dot(x[0], w[0])))
print(vectorized.layer(x, w, [2.0, 3.0]).tolist(), vectorized.matmul(x, np.array(w).T).tolist())
print(vectorized.relu([-1.0, 2.5]).tolist(), vectorized.add(x, x).tolist())
"""


def test_nnfs_init_in_the_same_process_does_not_change_nnfs_ref() -> None:
    """`nnfs.init()` replaces np.dot with a float32 version; nnfs_ref must not notice."""
    outputs = [
        subprocess.run(
            [sys.executable, "-c", AFTER_INIT, mode],
            capture_output=True,
            text=True,
            check=True,
            timeout=60,
        ).stdout
        for mode in ("clean", "init")
    ]
    assert "4.8 2.8" in outputs[0]
    assert outputs[1] == outputs[0]
