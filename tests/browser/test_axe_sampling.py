"""The axe run of visits.py checks each text style once: it still finds every bad one."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.browser.visits import AXE, AXE_RUN

pytestmark = pytest.mark.browser

TOKENS = """
<main>
  <h1>Tokens</h1>
  <div class="highlight" style="background: #fff"><pre><code>{first}</code></pre></div>
  <div class="highlight" style="background: {second_background}">
    <pre><code>{second}</code></pre>
  </div>
</main>
"""


def violations(page: Page, html: str) -> list[str]:
    page.set_content(f"<html lang='en'><head><title>t</title></head><body>{html}</body></html>")
    page.evaluate(AXE)
    found = page.evaluate(AXE_RUN, None)
    return [f"{v['id']}:{len(v['nodes'])}" for v in found]


def test_a_bad_page_is_still_reported_in_full(page: Page) -> None:
    assert "image-alt:1" in violations(page, '<main><h1>x</h1><img src="data:,"></main>')


def spans(color: str, count: int) -> str:
    return "".join(f'<span style="color: {color}">token{n}</span> ' for n in range(count))


def test_a_style_repeated_in_the_same_box_is_checked_once(page: Page) -> None:
    html = TOKENS.format(first=spans("#ccc", 50), second="", second_background="#fff")
    assert violations(page, html) == ["color-contrast:1"]


def test_the_same_style_on_another_background_is_checked_again(page: Page) -> None:
    html = TOKENS.format(
        first=spans("#555", 50), second=spans("#555", 50), second_background="#444"
    )
    assert violations(page, html) == ["color-contrast:1"]  # only the dark box fails


def test_every_good_style_passes(page: Page) -> None:
    html = TOKENS.format(first=spans("#222", 50), second=spans("#eee", 5), second_background="#000")
    assert violations(page, html) == []


def test_a_style_first_seen_hidden_is_checked_where_it_shows(page: Page) -> None:
    faint = spans("#ccc", 5)
    code = f'<div class="highlight" style="background: #fff"><pre><code>{faint}</code></pre></div>'
    hidden = f"<details><summary>Solution</summary>{code}</details>"
    html = TOKENS.format(first=spans("#ccc", 5), second="", second_background="#fff")
    assert violations(page, html.replace("<main>", "<main>" + hidden)) == ["color-contrast:1"]


def test_a_paragraphs_own_text_is_checked_once_per_style(page: Page) -> None:
    # Faint text of its own beside a readable child: the paragraph itself fails.
    paragraph = '<p style="color: #ccc">faint <code style="color: #000">x</code> words</p>'
    html = f"<main><h1>Prose</h1>{paragraph * 20}</main>"
    assert violations(page, html) == ["color-contrast:1"]
    readable = paragraph.replace("#ccc", "#222")
    assert violations(page, f"<main><h1>Prose</h1>{readable * 20}</main>") == []


def test_a_form_field_is_checked(page: Page) -> None:
    field = '<input aria-label="Name" value="faint" style="color: #ccc">'  # no text around it
    assert violations(page, f"<main><h1>Form</h1>{field}</main>") == ["color-contrast:1"]


def test_every_other_rule_sees_every_repeated_element(page: Page) -> None:
    tokens = spans("#222", 20).replace("<span ", '<span role="bogus" ', 1)
    html = TOKENS.format(first=spans("#222", 20) + tokens, second="", second_background="#fff")
    assert violations(page, html) == ["aria-roles:1"]
