"""Every phrase we quote from the report appears in the report at the lines we cite.

This guards the data-honesty rule: a `ja` text attributed to the report must be the
report's own wording, found (ignoring line breaks, spaces and half-/full-width
differences) within the cited line range. The report text itself is not part of the
repository; the quotes are checked against the verbatim excerpt of the lines they cite
(`report_excerpt.py`), which `scripts/refresh-report-excerpt` writes from the report.
"""

from __future__ import annotations

import re
import unicodedata

import pytest
from report_excerpt import (
    EXCERPT,
    HEADER,
    MISQUOTE_LINE,
    SOURCE_FILE,
    SOURCE_ID,
    Excerpt,
    cited_lines,
    parse,
    quotes,
    read,
    render,
)

from genai_impact.report.load import load_dataset

REFRESH = "run scripts/refresh-report-excerpt with the report text"


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


@pytest.fixture(scope="module")
def excerpt() -> Excerpt:
    return read()


def test_the_excerpt_is_whole_and_says_what_it_is(excerpt: Excerpt) -> None:
    text = EXCERPT.read_text(encoding="utf-8")
    assert text.startswith(HEADER)
    assert excerpt.fields["source"] == SOURCE_FILE
    # unchanged since it was written: an edit by hand, or an editor trimming spaces, shows
    assert excerpt.body_sha256 == excerpt.fields["lines-sha256"], "excerpt edited; " + REFRESH
    assert len(excerpt.numbers) == int(excerpt.fields["lines"])
    assert excerpt.numbers == sorted(set(excerpt.numbers)), "line numbers out of order"
    assert 1 <= excerpt.numbers[0] and excerpt.numbers[-1] <= int(excerpt.fields["source-lines"])


def test_the_excerpt_holds_exactly_the_lines_the_quotes_cite(excerpt: Excerpt) -> None:
    wanted = cited_lines(load_dataset())
    missing = sorted(set(wanted) - set(excerpt.lines))
    extra = sorted(set(excerpt.lines) - set(wanted))
    assert not missing, f"cited lines not in the excerpt: {missing}; {REFRESH}"
    assert not extra, f"lines no quote cites any more: {extra}; {REFRESH}"


def test_every_quoted_phrase_is_in_the_report_at_the_cited_lines(excerpt: Excerpt) -> None:
    missing = []
    for label, text, prov in quotes(load_dataset()):
        assert prov.source == SOURCE_ID, label
        assert prov.lines is not None, label
        first, last = prov.lines
        window = _norm(excerpt.window(first, last))
        if _norm(text.ja) not in window:
            missing.append(f"{label}: {text.ja!r} not in report lines {first}-{last}")
    assert not missing, "\n".join(missing)


def test_the_check_catches_a_misquote(excerpt: Excerpt) -> None:
    # The check itself: a changed word must not be found.
    window = _norm(excerpt.window(MISQUOTE_LINE, MISQUOTE_LINE))
    assert _norm("開発効率化による人月型ビジネスの限界") in window
    assert _norm("開発効率化による人月型ビジネスの終焉") not in window


def test_the_excerpt_round_trips_and_a_changed_line_is_detected() -> None:
    report = "一行目\n 二行目 \n\n四行目\n"
    written = parse(render(report, [2, 3]))
    assert written.lines == {2: " 二行目 ", 3: ""}
    assert written.body_sha256 == written.fields["lines-sha256"]
    assert written.fields["source-lines"] == "4"
    edited = parse(render(report, [2, 3]).replace(" 二行目 ", " 二行目"))
    assert edited.body_sha256 != edited.fields["lines-sha256"]
