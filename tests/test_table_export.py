"""CSV of what a chart or table shows: BOM, column order, provenance, no index, nothing a
spreadsheet would run. Rows are SYNTHETIC."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest

from genai_impact.exports import table_csv as table_export
from genai_impact.report.model import Provenance

ROWS = pd.DataFrame(
    {
        "industry": ["旅行", "鉄鋼"],
        "archetype": ["E2", "B"],
        "capital_ratio": [12.5, None],
    }
)
REPORT = {"source": "mizuho_2023", "basis": "layout", "lines": "L10–12"}


def read(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_bom_header_order_and_rows():
    data = table_export.to_csv_bytes(ROWS, provenance=REPORT)
    assert data.startswith(table_export.BOM)
    assert b"\r\n" in data and data.count(b"\n") == data.count(b"\r\n")
    assert read(data) == [
        ["industry", "archetype", "capital_ratio", "source", "lines", "statistic", "basis", "note"],
        ["旅行", "E2", "12.5", "mizuho_2023", "L10–12", "", "layout", ""],
        ["鉄鋼", "B", "", "mizuho_2023", "L10–12", "", "layout", ""],  # missing stays empty
    ]


def test_excel_reads_japanese_through_the_bom():
    # Excel picks UTF-8 only when the file starts with the BOM; cp932 would garble it
    data = table_export.to_csv_bytes(ROWS, provenance=REPORT)
    assert data[3:].decode("utf-8").startswith("industry,")
    assert "旅行" in data.decode("utf-8-sig")


def test_per_row_provenance_columns_win_and_come_last():
    rows = ROWS.assign(
        basis=["stated", "layout"], source=["a", "b"], statistic=["", "0003060791 FY2022"]
    )
    header, first, second = read(table_export.to_csv_bytes(rows))
    assert header[-5:] == list(table_export.PROVENANCE_COLUMNS)
    assert first[-5:] == ["a", "", "", "stated", ""]
    assert second[-5:] == ["b", "", "0003060791 FY2022", "layout", ""]


def test_chosen_columns_in_the_chosen_order():
    data = table_export.to_csv_bytes(ROWS, columns=["archetype", "industry"], provenance=REPORT)
    assert read(data)[0][:3] == ["archetype", "industry", "source"]


def test_provenance_from_a_model_value():
    prov = Provenance(source="report", basis="stated", lines=(3, 5), note=None)
    assert table_export.provenance_columns(prov) == {
        "source": "report",
        "lines": "L3–5",
        "statistic": "",
        "basis": "stated",
        "note": "",
    }


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({}, "no provenance for \\['source', 'basis'\\]"),
        ({"provenance": {"source": "x"}}, "no provenance for \\['basis'\\]"),
        ({"provenance": {**REPORT, "colour": "x"}}, "not provenance columns"),
        ({"provenance": REPORT, "columns": ["nope"]}, "not in the data"),
        ({"provenance": REPORT, "columns": ["industry", "source"]}, "come last"),
    ],
)
def test_refuses_a_csv_without_provenance_or_with_bad_columns(kwargs, message):
    with pytest.raises(ValueError, match=message):
        table_export.to_csv_bytes(ROWS, **kwargs)


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1", "'+1"),
        ("-cmd", "'-cmd"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("plain", "plain"),
        ("a=b", "a=b"),
    ],
)
def test_text_a_spreadsheet_would_run_is_defused(cell, written):
    data = table_export.to_csv_bytes(pd.DataFrame({"name": [cell]}), provenance=REPORT)
    assert read(data)[1][0] == written


def test_negative_numbers_stay_numbers():
    data = table_export.to_csv_bytes(pd.DataFrame({"v": [-1.5]}), provenance=REPORT)
    assert read(data)[1][0] == "-1.5"


def test_no_index_column_and_stable_output():
    shuffled = ROWS.set_index(pd.Index([7, 3]))
    data = table_export.to_csv_bytes(shuffled, provenance=REPORT)
    assert read(data)[0][0] == "industry"
    assert data == table_export.to_csv_bytes(ROWS, provenance=REPORT)
