"""GitHub workflows: pinned actions, time limits, least privilege (issue 9, point 10).

Every `uses:` names an action by the full commit SHA of a release tag, with the
tag in a comment (`uses: actions/checkout@<40 hex> # v7.0.1`). The SHAs come from
the actions' own repositories (their tags); this file checks the form, not the
provenance. The checks are plain functions that return a list of problems, so
the last tests can feed them broken workflows and show that they fail.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
WORKFLOWS = REPO / ".github" / "workflows"

# owner/repo[/path]@<40 lowercase hex> # vX.Y.Z, and nothing else on the line.
PINNED = re.compile(
    r"^\s*(?:-\s+)?uses:\s+"
    r"(?P<action>[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_./-]+)?)"
    r"@(?P<sha>[0-9a-f]{40})"
    r"\s+#\s+(?P<tag>v\d+\.\d+\.\d+)\s*$"
)
USES_LINE = re.compile(r"^\s*(?:-\s+)?uses\s*:")

# A permission may be `write` only on a job that runs one of these actions...
ALLOWED_WRITES: dict[str, frozenset[str]] = {
    "pages": frozenset({"actions/deploy-pages"}),
    "id-token": frozenset({"actions/deploy-pages"}),
}
# ... or one of these commands (a line of a `run:`): uv uploads to PyPI with
# trusted publishing, exchanging the job's OIDC token itself.
ALLOWED_WRITE_COMMANDS: dict[str, frozenset[str]] = {
    "id-token": frozenset({"uv publish --trusted-publishing always dist/*"}),
}
LEVELS = {"read", "write", "none"}


def load(text: str) -> dict[str, Any]:
    """Parse a workflow. YAML 1.1 reads the key `on` as True; put it back."""
    data = yaml.safe_load(text)
    assert isinstance(data, dict), "a workflow is a mapping"
    if True in data:
        data["on"] = data.pop(True)
    return data


def jobs(workflow: dict[str, Any]) -> dict[str, dict[str, Any]]:
    found = workflow.get("jobs")
    assert isinstance(found, dict), "a workflow has a jobs mapping"
    assert found, "a workflow has jobs"
    return found


def steps(job: dict[str, Any]) -> list[dict[str, Any]]:
    found = job.get("steps", [])
    assert isinstance(found, list)
    return found


def uses_values(workflow: dict[str, Any]) -> Iterator[str]:
    for job in jobs(workflow).values():
        if "uses" in job:  # a reusable workflow called as a job
            yield str(job["uses"])
        for step in steps(job):
            if "uses" in step:
                yield str(step["uses"])


def action_name(uses: str) -> str:
    """`owner/repo` of `owner/repo/sub/path@ref`."""
    return "/".join(uses.split("@", 1)[0].split("/")[:2])


def pin_problems(text: str) -> list[str]:
    """Each `uses:` line is pinned to a full SHA with a `# vX.Y.Z` tag comment."""
    problems = []
    lines = [line for line in text.splitlines() if USES_LINE.match(line)]
    for line in lines:
        if not PINNED.match(line):
            problems.append(f"not pinned as owner/repo@<40 hex> # vX.Y.Z: {line.strip()}")
    parsed = list(uses_values(load(text)))
    if len(parsed) != len(lines):
        # For example a flow mapping `- {uses: ...}` that the line check cannot see.
        problems.append(f"{len(parsed)} uses: in the YAML but {len(lines)} uses: lines")
    return problems


def permission_problems(text: str) -> list[str]:
    """Top-level read-only permissions; writes only where ALLOWED_WRITES allows them."""
    workflow = load(text)
    problems = []
    top = workflow.get("permissions")
    if not isinstance(top, dict):
        problems.append(f"top level: permissions must be a mapping of scopes, got {top!r}")
    else:
        for scope, level in top.items():
            if level not in LEVELS:
                problems.append(f"top level: {scope}: {level!r} is not read, write or none")
            elif level == "write":
                problems.append(f"top level: {scope}: write (grant it on the job that needs it)")
    for name, job in jobs(workflow).items():
        if "permissions" not in job:
            continue  # inherits the top level, checked above
        granted = job["permissions"]
        if not isinstance(granted, dict):
            problems.append(f"job {name}: permissions must be a mapping, got {granted!r}")
            continue
        used = {action_name(step["uses"]) for step in steps(job) if "uses" in step}
        commands = {
            line.strip() for step in steps(job) for line in str(step.get("run", "")).splitlines()
        }
        for scope, level in granted.items():
            needed = used & ALLOWED_WRITES.get(scope, frozenset()) or commands & (
                ALLOWED_WRITE_COMMANDS.get(scope, frozenset())
            )
            if level not in LEVELS:
                problems.append(f"job {name}: {scope}: {level!r} is not read, write or none")
            elif level == "write" and not needed:
                problems.append(f"job {name}: {scope}: write is not needed by its actions")
    return problems


def timeout_problems(text: str) -> list[str]:
    problems = []
    for name, job in jobs(load(text)).items():
        limit = job.get("timeout-minutes")
        if not isinstance(limit, int) or isinstance(limit, bool) or limit <= 0:
            problems.append(f"job {name}: no positive timeout-minutes")
    return problems


def runs(workflow: dict[str, Any], command: str) -> list[dict[str, Any]]:
    """The steps whose `run:` has `command` as one of its lines."""
    return [
        step
        for job in jobs(workflow).values()
        for step in steps(job)
        if command in (line.strip() for line in str(step.get("run", "")).splitlines())
    ]


def all_workflows() -> list[Path]:
    return sorted(WORKFLOWS.glob("*.yml")) + sorted(WORKFLOWS.glob("*.yaml"))


def workflow(name: str) -> dict[str, Any]:
    return load((WORKFLOWS / name).read_text(encoding="utf-8"))


WORKFLOW_FILES = all_workflows()
IDS = [path.name for path in WORKFLOW_FILES]


def test_the_expected_workflows_exist() -> None:
    assert {"ci.yml", "pages.yml", "release.yml"} <= set(IDS)


@pytest.mark.parametrize("path", WORKFLOW_FILES, ids=IDS)
def test_every_action_is_pinned_by_sha_with_its_tag(path: Path) -> None:
    assert pin_problems(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("path", WORKFLOW_FILES, ids=IDS)
def test_every_job_has_a_time_limit(path: Path) -> None:
    assert timeout_problems(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("path", WORKFLOW_FILES, ids=IDS)
def test_permissions_are_least_privilege(path: Path) -> None:
    assert permission_problems(path.read_text(encoding="utf-8")) == []


def test_one_action_one_pin_across_workflows() -> None:
    """Bumping an action means bumping it everywhere: one SHA and tag per action."""
    pins: dict[str, set[tuple[str, str]]] = {}
    for path in WORKFLOW_FILES:
        for line in path.read_text(encoding="utf-8").splitlines():
            if match := PINNED.match(line):
                pins.setdefault(match["action"], set()).add((match["sha"], match["tag"]))
    assert pins, "no pinned actions found"
    assert {action: pin for action, pin in pins.items() if len(pin) > 1} == {}


def test_ci_runs_on_push_to_main_and_pull_requests_and_tests_and_builds() -> None:
    ci = workflow("ci.yml")
    assert ci["on"]["push"]["branches"] == ["main"]
    assert "pull_request" in ci["on"]
    [test_step] = runs(ci, "make test")
    assert test_step["env"]["CI"] == "true"
    assert runs(ci, "make build")


def test_ci_runs_the_doc_tests_where_readers_run_them() -> None:
    """Linux x86-64 and arm64 and macOS arm64, on the oldest and newest Python the README
    promises; nnfs_ref alone on Windows and with the oldest Python and NumPy it allows."""
    ci = workflow("ci.yml")
    platforms, package = jobs(ci)["platforms"], jobs(ci)["package"]
    cells = platforms["strategy"]["matrix"]["include"]
    assert {cell["os"] for cell in cells} >= {"ubuntu-latest", "ubuntu-24.04-arm", "macos-latest"}
    readme = (REPO / "README.md").read_text()
    oldest, newest = re.search(r"Python (3\.\d+) to (3\.\d+)", readme).groups()  # type: ignore[union-attr]
    assert {cell["python"] for cell in cells} == {oldest, newest}
    assert runs({"jobs": {"platforms": platforms}}, "make test-platform")
    cells = package["strategy"]["matrix"]["include"]
    assert "windows-latest" in {cell["os"] for cell in cells}
    project = (REPO / "pyproject.toml").read_text()
    python = re.search(r'requires-python = ">=(3\.\d+)"', project)[1]  # type: ignore[index]
    numpy = re.search(r'"numpy>=([\d.]+)"', project)[1]  # type: ignore[index]
    assert any(
        cell["python"] == python and cell["numpy"].startswith(f"numpy=={numpy}") for cell in cells
    ), cells
    [step] = [step for step in steps(package) if "-m pytest" in str(step.get("run"))]
    assert "tests/package-tests.txt" in step["run"]


def test_pages_tests_builds_and_deploys_one_at_a_time() -> None:
    pages = workflow("pages.yml")
    assert pages["on"]["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in pages["on"]
    assert pages["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    [test_step] = runs(pages, "make test")
    assert test_step["env"]["CI"] == "true"
    for target in ("make build", "make pdf"):  # make build runs make offline first
        assert runs(pages, target), target
    build = steps(jobs(pages)["build"])
    order = [i for target in ("make test", "make build", "make pdf") for i, step in
             enumerate(build) if target in str(step.get("run", "")).splitlines()]  # fmt: skip
    assert order == sorted(order), "test, then build (with the offline zip), then print"
    used = {action_name(uses) for uses in uses_values(pages)}
    assert {
        "actions/configure-pages",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
    } <= used
    deploy = jobs(pages)["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"


def test_pages_takes_the_site_url_from_configure_pages() -> None:
    """SITE_URL, which mkdocs.yml reads, is the Pages address, so a fork gets its own."""
    pages = workflow("pages.yml")
    build = steps(jobs(pages)["build"])
    ids = {step.get("id"): step for step in build}
    assert action_name(ids["pages"]["uses"]) == "actions/configure-pages"
    setter = next(step for step in build if "SITE_URL=" in str(step.get("run", "")))
    assert setter["env"]["BASE_URL"] == "${{ steps.pages.outputs.base_url }}"
    assert "REPO_URL=${SERVER_URL}/${REPOSITORY}" in setter["run"]
    assert setter["env"]["REPOSITORY"] == "${{ github.repository }}"
    first_make = next(i for i, step in enumerate(build) if "make build" in str(step.get("run")))
    assert build.index(setter) < first_make, "SITE_URL is set before the builds"


def test_release_publishes_with_trusted_publishing_on_a_version_tag() -> None:
    release = workflow("release.yml")
    assert release["on"] == {"push": {"tags": ["v*"]}}
    assert runs(release, "make wheel")
    publish = jobs(release)["publish"]
    assert publish["permissions"] == {"id-token": "write"}
    assert publish["environment"]["name"] == "pypi"
    # uv's own trusted publishing, at a pinned version; no token, no password.
    [upload] = runs(release, "uv publish --trusted-publishing always dist/*")
    assert "python -m pip install uv==0.13.9" in upload["run"].splitlines()
    assert upload in steps(publish)
    assert "pypa/gh-action-pypi-publish" not in {action_name(u) for u in uses_values(release)}
    text = (WORKFLOWS / "release.yml").read_text()
    assert "password" not in text
    assert "secrets." not in text
    # Only the publish job may request an OIDC token.
    others = {name: job.get("permissions", {}) for name, job in jobs(release).items()}
    assert [n for n, p in others.items() if p.get("id-token") == "write"] == ["publish"]


# The checks can fail: broken workflows and what each check says about them.

GOOD = """\
name: t
on: push
permissions:
  contents: read
jobs:
  a:
    runs-on: ubuntu-latest
    timeout-minutes: 5
    steps:
      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1
"""


def test_the_good_example_passes() -> None:
    assert pin_problems(GOOD) == []
    assert permission_problems(GOOD) == []
    assert timeout_problems(GOOD) == []


def test_a_tag_instead_of_a_sha_is_reported() -> None:
    bad = GOOD.replace("3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1", "v4")
    assert "uses: actions/checkout@v4" in bad
    assert pin_problems(bad) == [
        "not pinned as owner/repo@<40 hex> # vX.Y.Z: - uses: actions/checkout@v4"
    ]


@pytest.mark.parametrize(
    "ref",
    [
        "3d3c42e5aac5ba805825da76410c181273ba90b1",  # no tag comment
        "3d3c42e5aac5ba805825da76410c181273ba90b1 # v7",  # a moving major tag
        "3D3C42E5AAC5BA805825DA76410C181273BA90B1 # v7.0.1",  # upper case
        "3d3c42e # v7.0.1",  # short SHA
        "main # v7.0.1",  # a branch
    ],
)
def test_other_unpinned_forms_are_reported(ref: str) -> None:
    bad = GOOD.replace("3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1", ref)
    assert len(pin_problems(bad)) == 1


def test_a_uses_the_line_check_cannot_see_is_reported() -> None:
    bad = GOOD.replace("      - uses:", "      - {uses: 'actions/checkout@v4'}\n      - uses:")
    assert pin_problems(bad) == ["2 uses: in the YAML but 1 uses: lines"]


def test_a_missing_time_limit_is_reported() -> None:
    bad = GOOD.replace("    timeout-minutes: 5\n", "")
    assert timeout_problems(bad) == ["job a: no positive timeout-minutes"]


def test_id_token_write_is_allowed_for_uv_trusted_publishing() -> None:
    publishing = (
        GOOD.replace(
            "    timeout-minutes: 5\n",
            "    timeout-minutes: 5\n    permissions:\n      id-token: write\n",
        )
        + "      - run: uv publish --trusted-publishing always dist/*\n"
    )
    assert permission_problems(publishing) == []
    assert permission_problems(publishing.replace("always", "never")) == [
        "job a: id-token: write is not needed by its actions"
    ]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "permissions:\n  contents: read\n",
            "",
            "top level: permissions must be a mapping of scopes, got None",
        ),
        (
            "permissions:\n  contents: read\n",
            "permissions: write-all\n",
            "top level: permissions must be a mapping of scopes, got 'write-all'",
        ),
        (
            "  contents: read\n",
            "  contents: write\n",
            "top level: contents: write (grant it on the job that needs it)",
        ),
        (
            "    timeout-minutes: 5\n",
            "    timeout-minutes: 5\n    permissions: write-all\n",
            "job a: permissions must be a mapping, got 'write-all'",
        ),
        (
            "    timeout-minutes: 5\n",
            "    timeout-minutes: 5\n    permissions:\n      contents: write\n",
            "job a: contents: write is not needed by its actions",
        ),
        (
            # pages: write is allowed, but only next to actions/deploy-pages.
            "    timeout-minutes: 5\n",
            "    timeout-minutes: 5\n    permissions:\n      pages: write\n",
            "job a: pages: write is not needed by its actions",
        ),
        (
            # id-token: write is allowed next to uv's trusted publishing, not elsewhere.
            "    timeout-minutes: 5\n",
            "    timeout-minutes: 5\n    permissions:\n      id-token: write\n",
            "job a: id-token: write is not needed by its actions",
        ),
    ],
)
def test_excess_permissions_are_reported(old: str, new: str, expected: str) -> None:
    bad = GOOD.replace(old, new)
    assert bad != GOOD
    assert permission_problems(bad) == [expected]
