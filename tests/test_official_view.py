"""What the Sources page shows of imported statistics: formatting, listings, the arithmetic.

Every figure here is SYNTHETIC (made up, built by hand or by tests/estat_fixtures.py).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from genai_impact.official import arithmetic as official_arithmetic
from genai_impact.official import summary as official_view
from genai_impact.official.catalogue import ITEMS
from genai_impact.official.model import (
    CheckResult,
    ImportRecord,
    MissingFigure,
    OfficialStats,
    SectorYearFigures,
    StatSector,
    capital_equipment_ratio,
    software_equipment_ratio,
)
from genai_impact.report.load import load_dataset
from genai_impact.report.validation import Problem
from genai_impact.text import i18n
from genai_impact.text.display import md_literal

DS = load_dataset()
LANGS = ("ja", "en")


def figure(code: str = "115", year: int = 2022, **changes: float | None) -> SectorYearFigures:
    """A SYNTHETIC sector-year whose ratios follow from its components."""
    parts = {
        "tangible_fixed_assets": 115_270.0,
        "land": 34_563.0,
        "construction_in_progress": 11_527.0,
        "other_tangible_fixed_assets": 69_180.0,
        "software": 5_763.0,
        "employees": 23_007.0,
        **changes,
    }
    return SectorYearFigures(
        estat_code=code,
        sector_id="chemical_industry",
        fiscal_year=year,
        on_map=True,
        capital_equipment_ratio=capital_equipment_ratio(
            parts["tangible_fixed_assets"], parts["land"], parts["employees"]
        ),
        software_equipment_ratio=software_equipment_ratio(parts["software"], parts["employees"]),
        **parts,
    )


def record(**changes: object) -> ImportRecord:
    base = ImportRecord(
        file="corporate_statistics.json",
        kind="corporate_statistics",
        source_id="mof_corporate_statistics",
        method="fetch",
        retrieved_at="2026-11-26T10:00:00Z",
        tool_version="0.1.0",
        table_id="0003060791",
        table_title="金融業、保険業以外の業種（原数値）",
        request=(("statsDataId", "0003060791"), ("cdCat03", "26")),
        input_file=None,
        input_sha256=None,
        checks=(CheckResult("table_id", "pass", "0003060791"), CheckResult("coverage", "warn", "")),
    )
    return replace(base, **changes)


def stats(*figures: SectorYearFigures, **changes: object) -> OfficialStats:
    figures = figures or (figure(),)
    base = OfficialStats(
        years=tuple(sorted({f.fiscal_year for f in figures})),
        sectors=(StatSector("115", "chemical_industry", "化学工業", "Chemicals", None, True),),
        figures=figures,
        missing=(),
        warnings=(),
        imports=(record(),),
        rd_averages=((2022, 3.06),),
    )
    return replace(base, **changes)


# 1. Numbers, units, years -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "decimals", "shown"),
    [
        # amounts and head counts as stored: thousands separators, no decimals when whole
        (115_270, None, "115,270"),
        (115_270.0, None, "115,270"),
        (0, None, "0"),
        (1_234.5, None, "1,234.5"),
        # ratios to a fixed number of decimals
        (3.498824883687467, 3, "3.499"),
        (0.05, 3, "0.050"),
        # a missing figure is a dash, never 0
        (None, None, "—"),
        (None, 3, "—"),
    ],
)
def test_format_number(value, decimals, shown):
    assert official_view.format_number(value, decimals) == shown


@pytest.mark.parametrize(
    ("lang", "amount", "ratio", "years"),
    [
        ("ja", "115,270 百万円", "3.508 百万円/人", "2021年度・2022年度"),
        ("en", "115,270 million yen", "3.508 million yen per person", "FY2021, FY2022"),
    ],
)
def test_units_and_years_in_each_language(lang, amount, ratio, years):
    assert official_view.with_unit(115_270, "amount", lang) == amount
    assert official_view.with_unit(3.50786, "ratio", lang, 3) == ratio
    assert official_view.with_unit(None, "amount", lang) == "—"
    assert official_view.years_label((2021, 2022), lang) == years
    assert official_view.years_label((), lang) == i18n.t("sources.stats.none_yet", lang)


@pytest.mark.parametrize("lang", LANGS)
def test_every_catalogue_key_built_from_data_exists(lang):
    """Keys the view builds from item keys, units, statuses and reasons are in the catalogue."""
    catalogue = i18n.catalogue(lang)
    needed = {f"sources.stats.item.{item.key}" for item in ITEMS}
    needed |= {f"sources.stats.unit.{u}" for u in ("amount", "employees", "ratio")}
    needed |= {f"sources.stats.record.status_{s}" for s in ("pass", "warn")}
    needed |= {f"sources.stats.record.method_{m}" for m in ("fetch", "import", "other")}
    needed |= {f"sources.stats.reason.{key}" for key in official_view._REASONS.values()}
    for ratio in ("capital_equipment_ratio", "software_equipment_ratio"):
        needed |= {f"sources.stats.arithmetic.{ratio}.{p}" for p in ("formula", "computed")}
    needed |= {f"sources.stats.arithmetic.identity.{v}" for v in ("within", "outside", "missing")}
    needed |= {
        f"sources.stats.arithmetic.rd.{v}" for v in ("above", "below", "missing", "average_row")
    }
    assert sorted(needed - catalogue.keys()) == []


# 2. The imports ---------------------------------------------------------------------------


def test_import_summary_names_method_time_table_tool_years_and_checks():
    summary = official_view.import_summary(record(), stats(), DS, "en")
    assert summary.heading == (
        "#### Financial Statements Statistics of Corporations by Industry \\(annual survey\\)"
        " — corporate\\_statistics\\.json"
    )
    assert summary.fields == (
        "**Method**: fetched from the e-Stat API (stats fetch)",
        "**Imported at** (UTC): 2026\\-11\\-26T10\\:00\\:00Z",
        "**Table**: 0003060791 (金融業、保険業以外の業種（原数値）)",
        "**Tool**: genai-impact 0\\.1\\.0",
        "**Fiscal years**: FY2022",
    )
    assert summary.request == "statsDataId=0003060791\ncdCat03=26"
    assert summary.checks == (  # st.table cells are Markdown: escaped
        {"Check": "table\\_id", "Result": "✓ pass", "Detail": "0003060791"},
        {"Check": "coverage", "Result": "⚠ warning", "Detail": ""},
    )


def test_file_import_shows_the_input_file_and_its_hash_and_no_request():
    rec = record(method="import", request=(), input_file="e*stat.csv", input_sha256="ab" * 32)
    summary = official_view.import_summary(rec, stats(), DS, "ja")
    assert "**入力ファイル**：e\\*stat\\.csv" in summary.fields
    assert f"**入力ファイルの SHA-256**：{'ab' * 32}" in summary.fields
    assert summary.fields[0] == "**方法**：ファイルから取り込み（stats import / import-rd）"
    assert summary.request is None


def test_rd_import_lists_the_years_of_its_averages():
    rec = record(kind="rd_intensity", source_id="mic_rd_survey", table_id=None)
    data = stats(rd_averages=((2021, 2.5), (2022, 3.06)))
    summary = official_view.import_summary(rec, data, DS, "ja")
    assert summary.heading.startswith("#### 科学技術研究調査 — ")
    assert summary.fields[-1] == "**年度**：2021年度・2022年度"
    assert not any(f.startswith("**統計表**") for f in summary.fields)


@pytest.mark.parametrize("name", ["appId", "APPID", "appid"])
def test_an_app_id_in_a_request_is_never_shown(name):
    rec = record(request=(("statsDataId", "0003060791"), (name, "SECRET-SENTINEL")))
    assert official_view.request_text(rec) == "statsDataId=0003060791"


@pytest.mark.parametrize(
    ("data_dir", "commands"),
    [
        # the repository's data/ needs no option (even when the app was pointed at it)
        (official_view.BUNDLED_DATA_DIR, "genai-impact stats import FILE"),
        # another one is passed on, quoted for the shell
        (Path("/tmp/my data"), "genai-impact stats import FILE --data-dir '/tmp/my data'"),
    ],
)
def test_import_commands(data_dir, commands):
    text = official_view.import_commands(data_dir)
    lines = text.splitlines()
    # a placeholder a shell accepts as is (no "<...>": a redirection, and a raw tag to the
    # hostile-URL test's eyes)
    assert lines[0] == "export ESTAT_APP_ID=YOUR_APP_ID  # your e-Stat application ID; never stored"
    assert commands in lines
    assert [line.split()[2] for line in lines[1:]] == ["fetch", "import", "import-rd"]


def test_problem_lines_are_one_escaped_bullet_each():
    problems = [
        Problem("corporate_statistics.json", "figures[0].employees", "must be > 0, got 0"),
        Problem("rd_intensity.json", "", "not valid JSON: <b>x</b>"),
    ]
    assert official_view.problem_lines(problems).splitlines() == [
        "- corporate\\_statistics\\.json\\: figures\\[0\\]\\.employees\\: must be \\> 0\\, got 0",
        "- rd\\_intensity\\.json\\: not valid JSON\\: \\<b\\>x\\<\\/b\\>",
    ]


# 3. Gaps ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("reason", "ja", "en"),
    [
        ("industry not in the file", "ファイルにこの業種がない", "industry not in the file"),
        ("marked by e-Stat", "e-Stat で数値なしの記号", "marked by e-Stat as not available"),
        (
            "not a number in the R&D file: SYNTHETIC",
            "研究開発費比率のファイルで数値でない：SYNTHETIC",
            "not a number in the R&D file: SYNTHETIC",
        ),
        # a reason we do not know is shown as written
        ("something new", "something new", "something new"),
    ],
)
def test_reason_label(reason, ja, en):
    assert official_view.reason_label(reason, "ja") == ja
    assert official_view.reason_label(reason, "en") == en


def test_missing_rows_name_file_sector_year_items_and_reason():
    corp, rd = "corporate_statistics.json", "rd_intensity.json"
    gaps = (
        MissingFigure(corp, "115", "chemical_industry", None, ("148",), "x"),
        MissingFigure(corp, None, None, 2020, (), "no data for this fiscal year"),
        MissingFigure(rd, "142", "information_communications", 2022, ("rd_ratio_percent",),
                      "not in the R&D file"),
    )  # fmt: skip
    rows = official_view.missing_rows(stats(missing=gaps), DS, "ja")
    assert [list(r.values()) for r in rows] == [
        ["115 化学工業", "全年度", "148", "x"],
        ["全業種", "2020年度", "", "この年度のデータがない"],
        ["142 情報通信業", "2022年度", "研究開発費比率", "研究開発費比率のファイルにない"],
    ]
    assert list(rows[0]) == ["業種", "年度", "項目", "理由"]


# 4. The arithmetic ------------------------------------------------------------------------


def test_component_rows_give_each_raw_figure_its_unit_and_provenance():
    rows = official_arithmetic.component_rows(stats(), DS, figure(), "ja")
    assert [r["項目"] for r in rows] == ["148", "012", "013", "014", "016", "072"]
    values = ["115,270", "34,563", "11,527", "69,180", "5,763", "23,007"]
    assert [r["値"] for r in rows] == [md_literal(v) for v in values]  # st.table: Markdown
    assert [r["単位"] for r in rows] == ["百万円"] * 5 + ["人"]
    assert rows[0]["出典（統計・表・項目・年度）"] == (
        "法人企業統計調査（年次別調査） · 表 0003060791 · 項目 148 · 2022年度"
    )
    assert rows[0]["名称"] == "有形固定資産（当期末）"


def test_ratio_lines_show_the_formula_the_numbers_and_the_result():
    capital, software = official_arithmetic.ratio_lines(figure(), "en")
    assert capital.startswith("**Capital equipment ratio** (million yen per person) = (148")
    assert capital.endswith(
        "  \n= (115,270 million yen − 34,563 million yen) ÷ 23,007 persons"
        " = **3.508 million yen per person**"
    )
    assert software.endswith(
        "  \n= 5,763 million yen ÷ 23,007 persons = **0.250 million yen per person**"
    )


def test_a_ratio_with_a_missing_component_names_the_items():
    capital, software = official_arithmetic.ratio_lines(figure(land=None), "ja")
    assert capital.endswith("  \n計算できません：項目 012 が欠測です。")
    assert software.endswith("＝ **0.250 百万円/人**")


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        # the identity holds exactly
        ({}, "difference +0 million yen, within ±3."),
        # within rounding (±3 百万円)
        ({"tangible_fixed_assets": 115_273.0}, "difference +3 million yen, within ±3."),
        # outside: shown with the sign and flagged
        ({"tangible_fixed_assets": 115_220.0}, "difference −50 million yen, **outside ±3**"),
        # a component missing: no check
        ({"construction_in_progress": None}, "not possible, item(s) 013 missing."),
    ],
)
def test_identity_line(changes, expected):
    assert expected in official_arithmetic.identity_line(figure(**changes), "en")


@pytest.mark.parametrize(
    ("fig", "start"),
    [
        (replace(figure(), rd_ratio_percent=5.2, rd_at_or_above_average=True),
         "**R&D intensity**: 5.20%, at or above the all-industry average of 3.06%"),
        (replace(figure(), rd_ratio_percent=0.4, rd_at_or_above_average=False),
         "**R&D intensity**: 0.40%, below the all-industry average of 3.06%"),
        (figure(), "**R&D intensity**: no ratio imported for this sector in FY2022."),
        (figure(code="104"), "**R&D intensity**: this is the all-industry average row, 3.06%"),
    ],
)  # fmt: skip
def test_rd_line(fig, start):
    assert official_arithmetic.rd_line(stats(fig), DS, fig, "en").startswith(start)


def test_default_sector_is_the_first_placed_map_sector():
    unplaced = figure(code="104", employees=None)
    data = stats(unplaced, figure(code="115"))
    assert official_arithmetic.default_sector(data, 2022) == "115"
