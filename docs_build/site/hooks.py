"""MkDocs hooks (listed in mkdocs.yml): what only MkDocs needs.

Blocks run through the Markdown extension (`docs_build.site.extension`),
which any builder loads. These hooks add what needs the whole MkDocs build:
forgetting the last build's blocks when `mkdocs serve` rebuilds, and the fence
audit after the last page (ids unique across the site, every fence of every
page run or marked).
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from docs_build.core.audit import audit_pages
from docs_build.site.pages import BUILD

#: Set to a file path to get the list of executed blocks (used by the tests).
MANIFEST_VARIABLE = "DOCS_BUILD_MANIFEST"


def on_pre_build(config: Any) -> None:
    """Every build, including each rebuild of `mkdocs serve`, starts from nothing."""
    BUILD.reset()


def on_post_build(config: Any) -> None:
    """Audit every fence of the site against the blocks this build ran."""
    records = [asdict(record) for record in BUILD.records]
    target = os.environ.get(MANIFEST_VARIABLE)
    if target:
        Path(target).write_text(json.dumps(records, indent=1))
    docs = Path(config["docs_dir"])
    audit = audit_pages(docs, records, BUILD.root)
    if audit.problems:
        raise PluginError("The fence audit failed:\n" + "\n".join(audit.problems))
