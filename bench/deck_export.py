"""Benchmark (not a test): a 12-view deck exported to PPTX, PDF and HTML, beside one PNG.

    .venv/bin/python bench/deck_export.py [--runs 3] [--theme light|dark|contrast]

Each export runs in a fresh Python process (so that peak memory is its own): the process
imports the package, loads the bundled data and starts vl-convert's engine (the font
check, as the app does at start-up), then exports once ("first": the render cache empty,
and for HTML the vega bundle built) and again ("again": a second click in the same
process, charts and bundle cached). Printed per format, medians of --runs: wall seconds,
this process's CPU seconds, the file's size, and the peak resident memory of the process
(ru_maxrss) with its growth over the state before the export. The PNG line is one 16:9
map slide at 2× (what the map's Download gives), measured the same way in the same run.
The deck (made up here, on the bundled data): 4 map views, 4 industry views (one
comparison), 2 impact matrices, 1 use-case grid, 1 sources page, in both languages, with
notes and annotations.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time

BASE = "https://impact.example.org"


def deck():
    from genai_impact.workshop.agenda import Agenda, Annotation, SavedView

    views = (
        SavedView(
            "全体",
            "map",
            {"lang": "ja"},
            note="まず全体",
            annotations=(Annotation("industry:retail", "小売"),),
        ),
        SavedView("AとC", "map", {"lang": "ja", "arch": ["A", "C"]}),
        SavedView("Customer touchpoint", "map", {"lang": "en", "phase": ["customer_touchpoint"]}),
        SavedView("Type 3", "map", {"lang": "en", "impact": ["3"], "q": "auto"}),
        SavedView("小売", "industries", {"lang": "ja", "industry": "retail"}),
        SavedView("建設", "industries", {"lang": "ja", "industry": "construction"}),
        SavedView("Travel", "industries", {"lang": "en", "industry": "travel"}),
        SavedView(
            "小売と建設",
            "industries",
            {"lang": "ja", "industry": "retail", "compare": "construction"},
        ),
        SavedView(
            "マトリクス",
            "impacts",
            {"lang": "ja"},
            annotations=(Annotation("cell:retail:3", "論点"),),
        ),
        SavedView("Matrix B, C", "impacts", {"lang": "en", "arch": ["B", "C"]}),
        SavedView("ユースケース", "use_cases", {"lang": "ja"}),
        SavedView("Sources", "sources", {"lang": "en"}),
    )
    return Agenda(views=views, name="bench deck")


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def one(fmt: str, theme: str) -> dict[str, float]:
    """In this process: one export of `fmt` after the start-up, then the same again."""
    from genai_impact import state
    from genai_impact.exports import render
    from genai_impact.exports.chart_export import render as render_chart
    from genai_impact.exports.map_export import map_export
    from genai_impact.report.load import load_dataset
    from genai_impact.report.query import url_choices
    from genai_impact.workshop.deck_export import render_deck

    ds = load_dataset()
    choices = url_choices(ds)
    render.font_available()  # the engine started, as at the app's start-up
    before = rss_mb()

    def export() -> bytes:
        if fmt == "png":
            view, _ = state.parse_query_params({"lang": "ja"}, choices)
            item = map_export(ds, None, view, f"{BASE}/map?lang=ja")
            return render_chart(item, "png", "slide_16_9", theme)
        return render_deck(ds, None, deck(), fmt, BASE, choices, theme)

    out: dict[str, float] = {"before_mb": before}
    for label in ("first", "again"):
        wall, cpu = time.perf_counter(), time.process_time()
        data = export()
        out[f"{label}_s"] = time.perf_counter() - wall
        out[f"{label}_cpu"] = time.process_time() - cpu
    out["bytes"] = len(data)
    out["peak_mb"] = rss_mb()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--theme", default="light")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.one, args.theme)))
        return
    print(f"load average {os.getloadavg()[0]:.1f}, {args.runs} runs, theme {args.theme}")
    print(
        f"{'format':6} {'first s':>8} {'cpu':>6} {'again s':>8} {'cpu':>6} {'size':>9} "
        f"{'peak MB':>8} {'+MB':>6}"
    )
    for fmt in ("png", "pptx", "pdf", "html"):
        runs = []
        for _ in range(args.runs):
            done = subprocess.run(
                [sys.executable, __file__, "--one", fmt, "--theme", args.theme],
                check=True,
                capture_output=True,
                text=True,
                timeout=600,
            )
            runs.append(json.loads(done.stdout.strip().splitlines()[-1]))

        def med(key: str, runs: list[dict[str, float]] = runs) -> float:
            return statistics.median(r[key] for r in runs)

        print(
            f"{fmt:6} {med('first_s'):8.2f} {med('first_cpu'):6.2f} {med('again_s'):8.2f} "
            f"{med('again_cpu'):6.2f} {med('bytes') / 1024:8.0f}K {med('peak_mb'):8.0f} "
            f"{med('peak_mb') - med('before_mb'):6.0f}"
        )


if __name__ == "__main__":
    main()
