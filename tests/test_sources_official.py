"""AppTest of the Sources page's official-statistics section, in both languages.

Three states of <data dir>/official/: nothing imported (the pointer to the commands),
SYNTHETIC figures imported through the CLI (the import list, years, gaps, warnings and
the arithmetic match the written files), and a corrupted file (an error box, no
exception, the rest of the page intact). Every number here is made up
(tests/estat_fixtures.py).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from apptest_helpers import open_page
from estat_fixtures import FIXTURES, mutated, stats_data, to_json_bytes, values_of
from stats_helpers import bundled_copy, figure, run, written
from test_pages import markdown_bodies, of_type

from genai_impact.official import arithmetic as official_arithmetic
from genai_impact.official import summary as official_view
from genai_impact.official.stats import OfficialStatsError, load_official_stats
from genai_impact.text import display
from genai_impact.text.i18n import t

SECTOR_KEY, YEAR_KEY = "sources_stats_sector", "sources_stats_year"
LANGS = ["ja", "en"]
IDENTITY_GAP = 50  # 百万円 added to 148 of 115 化学工業 in FY2022: an identity warning


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_cache) -> Path:
    """A copy of the bundled data the app reads (GENAI_IMPACT_DATA_DIR), nothing imported."""
    data = bundled_copy(tmp_path)
    monkeypatch.setenv("GENAI_IMPACT_DATA_DIR", str(data))
    return data


def break_identity(doc: dict[str, Any]) -> None:
    for value in values_of(doc):
        if (value["@cat01"], value["@cat02"], value["@time"]) == ("148", "115", "20220"):
            value["$"] = str(int(value["$"]) + IDENTITY_GAP)


@pytest.fixture
def imported(capsys, data_dir: Path, tmp_path: Path) -> Path:
    """SYNTHETIC corporate figures (4 industries × FY2021–2022, one identity warning) and
    R&D ratios, imported with the CLI as a user would."""
    source = tmp_path / "estat_answer.json"
    source.write_bytes(to_json_bytes(mutated(stats_data(), break_identity)))
    assert run(capsys, "stats", "import", source, "--data-dir", data_dir)[0] == 0
    rd = FIXTURES / "rd_small.csv"
    assert run(capsys, "stats", "import-rd", rd, "--data-dir", data_dir)[0] == 0
    return data_dir


def main_text(at) -> str:
    return "\n".join(markdown_bodies(at.main))


def tables(at) -> list:
    """The static tables (Markdown cells): the checks of each import, then the components."""
    return [table.value for table in at.table]


def page_code(at) -> list[str]:
    """The page's code blocks (the footer's link to this view is in a closed popover)."""
    blocks = [c.value for c in at.code]
    assert not any(b.startswith("http://") for b in blocks), blocks
    return blocks


def gaps_frame(at):
    """The interactive table of gaps (after the 25 sectors)."""
    return at.dataframe[1].value


# 1. Nothing imported: say so, and how to import ------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_nothing_imported_points_to_the_commands(data_dir, lang):
    at = open_page("sources", lang=lang)
    assert [i.value for i in at.info] == [t("sources.stats.none_imported", lang)]
    assert len(at.error) == 0 and len(at.dataframe) == 1 and not at.table  # only the sectors
    # the how-to in words, for administrators, at the end: no command, folder or variable
    assert page_code(at) == []
    assert t("sources.stats.howto.intro", lang) in markdown_bodies(at.main)
    assert str(data_dir) not in main_text(at) and "ESTAT_APP_ID" not in main_text(at)
    headings = [h.value for h in at.main.subheader]
    assert headings[-1] == t("sources.official.heading", lang)
    assert not at.selectbox  # no arithmetic without figures


# 2. Imported figures: the list, years, gaps, warnings and arithmetic match the files ------


@pytest.mark.parametrize("lang", LANGS)
def test_each_import_is_listed_with_its_provenance_and_checks(imported, lang):
    at = open_page("sources", lang=lang)
    assert not at.exception and len(at.error) == 0 and len(at.info) == 0
    text = main_text(at)
    files = [written(imported), written(imported, "rd_intensity.json")]
    checks_tables = tables(at)[:2]
    for doc, name, table in zip(files, ("corporate_statistics.json", "rd_intensity.json"),
                                checks_tables, strict=True):  # fmt: skip
        prov = doc["provenance"]
        assert f" — {display.md_literal(name)}" in text
        assert display.md_literal(prov["retrieved_at"]) in text
        assert display.md_literal(prov["input_file"]["name"]) in text
        assert prov["input_file"]["sha256"] in text
        assert display.md_literal(prov["tool"]["version"]) in text
        md = display.md_literal
        assert table.iloc[:, 0].tolist() == [md(c["name"]) for c in prov["checks"]]
        assert table.iloc[:, 2].tolist() == [md(c["detail"]) for c in prov["checks"]]
        statuses = [md(official_view.check_status(c["status"], lang)) for c in prov["checks"]]
        assert table.iloc[:, 1].tolist() == statuses
    corporate = files[0]["provenance"]
    assert display.md_literal(corporate["table_title"]) in text and "0003060791" in text
    # the fiscal years each file holds
    years = t("sources.stats.record.years", lang,
              years=official_view.years_label(files[0]["years"], lang))  # fmt: skip
    assert years in text
    assert years_of_rd(files[1]) == [2021, 2022]
    # a file import has no request; the app ID is nowhere
    assert "appId" not in text and page_code(at) == []  # no commands: the README has them


def years_of_rd(doc: dict[str, Any]) -> list[int]:
    return sorted(a["fiscal_year"] for a in doc["averages"])


@pytest.mark.parametrize("lang", LANGS)
def test_every_gap_and_warning_of_the_files_is_listed(imported, lang):
    at = open_page("sources", lang=lang)
    corporate, rd = written(imported), written(imported, "rd_intensity.json")
    gaps = gaps_frame(at)
    expected = corporate["missing"] + rd["missing"]
    assert len(gaps) == len(expected) > 0
    column = {c: t(f"sources.stats.missing.column.{c}", lang) for c in ("sector", "year", "items")}
    sectors = [row.split(" ")[0] for row in gaps[column["sector"]]]
    assert sectors == [m["estat_code"] for m in expected]
    items = [", ".join(official_view.missing_item(i, lang) for i in m["items"]) for m in expected]
    assert gaps[column["items"]].tolist() == items
    assert items[0] == "148, 012, 013, 014, 016, 072"
    assert items[-1] == t("sources.stats.missing.rd_item", lang)  # the R&D file's gaps come last
    years = [
        official_view.fiscal_year(m["fiscal_year"], lang)
        if m["fiscal_year"]
        else t("sources.stats.missing.every_year", lang)
        for m in expected
    ]
    assert gaps[column["year"]].tolist() == years
    labels = [e.proto.label for e in of_type(at.main, "expander")]
    assert t("sources.stats.missing.heading", lang, count=len(expected)) in labels
    # the identity warning, as written by the import
    warnings = corporate["warnings"] + rd["warnings"]
    assert any("115 化学工業 FY2022" in w and f"+{IDENTITY_GAP}" in w for w in warnings)
    assert t("sources.stats.warnings.heading", lang, count=len(warnings)) in labels
    listed = "\n".join(f"- {display.md_literal(w)}" for w in warnings)
    assert listed in markdown_bodies(at.main)


@pytest.mark.parametrize("lang", LANGS)
def test_arithmetic_of_a_chosen_sector_and_year_matches_the_file(imported, lang):
    at = open_page("sources", lang=lang)
    assert at.selectbox(key=YEAR_KEY).value == 2022  # the latest year first
    at.selectbox(key=SECTOR_KEY).set_value("115").run()
    assert not at.exception
    fig = figure(written(imported), "115", 2022)
    components = tables(at)[2]
    values = components[t("sources.stats.arithmetic.column.value", lang)].tolist()
    keys = ("tangible_fixed_assets", "land", "construction_in_progress",
            "other_tangible_fixed_assets", "software", "employees")  # fmt: skip
    assert values == [display.md_literal(official_view.format_number(fig[k])) for k in keys]
    units = components[t("sources.stats.arithmetic.column.unit", lang)].tolist()
    assert units == [t("sources.stats.unit.amount", lang)] * 5 + [
        t("sources.stats.unit.employees", lang)
    ]
    # every figure names its statistic, table, item and fiscal year
    sources = components[t("sources.stats.arithmetic.column.source", lang)].tolist()
    fy = official_view.fiscal_year(2022, lang)
    assert all("0003060791" in s and fy in s for s in sources)
    assert [s.split(" · ")[2].split(" ")[-1] for s in sources] == [
        "148", "012", "013", "014", "016", "072"
    ]  # fmt: skip
    text = main_text(at)
    for ratio in ("capital_equipment_ratio", "software_equipment_ratio"):
        shown = official_view.with_unit(fig[ratio], "ratio", lang, official_view.RATIO_DECIMALS)
        assert f"**{shown}**" in text
        assert t(f"sources.stats.arithmetic.{ratio}.formula", lang) in text
    tangible = official_view.with_unit(fig["tangible_fixed_assets"], "amount", lang)
    land = official_view.with_unit(fig["land"], "amount", lang)
    assert tangible in text and land in text
    # the identity: outside the tolerance by the gap we put in
    stats = load_official_stats(imported)
    assert stats is not None
    shown = official_arithmetic.figure_of(stats, "115", 2022)
    identity = official_arithmetic.identity_line(shown, lang)
    assert identity in markdown_bodies(at.main)
    assert f"+{IDENTITY_GAP} {t('sources.stats.unit.amount', lang)}" in identity
    assert identity.startswith(t("sources.stats.arithmetic.identity.outside", lang).split("148")[0])
    for line in official_arithmetic.ratio_lines(shown, lang):
        assert line in markdown_bodies(at.main)
    # R&D: 5.20 % against the FY2022 average 3.06 % (rd_small.csv)
    assert official_view.percent(5.2, lang) in text and official_view.percent(3.06, lang) in text
    # another year: the figures of that year
    at.selectbox(key=YEAR_KEY).set_value(2021).run()
    assert at.selectbox(key=SECTOR_KEY).value == "115"  # the sector stays chosen
    fig_2021 = figure(written(imported), "115", 2021)
    values = tables(at)[2][t("sources.stats.arithmetic.column.value", lang)].tolist()
    assert values[0] == display.md_literal(
        official_view.format_number(fig_2021["tangible_fixed_assets"])
    )
    assert official_view.fiscal_year(2021, lang) in tables(at)[2].iloc[0, 4]


# 3. A corrupted file: an error box with one line per problem, the page still works ------


def corrupt(data_dir: Path) -> None:
    """Two independent faults: an edited ratio, and another table's id."""
    path = data_dir / "official" / "corporate_statistics.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["figures"][1]["capital_equipment_ratio"] = 9.9
    doc["provenance"]["table_id"] = "0003060191"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")


@pytest.mark.parametrize("lang", LANGS)
def test_corrupted_file_shows_an_error_box_and_the_rest_of_the_page(imported, lang):
    corrupt(imported)
    with pytest.raises(OfficialStatsError) as caught:
        load_official_stats(imported)
    at = open_page("sources", lang=lang)  # asserts no exception
    [error] = at.error
    intro, blank, *problems = error.value.splitlines()
    assert (intro, blank) == (t("sources.stats.error.intro", lang, count=2), "")
    assert problems == [f"- {display.md_literal(str(p))}" for p in caught.value.problems]
    assert problems[0].startswith(
        "- corporate\\_statistics\\.json\\: figures\\[1\\]\\.capital\\_equipment\\_ratio\\: "
        "inconsistent with the stored components"
    )
    assert problems[1] == (
        "- corporate\\_statistics\\.json\\: provenance\\.table\\_id\\: expected 0003060791\\, "
        "got \\'0003060191\\'"
    )
    assert "Traceback" not in error.value
    assert not at.selectbox and not at.table and len(at.dataframe) == 1  # no figure shown
    # the rest of the page: the sector table, the how-to, the basis section, the footer
    assert len(at.dataframe[0].value) == 25
    assert page_code(at) == [] and str(imported) not in main_text(at)
    bodies = markdown_bodies(at.main)
    assert f"{display.basis_badge('stated', lang)} {t('sources.basis.stated', lang)}" in bodies
    assert any(c.value.startswith(t("common.footer.source", lang, citation="")) for c in at.caption)


@pytest.mark.parametrize("lang", LANGS)
def test_a_file_that_is_not_json_is_one_problem(data_dir, lang):
    (data_dir / "official" / "rd_intensity.json").write_text("{ truncated", encoding="utf-8")
    at = open_page("sources", lang=lang)
    [error] = at.error
    assert error.value.splitlines()[-1].startswith("- rd\\_intensity\\.json\\: not valid JSON")
    assert t("sources.stats.error.intro", lang, count=1) in error.value
