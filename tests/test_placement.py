"""Placing one firm: one case per archetype from the report's descriptions, the boundaries, and
every bad input the screen and the command line must refuse by field.

The reference and the firms are SYNTHETIC (made-up ratios in 百万円 per employee); the archetypes,
their descriptions and the 3.06 % threshold are the bundled data's.
"""

from __future__ import annotations

import pytest

from genai_impact.placement import classify, expectations, inputs, whatif
from genai_impact.placement.classify import Reference, SectorPoint
from genai_impact.placement.inputs import Answers, FirmInput
from genai_impact.placement.model import FirmFigures, Placement
from genai_impact.report.load import load_dataset


@pytest.fixture(scope="module")
def ds():
    return load_dataset()


# SYNTHETIC reference year: the all-industries point at (10, 1); one sector per archetype
REF = Reference(
    2022,
    10.0,
    1.0,
    3.06,
    (
        SectorPoint("all_industries", None, 10.0, 1.0),
        SectorPoint("information_communication", "A", 5.0, 8.0),
        SectorPoint("chemical_industry", "B", 40.0, 3.0),
        SectorPoint("wholesale_retail", "C", 3.0, 0.4),
        SectorPoint("construction", "D", 30.0, 0.3),
        SectorPoint("electricity", "E1", 300.0, 4.0),
        SectorPoint("real_estate", "E2", 600.0, 0.2),
    ),
)


def figures(k: float, s: float, rd: float | None = None) -> FirmFigures:
    return FirmFigures(k, s, rd)


# (case, firm, archetype, alternatives) — the report's own descriptions, one per archetype
BY_FIGURES = [
    ("knowledge work, little capital: A", figures(2, 5), "A", ()),
    ("knowledge, R&D-heavy, little capital: A", figures(2, 0.5, 8.0), "A", ()),
    ("R&D-heavy and capital-intensive: B", figures(50, 3, 5.0), "B", ()),
    ("R&D-heavy, capital-intensive, analog: still B", figures(50, 0.3, 5.0), "B", ()),
    ("labour on site: C", figures(2, 0.3, 0.5), "C", ()),
    ("labour with heavy machinery: D", figures(35, 0.3), "D", ()),
    ("IT-automated plant: E1", figures(200, 5, 1.0), "E1", ()),
    ("IT-automated plant, R&D not entered: E1, B possible", figures(200, 5), "E1", ("B",)),
    ("turning over held assets: E2", figures(700, 0.2), "E2", ()),
    # boundaries: at the reference counts as high; 3.06 % itself is high (the report's 以上)
    ("capital exactly at the reference is capital-intensive", figures(10, 0.5, 1), "D", ()),
    ("software exactly at the reference is digital", figures(2, 1.0), "A", ()),
    ("R&D exactly 3.06 % is high", figures(50, 0.5, 3.06), "B", ()),
    ("R&D 3.05 % is not", figures(50, 3, 3.05), "E1", ()),
]


@pytest.mark.parametrize(("case", "firm", "code", "alternatives"), BY_FIGURES)
def test_figures_place_each_archetype(ds, case, firm, code, alternatives) -> None:
    got = classify.place_by_figures(ds, REF, firm)
    assert isinstance(got, Placement), case
    assert (got.archetype, got.alternatives) == (code, alternatives), case
    assert (got.x, got.y, got.year) == (firm.capital_per_employee, firm.software_per_employee, 2022)
    # the archetype's description is quoted in the report's words, with its lines
    last = got.reasons[-1]
    assert last.key == "archetype" and last.quote is not None
    assert last.quote.text.ja == ds.archetype(code).description.ja
    # our boundary is named as ours, before the report's words it rests on
    assert got.reasons[0].key == "boundary" and got.reasons[0].ours


def test_figures_quote_the_axes_and_the_threshold(ds) -> None:
    got = classify.place_by_figures(ds, REF, figures(200, 5, 1.0))
    keys = {r.key: r for r in got.reasons}
    assert keys["capital_high"].quote.text.ja == "資本集約的"
    assert keys["capital_high"].params == {"firm": 200, "reference": 10.0, "year": 2022}
    assert "3.06%" in keys["rd_low"].quote.text.ja
    assert keys["rd_low"].quote.prov.basis == "stated"


def test_nearest_sectors_are_listed_nearest_first(ds) -> None:
    got = classify.place_by_figures(ds, REF, figures(35, 0.3))
    assert [n.sector_id for n in got.nearest] == [
        "construction",
        "all_industries",
        "chemical_industry",
    ]
    assert got.nearest[0].distance < got.nearest[1].distance
    assert any(
        r.key == "nearer_sector" and r.params["sector"] == "construction" for r in got.reasons
    )


def test_without_a_sector_of_d_or_e2_both_stay_possible(ds) -> None:
    bare = Reference(2022, 10.0, 1.0, 3.06, (SectorPoint("all_industries", None, 10.0, 1.0),))
    got = classify.place_by_figures(ds, bare, figures(35, 0.3))
    assert (got.archetype, got.alternatives) == ("D", ("E2",))
    assert any(r.key == "no_sector_of" for r in got.reasons)


@pytest.mark.parametrize(
    ("firm", "ratio"),
    [
        (figures(600 * 100 * 1.01, 1), "capital_per_employee"),
        (figures(3 / 100 / 1.01, 1), "capital_per_employee"),
        (figures(10, 8 * 100 * 1.01), "software_per_employee"),
        (figures(10, 0.2 / 100 / 1.01), "software_per_employee"),
    ],
)
def test_a_ratio_far_outside_every_sector_blames_the_unit(ds, firm, ratio) -> None:
    got = classify.place_by_figures(ds, REF, firm)
    assert isinstance(got, tuple) and len(got) == 1
    assert (got[0].field, got[0].code, got[0].params["ratio"]) == ("unit", "absurd", ratio)


def test_just_inside_the_factor_is_placed(ds) -> None:
    assert isinstance(classify.place_by_figures(ds, REF, figures(600 * 99, 1)), Placement)


# (case, answers, archetype, alternatives)
BY_ANSWERS = [
    ("people delivering knowledge: A", Answers(50, 10, 40), "A", ()),
    ("knowledge made in plant: B", Answers(10, 45, 45), "B", ()),
    ("people on site: C", Answers(80, 10, 10), "C", ()),
    ("people and heavy machinery: D", Answers(50, 40, 10), "D", ()),
    ("IT-automated plant: E1", Answers(10, 80, 10, capital_use="plant"), "E1", ()),
    ("held assets turned over: E2", Answers(10, 80, 10, capital_use="assets"), "E2", ()),
    ("capital, use not answered: E1 or E2", Answers(10, 80, 10), "E1", ("E2",)),
    ("knowledge alone reads as A", Answers(10, 10, 80), "A", ()),
    # boundaries of the 30 % rule
    ("29 % does not count", Answers(50, 29, 21), "C", ()),
    ("30 % counts", Answers(50, 30, 20), "D", ()),
    ("three count: the smallest is dropped", Answers(40, 35, 25), "D", ()),
    ("three count, a tie for smallest: both readings", Answers(40, 30, 30), "A", ("D",)),
]


@pytest.mark.parametrize(("case", "answers", "code", "alternatives"), BY_ANSWERS)
def test_answers_place_each_archetype(ds, case, answers, code, alternatives) -> None:
    assert inputs.check_answers(answers) == ()
    got = classify.place_by_answers(ds, answers)
    assert (got.archetype, got.alternatives) == (code, alternatives), case
    assert got.x is None and got.y is None  # the schematic map has no measured positions
    assert got.reasons[0].key == "elements" and got.reasons[0].ours


def test_digital_touchpoints_quote_the_report(ds) -> None:
    got = classify.place_by_answers(ds, Answers(80, 10, 10, digital_touchpoints=True))
    reason = next(r for r in got.reasons if r.key == "digital_touchpoints_yes")
    assert "デジタル接点" in reason.quote.text.ja


# ---- bad input: every problem names its field -------------------------------------------

GOOD = {"tangible_fixed_assets_ex_land": "1,000", "software_assets": "50", "employees": "100"}

BAD_FIGURES = [
    ({"employees": ""}, ("employees", "missing")),
    ({"employees": "0"}, ("employees", "zero_employees")),
    ({"employees": "-3"}, ("employees", "negative")),
    ({"software_assets": "abc"}, ("software_assets", "not_a_number")),
    ({"software_assets": "nan"}, ("software_assets", "not_a_number")),
    ({"software_assets": "0"}, ("software_assets", "zero_on_log_axis")),
    ({"tangible_fixed_assets_ex_land": "-1"}, ("tangible_fixed_assets_ex_land", "negative")),
    ({"rd_spending": "5"}, ("sales", "needs_pair")),
    ({"sales": "500"}, ("rd_spending", "needs_pair")),
    ({"rd_spending": "5", "sales": "0"}, ("sales", "zero_sales")),
    ({"rd_spending": "600", "sales": "500"}, ("rd_spending", "rd_over_sales")),
    ({"unit": "dollars"}, ("unit", "unknown_unit")),
]


@pytest.mark.parametrize(("change", "problem"), BAD_FIGURES)
def test_bad_figures_name_the_field(change, problem) -> None:
    got = inputs.read_figures(FirmInput(**{**GOOD, **change}))
    assert isinstance(got, tuple)
    assert [(p.field, p.code) for p in got] == [problem]


def test_figures_in_each_unit() -> None:
    for unit, factor in (("yen", 1e-6), ("thousand_yen", 1e-3), ("hundred_million_yen", 100)):
        got = inputs.read_figures(FirmInput(**GOOD, rd_spending="４０", sales="1 000", unit=unit))
        assert got == FirmFigures(1000 * factor / 100, 50 * factor / 100, 4.0)


BAD_ANSWERS = [
    (Answers(50, 30, 30), [("elements", "not_100")]),
    (Answers(-10, 60, 50), [("labour", "negative")]),
    (Answers(120, 0, 0), [("labour", "over_100")]),
    (Answers(80, 10, 10, capital_use="ships"), [("capital_use", "unknown_choice")]),
]


@pytest.mark.parametrize(("answers", "problems"), BAD_ANSWERS)
def test_bad_answers_name_the_field(answers, problems) -> None:
    assert [(p.field, p.code) for p in inputs.check_answers(answers)] == problems


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("labour=50,capital=20,knowledge=30", {"labour": 50, "capital": 20, "knowledge": 30}),
        ("labour=50,capital=20", [("knowledge", "missing")]),
        ("labour=50,capital=x,knowledge=30", [("capital", "not_a_number")]),
        (
            "labour=50,people=20,knowledge=30",
            [("elements", "unknown_element"), ("capital", "missing")],
        ),
    ],
)
def test_elements_from_the_command_line(text, expected) -> None:
    got = inputs.parse_elements(text)
    if isinstance(expected, dict):
        assert got == expected
    else:
        assert [(p.field, p.code) for p in got] == expected


# ---- the reference from an import, what if, expectations ------------------------------


def test_reference_from_the_imported_year(ds, stats) -> None:
    year = max(stats.years)
    ref = classify.reference(ds, stats.figures, year)
    anchor = next(f for f in stats.figures if f.fiscal_year == year and f.estat_code == "104")
    assert (ref.year, ref.capital, ref.software) == (
        year,
        anchor.capital_equipment_ratio,
        anchor.software_equipment_ratio,
    )
    assert ref.rd_threshold == 3.06
    by_id = {p.sector_id: p.archetype for p in ref.sectors}
    assert (
        by_id["real_estate_goods_rental"] == "E2" if "real_estate_goods_rental" in by_id else True
    )
    assert classify.reference(ds, stats.figures, 1999) is None


def test_what_if_moves_the_ratios() -> None:
    start = FirmFigures(20.0, 2.0, 1.0)
    assert whatif.moved(start, software_factor=2.0) == FirmFigures(20.0, 4.0, 1.0)
    assert whatif.moved(start, employee_factor=2.0) == FirmFigures(10.0, 1.0, 1.0)
    assert whatif.moved(start, rd_percent=3.06).rd_ratio_percent == 3.06
    with pytest.raises(ValueError):
        whatif.moved(start, software_factor=5.0)


def test_what_if_can_change_the_archetype(ds) -> None:
    start = FirmFigures(50.0, 3.0, 1.0)  # E1
    moved = whatif.moved(start, rd_percent=3.06)  # R&D to the average: B
    before = classify.place_by_figures(ds, REF, start)
    after = classify.place_by_figures(ds, REF, moved)
    assert (before.archetype, after.archetype) == ("E1", "B")
    diff = expectations.changes(
        expectations.for_archetype(ds, "E1"), expectations.for_archetype(ds, "B")
    )
    assert diff[0] == "archetype" and "impact_types" in diff


def test_expectations_count_the_example_industries(ds) -> None:
    got = expectations.for_archetype(ds, "C")
    members = [i for i in ds.industries if i.archetype == "C"]
    assert got.industries == tuple(i.id for i in sorted(members, key=lambda i: i.order))
    for phase in got.phases:
        counted = {i for t in phase.tallies for i in t.industries} | set(phase.no_effect)
        assert counted == set(got.industries)
        for t in phase.tallies:
            # a tally is layout when any value behind it is, and names the rules
            provs = [
                e.prov
                for i in members
                if i.id in t.industries
                for e in i.phases[phase.phase].effects
                if (e.kind, e.size) == (t.kind, t.size)
            ]
            assert t.basis == ("layout" if any(p.basis == "layout" for p in provs) else "stated")
            assert set(t.rules) == {p.rule for p in provs if p.basis == "layout"}
    # the report's "－" cells of C's industries are counted as no effect
    assert sum(len(p.no_effect) for p in got.phases) == sum(
        1 for i in members for cell in i.phases.values() if not cell.has_effect
    )
    assert {s.id for s in got.strategies} == {"data", "people", "co_creation"}
    assert got.use_cases and all(
        set(u.phases) & {p.phase for p in got.phases if p.tallies} for u in got.use_cases
    )
