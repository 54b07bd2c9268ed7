"""The profile pages' tables as CSV rows (page_tables): one row per value shown, each with
that value's own provenance; headers in the page's language; UTF-8 with a BOM."""

from __future__ import annotations

import csv
import io

import pytest
from data_dirs import BUNDLED_DATA

from genai_impact.exports import page_tables
from genai_impact.exports.table_csv import BOM, PROVENANCE_COLUMNS, to_csv_bytes
from genai_impact.report.load import load_dataset
from genai_impact.report.model import Provenance
from genai_impact.text.i18n import t
from genai_impact.views.profile import compare_industries, impact_of_type
from genai_impact.views.provenance_ledger import Ledger

DS = load_dataset(BUNDLED_DATA)
BASES = {"stated", "layout"}


def read_csv(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(BOM)
    return list(csv.DictReader(io.StringIO(data[len(BOM) :].decode("utf-8"), newline="")))


def header_of(data: bytes) -> list[str]:
    return next(csv.reader(io.StringIO(data[len(BOM) :].decode("utf-8"), newline="")))


def cited(row: dict[str, str], prov: Provenance) -> bool:
    """The row's provenance columns are exactly `prov`'s."""
    return (row["source"], row["lines"], row["basis"], row["note"], row["statistic"]) == (
        prov.source,
        prov.lines_label(),
        prov.basis,
        prov.note or "",
        "",
    )


def uncited(row: dict[str, str]) -> bool:
    """A cell the data attributes nothing to: no source, lines or basis, and a note why."""
    return not (row["source"] or row["lines"] or row["basis"]) and bool(row["note"])


# 1. The impact matrix: one row per cell ------------------------------------------------------


@pytest.mark.parametrize("archetypes", [(), ("A",), ("B", "E2")])
def test_impact_rows_are_every_cell_of_the_shown_industries(archetypes):
    col = {c: t(f"tables.column.{c}", "en") for c in page_tables.IMPACT_COLUMNS}
    rows = read_csv(to_csv_bytes(page_tables.impact_rows(DS, "en", archetypes)))
    shown = [i for i in DS.industries if not archetypes or i.archetype in archetypes]
    assert len(rows) == len(shown) * len(DS.impact_types) > 0
    assert {r[col["archetype"]] for r in rows} == {i.archetype for i in shown}
    by_name = {i.name.en: i for i in shown}
    for row in rows:
        industry = by_name[row[col["industry"]]]
        number = int(row[col["impact_type"]].split(".")[0])
        impact = impact_of_type(industry, number)
        if impact is None:
            assert uncited(row) and row[col["cell"]] == row[col["timing"]] == ""
        else:
            assert cited(row, impact.prov) and row["basis"] in BASES
            assert row[col["timing"]] == DS.timing(impact.timing).name.en
            # the cell as on screen: † exactly when the impact was read from layout
            assert row[col["cell"]].endswith("†") == (impact.prov.basis == "layout")


def test_impact_rows_carry_both_bases_and_the_empty_cells():
    rows = read_csv(to_csv_bytes(page_tables.impact_rows(DS, "ja")))
    assert {r["basis"] for r in rows} == BASES | {""}  # the bundled data has all three
    attributed = sum(len(i.impact_types) for i in DS.industries)
    assert sum(1 for r in rows if r["basis"]) == attributed


def test_impact_csv_headers_follow_the_language():
    for lang in ("ja", "en"):
        data = to_csv_bytes(page_tables.impact_rows(DS, lang))
        assert header_of(data) == page_tables.header(page_tables.IMPACT_COLUMNS, lang)
        assert header_of(data)[-len(PROVENANCE_COLUMNS) :] == list(PROVENANCE_COLUMNS)
    ja = header_of(to_csv_bytes(page_tables.impact_rows(DS, "ja")))
    en = header_of(to_csv_bytes(page_tables.impact_rows(DS, "en")))
    assert ja[0] == "産業" and en[0] == "Industry"  # the catalogues' words, not the ids
    body = to_csv_bytes(page_tables.impact_rows(DS, "ja"))[len(BOM) :].decode("utf-8")
    assert DS.industries[0].name.ja in body and "\r\n" in body


# 2. The use-case grid: one row per use case in each cell ---------------------------------------


@pytest.mark.parametrize(
    ("phases", "directions"),
    [
        ((), ()),
        (("customer_touchpoint",), ("6",)),
        (("rd_planning", "production_distribution"), ()),
    ],
)
def test_use_case_rows_follow_the_grid_cell_by_cell(phases, directions):
    col = {c: t(f"tables.column.{c}", "en") for c in page_tables.USE_CASE_COLUMNS}
    rows = read_csv(to_csv_bytes(page_tables.use_case_rows(DS, "en", phases, directions)))
    shown_phases = [p for p in DS.phases if not phases or p.id in phases]
    shown_dirs = [d for d in DS.directions if not directions or str(d.number) in directions]
    expected = []
    for direction in shown_dirs:
        for phase in shown_phases:
            cell = [
                u for u in DS.use_cases if direction.number in u.directions and phase.id in u.phases
            ]
            where = (f"{direction.number}. {direction.name.en}", phase.name.en)
            expected += [(*where, u.name.en, u.prov) for u in cell] or [(*where, "", None)]
    assert len(rows) == len(expected) > 0
    for row, (direction, phase, name, prov) in zip(rows, expected, strict=True):
        assert (row[col["direction"]], row[col["phase"]], row[col["use_case"]]) == (
            direction,
            phase,
            name,
        )
        assert uncited(row) if prov is None else cited(row, prov)


def test_use_case_rows_name_details_and_ja_headers():
    frame = page_tables.use_case_rows(DS, "ja")
    data = to_csv_bytes(frame)
    assert header_of(data) == page_tables.header(page_tables.USE_CASE_COLUMNS, "ja")
    rows = read_csv(data)
    with_detail = [u for u in DS.use_cases if u.detail]
    assert with_detail
    assert any(r[t("tables.column.detail", "ja")] == with_detail[0].detail.ja for r in rows)
    assert {r["basis"] for r in rows} <= BASES | {""}


# 3. The comparison: one row per aspect and industry --------------------------------------------


def test_comparison_rows_give_each_side_its_own_source():
    a, b = DS.industry("information_services"), DS.industry("pharmaceuticals")
    col = {c: t(f"tables.column.{c}", "ja") for c in page_tables.COMPARE_COLUMNS}
    rows = read_csv(to_csv_bytes(page_tables.comparison_rows(DS, a, b, "ja")))
    compared = compare_industries(DS, a, b)
    assert len(rows) == 2 * len(compared)
    for pair, row_a, row_b in zip(compared, rows[::2], rows[1::2], strict=True):
        assert (row_a[col["industry"]], row_b[col["industry"]]) == (a.name.ja, b.name.ja)
        assert row_a[col["aspect"]] == row_b[col["aspect"]]
        assert row_a[col["differs"]] == t(
            f"profile.compare.{'differs' if pair.differs else 'same'}", "ja"
        )
        for row, side in ((row_a, pair.a), (row_b, pair.b)):
            assert uncited(row) if side.prov is None else cited(row, side.prov)
    assert any(uncited(r) for r in rows)  # an impact type one of them lacks
    assert {r["basis"] for r in rows} - {""} == BASES


# 4. File names and what a page offers ----------------------------------------------------------


def test_file_stems_say_the_page_table_and_filters():
    assert page_tables.file_stem("impacts", "matrix", arch=()) == "impacts-matrix"
    stem = page_tables.file_stem("impacts", "matrix", arch=("A", "E2"))
    assert stem == "impacts-matrix-arch-A-E2"
    stem = page_tables.file_stem("use_cases", "grid", phase=("rd_planning",), direction=("6",))
    assert stem == "use_cases-grid-phase-rd_planning-direction-6"
    assert page_tables.file_stem("x", "a/../b", q=("<s>", "é")) == "x-a_b-q-s"


def test_page_tables_bundle_stem_title_and_rows():
    a, b = DS.industry("information_services"), DS.industry("pharmaceuticals")
    table = page_tables.comparison_table(DS, a, b, "en")
    assert table.stem == "industries-information_services-vs-pharmaceuticals"
    assert a.name.en in table.title and b.name.en in table.title
    assert len(table.frame) == 2 * len(compare_industries(DS, a, b))
    grid = page_tables.use_cases_table(DS, "ja", ("rd_planning",), ())
    assert grid.stem == "use_cases-grid-phase-rd_planning"
    assert grid.title == t("use_cases.grid.heading", "ja")
    matrix = page_tables.impacts_table(DS, "ja", ("C",))
    assert matrix.stem == "impacts-matrix-arch-C"
    assert len(matrix.frame) == sum(i.archetype == "C" for i in DS.industries) * 6


# 5. A section's source table ---------------------------------------------------------------------


def test_ledger_rows_are_the_numbered_values_with_their_provenance():
    industry = DS.industry("retail")
    ledger = Ledger("en")
    for impact in industry.impact_types:
        ledger.mark(f"impact {impact.number}", impact.prov)
    ledger.mark("summary", industry.impact_summary.prov)
    ledger.mark("summary", industry.impact_summary.prov)  # the same value again: one row
    data = to_csv_bytes(page_tables.ledger_rows(ledger, "en"))
    assert header_of(data) == [
        t("profile.prov.column.number", "en"),
        t("profile.prov.column.value", "en"),
        *PROVENANCE_COLUMNS,
    ]
    rows = read_csv(data)
    assert len(rows) == len(ledger.entries) == len(industry.impact_types) + 1
    for n, (row, (value, prov)) in enumerate(zip(rows, ledger.entries, strict=True), start=1):
        assert row[t("profile.prov.column.number", "en")] == str(n)
        assert row[t("profile.prov.column.value", "en")] == value
        assert cited(row, prov)
    table = page_tables.sources_table(
        ledger, "ja", "industries", "impacts", {"industry": ["retail"]}
    )
    assert table.stem == "industries-sources-impacts-industry-retail"
    assert header_of(to_csv_bytes(table.frame))[1] == t("profile.prov.column.value", "ja")
