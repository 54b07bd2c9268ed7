"""`genai-impact validate | export`: exit codes, messages, the JSON contract, CSV, --out."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from data_dirs import DATA_SETS, copy_data, data_set_dir

from genai_impact import __version__
from genai_impact.cli import main
from genai_impact.exports.dataset import CSV_COLUMNS

PHASES = ["rd_planning", "production_distribution", "customer_touchpoint"]
PROV_KEYS = {"source", "lines", "basis", "rule", "note"}
BOM = "\ufeff".encode()


@pytest.fixture(params=DATA_SETS)
def data_dir(request: pytest.FixtureRequest) -> Path:
    return data_set_dir(request.param)


@pytest.fixture
def broken_data(tmp_path: Path) -> Path:
    """A copy of the minimal data with an unknown archetype on the first industry."""
    root = copy_data(data_set_dir("minimal"), tmp_path)
    path = root / "industries.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("archetype: A", "archetype: Z"))
    return root


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def export_json(capsys: pytest.CaptureFixture[str], data_dir: Path) -> dict[str, Any]:
    code, out, _ = run(capsys, "export", "--format", "json", "--data-dir", str(data_dir))
    assert code == 0
    return json.loads(out)


# --- validate -------------------------------------------------------------------------


def test_validate_bundled_data_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    data_set_dir("bundled")  # every bundled file is there
    code, out, err = run(capsys, "validate")
    assert (code, err) == (0, "")
    assert out.startswith("ok: 19 industries, 25 sectors, ")


def test_validate_broken_data_exits_1_with_one_line_per_problem(
    capsys: pytest.CaptureFixture[str], broken_data: Path
) -> None:
    code, out, err = run(capsys, "validate", "--data-dir", str(broken_data))
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        "error: industries.yaml: industries[0].archetype: "
        "unknown archetype code 'Z' (expected one of: A, B)"
    ]


@pytest.mark.parametrize(
    "argv",
    [
        [],  # no command
        ["frobnicate"],  # unknown command
        ["export"],  # --format is required
        ["export", "--format", "xml"],  # unknown format
        ["validate", "--bogus"],  # unknown option
    ],
)
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert "usage: genai-impact" in err


def test_python_dash_m_runs_the_cli() -> None:
    minimal = data_set_dir("minimal")
    result = subprocess.run(
        [sys.executable, "-m", "genai_impact", "validate", "--data-dir", str(minimal)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith("ok: 2 industries, 2 sectors, 2 use cases")


def test_data_dir_defaults_to_the_environment_variable() -> None:
    env = {**os.environ, "GENAI_IMPACT_DATA_DIR": str(data_set_dir("minimal"))}
    result = subprocess.run(
        [sys.executable, "-m", "genai_impact", "validate"],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    assert result.stdout.startswith("ok: 2 industries"), result.stderr


# --- export json: the contract of docs/export-format.md --------------------------------


def assert_prov(prov: Any) -> None:
    assert set(prov) == PROV_KEYS
    assert prov["basis"] in ("stated", "layout")
    # a reading names its rule, a stated value none
    assert (prov["rule"] is not None) == (prov["basis"] == "layout")
    assert prov["lines"] is None or (
        len(prov["lines"]) == 2 and prov["lines"][0] <= prov["lines"][1]
    )


def assert_text(text: Any) -> None:
    assert isinstance(text["ja"], str) and isinstance(text["en"], str)


def test_export_json_top_level_and_framework(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    doc = export_json(capsys, data_dir)
    assert list(doc) == [
        "archetypes",
        "business_elements",
        "phases",
        "effect_kinds",
        "effect_sizes",
        "impact_levels",
        "impact_types",
        "timings",
        "directions",
        "map_axes",
        "map_markers",
        "industries",
        "sectors",
        "use_cases",
        "business_types",
        "reading_rules",
        "sources",
        "environment_changes",
        "strategies",
        "outlook",
        "meta",
        "impact_examples",
        "change_levels",
        "phase_flows",
    ]
    for archetype in doc["archetypes"]:
        assert {"code", "name", "description", "business_elements", "prov"} <= set(archetype)
        assert_text(archetype["name"])
        assert_prov(archetype["prov"])
    assert [p["id"] for p in doc["phases"]] == PHASES
    for phase in doc["phases"]:
        assert_text(phase["name"])
        assert isinstance(phase["stages"], list) and isinstance(phase["industry_tendencies"], list)
        assert_prov(phase["expected_effect"]["prov"])
    for impact_type in doc["impact_types"]:
        assert 1 <= impact_type["number"] <= 6 and isinstance(impact_type["level"], str)
        assert_text(impact_type["name"])
        assert_prov(impact_type["applies_to"]["prov"])
        assert_prov(impact_type["prov"])
    for sector in doc["sectors"]:
        assert isinstance(sector["estat_code"], str) and sector["kind"]
        assert_text(sector["name"])
        assert_prov(sector["prov"])
    assert doc["meta"] == {
        "tool": "genai-impact",
        "version": __version__,
        "format_version": 1,
        "generated_from": data_dir.name,
    }


def test_export_json_industries(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    doc = export_json(capsys, data_dir)
    archetypes = {a["code"]: a for a in doc["archetypes"]}
    sector_codes = {s["estat_code"] for s in doc["sectors"]}
    assert doc["industries"]
    for ind in doc["industries"]:
        assert isinstance(ind["id"], str)
        assert_text(ind["name"])
        assert set(ind["business_elements"]) == set(
            archetypes[ind["archetype"]]["business_elements"]
        )
        assert list(ind["phases"]) == PHASES and list(ind["phase_details"]) == PHASES
        for effects in ind["phases"].values():
            assert isinstance(effects, list)  # [] is the report's "－"
            for effect in effects:
                assert set(effect) == {"kind", "size", "basis", "source", "lines", "rule", "note"}
                assert effect["kind"] and effect["basis"] in ("stated", "layout")
        for details in ind["phase_details"].values():
            assert_prov(details["prov"])
            assert isinstance(details["wording"], list)
        for impact in ind["impact_types"]:
            assert set(impact) == {"number", "timing", "basis", "source", "lines", "rule", "note"}
        assert {"ja", "en", "basis", "source", "lines"} <= set(ind["impact_summary"])
        assert {link["estat_code"] for link in ind["sectors"]} <= sector_codes
        assert_prov(ind["prov"])


def test_export_json_is_deterministic(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Same data in two places -> identical bytes (no timestamps, no absolute paths)."""
    first = copy_data(data_set_dir("minimal"), tmp_path / "one")
    second = copy_data(data_set_dir("minimal"), tmp_path / "two")
    outputs = [
        run(capsys, "export", "--format", "json", "--data-dir", str(d))[1] for d in (first, second)
    ]
    assert outputs[0] == outputs[1]
    assert str(tmp_path) not in outputs[0]


def test_export_json_stdout_is_utf8_not_escaped(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(
        capsys, "export", "--format", "json", "--data-dir", str(data_set_dir("minimal"))
    )
    assert "産業α" in out and not out.startswith("\ufeff")


# --- export csv ------------------------------------------------------------------------


def test_export_csv_is_a_facts_table(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    code, out, _ = run(capsys, "export", "--format", "csv", "--data-dir", str(data_dir))
    assert code == 0 and not out.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert tuple(rows[0]) == CSV_COLUMNS
    industry_ids = [
        i["id"] for i in yaml.safe_load((data_dir / "industries.yaml").read_text())["industries"]
    ]
    by_table = {(r["table"], r["record_id"]) for r in rows}
    assert all(("industries", i) in by_table for i in industry_ids)
    effects = [r for r in rows if r["table"] == "industries" and ".effects" in r["field"]]
    for row in effects:
        assert row["value_ja"] == "－" or "/" in row["value_ja"]
        assert row["source"] and row["basis"] in ("stated", "layout")
        assert row["lines"] == "" or row["lines"].replace("-", "").isdigit()


def test_export_csv_minimal_rows(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "export", "--format", "csv", "--data-dir", str(data_set_dir("minimal")))
    rows = {(r["record_id"], r["field"]): r for r in csv.DictReader(io.StringIO(out))}
    effect = rows[("alpha", "phases.rd_planning.effects[0]")]
    assert (effect["value_ja"], effect["lines"], effect["basis"]) == (
        "value_creation/large",
        "102-102",
        "layout",
    )
    assert (
        rows[("alpha", "phases.production_distribution.effects[0]")]["value_en"]
        == "efficiency/null"
    )
    assert rows[("alpha", "phases.customer_touchpoint.effects")]["value_ja"] == "－"
    assert rows[("beta", "impact_types[0]")]["value_en"] == "2/medium_long_term"
    assert rows[("alpha", "impact_summary")]["value_en"] == "Summary alpha"


# --- export --out ----------------------------------------------------------------------


def test_out_csv_has_bom_and_no_temp_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "facts.csv"
    minimal = str(data_set_dir("minimal"))
    code, stdout, _ = run(
        capsys, "export", "--format", "csv", "--data-dir", minimal, "--out", str(out)
    )
    assert (code, stdout) == (0, "")
    data = out.read_bytes()
    assert data.startswith(BOM)
    assert data[len(BOM) :].decode("utf-8").startswith(",".join(CSV_COLUMNS))
    assert [p.name for p in tmp_path.iterdir()] == ["facts.csv"]


def test_out_json_has_no_bom(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "data.json"
    minimal = str(data_set_dir("minimal"))
    assert (
        run(capsys, "export", "--format", "json", "--data-dir", minimal, "--out", str(out))[0] == 0
    )
    assert json.loads(out.read_text(encoding="utf-8"))["meta"]["tool"] == "genai-impact"
    assert [p.name for p in tmp_path.iterdir()] == ["data.json"]


def test_out_with_broken_data_writes_nothing(
    capsys: pytest.CaptureFixture[str], broken_data: Path, tmp_path: Path
) -> None:
    fresh, existing = tmp_path / "fresh.json", tmp_path / "existing.csv"
    existing.write_text("old contents")
    for out in (fresh, existing):
        code, _, err = run(
            capsys, "export", "--format", "csv", "--data-dir", str(broken_data), "--out", str(out)
        )
        assert code == 1 and err.startswith("error: industries.yaml: industries[0].archetype: ")
    assert not fresh.exists()
    assert existing.read_text() == "old contents"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "existing.csv"]


def test_out_to_a_missing_directory_is_an_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "no" / "such" / "dir.json"
    code, _, err = run(
        capsys,
        "export",
        "--format",
        "json",
        "--data-dir",
        str(data_set_dir("minimal")),
        "--out",
        str(out),
    )
    assert code == 1 and err.startswith("error: cannot write ")


def test_export_format_doc_names_every_json_key(capsys: pytest.CaptureFixture[str]) -> None:
    """docs/export-format.md is the contract: a new key must be documented there."""
    doc_text = (Path(__file__).resolve().parents[1] / "docs" / "export-format.md").read_text()
    exported = export_json(capsys, data_set_dir("minimal"))
    keys = set(exported) | set(exported["industries"][0]) | set(exported["meta"])
    keys |= {k for record in exported.values() if isinstance(record, list) for k in record[0]}
    undocumented = sorted(k for k in keys if f"`{k}" not in doc_text and f"{k}:" not in doc_text)
    assert undocumented == []
