"""`genai-impact place`: the JSON a script reads, and the refusals that name the option.

Figures are placed against the SYNTHETIC statistics of `stats_dir` (tests/map_stats.py);
firms are made up.
"""

from __future__ import annotations

import json

import pytest

from genai_impact.cli.main import main
from genai_impact.report.load import load_dataset


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["place", *argv, "--format", "json"])
    out, err = capsys.readouterr()
    return code, out, err


def test_answers_print_the_archetype_reasons_and_expectations(capsys) -> None:
    code, out, err = run(capsys, "--elements", "labour=80,capital=10,knowledge=10")
    assert (code, err) == (0, "")
    doc = json.loads(out)
    assert doc["method"] == "answers" and doc["archetype"]["code"] == "C"
    assert doc["entered_by"] == {"ja": "利用者の入力", "en": "Entered by the user"}
    assert doc["input"]["elements"] == {"labour": 80, "capital": 10, "knowledge": 10}
    assert doc["point"] is None  # no measured position without figures
    assert doc["archetype"]["description"]["prov"]["basis"] == "stated"
    reasons = doc["reasons"]
    assert reasons[0]["ours"] is True and "30" in reasons[0]["text"]["en"]
    assert reasons[-1]["quote"]["ja"] == doc["archetype"]["description"]["ja"]
    expected = doc["expectations"]
    ds = load_dataset()
    members = sorted((i for i in ds.industries if i.archetype == "C"), key=lambda i: i.order)
    assert [i["id"] for i in expected["industries"]] == [i.id for i in members]
    assert [p["phase"] for p in expected["phases"]] == [
        "rd_planning",
        "production_distribution",
        "customer_touchpoint",
    ]
    for phase in expected["phases"]:
        assert phase["expected"]["prov"]["lines"]
        for effect in phase["effects"]:
            assert effect["basis"] in ("stated", "layout")
            assert effect["count"] == len(effect["industries"])
            assert (effect["basis"] == "layout") == bool(effect["rules"])
    assert {s["id"] for s in expected["strategies"]} == {"data", "people", "co_creation"}
    assert expected["impact_types"] and expected["use_cases"]


def test_figures_are_placed_among_the_imported_sectors(capsys, stats_dir, stats) -> None:
    year = max(stats.years)
    anchor = next(f for f in stats.figures if f.fiscal_year == year and f.estat_code == "104")
    k = anchor.capital_equipment_ratio * 0.5
    s = anchor.software_equipment_ratio * 3
    code, out, err = run(
        capsys,
        "--capital-per-employee",
        str(k * 1000),
        "--unit",
        "thousand_yen",
        "--software-per-employee",
        str(s * 1000),
        "--data-dir",
        str(stats_dir),
    )
    assert (code, err) == (0, "")
    doc = json.loads(out)
    assert doc["method"] == "figures" and doc["archetype"]["code"] == "A"
    assert doc["point"]["capital_per_employee"] == pytest.approx(k)
    assert doc["point"]["entered_by"] == "user"
    assert doc["reference"]["fiscal_year"] == year
    assert doc["reference"]["capital_per_employee"] == anchor.capital_equipment_ratio
    assert len(doc["nearest_sectors"]) == 3
    assert [r["key"] for r in doc["reasons"]][:4] == [
        "boundary",
        "capital_low",
        "software_high",
        "rd_unknown",
    ]


def test_rd_ratio_at_the_average_makes_a_capital_intensive_firm_b(capsys, stats_dir, stats) -> None:
    year = max(stats.years)
    anchor = next(f for f in stats.figures if f.fiscal_year == year and f.estat_code == "104")
    argv = (
        "--capital-per-employee",
        str(anchor.capital_equipment_ratio * 2),
        "--software-per-employee",
        str(anchor.software_equipment_ratio * 2),
        "--data-dir",
        str(stats_dir),
    )
    assert json.loads(run(capsys, *argv)[1])["archetype"]["code"] == "E1"
    assert json.loads(run(capsys, *argv, "--rd-ratio", "3.06")[1])["archetype"]["code"] == "B"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["--capital-per-employee", "-1", "--software-per-employee", "1"],
            "--capital-per-employee: ",
        ),
        (["--capital-per-employee", "abc", "--software-per-employee", "1"], "is not a number"),
        (["--capital-per-employee", "1", "--software-per-employee", "0"], "logarithmic"),
        (
            ["--capital-per-employee", "1", "--software-per-employee", "1", "--rd-ratio", "120"],
            "--rd-ratio: ",
        ),
        (["--elements", "labour=50,capital=30,knowledge=30"], "add up to 110"),
        (["--elements", "labour=50,capital=50"], "--elements: Value from knowledge work"),
        ([], "one of the two"),
        (
            ["--elements", "labour=100,capital=0,knowledge=0", "--capital-per-employee", "1"],
            "one of the two",
        ),
    ],
)
def test_bad_input_names_the_option_and_prints_nothing(capsys, stats_dir, argv, message) -> None:
    code, out, err = run(capsys, *argv, "--data-dir", str(stats_dir))
    assert code == 2 and out == ""
    assert message in err


def test_a_unit_that_makes_the_ratio_absurd_is_named(capsys, stats_dir) -> None:
    code, out, err = run(
        capsys,
        "--capital-per-employee",
        "5e9",
        "--unit",
        "hundred_million_yen",
        "--software-per-employee",
        "1",
        "--data-dir",
        str(stats_dir),
    )
    assert (code, out) == (2, "")
    assert "--unit: Unit: with this unit the capital equipment ratio" in err


def test_figures_without_statistics_say_what_would_fill_them(capsys) -> None:
    code, out, err = run(capsys, "--capital-per-employee", "3", "--software-per-employee", "1")
    assert (code, out) == (1, "")
    assert "no official statistics are imported" in err and "--elements" in err
