"""Packaging: pure needs no NumPy, and `pip install .` brings only nnfs_ref and numpy."""

from __future__ import annotations

import re
import subprocess
import sys
import venv
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def test_pure_does_not_import_numpy() -> None:
    code = (
        "import sys\n"
        "from nnfs_ref import pure\n"
        "assert pure.dot([1, 2, 3], [2, 3, 4]) == 20.0\n"
        "assert pure.relu([-1, 2]) == [0.0, 2.0]\n"
        "assert pure.softmax([0.0, 0.0]) == [0.5, 0.5]\n"
        "assert pure.cross_entropy([[0.5, 0.5]], [1]) == [0.6931471805599453]\n"
        "assert pure.accuracy([[0.2, 0.8]], [[0, 1]]) == 1.0\n"
        "print(sorted(m for m in sys.modules if m == 'numpy' or m.startswith('numpy.')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stderr


def test_package_exports_both_modules() -> None:
    code = "import nnfs_ref; print(nnfs_ref.pure.__name__, nnfs_ref.vectorized.__name__)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["nnfs_ref.pure", "nnfs_ref.vectorized"]


def test_py_typed_is_shipped() -> None:
    assert (REPO / "nnfs_ref" / "py.typed").is_file()


@pytest.mark.slow
def test_pip_install_into_an_empty_venv(tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False, system_site_packages=False)
    python = env_dir / "bin" / "python"
    # This environment's pip installs into the empty one (no ensurepip: faster).
    pip = [sys.executable, "-m", "pip", "--python", str(python), "--disable-pip-version-check"]
    subprocess.run(
        [*pip, "install", "-q", "-c", str(REPO / "constraints.txt"), str(REPO)],
        check=True,
        cwd=tmp_path,
        timeout=600,
    )
    listing = subprocess.run(
        [*pip, "list", "--format=freeze"], capture_output=True, text=True, check=True
    ).stdout
    names = {line.split("==")[0].lower().replace("_", "-") for line in listing.split()}
    assert names == {"nnfs-ref", "numpy"}
    out = subprocess.run(
        [
            str(python),
            "-c",
            "from nnfs_ref import vectorized; print(vectorized.dot([1, 2], [3, 4]))",
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    assert out.stdout.strip() == "11.0"


def test_every_module_a_page_imports_is_installed_by_the_docs_extra() -> None:
    """`make serve` and `make build` install the docs extra only: a page that imports a
    package from the test extra (the book's `nnfs` once) fails on a newcomer's machine."""
    import ast
    import importlib.metadata

    from docs_build.core.fences import find_fences
    from docs_build.core.kinds import KINDS

    text = (REPO / "pyproject.toml").read_text()
    # The core dependencies and the docs extra (tomllib is 3.11+; mypy checks for 3.10).
    blocks = re.findall(r"^(?:dependencies = \[(.*?)\]$|docs = \[(.*?)^\])", text, re.M | re.S)
    blocks = ["".join(found) for found in blocks]
    assert len(blocks) == 2, "pyproject.toml: dependencies or the docs extra not found"
    listed = {
        re.split(r"[<>=\[ ;]", requirement, maxsplit=1)[0].lower()
        for block in blocks
        for requirement in re.findall(r'"([^"]+)"', block)
    }
    local = {"nnfs_ref", "docs_build"}
    distributions = importlib.metadata.packages_distributions()
    missing = set()
    for page in sorted((REPO / "docs").rglob("*.md")):
        for fence in find_fences(page.read_text()):
            if not (fence.executed and fence.language in KINDS):
                continue
            code = "\n".join(
                line[4:] if fence.language == "pycon" else line
                for line in fence.body.splitlines()
                if fence.language != "pycon" or line.startswith((">>> ", "... "))
            )
            try:
                tree = ast.parse(code)
            except SyntaxError:  # a page may show one on purpose
                continue
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names = [node.module]
                else:
                    continue
                for name in names:
                    top = name.split(".")[0]
                    if top in sys.stdlib_module_names or top in local:
                        continue
                    owners = {d.lower() for d in distributions.get(top, [top])}
                    if not owners & listed:
                        missing.add(f"{page.relative_to(REPO)}, {fence.name}: {top}")
    assert not missing, "imported by pages but not in the docs extra:\n" + "\n".join(
        sorted(missing)
    )
