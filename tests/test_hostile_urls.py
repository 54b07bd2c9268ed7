"""Hostile links on every registered page (AppTest): no exception, no HTML, a notice.

Iterates over `navigation.PAGES` and each page's own `params`, so a new page or a
new URL parameter is covered as soon as it is registered. The browser-level check
that markup in a link stays text is in tests/e2e/test_browser.py.
"""

from __future__ import annotations

import re

import pytest
from apptest_helpers import open_page
from streamlit.testing.v1 import AppTest
from test_pages import nodes

from genai_impact import navigation, state
from genai_impact.report import query
from genai_impact.report.load import load_dataset
from genai_impact.text import display
from genai_impact.text.i18n import t

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


# AppTest is the slow part (half a second or more per page run on the project's machine);
# what it adds over the parser is the rendering. So every case meets every page twice:
# - through the parser and the notice text, one test per (page, case), as the page's
#   start does it (`state.parse_query_params` on the page's params, then the catalogue line
#   with `display.md_literal`): the dropped values, the view, no raw tag, the length;
# - through AppTest in one run per page that puts EVERY hostile value in every parameter
#   the page reads (repeated keys) plus a hostile key that is not ours. A free-text
#   parameter (the map's search) keeps only the last value, so pages with one get a run
#   with each of a representative few cases last: markup, Markdown, the 10k value.
TEXT_LAST = ("script", "markdown", "long")


def page_choices() -> dict[str, list[str]]:
    """What ui.start_page validates against on the bundled data (no statistics imported)."""
    return query.url_choices(load_dataset())


@pytest.mark.parametrize("case", list(HOSTILE))
@pytest.mark.parametrize("page_id", [p.id for p in navigation.PAGES])
def test_hostile_value_in_every_param_is_dropped_and_named_as_text(page_id, case):
    page, bad = navigation.page(page_id), HOSTILE[case]
    params: dict[str, str | list[str]] = {name: bad for name in page.params}
    params["utm_source"] = bad  # not ours: ignored, never echoed
    view, notices = state.parse_query_params(params, page_choices(), only=page.params)
    for name in page.params:
        if PARAMS[name].text:  # free text: printable, trimmed, bounded, never a notice
            assert getattr(view, name) == state.clean_text([bad])
        else:  # the bad value is dropped: the field keeps its default
            assert getattr(view, name) == getattr(state.DEFAULTS, name)
    lines = sorted(
        t(key, "ja", value=display.md_literal(values))
        for key, values in state.grouped_notices(notices)
    )
    assert lines == expected_notices(page, [bad])
    assert all(len(line) < 500 for line in lines)  # the 10k value is cut
    assert [line for line in lines if RAW_TAG.search(line)] == []


def hostile_values(last: str) -> list[str]:
    return [v for k, v in HOSTILE.items() if k != last] + [HOSTILE[last]]


def hostile_params(page: navigation.PageSpec, last: str) -> dict[str, str | list[str]]:
    """Every hostile value in every parameter the page reads, `last` last; a hostile key."""
    values = hostile_values(last)
    params: dict[str, str | list[str]] = {name: values for name in page.params}
    params["utm_source"] = values  # not ours: ignored, never echoed
    params[HOSTILE["script"]] = "1"  # a hostile key is not ours: ignored
    return params


@pytest.mark.parametrize(
    ("page_id", "last"),
    [
        (p.id, last)
        for p in navigation.PAGES
        for last in (TEXT_LAST if any(PARAMS[n].text for n in p.params) else TEXT_LAST[:1])
    ],
)
def test_every_hostile_value_at_once_on_every_page(page_id, last):
    page = navigation.page(page_id)
    at = open_page(page_id, hostile_params(page, last))
    assert not at.exception, [e.message for e in at.exception]
    assert [title.value for title in at.title] == [t(f"{page_id}.title", "ja")]
    assert sorted(w.value for w in at.warning) == expected_notices(page, hostile_values(last))
    cut = HOSTILE["long"][: state.NOTICE_VALUE_MAX]
    assert not any(cut in w.value for w in at.warning)  # the 10k value is cut
    assert_no_html(at)
    for name in (n for n in page.params if not PARAMS[n].text):  # bad values left the URL
        kept = at.query_params.get(name, [])
        kept = kept if isinstance(kept, list) else [kept]
        assert not set(kept) & set(HOSTILE.values())
    for name in (n for n in page.params if PARAMS[n].text):  # the text kept is the last one
        assert at.text_input(key=f"{page_id}_{name}").value == state.clean_text([HOSTILE[last]])
