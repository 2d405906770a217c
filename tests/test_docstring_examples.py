"""Every public function documents itself with an example that Sybil runs.

The examples sit in ```pycon fences in the docstrings; conftest.py collects
them with the same runner as the site's console blocks, so they run under
`make test` like any page.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from docs_build.core.fences import find_fences
from docs_build.sybil_collector import docs_and_docstrings
from nnfs_ref import pure, vectorized

PUBLIC = ["add", "dot", "layer", "matmul", "neuron", "shape", "transpose"]
ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("module", [pure, vectorized], ids=["pure", "vectorized"])
@pytest.mark.parametrize("name", PUBLIC)
def test_every_function_has_an_example(module: ModuleType, name: str) -> None:
    docstring = getattr(module, name).__doc__ or ""
    assert [f for f in find_fences(docstring) if f.language == "pycon"], (
        f"{module.__name__}.{name} has no ```pycon example in its docstring"
    )


@pytest.mark.parametrize("module", [pure, vectorized], ids=["pure", "vectorized"])
def test_sybil_collects_the_docstring_examples(module: ModuleType) -> None:
    (package,) = [s for s in docs_and_docstrings(ROOT) if "nnfs_ref" in str(s.path)]
    document = package.parse(Path(module.__file__ or ""))
    assert len(list(document)) >= len(PUBLIC)
