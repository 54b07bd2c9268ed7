"""A data directory with SYNTHETIC imported official figures, spread out for the map's tests.

`estat_fixtures.synthetic_values` gives every sector nearly the same two ratios
(fine for the importer, useless for a scatter), so this module rewrites the
values of a full getStatsData response: each sector gets made-up ratios spread
over two to three decades, different in each year, with 148 = 012 + 013 + 014
exact. The response then goes through the real `genai-impact stats import` and
`stats import-rd`, so the map reads exactly what an import writes. Nothing here
is a real figure.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from estat_fixtures import mutated, stats_data, to_json_bytes, values_of
from stats_helpers import bundled_copy, run

from genai_impact.report.load import load_dataset

YEARS = (2021, 2022)
# A sector left out of the corporate file: the map must list it as missing.
MISSING_CODE = "160"  # 職業紹介・労働者派遣業
# R&D rows (FY2022): at or above the 3.06 % average, below it, not available.
RD_ROWS = {"115": "5.20", "121": "4.00", "107": "0.40", "142": "3.06", "152": "…"}


def spread_ratios(index: int, year: int) -> tuple[float, float]:
    """Made-up (capital, software) ratios in 百万円/人 for the index-th sector and a year."""
    shift = (year - YEARS[-1]) * 0.15  # the earlier year sits a little lower and to the left
    capital = 10 ** (0.2 + ((index * 7) % 25) / 25 * 2.3 + shift)
    software = 10 ** (-1.6 + ((index * 11) % 25) / 25 * 2.0 + shift)
    return capital, software


def synthetic_items(index: int, year: int) -> dict[str, int]:
    """Whole-number items (百万円, 人) whose ratios are `spread_ratios`."""
    capital, software = spread_ratios(index, year)
    employees = 1000 * (index + 1)
    net = round(capital * employees)  # 148 − 012
    land = net // 4
    in_progress = net // 10
    return {
        "148": net + land,
        "012": land,
        "013": in_progress,
        "014": net + land - land - in_progress,
        "016": round(software * employees),
        "072": employees,
    }


def response(
    codes: list[str], years: tuple[int, ...] = YEARS, absent: tuple[tuple[str, int], ...] = ()
) -> dict[str, Any]:
    """The getStatsData response; `absent` (sector code, year) pairs are left out of it."""
    index = {code: n for n, code in enumerate(codes)}

    def respread(doc: dict[str, Any]) -> None:
        kept = []
        for value in values_of(doc):
            year = int(value["@time"][:4])
            if (value["@cat02"], year) in absent:
                continue
            value["$"] = str(synthetic_items(index[value["@cat02"]], year)[value["@cat01"]])
            kept.append(value)
        values_of(doc)[:] = kept

    return mutated(stats_data(sectors=codes, years=years), respread)


def rd_csv(names: dict[str, str]) -> str:
    lines = ["estat_code,sector_name,fiscal_year,rd_ratio_percent,rd_survey_industry,note"]
    lines.append(f"104,{names['104']},2022,3.06,全産業,the report's own average")
    for code, value in RD_ROWS.items():
        lines.append(f"{code},{names[code]},2022,{value},{names[code]},SYNTHETIC")
    return "\n".join(lines) + "\n"


def statistics_data_dir(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    years: tuple[int, ...] = YEARS,
    absent: tuple[tuple[str, int], ...] = (),
) -> Path:
    """A copy of the bundled data with the synthetic figures imported through the CLI:
    fiscal `years`, without MISSING_CODE, and without the (code, year) pairs in `absent`."""
    data_dir = bundled_copy(tmp_path)
    sectors = load_dataset(data_dir).sectors
    codes = [s.estat_code for s in sectors if s.estat_code != MISSING_CODE]
    corporate = tmp_path / "corporate.json"
    corporate.write_bytes(to_json_bytes(response(codes, years, absent)))
    code, _, err = run(capsys, "stats", "import", corporate, "--data-dir", data_dir)
    assert code == 0, err
    rd = tmp_path / "rd.csv"
    rd.write_text(rd_csv({s.estat_code: s.name.ja for s in sectors}), encoding="utf-8")
    code, _, err = run(capsys, "stats", "import-rd", rd, "--data-dir", data_dir)
    assert code == 0, err
    return data_dir
