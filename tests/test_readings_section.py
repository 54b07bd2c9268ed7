"""The sources page's "How we read the report": every value read from layout is listed with
its industry, value, lines, rule and note; the filter narrows it to one industry; the CSV
holds the rows on screen with their provenance. Pure view tests, then the page (AppTest)."""

from __future__ import annotations

import csv
import io

import pytest
from apptest_helpers import download_buttons, open_page

from genai_impact.exports.table_csv import BOM
from genai_impact.report.facts import facts
from genai_impact.report.load import load_dataset
from genai_impact.text.i18n import t
from genai_impact.views import readings as view

DS = load_dataset()
ALL = view.readings(DS)
FILTER_KEY = "sources_readings_industry"


def test_every_layout_value_of_the_data_set_is_a_reading():
    listed = {(r.prov, r.industry_id) for r in ALL}
    provs = {r.prov for r in ALL}
    for fact in facts(DS):
        if fact.prov is None or fact.prov.basis != "layout":
            continue
        if fact.table == "industries":  # under its industry's filter
            assert (fact.prov, fact.record_id) in listed, (fact.record_id, fact.field)
        else:
            assert fact.prov in provs, (fact.table, fact.record_id, fact.field)
    # the business-type table (not in the facts): every ★ and every point read from layout
    cells = [c for b in DS.business_types for c in b.impacts]
    assert cells and all(c.stars_prov in provs for c in cells)
    points = [p.prov for c in cells for p in c.points if p.prov.basis == "layout"]
    assert points and all(p in provs for p in points)


def test_an_impact_example_read_by_position_is_listed_under_its_industry():
    example = next(e for e in DS.impact_examples if e.prov.basis == "layout")
    assert (example.prov, example.industry) in {(r.prov, r.industry_id) for r in ALL}


def test_readings_are_layout_values_only_and_each_names_a_known_rule():
    rules = {r.id for r in DS.reading_rules}
    assert ALL and all(r.prov.basis == "layout" and r.prov.rule in rules for r in ALL)


@pytest.mark.parametrize(
    ("industry_id", "what", "value"),
    [
        # a "－" placement, an effect with no legible size, an impact type, a sector
        (
            "travel",
            "“－” (no expected effect) in Production and distribution",
            "No expected effect (－)",
        ),
        ("food", "Effect in Production and distribution", "Efficiency effect (size not stated)"),
        ("food", "Structural-impact type", "5 Vertical integration (A few years ahead)"),
        ("pharmaceuticals", "Statistical sector", "Chemical industry"),
    ],
)
def test_a_reading_row_says_what_it_is_and_its_value(industry_id, what, value):
    rows = view.rows(DS, view.chosen(ALL, industry_id), "en")
    match = [r for r in rows if r["what"] == what and r["value"] == value]
    assert match, rows
    assert match[0]["rule"] and match[0]["lines"] is not None and match[0]["note"]


def test_the_filter_keeps_one_industry_or_the_framework():
    for choice in view.filter_choices(DS)[1:]:
        chosen = view.chosen(ALL, choice)
        assert chosen, choice
        wanted = None if choice == view.FRAMEWORK else choice
        assert {r.industry_id for r in chosen} == {wanted}
    assert view.chosen(ALL, "") == ALL


def test_every_rule_is_listed_once_with_how_many_values_follow_it():
    rows = view.rule_rows(DS, "ja")
    assert [r["name"] for r in rows] == [r.name.ja for r in DS.reading_rules]
    assert sum(int(r["count"]) for r in rows) == len(ALL)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_page_lists_the_readings_filters_them_and_offers_them_as_csv(downloads, lang):
    at = open_page("sources", lang=lang)
    assert t("readings.heading", lang) in [s.value for s in at.subheader]
    assert not any(s.key == FILTER_KEY for s in at.selectbox)  # closed: nothing built
    at.session_state["sources-readings"] = True  # open the expander, as a click does
    at.run()
    rules = at.table[0].value
    assert len(rules) == len(DS.reading_rules)
    box = next(s for s in at.selectbox if s.key == FILTER_KEY)
    table = at.dataframe[-1].value
    assert len(table) == len(ALL)
    box.set_value("food").run()  # one industry: a wrapping table, every note legible
    table = at.table[-1].value
    assert len(table) == len(view.chosen(ALL, "food"))
    assert t("readings.column.industry", lang) not in table.columns  # the filter says it
    food = DS.industry("food").name.in_lang(lang)
    offered = download_buttons(at, downloads)
    name, mime, make = offered[t("workshop.download.csv", lang)]
    assert mime == "text/csv" and name.endswith(".csv")
    text = make()[len(BOM) :].decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert len(rows) == len(table)
    assert all(row[t("readings.column.rule", lang)] for row in rows)
    assert {row[t("readings.column.industry", lang)] for row in rows} == {food}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_reading_on_no_line_of_the_report_says_so_instead_of_a_blank(lang):
    # regression: the statistical sector's row showed an empty "lines" cell
    rows = view.rows(DS, view.chosen(ALL, "retail"), lang)
    assert all(r["lines"] for r in rows)
    sector = [r for r in rows if r["what"] == t("readings.what.sector", lang)]
    assert sector and sector[0]["lines"] == t("readings_look.no_lines", lang)
