"""`stats fetch` / `stats import`: table 0003060791 -> data/official/corporate_statistics.json.

One pipeline for both: parse (`estat_parse`, or `estat_client` for the API),
check (`checks`), derive the two ratios, attach the provenance, read the
document back with the app's own reader (so the writer can never write what the
app would refuse), then write atomically: a temporary file beside the target,
renamed over it. Any failure before the rename leaves an existing file as it was.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from genai_impact import __version__
from genai_impact.official.catalogue import (
    ALL_SIZES_CODE,
    AMOUNT_UNIT,
    EMPLOYEE_UNIT,
    IDENTITY_TOLERANCE,
    ITEMS,
    RATIO_UNIT,
    SOURCE_ID,
    TABLE_ID,
)
from genai_impact.official.checks import CheckedFigures, check_corporate_table, expected_sectors
from genai_impact.official.estat_client import (
    DEFAULT_API_BASE,
    endpoint_url,
    fetch_pages,
    redacted,
    redactor,
    stats_data_params,
)
from genai_impact.official.estat_parse import (
    EstatTable,
    StatsImportError,
    check_complete,
    fail,
    merge_pages,
    parse_estat_file,
)
from genai_impact.official.model import (
    CORPORATE_FILE,
    FORMAT_VERSION,
    capital_equipment_ratio,
    software_equipment_ratio,
)
from genai_impact.official.read import read_corporate
from genai_impact.official.store import store
from genai_impact.report.model import Dataset


@dataclass(frozen=True)
class ImportResult:
    """What an import wrote, for the command line to report."""

    path: Path
    years: tuple[int, ...]
    sectors_found: int
    sectors_on_map_found: int
    sectors_on_map: int
    missing: tuple[dict[str, Any], ...]
    warnings: tuple[str, ...]


def import_corporate_file(
    input_path: Path,
    ds: Dataset,
    data_dir: Path | str | None = None,
    years: list[int] | None = None,
    now: datetime | None = None,
) -> ImportResult:
    """Import a file saved by hand from e-Stat (the API's JSON or the CSV download)."""
    source = input_path.name
    try:
        data = input_path.read_bytes()
    except OSError as error:
        raise fail(source, f"cannot read the file: {error.strerror or error}") from None
    table = parse_estat_file(data, source)
    check_complete(table)
    provenance = {
        "method": "import",
        "request": None,
        "input_file": {
            "name": source,
            "sha256": hashlib.sha256(data).hexdigest(),
            "format": table.source_format,
            "encoding": table.encoding,
        },
    }
    return _finish(table, ds, data_dir, years, provenance, now, redact=None)


def fetch_corporate(
    app_id: str,
    years: list[int],
    ds: Dataset,
    data_dir: Path | str | None = None,
    api_base: str = DEFAULT_API_BASE,
    now: datetime | None = None,
) -> ImportResult:
    """Fetch `years` from the e-Stat API and import them; the app ID serves the request only."""
    params = stats_data_params(years)
    pages = fetch_pages(app_id, params, api_base)
    table = merge_pages(pages)
    check_complete(table)
    provenance = {
        "method": "fetch",
        "request": {"endpoint": endpoint_url(api_base), "params": params, "pages": len(pages)},
        "input_file": None,
    }
    redact = redactor(app_id)
    try:
        return _finish(table, ds, data_dir, years, provenance, now, redact=redact)
    except StatsImportError as error:  # messages quote the answer: keep the app ID out
        raise redacted(error, redact) from None


def _finish(
    table: EstatTable,
    ds: Dataset,
    data_dir: Path | str | None,
    years: list[int] | None,
    provenance: dict[str, Any],
    now: datetime | None,
    redact: Callable[[str], str] | None,
) -> ImportResult:
    sectors = expected_sectors(ds)
    checked = check_corporate_table(table, sectors, years)
    retrieved_at = (now or datetime.now(UTC)).isoformat(timespec="seconds").replace("+00:00", "Z")
    doc = corporate_document(checked, table, dict(provenance, retrieved_at=retrieved_at))
    text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    if redact is not None and redact(text) != text:
        # e-Stat echoed the app ID somewhere in its answer: never write it
        text = redact(text)
    path = store(data_dir, CORPORATE_FILE, text, read_corporate)
    found = [s for s in checked.sectors if s.code in checked.estat_names]
    return ImportResult(
        path=path,
        years=tuple(checked.years),
        sectors_found=len(found),
        sectors_on_map_found=sum(1 for s in found if s.on_map),
        sectors_on_map=sum(1 for s in checked.sectors if s.on_map),
        missing=tuple(checked.missing),
        warnings=tuple(checked.warnings),
    )


def corporate_document(
    checked: CheckedFigures, table: EstatTable, provenance: dict[str, Any]
) -> dict[str, Any]:
    """The JSON document (schema: docs/official-statistics.md)."""
    figures = []
    for year in checked.years:
        for sector in checked.sectors:
            values = checked.values.get((sector.code, year), {})
            parts = {item.key: values.get(item.key) for item in ITEMS}
            figures.append(
                {
                    "estat_code": sector.code,
                    "fiscal_year": year,
                    **parts,
                    "capital_equipment_ratio": capital_equipment_ratio(
                        parts["tangible_fixed_assets"], parts["land"], parts["employees"]
                    ),
                    "software_equipment_ratio": software_equipment_ratio(
                        parts["software"], parts["employees"]
                    ),
                    "notes": checked.notes.get((sector.code, year), []),
                }
            )
    return {
        "format_version": FORMAT_VERSION,
        "kind": "corporate_statistics",
        "note": "Imported from e-Stat by `genai-impact stats`; the user's copy, never committed.",
        "units": {
            "amounts": AMOUNT_UNIT,
            "employees": EMPLOYEE_UNIT,
            "capital_equipment_ratio": RATIO_UNIT,
            "software_equipment_ratio": RATIO_UNIT,
        },
        "derived": {
            "capital_equipment_ratio": "(148 有形固定資産 − 012 土地) ÷ 072 期中平均従業員数",
            "software_equipment_ratio": "016 ソフトウェア ÷ 072 期中平均従業員数",
        },
        "years": checked.years,
        "sectors": [
            {
                "estat_code": s.code,
                "sector_id": s.sector_id,
                "on_map": s.on_map,
                "name_ja": s.name_ja,
                "name_en": s.name_en,
                "name_estat": checked.estat_names.get(s.code),
            }
            for s in checked.sectors
        ],
        "figures": figures,
        "missing": checked.missing,
        "warnings": checked.warnings,
        "provenance": {
            "source_id": SOURCE_ID,
            "table_id": TABLE_ID,
            "table_title": table.title,
            "stat_name": table.stat_name,
            "gov_org": table.gov_org,
            "estat_info": table.dates,
            "size_class": {"code": ALL_SIZES_CODE, "name": checked.size_class_name},
            "items": [
                {
                    "code": item.code,
                    "key": item.key,
                    "name_estat": checked.item_names.get(item.code),
                    "unit": item.unit,
                }
                for item in ITEMS
            ],
            **provenance,
            "tool": {"name": "genai-impact", "version": __version__},
            "identity_tolerance_million_yen": IDENTITY_TOLERANCE,
            "checks": checked.checks,
        },
    }
