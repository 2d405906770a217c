"""MkDocs hooks (listed in mkdocs.yml): what only MkDocs needs.

Blocks run through the Markdown extension (`docs_build.site.extension`),
which any builder loads. These hooks add what needs the whole MkDocs build:
the execution cache under `mkdocs serve` (`docs_build.core.cache`; kept in the
project's .cache/preview/ from one run to the next, for serve only), forgetting
the last build's blocks when it rebuilds, and the fence audit after the last
page (ids unique across the site, every fence of every page run or marked);
what else only `mkdocs serve` needs is in `docs_build.site.serving`.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from docs_build.core import tally
from docs_build.core.audit import audit_pages
from docs_build.core.cache import ExecutionCache
from docs_build.site import serving
from docs_build.site.pages import BUILD, lost_blocks

log = logging.getLogger("mkdocs.plugins.docs_build")

#: Set to a file path to get the list of executed blocks (used by the tests).
MANIFEST_VARIABLE = "DOCS_BUILD_MANIFEST"


def on_startup(command: str, dirty: bool) -> None:
    """`mkdocs serve` replays unchanged sessions from its cache (in memory, and in the
    project's .cache/preview/ from one run to the next), shows a page's failures on the
    page, keeps serving if its first build fails and stops on SIGTERM as on Ctrl-C
    (`docs_build.site.serving`); a build runs every block, or replays it from this
    run's results folder (`DOCS_BUILD_RESULTS`), never from the preview's."""
    if command == "serve":
        serving.start()
        serving.keep_serving_first_build()
        BUILD.use_cache(ExecutionCache.preview(BUILD.root))
    else:
        BUILD.use_cache(ExecutionCache.of_run(BUILD.root))


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    """After the first build of `mkdocs serve` (also `--clean`, which starts up as a
    build): a failed build (that first one too) is an error page for every request,
    not a hang or the end of the server."""
    serving.start()
    serving.FailedBuilds(server, serving.FirstBuild.failure)
    # What MkDocs is about to watch: a change there starts a rebuild (see pages.py).
    watched = [config["docs_dir"], config["config_file_path"], *config["watch"]]
    BUILD.watched = tuple(Path(path).resolve() for path in watched if path)
    return server


def on_pre_build(config: Any) -> None:
    """Every build, including each rebuild of `mkdocs serve`, starts from nothing."""
    BUILD.reset(Path(config["docs_dir"]))
    serving.FAILED_PAGES.clear()


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    """Every block that ran for this page is in its HTML, and no fence's own text is."""
    path = f"docs/{page.file.src_uri}"
    ran = [record.id for record in BUILD.records if record.page == path and not record.failed]
    problems = lost_blocks(path, ran, html)
    if problems:
        raise PluginError("\n\n".join(problems))
    return html


def on_post_build(config: Any) -> None:
    """Audit every fence of the site against the blocks this build ran."""
    records = [asdict(record) for record in BUILD.records]
    tally.record("render", [config["config_file_path"]])
    target = os.environ.get(MANIFEST_VARIABLE)
    if target:
        Path(target).write_text(json.dumps(records, indent=1))
    if BUILD.cache is not None:
        log.info(
            "docs_build: %d blocks replayed from the execution cache, %d run",
            BUILD.cache.hits,
            BUILD.cache.misses,
        )
        BUILD.cache.hits = BUILD.cache.misses = 0
        BUILD.cache.prune()  # the preview's folder: its oldest sessions beyond its bound
    docs = Path(config["docs_dir"])
    audit = audit_pages(docs, records, BUILD.root)
    if audit.problems:
        raise PluginError("The fence audit failed:\n" + "\n".join(audit.problems))
    serving.report_failed_pages()  # under `mkdocs serve`: the pages that show failures
