"""`genai-impact place`: a firm's nearest archetype and what the report expects for it, as JSON.

By figures (`--capital-per-employee`, `--software-per-employee`, optionally `--rd-ratio`) the firm
is compared with the imported official statistics of one fiscal year (the latest by default);
by answers (`--elements`, `--digital-touchpoints`, `--capital-use`) it is placed by the report's
business elements. Bad input: one line per problem naming the option, exit 2, nothing printed
on stdout.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from genai_impact.exports.placement_json import placement_json
from genai_impact.official.model import OfficialStatsError
from genai_impact.official.stats import load_official_stats
from genai_impact.placement import classify, expectations, inputs
from genai_impact.placement.model import FirmFigures, Problem
from genai_impact.placement.units import DEFAULT_UNIT, UNITS
from genai_impact.placement.words import problem_text
from genai_impact.report.model import Dataset

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2
OPTIONS = {
    "capital_per_employee": "--capital-per-employee",
    "software_per_employee": "--software-per-employee",
    "rd_ratio": "--rd-ratio",
    "unit": "--unit",
    "elements": "--elements",
    "labour": "--elements",
    "capital": "--elements",
    "knowledge": "--elements",
    "capital_use": "--capital-use",
    "year": "--year",
}


def add_place_command(commands: Any, data_dir_help: str) -> None:
    place = commands.add_parser(
        "place",
        help="place a firm on the map: its nearest archetype and the report's expectations",
    )
    place.add_argument(
        "--capital-per-employee", help="tangible fixed assets excl. land ÷ employees"
    )
    place.add_argument("--software-per-employee", help="software assets ÷ employees")
    place.add_argument("--rd-ratio", help="in-house R&D spending ÷ sales, in percent")
    place.add_argument(
        "--unit",
        choices=tuple(UNITS),
        default=DEFAULT_UNIT,
        help="money unit of the two ratios' numerators (default: million_yen, the survey's)",
    )
    place.add_argument("--year", type=int, help="fiscal year of the statistics (default: latest)")
    place.add_argument("--elements", help="shares of value, e.g. labour=50,capital=20,knowledge=30")
    place.add_argument("--digital-touchpoints", choices=("yes", "no"))
    place.add_argument("--capital-use", choices=inputs.CAPITAL_USES)
    place.add_argument("--format", choices=("json",), required=True)
    place.add_argument("--data-dir", type=Path, default=None, help=data_dir_help)


def _fail(ds: Dataset, problems: tuple[Problem, ...]) -> int:
    for p in problems:
        print(
            f"genai-impact place: {OPTIONS.get(p.field, p.field)}: {problem_text(ds, p, 'en')}",
            file=sys.stderr,
        )
    return EXIT_USAGE


def _figures(ds: Dataset, args: argparse.Namespace) -> FirmFigures | tuple[Problem, ...]:
    problems: list[Problem] = []
    values: dict[str, float | None] = {}
    for field in ("capital_per_employee", "software_per_employee", "rd_ratio"):
        got = inputs.read_number(field, getattr(args, field) or "")
        if isinstance(got, Problem):
            problems.append(got)
        elif got is None and field != "rd_ratio":
            problems.append(Problem(field, "missing"))
        elif got == 0 and field != "rd_ratio":
            problems.append(Problem(field, "zero_on_log_axis"))
        elif got is not None and field == "rd_ratio" and got > 100:
            problems.append(Problem(field, "over_100", {"value": got}))
        else:
            values[field] = got
    if problems:
        return tuple(problems)
    factor = UNITS[args.unit]
    return FirmFigures(
        values["capital_per_employee"] * factor,  # type: ignore[operator]
        values["software_per_employee"] * factor,  # type: ignore[operator]
        values.get("rd_ratio"),
    )


def run_place(args: argparse.Namespace, ds: Dataset) -> int:
    by_figures = args.capital_per_employee is not None or args.software_per_employee is not None
    if by_figures == (args.elements is not None):
        print(
            "genai-impact place: give the firm's figures (--capital-per-employee and "
            "--software-per-employee) or its answers (--elements), one of the two",
            file=sys.stderr,
        )
        return EXIT_USAGE
    if by_figures:
        return _place_by_figures(ds, args)
    shares = inputs.parse_elements(args.elements)
    if isinstance(shares, tuple):
        return _fail(ds, shares)
    touch = None if args.digital_touchpoints is None else args.digital_touchpoints == "yes"
    answers = inputs.Answers(**shares, digital_touchpoints=touch, capital_use=args.capital_use)
    problems = inputs.check_answers(answers)
    if problems:
        return _fail(ds, problems)
    placement = classify.place_by_answers(ds, answers)
    entered = {
        "elements": shares,
        "digital_touchpoints": touch,
        "capital_use": args.capital_use,
    }
    return _print(ds, placement, entered, None)


def _place_by_figures(ds: Dataset, args: argparse.Namespace) -> int:
    firm = _figures(ds, args)
    if isinstance(firm, tuple):
        return _fail(ds, firm)
    try:
        stats = load_official_stats(args.data_dir)
    except OfficialStatsError as error:
        for problem in error.problems:
            print(f"genai-impact place: {problem}", file=sys.stderr)
        return EXIT_INVALID
    if stats is None or not stats.years:
        print(
            "genai-impact place: no official statistics are imported in the data directory; "
            "placing by figures compares the firm with them (see `genai-impact stats import`), "
            "or place it by --elements",
            file=sys.stderr,
        )
        return EXIT_INVALID
    year = args.year if args.year is not None else max(stats.years)
    ref = classify.reference(ds, stats.figures, year)
    if ref is None:
        years = ", ".join(str(y) for y in stats.years)
        print(
            f"genai-impact place: --year: {year} has no all-industries figures "
            f"(imported years: {years})",
            file=sys.stderr,
        )
        return EXIT_USAGE
    placement = classify.place_by_figures(ds, ref, firm)
    if isinstance(placement, tuple):
        return _fail(ds, placement)
    entered = {
        "capital_per_employee": firm.capital_per_employee,
        "software_per_employee": firm.software_per_employee,
        "rd_ratio_percent": firm.rd_ratio_percent,
        "unit": "million_yen_per_employee",
        "as_typed_unit": args.unit,
    }
    return _print(ds, placement, entered, ref)


def _print(ds: Dataset, placement: Any, entered: dict[str, Any], ref: Any) -> int:
    found = expectations.for_archetype(ds, placement.archetype)
    doc = placement_json(ds, placement, found, entered, ref)
    print(json.dumps(doc, ensure_ascii=False, indent=2))
    return EXIT_OK
