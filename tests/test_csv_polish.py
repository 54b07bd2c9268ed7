"""What a user opening an exported CSV notices: one column per phase × kind of effect with
its size in a column of its own, headers in the chosen language, basis columns that say
what the chart draws, no cell a spreadsheet would run, and file names that say what the
file is.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import replace

import pandas as pd
import pytest
from data_dirs import BUNDLED_DATA

from genai_impact.exports import chart_export, dataset, file_names, map_export, page_tables
from genai_impact.exports.table_csv import BOM, basis_text, defuse, to_csv_bytes
from genai_impact.report.load import load_dataset
from genai_impact.state import ViewState
from genai_impact.text.i18n import t
from genai_impact.text.readings import size_header
from genai_impact.views.map import chart as charts
from genai_impact.views.map import query as map_query
from genai_impact.views.map import text as map_text
from genai_impact.views.map.layout import map_size
from genai_impact.views.map.text import NOT_LEGIBLE

DS = load_dataset(BUNDLED_DATA)
LINK = "http://localhost:8501/map"
JAPANESE = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
# Latin words a Japanese header may carry: names and codes, not English words
PROPER = re.compile(r"^(?:[A-E][12]?|\d+|R&D|e-Stat|AI)$")
MAP_VIEWS = {
    "all": {},
    "phase (sizes shown)": {"phase": ("customer_touchpoint",)},
    "kind and archetypes": {"kind": "efficiency", "arch": ("B", "C")},
}


def read(data: bytes) -> tuple[list[str], list[dict[str, str]]]:
    assert data.startswith(BOM)
    text = data[len(BOM) :].decode("utf-8")
    header = next(csv.reader(io.StringIO(text, newline="")))
    return header, list(csv.DictReader(io.StringIO(text, newline="")))


def map_csv(lang: str, **params) -> tuple[map_query.MapView, list[str], list[dict[str, str]]]:
    view = ViewState(lang=lang, **params)
    mv = map_query.map_view(DS, None, view, map_size(False))
    item = map_export.map_export(DS, None, view, LINK, mv=mv)
    return mv, *read(chart_export.render(item, "csv"))


def page_csvs(lang: str) -> dict[str, bytes]:
    a, b = DS.industry("retail"), DS.industry("construction")
    tables = [
        page_tables.impacts_table(DS, lang, ("A", "C")),
        page_tables.use_cases_table(DS, lang, ("customer_touchpoint",), ("6",)),
        page_tables.comparison_table(DS, a, b, lang),
    ]
    return {table.stem: to_csv_bytes(table.frame, lang=lang) for table in tables}


def assert_in_language(header: list[str], lang: str) -> None:
    for name in header:
        if lang == "ja":  # every header says something in Japanese; Latin only for names
            assert JAPANESE.search(name), name
            latin = re.findall(r"[A-Za-z][A-Za-z&\-]*", name)
            assert all(PROPER.match(word) for word in latin), name
        else:
            assert not JAPANESE.search(name), name


# 1. Headers in the chosen language --------------------------------------------------------


@pytest.mark.parametrize("case", list(MAP_VIEWS))
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_map_csv_headers_are_all_in_the_chosen_language(lang, case):
    _, header, _ = map_csv(lang, **MAP_VIEWS[case])
    assert_in_language(header, lang)
    assert len(set(header)) == len(header)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_page_table_csv_headers_are_all_in_the_chosen_language(lang):
    for stem, data in page_csvs(lang).items():
        header, rows = read(data)
        assert_in_language(header, lang)
        assert rows, stem


# 2. One column per phase × kind, the size in its own column -------------------------------


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_map_csv_has_one_column_per_phase_and_kind_with_its_size_basis_and_lines(lang):
    mv, header, rows = map_csv(lang, phase=("customer_touchpoint",))
    assert [r[t("map.column.name", lang)] for r in rows] == list(mv.rows["name"])
    for row, industry_id in zip(rows, mv.ids, strict=True):
        industry = DS.industry(industry_id)
        for phase in DS.phases:
            for kind in DS.effect_kinds:
                words = {"phase": phase.name.in_lang(lang), "kind": kind.name.in_lang(lang)}
                cell = {
                    part: row[t(f"tables.map.{key}", lang, **words)]
                    for part, key in (("shown", "effect"), ("basis", "effect_basis"),
                                      ("lines", "effect_lines"))
                }  # fmt: skip
                # the sizes are our scale, and their header says so
                cell["size"] = row[size_header(t("tables.map.effect_size", lang, **words), lang)]
                effects = industry.phases[phase.id].effects
                effect = next((e for e in effects if e.kind == kind.id), None)
                # no cell joins several effects, and none is left blank
                assert not any(sep in cell["size"] for sep in (" / ", "／", ","))
                assert all(cell.values()), (industry_id, phase.id, kind.id, cell)
                if effect is None:
                    assert cell["shown"] == t("tables.map.not_expected", lang)
                    assert cell["size"] == t("tables.map.not_applicable", lang)
                    continue
                assert cell["shown"] == t("tables.map.expected", lang)
                if effect.size is None:  # the report does not state it: said, not blank
                    assert cell["size"] == t("tables.basis.not_stated", lang)
                else:
                    assert cell["size"] == DS.effect_size(effect.size).name.in_lang(lang)
                assert cell["basis"] == basis_text(effect.prov.basis, lang)
                assert cell["lines"] == effect.prov.lines_label()


# 3. The basis columns say what the chart draws ----------------------------------------------


@pytest.mark.parametrize("case", ["phase (sizes shown)", "kind and archetypes"])
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_map_csv_point_size_and_basis_are_the_charts(lang, case):
    mv, header, rows = map_csv(lang, **MAP_VIEWS[case])
    spec = charts.industry_map_spec(mv, map_text.chart_texts(DS, mv, lang))
    drawn = {r["name"]: r for r in spec["datasets"][charts.ROWS]}
    size = size_header(t("tables.map.point_size", lang), lang)
    size_basis = t("tables.map.point_size_basis", lang)
    not_stated = t("tables.basis.not_stated", lang)
    assert len(rows) == len(drawn)
    for row in rows:
        point = drawn[row[t("map.column.name", lang)]]
        expected = not_stated if point["effect_size"] == NOT_LEGIBLE else point["effect_size_label"]
        assert row[size] == expected
        # a size the chart draws from layout readings says so; never blank
        assert row[size_basis] == point["effect_basis"] != ""
        giving = {
            e.prov.basis
            for phase in mv.filters.phases or [p.id for p in DS.phases]
            for e in DS.industry(point["id"]).phases[phase].effects
            if mv.filters.kind in (None, e.kind)
        }
        assert {w for w in re.split("[、,] ?", row[size_basis])} <= {
            basis_text(b, lang) for b in giving
        }
    # the row's own basis is that of the industry and its archetype, which place the point
    basis_header = t("tables.provenance.basis", lang)
    for row in rows:
        industry = next(i for i in DS.industries if i.name.in_lang(lang) == row[header[0]])
        assert row[basis_header] == basis_text(industry.prov.basis, lang)
        assert row[t("tables.map.archetype_basis", lang)] == row[basis_header]


def test_without_sizes_shown_the_map_csv_has_no_point_size_columns():
    _, header, _ = map_csv("en")
    assert size_header(t("tables.map.point_size", "en"), "en") not in header
    assert not any("point size" in h.lower() for h in header)


def test_statistics_map_csv_says_statistic_in_the_files_language(stats_dir):
    from genai_impact.official.stats import load_official_stats

    stats = load_official_stats(stats_dir)
    for lang in ("ja", "en"):
        view = ViewState(lang=lang, phase=("rd_planning",))
        item = map_export.map_export(DS, stats, view, LINK)
        header, rows = read(chart_export.render(item, "csv"))
        assert_in_language(header, lang)
        basis = t("tables.provenance.basis", lang)
        assert {r[basis] for r in rows} == {basis_text("statistic", lang)}
        assert all(r[size_header(t("tables.map.point_size", lang), lang)] for r in rows)


# 4. Never a formula ---------------------------------------------------------------------------

FORMULA_CASES = [
    # (cell as written by someone, as the CSV holds it)
    ("=1+1", "'=1+1"),
    ("+81 3 1234", "'+81 3 1234"),
    ("-2", "'-2"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\tcmd", "'\tcmd"),
    ("\rcmd", "'\rcmd"),
    ("\ncmd", "'\ncmd"),
    ('  =HYPERLINK("http://x")', '\'  =HYPERLINK("http://x")'),  # spaces first
    # harmless text stays as typed
    ("a=b", "a=b"),
    ("－", "－"),  # the report's full-width "no effect"
    ("小売", "小売"),
    ("", ""),
]


@pytest.mark.parametrize(("typed", "written"), FORMULA_CASES)
def test_a_cell_a_spreadsheet_would_run_is_written_as_text(typed, written):
    assert defuse(typed) == written
    frame = pd.DataFrame({"name": [typed], "source": ["x"], "basis": ["stated"]})
    _, rows = read(to_csv_bytes(frame, lang="en"))
    assert rows[0]["name"] == written


def test_numbers_stay_numbers_and_headers_are_escaped_too():
    frame = pd.DataFrame({"=cmd": [-1.5], "source": ["x"], "basis": ["stated"]})
    header, rows = read(to_csv_bytes(frame))
    assert header[0] == "'=cmd" and rows[0]["'=cmd"] == "-1.5"


def test_the_data_set_csv_escapes_formulas_too(monkeypatch):
    fact = next(iter(dataset.facts(DS)))
    hostile = fact._replace(value=replace(fact.value, ja="=1+2", en="@x"))
    monkeypatch.setattr(dataset, "facts", lambda _ds: [hostile])
    [_, row] = list(csv.reader(io.StringIO(dataset.to_csv(DS))))
    assert "'=1+2" in row and "'@x" in row


# 5. File names say what they are --------------------------------------------------------------

DAY = dt.date(2026, 12, 3)
NAME_CASES = [
    # (page, view, format, size, name)
    ("map", ViewState(lang="ja", phase=("customer_touchpoint",)), "png", "slide_16_9",
     "genai-impact_産業マップ-段階-顧客接点-16x9_2026-12-03.png"),
    ("map", ViewState(lang="en", arch=("A", "C"), q="小売"), "svg", "slide_4_3",
     "genai-impact_Industry-map-Archetype-A-C-Search-小売-4x3_2026-12-03.svg"),
    ("map", ViewState(lang="en"), "csv", "screen", "genai-impact_Industry-map_2026-12-03.csv"),
    ("impacts", ViewState(lang="ja", arch=("B",), impact=("3",)), "csv", None,
     "genai-impact_構造的影響-類型-B_2026-12-03.csv"),
    ("use_cases", ViewState(lang="en", phase=("rd_planning",), direction=("6",)), "csv", None,
     "genai-impact_Use-cases-Phase-R-D-and-planning-Direction-6_2026-12-03.csv"),
    ("industries", ViewState(lang="ja", industry="retail", compare="steel"), "csv", None,
     "genai-impact_産業-小売-鉄鋼と比較_2026-12-03.csv"),
]  # fmt: skip


@pytest.mark.parametrize(("page", "view", "fmt", "size", "name"), NAME_CASES)
def test_a_download_is_named_after_its_view_in_words_and_the_date(page, view, fmt, size, name):
    words = file_names.view_words(DS, view, page)
    item = chart_export.ChartExport("x", "", (), "", LINK, view.lang, pd.DataFrame(), words=words)
    assert chart_export.download_name(item, fmt, size or "slide_16_9", DAY) == name


@pytest.mark.parametrize(
    "typed", ['=cmd|" /C calc"!A0', "../../etc/passwd", 'a<b>:"c"\\|?*', "x" * 300, "   "]
)
def test_a_typed_search_never_makes_an_unsafe_or_endless_name(typed):
    words = file_names.view_words(DS, ViewState(lang="en", q=typed), "map")
    name = file_names.download_name(words, "png", "16x9", DAY)
    view = name.split("_")[1]
    assert re.fullmatch(r"[\w-]+", view) and "_" not in view, name
    assert len(view) <= file_names.VIEW_MAX + len("-16x9")
    assert name.startswith("genai-impact_Industry-map") and name.endswith("_2026-12-03.png")


def test_the_map_download_names_its_filters():
    view = ViewState(lang="ja", kind="value_creation")
    item = map_export.map_export(DS, None, view, LINK)
    assert chart_export.download_name(item, "csv", today=DAY) == (
        "genai-impact_産業マップ-効果-価値創出効果_2026-12-03.csv"
    )
