"""`genai-impact stats import FILE`: happy paths, every refusal, warnings, gaps, atomic write.

All numbers are SYNTHETIC (tests/fixtures/estat/README.md).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from estat_fixtures import (
    FIXTURES,
    SECTOR_NAMES,
    SMALL_SECTORS,
    generated_files,
    mutated,
    statistical_data,
    stats_data,
    synthetic_values,
    to_json_bytes,
    values_of,
)
from stats_helpers import bundled_copy, figure, official_files, run, written

from genai_impact.official.catalogue import OTHER_MANUFACTURING
from genai_impact.report.load import load_dataset

ALL_YEARS = tuple(range(2018, 2025))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return bundled_copy(tmp_path)


@pytest.fixture
def every_code(data_dir: Path) -> list[str]:
    """The map's 25 codes (data/sectors.yaml order), then the other manufacturing ones."""
    map_codes = [s.estat_code for s in load_dataset(data_dir).sectors]
    return map_codes + [e.code for e in OTHER_MANUFACTURING]


@pytest.fixture
def full_response(every_code: list[str]) -> dict[str, Any]:
    """Every expected industry × FY2018–2024, plus noise: 非製造業 (144) and a second size class."""
    return stats_data(sectors=[*every_code, "144"], years=ALL_YEARS, sizes=("26", "25"))


def save(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def import_file(capsys, data_dir: Path, path: Path, *extra: str) -> tuple[int, str, str]:
    return run(capsys, "stats", "import", path, "--data-dir", data_dir, *extra)


# --- happy paths ------------------------------------------------------------------------


def test_full_coverage_json_places_every_sector_every_year(
    capsys, tmp_path, data_dir, full_response, every_code
):
    path = save(tmp_path, "full.json", to_json_bytes(full_response))
    code, out, err = import_file(capsys, data_dir, path)
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"wrote {data_dir / 'official' / 'corporate_statistics.json'}: 25 of 25 map sectors "
        "(37 industries in all) for FY2018–2024; 0 missing, 0 warning(s)"
    ]
    doc = written(data_dir)
    assert doc["format_version"] == 1 and doc["years"] == list(ALL_YEARS)
    assert [s["estat_code"] for s in doc["sectors"]] == every_code  # 144 and size 25 ignored
    assert len(doc["figures"]) == 37 * 7 and doc["missing"] == [] and doc["warnings"] == []
    assert doc["units"]["capital_equipment_ratio"] == "百万円/人"
    got = figure(doc, "107", 2022)
    raw = synthetic_values("107", 2022)
    assert got["tangible_fixed_assets"] == raw["148"] and got["employees"] == raw["072"]
    assert got["capital_equipment_ratio"] == pytest.approx((raw["148"] - raw["012"]) / raw["072"])
    assert got["software_equipment_ratio"] == pytest.approx(raw["016"] / raw["072"])
    assert {c["status"] for c in doc["provenance"]["checks"]} == {"pass"}


def test_estat_names_with_aggregate_marks_match_sectors_yaml(data_dir, full_response):
    """e-Stat says 農林水産業(集約); data/sectors.yaml says 農林水産業: the same industry."""
    by_code = {s.estat_code: s.name.ja for s in load_dataset(data_dir).sectors}
    assert SECTOR_NAMES["105"] == "農林水産業(集約)" and by_code["105"] == "農林水産業"
    assert SECTOR_NAMES["108"] == "製造業" and by_code["108"] == "製造業（全体）"


@pytest.mark.parametrize(
    "name, data",
    [
        ("small.json", (FIXTURES / "small.json").read_bytes()),
        ("small_utf8.csv", (FIXTURES / "small_utf8.csv").read_bytes()),
        ("small_bom.csv", b"\xef\xbb\xbf" + (FIXTURES / "small_utf8.csv").read_bytes()),
        ("small_shift_jis.csv", (FIXTURES / "small_shift_jis.csv").read_bytes()),
    ],
    ids=["json", "csv-utf8", "csv-utf8-bom", "csv-shift-jis"],
)
def test_small_file_in_every_format_gives_the_same_figures(capsys, tmp_path, data_dir, name, data):
    code, out, err = import_file(capsys, data_dir, save(tmp_path, name, data))
    assert (code, err) == (0, "")
    assert "4 of 25 map sectors (4 industries in all) for FY2021–2022" in out
    doc = written(data_dir)
    for sector in SMALL_SECTORS:
        for year in (2021, 2022):
            assert figure(doc, sector, year)["land"] == synthetic_values(sector, year)["012"]
    source = doc["provenance"]["input_file"]
    assert source["name"] == name and len(source["sha256"]) == 64
    assert source["format"] == ("json" if name.endswith(".json") else "csv")
    expected_encoding = {
        "small_bom.csv": "utf-8 with BOM",
        "small_shift_jis.csv": "shift_jis (cp932)",
    }
    assert source["encoding"] == expected_encoding.get(name, "utf-8")
    assert doc["provenance"]["method"] == "import" and doc["provenance"]["request"] is None


def test_provenance_names_table_items_tool_and_checks(capsys, data_dir):
    assert import_file(capsys, data_dir, FIXTURES / "small.json")[0] == 0
    prov = written(data_dir)["provenance"]
    assert prov["source_id"] == "mof_corporate_statistics" and prov["table_id"] == "0003060791"
    assert prov["table_title"] == "金融業、保険業以外の業種（原数値）"
    assert [i["code"] for i in prov["items"]] == ["148", "012", "013", "014", "016", "072"]
    assert prov["items"][0]["name_estat"] == "有形固定資産(当期末)"
    assert prov["size_class"] == {"code": "26", "name": "全規模"}
    assert prov["tool"] == {"name": "genai-impact", "version": "0.1.0"}
    assert prov["retrieved_at"].endswith("Z")
    assert [c["name"] for c in prov["checks"]] == [
        "table_id", "size_class", "items", "item_names", "sector_names", "units",
        "values_numeric", "employees_positive", "no_duplicates", "coverage",
        "tangible_assets_identity",
    ]  # fmt: skip


def test_years_option_keeps_only_those_years(capsys, data_dir):
    code, out, _ = import_file(capsys, data_dir, FIXTURES / "small.json", "--years", "2022")
    assert code == 0 and "for FY2022;" in out
    assert written(data_dir)["years"] == [2022]


def test_generated_fixture_files_are_up_to_date():
    for name, data in generated_files().items():
        assert (FIXTURES / name).read_bytes() == data, (
            f"run: python tests/estat_fixtures.py ({name})"
        )


# --- refusals: nothing is written -------------------------------------------------------


def _json(change: Callable[[dict[str, Any]], Any]) -> tuple[str, bytes]:
    return "changed.json", to_json_bytes(mutated(stats_data(), change))


def _value(item: str, sector: str, year: int) -> Callable[[dict[str, Any]], dict[str, str]]:
    def find(doc: dict[str, Any]) -> dict[str, str]:
        return next(
            v
            for v in values_of(doc)
            if (v["@cat01"], v["@cat02"], v["@time"]) == (item, sector, f"{year}0")
        )

    return find


def _class(dim: str, code: str) -> Callable[[dict[str, Any]], dict[str, str]]:
    def find(doc: dict[str, Any]) -> dict[str, str]:
        objs = statistical_data(doc)["CLASS_INF"]["CLASS_OBJ"]
        return next(c for o in objs if o["@id"] == dim for c in o["CLASS"] if c["@code"] == code)

    return find


def _file(name: str) -> tuple[str, bytes]:
    return name, (FIXTURES / name).read_bytes()


SMALL_CSV = (FIXTURES / "small_utf8.csv").read_text(encoding="utf-8")

REFUSALS = [
    # whole-file problems: not e-Stat data, or not all of it
    ("html-page", _file("html_error_page.html"), ["HTML page", "e-Stat (synthetic)"]),
    ("truncated-json", _file("truncated.json"), ["not complete JSON", "truncated"]),
    ("truncated-csv", ("cut.csv", SMALL_CSV[: SMALL_CSV.rindex('"人"')].encode()), ["truncated"]),
    (
        "truncated-mid-character",
        (
            "cut.json",
            (FIXTURES / "small.json").read_bytes()[:-1].rstrip(b"}\n ") + "業".encode()[:2],
        ),
        ["middle of a character"],
    ),
    ("estat-error-status", _file("estat_error_status.json"), ["STATUS 100", "認証に失敗"]),
    (
        "estat-error-status-csv",
        ("error.csv", b'"RESULT"\n"STATUS","103"\n"ERROR_MSG","synthetic"\n'),
        ["STATUS 103", "synthetic"],
    ),
    ("xml", ("x.xml", b'<?xml version="1.0"?><GET_STATS_DATA/>'), ["XML"]),
    ("empty", ("empty.csv", b"  \n"), ["empty"]),
    ("not-text", ("blob.csv", bytes(range(128, 256))), ["neither UTF-8 nor Shift_JIS"]),
    ("other-api", ("meta.json", b'{"GET_META_INFO": {}}'), ["not an e-Stat getStatsData"]),
    (
        "only-first-page",
        _json(lambda d: statistical_data(d)["RESULT_INF"].update(NEXT_KEY=20, TO_NUMBER=19)),
        ["only part", "NEXT_KEY 20"],
    ),
    (
        "fewer-values-than-total",
        (
            "less.json",
            to_json_bytes(stats_data()).replace(b'"TOTAL_NUMBER": 48', b'"TOTAL_NUMBER": 50'),
        ),
        ["48 values", "TOTAL_NUMBER 50"],
    ),
    ("no-recognisable-layout", ("notes.csv", b"a,b\n1,2\n"), ["no CSV header row"]),
    # the table and its classes
    ("wrong-table", _file("wrong_table.json"), ["'0003060191'", "expected 0003060791"]),
    (
        "no-all-sizes-class",
        _json(lambda d: [v.update({"@cat03": "25"}) for v in values_of(d)]),
        ["all-sizes class", "found: 25"],
    ),
    (
        "size-class-renamed",
        _json(lambda d: _class("cat03", "26")(d).update({"@name": "10億円以上"})),
        ["size class name differs", "'10億円以上'", "'全規模'"],
    ),
    (
        "item-absent",
        _json(
            lambda d: values_of(d).__setitem__(
                slice(None), [v for v in values_of(d) if v["@cat01"] != "016"]
            )
        ),
        ["cat01 016", "ソフトウェア(当期末固定資産) is not in the file"],
    ),
    (
        "item-name-differs",
        _json(lambda d: _class("cat01", "148")(d).update({"@name": "有形固定資産(前期末)"})),
        ["cat01 148", "'有形固定資産(前期末)'", "'有形固定資産(当期末)'"],
    ),
    (
        "industry-name-differs",
        _json(lambda d: _class("cat02", "107")(d).update({"@name": "建築業"})),
        ["cat02 107", "'建築業'", "'建設業'", "data/sectors.yaml, construction"],
    ),
    (
        "none-of-the-map-sectors",
        ("other.json", to_json_bytes(stats_data(sectors=["144"]))),
        ["none of the map's 25 industries"],
    ),
    # values
    (
        "unit-wrong",
        _json(
            lambda d: [v.update({"@unit": "千人"}) for v in values_of(d) if v["@cat01"] == "072"]
        ),
        ["item 072 期中平均従業員数: unit '千人', expected '人'", "8 value(s)"],
    ),
    (
        "not-a-number",
        _json(lambda d: _value("148", "107", 2021)(d).update({"$": "12a"})),
        ["'12a' is not a number for 107 建設業, item 148 有形固定資産, FY2021"],
    ),
    (
        "employees-zero",
        _json(lambda d: _value("072", "115", 2022)(d).update({"$": "0"})),
        ["employees is 0 for 115 化学工業, item 072 期中平均従業員数, FY2022: must be > 0"],
    ),
    ("duplicate-rows", _file("duplicate_rows.csv"), ["duplicate row for 104", "FY2021", "row 20"]),
    (
        "time-not-fiscal-year",
        _json(lambda d: _value("148", "107", 2021)(d).update({"@time": "2021Q1"})),
        ["time code '2021Q1' is not a fiscal year"],
    ),
]


@pytest.mark.parametrize(
    "name_and_data, fragments", [c[1:] for c in REFUSALS], ids=[c[0] for c in REFUSALS]
)
def test_refused_input_names_the_problem_and_writes_nothing(
    capsys, tmp_path, data_dir, name_and_data, fragments
):
    name, data = name_and_data
    code, out, err = import_file(capsys, data_dir, save(tmp_path, name, data))
    assert (code, out) == (1, "")
    assert err.startswith(f"error: {name}"), err
    for fragment in fragments:
        assert fragment in err
    assert err.endswith("error: nothing was written\n")
    assert official_files(data_dir) == []


def test_missing_input_file(capsys, tmp_path, data_dir):
    code, _, err = import_file(capsys, data_dir, tmp_path / "nope.json")
    assert code == 1 and "error: nope.json: cannot read the file" in err


# --- accepted with warnings and gaps listed ---------------------------------------------


@pytest.mark.parametrize(
    "offset, warned",
    [(0, False), (3, False), (-3, False), (4, True), (-4, True), (1000, True)],
    ids=["exact", "tolerance+", "tolerance-", "beyond+", "beyond-", "far"],
)
def test_tangible_assets_identity_outside_rounding_is_a_warning(
    capsys, tmp_path, data_dir, offset, warned
):
    value = _value("148", "107", 2022)
    response = mutated(
        stats_data(), lambda d: value(d).update({"$": str(int(value(d)["$"]) + offset)})
    )
    code, out, err = import_file(
        capsys, data_dir, save(tmp_path, "id.json", to_json_bytes(response))
    )
    assert code == 0
    warnings = written(data_dir)["warnings"]
    check = next(
        c
        for c in written(data_dir)["provenance"]["checks"]
        if c["name"] == "tangible_assets_identity"
    )
    if warned:
        raw = synthetic_values("107", 2022)
        summed = raw["012"] + raw["013"] + raw["014"]
        assert warnings == [
            f"107 建設業 FY2022: 有形固定資産 148 = {raw['148'] + offset} but 012 + 013 + 014 = "
            f"{summed} (difference {offset:+d} 百万円, tolerance ±3)"
        ]
        assert f"warning: {warnings[0]}" in err and check["status"] == "warn"
        assert "7 of 8 sector-years agree, 1 differ" in check["detail"]
    else:
        assert warnings == [] and err == "" and check["status"] == "pass"


def test_estat_markers_are_missing_values_with_a_note(capsys, tmp_path, data_dir):
    response = mutated(stats_data(), lambda d: _value("016", "115", 2021)(d).update({"$": "…"}))
    code, out, _ = import_file(capsys, data_dir, save(tmp_path, "m.json", to_json_bytes(response)))
    assert code == 0
    doc = written(data_dir)
    got = figure(doc, "115", 2021)
    assert got["software"] is None and got["software_equipment_ratio"] is None
    assert got["capital_equipment_ratio"] is not None
    assert got["notes"] == ["016 ソフトウェア: '…' (数値が得られないもの)"]
    assert {
        "estat_code": "115",
        "sector_id": "chemical_industry",
        "fiscal_year": 2021,
        "items": ["016"],
        "reason": "marked by e-Stat",
    } in doc["missing"]
    assert "missing: 115 chemical_industry, FY2021: items 016 (marked by e-Stat)" in out


def test_sectors_not_in_the_file_are_listed_and_kept_as_empty_figures(capsys, data_dir):
    code, out, _ = import_file(capsys, data_dir, FIXTURES / "small.json")
    assert code == 0
    doc = written(data_dir)
    gap = next(m for m in doc["missing"] if m["estat_code"] == "160")
    assert gap == {
        "estat_code": "160",
        "sector_id": "employment_worker_dispatch",
        "fiscal_year": None,
        "items": ["148", "012", "013", "014", "016", "072"],
        "reason": "industry not in the file",
    }
    assert "missing: 160 employment_worker_dispatch, every year: items 148" in out
    empty = figure(doc, "160", 2022)
    assert empty["employees"] is None and empty["capital_equipment_ratio"] is None
    assert len([m for m in doc["missing"] if m["fiscal_year"] is None]) == 25 + 12 - 4


def test_a_year_without_data_is_listed(capsys, data_dir):
    code, out, err = import_file(capsys, data_dir, FIXTURES / "year_without_data.json")
    assert code == 0
    doc = written(data_dir)
    assert doc["years"] == [2021, 2022]
    assert {
        "estat_code": None,
        "sector_id": None,
        "fiscal_year": 2020,
        "items": [],
        "reason": "no data for this fiscal year",
    } in doc["missing"]
    assert "missing: all, FY2020: (no data for this fiscal year)" in out
    assert "warning: FY2020: no data in the file for this fiscal year" in err


def test_no_data_at_all_is_refused(capsys, tmp_path, data_dir):
    response = mutated(stats_data(), lambda d: [v.update({"$": "…"}) for v in values_of(d)])
    code, _, err = import_file(capsys, data_dir, save(tmp_path, "x.json", to_json_bytes(response)))
    assert code == 1 and "no figures for any of the expected industries" in err
    assert official_files(data_dir) == []


# --- atomic write -----------------------------------------------------------------------


def test_failing_import_leaves_the_good_file_untouched(capsys, data_dir):
    assert import_file(capsys, data_dir, FIXTURES / "small.json")[0] == 0
    target = data_dir / "official" / "corporate_statistics.json"
    before = target.read_bytes()
    for bad in ("wrong_table.json", "truncated.json", "duplicate_rows.csv"):
        assert import_file(capsys, data_dir, FIXTURES / bad)[0] == 1
    assert target.read_bytes() == before
    assert official_files(data_dir) == ["corporate_statistics.json"]  # no temporary files


def test_failure_during_the_write_leaves_no_temporary_file(capsys, data_dir, monkeypatch):
    assert import_file(capsys, data_dir, FIXTURES / "small.json")[0] == 0
    target = data_dir / "official" / "corporate_statistics.json"
    before = target.read_bytes()

    def refuse(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("genai_impact.atomic_write.os.replace", refuse)
    code, _, err = import_file(capsys, data_dir, FIXTURES / "small_utf8.csv")
    assert code == 1 and "cannot write: No space left on device" in err
    assert target.read_bytes() == before
    assert official_files(data_dir) == ["corporate_statistics.json"]


def test_written_file_is_valid_json_with_a_trailing_newline(capsys, data_dir):
    assert import_file(capsys, data_dir, FIXTURES / "small.json")[0] == 0
    text = (data_dir / "official" / "corporate_statistics.json").read_text(encoding="utf-8")
    assert text.endswith("}\n") and json.loads(text)["kind"] == "corporate_statistics"
    assert "\\u" not in text  # Japanese stays readable


def test_industry_only_in_other_years_is_listed_with_that_reason(capsys, tmp_path, data_dir):
    def drop_107_in_2022(doc: dict[str, Any]) -> None:
        values_of(doc)[:] = [
            v for v in values_of(doc) if not (v["@cat02"] == "107" and v["@time"] == "20220")
        ]

    path = save(tmp_path, "s.json", to_json_bytes(mutated(stats_data(), drop_107_in_2022)))
    code, out, _ = import_file(capsys, data_dir, path, "--years", "2022")
    assert code == 0
    gap = next(m for m in written(data_dir)["missing"] if m["estat_code"] == "107")
    assert gap["reason"] == "no values for the fiscal years imported" and gap["fiscal_year"] is None


def test_unwritable_target_is_refused(capsys, data_dir):
    (data_dir / "official").rename(data_dir / "official-readme")
    (data_dir / "official").write_text("a file where the folder should be", encoding="utf-8")
    code, _, err = import_file(capsys, data_dir, FIXTURES / "small.json")
    assert code == 1 and "cannot write" in err
