"""Imported official statistics for the app: `load_official_stats` and `figures_for_year` (pure).

The figures live in `<data dir>/official/` (written by `genai-impact stats ...`,
never committed): `corporate_statistics.json` (財務省「法人企業統計調査」) and
`rd_intensity.json` (総務省「科学技術研究調査」). Schema: docs/official-statistics.md.

API for the map and the Sources page:
- `load_official_stats(data_dir=None) -> OfficialStats | None`: None when nothing
  was imported; raises `OfficialStatsError` (a `DataError`; `.problems` name the
  file and field) when a file is malformed or inconsistent.
- `stats.years`: fiscal years with corporate figures, ascending (the year selector).
- `figures_for_year(stats, year)`: one `SectorYearFigures` per sector, in
  data/sectors.yaml order then the other manufacturing sub-industries (`on_map`
  False); ratios None where a figure is missing (the map marks those).
- `stats.missing`, `stats.warnings`, `stats.imports` (what was imported, from
  where, when, with which checks).
Units: amounts 百万円, employees 人, both ratios 百万円/人, R&D ratio %.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from genai_impact.official.model import (
    CORPORATE_FILE,
    OFFICIAL_DIR,
    RD_FILE,
    CheckResult,
    ImportRecord,
    MissingFigure,
    OfficialStats,
    OfficialStatsError,
    RdFigure,
    SectorYearFigures,
    StatSector,
    capital_equipment_ratio,
    software_equipment_ratio,
)
from genai_impact.official.read import ReadPart, read_corporate, read_rd
from genai_impact.report.load import DEFAULT_DATA_DIR
from genai_impact.report.validation import Problem

__all__ = [
    "CheckResult",
    "ImportRecord",
    "MissingFigure",
    "OfficialStats",
    "OfficialStatsError",
    "RdFigure",
    "SectorYearFigures",
    "StatSector",
    "capital_equipment_ratio",
    "figures_for_year",
    "load_official_stats",
    "official_dir",
    "software_equipment_ratio",
]


def figures_for_year(stats: OfficialStats, year: int) -> tuple[SectorYearFigures, ...]:
    """Every sector's figures for `year`, in sector order; raises ValueError for an unknown year."""
    if year not in stats.years:
        known = ", ".join(str(y) for y in stats.years) or "none"
        raise ValueError(f"no figures for FY{year}; fiscal years imported: {known}")
    return tuple(f for f in stats.figures if f.fiscal_year == year)


def official_dir(data_dir: Path | str | None = None) -> Path:
    return Path(data_dir if data_dir is not None else DEFAULT_DATA_DIR) / OFFICIAL_DIR


def load_official_stats(data_dir: Path | str | None = None) -> OfficialStats | None:
    """The imported figures, or None if nothing was imported (see the module docstring)."""
    root = official_dir(data_dir)
    corporate_path, rd_path = root / CORPORATE_FILE, root / RD_FILE
    if not corporate_path.exists() and not rd_path.exists():
        return None
    problems: list[Problem] = []
    corporate = (
        read_corporate(_read_json(corporate_path, problems)) if corporate_path.exists() else None
    )
    rd = read_rd(_read_json(rd_path, problems)) if rd_path.exists() else None
    for part in (corporate, rd):
        if part is not None:
            problems.extend(part.problems)
    if problems:
        raise OfficialStatsError(problems)
    return _combine(corporate, rd)


def _read_json(path: Path, problems: list[Problem]) -> tuple[str, Any]:
    try:
        return path.name, json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        problems.append(Problem(path.name, "", f"cannot read file: {error}"))
    except json.JSONDecodeError as error:
        problems.append(
            Problem(path.name, "", f"not valid JSON: {error.msg} at line {error.lineno}")
        )
    return path.name, None


def _combine(corporate: ReadPart | None, rd: ReadPart | None) -> OfficialStats:
    rd_by_key = {(f.estat_code, f.fiscal_year): f for f in rd.figures} if rd else {}
    figures = []
    for fig in corporate.figures if corporate else ():
        match = rd_by_key.get((fig.estat_code, fig.fiscal_year))
        if match is not None:
            fig = _with_rd(fig, match)
        figures.append(fig)
    imports = tuple(p.record for p in (corporate, rd) if p is not None and p.record is not None)
    return OfficialStats(
        years=corporate.years if corporate else (),
        sectors=corporate.sectors if corporate else (),
        figures=tuple(figures),
        missing=(corporate.missing if corporate else ()) + (rd.missing if rd else ()),
        warnings=(corporate.warnings if corporate else ()) + (rd.warnings if rd else ()),
        imports=imports,
        rd_figures=rd.figures if rd else (),
        rd_averages=rd.averages if rd else (),
    )


def _with_rd(fig: SectorYearFigures, rd: RdFigure) -> SectorYearFigures:
    return replace(
        fig, rd_ratio_percent=rd.rd_ratio_percent, rd_at_or_above_average=rd.at_or_above_average
    )
