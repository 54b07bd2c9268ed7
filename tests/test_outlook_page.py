"""/outlook in both languages (AppTest), its CSV downloads, and the profile's block of
strategy directions."""

from __future__ import annotations

import csv
import io

import pytest
from apptest_helpers import open_page
from streamlit.testing.v1 import AppTest

from genai_impact.exports.table_csv import BOM
from genai_impact.report.load import load_dataset
from genai_impact.text import display, readings
from genai_impact.text.i18n import t


@pytest.fixture(scope="module")
def ds():
    return load_dataset()


def shown_text(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown) + "\n".join(c.value for c in at.caption)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_page_shows_the_three_sections_each_value_marked(ds, lang, downloads):
    at = open_page("outlook", lang=lang)
    assert at.title[0].value == t("outlook.title", lang)
    headings = [h.value for h in at.subheader]
    assert headings[:3] == [
        t("outlook.environment.heading", lang),
        t("outlook.strategies.heading", lang),
        t("outlook.outlook.heading", lang),
    ]
    text = shown_text(at)
    for record in (*ds.environment_changes, *ds.strategies, *ds.outlook):
        assert display.md_text(record.name.text, lang) in text
    assert "Roblox" in text and "PaLM" in text
    # readings carry the quiet marker, the legend line says what it means
    assert "†" in text and readings.legend(lang) in text
    # the report's own words stand in Japanese, ours in English
    probe = "ビジネスを深く理解したテクノロジー人材の獲得・育成も必須"
    assert (probe in text) == (lang == "ja")
    # one source table per section
    assert len(at.expander) == 3


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_each_section_downloads_as_csv_with_its_sources(lang, downloads):
    at = open_page("outlook", lang=lang)
    files = [downloads[b.proto.deferred_file_id] for b in at.get("download_button")]
    assert len(files) == 3
    headings = []
    for name, mime, make in files:
        assert mime == "text/csv" and name.endswith(".csv")
        data = make()
        assert data.startswith(BOM)
        rows = list(csv.reader(io.StringIO(data[len(BOM) :].decode("utf-8"), newline="")))
        assert len(rows) > 5
        assert rows[0][:3] == [t(f"outlook.column.{c}", lang) for c in ("heading", "role", "text")]
        headings.append(rows[1][0])
    assert headings[0] == (
        "アウトプットの底上げと同質化" if lang == "ja" else "Output raised and levelled"
    )


def test_presenting_hides_downloads_and_source_tables():
    at = open_page("outlook", present="1")
    assert not at.get("download_button") and not at.expander
    assert at.title[0].value == t("outlook.title", "ja")


def profile_block(industry_id: str, lang: str) -> None:
    from genai_impact.report.load import load_dataset
    from genai_impact.ui.outlook_blocks import strategy_directions

    ledger = strategy_directions(load_dataset(), industry_id, lang)
    import streamlit as st

    st.caption(f"entries={len(ledger.entries)}")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_profiles_block_lists_the_directions_with_the_reports_reason(lang):
    at = AppTest.from_function(profile_block, args=("construction", lang), default_timeout=30)
    at.run()
    assert not at.exception
    assert at.subheader[0].value == t("outlook.profile.heading", lang)
    cards = [m.value for m in at.markdown]
    assert len(cards) == 3
    names = {"ja": ["データ", "人財", "共創"], "en": ["Data", "People", "Co"]}[lang]
    for card, name in zip(cards, names, strict=True):
        assert card.startswith(f"#### {name}")
        assert t("outlook.strategies.direction", lang).replace("(", "") in card.replace("(", "")
    reason = at.caption[0].value
    assert reason.startswith(t("outlook.profile.reason", lang))
    assert ("企業にとって極めて重要" in reason) == (lang == "ja")
    assert at.caption[-1].value.startswith("entries=")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_profile_shows_the_strategy_directions_that_apply_to_its_industry(ds, lang):
    at = open_page("industries", industry="retail", lang=lang)
    assert t("outlook.profile.heading", lang) in [s.value for s in at.subheader]
    text = shown_text(at)
    for strategy in ds.strategies:
        assert display.md_text(strategy.name.text, lang) in text
    # its sources on demand, as every profile section's
    label = t("profile.prov.expander", lang, count=0).split("(")[0].split("（")[0]
    assert sum(e.label.startswith(label) for e in at.expander) >= 4


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_each_sections_sources_open_with_the_profiles_table_and_its_csv(lang, downloads):
    at = open_page("outlook", lang=lang)
    for section in ("environment", "strategies", "outlook"):
        at.session_state[f"sources-outlook-{section}"] = True
    at.run()
    assert not at.exception
    assert len(at.table) == 3  # one sources table per section, as on a profile
    assert len(at.get("download_button")) == 6  # each section's CSV and its sources' CSV


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_page_says_where_each_values_lines_are(lang):
    # regression: the introduction spoke of badges and the footer of lines beside each
    # value that open on a click; the lines are in each section's sources table
    at = open_page("outlook", lang=lang)
    captions = [c.value for c in at.caption]
    assert t("readings_look.footer", lang) in captions
    assert t("common.footer.basis", lang) not in captions
    intro = t("outlook.intro", lang)
    assert "badge" not in intro and "バッジ" not in intro and "†" in intro


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_presenting_shows_no_legend_for_a_marker_it_does_not_show(lang):
    # presenting shows names and summary lines only, all stated: no †, so no legend line
    at = open_page("outlook", present="1", lang=lang)
    assert "†" not in "\n".join(m.value for m in at.markdown)
    assert readings.legend(lang) not in [c.value for c in at.caption]
