"""Every public function and class documents itself with an example that Sybil runs.

The examples sit in ```pycon fences in the docstrings; conftest.py collects
them with the same runner as the site's console blocks, so they run under
`make test` like any page. "Public" means listed in a module's `__all__`.
"""

from __future__ import annotations

import inspect
from pathlib import Path
from types import ModuleType

import pytest

from docs_build.core.fences import find_fences
from docs_build.sybil_collector import docs_and_docstrings
from nnfs_ref import activations, datasets, layers, losses, pure, random, vectorized

PUBLIC = ["add", "dot", "layer", "matmul", "neuron", "shape", "transpose"]
PART2 = ["accuracy", "cross_entropy", "relu", "softmax"]
MODULES = [pure, vectorized, datasets, layers, activations, losses, random]
NAMES = [(m, name) for m in MODULES for name in m.__all__]
ROOT = Path(__file__).resolve().parent.parent


def test_pure_and_vectorized_have_the_same_functions() -> None:
    assert sorted(pure.__all__) == sorted(vectorized.__all__) == sorted(PUBLIC + PART2)


@pytest.mark.parametrize(
    ("module", "name"), NAMES, ids=[f"{m.__name__.split('.')[-1]}.{n}" for m, n in NAMES]
)
def test_every_public_name_has_an_example(module: ModuleType, name: str) -> None:
    docstring = getattr(module, name).__doc__ or ""
    first_line = docstring.strip().splitlines()[0] if docstring.strip() else ""
    assert first_line.endswith("."), f"{module.__name__}.{name}: no one-line summary"
    assert [f for f in find_fences(docstring) if f.language == "pycon"], (
        f"{module.__name__}.{name} has no ```pycon example in its docstring"
    )


@pytest.mark.parametrize("module", MODULES, ids=[m.__name__ for m in MODULES])
def test_sybil_collects_the_docstring_examples(module: ModuleType) -> None:
    (package,) = [s for s in docs_and_docstrings(ROOT) if "nnfs_ref" in str(s.path)]
    files = {Path(inspect.getsourcefile(getattr(module, name)) or "") for name in module.__all__}
    examples = sum(len(list(package.parse(path))) for path in files)
    assert examples >= len(module.__all__)
