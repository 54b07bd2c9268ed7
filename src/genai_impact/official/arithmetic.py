"""The arithmetic of one sector in one fiscal year, for the Sources page (pure: no streamlit).

The raw components as imported (`component_rows`), the check 148 = 012 + 013 +
014 (`identity_line`), the two ratios with their formulas and the numbers put
in (`ratio_lines`), and the R&D ratio against its average (`rd_line`). Every
number carries its provenance: statistic, table, item, fiscal year. Markdown
for lines and for the cells of `st.table` (see `official_view`).
"""

from __future__ import annotations

from collections.abc import Sequence

from genai_impact.official.catalogue import (
    IDENTITY_TOLERANCE,
    ITEMS,
    RD_SOURCE_ID,
    SOURCE_ID,
    TABLE_ID,
)
from genai_impact.official.model import ImportRecord, OfficialStats, SectorYearFigures, StatSector
from genai_impact.official.rd_import import AVERAGE_CODE
from genai_impact.official.summary import (
    CORPORATE_KIND,
    ITEM_UNIT,
    MISSING,
    RATIO_DECIMALS,
    fiscal_year,
    format_number,
    item_name,
    percent,
    statistic_title,
    unit_label,
    with_unit,
)
from genai_impact.report.model import Dataset
from genai_impact.text.display import md_literal
from genai_impact.text.i18n import t

_IDENTITY_PARTS = ("land", "construction_in_progress", "other_tangible_fixed_assets")
_ITEM_CODE = {item.key: item.code for item in ITEMS}


def sector_label(sector: StatSector, lang: str) -> str:
    """'化学工業（115）' for the sector selector (plain text)."""
    name = sector.name_ja if lang == "ja" else sector.name_en
    return t("sources.stats.sector_option", lang, name=name, code=sector.estat_code)


def default_sector(stats: OfficialStats, year: int) -> str:
    """The first map sector the map can place in `year`, else the first sector."""
    for fig in stats.figures:
        if fig.fiscal_year == year and fig.on_map and fig.placed:
            return fig.estat_code
    return stats.sectors[0].estat_code


def figure_of(stats: OfficialStats, estat_code: str, year: int) -> SectorYearFigures:
    return next(f for f in stats.figures if f.estat_code == estat_code and f.fiscal_year == year)


def corporate_record(stats: OfficialStats) -> ImportRecord | None:
    return next((r for r in stats.imports if r.kind == CORPORATE_KIND), None)


def item_provenance(
    stats: OfficialStats, ds: Dataset, codes: str, year: int, lang: str, key: str = "item"
) -> str:
    """'法人企業統計調査（年次別調査） · 表 0003060791 · 項目 148 · 2022年度' (plain text)."""
    record = corporate_record(stats)
    table = record.table_id if record and record.table_id else TABLE_ID
    return t(
        f"sources.stats.provenance.{key}",
        lang,
        statistic=statistic_title(ds, record.source_id if record else SOURCE_ID, lang),
        table=table,
        items=codes,
        year=fiscal_year(year, lang),
    )


def component_rows(
    stats: OfficialStats, ds: Dataset, fig: SectorYearFigures, lang: str
) -> list[dict[str, str]]:
    """The six raw components as st.table rows (Markdown cells): item, name, value, unit, source."""
    column = {
        c: t(f"sources.stats.arithmetic.column.{c}", lang)
        for c in ("item", "name", "value", "unit", "source")
    }
    rows = []
    for item in ITEMS:
        value = getattr(fig, item.key)
        provenance = item_provenance(stats, ds, item.code, fig.fiscal_year, lang)
        rows.append(
            {
                column["item"]: md_literal(item.code),
                column["name"]: md_literal(item_name(item.key, lang)),
                column["value"]: md_literal(format_number(value)),
                column["unit"]: md_literal(unit_label(ITEM_UNIT[item.key], lang)),
                column["source"]: md_literal(provenance),
            }
        )
    return rows


def ratios_provenance(stats: OfficialStats, ds: Dataset, year: int, lang: str) -> str:
    """Where the two ratios' inputs come from (Markdown), for the caption under them."""
    codes = ", ".join(
        _ITEM_CODE[k] for k in ("tangible_fixed_assets", "land", "software", "employees")
    )
    used = item_provenance(stats, ds, codes, year, lang, key="items")
    return t("sources.stats.arithmetic.ratio_source", lang, provenance=md_literal(used))


def _absent(fig: SectorYearFigures, keys: Sequence[str]) -> list[str]:
    return [_ITEM_CODE[k] for k in keys if getattr(fig, k) is None]


def ratio_lines(fig: SectorYearFigures, lang: str) -> list[str]:
    """Each derived ratio: its formula, then the stored components put in, then the result."""
    lines = []
    for ratio, keys in (
        ("capital_equipment_ratio", ("tangible_fixed_assets", "land", "employees")),
        ("software_equipment_ratio", ("software", "employees")),
    ):
        key = f"sources.stats.arithmetic.{ratio}"
        value = getattr(fig, ratio)
        formula = t(f"{key}.formula", lang)
        if value is None:
            absent = ", ".join(_absent(fig, keys)) or MISSING
            worked = t("sources.stats.arithmetic.cannot_compute", lang, items=absent)
        else:
            numbers = {k: with_unit(getattr(fig, k), ITEM_UNIT[k], lang) for k in keys}
            result = with_unit(value, "ratio", lang, RATIO_DECIMALS)
            worked = t(f"{key}.computed", lang, result=result, **numbers)
        lines.append(f"{formula}  \n{worked}")  # a hard line break between the two
    return lines


def identity_line(fig: SectorYearFigures, lang: str, tolerance: int = IDENTITY_TOLERANCE) -> str:
    """148 = 012 + 013 + 014 for this sector-year, with the difference and whether it is within."""
    total = fig.tangible_fixed_assets
    parts = [getattr(fig, k) for k in _IDENTITY_PARTS]
    key = "sources.stats.arithmetic.identity"
    if total is None or any(p is None for p in parts):
        absent = ", ".join(_absent(fig, ("tangible_fixed_assets", *_IDENTITY_PARTS)))
        return t(f"{key}.missing", lang, items=absent)
    summed = sum(p for p in parts if p is not None)
    difference = total - summed
    verdict = "within" if abs(difference) <= tolerance else "outside"
    return t(
        f"{key}.{verdict}",
        lang,
        total=format_number(total),
        land=format_number(parts[0]),
        in_progress=format_number(parts[1]),
        other=format_number(parts[2]),
        summed=format_number(summed),
        difference=("+" if difference >= 0 else "−") + format_number(abs(difference)),
        tolerance=tolerance,
        unit=unit_label("amount", lang),
    )


def rd_line(stats: OfficialStats, ds: Dataset, fig: SectorYearFigures, lang: str) -> str:
    """The sector's R&D ratio against that year's all-industry average, with its provenance."""
    key = "sources.stats.arithmetic.rd"
    average = dict(stats.rd_averages).get(fig.fiscal_year)
    statistic = md_literal(statistic_title(ds, RD_SOURCE_ID, lang))
    year = fiscal_year(fig.fiscal_year, lang)
    if fig.estat_code == AVERAGE_CODE and average is not None:  # the average row itself
        return t(
            f"{key}.average_row",
            lang,
            average=percent(average, lang),
            statistic=statistic,
            year=year,
        )
    if fig.rd_ratio_percent is None or average is None:
        return t(f"{key}.missing", lang, year=year)
    flag = "above" if fig.rd_at_or_above_average else "below"
    return t(
        f"{key}.{flag}",
        lang,
        ratio=percent(fig.rd_ratio_percent, lang),
        average=percent(average, lang),
        statistic=statistic,
        year=year,
    )
