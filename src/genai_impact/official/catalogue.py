"""What the statistics import expects from e-Stat table 0003060791, and how names are compared.

Pure (no I/O): constants, the sectors expected, name comparison. The codes and
names were read from a copy of e-Stat's metadata for the table (getMetaInfo
exported to CSV in the public repository
Keisuke-MaedaSP/corporate-finance-data-platform,
`data/reference/metadata_codes_0003060791.csv`), not from e-Stat itself, so the
importer verifies every name against the file it reads and fails with both names
shown when they differ (`structure_checks`).

Name comparison (`normalise_name`) is documented in docs/official-statistics.md:
NFKC (full-width ↔ half-width: "（" = "(", "，" = ","), all white space removed,
the separators "、" "，" "," "・" treated as one, and a trailing "(集約)"
(e-Stat's mark for an aggregate of sub-classes) or "(全体)" (our mark for the
manufacturing total) ignored.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from genai_impact.report.model import Dataset

TABLE_ID = "0003060791"
TABLE_TITLE_HINT = "法人企業統計調査 時系列データ 金融業、保険業以外の業種（原数値）"
SOURCE_ID = "mof_corporate_statistics"  # in data/sources.yaml
RD_SOURCE_ID = "mic_rd_survey"

ALL_SIZES_CODE = "26"  # cat03
ALL_SIZES_NAME = "全規模"

AMOUNT_UNIT = "百万円"
EMPLOYEE_UNIT = "人"
RATIO_UNIT = "百万円/人"

# A rounded figure is off by at most 0.5 百万円; allowing 1 百万円 per component of
# 148 = 012 + 013 + 014 (3 in all) leaves room for rounding and nothing more.
IDENTITY_TOLERANCE_PER_COMPONENT = 1
IDENTITY_TOLERANCE = 3 * IDENTITY_TOLERANCE_PER_COMPONENT


@dataclass(frozen=True)
class SurveyItem:
    """An item (cat01) of the table: its code, our field name, and the names we expect."""

    code: str
    key: str  # the field name in data/official/corporate_statistics.json
    keyword: str  # the name before its qualifier, e.g. 有形固定資産
    name_in_metadata: str  # the full name in the metadata copy
    unit: str


ITEMS: tuple[SurveyItem, ...] = (
    SurveyItem("148", "tangible_fixed_assets", "有形固定資産", "有形固定資産(当期末)", AMOUNT_UNIT),
    SurveyItem("012", "land", "土地", "土地(当期末固定資産)", AMOUNT_UNIT),
    SurveyItem(
        "013", "construction_in_progress", "建設仮勘定", "建設仮勘定(当期末固定資産)", AMOUNT_UNIT
    ),
    SurveyItem(
        "014",
        "other_tangible_fixed_assets",
        "その他の有形固定資産",
        "その他の有形固定資産(当期末固定資産)",
        AMOUNT_UNIT,
    ),
    SurveyItem("016", "software", "ソフトウェア", "ソフトウェア(当期末固定資産)", AMOUNT_UNIT),
    SurveyItem("072", "employees", "期中平均従業員数", "期中平均従業員数(当期末)", EMPLOYEE_UNIT),
)
ITEM_BY_CODE = {item.code: item for item in ITEMS}
ITEM_KEYS: tuple[str, ...] = tuple(item.key for item in ITEMS)
# Every item we use is a stock at the end of the fiscal year or an average over it;
# the table also has 前期末 (previous year-end) versions of the asset items.
ITEM_QUALIFIER = "当期末"


@dataclass(frozen=True)
class ExtraSector:
    """A manufacturing sub-industry that is not one of the map's 25 points."""

    code: str
    name_ja: str  # as in the metadata copy
    name_en: str  # ours, after JSIC's English names


# The manufacturing sub-industries of the table besides the seven on the map,
# in the metadata's order. Left out on purpose: aggregates marked (集約) and the
# classes that ended in FY2008 (H20年度まで).
OTHER_MANUFACTURING: tuple[ExtraSector, ...] = (
    ExtraSector("110", "繊維工業", "Textile mill products"),
    ExtraSector("112", "木材・木製品製造業", "Lumber and wood products"),
    ExtraSector("113", "パルプ・紙・紙加工品製造業", "Pulp, paper and paper products"),
    ExtraSector("114", "印刷・同関連業", "Printing and allied industries"),
    ExtraSector("116", "石油製品・石炭製品製造業", "Petroleum and coal products"),
    ExtraSector("117", "窯業・土石製品製造業", "Ceramic, stone and clay products"),
    ExtraSector("119", "非鉄金属製造業", "Non-ferrous metals and products"),
    ExtraSector("120", "金属製品製造業", "Fabricated metal products"),
    ExtraSector("154", "はん用機械器具製造業", "General-purpose machinery"),
    ExtraSector("124", "業務用機械器具製造業", "Business oriented machinery"),
    ExtraSector("125", "その他の輸送用機械器具製造業", "Miscellaneous transportation equipment"),
    ExtraSector("126", "その他の製造業", "Miscellaneous manufacturing industries"),
)

# Values e-Stat publishes instead of a number. Taken as "missing", never as 0:
# "-" can mean nil or not applicable, and the table does not say which.
SPECIAL_MARKERS: dict[str, str] = {
    "": "blank",
    "-": "nil or not applicable",
    "－": "nil or not applicable",
    "―": "nil or not applicable",
    "…": "not available",
    "...": "not available",
    "x": "confidential",
    "X": "confidential",
    "ｘ": "confidential",
    "χ": "confidential",
    "*": "not shown",
    "***": "not shown",
}

_SEPARATORS = str.maketrans({"、": "・", ",": "・", "，": "・", "･": "・"})
_IGNORED_SUFFIXES = ("(集約)", "(全体)")
_YEAR = re.compile(r"^(\d{4})")


def normalise_name(name: str) -> str:
    """The form two names are compared in (see the module docstring)."""
    text = unicodedata.normalize("NFKC", name)
    text = "".join(text.split()).translate(_SEPARATORS)
    for suffix in _IGNORED_SUFFIXES:
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    return text


def item_name_matches(item: SurveyItem, name: str) -> bool:
    """True if `name` is the item: the full name, or its key word qualified by 当期末.

    The exact qualifier was read from a copy, so the key word before the first
    parenthesis decides, and the qualifier must say 当期末 (not 前期末).
    """
    got = normalise_name(name)
    if got == normalise_name(item.name_in_metadata):
        return True
    base, _, qualifier = got.partition("(")
    return base == normalise_name(item.keyword) and ITEM_QUALIFIER in qualifier


def fiscal_year_of(time_code: str) -> int | None:
    """The fiscal year of an e-Stat time code: "20220" (this table) or "2022100000"."""
    match = _YEAR.match(time_code.strip())
    return int(match.group(1)) if match and len(time_code.strip()) in (5, 10) else None


def time_code_for(year: int) -> str:
    """The time code this table uses for a fiscal year (e.g. 2022 -> "20220")."""
    return f"{year}0"


@dataclass(frozen=True)
class ExpectedSector:
    """An industry the import looks for: the map's 25 sectors, then other manufacturing."""

    code: str
    sector_id: str | None  # the id in data/sectors.yaml; None if not on the map
    name_ja: str
    name_en: str
    on_map: bool


def expected_sectors(ds: Dataset) -> tuple[ExpectedSector, ...]:
    """The map's sectors in data/sectors.yaml order, then the other manufacturing ones."""
    on_map = tuple(
        ExpectedSector(s.estat_code, s.id, s.name.ja, s.name.en, True) for s in ds.sectors
    )
    codes = {s.code for s in on_map}
    extra = tuple(
        ExpectedSector(e.code, None, e.name_ja, e.name_en, False)
        for e in OTHER_MANUFACTURING
        if e.code not in codes
    )
    return on_map + extra
