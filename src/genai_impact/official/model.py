"""The imported official statistics as frozen dataclasses, and the two ratios (pure, no I/O).

`read` builds these from data/official/*.json; `stats` is the
API the app uses. Units: amounts 百万円, employees 人, ratios 百万円/人, R&D %.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from genai_impact.report.validation import DataError

OFFICIAL_DIR = "official"
CORPORATE_FILE = "corporate_statistics.json"
RD_FILE = "rd_intensity.json"
FORMAT_VERSION = 1
COMPONENT_KEYS = (
    "tangible_fixed_assets",
    "land",
    "construction_in_progress",
    "other_tangible_fixed_assets",
    "software",
    "employees",
)


class OfficialStatsError(DataError):
    """An imported statistics file is malformed or inconsistent; `.problems` says where."""


def capital_equipment_ratio(tangible: float | None, land: float | None, employees: float | None):
    """(有形固定資産 148 − 土地 012) ÷ 期中平均従業員数 072 in 百万円/人; None if missing."""
    if tangible is None or land is None or not employees:
        return None
    return (tangible - land) / employees


def software_equipment_ratio(software: float | None, employees: float | None) -> float | None:
    """ソフトウェア 016 ÷ 期中平均従業員数 072, in 百万円/人; None if either is missing."""
    if software is None or not employees:
        return None
    return software / employees


@dataclass(frozen=True)
class CheckResult:
    name: str
    status: str  # "pass" | "warn"
    detail: str


@dataclass(frozen=True)
class ImportRecord:
    """What one import wrote: from where, when, how, with which checks."""

    file: str  # the file under data/official/
    kind: str  # "corporate_statistics" | "rd_intensity"
    source_id: str  # an id in data/sources.yaml
    method: str  # "fetch" | "import"
    retrieved_at: str  # UTC, ISO 8601
    tool_version: str
    table_id: str | None
    table_title: str | None
    request: tuple[tuple[str, str], ...]  # the API request, without the app ID
    input_file: str | None
    input_sha256: str | None
    checks: tuple[CheckResult, ...]


@dataclass(frozen=True)
class StatSector:
    estat_code: str
    sector_id: str | None  # the id in data/sectors.yaml; None for other manufacturing
    name_ja: str
    name_en: str
    name_estat: str | None  # as e-Stat names it; None if the industry was not in the input
    on_map: bool


@dataclass(frozen=True)
class SectorYearFigures:
    """One sector in one fiscal year: the raw components, the two ratios, the R&D flag."""

    estat_code: str
    sector_id: str | None
    fiscal_year: int
    on_map: bool
    tangible_fixed_assets: float | None  # 148, 百万円
    land: float | None  # 012, 百万円
    construction_in_progress: float | None  # 013, 百万円
    other_tangible_fixed_assets: float | None  # 014, 百万円
    software: float | None  # 016, 百万円
    employees: float | None  # 072, 人
    capital_equipment_ratio: float | None  # 百万円/人
    software_equipment_ratio: float | None  # 百万円/人
    rd_ratio_percent: float | None = None
    rd_at_or_above_average: bool | None = None  # None = unknown
    notes: tuple[str, ...] = ()

    @property
    def placed(self) -> bool:
        """True when both ratios are known, so the map can place the sector."""
        return (
            self.capital_equipment_ratio is not None and self.software_equipment_ratio is not None
        )


@dataclass(frozen=True)
class MissingFigure:
    file: str
    estat_code: str | None  # None = a whole fiscal year
    sector_id: str | None
    fiscal_year: int | None  # None = every year
    items: tuple[str, ...]
    reason: str


@dataclass(frozen=True)
class RdFigure:
    estat_code: str
    sector_id: str | None
    fiscal_year: int
    rd_ratio_percent: float | None
    at_or_above_average: bool | None
    rd_survey_industry: str | None
    note: str | None


@dataclass(frozen=True)
class OfficialStats:
    years: tuple[int, ...]
    sectors: tuple[StatSector, ...]
    figures: tuple[SectorYearFigures, ...]
    missing: tuple[MissingFigure, ...]
    warnings: tuple[str, ...]
    imports: tuple[ImportRecord, ...]
    rd_figures: tuple[RdFigure, ...] = ()
    rd_averages: tuple[tuple[int, float], ...] = ()  # (fiscal year, all-industry average %)

    @property
    def has_corporate_figures(self) -> bool:
        return bool(self.years)


def ratios_agree(stored: float | None, computed: float | None) -> bool:
    if stored is None or computed is None:
        return stored is None and computed is None
    return math.isclose(stored, computed, rel_tol=1e-9, abs_tol=1e-12)
