"""`genai-impact deck export FILE.yaml --format pptx|pdf|html -o OUT`: a deck as a file.

FILE is an agenda file (docs/exports.md). Its problems are printed, one line each, and
nothing is written while it has any: a deck that went out without one of its views
would mislead. Links point at --base-url, else $GENAI_IMPACT_BASE_URL; with neither the
command refuses (a file sent to a client must not link to localhost). The file is
written atomically. Exit 0 written, 1 refused (bad file, nothing written), 2 usage.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

from genai_impact import navigation
from genai_impact.atomic_write import write_atomically
from genai_impact.exports.render import FontMissingError
from genai_impact.official.stats import OfficialStatsError, load_official_stats
from genai_impact.report.model import Dataset
from genai_impact.report.query import url_choices
from genai_impact.theme import THEMES
from genai_impact.workshop import agenda_file, annotations, links
from genai_impact.workshop.deck_export import FORMATS, render_deck

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2
PROBLEM_LANG = "en"  # the command line speaks English, like the other commands


def add_deck_commands(commands: argparse._SubParsersAction, data_dir_help: str) -> None:
    deck = commands.add_parser("deck", help="export a deck (an agenda file) as slides")
    actions = deck.add_subparsers(dest="deck_command", required=True, metavar="ACTION")
    export = actions.add_parser(
        "export", help="write every saved view of an agenda file as PPTX, PDF or HTML slides"
    )
    export.add_argument("file", type=Path, metavar="FILE.yaml", help="an agenda file")
    export.add_argument("--format", choices=tuple(FORMATS), required=True)
    export.add_argument("-o", "--out", type=Path, required=True, help="output file (atomic)")
    export.add_argument("--theme", choices=THEMES, default="light")
    export.add_argument(
        "--base-url",
        default=None,
        help=f"public address the slides link to (default: ${links.BASE_URL_ENV})",
    )
    export.add_argument("--data-dir", type=Path, default=None, help=data_dir_help)


def public_base(given: str | None) -> str | None:
    """The base URL links start with: --base-url, else the environment; None if neither
    is an http(s) address."""
    for candidate in (given, os.environ.get(links.BASE_URL_ENV)):
        if candidate:
            parts = urlsplit(candidate.strip())
            if parts.scheme in ("http", "https") and parts.netloc and "@" not in parts.netloc:
                return links.base_url(None, None, candidate)
            return None
    return None


def _error(message: str) -> None:
    print(f"error: {message}", file=sys.stderr)


def run_deck(args: argparse.Namespace, ds: Dataset) -> int:
    base = public_base(args.base_url)
    if base is None:
        _error(
            "no public http(s) address to link the slides to: pass --base-url URL (or set "
            f"{links.BASE_URL_ENV}); a file sent out must not link to localhost"
        )
        return EXIT_USAGE
    try:
        data = args.file.read_bytes()
    except OSError as err:
        _error(f"cannot read {args.file}: {err.strerror or err}")
        return EXIT_REFUSED
    try:
        stats = load_official_stats(args.data_dir)
    except OfficialStatsError as err:
        for problem in err.problems:
            _error(str(problem))
        return EXIT_REFUSED
    choices = url_choices(ds, stats.years if stats else ())
    deck, problems = agenda_file.from_yaml(
        data,
        [p.id for p in navigation.PAGES],
        agenda_file.url_param_check(choices),
        lang=PROBLEM_LANG,
        file=args.file.name,
        annotation_targets=lambda page: annotations.targets(ds, page, PROBLEM_LANG),
    )
    for problem in problems:
        _error(str(problem))
    if problems or not deck.views:
        if not problems:
            _error(f"{args.file.name} has no view to export")
        print(f"nothing written to {args.out}", file=sys.stderr)
        return EXIT_REFUSED
    try:
        out = render_deck(ds, stats, deck, args.format, base, choices, args.theme)
        write_atomically(args.out, out)
    except FontMissingError as err:
        _error(str(err))
        return EXIT_REFUSED
    except OSError as err:
        _error(f"cannot write {args.out}: {err.strerror or err}")
        return EXIT_REFUSED
    print(f"wrote {args.out} ({len(deck.views)} views, {args.format}, links to {base})")
    return EXIT_OK
