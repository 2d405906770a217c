"""Run every docstring example in nnfs_ref.pure and nnfs_ref.vectorized with doctest.

The examples sit in ```pycon fences; doctest reads the `>>>` lines inside them and
the blank line before each closing fence ends the expected output.
"""

from __future__ import annotations

import doctest
from types import ModuleType

import pytest

from nnfs_ref import pure, vectorized

FINDER = doctest.DocTestFinder(exclude_empty=True)
TESTS = [t for module in (pure, vectorized) for t in FINDER.find(module) if t.examples]
PUBLIC = ["add", "dot", "layer", "matmul", "neuron", "shape", "transpose"]


def run(test: doctest.DocTest) -> doctest.TestResults:
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test, out=lambda _text: None)
    return runner.summarize(verbose=False)


@pytest.mark.parametrize("test", TESTS, ids=[t.name for t in TESTS])
def test_docstring_example(test: doctest.DocTest) -> None:
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    report: list[str] = []
    runner.run(test, out=report.append)
    assert runner.failures == 0, "".join(report)
    assert runner.tries > 0


@pytest.mark.parametrize("module", [pure, vectorized], ids=["pure", "vectorized"])
@pytest.mark.parametrize("name", PUBLIC)
def test_every_function_has_an_example(module: ModuleType, name: str) -> None:
    tests = {t.name: t for t in TESTS}
    test = tests.get(f"{module.__name__}.{name}")
    assert test is not None, f"{module.__name__}.{name} has no example"
    assert test.examples, f"{module.__name__}.{name} has no example"
    assert "```pycon" in (getattr(module, name).__doc__ or "")


def test_a_wrong_output_fails() -> None:
    doc = """Example.

    ```pycon
    >>> from nnfs_ref import pure
    >>> pure.dot([1, 2, 3], [2, 3, 4])
    21.0

    ```
    """
    test = doctest.DocTestParser().get_doctest(doc, {}, "wrong", None, 0)
    assert run(test).failed == 1
