"""AppTest of the CSV downloads of the profile pages' tables: /impacts (the matrix),
/use_cases (the grid) and /industries?compare= (the comparison). The button is there,
its file is named after the page and the filters, and its bytes hold exactly the rows
on screen, each with its provenance (what the test calls is what a click would fetch)."""

from __future__ import annotations

import csv
import io
import re

import pytest
from apptest_helpers import download_buttons, open_page
from data_dirs import BUNDLED_DATA
from test_profile_pages import grid_rows

from genai_impact.exports import page_tables
from genai_impact.exports.table_csv import BOM, PROVENANCE_COLUMNS, provenance_header
from genai_impact.exports.table_csv import basis_text as basis_words
from genai_impact.report.load import load_dataset
from genai_impact.report.model import Provenance
from genai_impact.text import display
from genai_impact.text.i18n import t
from genai_impact.views.comparison import lines_text

DS = load_dataset(BUNDLED_DATA)
BASES = {"stated", "layout"}


def the_csv(at, downloads, lang: str) -> tuple[str, list[str], list[dict[str, str]]]:
    """The page's one CSV button: (file name, header, rows), after checking type and BOM."""
    offered = download_buttons(at, downloads)
    name, mime, make = offered[t("workshop.download.csv", lang)]
    assert mime == "text/csv"
    data = make()
    assert data.startswith(BOM)
    text = data[len(BOM) :].decode("utf-8")
    header = next(csv.reader(io.StringIO(text, newline="")))
    headed = {provenance_header(c, lang): c for c in PROVENANCE_COLUMNS}
    assert header[-len(PROVENANCE_COLUMNS) :] == list(headed)  # in the page's language
    codes = {basis_words(code, lang): code for code in ("stated", "layout")}
    rows = [
        {headed.get(k, k): v for k, v in row.items()}
        for row in csv.DictReader(io.StringIO(text, newline=""))
    ]
    for row in rows:  # the basis in the page's words, as its badges say it
        assert row["basis"] in (*codes, ""), row["basis"]
        row["basis"] = codes.get(row["basis"], "")
    return stem_of(name), header[: -len(PROVENANCE_COLUMNS)], rows


def stem_of(name: str) -> str:
    """The view part of a download's name, after checking the app and the date around it."""
    match = re.fullmatch(r"genai-impact_(.+)_(\d{4}-\d{2}-\d{2})\.csv", name)
    assert match, name
    return match[1]


def as_shown(cell: str) -> str:
    """A cell as a spreadsheet shows it: table_export puts an apostrophe before text that
    would read as a formula ('= same' is written "'= same"), which the spreadsheet hides."""
    return cell[1:] if cell.startswith("'") and cell[1:2] in ("=", "+", "-", "@") else cell


def col(name: str, lang: str) -> str:
    return t(f"tables.column.{name}", lang)


# 1. /impacts: one row per cell of the matrix on screen -----------------------------------------


# the file says the page and its filters in the page's language, then the date
IMPACT_CASES = [
    ("ja", ["A", "C"], "構造的影響-類型-A-C"),
    ("en", [], "Structural-impacts"),
    ("en", ["E2"], "Structural-impacts-Archetype-E2"),
]


@pytest.mark.parametrize(("lang", "arch", "named"), IMPACT_CASES)
def test_impact_matrix_csv_is_the_matrix_on_screen(downloads, lang, arch, named):
    at = open_page("impacts", {"arch": arch} if arch else {}, lang=lang)
    name, header, rows = the_csv(at, downloads, lang)
    assert name == named
    assert header == page_tables.header(page_tables.IMPACT_COLUMNS, lang)[:-5]
    [shown] = [table.value for table in at.table]  # the matrix (source tables are closed)
    assert len(rows) == shown.size > 0  # a row per cell
    cells = iter(rows)
    for heading, line in shown.iterrows():
        for (level, type_heading), value in line.items():
            row = next(cells)  # same order: industry by industry, types as the columns
            industry, code = row[col("industry", lang)], row[col("archetype", lang)]
            assert display.md_literal(t("impacts.matrix.row", lang, name=industry, code=code)) == (
                heading
            )
            assert display.md_literal(row[col("level", lang)]) == level
            assert row[col("impact_type", lang)].split(". ", 1)[1] in type_heading
            assert display.md_literal(row[col("cell", lang)]) == value
            if value:  # a cell on screen: its source, lines and basis; else a note why not
                assert row["source"] and row["lines"] and row["basis"] in BASES
                # a reading ends in the marker on screen, and its basis in the CSV says it too
                assert value.endswith("†") == (row["basis"] == "layout")
            else:
                assert not (row["source"] or row["basis"]) and row["note"]
    if arch:
        assert {r[col("archetype", lang)] for r in rows} == set(arch)


def test_impact_matrix_filter_change_changes_the_csv(downloads):
    at = open_page("impacts", lang="en")
    at.pills(key="impacts_arch").set_value(["D"]).run()
    name, _, rows = the_csv(at, downloads, "en")
    assert name == "Structural-impacts-Archetype-D"
    in_d = [i for i in DS.industries if i.archetype == "D"]
    assert len(rows) == len(in_d) * len(DS.impact_types)


# 2. /use_cases: one row per use case in each cell of the grid on screen -------------------------


@pytest.mark.parametrize(
    ("lang", "params", "stem"),
    [
        ("ja", {}, "ユースケース"),
        (
            "en",
            {"phase": "customer_touchpoint", "direction": ["3", "6"]},
            "Use-cases-Phase-Customer-touchpoint-Direction-3-6",
        ),
    ],
)
def test_use_case_csv_is_the_grid_on_screen(downloads, lang, params, stem):
    at = open_page("use_cases", lang=lang, **params)
    name, header, rows = the_csv(at, downloads, lang)
    assert name == stem
    assert header == page_tables.header(page_tables.USE_CASE_COLUMNS, lang)[:-5]
    shown = grid_rows(at)  # direction heading -> each phase cell's Markdown
    phases = [p.name.in_lang(lang) for p in DS.phases if p.id in params.get("phase", [p.id])]
    in_csv: dict[tuple[str, str], list[dict[str, str]]] = {}
    for row in rows:
        number, words = row[col("direction", lang)].split(". ", 1)  # as the page writes it
        key = (f"{number}. {display.md_literal(words)}", row[col("phase", lang)])
        in_csv.setdefault(key, []).append(row)
    assert {d for d, _ in in_csv} == set(shown)  # the same directions
    assert {p for _, p in in_csv} == set(phases)  # the same phases
    for direction, cells in shown.items():
        for phase, cell in zip(phases, cells, strict=True):
            listed = re.findall(r"^- (.+?)(?: \(|\u2060?†?$)", cell, flags=re.M)
            cell_rows = in_csv[(direction, phase)]
            names = [display.md_literal(r[col("use_case", lang)]) for r in cell_rows if r["basis"]]
            assert names == listed, (direction, phase)
            for row in cell_rows:
                if row[col("use_case", lang)]:
                    assert row["source"] and row["lines"] and row["basis"] in BASES
                else:  # the empty cell: one row, no source, and why
                    assert not listed and not row["source"] and row["note"]
    count = len({r[col("use_case", lang)] for r in rows if r[col("use_case", lang)]})
    assert t("use_cases.grid.shown", lang, count=count) in [c.value for c in at.caption]


# 3. /industries?compare=: one row per aspect and industry of the comparison on screen ----------


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_comparison_csv_is_the_comparison_on_screen(downloads, lang):
    a, b = DS.industry("retail"), DS.industry("construction")
    at = open_page("industries", industry=a.id, compare=b.id, lang=lang)
    name, header, rows = the_csv(at, downloads, lang)
    assert name == {"ja": "産業-小売-建設と比較", "en": "Industries-Retail-vs-Construction"}[lang]
    assert header == page_tables.header(page_tables.COMPARE_COLUMNS, lang)[:-5]
    differs_heading = t("profile.compare.column.differs", lang)
    [shown] = [x.value for x in at.table if differs_heading in x.value.columns]
    assert len(rows) == 2 * len(shown)
    for (_, line), row_a, row_b in zip(shown.iterrows(), rows[::2], rows[1::2], strict=True):
        aspect, value_a, basis_a, value_b, basis_b, differs = line.tolist()
        for row, value, basis, industry in (
            (row_a, value_a, basis_a, a),
            (row_b, value_b, basis_b, b),
        ):
            assert display.md_literal(row[col("aspect", lang)]) == aspect
            assert row[col("industry", lang)] == industry.name.in_lang(lang)
            assert display.md_literal(as_shown(row[col("value", lang)])) == value
            assert display.md_literal(as_shown(row[col("differs", lang)])) == differs
            # the lines on screen are the CSV's lines (or "nothing in the data"); † on the
            # value on screen and in the CSV exactly when its basis is a reading
            prov = None
            if row["basis"]:
                lines = tuple(int(n) for n in re.findall(r"\d+", row["lines"])) or None
                if lines and len(lines) == 1:
                    lines = (lines[0], lines[0])
                prov = Provenance(row["source"], row["basis"], lines)
            assert display.md_literal(lines_text(prov, lang)) == basis
            assert value.endswith("†") == (row["basis"] == "layout")


def test_no_comparison_no_comparison_csv(downloads):
    at = open_page("industries", industry="retail", lang="en")
    assert t("workshop.download.csv", "en") not in download_buttons(at, downloads)


def test_presentation_mode_hides_the_table_downloads(downloads):
    for page_id in ("impacts", "use_cases"):
        at = open_page(page_id, present="1")
        assert not at.get("download_button")


# 4. A section's source table (every profile section, the matrix, the grid) ----------------------


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_an_open_source_table_offers_its_rows_as_csv(downloads, lang):
    at = open_page("industries", industry="retail", lang=lang)
    assert not download_buttons(at, downloads)  # closed source tables: nothing built
    at.session_state["sources-industries-effects"] = True
    at.run()
    name, header, rows = the_csv(at, downloads, lang)
    assert (
        name
        == {
            "ja": "産業-小売-期待効果-出典と本文の行",
            "en": "Industries-Retail-Effects-Sources-and-lines",
        }[lang]
    )
    [shown] = [x.value for x in at.table]
    assert len(rows) == len(shown) > 0
    number, value = (t(f"profile.prov.column.{c}", lang) for c in ("number", "value"))
    lines = t("profile.prov.column.lines", lang)
    assert header[:2] == [number, value]
    for (_, line), row in zip(shown.iterrows(), rows, strict=True):
        assert str(line[display.md_literal(number)]) == row[number]
        assert display.md_literal(row[value]) == line[display.md_literal(value)]
        assert row["basis"] in BASES and row["source"]
        assert line[display.md_literal(lines)].startswith(display.md_literal(row["lines"]))
