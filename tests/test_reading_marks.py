"""A reading looks like a reading: one marker (†) on values read from the report's layout,
one legend line, and the size scale introduced as ours, in the words, CSVs and slides."""

from __future__ import annotations

import csv
import io

import pytest
from data_dirs import BUNDLED_DATA

from genai_impact.exports import page_tables
from genai_impact.exports.slides import tables as slide_tables
from genai_impact.exports.table_csv import BOM, to_csv_bytes
from genai_impact.report.load import load_dataset
from genai_impact.report.model import Provenance
from genai_impact.text import readings
from genai_impact.text.i18n import t
from genai_impact.views.profile import impact_of_type

DS = load_dataset(BUNDLED_DATA)
STATED = Provenance("mizuho_2023", "stated", (10, 12))
READING = Provenance("mizuho_2023", "layout", (10, 12), "Read from the circle's place.")
LANGS = ["ja", "en"]


def csv_rows(data: bytes) -> list[dict[str, str]]:
    text = data[len(BOM) :].decode("utf-8")
    return list(csv.DictReader(io.StringIO(text, newline="")))


# 1. The marker and the words -------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_only_a_reading_is_marked_and_with_one_symbol_in_both_languages(lang):
    assert readings.marked("大", READING, lang) == "大†"
    assert readings.marked("大", STATED, lang) == "大"
    assert readings.marked("–", None, lang) == "–"  # nothing to cite: nothing to mark
    assert readings.legend(lang).startswith("†") and readings.legend(lang, export=True)


@pytest.mark.parametrize("lang", LANGS)
def test_the_size_scale_is_ours_and_names_its_sizes_and_the_unknown(lang):
    line = readings.size_scale(DS, lang)
    assert readings.size_names(DS, lang) in line
    assert [s.id for s in sorted(DS.effect_sizes, key=lambda s: -s.rank)] == [
        "large",
        "moderate",
        "small",
    ]
    assert t("industries.effect.size_unknown", lang) in line


def test_a_japanese_page_labels_the_english_note_and_an_english_one_shows_it():
    assert readings.reading_note(READING, "en") == READING.note
    ja = readings.reading_note(READING, "ja")
    assert ja.startswith(t("readings_look.note_label", "ja")) and ja.endswith(READING.note)
    assert readings.reading_note(STATED, "ja") == ""


@pytest.mark.parametrize("lang", LANGS)
def test_a_reading_names_its_rule_in_the_pages_language_before_its_note(lang):
    prov = next(e.prov for i in DS.industries for pe in i.phases.values() for e in pe.effects)
    assert prov.basis == "layout" and prov.rule
    rule = DS.reading_rule(prov.rule)
    shown = readings.reading_note(prov, lang, DS)
    assert shown.startswith(t("readings_look.rule", lang, name=rule.name.in_lang(lang)))
    assert shown.endswith(prov.note)  # how the rule applied to this value follows
    # without the data set (or without a rule) the note alone, as before
    assert readings.reading_note(prov, lang) == readings.reading_note(prov, lang, None)
    assert rule.name.in_lang(lang) not in readings.reading_note(prov, lang)


def test_the_quiet_source_button_is_the_marker_and_the_lines():
    assert readings.source_button_label(READING, "en") == "†L10\u2060–\u206012"
    assert readings.source_button_label(STATED, "en") == "L10\u2060–\u206012"
    no_lines = Provenance("estat", "layout")
    assert readings.source_button_label(no_lines, "ja") == "†" + t("readings_look.source", "ja")


# 2. CSV ----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_a_csv_says_reading_with_the_marker_in_its_basis_and_value(lang):
    a, b = DS.industry("retail"), DS.industry("construction")
    rows = csv_rows(to_csv_bytes(page_tables.comparison_table(DS, a, b, lang).frame, lang=lang))
    basis, value = t("tables.provenance.basis", lang), t("tables.column.value", lang)
    layout = t("common.prov.basis.layout.label", lang) + "†"
    stated = t("common.prov.basis.stated.label", lang)
    assert {r[basis] for r in rows} >= {layout, stated}
    for row in rows:  # the value as on screen: † exactly when the basis is a reading
        if row[basis]:
            assert row[value].endswith("†") == (row[basis] == layout), row


def test_the_impact_csv_cells_carry_the_marker_as_the_matrix_does():
    frame = page_tables.impacts_table(DS, "en").frame
    cells = dict(zip(frame[t("tables.column.cell", "en")], frame["basis"], strict=True))
    assert cells.get("◐†") == "layout" or cells.get("●†") == "layout"
    assert all(c.endswith("†") == (b == "layout") for c, b in cells.items() if c)


# 3. Slides -------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_slide_tables_mark_readings_and_the_footer_explains_them(lang):
    matrix = slide_tables.matrix_table(DS, lang)
    for row, industry in zip(
        matrix.rows, sorted(DS.industries, key=lambda i: i.order), strict=True
    ):
        numbers = [it.number for _, types in slide_tables.types_by_level(DS) for it in types]
        for cell, number in zip(row[1:], numbers, strict=True):
            impact = impact_of_type(industry, number)
            assert cell.endswith("†") == (impact is not None and impact.prov.basis == "layout")
    grid = slide_tables.grid_table(DS, lang)
    items = [line for row in grid.rows for cell in row[1:] for line in cell.split("\n")]
    used = [line for line in items if line != t("use_cases.grid.empty_cell", lang)]
    assert used and all(line.endswith("†") for line in used)  # every placement is a reading
    assert not any("[" in line or "［" in line for line in used)  # no basis word in brackets


def test_a_slide_of_values_carries_the_legend_line_and_a_sizes_slide_the_scale():
    from genai_impact.exports.slides.model import Slide

    slide = Slide("t", (), "Source: the report", "http://x", "Open", "en")
    profile = slide_tables.with_reading_footnote(DS, slide, "industries")
    matrix = slide_tables.with_reading_footnote(DS, slide, "impacts")
    assert profile.source.split("\n") == [
        "Source: the report",
        readings.legend("en", export=True),
        readings.size_scale(DS, "en"),
    ]
    assert matrix.source.split("\n") == ["Source: the report", readings.legend("en", export=True)]
    assert slide_tables.with_reading_footnote(DS, slide, "sources") == slide
