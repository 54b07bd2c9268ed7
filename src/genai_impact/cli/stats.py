"""`genai-impact stats fetch | import | import-rd`: the command-line side of the statistics import.

Reports on stdout ("wrote ...", one "missing: ..." line per gap) and stderr
("warning: ..." and "error: ..."); exit 0 written, 1 refused (nothing written),
2 usage. The e-Stat app ID comes from --app-id or ESTAT_APP_ID, never a file.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from genai_impact.official.estat_client import DEFAULT_API_BASE
from genai_impact.official.estat_parse import StatsImportError
from genai_impact.official.importer import ImportResult, fetch_corporate, import_corporate_file
from genai_impact.official.rd_import import import_rd_file
from genai_impact.report.model import Dataset

APP_ID_ENV = "ESTAT_APP_ID"
EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2
FIRST_YEAR, LAST_YEAR = 1960, 2100


def parse_years(text: str) -> list[int]:
    """ "2018-2024", "2022" or "2018,2020,2022" -> the years, ascending."""
    years: set[int] = set()
    for part in text.split(","):
        first, _, last = part.strip().partition("-")
        try:
            low, high = int(first), int(last or first)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{part.strip()!r} is not a year or a range") from None
        if not FIRST_YEAR <= low <= high <= LAST_YEAR:
            raise argparse.ArgumentTypeError(
                f"{part.strip()!r}: years run from {FIRST_YEAR} to {LAST_YEAR}, low to high"
            )
        years.update(range(low, high + 1))
    return sorted(years)


def add_stats_commands(commands: Any, data_dir_help: str) -> None:
    stats = commands.add_parser(
        "stats", help="import official statistics into <data dir>/official/"
    )
    sub = stats.add_subparsers(dest="stats_command", required=True, metavar="STATS_COMMAND")
    fetch = sub.add_parser("fetch", help="fetch 法人企業統計調査 (0003060791) from the e-Stat API")
    fetch.add_argument(
        "--app-id",
        default=None,
        help=f"e-Stat application ID (default: env {APP_ID_ENV}); used for the request only",
    )
    fetch.add_argument("--years", type=parse_years, required=True, help="e.g. 2018-2024")
    fetch.add_argument(
        "--api-base", default=DEFAULT_API_BASE, help=f"API base URL (default: {DEFAULT_API_BASE})"
    )
    fetch.add_argument("--data-dir", type=Path, default=None, help=data_dir_help)
    imported = sub.add_parser(
        "import", help="import e-Stat's JSON response or CSV download of 0003060791"
    )
    imported.add_argument("file", type=Path)
    imported.add_argument("--years", type=parse_years, default=None, help="keep only these years")
    imported.add_argument("--data-dir", type=Path, default=None, help=data_dir_help)
    rd = sub.add_parser("import-rd", help="import R&D intensity (docs/official-statistics.md)")
    rd.add_argument("file", type=Path)
    rd.add_argument("--data-dir", type=Path, default=None, help=data_dir_help)


def run_stats(args: argparse.Namespace, ds: Dataset) -> int:
    try:
        if args.stats_command == "fetch":
            app_id = args.app_id or os.environ.get(APP_ID_ENV, "")
            if not app_id.strip():
                print(
                    f"error: no e-Stat app ID: pass --app-id or set {APP_ID_ENV}", file=sys.stderr
                )
                return EXIT_USAGE
            _report(fetch_corporate(app_id, args.years, ds, args.data_dir, args.api_base))
        elif args.stats_command == "import":
            _report(import_corporate_file(args.file, ds, args.data_dir, args.years))
        else:
            path, years, warnings = import_rd_file(args.file, ds, args.data_dir)
            print(f"wrote {path}: R&D intensity for {_years(years)}")
            for warning in warnings:
                print(f"warning: {warning}", file=sys.stderr)
    except StatsImportError as error:
        for problem in error.problems:
            print(f"error: {problem}", file=sys.stderr)
        print("error: nothing was written", file=sys.stderr)
        return EXIT_REFUSED
    return EXIT_OK


def _years(years: tuple[int, ...]) -> str:
    if not years:
        return "no fiscal year"
    if list(years) == list(range(years[0], years[-1] + 1)) and len(years) > 1:
        return f"FY{years[0]}–{years[-1]}"
    return ", ".join(f"FY{y}" for y in years)


def _report(result: ImportResult) -> None:
    print(
        f"wrote {result.path}: {result.sectors_on_map_found} of {result.sectors_on_map} map "
        f"sectors ({result.sectors_found} industries in all) for {_years(result.years)}; "
        f"{len(result.missing)} missing, {len(result.warnings)} warning(s)"
    )
    for gap in result.missing:
        who = (
            f"{gap['estat_code']} {gap['sector_id'] or ''}".strip() if gap["estat_code"] else "all"
        )
        when = f"FY{gap['fiscal_year']}" if gap["fiscal_year"] else "every year"
        items = f" items {', '.join(gap['items'])}" if gap["items"] else ""
        print(f"missing: {who}, {when}:{items} ({gap['reason']})")
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
