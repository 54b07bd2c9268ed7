"""The checks on an e-Stat table before its figures may be written (pure).

`check_corporate_table` either raises `StatsImportError` listing every
structural problem (wrong table, missing item or size class, a name that differs,
wrong unit, a value that is not a number, employees <= 0, duplicate rows), or
returns the figures with what is missing and the warnings (the identity
148 = 012 + 013 + 014 outside rounding, values e-Stat marks as not available).
What each check means is in docs/official-statistics.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from genai_impact.official.catalogue import (
    ALL_SIZES_CODE,
    IDENTITY_TOLERANCE,
    ITEM_BY_CODE,
    ITEMS,
    TABLE_ID,
    TABLE_TITLE_HINT,
    ExpectedSector,
    expected_sectors,
)
from genai_impact.official.estat_parse import EstatTable, Observation, StatsImportError, fail
from genai_impact.official.structure_checks import (
    Number,
    check_duplicates,
    check_items,
    check_sector_names,
    check_size_class,
    check_units,
    read_values,
    rows_by_year,
    years_named,
)
from genai_impact.report.validation import Problem

__all__ = ["CheckedFigures", "ExpectedSector", "check_corporate_table", "expected_sectors"]


@dataclass
class CheckedFigures:
    """Figures that passed every structural check, with what is missing and the warnings."""

    years: list[int]  # fiscal years with at least one figure, ascending
    sectors: list[ExpectedSector]
    estat_names: dict[str, str]  # sector code -> its name in the file
    item_names: dict[str, str]  # item code -> its name in the file
    size_class_name: str
    values: dict[tuple[str, int], dict[str, Number | None]]  # (code, year) -> item key -> value
    notes: dict[tuple[str, int], list[str]] = field(default_factory=dict)
    missing: list[dict[str, object]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    checks: list[dict[str, str]] = field(default_factory=list)


def check_corporate_table(
    table: EstatTable, sectors: tuple[ExpectedSector, ...], years: list[int] | None = None
) -> CheckedFigures:
    """Check `table` against what we expect; raise `StatsImportError` on any structural problem."""
    src = table.source
    if table.table_id != TABLE_ID:
        shown = f"{table.table_id!r} ({table.title or 'no title'})" if table.table_id else "absent"
        raise fail(src, f"table id is {shown}, expected {TABLE_ID} ({TABLE_TITLE_HINT})")
    problems: list[Problem] = []
    for obs in table.observations:
        lacking = [dim for dim in ("cat01", "cat02", "cat03", "time") if dim not in obs.codes]
        if lacking:
            raise fail(src, f"a value without a {', '.join(lacking)} code", obs.where)
    size_name = check_size_class(table, problems)
    item_names = check_items(table, problems)
    by_code = {s.code: s for s in sectors}
    estat_names = check_sector_names(table, sectors, problems)
    rows = [
        obs
        for obs in table.observations
        if obs.codes["cat03"] == ALL_SIZES_CODE
        and obs.codes["cat01"] in ITEM_BY_CODE
        and obs.codes["cat02"] in by_code
    ]
    by_year = rows_by_year(table, rows, problems)
    if years is not None:
        by_year = {y: r for y, r in by_year.items() if y in years}
    kept = [(year, obs) for year, group in by_year.items() for obs in group]
    check_duplicates(src, kept, by_code, problems)
    check_units(table, kept, by_code, problems)
    values, notes = read_values(table, kept, by_code, problems)
    if problems:
        raise StatsImportError(problems)
    candidate_years = sorted(set(years) if years is not None else years_named(table, by_year))
    checked = CheckedFigures(
        years=[],
        sectors=list(sectors),
        estat_names=estat_names,
        item_names=item_names,
        size_class_name=size_name,
        values=values,
        notes=notes,
    )
    _coverage(checked, candidate_years, kept, rows, src)
    _check_identity(checked)
    checked.checks[:0] = [
        _passed("table_id", TABLE_ID),
        _passed("size_class", f"cat03 {ALL_SIZES_CODE} {size_name}"),
        _passed("items", ", ".join(f"{c} {n}" for c, n in item_names.items())),
        _passed("item_names", "every item name matches (normalised; see docs)"),
        _passed("sector_names", f"{len(estat_names)} industries found, every name matches"),
        _passed("units", "百万円 for amounts, 人 for employees"),
        _passed("values_numeric", "every value is a number or an e-Stat marker"),
        _passed("employees_positive", "every employee count is > 0"),
        _passed("no_duplicates", "one value per item, industry, size class and year"),
    ]
    return checked


def _passed(name: str, detail: str) -> dict[str, str]:
    return {"name": name, "status": "pass", "detail": detail}


def _coverage(
    checked: CheckedFigures,
    years: list[int],
    kept: list[tuple[int, Observation]],
    all_rows: list[Observation],
    source: str,
) -> None:
    """Years with data, and every missing sector, year and item, listed (never dropped)."""
    with_data = sorted(
        {
            year
            for (_, year), items in checked.values.items()
            if any(v is not None for v in items.values())
        }
    )
    if not with_data:
        raise fail(source, "no figures for any of the expected industries and fiscal years")
    checked.years = with_data
    for year in years:
        if year not in with_data:
            checked.missing.append(_missing(None, year, (), "no data for this fiscal year"))
            checked.warnings.append(f"FY{year}: no data in the file for this fiscal year")
    present = {obs.codes["cat02"] for _, obs in kept}
    anywhere = {obs.codes["cat02"] for obs in all_rows}
    for sector in checked.sectors:
        if sector.code not in present:
            reason = (
                "no values for the fiscal years imported"
                if sector.code in anywhere
                else "industry not in the file"
            )
            checked.missing.append(_missing(sector, None, ITEMS, reason))
            continue
        for year in with_data:
            items = checked.values.get((sector.code, year), {})
            absent = [i for i in ITEMS if i.key not in items]
            marked = [i for i in ITEMS if i.key in items and items[i.key] is None]
            if absent:
                checked.missing.append(_missing(sector, year, absent, "not in the file"))
            if marked:
                checked.missing.append(_missing(sector, year, marked, "marked by e-Stat"))
    listed = sum(1 for m in checked.missing if m["estat_code"] is not None)
    status = "warn" if checked.missing else "pass"
    detail = f"{len(with_data)} fiscal year(s) with data; {listed} missing sector/year entries"
    checked.checks.append({"name": "coverage", "status": status, "detail": detail})


def _missing(
    sector: ExpectedSector | None, year: int | None, items: tuple | list, reason: str
) -> dict[str, object]:
    return {
        "estat_code": sector.code if sector else None,
        "sector_id": sector.sector_id if sector else None,
        "fiscal_year": year,
        "items": [i.code for i in items],
        "reason": reason,
    }


def _check_identity(checked: CheckedFigures) -> None:
    """148 = 012 + 013 + 014 within rounding; every sector-year that differs is a warning."""
    parts = ("land", "construction_in_progress", "other_tangible_fixed_assets")
    compared = differing = 0
    for sector in checked.sectors:
        for year in checked.years:
            items = checked.values.get((sector.code, year), {})
            total = items.get("tangible_fixed_assets")
            components = [items.get(p) for p in parts]
            if total is None or any(c is None for c in components):
                continue
            compared += 1
            summed = sum(c for c in components if c is not None)
            difference = total - summed
            if abs(difference) > IDENTITY_TOLERANCE:
                differing += 1
                checked.warnings.append(
                    f"{sector.code} {sector.name_ja} FY{year}: 有形固定資産 148 = {total} but "
                    f"012 + 013 + 014 = {summed} (difference {difference:+g} 百万円, "
                    f"tolerance ±{IDENTITY_TOLERANCE})"
                )
    checked.checks.append(
        {
            "name": "tangible_assets_identity",
            "status": "warn" if differing else "pass",
            "detail": f"148 = 012 + 013 + 014 within ±{IDENTITY_TOLERANCE} 百万円: "
            f"{compared - differing} of {compared} sector-years agree, {differing} differ",
        }
    )
