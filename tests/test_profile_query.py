"""Pure logic of the profile, comparison, impact matrix and use-case pages, on the bundled data.

Expected values are read from the data set itself (never typed from the report), so a
test fails when the logic disagrees with the data, not when the data is re-curated.
"""

from __future__ import annotations

import json

import pytest

from genai_impact.report.load import load_dataset
from genai_impact.text.i18n import t
from genai_impact.theme import palette
from genai_impact.views import comparison as profile_text
from genai_impact.views import impacts as impact_matrix
from genai_impact.views import profile as profile_query
from genai_impact.views import use_cases as use_case_query
from genai_impact.views.provenance_ledger import Ledger

DS = load_dataset()
ORDERED = sorted(DS.industries, key=lambda i: i.order)


# 1. Profile ------------------------------------------------------------------------------


def test_neighbours_follow_the_report_order_and_stop_at_the_ends():
    first, second, last = ORDERED[0], ORDERED[1], ORDERED[-1]
    assert profile_query.neighbours(DS, first.id) == (None, second)
    assert profile_query.neighbours(DS, second.id) == (first, ORDERED[2])
    assert profile_query.neighbours(DS, last.id) == (ORDERED[-2], None)


@pytest.mark.parametrize("industry", DS.industries, ids=lambda i: i.id)
def test_relevant_use_cases_are_those_of_the_phases_with_an_effect(industry):
    relevant = profile_query.relevant_use_cases(DS, industry)
    assert [p.id for p, _ in relevant] == [
        p for p in (ph.id for ph in DS.phases) if industry.phases[p].has_effect
    ]
    for phase, by_direction in relevant:
        listed = {(d.number, u.id) for d, cases in by_direction for u in cases}
        expected = {(n, u.id) for u in DS.use_cases if phase.id in u.phases for n in u.directions}
        assert listed == expected


def test_an_industry_with_a_dash_loses_the_use_cases_of_that_phase():
    industry = next(i for i in DS.industries if not all(p.has_effect for p in i.phases.values()))
    empty = [p for p, e in industry.phases.items() if not e.has_effect]
    shown = [p.id for p, _ in profile_query.relevant_use_cases(DS, industry)]
    assert empty and not set(empty) & set(shown)


# 2. Comparison -------------------------------------------------------------------------


def test_comparing_an_industry_with_itself_finds_no_difference():
    rows = profile_query.compare_industries(DS, ORDERED[0], ORDERED[0])
    assert rows and not any(r.differs for r in rows)


def pair_with_different_archetypes():
    a = ORDERED[0]
    b = next(i for i in ORDERED if i.archetype != a.archetype)
    return a, b


def test_comparison_covers_every_aspect_once():
    a, b = pair_with_different_archetypes()
    rows = profile_query.compare_industries(DS, a, b)
    aspects = [r.aspect for r in rows]
    assert aspects.count("archetype") == 1 and aspects.count("sector") == 1
    assert aspects.count("element") == len(DS.business_elements)
    assert aspects.count("effect") == len(DS.phases) * len(DS.effect_kinds)
    assert aspects.count("impact") == len(DS.impact_types)
    assert rows[0].differs  # the archetypes differ


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_comparison_frame_says_what_each_industry_has(lang):
    a, b = pair_with_different_archetypes()
    frame = profile_text.comparison_frame(DS, a, b, lang)
    by_aspect = frame.set_index("aspect")
    archetype = by_aspect.loc[t("profile.compare.aspect.archetype", lang)]
    assert archetype["a"] == f"{a.archetype} {DS.archetype(a.archetype).name.in_lang(lang)}"
    assert archetype["differs"] == t("profile.compare.differs", lang)
    for impact_type in DS.impact_types:
        label = t(
            "profile.compare.aspect.impact",
            lang,
            number=impact_type.number,
            name=impact_type.name.in_lang(lang),
        )
        for side, industry in (("a", a), ("b", b)):
            impact = profile_query.impact_of_type(industry, impact_type.number)
            want = (
                DS.timing(impact.timing).name.in_lang(lang)
                if impact
                else t("profile.compare.impact_none", lang)
            )
            assert by_aspect.loc[label, side] == want
    differ, total = profile_text.difference_count(DS, a, b)
    assert (frame["differs"] == t("profile.compare.differs", lang)).sum() == differ
    assert total == len(frame)


def test_an_absent_impact_cites_nothing():
    a, b = pair_with_different_archetypes()
    for row in profile_query.compare_industries(DS, a, b):
        if row.aspect == "impact" and row.a.values == ("no",):
            assert row.a.prov is None
            assert profile_text.lines_text(None, "en") == t("profile.compare.no_source", "en")


# 3. Impact matrix ----------------------------------------------------------------------


def test_levels_head_their_types_in_order():
    groups = impact_matrix.types_by_level(DS)
    assert [lv.id for lv, _ in groups] == [lv.id for lv in DS.impact_levels]
    assert sorted(t.number for _, types in groups for t in types) == [1, 2, 3, 4, 5, 6]
    for level, types in groups:
        assert all(t.level == level.id for t in types)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_matrix_cells_match_the_data(lang):
    frame = impact_matrix.matrix_frame(DS, lang)
    assert len(frame) == len(DS.industries) == 19
    assert frame.shape[1] == len(DS.impact_types)
    for (level_name, heading), column in frame.items():
        impact_type = next(
            t for t in DS.impact_types if heading == impact_matrix.column_heading(t, lang)
        )
        assert level_name == DS.impact_level(impact_type.level).name.in_lang(lang)
        for industry, cell in zip(ORDERED, column, strict=True):
            impact = profile_query.impact_of_type(industry, impact_type.number)
            if impact is None:
                assert cell == ""
            else:
                symbol = {"now": "●", "medium_long_term": "◐"}[impact.timing]
                # a reading from the layout ends in the one marker; a stated impact has none
                assert cell == (symbol + "†" if impact.prov.basis == "layout" else symbol)


def test_archetype_filter_keeps_only_those_rows():
    rows = impact_matrix.matrix_industries(DS, ("B", "E2"))
    assert rows and {i.archetype for i in rows} == {"B", "E2"}
    assert len(rows) == sum(i.archetype in ("B", "E2") for i in DS.industries)
    applies = impact_matrix.industries_with_type(DS, 6, ("E2",))
    assert all(i.archetype == "E2" for i, _ in applies)


def test_type_counts_add_up_to_the_industries_it_applies_to():
    counts = impact_matrix.type_counts(DS)
    for impact_type in DS.impact_types:
        total = sum(counts[impact_type.number].values())
        assert total == len(impact_matrix.industries_with_type(DS, impact_type.number))


# 4. Use cases -----------------------------------------------------------------------------


def test_use_case_grid_has_every_placement_once():
    rows = use_case_query.use_case_grid(DS)
    assert [r.direction.number for r in rows] == [d.number for d in DS.directions]
    cells = {
        (row.direction.number, phase.id, u.id)
        for row in rows
        for phase, cell in zip(DS.phases, row.cells, strict=True)
        for u in cell
    }
    expected = {(n, p, u.id) for u in DS.use_cases for n in u.directions for p in u.phases}
    assert cells == expected
    assert use_case_query.use_case_count(rows) == len(DS.use_cases)


def test_use_case_filters():
    rows = use_case_query.use_case_grid(DS, ("customer_touchpoint",), ("3", "7"))
    assert [r.direction.number for r in rows] == [3, 7]
    assert all(len(r.cells) == 1 for r in rows)
    assert all("customer_touchpoint" in u.phases for r in rows for u in r.cells[0])


@pytest.mark.parametrize("phase", [p.id for p in DS.phases])
def test_strongest_industries_have_the_largest_size_in_the_phase(phase):
    strongest = use_case_query.strongest_in_phase(DS, phase)
    ranks = [
        DS.effect_size(e.size).rank
        for i in DS.industries
        for e in i.phases[phase].effects
        if e.size
    ]
    assert strongest
    for _, effects in strongest:
        assert all(DS.effect_size(e.size).rank == max(ranks) for e in effects)


# 5. Provenance ledger ------------------------------------------------------------------


def test_ledger_lists_values_once_marking_only_readings():
    ledger = Ledger("en")
    first = DS.industries[0]
    stated, reading = first.prov, first.phases["rd_planning"].effects[0].prov
    assert (stated.basis, reading.basis) == ("stated", "layout")
    assert ledger.mark("a", stated) == ""  # a stated value carries no marker
    # a reading carries the one quiet marker, glued to its value on screen (a browser
    # could otherwise wrap the marker alone onto the next line)
    assert ledger.mark("b", reading) == "\u2060†"
    assert ledger.mark("a", stated) == ""  # the same value is not listed twice
    frame = ledger.frame(DS)
    assert list(frame["number"]) == [1, 2]
    assert frame.loc[0, "lines"].startswith(stated.lines_label())
    assert frame.loc[1, "basis"].endswith("†") and not frame.loc[0, "basis"].endswith("†")
    # English page: the reading's rule, then the note as the data has it
    rule = DS.reading_rule(reading.rule).name.en
    assert frame.loc[1, "note"] == f"Rule: {rule}. {reading.note}"
    assert json.loads(frame.to_json())  # plain values only


def test_japanese_ledger_names_the_rule_in_japanese_and_labels_the_english_note():
    ledger = Ledger("ja")
    reading = DS.industries[0].phases["rd_planning"].effects[0].prov
    ledger.mark("b", reading)
    note = ledger.frame(DS).loc[0, "note"]
    rule = t("readings_look.rule", "ja", name=DS.reading_rule(reading.rule).name.ja)
    label = t("readings_look.note_label", "ja")
    assert note.startswith(rule) and label in note and note.endswith(reading.note)


@pytest.mark.parametrize("theme", ["light", "dark", "contrast"])
def test_picked_types_are_tinted_in_the_matrix(theme):
    styled = impact_matrix.matrix_table(DS, "en", picked=(2,), theme=theme)
    html = styled.to_html()
    heading = impact_matrix.column_heading(DS.impact_type(2), "en")
    column = [c[1] for c in styled.data.columns].index(heading)
    assert palette(theme).picked_tint in html
    styles = styled._compute().ctx  # (row, column) -> [(property, value)]
    tinted = {col for (_, col), props in styles.items() if props}
    assert tinted == {column}
