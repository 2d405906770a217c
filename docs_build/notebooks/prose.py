"""Rewrite a page's prose as the plain Markdown that Jupyter renders.

- Admonitions (`!!! note "Title"`) become a bold title, collapsible blocks
  (`??? success "Solution"`) a small heading, content tabs (`=== "NumPy"`) a
  bold title; their content is dedented, so it does not turn into code.
- `\\( \\)` and `\\[ \\]` formulas become `$ $` and `$$ $$`; a lone `$` is escaped.
- Relative links (`layer.md`, `../assets/x.svg`) point at the published site;
  a site built without its address (no SITE_URL) has nowhere to point them, so
  a link to a page keeps its text only (an image keeps its relative source).
- Attribute lists (`{ .md-button }`) are dropped.
- A cell that starts inside a list item (the prose after a code block in an
  exercise's solution) loses the item's indentation up to the first line that
  is less indented, so Jupyter does not render it as a code block.

- A fence that is not run keeps its language only; its title (`Not run: why`)
  becomes an italic line above it.

Code spans and the code in fences are left alone.
"""

from __future__ import annotations

import posixpath
import re

_CONTAINER = re.compile(
    r'^(?P<kind>!!!|\?\?\?\+?|===\+?)[ \t]*(?P<type>[\w-]*)[ \t]*(?:"(?P<title>[^"]*)")?'
)
_FENCE_LINE = re.compile(r"^(`{3,}|~{3,})")
_INLINE = re.compile(
    r"(?P<fence>^(?P<f>`{3,}|~{3,})[^\n]*\n.*?^(?P=f)[ \t]*$)"
    r"|(?P<code>(?P<ticks>`+).+?(?P=ticks))"
    r"|(?P<page_link>(?<![!\\])\[(?P<text>[^\[\]]*)\]\((?P<to>[^)\s#]+)(?P<to_anchor>#[^)\s]*)?\))"
    r"|\\\[(?P<display>.+?)\\\]"
    r"|\\\((?P<inline>.+?)\\\)"
    r"|(?P<link>\]\((?P<target>[^)\s#]+)(?P<anchor>#[^)\s]*)?\))"
    r"|(?P<attrs>[ \t]*\{:?[ \t]*[#.][^}\n]*\})"
    r"|(?P<dollar>(?<!\\)\$)",
    re.DOTALL | re.MULTILINE,
)
_EXTERNAL = re.compile(r"^([a-z][a-z0-9+.-]*:|/)", re.IGNORECASE)


def _indent(line: str) -> int:
    return len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip(" "))


def _header(match: re.Match[str], indent: str) -> str:
    title = match["title"]
    if title is None:
        title = (match["type"] or "").replace("-", " ").capitalize()
    if not title:
        return ""
    if match["kind"].startswith("???"):
        return f"{indent}#### {title}"
    return f"{indent}**{title}**"


def flatten_containers(text: str, marker: re.Pattern[str]) -> str:
    """Dedent admonition, details and tab content; lines matching `marker` pass through."""
    out: list[str] = []
    stack: list[int] = []  # indents of the open containers' header lines
    in_fence = False
    for raw in text.split("\n"):
        line = raw.expandtabs(4)
        if marker.fullmatch(line.strip()) or not line.strip():
            out.append(line.strip())
            continue
        indent = _indent(line)
        if not in_fence:
            while stack and indent <= stack[-1]:
                stack.pop()
        strip = min(4 * len(stack), indent)
        line = line[strip:]
        body = line.lstrip(" ")
        if _FENCE_LINE.match(body):
            in_fence = not in_fence
        match = None if in_fence else _CONTAINER.match(body)
        if match:
            out += [_header(match, line[: len(line) - len(body)]), ""]
            stack.append(indent)
        else:
            out.append(line)
    return "\n".join(out)


def dedent_leading(text: str) -> str:
    """Dedent the indented lines that open `text`, up to the first less indented line.

    A cell cut out of a list item starts with the item's continuation lines;
    on their own, four spaces would make Jupyter render them as code.
    """
    lines = text.split("\n")
    first = next((line for line in lines if line.strip()), "")
    depth = _indent(first)
    if not depth:
        return text
    out: list[str] = []
    for number, line in enumerate(lines):
        if line.strip() and _indent(line) < depth:
            return "\n".join(out + lines[number:])
        out.append(line.expandtabs(4)[depth:] if line.strip() else line)
    return "\n".join(out)


def site_link(target: str, page: str, site_url: str) -> str:
    """`target`, a link written on `page`, as an absolute URL of the published site."""
    if not site_url or _EXTERNAL.match(target):
        return target
    path = posixpath.normpath(posixpath.join(posixpath.dirname(page), target))
    if path.endswith(".md"):
        path = re.sub(r"(^|/)index\.md$|\.md$", r"\1", path)
        path = path if path.endswith("/") or not path else path + "/"
    return site_url.rstrip("/") + "/" + path


_OPENING = re.compile(r"\A(?P<fence>`{3,}|~{3,})(?P<language>[\w+-]*)(?P<info>[^\n]*)")
_TITLE = re.compile(r'title="(?P<title>[^"]*)"')


def plain_fence(fence: str) -> str:
    """A fence as Jupyter shows one: its language only; a title becomes a line above it."""
    opening = _OPENING.match(fence)
    if opening is None or not opening["info"].strip():
        return fence
    title = _TITLE.search(opening["info"])
    head = f"*{title['title']}*\n\n" if title else ""
    return head + fence[: opening.end("language")] + fence[opening.end() :]


def rewrite_inline(text: str, page: str, site_url: str) -> str:
    """Math, links and attribute lists, outside code."""

    def replace(m: re.Match[str]) -> str:
        if m["fence"]:
            return plain_fence(m[0])
        if m["code"]:
            return m[0]
        if m["page_link"]:
            text = rewrite_inline(m["text"], page, site_url)
            if not site_url and not _EXTERNAL.match(m["to"]):
                return text  # no address to link to: the words alone
            return f"[{text}]({site_link(m['to'], page, site_url)}{m['to_anchor'] or ''})"
        if m["display"] is not None:
            return f"$${m['display']}$$"
        if m["inline"] is not None:
            return f"${m['inline']}$"
        if m["link"]:
            return f"]({site_link(m['target'], page, site_url)}{m['anchor'] or ''})"
        if m["attrs"]:
            return ""
        return r"\$"

    return _INLINE.sub(replace, text)
