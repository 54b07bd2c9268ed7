"""The checks on an e-Stat table before its figures may be written (pure).

`check_corporate_table` either raises `StatsImportError` listing every
structural problem (wrong table, missing item or size class, a name that differs,
wrong unit, a value that is not a number, employees <= 0, duplicate rows), or
returns the figures with what is missing and the warnings (the identity
148 = 012 + 013 + 014 outside rounding, values e-Stat marks as not available).
What each check means is in docs/official-statistics.md.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from genai_impact.estat_parse import EstatTable, Observation, StatsImportError, fail
from genai_impact.model import Dataset
from genai_impact.stats_catalogue import (
    ALL_SIZES_CODE,
    ALL_SIZES_NAME,
    IDENTITY_TOLERANCE,
    ITEM_BY_CODE,
    ITEMS,
    OTHER_MANUFACTURING,
    SPECIAL_MARKERS,
    TABLE_ID,
    TABLE_TITLE_HINT,
    fiscal_year_of,
    item_name_matches,
    normalise_name,
)
from genai_impact.validate_rules import Problem

Number = int | float
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


@dataclass(frozen=True)
class ExpectedSector:
    """An industry the import looks for: the map's 25 sectors, then other manufacturing."""

    code: str
    sector_id: str | None  # the id in data/sectors.yaml; None if not on the map
    name_ja: str
    name_en: str
    on_map: bool


def expected_sectors(ds: Dataset) -> tuple[ExpectedSector, ...]:
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
    size_name = _check_size_class(table, problems)
    item_names = _check_items(table, problems)
    by_code = {s.code: s for s in sectors}
    estat_names = _check_sector_names(table, sectors, problems)
    rows = [
        obs
        for obs in table.observations
        if obs.codes["cat03"] == ALL_SIZES_CODE
        and obs.codes["cat01"] in ITEM_BY_CODE
        and obs.codes["cat02"] in by_code
    ]
    rows_by_year = _rows_by_year(table, rows, problems)
    if years is not None:
        rows_by_year = {y: r for y, r in rows_by_year.items() if y in years}
    kept = [(year, obs) for year, group in rows_by_year.items() for obs in group]
    _check_duplicates(src, kept, by_code, problems)
    _check_units(table, kept, by_code, problems)
    values, notes = _read_values(table, kept, by_code, problems)
    if problems:
        raise StatsImportError(problems)
    candidate_years = sorted(set(years) if years is not None else _years_named(table, rows_by_year))
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


def _check_size_class(table: EstatTable, problems: list[Problem]) -> str:
    found = sorted({obs.codes["cat03"] for obs in table.observations})
    if ALL_SIZES_CODE not in found:
        raise fail(
            table.source,
            f"the all-sizes class (cat03 {ALL_SIZES_CODE} {ALL_SIZES_NAME}) is not in the file; "
            f"size classes found: {', '.join(found) or 'none'}",
        )
    name = table.class_names.get("cat03", {}).get(ALL_SIZES_CODE)
    if name is None:
        problems.append(Problem(table.source, "cat03", "no name for class 26: cannot verify it"))
    elif normalise_name(name) != normalise_name(ALL_SIZES_NAME):
        problems.append(
            Problem(
                table.source,
                f"cat03 {ALL_SIZES_CODE}",
                f"size class name differs: e-Stat {name!r}, expected {ALL_SIZES_NAME!r}",
            )
        )
    return name or ALL_SIZES_NAME


def _check_items(table: EstatTable, problems: list[Problem]) -> dict[str, str]:
    present = {o.codes["cat01"] for o in table.observations if o.codes["cat03"] == ALL_SIZES_CODE}
    names = table.class_names.get("cat01", {})
    found: dict[str, str] = {}
    for item in ITEMS:
        where = f"cat01 {item.code}"
        if item.code not in present:
            problems.append(
                Problem(
                    table.source,
                    where,
                    f"item {item.name_in_metadata} is not in the file (all sizes, cat03 26)",
                )
            )
            continue
        name = names.get(item.code)
        if name is None:
            problems.append(Problem(table.source, where, "no item name: cannot verify the item"))
        elif not item_name_matches(item, name):
            problems.append(
                Problem(
                    table.source,
                    where,
                    f"item name differs: e-Stat {name!r}, expected {item.name_in_metadata!r}",
                )
            )
        else:
            found[item.code] = name
    return found


def _check_sector_names(
    table: EstatTable, sectors: tuple[ExpectedSector, ...], problems: list[Problem]
) -> dict[str, str]:
    present = {o.codes["cat02"] for o in table.observations}
    names = table.class_names.get("cat02", {})
    found: dict[str, str] = {}
    for sector in sectors:
        if sector.code not in present:
            continue
        name = names.get(sector.code)
        where = f"cat02 {sector.code}"
        if name is None:
            problems.append(Problem(table.source, where, "no industry name: cannot verify it"))
        elif normalise_name(name) != normalise_name(sector.name_ja):
            problems.append(
                Problem(
                    table.source,
                    where,
                    f"industry name differs: e-Stat {name!r}, expected {sector.name_ja!r}"
                    + (f" (data/sectors.yaml, {sector.sector_id})" if sector.sector_id else ""),
                )
            )
        else:
            found[sector.code] = name
    if not any(s.on_map and s.code in present for s in sectors):
        problems.append(Problem(table.source, "cat02", "none of the map's 25 industries is here"))
    return found


def _rows_by_year(
    table: EstatTable, rows: list[Observation], problems: list[Problem]
) -> dict[int, list[Observation]]:
    by_year: dict[int, list[Observation]] = defaultdict(list)
    time_names = table.class_names.get("time", {})
    for obs in rows:
        code = obs.codes["time"]
        year = fiscal_year_of(code)
        name = time_names.get(code)
        if year is None or (name and str(year) not in name):
            shown = f" ({name})" if name else ""
            problems.append(
                Problem(table.source, obs.where, f"time code {code!r}{shown} is not a fiscal year")
            )
            continue
        by_year[year].append(obs)
    return dict(by_year)


def _years_named(table: EstatTable, rows_by_year: dict[int, list[Observation]]) -> set[int]:
    """The years the file covers: those its time classes name and those with rows."""
    named = {fiscal_year_of(code) for code in table.class_names.get("time", {})}
    return {y for y in named if y is not None} | set(rows_by_year)


def _label(obs: Observation, year: int, by_code: dict[str, ExpectedSector]) -> str:
    sector = by_code[obs.codes["cat02"]]
    item = ITEM_BY_CODE[obs.codes["cat01"]]
    return f"{sector.code} {sector.name_ja}, item {item.code} {item.keyword}, FY{year}"


def _check_duplicates(
    source: str,
    kept: list[tuple[int, Observation]],
    by_code: dict[str, ExpectedSector],
    problems: list[Problem],
) -> None:
    seen: dict[tuple[str, str, int], Observation] = {}
    for year, obs in kept:
        key = (obs.codes["cat02"], obs.codes["cat01"], year)
        if key in seen:
            first = seen[key]
            problems.append(
                Problem(
                    source,
                    obs.where,
                    f"duplicate row for {_label(obs, year, by_code)}: also at {first.where} "
                    f"({first.value!r} and {obs.value!r})",
                )
            )
        else:
            seen[key] = obs


def _check_units(
    table: EstatTable,
    kept: list[tuple[int, Observation]],
    by_code: dict[str, ExpectedSector],
    problems: list[Problem],
) -> None:
    wrong: dict[tuple[str, str | None], list[tuple[int, Observation]]] = defaultdict(list)
    class_units = table.class_units.get("cat01", {})
    for year, obs in kept:
        code = obs.codes["cat01"]
        unit = obs.unit or class_units.get(code)
        if unit != ITEM_BY_CODE[code].unit:
            wrong[(code, unit)].append((year, obs))
    for (code, unit), cases in wrong.items():
        item = ITEM_BY_CODE[code]
        year, first = cases[0]
        got = f"unit {unit!r}" if unit else "no unit"
        problems.append(
            Problem(
                table.source,
                first.where,
                f"item {code} {item.keyword}: {got}, expected {item.unit!r} "
                f"({len(cases)} value(s), first: {_label(first, year, by_code)})",
            )
        )


def _read_values(
    table: EstatTable,
    kept: list[tuple[int, Observation]],
    by_code: dict[str, ExpectedSector],
    problems: list[Problem],
) -> tuple[dict[tuple[str, int], dict[str, Number | None]], dict[tuple[str, int], list[str]]]:
    values: dict[tuple[str, int], dict[str, Number | None]] = defaultdict(dict)
    notes: dict[tuple[str, int], list[str]] = defaultdict(list)
    for year, obs in kept:
        item = ITEM_BY_CODE[obs.codes["cat01"]]
        key = (obs.codes["cat02"], year)
        raw = obs.value.strip()
        text = raw.replace(",", "")
        if _NUMBER.match(text):
            number: Number = float(text) if "." in text else int(text)
            if item.key == "employees" and number <= 0:
                problems.append(
                    Problem(
                        table.source,
                        obs.where,
                        f"employees is {raw} for {_label(obs, year, by_code)}: must be > 0",
                    )
                )
            values[key][item.key] = number
        elif raw in table.notes or raw in SPECIAL_MARKERS:
            meaning = table.notes.get(raw) or SPECIAL_MARKERS[raw]
            values[key][item.key] = None
            notes[key].append(f"{item.code} {item.keyword}: {raw!r} ({meaning})")
        else:
            problems.append(
                Problem(
                    table.source,
                    obs.where,
                    f"value {raw!r} is not a number for {_label(obs, year, by_code)}",
                )
            )
    return dict(values), dict(notes)


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
