"""The execution limits: a site default in mkdocs.yml, a fence may raise its own.

```yaml
markdown_extensions:
  - docs_build.site.extension:
      timeout: 60          # seconds a block may run (fence attribute: timeout="SECONDS")
      output_limit: 100000 # characters a block may print
      memory_limit: 2048   # MiB a block's processes may hold (fence: memory="MIB")
      preload: [numpy, nnfs_ref.*]  # imported once for all workers; pkg.* = all of pkg
```
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

#: The name the extension has under `markdown_extensions` in mkdocs.yml.
EXTENSION = "docs_build.site.extension"


@dataclass(frozen=True)
class Limits:
    """How long a block may run, how much it may print, and what is imported for it."""

    timeout: float = 60.0
    output_limit: int = 100_000
    #: MiB of resident memory a block's worker and its children may hold.
    memory_limit: int = 2048
    #: Modules the build imports once for all workers (re-imported when edited).
    preload: tuple[str, ...] = ()

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> Limits:
        """The limits an extension configuration sets (`timeout`, `output_limit`,
        `memory_limit`, `preload`); the defaults for what it leaves out."""
        return cls(
            timeout=float(options.get("timeout", cls.timeout)),
            output_limit=int(options.get("output_limit", cls.output_limit)),
            memory_limit=int(options.get("memory_limit", cls.memory_limit)),
            preload=tuple(options.get("preload", cls.preload)),
        )

    def timeout_for(self, attributes: dict[str, str]) -> float:
        """The block's own `timeout="SECONDS"` if it has one, else the site's."""
        value = attributes.get("timeout")
        return self.timeout if value is None else float(value)

    def memory_for(self, attributes: dict[str, str]) -> int:
        """The block's own `memory="MIB"` if it has one, else the site's `memory_limit`."""
        value = attributes.get("memory")
        return self.memory_limit if value is None else int(value)


def bad_memory(value: str) -> str | None:
    """Why a `memory=` attribute value (whole MiB) is unusable, or None."""
    if not value.isdigit() or int(value) <= 0:
        return f'memory="{value}" must be a whole number of MiB, such as memory="4096"'
    return None


def bad_timeout(value: str) -> str | None:
    """Why a `timeout=` attribute value is unusable, or None."""
    try:
        seconds = float(value)
    except ValueError:
        return f'timeout="{value}" is not a number of seconds'
    if not (seconds > 0 and math.isfinite(seconds)):
        return f'timeout="{value}" must be a positive number of seconds'
    return None


class _Loader(yaml.SafeLoader):  # type: ignore[misc]  # PyYAML is untyped
    """Reads mkdocs.yml without importing what its `!!python/name:` tags name."""


def _any_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    return None


_Loader.add_multi_constructor("!", _any_tag)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _any_tag)


def read_config(config_file: Path) -> dict[str, Any]:
    """mkdocs.yml as data; `!!python/name:` and `!ENV` values are read as None."""
    config: dict[str, Any] = yaml.load(config_file.read_text(), Loader=_Loader) or {}
    return config


def extension_options(config_file: Path) -> dict[str, Any]:
    """The options given to the extension in `config_file` (mkdocs.yml)."""
    config = read_config(config_file)
    for entry in config.get("markdown_extensions", []):
        if isinstance(entry, dict) and EXTENSION in entry:
            return dict(entry[EXTENSION] or {})
    return {}


def load_limits(config_file: Path) -> Limits:
    """The limits mkdocs.yml sets, so pytest enforces the same ones as the build."""
    return Limits.from_options(extension_options(config_file))
