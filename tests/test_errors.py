"""Every error path, in both modules: the exception class and the key words of the message."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import pytest

from nnfs_ref import pure
from tests.book_numbers import BATCH, BIASES, WEIGHTS
from tests.error_paths import Case, check_error_path, check_same_message, message
from tests.modules import MODULES
from tests.test_errors_part2 import CASES as PART2_CASES
from tests.test_errors_part2 import raised_messages
from tests.test_errors_part3 import raised_messages as part3_messages

# The book's C and D, named by shape for the table below.
W3x4, X3x4, B3 = WEIGHTS, BATCH, BIASES
W4x3 = [list(col) for col in zip(*W3x4, strict=True)]

# (id, function name, args, exception class, words the message must contain)
CASES: list[Case] = [
    # non-numbers: TypeError naming the value and where it is
    ("str", "dot", ([1, "a"], [1, 2]), TypeError, ["dot:", "a[1]", "'a'", "str"]),
    ("none", "dot", ([1, 2], [None, 2]), TypeError, ["dot:", "b[0]", "None"]),
    ("complex", "dot", ([1j], [1]), TypeError, ["a[0]", "complex"]),
    ("np-complex", "dot", (np.array([1 + 2j]), [1]), TypeError, ["a[0]", "complex"]),
    ("str-array", "dot", (np.array(["1", "2"]), [1, 2]), TypeError, ["a[0]", "'1'"]),
    ("str-scalar", "shape", ("abc",), TypeError, ["shape:", "'abc'"]),
    ("dict", "add", ({"a": 1}, [1]), TypeError, ["add:", "a must be a number", "dict"]),
    ("set", "add", ({1, 2}, [1, 2]), TypeError, ["a must be a number", "set"]),
    ("decimal-nested-str", "matmul", ([[1, "x"]], [[1], [2]]), TypeError, ["a[0][1]", "'x'"]),
    ("none-bias", "neuron", ([1], [1], None), TypeError, ["neuron:", "bias", "None"]),
    ("str-bias", "layer", ([1], [[1]], ["b"]), TypeError, ["layer:", "biases[0]", "'b'"]),
    ("huge-int", "dot", ([10**400], [1]), ValueError, ["a[0]", "too large"]),
    # ragged nesting
    ("ragged", "dot", ([[1, 2], [3]], [1]), ValueError, ["a is ragged", "a[1]", "length 1"]),
    ("ragged-mixed", "shape", ([[1, 2], 3],), ValueError, ["ragged", "a single number"]),
    ("ragged-deep", "layer", (X3x4, [[1, 2, 3, 4], [1, 2]], B3), ValueError, ["weights is ragged"]),
    # dot
    ("dot-len", "dot", ([1, 2], [1, 2, 3]), ValueError, ["lengths differ", "2", "3"]),
    ("dot-matrix", "dot", ([[1]], [1]), ValueError, ["a must be a vector", "(1, 1)", "matmul"]),
    ("dot-scalar", "dot", (1, [1]), ValueError, ["a must be a vector", "single number"]),
    ("dot-3d", "dot", ([1], np.zeros((1, 1, 1))), ValueError, ["b must be a vector", "3 dim"]),
    ("dot-empty", "dot", ([], []), ValueError, ["a is empty", "(0,)"]),
    # add
    ("add-shape", "add", ([1, 2], [1, 2, 3]), ValueError, ["shapes differ", "(2,) + (3,)"]),
    ("add-broadcast", "add", ([[1, 2]], [1, 2]), ValueError, ["(1, 2) + (2,)", "broadcast"]),
    ("add-3d", "add", (np.zeros((1, 1, 1)),) * 2, ValueError, ["add:", "3 dimensions"]),
    ("add-empty", "add", ([[]], [[]]), ValueError, ["empty", "(1, 0)"]),
    # transpose
    ("transpose-vector", "transpose", ([1, 2],), ValueError, ["must be a matrix", "no rows"]),
    ("transpose-3d", "transpose", (np.zeros((2, 2, 2)),), ValueError, ["(2, 2, 2)"]),
    ("transpose-empty", "transpose", ([[]],), ValueError, ["m is empty"]),
    # matmul
    (
        "matmul-right",
        "matmul",
        (X3x4, W3x4),
        ValueError,
        ["inner sizes differ", "(3, 4) @ (3, 4)", "4 != 3", "transpose the right", "(4, 3)"],
    ),
    (
        "matmul-left",
        "matmul",
        ([[1, 2]] * 3, [[1]] * 3),
        ValueError,
        ["(3, 2) @ (3, 1)", "transpose the left operand, (2, 3) @ (3, 1)"],
    ),
    ("matmul-plain", "matmul", ([[1, 2]], [[1]] * 3), ValueError, ["2 != 3", "columns of a"]),
    ("matmul-vector", "matmul", ([1, 2], [[1], [2]]), ValueError, ["a must be a matrix", "dot"]),
    ("matmul-empty", "matmul", ([[1]], [[]]), ValueError, ["b is empty", "(1, 0)"]),
    # neuron
    ("neuron-len", "neuron", ([1, 2, 3, 4], [1, 2, 3], 2), ValueError, ["4 inputs but 3 weights"]),
    ("neuron-batch", "neuron", (X3x4, [1, 2, 3, 4], 2), ValueError, ["(3, 4)", "use layer"]),
    ("neuron-matrix-w", "neuron", ([1, 2, 3, 4], W3x4, 2), ValueError, ["weights", "use layer"]),
    ("neuron-bias-vec", "neuron", ([1, 2], [1, 2], [2]), ValueError, ["bias must be a single"]),
    ("neuron-swap", "neuron", ([1, 2], 2.0, [1, 2]), ValueError, ["weights and bias look swapped"]),
    ("neuron-empty", "neuron", ([], [], 1), ValueError, ["inputs is empty"]),
    ("neuron-scalar", "neuron", (1, [1], 1), ValueError, ["inputs must be a vector"]),
    # layer
    (
        "layer-transposed",
        "layer",
        (X3x4, W4x3, B3),
        ValueError,
        [
            "weights look transposed",
            "weights of shape (4, 3) for inputs with 4 features",
            "shape (neurons, 4)",
            "transpose(weights)",
            "weights.T",
            "(inputs, neurons) is the other convention",
            "chapter 3",
            "nnfs_ref.layers.Dense",
        ],
    ),
    ("layer-features", "layer", ([1, 2, 3, 4, 5], W3x4, B3), ValueError, ["5 features", "(3, 4)"]),
    ("layer-2-biases", "layer", (X3x4, W3x4, [1, 2]), ValueError, ["2 values", "3 neurons"]),
    ("layer-bias-scalar", "layer", (X3x4, W3x4, 2.0), ValueError, ["one value per neuron"]),
    ("layer-bias-column", "layer", (X3x4, W3x4, [[1], [2], [3]]), ValueError, ["(3, 1)"]),
    ("layer-swap-vector", "layer", (W3x4, [1, 2, 3, 4], B3), ValueError, ["look swapped"]),
    ("layer-swap-batch", "layer", (W3x4[:2], X3x4, [1, 2]), ValueError, ["look swapped", "rows"]),
    ("layer-w-vector", "layer", ([1, 2], [1, 2, 3], [1]), ValueError, ["wrap the weights"]),
    ("layer-3d", "layer", (np.zeros((2, 3, 4)), W3x4, B3), ValueError, ["(2, 3, 4)"]),
    ("layer-scalar", "layer", (1.0, W3x4, B3), ValueError, ["inputs must be a vector"]),
    ("layer-empty-batch", "layer", (np.zeros((0, 4)), W3x4, B3), ValueError, ["inputs is empty"]),
    ("layer-no-neurons", "layer", ([1, 2], np.zeros((0, 2)), []), ValueError, ["empty"]),
]

#: Part 1's cases and Part 2's functions (tests/test_errors_part2.py), checked alike.
FUNCTION_CASES = CASES + PART2_CASES
IDS = [case[0] for case in FUNCTION_CASES]


@pytest.mark.parametrize("m", MODULES)
@pytest.mark.parametrize(("case", "func", "args", "exc", "words"), FUNCTION_CASES, ids=IDS)
def test_error_path(
    m: ModuleType,
    case: str,
    func: str,
    args: tuple[Any, ...],
    exc: type[Exception],
    words: list[str],
) -> None:
    check_error_path(m, case, func, args, exc, words)


@pytest.mark.parametrize(("case", "func", "args", "exc", "words"), FUNCTION_CASES, ids=IDS)
def test_both_modules_say_the_same(
    case: str, func: str, args: tuple[Any, ...], exc: type[Exception], words: list[str]
) -> None:
    check_same_message(func, args, exc)


@pytest.mark.parametrize("m", MODULES)
def test_real_number_types_are_accepted(m: ModuleType) -> None:
    assert m.dot([Fraction(1, 2), Decimal("1.5")], [2, 2]) == 4.0


@pytest.mark.parametrize("m", MODULES)
def test_generator_is_not_a_vector(m: ModuleType) -> None:
    with pytest.raises(TypeError, match="must be a number"):
        m.dot((x for x in [1, 2]), [1, 2])


def test_reference_table_quotes_real_messages() -> None:
    """Every complete message quoted in docs/reference.md is one the code really raises."""
    table = (Path(__file__).resolve().parent.parent / "docs" / "reference.md").read_text()
    quoted = [
        line.rsplit("| `", 1)[1].rsplit("` |", 1)[0]
        for line in table.splitlines()
        if line.startswith("| ") and line.rstrip().endswith("` |")
    ]
    raised = raised_messages() | part3_messages()  # Part 2's and Part 3's
    for _case, func, args, exc, _words in CASES:
        raised.add(message(pure, func, args, exc))
    checked = [q for q in quoted if "…" not in q]
    assert len(checked) >= 45
    for quote in checked:
        assert quote in raised, quote


@pytest.mark.parametrize("m", MODULES)
def test_absurd_nesting_is_a_value_error(m: ModuleType) -> None:
    x: Any = [1.0]
    for _ in range(3000):
        x = [x]
    with pytest.raises(ValueError, match="nested too deeply"):
        m.shape(x)
