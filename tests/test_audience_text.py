"""Audience-safe text: what every page shows, on screen and when presenting, in both
languages, read from the rendered page (AppTest's element tree and its tables).

- No command lines, file paths or environment variable names: those are for the
  README and the administrators; the Sources page tells administrators in words.
- A Japanese page carries no English sentence: three or more Latin words in a row are
  English prose, unless the allowlist below names them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from apptest_helpers import open_page
from report_excerpt import quotes
from streamlit.testing.v1 import AppTest

from genai_impact import navigation
from genai_impact.report.load import load_dataset

PAGES = [p.id for p in navigation.PAGES]
# Fields of an element's message that a person sees (labels, help, options, text).
VISIBLE_FIELDS = {"body", "label", "help", "placeholder", "options", "content"}

COMMAND_LINES = [
    r"\bgenai-impact\s+(?:stats|export|validate)\b",
    r"(?:^|\s)--[a-z][a-z-]+",  # an option such as --data-dir
    r"\bexport\s+[A-Z_]+=",
    r"\.venv\b",
    r"\b(?:make|pip|uv|docker|streamlit)\s+(?:run|test|install|build)\b",
]
PATHS = [
    r"(?:^|[\s(（「])(?:/|~/|\./)[\w.-]+/",  # /srv/data/..., ~/x/, ./data/
    r"\b[\w-]+/[\w./-]*\.(?:py|ya?ml|json|md|txt|csv|toml|sh)\b",  # docs/x.md, data/a.yaml
    r"\b(?:data|docs|src|tests|official)/",
    r"\b[\w-]+\.(?:py|ya?ml|json|md|txt|toml|sh)\b",  # a file's name: 000_0cac9ff2.txt
]
ENV_VARS = [r"\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b"]  # ESTAT_APP_ID, GENAI_IMPACT_DATA_DIR
LATIN_RUN = re.compile(r"[A-Za-z][\w'’.&-]*(?:[ ,:;/]+[A-Za-z][\w'’.&-]*){2,}")


def english_allowed_on_japanese_pages() -> set[str]:
    """Latin runs a Japanese page may show: the industries' English names (the profile
    names an industry in both languages, as the README says), and the report's own words
    where they are English (a figure's caption such as 「Speech to “Operation”」)."""
    ds = load_dataset()
    quoted = {run.strip(" ,:;/") for _, text, _ in quotes(ds) for run in LATIN_RUN.findall(text.ja)}
    return {i.name.en for i in ds.industries} | quoted


def _strings(message) -> Iterator[str]:
    for field, value in message.ListFields():
        single = isinstance(value, (str, bytes, int, float)) or hasattr(value, "ListFields")
        items = [value] if single else list(value)
        if field.message_type is not None:
            for item in items:
                yield from _strings(item)
        elif field.name in VISIBLE_FIELDS:
            yield from (item for item in items if isinstance(item, str))


def _nodes(node) -> Iterator:
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _nodes(child)


def visible_text(at: AppTest) -> list[str]:
    """Every string the page shows: element text, labels, help, options, table cells."""
    texts = []
    for node in _nodes(at._tree):
        proto = getattr(node, "proto", None)
        if proto is not None and hasattr(proto, "ListFields"):
            texts += list(_strings(proto))
    for table in [*at.table, *at.dataframe]:
        frame = table.value
        texts += [str(c) for c in frame.columns]
        texts += [str(v) for v in frame.astype(str).to_numpy().ravel()]
    return [_plain(t) for t in texts if t.strip()]


def _plain(markdown: str) -> str:
    """The text as read: no Markdown escapes, icons, badges' markup or link targets."""
    text = re.sub(r":material/[a-z_]+:", "", markdown.replace("\\", ""))
    text = re.sub(r":[a-z]+-badge\[([^\]]*)\]", r"\1", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)  # [label](url): the label
    text = re.sub(r"https?://\S+", "", text)  # a web address is neither a path nor prose
    return text


def offending(texts: list[str], patterns: list[str]) -> list[str]:
    return [t for t in texts if any(re.search(p, t) for p in patterns)]


CASES = [
    pytest.param(page, lang, present, id=f"{page}-{lang}{'-present' if present else ''}")
    for page in PAGES
    for lang in ("ja", "en")
    for present in (False, True)
]


@pytest.fixture(scope="module")
def rendered() -> dict[tuple[str, str, bool], list[str]]:
    return {}


def page_text(rendered, page: str, lang: str, present: bool) -> list[str]:
    key = (page, lang, present)
    if key not in rendered:
        params = {"lang": lang, **({"present": "1"} if present else {})}
        rendered[key] = visible_text(open_page(page, params))
    return rendered[key]


@pytest.mark.parametrize(("page", "lang", "present"), CASES)
def test_no_command_line_path_or_variable_name_on_screen(rendered, page, lang, present):
    texts = page_text(rendered, page, lang, present)
    assert texts, "nothing read from the page"
    assert offending(texts, COMMAND_LINES) == []
    assert offending(texts, PATHS) == []
    assert offending(texts, ENV_VARS) == []


@pytest.mark.parametrize("present", [False, True], ids=["screen", "present"])
@pytest.mark.parametrize("page", PAGES)
def test_a_japanese_page_has_no_english_sentence(rendered, page, present):
    allowed = english_allowed_on_japanese_pages()
    runs = [
        run
        for text in page_text(rendered, page, "ja", present)
        for run in LATIN_RUN.findall(text)
        if run.strip(" ,:;/") not in allowed
    ]
    assert runs == []


@pytest.mark.parametrize(
    ("text", "patterns"),
    [
        ("genai-impact stats fetch --years 2018-2024", COMMAND_LINES),
        ("export ESTAT_APP_ID=YOUR_APP_ID", COMMAND_LINES),
        ("コマンドは /srv/genai/data/official に書き込みます", PATHS),
        ("docs/official-statistics.md にあります", PATHS),
        ("本文テキスト：000_0cac9ff201f85371.txt（L1–4666）", PATHS),
        ("アプリID は ESTAT_APP_ID から読みます", ENV_VARS),
    ],
)
def test_the_checks_catch_what_they_are_for(text, patterns):
    assert offending([_plain(text)], patterns) == [_plain(text)]


def test_the_english_check_catches_a_sentence_and_spares_names():
    assert LATIN_RUN.findall("表題について：The text we have starts at the report.")
    assert not LATIN_RUN.findall("e-Stat 統計表ID 0003060791、CSV と PNG、類型 E1")
