"""The business-type table: its data file's checks, the reading of the ★, the page's view,
its CSV, the JSON export's section and the deck slide."""

from __future__ import annotations

import copy
import csv
import io
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from data_dirs import BUNDLED_DATA, MINIMAL_DATA, copy_data
from report_excerpt import read as read_excerpt

from genai_impact.exports import business_tables
from genai_impact.exports.dataset import to_json_dict
from genai_impact.exports.table_csv import BOM, to_csv_bytes
from genai_impact.report.load import DataError, load_dataset, validate
from genai_impact.report.query import url_choices
from genai_impact.text import readings
from genai_impact.text.i18n import t
from genai_impact.views import business_types as bt
from genai_impact.workshop.agenda import SavedView
from genai_impact.workshop.slides import view_slides

DS = load_dataset(BUNDLED_DATA)
FILE = "business_types.yaml"
Doc = dict[str, Any]


# --- the file's checks: each broken value is named with file, record and field --------------


def first_cell(change: Callable[[Doc], None]) -> Callable[[Doc], None]:
    return lambda doc: change(doc["business_types"][0]["impacts"][0])


def first_type(change: Callable[[Doc], None]) -> Callable[[Doc], None]:
    return lambda doc: change(doc["business_types"][0])


def put(key: str, value: Any) -> Callable[[Doc], None]:
    return lambda rec: rec.__setitem__(key, value)


def drop(key: str) -> Callable[[Doc], None]:
    return lambda rec: rec.pop(key)


def swap_cells(rec: Doc) -> None:
    rec["impacts"].reverse()


def third_impact(doc: Doc) -> None:
    doc["impacts"].append(copy.deepcopy(doc["impacts"][0]) | {"id": "other"})


CASES = [
    # the ★ count: 1 to 3, an integer
    (
        first_cell(put("stars", 4)),
        "business_types[0].impacts[0].stars",
        r"4 is out of range 1\.\.3",
    ),
    (first_cell(put("stars", 0)), "business_types[0].impacts[0].stars", "out of range"),
    (first_cell(put("stars", "★★★")), "business_types[0].impacts[0].stars", "expected an integer"),
    (first_cell(drop("stars")), "business_types[0].impacts[0].stars", "missing required field"),
    # a ★ read from the layout says how
    (
        first_cell(lambda c: c["stars_prov"].pop("note")),
        "business_types[0].impacts[0].stars_prov.note",
        "must carry a note",
    ),
    # the cells: one per impact, in the impacts' order, each with points
    (first_type(swap_cells), "business_types[0].impacts", "one cell per impact in order"),
    (first_cell(put("points", [])), "business_types[0].impacts[0].points", "empty list"),
    (first_cell(put("impact", "speed")), "business_types[0].impacts[0].impact", "unknown impact"),
    # a type's fields
    (first_type(drop("summary")), "business_types[0].summary", "missing required field"),
    (first_type(drop("revenue_source")), "business_types[0].revenue_source", "missing required"),
    (first_type(put("element", "land")), "business_types[0].element", "unknown business element"),
    (first_type(put("colour", "red")), "business_types[0].colour", "unknown key 'colour'"),
    (
        first_type(lambda r: r["summary"].pop("prov")),
        "business_types[0].summary.prov",
        "missing required field",
    ),
    # the table's texts and impacts
    (lambda doc: doc.pop("star_legend"), "star_legend", "missing required field"),
    (third_impact, "impacts", "expected 2 impacts"),
]


@pytest.mark.parametrize(("change", "path", "message"), CASES)
def test_a_broken_value_is_named_with_file_record_and_field(
    tmp_path: Path, change: Callable[[Doc], None], path: str, message: str
) -> None:
    root = copy_data(MINIMAL_DATA, tmp_path)
    doc = yaml.safe_load((root / FILE).read_text(encoding="utf-8"))
    change(doc)
    (root / FILE).write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    problems = validate(root)
    found = [p for p in problems if p.file == FILE and p.path == path]
    assert any(re.search(message, p.message) for p in found), "\n".join(map(str, problems))
    with pytest.raises(DataError, match=re.escape(f"{FILE}: {path}: ")):
        load_dataset(root)


def test_a_missing_file_is_reported(tmp_path: Path) -> None:
    root = copy_data(MINIMAL_DATA, tmp_path)
    (root / FILE).unlink()
    assert [(p.file, p.message) for p in validate(root)] == [(FILE, "file is missing")]


# --- the bundled table and its reading -------------------------------------------------------


def test_the_four_types_in_the_reports_order_with_their_elements() -> None:
    assert [(b.name.ja, b.element) for b in DS.business_types] == [
        ("労働集約型", "labour"),
        ("資本集約型", "capital"),
        ("知識集約型", "knowledge"),
        ("共通（間接業務）", None),
    ]
    table = DS.business_type_table
    assert [(i.name.text.ja, i.lower_name.text.ja) for i in table.impacts] == [
        ("自動化領域の拡大", "自動化領域の拡大"),
        ("「素人」のレベルアップ", "個人のエンパワメント"),
    ]


STARS_IN_TEXT_ORDER = [3, 2, 1, 3, 3, 3, 3, 1]  # lines 3111-3125, as the text lists them


def read_row_by_row() -> dict[tuple[str, str], int]:
    return {(b.id, c.impact): c.stars for b in DS.business_types for c in b.impacts}


def read_column_by_column() -> dict[tuple[str, str], int]:
    ids = [b.id for b in DS.business_types]
    impacts = ["automation", "empowerment"]
    order = [(b, i) for i in impacts for b in ids]
    return dict(zip(order, STARS_IN_TEXT_ORDER, strict=True))


def test_the_stars_are_the_texts_eight_strings_read_row_by_row() -> None:
    cells = [c for b in DS.business_types for c in b.impacts]
    assert [c.stars for c in cells] == STARS_IN_TEXT_ORDER
    excerpt = read_excerpt()
    for cell in cells:  # each cites the line that holds exactly its ★ string
        first, last = cell.stars_prov.lines
        assert first == last and excerpt.lines[first].strip() == "★" * cell.stars
    assert [c.stars_prov.lines[0] for c in cells] == list(range(3111, 3126, 2))


# The reading rule: the order chosen must agree with what the text says outright, and the
# alternative order is named because it does not. Each row: a statement of the text (lines),
# and the check it implies on a reading.
def total(reading: dict[tuple[str, str], int], type_id: str) -> int:
    return sum(v for (b, _), v in reading.items() if b == type_id)


STATEMENTS = [
    # 「特に知識集約型や間接業務に影響大」 (2987): knowledge-intensive is rated highest overall
    (
        "2987",
        lambda r: total(r, "knowledge_intensive") == max(total(r, b.id) for b in DS.business_types),
    ),
    # 「知識集約型ビジネスに、プラス・マイナス両面で大きな影響」 (2989-2991): both its cells ★★★
    (
        "2989-2991",
        lambda r: (
            r["knowledge_intensive", "automation"] == r["knowledge_intensive", "empowerment"] == 3
        ),
    ),
    # 「間接業務のコスト削減効果は大きい」 (2991): the indirect work's automation cell ★★★
    ("2991", lambda r: r["indirect_work", "automation"] == 3),
]


@pytest.mark.parametrize(("lines", "holds"), STATEMENTS, ids=[s[0] for s in STATEMENTS])
def test_the_reading_agrees_with_the_text_and_the_alternative_does_not(lines, holds) -> None:
    assert holds(read_row_by_row()), f"row-by-row reading contradicts {lines}"
    if lines != "2991":  # both orders agree there
        assert not holds(read_column_by_column())


def test_every_star_is_a_layout_reading_naming_both_orders() -> None:
    alternative = read_column_by_column()
    for business_type in DS.business_types:
        for cell in business_type.impacts:
            prov = cell.stars_prov
            assert prov.basis == "layout" and "row by row" in prov.note
            assert "column by column" in prov.note
            other = "★" * alternative[business_type.id, cell.impact]
            assert other in prov.note.split("column by column", 1)[1], prov.note


# --- the view -------------------------------------------------------------------------------


def test_the_overview_shows_each_type_with_its_stars_marked_as_read() -> None:
    frame = bt.overview_frame(DS, "ja")
    assert list(frame.index) == ["労働集約型", "資本集約型", "知識集約型", "共通（間接業務）"]
    assert list(frame.columns) == [
        "例",
        "概要",
        "収益の源泉",
        "競争力強化の主な方向性",
        "① 自動化領域の拡大",
        "② 「素人」のレベルアップ",
    ]
    assert list(frame["① 自動化領域の拡大"]) == ["★★★†", "★†", "★★★†", "★★★†"]
    assert list(frame["② 「素人」のレベルアップ"]) == ["★★†", "★★★†", "★★★†", "★†"]
    assert frame.loc["共通（間接業務）", "例"] == ""  # the report gives no examples there
    english = bt.overview_frame(DS, "en")
    assert english.loc["Knowledge-intensive", "Source of revenue"] == (
        "Research and development, and knowledge"
    )


def test_each_example_industry_shows_the_elements_it_carries() -> None:
    rows = bt.industry_elements(DS)
    assert [r.industry.id for r in rows] == [i.id for i in DS.industries]
    assert len(rows) == 19
    columns = [b.element for b in bt.element_types(DS)]
    assert columns == ["labour", "capital", "knowledge"]
    for row in rows:
        assert {e for e, has in zip(columns, row.carries, strict=True) if has} == set(
            row.industry.business_elements
        )
    by_id = {r.industry.id: r.carries for r in rows}
    assert by_id["information_services"] == (True, False, True)  # A: labour × knowledge
    assert by_id["steel"] == (False, True, False)


# --- the CSV --------------------------------------------------------------------------------


def csv_rows(frame) -> list[dict[str, str]]:
    data = to_csv_bytes(frame, lang="en")
    assert data.startswith(BOM)
    return list(csv.DictReader(io.StringIO(data[len(BOM) :].decode("utf-8"), newline="")))


def test_the_table_csv_has_every_value_with_its_provenance() -> None:
    table = business_tables.business_types_table(DS, "en")
    assert table.title == t("business_types.table.heading", "en")
    rows = csv_rows(table.frame)
    stars = [r for r in rows if set(r["Value"]) == {"★"}]
    assert [r["Value"] for r in stars] == ["★" * n for n in STARS_IN_TEXT_ORDER]
    lines, note = "Lines of the report's text", "Why we read it so"
    assert all(r[lines].startswith("L31") and r[note] and r["Basis"] for r in stars)
    layout = t("common.prov.basis.layout.label", "en")
    assert {r["Basis"] for r in stars} == {readings.marked(layout, "layout", "en")}
    points = sum(len(c.points) for b in DS.business_types for c in b.impacts)
    texts = 4 * 4 - 1  # four texts per type; the common indirect work has no examples
    assert len(rows) == texts + len(stars) + points
    revenue = [r for r in rows if r["Item"] == "Source of revenue"]
    assert [r["Value"] for r in revenue][3] == "(Cost reduction)"
    assert {r["Basis"] for r in revenue} == {t("common.prov.basis.stated.label", "en")}


def test_the_elements_csv_has_a_row_per_industry_and_element() -> None:
    rows = csv_rows(business_tables.elements_table(DS, "en").frame)
    assert len(rows) == 19 * 3
    steel = {
        r["Business"]: r["Value"] for r in rows if r["Industry"] == DS.industry("steel").name.en
    }
    assert steel == {"Labour-intensive": "", "Capital-intensive": "●", "Knowledge-intensive": ""}


# --- the JSON export and the slide ---------------------------------------------------------


def test_the_json_export_carries_the_table_with_stars_and_provenance() -> None:
    section = to_json_dict(DS)["business_types"]
    assert list(section) == ["headline", "lead", "star_legend", "impacts", "types"]
    assert [i["id"] for i in section["impacts"]] == ["automation", "empowerment"]
    assert section["impacts"][1]["lower_name"]["ja"] == "個人のエンパワメント"
    cells = [(ty["id"], c["impact"], c["stars"]) for ty in section["types"] for c in ty["impacts"]]
    assert [s["count"] for _, _, s in cells] == STARS_IN_TEXT_ORDER
    assert all(s["prov"]["basis"] == "layout" and s["prov"]["note"] for _, _, s in cells)
    knowledge = section["types"][2]
    assert knowledge["element"] == "knowledge"
    assert knowledge["summary"]["prov"] == {
        "source": "mizuho_2023",
        "lines": [3056, 3059],
        "basis": "stated",
        "rule": None,
        "note": None,
    }
    assert section["types"][3]["examples"] is None


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_saved_view_of_the_page_is_a_table_slide(lang: str) -> None:
    saved = SavedView("Business types", "business_types", {"lang": lang}, note="Discuss ★")
    slides = view_slides(DS, None, saved, "https://example.org", url_choices(DS))
    first = slides[0]
    assert first.kind == "table" and first.notes == "Discuss ★"
    assert first.subtitle[0] == t("business_types.slide.heading", lang)
    assert any("★" in line for line in first.subtitle[1:])  # the legend and the reading
    header = first.tables[0].header[0]
    assert header[2].startswith("①") and header[3].startswith("②")
    rows = [row for slide in slides for row in slide.tables[0].rows]
    assert len(rows) == 4
    knowledge = rows[2]
    assert knowledge[2].splitlines()[0] == "★★★†"
    point = DS.business_types[2].cell("empowerment").points[-1].text.in_lang(lang)
    assert point in knowledge[3]
