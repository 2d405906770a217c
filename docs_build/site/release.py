"""What readers take away: nnfs_ref's wheel and sdist, the offline copy, the printed book.

    python -m docs_build.site.release wheel DIST            # make wheel
    python -m docs_build.site.release offline DIST          # make offline
    python -m docs_build.site.release pdf SITE DIST         # make pdf

When one cannot go on, `main` prints what went wrong in a few words, or
nothing more when MkDocs has already named the failures, and exits 1: no
traceback of ours.

The same functions serve the site build (docs_build/site/distribution.py puts
the wheel and the offline zip under downloads/) and the tests. Nothing here
downloads anything: the wheel is built by the hatchling installed in this
environment, without build isolation; the PDF is printed by a local Chromium.
Every file is dated from the commit (`provenance.source_date_epoch`), so the
same commit gives the same bytes.

The book is printed twice (`print_book`). Chromium has no `target-counter()`,
so the contents cannot ask for the page a lesson starts on: the first print
tells, through PDFium (every element with an id is a named destination of the
PDF, with its page), and the second prints the same page with those numbers
set on the boxes print.css reserves for them in both prints. The second print
must put every destination on the same page as the first, or nothing is
written. Stamping the numbers onto the first print instead would save the
second print's time, but would need the body's font file, which only
Chromium knows where to find.
"""

from __future__ import annotations

import argparse
import ctypes
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

from docs_build import PROJECT_ROOT
from docs_build.site.chromium import CHROMIUM_FLAGS, INSTALL_HINT, find_chromium
from docs_build.site.provenance import Commit, commit_of, source_date_epoch
from docs_build.site.safe_build import build_environment, strict_build_command

ROOT = PROJECT_ROOT
#: The second configuration: mkdocs.yml plus Material's offline plugin.
OFFLINE_CONFIG = "mkdocs-offline.yml"
#: The printable book, as mkdocs-print-site-plugin writes it (print_page_basename).
PRINT_PAGE = "print_page"


class ReleaseError(RuntimeError):
    """What could not be made, and why: `main` prints the message alone."""


class BuildFailedError(ReleaseError):
    """A MkDocs build failed; `named` if its log, which names every failure, was shown."""

    def __init__(self, message: str, named: bool) -> None:
        super().__init__(message)
        self.named = named


@dataclass(frozen=True)
class Dist:
    """One built file of nnfs_ref."""

    path: Path

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.path.read_bytes()).hexdigest()


@dataclass(frozen=True)
class Dists:
    """nnfs_ref's wheel and sdist, and what the wheel's metadata says."""

    wheel: Dist
    sdist: Dist
    version: str
    requires: tuple[str, ...]  # the wheel's Requires-Dist, without the extras'
    requires_python: str


def build_dists(root: Path, out: Path, commit: Commit | None = None) -> Dists:
    """Build nnfs_ref's wheel and sdist from `root` into `out` (no isolation, no download)."""
    commit = commit or commit_of(root)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="nnfs-dists-") as scratch:
        env = {**os.environ, "SOURCE_DATE_EPOCH": str(source_date_epoch(commit))}
        done = subprocess.run(
            [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-t", "sdist", "-d",
             scratch],
            cwd=root, env=env, capture_output=True, text=True, timeout=300, check=False,
        )  # fmt: skip
        if done.returncode != 0:
            raise ReleaseError(f"building nnfs_ref failed:\n{done.stdout}{done.stderr}")
        built = sorted(Path(scratch).iterdir())
        wheels = [p for p in built if p.suffix == ".whl"]
        sdists = [p for p in built if p.name.endswith(".tar.gz")]
        if len(wheels) != 1 or len(sdists) != 1:
            raise ReleaseError(f"expected one wheel and one sdist, got {[p.name for p in built]}")
        for path in built:
            shutil.copyfile(path, out / path.name)
    wheel, sdist = Dist(out / wheels[0].name), Dist(out / sdists[0].name)
    metadata = wheel_metadata(wheel.path)
    return Dists(
        wheel=wheel,
        sdist=sdist,
        version=metadata["Version"][0],
        # What `pip install` of the wheel brings: the requirements of no extra.
        requires=tuple(r for r in metadata.get("Requires-Dist", []) if "extra ==" not in r),
        requires_python=metadata.get("Requires-Python", [""])[0],
    )


def wheel_metadata(wheel: Path) -> dict[str, list[str]]:
    """The header fields of a wheel's METADATA, each with all its values."""
    with zipfile.ZipFile(wheel) as archive:
        [name] = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        text = archive.read(name).decode()
    fields: dict[str, list[str]] = {}
    for line in text.split("\n\n", 1)[0].splitlines():
        key, sep, value = line.partition(": ")
        if sep and not line.startswith((" ", "\t")):
            fields.setdefault(key, []).append(value)
    return fields


def offline_zip_name(version: str, commit: Commit) -> str:
    """`nnfs-companion-offline-0.1.0-abc123def456.zip` (`-uncommitted` for a dirty tree)."""
    return f"nnfs-companion-offline-{version}-{commit.slug}.zip"


def zip_folder(folder: Path, target: Path, prefix: str, epoch: int) -> Path:
    """Zip `folder` under the top folder `prefix`: sorted entries, one date, fixed modes.

    The same files give the same bytes, whatever their dates on disk or the
    order the file system lists them in.
    """
    year, month, day, hour, minute, second = time.gmtime(epoch)[:6]
    date = (year, month, day, hour, minute, second)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    files = {p.relative_to(folder).as_posix(): p for p in folder.rglob("*") if p.is_file()}
    with zipfile.ZipFile(partial, "w") as archive:
        for name in sorted(files):
            path = files[name]
            info = zipfile.ZipInfo(f"{prefix}/{name}", date)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3  # Unix, whatever builds it
            archive.writestr(info, path.read_bytes(), compresslevel=9)
    partial.replace(target)
    return target


def mkdocs_build(
    config: Path, site: Path, env: dict[str, str] | None = None, quiet: bool = False
) -> None:
    """A strict build of `config` into `site` (never with -q: it hides warnings).

    `quiet` keeps MkDocs' log to put it in the error if the build fails (the tests);
    otherwise the log, on the terminal, names the failures.
    """
    done = subprocess.run(
        strict_build_command(site, config),
        cwd=config.parent,
        env=build_environment(env),
        check=False,
        capture_output=quiet,
        text=True,
    )
    if done.returncode != 0:
        log = f":\n{done.stderr}" if quiet else ""
        message = f"the build of {config.name} failed (exit {done.returncode}){log}"
        raise BuildFailedError(message, named=not quiet)


def build_offline(root: Path, dist: Path, quiet: bool = False) -> Path:
    """Build the offline copy of the site (mkdocs-offline.yml) and zip it into `dist`."""
    commit = commit_of(root)
    epoch = source_date_epoch(commit)
    with tempfile.TemporaryDirectory(prefix="nnfs-offline-") as scratch:
        version = build_dists(root, Path(scratch) / "dists", commit).version
        site = Path(scratch) / "site"
        # MkDocs dates the sitemap from SOURCE_DATE_EPOCH when set: the commit's date.
        mkdocs_build(root / OFFLINE_CONFIG, site, {"SOURCE_DATE_EPOCH": str(epoch)}, quiet)
        name = offline_zip_name(version, commit)
        return zip_folder(site, dist / name, name.removesuffix(".zip"), epoch)


def print_page_of(site: Path) -> Path:
    """The printable book in a built site (directory URLs or not)."""
    for candidate in (site / PRINT_PAGE / "index.html", site / f"{PRINT_PAGE}.html"):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"{site} has no {PRINT_PAGE} page")


def pdf_name(version: str, commit: Commit) -> str:
    return f"nnfs-companion-{version}-{commit.slug}.pdf"


def print_pdf(page: Path, target: Path, chromium: str) -> Path:
    """Print `page` (a local HTML file) to `target` with headless Chromium."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    with tempfile.TemporaryDirectory(prefix="nnfs-chromium-") as profile:
        command = [
            chromium,
            *CHROMIUM_FLAGS,
            f"--user-data-dir={profile}",
            "--no-pdf-header-footer",  # no date, no file path: the book's own page numbers
            "--run-all-compositor-stages-before-draw",
            "--virtual-time-budget=20000",  # lets the page's scripts (table of contents) run
            f"--print-to-pdf={partial}",
            page.resolve().as_uri(),
        ]
        done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    if done.returncode != 0 or not partial.is_file() or partial.stat().st_size == 0:
        raise ReleaseError(f"Chromium could not print {page}:\n{done.stderr}")
    partial.replace(target)
    return target


#: The contents' entries, as mkdocs-print-site-plugin copies them from Material's sidebar.
CONTENTS_ENTRY = "#print-page-toc a.md-nav__link"


def destinations(pdf: Path) -> dict[str, int]:
    """Each named destination of a PDF Chromium printed (an element's id) and its page,
    numbered from 1 as print.css's page counter numbers them."""
    import pypdfium2 as pdfium  # the site's toolchain has it; imported only to print
    import pypdfium2.raw as raw

    document = pdfium.PdfDocument(pdf)
    try:
        found = {}
        for index in range(raw.FPDF_CountNamedDests(document.raw)):
            size = ctypes.c_long(0)
            raw.FPDF_GetNamedDest(document.raw, index, None, size)  # bytes of UTF-16
            buffer = ctypes.create_string_buffer(size.value)
            dest = raw.FPDF_GetNamedDest(document.raw, index, buffer, size)
            name = buffer.raw[: size.value].decode("utf-16-le").rstrip("\0")
            if dest:
                found[name] = raw.FPDFDest_GetDestPageIndex(document.raw, dest) + 1
        return found
    finally:
        document.close()


def _css_string(text: str) -> str:
    """`text` as a CSS string, safe inside a <style> element."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ")
    return f'"{escaped}"'


def numbered_contents(html: str, pages: dict[str, int]) -> str:
    """The book page with each contents entry's page number: one style rule per id."""
    rules = []
    for name, page in sorted(pages.items()):
        entry = f"{CONTENTS_ENTRY}[href={_css_string('#' + name)}]"
        rules.append(f'{entry}::after {{ content: "{page}"; }}')
    rules_text = "\n".join(rules)
    style = f'<style id="nnfs-contents-pages">\n@media print {{\n{rules_text}\n}}\n</style>\n'
    head = html.find("</head>")
    if head < 0:
        raise ReleaseError("the book page has no </head>")
    return html[:head] + style + html[head:]


def mirror_site(site: Path, page: Path, html: str, folder: Path) -> Path:
    """A copy of `site` in `folder` whose `page` holds `html`, made of links to the site's
    files (copies where links cannot be made): the page's relative addresses (style
    sheets, scripts, images) reach the same files, and the site itself is not touched,
    as other readers of it (the tests) may be looking. Returns the page's copy."""
    source, copy = site, folder
    copy.mkdir(parents=True, exist_ok=True)
    for part in page.relative_to(site).parts:
        for entry in source.iterdir():
            if entry.name == part:
                continue
            try:
                (copy / entry.name).symlink_to(entry.resolve(), entry.is_dir())
            except OSError:  # no symbolic links here (Windows without the privilege)
                if entry.is_dir():
                    shutil.copytree(entry, copy / entry.name)
                else:
                    shutil.copyfile(entry, copy / entry.name)
        source, copy = source / part, copy / part
        if source.is_dir():
            copy.mkdir()
    copy.write_text(html, encoding="utf-8")
    return copy


def print_book(site: Path, target: Path, chromium: str) -> Path:
    """Print the book page of `site` to `target`, with the page of every contents entry
    (see the module's docstring: two prints, the second checked against the first)."""
    page = print_page_of(site)
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="nnfs-book-") as scratch:
        first = print_pdf(page, Path(scratch) / "first.pdf", chromium)
        pages = destinations(first)
        if not pages:
            raise ReleaseError(f"Chromium's print of {page} has no named destinations")
        html = numbered_contents(page.read_text(encoding="utf-8"), pages)
        copy = mirror_site(site, page, html, Path(scratch) / "site")
        second = print_pdf(copy, Path(scratch) / "book.pdf", chromium)
        again = destinations(second)
        moved = {
            name: (again.get(name), pages.get(name))
            for name in sorted(again.keys() | pages.keys())
            if again.get(name) != pages.get(name)
        }
        if moved:
            sample = json.dumps(dict(list(moved.items())[:5]))
            raise ReleaseError(
                f"the contents' page numbers moved {len(moved)} ids of the book to other "
                f"pages (id: [second print, first]): {sample}"
            )
        partial = target.with_name(target.name + ".partial")
        shutil.copyfile(second, partial)
    partial.replace(target)
    return target


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m docs_build.site.release")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("wheel", help="nnfs_ref's wheel and sdist").add_argument("dist", type=Path)
    commands.add_parser("offline", help="the offline copy, zipped").add_argument("dist", type=Path)
    pdf = commands.add_parser("pdf", help="the printable book of a built site, as a PDF")
    pdf.add_argument("site", type=Path)
    pdf.add_argument("dist", type=Path)
    args = parser.parse_args(argv)
    try:
        _run(args)
    except BuildFailedError as failed:
        if not failed.named:  # else MkDocs has said it all, naming each failure
            print(failed, file=sys.stderr)
        return 1
    except ReleaseError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


def _run(args: argparse.Namespace) -> None:
    if args.command == "wheel":
        dists = build_dists(ROOT, args.dist)
        for dist in (dists.wheel, dists.sdist):
            print(f"{dist.path}  sha256 {dist.sha256}")
    elif args.command == "offline":
        print(build_offline(ROOT, args.dist))
    else:
        try:
            print_page_of(args.site)
        except FileNotFoundError:
            raise ReleaseError(
                f"{args.site}/ holds no built book: run `make build` first (then `make pdf`)"
            ) from None
        chromium = find_chromium()
        if chromium is None:
            raise ReleaseError(INSTALL_HINT)
        wheels = sorted((args.site / "downloads").glob("nnfs_ref-*.whl"))
        if len(wheels) != 1:
            raise ReleaseError(f"{args.site}/downloads/ should hold one nnfs_ref wheel")
        version = wheels[0].name.split("-")[1]
        target = args.dist / pdf_name(version, commit_of(ROOT))
        print(print_book(args.site, target, chromium))


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
