"""`genai-impact validate | export | stats | deck | place`: check, export, import official
statistics, export a deck of saved views as slides, or place a firm on the map."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from genai_impact import __version__
from genai_impact.atomic_write import write_atomically
from genai_impact.cli.deck import add_deck_commands, run_deck
from genai_impact.cli.place import add_place_command, run_place
from genai_impact.cli.stats import add_stats_commands, run_stats
from genai_impact.exports.dataset import to_csv, to_json_dict
from genai_impact.report.load import DEFAULT_DATA_DIR, DataError, Problem, load_dataset
from genai_impact.report.model import Dataset

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="genai-impact", description="Check or export the curated data of genai-impact."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    data_dir_help = f"data directory (default: {DEFAULT_DATA_DIR}; env GENAI_IMPACT_DATA_DIR)"

    check = commands.add_parser("validate", help="check every rule of data/README.md")
    check.add_argument("--data-dir", type=Path, default=None, help=data_dir_help)

    export = commands.add_parser("export", help="write the whole data set as JSON or CSV")
    export.add_argument("--format", choices=("json", "csv"), required=True)
    export.add_argument("--data-dir", type=Path, default=None, help=data_dir_help)
    export.add_argument(
        "--out", type=Path, default=None, help="output file (default: stdout); written atomically"
    )
    add_stats_commands(commands, data_dir_help)
    add_deck_commands(commands, data_dir_help)
    add_place_command(commands, data_dir_help)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0 ok, 1 invalid data or I/O, 2 usage)."""
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exit_:  # argparse exits on --help (0) and on usage errors (2)
        return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE
    try:
        dataset = load_dataset(args.data_dir)
    except DataError as error:
        _print_problems(error.problems)
        return EXIT_INVALID
    if args.command == "validate":
        print(f"ok: {_summary(dataset)}")
        return EXIT_OK
    if args.command == "stats":
        return run_stats(args, dataset)
    if args.command == "deck":
        return run_deck(args, dataset)
    if args.command == "place":
        return run_place(args, dataset)
    return _export(dataset, args.format, args.out)


def _summary(ds: Dataset) -> str:
    counts = (
        (len(ds.industries), "industries"),
        (len(ds.sectors), "sectors"),
        (len(ds.use_cases), "use cases"),
        (len(ds.archetypes), "archetypes"),
        (len(ds.impact_types), "impact types"),
        (len(ds.directions), "directions"),
        (len(ds.sources), "sources"),
    )
    return ", ".join(f"{n} {what}" for n, what in counts)


def _print_problems(problems: Sequence[Problem]) -> None:
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)


def render(ds: Dataset, fmt: str) -> str:
    """The export as text: JSON (UTF-8, indented, trailing newline) or the CSV facts table."""
    if fmt == "json":
        return json.dumps(to_json_dict(ds), ensure_ascii=False, indent=2) + "\n"
    return to_csv(ds)


def _export(ds: Dataset, fmt: str, out: Path | None) -> int:
    text = render(ds, fmt)
    if out is None:
        sys.stdout.write(text)
        return EXIT_OK
    # A BOM lets Excel open Japanese CSV as UTF-8; JSON never carries one.
    encoding = "utf-8-sig" if fmt == "csv" else "utf-8"
    try:
        write_atomically(out, text.encode(encoding))
    except OSError as error:
        print(f"error: cannot write {out}: {error.strerror or error}", file=sys.stderr)
        return EXIT_INVALID
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
