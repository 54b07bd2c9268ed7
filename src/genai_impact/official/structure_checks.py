"""The structural checks on an e-Stat table: each problem found is appended, none stops the walk.

Called by `checks.check_corporate_table`, which raises them together.
Every message names the place (row or JSON path), the industry, item and
fiscal year, and both values where two differ.
"""

from __future__ import annotations

import re
from collections import defaultdict

from genai_impact.official.catalogue import (
    ALL_SIZES_CODE,
    ALL_SIZES_NAME,
    ITEM_BY_CODE,
    ITEMS,
    SPECIAL_MARKERS,
    ExpectedSector,
    fiscal_year_of,
    item_name_matches,
    normalise_name,
)
from genai_impact.official.estat_parse import EstatTable, Observation, fail
from genai_impact.report.validation import Problem

Number = int | float
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def check_size_class(table: EstatTable, problems: list[Problem]) -> str:
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


def check_items(table: EstatTable, problems: list[Problem]) -> dict[str, str]:
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


def check_sector_names(
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


def rows_by_year(
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


def years_named(table: EstatTable, rows_by_year: dict[int, list[Observation]]) -> set[int]:
    """The years the file covers: those its time classes name and those with rows."""
    named = {fiscal_year_of(code) for code in table.class_names.get("time", {})}
    return {y for y in named if y is not None} | set(rows_by_year)


def _label(obs: Observation, year: int, by_code: dict[str, ExpectedSector]) -> str:
    sector = by_code[obs.codes["cat02"]]
    item = ITEM_BY_CODE[obs.codes["cat01"]]
    return f"{sector.code} {sector.name_ja}, item {item.code} {item.keyword}, FY{year}"


def check_duplicates(
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


def check_units(
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


def read_values(
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
