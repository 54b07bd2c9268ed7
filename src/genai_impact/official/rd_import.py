"""`stats import-rd FILE`: R&D intensity (科学技術研究調査) -> data/official/rd_intensity.json.

The input is a CSV in the layout of docs/official-statistics.md ("R&D CSV layout
v1"), UTF-8 (with or without BOM) or Shift_JIS:
`estat_code,sector_name,fiscal_year,rd_ratio_percent[,rd_survey_industry][,note]`.
Each row gives the ratio of intramural R&D expenditure to sales (%) of the
survey's industry that the user maps to one of our sectors; the row with
estat_code 104 (全産業（除く金融保険業）) is the all-industry average excluding
finance and insurance, required for every fiscal year. A sector is marked when
its ratio is at or above that year's average. Nothing is written unless every
row passes.

Size: the CSV layout, its checks and the derivation are read together when the layout
changes; each part is short.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from genai_impact import __version__
from genai_impact.official.catalogue import RD_SOURCE_ID, SPECIAL_MARKERS, normalise_name
from genai_impact.official.checks import ExpectedSector, expected_sectors
from genai_impact.official.estat_parse import StatsImportError, decode_text, fail
from genai_impact.official.model import FORMAT_VERSION, RD_FILE
from genai_impact.official.read import read_rd
from genai_impact.official.store import store
from genai_impact.report.model import Dataset
from genai_impact.report.validation import Problem

LAYOUT = "genai-impact R&D CSV layout v1"
REQUIRED_COLUMNS = ("estat_code", "sector_name", "fiscal_year", "rd_ratio_percent")
OPTIONAL_COLUMNS = ("rd_survey_industry", "note")
AVERAGE_CODE = "104"  # 全産業（除く金融保険業）: the average row
_NUMBER = re.compile(r"^\d+(\.\d+)?$")


def import_rd_file(
    input_path: Path,
    ds: Dataset,
    data_dir: Path | str | None = None,
    now: datetime | None = None,
) -> tuple[Path, tuple[int, ...], tuple[str, ...]]:
    """Check and write the R&D file; return (path written, fiscal years, warnings)."""
    source = input_path.name
    try:
        data = input_path.read_bytes()
    except OSError as error:
        raise fail(source, f"cannot read the file: {error.strerror or error}") from None
    if not data.strip():
        raise fail(source, "the file is empty")
    text, encoding = decode_text(data, source)
    rows = _read_rows(text, source)
    sectors = {s.code: s for s in expected_sectors(ds)}
    problems: list[Problem] = []
    parsed = [_parse_row(row, line, sectors, source, problems) for line, row in rows]
    good = [p for p in parsed if p is not None]
    _check_duplicates(good, source, problems)
    averages = _averages(good, source, problems)
    if problems:
        raise StatsImportError(problems)
    retrieved_at = (now or datetime.now(UTC)).isoformat(timespec="seconds").replace("+00:00", "Z")
    doc = _document(good, averages, sectors, ds, retrieved_at)
    doc["provenance"]["input_file"] = {
        "name": source,
        "sha256": hashlib.sha256(data).hexdigest(),
        "format": "csv",
        "encoding": encoding,
    }
    text_out = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    path = store(data_dir, RD_FILE, text_out, read_rd)
    return path, tuple(doc["years"]), tuple(doc["warnings"])


def _read_rows(text: str, source: str) -> list[tuple[int, dict[str, str]]]:
    try:
        lines = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as error:
        raise fail(source, f"the CSV is malformed ({error})") from None
    if not lines:
        raise fail(source, "the file is empty")
    header = [h.strip() for h in lines[0]]
    lacking = [c for c in REQUIRED_COLUMNS if c not in header]
    unknown = [c for c in header if c not in REQUIRED_COLUMNS + OPTIONAL_COLUMNS]
    if lacking or unknown:
        detail = "; ".join(
            part
            for part in (
                f"missing column(s): {', '.join(lacking)}" if lacking else "",
                f"unknown column(s): {', '.join(unknown)}" if unknown else "",
            )
            if part
        )
        expected = ",".join(REQUIRED_COLUMNS + OPTIONAL_COLUMNS)
        raise fail(source, f"not the {LAYOUT} ({detail}); expected header: {expected}", "row 1")
    rows = []
    for number, cells in enumerate(lines[1:], start=2):
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            raise fail(
                source, f"has {len(cells)} fields, the header has {len(header)}", f"row {number}"
            )
        rows.append((number, {h: c.strip() for h, c in zip(header, cells, strict=True)}))
    if not rows:
        raise fail(source, "no data rows")
    return rows


def _parse_row(
    row: dict[str, str],
    line: int,
    sectors: dict[str, ExpectedSector],
    source: str,
    problems: list[Problem],
) -> dict[str, Any] | None:
    where = f"row {line}"
    code = row["estat_code"]
    sector = sectors.get(code)
    if sector is None:
        problems.append(Problem(source, where, f"estat_code {code!r} is not a sector we know"))
        return None
    if normalise_name(row["sector_name"]) != normalise_name(sector.name_ja):
        problems.append(
            Problem(
                source,
                where,
                f"sector_name differs for {code}: file {row['sector_name']!r}, "
                f"expected {sector.name_ja!r}",
            )
        )
    year_text = row["fiscal_year"]
    year = int(year_text) if year_text.isdigit() and len(year_text) == 4 else None
    if year is None:
        problems.append(Problem(source, where, f"fiscal_year {year_text!r} is not a year"))
    raw = row["rd_ratio_percent"]
    ratio: float | None = None
    note = row.get("note") or None
    if _NUMBER.match(raw):
        ratio = float(raw)
        if ratio > 100:
            problems.append(Problem(source, where, f"rd_ratio_percent {raw} is above 100"))
    elif raw in SPECIAL_MARKERS:
        note = "; ".join(n for n in (note, f"{raw!r} ({SPECIAL_MARKERS[raw]})") if n)
    else:
        problems.append(
            Problem(source, where, f"rd_ratio_percent {raw!r} is not a number >= 0 (a percentage)")
        )
    if year is None:
        return None
    return {
        "where": where,
        "sector": sector,
        "fiscal_year": year,
        "rd_ratio_percent": ratio,
        "rd_survey_industry": row.get("rd_survey_industry") or None,
        "note": note,
    }


def _check_duplicates(rows: list[dict[str, Any]], source: str, problems: list[Problem]) -> None:
    seen: dict[tuple[str, int], str] = {}
    for row in rows:
        key = (row["sector"].code, row["fiscal_year"])
        if key in seen:
            problems.append(
                Problem(
                    source,
                    row["where"],
                    f"duplicate row for {key[0]} FY{key[1]} (also {seen[key]})",
                )
            )
        else:
            seen[key] = row["where"]


def _averages(rows: list[dict[str, Any]], source: str, problems: list[Problem]) -> dict[int, float]:
    averages = {
        r["fiscal_year"]: r["rd_ratio_percent"] for r in rows if r["sector"].code == AVERAGE_CODE
    }
    for year in sorted({r["fiscal_year"] for r in rows}):
        if averages.get(year) is None:
            problems.append(
                Problem(
                    source,
                    f"FY{year}",
                    f"no all-industry average: a row with estat_code {AVERAGE_CODE} "
                    "(全産業（除く金融保険業）) and a number is required for every fiscal year",
                )
            )
    return {y: v for y, v in averages.items() if v is not None}


def _document(
    rows: list[dict[str, Any]],
    averages: dict[int, float],
    sectors: dict[str, ExpectedSector],
    ds: Dataset,
    retrieved_at: str,
) -> dict[str, Any]:
    years = sorted(averages)
    figures = [
        {
            "estat_code": r["sector"].code,
            "sector_id": r["sector"].sector_id,
            "fiscal_year": r["fiscal_year"],
            "rd_ratio_percent": r["rd_ratio_percent"],
            "at_or_above_average": None
            if r["rd_ratio_percent"] is None
            else r["rd_ratio_percent"] >= averages[r["fiscal_year"]],
            "rd_survey_industry": r["rd_survey_industry"],
            "note": r["note"],
        }
        for r in rows
        if r["sector"].code != AVERAGE_CODE
    ]
    present = {(f["estat_code"], f["fiscal_year"]) for f in figures}
    missing = [
        {
            "estat_code": s.code,
            "sector_id": s.sector_id,
            "fiscal_year": year,
            "items": ["rd_ratio_percent"],
            "reason": "not in the R&D file",
        }
        for year in years
        for s in sectors.values()
        if s.on_map and s.code != AVERAGE_CODE and (s.code, year) not in present
    ]
    missing += [
        {
            "estat_code": f["estat_code"],
            "sector_id": f["sector_id"],
            "fiscal_year": f["fiscal_year"],
            "items": ["rd_ratio_percent"],
            "reason": f"not a number in the R&D file: {f['note']}",
        }
        for f in figures
        if f["rd_ratio_percent"] is None
    ]
    warnings = list(_report_threshold_warnings(ds, averages))
    return {
        "format_version": FORMAT_VERSION,
        "kind": "rd_intensity",
        "note": "Imported by `genai-impact stats import-rd`; the user's copy, never committed.",
        "unit": "%",
        "definition": "社内使用研究費 ÷ 売上高 × 100 (総務省「科学技術研究調査」)",
        "rule": "at_or_above_average: rd_ratio_percent >= the same fiscal year's all-industry "
        "average excluding finance and insurance (estat_code 104)",
        "years": years,
        "averages": [
            {"fiscal_year": y, "estat_code": AVERAGE_CODE, "rd_ratio_percent": averages[y]}
            for y in years
        ],
        "figures": figures,
        "missing": missing,
        "warnings": warnings,
        "provenance": {
            "source_id": RD_SOURCE_ID,
            "method": "import",
            "layout": LAYOUT,
            "retrieved_at": retrieved_at,
            "input_file": None,
            "tool": {"name": "genai-impact", "version": __version__},
            "checks": [
                {"name": "layout", "status": "pass", "detail": LAYOUT},
                {"name": "sector_names", "status": "pass", "detail": "every name matches"},
                {"name": "values_numeric", "status": "pass", "detail": "0 <= ratio <= 100"},
                {"name": "no_duplicates", "status": "pass", "detail": "one row per sector/year"},
                {"name": "average_present", "status": "pass", "detail": "every year has 104"},
                {
                    "name": "report_threshold",
                    "status": "warn" if warnings else "pass",
                    "detail": "; ".join(warnings) or "consistent with the report's threshold",
                },
            ],
        },
    }


def _report_threshold_warnings(ds: Dataset, averages: dict[int, float]) -> Iterable[str]:
    """Compare with the report's own threshold (map marker, e.g. 3.06% for its survey year)."""
    marker = next((m for m in ds.map_markers if m.id == "rd_intensity_high"), None)
    source = next((s for s in ds.sources if s.id == RD_SOURCE_ID), None)
    year = source.fiscal_year_in_report if source else None
    if marker is None or year is None or year not in averages:
        return
    if abs(averages[year] - marker.threshold_percent) > 0.005:
        yield (
            f"FY{year}: the file's all-industry average is {averages[year]}%, the report uses "
            f"{marker.threshold_percent}% for that survey; check the year and the rows"
        )
