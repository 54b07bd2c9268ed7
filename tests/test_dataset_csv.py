"""The data set's long CSV of facts: its columns, the business-type table's rows, the
reading rules' rows, and a reading rule on every value read from the layout."""

from __future__ import annotations

import csv
import io

import pytest
from data_dirs import DATA_SETS, data_set_dir

from genai_impact.exports.dataset import CSV_COLUMNS, to_csv
from genai_impact.report.load import load_dataset

DS = load_dataset(data_set_dir("bundled"))


def rows_of(ds=DS) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(to_csv(ds))))


ROWS = rows_of()
BY_KEY = {(r["table"], r["record_id"], r["field"]): r for r in ROWS}


def test_the_header_carries_the_reading_rule_between_basis_and_note() -> None:
    header = next(csv.reader(io.StringIO(to_csv(DS))))
    assert tuple(header) == CSV_COLUMNS
    assert header[-5:] == ["source", "lines", "basis", "rule", "note"]


@pytest.mark.parametrize("data_set", DATA_SETS)
def test_every_layout_row_names_a_rule_that_exists_and_stated_rows_none(data_set) -> None:
    ds = load_dataset(data_set_dir(data_set))
    rows = rows_of(ds)
    rule_ids = {r.id for r in ds.reading_rules}
    layout = [r for r in rows if r["basis"] == "layout"]
    stated = [r for r in rows if r["basis"] == "stated"]
    assert layout and stated
    assert [r for r in layout if r["rule"] not in rule_ids] == []
    assert [r for r in stated if r["rule"]] == []


# --- the business-type table: 4 types × 2 impacts -------------------------------------------


@pytest.mark.parametrize(
    ("type_id", "automation", "empowerment"),
    [
        # the ★ as read row by row (the data file's header says why)
        ("labour_intensive", "★★★", "★★"),
        ("capital_intensive", "★", "★★★"),
        ("knowledge_intensive", "★★★", "★★★"),
        ("indirect_work", "★★★", "★"),
    ],
)
def test_each_type_and_impact_has_its_stars_as_a_layout_reading(
    type_id, automation, empowerment
) -> None:
    for impact, stars in (("automation", automation), ("empowerment", empowerment)):
        row = BY_KEY[("business_types", type_id, f"impacts.{impact}.stars")]
        assert (row["value_ja"], row["value_en"]) == (stars, stars)
        assert (row["basis"], row["rule"], row["source"]) == (
            "layout",
            "star_placement",
            "mizuho_2023",
        )
        assert row["note"] and row["lines"]
        points = [
            r
            for r in ROWS
            if r["record_id"] == type_id and r["field"].startswith(f"impacts.{impact}.points[")
        ]
        cell = next(b for b in DS.business_types if b.id == type_id).cell(impact)
        assert [p["value_ja"] for p in points] == [p.text.ja for p in cell.points]
        assert {(p["basis"], p["rule"]) for p in points} == {("layout", "impact_column")}


def test_each_type_carries_its_texts_stated_with_their_lines() -> None:
    labour = {
        f: BY_KEY[("business_types", "labour_intensive", f)]
        for f in ("name", "element", "summary", "examples", "revenue_source", "competitiveness")
    }
    assert labour["revenue_source"]["value_ja"] == "作業員の質と量"
    assert labour["revenue_source"]["lines"] == "3014-3015"
    assert labour["competitiveness"]["value_ja"] == "スキルアップ・省人化"
    assert labour["examples"]["value_en"] == "nursing care, logistics, etc."
    assert labour["element"]["value_ja"] == "labour"
    assert all(r["basis"] == "stated" and r["rule"] == "" for r in labour.values())
    # the common indirect work has no element and no examples: no row rather than a blank
    assert ("business_types", "indirect_work", "element") not in BY_KEY
    assert ("business_types", "indirect_work", "revenue_source") in BY_KEY
    types = {r["record_id"] for r in ROWS if r["table"] == "business_types"}
    assert types == {b.id for b in DS.business_types} and len(types) == 4


def test_the_tables_headline_legend_and_impact_names() -> None:
    legend = BY_KEY[("business_type_table", "table", "star_legend")]
    assert legend["value_ja"] == "★の数は「収益の源泉」への影響度"
    assert legend["lines"] == "3109-3109"
    names = {
        (r["record_id"], r["field"]): r["value_ja"]
        for r in ROWS
        if r["table"] == "business_type_impacts"
    }
    assert names[("automation", "name")] == "自動化領域の拡大"
    assert names[("empowerment", "lower_name")] == "個人のエンパワメント"
    assert names[("empowerment", "number")] == "2"


# --- the reading rules themselves ------------------------------------------------------------


def test_every_reading_rule_is_listed_with_its_wording_and_lines() -> None:
    rules = [r for r in ROWS if r["table"] == "reading_rules"]
    assert [(r["record_id"], r["field"]) for r in rules] == [
        (rule.id, field) for rule in DS.reading_rules for field in ("name", "rule")
    ]
    for rule in DS.reading_rules:
        row = BY_KEY[("reading_rules", rule.id, "rule")]
        assert (row["value_ja"], row["value_en"]) == (rule.rule.ja, rule.rule.en)
        assert row["lines"] == f"{rule.lines[0]}-{rule.lines[1]}"
        # our wording: neither stated nor layout, the rule's own id in `rule`
        assert (row["source"], row["basis"], row["rule"]) == ("mizuho_2023", "", rule.id)
