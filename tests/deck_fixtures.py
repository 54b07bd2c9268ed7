"""A deck that touches every page, both languages, notes and annotations, rendered once per
process and format (shared by the deck export tests)."""

from __future__ import annotations

from functools import cache
from typing import Any

from genai_impact.report.load import load_dataset
from genai_impact.report.query import url_choices
from genai_impact.workshop.agenda import Agenda, Annotation, SavedView
from genai_impact.workshop.deck_export import render_deck

BASE = "https://impact.example.org"
HOSTILE = "<script>alert(1)</script>"

VIEWS = (
    SavedView(
        "マップ全体",
        "map",
        {"lang": "ja"},
        note="最初に全体を見せる。<b>太字ではない</b>",
        annotations=(Annotation("industry:retail", f"小売はここ {HOSTILE}"),),
    ),
    SavedView("Archetypes A and C", "map", {"lang": "en", "arch": ["A", "C"], "q": "retail"}),
    SavedView(
        "小売の概要",
        "industries",
        {"lang": "ja", "industry": "retail"},
        note="顧客接点の効果を強調",
        annotations=(Annotation("phase:customer_touchpoint", "顧客接点"),),
    ),
    SavedView(
        "Retail vs construction",
        "industries",
        {"lang": "en", "industry": "retail", "compare": "construction"},
    ),
    SavedView(
        "影響マトリクス",
        "impacts",
        {"lang": "ja"},
        annotations=(Annotation("cell:retail:3", "競争の変化"),),
    ),
    SavedView("Use cases", "use_cases", {"lang": "en", "direction": ["1", "6"]}),
    SavedView("出典", "sources", {"lang": "ja"}),
    SavedView("Welcome", "home", {"lang": "en"}, note="Say hello."),
)
DECK = Agenda(views=VIEWS, name="Strategy workshop")


@cache
def dataset():
    return load_dataset()


@cache
def rendered(fmt: str, theme: str = "light") -> bytes:
    ds = dataset()
    return render_deck(ds, None, DECK, fmt, BASE, url_choices(ds), theme)


def pptx_links(deck: Any) -> list[str]:
    """Every hyperlink address in the text of a python-pptx presentation, slide by slide."""
    return [
        run.hyperlink.address
        for page in deck.slides
        for shape in page.shapes
        if shape.has_text_frame
        for paragraph in shape.text_frame.paragraphs
        for run in paragraph.runs
        if run.hyperlink.address
    ]
