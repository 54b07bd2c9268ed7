"""Hostile links on every registered page (AppTest): no exception, no HTML, a notice.

Iterates over `navigation.PAGES` and each page's own `params`, so a new page or a
new URL parameter is covered as soon as it is registered. The browser-level check
that markup in a link stays text is in tests/e2e/test_browser.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from test_pages import nodes

from genai_impact import display, navigation, state
from genai_impact.i18n import t

REPO = Path(__file__).resolve().parents[1]
APP = str(REPO / "app.py")
PARAMS = {p.name: p for p in state.PARAMS}

# name -> the value put in every parameter the page reads (decoded, as st.query_params has it)
HOSTILE = {
    "script": "<script>alert(1)</script>",
    "img": '<img src=x onerror="alert(1)">',
    "path": "../../etc/passwd",
    "nul": "\x00",
    "long": "A" * 10_000,
    "emoji": "🇯🇵😀",
    "rtl": "\u202eja\u202c\u200f",
    "markdown": "[x](javascript:alert(1)) :red[x] **x**",
    "newline": "ja\nen",
    "percent": "%3Cscript%3E",
    "empty": "",
}
# A raw tag in any text element: would be HTML if anything rendered it as such.
RAW_TAG = re.compile(r"(?<!\\)<\s*[/!a-zA-Z]")


def open_hostile(page_id: str, params: dict[str, str | list[str]]) -> AppTest:
    """Open a page by deep link with `params` (as open_page in test_pages, allowing lists)."""
    at = AppTest.from_file(APP, default_timeout=30)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    if page_id != "home":
        for key, value in params.items():
            at.query_params[key] = value
        at.switch_page(navigation.page(page_id).path).run()
    return at


def texts(at: AppTest) -> list[str]:
    """The text of every element that shows text (Markdown bodies, alerts, captions...)."""
    out = []
    for node in nodes(at._tree):  # main, sidebar and whatever else the page has
        value = getattr(node, "value", None)
        # what a text box holds is the user's text in an <input>, never markup
        if isinstance(value, str) and node.type != "text_input":
            out.append(value)
        label = getattr(getattr(node, "proto", None), "label", None)
        if isinstance(label, str):
            out.append(label)
    return out


def assert_no_html(at: AppTest) -> None:
    everything = list(nodes(at._tree))
    assert not [n for n in everything if n.type == "html"]
    assert not [n for n in everything if n.type == "markdown" and n.proto.allow_html]
    raw = [text[:80] for text in texts(at) if RAW_TAG.search(text)]
    assert raw == [], raw


def expected_notices(page: navigation.PageSpec, bad: list[str]) -> list[str]:
    """One line per notice key; free-text parameters (the map's search) keep text, no notice."""
    dropped = [
        state.Notice(PARAMS[name].notice_key, name, state.shown_value(value))
        for name in page.params
        if not PARAMS[name].text
        for value in bad
    ]
    return sorted(
        t(key, "ja", value=display.md_literal(values))
        for key, values in state.grouped_notices(dropped)
    )


@pytest.mark.parametrize("case", list(HOSTILE))
@pytest.mark.parametrize("page_id", [p.id for p in navigation.PAGES])
def test_hostile_value_in_every_param(page_id, case):
    page, bad = navigation.page(page_id), HOSTILE[case]
    params: dict[str, str | list[str]] = {name: bad for name in page.params}
    params["utm_source"] = bad  # not ours: ignored, never echoed
    at = open_hostile(page_id, params)
    assert not at.exception, [e.message for e in at.exception]
    assert [title.value for title in at.title] == [t(f"{page_id}.title", "ja")]
    assert sorted(w.value for w in at.warning) == expected_notices(page, [bad])
    assert all(len(w.value) < 500 for w in at.warning)  # the 10k value is cut
    assert_no_html(at)
    for name in (n for n in page.params if not PARAMS[n].text):  # the bad value left the URL
        kept = at.query_params.get(name, [])
        assert bad not in (kept if isinstance(kept, list) else [kept])


@pytest.mark.parametrize("page_id", [p.id for p in navigation.PAGES])
def test_repeated_keys_and_hostile_keys(page_id):
    page = navigation.page(page_id)
    bad = [HOSTILE["script"], HOSTILE["path"]]
    params: dict[str, str | list[str]] = {name: bad for name in page.params}
    params[HOSTILE["script"]] = "1"  # a hostile key is not ours: ignored
    at = open_hostile(page_id, params)
    assert not at.exception, [e.message for e in at.exception]
    assert sorted(w.value for w in at.warning) == expected_notices(page, bad)
    assert_no_html(at)
