"""data/official/*.json -> the dataclasses of `official.model`, checking shape and consistency.

Every problem is collected as a `Problem` naming the file and the field
("corporate_statistics.json: figures[3].employees: ..."); `official.stats`
raises them together. Consistency means: the figures form the full grid of
sectors × years, each ratio equals its formula applied to the stored components,
and each R&D flag agrees with the stored average.

Size: one reader per stored file, kept together because the consistency checks span
both files (every R&D flag against the corporate grid).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from genai_impact.official.catalogue import TABLE_ID
from genai_impact.official.model import (
    COMPONENT_KEYS,
    FORMAT_VERSION,
    CheckResult,
    ImportRecord,
    MissingFigure,
    RdFigure,
    SectorYearFigures,
    StatSector,
    capital_equipment_ratio,
    ratios_agree,
    software_equipment_ratio,
)
from genai_impact.report.validation import Problem

_KIND_NAMES = {
    float: "a number",
    int: "an integer",
    str: "a string",
    bool: "true or false",
    list: "a list",
    dict: "an object",
}


@dataclass
class ReadPart:
    """What one file holds, and what is wrong with it."""

    problems: list[Problem] = field(default_factory=list)
    record: ImportRecord | None = None
    years: tuple[int, ...] = ()
    sectors: tuple[StatSector, ...] = ()
    figures: tuple[Any, ...] = ()
    missing: tuple[MissingFigure, ...] = ()
    warnings: tuple[str, ...] = ()
    averages: tuple[tuple[int, float], ...] = ()


class _Reader:
    """Typed access to one JSON document; a wrong value is recorded and replaced by None."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def bad(self, path: str, message: str) -> None:
        self.problems.append(Problem(self.file, path, message))

    def get(self, node: dict[str, Any], key: str, path: str, kinds: tuple, optional=False) -> Any:
        where = f"{path}.{key}" if path else key
        if key not in node:
            if not optional:
                self.bad(where, "missing")
            return None
        value = node[key]
        if value is None and optional:
            return None
        numeric = float in kinds
        if isinstance(value, bool) and bool not in kinds:
            ok = False
        else:
            ok = isinstance(value, kinds) or (numeric and isinstance(value, int))
        if not ok:
            wanted = " or ".join(_KIND_NAMES[k] for k in kinds)
            self.bad(where, f"expected {wanted}{' or null' if optional else ''}, got {value!r}")
            return None
        return value

    def items(self, node: dict[str, Any], key: str) -> list[tuple[dict[str, Any], str]]:
        value = self.get(node, key, "", (list,))
        out = []
        for i, item in enumerate(value or []):
            if isinstance(item, dict):
                out.append((item, f"{key}[{i}]"))
            else:
                self.bad(f"{key}[{i}]", f"expected an object, got {item!r}")
        return out


def _start(loaded: tuple[str, Any], kind: str) -> tuple[_Reader, dict[str, Any] | None]:
    name, doc = loaded
    reader = _Reader(name)
    if doc is None:
        return reader, None
    if not isinstance(doc, dict):
        reader.bad("", "expected a JSON object at the top level")
        return reader, None
    if doc.get("format_version") != FORMAT_VERSION:
        reader.bad(
            "format_version", f"expected {FORMAT_VERSION}, got {doc.get('format_version')!r}"
        )
        return reader, None
    if doc.get("kind") != kind:
        reader.bad("kind", f"expected {kind!r}, got {doc.get('kind')!r}")
    return reader, doc


def read_corporate(loaded: tuple[str, Any]) -> ReadPart:
    reader, doc = _start(loaded, "corporate_statistics")
    if doc is None:
        return ReadPart(problems=reader.problems)
    years = _years(reader, doc)
    sectors = _sectors(reader, doc)
    order = {s.estat_code: i for i, s in enumerate(sectors)}
    figures: dict[tuple[str, int], SectorYearFigures] = {}
    for node, path in reader.items(doc, "figures"):
        fig = _figure(reader, node, path, order, years, sectors)
        if fig is None:
            continue
        key = (fig.estat_code, fig.fiscal_year)
        if key in figures:
            reader.bad(path, f"a second entry for {fig.estat_code} FY{fig.fiscal_year}")
        figures[key] = fig
    for sector in sectors:
        for year in years:
            if (sector.estat_code, year) not in figures:
                reader.bad("figures", f"no entry for {sector.estat_code} FY{year}")
    record = _record(reader, doc, "corporate_statistics")
    if record is not None and record.table_id != TABLE_ID:
        reader.bad("provenance.table_id", f"expected {TABLE_ID}, got {record.table_id!r}")
    ordered = sorted(figures.values(), key=lambda f: (f.fiscal_year, order[f.estat_code]))
    return ReadPart(
        problems=reader.problems,
        record=record,
        years=years,
        sectors=sectors,
        figures=tuple(ordered),
        missing=_missing(reader, doc),
        warnings=_warnings(reader, doc),
    )


def _years(reader: _Reader, doc: dict[str, Any]) -> tuple[int, ...]:
    years = reader.get(doc, "years", "", (list,)) or []
    if not all(isinstance(y, int) and not isinstance(y, bool) for y in years):
        reader.bad("years", f"expected a list of integers, got {years!r}")
        return ()
    if list(years) != sorted(set(years)):
        reader.bad("years", "must be ascending without repeats")
    return tuple(years)


def _sectors(reader: _Reader, doc: dict[str, Any]) -> tuple[StatSector, ...]:
    out: list[StatSector] = []
    for node, path in reader.items(doc, "sectors"):
        code = reader.get(node, "estat_code", path, (str,))
        if code is None:
            continue
        if any(s.estat_code == code for s in out):
            reader.bad(f"{path}.estat_code", f"{code!r} appears twice")
            continue
        out.append(
            StatSector(
                estat_code=code,
                sector_id=reader.get(node, "sector_id", path, (str,), optional=True),
                name_ja=reader.get(node, "name_ja", path, (str,)) or "",
                name_en=reader.get(node, "name_en", path, (str,)) or "",
                name_estat=reader.get(node, "name_estat", path, (str,), optional=True),
                on_map=bool(reader.get(node, "on_map", path, (bool,))),
            )
        )
    return tuple(out)


def _figure(
    reader: _Reader,
    node: dict[str, Any],
    path: str,
    order: dict[str, int],
    years: tuple[int, ...],
    sectors: tuple[StatSector, ...],
) -> SectorYearFigures | None:
    code = reader.get(node, "estat_code", path, (str,))
    year = reader.get(node, "fiscal_year", path, (int,))
    if code is not None and code not in order:
        reader.bad(f"{path}.estat_code", f"{code!r} is not in `sectors`")
        return None
    if year is not None and year not in years:
        reader.bad(f"{path}.fiscal_year", f"{year} is not in `years`")
        return None
    parts = {key: reader.get(node, key, path, (float,), optional=True) for key in COMPONENT_KEYS}
    employees = parts["employees"]
    if employees is not None and employees <= 0:
        reader.bad(f"{path}.employees", f"must be > 0, got {employees!r}")
        employees = None
    ratios = {}
    for key, computed in (
        (
            "capital_equipment_ratio",
            capital_equipment_ratio(parts["tangible_fixed_assets"], parts["land"], employees),
        ),
        ("software_equipment_ratio", software_equipment_ratio(parts["software"], employees)),
    ):
        stored = reader.get(node, key, path, (float,), optional=True)
        if not ratios_agree(stored, computed):
            reader.bad(
                f"{path}.{key}",
                f"inconsistent with the stored components: stored {stored!r}, formula gives "
                f"{computed!r}",
            )
        ratios[key] = stored
    notes = reader.get(node, "notes", path, (list,), optional=True) or []
    if code is None or year is None:
        return None
    sector = sectors[order[code]]
    return SectorYearFigures(
        estat_code=code,
        sector_id=sector.sector_id,
        fiscal_year=year,
        on_map=sector.on_map,
        notes=tuple(str(n) for n in notes),
        **parts,
        **ratios,
    )


def _missing(reader: _Reader, doc: dict[str, Any]) -> tuple[MissingFigure, ...]:
    out = []
    for node, path in reader.items(doc, "missing"):
        out.append(
            MissingFigure(
                file=reader.file,
                estat_code=reader.get(node, "estat_code", path, (str,), optional=True),
                sector_id=reader.get(node, "sector_id", path, (str,), optional=True),
                fiscal_year=reader.get(node, "fiscal_year", path, (int,), optional=True),
                items=tuple(reader.get(node, "items", path, (list,)) or ()),
                reason=reader.get(node, "reason", path, (str,)) or "",
            )
        )
    return tuple(out)


def _warnings(reader: _Reader, doc: dict[str, Any]) -> tuple[str, ...]:
    warnings = reader.get(doc, "warnings", "", (list,)) or []
    return tuple(str(w) for w in warnings)


def _record(reader: _Reader, doc: dict[str, Any], kind: str) -> ImportRecord | None:
    prov = reader.get(doc, "provenance", "", (dict,))
    if prov is None:
        return None
    p = "provenance"
    request = reader.get(prov, "request", p, (dict,), optional=True) or {}
    params = request.get("params") if isinstance(request.get("params"), dict) else {}
    input_file = reader.get(prov, "input_file", p, (dict,), optional=True) or {}
    tool = reader.get(prov, "tool", p, (dict,)) or {}
    checks = []
    for i, check in enumerate(reader.get(prov, "checks", p, (list,)) or []):
        if not isinstance(check, dict):
            reader.bad(f"{p}.checks[{i}]", "expected an object")
            continue
        where = f"{p}.checks[{i}]"
        checks.append(
            CheckResult(
                name=reader.get(check, "name", where, (str,)) or "",
                status=reader.get(check, "status", where, (str,)) or "",
                detail=reader.get(check, "detail", where, (str,)) or "",
            )
        )
    return ImportRecord(
        file=reader.file,
        kind=kind,
        source_id=reader.get(prov, "source_id", p, (str,)) or "",
        method=reader.get(prov, "method", p, (str,)) or "",
        retrieved_at=reader.get(prov, "retrieved_at", p, (str,)) or "",
        tool_version=str(tool.get("version", "")),
        table_id=reader.get(prov, "table_id", p, (str,), optional=True),
        table_title=reader.get(prov, "table_title", p, (str,), optional=True),
        request=tuple((str(k), str(v)) for k, v in params.items()),
        input_file=reader.get(input_file, "name", f"{p}.input_file", (str,), optional=True),
        input_sha256=reader.get(input_file, "sha256", f"{p}.input_file", (str,), optional=True),
        checks=tuple(checks),
    )


def read_rd(loaded: tuple[str, Any]) -> ReadPart:
    reader, doc = _start(loaded, "rd_intensity")
    if doc is None:
        return ReadPart(problems=reader.problems)
    years = _years(reader, doc)
    averages: dict[int, float] = {}
    for node, path in reader.items(doc, "averages"):
        year = reader.get(node, "fiscal_year", path, (int,))
        value = reader.get(node, "rd_ratio_percent", path, (float,))
        if year is not None and value is not None:
            averages[year] = float(value)
    figures = []
    for node, path in reader.items(doc, "figures"):
        code = reader.get(node, "estat_code", path, (str,))
        year = reader.get(node, "fiscal_year", path, (int,))
        ratio = reader.get(node, "rd_ratio_percent", path, (float,), optional=True)
        flag = reader.get(node, "at_or_above_average", path, (bool,), optional=True)
        if year is not None and year not in years:
            reader.bad(f"{path}.fiscal_year", f"{year} is not in `years`")
        average = averages.get(year) if year is not None else None
        expected = None if ratio is None or average is None else ratio >= average
        if flag != expected:
            reader.bad(
                f"{path}.at_or_above_average",
                f"inconsistent: stored {flag!r}, but {ratio!r} vs average {average!r} gives "
                f"{expected!r}",
            )
        if code is None or year is None:
            continue
        figures.append(
            RdFigure(
                estat_code=code,
                sector_id=reader.get(node, "sector_id", path, (str,), optional=True),
                fiscal_year=year,
                rd_ratio_percent=None if ratio is None else float(ratio),
                at_or_above_average=flag,
                rd_survey_industry=reader.get(
                    node, "rd_survey_industry", path, (str,), optional=True
                ),
                note=reader.get(node, "note", path, (str,), optional=True),
            )
        )
    return ReadPart(
        problems=reader.problems,
        record=_record(reader, doc, "rd_intensity"),
        years=years,
        figures=tuple(figures),
        missing=_missing(reader, doc),
        warnings=_warnings(reader, doc),
        averages=tuple(sorted(averages.items())),
    )
