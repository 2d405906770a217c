"""The machinery that makes the site's code blocks executable and tested.

- `core/`: the block engine (fences, the registry of kinds, worker processes,
  comparison); it imports neither MkDocs nor Sybil.
- `site/`: the build side: a Python-Markdown extension, markdown-exec
  formatters, MathML, and the MkDocs-only hooks.
- `sybil_collector`: the pytest side (Sybil items running the same engine).
- `notebooks/`: every lesson as a generated Jupyter notebook.
- `figures/`: the SVG figures pages draw while they build.

`PROJECT_ROOT` is the folder that holds `docs_build/`: paths are resolved
against it, wherever the build or pytest was started. Blocks run in a scratch
folder (`core/treeguard.py`); one that reads the site's own files names them
from `PROJECT_ROOT`.
"""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
