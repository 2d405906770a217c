"""Collect every executed block of the site, and the package's docstring examples."""

from pathlib import Path

from docs_build.sybil_collector import docs_and_docstrings

pytest_collect_file = docs_and_docstrings(Path(__file__).resolve().parent).pytest()
