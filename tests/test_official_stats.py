"""`load_official_stats` and `figures_for_year`: the round trip, nothing imported, bad files."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from estat_fixtures import FIXTURES, synthetic_values
from stats_helpers import bundled_copy, run

from genai_impact.official.stats import OfficialStatsError, figures_for_year, load_official_stats
from genai_impact.report.load import DataError


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return bundled_copy(tmp_path)


@pytest.fixture
def imported(capsys, data_dir: Path) -> Path:
    """The small synthetic corporate file and the R&D file, imported through the CLI."""
    assert run(capsys, "stats", "import", FIXTURES / "small.json", "--data-dir", data_dir)[0] == 0
    rd = FIXTURES / "rd_small.csv"
    assert run(capsys, "stats", "import-rd", rd, "--data-dir", data_dir)[0] == 0
    return data_dir


def test_nothing_imported_gives_none(data_dir, tmp_path):
    assert load_official_stats(data_dir) is None  # data/official/ has only its README
    assert load_official_stats(tmp_path / "no-such-dir") is None


def test_round_trip_gives_the_figures_in_sector_order(imported):
    stats = load_official_stats(imported)
    assert stats is not None and stats.has_corporate_figures
    assert stats.years == (2021, 2022)
    rows = figures_for_year(stats, 2022)
    assert len(rows) == 37 and [r.fiscal_year for r in rows] == [2022] * 37
    assert [r.estat_code for r in rows[:3]] == ["104", "108", "109"]  # data/sectors.yaml order
    assert [r.on_map for r in rows] == [True] * 25 + [False] * 12
    chem = next(r for r in rows if r.estat_code == "115")
    raw = synthetic_values("115", 2022)
    assert (chem.sector_id, chem.tangible_fixed_assets, chem.employees) == (
        "chemical_industry",
        raw["148"],
        raw["072"],
    )
    assert chem.capital_equipment_ratio == pytest.approx((raw["148"] - raw["012"]) / raw["072"])
    assert chem.placed and chem.rd_ratio_percent == 5.2 and chem.rd_at_or_above_average is True
    food = next(r for r in rows if r.estat_code == "109")
    assert not food.placed and food.employees is None and food.rd_at_or_above_average is None
    assert next(r for r in rows if r.estat_code == "107").rd_at_or_above_average is False


def test_missing_warnings_and_imports_are_carried(imported):
    stats = load_official_stats(imported)
    assert stats is not None
    food = [m for m in stats.missing if m.estat_code == "109"]
    assert food[0].reason == "industry not in the file" and food[0].fiscal_year is None
    assert {m.file for m in stats.missing} == {"corporate_statistics.json", "rd_intensity.json"}
    corporate, rd = stats.imports
    assert (corporate.kind, corporate.source_id, corporate.method) == (
        "corporate_statistics",
        "mof_corporate_statistics",
        "import",
    )
    assert corporate.table_id == "0003060791" and corporate.input_file == "small.json"
    assert [c.name for c in corporate.checks][:2] == ["table_id", "size_class"]
    assert (rd.kind, rd.source_id, rd.input_file) == (
        "rd_intensity",
        "mic_rd_survey",
        "rd_small.csv",
    )
    assert stats.rd_averages == ((2021, 2.5), (2022, 3.06))


def test_unknown_year_is_an_error(imported):
    stats = load_official_stats(imported)
    assert stats is not None
    with pytest.raises(
        ValueError, match="no figures for FY2019; fiscal years imported: 2021, 2022"
    ):
        figures_for_year(stats, 2019)


def test_rd_alone_loads_without_corporate_figures(capsys, data_dir):
    assert (
        run(capsys, "stats", "import-rd", FIXTURES / "rd_small.csv", "--data-dir", data_dir)[0] == 0
    )
    stats = load_official_stats(data_dir)
    assert stats is not None and not stats.has_corporate_figures and stats.years == ()
    assert len(stats.rd_figures) == 6


def _edit(name: str, change: Callable[[dict[str, Any]], Any]) -> Callable[[Path], None]:
    def apply(folder: Path) -> None:
        path = folder / name
        doc = json.loads(path.read_text(encoding="utf-8"))
        change(doc)
        path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")

    return apply


def _replace_text(name: str, text: str) -> Callable[[Path], None]:
    return lambda folder: (folder / name).write_text(text, encoding="utf-8")


CORP, RDF = "corporate_statistics.json", "rd_intensity.json"
BROKEN = [
    # not a file we can read
    ("not-json", _replace_text(CORP, '{"format_version": 1,'), [f"{CORP}: not valid JSON"]),
    ("top-level-list", _replace_text(CORP, "[]"), [f"{CORP}: expected a JSON object"]),
    ("newer-format", _edit(CORP, lambda d: d.update(format_version=2)),
     [f"{CORP}: format_version: expected 1, got 2"]),
    ("wrong-kind", _edit(RDF, lambda d: d.update(kind="corporate_statistics")),
     [f"{RDF}: kind: expected 'rd_intensity'"]),
    # fields of the wrong type or missing
    ("employees-text", _edit(CORP, lambda d: d["figures"][0].update(employees="many")),
     [f"{CORP}: figures[0].employees: expected a number or null, got 'many'"]),
    ("years-missing", _edit(CORP, lambda d: d.pop("years")), [f"{CORP}: years: missing"]),
    ("provenance-missing", _edit(CORP, lambda d: d.pop("provenance")),
     [f"{CORP}: provenance: missing"]),
    # inconsistent with itself
    ("ratio-edited", _edit(CORP, lambda d: d["figures"][0].update(capital_equipment_ratio=9.9)),
     [f"{CORP}: figures[0].capital_equipment_ratio: inconsistent with the stored components"]),
    ("component-edited", _edit(CORP, lambda d: d["figures"][0].update(software=1)),
     [f"{CORP}: figures[0].software_equipment_ratio: inconsistent"]),
    ("employees-zero", _edit(CORP, lambda d: d["figures"][0].update(employees=0)),
     [f"{CORP}: figures[0].employees: must be > 0"]),
    ("figure-removed", _edit(CORP, lambda d: d["figures"].pop(0)),
     [f"{CORP}: figures: no entry for 104 FY2021"]),
    ("unknown-sector", _edit(CORP, lambda d: d["figures"][0].update(estat_code="999")),
     [f"{CORP}: figures[0].estat_code: '999' is not in `sectors`"]),
    # regression: a non-text input file name or hash crashed the Sources page (AttributeError)
    ("input-name-number", _edit(CORP, lambda d: d["provenance"]["input_file"].update(name=1)),
     [f"{CORP}: provenance.input_file.name: expected a string or null, got 1"]),
    ("input-sha-list", _edit(RDF, lambda d: d["provenance"]["input_file"].update(sha256=[])),
     [f"{RDF}: provenance.input_file.sha256: expected a string or null, got []"]),
    ("other-table", _edit(CORP, lambda d: d["provenance"].update(table_id="0003060191")),
     [f"{CORP}: provenance.table_id: expected 0003060791"]),
    ("rd-flag-edited", _edit(RDF, lambda d: d["figures"][2].update(at_or_above_average=True)),
     [f"{RDF}: figures[2].at_or_above_average: inconsistent"]),
]  # fmt: skip


@pytest.mark.parametrize("breaks, fragments", [c[1:] for c in BROKEN], ids=[c[0] for c in BROKEN])
def test_malformed_or_inconsistent_file_is_refused_naming_file_and_field(
    imported, breaks, fragments
):
    breaks(imported / "official")
    with pytest.raises(OfficialStatsError) as caught:
        load_official_stats(imported)
    message = str(caught.value)
    for fragment in fragments:
        assert fragment in message
    assert isinstance(caught.value, DataError)  # the app's data-error page catches it


DOCS = Path(__file__).resolve().parents[1] / "docs" / "official-statistics.md"


def test_every_key_and_check_written_is_documented(imported):
    """Docs as tests: a key or check name the import writes must appear in the docs."""
    docs = DOCS.read_text(encoding="utf-8")
    for name in ("corporate_statistics.json", "rd_intensity.json"):
        doc = json.loads((imported / "official" / name).read_text(encoding="utf-8"))
        keys = set(doc) | set(doc["provenance"]) | set(doc["figures"][0]) | set(doc["missing"][0])
        checks = {c["name"] for c in doc["provenance"]["checks"]}
        undocumented = sorted(k for k in keys | checks if f"`{k}`" not in docs)
        assert undocumented == [], f"{name}: document these in {DOCS.name}"
