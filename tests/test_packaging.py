"""Packaging: pure needs no NumPy, and `pip install .` brings only nnfs_ref and numpy."""

from __future__ import annotations

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
