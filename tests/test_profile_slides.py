"""A profile's deck slides carry what the profile page shows from the report's summary: the
industry's 影響例 with its type, its level of change (or that the summary names none) and
the strategy directions that apply, in the report's wording, each value marked † where it
is a reading; the PPTX and the PDF hold the same texts."""

from __future__ import annotations

import io
import re
import subprocess
from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest
from deck_fixtures import BASE, dataset
from pptx import Presentation

from genai_impact.exports.slides.model import Slide
from genai_impact.report.query import url_choices
from genai_impact.text.i18n import t
from genai_impact.workshop.agenda import Agenda, SavedView
from genai_impact.workshop.deck_export import render_deck
from genai_impact.workshop.slides import view_slides


def profile_view(lang: str, industry: str) -> SavedView:
    return SavedView(f"{industry}-{lang}", "industries", {"lang": lang, "industry": industry})


def slides_of(lang: str, industry: str, ds=None) -> list[Slide]:
    ds = ds or dataset()
    return view_slides(ds, None, profile_view(lang, industry), BASE, url_choices(ds))


def cells(slides: list[Slide]) -> list[tuple[str, ...]]:
    return [row for s in slides for table in s.tables for row in table.rows]


def values(slides: list[Slide]) -> list[str]:
    return [row[1] for row in cells(slides)]


def expected_strategy_texts(lang: str) -> list[str]:
    """Each direction's summary (stated) and its direction of response (read from the
    figure's layout: †), as the slide words them."""
    out = []
    for s in dataset().strategies:
        for label, item in (("summary", s.summary), ("direction", s.direction)):
            text = t(
                "profile_slides.labelled",
                lang,
                label=t(f"outlook.strategies.{label}", lang),
                text=item.text.in_lang(lang),
            )
            out.append(text + ("†" if item.prov.basis == "layout" else ""))
    return out


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_profile_slides_carry_the_example_the_level_and_the_strategies(lang) -> None:
    shown = values(slides_of(lang, "retail"))
    example = next(e for e in dataset().impact_examples if e.industry == "retail")
    assert any(v.startswith(example.text.in_lang(lang)) and "5" in v for v in shown)
    level = next(lv for lv in dataset().change_levels if lv.level == "player_structure")
    assert any(level.name.in_lang(lang) in v for v in shown)
    for text in expected_strategy_texts(lang):
        assert text in shown
    # the stated summary carries no marker, the direction read from the figure does
    assert any(v.endswith("†") for v in shown) and not all(v.endswith("†") for v in shown)


def test_each_strategy_row_names_its_direction_and_cites_its_lines() -> None:
    rows = [r for r in cells(slides_of("ja", "retail")) if r[0].startswith("戦略の方向性")]
    assert {r[0] for r in rows} >= {
        "戦略の方向性：データ",
        "戦略の方向性：人財",
        "戦略の方向性：共創",
    }
    data_summary = next(
        r for r in rows if r[1] == "要旨：AIモデルの高度化・差別化につながるデータの保有"
    )
    assert data_summary[2] == "L70"
    assert all(re.fullmatch(r"L\d+(–\d+)?", r[2]) for r in rows)


def test_an_industry_the_summary_does_not_name_says_so() -> None:
    shown = values(slides_of("en", "steel"))
    assert t("summary.profile.examples_none", "en") in shown
    assert t("summary.profile.levels_none", "en") in shown


def test_an_industry_no_strategy_applies_to_says_so() -> None:
    ds = dataset()
    only_a = [
        replace(s, applies_to=replace(s.applies_to, scope="archetypes", archetypes=("A",)))
        for s in ds.strategies
    ]
    shown = values(slides_of("en", "retail", replace(ds, strategies=tuple(only_a))))
    assert t("outlook.profile.none", "en") in shown
    assert not any(v.startswith(t("outlook.strategies.summary", "en")) for v in shown)


# The files --------------------------------------------------------------------------------

DECK = Agenda(views=(profile_view("ja", "retail"), profile_view("en", "retail")), name="p")


@cache
def rendered(fmt: str) -> bytes:
    ds = dataset()
    return render_deck(ds, None, DECK, fmt, BASE, url_choices(ds))


def squeeze(text: str) -> str:
    """Without whitespace: a cell's text wraps over lines in the files."""
    return re.sub(r"\s+", "", text)


def wanted() -> list[str]:
    example = next(e for e in dataset().impact_examples if e.industry == "retail")
    return [
        *(example.text.in_lang(lang) for lang in ("ja", "en")),
        *expected_strategy_texts("ja"),
        *expected_strategy_texts("en"),
    ]


def test_the_pptx_tables_hold_the_summary_and_the_strategies() -> None:
    deck = Presentation(io.BytesIO(rendered("pptx")))
    found = [
        cell.text
        for page in deck.slides
        for shape in page.shapes
        if shape.has_table
        for row in shape.table.rows
        for cell in row.cells
    ]
    text = squeeze(" ".join(found))
    missing = [w for w in wanted() if squeeze(w) not in text]
    assert missing == []


def test_the_pdf_pages_hold_the_summary_and_the_strategies(tmp_path: Path) -> None:
    # poppler's pdftotext (a test dependency of the Makefile): pypdf maps some glyphs of the
    # subset CJK font to the wrong characters on pages that mix Japanese and Latin text
    pdf = tmp_path / "deck.pdf"
    pdf.write_bytes(rendered("pdf"))
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True)
    text = squeeze(out.stdout.decode("utf-8"))
    missing = [w for w in wanted() if squeeze(w) not in text]
    assert missing == []
