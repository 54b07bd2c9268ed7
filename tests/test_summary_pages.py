"""AppTest of the summary figures on the pages: a profile shows its 影響例 and its level of
change (or says the report names none), the use-case page its phase flows, following the
phase filter; both languages, each value with its basis marker, each block with its CSV."""

from __future__ import annotations

import csv
import io

import pytest
from apptest_helpers import open_page
from test_pages import markdown_bodies

from genai_impact.exports.table_csv import BOM, provenance_header
from genai_impact.exports.table_csv import basis_text as basis_words
from genai_impact.report.load import load_dataset
from genai_impact.text import display
from genai_impact.text.i18n import t
from genai_impact.views import summary_figures as query

DS = load_dataset()
LANGS = ["ja", "en"]


def _page_text(at) -> str:
    return "\n".join([*markdown_bodies(at.main), *(c.value for c in at.caption)])


@pytest.mark.parametrize("lang", LANGS)
def test_a_profile_shows_its_examples_and_its_level_of_change(lang):
    at = open_page("industries", industry="electronics", lang=lang)
    text = _page_text(at)
    assert t("summary.profile.heading", lang) in [s.value for s in at.subheader]
    for example in (e for e in DS.impact_examples if e.industry == "electronics"):
        line = next(m for m in markdown_bodies(at.main) if display.md_text(example.text, lang) in m)
        assert "†" not in line  # stated: the words match the industry's summary
    level = next(lv for lv in DS.change_levels if lv.level == "player_structure")
    line = t(
        "summary.profile.level_line",
        lang,
        level=f"**{display.md_text(level.name, lang)}**",
        example=display.md_text(level.examples[0].name, lang),  # エレクトロニクス
    )
    assert line in text
    assert t("summary.profile.levels_none", lang) not in text


@pytest.mark.parametrize("lang", LANGS)
def test_a_profile_the_report_names_nowhere_says_so(lang):
    at = open_page("industries", industry="chemicals", lang=lang)
    text = _page_text(at)
    assert t("summary.profile.examples_none", lang) in text
    assert t("summary.profile.levels_none", lang) in text
    # the unmapped example is named with its basis, not silently dropped
    assert display.md_text(DS.change_levels[1].examples[1].name, lang) in text


def test_a_reading_by_position_is_marked_as_a_reading():
    at = open_page("industries", industry="construction", lang="en")
    example = next(e for e in DS.impact_examples if e.industry == "construction")
    line = next(m for m in markdown_bodies(at.main) if display.md_text(example.text, "en") in m)
    assert line.split("  \n")[0].rstrip().endswith("†")


@pytest.mark.parametrize("lang", LANGS)
def test_the_use_case_page_shows_the_flows_of_the_chosen_phase(lang):
    at = open_page("use_cases", lang=lang, phase=["production_distribution"])
    assert t("summary.flow.heading", lang) in [s.value for s in at.subheader]
    bodies = markdown_bodies(at.main)
    arrow = t("summary.flow.arrow", lang)
    items = [item for m in bodies if m.startswith("- ") for item in m.split("\n- ")]
    chains = [item for item in items if arrow.strip() in item]  # a step a line, led by →
    shown = {f.id for f in DS.phase_flows if "production_distribution" in f.phases}
    with_steps = [f for f in DS.phase_flows if f.id in shown and len(f.steps) > 1]
    assert len(chains) == len(with_steps)
    assert all(item.rstrip().endswith("†") for item in chains)  # a chain's phase is a reading
    for flow in DS.phase_flows:
        first = display.md_text(flow.steps[0].phrases[0].text, lang)
        assert any(first in m for m in bodies) == (flow.id in shown), flow.id
    assert f"**{display.md_literal(t('summary.flow.common', lang))}**" in bodies


def test_every_phase_has_its_flows_when_no_phase_is_chosen():
    at = open_page("use_cases", lang="ja")
    bodies = markdown_bodies(at.main)
    for phase in DS.phases:
        assert f"**{display.md_literal(phase.name.ja)}**" in bodies


def _section_csv(at, downloads, page: str, section: str, lang: str) -> list[dict[str, str]]:
    """Open a block's source table and read the rows of its CSV (named after the section)."""
    at.session_state[f"sources-{page}-{section}"] = True
    at.run()
    words = t(f"tables.file.section.{section}", lang).replace(" ", "-")
    (make,) = [make for name, _, make in downloads.values() if words in name]
    text = make()[len(BOM) :].decode("utf-8")
    return list(csv.DictReader(io.StringIO(text, newline="")))


@pytest.mark.parametrize("lang", LANGS)
def test_the_profile_blocks_source_table_gives_each_value_with_its_provenance(downloads, lang):
    at = open_page("industries", industry="construction", lang=lang)
    rows = _section_csv(at, downloads, "industries", "summary", lang)
    value = t("profile.prov.column.value", lang)
    example = next(e for e in DS.impact_examples if e.industry == "construction")
    (row,) = [r for r in rows if r[value] == example.text.in_lang(lang)]
    basis = provenance_header("basis", lang)
    lines = provenance_header("lines", lang)
    assert row[basis] == basis_words("layout", lang) and row[lines] == "L3938–3942"
    assert row[provenance_header("note", lang)] == example.prov.note


@pytest.mark.parametrize("lang", LANGS)
def test_the_flows_source_table_gives_each_chain_of_the_chosen_phases(downloads, lang):
    at = open_page("use_cases", lang=lang, phase=["customer_touchpoint"])
    rows = _section_csv(at, downloads, "use_cases", "flows", lang)
    value = t("profile.prov.column.value", lang)
    shown = [f for f in DS.phase_flows if "customer_touchpoint" in f.phases]
    assert [r[value] for r in rows] == [query.flow_text(f, lang) for f in shown]
    assert {r[provenance_header("basis", lang)] for r in rows} == {basis_words("layout", lang)}


@pytest.mark.parametrize("lang", LANGS)
def test_the_profiles_strategy_directions_open_their_sources_with_a_csv(downloads, lang):
    at = open_page("industries", industry="retail", lang=lang)
    rows = _section_csv(at, downloads, "industries", "strategies", lang)
    assert not at.exception  # the section's table and its file name are there
    value = t("profile.prov.column.value", lang)
    names = {s.name.text.in_lang(lang) for s in DS.strategies}
    assert names <= {r[value] for r in rows}


@pytest.mark.parametrize("lang", LANGS)
def test_the_unmapped_examples_note_ends_without_a_stray_space(lang):
    # regression: a stated example's empty marker came after a space: "… industries) ."
    at = open_page("industries", industry="steel", lang=lang)
    level = DS.change_levels[1]
    example = level.examples[1]  # 各種製造業, mapped to no industry
    line = t(
        "summary.profile.level_line",
        lang,
        level=display.md_text(level.name, lang),
        example=display.md_text(example.name, lang),
    )
    line += t("readings_look.mark", lang) if example.prov.basis == "layout" else ""
    assert t("summary.profile.unmapped", lang, examples=line) in [c.value for c in at.caption]


def test_the_use_case_page_calls_a_phase_by_the_filters_word():
    # regression: the flows block and the size rule said フェーズ where the page's filter,
    # headings and grid say 段階
    at = open_page("use_cases", lang="ja")
    assert t("use_cases.filter.phase", "ja") == "段階"
    shown = [*(s.value for s in at.subheader), *(c.value for c in at.caption)]
    assert t("summary.flow.heading", "ja") in shown
    assert not [text for text in shown if "フェーズ" in text]
