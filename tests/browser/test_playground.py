"""The playground looks like a lesson: the same code boxes, output boxes, syntax colours,
text and download button, in both palettes, and it is as wide as a lesson on a phone.

Each check measures the playground and a lesson in the same browser and compares
what the browser computed, whatever the markup. On the playground a code cell and
its output are found by their text (read from the executed notebook the site
publishes), as the deepest `pre` or `code` that holds exactly that text; the box is
the nearest element, from there up, that paints a background. On the lesson the
reference is the first script block with an "Output" box. A syntax colour is
compared class by class: every Pygments class of the playground's cell, measured
there and in a span of the same class put into the lesson's code box.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import Site
from tests.browser.visits import NEXT_FRAME, NO_TRANSITIONS, PHONE_WIDTH

pytestmark = pytest.mark.browser

PLAYGROUND = "playground/"
LESSON = "part1/layer/"
#: Chromium's rounding: sizes and positions may differ by this much (CSS px).
SLACK = 1.0

MEASURE = """(args) => {
  const styleOf = (element, names, pseudo) => {
    const style = getComputedStyle(element, pseudo || null);
    return Object.fromEntries(names.map((name) => [name, style.getPropertyValue(name)]));
  };
  const SIDES = ["top", "right", "bottom", "left"];
  const BOX = ["background-color",
    ...SIDES.flatMap((s) => [`border-${s}-width`, `border-${s}-style`, `border-${s}-color`]),
    "border-top-left-radius", "border-bottom-right-radius",
    "padding-left", "padding-right", "padding-bottom", "box-shadow"];
  const TEXT = ["font-family", "font-size", "line-height", "color", "font-weight", "font-style"];
  const TOKEN = ["color", "font-weight", "font-style"];
  const article = document.querySelector("article.md-content__inner");
  const column = article.getBoundingClientRect();
  const columnLeft = column.left + parseFloat(getComputedStyle(article).paddingLeft);
  const columnWidth = article.clientWidth - parseFloat(getComputedStyle(article).paddingLeft)
    - parseFloat(getComputedStyle(article).paddingRight);

  const painted = (element) => {
    for (let e = element; e && e !== article; e = e.parentElement) {
      const background = getComputedStyle(e).backgroundColor;
      if (background !== "rgba(0, 0, 0, 0)" && background !== "transparent") return e;
    }
    return null;
  };
  const describe = (text) => {
    if (!text) return null;
    const box = painted(text);
    const place = (box || text).getBoundingClientRect();
    return {
      text: styleOf(text, TEXT),
      box: box ? styleOf(box, BOX) : null,
      left: place.left - columnLeft,
      width: place.width,
      column: columnWidth,
    };
  };
  // The deepest pre or code element holding exactly `wanted` (leading and trailing
  // white space aside).
  const holding = (wanted) => {
    const found = Array.from(document.querySelectorAll("pre, code")).filter(
      (e) => e.textContent.trim() === wanted.trim());
    return found.find((e) => !found.some((o) => o !== e && e.contains(o))) || null;
  };
  // The last paragraph reading "Output" between the code and its output.
  const caption = (code, output) => {
    if (!code || !output) return null;
    const between = Array.from(document.querySelectorAll("p")).filter((p) =>
      p.textContent.trim() === "Output" &&
      (code.compareDocumentPosition(p) & Node.DOCUMENT_POSITION_FOLLOWING) &&
      (p.compareDocumentPosition(output) & Node.DOCUMENT_POSITION_FOLLOWING));
    return between.length ? between[between.length - 1] : null;
  };

  let code, output;
  if (args.code === null) {  // the lesson: its first script block with an output
    const label = document.querySelector(".nnfs-output-label");
    code = label.closest(".nnfs-block").querySelector("pre > code");
    output = label.nextElementSibling.querySelector("pre > code");
  } else {
    code = holding(args.code);
    output = holding(args.output);
  }

  // Syntax colours: each class of the cell's tokens, or (the lesson) of `args.classes`,
  // measured on a span of that class put into the code box.
  const tokens = {};
  if (code && args.classes === null) {
    for (const span of code.querySelectorAll("span[class]")) {
      for (const name of span.classList) {
        if (!(name in tokens) && span.textContent.trim()) tokens[name] = styleOf(span, TOKEN);
      }
    }
  } else if (code) {
    for (const name of args.classes) {
      const probe = document.createElement("span");
      probe.className = name;
      probe.textContent = "x";
      code.append(probe);
      tokens[name] = styleOf(probe, TOKEN);
      probe.remove();
    }
  }

  const label = caption(code, output);
  const button = document.querySelector("a.md-button[download]");
  const icon = button && button.querySelector("svg");
  // The first paragraph of running text (not in a note, not a button or a caption).
  const prose = Array.from(article.querySelectorAll("p")).find((p) =>
    !p.closest(".admonition, details") && !p.querySelector(".md-button") &&
    !p.classList.contains("nnfs-output-label"));
  const heading = document.querySelector("article h2");
  const visible = (e) => e.getClientRects().length > 0 &&
    getComputedStyle(e).visibility !== "hidden";
  return {
    scheme: document.body.getAttribute("data-md-color-scheme"),
    code: describe(code),
    output: describe(output),
    tokens: tokens,
    caption: label ? styleOf(label, TEXT) : null,
    prose: prose ? styleOf(prose, [...TEXT, "margin-top", "margin-bottom"]) : null,
    heading: heading ? styleOf(heading, [...TEXT, "margin-top", "margin-bottom"]) : null,
    button: button ? {
      text: button.textContent.trim(),
      style: styleOf(button, ["color", "background-color", "border-top-width",
        "border-top-color", "border-top-left-radius", "padding-left", "padding-top",
        "font-size", "font-weight"]),
      icon: icon ? {
        path: Array.from(icon.querySelectorAll("path")).map((p) => p.getAttribute("d")),
        width: icon.getBoundingClientRect().width,
        height: icon.getBoundingClientRect().height,
        fill: getComputedStyle(icon).fill,
      } : null,
    } : null,
    // Jupyter's "In [1]:" and "Out[1]:", wherever they are drawn.
    prompts: Array.from(document.querySelectorAll("article *")).filter((e) =>
      e.children.length === 0 && /^(In|Out)\\s*\\[[\\d\\s*]*\\]:$/.test(e.textContent.trim()) &&
      visible(e)).map((e) => e.textContent.trim()),
  };
}"""


def first_cell_with_output(site: Site) -> tuple[str, str]:
    """The source and printed text of the first code cell that printed something, in the
    executed notebook the playground publishes."""
    notebook = json.loads((Path(site.root) / PLAYGROUND / "playground.ipynb").read_text())
    for cell in notebook["cells"]:
        texts = [
            "".join(output["text"])
            for output in cell.get("outputs", [])
            if output.get("output_type") == "stream"
        ]
        if cell["cell_type"] == "code" and texts:
            return "".join(cell["source"]), "".join(texts)
    raise AssertionError("the executed playground has no code cell that printed")


def measure(
    page: Page, site: Site, path: str, scheme: str, width: int, args: dict[str, Any]
) -> dict[str, Any]:
    page.set_viewport_size({"width": width, "height": 800})
    page.emulate_media(color_scheme="dark" if scheme == "dark" else "light")
    page.goto(site.page_url(path), wait_until="load")
    page.evaluate("document.fonts.ready.then(() => true)")
    page.evaluate(NEXT_FRAME)
    found: dict[str, Any] = page.evaluate(MEASURE, args)
    expected = "slate" if scheme == "dark" else "default"
    assert found["scheme"] == expected, f"{path}: the {scheme} palette did not apply"
    return found


def both(page: Page, site: Site, scheme: str, width: int) -> tuple[dict[str, Any], dict[str, Any]]:
    """What the playground shows, and what the lesson shows for the same things."""
    code, output = first_cell_with_output(site)
    playground = measure(
        page, site, PLAYGROUND, scheme, width, {"code": code, "output": output, "classes": None}
    )
    classes = sorted(playground["tokens"])
    lesson = measure(page, site, LESSON, scheme, width, {"code": None, "classes": classes})
    return playground, lesson


def differences(name: str, got: Any, want: Any) -> list[str]:
    """Each value of `got` that differs from `want`'s, named."""
    if isinstance(want, dict) and isinstance(got, dict):
        return [p for key in want for p in differences(f"{name} {key}", got.get(key), want[key])]
    return [] if got == want else [f"{name}: {got!r}, a lesson's is {want!r}"]


@pytest.fixture
def reader(page: Page) -> Page:
    page.add_init_script(NO_TRANSITIONS)
    return page


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_code_and_output_look_as_in_a_lesson(reader: Page, site: Site, scheme: str) -> None:
    playground, lesson = both(reader, site, scheme, 1280)
    for part in ("code", "output", "caption"):
        assert lesson[part], f"the lesson's {part} is not found"
    found = []
    for part in ("code", "output"):
        if playground[part] is None:
            found.append(f"the {part} of the first cell that prints is not found")
            continue
        found += differences(f"{part} box", playground[part]["box"], lesson[part]["box"])
        found += differences(f"{part} text", playground[part]["text"], lesson[part]["text"])
    if playground["caption"] is None:
        found.append('no "Output" caption between the code and its output')
    else:
        found += differences("Output caption", playground["caption"], lesson["caption"])
    tokens = playground["tokens"]
    assert len(tokens) >= 5, f"the cell's code is not highlighted: {tokens}"
    found += differences("syntax", tokens, lesson["tokens"])
    found += differences("text", playground["prose"], lesson["prose"])
    found += differences("heading", playground["heading"], lesson["heading"])
    assert not found, f"the playground ({scheme} palette) differs:\n" + "\n".join(found)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_download_button_is_a_lessons(reader: Page, site: Site, scheme: str) -> None:
    playground, lesson = both(reader, site, scheme, 1280)
    button, reference = playground["button"], lesson["button"]
    assert reference, "the lesson has no download button"
    assert reference["icon"], "the lesson's download button has no icon"
    assert button, "the playground has no download button"
    assert button["text"].startswith("Download"), button["text"]
    assert button["icon"], "the playground's download button has no icon"
    assert min(button["icon"]["width"], button["icon"]["height"]) > 0, "its icon is not drawn"
    found = differences("icon", button["icon"], reference["icon"])
    found += differences("button", button["style"], reference["style"])
    assert not found, f"the download button ({scheme} palette) differs:\n" + "\n".join(found)


@pytest.mark.parametrize("width", [1280, PHONE_WIDTH])
def test_no_prompts_and_as_wide_as_a_lesson(reader: Page, site: Site, width: int) -> None:
    playground, lesson = both(reader, site, "light", width)
    assert not playground["prompts"], f"Jupyter prompts at {width}px: {playground['prompts']}"
    found = []
    for part in ("code", "output"):
        got, want = playground[part], lesson[part]
        if got is None:
            found.append(f"the {part} of the first cell that prints is not found")
            continue
        for key in ("left", "width"):
            if abs(got[key] - want[key]) > SLACK:
                found.append(
                    f"{part} box {key}: {got[key]:.1f}px, a lesson's is {want[key]:.1f}px "
                    f"(of a {want['column']:.0f}px column)"
                )
    assert not found, f"at {width}px:\n" + "\n".join(found)
